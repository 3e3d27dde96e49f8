"""The worker pool: every way a task can go wrong becomes that task's outcome, and the run goes on.

The misbehaving tasks are plain library functions (picklable by name): ``time.sleep``
hangs, ``sum(range(...))`` burns CPU, ``bytearray`` and ``operator.mul`` allocate,
``os.abort`` and ``ctypes.string_at(0)`` crash, ``os._exit`` leaves.
"""

import ctypes
import operator
import os
import signal
import time

import pytest

from verify.sandbox import Pool, Task
from verify.sandbox.zygote import shared

SLACK = 3.0  # seconds a kill may take beyond its deadline on a busy machine

BAD = [
    ("hang", time.sleep, (600,), {"timeout": 1.0}, "time", "check exceeded its time limit of 1 s"),
    ("spin", sum, (range(10**13),), {"timeout": 60.0, "cpu": 1.0}, "cpu", "CPU time limit of 1 s"),
    ("one-big-block", bytearray, (10**11,), {"timeout": 20.0}, "memory", "memory limit of 1024 MiB"),
    ("one-big-list", operator.mul, ([0], 3 * 10**8), {"timeout": 30.0}, "memory", "memory limit of 1024 MiB"),
    ("growing-list", list, (range(10**9),), {"timeout": 60.0}, "memory", "memory limit of 1024 MiB"),
    ("abort", os.abort, (), {"timeout": 10.0}, "crash", "signal 6, SIGABRT"),
    ("segfault", ctypes.string_at, (0,), {"timeout": 10.0}, "crash", "signal 11, SIGSEGV"),
    ("exit", os._exit, (3,), {"timeout": 10.0}, "crash", "exited with status 3"),
    ("raise", int, ("not a number",), {"timeout": 10.0}, "raised", "internal error: ValueError"),
]


@pytest.fixture(scope="module")
def pool():
    with Pool(jobs=2, memory_mib=1024) as p:
        list(p.run([Task(k, pow, (k, 2), timeout=600) for k in range(2)]))  # the fork server warms up once
        yield p


@pytest.mark.parametrize(("key", "fn", "args", "limits", "failure", "reason"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_task_is_its_own_outcome_and_the_next_one_runs(pool, key, fn, args, limits, failure, reason):
    started = pool.workers_started
    t0 = time.monotonic()
    bad, good = pool.run([Task(key, fn, args, **limits), Task("after", pow, (2, 10), timeout=30)])
    if bad.key == "after":
        bad, good = good, bad
    assert (bad.ok, bad.failure) == (False, failure), bad
    assert reason in bad.reason
    assert good.ok and good.value == 1024
    assert time.monotonic() - t0 < limits.get("cpu", limits["timeout"]) + 10 + SLACK
    again = list(pool.run([Task(k, pow, (k, 3), timeout=30) for k in range(4)]))  # the pool is whole again
    assert sorted(o.value for o in again) == [0, 1, 8, 27]
    if failure != "raised":
        assert pool.workers_started > started  # the failed worker was replaced
    assert pool.peak_rss < 1024 * 2**20 + 2**26


def test_budget_reports_every_task(pool):
    tasks = [Task(k, time.sleep, (1.0,), timeout=30) for k in range(12)]
    t0 = time.monotonic()
    outcomes = list(pool.run(tasks, budget=2.5))
    assert time.monotonic() - t0 < 2.5 + SLACK
    assert sorted(o.key for o in outcomes) == list(range(12))  # none dropped
    done = [o for o in outcomes if o.ok]
    spent = [o for o in outcomes if not o.ok]
    assert 2 <= len(done) <= 6
    assert all(o.failure == "budget" and "run budget exhausted" in o.reason for o in spent)
    assert any(not o.started for o in spent)


def test_many_small_tasks_in_order_of_completion(pool):
    outcomes = list(pool.run([Task(k, pow, (k, 2), timeout=30) for k in range(300)]))
    assert sorted((o.key, o.value) for o in outcomes) == [(k, k * k) for k in range(300)]


def test_workers_and_fork_server_are_single_threaded(pool):
    (outcome,) = pool.run([Task("threads", os.listdir, ("/proc/self/task",), timeout=30)])
    assert len(outcome.value) == 1
    assert len(os.listdir(f"/proc/{shared().process.pid}/task")) == 1


def test_workers_have_no_alarm_and_no_core_dumps(pool):
    import resource

    (timer,) = pool.run([Task("timer", signal.getitimer, (signal.ITIMER_REAL,), timeout=30)])
    (core,) = pool.run([Task("core", resource.getrlimit, (resource.RLIMIT_CORE,), timeout=30)])
    assert timer.value == (0.0, 0.0) and core.value == (0, 0)


def test_the_parents_warning_filters_reach_the_workers(pool):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with Pool(jobs=1) as strict:
            (outcome,) = strict.run([Task("warn", warnings.warn, ("deprecated", DeprecationWarning), timeout=30)])
    assert outcome.failure == "raised" and "DeprecationWarning" in outcome.reason


def test_a_task_that_cannot_be_sent_is_a_programming_error(pool):
    with pytest.raises(TypeError, match="task 'lambda' cannot be sent to a worker"):
        list(pool.run([Task("lambda", lambda: 1, (), timeout=5)]))
    (after,) = pool.run([Task("after", pow, (3, 2), timeout=30)])
    assert after.value == 9
