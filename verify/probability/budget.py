"""A time budget for one SymPy call inside a check, nested inside the check's own time limit.

``with budget(2.0): sympy.integrate(...)`` raises :class:`BudgetExceeded` after 2 s.
It shares ``SIGALRM`` with :func:`verify.check.time_limit`: the outer timer is
saved, the shorter of the two deadlines is armed, and on exit the outer timer
is re-armed with what is left of it -- so the outer limit still fires on time,
and when it is the outer deadline that passes first, the outer handler runs.
Outside the main thread (no signals) the budget is not enforced.
"""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager

__all__ = ["budget", "BudgetExceeded"]


class BudgetExceeded(BaseException):
    """A budgeted call ran past its budget (a BaseException: SymPy's broad handlers must not swallow it)."""


@contextmanager
def budget(seconds: float):
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    start = time.monotonic()
    old_handler = signal.getsignal(signal.SIGALRM)
    old_remaining, _ = signal.getitimer(signal.ITIMER_REAL)
    outer_first = bool(old_remaining) and old_remaining <= seconds

    def on_alarm(signum, frame):
        if outer_first and callable(old_handler):
            old_handler(signum, frame)  # the check's own limit: let it raise what it raises
        raise BudgetExceeded(f"exceeded a budget of {seconds:g} s")

    signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, min(seconds, old_remaining) if old_remaining else seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old_handler)
        if old_remaining:
            signal.setitimer(signal.ITIMER_REAL, max(old_remaining - (time.monotonic() - start), 1e-3))
