"""What the declarations say about a piece of claim text: its kind and shape, from the trusted builder.

The translator asks the same builder that checks identity files
(:func:`verify.userfile.build.build_expression`) for the shape of a fragment
(``A.T*x`` is a vector of size ``m``), so the two can never disagree about what a
claim means.  Answers are cached per text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

from verify.userfile.build import Scope, build_expression
from verify.userfile.errors import UserFileError
from verify.userfile.identity import Identity

from .errors import NotesError

__all__ = ["Declarations", "Oracle", "Shape"]


@dataclass(frozen=True)
class Shape:
    """``rows`` x ``cols`` as claim text (``"n"``, ``"3"``); a scalar is ``None`` x ``None``."""

    rows: str | None = None
    cols: str | None = None

    @property
    def scalar(self) -> bool:
        return self.rows is None or (self.rows == "1" and self.cols == "1")

    @property
    def vector(self) -> bool:
        return not self.scalar and self.cols == "1"

    @property
    def square(self) -> bool:
        return not self.scalar and self.rows == self.cols

    @property
    def matrix(self) -> bool:
        return not self.scalar and self.cols != "1"


@dataclass
class Declarations:
    """The declarations one claim is read with (file-wide merged with the equation's own)."""

    symbols: dict = field(default_factory=dict)
    distributions: dict = field(default_factory=dict)
    layout: str = "denominator"
    given: tuple = ()
    where: tuple = ()

    def kind(self, name: str) -> str | None:
        """``scalar``, ``vector``, ``matrix``, ``random``, ``function`` or None when undeclared."""
        if name in self.distributions:
            return "random"
        spec = self.symbols.get(name)
        return spec.split()[0].lower() if isinstance(spec, str) and spec.split() else None

    def sliced(self, name: str) -> tuple[str, str] | None:
        """``('col', 'X')`` for ``x: columns of X`` (``x_i`` is column i of X), ``('row', 'X')`` for ``rows of X``."""
        words = str(self.symbols.get(name, "")).split()
        if len(words) == 3 and words[0].lower() in ("columns", "rows") and words[1].lower() == "of":
            return ("col" if words[0].lower() == "columns" else "row"), words[2]
        return None

    def function_argument(self, name: str) -> str | None:
        spec = self.symbols.get(name)
        words = spec.split() if isinstance(spec, str) else []
        return words[1] if len(words) >= 2 and words[0].lower() == "function" else None

    def sizes(self) -> set[str]:
        """The size letters the declarations use."""
        out = set()
        for spec in self.symbols.values():
            words = str(spec).split()
            if words and words[0].lower() in ("vector", "matrix"):
                out.update(w for w in words[1:3] if w.isidentifier())
            elif words and words[0].lower() == "function":  # function x m: a vector of size m
                out.update(w for w in words[2:4] if w.isidentifier())
        return out


class Oracle:
    """Shapes of claim-text fragments under one set of declarations."""

    def __init__(self, decl: Declarations):
        self.decl = decl
        self._scope = None
        self._cache: dict[tuple, Shape] = {}

    def scope(self) -> Scope:
        if self._scope is None:
            symbols = dict(sorted(((k, v) for k, v in self.decl.symbols.items() if self.decl.sliced(k) is None),
                                  key=lambda kv: str(kv[1]).startswith("function")))
            probe = Identity(id="probe", claim="0 == 0", symbols=symbols,
                             distributions=dict(self.decl.distributions), layout=self.decl.layout)
            try:
                entry = probe.to_entry(timeout=None)
            except UserFileError as err:
                raise NotesError(f"the declarations: {err.message}") from None
            self._scope = Scope(entry.declared, entry.objects, self.decl.layout)
        return self._scope

    def shape(self, text: str, bound: dict | None = None) -> Shape:
        """The shape of ``text``; ``bound`` gives sum indices a value.  Raises :class:`NotesError`."""
        key = (text, tuple(sorted((bound or {}).items())))
        if key in self._cache:
            return self._cache[key]
        base = self.scope()
        from verify.userfile.shapes import BoundIndex

        # a variable of integration stands for a number (a SymPy value); sum indices keep their own values
        values = {k: BoundIndex(v, v, v) if isinstance(v, sp.Basic) else v for k, v in (bound or {}).items()}
        scope = Scope(base.declared, base.objects, base.layout, values)
        try:
            with sp.evaluate(True):
                value = build_expression(text, scope)
        except UserFileError as err:
            raise NotesError(f"{err.message} in {text!r}") from None
        except (ValueError, TypeError, ArithmeticError, AttributeError, RecursionError) as err:
            raise NotesError(f"cannot build {text!r}: {type(err).__name__}: {err}") from None
        if getattr(value, "is_Matrix", False):
            rows, cols = (str(sp.expand(d)) for d in value.shape)
            out = Shape(rows, cols)
        else:
            out = Shape()
        self._cache[key] = out
        return out

    def accepts(self, text: str, bound: dict | None = None) -> bool:
        try:
            self.shape(text, bound)
        except NotesError:
            return False
        return True
