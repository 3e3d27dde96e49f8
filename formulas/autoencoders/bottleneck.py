"""Linear and non-linear autoencoders through a bottleneck (cheat sheet line 273).

An autoencoder is x̂ = H(G(x)) with an encoder G: ℝᵈ → ℝᵏ and a decoder H: ℝᵏ → ℝᵈ, k < d.  What
training finds (the PCA subspace, a better fit than PCA on curved data) is a claim about an
optimisation problem and its solutions, so its evidence is experimental; the likelihood identity
behind "train via MLE" is a statement.
"""

from __future__ import annotations

from .._authoring import CONFIRMED, NOT_CHECKABLE, PROVED, Entry, Eq, exp, log, pi, seed, sqrt
from . import experiments

_BALDI = "Baldi & Hornik (1989), Neural networks and principal component analysis, Neural Networks 2(1)"
_HINTON = "Hinton & Salakhutdinov (2006), Reducing the dimensionality of data with neural networks, Science 313"
_DLBOOK = "Goodfellow, Bengio & Courville (2016), Deep Learning, ch. 14"

linear_autoencoder_pca_subspace = Entry(
    id="ae.linear-autoencoder-pca-subspace",
    title="An optimal linear autoencoder projects onto the top-k principal subspace",
    expected=CONFIRMED,
    experiment=experiments.linear_autoencoder_pca_subspace,
    reason="a claim about the minimisers of an optimisation problem: the fitted linear autoencoder's map D C against "
           "the PCA projection UₖUₖᵀ for three (d, k)",
    notes="min over C ∈ ℝᵏˣᵈ, D ∈ ℝᵈˣᵏ of ∑ᵢ ‖xᵢ − D C xᵢ‖² (centred data) is attained exactly when D C = UₖUₖᵀ "
          "(Eckart-Young); C and D themselves are identified only up to an invertible k × k map.",
    aliases=("linear autoencoder", "PCA autoencoder", "Baldi Hornik", "bottleneck PCA"),
    tags=("autoencoder", "PCA", "linear"),
    references=(_BALDI, _DLBOOK),
)

nonlinear_autoencoder = Entry(
    id="ae.nonlinear-autoencoder",
    title="Non-linear autoencoder: non-linear encoder and decoder through a bottleneck, trained by MLE",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="labelled a theorem, but it describes a model: x̂ = H(G(x)) with multi-layer non-linear G: ℝᵈ → ℝᵏ and "
           "H: ℝᵏ → ℝᵈ, k < d, parameters fitted by maximum likelihood",
    seed=seed(273, 273, r"**T.** (Non-Linear Autoencoder) contains many hidden layers with nonlinear activation functions as we want (as long as there's a bottleneck layer) and train the parameters via MLE."),
    notes="Under a Gaussian observation model x ~ N(H(G(x)), vI) the MLE is least squares "
          "(ae.gaussian-mle-is-squared-error).",
    aliases=("nonlinear autoencoder", "deep autoencoder", "bottleneck network"),
    tags=("autoencoder", "nonlinear"),
    references=(_HINTON, _DLBOOK),
    see_also=("ae.gaussian-mle-is-squared-error", "ae.nonlinear-autoencoder-beats-pca"),
)

gaussian_mle_is_squared_error = Entry(
    id="ae.gaussian-mle-is-squared-error",
    title="−log N(x; x̂, v) = (x − x̂)²/(2v) + ½ log(2πv): Gaussian MLE is least squares",
    expected=PROVED,
    symbols={"x": "scalar", "xhat": "scalar", "v": "scalar positive"},
    statement=lambda x, xhat, v: Eq(-log(exp(-(x - xhat) ** 2 / (2 * v)) / sqrt(2 * pi * v)),
                                    (x - xhat) ** 2 / (2 * v) + log(2 * pi * v) / 2),
    notes="Per coordinate, with variance v = s²; summed over d independent coordinates with a common v, maximising the "
          "likelihood in the network's parameters is minimising ‖x − H(G(x))‖².",
    aliases=("MLE squared error", "Gaussian negative log-likelihood", "least squares as maximum likelihood"),
    tags=("autoencoder", "likelihood", "loss"),
    references=(_DLBOOK,),
)

nonlinear_autoencoder_beats_pca = Entry(
    id="ae.nonlinear-autoencoder-beats-pca",
    title="On curved data a non-linear autoencoder can reconstruct better than PCA with the same bottleneck",
    expected=CONFIRMED,
    experiment=experiments.nonlinear_autoencoder_beats_pca,
    reason="an existence claim about training: a tanh autoencoder (numerics.ae.Autoencoder) trained on a parabola "
           "against the best linear code (PCA), k = 1",
    notes="No linear code of width 1 can follow a parabola; an encoder that reads off the curve parameter can.  (With "
          "linear activations the autoencoder can do no better than PCA.)",
    aliases=("nonlinear PCA", "autoencoder vs PCA", "manifold learning"),
    tags=("autoencoder", "PCA", "nonlinear"),
    references=(_HINTON,),
    see_also=("ae.linear-autoencoder-pca-subspace",),
)
