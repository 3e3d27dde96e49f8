"""The nested time budget: a budgeted call stops on time, and the check's own time limit still fires after it."""

import time

import pytest

from verify.check import CheckTimeout, time_limit
from verify.probability.budget import BudgetExceeded, budget


def spin(seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_budget_stops_a_long_call():
    t0 = time.monotonic()
    with pytest.raises(BudgetExceeded):
        with budget(0.2):
            spin(5)
    assert time.monotonic() - t0 < 2


def test_outer_limit_survives_a_budget():
    t0 = time.monotonic()
    with pytest.raises(CheckTimeout):
        with time_limit(0.6):
            with budget(0.1):
                pass  # finishes within its budget
            spin(5)  # the outer limit must still fire
    assert time.monotonic() - t0 < 3


def test_outer_limit_shorter_than_the_budget_wins():
    t0 = time.monotonic()
    with pytest.raises(CheckTimeout):
        with time_limit(0.3):
            with budget(10):
                spin(5)
    assert time.monotonic() - t0 < 3
