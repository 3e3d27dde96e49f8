"""The Python API: check identities from files, from data, or one claim at a time.

    >>> from verify.userfile import check_claim
    >>> check_claim("tr(A*B) == tr(B*A)", symbols={"A": "matrix n m", "B": "matrix m n"}).verdict.value
    'proved'

Input errors raise :class:`~verify.userfile.errors.UserFileError` from
:func:`check_claim`; the functions for many identities collect them in the
:class:`Report` instead, so one bad identity never stops the others.

By default (``sandbox=True``) every identity is built and checked in a worker
process under limits the operating system enforces (:mod:`verify.sandbox`):
``timeout`` seconds of wall clock (and about as much CPU) per identity,
``memory_mib`` of memory per worker, ``budget`` seconds for the whole run, ``jobs``
workers (one per CPU).  A check that overruns, runs out of memory or crashes
becomes that identity's ``error`` verdict, with the reason.  ``sandbox=False``
runs in this process under an alarm instead: faster for a single trusted claim,
but it bounds neither memory nor native code.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from formulas.model import Verdict
from verify.result import Result
from verify.sandbox.limits import UNTRUSTED

from .errors import ClaimError, UserFileError
from .identity import Identity
from .loader import LoadedFile, load_data, load_file

DEFAULT_TIMEOUT = UNTRUSTED.timeout
DEFAULT_BUDGET = UNTRUSTED.budget
DEFAULT_MEMORY_MIB = UNTRUSTED.memory_mib

__all__ = ["IdentityResult", "Report", "check_claim", "check_identities", "check_files", "check_loaded",
           "run_identity"]


@dataclass
class IdentityResult:
    """An identity and the verifier's result on it."""

    identity: Identity
    result: Result

    @property
    def passed(self) -> bool:
        return self.identity.passed(self.result.verdict)

    def to_json(self) -> dict:
        r = self.result.to_json()
        return {"file": self.identity.file, "id": self.identity.id, "title": self.identity.title or self.identity.id,
                "claim": self.identity.claim, "expect": self.identity.expect, "passed": self.passed, **{
                    k: r[k] for k in ("verdict", "scope", "reason", "counterexample", "conflicts", "methods",
                                      "seconds")}}


@dataclass
class Report:
    """Results and input errors of one run; :attr:`exit_status` is the command's exit status; ``run`` holds
    the run's figures (seconds, workers, peak worker memory)."""

    results: list[IdentityResult] = field(default_factory=list)
    errors: list[UserFileError] = field(default_factory=list)
    run: dict = field(default_factory=dict)

    @property
    def exit_status(self) -> int:
        """2 on any input error, else 1 when an identity fails its expectation, else 0."""
        if self.errors:
            return 2
        return 0 if all(r.passed for r in self.results) else 1

    def to_json(self) -> dict:
        return {"exit_status": self.exit_status, "results": [r.to_json() for r in self.results],
                "errors": [e.to_json() for e in self.errors], "run": dict(self.run)}


def _error_from(data: dict) -> UserFileError:
    kind = ClaimError if data.get("kind") == "ClaimError" else UserFileError
    return kind(data["error"], file=data.get("file"), identity=data.get("id"), field=data.get("field"))


def _decode(identity: Identity, outcome) -> Result | UserFileError:
    """A worker's outcome as the identity's result, or its input error."""
    if not outcome.ok:
        return Result(identity.id, Verdict.ERROR, reason=outcome.reason, seconds=round(outcome.seconds, 4))
    if "error" in outcome.value:
        return _error_from(outcome.value["error"])
    result = Result.from_json(outcome.value["result"])
    result.seconds = round(outcome.seconds, 4)
    return result


def _in_process(identity: Identity, timeout: float | None) -> Result:
    from verify.check import check
    from verify.sandbox.tasks import build_entry

    from .timing import HardTimeout, hard_time_limit

    t0 = time.perf_counter()
    try:
        with hard_time_limit(timeout):
            try:
                entry = build_entry(identity, timeout)  # its own alarm inside this one (limits nest)
            except UserFileError as err:
                if isinstance(err.__context__, HardTimeout):  # out of time while building: as in a worker
                    raise HardTimeout(f"check exceeded its time limit of {timeout:g} s") from None
                raise
            result = check(entry, timeout=None)
    except HardTimeout as err:
        result = Result(identity.id, Verdict.ERROR, reason=str(err))
    result.seconds = round(time.perf_counter() - t0, 4)
    return result


def run_identity(identity: Identity, timeout: float | None = DEFAULT_TIMEOUT, *, sandbox: bool = True,
                 memory_mib: int = DEFAULT_MEMORY_MIB) -> Result:
    """Build and check one identity (in a worker unless ``sandbox=False``).

    Raises :class:`UserFileError` on input errors; a check past its limits is an ``error`` verdict.
    """
    if not sandbox:
        return _in_process(identity, timeout)
    report = check_loaded([LoadedFile(identity.file, [identity])], timeout=timeout, memory_mib=memory_mib,
                          jobs=1, budget=None)
    if report.errors:
        raise report.errors[0]
    return report.results[0].result


def _tasks(identities: list[Identity], timeout: float | None):
    from verify.sandbox import Task
    from verify.sandbox.limits import CPU_GRACE
    from verify.sandbox.tasks import check_identity

    return [Task(k, check_identity, (identity,), timeout=timeout, cpu=timeout + CPU_GRACE if timeout else None)
            for k, identity in enumerate(identities)]


def check_loaded(files: Iterable[LoadedFile], *, timeout: float | None = DEFAULT_TIMEOUT,
                 on_result: Callable[[Identity, Result | None], None] | None = None, sandbox: bool = True,
                 jobs: int | None = None, budget: float | None = DEFAULT_BUDGET,
                 memory_mib: int = DEFAULT_MEMORY_MIB) -> Report:
    """Check loaded files; ``on_result(identity, result)`` reports progress (``result`` None on an input error).

    Results and errors come in the order of the files and identities, whatever order the checks end in."""
    from verify.sandbox import Pool

    t0 = time.monotonic()
    files = list(files)
    report = Report()
    identities = [identity for loaded in files for identity in loaded.identities]
    done: dict[int, Result | UserFileError] = {}

    def record(k: int, outcome: Result | UserFileError) -> None:
        done[k] = outcome
        if on_result:
            on_result(identities[k], outcome if isinstance(outcome, Result) else None)

    if sandbox and identities:
        with Pool(jobs=jobs or None, memory_mib=memory_mib) as pool:
            for outcome in pool.run(_tasks(identities, timeout), budget=budget):
                record(outcome.key, _decode(identities[outcome.key], outcome))
            report.run = {"jobs": pool.jobs, "workers_started": pool.workers_started,
                          "peak_worker_rss_mib": round(pool.peak_rss / 2**20, 1)}
    else:
        for k, identity in enumerate(identities):
            if budget and time.monotonic() - t0 > budget:
                record(k, Result(identity.id, Verdict.ERROR,
                                 reason=f"run budget exhausted: not started within the run's {budget:g} s"))
                continue
            try:
                record(k, _in_process(identity, timeout))
            except UserFileError as err:
                record(k, err)
    report.run = {"seconds": round(time.monotonic() - t0, 3), "budget": budget, "timeout": timeout,
                  "sandbox": sandbox, **report.run}
    k = 0
    for loaded in files:
        report.errors.extend(loaded.errors)
        for identity in loaded.identities:
            outcome = done[k]
            k += 1
            if isinstance(outcome, UserFileError):
                report.errors.append(outcome)
            else:
                report.results.append(IdentityResult(identity, outcome))
    return report


def check_files(*paths, timeout: float | None = DEFAULT_TIMEOUT, on_result=None, **limits) -> Report:
    """Check identity files (YAML); unreadable or malformed files are input errors in the report.
    ``limits``: ``sandbox``, ``jobs``, ``budget``, ``memory_mib`` as for :func:`check_loaded`."""
    return check_loaded([load_file(p) for p in paths], timeout=timeout, on_result=on_result, **limits)


def check_identities(data: Mapping | list, *, file: str | None = None, timeout: float | None = DEFAULT_TIMEOUT,
                     on_result=None, **limits) -> Report:
    """Check identities given as data: the parsed form of a file (a mapping with ``identities``),
    or a list of identity mappings (``{"id": ..., "claim": ..., "symbols": {...}}``).
    ``limits`` as for :func:`check_loaded`."""
    return check_loaded([load_data(data, file)], timeout=timeout, on_result=on_result, **limits)


def check_claim(claim: str, symbols: Mapping[str, str] | None = None, *, distributions: Mapping | None = None,
                layout: str = "denominator", given: Iterable[str] = (), where: Iterable[str] = (),
                id: str | None = None, timeout: float | None = DEFAULT_TIMEOUT, sandbox: bool = True,
                memory_mib: int = DEFAULT_MEMORY_MIB) -> Result:
    """Check one claim (in a worker unless ``sandbox=False``); raises :class:`UserFileError` when the input
    is invalid.

    ``result.verdict`` is a :class:`~formulas.model.Verdict`; ``result.counterexample``
    holds the counterexample of a refuted claim.
    """
    data = {"id": id or "claim", "claim": claim, "symbols": dict(symbols or {}), "distributions": dict(distributions or {}),
            "layout": layout, "given": list(given), "where": list(where)}
    try:
        loaded = load_data([data])
        if loaded.errors:
            raise loaded.errors[0]
        return run_identity(loaded.identities[0], timeout, sandbox=sandbox, memory_mib=memory_mib)
    except UserFileError as err:
        if id is None:  # no identity to name: report the field only
            err.identity = None
        raise err from None
