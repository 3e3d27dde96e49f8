"""Worker processes that run tasks under hard limits; a worker that overruns is killed and replaced.

    >>> from verify.sandbox import Pool, Task
    >>> with Pool(jobs=1) as pool:
    ...     [o.value for o in pool.run([Task("two", pow, (2, 1), timeout=10)])]
    [2]

Workers are forked from a warm fork server (:mod:`verify.sandbox.zygote`) and
set their own memory and CPU limits (:mod:`verify.sandbox.worker`).  The parent
hands each idle worker one task at a time and waits on the workers' sockets and
the fork server's reports with the nearest deadline as time-out: a task past its wall
clock limit, or still running when the run's budget is spent, is killed
(``SIGKILL``) and its worker replaced; tasks not started when the budget runs out
are reported, never dropped.  Every task yields one :class:`Outcome`, in
completion order.
"""

from __future__ import annotations

import math
import pickle
import signal
import socket
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import wait

from .limits import default_jobs

__all__ = ["Task", "Outcome", "Pool", "SandboxError", "STARTUP_TIMEOUT"]

STARTUP_TIMEOUT = 300.0  # seconds for a worker to come up (the first waits for the fork server's imports)
EXIT_WAIT = 10.0  # seconds to wait for the fork server to report a dead worker's status
MAX_START_FAILURES = 3


class SandboxError(RuntimeError):
    """Workers could not be started at all."""


@dataclass
class Task:
    """``fn(*args)`` in a worker; ``key`` comes back with the outcome.  ``fn`` must be a module-level
    function (pickled by name); ``timeout`` is the wall clock limit, ``cpu`` the CPU limit (seconds)."""

    key: object
    fn: Callable
    args: tuple = ()
    timeout: float | None = None
    cpu: float | None = None


@dataclass
class Outcome:
    """What became of one task: ``value`` when ``ok``, else ``failure`` (``time``, ``cpu``, ``memory``,
    ``crash``, ``budget``, ``raised``, ``too-large``) and a ``reason`` in words."""

    key: object
    ok: bool
    value: object = None
    failure: str = ""
    reason: str = ""
    seconds: float = 0.0
    started: bool = True

    def __repr__(self):
        return f"Outcome({self.key!r}, ok={self.ok}, failure={self.failure!r}, reason={self.reason[:80]!r})"


@dataclass(eq=False)
class _Worker:
    token: int  # the fork server's request token; the pid is known once the server has forked the worker
    conn: object
    since: float
    ready: bool = False
    task: Task | None = None
    started_task: float = 0.0
    deadline: float = math.inf


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def _settings() -> dict:
    """What a worker takes from the parent: warning filters and (when torch is loaded) its default dtype."""
    import sys

    filters = []
    for item in warnings.filters:  # a filter whose category cannot be pickled (a half-imported module's) stays here
        try:
            pickle.dumps(item)
        except Exception:  # noqa: BLE001, S112 - any failure to pickle
            continue
        filters.append(item)
    out = {"warning_filters": filters}
    torch = sys.modules.get("torch")
    if torch is not None:
        out["torch_dtype"] = str(torch.get_default_dtype()).removeprefix("torch.")
    return out


class Pool:
    """Up to ``jobs`` workers, each limited to ``memory_mib`` of resident memory."""

    def __init__(self, jobs: int | None = None, memory_mib: int = 2048):
        self.jobs = max(1, jobs or default_jobs())
        self.memory_mib = memory_mib
        self.peak_rss = 0  # bytes: the largest resident set of any worker (the kernel's ru_maxrss)
        self.workers_started = 0
        self._live: list[_Worker] = []
        self._zygote = None
        self._settings = _settings()
        self._start_failures = 0
        self._doomed: set[int] = set()

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- workers ----------------------------------------------------------------------------
    def _start_worker(self) -> None:
        from multiprocessing.connection import Connection

        from .zygote import shared

        if self._zygote is None or not self._zygote.alive():
            self._zygote = shared()
        ours, theirs = socket.socketpair()
        try:
            token = self._zygote.request_worker(theirs.fileno(), self.memory_mib, self._settings)
        except OSError as err:
            ours.close()
            self._start_failed(f"the fork server could not start a worker ({err})")
            return
        finally:
            theirs.close()
        self.workers_started += 1
        self._live.append(_Worker(token, Connection(ours.detach()), time.monotonic()))

    def _pid(self, worker: _Worker) -> int | None:
        return self._zygote.pids.get(worker.token) if self._zygote else None

    def _exit_of(self, worker: _Worker) -> int | None:
        """The worker's exit code once it is gone (waits for the fork server's report); records its peak RSS."""
        pid = self._pid(worker)
        status = self._zygote.wait_exit(pid, EXIT_WAIT) if pid is not None else None
        if status is None:
            return None
        code, peak = status
        self.peak_rss = max(self.peak_rss, peak)
        return code

    def _retire(self, worker: _Worker, *, kill: bool) -> int | None:
        if kill and self._zygote is not None:
            pid = self._pid(worker)
            if pid is None:
                self._doomed.add(worker.token)  # killed as soon as the server reports its pid
            else:
                self._zygote.kill(pid)
        worker.conn.close()
        if worker in self._live:
            self._live.remove(worker)
        return self._exit_of(worker)

    def _hear_zygote(self) -> None:
        """Take the fork server's messages; kill workers retired before their pid was known."""
        self._zygote.receive()
        for token in list(self._doomed):
            pid = self._zygote.pids.get(token)
            if pid is not None:
                self._zygote.kill(pid)
                self._doomed.discard(token)

    def close(self) -> None:
        """Stop every worker (idle ones are asked to exit, busy ones are killed)."""
        for worker in list(self._live):
            idle = worker.ready and worker.task is None
            if idle:
                try:
                    worker.conn.send(None)
                except OSError:
                    idle = False
            self._retire(worker, kill=not idle)

    def _start_failed(self, why: str) -> None:
        self._start_failures += 1
        if self._start_failures >= MAX_START_FAILURES:
            raise SandboxError(f"{why} ({self._start_failures} times); cannot run checks in workers")

    # -- running ----------------------------------------------------------------------------
    def run(self, tasks: Iterable[Task], *, budget: float | None = None) -> Iterator[Outcome]:
        """Run every task; yield each :class:`Outcome` as it completes.  ``budget``: wall clock seconds for
        the whole run, counted from this call."""
        queue = deque(tasks)
        end = time.monotonic() + budget if budget else math.inf
        try:
            while queue or any(w.task for w in self._live):
                if time.monotonic() >= end:
                    yield from self._spend_budget(queue, budget)
                    return
                self._dispatch(queue)
                yield from self._wait(end)
        finally:
            for worker in list(self._live):
                if worker.task is not None:
                    self._retire(worker, kill=True)

    def _dispatch(self, queue: deque) -> None:
        now = time.monotonic()
        for worker in list(self._live):
            if not queue:
                return
            if worker.ready and worker.task is None:
                task = queue.popleft()
                worker.task, worker.started_task = task, now
                worker.deadline = now + task.timeout if task.timeout else math.inf
                try:
                    message = pickle.dumps((id(task), task.fn, task.args, task.cpu))
                except (pickle.PicklingError, AttributeError, TypeError) as err:
                    worker.task = None
                    raise TypeError(f"task {task.key!r} cannot be sent to a worker: {err}") from None
                try:
                    worker.conn.send_bytes(message)
                except OSError:  # the worker has gone: the task waits for another
                    worker.task = None
                    queue.appendleft(task)
                    self._retire(worker, kill=True)
        starting = sum(not w.ready for w in self._live)
        while len(self._live) < self.jobs and len(queue) > starting:
            self._start_worker()
            starting += 1

    def _wait(self, end: float) -> Iterator[Outcome]:
        deadlines = [end] + [w.deadline for w in self._live if w.task] + [
            w.since + STARTUP_TIMEOUT for w in self._live if not w.ready]
        timeout = max(0.0, min(deadlines) - time.monotonic())
        handles = {w.conn: w for w in self._live}
        if not handles:
            return
        zygote = self._zygote
        waitables = [*handles] + ([zygote] if zygote is not None else [])
        ready = wait(waitables, timeout=None if timeout == math.inf else timeout)
        if zygote is not None and zygote in ready:
            try:
                self._hear_zygote()
            except EOFError:  # the fork server stopped, and its workers with it: their pipes close too
                self._zygote = None
        for handle in ready:
            if handle is not zygote:
                yield from self._attend(handles[handle])
        now = time.monotonic()
        for worker in list(self._live):
            if worker.task is not None and now >= worker.deadline:
                yield self._failed(worker, "time", kill=True)
            elif not worker.ready and now >= worker.since + STARTUP_TIMEOUT:
                self._retire(worker, kill=True)
                self._start_failed("a worker did not start within the time allowed")

    def _attend(self, worker: _Worker) -> Iterator[Outcome]:
        try:
            message = pickle.loads(worker.conn.recv_bytes())
        except (EOFError, OSError, pickle.UnpicklingError):
            message = None
        if message is None:  # the worker is gone
            if worker.task is not None:
                yield self._failed(worker, "crash", kill=True)
            else:
                code = self._retire(worker, kill=True)
                if not worker.ready:
                    self._start_failed(f"a worker exited at start (status {code})")
        elif not worker.ready:
            worker.ready = True
            self._start_failures = 0
        else:
            yield self._reply(worker, message)

    def _reply(self, worker: _Worker, message) -> Outcome:
        _, status, value, seconds, peak = message
        self.peak_rss = max(self.peak_rss, peak)
        task, worker.task = worker.task, None
        if status == "ok":
            return Outcome(task.key, True, value, seconds=seconds)
        if status == "memory":
            self._retire(worker, kill=False)
            return Outcome(task.key, False, failure="memory", reason=self._reason("memory", task), seconds=seconds)
        if status == "too-large":
            return Outcome(task.key, False, failure="too-large", seconds=seconds,
                           reason=f"the check's result is too large to report ({value})")
        return Outcome(task.key, False, failure="raised", reason=f"internal error: {value}", seconds=seconds)

    def _failed(self, worker: _Worker, failure: str, *, kill: bool, reason: str = "") -> Outcome:
        task = worker.task
        seconds = round(time.monotonic() - worker.started_task, 4)
        code = self._retire(worker, kill=kill)
        if failure == "crash":
            failure, reason = self._crash(code)
        return Outcome(task.key, False, failure=failure, reason=reason or self._reason(failure, task),
                       seconds=seconds)

    @staticmethod
    def _crash(code: int | None) -> tuple[str, str]:
        if code is None:
            return "crash", "the worker stopped during the check"
        if code == -signal.SIGXCPU:
            return "cpu", ""
        if code == -signal.SIGKILL:
            return "crash", "the check was killed (signal 9, SIGKILL), possibly by the system for memory"
        if code < 0:
            return "crash", f"the check crashed (signal {-code}, {_signal_name(-code)})"
        return "crash", f"the worker exited with status {code} during the check"

    def _reason(self, failure: str, task: Task) -> str:
        if failure == "time":
            return f"check exceeded its time limit of {task.timeout:g} s"
        if failure == "cpu":
            return f"check exceeded its CPU time limit of {task.cpu:g} s"
        if failure == "memory":
            return f"check exceeded its memory limit of {self.memory_mib} MiB"
        return failure

    def _spend_budget(self, queue: deque, budget: float) -> Iterator[Outcome]:
        for worker in list(self._live):
            if worker.task is not None:
                yield self._failed(worker, "budget", kill=True,
                                   reason=f"run budget exhausted: the run's {budget:g} s were spent while this ran")
        while queue:
            task = queue.popleft()
            yield Outcome(task.key, False, failure="budget", started=False,
                          reason=f"run budget exhausted: not started within the run's {budget:g} s")
