"""Float64 maximum-likelihood experiments: claims about the maximiser of a likelihood and about EM.

"W maximises the PPCA likelihood", "the ML noise variance is …" and "EM never lowers the likelihood" are
claims about an optimisation problem and an algorithm; they are checked by maximising in float64 with
LBFGS from several starts (or by running the EM updates the entry states), against the closed forms.
torch is imported inside each function: the catalog imports nothing heavy at import time.
"""

from __future__ import annotations

from .._authoring import Outcome
from .experiments import orthogonal_columns_lemma


def _torch_loglik(s, a, k: float = 1.0):
    import torch

    # −(k/2)(tr(S A⁻¹) + log det A)                                   # scalar
    return -(k / 2) * (torch.linalg.solve(a, s).diagonal().sum() + torch.linalg.slogdet(a)[1])


def _ppca_problems():
    """(S, σ², m, eigenvalues, eigenvectors, generator): some retained eigenvalues below σ² on purpose."""
    import torch

    g = torch.Generator().manual_seed(1999)
    out = []
    for lam, s2, m in (([5.0, 3.0, 0.6, 0.3], 1.0, 3), ([4.0, 2.5, 1.2, 0.7, 0.2], 0.5, 2), ([2.0, 1.5, 0.9], 1.0, 2)):
        n = len(lam)
        q, _ = torch.linalg.qr(torch.randn(n, n, generator=g, dtype=torch.float64))
        lam_t = torch.tensor(lam, dtype=torch.float64)
        out.append((q @ torch.diag(lam_t) @ q.mT, s2, m, lam_t, q, g))
    return out


def _maximise_w(s, s2: float, m: int, g):
    """argmax over W of −½(tr(SA⁻¹) + log det A), A = WWᵀ + σ²I, best of 4 LBFGS starts."""
    import torch

    n = s.shape[0]
    best, best_w = None, None
    for _ in range(4):
        w = torch.randn(n, m, generator=g, dtype=torch.float64).requires_grad_()
        opt = torch.optim.LBFGS([w], max_iter=2000, tolerance_grad=1e-13, tolerance_change=1e-15,
                                line_search_fn="strong_wolfe")

        def closure(w=w, opt=opt):
            opt.zero_grad()
            loss = -_torch_loglik(s, w @ w.mT + s2 * torch.eye(n, dtype=torch.float64))
            loss.backward()
            return loss

        opt.step(closure)
        val = float(-closure().detach())
        if best is None or val > best:
            best, best_w = val, w.detach()
    return best, best_w


def _ppca_closed_form(lam, q, s2: float, m: int):
    rho = (lam[:m] - s2).clamp(min=0.0).sqrt()  # (m,) ρᵢ = √max{0, λᵢ − σ²}
    return q[:, :m] * rho  # (n, m) columns wᵢ = ρᵢuᵢ


def ppca_ml_solution() -> Outcome:
    """latent.ppca-ml-solution: the Tipping-Bishop closed form against LBFGS maximisation."""
    import torch

    report = []
    for s, s2, m, lam, q, g in _ppca_problems():
        n = s.shape[0]
        eye = torch.eye(n, dtype=torch.float64)
        w_cf = _ppca_closed_form(lam, q, s2, m)
        ll_cf = float(_torch_loglik(s, w_cf @ w_cf.mT + s2 * eye))
        ll_opt, w_opt = _maximise_w(s, s2, m, g)
        gap = abs(ll_opt - ll_cf)
        dev = float((w_opt @ w_opt.mT - w_cf @ w_cf.mT).abs().max())  # WWᵀ is rotation-free
        a = w_cf @ w_cf.mT + s2 * eye
        stat = float((s @ torch.linalg.solve(a, w_cf) - w_cf).abs().max())  # SA⁻¹W − W
        report.append((n, m, gap, dev, stat))
        if gap > 1e-9 or dev > 1e-5 or stat > 1e-10:
            return Outcome(False, f"n = {n}, m = {m}: optimiser log-likelihood {ll_opt:.10g} vs closed form {ll_cf:.10g}, "
                                  f"|WWᵀ − closed form| = {dev:.3g}, stationarity residual {stat:.3g}",
                           {"S eigenvalues": lam.tolist(), "sigma^2": s2, "m": m, "exact": False})
    return Outcome(True, "the closed form wᵢ = ρᵢuᵢ, ρᵢ² = max{0, λᵢ − σ²} is stationary and matches LBFGS "
                         "maximisation (best of 4 starts) in log-likelihood and WWᵀ: "
                         + "; ".join(f"n = {n}, m = {m}: gap {gp:.1g}, deviation {dv:.1g}" for n, m, gp, dv, _ in report))


def _ppca_eigen_columns(matrix_form: bool) -> Outcome:
    """At the numerically found maximiser, rotated to orthogonal columns (WV from the SVD W = PDVᵀ),
    S wᵢ = (σ² + ‖wᵢ‖²) wᵢ for every non-zero column."""
    import torch

    worst = 0.0
    for s, s2, m, _lam, _q, g in _ppca_problems():
        _, w = _maximise_w(s, s2, m, g)
        _, _, vh = torch.linalg.svd(w, full_matrices=False)
        w = w @ vh.mT  # (n, m), orthogonal columns
        rho2 = (w * w).sum(0)  # (m,) ρᵢ² = ‖wᵢ‖²
        keep = rho2 > 1e-8
        w, rho2 = w[:, keep], rho2[keep]
        if matrix_form:
            res = s @ w - w @ torch.diag(s2 + rho2)  # SW − W diag(σ² + ρᵢ²)
        else:
            res = torch.stack([s @ w[:, i] - (s2 + rho2[i]) * w[:, i] for i in range(w.shape[1])])
        worst = max(worst, float(res.abs().max()) if res.numel() else 0.0)
    holds = worst < 1e-6
    form = "SW = W diag(σ² + ρᵢ²)" if matrix_form else "S wᵢ = (σ² + ρᵢ²) wᵢ"
    return Outcome(holds, f"{form} at LBFGS maximisers rotated to orthogonal columns, 3 problems: "
                          f"max residual {worst:.2g}", None if holds else {"residual": worst, "exact": False})


def ppca_noise_variance_ml() -> Outcome:
    """latent.ppca-noise-variance-ml: jointly over W and σ², the maximiser has σ² = the mean of the n − m
    smallest eigenvalues of S."""
    import torch

    worst = 0.0
    for s, _s2, m, lam, _q, g in _ppca_problems():
        n = s.shape[0]
        best = None
        for _ in range(3):
            w = torch.randn(n, m, generator=g, dtype=torch.float64).requires_grad_()
            ls = torch.zeros((), dtype=torch.float64, requires_grad=True)
            opt = torch.optim.LBFGS([w, ls], max_iter=2000, tolerance_grad=1e-13, tolerance_change=1e-15,
                                    line_search_fn="strong_wolfe")

            def closure(w=w, ls=ls, opt=opt, n=n, s=s):
                opt.zero_grad()
                loss = -_torch_loglik(s, w @ w.mT + ls.exp() * torch.eye(n, dtype=torch.float64))
                loss.backward()
                return loss

            opt.step(closure)
            val = float(-closure().detach())
            if best is None or val > best[0]:
                best = (val, float(ls.detach().exp()))
        want = float(lam[m:].mean())
        worst = max(worst, abs(best[1] - want))
    holds = worst < 1e-6
    return Outcome(holds, f"joint LBFGS over (W, log σ²), 3 problems: |σ² − mean discarded eigenvalue| "
                          f"≤ {worst:.2g}", None if holds else {"deviation": worst, "exact": False})




def ppca_eigen_equation() -> Outcome:
    """latent.ppca-eigen-equation: the exact orthogonal-columns lemma (which turns SA⁻¹W = W into the
    eigen-equations), then S wᵢ = (σ² + ρᵢ²) wᵢ at numerically found maximisers."""
    orthogonal_columns_lemma()  # raises if the lemma fails
    out = _ppca_eigen_columns(matrix_form=False)
    return Outcome(out.holds, "exact lemma (σ²I + WWᵀ)⁻¹W = W diag(1/(σ² + ρᵢ²)) for orthogonal columns holds; "
                   + out.detail, out.counterexample)


def ppca_eigen_equation_matrix() -> Outcome:
    """latent.ppca-eigen-equation-matrix: SW = W diag(σ² + ρᵢ²) at numerically found maximisers."""
    return _ppca_eigen_columns(matrix_form=True)


def fa_em_update() -> Outcome:
    """latent.fa-em-update: the factor-analysis EM updates of the entry's notes never lower the log-likelihood,
    run here from their formulas (not from the project's numerics) on random data."""
    import torch

    g = torch.Generator().manual_seed(0)
    worst = 0.0
    for n, d, k in ((200, 5, 2), (300, 8, 3)):
        z = torch.randn(n, k, generator=g, dtype=torch.float64)
        w_true = torch.randn(d, k, generator=g, dtype=torch.float64)
        noise = torch.rand(d, generator=g, dtype=torch.float64) + 0.1
        x = z @ w_true.mT + torch.randn(n, d, generator=g, dtype=torch.float64) * noise
        x = x - x.mean(0)
        s = x.mT @ x / n  # (d, d) sample covariance
        w = torch.randn(d, k, generator=g, dtype=torch.float64)
        psi = torch.ones(d, dtype=torch.float64)
        history = []
        for _ in range(60):
            history.append(float(_torch_loglik(s, w @ w.mT + torch.diag(psi))))
            m = torch.eye(k, dtype=torch.float64) + w.mT @ (w / psi[:, None])  # (k, k) M = I + Wᵀ Ψ⁻¹ W
            beta = torch.linalg.solve(m, w.mT / psi)  # (k, d) β = M⁻¹ Wᵀ Ψ⁻¹
            ezz = torch.linalg.inv(m) + beta @ s @ beta.mT  # (k, k) E[z zᵀ]
            w = s @ beta.mT @ torch.linalg.inv(ezz)  # (d, k) W = S βᵀ E[z zᵀ]⁻¹
            psi = torch.diagonal(s - w @ beta @ s).clamp(min=1e-12)  # (d,) Ψ = diag(S − W β S)
        steps = [b - a for a, b in zip(history, history[1:], strict=False)]
        worst = min(worst, min(steps))
        if min(steps) < -1e-9:
            return Outcome(False, f"the log-likelihood fell by {-min(steps):.3g} at N = {n}, d = {d}, k = {k}",
                           {"N": n, "d": d, "k": k, "history": history[:10], "exact": False})
    return Outcome(True, f"60 EM iterations at (N, d, k) = (200, 5, 2), (300, 8, 3): the log-likelihood never "
                         f"decreased (smallest step {worst:.2g})")
