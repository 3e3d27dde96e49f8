"""Differential entropy and the KL divergence of densities: uniform and Gaussian closed forms.

Not printed in the cheat sheet; they make checkable what the discrete section's notes assert (the
differential entropy can be negative) and give the Gaussian KL divergence the later chapters use.  Each
is a ``sympy.stats`` statement: an expectation of log-densities under a named distribution.
"""

from __future__ import annotations

from sympy import stats as st

from .._authoring import PROVED, Entry, Eq, S, log, pi
from .shared import COVER_THOMAS

_NORMALS = {"m1": "scalar", "s1": "scalar positive", "m2": "scalar", "s2": "scalar positive",
            "X": "random Normal(m1, s1)"}


def normal_log_density(x, mu, sigma):
    """log of the N(μ, σ²) density at x: −½ log(2πσ²) − (x − μ)²/(2σ²)."""
    return -log(2 * pi * sigma**2) / 2 - (x - mu) ** 2 / (2 * sigma**2)

differential_entropy_uniform = Entry(
    id="info.differential-entropy-uniform",
    title="The differential entropy of Uniform(0, b) is log b, negative for b < 1",
    expected=PROVED,
    symbols={"b": "scalar positive", "X": "random Uniform(0, b)"},
    statement=lambda X, b: Eq(st.Expectation(-log(st.density(X)(X))), log(b)),
    notes="h(X) = E[−log f(X)] for the density f of X.  Uniform(0, 1/2) has h = −log 2 < 0: unlike the entropy "
          "of a discrete distribution (info.entropy-nonnegative), a differential entropy can be negative.",
    see_also=("info.entropy-nonnegative",),
    aliases=("differential entropy", "entropy of uniform distribution", "negative differential entropy"),
    tags=("information theory", "entropy", "differential entropy"),
    references=(COVER_THOMAS + ", Example 8.1.1",),
)

entropy_gaussian = Entry(
    id="info.entropy-gaussian",
    title="The differential entropy of N(μ, σ²) is ½ log(2πeσ²)",
    expected=PROVED,
    symbols={"mu": "scalar", "sigma": "scalar positive", "X": "random Normal(mu, sigma)"},
    statement=lambda X, mu, sigma: Eq(st.Expectation(-log(st.density(X)(X))), log(2 * pi * S.Exp1 * sigma**2) / 2),
    notes="σ is the standard deviation.  Among densities with variance σ² the Gaussian has the largest "
          "differential entropy.",
    aliases=("Gaussian entropy", "entropy of normal distribution", "differential entropy normal"),
    tags=("information theory", "entropy", "differential entropy", "Gaussian"),
    references=(COVER_THOMAS + ", Example 8.1.2",),
)

kl_gaussian = Entry(
    id="info.kl-gaussian",
    title="KL(N(μ₁, σ₁²) ‖ N(μ₂, σ₂²)) = log(σ₂/σ₁) + (σ₁² + (μ₁ − μ₂)²)/(2σ₂²) − ½",
    expected=PROVED,
    symbols=_NORMALS,
    statement=lambda X, m1, s1, m2, s2: Eq(
        st.Expectation(normal_log_density(X, m1, s1) - normal_log_density(X, m2, s2)),
        log(s2 / s1) + (s1**2 + (m1 - m2) ** 2) / (2 * s2**2) - S.Half),
    notes="KL(p ‖ q) = E[log p(X) − log q(X)] for X ∼ p: here p and q are the N(μ₁, σ₁²) and N(μ₂, σ₂²) "
          "densities (σ the standard deviation, log-densities written out), both evaluated at X ∼ N(μ₁, σ₁²).  With μ₂ = 0, σ₂ = 1 it is "
          "the VAE's ½(μ₁² + σ₁² − 1 − log σ₁²).",
    see_also=("info.kl-divergence", "info.kl-nonnegative"),
    aliases=("Gaussian KL divergence", "KL between normals", "KL divergence of Gaussians", "VAE KL term"),
    tags=("information theory", "KL divergence", "Gaussian"),
    references=("Bishop, Pattern Recognition and Machine Learning (2006), Exercise 1.30 (Gaussian KL)",
                "Kingma & Welling, Auto-encoding variational Bayes (2014), Appendix B"),
)
