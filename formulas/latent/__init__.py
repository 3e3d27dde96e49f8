"""16 Latent-variable models: factor analysis, probabilistic PCA, MGFs.

The linear-Gaussian latent-variable model of the cheat sheet (its lines 640-754,
plus the two copies of the SVD identity at 186 and 283)::

    z ~ N(0, I_m),  eta ~ N(0, Sigma),  x = mu + W z + eta        (W: n x m, m <= n)

Main statements
    * ``fa_marginal_distribution`` -- x ~ N(mu, W W^T + Sigma), checked through the MGF.
    * ``fa_rotation_invariance`` -- (WQ)(WQ)^T = W W^T for orthogonal Q (the printed line has a
      stray factor M and is refuted as printed: ``rotation_gram_with_stray_m``).
    * ``fa_posterior_gaussian``, ``fa_posterior_mean``, ``fa_posterior_covariance`` -- the
      encoder p(z|x), proved through the push-through identity
      W^T (W W^T + Sigma)^-1 = (I + W^T Sigma^-1 W)^-1 W^T Sigma^-1 and the Woodbury identity.
    * ``fa_zero_noise_limit_pseudoinverse`` -- W^T (W W^T + s I)^-1 -> W^+ = (W^T W)^-1 W^T as
      s -> 0, not W^T as printed (``fa_zero_noise_limit_transpose``, refuted).
    * ``gaussian_loglik_in_s`` -- log P(X; A) = -(k/2)(Tr(S A^-1) + log det A) - (kn/2) log 2 pi;
      the printed minus sign before log det is refuted (``gaussian_loglik_minus_logdet``).
    * ``grad_trace_s_ainv`` (-A^-1 S A^-1; printed -A^-1 S A is refuted), ``grad_logdet_covariance``,
      ``loglik_stationarity_a``, ``mle_covariance_is_s``.
    * ``ppca_grad_loglik_w`` -- grad_W log P = k A^-1 (S A^-1 W - W), so W is stationary iff
      S (Sigma + W W^T)^-1 W = W; ``ppca_ml_solution`` (Tipping & Bishop 1999).
    * ``mgf_mixed_moments``, ``mgf_sum_independent``, ``de_finetti_infinite_exchangeable`` (the printed
      finite-N de Finetti is refuted: ``de_finetti_finite_as_printed``).
    * ``pca_svd_of_data``, ``pca_covariance_eigenvectors`` -- X = U Sigma V^T gives X X^T = U Sigma^2 U^T
      (each line is printed twice in the seed, each printing has its own entry).

Notation
    ``n`` observed dimension, ``m`` latent dimension, ``k`` number of samples;
    ``X = [x_1 ... x_k]`` (n x k), ``S = X X^T / k`` (data assumed centred, as in the seed's
    N(0, A)); ``A = W W^T + Sigma`` the model covariance; ``Sigma`` is diagonal in factor
    analysis and ``sigma^2 I`` in probabilistic PCA; ``s = sigma^2``.
    Derivatives ``D(f, A)`` are in denominator layout and treat every entry of ``A`` as an
    independent variable (so for a symmetric ``A`` they are the unconstrained gradient,
    evaluated at a symmetric point).

Word dictionary for names
    ``fa`` factor analysis, ``ppca`` probabilistic PCA, ``loglik`` log-likelihood, ``grad`` gradient
    (denominator layout), ``ainv`` A^-1, ``spd`` symmetric positive definite, ``mgf`` moment
    generating function; ``..._as_printed``-style names say what the *printed* line claims.

How claims are checked
    Matrix identities go through the engines (exact explicit matrices + torch autograd). Limits,
    densities, likelihood maximisation and the PPCA solution are *experiments*: exact SymPy
    computations on small random rational examples, or float64 torch optimisation, each a real
    check that can fail; their verdict is "confirmed", never "proved".

References
    M. E. Tipping & C. M. Bishop, "Probabilistic principal component analysis", JRSS B 61 (1999);
    C. M. Bishop, *Pattern Recognition and Machine Learning* (PRML) §2.3, §12.2;
    K. B. Petersen & M. S. Pedersen, *The Matrix Cookbook* (2012);
    D. J. Bartholomew, M. Knott & I. Moustaki, *Latent Variable Models and Factor Analysis* (2011);
    P. Billingsley, *Probability and Measure*, §30; D. Aldous, *Exchangeability and related topics* (1985).

Tags: factor analysis, PPCA, latent variables, Gaussian, maximum likelihood, MGF, exchangeability.
"""

from __future__ import annotations

# The imports list the entries in reading order, which the registry keeps: not sorted.
# isort: off
from .._authoring import Chapter
from .model import (
    fa_marginal_distribution,
    fa_rotation_invariance,
    rotation_gram_with_stray_m,
)
from .encoder import (
    fa_encoder_bayes,
    fa_posterior_gaussian,
    fa_posterior_mean,
    fa_posterior_covariance,
    fa_zero_noise_limit_transpose,
    fa_zero_noise_limit_pseudoinverse,
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
    mle_covariance_is_s,
)
from .ppca import (
    fa_covariance_definition,
    grad_w_of_a_garbled,
    ppca_grad_loglik_w,
    ppca_stationarity_as_printed,
    ppca_eigen_equation,
    ppca_eigen_equation_matrix_as_printed,
    ppca_eigen_equation_matrix,
    ppca_ml_solution,
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
    "fa_marginal_distribution",
    "fa_rotation_invariance",
    "rotation_gram_with_stray_m",
    "fa_encoder_bayes",
    "fa_posterior_gaussian",
    "fa_posterior_mean",
    "fa_posterior_covariance",
    "fa_zero_noise_limit_transpose",
    "fa_zero_noise_limit_pseudoinverse",
    "push_through_isotropic",
    "fa_zero_noise_posterior_mean_transpose",
    "fa_zero_noise_posterior_mean",
    "fa_zero_noise_posterior_covariance",
    "fa_isotropic_posterior_covariance",
    "data_matrix_definition",
    "empirical_covariance_outer_products",
    "gaussian_loglik_minus_logdet",
    "gaussian_loglik_in_s",
    "loglik_trace_step",
    "grad_trace_s_ainv_as_printed",
    "grad_trace_s_ainv",
    "grad_trace_b_xinv",
    "grad_logdet_covariance",
    "loglik_stationarity_a",
    "mle_covariance_is_s",
    "fa_covariance_definition",
    "grad_w_of_a_garbled",
    "ppca_grad_loglik_w",
    "ppca_stationarity_as_printed",
    "ppca_eigen_equation",
    "ppca_eigen_equation_matrix_as_printed",
    "ppca_eigen_equation_matrix",
    "ppca_ml_solution",
    "ppca_noise_variance_ml",
    "mgf_multivariate_definition",
    "mgf_mixed_moments",
    "mgf_uniqueness",
    "mgf_sum_independent",
    "de_finetti_finite_as_printed",
    "de_finetti_infinite_exchangeable",
    "pca_svd_of_data",
    "pca_svd_of_data_ae_section",
    "pca_covariance_eigenvectors",
    "pca_covariance_eigenvectors_ae_section",
    "fa_em_update",
]
