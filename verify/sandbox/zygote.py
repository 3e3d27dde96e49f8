"""The warm fork server: one interpreter that imports everything once and forks a worker on request.

The parent starts it as a fresh interpreter (``python -c``, its own ``sys.path``,
``OMP_NUM_THREADS=OPENBLAS_NUM_THREADS=1``, output to ``/dev/null``).  It imports
and exercises the engines (:func:`verify.sandbox.preload.warm`), so no BLAS or
OpenMP thread exists and no import is left for a worker to do; then it serves
requests on a ``SOCK_SEQPACKET`` socket:

* ``("start", memory_mib, settings)`` with one file descriptor attached: fork a
  worker (:func:`verify.sandbox.worker.worker_main`) on that connection; reply
  ``("started", pid)`` (requests are answered in order; the parent does not wait:
  requests sent while the server is still warming up are served when it is ready);
* ``("kill", pid)``: ``SIGKILL`` the worker, only while it is not yet reaped (no pid reuse);

and reports each worker's end as ``("exited", pid, exit code, peak RSS bytes)``
(``os.wait4``: negative codes are signals).  Unlike ``multiprocessing``'s fork
server it never imports the caller's ``__main__``: a script that calls the API
needs no ``if __name__ == "__main__"`` guard.  When the parent goes away the
socket closes and the server kills its workers and exits.
"""

from __future__ import annotations

import os
import pickle
import selectors
import signal
import socket
import subprocess
import sys
import threading

__all__ = ["Zygote", "serve", "shared", "MAX_MESSAGE"]

MAX_MESSAGE = 1 << 16
_LOCK = threading.Lock()
_SHARED: Zygote | None = None
_REGISTERED = False


def _fork_worker(control: socket.socket, wakeup: tuple[int, int], fd: int, memory_mib: int, settings: dict) -> int:
    pid = os.fork()
    if pid:
        return pid
    code = 1
    try:
        control.close()
        for end in wakeup:
            os.close(end)
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        from multiprocessing.connection import Connection

        from .worker import worker_main

        worker_main(Connection(fd), memory_mib, settings)
        code = 0
    finally:
        os._exit(code)


def serve(control_fd: int) -> None:
    """The server's main loop (runs in the fork server process)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from . import preload

    preload.warm()
    control = socket.socket(fileno=control_fd)
    wakeup = os.pipe()
    os.set_blocking(wakeup[0], False)
    os.set_blocking(wakeup[1], False)
    signal.set_wakeup_fd(wakeup[1])
    signal.signal(signal.SIGCHLD, lambda *_: None)
    alive: set[int] = set()
    selector = selectors.DefaultSelector()
    selector.register(control, selectors.EVENT_READ)
    selector.register(wakeup[0], selectors.EVENT_READ)
    control.send(pickle.dumps(("ready", os.getpid())))
    try:
        while True:
            for key, _ in selector.select():
                if key.fileobj is control:
                    try:
                        data, fds, _, _ = socket.recv_fds(control, MAX_MESSAGE, 1)
                    except OSError:
                        return
                    if not data:
                        return
                    message = pickle.loads(data)
                    if message[0] == "start" and fds:
                        pid = _fork_worker(control, wakeup, fds[0], message[1], message[2])
                        os.close(fds[0])
                        alive.add(pid)
                        control.send(pickle.dumps(("started", pid)))
                    elif message[0] == "kill" and message[1] in alive:
                        os.kill(message[1], signal.SIGKILL)
                else:
                    try:
                        while os.read(wakeup[0], 512):
                            pass
                    except BlockingIOError:
                        pass
                _reap(control, alive)
    finally:
        for pid in alive:
            os.kill(pid, signal.SIGKILL)


def _reap(control: socket.socket, alive: set[int]) -> None:
    while alive:
        try:
            pid, status, usage = os.wait4(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        alive.discard(pid)
        control.send(pickle.dumps(("exited", pid, os.waitstatus_to_exitcode(status), usage.ru_maxrss * 1024)))


class Zygote:
    """The parent's handle on a fork server process."""

    def __init__(self):
        from .preload import THREAD_ENV

        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        command = (f"import sys; sys.path[:] = {list(sys.path)!r}; "
                   f"from verify.sandbox.zygote import serve; serve({theirs.fileno()})")
        self.process = subprocess.Popen(
            [sys.executable, "-c", command], pass_fds=[theirs.fileno()], env={**os.environ, **THREAD_ENV},
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=False)
        theirs.close()
        self.owner = os.getpid()
        self.control = ours
        self.ready = False
        self.exits: dict[int, tuple[int, int]] = {}  # pid -> (exit code, peak RSS bytes)
        self.pids: dict[int, int] = {}  # request token -> pid of the worker forked for it
        self._pending: list[int] = []
        self._tokens = 0

    def fileno(self) -> int:
        return self.control.fileno()

    def alive(self) -> bool:
        return self.process.poll() is None

    def receive(self) -> None:
        """Read one message from the server (call when its socket is readable); raises ``EOFError`` once
        the server has stopped."""
        try:
            data = self.control.recv(MAX_MESSAGE)
        except OSError:
            data = b""
        if not data:
            raise EOFError("the fork server has stopped")
        message = pickle.loads(data)
        if message[0] == "ready":
            self.ready = True
        elif message[0] == "started":
            self.pids[self._pending.pop(0)] = message[1]
        elif message[0] == "exited":
            self.exits[message[1]] = (message[2], message[3])

    def request_worker(self, fd: int, memory_mib: int, settings: dict) -> int:
        """Ask for a worker serving the connection ``fd``; returns a token, whose pid appears in ``pids``
        once the server has forked it (the server answers requests in order)."""
        socket.send_fds(self.control, [pickle.dumps(("start", memory_mib, settings))], [fd])
        self._tokens += 1
        self._pending.append(self._tokens)
        return self._tokens

    def kill(self, pid: int) -> None:
        try:
            self.control.send(pickle.dumps(("kill", pid)))
        except OSError:
            pass

    def wait_exit(self, pid: int, timeout: float) -> tuple[int, int] | None:
        """The worker's (exit code, peak RSS bytes) once the server reports it, or None after ``timeout``."""
        import select
        import time

        end = time.monotonic() + timeout
        while pid not in self.exits:
            left = end - time.monotonic()
            if left <= 0:
                return None
            readable, _, _ = select.select([self.control], [], [], left)
            if readable:
                try:
                    self.receive()
                except EOFError:
                    return None
        return self.exits.pop(pid)

    def close(self) -> None:
        self.control.close()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def shared() -> Zygote:
    """The process-wide fork server, started on first use and again if it has stopped.  A process forked
    from its owner (a ``multiprocessing`` fork pool) gets a server of its own: the inherited socket is the
    owner's conversation."""
    global _SHARED
    with _LOCK:
        if _SHARED is not None and _SHARED.owner != os.getpid():
            _SHARED = None  # inherited through fork: never used, never closed here
        if _SHARED is None or not _SHARED.alive():
            if _SHARED is not None:
                _SHARED.close()
            _register_exit()
            _SHARED = Zygote()
        return _SHARED


def _register_exit() -> None:
    global _REGISTERED
    if not _REGISTERED:
        import atexit

        atexit.register(_close_shared)
        _REGISTERED = True


def _close_shared() -> None:
    global _SHARED
    if _SHARED is not None and _SHARED.owner == os.getpid():
        _SHARED.close()
        _SHARED = None
