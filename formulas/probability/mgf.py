"""Moment generating functions (cheat sheet lines 39-47)."""

from __future__ import annotations

import sympy as sp
from sympy import stats as st

from .._authoring import (
    CONFIRMED,
    NOT_CHECKABLE,
    PROVED,
    REFUTED,
    Entry,
    Eq,
    Lt,
    exp,
    log,
    seed,
)

_MGF_REFS = ("Casella & Berger, Statistical Inference (2nd ed.), sec. 2.3 and Table of distributions",
             "Wasserman, All of Statistics (2004), sec. 3.6")


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
