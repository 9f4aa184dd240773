from django.apps import AppConfig
from django.db.models.signals import post_migrate


class StatementsConfig(AppConfig):
    name = "statements"
    verbose_name = "Statements archive"

    def ready(self) -> None:
        post_migrate.connect(forget_kept_tallies, sender=self)


def forget_kept_tallies(sender, using: str, **kwargs) -> None:
    """A release migrates, and starts with its tallies counted afresh: kept ones are pickles of the
    previous release's objects (statements/summaries.py)."""
    from django.core.cache import caches
    from django.db import connections

    if "statements_summary_cache" in connections[using].introspection.table_names():
        caches["summaries"].clear()
