"""The time limit of building a claim in process: the one alarm of :mod:`verify.sandbox.alarm`.

Identity files checked by ``sheetproof check`` and by the Python API (with the
default ``sandbox=True``) are built and checked in worker processes, where this
alarm is off and the operating system and the parent enforce the limits
(:mod:`verify.sandbox`).  In process (``sandbox=False``) it raises
:class:`HardTimeout`, a ``BaseException`` that broad handlers let through, again
every second until it is heard, and never inside an import.
"""

from __future__ import annotations

from verify.sandbox.alarm import REPEAT, CheckTimeout, time_limit

__all__ = ["hard_time_limit", "HardTimeout", "REPEAT"]

HardTimeout = CheckTimeout
hard_time_limit = time_limit
