"""Turns a wire-service text into an article and its attributed statements.

Plain Python with no Django import: text in, frozen dataclasses out.
"""

from .decoding import BinarySource, EmptySource, SourceError, UndecodableSource, decode_source
from .pipeline import extract_article
from .records import (
    DatePrecision,
    ExtractedArticle,
    ExtractedStatement,
    KnownSpeaker,
    PartialDate,
    SpeakerKind,
    SpeakerRef,
    StatementKind,
    TopicRule,
    article_as_dict,
)

__all__ = [
    "BinarySource",
    "DatePrecision",
    "EmptySource",
    "ExtractedArticle",
    "ExtractedStatement",
    "KnownSpeaker",
    "PartialDate",
    "SourceError",
    "SpeakerKind",
    "SpeakerRef",
    "StatementKind",
    "TopicRule",
    "UndecodableSource",
    "article_as_dict",
    "decode_source",
    "extract_article",
]
