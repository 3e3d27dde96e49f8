"""The in-process time limit: heard even by code that swallows exceptions, never inside an import, off in workers."""

import sys
import time

import pytest

from verify.sandbox import alarm


def test_the_limit_raises_a_base_exception_that_broad_handlers_let_through():
    t0 = time.monotonic()
    with pytest.raises(alarm.CheckTimeout, match="time limit of 0.3 s"), alarm.time_limit(0.3):
        while True:
            try:
                time.sleep(0.05)
            except Exception:  # noqa: BLE001 - what SymPy's fallbacks do
                pass
    assert time.monotonic() - t0 < 3


def test_an_alarm_waits_for_the_import_in_progress(tmp_path, monkeypatch):
    (tmp_path / "slow_module_for_alarm.py").write_text("import time\ntime.sleep(1.0)\nDONE = True\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(alarm.CheckTimeout), alarm.time_limit(0.2):
        import slow_module_for_alarm  # noqa: F401
        time.sleep(5)
    assert sys.modules["slow_module_for_alarm"].DONE  # the import finished: the alarm waited for it
    del sys.modules["slow_module_for_alarm"]


def test_disabled_alarm_sets_no_timer():
    import signal

    with alarm.disabled(), alarm.time_limit(0.1):
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
        time.sleep(0.3)  # no CheckTimeout


def test_userfile_timing_is_the_same_alarm():
    from verify.check import CheckTimeout, time_limit
    from verify.userfile.timing import HardTimeout, hard_time_limit

    assert HardTimeout is CheckTimeout is alarm.CheckTimeout
    assert hard_time_limit is time_limit is alarm.time_limit


IN_PROCESS = """
import sys
from verify.userfile import check_claim
claim, symbols = "D(x.T*A*x, x) == (A + A.T)*x", {"x": "vector n", "A": "matrix n n"}
for limit in (0.001, 0.01, 0.05, 0.1, 0.3, 0.6, 1.0):  # alarms land wherever the lazy imports are
    check_claim(claim, symbols, timeout=limit, sandbox=False)
assert "torch" in sys.modules
result = check_claim(claim, symbols, timeout=120, sandbox=False)
print(result.verdict.value)
"""


def test_in_process_alarms_never_break_the_lazy_imports():
    """The issue's crash: an alarm inside the lazy ``import torch`` left torch half-initialised, every later
    check failed and the interpreter segfaulted at exit (139).  Now the alarm waits for imports."""
    import subprocess

    done = subprocess.run([sys.executable, "-c", IN_PROCESS], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "proved"


def test_limits_nest():
    t0 = time.monotonic()
    with pytest.raises(alarm.CheckTimeout, match="time limit"), alarm.time_limit(0.5):
        with alarm.time_limit(0.2):
            pass  # the inner one ends at once; the outer one resumes
        with alarm.time_limit(10):  # never outlasts the outer
            time.sleep(5)
    assert time.monotonic() - t0 < 2


SAME_PROCESS = """
import sys
from verify.userfile import check_claim
claim, symbols = "D(log(det(X)), X) == X.I.T", {"X": "matrix n n invertible"}
assert "torch" not in sys.modules
for sandbox in (False, True):
    short = check_claim(claim, symbols, timeout=1, sandbox=sandbox)
    assert short.verdict.value == "proved" or short.reason == "check exceeded its time limit of 1 s", short
    print(check_claim(claim, symbols, timeout=30, sandbox=sandbox).verdict.value)
"""


def test_a_one_second_limit_leaves_the_process_able_to_check_the_same_claim_again():
    """The issue's reproduction: ``timeout=1`` on a claim whose check lazily imports torch, then the same claim
    at ``timeout=30`` in the same process, in process and in a worker; no ImportError, AttributeError or
    segfault, and the process exits 0."""
    import subprocess

    done = subprocess.run([sys.executable, "-c", SAME_PROCESS], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["proved", "proved"]
