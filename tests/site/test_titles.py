"""Titles read as typeset math: ASCII math to Unicode (``display_title``), one convention everywhere."""

from __future__ import annotations

import re

import pytest

import formulas
from verify.site.titles import display_title

# (title as written, HTML shown): today's ASCII titles and the forms readers meet
CASES = [
    ("At a stationary W with orthogonal columns, S w_i = (sigma^2 + rho_i^2) w_i",
     "At a stationary W with orthogonal columns, S wᵢ = (σ² + ρᵢ²) wᵢ"),
    ("∂ log det X / ∂X = X^{-T}", "∂ log det X / ∂X = X⁻ᵀ"),
    ("Posterior mean W^T (W W^T + Sigma)^-1 (x - mu)", "Posterior mean Wᵀ (W Wᵀ + Σ)⁻¹ (x − μ)"),
    ("MGF of Poisson(lam): exp(lam (e^t - 1))", "MGF of Poisson(λ): exp(λ (eᵗ − 1))"),
    ("Chebyshev's inequality: P(|X - mu| >= eps) <= sigma² / eps²", "Chebyshev's inequality: P(|X − μ| ≥ ε) ≤ σ² / ε²"),
    ("Cauchy-Schwarz: <u, v> <= ||u|| ||v||", "Cauchy-Schwarz: ⟨u, v⟩ ≤ ‖u‖ ‖v‖"),
    ("pmi(v, w) ≈ x_vᵀ x_w + const", "pmi(v, w) ≈ xᵥᵀ x<sub>w</sub> + const"),
    ("Density: f_{alpha Y}(y) = f_Y(y/alpha) / |alpha| for alpha != 0",
     "Density: f<sub>α Y</sub>(y) = f<sub>Y</sub>(y/α) / |α| for α ≠ 0"),
    ("Output size: floor((n + 2P - p)/s) + 1", "Output size: ⌊(n + 2P − p)/s⌋ + 1"),
    ("an m x n x c image and K kernels p x q give (m-p+1) x (n-q+1) x K",
     "an m × n × c image and K kernels p × q give (m−p+1) × (n−q+1) × K"),
    ("A 1x1 convolution, W in R^{m x k}", "A 1×1 convolution, W ∈ ℝ<sup>m × k</sup>"),
    ("the Jacobian lies in R^{m x n}; m hyperplanes in R^n", "the Jacobian lies in ℝ<sup>m × n</sup>; m hyperplanes in ℝⁿ"),
    ("Gradient descent: θ(t + 1) = θ(t) − ηₜ∇_θR, ∇_W A = 2W", "Gradient descent: θ(t + 1) = θ(t) − ηₜ∇<sub>θ</sub>R, ∇<sub>W</sub> A = 2W"),
    ("f: R^n -> R is linear", "f: ℝⁿ → ℝ is linear"),
    ("Adam's bias correction: m_hat_t = m_t/(1 - b1^t)", "Adam's bias correction: m̂ₜ = mₜ/(1 − b1ᵗ)"),
    ("Step decay: eta_t = eta_0 gamma^floor(t/k)", "Step decay: ηₜ = η₀ γ<sup>⌊t/k⌋</sup>"),
    ("Log-derivative trick: grad p = p grad log p", "Log-derivative trick: ∇p = p ∇ log p"),
    ("R(m) = sum_{i<=n} C(m, i) is in O(m^n)", "R(m) = Σ<sub>i≤n</sub> C(m, i) is in O(mⁿ)"),
    ("g o f is convex", "g ∘ f is convex"),
    ("descent on R^(D) = -V", "descent on R⁽ᴰ⁾ = −V"),
    ("MGF of Gamma(k, theta)", "MGF of Gamma(k, θ)"),  # the distribution keeps its name
    ("k-hinge, one-hot, L-Lipschitz, 2-D, exp(x)", "k-hinge, one-hot, L-Lipschitz, 2-D, exp(x)"),  # words stay
    ("random nets (numerics.backprop.mlp_forward), log_softmax", "random nets (numerics.backprop.mlp_forward), log_softmax"),
    ("Cosine decay: eta_t = eta_min + (eta_0 - eta_min)", "Cosine decay: ηₜ = ηₘᵢₙ + (η₀ − ηₘᵢₙ)"),
]


@pytest.mark.parametrize("title, html", CASES, ids=[c[0][:40] for c in CASES])
def test_ascii_math_reads_as_unicode(title, html):
    assert display_title(title).html == html


@pytest.mark.parametrize("title, html", CASES, ids=[c[0][:40] for c in CASES])
def test_display_is_idempotent(title, html):
    """A title already in clean Unicode (the catalog's new titles) comes back unchanged."""
    once = display_title(title)
    assert display_title(once.text).html == once.html


def test_text_form_spells_out_what_unicode_cannot_write():
    assert display_title("x_v^T x_w").text == "xᵥᵀ x_w"
    assert display_title("p_data/(p_data + p_g)").text == "p_{data}/(p_{data} + p_g)"


def test_markdown_form_escapes_specials_but_keeps_tags():
    title = display_title("E_{x~p}[-log q(x)] * 2")
    assert title.markdown == "E<sub>x~p</sub>\\[−log q(x)\\] \\* 2"


_LEFTOVER = [r"\^\{", r"_\{", r"<=", r">=", r"!=", r"->", r"\|\|",
             r"(?<![A-Za-z])(sigma|lambda|lam|mu|rho|theta|eta|alpha|beta|Sigma|Lambda|eps)(?![A-Za-z])"]


@pytest.mark.parametrize("entry", formulas.entries(), ids=[e.id for e in formulas.entries()])
def test_no_catalog_title_shows_ascii_math(entry):
    shown = re.sub(r"</?su[bp]>", "", display_title(entry.title).html)
    for pattern in _LEFTOVER:
        assert not re.search(pattern, shown), f"{entry.id}: {pattern!r} left in {shown!r}"
