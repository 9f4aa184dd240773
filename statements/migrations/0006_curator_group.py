"""The "Curator" group: may change the archive's content in the admin, never users or groups.

Curators correct articles, speakers, statements and topics; they cannot delete an article, a
statement or a topic (a statement is rejected, not deleted, so its permalink and history stay).
A curator is a staff user in this group; see the README's "Curation" section.
"""

from django.db import migrations

GROUP = "Curator"

# model name -> actions the group may take on it
PERMISSIONS = {
    "outlet": ["view", "add", "change"],
    "article": ["view", "add", "change"],
    "speaker": ["view", "add", "change", "delete"],
    "speakeralias": ["view", "add", "change", "delete"],
    "speakerredirect": ["view", "add", "change", "delete"],
    "statement": ["view", "change"],
    "statementtopic": ["view", "add", "change", "delete"],
    "topic": ["view", "add", "change"],
}


def create_curator_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations ran; this one needs them now.
    app_config = apps.get_app_config("statements")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model, actions in PERMISSIONS.items() for action in actions]
    permissions = Permission.objects.filter(content_type__app_label="statements", codename__in=codenames)
    missing = set(codenames) - set(permissions.values_list("codename", flat=True))
    if missing:
        raise RuntimeError(f"permissions not found: {', '.join(sorted(missing))}")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*permissions)


def remove_curator_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0005_history_baseline"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_curator_group, remove_curator_group),
    ]
