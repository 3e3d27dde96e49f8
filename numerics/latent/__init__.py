"""Latent-variable models: PCA, probabilistic PCA, factor analysis, the posterior encoder."""

from numerics.latent.encoder import posterior
from numerics.latent.factor_analysis import FactorAnalysis, fit_factor_analysis
from numerics.latent.gaussian import low_rank_gaussian_log_likelihood
from numerics.latent.pca import PCAResult, pca_covariance, pca_svd
from numerics.latent.ppca import PPCA, fit_ppca

__all__ = [
    "PCAResult",
    "PPCA",
    "FactorAnalysis",
    "fit_factor_analysis",
    "fit_ppca",
    "low_rank_gaussian_log_likelihood",
    "pca_covariance",
    "pca_svd",
    "posterior",
]
