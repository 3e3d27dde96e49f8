"""Experiments: exact computations on small rational examples and float64 optimisation."""

from __future__ import annotations

import random

import sympy as sp

from .._authoring import (
    Outcome,
)


# -- small exact helpers (experiments) ---------------------------------------------------------
def _rat_matrix(rng: random.Random, r: int, c: int, lo: int = -3, hi: int = 3) -> sp.Matrix:
    return sp.Matrix(r, c, lambda i, j: sp.Integer(rng.randint(lo, hi)))


def _full_column_rank(rng: random.Random, n: int, m: int) -> sp.Matrix:
    while True:
        w = _rat_matrix(rng, n, m)
        if w.rank() == m:
            return w


def _spd(rng: random.Random, n: int) -> sp.Matrix:
    b = _rat_matrix(rng, n, n)
    return b * b.T + sp.eye(n)


def _rational_orthogonal(rng: random.Random, n: int) -> sp.Matrix:
    """A rational orthogonal matrix: the Cayley transform of a random integer skew matrix."""
    a = _rat_matrix(rng, n, n)
    skew = (a - a.T) / 2
    return (sp.eye(n) - skew) * (sp.eye(n) + skew).inv()


def _show(m) -> list | str:
    return [[str(v) for v in row] for row in m.tolist()] if isinstance(m, sp.MatrixBase) else str(m)


# The (n, m) shapes every factor-analysis experiment runs at.
_FA_SHAPES = ((2, 1), (3, 1), (3, 2))


# -- factor-analysis marginal through the MGF --------------------------------------------------
def _fa_marginal() -> Outcome:
    """MGF of mu + W z + eta (independent standard normals z_j, eta_i ~ N(0, Sigma_ii)) equals
    the MGF of N(mu, W W^T + Sigma), symbolically in W, mu, Sigma and t."""
    from sympy import stats

    for n, m in _FA_SHAPES:
        w = sp.Matrix(n, m, lambda i, j: sp.Symbol(f"w{i}{j}", real=True))
        mu = sp.Matrix(n, 1, lambda i, _: sp.Symbol(f"mu{i}", real=True))
        t = sp.Matrix(n, 1, lambda i, _: sp.Symbol(f"t{i}", real=True))
        psi = [sp.Symbol(f"psi{i}", positive=True) for i in range(n)]
        # t^T x = t^T mu + (W^T t)^T z + t^T eta, a sum of independent terms
        s = w.T * t  # (m, 1)
        mgf = sp.exp((t.T * mu)[0, 0])
        for j in range(m):
            mgf *= stats.moment_generating_function(stats.Normal(f"z{j}", 0, 1))(s[j])
        for i, (p, ti) in enumerate(zip(psi, t, strict=True)):
            mgf *= stats.moment_generating_function(stats.Normal(f"eta{i}", 0, sp.sqrt(p)))(ti)
        cov = w * w.T + sp.diag(*psi)
        target = sp.exp((t.T * mu)[0, 0] + (t.T * cov * t)[0, 0] / 2)
        ratio = sp.powsimp(mgf / target, combine="exp")
        exponent = sp.expand(sp.log(ratio), force=True) if ratio != 1 else sp.Integer(0)
        if exponent != 0:
            return Outcome(False, f"n={n}, m={m}: MGF exponent differs by {exponent}",
                           {"n": n, "m": m, "residual exponent": str(exponent), "exact": True})
    return Outcome(True, "exact symbolic MGF of mu + W z + eta equals exp(t^T mu + t^T (W W^T + Sigma) t / 2) "
                         f"at (n, m) in {list(_FA_SHAPES)}; Gaussian by MGF uniqueness")


# -- the posterior p(z | x) as a density ---------------------------------------------------------
def _gauss_parts(v, mean, cov):
    """log N(v; mean, cov) = -quad/2 - log(det)/2 - dim log(2 pi)/2, returned as (quad, det, dim)."""
    r = v - mean
    return (r.T * cov.inv() * r)[0, 0], cov.det(), v.rows


def _fa_posterior() -> Outcome:
    """p(x|z) p(z) / p(x) equals N(z; mu_{z|x}, Sigma_{z|x}) with the printed mean and covariance,
    exactly for symbolic z on random rational W, diagonal Sigma, x, mu."""
    rng = random.Random(16)
    for n, m in _FA_SHAPES:
        for _ in range(2):
            w = _rat_matrix(rng, n, m)
            sig = sp.diag(*[sp.Rational(rng.randint(1, 5), rng.randint(1, 3)) for _ in range(n)])
            x, mu = _rat_matrix(rng, n, 1), _rat_matrix(rng, n, 1)
            z = sp.Matrix(m, 1, lambda i, _: sp.Symbol(f"z{i}", real=True))
            a = w * w.T + sig
            post_mean = w.T * a.inv() * (x - mu)  # printed mu_{z|x}
            post_cov = sp.eye(m) - w.T * a.inv() * w  # printed Sigma_{z|x}
            lik = _gauss_parts(x, mu + w * z, sig)
            prior = _gauss_parts(z, sp.zeros(m, 1), sp.eye(m))
            marg = _gauss_parts(x, mu, a)
            post = _gauss_parts(z, post_mean, post_cov)
            quad = sp.expand(lik[0] + prior[0] - marg[0] - post[0])
            dets = sp.nsimplify(lik[1] * prior[1] / (marg[1] * post[1]))
            dims = lik[2] + prior[2] - marg[2] - post[2]
            if quad != 0 or dets != 1 or dims != 0 or not post_cov.is_positive_definite:
                return Outcome(False, f"n={n}, m={m}: log-density residual {quad}, det ratio {dets}",
                               {"W": _show(w), "Sigma": _show(sig), "x": _show(x), "mu": _show(mu),
                                "residual": str(quad), "det ratio": str(dets), "exact": True})
    return Outcome(True, "log p(x|z) + log p(z) - log p(x) - log N(z; mu_{z|x}, Sigma_{z|x}) = 0 exactly "
                         f"(symbolic z) on 6 random rational examples at (n, m) in {list(_FA_SHAPES)}")


# -- the zero-noise limit ----------------------------------------------------------------------
def _limit_encoder(w: sp.Matrix) -> sp.Matrix:
    """lim_{s -> 0+} W^T (W W^T + s I)^-1, entry by entry, exactly."""
    s = sp.Symbol("s", positive=True)
    enc = (w.T * (w * w.T + s * sp.eye(w.rows)).inv()).applyfunc(sp.cancel)
    return enc.applyfunc(lambda e: sp.limit(e, s, 0, "+"))


def _limit_claim(claim, label: str) -> Outcome:
    """Run ``claim(W, L, x - mu) -> (holds, lhs, rhs)`` on exact examples, L the exact limit."""
    rng = random.Random(1999)
    examples = [sp.Matrix([[2], [0]])] + [_full_column_rank(rng, n, m) for n, m in _FA_SHAPES for _ in range(2)]
    for w in examples:
        d = _rat_matrix(rng, w.rows, 1)
        ok, got, want = claim(w, _limit_encoder(w), d)
        if not ok:
            return Outcome(False, f"{label}: exact limit differs at W = {w.tolist()}",
                           {"W": _show(w), "x - mu": _show(d), "limit": _show(got), "claimed": _show(want),
                            "exact": True})
    return Outcome(True, f"{label}: exact limits (sympy.limit, s = sigma^2 -> 0+) on {len(examples)} "
                         "full-column-rank integer W at (n, m) in {(2, 1), (3, 1), (3, 2)}")


def _limit_is_transpose() -> Outcome:
    return _limit_claim(lambda w, lim, d: (lim == w.T, lim, w.T), "W^T (W W^T + s I)^-1 -> W^T")


def _limit_is_pseudoinverse() -> Outcome:
    def claim(w, lim, d):
        pinv = (w.T * w).inv() * w.T
        return lim == pinv and lim == w.pinv(), lim, pinv
    return _limit_claim(claim, "W^T (W W^T + s I)^-1 -> (W^T W)^-1 W^T")


def _mean_limit_transpose() -> Outcome:
    return _limit_claim(lambda w, lim, d: (lim * d == w.T * d, lim * d, w.T * d), "mu_{z|x} -> W^T (x - mu)")


def _mean_limit_pseudoinverse() -> Outcome:
    def claim(w, lim, d):
        want = (w.T * w).inv() * w.T * d
        return lim * d == want, lim * d, want
    return _limit_claim(claim, "mu_{z|x} -> W^+ (x - mu)")


def _covariance_limit_zero() -> Outcome:
    def claim(w, lim, d):
        got = sp.eye(w.cols) - lim * w  # lim (I - W^T A^-1 W) = I - (lim W^T A^-1) W
        return got == sp.zeros(w.cols, w.cols), got, sp.zeros(w.cols, w.cols)
    return _limit_claim(claim, "Sigma_{z|x} -> 0")


# -- empirical covariance and the Gaussian log-likelihood ---------------------------------------
def _outer_products() -> Outcome:
    for n in (1, 2, 3):
        for k in (1, 2, 3):
            x = sp.Matrix(n, k, lambda i, j: sp.Symbol(f"x{i}{j}", real=True))
            total = sp.zeros(n, n)
            for i in range(k):
                total += x[:, i] * x[:, i].T
            if (total - x * x.T).applyfunc(sp.expand) != sp.zeros(n, n):
                return Outcome(False, f"n={n}, k={k}: sum of outer products differs from X X^T",
                               {"n": n, "k": k, "exact": True})
    return Outcome(True, "sum_i x_i x_i^T = X X^T entry by entry for symbolic X, n, k in 1..3 (so S = X X^T / k)")


def _loglik_oracle(x: sp.Matrix, a: sp.Matrix):
    """sum_i log N(x_i; 0, A) from sympy.stats' own multivariate normal density."""
    from sympy.stats import MultivariateNormal, density

    dist = MultivariateNormal("Xi", [0] * a.rows, a)
    return sum(sp.log(density(dist)(*list(x[:, i]))) for i in range(x.cols))


def _loglik_claim(sign: int, label: str) -> Outcome:
    """Compare the explicit sum of log-densities with -(k/2)(Tr(S A^-1) + sign * log det A) + const:
    the difference must not depend on A (and, for the corrected form, equals -(kn/2) log 2 pi)."""
    rng = random.Random(692)
    for n in (1, 2, 3):
        for k in (1, 2, 3):
            x = _rat_matrix(rng, n, k)
            s = x * x.T / k
            consts = []
            mats = [_spd(rng, n), _spd(rng, n)]
            while mats[0].det() == mats[1].det():
                mats[1] = _spd(rng, n)
            for a in mats:
                formula = -sp.Rational(k, 2) * ((s * a.inv()).trace() + sign * sp.log(a.det()))
                consts.append(_loglik_oracle(x, a) - formula)
            gap = sp.N(consts[0] - consts[1], 50)
            if abs(gap) > sp.Float("1e-40"):
                return Outcome(False, f"{label}: at n={n}, k={k} the 'constant' changes with A by {sp.N(gap, 8)}",
                               {"X": _show(x), "A1": _show(mats[0]), "A2": _show(mats[1]),
                                "const(A1) - const(A2)": str(sp.N(gap, 12)), "exact": True})
            if sign == 1:
                off = sp.N(consts[0] + sp.Rational(k * n, 2) * sp.log(2 * sp.pi), 50)
                if abs(off) > sp.Float("1e-40"):
                    return Outcome(False, f"{label}: constant is not -(kn/2) log(2 pi) at n={n}, k={k}",
                                   {"X": _show(x), "A": _show(mats[0]), "offset": str(sp.N(off, 12))})
    return Outcome(True, f"{label}: equals the explicit sum of N(0, A) log-densities (sympy.stats) to 50 digits "
                         "for n, k in 1..3, two random SPD A each")


def _loglik_printed() -> Outcome:
    return _loglik_claim(-1, "-(k/2)(Tr(S A^-1) - log det A) + const")


def _loglik_corrected() -> Outcome:
    return _loglik_claim(1, "-(k/2)(Tr(S A^-1) + log det A) - (kn/2) log 2 pi")


# -- torch experiments: maximum likelihood ------------------------------------------------------
def _torch_loglik(s, a, k: float = 1.0):
    import torch

    # -(k/2) (Tr(S A^-1) + log det A)                                  # scalar
    return -(k / 2) * (torch.linalg.solve(a, s).diagonal().sum() + torch.linalg.slogdet(a)[1])


def _mle_a_is_s() -> Outcome:
    """A = S maximises -(k/2)(Tr(S A^-1) + log det A): numerically maximised over A = L L^T from
    random starts, and compared with 2000 random SPD competitors."""
    import torch

    g = torch.Generator().manual_seed(706)
    worst, far = float("-inf"), 0.0
    for n in (1, 2, 3, 4):
        x = torch.randn(n, 3 * n + 2, generator=g, dtype=torch.float64)
        s = x @ x.mT / x.shape[1]  # (n, n) sample covariance, invertible a.s.
        best = _torch_loglik(s, s)
        for _ in range(500):
            b = torch.randn(n, n, generator=g, dtype=torch.float64)
            a = b @ b.mT + 0.05 * torch.eye(n, dtype=torch.float64)
            worst = max(worst, float(_torch_loglik(s, a) - best))
        raw = torch.randn(n, n, generator=g, dtype=torch.float64).tril().requires_grad_()
        opt = torch.optim.LBFGS([raw], max_iter=500, tolerance_grad=1e-12, tolerance_change=1e-14,
                                line_search_fn="strong_wolfe")

        def closure(raw=raw, s=s, opt=opt, n=n):
            opt.zero_grad()
            lo = raw.tril(-1) + torch.diag_embed(raw.diagonal().exp())
            loss = -_torch_loglik(s, lo @ lo.mT + 1e-12 * torch.eye(n, dtype=torch.float64))
            loss.backward()
            return loss

        opt.step(closure)
        lo = raw.detach().tril(-1) + torch.diag_embed(raw.detach().diagonal().exp())
        far = max(far, float((lo @ lo.mT - s).abs().max() / s.abs().max()))
    holds = worst <= 1e-10 and far <= 1e-6
    return Outcome(holds, f"n = 1..4: no random SPD A beats A = S (best gap {worst:.3g}); LBFGS over A = L L^T "
                          f"converges to S (max relative deviation {far:.2g})",
                   None if holds else {"best competitor gap": worst, "optimiser deviation": far, "exact": False})


def _ppca_problems():
    """(S, sigma^2, m, eigenvalues, eigenvectors): some top eigenvalues below sigma^2 on purpose."""
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
    """argmax_W of -(1/2)(Tr(S A^-1) + log det A), A = W W^T + s2 I, best of 4 LBFGS starts."""
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
    rho = (lam[:m] - s2).clamp(min=0.0).sqrt()  # (m,) rho_i = sqrt(max{0, lambda_i - sigma^2})
    return q[:, :m] * rho  # (n, m) columns w_i = rho_i u_i


def _ppca_ml_solution() -> Outcome:
    import torch

    report = []
    for s, s2, m, lam, q, g in _ppca_problems():
        n = s.shape[0]
        eye = torch.eye(n, dtype=torch.float64)
        w_cf = _ppca_closed_form(lam, q, s2, m)
        ll_cf = float(_torch_loglik(s, w_cf @ w_cf.mT + s2 * eye))
        ll_opt, w_opt = _maximise_w(s, s2, m, g)
        gap = abs(ll_opt - ll_cf)
        dev = float((w_opt @ w_opt.mT - w_cf @ w_cf.mT).abs().max())  # W W^T is rotation-free
        a = w_cf @ w_cf.mT + s2 * eye
        stat = float((s @ torch.linalg.solve(a, w_cf) - w_cf).abs().max())  # S A^-1 W - W
        report.append((n, m, gap, dev, stat))
        if gap > 1e-9 or dev > 1e-5 or stat > 1e-10:
            return Outcome(False, f"n={n}, m={m}: optimiser log-lik {ll_opt:.10g} vs closed form {ll_cf:.10g}, "
                                  f"|W W^T - closed form| = {dev:.3g}, stationarity residual {stat:.3g}",
                           {"S eigenvalues": lam.tolist(), "sigma^2": s2, "m": m, "exact": False})
    return Outcome(True, "closed form w_i = rho_i u_i, rho_i^2 = max{0, lambda_i - sigma^2} is stationary and "
                         "matches LBFGS maximisation (best of 4 starts) in log-likelihood and W W^T: "
                         + "; ".join(f"n={n}, m={m}: gap {gp:.1g}, dev {dv:.1g}" for n, m, gp, dv, _ in report))


def _ppca_eigen_columns(matrix_form: bool) -> Outcome:
    """At the numerically found maximiser, rotated to orthogonal columns (W V from the SVD
    W = P D V^T), S w_i = (sigma^2 + |w_i|^2) w_i for every non-zero column."""
    import torch

    worst = 0.0
    for s, s2, m, _lam, _q, g in _ppca_problems():
        _, w = _maximise_w(s, s2, m, g)
        _, _, vh = torch.linalg.svd(w, full_matrices=False)
        w = w @ vh.mT  # (n, m), orthogonal columns
        rho2 = (w * w).sum(0)  # (m,) rho_i^2 = |w_i|^2
        keep = rho2 > 1e-8
        w, rho2 = w[:, keep], rho2[keep]
        if matrix_form:
            res = s @ w - w @ torch.diag(s2 + rho2)  # S W - W diag(sigma^2 + rho_i^2)
        else:
            res = torch.stack([s @ w[:, i] - (s2 + rho2[i]) * w[:, i] for i in range(w.shape[1])])
        worst = max(worst, float(res.abs().max()) if res.numel() else 0.0)
    holds = worst < 1e-6
    form = "S W = W diag(sigma^2 + rho_i^2)" if matrix_form else "S w_i = (sigma^2 + rho_i^2) w_i"
    return Outcome(holds, f"{form} at LBFGS maximisers rotated to orthogonal columns, 3 problems: "
                          f"max residual {worst:.2g}", None if holds else {"residual": worst, "exact": False})


def _ppca_noise_variance() -> Outcome:
    """Jointly over W and sigma^2, the maximiser has sigma^2 = mean of the n - m smallest eigenvalues."""
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
    return Outcome(holds, f"joint LBFGS over (W, log sigma^2), 3 problems: |sigma^2 - mean discarded eigenvalue| "
                          f"<= {worst:.2g}", None if holds else {"deviation": worst, "exact": False})


def _ppca_exact_point():
    """An exact stationary point: S = Q diag(5, 2, 1) Q^T (Q rational orthogonal), sigma^2 = 1,
    m = 1, w_1 = rho_1 u_1 with rho_1^2 = 5 - 1 = 4."""
    q = _rational_orthogonal(random.Random(718), 3)
    lam = [sp.Integer(5), sp.Integer(2), sp.Integer(1)]
    s = q * sp.diag(*lam) * q.T
    s2 = sp.Integer(1)
    w = 2 * q[:, 0]
    return s, s2, w, lam


def _ppca_printed_stationarity() -> Outcome:
    s, s2, w, lam = _ppca_exact_point()
    a = w * w.T + s2 * sp.eye(3)
    lhs = s * a.inv() * w
    stationary = lhs == w  # sanity: the correct condition S A^-1 W = W holds here
    rho2 = (w.T * w)[0, 0]
    rhs = w * (1 / (s2 + rho2))  # printed: W diag(1 / (sigma^2 + rho_i^2))
    holds = lhs == rhs
    return Outcome(holds, f"at the exact PPCA maximiser (S A^-1 W = W holds: {stationary}) the printed "
                          f"S (Sigma + W W^T)^-1 W = W diag(1/(sigma^2 + rho^2)) {'holds' if holds else 'fails'}",
                   None if holds else {"S": _show(s), "sigma^2": "1", "W": _show(w), "lhs": _show(lhs),
                                       "rhs": _show(rhs), "exact": True})


def _ppca_printed_matrix_eigen() -> Outcome:
    s, s2, w, lam = _ppca_exact_point()
    lhs = s * w
    rhs = sp.diag(*lam) * w  # printed diag(lambda) W with lambda the eigenvalues of S
    holds = lhs == rhs
    return Outcome(holds, "printed S W = diag(lambda) W at an exact PPCA maximiser "
                          f"({'holds' if holds else 'fails'}; with only the m retained eigenvalues, "
                          "diag(lambda) W is not even defined unless m = n)",
                   None if holds else {"S": _show(s), "W": _show(w), "lambda": [str(v) for v in lam],
                                       "S W": _show(lhs), "diag(lambda) W": _show(rhs), "exact": True})


def _ppca_orthogonal_columns_lemma_exact() -> bool:
    """(sigma^2 I + W W^T)^-1 W = W diag(1/(sigma^2 + rho_i^2)) for orthogonal columns, exactly."""
    rng = random.Random(722)
    for n, m in ((3, 1), (3, 2), (4, 3)):
        q = _rational_orthogonal(rng, n)
        rho = [sp.Rational(rng.randint(1, 5), rng.randint(1, 3)) for _ in range(m)]
        w = q[:, :m] * sp.diag(*rho)
        s2 = sp.Rational(rng.randint(1, 4), rng.randint(1, 3))
        lhs = (s2 * sp.eye(n) + w * w.T).inv() * w
        if lhs != w * sp.diag(*[1 / (s2 + r**2) for r in rho]):
            return False
    return True


def _ppca_eigen_equation() -> Outcome:
    lemma = _ppca_orthogonal_columns_lemma_exact()
    out = _ppca_eigen_columns(matrix_form=False)
    holds = lemma and out.holds
    return Outcome(holds, ("exact lemma (sigma^2 I + W W^T)^-1 W = W diag(1/(sigma^2 + rho_i^2)) for orthogonal "
                           f"columns: {'holds' if lemma else 'FAILS'}; " + out.detail), out.counterexample)


def _ppca_eigen_matrix() -> Outcome:
    return _ppca_eigen_columns(matrix_form=True)


# -- MGF facts -----------------------------------------------------------------------------------
def _mgf_moments() -> Outcome:
    """E[x_1^k1 x_2^k2] = d^(k1+k2) M / dt_1^k1 dt_2^k2 at 0, exactly: (a) a correlated Gaussian pair
    X = (Z1 + a, b Z1 + c Z2) with symbolic a, b, c; (b) random finite joint distributions."""
    from sympy import stats

    t1, t2, a, b, c = sp.symbols("t1 t2 a b c")  # no assumptions: keeps sympy.diff fast
    z1 = stats.Normal("Z1", 0, 1)  # Z2 is an independent copy: same MGF and moments
    mz = stats.moment_generating_function(z1)
    # t^T X = t1 a + (t1 + b t2) Z1 + c t2 Z2 with Z1, Z2 independent
    mgf = sp.powsimp(sp.exp(t1 * a) * mz(t1 + b * t2) * mz(c * t2), combine="exp")
    zeta1, zeta2 = sp.symbols("zeta1 zeta2")
    # E[Z^p] of a standard normal: (p - 1)!! for even p, 0 for odd p (from the density, not the MGF)
    moments = {p: sp.factorial2(p - 1) if p % 2 == 0 else sp.Integer(0) for p in range(7)}
    d_t1 = mgf  # d^k1 M / dt1^k1, then differentiated k2 times in t2
    for k1 in range(4):
        d_t2 = d_t1
        for k2 in range(4):
            poly = sp.Poly(sp.expand((zeta1 + a) ** k1 * (b * zeta1 + c * zeta2) ** k2), zeta1, zeta2)
            mean = sum(coef * moments[e1] * moments[e2] for (e1, e2), coef in poly.terms())
            deriv = d_t2.subs({t1: 0, t2: 0})
            d_t2 = sp.diff(d_t2, t2)
            if sp.expand(deriv - mean) != 0:
                return Outcome(False, f"Gaussian pair: k=({k1},{k2}) derivative {deriv} vs moment {mean}",
                               {"k1": k1, "k2": k2, "derivative": str(deriv), "moment": str(mean), "exact": True})
        d_t1 = sp.diff(d_t1, t1)
    rng = random.Random(738)
    for _ in range(5):
        atoms = [(sp.Integer(rng.randint(1, 5)), rng.randint(-2, 2), rng.randint(-2, 2)) for _ in range(4)]
        total = sum(p for p, _, _ in atoms)
        mgf = sum(p / total * sp.exp(t1 * u + t2 * v) for p, u, v in atoms)
        for k1 in range(3):
            for k2 in range(3):
                mean = sum(p / total * sp.Integer(u) ** k1 * sp.Integer(v) ** k2 for p, u, v in atoms)
                deriv = sp.diff(mgf, t1, k1, t2, k2).subs({t1: 0, t2: 0}) if k1 + k2 else mgf.subs({t1: 0, t2: 0})
                if sp.expand(deriv - mean) != 0:
                    return Outcome(False, f"finite distribution: k=({k1},{k2})",
                                   {"atoms": str(atoms), "derivative": str(deriv), "moment": str(mean), "exact": True})
    return Outcome(True, "mixed moments up to order (3, 3) of a symbolic correlated Gaussian pair and up to (2, 2) "
                         "of 5 random finite joint distributions equal the MGF's partial derivatives at 0, exactly")


# -- de Finetti ---------------------------------------------------------------------------------
def _de_finetti_finite() -> Outcome:
    """Two draws without replacement from an urn {0, 1}: exchangeable, P(x1 = x2) = 0. Every
    mixture of i.i.d. Bernoulli(theta) pairs has P(x1 = x2) = E[theta^2 + (1 - theta)^2] >= the
    minimum of theta^2 + (1 - theta)^2 over [0, 1]."""
    theta = sp.Symbol("theta", real=True)
    urn = {(0, 1): sp.Rational(1, 2), (1, 0): sp.Rational(1, 2), (0, 0): sp.Integer(0), (1, 1): sp.Integer(0)}
    exchangeable = all(urn[(u, v)] == urn[(v, u)] for u, v in urn)
    floor = sp.minimum(theta**2 + (1 - theta) ** 2, theta, sp.Interval(0, 1))
    p_equal = urn[(0, 0)] + urn[(1, 1)]
    holds = not (exchangeable and p_equal < floor)
    return Outcome(holds, f"urn pair is exchangeable ({exchangeable}) with P(x1 = x2) = {p_equal}, but every mixture "
                          f"of i.i.d. draws has P(x1 = x2) >= min over theta of theta^2 + (1-theta)^2 = {floor}",
                   None if holds else {"P(x1, x2)": {str(k): str(v) for k, v in urn.items()},
                                       "mixture lower bound on P(x1 = x2)": str(floor), "exact": True})


def _de_finetti_polya() -> Outcome:
    """The Polya urn (a, b) is infinitely exchangeable; its de Finetti measure is Beta(a, b):
    P(x_1..x_N) = int theta^s (1 - theta)^(N - s) Beta(theta; a, b) d theta, exactly for N <= 5."""
    import itertools

    theta = sp.Symbol("theta", positive=True)
    for a, b in ((1, 1), (2, 1), (2, 3)):
        beta = theta ** (a - 1) * (1 - theta) ** (b - 1) / sp.beta(a, b)
        mixture = {}  # (N, s) -> int theta^s (1 - theta)^(N - s) Beta(theta; a, b) d theta
        for n in range(1, 6):
            for seq in itertools.product((0, 1), repeat=n):
                p, ones, zeros = sp.Integer(1), a, b
                for v in seq:  # draw, then add a ball of the drawn colour
                    p *= sp.Rational(ones if v else zeros, ones + zeros)
                    ones, zeros = ones + v, zeros + (1 - v)
                s = sum(seq)
                if (n, s) not in mixture:
                    mixture[(n, s)] = sp.integrate(theta**s * (1 - theta) ** (n - s) * beta, (theta, 0, 1))
                mix = mixture[(n, s)]
                if sp.simplify(p - mix) != 0:
                    return Outcome(False, f"Polya urn ({a}, {b}), sequence {seq}: {p} vs mixture {mix}",
                                   {"urn": [a, b], "sequence": list(seq), "P": str(p), "mixture": str(mix),
                                    "exact": True})
    return Outcome(True, "Polya urns (1,1), (2,1), (2,3): every 0/1 sequence of length <= 5 has exactly the "
                         "Beta(a, b) mixture-of-i.i.d. probability")


# -- PCA from the SVD ------------------------------------------------------------------------------
def _pca_eigenvectors_from_svd() -> Outcome:
    """The SVD of S = X X^T / k gives the left singular vectors of X (up to sign) and the eigenpairs
    S u_i = (sigma_i^2 / k) u_i, on random float64 data."""
    import torch

    g = torch.Generator().manual_seed(184)
    worst = 0.0
    for n, k in ((2, 5), (3, 3), (4, 10), (5, 4)):
        x = torch.randn(n, k, generator=g, dtype=torch.float64)
        s = x @ x.mT / k  # (n, n)
        u_s, lam, _ = torch.linalg.svd(s)  # SVD of S
        u_x, sv, _ = torch.linalg.svd(x, full_matrices=True)  # SVD of X
        r = min(n, k)
        align = (u_s[:, :r].mT @ u_x[:, :r]).abs()  # (r, r): identity when columns agree up to sign
        worst = max(worst, float((align - torch.eye(r, dtype=torch.float64)).abs().max()),
                    float((s @ u_x[:, :r] - u_x[:, :r] * (sv[:r] ** 2 / k)).abs().max()),
                    float((lam[:r] - sv[:r] ** 2 / k).abs().max()))
    holds = worst < 1e-10
    return Outcome(holds, f"4 random data matrices (n, k) up to (5, 10): SVD of S matches the SVD of X, max deviation "
                          f"{worst:.2g}", None if holds else {"deviation": worst, "exact": False})


def _fa_em_monotone() -> Outcome:
    """EM for factor analysis never lowers the log-likelihood (numerics' EM on random data)."""
    import torch

    from numerics.latent import fit_factor_analysis

    g = torch.Generator().manual_seed(0)
    worst = 0.0
    for n, d, k in ((200, 5, 2), (300, 8, 3)):
        z = torch.randn(n, k, generator=g, dtype=torch.float64)
        w = torch.randn(d, k, generator=g, dtype=torch.float64)
        x = z @ w.mT + torch.randn(n, d, generator=g, dtype=torch.float64) * torch.rand(d, generator=g,
                                                                                        dtype=torch.float64)
        fit = fit_factor_analysis(x, k, max_iter=60, tol=0.0)
        steps = [b - a for a, b in zip(fit.history, fit.history[1:], strict=False)]
        worst = min(worst, min(steps))
        if min(steps) < -1e-9:
            return Outcome(False, f"log-likelihood fell by {-min(steps):.3g} at N={n}, d={d}, k={k}",
                           {"N": n, "d": d, "k": k, "history": fit.history[:10], "exact": False})
    return Outcome(True, f"60 EM iterations at (N, d, k) = (200, 5, 2), (300, 8, 3): the mean log-likelihood "
                         f"never decreased (smallest step {worst:.2g})")
