"""The ``distributions:`` mapping: ``{N: Poisson(lam)}`` becomes the symbol ``N: random Poisson(lam)``.

Names are matched without regard to case or underscores, so ``poisson``,
``Poisson`` and ``gamma_rate`` all work; ``Gaussian`` is ``Normal`` and ``MVN``
is ``MultivariateNormal``.  Parameterisations (those of :mod:`formulas.random`):

==================================  ============================  ======================================
written                             parameters                    meaning
==================================  ============================  ======================================
``Normal(mu, sigma)``               mean, **standard deviation**  also ``Gaussian``
``Binomial(n, p)``                  trials, success probability
``Bernoulli(p)``                    success probability
``Poisson(lam)``                    rate (= mean)
``Geometric(p)``                    success probability           support 1, 2, ..., mean ``1/p``
``Rademacher()``                    none                          -1 or 1
``Categorical(p)``                  probability vector (K)        values 0, ..., K - 1
``Gamma(k, theta)``                 shape, **scale**              mean ``k*theta``
``GammaRate(k, beta)``              shape, **rate**               mean ``k/beta``
``Exponential(lam)``                **rate**                      mean ``1/lam``
``Beta(a, b)``                      shapes                        mean ``a/(a + b)``
``Laplace(mu, b)``                  location, scale
``Uniform(a, b)``                   interval ends
``MultivariateNormal(mu, Sigma)``   mean vector, covariance       a random vector (also ``MVN``)
``Dirichlet(alpha)``                concentration vector          a random probability vector
==================================  ============================  ======================================

Parameters are arithmetic expressions (``+ - * / **``) of declared symbols --
scalars, vectors, matrices, and random variables declared before (a
hierarchical model) -- and integer literals (``1/2``, ``-3``).
"""

from __future__ import annotations

import ast

from formulas.random import DISTRIBUTIONS

from .errors import UserFileError
from .grammar import parse_tree

__all__ = ["ALIASES", "distribution_spec"]

ALIASES = {name.lower(): name for name in DISTRIBUTIONS} | {
    "gaussian": "Normal", "mvn": "MultivariateNormal", "multivariategaussian": "MultivariateNormal",
    "gaussianvector": "MultivariateNormal"}
_PARAM_NODES = (ast.Name, ast.Constant, ast.BinOp, ast.UnaryOp, ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow,
                ast.USub, ast.UAdd, ast.Load, ast.Subscript, ast.Tuple)


def _param(node) -> str:
    """One parameter as text for the declaration; only names, integers and ``+ - * / **``."""
    for sub in ast.walk(node):
        if not isinstance(sub, _PARAM_NODES) or (isinstance(sub, ast.Constant) and (
                isinstance(sub.value, bool) or not isinstance(sub.value, int))):
            raise UserFileError("a distribution parameter must be a declared symbol, an entry such as p[0], an integer "
                                "such as 2 or -1, or an expression of them with + - * / ** (write 1/2, not 0.5)")
    return ast.unparse(node)


def distribution_spec(text) -> str:
    """The symbol declaration for a distribution written as ``Name(params)``.

    >>> distribution_spec("poisson(lam)")
    'random Poisson(lam)'
    """
    if not isinstance(text, str):
        raise UserFileError(f"a distribution must be written as Name(parameters), got {type(text).__name__}")
    tree = parse_tree(text)
    if not isinstance(tree, ast.Call):
        raise UserFileError(f"a distribution must be written as Name(parameters), got {text!r}")
    key = tree.func.id.lower().replace("_", "")
    if key not in ALIASES:
        raise UserFileError(f"unknown distribution {tree.func.id!r}; known: {', '.join(sorted(DISTRIBUTIONS))}")
    if any(isinstance(a, ast.BinOp) and isinstance(a.op, ast.BitOr) for a in tree.args):
        raise UserFileError("a distribution takes parameters, not a condition")
    return f"random {ALIASES[key]}({', '.join(_param(a) for a in tree.args)})"
