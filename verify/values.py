"""Values for declared symbols that satisfy their assumptions.

Three families, one per engine:

* :func:`generic_env` -- SymPy symbols with the declared structure (a symmetric
  matrix shares ``a_ij = a_ji``; an orthogonal one is a Cayley transform of a
  skew matrix of symbols) for exact proofs at a concrete size;
* :func:`torch_env` -- a float64 draw, built valid rather than filtered
  (SPD as ``A A^T + n I``, probability vectors as a softmax of logits,
  orthogonal from a QR factorisation);
* :func:`exact_env_strategy` -- a hypothesis strategy of small integers and
  simple rationals, so counterexamples shrink toward something a person can read.

Declared functions: a random tanh network, except for a function declared with a shape class
(``f: function x convex``), which is drawn from the convex family of :func:`convex_params`
(negated for ``concave``) and only from it, so that no draw can refute a claim about convex functions
with a function that is not convex; the exact backend evaluates the same function with rational
parameters (:func:`verify.engines.numeric.exact_from_draw`) to re-check a violation at 50 digits.

Random variables get no values here (the probability engine handles claims
about them): a declared but unused random symbol is skipped, so it never stops
the other engines; one that the claim uses makes the evaluators raise
``Unsupported`` ("no value for symbol").  Integer scalars take integer values
(``positive`` ones from 1, ``nonnegative`` ones from 0), so they can be sum
bounds and matrix exponents.
"""

from __future__ import annotations

import sympy as sp
from hypothesis import strategies as st

from formulas.spec import Sym, shape_class

__all__ = ["generic_env", "torch_env", "exact_env_strategy", "Inapplicable", "convex_params", "convex_key",
           "describe_convex", "CONVEX_TERMS"]

CONVEX_TERMS = 4  # softplus ridges of a drawn convex function


class Inapplicable(ValueError):
    """The symbol kind has no values of this family (e.g. random variables in torch)."""


def _shape(sym: Sym, dims: dict) -> tuple[int, ...]:
    return tuple(int(dims[d]) if isinstance(d, str) else int(d) for d in sym.dims)


# -- exact, generic ----------------------------------------------------------------------------
def _generic_matrix(sym: Sym, r: int, c: int):
    name = sym.name.lower()
    pos = {"real": True}
    if "diagonal" in sym.flags:
        return sp.diag(*[sp.Symbol(f"{name}{i}", **pos) for i in range(r)])
    if "orthogonal" in sym.flags:
        skew = sp.zeros(r, r)
        for i in range(r):
            for j in range(i + 1, r):
                s = sp.Symbol(f"{name}{i}{j}", **pos)
                skew[i, j], skew[j, i] = s, -s
        eye = sp.eye(r)
        return ((eye - skew) * (eye + skew).inv()).applyfunc(sp.cancel)
    if "symmetric" in sym.flags:
        return sp.Matrix(r, c, lambda i, j: sp.Symbol(f"{name}{min(i, j)}{max(i, j)}", **pos))
    return sp.Matrix(r, c, lambda i, j: sp.Symbol(f"{name}{i}{j}", **pos))


def generic_env(declared: dict[str, Sym], dims: dict, objects: dict) -> dict:
    """Symbols at concrete sizes; scalars stay the declared SymPy symbols."""
    env = {}
    for name, sym in declared.items():
        if sym.kind == "scalar":
            env[name] = objects[name]
        elif sym.kind == "vector":
            (n,) = _shape(sym, dims)
            if "probability" in sym.flags:
                raise Inapplicable("probability vectors are checked on exact draws, not generic symbols")
            kw = {"positive": True} if "positive" in sym.flags else {"real": True}
            env[name] = sp.Matrix([sp.Symbol(f"{name.lower()}{i}", **kw) for i in range(n)])
        elif sym.kind == "matrix":
            env[name] = _generic_matrix(sym, *_shape(sym, dims))
        elif sym.kind == "function":
            if sym.flags:
                env[f"__fieldflags_{name}"] = sym.flags
        elif sym.kind == "random":
            continue  # unused by a non-random claim; a claim that uses it raises Unsupported in evaluate
        else:
            raise Inapplicable(f"{sym.kind} symbols have no explicit matrix form")
    return env


# -- torch draws -------------------------------------------------------------------------------
def _torch_scalar(sym: Sym, g):
    import torch

    if "integer" in sym.flags:
        low = 1 if "positive" in sym.flags else 0 if "nonnegative" in sym.flags else -4
        return torch.randint(low, 6, (), generator=g).to(torch.float64)
    if "unit" in sym.flags:
        return torch.rand((), generator=g, dtype=torch.float64) * 0.9 + 0.05
    if "positive" in sym.flags:
        return torch.rand((), generator=g, dtype=torch.float64) * 1.8 + 0.2
    if "nonnegative" in sym.flags:
        return torch.rand((), generator=g, dtype=torch.float64) * 2.0
    return torch.randn((), generator=g, dtype=torch.float64)


def _torch_matrix(sym: Sym, r: int, c: int, g):
    import torch

    a = torch.randn(r, c, generator=g, dtype=torch.float64)
    if "spd" in sym.flags:
        return a @ a.mT / r + torch.eye(r, dtype=torch.float64)
    if "psd" in sym.flags:
        b = torch.randn(r, max(1, r - 1), generator=g, dtype=torch.float64)
        return b @ b.mT
    if "symmetric" in sym.flags:
        return (a + a.mT) / 2 + (2.0 * torch.eye(r, dtype=torch.float64) if "invertible" in sym.flags else 0)
    if "orthogonal" in sym.flags:
        q, rr = torch.linalg.qr(a)
        return q * torch.sign(torch.diagonal(rr))
    if "diagonal" in sym.flags:
        d = torch.randn(r, generator=g, dtype=torch.float64)
        return torch.diag(d + 0.5 * torch.sign(d))  # any sign, away from 0: "diagonal" says nothing of the sign
    if "invertible" in sym.flags:
        return a + 2.0 * torch.eye(r, dtype=torch.float64) * torch.sign(torch.randn((), generator=g, dtype=torch.float64))
    return a


def torch_env(declared: dict[str, Sym], dims: dict, g) -> dict:
    """One float64 draw for every declared symbol (functions get random tanh networks)."""
    import torch

    env = {}
    numel = {}
    for name, sym in declared.items():
        if sym.kind == "scalar":
            env[name] = _torch_scalar(sym, g)
            numel[name] = 1
        elif sym.kind == "vector":
            (n,) = _shape(sym, dims)
            v = torch.randn(n, 1, generator=g, dtype=torch.float64)
            if "probability" in sym.flags:
                # logits at a random scale: near-uniform and near-degenerate distributions both occur
                scale = 0.5 + 5.5 * torch.rand((), generator=g, dtype=torch.float64)
                v = torch.softmax(v * scale, dim=0)
            elif {"positive", "nonnegative"} & sym.flags:
                v = v.exp()
            env[name] = v
            numel[name] = n
        elif sym.kind == "matrix":
            r, c = _shape(sym, dims)
            env[name] = _torch_matrix(sym, r, c, g)
            numel[name] = r * c
        elif sym.kind == "function":
            width = 6
            inputs = numel.get(sym.of)
            if inputs is None:
                raise Inapplicable(f"function {name}: argument {sym.of} has no value")
            if shape_class(sym):
                env[convex_key(name)] = convex_params(sym, inputs, g)
                continue
            shape = _shape(sym, dims)
            outputs = shape[0] * (shape[1] if len(shape) == 2 else 1) if sym.dims else 1
            if len(shape) == 2:  # structure of a matrix-valued function: spd, symmetric, invertible, diagonal
                env[f"__fieldflags_{name}"] = torch.tensor(
                    [float(f in sym.flags) for f in ("spd", "symmetric", "invertible", "diagonal")],
                    dtype=torch.float64)
            env[f"__field_{name}"] = (
                torch.randn(width, inputs, generator=g, dtype=torch.float64) / inputs**0.5,
                torch.randn(width, generator=g, dtype=torch.float64),
                torch.randn(outputs, width, generator=g, dtype=torch.float64),
            )
        elif sym.kind == "random":
            continue  # see the module docstring
        else:
            raise Inapplicable(f"{sym.kind} symbols have no torch values")
    return env


# -- convex and concave functions ----------------------------------------------------------------
def convex_key(name: str) -> str:
    """The environment key of a shape-class function's parameters (torch tensors, or exact rationals)."""
    return f"__convex_{name}"


def convex_params(sym: Sym, inputs: int, g) -> tuple:
    r"""Parameters of one draw of a convex (or, negated, concave) function of ``inputs`` numbers:

    .. math:: f(z) = s\Big(\sum_k c_k \frac{\log(1 + e^{\beta_k (a_k^T z + b_k)})}{\beta_k}
              + \tfrac12 \|Mz\|^2 + \tfrac{\mu}2 \|z\|^2 + g^T z + d\Big)

    with ``c_k >= 0``, ``beta_k in [1, 20]`` (large: nearly a hinge), ``mu > 0`` only for a strictly convex
    declaration, ``s = +1`` for convex and ``-1`` for concave.  Each softplus ridge is convex and
    nondecreasing in an affine function, the quadratics are p.s.d.: every draw is convex for every
    parameter value of that sign pattern, which :func:`verify.engines.numeric.exact_from_draw` keeps when it
    rounds them.  One draw in seven is affine (a plain convex declaration allows it), one in seven has no
    quadratic, one in seven no ridge.  Returns ``(A, b, c, beta, M, mu, g, d, s)`` as float64 tensors."""
    import torch

    def rand(*shape):
        return torch.rand(shape, generator=g, dtype=torch.float64)

    def randn(*shape):
        return torch.randn(shape, generator=g, dtype=torch.float64)

    k = CONVEX_TERMS
    kind = int(torch.randint(0, 7, (), generator=g))  # 0: affine, 1: ridges only, 2: quadratic only, else both
    ridges, quadratic = float(kind not in (0, 2)), float(kind not in (0, 1))
    a = randn(k, inputs) * 1.5 / inputs**0.5
    b = randn(k)
    c = rand(k) * 2.0 * ridges
    beta = torch.exp(rand(k) * torch.log(torch.tensor(20.0, dtype=torch.float64)))
    m = randn(inputs, inputs) / inputs**0.5 * quadratic
    strict = "strictly_convex" in sym.flags or "strictly_concave" in sym.flags
    mu = (0.25 + 0.75 * rand()) if strict else torch.zeros((), dtype=torch.float64)
    sign = torch.tensor(1.0 if shape_class(sym) == "convex" else -1.0, dtype=torch.float64)
    return a, b, c, beta, m, mu, randn(inputs), randn(), sign


def describe_convex(params) -> str:
    """The drawn function as text, with its parameters (exact rationals or floats); parts that vanish are left
    out (an affine draw reads ``g.z + d``)."""
    a, b, c, beta, m, mu, gvec, d, sign = (_nested(p) for p in params)
    parts, values = [], []
    if any(x not in ("0", "0.0") for x in c):
        parts.append("sum_k c_k log(1 + exp(beta_k (a_k.z + b_k)))/beta_k")
        values += [f"a = {a}", f"b = {b}", f"c = {c}", f"beta = {beta}"]
    if any(x not in ("0", "0.0") for row in m for x in row):
        parts.append("|M z|^2/2")
        values.append(f"M = {m}")
    if mu not in ("0", "0.0"):
        parts.append("mu |z|^2/2")
        values.append(f"mu = {mu}")
    parts.append("g.z + d")
    values += [f"g = {gvec}", f"d = {d}"]
    body = " + ".join(parts)
    head = body if sign in ("1", "1.0") else f"-({body})"
    return f"f(z) = {head}, z the argument's entries, with " + ", ".join(values)


def _nested(value):
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, list):
        return [_nested(v) for v in value]
    return f"{value:.6g}" if isinstance(value, float) else str(value)


# -- exact small values (hypothesis) -----------------------------------------------------------
_INT = st.integers(min_value=-3, max_value=3)
_POS = st.integers(min_value=1, max_value=4)
_RATIONAL = st.builds(lambda p, q: sp.Rational(p, q), st.integers(-4, 4), st.integers(1, 3))


def _exact_scalar(sym: Sym):
    if "integer" in sym.flags:
        if "positive" in sym.flags:
            return _POS.map(sp.Integer)
        return st.integers(0, 4).map(sp.Integer) if "nonnegative" in sym.flags else _INT.map(sp.Integer)
    if "unit" in sym.flags:
        return st.builds(lambda p, q: sp.Rational(p, p + q), _POS, _POS)
    if "positive" in sym.flags:
        return st.builds(lambda p, q: sp.Rational(p, q), _POS, st.integers(1, 2))
    if "nonnegative" in sym.flags:
        return st.integers(0, 4).map(sp.Integer)
    if "nonzero" in sym.flags:
        return _RATIONAL.filter(lambda x: x != 0)
    return _RATIONAL


def _int_matrix(r, c, elems=_INT):
    return st.lists(elems, min_size=r * c, max_size=r * c).map(lambda xs: sp.Matrix(r, c, xs))


def _exact_matrix(sym: Sym, r: int, c: int):
    base = _int_matrix(r, c)
    if "spd" in sym.flags:
        return base.map(lambda a: a * a.T + sp.eye(r))
    if "psd" in sym.flags:
        return _int_matrix(r, max(1, r - 1)).map(lambda b: b * b.T)
    if "symmetric" in sym.flags:
        sym_m = base.map(lambda a: a + a.T)
        return sym_m.filter(lambda m: m.det() != 0) if "invertible" in sym.flags else sym_m
    if "orthogonal" in sym.flags:
        def cayley(pair):  # a rotation, or a rotation times a reflection: both components of O(n)
            a, reflect = pair
            skew = (a - a.T) / 2
            q = (sp.eye(r) - skew) * (sp.eye(r) + skew).inv()
            return q * sp.diag(-1, *([1] * (r - 1))) if reflect else q
        return st.tuples(base, st.booleans()).map(cayley)
    if "diagonal" in sym.flags:
        return st.lists(_RATIONAL, min_size=r, max_size=r).map(lambda xs: sp.diag(*xs))  # any sign
    if "invertible" in sym.flags:
        return base.filter(lambda m: m.det() != 0)
    return base


def exact_env_strategy(declared: dict[str, Sym], dims: dict):
    """A hypothesis strategy of exact environments (dicts name -> SymPy value)."""
    parts = {}
    for name, sym in declared.items():
        if sym.kind == "scalar":
            parts[name] = _exact_scalar(sym)
        elif sym.kind == "vector":
            (n,) = _shape(sym, dims)
            if "probability" in sym.flags:
                weights = st.one_of(_POS, st.sampled_from([1, 2, 9, 30, 100]))
                parts[name] = st.lists(weights, min_size=n, max_size=n).map(
                    lambda xs: sp.Matrix([sp.Rational(x, sum(xs)) for x in xs]))
            elif {"positive", "nonnegative"} & sym.flags:
                parts[name] = _int_matrix(n, 1, _POS)
            elif "nonzero" in sym.flags:
                parts[name] = _int_matrix(n, 1).filter(lambda v: any(x != 0 for x in v))
            else:
                parts[name] = _int_matrix(n, 1)
        elif sym.kind == "matrix":
            parts[name] = _exact_matrix(sym, *_shape(sym, dims))
        elif sym.kind == "random":
            continue  # see the module docstring
        else:
            raise Inapplicable(f"{sym.kind} symbols have no exact small values")
    return st.fixed_dictionaries(parts)
