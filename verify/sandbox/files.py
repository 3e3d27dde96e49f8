"""Read a file only if it is a regular file, and never more than the limit plus one byte.

    >>> read_regular_file("/dev/zero", 1000)
    Traceback (most recent call last):
    ...
    verify.sandbox.files.FileRefused: not a regular file (a character device)

The file is opened with ``O_NONBLOCK`` (a FIFO without a writer opens at once
instead of hanging), ``O_NOCTTY`` and ``O_CLOEXEC``; ``fstat`` on the open
descriptor (not on the path, which could change in between) decides whether it is
a regular file; the size ``stat`` reports is not trusted (``/proc`` files say 0):
at most ``limit + 1`` bytes are read.
"""

from __future__ import annotations

import os
import stat

__all__ = ["read_regular_file", "FileRefused"]

_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"))
_CHUNK = 1 << 16


class FileRefused(ValueError):
    """The path is not a regular file of at most the allowed size."""


def read_regular_file(path, limit: int) -> bytes:
    """The file's bytes; :class:`FileRefused` if it is not a regular file or has more than ``limit`` bytes,
    ``OSError`` if it cannot be opened or read."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except ValueError as err:  # an embedded NUL byte
        raise FileRefused(f"not a usable path ({err})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = next((name for test, name in _KINDS if test(info.st_mode)), "not a regular file")
            raise FileRefused(f"not a regular file ({kind})")
        if info.st_size > limit:
            raise FileRefused(f"{info.st_size} bytes exceed the limit of {limit}")
        chunks, total = [], 0
        while total <= limit:
            try:
                chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            except BlockingIOError:
                raise FileRefused("the file cannot be read without waiting") from None
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise FileRefused(f"more than {limit} bytes (the limit)")
        return b"".join(chunks)
    finally:
        os.close(fd)
