"""A run's budget: 500 slow identities in a few kilobytes (merge keys) end on time, every one reported."""

import json
import subprocess
import sys
import time

from verify.userfile import check_identities

SLOW = {"symbols": {"a": "scalar"}, "claim": "sum(sum(exp(a*i*j), j, 0, 63), i, 0, 63) >= 0"}  # 40 s or more each


def test_500_slow_identities_end_within_the_budget_and_are_all_reported(tmp_path):
    path = tmp_path / "slow.yaml"
    # a top-level helper key is refused by the format, so the anchor lives on the first identity
    lines = ["identities:", "  - &slow {id: s0, symbols: {a: scalar}, claim: 'sum(sum(exp(a*i*j), j, 0, 63), i, 0, 63) >= 0'}"]
    lines += [f"  - {{<<: *slow, id: s{k}}}" for k in range(1, 500)]
    path.write_text("\n".join(lines) + "\n")
    assert path.stat().st_size < 25_000
    t0 = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "verify", "check", "--json", "--timeout", "2", "--budget", "12",
                           str(path)], capture_output=True, text=True, timeout=300)
    elapsed = time.monotonic() - t0
    report = json.loads(done.stdout)
    assert done.returncode == 1 and report["errors"] == []
    assert len(report["results"]) == 500  # none dropped
    reasons = [r["reason"] for r in report["results"]]
    assert all(r["verdict"] == "error" for r in report["results"])
    assert sum("run budget exhausted: not started" in r for r in reasons) >= 480
    assert all("time limit of 2 s" in r or "run budget exhausted" in r for r in reasons)
    assert report["run"]["seconds"] <= 12 + 3
    assert elapsed < 12 + 60  # plus the interpreter's start-up and imports


def test_the_api_reports_unstarted_identities_too():
    report = check_identities([{"id": f"s{k}", **SLOW} for k in range(6)], timeout=1.5, budget=2.0, jobs=2)
    assert [r.identity.id for r in report.results] == [f"s{k}" for k in range(6)]  # in the order given
    assert all(r.result.verdict.value == "error" for r in report.results)
    assert any("not started" in r.result.reason for r in report.results)
    assert report.run["seconds"] <= 2.0 + 3
