"""The catalog's data model: chapters, entries and verdicts.

An :class:`Entry` is data.  Its statement is a function of the declared symbols
that returns a SymPy relational (``Eq``, ``Le``, ``Lt``, ``Ge``, ``Gt``); the
entry builds the SymPy objects from the declarations, so a symbol is declared
exactly once and every free symbol of the statement is declared.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from sympy import latex as sympy_latex
from sympy import srepr
from sympy.core.relational import Relational

from .spec import Sym, dim_symbol, parse_spec

__all__ = ["Verdict", "Chapter", "Entry", "SeedRef", "Outcome"]


class Verdict(StrEnum):
    """The outcome of checking one claim."""

    PROVED = "proved"  # exact symbolic argument (and cross-checks agree)
    CONFIRMED = "confirmed"  # numeric or experimental evidence only
    REFUTED = "refuted"  # a counterexample, re-checked exactly where possible
    NOT_CHECKABLE = "not-checkable"  # definitions, prose, garbled lines: with the reason
    ERROR = "error"  # the check itself failed: time-out, exception, engines in conflict


@dataclass(frozen=True)
class Chapter:
    """A chapter of the cheat sheet: one module of ``formulas``."""

    key: str  # id prefix, e.g. "deriv"
    number: int
    title: str


@dataclass(frozen=True)
class SeedRef:
    """Where a claim stands in the cheat sheet: verbatim text and line range."""

    lines: tuple[int, int]
    quote: str


@dataclass(frozen=True, eq=False)
class Entry:
    """One catalog entry.

    ``expected`` is the verdict the claim *as printed* deserves; ``sheetproof
    verify`` fails when the engine disagrees with it.  A wrong or garbled seed
    claim names its correction in ``corrected_by`` (the id of another entry).
    """

    id: str
    title: str
    expected: Verdict
    symbols: Mapping[str, str] = field(default_factory=dict)
    statement: Callable | None = None
    definition: bool = False
    reason: str = ""  # why a claim is not checkable, or what was checked by experiment
    seed: SeedRef | None = None
    corrected_by: str | None = None
    given: tuple[str, ...] = ()  # joint assumptions: "independent X Y"
    where: Callable | None = None  # extra constraints on values: returns a list of relationals
    experiment: Callable | None = None  # checks a claim about an algorithm: returns an ExperimentOutcome
    # The statement is one instance of the line's claim ("n = 4; the line is for any n"): even a proof of the
    # statement is only evidence for the claim, so the verdict is at most confirmed, with the instance shown.
    instance: str = ""
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    see_also: tuple[str, ...] = ()
    notes: str = ""
    # assigned when the chapter module is registered
    name: str = ""
    chapter: Chapter | None = None

    # -- declarations -------------------------------------------------------------
    @cached_property
    def declared(self) -> dict[str, Sym]:
        return {name: parse_spec(name, text) for name, text in self.symbols.items()}

    @cached_property
    def objects(self) -> dict:
        """SymPy objects for the declared symbols and the size letters they use."""
        objs: dict = {}
        for sym in self.declared.values():
            for d in sym.dims:
                if isinstance(d, str):
                    objs.setdefault(d, dim_symbol(d))
        for name, sym in self.declared.items():
            objs[name] = sym.sympy(objs)
        return objs

    def _call(self, fn: Callable):
        params = inspect.signature(fn).parameters
        missing = [p for p in params if p not in self.objects]
        if missing:
            raise NameError(f"{self.id}: statement uses undeclared symbol(s) {missing}")
        return fn(**{p: self.objects[p] for p in params})

    @cached_property
    def expr(self):
        """The statement as a SymPy relational, or ``None`` for prose."""
        if self.statement is None:
            return None
        out = self._call(self.statement)
        if not isinstance(out, Relational):
            raise TypeError(f"{self.id}: the statement evaluated to {out!r}, not a relation; build it with "
                            "formulas._authoring.Eq/Le/... (they keep the relation unevaluated)")
        return out

    @cached_property
    def constraints(self) -> list:
        return [] if self.where is None else list(self._call(self.where))

    @property
    def latex(self) -> str | None:
        return None if self.expr is None else sympy_latex(self.expr)

    @property
    def sympy_code(self) -> str | None:
        return None if self.expr is None else srepr(self.expr)

    @property
    def seed_lines(self) -> list[int] | None:
        return None if self.seed is None else list(self.seed.lines)

    @property
    def seed_quote(self) -> str | None:
        return None if self.seed is None else self.seed.quote

    @property
    def is_seed_claim(self) -> bool:
        return self.seed is not None

    def fingerprint(self) -> str:
        """Everything the verdict depends on, as text (hashed by the cache)."""
        try:
            statement = srepr(self.expr) if self.expr is not None else "-"
            constraints = repr([srepr(c) for c in self.constraints])
        except Exception as err:  # noqa: BLE001 - a broken statement still gets a key (and an error verdict)
            statement, constraints = f"unbuildable: {type(err).__name__}: {err}", "-"
        parts = [self.id, repr(sorted(self.symbols.items())), repr(self.given), str(self.expected.value),
                 statement, constraints,
                 getattr(self.experiment, "__qualname__", "-") if self.experiment else "-"]
        return "\x1f".join(parts)


@dataclass(frozen=True)
class Outcome:
    """What an experiment found: a claim about an algorithm holds on every trial or not."""

    holds: bool
    detail: str
    counterexample: dict | None = None
