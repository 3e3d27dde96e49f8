"""One user identity: its fields as data, and the catalog :class:`~formulas.model.Entry` it becomes.

The entry's statement is built from the claim's parse tree over the entry's own
symbol objects, so the verifier sees exactly what a catalog entry would give it.
"""

from __future__ import annotations

import inspect
import keyword
import re
from dataclasses import dataclass, field

from sympy.core.parameters import evaluate

from formulas.model import Entry, Verdict

from .build import Scope, build_claim
from .errors import UserFileError
from .limits import DEFAULT_TIMEOUT

__all__ = ["Identity", "LAYOUTS", "EXPECT"]

LAYOUTS = ("denominator", "numerator")
EXPECT = ("holds", "refuted")


@dataclass(frozen=True)
class Identity:
    """A claim with its declarations, as read from a file (or given to the Python API)."""

    id: str
    claim: str
    symbols: dict = field(default_factory=dict)  # name -> declaration, file-level ones merged in
    distributions: dict = field(default_factory=dict)  # name -> "Poisson(lam)"
    title: str = ""
    layout: str = "denominator"
    given: tuple[str, ...] = ()  # "independent X Y"
    where: tuple[str, ...] = ()  # extra constraints, each a relation such as "a > 0"
    expect: str = "holds"  # or "refuted": a known-false identity, kept to document a mistake
    notes: str = ""
    file: str | None = None

    def error(self, message: str, field: str) -> UserFileError:
        return UserFileError(message, file=self.file, identity=self.id, field=field)

    def passed(self, verdict: Verdict) -> bool:
        """Whether a verdict meets this identity's expectation."""
        if self.expect == "refuted":
            return verdict is Verdict.REFUTED
        return verdict in (Verdict.PROVED, Verdict.CONFIRMED)

    def _symbols(self) -> dict[str, str]:
        from .distributions import distribution_spec

        out = dict(self.symbols)
        for name, text in self.distributions.items():
            if name in out:
                raise self.error(f"{name!r} is declared both under symbols and under distributions",
                                 "distributions")
            try:
                out[name] = distribution_spec(text)
            except UserFileError as err:
                raise err.located(file=self.file, identity=self.id, field=f"distributions.{name}") from None
        for name in out:
            if isinstance(name, str) and keyword.iskeyword(name):
                raise self.error(f"symbol name {name!r} is a Python keyword; choose another (such as 'lam' "
                                 "for lambda)", "symbols")
        return _dependency_order(out)

    def to_entry(self, *, timeout: float | None = DEFAULT_TIMEOUT) -> Entry:
        """The catalog entry, with its statement and constraints built (input errors raise here)."""
        from .timing import HardTimeout, hard_time_limit

        if self.layout not in LAYOUTS:
            raise self.error(f"layout must be one of {', '.join(LAYOUTS)}, got {self.layout!r}", "layout")
        layout = self.layout

        # The builder makes every node itself and keeps relations unevaluated; SymPy's own
        # evaluation stays on so that sizes such as n*1 (from kron) read as n.
        def built(objects, for_claim: bool):
            """The claim and the ``where`` clauses, with the vectors and matrices a ``where`` defines replaced by
            their definitions (verify/userfile/definitions.py).  A ``where`` that does not build is reported by
            the ``where`` field, so the claim alone is returned for it then."""
            from .definitions import defined_by, substitute, trivial

            with evaluate(True):
                claim = build_claim(self.claim, Scope(entry.declared, objects, layout))
                try:
                    constraints = [build_claim(text, Scope(entry.declared, objects, layout), constraint=True)
                                   for text in self.where]
                except (UserFileError, ValueError, TypeError, ArithmeticError, AttributeError):
                    if for_claim:
                        return claim, []
                    raise
                definitions, used = defined_by(constraints, self.symbols if isinstance(self.symbols, dict) else {},
                                               [claim])
                if not definitions:
                    return claim, constraints
                rest = [substitute(c, definitions) for k, c in enumerate(constraints) if k not in used]
                return substitute(claim, definitions), [c for c in rest if not trivial(c)]

        def statement(**objects):
            return built(objects, True)[0]

        def where(**objects):
            return built(objects, False)[1]

        entry = Entry(id=self.id, title=self.title or self.id, expected=Verdict.PROVED, symbols=self._symbols(),
                      statement=statement, where=where if self.where else None, given=tuple(self.given),
                      notes=self.notes)
        try:
            with hard_time_limit(timeout):
                try:
                    objects = entry.objects
                except ValueError as err:
                    raise self.error(str(err), "symbols") from None
                for sym in entry.declared.values():
                    for d in sym.dims:
                        if d in entry.declared:
                            raise self.error(f"size letter {d!r} is also declared as a symbol; sizes are "
                                             "implicit (name the symbol differently)", "symbols")
                params = [inspect.Parameter(n, inspect.Parameter.KEYWORD_ONLY) for n in objects]
                statement.__signature__ = where.__signature__ = inspect.Signature(params)
                self._check_given(entry)
                for part, attribute in (("claim", "expr"), ("where", "constraints")):
                    try:
                        getattr(entry, attribute)
                    except UserFileError as err:
                        raise err.located(file=self.file, identity=self.id, field=part) from None
                    except (ValueError, TypeError, ArithmeticError, AttributeError) as err:
                        # SymPy refusing a well-formed tree (a shape it cannot combine, say)
                        raise self.error(f"cannot build this expression: {type(err).__name__}: {err}",
                                         part) from None
        except HardTimeout:
            raise self.error(f"building the claim exceeded the time limit of {timeout:g} s", "claim") from None
        except RecursionError:
            raise self.error("the claim is too deeply nested to build", "claim") from None
        return entry

    def _check_given(self, entry: Entry) -> None:
        for text in self.given:
            words = text.split()
            if len(words) < 3 or words[0] != "independent":
                raise self.error(f"given must read 'independent X Y ...' or 'independent X Y | Z', got {text!r}",
                                 "given")
            if "|" in words:
                bar = words.index("|")
                if bar < 3 or bar == len(words) - 1 or words.count("|") > 1:
                    raise self.error(f"given: conditional independence reads 'independent X Y | Z' (two or more "
                                     f"variables, a bar, the conditioning variables), got {text!r}", "given")
            for w in (w for w in words[1:] if w != "|"):
                sym = entry.declared.get(w)
                if sym is None or sym.kind != "random":
                    raise self.error(f"given: {w!r} is not a declared random variable", "given")


_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _needs(spec) -> set[str]:
    """Names a declaration refers to: a function's argument, a distribution's parameters."""
    if not isinstance(spec, str):
        return set()
    words = spec.split()
    if "function" in words[:-1]:
        return {words[words.index("function") + 1]}
    if words and words[0] == "random" and "(" in spec:
        return set(_WORD.findall(spec[spec.index("("):]))
    return set()


def _dependency_order(symbols: dict) -> dict:
    """The declarations reordered so that each comes after the symbols it names (file order otherwise).

    A cycle is left in file order; building it then reports the name that is not declared before."""
    out: dict = {}
    pending = dict(symbols)
    while pending:
        ready = [n for n, spec in pending.items() if not (_needs(spec) & (set(pending) - {n}))]
        if not ready:
            out.update(pending)
            break
        for n in ready:
            out[n] = pending.pop(n)
    return out
