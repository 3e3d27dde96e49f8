"""Run mutants through the verifier: killed, survived, equivalent or invalid (excluded).

A mutant is *killed* when the verifier refutes it and *survives* when it is
proved or confirmed.  Excluded from the kill rate, and reported separately:

* *equivalent* -- the changed side still equals the original side (checked by the
  verifier itself, e.g. a transpose of a symmetric matrix); a dropped assumption
  the claim did not need; an inequality only weakened, so the original implies it;
* *invalid* -- the mutant leaves the claim's domain (e.g. the log of a negative
  number) and no engine can evaluate it.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass

import sympy as sp
from sympy.core.parameters import evaluate as sympy_evaluate

from formulas.model import Entry, Verdict

from ..check import check
from ..parallel import parallel_map
from .operators import mutants_of

__all__ = ["MutantResult", "true_entries", "plan", "run_mutants"]


@dataclass
class MutantResult:
    entry: str
    chapter: str
    index: int
    operator: str
    description: str
    status: str  # "killed" | "survived" | "equivalent" (incl. implied) | "invalid" (outside the domain) | "error"
    verdict: str
    reason: str = ""


def true_entries(entries):
    return [e for e in entries if e.expected in (Verdict.PROVED, Verdict.CONFIRMED) and e.expr is not None
            and isinstance(e.expr, sp.core.relational.Relational)]


def plan(entries, sample: int | None = None, seed: int = 0) -> tuple[list[tuple[str, int]], list[str]]:
    """(entry id, mutant index) pairs to run; a fixed random sample when ``sample`` is set."""
    jobs, errors = [], []
    for e in true_entries(entries):
        mutants, errs = mutants_of(e)
        errors += errs
        jobs += [(e.id, i) for i in range(len(mutants))]
    if sample is not None and sample < len(jobs):
        jobs = sorted(random.Random(seed).sample(jobs, sample))
    return jobs, errors


def _mutant_entry(entry, m, suffix: str, statement) -> Entry:
    given = entry.given
    if m.side.startswith("assumptions:"):
        given = tuple(g for g in given if g != m.side.split(":", 1)[1])
    return Entry(id=f"{entry.id}~{suffix}", title=m.description, expected=Verdict.REFUTED,
                 symbols=m.symbols or dict(entry.symbols), statement=lambda: statement, given=given,
                 where=entry.where)


def run_one(entry_id: str, index: int, timeout: float = 30.0) -> MutantResult:
    import formulas

    entry = formulas.get(entry_id)
    mutants, _ = mutants_of(entry)
    m = mutants[index]
    base = dict(entry=entry.id, chapter=entry.chapter.key, index=index, operator=m.operator, description=m.description)
    result = check(_mutant_entry(entry, m, str(index), m.statement), timeout=timeout)
    if result.verdict is Verdict.REFUTED:  # a refuted mutant cannot be equivalent to a true claim
        return MutantResult(**base, status="killed", verdict="refuted")
    if m.side in ("lhs", "rhs"):
        with sympy_evaluate(False):
            same = sp.Eq(getattr(m.statement, m.side), getattr(entry.expr, m.side))
        probe = check(_mutant_entry(entry, m, f"{index}-eq", same), timeout=timeout)
        if probe.verdict in (Verdict.PROVED, Verdict.CONFIRMED):
            return MutantResult(**base, status="equivalent", verdict=probe.verdict.value,
                                reason=f"the changed side equals the original ({probe.verdict.value}, {probe.scope})")
    if result.verdict in (Verdict.PROVED, Verdict.CONFIRMED):
        if m.side.startswith("assumptions"):
            return MutantResult(**base, status="equivalent", verdict=result.verdict.value,
                                reason="the claim holds without this assumption")
        weaker = _implied_by_original(entry, m, index, timeout)
        if weaker:
            return MutantResult(**base, status="equivalent", verdict=result.verdict.value, reason=weaker)
        why = f"verifier says {result.verdict.value} ({result.scope or 'numeric evidence'})"
        if type(entry.expr) in (sp.Le, sp.Lt, sp.Ge, sp.Gt):
            why += ("; the mutated inequality is itself true (e.g. each removed term is non-negative), so "
                    "there is nothing to refute")
        return MutantResult(**base, status="survived", verdict=result.verdict.value, reason=why)
    if result.verdict is Verdict.NOT_CHECKABLE:
        return MutantResult(**base, status="invalid", verdict=result.verdict.value,
                            reason=f"no engine can evaluate the mutant (e.g. the log of a negative number): "
                                   f"{result.reason}")
    return MutantResult(**base, status="error", verdict=result.verdict.value, reason=result.reason)


def _implied_by_original(entry, m, index: int, timeout: float) -> str:
    """For an inequality, a mutant that only weakens it (e.g. a factor 2 on the larger side) still holds;
    it is excluded when the verifier shows the original implies it."""
    rel = type(entry.expr)
    if rel not in (sp.Le, sp.Lt, sp.Ge, sp.Gt) or m.side not in ("lhs", "rhs"):
        return ""
    other = entry.expr.rhs if m.side == "lhs" else entry.expr.lhs
    if m.operator == "factor-two" and other == 0:
        return "a positive factor on one side of a comparison with 0 gives an equivalent inequality"
    old, new = getattr(entry.expr, m.side), getattr(m.statement, m.side)
    small_side = "lhs" if rel in (sp.Le, sp.Lt) else "rhs"
    with sympy_evaluate(False):
        weaker = sp.Le(new, old) if m.side == small_side else sp.Le(old, new)
    probe = check(_mutant_entry(entry, m, f"{index}-implied", weaker), timeout=timeout)
    if probe.verdict in (Verdict.PROVED, Verdict.CONFIRMED):
        return f"a weaker inequality implied by the original ({probe.verdict.value}): it is true, not a mistake"
    return ""


def _worker(job):
    entry_id, index, timeout = job
    return asdict(run_one(entry_id, index, timeout))


def run_mutants(jobs: list[tuple[str, int]], *, timeout: float = 30.0, processes: int = 1, on_result=None):
    results = []
    for raw in parallel_map(_worker, [(e, i, timeout) for e, i in jobs], processes):
        results.append(MutantResult(**raw))
        if on_result:
            on_result(results[-1])
    results.sort(key=lambda r: (r.entry, r.index))
    return results


def rates(results: list[MutantResult]) -> dict:
    """Kill rate overall, per chapter and per operator (equivalent mutants excluded)."""

    def rate(rows):
        counted = [r for r in rows if r.status not in ("equivalent", "invalid")]
        killed = sum(r.status == "killed" for r in counted)
        return {"mutants": len(rows), "equivalent": sum(r.status == "equivalent" for r in rows),
                "invalid": sum(r.status == "invalid" for r in rows), "killed": killed,
                "survived": sum(r.status == "survived" for r in counted),
                "errors": sum(r.status == "error" for r in counted),
                "kill_rate": killed / len(counted) if counted else 1.0}

    out = {"overall": rate(results), "by_chapter": {}, "by_operator": {}}
    for key, attr in (("by_chapter", "chapter"), ("by_operator", "operator")):
        groups: dict[str, list] = {}
        for r in results:
            groups.setdefault(getattr(r, attr), []).append(r)
        out[key] = {k: rate(v) for k, v in sorted(groups.items())}
    return out
