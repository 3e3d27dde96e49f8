"""From A to W and Σ: probabilistic PCA (cheat sheet lines 710-728)."""

from __future__ import annotations

from .._authoring import (
    CONFIRMED,
    NOT_CHECKABLE,
    PROVED,
    REFUTED,
    D,
    Entry,
    Eq,
    Trace,
    det,
    log,
    seed,
)
from .experiments import (
    _ppca_eigen_equation,
    _ppca_eigen_matrix,
    _ppca_ml_solution,
    _ppca_noise_variance,
    _ppca_printed_matrix_eigen,
    _ppca_printed_stationarity,
)
from .model import PRML_12, TIPPING_BISHOP

# From A to W and Sigma: PPCA ---------------------------------------------------------------------------
fa_covariance_definition = Entry(
    id="latent.fa-covariance-definition",
    title="Model covariance A = W W^T + Sigma",
    expected=NOT_CHECKABLE,
    definition=True,
    seed=seed(710, 710, r"$$\mathbf{A} = \mathbf{W}\mathbf{W}^T + \Sigma$$"),
    aliases=("model covariance", "low rank plus diagonal"),
    tags=("factor analysis", "notation"),
)


grad_w_of_a_garbled = Entry(
    id="latent.grad-w-of-a-garbled",
    title="'grad_W A = 2W, grad_Sigma A = I' (derivative of a matrix by a matrix)",
    expected=NOT_CHECKABLE,
    reason="garbled: A = W W^T + Sigma is matrix-valued, so its derivative by the matrix W is a 4-index array "
           "(dA_ij/dW_kl = delta_ik W_jl + W_il delta_jk), which no n x m matrix such as 2W can represent; "
           "'2W' is the scalar rule d(w^2)/dw carried over. What the chain rule needs is the gradient of the "
           "scalar log-likelihood: grad_W l = (G + G^T) W with G = grad_A l, i.e. k A^-1 (S A^-1 W - W) "
           "(latent.ppca-grad-loglik-w); grad_Sigma l = G restricted to the diagonal for a diagonal Sigma.",
    seed=seed(714, 714, r"$$\begin{aligned} \nabla_{\mathbf{W}} \mathbf{A} &= 2\mathbf{W} \\ \nabla_{\Sigma} \mathbf{A} &= \mathbf{I} \end{aligned}$$"),
    corrected_by="latent.ppca-grad-loglik-w",
    aliases=("chain rule", "gradient with respect to W"),
    tags=("matrix calculus", "factor analysis", "erratum"),
)


ppca_grad_loglik_w = Entry(
    id="latent.ppca-grad-loglik-w",
    title="grad_W log P = k A^-1 (S A^-1 W - W), A = W W^T + Sigma: W is stationary iff S (Sigma + W W^T)^-1 W = W",
    expected=PROVED,
    symbols={"W": "matrix n 1", "Sigma": "matrix n n diagonal", "S": "matrix n n symmetric", "k": "scalar positive"},
    statement=lambda W, Sigma, S, k: Eq(
        D(-(k / 2) * (Trace(S * (W * W.T + Sigma).I) + log(det(W * W.T + Sigma))), W),
        k * (W * W.T + Sigma).I * (S * (W * W.T + Sigma).I * W - W)),
    notes="Declared with one factor (W: n x 1) so the exact component-wise proof stays within a few seconds; "
          "the identity holds for every m (it is the chain rule through A = W W^T + Sigma applied to "
          "latent.loglik-stationarity-a). Since A^-1 is invertible, the gradient vanishes iff S A^-1 W = W, "
          "the stationarity condition of Tipping & Bishop (their eq. 8).",
    see_also=("latent.loglik-stationarity-a", "latent.ppca-ml-solution"),
    aliases=("PPCA stationarity", "gradient of log-likelihood with respect to W", "stationary condition",
             "S A^-1 W = W", "factor analysis gradient"),
    tags=("PPCA", "factor analysis", "maximum likelihood", "matrix calculus"),
    references=(TIPPING_BISHOP + ", eqs. (7)-(8)", PRML_12),
)


ppca_stationarity_as_printed = Entry(
    id="latent.ppca-stationarity-as-printed",
    title="Stationarity as printed: S (Sigma + W W^T)^-1 W = W diag(1/(sigma^2 + rho_i^2))",
    expected=REFUTED,
    experiment=_ppca_printed_stationarity,
    reason="checked at an exact PPCA maximiser (S = Q diag(5, 2, 1) Q^T with rational orthogonal Q, "
           "sigma^2 = 1, w_1 = 2 u_1): there S A^-1 W = W, while the printed right side is W / 5",
    seed=seed(718, 718, r"$$\mathbf{S}(\Sigma + \mathbf{W}\mathbf{W}^T)^{-1}\mathbf{W} = \mathbf{W}\text{diag}\left(\frac{1}{\sigma^2 + \rho_i^2}\right).$$"),
    corrected_by="latent.ppca-grad-loglik-w",
    notes="For orthogonal columns, (sigma^2 I + W W^T)^-1 W = W diag(1/(sigma^2 + rho_i^2)), so the intended "
          "chain is S (Sigma + W W^T)^-1 W = S W diag(1/(sigma^2 + rho_i^2)) = W: the printed line drops the S "
          "on the right, or equivalently moves the diag to the wrong side.",
    aliases=("PPCA stationarity", "stationary condition"),
    tags=("PPCA", "maximum likelihood", "erratum"),
)


ppca_eigen_equation = Entry(
    id="latent.ppca-eigen-equation",
    title="At a stationary W with orthogonal columns, S w_i = (sigma^2 + rho_i^2) w_i",
    expected=CONFIRMED,
    experiment=_ppca_eigen_equation,
    reason="exact check of the lemma (sigma^2 I + W W^T)^-1 W = W diag(1/(sigma^2 + rho_i^2)) for rational "
           "orthogonal-column W (which turns S A^-1 W = W into the eigen-equations), and the eigen-equations "
           "at numerically found maximisers rotated to orthogonal columns",
    seed=seed(722, 722, r"$$\mathbf{S}\mathbf{w}_i = (\sigma^2 + \rho_i^2)\mathbf{w}_i \quad \mathbf{S}\mathbf{W} = \text{diag}(\lambda)\mathbf{W}.$$"),
    notes="Holds for the representative with orthogonal columns (rho_i = |w_i|); a rotated maximiser W R is "
          "stationary too but its columns are not eigenvectors.",
    see_also=("latent.ppca-eigen-equation-matrix", "latent.fa-rotation-invariance"),
    aliases=("PPCA eigenvector equation", "eigen-equation", "S w = lambda w"),
    tags=("PPCA", "eigenvectors"),
    references=(TIPPING_BISHOP + ", §3.2", PRML_12),
)


ppca_eigen_equation_matrix_as_printed = Entry(
    id="latent.ppca-eigen-equation-matrix-as-printed",
    title="Matrix eigen-equation as printed: S W = diag(lambda) W",
    expected=REFUTED,
    experiment=_ppca_printed_matrix_eigen,
    reason="checked at an exact PPCA maximiser: diag(lambda) multiplies the rows of W, not its columns",
    seed=seed(722, 722, r"$$\mathbf{S}\mathbf{w}_i = (\sigma^2 + \rho_i^2)\mathbf{w}_i \quad \mathbf{S}\mathbf{W} = \text{diag}(\lambda)\mathbf{W}.$$"),
    corrected_by="latent.ppca-eigen-equation-matrix",
    notes="The eigenvalue matrix belongs on the right: S W = W diag(lambda_1, ..., lambda_m).",
    aliases=("PPCA eigenvector equation",),
    tags=("PPCA", "eigenvectors", "erratum"),
)


ppca_eigen_equation_matrix = Entry(
    id="latent.ppca-eigen-equation-matrix",
    title="S W = W diag(sigma^2 + rho_i^2) at a stationary W with orthogonal columns",
    expected=CONFIRMED,
    experiment=_ppca_eigen_matrix,
    reason="checked at numerically found maximisers (float64 LBFGS) rotated to orthogonal columns",
    see_also=("latent.ppca-eigen-equation",),
    aliases=("PPCA eigenvector equation", "S W = W Lambda"),
    tags=("PPCA", "eigenvectors"),
    references=(TIPPING_BISHOP + ", §3.2",),
)


ppca_ml_solution = Entry(
    id="latent.ppca-ml-solution",
    title="Tipping-Bishop: the ML W has columns w_i = rho_i u_i with rho_i^2 = max{0, lambda_i - sigma^2}",
    expected=CONFIRMED,
    experiment=_ppca_ml_solution,
    reason="a maximisation: the closed form is checked to satisfy S A^-1 W = W and to reach the same "
           "log-likelihood and W W^T as float64 LBFGS maximisation on three problems, one with a retained "
           "eigenvalue below sigma^2 (so the max{0, .} matters)",
    seed=seed(726, 726, r"$$\mathbf{w}_i = \rho_i \mathbf{u}_i, \quad \rho_i^2 = \max \{0, \lambda_i - \sigma^2\}.$$"),
    notes="u_i is the eigenvector of the i-th largest eigenvalue lambda_i of S, for i = 1..m; the solution is "
          "unique only up to W -> W R with R orthogonal (latent.fa-rotation-invariance).",
    see_also=("latent.ppca-grad-loglik-w", "latent.ppca-noise-variance-ml"),
    aliases=("Tipping Bishop", "probabilistic PCA", "PPCA", "PPCA maximum likelihood", "closed form PPCA",
             "W_ML = U (Lambda - sigma^2 I)^(1/2) R"),
    tags=("PPCA", "maximum likelihood", "eigenvectors", "PCA"),
    references=(TIPPING_BISHOP + ", eq. (7)", PRML_12 + " (eq. 12.45)"),
)


ppca_noise_variance_ml = Entry(
    id="latent.ppca-noise-variance-ml",
    title="PPCA: the ML noise variance is the mean of the n - m discarded eigenvalues of S",
    expected=CONFIRMED,
    experiment=_ppca_noise_variance,
    reason="a maximisation: float64 LBFGS jointly over W and log sigma^2 on three problems",
    notes="Not printed in the cheat sheet, which keeps sigma^2 fixed; it completes the Tipping-Bishop solution.",
    see_also=("latent.ppca-ml-solution",),
    aliases=("PPCA noise variance", "sigma^2 ML", "Tipping Bishop"),
    tags=("PPCA", "maximum likelihood"),
    references=(TIPPING_BISHOP + ", eq. (8)", PRML_12 + " (eq. 12.46)"),
)
