"""10 Autoencoders: linear (the PCA subspace), non-linear, denoising.

Sections
    * ``bottleneck`` -- linear and non-linear autoencoders and their training by maximum likelihood (line 273).
    * ``denoising`` -- denoising autoencoders and the de-noising criterion (lines 232-244).
    * ``experiments`` -- evidence for what training finds.

Main statements
    * ``linear_autoencoder_pca_subspace`` -- the optimal linear autoencoder with a bottleneck of width k projects onto
      the top-k principal subspace (Baldi & Hornik 1989).
    * ``gaussian_mle_is_squared_error`` -- training "via MLE" under Gaussian noise is least squares (proved).
    * ``nonlinear_autoencoder_beats_pca``, ``denoising_reduces_expected_error`` -- what training achieves.

Notation
    Encoder G: ℝᵈ → ℝᵏ, decoder H: ℝᵏ → ℝᵈ, noisy input xₙ = x + η, η ~ N(0, σ²I).  The sample-covariance passage
    (S = UΣ²Uᵀ, lines 184-186 and 281-283) is in the latent-variable chapter.

References
    Baldi & Hornik (1989), Neural Networks 2; Vincent, Larochelle, Bengio & Manzagol (2008), ICML; Hinton &
    Salakhutdinov (2006), Science 313; Goodfellow, Bengio & Courville (2016) *Deep Learning*, ch. 14.

Tags: autoencoder, PCA, denoising, bottleneck.
"""

from __future__ import annotations

# The imports list the entries in reading order, which the registry keeps: not sorted.
# isort: off
from .._authoring import Chapter
from .bottleneck import (
    linear_autoencoder_pca_subspace,
    nonlinear_autoencoder,
    gaussian_mle_is_squared_error,
    nonlinear_autoencoder_beats_pca,
)
from .denoising import (
    denoising_autoencoder_objective,
    denoising_criterion_as_printed,
    denoising_reduces_expected_error,
)
# isort: on

CHAPTER = Chapter("ae", 10, "Autoencoders")

__all__ = [
    "linear_autoencoder_pca_subspace", "nonlinear_autoencoder", "gaussian_mle_is_squared_error",
    "nonlinear_autoencoder_beats_pca", "denoising_autoencoder_objective", "denoising_criterion_as_printed",
    "denoising_reduces_expected_error",
]
