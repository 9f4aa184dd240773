"""Curators merge speakers, never delete them; speaker redirects get a first history record.

Deleting a speaker, one of their aliases or a redirect loses names later ingests attribute by and
addresses readers use; merging keeps both (see curation.merge_speakers), and needs only the change
permission. So the "Curator" group of 0006 gives up `delete_speaker`, `delete_speakeralias` and
`delete_speakerredirect` (superusers keep them). Redirects that predate their history (0008) get a
baseline record, as 0005 gave the other models.
"""

from django.db import migrations
from django.utils import timezone

GROUP = "Curator"
NO_LONGER = ["delete_speaker", "delete_speakeralias", "delete_speakerredirect"]


def curators_do_not_delete_speakers(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group is not None:
        Permission = apps.get_model("auth", "Permission")
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="statements", codename__in=NO_LONGER)
        )


def curators_delete_speakers_again(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group is not None:
        Permission = apps.get_model("auth", "Permission")
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="statements", codename__in=NO_LONGER)
        )


def record_redirect_baseline(apps, schema_editor):
    redirects = apps.get_model("statements", "SpeakerRedirect")
    historical = apps.get_model("statements", "HistoricalSpeakerRedirect")
    now = timezone.now()
    recorded = set(historical.objects.values_list("id", flat=True).distinct())
    historical.objects.bulk_create(
        (
            historical(
                id=redirect.pk,
                old_slug=redirect.old_slug,
                speaker_id=redirect.speaker_id,
                created_at=redirect.created_at,
                history_date=now,
                history_type="+",
                history_change_reason="baseline",
            )
            for redirect in redirects.objects.exclude(pk__in=recorded).iterator(chunk_size=2000)
        ),
        batch_size=500,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0008_speaker_redirect_history"),
    ]

    operations = [
        migrations.RunPython(curators_do_not_delete_speakers, curators_delete_speakers_again),
        migrations.RunPython(record_redirect_baseline, migrations.RunPython.noop),
    ]
