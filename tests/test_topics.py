"""The default topic taxonomy shipped by migration 0002, and what its rules match."""

from __future__ import annotations

import importlib
import re

import pytest
from django.apps import apps

from statements.extraction import TopicRule
from statements.extraction.topics import TopicMatcher
from statements.models import Topic

pytestmark = pytest.mark.django_db

default_topics = importlib.import_module("statements.migrations.0002_default_topics")

REQUIRED = [
    "NATO",
    "AUKUS",
    "Outer space",
    "Taiwan",
    "Xinjiang",
    "Tibet",
    "Hong Kong",
    "Ukraine",
    "Asia-Pacific",
    "Arms control",
    "Security guarantees",
    "Strategic security",
    "Military alliance",
    "Military cooperation",
    "Multipolarity",
    "Belt and Road",
    "UN Security Council",
    "Sanctions",
]

# Sentences written for this test, in the register of wire stories, and the topics they belong to.
SENTENCES = {
    "Beijing opposes any attempt to deploy weapons in orbit or to start an arms race in outer space.": {
        "Outer space",
        "Arms control",
    },
    "The militarization of space would threaten everyone, the minister warned.": {"Outer space"},
    "Moscow wants legally binding security guarantees from the North Atlantic alliance.": {
        "Security guarantees",
        "NATO",
    },
    "The two navies held joint exercises in the East China Sea.": {"Military cooperation", "Asia-Pacific"},
    "We are not forming a military-political alliance against third countries.": {"Military alliance"},
    "The world is becoming multipolar, and unilateral sanctions cannot stop it.": {
        "Multipolarity",
        "Sanctions",
    },
    "Both are permanent members of the U.N. Security Council.": {"UN Security Council"},
    "The secretary of Russia's Security Council met his counterpart.": set(),
    "Consultations on strategic stability will continue next month.": {"Strategic security"},
    "He spoke of the Belt and Road Initiative and of Kyiv.": {"Belt and Road", "Ukraine"},
    "Questions of Taiwan, Tibet, Xinjiang and Hong Kong are China's internal affairs.": {
        "Taiwan",
        "Tibet",
        "Xinjiang",
        "Hong Kong",
    },
    "Canberra joined the AUKUS pact.": {"AUKUS"},
    "The draft treaty bans placing weapons in space and commits states not to be the first to place them.": {
        "Outer space",
        "Arms control",
    },
    "Trade between the two countries grew by a third.": set(),
    "The spacecraft reached its orbit.": set(),
}


def test_the_required_topics_ship_with_descriptions_and_rules():
    topics = {topic.name: topic for topic in Topic.objects.all()}

    for name in REQUIRED:
        assert name in topics, name
        assert topics[name].description, name
        assert len(topics[name].rule_lines) >= 1, name
        assert topics[name].get_absolute_url() == f"/topics/{topics[name].slug}/"


def test_regular_expression_rules_compile():
    for topic in Topic.objects.all():
        for rule in topic.rule_lines:
            if rule.startswith("re:"):
                re.compile(rule[3:])


@pytest.mark.parametrize("sentence", SENTENCES)
def test_rules_tag_sentences_they_were_not_written_from(sentence):
    rules = [
        TopicRule(key=topic.name, name=topic.name, patterns=topic.rule_lines) for topic in Topic.objects.all()
    ]

    # The extraction's own matcher: the rules are read exactly as ingest will read them.
    assert set(TopicMatcher.from_rules(rules).match(sentence)) == SENTENCES[sentence]


def test_the_migration_reverses_to_no_topics():
    default_topics.remove_topics(apps, schema_editor=None)

    assert not Topic.objects.filter(
        slug__in=[topic["slug"] for topic in default_topics.DEFAULT_TOPICS]
    ).exists()

    default_topics.add_topics(apps, schema_editor=None)
    assert Topic.objects.filter(name__in=REQUIRED).count() == len(REQUIRED)
