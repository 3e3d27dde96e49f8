"""Denoising autoencoders (cheat sheet lines 232-244): train on xₙ = x + η to reconstruct the clean x."""

from __future__ import annotations

from .._authoring import CONFIRMED, NOT_CHECKABLE, Entry, seed
from . import experiments

_VINCENT = ("Vincent, Larochelle, Bengio & Manzagol (2008), Extracting and composing robust features with denoising "
            "autoencoders, ICML")
_DLBOOK = "Goodfellow, Bengio & Courville (2016), Deep Learning, ch. 14"

denoising_autoencoder_objective = Entry(
    id="ae.denoising-autoencoder-objective",
    title="Denoising autoencoder: reconstruct x from xₙ = x + η, minimise E‖x − H(G(xₙ))‖²",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="the training objective E ℓ(x, H(G(x + η))) over x and η, η ~ N(0, σ²I), with the clean x as target",
    seed=seed(232, 238, r"""**D.** (Denoising Autoencoder) we perturb the inputs  $\mathbf{x} \mapsto \mathbf{x}_n$ , where  $\mathbf{x}_n$  is a random noise vector, e.g., additive (white) noise

$\mathbf{x}_n = \mathbf{x} + \eta, \quad \eta \sim \mathcal{N}(\mathbf{0}, \sigma^2 \mathbf{I})$

and instead of the original objective, we minimize the following

$$\mathbb{E}_{\mathbf{x}} [\ell_n(\mathbf{x}, (\mathbf{h} \circ G)(\mathbf{x}_n))]$$"""),
    notes="Notation in the print: xₙ is the noisy input (not 'a random noise vector'), '(h ∘ G)' is the decoder after the "
          "encoder, H ∘ G, and the expectation is over x and the noise η.",
    aliases=("denoising autoencoder", "DAE", "corrupted input", "noise injection"),
    tags=("autoencoder", "denoising", "regularization"),
    references=(_VINCENT, _DLBOOK),
)

denoising_criterion_as_printed = Entry(
    id="ae.denoising-criterion-as-printed",
    title="'De-noising happens if ‖x − H(G(xₙ))‖² ≤ ‖x − xₙ‖²'",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="a definition of success: the sentence says what it means for de-noising to work ('the hope is...'), it "
           "does not assert that any network achieves it.  Whether the inequality holds depends on the data, the noise, "
           "the network and its training, and for one sample it is a random event; the checkable version, that a "
           "trained denoising autoencoder meets it on average, is ae.denoising-reduces-expected-error",
    seed=seed(240, 244, r"""The hope is that we'll achieve de-noising, which happens if

$$\|\mathbf{x} - H(G(\mathbf{x}_n))\|^2 \leq \|\mathbf{x} - \mathbf{x}_n\|^2$$

So this would mean that the reconstruction error of the noisy data is less than the error we created by the noise we've added (then the de-noising works)."""),
    aliases=("denoising criterion", "de-noising works"),
    tags=("autoencoder", "denoising"),
    see_also=("ae.denoising-reduces-expected-error",),
)

denoising_reduces_expected_error = Entry(
    id="ae.denoising-reduces-expected-error",
    title="A trained denoising autoencoder has E‖x − H(G(xₙ))‖² < E‖x − xₙ‖² on data near a low-dimensional subspace",
    expected=CONFIRMED,
    experiment=experiments.denoising_reduces_expected_error,
    reason="a claim about what training achieves: denoising training (numerics.ae.denoising_step) on 2-dimensional data "
           "in ℝ⁸, errors on held-out noisy inputs",
    notes="The bottleneck keeps the noise component inside the data's subspace (about kσ²) and discards the rest (about "
          "(d − k)σ²), so the average criterion can hold with room to spare; it fails for data that fill ℝᵈ or for an "
          "untrained network.",
    aliases=("denoising works", "denoising autoencoder performance"),
    tags=("autoencoder", "denoising"),
    references=(_VINCENT,),
    see_also=("ae.denoising-criterion-as-printed", "ae.denoising-autoencoder-objective"),
)
