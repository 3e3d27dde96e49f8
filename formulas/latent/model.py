"""The factor-analysis model and its non-identifiability (cheat sheet lines 640-650)."""

from __future__ import annotations

from .._authoring import (
    CONFIRMED,
    PROVED,
    REFUTED,
    Entry,
    Eq,
    seed,
)
from .experiments import _fa_marginal

TIPPING_BISHOP = "Tipping & Bishop, Probabilistic principal component analysis, JRSS B 61 (1999) 611-622"


PRML_12 = "Bishop, Pattern Recognition and Machine Learning (2006), §12.2"


PRML_GAUSS = "Bishop, Pattern Recognition and Machine Learning (2006), §2.3.3 (eqs. 2.113-2.117)"


COOKBOOK = "Petersen & Pedersen, The Matrix Cookbook (2012)"


# -- catalog entries ------------------------------------------------------------------------------
# Model and identifiability ----------------------------------------------------------------------
fa_marginal_distribution = Entry(
    id="latent.fa-marginal-distribution",
    title="Factor analysis: the observation model is x ~ N(mu, W W^T + Sigma)",
    expected=CONFIRMED,
    experiment=_fa_marginal,
    reason="a distributional claim about x = mu + W z + eta: the MGF of that sum is computed exactly "
           "(sympy.stats MGFs of the independent normal parts, symbolic W, mu, Sigma, t) and compared with "
           "the N(mu, W W^T + Sigma) MGF",
    seed=seed(640, 642, r"""**T.** The distribution of the *observation model* is

$$\mathbf{x} \sim \mathcal{N}(\mu, \mathbf{W}\mathbf{W}^T + \Sigma).$$"""),
    notes="Model: z ~ N(0, I_m), eta ~ N(0, Sigma) independent of z, x = mu + W z + eta; Sigma diagonal in "
          "factor analysis. Cov(x) = W Cov(z) W^T + Sigma = W W^T + Sigma.",
    aliases=("factor analysis marginal", "observation model", "marginal likelihood factor analysis",
             "linear Gaussian model", "x ~ N(mu, WW^T + Sigma)", "FA covariance"),
    tags=("factor analysis", "Gaussian", "latent variables", "MGF"),
    references=(PRML_12 + " (eq. 12.35 for PPCA)", "Bartholomew, Knott & Moustaki (2011), ch. 3"),
)


fa_rotation_invariance = Entry(
    id="latent.fa-rotation-invariance",
    title="Rotating the factors leaves the model covariance unchanged: (WQ)(WQ)^T = W W^T for orthogonal Q",
    expected=PROVED,
    symbols={"W": "matrix n m", "Q": "matrix m m orthogonal"},
    statement=lambda W, Q: Eq((W * Q) * (W * Q).T, W * W.T),
    notes="So W and W Q give the same x ~ N(mu, W W^T + Sigma): factors are identifiable only up to "
          "rotations/reflections of R^m.",
    aliases=("non-identifiability of factors", "rotation invariance", "factor rotation", "WQ", "identifiability"),
    tags=("factor analysis", "identifiability", "orthogonal"),
    references=(PRML_12 + " (rotation invariance of W)",),
)


rotation_gram_with_stray_m = Entry(
    id="latent.rotation-gram-with-stray-m",
    title="Non-identifiability as printed: (WQ)(WQ)^T = M W Q Q^T W^T (stray factor M)",
    expected=REFUTED,
    symbols={"Q": "matrix m m orthogonal", "W": "matrix n m", "M": "matrix n n"},
    statement=lambda Q, W, M: Eq((W * Q) * (W * Q).T, M * W * Q * Q.T * W.T),
    seed=seed(648, 648, r"$$(\mathbf{W}\mathbf{Q})(\mathbf{W}\mathbf{Q})^T = M\mathbf{W}\mathbf{Q}\mathbf{Q}^T\mathbf{W}^T = \mathbf{W}\mathbf{W}^T.$$"),
    corrected_by="latent.fa-rotation-invariance",
    notes="The printed chain has an undefined factor M in its middle term; read as an arbitrary n x n matrix "
          "it is false (M = 0). Without M the chain is the proved rotation invariance.",
    aliases=("non-identifiability of factors", "rotation invariance"),
    tags=("factor analysis", "identifiability", "erratum"),
    see_also=("latent.fa-rotation-invariance",),
)
