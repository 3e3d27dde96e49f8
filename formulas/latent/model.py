"""The factor-analysis model and its non-identifiability (cheat sheet lines 640-650).

z ∼ N(0, Iₘ), η ∼ N(0, Σ) independent of z, x = μ + Wz + η (W: n × m, Σ diagonal in factor analysis).
"""

from __future__ import annotations

from .._authoring import CONFIRMED, PROVED, Entry, Eq, ScalarOf, seed
from . import experiments

TIPPING_BISHOP = "Tipping & Bishop, Probabilistic principal component analysis, JRSS B 61 (1999) 611-622"
PRML_12 = "Bishop, Pattern Recognition and Machine Learning (2006), §12.2"
PRML_GAUSS = "Bishop, Pattern Recognition and Machine Learning (2006), §2.3.3 (eqs. 2.113-2.117)"
COOKBOOK = "Petersen & Pedersen, The Matrix Cookbook (2012)"


def _observation_log_mgf(W, Sigma, mu, t):
    """log E[exp(tᵀx)] = tᵀμ + log E[exp((Wᵀt)ᵀz)] + log E[exp(tᵀη)], the Gaussian cumulants ½‖Wᵀt‖² and ½tᵀΣt
    written out, against the log-MGF tᵀμ + ½tᵀ(WWᵀ + Σ)t of N(μ, WWᵀ + Σ)."""
    return Eq(ScalarOf(t.T * mu) + ScalarOf((W.T * t).T * (W.T * t)) / 2 + ScalarOf(t.T * Sigma * t) / 2,
              ScalarOf(t.T * mu) + ScalarOf(t.T * (W * W.T + Sigma) * t) / 2)


fa_marginal_distribution = Entry(
    id="latent.fa-marginal-distribution",
    title="Factor analysis: the observation model is x ∼ N(μ, WWᵀ + Σ)",
    expected=PROVED,
    symbols={"W": "matrix n m", "Sigma": "matrix n n diagonal", "mu": "vector n", "t": "vector n"},
    statement=_observation_log_mgf,
    seed=seed(640, 642, r"""**T.** The distribution of the *observation model* is

$$\mathbf{x} \sim \mathcal{N}(\mu, \mathbf{W}\mathbf{W}^T + \Sigma).$$"""),
    notes="For x = μ + Wz + η with z ∼ N(0, Iₘ) and η ∼ N(0, Σ) independent, the MGF factorises, "
          "E[exp(tᵀx)] = exp(tᵀμ) E[exp((Wᵀt)ᵀz)] E[exp(tᵀη)], and the Gaussian MGFs are E[exp(sᵀz)] = exp(½sᵀs) and "
          "E[exp(tᵀη)] = exp(½tᵀΣt) (prob.mgf-normal in one dimension).  The statement checks, on the logarithms of "
          "the MGFs, that this product is the MGF of N(μ, WWᵀ + Σ); by the uniqueness theorem "
          "(latent.mgf-uniqueness) x has that law.",
    see_also=("latent.mgf-uniqueness", "latent.mgf-sum-independent"),
    aliases=("factor analysis marginal", "observation model", "marginal likelihood factor analysis",
             "linear Gaussian model", "x ~ N(mu, WW^T + Sigma)", "FA covariance"),
    tags=("factor analysis", "Gaussian", "latent variables", "MGF"),
    references=(PRML_12 + " (eq. 12.35 for PPCA)", "Bartholomew, Knott & Moustaki (2011), ch. 3"),
)

fa_rotation_invariance = Entry(
    id="latent.fa-rotation-invariance",
    title="If W is a solution, so is WQ for every orthogonal m × m matrix Q: (WQ)(WQ)ᵀ = WWᵀ",
    expected=PROVED,
    symbols={"W": "matrix n m", "Q": "matrix m m orthogonal"},
    statement=lambda W, Q: Eq((W * Q) * (W * Q).T, W * W.T),
    seed=seed(646, 646, r"Now this seems to be nice, but again we have the *non-identifiability problem*, since there exist an infinite amount of solutions for any  $\mathbf{W}$  that is a solution. Just let  $\mathbf{Q}$  be an orthogonal  $m \times m$ -matrix. Then  $\mathbf{W}\mathbf{Q}$  is also a solution, because"),
    notes="So W and WQ give the same x ∼ N(μ, WWᵀ + Σ).  The orthogonal m × m matrices form an infinite set for "
          "m ≥ 2 (rotations by every angle), so there are infinitely many solutions; for m = 1 only Q = ±1, so W "
          "and −W are the only two.",
    aliases=("non-identifiability of factors", "rotation invariance", "factor rotation", "WQ", "identifiability"),
    tags=("factor analysis", "identifiability", "orthogonal"),
    references=(PRML_12 + " (rotation invariance of W)",),
)

rotation_gram_with_stray_m = Entry(
    id="latent.rotation-gram-with-stray-m",
    title="(WQ)(WQ)ᵀ = WQQᵀWᵀ = WWᵀ (garbled as printed: a stray 'M' before WQQᵀWᵀ)",
    expected=PROVED,
    symbols={"W": "matrix n m", "Q": "matrix m m orthogonal"},
    statement=lambda W, Q: Eq((W * Q) * (W * Q).T, W * W.T),
    seed=seed(648, 648, r"$$(\mathbf{W}\mathbf{Q})(\mathbf{W}\mathbf{Q})^T = M\mathbf{W}\mathbf{Q}\mathbf{Q}^T\mathbf{W}^T = \mathbf{W}\mathbf{W}^T.$$"),
    corrected_by="latent.fa-rotation-invariance",
    notes="Garbled as printed: the upright 'M' is an extraction artefact, not one of the bold matrices of the "
          "chain (no M is defined); without it the chain is the transpose rule and QQᵀ = I, checked end to end.",
    aliases=("non-identifiability of factors", "rotation invariance"),
    tags=("factor analysis", "identifiability", "garbled"),
    see_also=("latent.fa-rotation-invariance",),
)

fa_factors_identifiable_up_to_rotation = Entry(
    id="latent.fa-factors-identifiable-up-to-rotation",
    title="The factors are identifiable only up to rotations and reflections: W'W'ᵀ = WWᵀ implies W' = WQ, Q orthogonal",
    expected=CONFIRMED,
    experiment=experiments.fa_factors_identifiable_up_to_rotation,
    reason="'there is an orthogonal Q with W' = WQ' is an existence claim no single relational states: checked exactly "
           "by building a second factor W' of WWᵀ independently (from a Cholesky factor) and the rotation "
           "Q = (WᵀW)⁻¹WᵀW' between them",
    seed=seed(650, 650, r"""The consequence of this is that the factors of the linear factor analysis are only identifiable up to some rotations/reflections in  $\mathbb{R}^m$ . Since we care what the factors in  $\mathbf{z}$  mean we need to factor the *rotations* to get a better "interpretability" of the representation of the data in the latent space."""),
    notes="For W of full column rank m.  With line 648 (every WQ is a solution) this says the solutions are exactly "
          "the WQ.  The last sentence of the line (rotate the factors for interpretability) is advice.",
    see_also=("latent.fa-rotation-invariance",),
    aliases=("identifiability", "factor rotation", "non-identifiability of factors"),
    tags=("factor analysis", "identifiability", "orthogonal"),
    references=("Bartholomew, Knott & Moustaki (2011), §3.9 (rotation)",),
)
