"""The families' closed forms: moments, MGF, density, c.d.f., entropy, E[log X], parameter domains.

One :class:`Family` per name of :mod:`formulas.random`; :func:`law_of` reads the
law of a SymPy random symbol (SymPy's own distributions, compound ones for
hierarchical models, and :class:`~formulas.random.LawSpace`).  Each closed form
is a textbook formula (Johnson, Kotz & Balakrishnan, *Univariate Distributions*;
Cover & Thomas for entropies) and is cross-checked against ``sympy.stats`` and
quadrature in ``tests/stats/test_laws.py``.  ``None`` means "no closed form":
the engine then decides numerically.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp
from sympy.matrices.expressions.matexpr import MatrixElement
from sympy.stats.compound_rv import CompoundDistribution

from formulas.random import LawSpace

__all__ = ["Law", "Family", "FAMILIES", "law_of"]


@dataclass(frozen=True)
class Law:
    """A family and its parameters (SymPy expressions; random ones make the law conditional)."""

    family: str
    params: tuple

    @property
    def spec(self) -> Family:
        return FAMILIES[self.family]


class Family:
    """A family's closed forms; subclasses fill in what exists."""

    name = ""
    discrete = False

    def domain(self, *p) -> list:
        """Relations the parameters must satisfy."""
        return []

    def support(self, *p) -> tuple:
        """(low, high) of the support; for discrete families the integers in it."""
        return (-sp.oo, sp.oo)

    def mgf(self, t, *p):
        return None

    def mgf_domain(self, t, *p) -> list:
        """Where E[exp(t X)] is finite (the closed form of :meth:`mgf` holds there only)."""
        return []

    def moment(self, j: int, *p):
        """E[X**j] for a concrete integer j >= 0 (default: the j-th derivative of the MGF at 0, cancelled)."""
        t = sp.Dummy("t")
        m = self.mgf(t, *p)
        if m is None:
            return None
        return sp.cancel(sp.expand(sp.diff(m, t, j).subs(t, 0)))

    def pdf(self, x, *p):
        return None

    def cdf(self, x, *p):
        return None

    def entropy(self, *p):
        return None

    def mean_log(self, *p):
        """E[log X] (positive families only)."""
        return None


def _indicator_int(x, low, high=sp.oo):
    """``x`` an integer in [low, high], as a SymPy condition (``Contains`` settles for declared integers)."""
    cond = sp.And(sp.Contains(x, sp.Integers), x >= low)
    return cond if high is sp.oo else sp.And(cond, x <= high)


class Normal(Family):
    name = "Normal"

    def domain(self, mu, s):
        return [s > 0]

    def mgf(self, t, mu, s):
        return sp.exp(mu * t + s**2 * t**2 / 2)

    def moment(self, j, mu, s):
        """E[X^j] = sum over even k of C(j, k) mu^(j-k) s^k (k - 1)!!."""
        return sp.Add(*[sp.binomial(j, k) * mu ** (j - k) * s**k * sp.factorial2(k - 1) for k in range(0, j + 1, 2)])

    def pdf(self, x, mu, s):
        return sp.exp(-(x - mu) ** 2 / (2 * s**2)) / (s * sp.sqrt(2 * sp.pi))

    def cdf(self, x, mu, s):
        return (1 + sp.erf((x - mu) / (s * sp.sqrt(2)))) / 2

    def entropy(self, mu, s):
        return sp.log(2 * sp.pi * sp.E * s**2) / 2


class Binomial(Family):
    name = "Binomial"
    discrete = True

    def domain(self, n, p):
        return [sp.Contains(n, sp.Naturals0), p >= 0, p <= 1]

    def support(self, n, p):
        return (sp.Integer(0), n)

    def mgf(self, t, n, p):
        return (1 - p + p * sp.exp(t)) ** n

    def pdf(self, x, n, p):
        return sp.Piecewise((sp.binomial(n, x) * p**x * (1 - p) ** (n - x), _indicator_int(x, 0, n)), (0, True))

    def cdf(self, x, n, p):
        k = sp.Dummy("k", integer=True)
        return sp.Sum(sp.binomial(n, k) * p**k * (1 - p) ** (n - k), (k, 0, sp.Min(sp.floor(x), n)))


class Bernoulli(Family):
    name = "Bernoulli"
    discrete = True

    def domain(self, p):
        return [p >= 0, p <= 1]

    def support(self, p):
        return (sp.Integer(0), sp.Integer(1))

    def mgf(self, t, p):
        return 1 - p + p * sp.exp(t)

    def moment(self, j, p):
        return sp.Integer(1) if j == 0 else p

    def pdf(self, x, p):
        return sp.Piecewise((p, sp.Eq(x, 1)), (1 - p, sp.Eq(x, 0)), (0, True))

    def cdf(self, x, p):
        return sp.Piecewise((0, x < 0), (1 - p, x < 1), (1, True))

    def entropy(self, p):
        return -sp.Piecewise((0, sp.Eq(p, 0)), (p * sp.log(p), True)) - sp.Piecewise(
            (0, sp.Eq(p, 1)), ((1 - p) * sp.log(1 - p), True))


class Poisson(Family):
    name = "Poisson"
    discrete = True

    def domain(self, lam):
        return [lam > 0]

    def support(self, lam):
        return (sp.Integer(0), sp.oo)

    def mgf(self, t, lam):
        return sp.exp(lam * (sp.exp(t) - 1))

    def pdf(self, x, lam):
        return sp.Piecewise((lam**x * sp.exp(-lam) / sp.factorial(x), _indicator_int(x, 0)), (0, True))

    def cdf(self, x, lam):
        k = sp.floor(x)
        return sp.Piecewise((0, x < 0), (sp.uppergamma(k + 1, lam) / sp.factorial(k), True))


class Geometric(Family):
    """Trials up to and including the first success: support 1, 2, ..."""

    name = "Geometric"
    discrete = True

    def domain(self, p):
        return [p > 0, p <= 1]

    def support(self, p):
        return (sp.Integer(1), sp.oo)

    def mgf(self, t, p):
        return p * sp.exp(t) / (1 - (1 - p) * sp.exp(t))

    def mgf_domain(self, t, p):
        return [(1 - p) * sp.exp(t) < 1]

    def pdf(self, x, p):
        return sp.Piecewise((p * (1 - p) ** (x - 1), _indicator_int(x, 1)), (0, True))

    def cdf(self, x, p):
        return sp.Piecewise((0, x < 1), (1 - (1 - p) ** sp.floor(x), True))

    def entropy(self, p):
        return (-(1 - p) * sp.log(1 - p) - p * sp.log(p)) / p


class Rademacher(Family):
    name = "Rademacher"
    discrete = True

    def support(self):
        return (sp.Integer(-1), sp.Integer(1))

    def mgf(self, t):
        return sp.cosh(t)

    def moment(self, j):
        return sp.Integer(1) if j % 2 == 0 else sp.Integer(0)

    def pdf(self, x):
        return sp.Piecewise((sp.Rational(1, 2), sp.Eq(x, 1)), (sp.Rational(1, 2), sp.Eq(x, -1)), (0, True))

    def cdf(self, x):
        return sp.Piecewise((0, x < -1), (sp.Rational(1, 2), x < 1), (1, True))

    def entropy(self):
        return sp.log(2)


class Categorical(Family):
    """Values 0, ..., K - 1 with probabilities p[0], ..., p[K - 1] (p a probability vector)."""

    name = "Categorical"
    discrete = True

    def support(self, p):
        return (sp.Integer(0), p.shape[0] - 1)

    def _sum(self, f, p):
        k = sp.Symbol("k_cat", integer=True)
        return sp.Sum(f(k) * MatrixElement(p, k, 0), (k, 0, p.shape[0] - 1))

    def mgf(self, t, p):
        return self._sum(lambda k: sp.exp(t * k), p)

    def moment(self, j, p):
        return sp.Integer(1) if j == 0 else self._sum(lambda k: k**j, p)

    def pdf(self, x, p):
        if not (x.is_Integer and int(x) >= 0):
            return None
        return MatrixElement(p, x, 0) if (p.shape[0] - 1 - x).is_nonnegative else sp.Integer(0)

    def entropy(self, p):
        k = sp.Symbol("k_cat", integer=True)
        return -sp.Sum(MatrixElement(p, k, 0) * sp.log(MatrixElement(p, k, 0)), (k, 0, p.shape[0] - 1))


class Gamma(Family):
    """Shape k, **scale** theta."""

    name = "Gamma"

    def domain(self, k, theta):
        return [k > 0, theta > 0]

    def support(self, k, theta):
        return (sp.Integer(0), sp.oo)

    def mgf(self, t, k, theta):
        return (1 - theta * t) ** (-k)

    def mgf_domain(self, t, k, theta):
        return [theta * t < 1]

    def moment(self, j, k, theta):
        return theta**j * sp.RisingFactorial(k, j)

    def pdf(self, x, k, theta):
        return sp.Piecewise((x ** (k - 1) * sp.exp(-x / theta) / (sp.gamma(k) * theta**k), x > 0), (0, True))

    def cdf(self, x, k, theta):
        return sp.Piecewise((sp.lowergamma(k, x / theta) / sp.gamma(k), x > 0), (0, True))

    def entropy(self, k, theta):
        return k + sp.log(theta) + sp.loggamma(k) + (1 - k) * sp.digamma(k)

    def mean_log(self, k, theta):
        return sp.digamma(k) + sp.log(theta)


class Exponential(Family):
    """**Rate** lam: the Gamma law of shape 1 and scale 1/lam."""

    name = "Exponential"

    def domain(self, lam):
        return [lam > 0]

    def support(self, lam):
        return (sp.Integer(0), sp.oo)

    def mgf(self, t, lam):
        return lam / (lam - t)

    def mgf_domain(self, t, lam):
        return [t < lam]

    def moment(self, j, lam):
        return sp.factorial(j) / lam**j

    def pdf(self, x, lam):
        return sp.Piecewise((lam * sp.exp(-lam * x), x >= 0), (0, True))

    def cdf(self, x, lam):
        return sp.Piecewise((1 - sp.exp(-lam * x), x >= 0), (0, True))

    def entropy(self, lam):
        return 1 - sp.log(lam)

    def mean_log(self, lam):
        return -sp.EulerGamma - sp.log(lam)


class Beta(Family):
    name = "Beta"

    def domain(self, a, b):
        return [a > 0, b > 0]

    def support(self, a, b):
        return (sp.Integer(0), sp.Integer(1))

    def moment(self, j, a, b):
        return sp.Mul(*[(a + r) / (a + b + r) for r in range(j)])

    def pdf(self, x, a, b):
        return sp.Piecewise((x ** (a - 1) * (1 - x) ** (b - 1) / sp.beta(a, b), sp.And(x > 0, x < 1)), (0, True))

    def cdf(self, x, a, b):
        return sp.Piecewise((0, x <= 0), (sp.betainc_regularized(a, b, 0, x), x < 1), (1, True))

    def entropy(self, a, b):
        return (sp.log(sp.beta(a, b)) - (a - 1) * sp.digamma(a) - (b - 1) * sp.digamma(b)
                + (a + b - 2) * sp.digamma(a + b))

    def mean_log(self, a, b):
        return sp.digamma(a) - sp.digamma(a + b)


class Laplace(Family):
    """Location mu, scale b."""

    name = "Laplace"

    def domain(self, mu, b):
        return [b > 0]

    def mgf(self, t, mu, b):
        return sp.exp(mu * t) / (1 - b**2 * t**2)

    def mgf_domain(self, t, mu, b):
        return [b**2 * t**2 < 1]

    def pdf(self, x, mu, b):
        return sp.exp(-sp.Abs(x - mu) / b) / (2 * b)

    def cdf(self, x, mu, b):
        return sp.Piecewise((sp.exp((x - mu) / b) / 2, x < mu), (1 - sp.exp(-(x - mu) / b) / 2, True))

    def entropy(self, mu, b):
        return 1 + sp.log(2 * b)


class Uniform(Family):
    name = "Uniform"

    def domain(self, a, b):
        return [a < b]

    def support(self, a, b):
        return (a, b)

    def mgf(self, t, a, b):
        return sp.Piecewise((1, sp.Eq(t, 0)), ((sp.exp(t * b) - sp.exp(t * a)) / (t * (b - a)), True))

    def moment(self, j, a, b):
        return (b ** (j + 1) - a ** (j + 1)) / ((j + 1) * (b - a))

    def pdf(self, x, a, b):
        return sp.Piecewise((1 / (b - a), sp.And(x >= a, x <= b)), (0, True))

    def cdf(self, x, a, b):
        return sp.Piecewise((0, x < a), ((x - a) / (b - a), x <= b), (1, True))

    def entropy(self, a, b):
        return sp.log(b - a)


FAMILIES = {f.name: f for f in (Normal(), Binomial(), Bernoulli(), Poisson(), Geometric(), Rademacher(),
                                Categorical(), Gamma(), Exponential(), Beta(), Laplace(), Uniform())}

# SymPy distribution class -> (family, how to read its parameters)
_SYMPY = {
    "NormalDistribution": ("Normal", lambda d: d.args[:2]),
    "BinomialDistribution": ("Binomial", lambda d: d.args[:2] if tuple(d.args[2:]) == (1, 0) else None),
    "BernoulliDistribution": ("Bernoulli", lambda d: d.args[:1] if tuple(d.args[1:]) == (1, 0) else None),
    "PoissonDistribution": ("Poisson", lambda d: d.args[:1]),
    "GeometricDistribution": ("Geometric", lambda d: d.args[:1]),
    "RademacherDistribution": ("Rademacher", lambda d: ()),
    "GammaDistribution": ("Gamma", lambda d: d.args[:2]),
    "ExponentialDistribution": ("Exponential", lambda d: d.args[:1]),
    "BetaDistribution": ("Beta", lambda d: d.args[:2]),
    "LaplaceDistribution": ("Laplace", lambda d: d.args[:2]),
    "UniformDistribution": ("Uniform", lambda d: d.args[:2]),
}


def law_of(rv) -> Law | None:
    """The law of a scalar random symbol, or ``None`` for a variable declared without one."""
    space = rv.pspace
    if isinstance(space, LawSpace):
        return Law(space.family, space.params)
    dist = getattr(space, "distribution", None)
    if isinstance(dist, CompoundDistribution):
        dist = dist.args[0]
    if dist is None:
        return None
    entry = _SYMPY.get(type(dist).__name__)
    if entry is None:
        return None
    params = entry[1](dist)
    return None if params is None else Law(entry[0], tuple(params))
