"""Extraction takes any text: the labelled articles cut, shuffled and spliced with pieces of the
constructions its rules read never make it raise. The splicing is seeded, so a failure repeats."""

import random
from pathlib import Path

import pytest

from statements.extraction import decode_source, extract_article

from .helpers import default_topic_rules

HERE = Path(__file__).parent
TEXTS = [decode_source(path.read_bytes())[0] for path in sorted(HERE.glob("corpus*/*.txt"))]
PIECES = [
    "\n- ",
    "\n• ",
    " said that:\n",
    "\n— ",
    "?\n— «",
    "»",
    "“",
    '"',
    ", who said ",
    ", he added, ",
    " the EAM said ",
    " (NDMA) ",
    " the NDMA said ",
    " urged the council to ",
    "Senior Colonel ",
    ", spokesperson for the ministry, ",
    ", adding: ",
    "Подписаться\n",
    " date 2025-11-13 ",
    "\n\n",
]
RULES = default_topic_rules()
TEXTS_PER_SEED = 300


def spliced(rnd: random.Random) -> str:
    paragraphs = rnd.choice(TEXTS).split("\n")
    if rnd.random() < 0.3:
        rnd.shuffle(paragraphs)
    text = "\n".join(paragraphs)
    for _ in range(rnd.randint(1, 12)):
        position = rnd.randrange(len(text) + 1)
        text = text[:position] + rnd.choice(PIECES) + text[position:]
    return text[: rnd.randrange(len(text) + 1)] if rnd.random() < 0.2 else text


@pytest.mark.parametrize("seed", range(4))
def test_extraction_never_raises_on_spliced_articles(seed):
    rnd = random.Random(seed)
    for _ in range(TEXTS_PER_SEED):
        text = spliced(rnd)
        article = extract_article(text, topic_rules=RULES)
        assert all(statement.text and statement.speaker.name for statement in article.statements), text
