"""PCA from the SVD of the data (cheat sheet lines 184-186, printed again at 281-283); EM."""

from __future__ import annotations

from .._authoring import (
    CONFIRMED,
    PROVED,
    Entry,
    Eq,
    seed,
)
from .experiments import _fa_em_monotone, _pca_eigenvectors_from_svd

# The SVD of the data (printed twice) ---------------------------------------------------------------------------
pca_svd_of_data = Entry(
    id="latent.pca-svd-of-data",
    title="With X = U Sigma V^T: X X^T = U Sigma V^T V Sigma U^T = U Sigma^2 U^T",
    expected=PROVED,
    symbols={"U": "matrix n r", "Sig": "matrix r r diagonal", "V": "matrix r r orthogonal"},
    statement=lambda U, Sig, V: Eq((U * Sig * V.T) * (U * Sig * V.T).T, U * Sig**2 * U.T),
    seed=seed(186, 186, r"$$\mathbf{S} = \mathbf{U} \mathbf{\Sigma} \mathbf{V}^T \mathbf{V} \mathbf{\Sigma} \mathbf{U}^T = \mathbf{U} \mathbf{\Sigma}^2 \mathbf{U}^T.$$"),
    notes="S here is X X^T (the definition of S is lost in the garbled text before this line; with "
          "S = X X^T / k the right side carries the factor 1/k). Checked for a thin SVD (V square orthogonal, "
          "Sigma diagonal); so the eigenvectors of S are the left singular vectors of X.",
    see_also=("latent.pca-svd-of-data-ae-section",),
    aliases=("SVD of data matrix", "PCA via SVD", "sample covariance eigendecomposition", "U Sigma^2 U^T"),
    tags=("PCA", "SVD", "covariance"),
    references=("Golub & Van Loan, Matrix Computations (4th ed.), §2.4",),
)


pca_svd_of_data_ae_section = Entry(
    id="latent.pca-svd-of-data-ae-section",
    title="With X = U Sigma V^T: X X^T = U Sigma^2 U^T (second printing, autoencoder section)",
    expected=PROVED,
    symbols={"U": "matrix n r", "Sig": "matrix r r diagonal", "V": "matrix r r orthogonal"},
    statement=lambda U, Sig, V: Eq((U * Sig * V.T) * (U * Sig * V.T).T, U * Sig**2 * U.T),
    seed=seed(283, 283, r"$$\mathbf{S} = \mathbf{U} \mathbf{\Sigma} \mathbf{V}^T \mathbf{V} \mathbf{\Sigma} \mathbf{U}^T = \mathbf{U} \mathbf{\Sigma}^2 \mathbf{U}^T.$$"),
    notes="Same line as latent.pca-svd-of-data, repeated in the seed.",
    see_also=("latent.pca-svd-of-data",),
    aliases=("SVD of data matrix", "PCA via SVD"),
    tags=("PCA", "SVD", "covariance"),
)


pca_covariance_eigenvectors = Entry(
    id="latent.pca-covariance-eigenvectors",
    title="PCA directions U from the SVD of the sample covariance S equal the left singular vectors of X",
    expected=CONFIRMED,
    experiment=_pca_eigenvectors_from_svd,
    reason="compared numerically (float64) on random data: the SVD of S = X X^T / k and the SVD of X give the "
           "same U up to signs, with eigenvalues sigma_i^2 / k",
    seed=seed(184, 184, r"which is the sample covariance matrix. And then, in order to get  $\mathbf{U}$  we just do the singular value decomposition of  $\mathbf{S}$ . If we relate it to the SVD of  $\mathbf{X}$  we can see that"),
    notes="S is symmetric PSD, so its SVD is its eigendecomposition; the claim relies on distinct singular values "
          "(otherwise U is unique only up to rotations within eigenspaces).",
    see_also=("latent.pca-svd-of-data", "latent.pca-covariance-eigenvectors-ae-section"),
    aliases=("PCA via SVD", "principal directions", "eigenvectors of covariance", "SVD of covariance"),
    tags=("PCA", "SVD", "eigenvectors"),
    references=("Golub & Van Loan, Matrix Computations (4th ed.), §2.4 and §8.6",),
)


pca_covariance_eigenvectors_ae_section = Entry(
    id="latent.pca-covariance-eigenvectors-ae-section",
    title="PCA directions U from the SVD of S (second printing, autoencoder section)",
    expected=CONFIRMED,
    experiment=_pca_eigenvectors_from_svd,
    reason="same check as latent.pca-covariance-eigenvectors (the line is repeated in the seed)",
    seed=seed(281, 281, r"which is the sample covariance matrix. And then, in order to get  $\mathbf{U}$  we just do the singular value decomposition of  $\mathbf{S}$ . If we relate it to the SVD of  $\mathbf{X}$  we can see that"),
    see_also=("latent.pca-covariance-eigenvectors", "latent.pca-svd-of-data-ae-section"),
    aliases=("PCA via SVD", "principal directions"),
    tags=("PCA", "SVD", "eigenvectors"),
)


fa_em_update = Entry(
    id="latent.fa-em-update",
    title="Factor analysis by EM: each update never lowers the likelihood",
    expected=CONFIRMED,
    experiment=_fa_em_monotone,
    reason="a claim about an algorithm: checked by running numerics' EM on random data",
    notes="E-step: beta = M^-1 W^T Psi^-1 with M = I + W^T Psi^-1 W, E[z z^T] = M^-1 + beta S beta^T; "
          "M-step: W = S beta^T E[z z^T]^-1, Psi = diag(S - W beta S).  Not in the cheat sheet, which only "
          "states the maximum-likelihood conditions.",
    aliases=("factor analysis EM", "EM algorithm factor analysis", "expectation maximization"),
    tags=("factor analysis", "EM", "maximum likelihood"),
    references=("Rubin & Thayer (1982), EM algorithms for ML factor analysis", "Bishop, PRML, section 12.2.4"),
    see_also=("latent.gaussian-loglik-in-s", "latent.fa-marginal-distribution"),
)
