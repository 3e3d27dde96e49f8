"""Variational autoencoders (cheat sheet lines 762-776 and 828).

x data (dimension d), z latent (dimension k); encoder q_φ(z|x) = N(μ, diag σ²), decoder
p_θ(x|z) = N(μ_x, diag σ_x²), prior N(0, I).  Gaussian identities are statements in closed form,
vectors of variances s = σ² entrywise; the ELBO decomposition is stated for the linear-Gaussian
model in one dimension, where every term has a closed form.
"""

from __future__ import annotations

from sympy import OneMatrix, Rational
from sympy.stats import Expectation

from formulas.nodes import DiagVec

from .._authoring import CONFIRMED, NOT_CHECKABLE, PROVED, D, Entry, Eq, ScalarOf, det, exp, log, pi, seed, tr

_KINGMA = "Kingma & Welling, Auto-encoding variational Bayes, ICLR (2014)"
_DL_BOOK_20 = "Goodfellow, Bengio & Courville, Deep Learning (2016), sec. 20.10.3-20.10.4"


def _squares(v):
    return v.applyfunc(lambda t: t**2)


def _ones(n):
    return OneMatrix(n, 1)


def _total(v):
    """1ᵀv."""
    return ScalarOf(OneMatrix(1, v.shape[0]) * v)


def _gaussian_log_density(x, mu, s):
    """log N(x; μ, diag s) from the multivariate density (2π)^{−d/2} det(Σ)^{−1/2} exp(−½(x − μ)ᵀΣ⁻¹(x − μ))."""
    n = x.shape[0]
    S = DiagVec(s)
    return log((2 * pi) ** (-n / 2) * det(S) ** Rational(-1, 2) * exp(-ScalarOf((x - mu).T * S.I * (x - mu)) / 2))


def _elbo_linear_gaussian(x, w, b, s, m, v):
    """E[log N(x; wz + b, s²)] over z ∼ q minus KL(N(m, v) ‖ N(0, 1)) for q = N(m, v), in closed form."""
    expected_loglik = -log(2 * pi * s**2) / 2 - ((x - w * m - b) ** 2 + w**2 * v) / (2 * s**2)
    return expected_loglik - (v + m**2 - 1 - log(v)) / 2


def _log_evidence_minus_gap(x, w, b, s, m, v):
    """log p(x) − KL(q ‖ p(z|x)): p(x) = N(x; b, w² + s²), the posterior N(μₚ, vₚ)."""
    log_px = -log(2 * pi * (w**2 + s**2)) / 2 - (x - b) ** 2 / (2 * (w**2 + s**2))
    v_p = s**2 / (w**2 + s**2)
    mu_p = v_p * w * (x - b) / s**2
    return log_px - (log(v_p / v) + (v + (m - mu_p) ** 2) / v_p - 1) / 2


vae_prior = Entry(
    id="gen.vae-prior",
    title="Latent-variable model with a standard Gaussian prior: z ~ N(0, I), p(x) = ∫ p(x|z) p(z) dz",
    expected=NOT_CHECKABLE,
    definition=True,
    seed=seed(762, 766, r"""Classically we define complex models via the marginalization of a latent variable model

A common way to define these distributions is as follows: We assume the latent variable to follow a multivariate gaussian (assumed to be a reasonable prior for latent attributes).

**Prior:**  $\mathbf{z} \sim \mathcal{N}(\mathbf{0}, \mathbf{I})$ ."""),
    aliases=("VAE prior", "standard normal prior", "latent prior"),
    tags=("vae", "latent variable"),
    references=(_KINGMA,),
)

vae_encoder_output = Entry(
    id="gen.vae-encoder-output",
    title="VAE encoder: x ↦ (μ, Σ), the mean and diagonal covariance of q(z | x)",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="defines the encoder: both outputs have the latent size k (a mean vector and the diagonal of Σ, usually as "
           "log-variances); z is sampled from q by reparameterisation (gen.reparameterization-trick)",
    aliases=("VAE encoder", "recognition network", "inference network", "q(z|x)"),
    tags=("vae", "encoder"),
    references=(_KINGMA,),
)

vae_encoder_output_as_printed = Entry(
    id="gen.vae-encoder-output-as-printed",
    title="Encoder as printed: E models q(z | x) but maps x to the mean and covariance of x given z",
    expected=NOT_CHECKABLE,
    reason="garbled subscripts: an encoder modelling q(z | x) outputs the parameters of that distribution over z, "
           "the mean and covariance of z given x, of the latent size k; the mean and covariance of x given z are the decoder's outputs, of the data size.  "
           "The intended line is the definition gen.vae-encoder-output, so there is no verdict to inherit",
    seed=seed(768, 768, r"**Enc. Netw.:**  $E$ : models  $q_{\phi}(\mathbf{z} | \mathbf{x})$  with params  $\phi$  and maps  $\mathbf{x} \xrightarrow{E} (\boldsymbol{\mu}_{\mathbf{x}|\mathbf{z}}, \boldsymbol{\Sigma}_{\mathbf{x}|\mathbf{z}})$"),
    aliases=("VAE encoder",),
    tags=("vae", "encoder", "garbled"),
    see_also=("gen.vae-encoder-output", "gen.vae-decoder-output"),
)

vae_decoder_output = Entry(
    id="gen.vae-decoder-output",
    title="VAE decoder: z ↦ (μₓ, Σₓ), the mean and diagonal covariance of p(x | z)",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="defines the decoder: both outputs have the data size d; the likelihood they give is "
           "gen.gaussian-decoder-log-likelihood",
    seed=seed(770, 770, r"**Dec. Netw.:**  $D$ : models  $p_{\theta}(\mathbf{x} | \mathbf{z})$  with params  $\theta$  and maps  $\mathbf{z} \xrightarrow{D} (\boldsymbol{\mu}_{\mathbf{x}|\mathbf{z}}, \boldsymbol{\Sigma}_{\mathbf{x}|\mathbf{z}})$"),
    aliases=("VAE decoder", "generation network", "generative network", "p(x|z)"),
    tags=("vae", "decoder"),
    references=(_KINGMA,),
)

gaussian_decoder_log_likelihood = Entry(
    id="gen.gaussian-decoder-log-likelihood",
    title="Diagonal Gaussian log-likelihood: log N(x; μ, diag σ²) = −½ ∑ⱼ (log 2π + log σⱼ² + (xⱼ − μⱼ)²/σⱼ²)",
    expected=CONFIRMED,
    symbols={"x": "vector n", "mu": "vector n", "s": "vector n positive"},
    statement=lambda x, mu, s: Eq(_gaussian_log_density(x, mu, s),
                                  -(x.shape[0] * log(2 * pi) + _total(s.applyfunc(log))
                                    + ScalarOf(_squares(x - mu).T * s.applyfunc(lambda t: 1 / t))) / 2),
    notes="s = σ² entrywise.  The multivariate density with Σ = diag(s) factorises over the coordinates, so a diagonal "
          "covariance is described by one vector and each network outputs two vectors (gen.vae-diagonal-covariances-"
          "as-printed).  Confirmed (exact at n = 1, 2, 3 and in float64): the symbolic engines do not yet expand the "
          "logarithm of a product at symbolic size.",
    aliases=("Gaussian log likelihood", "diagonal covariance", "reconstruction loss VAE"),
    tags=("vae", "gaussian"),
    references=(_KINGMA + ", appendix C.2",),
)

vae_diagonal_covariances_as_printed = Entry(
    id="gen.vae-diagonal-covariances-as-printed",
    title="'We use diagonal covariance matrices for Σ(x | z) and Σ(x | z)': each network outputs two vectors",
    expected=NOT_CHECKABLE,
    reason="garbled subscripts: the same matrix Σ(x | z) is named twice; intended Σ(z | x) (encoder) and Σ(x | z) "
           "(decoder).  The conclusion, that with diagonal covariances each network outputs a mean vector and a "
           "variance vector, holds (gen.gaussian-decoder-log-likelihood)",
    seed=seed(772, 772, r"Note that we use both *diagonal* covariance matrices for  $\boldsymbol{\Sigma}_{\mathbf{x}|\mathbf{z}}$  and  $\boldsymbol{\Sigma}_{\mathbf{x}|\mathbf{z}}$ . So the output of both networks are just two vectors (one for mean, other for diagonal)."),
    corrected_by="gen.gaussian-decoder-log-likelihood",
    tags=("vae", "garbled"),
)

elbo = Entry(
    id="gen.elbo",
    title="ELBO: log p(x) = E[log p(x | z)] − KL(q ‖ p(z)) + KL(q ‖ p(z | x)) with z ∼ q, so the ELBO is a lower bound, tight at the "
          "posterior (linear-Gaussian model)",
    expected=PROVED,
    symbols={"x": "scalar", "w": "scalar", "b": "scalar", "s": "scalar positive", "m": "scalar", "v": "scalar positive"},
    statement=lambda x, w, b, s, m, v: Eq(_elbo_linear_gaussian(x, w, b, s, m, v), _log_evidence_minus_gap(x, w, b, s, m, v)),
    notes="Model z ~ N(0, 1), x | z ~ N(wz + b, s²), variational q = N(m, v): then p(x) = N(x; b, w² + s²) and the "
          "posterior is N(μₚ, vₚ) with vₚ = s²/(w² + s²), μₚ = vₚw(x − b)/s².  The statement is "
          "ELBO(q) = log p(x) − KL(q ‖ p(z|x)) with every term in closed form, for all x, w, b, s, m, v; since the last "
          "KL is ≥ 0 and 0 only at q = p(z|x), the ELBO is a lower bound, tight at the posterior.  In general the same "
          "decomposition holds for any model and any q (a rearrangement of log p(x, z) − log q(z)).",
    aliases=("ELBO", "evidence lower bound", "variational lower bound", "VAE loss", "negative free energy"),
    tags=("vae", "elbo", "variational inference"),
    references=(_KINGMA, _DL_BOOK_20),
    see_also=("gen.elbo-gaussian-kl", "gen.reparameterization-trick"),
)

vae_likelihood_rewrite_missing = Entry(
    id="gen.vae-likelihood-rewrite-missing",
    title="'We can rewrite the data (log) likelihood as follows': the equation is missing",
    expected=NOT_CHECKABLE,
    reason="incomplete as printed: the announced rewriting of log p(x) (the ELBO decomposition) never appears; the next "
           "lines are the GAN training procedure.  The intended statement is gen.elbo",
    seed=seed(776, 776, r"Now, equipped with our encoder and decoder networks, we can rewrite the data (log) likelihood as follows (note that we omit the product for all points - you'd just have to put a sum over all the instances in front of everything)"),
    corrected_by="gen.elbo",
    tags=("vae", "elbo", "incomplete"),
)

elbo_gaussian_kl = Entry(
    id="gen.elbo-gaussian-kl",
    title="KL(N(μ, σ²) ‖ N(0, 1)) = ½(σ² + μ² − 1 − log σ²)",
    expected=PROVED,
    symbols={"mu": "scalar real", "sigma": "scalar positive", "X": "random Normal(mu, sigma)"},
    # KL = E_q[log q(X) − log p(X)], X ~ q = N(μ, σ²); the log 2π terms cancel
    statement=lambda mu, sigma, X: Eq(
        Expectation(-log(sigma) - (X - mu) ** 2 / (2 * sigma**2) + X**2 / 2),
        (sigma**2 + mu**2 - 1 - log(sigma**2)) / 2),
    notes="For a diagonal Gaussian the KL is the sum of this over coordinates (gen.elbo-gaussian-kl-diagonal); the "
          "general Gaussian KL is in the information-theory chapter.",
    aliases=("KL divergence Gaussian", "VAE KL term", "closed form KL", "KL to standard normal",
             "KL divergence to the standard normal"),
    tags=("vae", "kl divergence", "gaussian"),
    references=(_KINGMA + ", appendix B",),
    see_also=("gen.elbo-gaussian-kl-diagonal", "gen.gaussian-kl-gradient"),
)

elbo_gaussian_kl_diagonal = Entry(
    id="gen.elbo-gaussian-kl-diagonal",
    title="KL(N(μ, diag σ²) ‖ N(0, I)) = ½(tr Σ + μᵀμ − k − log det Σ) = ½ ∑ⱼ (σⱼ² + μⱼ² − 1 − log σⱼ²)",
    expected=CONFIRMED,
    symbols={"mu": "vector k", "s": "vector k positive"},
    statement=lambda mu, s: Eq((tr(DiagVec(s)) + ScalarOf(mu.T * mu) - mu.shape[0] - log(det(DiagVec(s)))) / 2,
                               _total(s + _squares(mu) - _ones(mu.shape[0]) - s.applyfunc(log)) / 2),
    notes="s = σ² entrywise: the multivariate formula with Σ = diag(s) is the sum of the one-dimensional KLs.  "
          "Confirmed (exact at k = 1, 2, 3 and in float64); log det of a diagonal matrix is not yet expanded at "
          "symbolic size.",
    aliases=("KL divergence diagonal Gaussian", "VAE KL term"),
    tags=("vae", "kl divergence", "gaussian"),
    references=(_KINGMA + ", appendix B",),
)

gaussian_kl_gradient = Entry(
    id="gen.gaussian-kl-gradient",
    title="Gradient of the Gaussian KL term in the log-variances: ∂KL/∂(log σⱼ²) = ½(σⱼ² − 1) (and ∂KL/∂μⱼ = μⱼ)",
    expected=PROVED,
    symbols={"mu": "vector k", "l": "vector k"},
    statement=lambda mu, l: Eq(D(_total(l.applyfunc(exp) + _squares(mu) - _ones(mu.shape[0]) - l) / 2, l),
                               (l.applyfunc(exp) - _ones(mu.shape[0])) / 2),
    notes="l = log σ² entrywise, the parametrisation encoders output; KL = ½ ∑ⱼ (exp(lⱼ) + μⱼ² − 1 − lⱼ).  The gradient in "
          "μ is μ (the derivative of ½μᵀμ).  Proved at symbolic size k by the index-notation engine, "
          "which differentiates elementwise functions.",
    aliases=("KL gradient", "VAE KL gradient"),
    tags=("vae", "kl divergence", "gradient"),
    references=(_KINGMA,),
)

reparameterization_trick = Entry(
    id="gen.reparameterization-trick",
    title="Reparameterisation: z = μ + σε with ε ~ N(0, 1) has the moment generating function of N(μ, σ²), so "
          "z ~ N(μ, σ²), and z is differentiable in (μ, σ)",
    expected=PROVED,
    symbols={"mu": "scalar", "sigma": "scalar positive", "t": "scalar", "E": "random Normal(0, 1)"},
    statement=lambda mu, sigma, t, E: Eq(Expectation(exp(t * (mu + sigma * E))), exp(t * mu + t**2 * sigma**2 / 2)),
    notes="Per coordinate of a diagonal q.  The moment generating function determines the law, so z has law N(μ, σ²); "
          "∂z/∂μ = 1 and ∂z/∂σ = ε, which lets gradients of E[f(z)] over z ∼ q pass through the sample (pathwise gradients).",
    aliases=("reparameterization trick", "reparametrization", "pathwise gradient", "VAE sampling"),
    tags=("vae", "reparameterization", "gradient"),
    references=(_KINGMA + ", sec. 2.4",),
)

vae_generation = Entry(
    id="gen.vae-generation",
    title="VAE generation: sample z from the prior, decode to the parameters of p(x|z), sample x from it",
    expected=NOT_CHECKABLE,
    reason="a procedure (ancestral sampling), not a claim; the sample has law p(x) = ∫ p(x|z) p(z) dz by construction",
    seed=seed(828, 828, r"**Generating Data** Here we just sample from the prior, and pass it through the decoder network to get the posterior distribution's parameters, then we sample from that one."),
    notes="The sheet calls the decoder's output distribution the 'posterior'; it is the conditional (likelihood) "
          "p(x | z).  The posterior is p(z | x), which the encoder approximates.",
    aliases=("VAE sampling", "generate samples VAE", "ancestral sampling"),
    tags=("vae", "generation", "procedure"),
    references=(_KINGMA,),
)
