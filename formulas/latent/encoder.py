"""The encoder p(z | x) and its zero-noise limit (cheat sheet lines 656-676)."""

from __future__ import annotations

from .._authoring import (
    CONFIRMED,
    NOT_CHECKABLE,
    PROVED,
    REFUTED,
    Entry,
    Eq,
    Identity,
    seed,
)
from .experiments import (
    _covariance_limit_zero,
    _fa_posterior,
    _limit_is_pseudoinverse,
    _limit_is_transpose,
    _mean_limit_pseudoinverse,
    _mean_limit_transpose,
)
from .model import COOKBOOK, PRML_12, PRML_GAUSS

# Encoder: the posterior p(z | x) ------------------------------------------------------------------
fa_encoder_bayes = Entry(
    id="latent.fa-encoder-bayes",
    title="Encoder step: the encoder is the posterior p(z|x) = p(x|z) p(z) / p(x)",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="defines the encoder as the posterior; Bayes' rule for densities is the definition of the "
           "conditional density p(z|x) = p(x, z) / p(x)",
    seed=seed(656, 658, r"""**Encoder Step:** Implicitly defined by posterior distribution

$$p(\mathbf{z} | \mathbf{x}) = \frac{p(\mathbf{x} | \mathbf{z}) p(\mathbf{z})}{p(\mathbf{x})} \quad (\text{Bayes})$$"""),
    see_also=("prob.bayes-rule",),
    aliases=("encoder", "posterior", "Bayes rule", "recognition model"),
    tags=("factor analysis", "posterior", "Bayes"),
)


fa_posterior_gaussian = Entry(
    id="latent.fa-posterior-gaussian",
    title="Factor-analysis posterior p(z|x) = N(z; mu_{z|x}, Sigma_{z|x}) with the printed mean and covariance",
    expected=CONFIRMED,
    experiment=_fa_posterior,
    reason="a claim about densities: log p(x|z) + log p(z) - log p(x) is compared exactly, as a polynomial in a "
           "symbolic z, with log N(z; mu_{z|x}, Sigma_{z|x}) on random rational W, diagonal Sigma, x, mu; the "
           "normalising constants are compared through det(Sigma) = det(A) det(Sigma_{z|x})",
    seed=seed(662, 666, r"""$$p(\mathbf{z} | \mathbf{x}) = \mathcal{N}(\mathbf{z}; \boldsymbol{\mu}_{\mathbf{z}|\mathbf{x}}, \boldsymbol{\Sigma}_{\mathbf{z}|\mathbf{x}}),$$

where

$$\begin{aligned} \boldsymbol{\mu}_{\mathbf{z}|\mathbf{x}} &= \mathbf{W}^T (\mathbf{WW}^T + \Sigma)^{-1} (\mathbf{x} - \boldsymbol{\mu}) \\ \boldsymbol{\Sigma}_{\mathbf{z}|\mathbf{x}} &= \mathbf{I} - \mathbf{W}^T (\mathbf{WW}^T + \Sigma)^{-1} \mathbf{W} \end{aligned}$$"""),
    see_also=("latent.fa-posterior-mean", "latent.fa-posterior-covariance"),
    aliases=("factor analysis posterior", "posterior of latent", "encoder distribution", "p(z|x)",
             "Gaussian conditioning", "inference in factor analysis"),
    tags=("factor analysis", "posterior", "Gaussian"),
    references=(PRML_GAUSS, PRML_12 + " (eqs. 12.41-12.42 for PPCA)"),
)


fa_posterior_mean = Entry(
    id="latent.fa-posterior-mean",
    title="Posterior mean W^T (W W^T + Sigma)^-1 (x - mu) = (I + W^T Sigma^-1 W)^-1 W^T Sigma^-1 (x - mu)",
    expected=PROVED,
    symbols={"W": "matrix n m", "Sigma": "matrix n n diagonal", "x": "vector n", "mu": "vector n"},
    statement=lambda W, Sigma, x, mu: Eq(
        W.T * (W * W.T + Sigma).I * (x - mu),
        (Identity(W.shape[1]) + W.T * Sigma.I * W).I * W.T * Sigma.I * (x - mu)),
    seed=seed(666, 666, r"$$\begin{aligned} \boldsymbol{\mu}_{\mathbf{z}|\mathbf{x}} &= \mathbf{W}^T (\mathbf{WW}^T + \Sigma)^{-1} (\mathbf{x} - \boldsymbol{\mu}) \\ \boldsymbol{\Sigma}_{\mathbf{z}|\mathbf{x}} &= \mathbf{I} - \mathbf{W}^T (\mathbf{WW}^T + \Sigma)^{-1} \mathbf{W} \end{aligned}$$"),
    notes="Completing the square in z in log p(x|z) + log p(z) gives the posterior precision I + W^T Sigma^-1 W "
          "and mean (I + W^T Sigma^-1 W)^-1 W^T Sigma^-1 (x - mu) (PRML 2.116); the printed form equals it by the "
          "push-through identity W^T (W W^T + Sigma)^-1 = (I + W^T Sigma^-1 W)^-1 W^T Sigma^-1. The printed form "
          "inverts an n x n matrix, the other an m x m one.",
    see_also=("latent.fa-posterior-gaussian", "latent.fa-posterior-covariance"),
    aliases=("factor analysis posterior mean", "push-through identity", "encoder mean", "mu_{z|x}",
             "E[z|x]", "posterior mean of latent"),
    tags=("factor analysis", "posterior", "push-through", "matrix identity"),
    references=(PRML_GAUSS, COOKBOOK + ", eq. (159) (push-through form of the Woodbury identity)"),
)


fa_posterior_covariance = Entry(
    id="latent.fa-posterior-covariance",
    title="Posterior covariance I - W^T (W W^T + Sigma)^-1 W = (I + W^T Sigma^-1 W)^-1 (Woodbury)",
    expected=PROVED,
    symbols={"W": "matrix n m", "Sigma": "matrix n n diagonal"},
    statement=lambda W, Sigma: Eq(
        Identity(W.shape[1]) - W.T * (W * W.T + Sigma).I * W,
        (Identity(W.shape[1]) + W.T * Sigma.I * W).I),
    seed=seed(666, 666, r"$$\begin{aligned} \boldsymbol{\mu}_{\mathbf{z}|\mathbf{x}} &= \mathbf{W}^T (\mathbf{WW}^T + \Sigma)^{-1} (\mathbf{x} - \boldsymbol{\mu}) \\ \boldsymbol{\Sigma}_{\mathbf{z}|\mathbf{x}} &= \mathbf{I} - \mathbf{W}^T (\mathbf{WW}^T + \Sigma)^{-1} \mathbf{W} \end{aligned}$$"),
    notes="The right side is the inverse posterior precision from completing the square; the Woodbury identity "
          "(I + W^T Sigma^-1 W)^-1 = I - W^T (Sigma + W W^T)^-1 W turns it into the printed form.",
    see_also=("latent.fa-posterior-gaussian", "latent.fa-posterior-mean"),
    aliases=("factor analysis posterior covariance", "Woodbury identity", "matrix inversion lemma",
             "Sigma_{z|x}", "Cov[z|x]", "encoder covariance"),
    tags=("factor analysis", "posterior", "Woodbury", "matrix identity"),
    references=(PRML_GAUSS, COOKBOOK + ", eq. (156) (Woodbury identity)"),
)


# The zero-noise limit ---------------------------------------------------------------------------------
fa_zero_noise_limit_transpose = Entry(
    id="latent.fa-zero-noise-limit-transpose",
    title="Zero-noise limit as printed: W^T (W W^T + sigma^2 I)^-1 -> W^T",
    expected=REFUTED,
    experiment=_limit_is_transpose,
    reason="a limit: computed exactly with sympy.limit on small integer W; W = [[2], [0]] already gives "
           "[[1/2, 0]] instead of [[2, 0]]",
    seed=seed(670, 670, r"$$\mathbf{W}^T (\mathbf{WW}^T + \sigma^2 \mathbf{I})^{-1} \xrightarrow{\sigma^2 \rightarrow 0} \mathbf{W}^T; \mathbf{W}^T \in \mathbb{R}^{m \times n}.$$"),
    corrected_by="latent.fa-zero-noise-limit-pseudoinverse",
    notes="The prose before it says 'reduces to the pseudo-inverse', which is right; the formula writes W^T. "
          "The two agree only when W^T W = I (orthonormal columns).",
    aliases=("sigma to zero limit", "zero noise limit", "pseudo-inverse limit", "PCA limit of factor analysis"),
    tags=("factor analysis", "limit", "pseudo-inverse", "erratum"),
)


fa_zero_noise_limit_pseudoinverse = Entry(
    id="latent.fa-zero-noise-limit-pseudoinverse",
    title="W^T (W W^T + sigma^2 I)^-1 -> W^+ = (W^T W)^-1 W^T as sigma^2 -> 0 (W of full column rank)",
    expected=CONFIRMED,
    experiment=_limit_is_pseudoinverse,
    reason="a limit: computed exactly with sympy.limit and compared with (W^T W)^-1 W^T and SymPy's "
           "Moore-Penrose pseudo-inverse",
    notes="For every sigma^2 > 0, W^T (W W^T + sigma^2 I)^-1 = (W^T W + sigma^2 I)^-1 W^T "
          "(latent.push-through-isotropic); when W^T W is invertible the limit follows by continuity. For any W "
          "the limit is the Moore-Penrose pseudo-inverse W^+ (Tikhonov regularisation).",
    see_also=("latent.push-through-isotropic",),
    aliases=("pseudo-inverse", "Moore-Penrose", "sigma to zero limit", "zero noise limit", "W^+"),
    tags=("factor analysis", "limit", "pseudo-inverse"),
    references=("Golub & Van Loan, Matrix Computations (4th ed.), §5.5.4 (pseudo-inverse as a limit)",),
)


push_through_isotropic = Entry(
    id="latent.push-through-isotropic",
    title="Push-through with isotropic noise: W^T (W W^T + s I)^-1 = (W^T W + s I)^-1 W^T",
    expected=PROVED,
    symbols={"W": "matrix n m", "s": "scalar positive"},
    statement=lambda W, s: Eq(W.T * (W * W.T + s * Identity(W.shape[0])).I,
                              (W.T * W + s * Identity(W.shape[1])).I * W.T),
    aliases=("push-through identity", "isotropic noise", "ridge identity"),
    tags=("matrix identity", "push-through", "PPCA"),
    references=(COOKBOOK + ", eq. (159)",),
)


fa_zero_noise_posterior_mean_transpose = Entry(
    id="latent.fa-zero-noise-posterior-mean-transpose",
    title="Zero-noise posterior mean as printed: mu_{z|x} -> W^T (x - mu)",
    expected=REFUTED,
    experiment=_mean_limit_transpose,
    reason="a limit: computed exactly with sympy.limit on small integer W and x - mu",
    seed=seed(674, 674, r"$$\begin{aligned} \boldsymbol{\mu}_{\mathbf{z}|\mathbf{x}} &\rightarrow \mathbf{W}^T (\mathbf{x} - \boldsymbol{\mu}) \\ \boldsymbol{\Sigma}_{\mathbf{z}|\mathbf{x}} &\rightarrow \mathbf{0} \end{aligned}$$"),
    corrected_by="latent.fa-zero-noise-posterior-mean",
    aliases=("zero noise encoder", "posterior mean limit"),
    tags=("factor analysis", "limit", "erratum"),
)


fa_zero_noise_posterior_mean = Entry(
    id="latent.fa-zero-noise-posterior-mean",
    title="Zero-noise posterior mean: mu_{z|x} -> W^+ (x - mu) = (W^T W)^-1 W^T (x - mu)",
    expected=CONFIRMED,
    experiment=_mean_limit_pseudoinverse,
    reason="a limit: computed exactly with sympy.limit on small integer full-column-rank W",
    notes="The encoder becomes the least-squares projection onto the column space of W (PCA encoder).",
    see_also=("latent.fa-zero-noise-limit-pseudoinverse",),
    aliases=("zero noise encoder", "posterior mean limit", "least squares encoder"),
    tags=("factor analysis", "limit", "pseudo-inverse"),
    references=(PRML_12 + " (eq. 12.48 and the sigma^2 -> 0 remark)",),
)


fa_zero_noise_posterior_covariance = Entry(
    id="latent.fa-zero-noise-posterior-covariance",
    title="Zero-noise posterior covariance: Sigma_{z|x} -> 0 (W of full column rank)",
    expected=CONFIRMED,
    experiment=_covariance_limit_zero,
    reason="a limit: I - W^T (W W^T + s I)^-1 W computed exactly with sympy.limit as s -> 0+",
    seed=seed(674, 674, r"$$\begin{aligned} \boldsymbol{\mu}_{\mathbf{z}|\mathbf{x}} &\rightarrow \mathbf{W}^T (\mathbf{x} - \boldsymbol{\mu}) \\ \boldsymbol{\Sigma}_{\mathbf{z}|\mathbf{x}} &\rightarrow \mathbf{0} \end{aligned}$$"),
    notes="Exactly, Sigma_{z|x} = s (W^T W + s I)^-1 (latent.fa-isotropic-posterior-covariance), which tends "
          "to 0 when W^T W is invertible. The printed line omits that assumption: for a rank-deficient W "
          "(e.g. W = 0) the limit is I - W^+ W, not 0.",
    see_also=("latent.fa-isotropic-posterior-covariance", "latent.fa-zero-noise-posterior-mean-transpose"),
    aliases=("posterior covariance limit", "deterministic encoder"),
    tags=("factor analysis", "limit"),
)


fa_isotropic_posterior_covariance = Entry(
    id="latent.fa-isotropic-posterior-covariance",
    title="Isotropic noise: I - W^T (W W^T + s I)^-1 W = s (W^T W + s I)^-1",
    expected=PROVED,
    symbols={"W": "matrix n m", "s": "scalar positive"},
    statement=lambda W, s: Eq(Identity(W.shape[1]) - W.T * (W * W.T + s * Identity(W.shape[0])).I * W,
                              s * (W.T * W + s * Identity(W.shape[1])).I),
    aliases=("PPCA posterior covariance", "Woodbury identity", "sigma^2 M^-1"),
    tags=("PPCA", "posterior", "Woodbury"),
    references=(PRML_12 + " (eq. 12.42: Cov[z|x] = sigma^2 M^-1, M = W^T W + sigma^2 I)",),
)
