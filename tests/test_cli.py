"""The ``sheetproof`` command: verify (JSON, regression gate), show, search, errata, coverage."""

import json

import pytest

import formulas
from formulas.model import Verdict
from verify.cli import build_parser, main


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SHEETPROOF_CACHE", str(tmp_path / "cache"))


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("verify", "show", "search", "errata", "coverage"):
        assert command in out


def test_verify_json_has_the_documented_fields(capsys):
    code = main(["verify", "linalg.trace-cyclic", "linalg.sylvester-psd-leading-minors", "--json", "--jobs", "1"])
    records = json.loads(capsys.readouterr().out)
    assert code == 0
    fields = {"id", "name", "title", "chapter", "seed_quote", "seed_lines", "verdict", "expected_verdict", "methods",
              "counterexample", "corrected_by", "latex", "seconds"}
    for r in records:
        assert fields <= set(r)
    by_id = {r["id"]: r for r in records}
    assert by_id["linalg.trace-cyclic"]["verdict"] == "proved"
    refuted = by_id["linalg.sylvester-psd-leading-minors"]
    assert refuted["verdict"] == "refuted" and refuted["counterexample"]["exact"] is True
    assert refuted["seed_lines"][0] == refuted["seed_lines"][1] == 108


def test_verify_exit_status_is_a_regression_gate(capsys):
    entry = formulas.get("linalg.trace-cyclic")
    object.__setattr__(entry, "expected", Verdict.REFUTED)
    try:
        code = main(["verify", entry.id, "--jobs", "1"])
    finally:
        object.__setattr__(entry, "expected", Verdict.PROVED)
    assert code == 1
    assert "expected refuted" in capsys.readouterr().out


def test_verify_uses_the_cache_second_time(capsys):
    main(["verify", "linalg.trace-cyclic", "--json", "--jobs", "1"])
    first = json.loads(capsys.readouterr().out)[0]
    main(["verify", "linalg.trace-cyclic", "--json", "--jobs", "1"])
    second = json.loads(capsys.readouterr().out)[0]
    assert first == second


def test_show_prints_statement_seed_and_verdict(capsys):
    assert main(["show", "sylvester_psd_leading_minors"]) == 0
    out = capsys.readouterr().out
    assert "refuted" in out and "Sylvester" in out and "Counterexample" in out
    assert "Corrected statement" in out


def test_show_unknown_id_suggests(capsys):
    assert main(["show", "linalg.trace-cyclc"]) == 2
    assert "did you mean" in capsys.readouterr().err


def test_search_ranks_by_alias(capsys):
    assert main(["search", "sylvester criterion", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits[0]["id"].startswith("linalg.sylvester")


def test_errata_lists_only_wrong_or_garbled_seed_claims(capsys):
    assert main(["errata", "--json", "--jobs", "1"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert records
    for r in records:
        assert r["seed_quote"] and r["expected_verdict"] in ("refuted", "not-checkable")
        if r["corrected_by"]:
            assert r["corrected_statement"]["id"] == r["corrected_by"]


def test_parser_is_the_documented_interface():
    parser = build_parser()
    args = parser.parse_args(["verify", "--no-cache", "--timeout", "5"])
    assert args.no_cache and args.timeout == 5
