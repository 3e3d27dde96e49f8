"""17 Variational autoencoders and GANs: encoder and decoder outputs, the ELBO, generation, GAN objectives and training.

Sections (one module each; the entries below are the chapter's table of contents)
    * ``vae`` -- the latent-variable model, encoder and decoder, the ELBO, reparameterisation (lines 762-776, 828).
    * ``gan`` -- GAN training, the discriminator's optimum and the generator losses (lines 778-824).

Every claim here is a statement (or a definition or procedure); the chapter has no experiments.

Main statements
    * ``elbo`` -- ELBO = log p(x) − KL(q ‖ p(z|x)) in closed form for a linear-Gaussian model; ``elbo_gaussian_kl``.
    * ``gaussian_decoder_log_likelihood``, ``elbo_gaussian_kl_diagonal`` -- diagonal Gaussians factorise.
    * ``reparameterization_trick`` -- z = μ + σε has the MGF of N(μ, σ²).
    * ``gan_optimal_discriminator`` -- D* = p_data/(p_data + p_g); ``gan_optimal_value_jsd`` -- V = −log 4 + 2 JSD.
    * ``gan_generator_minimax_loss``, ``gan_nonsaturating_generator_loss`` -- slopes −σ(s) and −(1 − σ(s)).

Errata
    Garbled, underdetermined or incomplete: ``vae_encoder_output_as_printed``, ``vae_diagonal_covariances_as_printed``,
    ``vae_likelihood_rewrite_missing``, ``gan_discriminator_update_as_printed``.

Notation
    x data (dimension d), z latent (dimension k), encoder q_φ(z|x) = N(μ, diag σ²), decoder p_θ(x|z) = N(μ_x, diag σ_x²),
    prior N(0, I); the discriminator D = σ(s) with logit s, V(D, G) = E log D(x) + E log(1 − D(G(z))).

References
    Kingma & Welling, "Auto-encoding variational Bayes" (2014); Goodfellow et al., "Generative adversarial nets" (2014);
    Goodfellow, "NIPS 2016 tutorial: GANs" (2016); Goodfellow, Bengio & Courville, *Deep Learning* (2016), sec. 20.10.

Tags: VAE, ELBO, reparameterization, GAN, generative models.
"""

from __future__ import annotations

# The imports list the entries in reading order, which the registry keeps: not sorted.
# isort: off
from .._authoring import Chapter
from .vae import (
    vae_prior,
    vae_encoder_output,
    vae_encoder_output_as_printed,
    vae_decoder_output,
    gaussian_decoder_log_likelihood,
    vae_diagonal_covariances_as_printed,
    elbo,
    vae_likelihood_rewrite_missing,
    elbo_gaussian_kl,
    elbo_gaussian_kl_diagonal,
    gaussian_kl_gradient,
    reparameterization_trick,
    vae_generation,
)
from .gan import (
    gan_training_two_minibatches,
    gan_discriminator_descent_on_loss,
    gan_discriminator_update_as_printed,
    gan_generator_update,
    gan_training_k_steps,
    gan_discriminator_objective,
    gan_optimal_discriminator,
    gan_optimal_value_jsd,
    gan_generator_minimax_loss,
    gan_nonsaturating_generator_loss,
    gan_algorithm_box,
)
# isort: on

CHAPTER = Chapter("gen", 17, "Variational autoencoders and GANs")

__all__ = [
    "vae_prior", "vae_encoder_output", "vae_encoder_output_as_printed", "vae_decoder_output",
    "gaussian_decoder_log_likelihood", "vae_diagonal_covariances_as_printed", "elbo", "vae_likelihood_rewrite_missing",
    "elbo_gaussian_kl", "elbo_gaussian_kl_diagonal", "gaussian_kl_gradient", "reparameterization_trick",
    "vae_generation", "gan_training_two_minibatches", "gan_discriminator_descent_on_loss",
    "gan_discriminator_update_as_printed", "gan_generator_update", "gan_training_k_steps",
    "gan_discriminator_objective", "gan_optimal_discriminator", "gan_optimal_value_jsd", "gan_generator_minimax_loss",
    "gan_nonsaturating_generator_loss", "gan_algorithm_box",
]
