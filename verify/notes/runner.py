"""Check the claims of notes files: the identity checker for each, ``\\neq`` by its negation, one report.

``a \\neq b`` claims the sides differ *somewhere*.  It is decided by checking
``a == b`` with the same engines and reading the outcome backwards:

====================================================  =========================================================
the equality ``a == b``                               the claim ``a \\neq b``
====================================================  =========================================================
refuted with an exact counterexample (or shapes)      **proved**: the counterexample is a witness, re-checked exactly
refuted by numeric evidence only                      **confirmed**: the sides differ numerically at a point
proved                                                **refuted**: the sides are equal wherever the claim is defined
confirmed (numeric evidence of equality)              **not-checkable**: no witness of a difference was found
not-checkable / error                                 the same verdict, with the equality's reason
====================================================  =========================================================

Claims are checked as identity files are: one pool of sandbox workers (``jobs``), each claim under the
identity checker's hard time, CPU and memory limits, the whole run under ``budget``.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from formulas.model import Verdict
from verify.result import Result
from verify.sandbox.limits import UNTRUSTED
from verify.userfile.errors import UserFileError
from verify.userfile.limits import DEFAULT_TIMEOUT

from .document import NotClaim, NoteClaim, NotesFile, load_notes
from .membership import check_shape

__all__ = ["NoteResult", "NotesReport", "check_notes", "check_loaded_notes", "negate", "at_instance"]


@dataclass
class NoteResult:
    """A claim and its verdict (for ``\\neq``, derived from the equality's result, kept in ``equality``)."""

    claim: NoteClaim
    result: Result
    equality: Result | None = None
    witness: dict | None = None

    @property
    def passed(self) -> bool:
        if self.claim.expect == "refuted":
            return self.result.verdict is Verdict.REFUTED
        return self.result.verdict in (Verdict.PROVED, Verdict.CONFIRMED)

    def to_json(self) -> dict:
        r = self.result.to_json()
        out = {**self.claim.to_json(), "checked": self.claim.checked, "passed": self.passed,
               **{k: r[k] for k in ("verdict", "scope", "reason", "counterexample", "conflicts", "methods",
                                    "seconds")}}
        if self.witness is not None:
            out["witness"] = self.witness
        return out


@dataclass
class NotesReport:
    results: list[NoteResult] = field(default_factory=list)
    unreadable: list[NoteClaim] = field(default_factory=list)
    skipped: list[NoteClaim] = field(default_factory=list)
    not_claims: list[NotClaim] = field(default_factory=list)
    errors: list[UserFileError] = field(default_factory=list)  # files and headers

    @property
    def exit_status(self) -> int:
        """2 on any input error (a file, a header, an equation it cannot read), else 1 on any failed claim."""
        if self.errors or self.unreadable:
            return 2
        return 0 if all(r.passed for r in self.results) else 1

    def to_json(self) -> dict:
        errors = [e.to_json() for e in self.errors] + [
            {**c.to_json(), "field": "claim", "error": c.error} for c in self.unreadable]
        return {"exit_status": self.exit_status, "results": [r.to_json() for r in self.results],
                "errors": errors, "skipped": [{**c.to_json(), "reason": c.skip} for c in self.skipped],
                "not_claims": [n.to_json() for n in self.not_claims]}


def negate(claim_id: str, equality: Result) -> tuple[Result, dict | None]:
    """The verdict on ``a \\neq b`` from the verdict on ``a == b`` (module docstring); and the witness."""
    v, cex = equality.verdict, equality.counterexample
    methods = list(equality.methods)
    if v is Verdict.REFUTED and cex and cex.get("exact"):
        return Result(claim_id, Verdict.PROVED, methods, scope="witness",
                      reason="the equality is refuted exactly: the witness is a point where the sides differ",
                      conflicts=list(equality.conflicts)), cex
    if v is Verdict.REFUTED:
        return Result(claim_id, Verdict.CONFIRMED, methods,
                      reason="the sides differ numerically (not re-checked exactly)",
                      conflicts=list(equality.conflicts)), cex
    if v is Verdict.PROVED:
        return Result(claim_id, Verdict.REFUTED, methods,
                      counterexample={"equal_everywhere": True, "scope": equality.scope or "general"},
                      reason=f"the two sides are equal (the equality is proved, scope {equality.scope or 'general'})"
                      ", so they differ nowhere", conflicts=list(equality.conflicts)), None
    if v is Verdict.CONFIRMED:
        return Result(claim_id, Verdict.NOT_CHECKABLE, methods,
                      reason="no witness of a difference: the sides agreed at every point tried (numeric evidence "
                             "of equality, not a proof of it)", conflicts=list(equality.conflicts)), None
    return Result(claim_id, v, methods, reason=f"the equality could not be decided: {equality.reason}",
                  conflicts=list(equality.conflicts)), None


def at_instance(claim: NoteClaim, result: Result) -> Result:
    """A claim checked at an instance (``instance: {n: 4}``): a proof there is evidence for the line, not a proof
    of it (confirmed); a refutation at the instance refutes the line; other verdicts are kept."""
    if claim.instance is None or result.verdict is not Verdict.PROVED:
        return result
    return Result(result.id, Verdict.CONFIRMED, list(result.methods), scope=f"the instance {claim.instance}",
                  reason=f"proved exactly at the instance {claim.instance} only; the line is stated for every value: "
                         "evidence, not a proof", conflicts=list(result.conflicts), seconds=result.seconds)


def check_loaded_notes(files: Iterable[NotesFile], *, timeout: float | None = DEFAULT_TIMEOUT,
                       jobs: int | None = None, budget: float | None = None, memory_mib: int | None = None,
                       on_result: Callable[[NoteClaim, Result], None] | None = None) -> NotesReport:
    """Check every readable claim in one pool of sandbox workers (:func:`verify.userfile.api.check_loaded`:
    the warm fork server, OS-enforced memory and CPU limits, ``budget`` for the whole run, as for identity
    files); ``on_result`` reports progress.  A claim whose identity the checker refuses as input is unreadable."""
    from verify.userfile.api import check_loaded
    from verify.userfile.loader import LoadedFile

    report = NotesReport()
    todo: list[NoteClaim] = []
    shapes: list[NoteClaim] = []
    for f in files:
        report.errors.extend(f.errors)
        report.not_claims.extend(f.not_claims)
        for c in f.claims:
            if c.skip is not None:
                report.skipped.append(c)
            elif c.shape is not None:
                shapes.append(c)
            elif c.identity is None:
                report.unreadable.append(c)
            else:
                todo.append(c)
    # a copy of each claim's identity, so that the checker's callback names the claim by the object it gets
    todo_ids = [dataclasses.replace(c.identity) for c in todo]
    index = {id(ident): k for k, ident in enumerate(todo_ids)}
    done: dict[int, NoteResult] = {}
    refused: list[int] = []

    def record(identity, result: Result | None) -> None:
        k = index[id(identity)]
        c = todo[k]
        if result is None:  # the checker refused the identity as input: an equation it cannot read
            refused.append(k)
            return
        result = at_instance(c, result)
        if c.relation == "!=":
            derived, witness = negate(c.id, result)
            derived.seconds = result.seconds
            done[k] = NoteResult(c, derived, result, witness)
        else:
            done[k] = NoteResult(c, result)
        if on_result:
            on_result(c, done[k].result)

    if todo:
        jobs = jobs if jobs is not None else min(len(todo), os.cpu_count() or 1)
        checked = check_loaded([LoadedFile(todo[0].file, todo_ids)], timeout=timeout, on_result=record,
                               jobs=max(jobs, 1), budget=budget,
                               memory_mib=memory_mib if memory_mib is not None else UNTRUSTED.memory_mib)
        # check_loaded lists the refused identities' errors in the identities' order
        for k, err in zip(sorted(refused), checked.errors, strict=True):
            todo[k].error, todo[k].stage = str(err), "build"
            report.unreadable.append(todo[k])
    report.results = [done[k] for k in range(len(todo)) if k in done]
    for c in shapes:  # a shape claim is decided from the declarations at once (verify.notes.membership)
        report.results.append(NoteResult(c, check_shape(c.shape)))
        if on_result:
            on_result(c, report.results[-1].result)
    return report


def check_notes(*paths, timeout: float | None = DEFAULT_TIMEOUT, jobs: int | None = None,
                on_result=None, **limits) -> NotesReport:
    """Read and check Markdown / LaTeX notes files; ``limits``: ``budget``, ``memory_mib``."""
    return check_loaded_notes([load_notes(p) for p in paths], timeout=timeout, jobs=jobs, on_result=on_result,
                              **limits)
