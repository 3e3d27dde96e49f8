"""PPCA and factor analysis fitted to the same 2-D data: principal subspace, loadings, model covariances.

Data: 400 points from a one-factor model with unequal noise on the two coordinates (fixed seed).
Fits: :func:`numerics.latent.ppca.fit_ppca` (closed form) and
:func:`numerics.latent.factor_analysis.fit_factor_analysis` (EM), one factor each; the encoder
is :func:`numerics.latent.encoder.posterior`.  PPCA's subspace is the leading eigenvector of S.  With one
factor in two dimensions both models are saturated (they reproduce S), and EM, which starts from the
PPCA solution, stays there: the figure says so rather than invent a difference.
"""

from __future__ import annotations

from . import Figure
from .style import COLORS, new_figure

SEED, N = 3, 400
TRUE_W, TRUE_PSI = (1.2, 0.8), (0.15, 0.9)


def _ellipse(ax, mean, cov, color, label, ls="-"):
    import math

    import torch

    t = torch.linspace(0, 2 * math.pi, 200, dtype=torch.float64)
    circle = torch.stack([t.cos(), t.sin()])  # (2, T)
    L = torch.linalg.cholesky(cov)
    pts = mean[:, None] + 2 * L @ circle  # the 2-sigma contour
    ax.plot(pts[0], pts[1], color=color, lw=1.4, ls=ls, label=label)


def _data():
    import torch

    g = torch.Generator().manual_seed(SEED)
    z = torch.randn(N, 1, generator=g, dtype=torch.float64)
    noise = torch.randn(N, 2, generator=g, dtype=torch.float64) * torch.tensor(TRUE_PSI, dtype=torch.float64).sqrt()
    return z @ torch.tensor([TRUE_W], dtype=torch.float64) + noise + torch.tensor([1.0, -0.5], dtype=torch.float64)


def _direction(W):
    w = W[:, 0] / W[:, 0].norm()
    return w if w[0] >= 0 else -w


def _draw(data):
    import torch

    from numerics.latent.encoder import posterior
    from numerics.latent.factor_analysis import fit_factor_analysis
    from numerics.latent.ppca import fit_ppca

    X = _data()
    ppca = fit_ppca(X, 1)
    fa = fit_factor_analysis(X, 1)
    fig, (ax, ex) = new_figure(2, height=3.3)
    mu, w = ppca.mean, _direction(ppca.W)
    line = torch.stack([mu - 4 * w, mu + 4 * w])
    for a in (ax, ex):
        a.plot(X[:, 0], X[:, 1], ".", ms=2, color="#b0b0b0")
        a.plot(line[:, 0], line[:, 1], "--", color=COLORS[0], lw=1, label="principal subspace span W")
    _ellipse(ax, ppca.mean, ppca.covariance(), COLORS[0], "PPCA: W Wᵀ + σ² I", ls="-")
    _ellipse(ax, fa.mean, fa.W @ fa.W.T + torch.diag(fa.psi), COLORS[1], "FA by EM: W Wᵀ + Ψ", ls=":")
    ax.set(title="one-factor fits (2σ contours)", xlabel="x₁", ylabel="x₂", aspect="equal")
    ax.legend(fontsize=6.5, loc="upper left")
    some = X[:: N // 12]
    for noise, color, label in ((ppca.noise_variance, COLORS[0], "posterior mean, σ² from the fit"),
                                (1e-12, COLORS[2], "zero-noise limit W⁺(x − μ)")):
        z_mean, _ = posterior(some, ppca.mean, ppca.W, noise)  # (12, 1)
        back = ppca.mean + z_mean @ ppca.W.T  # (12, 2)
        for p, q in zip(some, back, strict=True):
            ex.plot([p[0], q[0]], [p[1], q[1]], color=color, lw=0.7)
        ex.plot(back[:, 0], back[:, 1], "o", ms=3, color=color, label=label)
    ex.plot(some[:, 0], some[:, 1], "k.", ms=4)
    ex.set(title="the encoder: x ↦ μ + W E[z | x]", xlabel="x₁", aspect="equal")
    ex.legend(fontsize=6.5, loc="upper left")
    return fig


FIGURES = [Figure(
    name="ppca-fa-fit",
    entries=("latent.ppca-ml-solution", "latent.ppca-noise-variance-ml", "latent.fa-em-update",
             "latent.fa-marginal-distribution", "latent.fa-posterior-mean", "latent.fa-zero-noise-posterior-mean"),
    caption="PPCA and factor analysis with one factor on the same 2-D data (noise variances 0.15 and 0.9). "
            "Left: the principal subspace and the two models' 2σ contours. With one factor in two dimensions "
            "either model reproduces the sample covariance: EM starts from the PPCA solution, already a maximum, "
            "and stays there, so the contours coincide. Right: the encoder maps points to μ + W E[z | x], onto "
            "the subspace and shrunk towards μ; in the zero-noise limit it is the orthogonal projection W⁺.",
    alt="A scatter of 2-D data with the principal subspace and model ellipses, and points mapped by the encoder.",
    draw=_draw,
    uses=("numerics.latent.ppca", "numerics.latent.factor_analysis", "numerics.latent.encoder", "numerics.latent.gaussian",
          "numerics.latent._linalg"),
)]
