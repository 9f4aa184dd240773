"""Acceptance: ingest seeds/, export JSON Lines and hold the scorer's figures against the hand labels."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SUMMARY = re.compile(
    r"recall=(?P<recall>[\d.]+) precision=(?P<precision>[\d.]+) speaker=(?P<speaker>[\d.]+) "
    r"dates=(?P<dates_ok>\d+)/(?P<dates_n>\d+)"
)


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_statements", FIXTURES / "score_statements.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    return scorer


def test_the_seeds_hold_the_scorers_figures(run_command, tmp_path, capsys):
    ingest = run_command("ingest", ROOT / "seeds")
    assert ingest.error is None, ingest.stderr
    export = run_command("export_statements", "--format", "jsonl")
    assert export.error is None
    export_path = tmp_path / "statements.jsonl"
    export_path.write_text(export.stdout, encoding="utf-8")

    capsys.readouterr()
    load_scorer().main(str(FIXTURES / "seeds-gold.json"), str(export_path), verbose=True)
    report = capsys.readouterr().out
    figures = SUMMARY.search(report.strip().splitlines()[-1])

    assert figures is not None, report
    assert float(figures["recall"]) >= 0.97, report
    assert float(figures["precision"]) >= 0.93, report
    assert float(figures["speaker"]) >= 0.97, report
    assert (figures["dates_ok"], figures["dates_n"]) == ("9", "9"), report


def test_ingesting_the_seeds_twice_changes_nothing(run_command):
    run_command("ingest", ROOT / "seeds")

    again = run_command("ingest", ROOT / "seeds")

    assert again.error is None, again.stderr
    assert "Articles: 0 new, 0 updated, 5 unchanged, 0 duplicate, 0 failed." in again.stdout
