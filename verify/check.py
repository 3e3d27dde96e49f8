"""``check(entry)``: run the engines that apply and decide one verdict.

The verdict rules, in order (the contract of ``docs/index.md``):

* no statement: an experiment decides (confirmed / refuted), else not checkable;
* a definition: not checkable ("a definition asserts nothing");
* a statement that is one instance of the line's claim (``Entry.instance``): at most confirmed;
* the two sides have different shapes: refuted;
* an exact proof at symbolic size (``symbolic-general``): **proved**, scope ``general``
  -- unless another engine has a counterexample, which is a conflict (``error``);
* a counterexample inside the claim's domain, re-checked exactly (or, for claims about
  declared functions, a float64 violation larger than 1e-6): **refuted**;
* agreement on float64 draws and/or exact algebra at listed sizes: **confirmed**, with
  what was covered in the methods' details;
* nothing could evaluate the claim, or the engines disagree: ``error``, with the reason.

An inconclusive residual, a failed computation or a point outside the domain is
never a refutation; exact algebra at a few sizes is never a proof.  Engines that
disagree are never silently reconciled: every disagreement is in ``Result.conflicts``.
"""

from __future__ import annotations

import time

from formulas.model import Entry, Verdict

from .parallel import one_thread
from .relational import check_relational
from .result import Method, Result
from .sandbox.alarm import CheckTimeout, time_limit  # in process only; untrusted input runs in verify.sandbox
from .stats import check_stats, has_random

__all__ = ["check", "CheckTimeout", "DEFAULT_TIMEOUT"]

DEFAULT_TIMEOUT = 60.0
MAX_REASON = 500  # characters of an exception's message kept in an error verdict (it may hold a huge expression)


def check(entry: Entry, *, timeout: float | None = DEFAULT_TIMEOUT, draws: int = 16, seed: int = 0) -> Result:
    """Check one entry in this process; never raises for a bad entry (the verdict is ``error``).

    ``timeout`` is an in-process alarm (:func:`verify.sandbox.alarm.time_limit`): fine for trusted
    entries, but it bounds neither memory nor native code; the commands and the userfile API run each
    check in a :mod:`verify.sandbox` worker under OS-enforced limits, where this alarm is off."""
    t0 = time.perf_counter()
    try:
        with time_limit(timeout):
            result = _decide(entry, draws=draws, seed=seed)
    except CheckTimeout as err:
        result = Result(entry.id, Verdict.ERROR, reason=str(err))
    except Exception as err:  # noqa: BLE001 - one bad entry must never stop the rest
        result = Result(entry.id, Verdict.ERROR, reason=f"{type(err).__name__}: {str(err)[:MAX_REASON]}")
    result.seconds = round(time.perf_counter() - t0, 4)
    return result


def _decide(entry: Entry, *, draws: int, seed: int) -> Result:
    result = _decide_claim(entry, draws=draws, seed=seed)
    if entry.instance and result.verdict is Verdict.PROVED:  # a proof of one instance is evidence for the claim
        note = Method("instance", "holds", f"proved for the instance {entry.instance} only: evidence for the "
                      "line's general claim, not a proof of it")
        return Result(entry.id, Verdict.CONFIRMED, result.methods + [note], conflicts=result.conflicts,
                      reason=entry.reason)
    return result


def _decide_claim(entry: Entry, *, draws: int, seed: int) -> Result:
    if entry.definition:
        return Result(entry.id, Verdict.NOT_CHECKABLE,
                      reason=("a definition introduces notation and asserts nothing"
                              + (f"; {entry.reason}" if entry.reason else "")))
    if entry.expr is None:
        if entry.experiment is not None:
            t0 = time.perf_counter()
            with one_thread():  # small torch loops: intra-op threads only compete with parallel checks
                outcome = entry.experiment()
            m = Method("experiment", "holds" if outcome.holds else "fails", outcome.detail,
                       round(time.perf_counter() - t0, 4))
            return Result(entry.id, Verdict.CONFIRMED if outcome.holds else Verdict.REFUTED, [m],
                          counterexample=outcome.counterexample, reason=entry.reason)
        return Result(entry.id, Verdict.NOT_CHECKABLE, reason=entry.reason or "no checkable statement")
    if has_random(entry.expr):
        return _decide_stats(entry, seed)
    return _decide_relational(entry, draws=draws, seed=seed)


def _decide_stats(entry: Entry, seed: int) -> Result:
    holds, cex, methods = check_stats(entry, seed)
    if holds and cex:
        return Result(entry.id, Verdict.ERROR, methods, counterexample=cex,
                      conflicts=["symbolic-stats proves it but a finite/numeric check refutes it"],
                      reason="engines disagree")
    if holds:
        return Result(entry.id, Verdict.PROVED, methods, scope="general")
    if cex:
        return Result(entry.id, Verdict.REFUTED, methods, counterexample=cex)
    if cex is False:
        return Result(entry.id, Verdict.CONFIRMED, methods)
    if any(m.outcome == "fails" for m in methods):
        # a definite claim some engine saw fail, without an exact counterexample: undecided, not parked
        return Result(entry.id, Verdict.ERROR, methods, reason=_undecided_reason(methods))
    # the engines' own reasons (a joint law the declarations do not give, a claim undefined at every point)
    return Result(entry.id, Verdict.NOT_CHECKABLE, methods, reason=_undecided_reason(methods))


def _undecided_reason(methods) -> str:
    """Why no verdict: the violations no exact re-check confirms, else what each engine could not do."""
    failing = [m.detail for m in methods if m.outcome == "fails"]
    if failing:
        return ("engines found a violation that no exact re-check confirms: " + "; ".join(failing))[:400]
    return ("no engine could evaluate this claim: " + "; ".join(
        f"{m.engine}: {m.detail}" for m in methods if m.outcome in ("skipped", "inconclusive")))[:400]


def _decide_relational(entry: Entry, *, draws: int, seed: int) -> Result:
    ev = check_relational(entry, draws=draws, seed=seed)
    methods, conflicts = ev.methods, list(ev.conflicts)
    if ev.numeric_unconfirmed:
        conflicts.append(ev.numeric_unconfirmed)
    if ev.shape_mismatch:
        return Result(entry.id, Verdict.REFUTED, methods, counterexample={"shapes": ev.shape_mismatch, "exact": True},
                      conflicts=conflicts)
    if ev.proved:
        if ev.counterexample is not None:
            return Result(entry.id, Verdict.ERROR, methods, counterexample=ev.counterexample,
                          conflicts=conflicts + ["the symbolic proof and a counterexample disagree"],
                          reason="engines disagree")
        return Result(entry.id, Verdict.PROVED, methods, scope="general", conflicts=conflicts)
    if ev.counterexample is not None:
        return Result(entry.id, Verdict.REFUTED, methods, counterexample=ev.counterexample, conflicts=conflicts)
    if ev.numeric_holds or ev.confirmed_sizes:
        return Result(entry.id, Verdict.CONFIRMED, methods, conflicts=conflicts)
    return Result(entry.id, Verdict.ERROR, methods, reason=_undecided_reason(methods), conflicts=conflicts)
