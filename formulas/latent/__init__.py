"""16 Latent-variable models: factor analysis, probabilistic PCA, MGFs and de Finetti's theorem.

The linear-Gaussian latent-variable model of the cheat sheet (its lines 640-754, plus the two printings
of the SVD identity at 184-186 and 281-283): z ∼ N(0, Iₘ), η ∼ N(0, Σ), x = μ + Wz + η (W: n × m, m ≤ n).

Sections
    * ``model`` -- the observation model and the non-identifiability of the factors (lines 640-650).
    * ``encoder`` -- the posterior p(z | x) and its zero-noise limit (lines 656-676).
    * ``likelihood`` -- maximum likelihood for the covariance A (lines 682-706).
    * ``ppca`` -- from A to W and Σ: probabilistic PCA (lines 710-728).
    * ``mgf_exchangeability`` -- MGFs of random vectors and de Finetti's theorem (lines 732-754).
    * ``pca`` -- PCA from the SVD of the data (lines 184-186, 281-283) and EM.
    * ``experiments`` -- exact evidence: limits, densities, exact maximisers, existence claims.
    * ``optimisation`` -- float64 maximum-likelihood experiments and EM.

Main statements
    * ``fa_marginal_distribution`` -- x ∼ N(μ, WWᵀ + Σ) through its MGF; ``fa_rotation_invariance``.
    * ``fa_posterior_mean``, ``fa_posterior_covariance`` -- the stationary point and the inverse negative
      Hessian of the log joint.
    * ``fa_zero_noise_limit_pseudoinverse`` -- Wᵀ(WWᵀ + σ²I)⁻¹ → W⁺ as σ² → 0.
    * ``gaussian_loglik_in_s``, ``loglik_trace_step``, ``loglik_stationarity_a``, ``gaussian_loglik_grad_sigma``,
      ``mle_covariance_is_s``.
    * ``ppca_loglik_gradient`` -- ∂L/∂W = N(C⁻¹SC⁻¹W − C⁻¹W), C = WWᵀ + σ²I; ``ppca_ml_solution``
      (Tipping & Bishop 1999); ``ppca_zero_noise_pca``.
    * ``mgf_mixed_moments``, ``mgf_uniqueness``, ``mgf_sum_independent``, ``de_finetti_infinite_exchangeable``.
    * ``pca_svd_of_data``, ``pca_covariance_eigenvectors``.

Errata
    Wrong as printed: the zero-noise limits with Wᵀ for W⁺, the log-likelihood's −log det A, ∂ tr(SA⁻¹)/∂A = −A⁻¹SA,
    the PPCA stationarity and matrix eigen-equation, de Finetti for finite N.  Garbled as printed (the intended
    statement checked): the stray 'M' of line 648 and '∇_W A = 2W' of line 714.

Notation
    n observed dimension, m latent dimension, k number of samples; X = [x₁ … x_k] (n × k), S = XXᵀ/k (data
    centred, as in the sheet's N(0, A)); A = WWᵀ + Σ the model covariance, Σ diagonal in factor analysis and σ²I
    in probabilistic PCA (C = WWᵀ + σ²I, d the dimension and N the sample count in the PPCA entry);
    E[z | x], Cov[z | x] the posterior mean and covariance.  Derivatives D(f, A) are in denominator layout and
    treat every entry of A as independent (for a symmetric A: the unconstrained gradient at a symmetric point).

Word dictionary for names
    ``fa`` factor analysis, ``ppca`` probabilistic PCA, ``loglik`` log-likelihood, ``grad`` gradient, ``ainv`` A⁻¹,
    ``spd`` symmetric positive definite, ``mgf`` moment generating function; ``..._as_printed`` names say what
    the printed line claims.

References
    M. E. Tipping & C. M. Bishop, "Probabilistic principal component analysis", JRSS B 61 (1999);
    C. M. Bishop, *Pattern Recognition and Machine Learning* (PRML) §2.3, §12.2;
    K. B. Petersen & M. S. Pedersen, *The Matrix Cookbook* (2012);
    D. J. Bartholomew, M. Knott & I. Moustaki, *Latent Variable Models and Factor Analysis* (2011);
    P. Billingsley, *Probability and Measure*, §30; D. Aldous, *Exchangeability and related topics* (1985).
"""

from __future__ import annotations

# The imports list the entries in reading order, which the registry keeps: not sorted.
# isort: off
from .._authoring import Chapter
from .model import (
    fa_marginal_distribution,
    fa_rotation_invariance,
    rotation_gram_with_stray_m,
    fa_factors_identifiable_up_to_rotation,
)
from .encoder import (
    fa_encoder_bayes,
    fa_posterior_gaussian,
    fa_posterior_mean,
    fa_posterior_covariance,
    fa_zero_noise_limit_pseudoinverse,
    fa_zero_noise_limit_transpose,
    push_through_isotropic,
    fa_zero_noise_posterior_mean_transpose,
    fa_zero_noise_posterior_mean,
    fa_zero_noise_posterior_covariance,
    fa_isotropic_posterior_covariance,
)
from .likelihood import (
    data_matrix_definition,
    empirical_covariance_outer_products,
    gaussian_loglik_minus_logdet,
    gaussian_loglik_in_s,
    loglik_trace_step,
    grad_trace_s_ainv_as_printed,
    grad_trace_s_ainv,
    grad_trace_b_xinv,
    grad_logdet_covariance,
    loglik_stationarity_a,
    gaussian_loglik_grad_sigma,
    mle_covariance_is_s,
)
from .ppca import (
    fa_covariance_definition,
    grad_w_of_a_garbled,
    ppca_grad_loglik_w,
    ppca_loglik_gradient,
    ppca_stationarity_as_printed,
    ppca_eigen_equation,
    ppca_eigen_equation_matrix_as_printed,
    ppca_eigen_equation_matrix,
    ppca_ml_solution,
    ppca_zero_noise_pca,
    ppca_noise_variance_ml,
)
from .mgf_exchangeability import (
    mgf_multivariate_definition,
    mgf_mixed_moments,
    mgf_uniqueness,
    mgf_sum_independent,
    de_finetti_finite_as_printed,
    de_finetti_infinite_exchangeable,
)
from .pca import (
    pca_svd_of_data,
    pca_svd_of_data_ae_section,
    pca_covariance_eigenvectors,
    pca_covariance_eigenvectors_ae_section,
    fa_em_update,
)
# isort: on

CHAPTER = Chapter("latent", 16, "Latent-variable models: factor analysis, PPCA, MGFs")

__all__ = [
    "fa_marginal_distribution", "fa_rotation_invariance", "rotation_gram_with_stray_m",
    "fa_factors_identifiable_up_to_rotation", "fa_encoder_bayes", "fa_posterior_gaussian", "fa_posterior_mean",
    "fa_posterior_covariance", "fa_zero_noise_limit_pseudoinverse", "fa_zero_noise_limit_transpose",
    "push_through_isotropic", "fa_zero_noise_posterior_mean_transpose", "fa_zero_noise_posterior_mean",
    "fa_zero_noise_posterior_covariance", "fa_isotropic_posterior_covariance", "data_matrix_definition",
    "empirical_covariance_outer_products", "gaussian_loglik_minus_logdet", "gaussian_loglik_in_s",
    "loglik_trace_step", "grad_trace_s_ainv_as_printed", "grad_trace_s_ainv", "grad_trace_b_xinv",
    "grad_logdet_covariance", "loglik_stationarity_a", "gaussian_loglik_grad_sigma", "mle_covariance_is_s",
    "fa_covariance_definition", "grad_w_of_a_garbled", "ppca_grad_loglik_w", "ppca_loglik_gradient",
    "ppca_stationarity_as_printed", "ppca_eigen_equation", "ppca_eigen_equation_matrix_as_printed",
    "ppca_eigen_equation_matrix", "ppca_ml_solution", "ppca_zero_noise_pca", "ppca_noise_variance_ml",
    "mgf_multivariate_definition", "mgf_mixed_moments", "mgf_uniqueness", "mgf_sum_independent",
    "de_finetti_finite_as_printed", "de_finetti_infinite_exchangeable", "pca_svd_of_data",
    "pca_svd_of_data_ae_section", "pca_covariance_eigenvectors", "pca_covariance_eigenvectors_ae_section",
    "fa_em_update",
]
