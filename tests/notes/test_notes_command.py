"""``sheetproof check`` on notes: the reports (text, --json, --format github) and the exit status."""

import json

import pytest

from verify.cli import main
from verify.notes.output import annotation

GOOD = "---\nsheetproof:\n  symbols: {x: scalar}\n---\n# Notes\n\n$$ x + x = 2x $$\n"
BAD = GOOD + "\n$$ x + x = x $$\n"
UNREADABLE = GOOD + "\n$$ x + y = 2 $$\n"
TEX = "% sheetproof:\n%   symbols: {x: scalar}\n\\begin{equation}\n  x \\cdot 1 = x\n\\end{equation}\n"


def run(capsys, *argv):
    status = main(["check", *map(str, argv)])
    return status, capsys.readouterr().out


@pytest.fixture
def files(tmp_path):
    out = {}
    for name, text in (("good.md", GOOD), ("bad.md", BAD), ("unreadable.md", UNREADABLE), ("notes.tex", TEX)):
        out[name] = tmp_path / name
        out[name].write_text(text)
    return out


def test_exit_status_zero_one_two(capsys, files):
    assert run(capsys, files["good.md"])[0] == 0
    assert run(capsys, files["notes.tex"])[0] == 0
    assert run(capsys, files["bad.md"])[0] == 1
    assert run(capsys, files["unreadable.md"])[0] == 2
    assert run(capsys, files["good.md"], files["unreadable.md"])[0] == 2


def test_text_report_shows_the_formula_and_the_claim_as_understood(capsys, files):
    status, out = run(capsys, files["bad.md"])
    assert "x + x = x" in out and "x + x == x" in out and "refuted" in out and "counterexample" in out
    assert "2 claims checked: 1 as expected, 1 not" in out
    _, out = run(capsys, files["unreadable.md"])
    assert "unreadable" in out and "unknown symbol 'y'" in out


def test_json_has_line_and_column(capsys, files):
    status, out = run(capsys, files["bad.md"], "--json")
    data = json.loads(out)
    assert status == data["exit_status"] == 1
    ok, wrong = data["results"]
    assert (ok["line"], ok["column"], ok["claim"], ok["verdict"], ok["passed"]) == (7, 4, "x + x == 2*x", "proved",
                                                                                  True)
    assert (wrong["line"], wrong["verdict"], wrong["passed"]) == (9, "refuted", False)
    assert wrong["counterexample"]["exact"] is True
    _, out = run(capsys, files["unreadable.md"], "--format", "json")
    (err,) = json.loads(out)["errors"]
    assert err["line"] == 9 and "unknown symbol 'y'" in err["error"]


def test_github_annotations_mark_the_wrong_line(capsys, files):
    status, out = run(capsys, files["bad.md"], files["unreadable.md"], "--format", "github")
    lines = out.strip().splitlines()
    assert status == 2
    assert any(line.startswith(f"::error file={files['bad.md']},line=9,col=4,title=sheetproof L9%3A refuted::")
               for line in lines), lines
    assert any(",line=9," in line and "unreadable" in line for line in lines if "unreadable.md" in line)
    assert lines[-1].startswith("sheetproof: 3 claims checked, 2 as expected, 1 not; 1 input error(s)")


def test_github_escaping():
    assert annotation("error", "a%b\nc", file="d,e:f.md", line=3, title="t: x") == (
        "::error file=d%2Ce%3Af.md,line=3,title=t%3A x::a%25b%0Ac")


def test_yaml_and_notes_in_one_run(capsys, files, tmp_path):
    ids = tmp_path / "ids.identities.yaml"
    ids.write_text("identities:\n  - id: double\n    symbols: {x: scalar}\n    claim: x + x == 2*x\n")
    status, out = run(capsys, ids, files["good.md"], "--json")
    data = json.loads(out)
    assert status == 0 and [r["id"] for r in data["results"]] == ["double", "L7"]
    status, out = run(capsys, ids, "--format", "github")
    assert status == 0 and out.strip().endswith("1 claims checked, 1 as expected, 0 not; 0 input error(s)")
    status, out = run(capsys, ids, files["bad.md"])
    assert status == 1 and "double" in out and "x + x == x" in out


def test_help_mentions_notes(capsys):
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = capsys.readouterr().out
    assert "Markdown (.md) and LaTeX (.tex)" in out and "--format" in out
