"""Moment generating functions (cheat sheet lines 39-47).

The MGFs of named distributions are ``sympy.stats`` statements E[exp(tX)] = closed form, proved with SymPy's
closed forms and re-evaluated at random parameters.  Line 41-45 print a list "Name(parameters) := MGF";
two of its formulas lost the variable t in extraction and are read as garbled (the policy's rule 2), the
Poisson one has a sign error and is refuted (rule 3).
"""

from __future__ import annotations

import sympy as sp
from sympy import stats as st

from .._authoring import CONFIRMED, NOT_CHECKABLE, PROVED, REFUTED, Entry, Eq, Lt, exp, log, seed
from . import experiments

MGF_REFS = ("Casella & Berger, Statistical Inference (2nd ed.), sec. 2.3 and Table of distributions",
            "Wasserman, All of Statistics (2004), sec. 3.6")
_LINE_39 = r"**T.** The moment generating function (MGF)  $\psi_X(t) = E[e^{tX}]$  characterizes the distr. of a rv  $p(x)$ . Then the entropy of  $\mathbf{X}$"
_LINE_41 = r"$H(p) := -p^2 + (1-p) \quad N(\mu, \sigma) := \exp(\mu t + \frac{1}{2}\sigma^2 t^2)$"
_LINE_43 = r"$\text{Bin}(n, p) := (pe + (1-p))^n \quad \text{Gam}(\alpha, \beta) := (\frac{1}{\alpha} \beta)^{\alpha} \text{ for } t < 1/\beta$"

mgf_definition = Entry(
    id="prob.mgf-definition",
    title="Moment generating function: ψ(t) = E[exp(tX)]",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="defines the MGF of X; the claim that it characterises the distribution is "
           "prob.mgf-characterizes-distribution, and the trailing 'Then the entropy of X' is a stray copy of the "
           "words of line 212",
    seed=seed(39, 39, _LINE_39),
    see_also=("prob.mgf-characterizes-distribution",),
    aliases=("MGF", "moment generating function", "mgf definition", "E[e^{tX}]"),
    tags=("mgf", "moments"),
    references=MGF_REFS,
)

mgf_characterizes_distribution = Entry(
    id="prob.mgf-characterizes-distribution",
    title="The MGF, where finite near 0, characterises the distribution",
    expected=CONFIRMED,
    experiment=experiments.mgf_characterizes_distribution,
    reason="a theorem about every distribution (the Laplace transform is injective on a strip); no relational over "
           "declared symbols quantifies over distributions, so the evidence is constructive: the law is recovered "
           "exactly from its MGF alone for random lattice laws and for exponential and gamma laws",
    seed=seed(39, 39, _LINE_39),
    notes="Needs M(t) finite for all t in a neighbourhood of 0; the moments alone do not determine a law in general "
          "(the log-normal has moment-equivalent relatives).  The same theorem is line 740, latent.mgf-uniqueness.",
    see_also=("latent.mgf-uniqueness", "prob.mgf-definition"),
    aliases=("MGF uniqueness", "MGF determines distribution", "characterizes the distribution"),
    tags=("mgf", "uniqueness"),
    references=("Billingsley, Probability and Measure (3rd ed.), Thm. 30.1 and sec. 22",),
)

_BERNOULLI = {"p": "scalar unit", "X": "random Bernoulli(p)"}


def _bernoulli_entropy(X, p):
    """H[X] = E[−log p(X)] with p(x) = pˣ (1 − p)¹⁻ˣ."""
    return st.Expectation(-log(p**X * (1 - p) ** (1 - X)))


def _mgf_bernoulli(X, p, t):
    return Eq(st.Expectation(exp(t * X)), p * exp(t) + (1 - p))


binary_entropy_as_printed = Entry(
    id="prob.binary-entropy-as-printed",
    title="The Bernoulli MGF p eᵗ + 1 − p (garbled as printed: 'H(p) := −p² + (1 − p)')",
    expected=PROVED,
    symbols={**_BERNOULLI, "t": "scalar"},
    statement=_mgf_bernoulli,
    seed=seed(41, 41, _LINE_41),
    corrected_by="prob.mgf-bernoulli",
    notes="Garbled as printed.  The item opens the list 'Name(parameters) := MGF' of lines 41-45 (Normal, Binomial, "
          "Gamma, Poisson follow) and has the shape of the Bernoulli MGF 'B(p) := p eᵗ + (1 − p)', of which "
          "Bin(n, p) := (p eᵗ + (1 − p))ⁿ on line 43 is the n-th power; that is the reading checked.  Read as the "
          "entropy the name H and the stray words 'the entropy of X' on line 39 suggest, −p² + 1 − p is negative "
          "for p near 1, which no entropy is, so that reading is not taken; the Bernoulli entropy is "
          "prob.entropy-bernoulli.  The same line's Normal MGF is prob.mgf-normal.",
    see_also=("prob.entropy-bernoulli", "prob.mgf-bernoulli"),
    aliases=("binary entropy", "entropy of Bernoulli", "H(p)", "mgf bernoulli"),
    tags=("mgf", "bernoulli", "entropy"),
    references=MGF_REFS,
)

entropy_bernoulli = Entry(
    id="prob.entropy-bernoulli",
    title="Entropy of a Bernoulli(p) variable: H = −p log p − (1 − p) log(1 − p)",
    expected=PROVED,
    symbols=_BERNOULLI,
    statement=lambda X, p: Eq(_bernoulli_entropy(X, p), -p * log(p) - (1 - p) * log(1 - p)),
    aliases=("binary entropy", "entropy of Bernoulli", "H(p)", "binary entropy function"),
    tags=("entropy", "bernoulli", "information theory"),
    references=("Cover & Thomas, Elements of Information Theory (2nd ed.), eq. (2.5)",),
)

mgf_bernoulli = Entry(
    id="prob.mgf-bernoulli",
    title="MGF of Bernoulli(p): p eᵗ + 1 − p",
    expected=PROVED,
    symbols={**_BERNOULLI, "t": "scalar"},
    statement=_mgf_bernoulli,
    aliases=("mgf bernoulli", "moment generating function bernoulli"),
    tags=("mgf", "bernoulli"),
    references=MGF_REFS,
)

mgf_normal = Entry(
    id="prob.mgf-normal",
    title="MGF of Normal(μ, σ): exp(μt + σ²t²/2)",
    expected=PROVED,
    symbols={"mu": "scalar", "sigma": "scalar positive", "X": "random Normal(mu, sigma)", "t": "scalar"},
    statement=lambda X, mu, sigma, t: Eq(st.Expectation(exp(t * X)), exp(mu * t + sigma**2 * t**2 / 2)),
    seed=seed(41, 41, _LINE_41),
    notes="σ is the standard deviation.",
    aliases=("mgf normal", "mgf gaussian", "moment generating function normal", "gaussian mgf"),
    tags=("mgf", "normal", "gaussian"),
    references=MGF_REFS,
)

_BINOMIAL = {"n": "scalar positive integer", "p": "scalar unit", "X": "random Binomial(n, p)", "t": "scalar"}


def _mgf_binomial(X, n, p, t):
    return Eq(st.Expectation(exp(t * X)), (p * exp(t) + (1 - p)) ** n)


_BINOMIAL_EVIDENCE = ("SymPy's Binomial MGF at symbolic n is an unevaluated sum, so there is no symbolic proof: "
                      "confirmed by 25-digit evaluation at random integer n and real p, t")

mgf_binomial_as_printed = Entry(
    id="prob.mgf-binomial-as-printed",
    title="MGF of Binomial(n, p): (p eᵗ + 1 − p)ⁿ (garbled as printed: the exponent t is lost)",
    expected=CONFIRMED,
    symbols=_BINOMIAL,
    statement=_mgf_binomial,
    seed=seed(43, 43, _LINE_43),
    corrected_by="prob.mgf-binomial",
    reason=_BINOMIAL_EVIDENCE,
    notes="Garbled as printed: 'pe' lost its exponent t, so the printed right side does not depend on t (an MGF is a "
          "function of t); the intended (p eᵗ + 1 − p)ⁿ is checked.",
    aliases=("mgf binomial", "moment generating function binomial"),
    tags=("mgf", "binomial"),
    references=MGF_REFS,
)

mgf_binomial = Entry(
    id="prob.mgf-binomial",
    title="MGF of Binomial(n, p): (p eᵗ + 1 − p)ⁿ",
    expected=CONFIRMED,
    symbols=_BINOMIAL,
    statement=_mgf_binomial,
    reason=_BINOMIAL_EVIDENCE,
    aliases=("mgf binomial", "moment generating function binomial"),
    tags=("mgf", "binomial"),
    references=MGF_REFS,
)

_GAMMA = {"k": "scalar positive", "theta": "scalar positive", "X": "random Gamma(k, theta)", "t": "scalar"}


def _mgf_gamma(X, k, theta, t):
    return Eq(st.Expectation(exp(t * X)), (1 - theta * t) ** (-k))


mgf_gamma_as_printed = Entry(
    id="prob.mgf-gamma-as-printed",
    title="MGF of Gamma(α, β), β the scale: (1 − βt)⁻ᵅ for t < 1/β (garbled as printed: t is lost)",
    expected=PROVED,
    symbols=_GAMMA,
    statement=_mgf_gamma,
    where=lambda t, theta: [Lt(t, 1 / theta)],
    seed=seed(43, 43, _LINE_43),
    corrected_by="prob.mgf-gamma",
    notes="Garbled as printed: ((1/α)β)ᵅ does not depend on t, while the printed domain t < 1/β is exactly that of "
          "the Gamma MGF with scale β, (1/(1 − βt))ᵅ; that reading is checked, with α, β named k (shape) and θ "
          "(scale).",
    aliases=("mgf gamma", "moment generating function gamma"),
    tags=("mgf", "gamma"),
    references=MGF_REFS,
)

mgf_gamma = Entry(
    id="prob.mgf-gamma",
    title="MGF of Gamma(k, θ) with shape k and scale θ: (1 − θt)⁻ᵏ for t < 1/θ",
    expected=PROVED,
    symbols=_GAMMA,
    statement=_mgf_gamma,
    where=lambda t, theta: [Lt(t, 1 / theta)],
    notes="With the rate β = 1/θ: (1 − t/β)⁻ᵏ for t < β.",
    aliases=("mgf gamma", "moment generating function gamma", "mgf exponential"),
    tags=("mgf", "gamma"),
    references=MGF_REFS,
)

_POISSON = {"lam": "scalar positive", "X": "random Poisson(lam)", "t": "scalar"}

mgf_poisson_as_printed = Entry(
    id="prob.mgf-poisson-as-printed",
    title="MGF of Poisson(λ) as printed: exp(λ(e⁻ᵗ − 1)) (sign of t flipped)",
    expected=REFUTED,
    symbols=_POISSON,
    statement=lambda X, lam, t: Eq(st.Expectation(exp(t * X)), exp(lam * (exp(-t) - 1))),
    seed=seed(45, 45, r"$\text{Pois}(\lambda) := e^{\lambda(e^{-t}-1)}$"),
    corrected_by="prob.mgf-poisson",
    notes="exp(λ(e⁻ᵗ − 1)) is the MGF of −X, not of X: a well-formed formula with a sign error.",
    aliases=("mgf poisson", "moment generating function poisson"),
    tags=("mgf", "poisson", "erratum"),
    references=MGF_REFS,
)

mgf_poisson = Entry(
    id="prob.mgf-poisson",
    title="MGF of Poisson(λ): exp(λ(eᵗ − 1))",
    expected=PROVED,
    symbols=_POISSON,
    statement=lambda X, lam, t: Eq(st.Expectation(exp(t * X)), exp(lam * (exp(t) - 1))),
    aliases=("mgf poisson", "moment generating function poisson"),
    tags=("mgf", "poisson"),
    references=MGF_REFS,
)

_N_MGF = 2  # terms in the MGF-of-a-sum entry (3 terms take ~4 s on the exact-finite engine)


def _mgf_linear_combination(X1, X2, a1, a2, t):
    a, xs = (a1, a2), (X1, X2)
    lhs = st.Expectation(exp(t * sp.Add(*[ai * xi for ai, xi in zip(a, xs, strict=True)])))
    rhs = sp.Mul(*[st.Expectation(exp((ai * t) * xi)) for ai, xi in zip(a, xs, strict=True)])
    return Eq(lhs, rhs)


mgf_linear_combination = Entry(
    id="prob.mgf-linear-combination",
    title="For independent Xᵢ with MGFs Mᵢ, the MGF of Y = ∑ᵢ aᵢXᵢ is ∏ᵢ Mᵢ(aᵢt)",
    expected=CONFIRMED,
    symbols={**{f"X{i}": "random" for i in range(1, _N_MGF + 1)},
             **{f"a{i}": "scalar" for i in range(1, _N_MGF + 1)}, "t": "scalar"},
    given=("independent X1 X2",),
    statement=_mgf_linear_combination,
    seed=seed(47, 47, r"**T.** If  $X_1, \dots, X_n$  are indep. rvs with MGFs  $M_{X_i}(t) = E[e^{tX_i}]$ , then the MGF of  $Y = \sum_{i=1}^n a_i X_i$  is  $M_Y(t) = \prod_{i=1}^n M_{X_i}(a_i t)$ ."),
    notes=f"Stated for n = {_N_MGF} independent variables (the grammar has no indexed families; n = 3 holds as well "
          "but takes about 4 s on the exact-finite engine); confirmed exactly on random finite product "
          "distributions.  Without independence it fails.",
    aliases=("mgf of sum", "mgf linear combination", "mgf of independent sum", "product of mgfs"),
    tags=("mgf", "independence", "linear combination"),
    references=MGF_REFS,
)
