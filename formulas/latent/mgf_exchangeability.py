"""MGFs of random vectors and de Finetti's theorem (cheat sheet lines 732-754)."""

from __future__ import annotations

from sympy.stats import Expectation

from .._authoring import (
    CONFIRMED,
    NOT_CHECKABLE,
    REFUTED,
    Entry,
    Eq,
    exp,
    seed,
)
from .experiments import _de_finetti_finite, _de_finetti_polya, _mgf_moments

# MGFs ------------------------------------------------------------------------------------------------------
mgf_multivariate_definition = Entry(
    id="latent.mgf-multivariate-definition",
    title="MGF of a random vector: M_X(t) = E[exp(t^T X)]",
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
    title="Mixed moments are partial derivatives of the MGF at 0",
    expected=CONFIRMED,
    experiment=_mgf_moments,
    reason="a claim about every distribution with an MGF: checked exactly on a symbolic correlated Gaussian "
           "pair (sympy.stats MGF against the moments (p-1)!! of the normal) and on random finite joint distributions",
    seed=seed(736, 738, r"""The reason  $M_{\mathbf{X}}$  is called moment generating function is because it represents the moments of  $\mathbf{x}$  in the following way: Let  $k_1, \dots, k_n \in \mathbb{N}$ , then

$$\mathbb{E}_{\mathbf{X}} \left[ x_1^{k_1} x_2^{k_2} \cdots x_n^{k_n} \right] = \frac{\partial^k}{\partial t_1^{k_1} \partial t_2^{k_2} \cdots \partial t_n^{k_n}} M_{\mathbf{X}} \Big|_{\mathbf{t}=\mathbf{0}}.$$"""),
    notes="Requires the MGF to exist in a neighbourhood of 0; k = k_1 + ... + k_n.",
    aliases=("moments from MGF", "moment generating function derivatives", "mixed moments"),
    tags=("MGF", "moments", "probability"),
    references=("Billingsley, Probability and Measure, §21 and §30",),
)


mgf_uniqueness = Entry(
    id="latent.mgf-uniqueness",
    title="Uniqueness theorem: equal MGFs (near 0) imply equal distributions",
    expected=NOT_CHECKABLE,
    reason="a theorem over all distributions (injectivity of the Laplace transform), beyond any finite "
           "computation. As printed the conclusion 'P(X = t) = P(Y = t) for all t' is implied but much weaker "
           "than 'the distributions are the same' it is glossed as: any two continuous distributions have equal "
           "(zero) point masses; the right conclusion is P(X <= t) = P(Y <= t) for all t (equal CDFs). The MGFs "
           "must exist on a neighbourhood of 0.",
    seed=seed(740, 740, r"**T. (Uniqueness Theorem)** If  $M_{\mathbf{X}}$  and  $M_{\mathbf{Y}}$  exist for the RVs  $\mathbf{X}$  and  $\mathbf{Y}$  and  $M_{\mathbf{X}} = M_{\mathbf{Y}}$  then  $\forall \mathbf{t}: P(\mathbf{X} = \mathbf{t}) = P(\mathbf{Y} = \mathbf{t})$  (distributions are the same)."),
    aliases=("MGF uniqueness", "moment generating function determines distribution"),
    tags=("MGF", "probability"),
    references=("Billingsley, Probability and Measure, Thm. 30.1 and §30 (multivariate)",),
)


mgf_sum_independent = Entry(
    id="latent.mgf-sum-independent",
    title="If X and Y are independent (in particular i.i.d.), M_{X+Y} = M_X M_Y",
    expected=CONFIRMED,
    symbols={"X": "random", "Y": "random", "t": "scalar real"},
    given=("independent X Y",),
    statement=lambda X, Y, t: Eq(Expectation(exp(t * (X + Y))), Expectation(exp(t * X)) * Expectation(exp(t * Y))),
    seed=seed(744, 744, r"**T.** If  $\mathbf{X}, \mathbf{Y}$  are i.i.d. then  $M_{\mathbf{X}+\mathbf{Y}} = M_{\mathbf{X}} \cdot M_{\mathbf{Y}}$ ."),
    notes="True as printed; only independence is used, identical distribution is not needed (the finite "
          "distributions checked are independent but not identically distributed). Checked for scalar X, Y; for "
          "random vectors the same argument applies to t^T X and t^T Y. SymPy's symbolic-stats engine cannot "
          "factor the expectation of a product of independent abstract variables, so the verdict rests on the "
          "exact finite check: confirmed, not proved.",
    see_also=("prob.mgf-linear-combination",),
    aliases=("MGF of a sum", "sum of independent random variables", "product of MGFs"),
    tags=("MGF", "independence", "probability"),
    references=("Billingsley, Probability and Measure, §21 (eq. 21.28)",),
)


# de Finetti ---------------------------------------------------------------------------------------------
de_finetti_finite_as_printed = Entry(
    id="latent.de-finetti-finite-as-printed",
    title="de Finetti as printed: every exchangeable x_1..x_N is a mixture of i.i.d. draws",
    expected=REFUTED,
    experiment=_de_finetti_finite,
    reason="the printed theorem omits that the sequence must be infinitely exchangeable. Counterexample, exact: "
           "two draws without replacement from an urn {0, 1} are exchangeable with P(x1 = x2) = 0, while any "
           "mixture of i.i.d. pairs has P(x1 = x2) >= 1/2",
    seed=seed(752, 754, r"""**T. (DeFinetti's Theorem)** For exchangeable data (order of dataset doesn't matter and they come from the same distribution), we can decompose the data by a latent variable model

$$P(\mathbf{x}_1, \mathbf{x}_2, \dots, \mathbf{x}_N) = \int \prod_{i=1}^N p_{\theta}(\mathbf{x}_i | \mathbf{z}) p_{\theta}(\mathbf{z}) d\mathbf{z}.$$"""),
    corrected_by="latent.de-finetti-infinite-exchangeable",
    notes="For finite N the representation holds approximately, with error O(1/N) "
          "(Diaconis & Freedman 1980), or exactly with a signed mixing measure.",
    aliases=("de Finetti", "DeFinetti", "exchangeability", "exchangeable data"),
    tags=("exchangeability", "latent variables", "erratum"),
    references=("Diaconis & Freedman, Finite exchangeable sequences, Ann. Probab. 8 (1980) 745-764",),
)


de_finetti_infinite_exchangeable = Entry(
    id="latent.de-finetti-infinite-exchangeable",
    title="de Finetti: an infinitely exchangeable sequence is a mixture of i.i.d. sequences",
    expected=CONFIRMED,
    experiment=_de_finetti_polya,
    reason="the theorem (existence of the mixing measure for every infinitely exchangeable law) is not a finite "
           "computation; the experiment checks it exactly on Polya urns, whose mixing measure is Beta(a, b)",
    aliases=("de Finetti", "DeFinetti", "exchangeability", "Polya urn", "Hewitt-Savage"),
    tags=("exchangeability", "latent variables", "Bayesian"),
    references=("Aldous, Exchangeability and related topics, LNM 1117 (1985), §3",
                "Hewitt & Savage, Symmetric measures on Cartesian products, TAMS 80 (1955)"),
)
