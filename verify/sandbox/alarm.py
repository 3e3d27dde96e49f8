"""The in-process time limit, for trusted code run without a worker (``verify.check.check(entry, timeout=...)``).

Untrusted input never relies on it: checks of user files run in worker processes
(:mod:`verify.sandbox.pool`) whose limits the operating system and the parent
enforce, and there this alarm is switched off (:func:`disable`).  In process,
``SIGALRM`` raises :class:`CheckTimeout` -- a ``BaseException``, so the broad
``except Exception`` handlers of SymPy and of the engines' fallbacks let it
through -- and fires again every :data:`REPEAT` seconds in case one lands where
no exception can propagate (a garbage-collector callback).  It never lands in an
import: an alarm that finds ``importlib`` on the stack waits for the import to
finish (a time-out inside the lazy ``import torch`` left torch half-initialised).
Main thread only (POSIX signals); in other threads it does nothing.
"""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager

__all__ = ["CheckTimeout", "time_limit", "disable", "disabled", "REPEAT", "RETRY"]

REPEAT = 1.0  # seconds between repeated alarms once the limit has passed
RETRY = 0.05  # seconds before an alarm that found an import in progress tries again
_MAX_FRAMES = 10_000


class CheckTimeout(BaseException):
    """One check ran past its time limit.

    A ``BaseException``: the engines' broad ``except Exception`` handlers (SymPy strategies that may fail)
    must not swallow it, or a check would run on past its limit."""


_off = False


def disable() -> None:
    """Switch the alarm off for this process (a sandbox worker: the parent enforces the limits)."""
    global _off
    _off = True


@contextmanager
def disabled():
    """The alarm off for the duration of the block."""
    global _off
    before, _off = _off, True
    try:
        yield
    finally:
        _off = before


def _importing(frame) -> bool:
    for _ in range(_MAX_FRAMES):
        if frame is None:
            return False
        if frame.f_code.co_filename.startswith("<frozen importlib"):
            return True
        frame = frame.f_back
    return True  # a stack this deep: do not risk it


@contextmanager
def time_limit(seconds: float | None):
    """Raise :class:`CheckTimeout` in the block once ``seconds`` have passed (no limit for ``None`` / 0).

    Limits nest: an inner one never outlasts the outer one, and the outer one resumes after it."""
    if _off or not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum, frame):
        if _importing(frame):
            signal.setitimer(signal.ITIMER_REAL, RETRY, REPEAT)
            return
        raise CheckTimeout(f"check exceeded its time limit of {seconds:g} s")

    outer, outer_interval = signal.getitimer(signal.ITIMER_REAL)
    start = time.monotonic()
    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, min(seconds, outer) if outer else seconds, REPEAT)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:
            left = outer - (time.monotonic() - start)
            signal.setitimer(signal.ITIMER_REAL, max(left, RETRY), outer_interval)
