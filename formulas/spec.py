"""Symbol declarations: the one grammar for shapes and assumptions.

A declaration is a short string, the same in the catalog and in user identity
files::

    scalar [real] [positive] [nonnegative] [integer] [unit]   # unit: in [0, 1]
    vector N [positive] [nonnegative] [probability]            # probability: entries >= 0 summing to 1
    matrix N M [symmetric] [spd] [psd] [orthogonal] [invertible] [diagonal]
    random [Normal(mu, sigma) | Poisson(lam) | ...]            # a random variable (or vector)
    function x [M]                                              # u(x) scalar, or f(x) with M outputs
    function x convex | concave | strictly convex | strictly concave   # a scalar u(x) of that shape class
    vector N [flags] function t                                 # the same as: function t N
    matrix N M [flags] function t                               # a matrix-valued function of t

Sizes are integers or letters; letters become positive integer SymPy symbols and
the verifier substitutes several concrete sizes.  ``spd`` implies ``symmetric``
and ``invertible``; ``orthogonal`` implies ``invertible``.

A shape class (``convex``, ``concave``, ``strictly convex``, ``strictly concave``; stored as the flags
``convex``, ``concave``, ``strictly_convex``, ``strictly_concave``, strict implying the plain one) is
declared for a scalar function of a scalar or a vector (:data:`FUNCTION_FLAGS`); for a function with
several outputs, or of a matrix or a random variable, it is an error (:meth:`Sym.sympy` checks the
argument).  The torch engine then draws only functions of that class (:mod:`verify.values`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sympy import Integer, MatrixSymbol, Symbol

from .nodes import MatrixField, ScalarField, VectorField

__all__ = ["Sym", "SpecError", "parse_spec", "dim_symbol", "MATRIX_FLAGS", "SCALAR_FLAGS", "VECTOR_FLAGS",
           "FUNCTION_FLAGS", "shape_class"]

SCALAR_FLAGS = frozenset({"real", "positive", "nonnegative", "integer", "unit", "nonzero"})
VECTOR_FLAGS = frozenset({"positive", "nonnegative", "probability", "nonzero"})
MATRIX_FLAGS = frozenset({"symmetric", "spd", "psd", "orthogonal", "invertible", "diagonal", "square"})
FUNCTION_FLAGS = frozenset({"convex", "concave", "strictly_convex", "strictly_concave"})
IMPLIED = {"strictly_convex": {"convex"}, "strictly_concave": {"concave"},
           "spd": {"symmetric", "invertible", "square"}, "psd": {"symmetric", "square"},
           "orthogonal": {"invertible", "square"}, "symmetric": {"square"}, "invertible": {"square"},
           "diagonal": {"square"}, "positive": {"nonnegative", "nonzero"}}
MAX_SIZE = 64
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,31}$")
_DIST = re.compile(r"^([A-Za-z]+)\((.*)\)$")
_PARAM = re.compile(r"^[A-Za-z0-9_+\-*/()\[\],. ]{1,200}$")  # arithmetic and entries (parsed by formulas.random)


class SpecError(ValueError):
    """A symbol declaration that does not follow the grammar."""


def dim_symbol(name: str) -> Symbol:
    """The SymPy symbol for a size letter: a positive integer."""
    return Symbol(name, integer=True, positive=True)


def _size(tok: str):
    if tok.isdigit():
        value = int(tok)
        if not 1 <= value <= MAX_SIZE:
            raise SpecError(f"size {value} outside 1..{MAX_SIZE}")
        return value
    if not _NAME.match(tok):
        raise SpecError(f"size {tok!r} is neither an integer nor a name")
    return tok


def _close(flags: set[str]) -> frozenset[str]:
    out = set(flags)
    changed = True
    while changed:
        changed = False
        for flag in list(out):
            extra = IMPLIED.get(flag, set()) - out
            if extra:
                out |= extra
                changed = True
    return frozenset(out)


@dataclass(frozen=True)
class Sym:
    """One declared symbol: its name, kind, sizes and assumptions."""

    name: str
    kind: str  # "scalar" | "vector" | "matrix" | "random" | "function"
    dims: tuple = ()
    flags: frozenset = frozenset()
    dist: tuple | None = None  # ("Poisson", ("lam",))
    of: str | None = None  # the argument of a function symbol
    spec: str = ""

    @property
    def shape_text(self) -> str:
        if self.kind == "vector":
            return f"vector in R^{self.dims[0]}"
        if self.kind == "matrix":
            return f"matrix in R^({self.dims[0]}x{self.dims[1]})"
        if self.kind == "function":
            if len(self.dims) == 2:
                return f"function of {self.of} to R^({self.dims[0]}x{self.dims[1]})"
            return f"function of {self.of}" + (f" to R^{self.dims[0]}" if self.dims else " to R")
        if self.kind == "random":
            return "random variable" + (f" ~ {self.dist[0]}({', '.join(self.dist[1])})" if self.dist else "")
        return "scalar"

    def sympy(self, objects: dict):
        """Build the SymPy object; ``objects`` holds those built so far (for functions)."""
        dims = [dim_symbol(d) if isinstance(d, str) else Integer(d) for d in self.dims]
        if self.kind == "scalar":
            kw = {"real": True}
            if "positive" in self.flags:
                kw["positive"] = True
            elif "nonnegative" in self.flags or "unit" in self.flags:
                kw["nonnegative"] = True
            if "integer" in self.flags:
                kw["integer"] = True
            if "nonzero" in self.flags and "positive" not in self.flags:
                kw["nonzero"] = True
            return Symbol(self.name, **kw)
        if self.kind == "vector":
            return MatrixSymbol(self.name, dims[0], 1)
        if self.kind == "matrix":
            return MatrixSymbol(self.name, dims[0], dims[1])
        if self.kind == "function":
            if self.of not in objects:
                raise SpecError(f"function {self.name}: argument {self.of!r} is not declared before it")
            arg = objects[self.of]
            if self.flags & FUNCTION_FLAGS:
                _check_shape_class_argument(self, arg)
            if len(dims) == 2:
                return MatrixField(self.name, arg, dims[0], dims[1])
            return VectorField(self.name, arg, dims[0]) if dims else ScalarField(self.name, arg)
        if self.kind == "random":
            from .random import random_symbol

            return random_symbol(self, objects)
        raise SpecError(f"unknown kind {self.kind!r}")


def parse_spec(name: str, text: str) -> Sym:
    """Parse one declaration such as ``"matrix n n spd"``; raise :class:`SpecError`."""
    if not isinstance(name, str) or not _NAME.match(name) or name.startswith("_"):
        raise SpecError(f"symbol name {name!r} must be a letter followed by letters, digits or _")
    if not isinstance(text, str) or not text.strip():
        raise SpecError(f"symbol {name}: empty declaration")
    if len(text) > 200:
        raise SpecError(f"symbol {name}: declaration too long")
    toks = text.replace(",", " ").split() if "(" not in text else text.split(None, 1)
    kind = toks[0].lower()
    rest = toks[1:]
    if kind == "scalar":
        flags = {t.lower() for t in rest}
        unknown = flags - SCALAR_FLAGS
        if unknown:
            raise SpecError(f"symbol {name}: unknown scalar assumption(s) {sorted(unknown)}")
        return Sym(name, "scalar", (), _close(flags | {"real"}), spec=text)
    if kind in ("vector", "matrix"):
        rest, of = _function_of(name, rest)
        if of is not None:
            return _field(name, kind, rest, of, text)
    if kind == "vector":
        if not rest:
            raise SpecError(f"symbol {name}: 'vector' needs a size, e.g. 'vector n'")
        flags = {t.lower() for t in rest[1:]}
        unknown = flags - VECTOR_FLAGS
        if unknown:
            raise SpecError(f"symbol {name}: unknown vector assumption(s) {sorted(unknown)}")
        return Sym(name, "vector", (_size(rest[0]),), _close(flags), spec=text)
    if kind == "matrix":
        if len(rest) < 2:
            raise SpecError(f"symbol {name}: 'matrix' needs two sizes, e.g. 'matrix n m'")
        dims = (_size(rest[0]), _size(rest[1]))
        flags = _close({t.lower() for t in rest[2:]})
        unknown = flags - MATRIX_FLAGS
        if unknown:
            raise SpecError(f"symbol {name}: unknown matrix assumption(s) {sorted(unknown)}")
        if "square" in flags and dims[0] != dims[1]:
            raise SpecError(f"symbol {name}: {sorted(flags - {'square'})} needs a square matrix, got {dims}")
        return Sym(name, "matrix", dims, flags, spec=text)
    if kind == "random":
        if not rest:
            return Sym(name, "random", spec=text)
        m = _DIST.match(rest[0].strip())
        if not m:
            raise SpecError(f"symbol {name}: distribution must look like Name(param, ...), got {rest[0]!r}")
        params = tuple(p.strip() for p in _split_params(m.group(2)) if p.strip())
        for p in params:
            if not _PARAM.match(p):
                raise SpecError(f"symbol {name}: distribution parameter {p!r} must be a name, a number or an "
                                "arithmetic expression of them")
        return Sym(name, "random", (), frozenset(), dist=(m.group(1), params), spec=text)
    if kind == "function":
        return _scalar_function(name, rest, text)
    raise SpecError(f"symbol {name}: unknown kind {kind!r} (scalar, vector, matrix, random, function)")


def shape_class(sym: Sym) -> str | None:
    """``"convex"`` or ``"concave"`` for a function declared with that shape class, else None."""
    if sym.kind != "function":
        return None
    return "convex" if "convex" in sym.flags else "concave" if "concave" in sym.flags else None


def _scalar_function(name: str, rest: list[str], text: str) -> Sym:
    """``function x [m] [convex | concave | strictly convex | strictly concave]``."""
    if not rest:
        raise SpecError(f"symbol {name}: 'function' needs its argument, e.g. 'function x' or 'function x m'")
    if not _NAME.match(rest[0]):
        raise SpecError(f"symbol {name}: function argument {rest[0]!r} is not a name")
    words = rest[1:]
    k = next((i for i, w in enumerate(words) if w.lower() in _SHAPE_WORDS), len(words))
    sizes, shape = words[:k], [w.lower() for w in words[k:]]
    if len(sizes) > 1:
        raise SpecError(f"symbol {name}: 'function x [m]' takes one size at most, then a shape class such as "
                        "'convex'")
    if sizes and sizes[0].lower().startswith(("conv", "conc", "strict")):
        raise SpecError(f"symbol {name}: {sizes[0]!r} is neither a size nor a shape class (convex, concave, "
                        "strictly convex, strictly concave)")
    dims = (_size(sizes[0]),) if sizes else ()
    flags = _shape_flags(name, shape)
    if flags and dims:
        raise SpecError(f"symbol {name}: {' '.join(shape)} is a property of a scalar function, but {name} has "
                        f"{sizes[0]} outputs; declare each output as its own scalar function")
    return Sym(name, "function", dims, flags, of=rest[0], spec=text)


_SHAPE_WORDS = frozenset({"convex", "concave", "strictly", "strictly_convex", "strictly_concave"})


def _shape_flags(name: str, words: list[str]) -> frozenset:
    """``["strictly", "convex"]`` -> ``{strictly_convex, convex}``; anything else in the words is an error."""
    flags, k = set(), 0
    while k < len(words):
        word = words[k]
        if word == "strictly" and k + 1 < len(words) and words[k + 1] in ("convex", "concave"):
            word, k = f"strictly_{words[k + 1]}", k + 1
        if word not in FUNCTION_FLAGS:
            raise SpecError(f"symbol {name}: unknown function property {word!r} (convex, concave, strictly convex, "
                            "strictly concave)")
        flags.add(word)
        k += 1
    flags = _close(flags)
    if {"convex", "concave"} <= flags:
        raise SpecError(f"symbol {name}: declared both convex and concave (that is an affine function: write it "
                        "as a^T x + b with declared a and b)")
    return flags


def _check_shape_class_argument(sym: Sym, arg) -> None:
    """A shape class needs a scalar or a (column) vector argument: convexity of a function of a matrix or a
    random variable is not what the engines draw."""
    what = " ".join(sorted(f.replace("_", " ") for f in sym.flags & FUNCTION_FLAGS if f.startswith("strictly"))) \
        or shape_class(sym)
    if type(arg) is Symbol or (type(arg) is MatrixSymbol and arg.shape[1] == 1):
        return
    hint = ("declare the function of a vector (the matrix's vectorisation)" if type(arg) is MatrixSymbol else
            "declare it as a function of a scalar t (the probability engine does not yet draw convex functions, "
            "so E(f(X)) of a declared function stays undecided)")
    kind = "a matrix" if type(arg) is MatrixSymbol else "a random variable"
    raise SpecError(f"symbol {sym.name}: a {what} function must take a scalar or a vector, but {sym.of} is {kind}; "
                    + hint)


def _split_params(text: str) -> list[str]:
    """Split ``a, f(b, c), d`` at the commas outside parentheses."""
    out, depth, cur = [], 0, ""
    for ch in text:
        if ch == "," and depth == 0:
            out.append(cur)
            cur = ""
            continue
        depth += (ch in "([") - (ch in ")]")
        if depth < 0:
            raise SpecError(f"unbalanced parentheses in distribution parameters {text!r}")
        cur += ch
    if depth:
        raise SpecError(f"unbalanced parentheses in distribution parameters {text!r}")
    return [*out, cur]


def _function_of(name: str, rest: list[str]) -> tuple[list[str], str | None]:
    """``vector n positive function t`` -> (``[n, positive]``, ``t``); no ``function`` word: (rest, None)."""
    words = [w.lower() for w in rest]
    if "function" not in words:
        return rest, None
    k = words.index("function")
    if k != len(rest) - 2 or not _NAME.match(rest[-1]):
        raise SpecError(f"symbol {name}: 'function' must end the declaration with one argument name, "
                        "e.g. 'matrix n n invertible function t'")
    return rest[:k], rest[-1]


def _field(name: str, kind: str, rest: list[str], of: str, text: str) -> Sym:
    """A vector- or matrix-valued function of the symbol ``of`` (kind ``function``, with its shape and flags)."""
    count = 1 if kind == "vector" else 2
    if len(rest) < count:
        raise SpecError(f"symbol {name}: '{kind}' needs {'a size' if count == 1 else 'two sizes'} before 'function'")
    dims = tuple(_size(t) for t in rest[:count])
    flags = _close({t.lower() for t in rest[count:]})
    allowed = VECTOR_FLAGS if kind == "vector" else MATRIX_FLAGS
    if flags & (_SHAPE_WORDS | FUNCTION_FLAGS):
        raise SpecError(f"symbol {name}: convexity is a property of scalar functions, not of a {kind}-valued one; "
                        "declare a scalar 'function t convex'")
    unknown = flags - allowed
    if unknown:
        raise SpecError(f"symbol {name}: unknown {kind} assumption(s) {sorted(unknown)}")
    if kind == "matrix" and "square" in flags and dims[0] != dims[1]:
        raise SpecError(f"symbol {name}: {sorted(flags - {'square'})} needs a square matrix, got {dims}")
    return Sym(name, "function", dims, flags, of=of, spec=text)
