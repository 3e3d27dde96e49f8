"""The machine-readable record of an entry and its result (``--json``)."""

from __future__ import annotations

from formulas.model import Entry, Verdict

from .result import Result

__all__ = ["record", "is_erratum", "implementations", "renderings"]


def implementations(entry: Entry) -> list[str]:
    """Dotted names of the numerics code that implements the entry."""
    try:
        from numerics._links import links
    except ImportError:
        return []
    return sorted(links().get(entry.id, []))


def is_erratum(entry: Entry) -> bool:
    """A seed claim that is wrong or garbled as printed: refuted, not checkable (and not a definition), or
    garbled with its intended statement checked -- such an entry names the clean entry in ``corrected_by``."""
    if not entry.is_seed_claim or entry.definition:
        return False
    return entry.expected in (Verdict.REFUTED, Verdict.NOT_CHECKABLE) or entry.corrected_by is not None


def renderings(entry: Entry) -> tuple[str | None, str | None, str | None]:
    """(LaTeX, SymPy code, error) of the entry's statement.  A statement that raises when it is built is
    rendered as ``None`` with the error text: the check records that entry as ``error``, and the report
    must not stop at it."""
    try:
        return entry.latex, entry.sympy_code, None
    except Exception as err:  # noqa: BLE001 - one bad entry never stops the rest
        return None, None, f"the statement could not be built: {type(err).__name__}: {err}"


def record(entry: Entry, result: Result, *, full: bool = True) -> dict:
    """The JSON record; ``full=False`` leaves out the costly renderings (LaTeX, SymPy code, linked code)."""
    latex, code, statement_error = renderings(entry) if full else (None, None, None)
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
        "latex": latex,
        "sympy": code,
        "statement_error": statement_error,
        "aliases": list(entry.aliases),
        "tags": list(entry.tags),
        "references": list(entry.references),
        "see_also": list(entry.see_also),
        "notes": entry.notes,
        "code": implementations(entry) if full else [],
        "seconds": result.seconds,
    }
    return out
