"""A first history record ("+", reason "baseline") for every row that predates history.

The admin's history view shows each change as old value → new value against the record before it;
without a baseline, a curator's first edit of an older statement would have nothing to compare with.
"""

from django.db import migrations
from django.utils import timezone

TRACKED = ["Outlet", "Article", "Speaker", "SpeakerAlias", "Topic", "Statement", "StatementTopic"]


def record_baseline(apps, schema_editor):
    now = timezone.now()
    for name in TRACKED:
        model = apps.get_model("statements", name)
        historical = apps.get_model("statements", f"Historical{name}")
        tracked = [
            field.attname
            for field in historical._meta.concrete_fields
            if not field.name.startswith("history_")
        ]
        recorded = set(historical.objects.values_list("id", flat=True).distinct())
        rows = (
            historical(
                history_date=now,
                history_type="+",
                history_change_reason="baseline",
                **{attname: getattr(row, attname) for attname in tracked},
            )
            for row in model.objects.exclude(pk__in=recorded).iterator(chunk_size=2000)
        )
        historical.objects.bulk_create(rows, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0004_history_and_speaker_redirects"),
    ]

    operations = [
        migrations.RunPython(record_baseline, migrations.RunPython.noop),
    ]
