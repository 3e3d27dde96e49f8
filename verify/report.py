"""The machine-readable record of an entry and its result (``--json``)."""

from __future__ import annotations

from formulas.model import Entry, Verdict

from .result import Result

__all__ = ["record", "is_erratum", "implementations"]


def implementations(entry: Entry) -> list[str]:
    """Dotted names of the numerics code that implements the entry."""
    try:
        from numerics._links import links
    except ImportError:
        return []
    return sorted(links().get(entry.id, []))


def is_erratum(entry: Entry) -> bool:
    """A seed claim that is wrong or garbled as printed."""
    return entry.is_seed_claim and not entry.definition and entry.expected in (Verdict.REFUTED,
                                                                                Verdict.NOT_CHECKABLE)


def record(entry: Entry, result: Result, *, full: bool = True) -> dict:
    """The JSON record; ``full=False`` leaves out the costly renderings (LaTeX, SymPy code, linked code)."""
    out = {
        "id": entry.id,
        "name": entry.name,
        "title": entry.title,
        "chapter": entry.chapter.title if entry.chapter else None,
        "seed_quote": entry.seed_quote,
        "seed_lines": entry.seed_lines,
        "symbols": {name: text for name, text in entry.symbols.items()},
        "given": list(entry.given),
        "definition": entry.definition,
        "verdict": result.verdict.value,
        "expected_verdict": entry.expected.value,
        "scope": result.scope,
        "reason": result.reason or entry.reason,
        "methods": [m.__dict__ for m in result.methods],
        "conflicts": result.conflicts,
        "counterexample": result.counterexample,
        "corrected_by": entry.corrected_by,
        "latex": entry.latex if full else None,
        "sympy": entry.sympy_code if full else None,
        "aliases": list(entry.aliases),
        "tags": list(entry.tags),
        "references": list(entry.references),
        "see_also": list(entry.see_also),
        "notes": entry.notes,
        "code": implementations(entry) if full else [],
        "seconds": result.seconds,
    }
    return out
