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


def test_verify_uses_the_cache_second_time(capsys, monkeypatch, tmp_path):
    """The second run must not check again: with the checker broken, the cached result still comes back."""
    import verify.run

    main(["verify", "linalg.trace-cyclic", "--json", "--jobs", "1"])
    first = json.loads(capsys.readouterr().out)[0]
    assert (tmp_path / "cache" / "results.json").exists()

    def no_second_check(entry, **kw):
        raise AssertionError(f"{entry.id} was checked again instead of read from the cache")

    monkeypatch.setattr(verify.run, "check", no_second_check)
    assert main(["verify", "linalg.trace-cyclic", "--json", "--jobs", "1"]) == 0
    second = json.loads(capsys.readouterr().out)[0]
    assert first == second and second["verdict"] == "proved"


def test_cache_key_covers_every_file_of_a_chapter_package(monkeypatch):
    """Editing a section module of a chapter package (not only its __init__) invalidates its cached results."""
    from pathlib import Path

    import verify.cache as cache

    entry = formulas.get("linalg.trace-cyclic")
    before = cache.entry_key(entry)
    section = Path(formulas.catalog().by_id["linalg.trace-cyclic"].statement.__code__.co_filename).resolve()
    assert section.name == "trace.py"
    real = Path.read_bytes

    def edited(path):
        data = real(path)
        return data + b"# edited" if Path(path).resolve() == section else data

    monkeypatch.setattr(Path, "read_bytes", edited)
    cache._chapter_sources.cache_clear()
    try:
        assert cache.entry_key(entry) != before
    finally:
        monkeypatch.undo()
        cache._chapter_sources.cache_clear()


def test_verify_json_records_a_statement_that_raises_as_error(capsys):
    """A statement that raises when built gives verdict error and a statement_error, and the report goes on."""
    entry = formulas.get("linalg.trace-cyclic")
    saved = entry.statement

    def broken(A, B):
        raise ZeroDivisionError("a statement that cannot be built")

    object.__setattr__(entry, "statement", broken)
    entry.__dict__.pop("expr", None)
    try:
        code = main(["verify", entry.id, "linalg.sylvester-psd-leading-minors", "--json", "--jobs", "1", "--no-cache"])
    finally:
        object.__setattr__(entry, "statement", saved)
        entry.__dict__.pop("expr", None)
    records = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert code == 1  # the broken entry no longer has its expected verdict
    bad = records[entry.id]
    assert bad["verdict"] == "error" and bad["latex"] is None
    assert "ZeroDivisionError" in bad["statement_error"]
    assert records["linalg.sylvester-psd-leading-minors"]["verdict"] == "refuted"


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


# Seed claims that are errata by reading (wrong, garbled with the intended statement checked, or beyond
# reading), and seed claims and definitions that are not; fixed here, independently of report.is_erratum.
KNOWN_ERRATA = {"linalg.sylvester-psd-leading-minors": "refuted", "linalg.indefinite-otherwise": "refuted",
                "prob.cov-definition-as-printed": "confirmed", "prob.binary-entropy-as-printed": "proved",
                "prob.density-sum-fragment": "not-checkable", "anal.strictly-convex-has-minimum-as-printed": "refuted",
                "deriv.grad-times-identity-jacobian": "refuted", "latent.rotation-gram-with-stray-m": "proved"}
NOT_ERRATA = ("linalg.trace-cyclic", "prob.sum-rule", "prob.independence-definition", "anal.jensen-as-printed",
              "anal.convex-local-min-global", "latent.mgf-sum-independent", "deriv.grad-quadratic-form")


def test_errata_lists_the_wrong_and_garbled_seed_claims(capsys):
    assert main(["errata", "--json", "--jobs", "1"]) == 0
    records = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    for entry_id, verdict in KNOWN_ERRATA.items():
        assert entry_id in records, f"{entry_id} is an erratum but errata does not list it"
        assert records[entry_id]["verdict"] == verdict, (entry_id, records[entry_id]["verdict"])
    for entry_id in NOT_ERRATA:
        assert entry_id not in records, f"{entry_id} is listed as an erratum"
    for r in records.values():
        assert r["seed_quote"] and not r["definition"]
        if r["corrected_by"]:
            assert r["corrected_statement"]["id"] == r["corrected_by"]
        else:  # an erratum without a correction is one no engine could read
            assert r["verdict"] in ("refuted", "not-checkable"), r["id"]
    # every seed claim the engines refute is listed, whatever its entry expects (two small chapters, for time)
    from verify.run import run_entries

    seeded = [e for e in formulas.entries() if e.seed and not e.definition and e.chapter.key in ("linalg", "info")]
    refuted = [e.id for e, res in zip(seeded, run_entries(seeded, jobs=1), strict=True) if res.verdict.value == "refuted"]
    assert refuted and set(refuted) <= set(records)


def test_parser_is_the_documented_interface():
    parser = build_parser()
    args = parser.parse_args(["verify", "--no-cache", "--timeout", "5"])
    assert args.no_cache and args.timeout == 5
