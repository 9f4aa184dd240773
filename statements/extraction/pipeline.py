"""The extraction entry point: cleaning, metadata, statements, speakers, dates and topics."""

from __future__ import annotations

from collections.abc import Sequence

from .records import ExtractedArticle, KnownSpeaker, TopicRule


def extract_article(
    text: str,
    *,
    known_speakers: Sequence[KnownSpeaker] = (),
    topic_rules: Sequence[TopicRule] = (),
) -> ExtractedArticle:
    raise NotImplementedError("extraction is being written")
