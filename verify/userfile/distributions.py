"""The ``distributions:`` mapping: ``{N: Poisson(lam)}`` becomes the symbol ``N: random Poisson(lam)``.

Names are matched without regard to case or underscores, so ``poisson``,
``Poisson`` and ``gamma_rate`` all work.  Parameterisations (those of
:mod:`formulas.random`):

==========================  ============================  ======================================
written                     parameters                    meaning
==========================  ============================  ======================================
``Normal(mu, sigma)``       mean, **standard deviation**  also ``Gaussian``
``Binomial(n, p)``          trials, success probability
``Bernoulli(p)``            success probability
``Poisson(lam)``            rate (= mean)
``Gamma(k, theta)``         shape, **scale**              mean ``k*theta``
``GammaRate(k, beta)``      shape, **rate**               mean ``k/beta``
``Exponential(lam)``        **rate**                      mean ``1/lam``
``Uniform(a, b)``           interval ends
==========================  ============================  ======================================

Parameters are declared scalar symbols or number literals (``1/2``, ``-3``).
"""

from __future__ import annotations

import ast

from formulas.random import DISTRIBUTIONS

from .errors import UserFileError
from .grammar import parse_tree

__all__ = ["ALIASES", "distribution_spec"]

ALIASES = {name.lower(): name for name in DISTRIBUTIONS} | {"gaussian": "Normal"}


def _param(node) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Constant) and isinstance(node.value, int):
        return str(node.value)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _param(node.operand)
        if not inner.startswith("-") and "/" not in inner and inner.isdigit():
            return "-" + inner
    if (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div) and isinstance(node.left, ast.Constant)
            and isinstance(node.right, ast.Constant)
            and all(isinstance(c.value, int) for c in (node.left, node.right)) and node.right.value != 0):
        return f"{node.left.value}/{node.right.value}"
    raise UserFileError("a distribution parameter must be a declared scalar or a number such as 2, -1 or 1/2")


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
    return f"random {ALIASES[key]}({', '.join(_param(a) for a in tree.args)})"
