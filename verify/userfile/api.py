"""The Python API: check identities from files, from data, or one claim at a time.

    >>> from verify.userfile import check_claim
    >>> check_claim("tr(A*B) == tr(B*A)", symbols={"A": "matrix n m", "B": "matrix m n"}).verdict.value
    'proved'

Input errors raise :class:`~verify.userfile.errors.UserFileError` from
:func:`check_claim`; the functions for many identities collect them in the
:class:`Report` instead, so one bad identity never stops the others.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from formulas.model import Verdict
from verify.result import Result

from .errors import UserFileError
from .identity import Identity
from .limits import DEFAULT_TIMEOUT
from .loader import LoadedFile, load_data, load_file

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
    """Results and input errors of one run; :attr:`exit_status` is the command's exit status."""

    results: list[IdentityResult] = field(default_factory=list)
    errors: list[UserFileError] = field(default_factory=list)

    @property
    def exit_status(self) -> int:
        """2 on any input error, else 1 when an identity fails its expectation, else 0."""
        if self.errors:
            return 2
        return 0 if all(r.passed for r in self.results) else 1

    def to_json(self) -> dict:
        return {"exit_status": self.exit_status, "results": [r.to_json() for r in self.results],
                "errors": [e.to_json() for e in self.errors]}


def run_identity(identity: Identity, timeout: float | None = DEFAULT_TIMEOUT) -> Result:
    """Build and check one identity under :func:`~verify.userfile.timing.hard_time_limit`.

    Raises :class:`UserFileError` on input errors; a check past its limit is an ``error`` verdict.
    """
    from verify.check import check

    from .timing import HardTimeout, hard_time_limit

    entry = identity.to_entry(timeout=timeout)
    t0 = time.perf_counter()
    try:
        with hard_time_limit(timeout):
            result = check(entry, timeout=None)
    except HardTimeout as err:
        result = Result(entry.id, Verdict.ERROR, reason=str(err))
    result.seconds = round(time.perf_counter() - t0, 4)
    return result


def check_loaded(files: Iterable[LoadedFile], *, timeout: float | None = DEFAULT_TIMEOUT,
                 on_result: Callable[[Identity, Result | None], None] | None = None) -> Report:
    """Check loaded files; ``on_result(identity, result)`` reports progress (``result`` None on an input error)."""
    report = Report()
    for loaded in files:
        report.errors.extend(loaded.errors)
        for identity in loaded.identities:
            try:
                result = run_identity(identity, timeout)
            except UserFileError as err:
                report.errors.append(err)
                result = None
            else:
                report.results.append(IdentityResult(identity, result))
            if on_result:
                on_result(identity, result)
    return report


def check_files(*paths, timeout: float | None = DEFAULT_TIMEOUT, on_result=None) -> Report:
    """Check identity files (YAML); unreadable or malformed files are input errors in the report."""
    return check_loaded([load_file(p) for p in paths], timeout=timeout, on_result=on_result)


def check_identities(data: Mapping | list, *, file: str | None = None, timeout: float | None = DEFAULT_TIMEOUT,
                     on_result=None) -> Report:
    """Check identities given as data: the parsed form of a file (a mapping with ``identities``),
    or a list of identity mappings (``{"id": ..., "claim": ..., "symbols": {...}}``)."""
    return check_loaded([load_data(data, file)], timeout=timeout, on_result=on_result)


def check_claim(claim: str, symbols: Mapping[str, str] | None = None, *, distributions: Mapping | None = None,
                layout: str = "denominator", given: Iterable[str] = (), where: Iterable[str] = (),
                id: str | None = None, timeout: float | None = DEFAULT_TIMEOUT) -> Result:
    """Check one claim; raises :class:`UserFileError` when the input is invalid.

    ``result.verdict`` is a :class:`~formulas.model.Verdict`; ``result.counterexample``
    holds the counterexample of a refuted claim.
    """
    data = {"id": id or "claim", "claim": claim, "symbols": dict(symbols or {}), "distributions": dict(distributions or {}),
            "layout": layout, "given": list(given), "where": list(where)}
    try:
        loaded = load_data([data])
        if loaded.errors:
            raise loaded.errors[0]
        return run_identity(loaded.identities[0], timeout)
    except UserFileError as err:
        if id is None:  # no identity to name: report the field only
            err.identity = None
        raise err from None
