"""SymPy node types the catalog adds: layout-aware derivatives and declared functions.

SymPy's matrix expressions cover products, transposes, inverses, traces and
determinants.  Three things are missing for a cheat sheet of matrix calculus:

* :class:`D` -- an *unevaluated* derivative ``D(f, v)`` in **denominator layout**
  (the gradient of a scalar has the shape of the variable; for vectors,
  ``D(f, x)[i, j] = d f_j / d x_i``).  It is never evaluated by SymPy itself:
  the verifier computes it component-wise, with autograd and with general rules.
* :class:`ScalarField` -- a declared scalar function ``u(x)`` of a vector or matrix.
* :class:`VectorField` -- a declared vector function ``f(x)`` with ``m`` outputs.

Plus a few elementwise helpers users of matrix calculus expect (``diag``).
"""

from __future__ import annotations

from sympy import Basic, Expr, Integer, sympify
from sympy.core.symbol import Str
from sympy.matrices.expressions import MatrixExpr

__all__ = ["D", "ScalarField", "VectorField", "DiagVec", "ScalarOf", "shape_of", "MatrixField", "RandomVector",
           "MeanOf", "CovOf", "Density", "CDF", "Entropy", "KL", "CondExpectation", "CondVariance",
           "CondProbability"]


def _str(name) -> Str:
    return name if isinstance(name, Str) else Str(name)


def shape_of(expr) -> tuple:
    """Shape of a SymPy expression; scalars are ``(1, 1)``."""
    return tuple(expr.shape) if getattr(expr, "is_Matrix", False) else (Integer(1), Integer(1))


class D(MatrixExpr):
    r"""Derivative of ``f`` with respect to ``v`` in denominator layout.

    .. math:: \left(\frac{\partial \mathbf f}{\partial \mathbf x}\right)_{ij}
              = \frac{\partial f_j}{\partial x_i}

    Shapes: scalar ``f`` by matrix or vector ``v`` has the shape of ``v``;
    vector ``f`` (m) by vector ``v`` (n) is ``n x m``; vector ``f`` by scalar is ``1 x m``;
    a matrix ``f`` (``r x c``, ``c > 1``) by a scalar has ``f``'s shape in both layouts.
    The layout is part of the node (``layout="numerator"`` gives the transpose).
    """

    is_commutative = False

    def __new__(cls, f, v, layout="denominator"):
        layout = getattr(layout, "name", layout)
        if layout not in ("denominator", "numerator"):
            raise ValueError(f"unknown layout {layout!r}")
        return Basic.__new__(cls, sympify(f), sympify(v), Str(layout))

    @property
    def f(self):
        return self.args[0]

    @property
    def v(self):
        return self.args[1]

    @property
    def layout(self) -> str:
        return self.args[2].name

    @property
    def shape(self):
        fr, fc = shape_of(self.f)
        vr, vc = shape_of(self.v)
        if (fr, fc) == (1, 1):
            shape = (vr, vc)
        elif fc == 1 and vc == 1:
            shape = (vr, fr)
        elif (vr, vc) == (1, 1):  # a matrix by a scalar: entry by entry, f's shape in either layout
            return (fr, fc)
        else:
            raise ValueError(f"D({self.f}, {self.v}): only scalar-by-any and vector-by-vector are defined")
        return shape if self.layout == "denominator" else (shape[1], shape[0])

    def doit(self, **hints):
        return self

    def _eval_transpose(self):
        return None

    def _latex(self, printer):
        num = printer._print(self.f)
        den = printer._print(self.v)
        body = rf"\frac{{\partial}}{{\partial {den}}}\left[{num}\right]"
        return body if self.layout == "denominator" else rf"\left({body}\right)^{{\mathrm{{num}}}}"

    def _sympystr(self, printer):
        extra = "" if self.layout == "denominator" else ", layout='numerator'"
        return f"D({printer._print(self.f)}, {printer._print(self.v)}{extra})"


class ScalarField(Expr):
    """A declared scalar function ``u(x)`` of a vector or matrix argument."""

    is_commutative = True
    is_real = True

    def __new__(cls, name: str, arg):
        return Expr.__new__(cls, _str(name), sympify(arg))

    @property
    def name(self) -> str:
        return self.args[0].name

    @property
    def arg(self):
        return self.args[1]

    def _latex(self, printer):
        return rf"{self.name}({printer._print(self.arg)})"

    def _sympystr(self, printer):
        return f"{self.name}({printer._print(self.arg)})"


class VectorField(MatrixExpr):
    """A declared vector function ``f(x)`` with ``m`` outputs (a column vector)."""

    is_commutative = False

    def __new__(cls, name: str, arg, m):
        return Basic.__new__(cls, _str(name), sympify(arg), sympify(m))

    @property
    def name(self) -> str:
        return self.args[0].name

    @property
    def arg(self):
        return self.args[1]

    @property
    def shape(self):
        return (self.args[2], Integer(1))

    def _latex(self, printer):
        return rf"\mathbf{{{self.name}}}({printer._print(self.arg)})"

    def _sympystr(self, printer):
        return f"{self.name}({printer._print(self.arg)})"


class DiagVec(MatrixExpr):
    r"""``diag(a)``: the square matrix with the vector ``a`` on its diagonal."""

    is_commutative = False

    def __new__(cls, vec):
        return Basic.__new__(cls, sympify(vec))

    @property
    def shape(self):
        n = self.args[0].shape[0]
        return (n, n)

    def _latex(self, printer):
        return rf"\operatorname{{diag}}\left({printer._print(self.args[0])}\right)"

    def _sympystr(self, printer):
        return f"diag({printer._print(self.args[0])})"


class ScalarOf(Expr):
    """The single entry of a 1x1 matrix expression, as a scalar: ``ScalarOf(u.T*v)``.

    SymPy cannot order matrices, so inequalities such as Cauchy-Schwarz compare
    ``ScalarOf(u.T*v)**2`` with ``ScalarOf(u.T*u)*ScalarOf(v.T*v)``.  It prints as
    its argument.
    """

    is_commutative = True
    is_real = True

    def __new__(cls, m):
        m = sympify(m)
        if getattr(m, "is_Matrix", False) and tuple(m.shape) != (1, 1):
            raise ValueError(f"ScalarOf needs a 1x1 matrix, got shape {m.shape}")
        return Expr.__new__(cls, m)

    def _latex(self, printer):
        return printer._print(self.args[0])

    def _sympystr(self, printer):
        return f"({printer._print(self.args[0])})"


# -- appended for issue 11 (vocabulary): matrix-valued functions and probability nodes -------------
class MatrixField(MatrixExpr):
    """A declared matrix-valued function ``X(t)`` of a symbol (``X: matrix n n function t``), ``r x c``."""

    is_commutative = False

    def __new__(cls, name: str, arg, rows, cols):
        return Basic.__new__(cls, _str(name), sympify(arg), sympify(rows), sympify(cols))

    @property
    def name(self) -> str:
        return self.args[0].name

    @property
    def arg(self):
        return self.args[1]

    @property
    def shape(self):
        return (self.args[2], self.args[3])

    def _latex(self, printer):
        return rf"{self.name}({printer._print(self.arg)})"

    def _sympystr(self, printer):
        return f"{self.name}({printer._print(self.arg)})"


class RandomVector(MatrixExpr):
    r"""A random column vector with a named law: ``RandomVector("x", "MultivariateNormal", mu, Sigma)``.

    Families (parameters): ``MultivariateNormal`` (mean vector, covariance matrix, SPD), ``Dirichlet``
    (positive concentration vector).  The size is the first parameter's number of rows.  Distinct random
    vectors are independent of each other and of every scalar random variable.
    """

    is_commutative = False

    def __new__(cls, name: str, family: str, *params):
        return Basic.__new__(cls, _str(name), _str(family), *[sympify(p) for p in params])

    @property
    def name(self) -> str:
        return self.args[0].name

    @property
    def family(self) -> str:
        return self.args[1].name

    @property
    def params(self) -> tuple:
        return self.args[2:]

    @property
    def shape(self):
        return (self.params[0].shape[0], Integer(1))

    @property
    def free_symbols(self):
        out = {self}  # like a RandomSymbol: sympy.stats' is_random looks for random free symbols
        for p in self.params:
            out |= p.free_symbols
        return out

    def _entry(self, i, j, **kwargs):
        from sympy.matrices.expressions.matexpr import MatrixElement

        return MatrixElement(self, i, j)

    def _latex(self, printer):
        return rf"\mathbf{{{self.name}}}"

    def _sympystr(self, printer):
        return self.name


class MeanOf(MatrixExpr):
    r"""``E[M]`` of a vector- or matrix-valued random expression, entry by entry (shape of ``M``)."""

    is_commutative = False

    def __new__(cls, m):
        return Basic.__new__(cls, sympify(m))

    @property
    def shape(self):
        return tuple(self.args[0].shape)

    def _entry(self, i, j, **kwargs):
        from sympy.matrices.expressions.matexpr import MatrixElement

        return MatrixElement(self, i, j)

    def _latex(self, printer):
        return rf"\mathbb{{E}}\left[{printer._print(self.args[0])}\right]"

    def _sympystr(self, printer):
        return f"E({printer._print(self.args[0])})"


class CovOf(MatrixExpr):
    r"""``Cov(a, b) = E[(a - E a)(b - E b)^T]`` of random column vectors (``Cov(a, a)`` is the covariance matrix)."""

    is_commutative = False

    def __new__(cls, a, b):
        return Basic.__new__(cls, sympify(a), sympify(b))

    @property
    def shape(self):
        return (self.args[0].shape[0], self.args[1].shape[0])

    def _entry(self, i, j, **kwargs):
        from sympy.matrices.expressions.matexpr import MatrixElement

        return MatrixElement(self, i, j)

    def _latex(self, printer):
        a, b = (printer._print(x) for x in self.args)
        return rf"\operatorname{{Cov}}\left[{a}\right]" if self.args[0] == self.args[1] else \
            rf"\operatorname{{Cov}}\left[{a}, {b}\right]"

    def _sympystr(self, printer):
        a, b = (printer._print(x) for x in self.args)
        return f"Cov({a})" if self.args[0] == self.args[1] else f"Cov({a}, {b})"


class _ProbNode(Expr):
    """A scalar functional of random variables' laws, kept unevaluated for the probability engine."""

    is_commutative = True
    _label = ""

    def __new__(cls, *args):
        return Expr.__new__(cls, *[sympify(a) for a in args])

    def doit(self, **hints):
        return self

    def _sympystr(self, printer):
        return f"{self._label}({', '.join(printer._print(a) for a in self.args)})"

    def _latex(self, printer):
        return rf"\operatorname{{{self._label}}}\left({', '.join(printer._print(a) for a in self.args)}\right)"


class Density(_ProbNode):
    """``density(X, x)``: the density (continuous ``X``) or probability mass (discrete ``X``) at ``x``."""

    _label = "density"
    is_real = True


class CDF(_ProbNode):
    """``cdf(X, x) = P(X <= x)``."""

    _label = "cdf"
    is_real = True


class Entropy(_ProbNode):
    """``entropy(X)``: Shannon entropy (discrete) or differential entropy (continuous), in nats."""

    _label = "entropy"
    is_real = True


class KL(_ProbNode):
    r"""``KL(X, Y)``: the Kullback-Leibler divergence :math:`\int p_X \log(p_X / p_Y)` of X's law from Y's, nats."""

    _label = "KL"
    is_real = True


class CondExpectation(_ProbNode):
    """``E(f | Y)``: the conditional expectation of ``f`` given the random variable ``Y`` (a random variable)."""

    _label = "E"
    is_real = True

    def _sympystr(self, printer):
        return f"E({printer._print(self.args[0])} | {printer._print(self.args[1])})"


class CondVariance(_ProbNode):
    """``Var(f | Y) = E(f**2 | Y) - E(f | Y)**2``."""

    _label = "Var"
    is_real = True

    def _sympystr(self, printer):
        return f"Var({printer._print(self.args[0])} | {printer._print(self.args[1])})"


class CondProbability(_ProbNode):
    """``P(A | Y)``: the conditional probability of the event ``A`` given the random variable ``Y``."""

    _label = "P"
    is_real = True

    def _sympystr(self, printer):
        return f"P({printer._print(self.args[0])} | {printer._print(self.args[1])})"
