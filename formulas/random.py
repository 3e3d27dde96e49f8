"""Random variables: the named distributions and their parameterisations.

=======================  ===================================  =========================================
name                     parameters                           meaning
=======================  ===================================  =========================================
``Normal``               ``mu, sigma``                        mean, standard deviation
``Binomial``             ``n, p``                             trials, success probability
``Bernoulli``            ``p``                                success probability
``Poisson``              ``lam``                              rate
``Geometric``            ``p``                                success probability; support 1, 2, ...
``Rademacher``           (none)                               -1 or 1, each with probability 1/2
``Categorical``          ``p`` (a probability vector, K)      values 0, ..., K - 1 with P(k) = p[k]
``Gamma``                ``k, theta``                         shape, **scale**
``GammaRate``            ``k, beta``                          shape, **rate** (= 1/scale)
``Exponential``          ``lam``                              rate
``Beta``                 ``a, b``                             shapes
``Laplace``              ``mu, b``                            location, scale
``Uniform``              ``a, b``                             interval ends
``MultivariateNormal``   ``mu, Sigma``                        a random vector: mean, covariance (SPD)
``Dirichlet``            ``alpha``                            a random probability vector
=======================  ===================================  =========================================

A parameter is an arithmetic expression of declared symbols and numbers
(``m0 + (m1 - m0)*Z``).  When it names another random variable the model is
**hierarchical**: the variable's law is its law given that parameter (SymPy's
compound distributions).  A random variable without a distribution is an
abstract SymPy ``RandomSymbol``: ``Variance(a*X + b).expand()`` works on it, and
the verifier checks claims about it on exact finite distributions as well.

Scalar families SymPy knows are SymPy random symbols; ``Categorical`` (a law
given by a vector of probabilities of any size) lives in a :class:`LawSpace`,
and the vector families are :class:`~formulas.nodes.RandomVector` matrix
expressions.
"""

from __future__ import annotations

import ast

from sympy import Integer, Rational, Symbol, Tuple
from sympy import stats as st
from sympy.core.symbol import Str
from sympy.stats.rv import PSpace, RandomSymbol, is_random

from .nodes import RandomVector


@is_random.register(RandomVector)
def _(x):  # a random vector is random: sympy.stats keeps E(x.T*A*x) as an expectation
    return True

__all__ = ["DISTRIBUTIONS", "VECTOR_FAMILIES", "LawSpace", "random_symbol", "parse_param"]


def _gamma_rate(name, k, beta):
    return st.Gamma(name, k, 1 / beta)


class LawSpace(PSpace):
    """The probability space of one scalar random variable whose law is given by name and parameters.

    ``LawSpace(Symbol("C"), "Categorical", p)``: the verifier's probability engine reads the law from
    ``family`` and ``params``; SymPy's own ``sympy.stats`` functions do not apply to it.
    """

    def __new__(cls, symbol, family: str, *params):
        return PSpace.__new__(cls, symbol, Str(family), Tuple(*params))

    @property
    def symbol(self):
        return self.args[0]

    @property
    def family(self) -> str:
        return self.args[1].name

    @property
    def params(self) -> tuple:
        return tuple(self.args[2])

    @property
    def value(self):
        return RandomSymbol(self.symbol, self)

    @property
    def symbols(self):
        from sympy import FiniteSet

        return FiniteSet(self.value)


def _categorical(name, p):
    if not (getattr(p, "is_Matrix", False) and p.shape[1] == 1):
        raise TypeError("Categorical(p) needs a probability vector p (declare it 'vector K probability')")
    symbol = Symbol(name, integer=True, nonnegative=True)
    return LawSpace(symbol, "Categorical", p).value


def _vector_family(family: str):
    def build(name, *params):
        return RandomVector(name, family, *params)

    return build


# name -> (constructor(name, *params), number of parameters)
DISTRIBUTIONS = {
    "Normal": (st.Normal, 2),
    "Binomial": (st.Binomial, 2),
    "Bernoulli": (st.Bernoulli, 1),
    "Poisson": (st.Poisson, 1),
    "Geometric": (st.Geometric, 1),
    "Rademacher": (st.Rademacher, 0),
    "Categorical": (_categorical, 1),
    "Gamma": (st.Gamma, 2),
    "GammaRate": (_gamma_rate, 2),
    "Exponential": (st.Exponential, 1),
    "Beta": (st.Beta, 2),
    "Laplace": (st.Laplace, 2),
    "Uniform": (st.Uniform, 2),
    "MultivariateNormal": (_vector_family("MultivariateNormal"), 2),
    "Dirichlet": (_vector_family("Dirichlet"), 1),
}
VECTOR_FAMILIES = frozenset({"MultivariateNormal", "Dirichlet"})

_BINOPS = {ast.Add: "__add__", ast.Sub: "__sub__", ast.Mult: "__mul__", ast.Div: "__truediv__",
           ast.Pow: "__pow__"}


def parse_param(token: str, objects: dict):
    """A distribution parameter: a declared name, a number, or ``+ - * / **`` of them (parsed, never run).

    >>> from sympy import Symbol
    >>> parse_param("m0 + 2*s", {"m0": Symbol("m0"), "s": Symbol("s")})
    m0 + 2*s
    """
    try:
        tree = ast.parse(token.strip(), mode="eval").body
    except SyntaxError:
        raise ValueError(f"parameter {token!r} is not an expression") from None
    return _build(tree, objects, token)


def _build(node, objects: dict, token: str):
    if isinstance(node, ast.Name):
        if node.id not in objects:
            raise KeyError(node.id)
        return objects[node.id]
    if isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool):
        if node.value.bit_length() > 64:
            raise ValueError(f"parameter {token!r}: number too large")
        return Integer(node.value)
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):  # an entry: p[0], S[0, 1]
        from sympy.matrices.expressions.matexpr import MatrixElement

        base = _build(node.value, objects, token)
        index = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if not getattr(base, "is_Matrix", False) or len(index) not in (1, 2) or not all(
                isinstance(i, ast.Constant) and isinstance(i.value, int) and not isinstance(i.value, bool)
                for i in index):
            raise ValueError(f"parameter {token!r}: an entry needs a vector or matrix and number indices")
        ij = [i.value for i in index] + ([0] if len(index) == 1 else [])
        for k, size in zip(ij, base.shape, strict=True):
            if k < 0 or (getattr(size, "is_Integer", False) and k >= int(size)):
                raise ValueError(f"parameter {token!r}: index {k} out of range")
        return MatrixElement(base, *ij)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        inner = _build(node.operand, objects, token)
        return -inner if isinstance(node.op, ast.USub) else inner
    if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
        a, b = _build(node.left, objects, token), _build(node.right, objects, token)
        if isinstance(node.op, ast.Div) and isinstance(a, Integer) and isinstance(b, Integer):
            if b == 0:
                raise ValueError(f"parameter {token!r}: division by zero")
            return Rational(a, b)
        if isinstance(node.op, ast.Pow) and not (isinstance(b, Integer) and abs(int(b)) <= 64) and b.is_number:
            raise ValueError(f"parameter {token!r}: exponent out of range")
        return getattr(a, _BINOPS[type(node.op)])(b)
    raise ValueError(f"parameter {token!r}: only names, entries such as p[0], integers and + - * / ** are allowed")


def random_symbol(sym, objects: dict):
    """Build the SymPy random symbol (or random vector) for a declared ``random`` symbol."""
    from .spec import SpecError

    if sym.dist is None:
        return RandomSymbol(Symbol(sym.name, real=True))
    name, params = sym.dist
    if name not in DISTRIBUTIONS:
        raise SpecError(f"symbol {sym.name}: unknown distribution {name!r}; known: {sorted(DISTRIBUTIONS)}")
    ctor, arity = DISTRIBUTIONS[name]
    if len(params) != arity:
        raise SpecError(f"symbol {sym.name}: {name} takes {arity} parameter(s), got {len(params)}")
    try:
        values = [parse_param(p, objects) for p in params]
    except KeyError as err:
        raise SpecError(f"symbol {sym.name}: parameter {err.args[0]!r} is not declared before it") from None
    except (ValueError, TypeError) as err:
        raise SpecError(f"symbol {sym.name}: {err}") from None
    _check_kinds(sym, name, values, SpecError)
    if name in VECTOR_FAMILIES and any(v.atoms(RandomSymbol, RandomVector) for v in values):
        raise SpecError(f"symbol {sym.name}: a random vector's parameters must not be random (a hierarchical model "
                        "of scalar variables, or a MultivariateNormal with fixed parameters)")
    try:
        return ctor(sym.name, *values)
    except (ValueError, TypeError) as err:  # SymPy refusing a parameter (a negative sigma, say)
        raise SpecError(f"symbol {sym.name}: {name}({', '.join(params)}): {err}") from None


def _check_kinds(sym, family: str, values: list, error) -> None:
    """Scalar families take scalars; vector families a vector (and a square matrix)."""
    is_mat = [bool(getattr(v, "is_Matrix", False)) for v in values]
    if family == "MultivariateNormal":
        mu, cov = values
        if not (is_mat[0] and mu.shape[1] == 1) or not (is_mat[1] and tuple(cov.shape) == (mu.shape[0],) * 2):
            raise error(f"symbol {sym.name}: MultivariateNormal(mu, Sigma) needs a vector mu (n) and a matrix "
                        "Sigma (n x n), such as mu: vector n, Sigma: matrix n n spd")
    elif family in ("Dirichlet", "Categorical"):
        if not (is_mat[0] and values[0].shape[1] == 1):
            raise error(f"symbol {sym.name}: {family}(p) needs a vector parameter")
    elif any(is_mat):
        raise error(f"symbol {sym.name}: {family} takes scalar parameters, got a vector or matrix")
