"""The worker process: limits set by the operating system, then one task at a time from the parent.

A worker is forked from the warm fork server (:mod:`verify.sandbox.preload`), so SymPy,
torch and the catalog are already imported.  At start it

* ignores ``SIGINT`` (the parent owns the run) and sends its output to ``/dev/null``
  (a library printing cannot corrupt ``--json`` output, and no traceback reaches the user);
* turns off core dumps and the in-process alarm (:func:`verify.sandbox.alarm.disable`):
  no signal is ever raised into the check's code;
* takes the parent's warning filters and torch default dtype, so a check sees what it
  would have seen in the parent;
* limits its address space (``RLIMIT_AS``) so that its resident memory cannot grow
  more than ``memory_mib`` past what it is now.

Before each task it moves its CPU limit (``RLIMIT_CPU``) to the CPU time used so far plus
the task's allowance: a check that runs past it is stopped by the kernel (``SIGXCPU``).
A task that exhausts memory is reported as such, and the worker then exits, since a
process that ran out of memory may be left inconsistent.
"""

from __future__ import annotations

import math
import os
import pickle
import resource
import signal
import sys
import time

__all__ = ["worker_main", "MAX_RESULT_BYTES", "MEMORY_MARGIN"]

MAX_RESULT_BYTES = 8 << 20  # a task's pickled result; larger is reported as an error
MEMORY_MARGIN = 32 << 20  # a peak address space this close to the limit means the limit was reached
_MIB = 1 << 20


def _status_kib(field: str) -> int:
    """A ``VmSize`` / ``VmRSS`` / ``VmPeak`` / ``VmHWM`` line of ``/proc/self/status``, in KiB (0 if absent)."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _quiet() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    devnull = os.open(os.devnull, os.O_WRONLY)
    for fd in (1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the worker
    sys.stderr = sys.stdout
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _inherit(settings: dict) -> None:
    import warnings

    warnings.filters[:] = settings.get("warning_filters", warnings.filters)
    dtype = settings.get("torch_dtype")
    if dtype:
        import torch

        torch.set_default_dtype(getattr(torch, dtype))


def _limit_memory(memory_mib: int) -> int:
    """Set ``RLIMIT_AS`` to the current address space plus the room left to ``memory_mib`` of resident
    memory; return the limit in bytes."""
    size, rss = _status_kib("VmSize") * 1024, _status_kib("VmRSS") * 1024
    room = max(memory_mib * _MIB - rss, 64 * _MIB)
    limit = size + room
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return limit


def _limit_cpu(seconds: float | None) -> None:
    hard = resource.getrlimit(resource.RLIMIT_CPU)[1]
    if seconds is None:
        resource.setrlimit(resource.RLIMIT_CPU, (hard, hard))
        return
    usage = resource.getrusage(resource.RUSAGE_SELF)
    soft = math.ceil(usage.ru_utime + usage.ru_stime + seconds)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def _run(fn, args):
    """(status, value): ``ok`` and the result, ``memory`` and a message, or ``raised`` and a message."""
    try:
        return "ok", fn(*args)
    except MemoryError as err:
        return "memory", str(err)[:300]
    except RecursionError:
        return "raised", "RecursionError: the input is nested too deeply"
    except BaseException as err:  # noqa: BLE001 - reported to the parent as this task's error
        return "raised", f"{type(err).__name__}: {str(err)[:500]}"


def worker_main(conn, memory_mib: int, settings: dict) -> None:
    """Serve tasks ``(task_id, fn, args, cpu_seconds)`` from ``conn`` until it closes or sends ``None``.

    Each reply is ``(task_id, status, value, seconds, peak_rss_bytes)`` with ``status`` one of ``ok``,
    ``raised``, ``memory``, ``too-large``."""
    _quiet()
    from . import alarm, preload

    alarm.disable()
    preload.warm()
    _inherit(settings)
    limit = _limit_memory(memory_mib)
    conn.send(("ready", os.getpid(), limit))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        task_id, fn, args, cpu = message
        _limit_cpu(cpu)
        t0 = time.perf_counter()
        status, value = _run(fn, args)
        seconds = time.perf_counter() - t0
        _limit_cpu(None)
        if status == "ok" and _status_kib("VmPeak") * 1024 >= limit - MEMORY_MARGIN:
            status, value = "memory", "the address space reached its limit"
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        try:
            payload = pickle.dumps((task_id, status, value, seconds, peak), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as err:  # noqa: BLE001 - an unpicklable result is this task's error
            payload = pickle.dumps((task_id, "raised", f"result cannot be sent: {type(err).__name__}", seconds, peak))
        if len(payload) > MAX_RESULT_BYTES:
            payload = pickle.dumps((task_id, "too-large", f"{len(payload)} bytes", seconds, peak))
        try:
            conn.send_bytes(payload)
        except (OSError, ValueError):
            return
        if status == "memory":
            return  # the parent starts a fresh worker
