"""``sheetproof check``: verdicts, counterexamples, --json, and the exit status 0 / 1 / 2."""

import json

import pytest

from verify.cli import main


@pytest.fixture
def bad_yaml(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("identities:\n  - id: a\n    claim: [unclosed\n")
    return path


@pytest.fixture
def bad_claim(tmp_path):
    path = tmp_path / "claims.yaml"
    path.write_text("identities:\n"
                    "  - id: fine\n    symbols: {A: matrix n m, B: matrix m n}\n    claim: tr(A*B) == tr(B*A)\n"
                    "  - id: hostile\n    symbols: {x: vector n}\n    claim: x.__class__ == x\n")
    return path


def test_all_hold_exits_0(data_dir, capsys):
    assert main(["check", str(data_dir / "quick.yaml")]) == 0
    out = capsys.readouterr().out
    for ident in ("trace-cycle", "jacobian-numerator", "dot-as-sum", "hadamard-diag", "logsumexp-grad"):
        assert ident in out
    assert "5 identities checked: 5 as expected, 0 not" in out


def test_refuted_exits_1_with_counterexample(data_dir, capsys):
    assert main(["check", str(data_dir / "refuted.yaml")]) == 1
    out = capsys.readouterr().out
    assert "refuted" in out and "counterexample" in out
    assert "1 not: quad-form-grad-missing-transpose" in out


def test_json_report(data_dir, capsys):
    assert main(["check", "--json", str(data_dir / "refuted.yaml")]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["exit_status"] == 1 and report["errors"] == []
    by_id = {r["id"]: r for r in report["results"]}
    wrong = by_id["quad-form-grad-missing-transpose"]
    assert wrong["verdict"] == "refuted" and not wrong["passed"]
    assert wrong["counterexample"]["exact"] is True
    assert set(wrong["counterexample"]["values"]) == {"x", "A"}
    documented = by_id["inverse-of-product-documented"]
    assert documented["verdict"] == "refuted" and documented["expect"] == "refuted" and documented["passed"]


def test_malformed_yaml_exits_2_with_location(bad_yaml, capsys):
    assert main(["check", str(bad_yaml)]) == 2
    out = capsys.readouterr().out
    assert f"{bad_yaml}: not valid YAML at line" in out.replace("\n", "")


def test_bad_claim_exits_2_and_the_rest_is_still_checked(bad_claim, capsys):
    assert main(["check", "--json", str(bad_claim)]) == 2
    report = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in report["results"]] == ["fine"]
    assert report["results"][0]["verdict"] == "proved"
    (err,) = report["errors"]
    assert (err["file"], err["id"], err["field"]) == (str(bad_claim), "hostile", "claim")
    assert "'.__class__' is not allowed" in err["error"]


def test_missing_file_exits_2(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nope.yaml")]) == 2
    assert "cannot read the file" in capsys.readouterr().out


def test_input_errors_outrank_refutations(data_dir, bad_yaml, capsys):
    assert main(["check", str(data_dir / "refuted.yaml"), str(bad_yaml)]) == 2
