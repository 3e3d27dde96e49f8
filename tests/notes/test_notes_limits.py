"""Notes are checked under the same limits as identity files: one sandbox pool, ``--budget``, ``--memory``."""

import json

from verify.cli import main
from verify.notes import check_loaded_notes, load_notes_text

NOTES = ("---\nsheetproof:\n  symbols: {x: scalar, A: matrix n n}\n---\n"
         "$$ x + x = 2x $$\n\n$$ \\operatorname{tr}(\\mathbf{A}) = \\operatorname{tr}(\\mathbf{A}^T) $$\n\n"
         "$$ x \\cdot x = x $$\n")


def _report(**limits):
    return check_loaded_notes([load_notes_text(NOTES, "limits.md", "markdown")], timeout=60, jobs=2, **limits)


def test_every_claim_checked_in_one_pool_in_file_order():
    report = _report()
    assert [r.claim.line for r in report.results] == [5, 7, 9]
    assert [r.result.verdict.value for r in report.results] == ["proved", "proved", "refuted"]
    assert report.exit_status == 1


def test_the_run_budget_stops_what_has_not_started():
    report = _report(budget=1e-9)
    reasons = [r.result.reason for r in report.results]
    assert len(reasons) == 3 and all("budget" in reason for reason in reasons), reasons
    assert all(r.result.verdict.value == "error" for r in report.results)


def test_check_command_passes_budget_and_memory_to_notes(tmp_path, capsys):
    path = tmp_path / "limits.md"
    path.write_text(NOTES)
    status = main(["check", str(path), "--json", "--budget", "0.000001", "--memory", "1024"])
    data = json.loads(capsys.readouterr().out)
    assert status == 1
    assert [r["verdict"] for r in data["results"]] == ["error"] * 3
    assert all("budget" in r["reason"] for r in data["results"])
