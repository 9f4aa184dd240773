"""Shared helpers for extraction tests: the shipped topic taxonomy as TopicRules."""

import importlib
from pathlib import Path

from statements.extraction import TopicRule

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SEEDS = PROJECT_ROOT / "seeds"


def default_topic_rules() -> tuple[TopicRule, ...]:
    migration = importlib.import_module("statements.migrations.0002_default_topics")
    rules = []
    for topic in migration.DEFAULT_TOPICS:
        lines = [line.strip() for line in topic["rules"].splitlines()]
        patterns = tuple(line for line in lines if line and not line.startswith("#"))
        rules.append(TopicRule(key=topic["slug"], name=topic["name"], patterns=patterns))
    return tuple(rules)
