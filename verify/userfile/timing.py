"""A time limit that SymPy cannot swallow.

:func:`verify.check.time_limit` raises :class:`~verify.check.CheckTimeout`, an
``Exception``, once.  Code that catches ``Exception`` broadly (several SymPy
routines and the engines' own fallbacks do) can swallow it and run on without
limit.  For untrusted input the alarm here raises :class:`HardTimeout`, a
``BaseException`` that such handlers let through, and fires again every
``REPEAT`` seconds in case one alarm lands where no exception can propagate
(a garbage-collector callback).  Main thread only (POSIX signals); in other
threads it does nothing.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager

__all__ = ["hard_time_limit", "HardTimeout", "REPEAT"]

REPEAT = 1.0  # seconds between repeated alarms once the limit has passed


class HardTimeout(BaseException):
    """An identity's build or check ran past its time limit."""


@contextmanager
def hard_time_limit(seconds: float | None):
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum, frame):
        raise HardTimeout(f"check exceeded its time limit of {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
