"""From A to W and Σ: probabilistic PCA (cheat sheet lines 710-728).

A = WWᵀ + Σ; in probabilistic PCA Σ = σ²I and C = WWᵀ + σ²I.  Gradients are in denominator layout.  Claims
about the maximiser of the likelihood are checked at an exact maximiser (``experiments``) or by float64
maximisation (``optimisation``).
"""

from __future__ import annotations

from .._authoring import (
    CONFIRMED,
    NOT_CHECKABLE,
    PROVED,
    REFUTED,
    D,
    Entry,
    Eq,
    Identity,
    Trace,
    det,
    log,
    pi,
    seed,
)
from . import experiments, optimisation
from .model import PRML_12, TIPPING_BISHOP

_LINE_722 = r"$$\mathbf{S}\mathbf{w}_i = (\sigma^2 + \rho_i^2)\mathbf{w}_i \quad \mathbf{S}\mathbf{W} = \text{diag}(\lambda)\mathbf{W}.$$"
_MAXIMISE = "a claim about the maximiser of the likelihood: float64 LBFGS maximisation from several starts"
# W: n × m, any number m of factors (the symbolic engine proves these at every n and m)
_FA_FACTORS = {"W": "matrix n m", "Sigma": "matrix n n diagonal", "S": "matrix n n symmetric", "k": "scalar positive"}


def _fa_loglik(W, Sigma, S, k):
    """−(k/2)(tr(SA⁻¹) + log det A) at A = WWᵀ + Σ."""
    a = W * W.T + Sigma
    return -(k / 2) * (Trace(S * a.I) + log(det(a)))


def _c(W, sigma):
    return W * W.T + sigma**2 * Identity(W.shape[0])


_STATIONARY = {"U": "matrix n n orthogonal", "R": "matrix n n diagonal", "s": "scalar positive"}
_STATIONARY_NOTE = ("The statement ranges over a family of exact stationary points: U orthogonal, R = diag(ρᵢ), σ² = s, "
                    "W = UR and S = U(sI + R²)Uᵀ (all n components retained, λᵢ = σ² + ρᵢ²); there "
                    "SC⁻¹W = U(sI + R²)Uᵀ U(sI + R²)⁻¹Uᵀ UR = W, so W is stationary.")


def _stationary_point(U, R, s):
    """(W, S, C) at the stationary point W = UR of S = U(sI + R²)Uᵀ, C = WWᵀ + sI."""
    n = U.shape[0]
    w = U * R
    return w, U * (s * Identity(n) + R * R) * U.T, w * w.T + s * Identity(n)


def _printed_stationarity(U, R, s):
    w, S, C = _stationary_point(U, R, s)
    return Eq(S * C.I * w, w * (s * Identity(U.shape[0]) + R * R).I)


def _printed_matrix_eigen(U, R, s):
    w, S, _ = _stationary_point(U, R, s)
    return Eq(S * w, (s * Identity(U.shape[0]) + R * R) * w)


def _ppca_loglik(W, S, sigma, N, d):
    """L = −N/2 (d log 2π + log det C + tr(C⁻¹S)), C = WWᵀ + σ²I."""
    c = _c(W, sigma)
    return -N / 2 * (d * log(2 * pi) + log(det(c)) + Trace(c.I * S))


fa_covariance_definition = Entry(
    id="latent.fa-covariance-definition",
    title="Model covariance A = WWᵀ + Σ",
    expected=NOT_CHECKABLE,
    definition=True,
    seed=seed(710, 710, r"$$\mathbf{A} = \mathbf{W}\mathbf{W}^T + \Sigma$$"),
    aliases=("model covariance", "low rank plus diagonal"),
    tags=("factor analysis", "notation"),
)

grad_w_of_a_garbled = Entry(
    id="latent.grad-w-of-a-garbled",
    title="Chain rule through A = WWᵀ + Σ: ∂l/∂W = 2(∂l/∂A)W for symmetric ∂l/∂A (garbled as printed: '∇_W A = 2W')",
    expected=PROVED,
    symbols=_FA_FACTORS,
    statement=lambda W, Sigma, S, k: Eq(
        D(_fa_loglik(W, Sigma, S, k), W),
        2 * ((k / 2) * ((W * W.T + Sigma).I * S * (W * W.T + Sigma).I - (W * W.T + Sigma).I)) * W),
    seed=seed(714, 714, r"$$\begin{aligned} \nabla_{\mathbf{W}} \mathbf{A} &= 2\mathbf{W} \\ \nabla_{\Sigma} \mathbf{A} &= \mathbf{I} \end{aligned}$$"),
    corrected_by="latent.ppca-grad-loglik-w",
    notes="Garbled as printed: A is matrix-valued, so its derivative by the matrix W is a 4-index array "
          "(∂Aᵢⱼ/∂Wₖₗ = δᵢₖWⱼₗ + Wᵢₗδⱼₖ) that no matrix such as 2W represents.  In the chain rule the line is used "
          "for ('using the chain rule we get'), the step it stands for is ∂l/∂W = (G + Gᵀ)W = 2GW with G = ∂l/∂A "
          "symmetric, and ∂l/∂Σ = G (its diagonal for a diagonal Σ).  That step is checked for the log-likelihood "
          "l = −(k/2)(tr(SA⁻¹) + log det A), G = (k/2)(A⁻¹SA⁻¹ − A⁻¹), for W: n × m at every n and m.",
    aliases=("chain rule", "gradient with respect to W"),
    tags=("matrix calculus", "factor analysis", "garbled"),
)

ppca_grad_loglik_w = Entry(
    id="latent.ppca-grad-loglik-w",
    title="∂ log P/∂W = kA⁻¹(SA⁻¹W − W) for A = WWᵀ + Σ: W is stationary iff SA⁻¹W = W",
    expected=PROVED,
    symbols=_FA_FACTORS,
    statement=lambda W, Sigma, S, k: Eq(
        D(_fa_loglik(W, Sigma, S, k), W),
        k * (W * W.T + Sigma).I * (S * (W * W.T + Sigma).I * W - W)),
    notes="W: n × m, at every n and m (the chain rule through A = WWᵀ + Σ applied to "
          "latent.loglik-stationarity-a).  Since A⁻¹ is invertible "
          "the gradient vanishes iff SA⁻¹W = W, the stationarity condition of Tipping & Bishop (their eq. 8).  The "
          "PPCA form at every size is latent.ppca-loglik-gradient.",
    see_also=("latent.ppca-loglik-gradient", "latent.loglik-stationarity-a", "latent.ppca-ml-solution"),
    aliases=("PPCA stationarity", "gradient of log-likelihood with respect to W", "stationary condition",
             "S A^-1 W = W", "factor analysis gradient"),
    tags=("PPCA", "factor analysis", "maximum likelihood", "matrix calculus"),
    references=(TIPPING_BISHOP + ", eqs. (7)-(8)", PRML_12),
)

ppca_loglik_gradient = Entry(
    id="latent.ppca-loglik-gradient",
    title="PPCA stationarity: ∂L/∂W = N(C⁻¹SC⁻¹W − C⁻¹W) for L = −N/2 (d log 2π + log det C + tr(C⁻¹S)), C = WWᵀ + σ²I",
    expected=PROVED,
    symbols={"W": "matrix d k", "S": "matrix d d symmetric", "sigma": "scalar positive", "N": "scalar positive"},
    statement=lambda W, S, sigma, N, d: Eq(D(_ppca_loglik(W, S, sigma, N, d), W),
                                           N * (_c(W, sigma).I * S * _c(W, sigma).I * W - _c(W, sigma).I * W)),
    notes="S is a symmetric PSD sample covariance, N the number of samples, W: d × k.  The gradient vanishes iff "
          "SC⁻¹W = W (latent.ppca-grad-loglik-w with Σ = σ²I).  Proved at symbolic size (every d and k): the "
          "derivative of log det C by Jacobi's formula, of tr(C⁻¹S) by ∂C⁻¹ = −C⁻¹(∂C)C⁻¹, in index notation; "
          "SymPy's own matrix derivative of log det C is 0 and is reported as a conflict.",
    see_also=("latent.ppca-grad-loglik-w", "latent.ppca-ml-solution"),
    aliases=("PPCA gradient", "PPCA stationarity", "gradient of PPCA log-likelihood", "Tipping Bishop gradient"),
    tags=("PPCA", "maximum likelihood", "matrix calculus"),
    references=(TIPPING_BISHOP + ", eqs. (4) and (7)", PRML_12 + " (eq. 12.44)"),
)

ppca_stationarity_as_printed = Entry(
    id="latent.ppca-stationarity-as-printed",
    title="Stationarity as printed: S(Σ + WWᵀ)⁻¹W = W diag(1/(σ² + ρᵢ²))",
    expected=REFUTED,
    symbols=_STATIONARY,
    statement=_printed_stationarity,
    seed=seed(718, 718, r"$$\mathbf{S}(\Sigma + \mathbf{W}\mathbf{W}^T)^{-1}\mathbf{W} = \mathbf{W}\text{diag}\left(\frac{1}{\sigma^2 + \rho_i^2}\right).$$"),
    corrected_by="latent.ppca-grad-loglik-w",
    reason="a claim at a stationary point of the likelihood.  " + _STATIONARY_NOTE,
    notes="At a stationary W the left side is W itself.  For orthogonal columns (σ²I + WWᵀ)⁻¹W = W diag(1/(σ² + ρᵢ²)), "
          "so the intended chain is S(Σ + WWᵀ)⁻¹W = SW diag(1/(σ² + ρᵢ²)) = W: the printed line drops the S on the "
          "right, or equivalently puts the diag on the wrong side of the equation.",
    aliases=("PPCA stationarity", "stationary condition"),
    tags=("PPCA", "maximum likelihood", "erratum"),
)

ppca_eigen_equation = Entry(
    id="latent.ppca-eigen-equation",
    title="At a stationary W with orthogonal columns, S wᵢ = (σ² + ρᵢ²) wᵢ",
    expected=CONFIRMED,
    experiment=optimisation.ppca_eigen_equation,
    reason="an exact check of the lemma (σ²I + WWᵀ)⁻¹W = W diag(1/(σ² + ρᵢ²)) for rational W with orthogonal columns "
           "(which turns SA⁻¹W = W into the eigen-equations), and the eigen-equations at numerically found "
           "maximisers rotated to orthogonal columns",
    seed=seed(722, 722, _LINE_722),
    notes="Holds for the representative with orthogonal columns (ρᵢ = ‖wᵢ‖); a rotated maximiser WR is stationary too "
          "but its columns are not eigenvectors.",
    see_also=("latent.ppca-eigen-equation-matrix", "latent.fa-rotation-invariance"),
    aliases=("PPCA eigenvector equation", "eigen-equation", "S w = lambda w"),
    tags=("PPCA", "eigenvectors"),
    references=(TIPPING_BISHOP + ", §3.2", PRML_12),
)

ppca_eigen_equation_matrix_as_printed = Entry(
    id="latent.ppca-eigen-equation-matrix-as-printed",
    title="Matrix eigen-equation as printed: SW = diag(λ)W",
    expected=REFUTED,
    symbols=_STATIONARY,
    statement=_printed_matrix_eigen,
    seed=seed(722, 722, _LINE_722),
    corrected_by="latent.ppca-eigen-equation-matrix",
    reason="a claim at a stationary point of the likelihood.  " + _STATIONARY_NOTE
           + "  There diag(λ) = sI + R² multiplies the rows of W, not its columns",
    notes="The eigenvalue matrix belongs on the right: SW = W diag(λ₁, …, λₘ).  With only the m retained eigenvalues, "
          "diag(λ)W is not even defined unless m = n, which is the case checked.",
    aliases=("PPCA eigenvector equation",),
    tags=("PPCA", "eigenvectors", "erratum"),
)

ppca_eigen_equation_matrix = Entry(
    id="latent.ppca-eigen-equation-matrix",
    title="SW = W diag(σ² + ρᵢ²) at a stationary W with orthogonal columns",
    expected=CONFIRMED,
    experiment=optimisation.ppca_eigen_equation_matrix,
    reason=_MAXIMISE + ", the maximisers rotated to orthogonal columns",
    see_also=("latent.ppca-eigen-equation",),
    aliases=("PPCA eigenvector equation", "S W = W Lambda"),
    tags=("PPCA", "eigenvectors"),
    references=(TIPPING_BISHOP + ", §3.2",),
)

ppca_ml_solution = Entry(
    id="latent.ppca-ml-solution",
    title="Tipping-Bishop: the ML W has columns wᵢ = ρᵢuᵢ with ρᵢ² = max{0, λᵢ − σ²}",
    expected=CONFIRMED,
    experiment=optimisation.ppca_ml_solution,
    reason=_MAXIMISE + ": the closed form satisfies SA⁻¹W = W and reaches the same log-likelihood and WWᵀ as LBFGS on "
           "three problems, one with a retained eigenvalue below σ² (so the max{0, ·} matters)",
    seed=seed(726, 726, r"$$\mathbf{w}_i = \rho_i \mathbf{u}_i, \quad \rho_i^2 = \max \{0, \lambda_i - \sigma^2\}.$$"),
    notes="uᵢ is the eigenvector of the i-th largest eigenvalue λᵢ of S, for i = 1..m; the solution is unique only up "
          "to W → WR with R orthogonal (latent.fa-rotation-invariance).",
    see_also=("latent.ppca-grad-loglik-w", "latent.ppca-noise-variance-ml"),
    aliases=("Tipping Bishop", "probabilistic PCA", "PPCA", "PPCA maximum likelihood", "closed form PPCA",
             "W_ML = U (Lambda - sigma^2 I)^(1/2) R"),
    tags=("PPCA", "maximum likelihood", "eigenvectors", "PCA"),
    references=(TIPPING_BISHOP + ", eq. (7)", PRML_12 + " (eq. 12.45)"),
)

ppca_zero_noise_pca = Entry(
    id="latent.ppca-zero-noise-pca",
    title="PCA is the σ² → 0 case of PPCA: the ML W tends to Uₘ diag(√λᵢ), and WW⁺ is the PCA projection UₘUₘᵀ",
    expected=CONFIRMED,
    experiment=experiments.ppca_zero_noise_pca,
    reason="a limit σ² → 0⁺, outside the evaluators: computed exactly with sympy.limit on rational orthogonal Uₘ and "
           "integer spectra, with the projection WW⁺ simplified at symbolic σ²",
    seed=seed(728, 728, r"This gives us the probabilistic interpretation PCA and showed us how we can derive the PCA as a special case for  $\sigma^2 \rightarrow 0$  (Tipping & Bishop, 1999)."),
    notes="For every σ² below the m-th eigenvalue, W(σ²)W(σ²)⁺ = UₘUₘᵀ: the PPCA maximiser spans the principal "
          "subspace of S at every noise level, and as σ² → 0 its columns become the principal axes scaled by √λᵢ.",
    see_also=("latent.ppca-ml-solution", "latent.fa-zero-noise-limit-pseudoinverse"),
    aliases=("PCA limit of PPCA", "zero noise PPCA", "probabilistic PCA interpretation"),
    tags=("PPCA", "PCA", "limit"),
    references=(TIPPING_BISHOP + ", §3.3",),
)

ppca_noise_variance_ml = Entry(
    id="latent.ppca-noise-variance-ml",
    title="PPCA: the ML noise variance is the mean of the n − m discarded eigenvalues of S",
    expected=CONFIRMED,
    experiment=optimisation.ppca_noise_variance_ml,
    reason=_MAXIMISE + " jointly over W and log σ², on three problems",
    notes="Not printed in the cheat sheet, which keeps σ² fixed; it completes the Tipping-Bishop solution.",
    see_also=("latent.ppca-ml-solution",),
    aliases=("PPCA noise variance", "sigma^2 ML", "Tipping Bishop"),
    tags=("PPCA", "maximum likelihood"),
    references=(TIPPING_BISHOP + ", eq. (8)", PRML_12 + " (eq. 12.46)"),
)
