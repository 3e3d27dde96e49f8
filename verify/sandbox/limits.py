"""The limits a check runs under, in one place: per task (wall clock, CPU, memory) and per run (budget).

Each check runs in a worker process (:mod:`verify.sandbox.pool`).  The operating
system enforces the memory limit (``RLIMIT_AS``, set so that the worker's resident
memory cannot grow past :attr:`Limits.memory_mib`) and the CPU limit
(``RLIMIT_CPU``: the kernel stops the worker with ``SIGXCPU``); the parent
enforces the wall clock and the run's budget by killing the worker, which it then
replaces.  Nothing is raised into the check's own code.

==================  ====================  ======================  =================================
command             per check (wall, s)   per run (budget, s)     memory per worker
==================  ====================  ======================  =================================
``check`` (files)   30                    600                     2048 MiB
``verify``          60                    none                    2048 MiB
``mutate``          30 per verifier call  none                    2048 MiB
==================  ====================  ======================  =================================
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, replace

__all__ = ["Limits", "UNTRUSTED", "CATALOG", "MUTANTS", "default_jobs", "CPU_GRACE", "add_limit_options"]

CPU_GRACE = 1.0  # CPU seconds beyond the wall limit before the kernel steps in (the parent kills first)


@dataclass(frozen=True)
class Limits:
    """Bounds for one run: ``timeout`` per task (wall clock, seconds), ``cpu`` per task (CPU seconds;
    default: the wall limit plus :data:`CPU_GRACE`), ``memory_mib`` per worker (resident), ``budget`` for
    the whole run (wall clock, seconds; ``None``: unbounded)."""

    timeout: float | None = 30.0
    memory_mib: int = 2048
    budget: float | None = 600.0
    cpu: float | None = None

    def __post_init__(self):
        for name in ("timeout", "budget", "cpu"):
            value = getattr(self, name)
            if value is not None and not (value > 0 and math.isfinite(value)):
                raise ValueError(f"{name} must be a positive number of seconds, got {value!r}")
        if not 64 <= self.memory_mib <= 1 << 20:
            raise ValueError(f"memory must be between 64 and {1 << 20} MiB, got {self.memory_mib!r}")

    @property
    def cpu_seconds(self) -> float | None:
        if self.cpu is not None:
            return self.cpu
        return None if self.timeout is None else self.timeout + CPU_GRACE

    def with_(self, **changes) -> Limits:
        """A copy with some fields changed; ``None`` values in ``changes`` are ignored."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


UNTRUSTED = Limits(timeout=30.0, memory_mib=2048, budget=600.0)  # sheetproof check, the userfile API
CATALOG = Limits(timeout=60.0, memory_mib=2048, budget=None)  # sheetproof verify / show / errata
MUTANTS = Limits(timeout=30.0, memory_mib=2048, budget=None)  # sheetproof mutate (per verifier call)


def default_jobs(tasks: int | None = None) -> int:
    """One worker per CPU this process may use (at most one per task)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, tasks)) if tasks is not None else max(1, cpus)


def _seconds(text: str) -> float | None:
    """A positive number of seconds; 0 or 'none' for no limit."""
    import argparse

    if text.strip().lower() in ("0", "none", "inf"):
        return None
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not (value > 0 and math.isfinite(value)):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds (or 0 for none), got {text!r}")
    return value


def _mebibytes(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of MiB: {text!r}") from None
    if not 64 <= value <= 1 << 20:
        raise argparse.ArgumentTypeError(f"must be between 64 and {1 << 20} MiB, got {value}")
    return value


def _jobs(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= value <= 256:
        raise argparse.ArgumentTypeError(f"must be between 1 and 256, got {value}")
    return value


def add_limit_options(parser, defaults: Limits, *, what: str) -> None:
    """The options every command that runs checks has: ``--timeout``, ``--budget``, ``--memory``, ``--jobs``."""
    def shown(x):
        return "none" if x is None else f"{x:g}"

    parser.add_argument("--timeout", type=_seconds, default=defaults.timeout, metavar="S",
                        help=f"seconds allowed per {what}, wall clock; the kernel also stops it after about as "
                             f"much CPU time (default {shown(defaults.timeout)})")
    parser.add_argument("--budget", type=_seconds, default=defaults.budget, metavar="S",
                        help=f"seconds for the whole run; what has not started by then is reported as error "
                             f"'run budget exhausted' (default {shown(defaults.budget)}; 0 for none)")
    parser.add_argument("--memory", type=_mebibytes, default=defaults.memory_mib, metavar="MIB",
                        help=f"memory per worker process in MiB (default {defaults.memory_mib})")
    parser.add_argument("--jobs", type=_jobs, default=None, metavar="N",
                        help="worker processes (default: one per CPU)")
