"""MGFs of random vectors and de Finetti's theorem (cheat sheet lines 732-754)."""

from __future__ import annotations

import sympy as sp
from sympy.stats import Expectation

from .._authoring import CONFIRMED, NOT_CHECKABLE, REFUTED, Entry, Eq, exp, seed
from ..probability import experiments as probability_experiments
from . import experiments


def _mixed_moment(X, Y):
    """E[X²Y] = ∂³M/∂t₁²∂t₂ at t = 0 for the MGF M(t₁, t₂) = E[exp(t₁X + t₂Y)]."""
    t1, t2 = sp.symbols("t1 t2", real=True)
    mgf = Expectation(exp(t1 * X + t2 * Y))
    return Eq(Expectation(X**2 * Y), sp.Subs(sp.Derivative(mgf, (t1, 2), (t2, 1)), (t1, t2), (0, 0)))


mgf_multivariate_definition = Entry(
    id="latent.mgf-multivariate-definition",
    title="MGF of a random vector: M(t) = E[exp(tᵀX)]",
    expected=NOT_CHECKABLE,
    definition=True,
    seed=seed(732, 734, r"""**D. (Moment Generating Function (MGF))** The MGF  $M_{\mathbf{X}}$  of a random vector  $\mathbf{X} \in \mathbb{R}^n$  is defined as

$$M_{\mathbf{X}} : \mathbb{R}^n \rightarrow \mathbb{R} \quad t \mapsto \mathbb{E}_{\mathbf{X}} \left[ e^{\mathbf{t}^T \mathbf{X}} \right].$$"""),
    see_also=("prob.mgf-definition",),
    aliases=("moment generating function", "multivariate MGF", "MGF definition"),
    tags=("MGF", "probability"),
)

mgf_mixed_moments = Entry(
    id="latent.mgf-mixed-moments",
    title="Mixed moments are partial derivatives of the MGF at 0: E[x₁ᵏ¹ ⋯ xₙᵏⁿ] = ∂ᵏM/∂t₁ᵏ¹⋯∂tₙᵏⁿ at t = 0",
    expected=CONFIRMED,
    symbols={"X": "random", "Y": "random"},
    statement=_mixed_moment,
    seed=seed(736, 738, r"""The reason  $M_{\mathbf{X}}$  is called moment generating function is because it represents the moments of  $\mathbf{x}$  in the following way: Let  $k_1, \dots, k_n \in \mathbb{N}$ , then

$$\mathbb{E}_{\mathbf{X}} \left[ x_1^{k_1} x_2^{k_2} \cdots x_n^{k_n} \right] = \frac{\partial^k}{\partial t_1^{k_1} \partial t_2^{k_2} \cdots \partial t_n^{k_n}} M_{\mathbf{X}} \Big|_{\mathbf{t}=\mathbf{0}}.$$"""),
    notes="Stated for n = 2 and (k₁, k₂) = (2, 1), with abstract X and Y (any joint law): E[X²Y] = ∂³M/∂t₁²∂t₂ at 0 "
          "for M(t₁, t₂) = E[exp(t₁X + t₂Y)].  sympy.stats does not differentiate an expectation of an abstract "
          "variable, so the evidence is exact on random finite joint distributions.  Requires the MGF to exist in a "
          "neighbourhood of 0; k = k₁ + ⋯ + kₙ.",
    aliases=("moments from MGF", "moment generating function derivatives", "mixed moments"),
    tags=("MGF", "moments", "probability"),
    references=("Billingsley, Probability and Measure, §21 and §30",),
)

mgf_uniqueness = Entry(
    id="latent.mgf-uniqueness",
    title="Uniqueness theorem: random vectors whose MGFs exist near 0 and agree have the same distribution",
    expected=CONFIRMED,
    experiment=probability_experiments.mgf_characterizes_distribution,
    reason="a theorem about every distribution (the Laplace transform is injective on a strip), which no relational "
           "over declared symbols quantifies over: the evidence is constructive, the law recovered exactly from its "
           "MGF alone for random lattice laws and for exponential and gamma laws (as for prob.mgf-characterizes-"
           "distribution, the same theorem)",
    seed=seed(740, 742, r"""**T. (Uniqueness Theorem)** If  $M_{\mathbf{X}}$  and  $M_{\mathbf{Y}}$  exist for the RVs  $\mathbf{X}$  and  $\mathbf{Y}$  and  $M_{\mathbf{X}} = M_{\mathbf{Y}}$  then  $\forall \mathbf{t}: P(\mathbf{X} = \mathbf{t}) = P(\mathbf{Y} = \mathbf{t})$  (distributions are the same).

Now, every distribution has its unique kind of MGF form. Hence, MGPs can be very useful to deal with sums of i.i.d. random variables:"""),
    notes="As printed the conclusion reads '∀t: P(X = t) = P(Y = t)'; the gloss '(distributions are the same)' is the "
          "claim, and it implies the printed equality of point masses (for continuous laws both are 0).  The right "
          "formula is P(X ≤ t) = P(Y ≤ t) for every t.  Line 742 restates the theorem ('every distribution has its "
          "unique kind of MGF') to motivate line 744.",
    see_also=("prob.mgf-characterizes-distribution", "latent.mgf-sum-independent"),
    aliases=("MGF uniqueness", "moment generating function determines distribution"),
    tags=("MGF", "probability", "uniqueness"),
    references=("Billingsley, Probability and Measure, Thm. 30.1 and §30 (multivariate)",),
)

mgf_sum_independent = Entry(
    id="latent.mgf-sum-independent",
    title="If X and Y are independent (in particular i.i.d.), the MGF of X + Y is the product of their MGFs",
    expected=CONFIRMED,
    symbols={"X": "random", "Y": "random", "t": "scalar real"},
    given=("independent X Y",),
    statement=lambda X, Y, t: Eq(Expectation(exp(t * (X + Y))), Expectation(exp(t * X)) * Expectation(exp(t * Y))),
    seed=seed(744, 744, r"**T.** If  $\mathbf{X}, \mathbf{Y}$  are i.i.d. then  $M_{\mathbf{X}+\mathbf{Y}} = M_{\mathbf{X}} \cdot M_{\mathbf{Y}}$ ."),
    notes="True as printed; only independence is used, not identical distribution (the finite distributions checked "
          "are independent but not identically distributed).  Checked for scalar X, Y; for random vectors the same "
          "argument applies to tᵀX and tᵀY.  sympy.stats cannot factor the expectation of a product of independent "
          "abstract variables, so the verdict rests on the exact finite check: confirmed, not proved.",
    see_also=("prob.mgf-linear-combination",),
    aliases=("MGF of a sum", "sum of independent random variables", "product of MGFs"),
    tags=("MGF", "independence", "probability"),
    references=("Billingsley, Probability and Measure, §21 (eq. 21.28)",),
)

de_finetti_finite_as_printed = Entry(
    id="latent.de-finetti-finite-as-printed",
    title="de Finetti as printed: every exchangeable x₁, …, xₙ is a mixture of i.i.d. draws",
    expected=REFUTED,
    experiment=experiments.de_finetti_finite_as_printed,
    reason="an existence claim (a mixing measure) about every exchangeable law: refuted by an exact counterexample, two "
           "draws without replacement from an urn {0, 1} (exchangeable, P(x₁ = x₂) = 0), while any mixture of "
           "i.i.d. pairs has P(x₁ = x₂) ≥ 1/2",
    seed=seed(752, 754, r"""**T. (DeFinetti's Theorem)** For exchangeable data (order of dataset doesn't matter and they come from the same distribution), we can decompose the data by a latent variable model

$$P(\mathbf{x}_1, \mathbf{x}_2, \dots, \mathbf{x}_N) = \int \prod_{i=1}^N p_{\theta}(\mathbf{x}_i | \mathbf{z}) p_{\theta}(\mathbf{z}) d\mathbf{z}.$$"""),
    corrected_by="latent.de-finetti-infinite-exchangeable",
    notes="The printed theorem omits that the sequence must be infinitely exchangeable (extendable to an exchangeable "
          "infinite sequence).  For finite N the representation holds approximately, with error O(1/N) (Diaconis & "
          "Freedman 1980), or exactly with a signed mixing measure.",
    aliases=("de Finetti", "DeFinetti", "exchangeability", "exchangeable data"),
    tags=("exchangeability", "latent variables", "erratum"),
    references=("Diaconis & Freedman, Finite exchangeable sequences, Ann. Probab. 8 (1980) 745-764",),
)

de_finetti_infinite_exchangeable = Entry(
    id="latent.de-finetti-infinite-exchangeable",
    title="de Finetti: an infinitely exchangeable sequence is a mixture of i.i.d. sequences",
    expected=CONFIRMED,
    experiment=experiments.de_finetti_infinite_exchangeable,
    reason="a theorem asserting a mixing measure for every infinitely exchangeable law, not a finite computation: "
           "checked exactly on Pólya urns, whose mixing measure is Beta(a, b)",
    aliases=("de Finetti", "DeFinetti", "exchangeability", "Polya urn", "Hewitt-Savage"),
    tags=("exchangeability", "latent variables", "Bayesian"),
    references=("Aldous, Exchangeability and related topics, LNM 1117 (1985), §3",
                "Hewitt & Savage, Symmetric measures on Cartesian products, TAMS 80 (1955)"),
)
