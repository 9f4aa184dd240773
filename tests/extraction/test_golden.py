"""Golden files: each seed text beside the extraction it is expected to give.

After a deliberate change to extraction, regenerate them with
`REGENERATE_GOLDEN=1 python -m pytest tests/extraction/test_golden.py` and review the diff.
"""

import json
import os
from pathlib import Path

import pytest

from statements.extraction import article_as_dict, decode_source, extract_article

from .helpers import SEEDS, default_topic_rules

GOLDEN = Path(__file__).parent / "golden"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda path: path.name)
def test_seed_extraction_matches_golden_file(seed):
    text, _ = decode_source(seed.read_bytes())
    result = article_as_dict(extract_article(text, topic_rules=default_topic_rules()))
    expected_path = GOLDEN / f"{seed.stem}.json"
    if os.environ.get("REGENERATE_GOLDEN"):
        expected_path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert result == expected


def test_every_seed_has_a_golden_file():
    assert {path.stem for path in SEED_FILES} == {path.stem for path in GOLDEN.glob("*.json")}
