"""Untrusted input within bounds: checks in worker processes under OS limits, bounded reading, safe text.

* :mod:`~verify.sandbox.pool` -- :class:`Pool` runs :class:`Task` s in workers forked from a warm
  fork server; wall clock and run budget enforced by the parent (kill and replace), memory and CPU
  by the kernel (:mod:`~verify.sandbox.worker`); the limits in :mod:`~verify.sandbox.limits`.
* :mod:`~verify.sandbox.tasks` -- what a worker runs: a user identity, a catalog entry, a mutant.
* :mod:`~verify.sandbox.cost` -- the size of what an identity will build, estimated before any work.
* :mod:`~verify.sandbox.files`, :mod:`~verify.sandbox.strict_yaml` -- files read only when regular
  and small, YAML without duplicate keys, alias bombs or oversized integers.
* :mod:`~verify.sandbox.text` -- control characters escaped for the terminal; bounded previews.
* :mod:`~verify.sandbox.alarm` -- the in-process time limit for trusted code (off in workers).

Importing this package imports nothing heavy.
"""

from .limits import CATALOG, MUTANTS, UNTRUSTED, Limits, default_jobs
from .pool import Outcome, Pool, SandboxError, Task

__all__ = ["CATALOG", "MUTANTS", "UNTRUSTED", "Limits", "Outcome", "Pool", "SandboxError", "Task", "default_jobs"]
