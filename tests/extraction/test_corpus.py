"""Hand-labelled wire articles written apart from the extraction rules, scored with the
same scorer as the seeds: a guard against rules that only fit the seeds."""

import importlib.util
import json
from pathlib import Path

import pytest

from statements.extraction import decode_source, extract_article

from .helpers import default_topic_rules

HERE = Path(__file__).parent
SCORER = HERE.parent / "fixtures" / "score_statements.py"
CORPORA = sorted(path for path in HERE.glob("corpus*") if (path / "labels.json").exists())


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_statements", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    return scorer


def export_rows(folder: Path) -> list[dict]:
    rules = default_topic_rules()
    names = {rule.key: rule.name for rule in rules}
    rows = []
    for path in sorted(folder.glob("*.txt")):
        text, _ = decode_source(path.read_bytes())
        article = extract_article(text, topic_rules=rules)
        for statement in article.statements:
            rows.append(
                {
                    "text": statement.text,
                    "kind": str(statement.kind),
                    "speaker": {"name": statement.speaker.name},
                    "said_on": statement.said_on.iso(),
                    "topics": [names[key] for key in statement.topics],
                    "article": {"source_file": path.name, "published": article.published.iso()},
                }
            )
    return rows


@pytest.mark.parametrize("folder", CORPORA, ids=lambda path: path.name)
def test_held_out_articles_score_well(folder, tmp_path, capsys):
    export = tmp_path / "export.jsonl"
    export.write_text("\n".join(json.dumps(row) for row in export_rows(folder)), encoding="utf-8")

    recall, precision, speaker = load_scorer().main(str(folder / "labels.json"), str(export), verbose=True)

    report = capsys.readouterr().out
    assert recall >= 0.9, report
    assert precision >= 0.9, report
    assert speaker >= 0.9, report


def test_labelled_files_exist():
    for folder in CORPORA:
        labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
        assert {item["file"] for item in labels} <= {path.name for path in folder.glob("*.txt")}
