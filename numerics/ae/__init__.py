"""Autoencoders: linear (spans the PCA subspace), non-linear, denoising training step."""

from numerics.ae.denoising import denoising_step
from numerics.ae.linear import LinearAutoencoder, fit_linear_autoencoder
from numerics.ae.nonlinear import Autoencoder

__all__ = ["Autoencoder", "LinearAutoencoder", "denoising_step", "fit_linear_autoencoder"]
