"""10 Autoencoders: linear (the PCA subspace), non-linear, denoising.

Main statements
    * ``linear_autoencoder_pca_subspace`` -- the optimal linear autoencoder with a bottleneck of width k projects
      onto the top-k principal subspace (Baldi & Hornik 1989), confirmed against PCA.
    * ``nonlinear_autoencoder`` -- the seed's "theorem" is a description (a definition); training "via MLE" is
      least squares under Gaussian noise (``gaussian_mle_is_squared_error``, proved), and a non-linear
      autoencoder can beat PCA on curved data (``nonlinear_autoencoder_beats_pca``).
    * ``denoising_criterion_as_printed`` -- "de-noising happens if ||x - H(G(x_n))||^2 <= ||x - x_n||^2" defines
      success; it is not a claim (not checkable). ``denoising_reduces_expected_error`` confirms that a trained
      denoising autoencoder meets it on average.

Notation: encoder G: R^d -> R^k, decoder H: R^k -> R^d, noisy input x_n = x + eta, eta ~ N(0, sigma^2 I).
The sample-covariance passage (S = U Sigma^2 U^T, seed lines 184-186 and 281-283) is in the latent chapter.

References: Baldi & Hornik (1989) *Neural networks and principal component analysis*, Neural Networks 2;
Vincent, Larochelle, Bengio & Manzagol (2008) *Extracting and composing robust features with denoising
autoencoders*, ICML; Hinton & Salakhutdinov (2006) *Reducing the dimensionality of data with neural networks*,
Science 313; Goodfellow, Bengio & Courville (2016) *Deep Learning*, ch. 14.

Tags: autoencoder, PCA, denoising, bottleneck.
"""

from __future__ import annotations

import torch

from ._authoring import (
    CONFIRMED,
    NOT_CHECKABLE,
    PROVED,
    Chapter,
    Entry,
    Eq,
    Outcome,
    exp,
    log,
    pi,
    seed,
    sqrt,
)

CHAPTER = Chapter("ae", 10, "Autoencoders")



_REF_BALDI = "Baldi & Hornik (1989), Neural networks and principal component analysis, Neural Networks 2(1)"
_REF_VINCENT = "Vincent, Larochelle, Bengio & Manzagol (2008), Extracting and composing robust features with " \
               "denoising autoencoders, ICML"
_REF_HINTON = "Hinton & Salakhutdinov (2006), Reducing the dimensionality of data with neural networks, Science 313"
_REF_DLBOOK = "Goodfellow, Bengio & Courville (2016), Deep Learning, ch. 14"


def _subspace_data(g: torch.Generator, N: int, d: int, k: int, scales, noise: float = 0.0, dtype=torch.float64):
    """N points near a k-dim subspace of R^d: X = Z diag(scales) Q^T (+ noise), Q with orthonormal columns."""
    Q, _ = torch.linalg.qr(torch.randn(d, k, generator=g, dtype=dtype))  # (d, k)
    Z = torch.randn(N, k, generator=g, dtype=dtype) * torch.tensor(scales, dtype=dtype)  # (N, k)
    return Z @ Q.mT + noise * torch.randn(N, d, generator=g, dtype=dtype)  # (N, d)


# =============================================================================================
# Linear autoencoder
# =============================================================================================
def _linear_ae_experiment():
    from numerics.ae import fit_linear_autoencoder
    from numerics.latent.pca import pca_svd

    g = torch.Generator().manual_seed(20)
    worst = 0.0
    for d, k in ((5, 1), (6, 2), (8, 3)):
        X = _subspace_data(g, 300, d, d, [3.0 - 2.5 * i / d for i in range(d)])  # distinct variances
        with torch.random.fork_rng():
            torch.manual_seed(21)
            model = fit_linear_autoencoder(X, k, max_iter=2000, tol=1e-14)
        P_ae = (model.D @ model.C).detach()  # (d, d)
        U = pca_svd(X, k).components  # (k, d)
        P_pca = U.mT @ U
        err = float((P_ae - P_pca).abs().max())
        worst = max(worst, err)
        if err > 1e-7:
            return Outcome(False, f"d={d}, k={k}: the autoencoder's projection differs from PCA's by {err:.2g}",
                           {"d": d, "k": k, "max_abs_difference": err})
        # the optimum is not unique: D A, A^{-1} C gives the same map, so C and D are not the principal axes
    return Outcome(True, f"D C of the fitted linear autoencoder (numerics.ae) equals U_k U_k^T from PCA "
                         f"(numerics.latent.pca) for (d, k) in (5,1), (6,2), (8,3); max difference {worst:.1e}")


linear_autoencoder_pca_subspace = Entry(
    id="ae.linear-autoencoder-pca-subspace",
    title="An optimal linear autoencoder projects onto the top-k principal subspace",
    expected=CONFIRMED,
    experiment=_linear_ae_experiment,
    reason="the fitted linear autoencoder's map D C against the PCA projection U_k U_k^T",
    notes="min_{C, D} sum_i ||x_i - D C x_i||^2 over C in R^{k x d}, D in R^{d x k} (centred data) is attained exactly "
          "when D C = U_k U_k^T (Eckart-Young); C and D themselves are identified only up to an invertible k x k map.",
    aliases=("linear autoencoder", "PCA autoencoder", "Baldi Hornik", "bottleneck PCA"),
    tags=("autoencoder", "PCA", "linear"),
    references=(_REF_BALDI, _REF_DLBOOK),
)


# =============================================================================================
# Non-linear autoencoder
# =============================================================================================
nonlinear_autoencoder = Entry(
    id="ae.nonlinear-autoencoder",
    title="Non-linear autoencoder: non-linear encoder and decoder through a bottleneck, trained by MLE",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="labelled a theorem, but it describes a model: x_hat = H(G(x)) with multi-layer non-linear G: R^d -> R^k "
           "and H: R^k -> R^d, k < d, parameters fitted by maximum likelihood",
    seed=seed(273, 273, r"**T.** (Non-Linear Autoencoder) contains many hidden layers with nonlinear activation functions as we want (as long as there's a bottleneck layer) and train the parameters via MLE."),
    notes="Under a Gaussian observation model x ~ N(H(G(x)), sigma^2 I) the MLE is least squares "
          "(ae.gaussian-mle-is-squared-error).",
    aliases=("nonlinear autoencoder", "deep autoencoder", "bottleneck network"),
    tags=("autoencoder", "nonlinear"),
    references=(_REF_HINTON, _REF_DLBOOK),
    see_also=("ae.gaussian-mle-is-squared-error", "ae.nonlinear-autoencoder-beats-pca"),
)

gaussian_mle_is_squared_error = Entry(
    id="ae.gaussian-mle-is-squared-error",
    title="-log N(x; x_hat, s^2) = (x - x_hat)^2 / (2 s^2) + log(2 pi s^2)/2: Gaussian MLE is least squares",
    expected=PROVED,
    symbols={"x": "scalar", "xhat": "scalar", "s": "scalar positive"},
    statement=lambda x, xhat, s: Eq(-log(exp(-(x - xhat) ** 2 / (2 * s**2)) / sqrt(2 * pi * s**2)),
                                    (x - xhat) ** 2 / (2 * s**2) + log(2 * pi * s**2) / 2),
    notes="Per coordinate; summed over d independent coordinates with a common s, maximising the likelihood in the "
          "network's parameters is minimising ||x - H(G(x))||^2.",
    aliases=("MLE squared error", "Gaussian negative log-likelihood", "least squares as maximum likelihood"),
    tags=("autoencoder", "likelihood", "loss"),
    references=(_REF_DLBOOK,),
)


def _nonlinear_vs_pca_experiment():
    from numerics.ae import Autoencoder
    from numerics.latent.pca import pca_svd

    g = torch.Generator().manual_seed(22)
    t = 2 * torch.rand(256, 1, generator=g, dtype=torch.float64) - 1
    X = torch.cat([t, t**2], dim=1)  # a parabola: a 1-D curved manifold in R^2
    X = X - X.mean(0)
    pca = pca_svd(X, 1)
    U = pca.components  # (1, 2)
    pca_err = float(((X - X @ U.mT @ U) ** 2).sum(1).mean())
    with torch.random.fork_rng():
        torch.manual_seed(23)
        model = Autoencoder(2, [32], 1, act=torch.nn.Tanh).double()
    opt = torch.optim.Adam(model.parameters(), lr=2e-2)
    for _ in range(250):
        opt.zero_grad()
        loss = model.reconstruction_error(X)
        loss.backward()
        opt.step()
    with torch.no_grad():
        ae_err = float(model.reconstruction_error(X))
    holds = ae_err < 0.25 * pca_err
    return Outcome(holds, f"parabola in R^2, bottleneck k = 1: non-linear autoencoder error {ae_err:.2e}, "
                          f"PCA (best linear, k = 1) {pca_err:.2e}",
                   None if holds else {"ae_error": ae_err, "pca_error": pca_err})


nonlinear_autoencoder_beats_pca = Entry(
    id="ae.nonlinear-autoencoder-beats-pca",
    title="On curved data a non-linear autoencoder can reconstruct better than PCA with the same bottleneck",
    expected=CONFIRMED,
    experiment=_nonlinear_vs_pca_experiment,
    reason="a trained tanh autoencoder (numerics.ae.Autoencoder) against the best linear code (numerics PCA), k = 1",
    notes="No linear code of width 1 can follow a parabola; an encoder that reads off the curve parameter can. "
          "(With linear activations the autoencoder can do no better than PCA.)",
    aliases=("nonlinear PCA", "autoencoder vs PCA", "manifold learning"),
    tags=("autoencoder", "PCA", "nonlinear"),
    references=(_REF_HINTON,),
    see_also=("ae.linear-autoencoder-pca-subspace",),
)


# =============================================================================================
# Denoising autoencoder
# =============================================================================================
denoising_autoencoder_objective = Entry(
    id="ae.denoising-autoencoder-objective",
    title="Denoising autoencoder: reconstruct x from x_n = x + eta, minimise E ||x - H(G(x_n))||^2",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="the training objective E_{x, eta} l(x, H(G(x + eta))), eta ~ N(0, sigma^2 I), with the clean x as target",
    seed=seed(232, 238, r"""**D.** (Denoising Autoencoder) we perturb the inputs  $\mathbf{x} \mapsto \mathbf{x}_n$ , where  $\mathbf{x}_n$  is a random noise vector, e.g., additive (white) noise

$\mathbf{x}_n = \mathbf{x} + \eta, \quad \eta \sim \mathcal{N}(\mathbf{0}, \sigma^2 \mathbf{I})$

and instead of the original objective, we minimize the following

$$\mathbb{E}_{\mathbf{x}} [\ell_n(\mathbf{x}, (\mathbf{h} \circ G)(\mathbf{x}_n))]$$"""),
    notes="Notation in the print: x_n is the noisy input (not 'a random noise vector'), '(h o G)' is the "
          "decoder-after-encoder H o G, and the expectation is over x and the noise eta.",
    aliases=("denoising autoencoder", "DAE", "corrupted input", "noise injection"),
    tags=("autoencoder", "denoising", "regularization"),
    references=(_REF_VINCENT, _REF_DLBOOK),
)

denoising_criterion_as_printed = Entry(
    id="ae.denoising-criterion-as-printed",
    title="'De-noising happens if ||x - H(G(x_n))||^2 <= ||x - x_n||^2'",
    expected=NOT_CHECKABLE,
    reason="a definition of success, not a claim: the sentence says what it MEANS for de-noising to work ('the hope "
           "is...'), it does not assert that any network achieves it. Whether the inequality holds depends on the "
           "data, the noise level, the network and its training, and for one sample it is a random event (with a "
           "small noise draw the right side is near 0 and it fails for any imperfect reconstruction). The checkable "
           "version -- a trained denoising autoencoder meets it on average -- is ae.denoising-reduces-expected-error",
    seed=seed(240, 244, r"""The hope is that we'll achieve de-noising, which happens if

$$\|\mathbf{x} - H(G(\mathbf{x}_n))\|^2 \leq \|\mathbf{x} - \mathbf{x}_n\|^2$$

So this would mean that the reconstruction error of the noisy data is less than the error we created by the noise we've added (then the de-noising works)."""),
    aliases=("denoising criterion", "de-noising works"),
    tags=("autoencoder", "denoising"),
    see_also=("ae.denoising-reduces-expected-error",),
)


def _denoising_experiment():
    from numerics.ae import Autoencoder, denoising_step

    g = torch.Generator().manual_seed(24)
    d, k, sigma = 8, 2, 0.5
    Xall = _subspace_data(g, 1024, d, k, [1.5, 1.0])
    X, Xtest = Xall[:512], Xall[512:]
    with torch.random.fork_rng():
        torch.manual_seed(25)
        model = Autoencoder(d, [16], k, act=torch.nn.Tanh).double()
    eta = sigma * torch.randn(Xtest.shape, generator=g, dtype=torch.float64)
    Xn = Xtest + eta

    def errors():
        with torch.no_grad():
            rec = ((Xtest - model(Xn)) ** 2).sum(1)  # ||x - H(G(x_n))||^2 per sample
        return rec, (eta**2).sum(1)  # and ||x - x_n||^2

    rec0, noise = errors()
    before = float(rec0.mean())
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(300):
        denoising_step(model, opt, X, sigma, generator=g)
    rec, noise = errors()
    after, noise_mean = float(rec.mean()), float(noise.mean())
    share = float((rec <= noise).double().mean())
    holds = after < 0.5 * noise_mean
    return Outcome(holds, f"held-out mean ||x - H(G(x_n))||^2 = {after:.3f} after training (untrained {before:.3f}) vs "
                          f"mean ||x - x_n||^2 = {noise_mean:.3f} (d sigma^2 = {d * sigma**2}); the inequality holds "
                          f"for {share:.0%} of single samples",
                   None if holds else {"after": after, "noise": noise_mean})


denoising_reduces_expected_error = Entry(
    id="ae.denoising-reduces-expected-error",
    title="A trained denoising autoencoder has E||x - H(G(x_n))||^2 < E||x - x_n||^2 on data near a low-dim subspace",
    expected=CONFIRMED,
    experiment=_denoising_experiment,
    reason="denoising training (numerics.ae.denoising_step) on 2-dim data in R^8, held-out noisy inputs",
    notes="The bottleneck keeps the noise component inside the data's subspace (about k sigma^2) and discards the "
          "rest (about (d - k) sigma^2), so the average criterion can hold with room to spare; it fails for data "
          "that fill R^d or for an untrained network.",
    aliases=("denoising works", "denoising autoencoder performance"),
    tags=("autoencoder", "denoising"),
    references=(_REF_VINCENT,),
    see_also=("ae.denoising-criterion-as-printed", "ae.denoising-autoencoder-objective"),
)
