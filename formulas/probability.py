r"""1 Probability: rules of probability, moments, MGFs, densities, Chebyshev.

Summary
    The cheat sheet's first chapter, claim by claim.  Identities between moments
    of abstract random variables are proved with ``sympy.stats`` (``Variance(...)
    .expand()``) and re-checked on random finite distributions with rational
    probabilities; MGFs of named distributions are proved with SymPy's closed
    forms and re-evaluated at random parameters; claims about events (sum rule,
    Bayes) and inequalities (Chebyshev) are checked by experiments on exact finite
    probability spaces, which the relational engines cannot express.

Main statements
    * ``sum_rule``, ``product_rule``, ``bayes_rule``, ``cond_independence_drop``.
    * ``var_expectation_form`` -- :math:`\mathrm{Var}[X] = E[X^2] - E[X]^2`.
    * ``var_affine`` -- :math:`\mathrm{Var}[aX + b] = a^2 \mathrm{Var}[X]`.
    * ``var_linear_combination`` -- variance of :math:`\sum_i a_i X_i`.
    * ``mgf_normal``, ``mgf_binomial``, ``mgf_gamma``, ``mgf_poisson``,
      ``mgf_linear_combination``.
    * ``density_sum_convolution`` -- :math:`f_{X+Y} = f_X * f_Y`.
    * ``chebyshev``.

Errata (false or garbled as printed, each with its correction)
    ``expectation_as_printed`` (missing ``t``), ``cov_definition_as_printed``
    (misplaced bracket), ``cov_self_as_printed``, ``var_matrix_as_printed``,
    ``cdf_derivative_as_printed`` (sign), ``density_scaling_as_printed`` (needs
    :math:`|\alpha|`), ``binary_entropy_as_printed``, ``mgf_binomial_as_printed``,
    ``mgf_gamma_as_printed``, ``mgf_poisson_as_printed`` (:math:`e^{-t}`),
    ``density_sum_as_printed`` (upper limit and ``dt``), ``density_sum_fragment``.

Notation
    ``X, Y, X1, ...`` are scalar random variables; without a distribution they are
    abstract (any distribution with the needed moments).  ``Gamma(k, theta)`` has
    shape ``k`` and **scale** ``theta``; ``Normal(mu, sigma)`` has standard
    deviation ``sigma``.  Sums over ``n`` terms are written for a fixed small ``n``
    (the symbol grammar has no indexed families of random variables); each such
    entry says so in its notes.

References
    Bishop, *Pattern Recognition and Machine Learning* (2006), ch. 1-2;
    Casella & Berger, *Statistical Inference* (2nd ed.), ch. 1-4;
    Wasserman, *All of Statistics* (2004), ch. 1-4.
"""

from __future__ import annotations

import itertools
import random
from fractions import Fraction

import sympy as sp
from sympy import stats as st

from ._authoring import (
    CONFIRMED,
    NOT_CHECKABLE,
    PROVED,
    REFUTED,
    Abs,
    Chapter,
    Entry,
    Eq,
    Ge,
    Lt,
    Outcome,
    ScalarOf,
    exp,
    log,
    oo,
    seed,
)

CHAPTER = Chapter("prob", 1, "Probability")

_PROB_REFS = ("Bishop, Pattern Recognition and Machine Learning (2006), sec. 1.2",
              "Wasserman, All of Statistics (2004), ch. 1-2")
_MOMENT_REFS = ("Casella & Berger, Statistical Inference (2nd ed.), sec. 2.3 and 4.5",
                "Wasserman, All of Statistics (2004), ch. 3")
_MGF_REFS = ("Casella & Berger, Statistical Inference (2nd ed.), sec. 2.3 and Table of distributions",
             "Wasserman, All of Statistics (2004), sec. 3.6")


# -- exact finite probability spaces ----------------------------------------------------------
def _space(rng: random.Random, names: str, atoms: int = 5, values=range(0, 3)):
    """A random finite probability space: atoms (probability, {name: value}), rational."""
    weights = [rng.randint(1, 5) for _ in range(atoms)]
    total = sum(weights)
    return [(Fraction(w, total), {n: rng.choice(values) for n in names}) for w in weights]


def _prob(space, event) -> Fraction:
    """P(event) where ``event`` is a predicate on the atom's values."""
    return sum((p for p, v in space if event(v)), Fraction(0))


def _support(space, name) -> list:
    return sorted({v[name] for _, v in space})


def _cond(space, event, given) -> Fraction:
    """P(event | given), defined as P(event and given) / P(given) (requires P(given) > 0)."""
    return _prob(space, lambda v: event(v) and given(v)) / _prob(space, given)


def _render_space(space) -> list[dict]:
    return [{"p": str(p), **{k: str(x) for k, x in v.items()}} for p, v in space]


def _search_spaces(claim, names: str, trials: int = 200, seed_: int = 0, **kw) -> Outcome:
    """Run ``claim(space)`` (returns None when it holds, else a detail dict) on random spaces."""
    rng = random.Random(seed_)
    for trial in range(trials):
        space = _space(rng, names, **kw)
        bad = claim(space)
        if bad is not None:
            return Outcome(False, f"fails on random finite space {trial}",
                           {"distribution": _render_space(space), **bad, "exact": True})
    return Outcome(True, f"holds exactly on {trials} random finite joint distributions with rational probabilities")


def _sum_rule_claim(space):
    for x in _support(space, "X"):
        lhs = _prob(space, lambda v, x=x: v["X"] == x)
        rhs = sum((_prob(space, lambda v, x=x, y=y: v["X"] == x and v["Y"] == y) for y in _support(space, "Y")),
                  Fraction(0))
        if lhs != rhs:
            return {"x": str(x), "lhs": str(lhs), "rhs": str(rhs)}
    return None


def _product_rule_claim(space):
    for x in _support(space, "X"):
        for y in _support(space, "Y"):
            joint = _prob(space, lambda v, x=x, y=y: v["X"] == x and v["Y"] == y)
            rhs = _cond(space, lambda v, y=y: v["Y"] == y, lambda v, x=x: v["X"] == x) * \
                _prob(space, lambda v, x=x: v["X"] == x)
            if joint != rhs:
                return {"x": str(x), "y": str(y), "lhs": str(joint), "rhs": str(rhs)}
    return None


def _bayes_claim(space):
    ys = _support(space, "Y")
    for x in _support(space, "X"):
        px = lambda v, x=x: v["X"] == x  # noqa: E731
        evidence = sum((_cond(space, px, lambda v, y=y: v["Y"] == y) * _prob(space, lambda v, y=y: v["Y"] == y)
                        for y in ys), Fraction(0))
        for y in ys:
            py = lambda v, y=y: v["Y"] == y  # noqa: E731
            lhs = _cond(space, py, px)
            rhs = _cond(space, px, py) * _prob(space, py) / evidence
            if lhs != rhs:
                return {"x": str(x), "y": str(y), "lhs": str(lhs), "rhs": str(rhs)}
    return None


def _fork_space(rng: random.Random):
    """A joint p(z) p(x|z) p(y|z) on {0,1,2}^3: X and Y conditionally independent given Z."""
    def pmf(k):
        w = [rng.randint(1, 5) for _ in range(k)]
        return [Fraction(a, sum(w)) for a in w]
    pz = pmf(3)
    px = {z: pmf(3) for z in range(3)}
    py = {z: pmf(3) for z in range(3)}
    return [(pz[z] * px[z][x] * py[z][y], {"X": x, "Y": y, "Z": z})
            for z, x, y in itertools.product(range(3), repeat=3)]


def _cond_independence_drop():
    rng = random.Random(0)
    for trial in range(60):
        space = _fork_space(rng)
        for x, y, z in itertools.product(range(3), repeat=3):
            lhs = _cond(space, lambda v, x=x: v["X"] == x, lambda v, y=y, z=z: v["Y"] == y and v["Z"] == z)
            rhs = _cond(space, lambda v, x=x: v["X"] == x, lambda v, z=z: v["Z"] == z)
            if lhs != rhs:
                return Outcome(False, f"fails on fork distribution {trial}",
                               {"distribution": _render_space(space), "x": x, "y": y, "z": z,
                                "lhs": str(lhs), "rhs": str(rhs), "exact": True})
    return Outcome(True, "holds exactly on 60 random distributions p(z)p(x|z)p(y|z) over {0,1,2}^3")


# -- 1.1 rules of probability -------------------------------------------------------------------
sum_rule = Entry(
    id="prob.sum-rule",
    title="Sum rule: a marginal is the sum of the joint over the other variable",
    expected=CONFIRMED,
    experiment=lambda: _search_spaces(_sum_rule_claim, "XY"),
    reason="a claim about every discrete joint distribution: checked exactly on random finite joint "
           "distributions with rational probabilities",
    seed=seed(5, 5, r"Sum Rule  $P(X = x_i) = \sum_{j=1}^J p(X = x_i, Y = y_j)$"),
    aliases=("sum rule", "marginalisation", "marginalization", "law of total probability", "marginal distribution"),
    tags=("probability", "marginal", "joint distribution"),
    references=_PROB_REFS,
)

product_rule = Entry(
    id="prob.product-rule",
    title="Product rule: P(X, Y) = P(Y | X) P(X)",
    expected=CONFIRMED,
    experiment=lambda: _search_spaces(_product_rule_claim, "XY"),
    reason="checked exactly on random finite joint distributions, conditional probabilities computed "
           "by restricting the sample space",
    seed=seed(7, 7, r"Product rule  $P(X, Y) = P(Y|X)P(X)$"),
    aliases=("product rule", "chain rule of probability", "joint from conditional", "P(X,Y)=P(Y|X)P(X)"),
    tags=("probability", "conditional probability", "joint distribution"),
    references=_PROB_REFS,
)

independence_definition = Entry(
    id="prob.independence-definition",
    title="Independence: the joint factorises, P(X, Y) = P(X) P(Y)",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="this factorisation is the definition of independent random variables",
    seed=seed(9, 9, r"Independence  $P(X, Y) = P(X)P(Y)$"),
    aliases=("independence", "independent random variables", "factorisation of the joint"),
    tags=("probability", "independence"),
    references=_PROB_REFS,
)

bayes_rule = Entry(
    id="prob.bayes-rule",
    title="Bayes' rule with the evidence expanded by the sum rule",
    expected=CONFIRMED,
    experiment=lambda: _search_spaces(_bayes_claim, "XY"),
    reason="checked exactly on random finite joint distributions; Y_i are the values of Y",
    seed=seed(11, 11, r"Bayes' Rule  $P(Y|X) = \frac{P(X|Y)P(Y)}{\sum_{i=1}^k P(X|Y_i)P(Y_i)}$"),
    notes="The denominator is P(X) written by the sum and product rules; Y_i ranges over the values of Y.",
    aliases=("Bayes rule", "Bayes theorem", "Bayes' theorem", "posterior", "inverse probability"),
    tags=("probability", "conditional probability", "posterior", "bayesian"),
    references=_PROB_REFS,
)

cond_independence_definition = Entry(
    id="prob.cond-independence-definition",
    title="Conditional independence: P(X, Y | Z) = P(X | Z) P(Y | Z)",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="the factorisation given Z is the definition of X and Y being conditionally independent given Z",
    seed=seed(13, 13, r"Cond. Ind.  $X \perp\!\!\!\perp Y|Z \Rightarrow P(X, Y|Z) = P(X|Z)P(Y|Z)$"),
    see_also=("prob.cond-independence-drop",),
    aliases=("conditional independence", "X independent of Y given Z"),
    tags=("probability", "independence", "graphical models"),
    references=("Bishop, Pattern Recognition and Machine Learning (2006), sec. 8.2",),
)

cond_independence_drop = Entry(
    id="prob.cond-independence-drop",
    title="Conditional independence lets Y be dropped: P(X | Y, Z) = P(X | Z)",
    expected=CONFIRMED,
    experiment=_cond_independence_drop,
    reason="checked exactly on random fork distributions p(z)p(x|z)p(y|z) (conditionally independent by "
           "construction), for every (x, y, z) with P(Y=y, Z=z) > 0",
    seed=seed(15, 15, r"Cond. Ind.  $X \perp\!\!\!\perp Y|Z \Rightarrow P(X|Y, Z) = P(X|Z)$"),
    aliases=("conditional independence", "irrelevance of Y given Z"),
    tags=("probability", "independence", "graphical models"),
    references=("Bishop, Pattern Recognition and Machine Learning (2006), sec. 8.2",),
)


# -- 1.2 expectation, covariance, variance ------------------------------------------------------
def _t_pos():
    return sp.Symbol("t", positive=True)


expectation_as_printed = Entry(
    id="prob.expectation-as-printed",
    title="E[X] as the integral of the density (as printed: the factor t is missing)",
    expected=REFUTED,
    symbols={"lam": "scalar positive", "X": "random Exponential(lam)"},
    statement=lambda X, lam: Eq(st.Expectation(X), sp.Integral(st.density(X)(_t_pos()), (_t_pos(), 0, oo))),
    seed=seed(17, 17, r"$E[X] = \int_X f_X(t) dt =: \mu_X$"),
    corrected_by="prob.expectation-integral",
    notes="As printed the right side integrates the density alone, which is 1 for every X; checked on "
          "X ~ Exponential(lam), integrated over its support (0, oo).",
    aliases=("expectation", "expected value", "mean", "mu_X"),
    tags=("expectation", "density"),
    references=_MOMENT_REFS,
)

expectation_integral = Entry(
    id="prob.expectation-integral",
    title="E[X] = integral of t f_X(t) over the support",
    expected=PROVED,
    symbols={"lam": "scalar positive", "X": "random Exponential(lam)"},
    statement=lambda X, lam: Eq(st.Expectation(X),
                                sp.Integral(_t_pos() * st.density(X)(_t_pos()), (_t_pos(), 0, oo))),
    notes="Checked on X ~ Exponential(lam) with symbolic rate; the integral is over the support (0, oo).",
    aliases=("expectation", "expected value", "mean", "first moment", "mu_X"),
    tags=("expectation", "density"),
    references=_MOMENT_REFS,
)

cov_definition_as_printed = Entry(
    id="prob.cov-definition-as-printed",
    title="Covariance as printed: E[X - E X] (Y - E Y), the bracket closes too early",
    expected=REFUTED,
    symbols={"X": "random", "Y": "random"},
    statement=lambda X, Y: Eq(st.Covariance(X, Y),
                              st.Expectation(X - st.Expectation(X)) * (Y - st.Expectation(Y))),
    seed=seed(19, 19, r"$\text{Cov}(X, Y) = E_{x,y}[X - E_x[X]](Y - E_y[Y])$"),
    corrected_by="prob.cov-expectation-form",
    notes="As printed the expectation closes after X - E[X], which is 0, so the right side is 0 for every "
          "X and Y; refuted by any correlated pair.",
    aliases=("covariance", "covariance definition"),
    tags=("covariance", "expectation"),
    references=_MOMENT_REFS,
)

cov_expectation_form = Entry(
    id="prob.cov-expectation-form",
    title="Cov(X, Y) = E[(X - E X)(Y - E Y)]",
    expected=CONFIRMED,
    symbols={"X": "random", "Y": "random"},
    statement=lambda X, Y: Eq(st.Covariance(X, Y),
                              st.Expectation((X - st.Expectation(X)) * (Y - st.Expectation(Y)))),
    notes="sympy.stats does not take the constant E[X] out of an expectation of an abstract random variable, "
          "so this is confirmed on exact finite distributions only; see prob.cov-shortcut for the proved form.",
    see_also=("prob.cov-shortcut",),
    aliases=("covariance", "covariance definition", "centered product"),
    tags=("covariance", "expectation"),
    references=_MOMENT_REFS,
)

cov_shortcut = Entry(
    id="prob.cov-shortcut",
    title="Cov(X, Y) = E[XY] - E[X] E[Y]",
    expected=PROVED,
    symbols={"X": "random", "Y": "random"},
    statement=lambda X, Y: Eq(st.Covariance(X, Y), st.Expectation(X * Y) - st.Expectation(X) * st.Expectation(Y)),
    notes="Numerically fragile when |E[X] E[Y]| is much larger than the covariance (cancellation); "
          "compute from centred values instead.",
    aliases=("covariance", "covariance shortcut", "E[XY]-E[X]E[Y]"),
    tags=("covariance", "expectation"),
    references=_MOMENT_REFS,
)

cov_self_as_printed = Entry(
    id="prob.cov-self-as-printed",
    title="'Cov(X, Y) := Cov(X, X) = Var[X]' (garbled)",
    expected=NOT_CHECKABLE,
    reason="garbled: ':=' defines Cov(X, Y) as Cov(X, X), which contradicts the covariance definition on the "
           "line before; the intended claim is Cov(X, X) = Var[X]",
    seed=seed(21, 21, r"$\text{Cov}(X, Y) := \text{Cov}(X, X) = \text{Var}[X]$"),
    corrected_by="prob.cov-self-is-variance",
    aliases=("covariance with itself", "variance as covariance"),
    tags=("covariance", "variance"),
)

cov_self_is_variance = Entry(
    id="prob.cov-self-is-variance",
    title="Cov(X, X) = Var[X]",
    expected=PROVED,
    symbols={"X": "random"},
    statement=lambda X: Eq(st.Covariance(X, X), st.Variance(X)),
    aliases=("covariance with itself", "variance as covariance"),
    tags=("covariance", "variance"),
    references=_MOMENT_REFS,
)

cov_independent_zero = Entry(
    id="prob.cov-independent-zero",
    title="Independent random variables are uncorrelated: Cov(X, Y) = 0",
    expected=CONFIRMED,
    symbols={"X": "random", "Y": "random"},
    given=("independent X Y",),
    statement=lambda X, Y: Eq(st.Covariance(X, Y), 0),
    seed=seed(23, 23, r"$X, Y$  independent  $\Rightarrow \text{Cov}(X, Y) = 0$"),
    notes="sympy.stats has no notion of independence for abstract random variables, so this is confirmed on "
          "exact finite product distributions.  The converse is false.",
    aliases=("independent implies uncorrelated", "zero covariance", "uncorrelated"),
    tags=("covariance", "independence"),
    references=_MOMENT_REFS,
)

outer_product_psd = Entry(
    id="prob.outer-product-psd",
    title="The outer product x xᵀ is positive semidefinite: zᵀ x xᵀ z >= 0",
    expected=PROVED,
    symbols={"x": "vector n", "z": "vector n"},
    statement=lambda x, z: Ge(ScalarOf(z.T * x * x.T * z), 0),
    seed=seed(25, 25, r"$XX^T \geq 0$  (symmetric positive semidefinite)"),
    notes="Symmetry of x xᵀ is immediate; positive semidefiniteness is the quadratic form "
          "zᵀ x xᵀ z = (xᵀ z)² >= 0.  The same holds for E[X Xᵀ] of a random vector.",
    aliases=("outer product", "x x^T psd", "rank one psd", "second moment matrix"),
    tags=("psd", "outer product", "covariance"),
    references=("Horn & Johnson, Matrix Analysis, sec. 7.1",),
)

var_expectation_form = Entry(
    id="prob.var-expectation-form",
    title="Var[X] = E[X²] - E[X]²",
    expected=PROVED,
    symbols={"X": "random"},
    statement=lambda X: Eq(st.Variance(X), st.Expectation(X**2) - st.Expectation(X) ** 2),
    seed=seed(27, 27, r"$\text{Var}[X] = E[X^2] - (E[X])^2$"),
    notes="Numerically fragile: when |E[X]| is large compared with the spread the difference cancels "
          "catastrophically; use a two-pass or Welford update in code.",
    aliases=("variance", "variance shortcut", "second moment minus squared mean", "E[X^2]-E[X]^2"),
    tags=("variance", "expectation", "moments"),
    references=_MOMENT_REFS,
)

var_matrix_as_printed = Entry(
    id="prob.var-matrix-as-printed",
    title="'Var[AX] = Var[A]X + Var[X]' (garbled)",
    expected=NOT_CHECKABLE,
    reason="garbled: Var[A] of a constant matrix is not defined (or is 0), 'Var[A]X' has no consistent shape "
           "with Var[X], and the sum has mismatched shapes; the intended rule is Var[AX] = A Var[X] Aᵀ",
    seed=seed(29, 29, r"$\text{Var}[\mathbf{A}X] = \text{Var}[\mathbf{A}]X + \text{Var}[X] \quad \text{Var}[aX + b] = a^2 \text{Var}[X]$"),
    corrected_by="prob.var-matrix-transform",
    aliases=("variance of linear transform", "covariance of AX"),
    tags=("variance", "covariance", "linear transform"),
)


def _cov_matrix(space, names):
    means = [sum((p * v[n] for p, v in space), Fraction(0)) for n in names]
    return sp.Matrix(len(names), len(names), lambda i, j: sp.Rational(sum(
        (p * (v[names[i]] - means[i]) * (v[names[j]] - means[j]) for p, v in space), Fraction(0))))


def _var_matrix_transform():
    rng = random.Random(0)
    for trial in range(40):
        space = _space(rng, "ab", atoms=4, values=range(-3, 4))
        rows = rng.choice((1, 2, 3))
        a = sp.Matrix(rows, 2, lambda i, j: rng.randint(-3, 3))
        # Y = A X as a random vector on the same atoms
        ys = [(p, {f"y{i}": sum(a[i, j] * v["ab"[j]] for j in range(2)) for i in range(rows)}) for p, v in space]
        lhs = _cov_matrix(ys, [f"y{i}" for i in range(rows)])
        rhs = a * _cov_matrix(space, ["a", "b"]) * a.T
        if lhs != rhs:
            return Outcome(False, f"fails on trial {trial}",
                           {"distribution": _render_space(space), "A": str(a.tolist()), "lhs": str(lhs.tolist()),
                            "rhs": str(rhs.tolist()), "exact": True})
    return Outcome(True, "holds exactly on 40 random finite distributions of X in R^2 with integer A of 1-3 rows")


var_matrix_transform = Entry(
    id="prob.var-matrix-transform",
    title="Covariance of a linear transform: Var[AX] = A Var[X] Aᵀ",
    expected=CONFIRMED,
    experiment=_var_matrix_transform,
    reason="random vectors are outside the symbol grammar: checked exactly on random finite distributions "
           "of X in R^2 and integer matrices A (1, 2 and 3 rows)",
    aliases=("variance of linear transform", "covariance of AX", "A Sigma A^T", "covariance propagation"),
    tags=("variance", "covariance", "linear transform"),
    references=("Bishop, Pattern Recognition and Machine Learning (2006), eq. (2.115)",),
)

var_affine = Entry(
    id="prob.var-affine",
    title="Var[aX + b] = a² Var[X]",
    expected=PROVED,
    symbols={"X": "random", "a": "scalar", "b": "scalar"},
    statement=lambda X, a, b: Eq(st.Variance(a * X + b), a**2 * st.Variance(X)),
    seed=seed(29, 29, r"$\text{Var}[\mathbf{A}X] = \text{Var}[\mathbf{A}]X + \text{Var}[X] \quad \text{Var}[aX + b] = a^2 \text{Var}[X]$"),
    aliases=("variance of affine transform", "variance scaling", "variance shift invariance", "Var(aX+b)"),
    tags=("variance", "affine"),
    references=_MOMENT_REFS,
)

_N_LC = 4  # terms in the variance-of-a-sum entries


def _var_lc_lhs(a, xs):
    return st.Variance(sp.Add(*[ai * xi for ai, xi in zip(a, xs, strict=True)]))


def _var_lc_diag(a, xs):
    return sp.Add(*[ai**2 * st.Variance(xi) for ai, xi in zip(a, xs, strict=True)])


_LC_SYMBOLS = {**{f"X{i}": "random" for i in range(1, _N_LC + 1)}, **{f"a{i}": "scalar" for i in range(1, _N_LC + 1)}}


def _var_lc_pairs(X1, X2, X3, X4, a1, a2, a3, a4):
    a, xs = (a1, a2, a3, a4), (X1, X2, X3, X4)
    cross = sp.Add(*[a[i] * a[j] * st.Covariance(xs[i], xs[j]) for i in range(_N_LC) for j in range(i + 1, _N_LC)])
    return Eq(_var_lc_lhs(a, xs), _var_lc_diag(a, xs) + 2 * cross)


def _var_lc_ordered(X1, X2, X3, X4, a1, a2, a3, a4):
    a, xs = (a1, a2, a3, a4), (X1, X2, X3, X4)
    cross = sp.Add(*[a[i] * a[j] * st.Covariance(xs[i], xs[j]) for i in range(_N_LC) for j in range(_N_LC) if i != j])
    return Eq(_var_lc_lhs(a, xs), _var_lc_diag(a, xs) + cross)


var_linear_combination = Entry(
    id="prob.var-linear-combination",
    title="Variance of a linear combination, with 2 sum over i < j of covariances",
    expected=PROVED,
    symbols=_LC_SYMBOLS,
    statement=_var_lc_pairs,
    seed=seed(31, 31, r"$\text{Var}[\sum_{i=1}^n a_i X_i] = \sum_{i=1}^n a_i^2 \text{Var}[X_i] + 2 \sum_{i < j} a_i a_j \text{Cov}(X_i, X_j)$"),
    notes="Stated for n = 4 terms: the symbol grammar has no indexed families of random variables, so the sum "
          "over i = 1..n is written out for a fixed n.",
    aliases=("variance of sum", "variance of linear combination", "variance of weighted sum", "Var(sum a_i X_i)"),
    tags=("variance", "covariance", "linear combination"),
    references=_MOMENT_REFS,
)

var_linear_combination_ordered = Entry(
    id="prob.var-linear-combination-ordered",
    title="Variance of a linear combination, with the sum over ordered pairs i != j",
    expected=PROVED,
    symbols=_LC_SYMBOLS,
    statement=_var_lc_ordered,
    seed=seed(33, 33, r"$\text{Var}[\sum_{i=1}^n a_i X_i] = \sum_{i=1}^n a_i^2 \text{Var}[X_i] + \sum_{i \neq j} a_i a_j \text{Cov}(X_i, X_j)$"),
    notes="Stated for n = 4 terms (see prob.var-linear-combination); equal to it because Cov is symmetric.",
    aliases=("variance of sum", "variance of linear combination", "Var(sum a_i X_i)"),
    tags=("variance", "covariance", "linear combination"),
    references=_MOMENT_REFS,
)


# -- 1.3 c.d.f. and densities -------------------------------------------------------------------
_DIST_SUITE = (("Normal(0, 1)", lambda: st.Normal("X", 0, 1)),
               ("Normal(1, 2)", lambda: st.Normal("X", 1, 2)),
               ("Exponential(2)", lambda: st.Exponential("X", 2)))


def _cdf_derivative_sign(sign: int):
    """Compare sign * d/dt F_X(t) with f_X(t) exactly at rational points inside the support."""
    t = sp.Symbol("t", real=True)
    for label, make in _DIST_SUITE:
        x = make()
        lhs = sign * sp.diff(st.cdf(x)(t), t)
        rhs = st.density(x)(t)
        for t0 in (sp.Rational(1, 2), sp.Integer(1), sp.Integer(2)):
            left, right = sp.simplify(lhs.subs(t, t0)), sp.simplify(rhs.subs(t, t0))
            if sp.simplify(left - right) != 0:
                return Outcome(False, f"X ~ {label} at t = {t0}",
                               {"X": label, "t": str(t0), "sign * dF/dt": str(left), "f_X(t)": str(right),
                                "exact": True})
    return Outcome(True, "exact at t = 1/2, 1, 2 for X ~ " + ", ".join(lbl for lbl, _ in _DIST_SUITE))


cdf_derivative_as_printed = Entry(
    id="prob.cdf-derivative-as-printed",
    title="Derivative of the c.d.f. as printed: -dF_X/dt = f_X (sign error)",
    expected=REFUTED,
    experiment=lambda: _cdf_derivative_sign(-1),
    reason="the printed chain asserts -dF_X/dt = f_X(t); evaluated exactly on concrete distributions",
    seed=seed(35, 35, r"$\frac{\partial}{\partial t} P(X \leq t) = -\frac{\partial}{\partial t} F_X(t) = f_X(t)$  (derivative of c.d.f. is p.d.f.)"),
    corrected_by="prob.cdf-derivative-is-pdf",
    notes="With F_X(t) = P(X <= t) the first equality would also force dF/dt = -dF/dt, i.e. f_X = 0.",
    aliases=("derivative of cdf", "cdf to pdf", "density from distribution function"),
    tags=("cdf", "density"),
    references=_MOMENT_REFS,
)


def _s():
    return sp.Symbol("s", real=True)


cdf_derivative_is_pdf = Entry(
    id="prob.cdf-derivative-is-pdf",
    title="The derivative of the c.d.f. is the p.d.f.: d/dt P(X <= t) = f_X(t)",
    expected=PROVED,
    symbols={"mu": "scalar", "sigma": "scalar positive", "X": "random Normal(mu, sigma)", "t": "scalar"},
    statement=lambda X, mu, sigma, t: Eq(sp.Subs(sp.Derivative(st.Probability(X <= _s()), _s()), _s(), t),
                                         st.density(X)(t)),
    notes="Proved for X ~ Normal(mu, sigma) with symbolic parameters (SymPy evaluates P(X <= s) to the "
          "c.d.f.); the derivative is written at a bound point s = t.",
    see_also=("prob.cdf-derivative-as-printed",),
    aliases=("derivative of cdf", "cdf to pdf", "density is derivative of distribution function"),
    tags=("cdf", "density"),
    references=_MOMENT_REFS,
)


def _density_scaling(abs_value: bool):
    """Density of alpha*Y from d/ds P(alpha Y <= s), against (1/alpha) f_Y(s/alpha) (or 1/|alpha|)."""
    s = sp.Symbol("s", real=True)
    for label, make in _DIST_SUITE[:1]:
        y = make()
        for alpha in (sp.Integer(2), sp.Rational(1, 2), sp.Integer(-1), sp.Integer(-3)):
            true_density = sp.diff(st.Probability(alpha * y <= s).doit(), s)
            claimed = st.density(y)(s / alpha) / (Abs(alpha) if abs_value else alpha)
            gap = sp.simplify(true_density - claimed)
            if gap != 0:
                return Outcome(False, f"Y ~ {label}, alpha = {alpha}",
                               {"Y": label, "alpha": str(alpha), "density of alpha*Y": str(sp.simplify(true_density)),
                                "claimed": str(sp.simplify(claimed)), "exact": True})
    return Outcome(True, "exact in s for Y ~ Normal(0, 1) and alpha in {2, 1/2, -1, -3}")


density_scaling_as_printed = Entry(
    id="prob.density-scaling-as-printed",
    title="Density of a scaled variable as printed: f(y) = (1/alpha) f_Y(y/alpha), alpha unrestricted",
    expected=REFUTED,
    experiment=lambda: _density_scaling(abs_value=False),
    reason="read as the density of alpha*Y (the only reading that makes f_alpha a density); the printed line "
           "puts no sign condition on alpha, and for alpha < 0 the right side is negative",
    seed=seed(37, 37, r"$f_{\alpha}(y) = \frac{1}{\alpha} f_Y(\frac{y}{\alpha})$"),
    corrected_by="prob.density-scaling",
    notes="Correct as printed when alpha > 0 (alpha a scale parameter); in general the factor is 1/|alpha|.",
    aliases=("density of scaled variable", "scale family", "change of variables", "f_{aY}"),
    tags=("density", "change of variables", "scale"),
    references=("Casella & Berger, Statistical Inference (2nd ed.), Thm. 2.1.5 and sec. 3.5",),
)

density_scaling = Entry(
    id="prob.density-scaling",
    title="Density of a scaled variable: f_{alpha Y}(y) = f_Y(y/alpha) / |alpha| for alpha != 0",
    expected=CONFIRMED,
    experiment=lambda: _density_scaling(abs_value=True),
    reason="checked exactly (symbolic in y) against the derivative of P(alpha Y <= y) for Y ~ Normal(0, 1) "
           "and alpha in {2, 1/2, -1, -3}",
    aliases=("density of scaled variable", "scale family", "change of variables", "f_{aY}"),
    tags=("density", "change of variables", "scale"),
    references=("Casella & Berger, Statistical Inference (2nd ed.), Thm. 2.1.5 and sec. 3.5",),
)


# -- 1.4 moment generating functions ------------------------------------------------------------
mgf_definition = Entry(
    id="prob.mgf-definition",
    title="Moment generating function psi_X(t) = E[e^{tX}]",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="defines the MGF; the uniqueness claim ('characterizes the distribution') is a theorem that needs "
           "the MGF to be finite on a neighbourhood of 0, and the trailing 'Then the entropy of X' is cut off",
    seed=seed(39, 39, r"**T.** The moment generating function (MGF)  $\psi_X(t) = E[e^{tX}]$  characterizes the distr. of a rv  $p(x)$ . Then the entropy of  $\mathbf{X}$"),
    aliases=("MGF", "moment generating function", "mgf definition", "E[e^{tX}]"),
    tags=("mgf", "moments"),
    references=_MGF_REFS,
)

_BERNOULLI = {"p": "scalar unit", "X": "random Bernoulli(p)"}


def _bernoulli_entropy(X, p):
    """H[X] = E[-log p(X)] with p(x) = p^x (1-p)^(1-x)."""
    return st.Expectation(-log(p**X * (1 - p) ** (1 - X)))


binary_entropy_as_printed = Entry(
    id="prob.binary-entropy-as-printed",
    title="'H(p) := -p² + (1-p)' as the entropy of a Bernoulli(p) variable",
    expected=REFUTED,
    symbols=_BERNOULLI,
    statement=lambda X, p: Eq(_bernoulli_entropy(X, p), -(p**2) + (1 - p)),
    seed=seed(41, 41, r"$H(p) := -p^2 + (1-p) \quad N(\mu, \sigma) := \exp(\mu t + \frac{1}{2}\sigma^2 t^2)$"),
    corrected_by="prob.entropy-bernoulli",
    notes="Read as the entropy announced by the preceding words 'the entropy of X'.  The line may also be an "
          "OCR garble of the Bernoulli MGF 'Bern(p) := pe^t + (1-p)', which heads the list of MGFs that "
          "follows; see prob.mgf-bernoulli.  The same line's N(mu, sigma) MGF is prob.mgf-normal.",
    see_also=("prob.mgf-bernoulli",),
    aliases=("binary entropy", "entropy of Bernoulli", "H(p)"),
    tags=("entropy", "bernoulli", "information theory"),
    references=("Cover & Thomas, Elements of Information Theory (2nd ed.), eq. (2.5)",),
)

entropy_bernoulli = Entry(
    id="prob.entropy-bernoulli",
    title="Entropy of a Bernoulli(p) variable: H = -p log p - (1-p) log(1-p)",
    expected=PROVED,
    symbols=_BERNOULLI,
    statement=lambda X, p: Eq(_bernoulli_entropy(X, p), -p * log(p) - (1 - p) * log(1 - p)),
    aliases=("binary entropy", "entropy of Bernoulli", "H(p)", "binary entropy function"),
    tags=("entropy", "bernoulli", "information theory"),
    references=("Cover & Thomas, Elements of Information Theory (2nd ed.), eq. (2.5)",),
)

mgf_bernoulli = Entry(
    id="prob.mgf-bernoulli",
    title="MGF of Bernoulli(p): p e^t + 1 - p",
    expected=PROVED,
    symbols={**_BERNOULLI, "t": "scalar"},
    statement=lambda X, p, t: Eq(st.Expectation(exp(t * X)), p * exp(t) + (1 - p)),
    aliases=("mgf bernoulli", "moment generating function bernoulli"),
    tags=("mgf", "bernoulli"),
    references=_MGF_REFS,
)

mgf_normal = Entry(
    id="prob.mgf-normal",
    title="MGF of Normal(mu, sigma): exp(mu t + sigma² t² / 2)",
    expected=PROVED,
    symbols={"mu": "scalar", "sigma": "scalar positive", "X": "random Normal(mu, sigma)", "t": "scalar"},
    statement=lambda X, mu, sigma, t: Eq(st.Expectation(exp(t * X)), exp(mu * t + sigma**2 * t**2 / 2)),
    seed=seed(41, 41, r"$H(p) := -p^2 + (1-p) \quad N(\mu, \sigma) := \exp(\mu t + \frac{1}{2}\sigma^2 t^2)$"),
    notes="sigma is the standard deviation.",
    aliases=("mgf normal", "mgf gaussian", "moment generating function normal", "gaussian mgf"),
    tags=("mgf", "normal", "gaussian"),
    references=_MGF_REFS,
)

_BINOMIAL = {"n": "scalar positive integer", "p": "scalar unit", "X": "random Binomial(n, p)", "t": "scalar"}

mgf_binomial_as_printed = Entry(
    id="prob.mgf-binomial-as-printed",
    title="MGF of Binomial(n, p) as printed: (p e + 1 - p)^n (the exponent t is missing)",
    expected=REFUTED,
    symbols=_BINOMIAL,
    statement=lambda X, n, p, t: Eq(st.Expectation(exp(t * X)), (p * sp.E + (1 - p)) ** n),
    seed=seed(43, 43, r"$\text{Bin}(n, p) := (pe + (1-p))^n \quad \text{Gam}(\alpha, \beta) := (\frac{1}{\alpha} \beta)^{\alpha} \text{ for } t < 1/\beta$"),
    corrected_by="prob.mgf-binomial",
    notes="As printed the right side does not depend on t; it equals the MGF only at t = 1.",
    aliases=("mgf binomial", "moment generating function binomial"),
    tags=("mgf", "binomial"),
    references=_MGF_REFS,
)

mgf_binomial = Entry(
    id="prob.mgf-binomial",
    title="MGF of Binomial(n, p): (p e^t + 1 - p)^n",
    expected=CONFIRMED,
    symbols=_BINOMIAL,
    statement=lambda X, n, p, t: Eq(st.Expectation(exp(t * X)), (p * exp(t) + (1 - p)) ** n),
    notes="SymPy's Binomial MGF at symbolic n is an unevaluated Piecewise sum, so no symbolic proof: "
          "confirmed by 30-digit evaluation at random integer n and real p, t.",
    aliases=("mgf binomial", "moment generating function binomial"),
    tags=("mgf", "binomial"),
    references=_MGF_REFS,
)

_GAMMA = {"k": "scalar positive", "theta": "scalar positive", "X": "random Gamma(k, theta)", "t": "scalar"}

mgf_gamma_as_printed = Entry(
    id="prob.mgf-gamma-as-printed",
    title="MGF of Gamma as printed: ((1/alpha) beta)^alpha (no t)",
    expected=REFUTED,
    symbols=_GAMMA,
    statement=lambda X, k, theta, t: Eq(st.Expectation(exp(t * X)), (theta / k) ** k),
    where=lambda t, theta: [Lt(t, 1 / theta)],
    seed=seed(43, 43, r"$\text{Bin}(n, p) := (pe + (1-p))^n \quad \text{Gam}(\alpha, \beta) := (\frac{1}{\alpha} \beta)^{\alpha} \text{ for } t < 1/\beta$"),
    corrected_by="prob.mgf-gamma",
    notes="Printed alpha, beta are read as shape k and scale theta (the printed condition t < 1/beta fixes beta "
          "as the scale).  The printed right side does not depend on t.",
    aliases=("mgf gamma", "moment generating function gamma"),
    tags=("mgf", "gamma"),
    references=_MGF_REFS,
)

mgf_gamma = Entry(
    id="prob.mgf-gamma",
    title="MGF of Gamma(k, theta) (shape, scale): (1 - theta t)^(-k) for t < 1/theta",
    expected=PROVED,
    symbols=_GAMMA,
    statement=lambda X, k, theta, t: Eq(st.Expectation(exp(t * X)), (1 - theta * t) ** (-k)),
    where=lambda t, theta: [Lt(t, 1 / theta)],
    notes="With the rate beta = 1/theta: (1 - t/beta)^(-k) for t < beta.",
    aliases=("mgf gamma", "moment generating function gamma", "mgf exponential"),
    tags=("mgf", "gamma"),
    references=_MGF_REFS,
)

_POISSON = {"lam": "scalar positive", "X": "random Poisson(lam)", "t": "scalar"}

mgf_poisson_as_printed = Entry(
    id="prob.mgf-poisson-as-printed",
    title="MGF of Poisson as printed: exp(lam (e^{-t} - 1)) (sign of t flipped)",
    expected=REFUTED,
    symbols=_POISSON,
    statement=lambda X, lam, t: Eq(st.Expectation(exp(t * X)), exp(lam * (exp(-t) - 1))),
    seed=seed(45, 45, r"$\text{Pois}(\lambda) := e^{\lambda(e^{-t}-1)}$"),
    corrected_by="prob.mgf-poisson",
    notes="exp(lam (e^{-t} - 1)) is the MGF of -X, not of X.",
    aliases=("mgf poisson", "moment generating function poisson"),
    tags=("mgf", "poisson"),
    references=_MGF_REFS,
)

mgf_poisson = Entry(
    id="prob.mgf-poisson",
    title="MGF of Poisson(lam): exp(lam (e^t - 1))",
    expected=PROVED,
    symbols=_POISSON,
    statement=lambda X, lam, t: Eq(st.Expectation(exp(t * X)), exp(lam * (exp(t) - 1))),
    aliases=("mgf poisson", "moment generating function poisson"),
    tags=("mgf", "poisson"),
    references=_MGF_REFS,
)

_N_MGF = 2  # terms in the MGF-of-a-sum entry (3 terms take ~4 s on the exact-finite engine)


def _mgf_linear_combination(X1, X2, a1, a2, t):
    a, xs = (a1, a2), (X1, X2)
    lhs = st.Expectation(exp(t * sp.Add(*[ai * xi for ai, xi in zip(a, xs, strict=True)])))
    rhs = sp.Mul(*[st.Expectation(exp((ai * t) * xi)) for ai, xi in zip(a, xs, strict=True)])
    return Eq(lhs, rhs)


mgf_linear_combination = Entry(
    id="prob.mgf-linear-combination",
    title="MGF of a linear combination of independent variables: M_Y(t) = prod_i M_{X_i}(a_i t)",
    expected=CONFIRMED,
    symbols={**{f"X{i}": "random" for i in range(1, _N_MGF + 1)},
             **{f"a{i}": "scalar" for i in range(1, _N_MGF + 1)}, "t": "scalar"},
    given=("independent X1 X2",),
    statement=_mgf_linear_combination,
    seed=seed(47, 47, r"**T.** If  $X_1, \dots, X_n$  are indep. rvs with MGFs  $M_{X_i}(t) = E[e^{tX_i}]$ , then the MGF of  $Y = \sum_{i=1}^n a_i X_i$  is  $M_Y(t) = \prod_{i=1}^n M_{X_i}(a_i t)$ ."),
    notes="Stated for n = 2 independent variables (the grammar has no indexed families; n = 3 also holds but "
          "takes ~4 s on the exact-finite engine); confirmed exactly on random finite product distributions.  "
          "Without independence it fails.",
    aliases=("mgf of sum", "mgf linear combination", "mgf of independent sum", "product of mgfs"),
    tags=("mgf", "independence", "linear combination"),
    references=_MGF_REFS,
)


# -- 1.5 density of a sum ------------------------------------------------------------------------
def _uniform_pdf(lo, hi, x):
    return sp.Piecewise((sp.Rational(1, hi - lo), (x >= lo) & (x <= hi)), (0, True))


# X ~ Uniform(-1, 1) and Y ~ Uniform(-1, 2), independent: Y takes negative values (else the printed upper
# limit z would be harmless) and is asymmetric (so f_Y(z - x) and f_Y(x - z) differ)
_CONV_X = (-1, 1)
_CONV_Y = (-1, 2)


def _sum_density_truth(z):
    """f_Z(z) for Z = X + Y, from the definition: d/dz of the joint mass of {x + y <= z}."""
    x, y, zz = sp.symbols("x y zz", real=True)
    cdf = sp.integrate(sp.integrate(_uniform_pdf(*_CONV_X, x) * _uniform_pdf(*_CONV_Y, y), (y, -oo, zz - x)),
                       (x, -oo, oo))
    return sp.simplify(sp.diff(cdf, zz).subs(zz, z))


def _convolution(z, upper):
    x = sp.Symbol("x", real=True)
    return sp.integrate(_uniform_pdf(*_CONV_X, x) * _uniform_pdf(*_CONV_Y, z - x), (x, -oo, upper))


def _density_sum(printed: bool):
    points = (sp.Rational(-1, 2), sp.Rational(1, 2), sp.Rational(3, 2), sp.Rational(5, 2))
    for z in points:
        truth = _sum_density_truth(z)
        claimed = _convolution(z, z if printed else oo)
        if sp.simplify(truth - claimed) != 0:
            return Outcome(False, f"X ~ Uniform{_CONV_X}, Y ~ Uniform{_CONV_Y} independent, z = {z}",
                           {"X": f"Uniform{_CONV_X}", "Y": f"Uniform{_CONV_Y}", "z": str(z), "f_Z(z)": str(truth),
                            "printed integral (dx, upper limit z)": str(claimed),
                            "printed integral (dt)": "diverges: the integrand does not depend on t",
                            "exact": True})
    return Outcome(True, f"exact at z in {[str(p) for p in points]} for X ~ Uniform{_CONV_X}, "
                         f"Y ~ Uniform{_CONV_Y}, f_Z from the derivative of P(X + Y <= z)")


density_sum_as_printed = Entry(
    id="prob.density-sum-as-printed",
    title="Density of a sum as printed: integral from -oo to z, in dt",
    expected=REFUTED,
    experiment=lambda: _density_sum(printed=True),
    reason="read with dx (with dt the integrand is constant in t and the integral diverges); the upper limit z "
           "cuts off mass whenever Y can be negative or X can exceed z.  Checked exactly against the derivative "
           "of P(X + Y <= z)",
    seed=seed(49, 49, r"**T.** Let  $X, Y$  be indep., then the p.d.f. of  $Z = X + Y$  is the conv. of the p.d.f. of  $X$  and  $Y$ :  $f_Z(z) = \int_{-\infty}^z f_X(x) f_Y(z-x) dt$"),
    corrected_by="prob.density-sum-convolution",
    notes="The upper limit z is right only when Y >= 0 almost surely.",
    aliases=("density of sum", "convolution of densities", "sum of independent random variables"),
    tags=("density", "convolution", "independence"),
    references=("Casella & Berger, Statistical Inference (2nd ed.), Thm. 5.2.9",),
)

density_sum_convolution = Entry(
    id="prob.density-sum-convolution",
    title="Density of a sum of independent variables: f_Z(z) = integral f_X(x) f_Y(z - x) dx over R",
    expected=CONFIRMED,
    experiment=lambda: _density_sum(printed=False),
    reason="checked exactly at four points against the derivative of P(X + Y <= z), for independent "
           "Uniform(-1, 1) and Uniform(-1, 2)",
    aliases=("density of sum", "convolution of densities", "convolution theorem", "f_{X+Y}"),
    tags=("density", "convolution", "independence"),
    references=("Casella & Berger, Statistical Inference (2nd ed.), Thm. 5.2.9",),
)

density_sum_fragment = Entry(
    id="prob.density-sum-fragment",
    title="'f_R(x-t) f_Y(t) dt' (fragment)",
    expected=NOT_CHECKABLE,
    reason="a fragment of the convolution integral: the integral sign, its limits and the left-hand side are "
           "lost, and f_R is undefined",
    seed=seed(51, 51, r"**T.**  $\text{f}_R(x-t) f_Y(t) dt$"),
    corrected_by="prob.density-sum-convolution",
    aliases=("convolution",),
    tags=("density", "convolution"),
)

covariance_blocks_notation = Entry(
    id="prob.covariance-blocks-notation",
    title="Notation: vectors x, y in R^d and d x d blocks Sigma_11, Sigma_12, Sigma_21",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="declares notation; note that if Sigma_12 and Sigma_21 are the off-diagonal blocks of a joint "
           "covariance they are transposes of each other and in general neither symmetric nor p.s.d. "
           "(e.g. [[1, -1], [-1, 1]] is p.s.d. with off-diagonal block -1), so only Sigma_11 is p.s.d. in general",
    seed=seed(53, 53, r"**N.**  $\mathbf{x}, \mathbf{y} \in \mathbb{R}^d$ ,  $\Sigma_{11} \in \mathbb{R}^{d \times d}$  p.s.d.,  $\Sigma_{12} \in \mathbb{R}^{d \times d}$  p.s.d.,  $\Sigma_{21} \in \mathbb{R}^{d \times d}$  p.s.d."),
    aliases=("block covariance", "partitioned covariance", "cross-covariance"),
    tags=("covariance", "notation", "gaussian"),
)


# -- 1.6 Chebyshev -------------------------------------------------------------------------------
def _chebyshev():
    """Exhaustive over distributions on 3 atoms, values in -2..2, weights in {1, 2}, eps in {1/2, 1, 3/2, 2}."""
    count = 0
    for values in itertools.product(range(-2, 3), repeat=3):
        for weights in itertools.product((1, 2), repeat=3):
            total = sum(weights)
            probs = [Fraction(w, total) for w in weights]
            mu = sum((p * v for p, v in zip(probs, values, strict=True)), Fraction(0))
            var = sum((p * (v - mu) ** 2 for p, v in zip(probs, values, strict=True)), Fraction(0))
            for eps in (Fraction(1, 2), Fraction(1), Fraction(3, 2), Fraction(2)):
                count += 1
                tail = sum((p for p, v in zip(probs, values, strict=True) if abs(v - mu) >= eps), Fraction(0))
                if tail > var / eps**2:
                    return Outcome(False, "exhaustive search", {
                        "values": list(values), "probabilities": [str(p) for p in probs], "eps": str(eps),
                        "P(|X - mu| >= eps)": str(tail), "sigma^2 / eps^2": str(var / eps**2), "exact": True})
    return Outcome(True, f"holds exactly in all {count} cases: 3-atom distributions with values in -2..2, "
                         "weights in {1, 2}, eps in {1/2, 1, 3/2, 2}")


chebyshev = Entry(
    id="prob.chebyshev",
    title="Chebyshev's inequality: P(|X - mu| >= eps) <= sigma² / eps²",
    expected=CONFIRMED,
    experiment=_chebyshev,
    reason="an inequality about every distribution with finite variance: checked by exhaustive exact search "
           "over small discrete distributions",
    seed=seed(55, 55, r"**T.** (Chebyshev) Let  $X$  be a rv with  $E[X] = \mu$  and variance  $\text{Var}[X] = \sigma^2 < \infty$ . Then for any  $\epsilon > 0$ , we have  $P(|X - \mu| \geq \epsilon) \leq \frac{\sigma^2}{\epsilon^2}$ ."),
    aliases=("Chebyshev inequality", "Chebyshev bound", "Tschebyscheff", "concentration inequality", "tail bound"),
    tags=("inequality", "variance", "concentration"),
    references=("Wasserman, All of Statistics (2004), Thm. 4.2",
                "Casella & Berger, Statistical Inference (2nd ed.), Thm. 3.6.1"),
)
