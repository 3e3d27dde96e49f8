"""PCA from the SVD of the data (cheat sheet lines 184-186, printed again at 281-283); EM for factor analysis.

With the SVD X = UDVᵀ of the data matrix (D diagonal, U and V orthogonal), S = XXᵀ/k = U(D²/k)Uᵀ: the
principal directions are the left singular vectors of X.
"""

from __future__ import annotations

from .._authoring import CONFIRMED, PROVED, Entry, Eq, seed
from . import optimisation

_LINE_184 = r"which is the sample covariance matrix. And then, in order to get  $\mathbf{U}$  we just do the singular value decomposition of  $\mathbf{S}$ . If we relate it to the SVD of  $\mathbf{X}$  we can see that"
_LINE_186 = r"$$\mathbf{S} = \mathbf{U} \mathbf{\Sigma} \mathbf{V}^T \mathbf{V} \mathbf{\Sigma} \mathbf{U}^T = \mathbf{U} \mathbf{\Sigma}^2 \mathbf{U}^T.$$"
_SVD = {"U": "matrix n r", "Sig": "matrix r r diagonal", "V": "matrix r r orthogonal"}
_EIGEN = {"U": "matrix n n orthogonal", "Dg": "matrix n n diagonal", "k": "scalar positive"}
_GOLUB_VAN_LOAN = "Golub & Van Loan, Matrix Computations (4th ed.), §2.4 and §8.6"


def _svd_gram(U, Sig, V):
    return Eq((U * Sig * V.T) * (U * Sig * V.T).T, U * Sig**2 * U.T)


def _eigenvectors_of_s(U, Dg, k):
    """S U = U D²/k for S = U D² Uᵀ/k: the columns of U are eigenvectors of S, with eigenvalues dᵢ²/k."""
    return Eq((U * Dg * Dg * U.T / k) * U, U * Dg * Dg / k)


_EIGEN_NOTE = ("By line 186, S = XXᵀ/k = U(D²/k)Uᵀ for the SVD X = UDVᵀ; the statement checks that U then "
               "diagonalises S, SU = U(D²/k), with U orthogonal and D diagonal, so U(D²/k)Uᵀ is an SVD (an "
               "eigendecomposition) of the symmetric PSD S and its singular vectors are those of X — unique up to "
               "signs when the singular values are distinct, up to rotations within eigenspaces otherwise.")

pca_svd_of_data = Entry(
    id="latent.pca-svd-of-data",
    title="With X = UΣVᵀ: XXᵀ = UΣVᵀVΣUᵀ = UΣ²Uᵀ",
    expected=PROVED,
    symbols=_SVD,
    statement=_svd_gram,
    seed=seed(186, 186, _LINE_186),
    notes="S here is XXᵀ (the definition of S is lost in the garbled text before this line; with S = XXᵀ/k the right "
          "side carries the factor 1/k).  Checked for a thin SVD (V square orthogonal, Σ diagonal).",
    see_also=("latent.pca-svd-of-data-ae-section",),
    aliases=("SVD of data matrix", "PCA via SVD", "sample covariance eigendecomposition", "U Sigma^2 U^T"),
    tags=("PCA", "SVD", "covariance"),
    references=("Golub & Van Loan, Matrix Computations (4th ed.), §2.4",),
)

pca_svd_of_data_ae_section = Entry(
    id="latent.pca-svd-of-data-ae-section",
    title="With X = UΣVᵀ: XXᵀ = UΣ²Uᵀ (second printing, autoencoder section)",
    expected=PROVED,
    symbols=_SVD,
    statement=_svd_gram,
    seed=seed(283, 283, _LINE_186),
    notes="The same line as latent.pca-svd-of-data, printed again.",
    see_also=("latent.pca-svd-of-data",),
    aliases=("SVD of data matrix", "PCA via SVD"),
    tags=("PCA", "SVD", "covariance"),
)

pca_covariance_eigenvectors = Entry(
    id="latent.pca-covariance-eigenvectors",
    title="The SVD of the sample covariance S gives the PCA directions U: the left singular vectors of X",
    expected=PROVED,
    symbols=_EIGEN,
    statement=_eigenvectors_of_s,
    seed=seed(184, 184, _LINE_184),
    notes=_EIGEN_NOTE,
    see_also=("latent.pca-svd-of-data", "latent.pca-covariance-eigenvectors-ae-section"),
    aliases=("PCA via SVD", "principal directions", "eigenvectors of covariance", "SVD of covariance"),
    tags=("PCA", "SVD", "eigenvectors"),
    references=(_GOLUB_VAN_LOAN,),
)

pca_covariance_eigenvectors_ae_section = Entry(
    id="latent.pca-covariance-eigenvectors-ae-section",
    title="The SVD of S gives the PCA directions U (second printing, autoencoder section)",
    expected=PROVED,
    symbols=_EIGEN,
    statement=_eigenvectors_of_s,
    seed=seed(281, 281, _LINE_184),
    notes="The same line as latent.pca-covariance-eigenvectors, printed again.",
    see_also=("latent.pca-covariance-eigenvectors", "latent.pca-svd-of-data-ae-section"),
    aliases=("PCA via SVD", "principal directions"),
    tags=("PCA", "SVD", "eigenvectors"),
)

fa_em_update = Entry(
    id="latent.fa-em-update",
    title="Factor analysis by EM: each update never lowers the likelihood",
    expected=CONFIRMED,
    experiment=optimisation.fa_em_update,
    reason="a claim about an algorithm: the EM updates below, run from their formulas on random data",
    notes="E-step: β = M⁻¹WᵀΨ⁻¹ with M = I + WᵀΨ⁻¹W, E[zzᵀ] = M⁻¹ + βSβᵀ; M-step: W = SβᵀE[zzᵀ]⁻¹, "
          "Ψ = diag(S − WβS).  Not in the cheat sheet, which only states the maximum-likelihood conditions.",
    aliases=("factor analysis EM", "EM algorithm factor analysis", "expectation maximization"),
    tags=("factor analysis", "EM", "maximum likelihood"),
    references=("Rubin & Thayer (1982), EM algorithms for ML factor analysis", "Bishop, PRML, section 12.2.4"),
    see_also=("latent.gaussian-loglik-in-s", "latent.fa-marginal-distribution"),
)
