"""The encoder p(z | x) and its zero-noise limit (cheat sheet lines 656-676).

The posterior mean and covariance are checked as what they are: the stationary point and the inverse
negative Hessian of the log joint log p(x | z) + log p(z), a quadratic in z.  Limits σ² → 0 are computed
exactly by ``experiments``.
"""

from __future__ import annotations

from .._authoring import CONFIRMED, NOT_CHECKABLE, PROVED, REFUTED, D, Entry, Eq, Identity, ScalarOf, seed
from . import experiments
from .model import COOKBOOK, PRML_12, PRML_GAUSS

_LINE_666 = r"$$\begin{aligned} \boldsymbol{\mu}_{\mathbf{z}|\mathbf{x}} &= \mathbf{W}^T (\mathbf{WW}^T + \Sigma)^{-1} (\mathbf{x} - \boldsymbol{\mu}) \\ \boldsymbol{\Sigma}_{\mathbf{z}|\mathbf{x}} &= \mathbf{I} - \mathbf{W}^T (\mathbf{WW}^T + \Sigma)^{-1} \mathbf{W} \end{aligned}$$"
_LINE_674 = r"$$\begin{aligned} \boldsymbol{\mu}_{\mathbf{z}|\mathbf{x}} &\rightarrow \mathbf{W}^T (\mathbf{x} - \boldsymbol{\mu}) \\ \boldsymbol{\Sigma}_{\mathbf{z}|\mathbf{x}} &\rightarrow \mathbf{0} \end{aligned}$$"
_FA = {"W": "matrix n m", "Sigma": "matrix n n diagonal", "x": "vector n", "mu": "vector n", "z": "vector m"}
_LIMIT = "a limit σ² → 0⁺, outside the evaluators: computed exactly with sympy.limit on small integer W"


def _log_joint(W, Sigma, x, mu, z):
    """log p(x | z) + log p(z) up to terms free of z: −½(x − μ − Wz)ᵀΣ⁻¹(x − μ − Wz) − ½zᵀz."""
    r = x - mu - W * z
    return -ScalarOf(r.T * Sigma.I * r) / 2 - ScalarOf(z.T * z) / 2


def _posterior_mean(W, Sigma, x, mu):
    """The printed mean solves the stationarity equation of the log joint, (I + WᵀΣ⁻¹W)z = WᵀΣ⁻¹(x − μ)."""
    m = W.shape[1]
    return Eq((Identity(m) + W.T * Sigma.I * W) * (W.T * (W * W.T + Sigma).I * (x - mu)), W.T * Sigma.I * (x - mu))


def _posterior_covariance(W, Sigma, x, mu, z):
    """(−∇²_z log joint)⁻¹ = I − Wᵀ(WWᵀ + Σ)⁻¹W, the printed covariance."""
    m = W.shape[1]
    return Eq((-D(D(_log_joint(W, Sigma, x, mu, z), z), z)).I, Identity(m) - W.T * (W * W.T + Sigma).I * W)


fa_encoder_bayes = Entry(
    id="latent.fa-encoder-bayes",
    title="Encoder step: the encoder is the posterior p(z | x) = p(x | z) p(z) / p(x)",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="defines the encoder as the posterior; Bayes' rule for densities is the definition of the conditional "
           "density p(z | x) = p(x, z) / p(x)",
    seed=seed(656, 658, r"""**Encoder Step:** Implicitly defined by posterior distribution

$$p(\mathbf{z} | \mathbf{x}) = \frac{p(\mathbf{x} | \mathbf{z}) p(\mathbf{z})}{p(\mathbf{x})} \quad (\text{Bayes})$$"""),
    see_also=("prob.bayes-rule",),
    aliases=("encoder", "posterior", "Bayes rule", "recognition model"),
    tags=("factor analysis", "posterior", "Bayes"),
)

fa_posterior_gaussian = Entry(
    id="latent.fa-posterior-gaussian",
    title="Factor-analysis posterior: p(z | x) = N(z; E[z | x], Cov[z | x]) with the printed mean and covariance",
    expected=CONFIRMED,
    experiment=experiments.fa_posterior_gaussian,
    reason="an identity between densities, normalising constants included (the grammar has no density of a random "
           "vector): log p(x | z) + log p(z) − log p(x) is compared exactly, as a polynomial in a symbolic z, with "
           "log N(z; E[z | x], Cov[z | x]) on random rational W, diagonal Σ, x, μ",
    seed=seed(662, 666, r"""$$p(\mathbf{z} | \mathbf{x}) = \mathcal{N}(\mathbf{z}; \boldsymbol{\mu}_{\mathbf{z}|\mathbf{x}}, \boldsymbol{\Sigma}_{\mathbf{z}|\mathbf{x}}),$$

where

""" + _LINE_666),
    notes="The identity of log-densities, log p(x | z) + log p(z) − log p(x) = log N(z; E[z | x], Cov[z | x]), is "
          "checked, for z ∼ N(0, I), x | z ∼ N(Wz + μ, Σ) and so x ∼ N(μ, WWᵀ + Σ).  The mean and covariance are "
          "also checked as statements at symbolic size (latent.fa-posterior-mean, latent.fa-posterior-covariance).",
    see_also=("latent.fa-posterior-mean", "latent.fa-posterior-covariance"),
    aliases=("factor analysis posterior", "posterior of latent", "encoder distribution", "p(z|x)",
             "Gaussian conditioning", "inference in factor analysis"),
    tags=("factor analysis", "posterior", "Gaussian"),
    references=(PRML_GAUSS, PRML_12 + " (eqs. 12.41-12.42 for PPCA)"),
)

fa_posterior_mean = Entry(
    id="latent.fa-posterior-mean",
    title="The posterior mean is E[z | x] = Wᵀ(WWᵀ + Σ)⁻¹(x − μ): it solves the stationarity equation of the log joint",
    expected=PROVED,
    symbols={"W": "matrix n m", "Sigma": "matrix n n diagonal", "x": "vector n", "mu": "vector n"},
    statement=_posterior_mean,
    seed=seed(666, 666, _LINE_666),
    notes="log p(x | z) + log p(z) = −½(x − μ − Wz)ᵀΣ⁻¹(x − μ − Wz) − ½zᵀz + const is a quadratic in z, so the "
          "posterior is Gaussian and its mean is the unique stationary point of the log joint: the gradient "
          "WᵀΣ⁻¹(x − μ − Wz) − z vanishes iff (I + WᵀΣ⁻¹W)z = WᵀΣ⁻¹(x − μ).  That the printed mean solves that "
          "equation is checked (the push-through identity Wᵀ(WWᵀ + Σ)⁻¹ = (I + WᵀΣ⁻¹W)⁻¹WᵀΣ⁻¹); the Hessian "
          "−(I + WᵀΣ⁻¹W) is computed from the log joint in latent.fa-posterior-covariance.",
    see_also=("latent.fa-posterior-gaussian", "latent.fa-posterior-covariance"),
    aliases=("factor analysis posterior mean", "push-through identity", "encoder mean", "mu_{z|x}",
             "E[z|x]", "posterior mean of latent"),
    tags=("factor analysis", "posterior", "push-through", "matrix identity"),
    references=(PRML_GAUSS, COOKBOOK + ", eq. (159) (push-through form of the Woodbury identity)"),
)

fa_posterior_covariance = Entry(
    id="latent.fa-posterior-covariance",
    title="The posterior covariance is Cov[z | x] = I − Wᵀ(WWᵀ + Σ)⁻¹W, the inverse negative Hessian of the log joint",
    expected=PROVED,
    symbols=_FA,
    statement=_posterior_covariance,
    seed=seed(666, 666, _LINE_666),
    notes="The covariance of a Gaussian is the inverse of the negative Hessian of its log-density; here the Hessian "
          "of the log joint in z is −(I + WᵀΣ⁻¹W), computed from the log joint, and its inverse equals the printed "
          "form by the Woodbury identity, which is checked.",
    see_also=("latent.fa-posterior-gaussian", "latent.fa-posterior-mean"),
    aliases=("factor analysis posterior covariance", "Woodbury identity", "matrix inversion lemma",
             "Sigma_{z|x}", "Cov[z|x]", "encoder covariance"),
    tags=("factor analysis", "posterior", "Woodbury", "matrix identity"),
    references=(PRML_GAUSS, COOKBOOK + ", eq. (156) (Woodbury identity)"),
)

fa_zero_noise_limit_transpose = Entry(
    id="latent.fa-zero-noise-limit-transpose",
    title="Zero-noise limit as printed: Wᵀ(WWᵀ + σ²I)⁻¹ → Wᵀ as σ² → 0",
    expected=REFUTED,
    experiment=experiments.fa_zero_noise_limit_transpose,
    reason=_LIMIT + "; W = [[2], [0]] already gives [[1/2, 0]] instead of [[2, 0]]",
    seed=seed(670, 670, r"$$\mathbf{W}^T (\mathbf{WW}^T + \sigma^2 \mathbf{I})^{-1} \xrightarrow{\sigma^2 \rightarrow 0} \mathbf{W}^T; \mathbf{W}^T \in \mathbb{R}^{m \times n}.$$"),
    corrected_by="latent.fa-zero-noise-limit-pseudoinverse",
    notes="The prose before it (line 668) says 'reduces to the pseudo-inverse', which is right; the formula writes Wᵀ.  "
          "The two agree only when WᵀW = I (orthonormal columns).",
    aliases=("sigma to zero limit", "zero noise limit", "pseudo-inverse limit", "PCA limit of factor analysis"),
    tags=("factor analysis", "limit", "pseudo-inverse", "erratum"),
)

fa_zero_noise_limit_pseudoinverse = Entry(
    id="latent.fa-zero-noise-limit-pseudoinverse",
    title="With Σ = σ²I, Wᵀ(WWᵀ + σ²I)⁻¹ → W⁺ = (WᵀW)⁻¹Wᵀ, the pseudo-inverse, as σ² → 0 (W of full column rank)",
    expected=CONFIRMED,
    experiment=experiments.fa_zero_noise_limit_pseudoinverse,
    reason=_LIMIT + ", compared with (WᵀW)⁻¹Wᵀ and SymPy's Moore-Penrose pseudo-inverse",
    seed=seed(668, 668, r"Further, if we assume that  $\Sigma = \sigma^2 \mathbf{I}$  and we let  $\sigma^2 \rightarrow 0$  (the reconstruction-error-variance for all the components is the same and we let the reconstruction error go to zero), then the following expression just reduces to the pseudo-invers:"),
    notes="For every σ² > 0, Wᵀ(WWᵀ + σ²I)⁻¹ = (WᵀW + σ²I)⁻¹Wᵀ (latent.push-through-isotropic); when WᵀW is invertible "
          "the limit follows by continuity.  For any W the limit is the Moore-Penrose pseudo-inverse W⁺ (Tikhonov "
          "regularisation).",
    see_also=("latent.push-through-isotropic",),
    aliases=("pseudo-inverse", "Moore-Penrose", "sigma to zero limit", "zero noise limit", "W^+"),
    tags=("factor analysis", "limit", "pseudo-inverse"),
    references=("Golub & Van Loan, Matrix Computations (4th ed.), §5.5.4 (pseudo-inverse as a limit)",),
)

push_through_isotropic = Entry(
    id="latent.push-through-isotropic",
    title="Push-through with isotropic noise: Wᵀ(WWᵀ + sI)⁻¹ = (WᵀW + sI)⁻¹Wᵀ",
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
    title="Zero-noise posterior mean as printed: E[z | x] → Wᵀ(x − μ)",
    expected=REFUTED,
    experiment=experiments.fa_zero_noise_posterior_mean_transpose,
    reason=_LIMIT + " and x − μ",
    seed=seed(674, 674, _LINE_674),
    corrected_by="latent.fa-zero-noise-posterior-mean",
    aliases=("zero noise encoder", "posterior mean limit"),
    tags=("factor analysis", "limit", "erratum"),
)

fa_zero_noise_posterior_mean = Entry(
    id="latent.fa-zero-noise-posterior-mean",
    title="Zero-noise posterior mean: E[z | x] → W⁺(x − μ) = (WᵀW)⁻¹Wᵀ(x − μ)",
    expected=CONFIRMED,
    experiment=experiments.fa_zero_noise_posterior_mean,
    reason=_LIMIT + " of full column rank",
    notes="The encoder becomes the least-squares projection onto the column space of W (the PCA encoder).",
    see_also=("latent.fa-zero-noise-limit-pseudoinverse",),
    aliases=("zero noise encoder", "posterior mean limit", "least squares encoder"),
    tags=("factor analysis", "limit", "pseudo-inverse"),
    references=(PRML_12 + " (eq. 12.48 and the σ² → 0 remark)",),
)

fa_zero_noise_posterior_covariance = Entry(
    id="latent.fa-zero-noise-posterior-covariance",
    title="Zero-noise posterior covariance: Cov[z | x] → 0 (W of full column rank)",
    expected=CONFIRMED,
    experiment=experiments.fa_zero_noise_posterior_covariance,
    reason=_LIMIT + ": I − Wᵀ(WWᵀ + sI)⁻¹W as s → 0⁺",
    seed=seed(674, 674, _LINE_674),
    notes="Exactly, Cov[z | x] = s(WᵀW + sI)⁻¹ (latent.fa-isotropic-posterior-covariance), which tends to 0 when WᵀW "
          "is invertible.  The printed line omits that assumption: for a rank-deficient W (e.g. W = 0) the limit is "
          "I − W⁺W, not 0.",
    see_also=("latent.fa-isotropic-posterior-covariance", "latent.fa-zero-noise-posterior-mean-transpose"),
    aliases=("posterior covariance limit", "deterministic encoder"),
    tags=("factor analysis", "limit"),
)

fa_isotropic_posterior_covariance = Entry(
    id="latent.fa-isotropic-posterior-covariance",
    title="Isotropic noise: I − Wᵀ(WWᵀ + sI)⁻¹W = s(WᵀW + sI)⁻¹",
    expected=PROVED,
    symbols={"W": "matrix n m", "s": "scalar positive"},
    statement=lambda W, s: Eq(Identity(W.shape[1]) - W.T * (W * W.T + s * Identity(W.shape[0])).I * W,
                              s * (W.T * W + s * Identity(W.shape[1])).I),
    aliases=("PPCA posterior covariance", "Woodbury identity", "sigma^2 M^-1"),
    tags=("PPCA", "posterior", "Woodbury"),
    references=(PRML_12 + " (eq. 12.42: Cov[z | x] = σ²M⁻¹, M = WᵀW + σ²I)",),
)
