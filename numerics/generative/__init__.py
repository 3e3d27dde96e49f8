"""Generative models: Gaussian VAE (reparameterisation, ELBO with closed-form KL) and GAN training."""

from numerics.generative.gan import (
    discriminator_loss,
    gan_training_iteration,
    generator_loss_minimax,
    generator_loss_nonsaturating,
)
from numerics.generative.vae import (
    VAE,
    diagonal_gaussian_log_pdf,
    gaussian_kl_standard,
    gaussian_kl_standard_grad,
    reparameterize,
)

__all__ = [
    "VAE",
    "diagonal_gaussian_log_pdf",
    "discriminator_loss",
    "gan_training_iteration",
    "gaussian_kl_standard",
    "gaussian_kl_standard_grad",
    "generator_loss_minimax",
    "generator_loss_nonsaturating",
    "reparameterize",
]
