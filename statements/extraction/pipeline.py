"""The extraction entry point: cleaning, metadata, statements, speakers, dates and topics."""

from __future__ import annotations

from collections.abc import Sequence

from .attribution import attribute, find_candidates
from .cleaning import clean
from .decoding import normalize_text
from .records import UNKNOWN_DATE, ExtractedArticle, ExtractedStatement, KnownSpeaker, TopicRule
from .speakers import SpeakerDirectory
from .topics import TopicMatcher

PARAGRAPH_SEPARATOR = "\n\n"
DOUBLE_MARKS = set('"“”«»„‟')


def extract_article(
    text: str,
    *,
    known_speakers: Sequence[KnownSpeaker] = (),
    topic_rules: Sequence[TopicRule] = (),
) -> ExtractedArticle:
    cleaned = clean(normalize_text(text))
    paragraphs = tuple(paragraph.text for paragraph in cleaned.paragraphs)
    body = PARAGRAPH_SEPARATOR.join(paragraphs)
    offsets = []
    position = 0
    for paragraph in paragraphs:
        offsets.append(position)
        position += len(paragraph) + len(PARAGRAPH_SEPARATOR)

    warnings = list(cleaned.warnings)
    statements: tuple[ExtractedStatement, ...] = ()
    if cleaned.language != "en":
        warnings.append(f"language is {cleaned.language!r}: statements are only extracted from English")
    else:
        statements = _extract_statements(cleaned, paragraphs, offsets, known_speakers, topic_rules)

    return ExtractedArticle(
        body=body,
        paragraphs=paragraphs,
        language=cleaned.language,
        outlet=cleaned.outlet,
        source_outlet=cleaned.source_outlet,
        title=cleaned.title,
        dateline_place=cleaned.dateline_place,
        published=cleaned.published,
        statements=statements,
        warnings=tuple(warnings),
    )


def _extract_statements(cleaned, paragraphs, offsets, known_speakers, topic_rules):
    headings = []
    current_heading = ""
    prose_indexes = []
    for index, paragraph in enumerate(cleaned.paragraphs):
        if paragraph.is_heading:
            current_heading = paragraph.text
            continue
        headings.append(current_heading)
        prose_indexes.append(index)
    prose = [paragraphs[index] for index in prose_indexes]
    prose_offsets = [offsets[index] for index in prose_indexes]

    directory = SpeakerDirectory(tuple(known_speakers))
    directory.collect_mentions([(offsets[i], paragraphs[i]) for i in range(len(paragraphs))])
    body_text = "".join(prose)
    use_single_marks = not (DOUBLE_MARKS & set(body_text)) and ("‘" in body_text or " '" in body_text)
    candidates = find_candidates(prose, use_single_marks)
    attributed = attribute(candidates, directory, prose_offsets, cleaned.published)
    matcher = TopicMatcher.from_rules(topic_rules)

    statements = []
    seen = set()
    for item in attributed:
        candidate = item.candidate
        key = (candidate.kind, candidate.text)
        if key in seen:
            continue
        seen.add(key)
        paragraph_offset = prose_offsets[candidate.paragraph_index]
        statements.append(
            ExtractedStatement(
                text=candidate.text,
                kind=candidate.kind,
                speaker=item.speaker,
                speaker_name_as_written=item.name_as_written,
                role_as_written=item.role,
                start=paragraph_offset + candidate.start,
                end=paragraph_offset + candidate.end,
                paragraph_index=prose_indexes[candidate.paragraph_index],
                said_on=item.said_on or UNKNOWN_DATE,
                topics=matcher.match(candidate.text, headings[candidate.paragraph_index]),
            )
        )
    return tuple(statements)
