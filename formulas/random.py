"""Random variables: the named distributions and their parameterisations.

=================  ===================================  ===========================
name               parameters                           meaning
=================  ===================================  ===========================
``Normal``         ``mu, sigma``                        mean, standard deviation
``Binomial``       ``n, p``                             trials, success probability
``Bernoulli``      ``p``                                success probability
``Poisson``        ``lam``                              rate
``Gamma``          ``k, theta``                         shape, **scale**
``GammaRate``      ``k, beta``                          shape, **rate** (= 1/scale)
``Exponential``    ``lam``                              rate
``Uniform``        ``a, b``                             interval ends
=================  ===================================  ===========================

A random variable without a distribution is an abstract SymPy ``RandomSymbol``:
``Variance(a*X + b).expand()`` works on it, and the verifier checks claims about
it on exact finite distributions as well.
"""

from __future__ import annotations

from sympy import Integer, Rational, Symbol
from sympy import stats as st
from sympy.stats.rv import RandomSymbol

__all__ = ["DISTRIBUTIONS", "random_symbol"]


def _gamma_rate(name, k, beta):
    return st.Gamma(name, k, 1 / beta)


DISTRIBUTIONS = {
    "Normal": (st.Normal, 2),
    "Binomial": (st.Binomial, 2),
    "Bernoulli": (st.Bernoulli, 1),
    "Poisson": (st.Poisson, 1),
    "Gamma": (st.Gamma, 2),
    "GammaRate": (_gamma_rate, 2),
    "Exponential": (st.Exponential, 1),
    "Uniform": (st.Uniform, 2),
}


def _param(token: str, objects: dict):
    if token in objects:
        return objects[token]
    if "/" in token:
        num, den = token.split("/")
        return Rational(int(num), int(den))
    if token.lstrip("-").isdigit():
        return Integer(int(token))
    raise KeyError(token)


def random_symbol(sym, objects: dict):
    """Build the SymPy random symbol for a declared ``random`` symbol."""
    from .spec import SpecError

    if sym.dist is None:
        return RandomSymbol(Symbol(sym.name))
    name, params = sym.dist
    if name not in DISTRIBUTIONS:
        raise SpecError(f"symbol {sym.name}: unknown distribution {name!r}; known: {sorted(DISTRIBUTIONS)}")
    ctor, arity = DISTRIBUTIONS[name]
    if len(params) != arity:
        raise SpecError(f"symbol {sym.name}: {name} takes {arity} parameter(s), got {len(params)}")
    try:
        values = [_param(p, objects) for p in params]
    except KeyError as err:
        raise SpecError(f"symbol {sym.name}: parameter {err.args[0]!r} is not declared before it") from None
    return ctor(sym.name, *values)
