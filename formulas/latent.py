r"""16 Latent-variable models: factor analysis, probabilistic PCA, MGFs.

The linear-Gaussian latent-variable model of the cheat sheet (its lines 640-754,
plus the two copies of the SVD identity at 186 and 283)::

    z ~ N(0, I_m),  eta ~ N(0, Sigma),  x = mu + W z + eta        (W: n x m, m <= n)

Main statements
    * ``fa_marginal_distribution`` -- x ~ N(mu, W W^T + Sigma), checked through the MGF.
    * ``fa_rotation_invariance`` -- (WQ)(WQ)^T = W W^T for orthogonal Q (the printed line has a
      stray factor M and is refuted as printed: ``rotation_gram_with_stray_m``).
    * ``fa_posterior_gaussian``, ``fa_posterior_mean``, ``fa_posterior_covariance`` -- the
      encoder p(z|x), proved through the push-through identity
      W^T (W W^T + Sigma)^-1 = (I + W^T Sigma^-1 W)^-1 W^T Sigma^-1 and the Woodbury identity.
    * ``fa_zero_noise_limit_pseudoinverse`` -- W^T (W W^T + s I)^-1 -> W^+ = (W^T W)^-1 W^T as
      s -> 0, not W^T as printed (``fa_zero_noise_limit_transpose``, refuted).
    * ``gaussian_loglik_in_s`` -- log P(X; A) = -(k/2)(Tr(S A^-1) + log det A) - (kn/2) log 2 pi;
      the printed minus sign before log det is refuted (``gaussian_loglik_minus_logdet``).
    * ``grad_trace_s_ainv`` (-A^-1 S A^-1; printed -A^-1 S A is refuted), ``grad_logdet_covariance``,
      ``loglik_stationarity_a``, ``mle_covariance_is_s``.
    * ``ppca_grad_loglik_w`` -- grad_W log P = k A^-1 (S A^-1 W - W), so W is stationary iff
      S (Sigma + W W^T)^-1 W = W; ``ppca_ml_solution`` (Tipping & Bishop 1999).
    * ``mgf_mixed_moments``, ``mgf_sum_independent``, ``de_finetti_infinite_exchangeable`` (the printed
      finite-N de Finetti is refuted: ``de_finetti_finite_as_printed``).
    * ``pca_svd_of_data``, ``pca_covariance_eigenvectors`` -- X = U Sigma V^T gives X X^T = U Sigma^2 U^T
      (each line is printed twice in the seed, each printing has its own entry).

Notation
    ``n`` observed dimension, ``m`` latent dimension, ``k`` number of samples;
    ``X = [x_1 ... x_k]`` (n x k), ``S = X X^T / k`` (data assumed centred, as in the seed's
    N(0, A)); ``A = W W^T + Sigma`` the model covariance; ``Sigma`` is diagonal in factor
    analysis and ``sigma^2 I`` in probabilistic PCA; ``s = sigma^2``.
    Derivatives ``D(f, A)`` are in denominator layout and treat every entry of ``A`` as an
    independent variable (so for a symmetric ``A`` they are the unconstrained gradient,
    evaluated at a symmetric point).

Word dictionary for names
    ``fa`` factor analysis, ``ppca`` probabilistic PCA, ``loglik`` log-likelihood, ``grad`` gradient
    (denominator layout), ``ainv`` A^-1, ``spd`` symmetric positive definite, ``mgf`` moment
    generating function; ``..._as_printed``-style names say what the *printed* line claims.

How claims are checked
    Matrix identities go through the engines (exact explicit matrices + torch autograd). Limits,
    densities, likelihood maximisation and the PPCA solution are *experiments*: exact SymPy
    computations on small random rational examples, or float64 torch optimisation, each a real
    check that can fail; their verdict is "confirmed", never "proved".

References
    M. E. Tipping & C. M. Bishop, "Probabilistic principal component analysis", JRSS B 61 (1999);
    C. M. Bishop, *Pattern Recognition and Machine Learning* (PRML) §2.3, §12.2;
    K. B. Petersen & M. S. Pedersen, *The Matrix Cookbook* (2012);
    D. J. Bartholomew, M. Knott & I. Moustaki, *Latent Variable Models and Factor Analysis* (2011);
    P. Billingsley, *Probability and Measure*, §30; D. Aldous, *Exchangeability and related topics* (1985).

Tags: factor analysis, PPCA, latent variables, Gaussian, maximum likelihood, MGF, exchangeability.
"""

from __future__ import annotations

import random

import sympy as sp
from sympy.stats import Expectation

from ._authoring import (
    CONFIRMED,
    NOT_CHECKABLE,
    PROVED,
    REFUTED,
    Chapter,
    D,
    Entry,
    Eq,
    Identity,
    Outcome,
    Trace,
    det,
    exp,
    log,
    seed,
)

CHAPTER = Chapter("latent", 16, "Latent-variable models: factor analysis, PPCA, MGFs")

TIPPING_BISHOP = "Tipping & Bishop, Probabilistic principal component analysis, JRSS B 61 (1999) 611-622"
PRML_12 = "Bishop, Pattern Recognition and Machine Learning (2006), §12.2"
PRML_GAUSS = "Bishop, Pattern Recognition and Machine Learning (2006), §2.3.3 (eqs. 2.113-2.117)"
COOKBOOK = "Petersen & Pedersen, The Matrix Cookbook (2012)"


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


# -- catalog entries ------------------------------------------------------------------------------
# Model and identifiability ----------------------------------------------------------------------
fa_marginal_distribution = Entry(
    id="latent.fa-marginal-distribution",
    title="Factor analysis: the observation model is x ~ N(mu, W W^T + Sigma)",
    expected=CONFIRMED,
    experiment=_fa_marginal,
    reason="a distributional claim about x = mu + W z + eta: the MGF of that sum is computed exactly "
           "(sympy.stats MGFs of the independent normal parts, symbolic W, mu, Sigma, t) and compared with "
           "the N(mu, W W^T + Sigma) MGF",
    seed=seed(640, 642, r"""**T.** The distribution of the *observation model* is

$$\mathbf{x} \sim \mathcal{N}(\mu, \mathbf{W}\mathbf{W}^T + \Sigma).$$"""),
    notes="Model: z ~ N(0, I_m), eta ~ N(0, Sigma) independent of z, x = mu + W z + eta; Sigma diagonal in "
          "factor analysis. Cov(x) = W Cov(z) W^T + Sigma = W W^T + Sigma.",
    aliases=("factor analysis marginal", "observation model", "marginal likelihood factor analysis",
             "linear Gaussian model", "x ~ N(mu, WW^T + Sigma)", "FA covariance"),
    tags=("factor analysis", "Gaussian", "latent variables", "MGF"),
    references=(PRML_12 + " (eq. 12.35 for PPCA)", "Bartholomew, Knott & Moustaki (2011), ch. 3"),
)

fa_rotation_invariance = Entry(
    id="latent.fa-rotation-invariance",
    title="Rotating the factors leaves the model covariance unchanged: (WQ)(WQ)^T = W W^T for orthogonal Q",
    expected=PROVED,
    symbols={"W": "matrix n m", "Q": "matrix m m orthogonal"},
    statement=lambda W, Q: Eq((W * Q) * (W * Q).T, W * W.T),
    notes="So W and W Q give the same x ~ N(mu, W W^T + Sigma): factors are identifiable only up to "
          "rotations/reflections of R^m.",
    aliases=("non-identifiability of factors", "rotation invariance", "factor rotation", "WQ", "identifiability"),
    tags=("factor analysis", "identifiability", "orthogonal"),
    references=(PRML_12 + " (rotation invariance of W)",),
)

rotation_gram_with_stray_m = Entry(
    id="latent.rotation-gram-with-stray-m",
    title="Non-identifiability as printed: (WQ)(WQ)^T = M W Q Q^T W^T (stray factor M)",
    expected=REFUTED,
    symbols={"Q": "matrix m m orthogonal", "W": "matrix n m", "M": "matrix n n"},
    statement=lambda Q, W, M: Eq((W * Q) * (W * Q).T, M * W * Q * Q.T * W.T),
    seed=seed(648, 648, r"$$(\mathbf{W}\mathbf{Q})(\mathbf{W}\mathbf{Q})^T = M\mathbf{W}\mathbf{Q}\mathbf{Q}^T\mathbf{W}^T = \mathbf{W}\mathbf{W}^T.$$"),
    corrected_by="latent.fa-rotation-invariance",
    notes="The printed chain has an undefined factor M in its middle term; read as an arbitrary n x n matrix "
          "it is false (M = 0). Without M the chain is the proved rotation invariance.",
    aliases=("non-identifiability of factors", "rotation invariance"),
    tags=("factor analysis", "identifiability", "erratum"),
    see_also=("latent.fa-rotation-invariance",),
)

# Encoder: the posterior p(z | x) ------------------------------------------------------------------
fa_encoder_bayes = Entry(
    id="latent.fa-encoder-bayes",
    title="Encoder step: the encoder is the posterior p(z|x) = p(x|z) p(z) / p(x)",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="defines the encoder as the posterior; Bayes' rule for densities is the definition of the "
           "conditional density p(z|x) = p(x, z) / p(x)",
    seed=seed(656, 658, r"""**Encoder Step:** Implicitly defined by posterior distribution

$$p(\mathbf{z} | \mathbf{x}) = \frac{p(\mathbf{x} | \mathbf{z}) p(\mathbf{z})}{p(\mathbf{x})} \quad (\text{Bayes})$$"""),
    see_also=("prob.bayes-rule",),
    aliases=("encoder", "posterior", "Bayes rule", "recognition model"),
    tags=("factor analysis", "posterior", "Bayes"),
)

fa_posterior_gaussian = Entry(
    id="latent.fa-posterior-gaussian",
    title="Factor-analysis posterior p(z|x) = N(z; mu_{z|x}, Sigma_{z|x}) with the printed mean and covariance",
    expected=CONFIRMED,
    experiment=_fa_posterior,
    reason="a claim about densities: log p(x|z) + log p(z) - log p(x) is compared exactly, as a polynomial in a "
           "symbolic z, with log N(z; mu_{z|x}, Sigma_{z|x}) on random rational W, diagonal Sigma, x, mu; the "
           "normalising constants are compared through det(Sigma) = det(A) det(Sigma_{z|x})",
    seed=seed(662, 666, r"""$$p(\mathbf{z} | \mathbf{x}) = \mathcal{N}(\mathbf{z}; \boldsymbol{\mu}_{\mathbf{z}|\mathbf{x}}, \boldsymbol{\Sigma}_{\mathbf{z}|\mathbf{x}}),$$

where

$$\begin{aligned} \boldsymbol{\mu}_{\mathbf{z}|\mathbf{x}} &= \mathbf{W}^T (\mathbf{WW}^T + \Sigma)^{-1} (\mathbf{x} - \boldsymbol{\mu}) \\ \boldsymbol{\Sigma}_{\mathbf{z}|\mathbf{x}} &= \mathbf{I} - \mathbf{W}^T (\mathbf{WW}^T + \Sigma)^{-1} \mathbf{W} \end{aligned}$$"""),
    see_also=("latent.fa-posterior-mean", "latent.fa-posterior-covariance"),
    aliases=("factor analysis posterior", "posterior of latent", "encoder distribution", "p(z|x)",
             "Gaussian conditioning", "inference in factor analysis"),
    tags=("factor analysis", "posterior", "Gaussian"),
    references=(PRML_GAUSS, PRML_12 + " (eqs. 12.41-12.42 for PPCA)"),
)

fa_posterior_mean = Entry(
    id="latent.fa-posterior-mean",
    title="Posterior mean W^T (W W^T + Sigma)^-1 (x - mu) = (I + W^T Sigma^-1 W)^-1 W^T Sigma^-1 (x - mu)",
    expected=PROVED,
    symbols={"W": "matrix n m", "Sigma": "matrix n n diagonal", "x": "vector n", "mu": "vector n"},
    statement=lambda W, Sigma, x, mu: Eq(
        W.T * (W * W.T + Sigma).I * (x - mu),
        (Identity(W.shape[1]) + W.T * Sigma.I * W).I * W.T * Sigma.I * (x - mu)),
    seed=seed(666, 666, r"$$\begin{aligned} \boldsymbol{\mu}_{\mathbf{z}|\mathbf{x}} &= \mathbf{W}^T (\mathbf{WW}^T + \Sigma)^{-1} (\mathbf{x} - \boldsymbol{\mu}) \\ \boldsymbol{\Sigma}_{\mathbf{z}|\mathbf{x}} &= \mathbf{I} - \mathbf{W}^T (\mathbf{WW}^T + \Sigma)^{-1} \mathbf{W} \end{aligned}$$"),
    notes="Completing the square in z in log p(x|z) + log p(z) gives the posterior precision I + W^T Sigma^-1 W "
          "and mean (I + W^T Sigma^-1 W)^-1 W^T Sigma^-1 (x - mu) (PRML 2.116); the printed form equals it by the "
          "push-through identity W^T (W W^T + Sigma)^-1 = (I + W^T Sigma^-1 W)^-1 W^T Sigma^-1. The printed form "
          "inverts an n x n matrix, the other an m x m one.",
    see_also=("latent.fa-posterior-gaussian", "latent.fa-posterior-covariance"),
    aliases=("factor analysis posterior mean", "push-through identity", "encoder mean", "mu_{z|x}",
             "E[z|x]", "posterior mean of latent"),
    tags=("factor analysis", "posterior", "push-through", "matrix identity"),
    references=(PRML_GAUSS, COOKBOOK + ", eq. (159) (push-through form of the Woodbury identity)"),
)

fa_posterior_covariance = Entry(
    id="latent.fa-posterior-covariance",
    title="Posterior covariance I - W^T (W W^T + Sigma)^-1 W = (I + W^T Sigma^-1 W)^-1 (Woodbury)",
    expected=PROVED,
    symbols={"W": "matrix n m", "Sigma": "matrix n n diagonal"},
    statement=lambda W, Sigma: Eq(
        Identity(W.shape[1]) - W.T * (W * W.T + Sigma).I * W,
        (Identity(W.shape[1]) + W.T * Sigma.I * W).I),
    seed=seed(666, 666, r"$$\begin{aligned} \boldsymbol{\mu}_{\mathbf{z}|\mathbf{x}} &= \mathbf{W}^T (\mathbf{WW}^T + \Sigma)^{-1} (\mathbf{x} - \boldsymbol{\mu}) \\ \boldsymbol{\Sigma}_{\mathbf{z}|\mathbf{x}} &= \mathbf{I} - \mathbf{W}^T (\mathbf{WW}^T + \Sigma)^{-1} \mathbf{W} \end{aligned}$$"),
    notes="The right side is the inverse posterior precision from completing the square; the Woodbury identity "
          "(I + W^T Sigma^-1 W)^-1 = I - W^T (Sigma + W W^T)^-1 W turns it into the printed form.",
    see_also=("latent.fa-posterior-gaussian", "latent.fa-posterior-mean"),
    aliases=("factor analysis posterior covariance", "Woodbury identity", "matrix inversion lemma",
             "Sigma_{z|x}", "Cov[z|x]", "encoder covariance"),
    tags=("factor analysis", "posterior", "Woodbury", "matrix identity"),
    references=(PRML_GAUSS, COOKBOOK + ", eq. (156) (Woodbury identity)"),
)

# The zero-noise limit ---------------------------------------------------------------------------------
fa_zero_noise_limit_transpose = Entry(
    id="latent.fa-zero-noise-limit-transpose",
    title="Zero-noise limit as printed: W^T (W W^T + sigma^2 I)^-1 -> W^T",
    expected=REFUTED,
    experiment=_limit_is_transpose,
    reason="a limit: computed exactly with sympy.limit on small integer W; W = [[2], [0]] already gives "
           "[[1/2, 0]] instead of [[2, 0]]",
    seed=seed(670, 670, r"$$\mathbf{W}^T (\mathbf{WW}^T + \sigma^2 \mathbf{I})^{-1} \xrightarrow{\sigma^2 \rightarrow 0} \mathbf{W}^T; \mathbf{W}^T \in \mathbb{R}^{m \times n}.$$"),
    corrected_by="latent.fa-zero-noise-limit-pseudoinverse",
    notes="The prose before it says 'reduces to the pseudo-inverse', which is right; the formula writes W^T. "
          "The two agree only when W^T W = I (orthonormal columns).",
    aliases=("sigma to zero limit", "zero noise limit", "pseudo-inverse limit", "PCA limit of factor analysis"),
    tags=("factor analysis", "limit", "pseudo-inverse", "erratum"),
)

fa_zero_noise_limit_pseudoinverse = Entry(
    id="latent.fa-zero-noise-limit-pseudoinverse",
    title="W^T (W W^T + sigma^2 I)^-1 -> W^+ = (W^T W)^-1 W^T as sigma^2 -> 0 (W of full column rank)",
    expected=CONFIRMED,
    experiment=_limit_is_pseudoinverse,
    reason="a limit: computed exactly with sympy.limit and compared with (W^T W)^-1 W^T and SymPy's "
           "Moore-Penrose pseudo-inverse",
    notes="For every sigma^2 > 0, W^T (W W^T + sigma^2 I)^-1 = (W^T W + sigma^2 I)^-1 W^T "
          "(latent.push-through-isotropic); when W^T W is invertible the limit follows by continuity. For any W "
          "the limit is the Moore-Penrose pseudo-inverse W^+ (Tikhonov regularisation).",
    see_also=("latent.push-through-isotropic",),
    aliases=("pseudo-inverse", "Moore-Penrose", "sigma to zero limit", "zero noise limit", "W^+"),
    tags=("factor analysis", "limit", "pseudo-inverse"),
    references=("Golub & Van Loan, Matrix Computations (4th ed.), §5.5.4 (pseudo-inverse as a limit)",),
)

push_through_isotropic = Entry(
    id="latent.push-through-isotropic",
    title="Push-through with isotropic noise: W^T (W W^T + s I)^-1 = (W^T W + s I)^-1 W^T",
    expected=PROVED,
    symbols={"W": "matrix n m", "s": "scalar positive"},
    statement=lambda W, s: Eq(W.T * (W * W.T + s * Identity(W.shape[0])).I,
                              (W.T * W + s * Identity(W.shape[1])).I * W.T),
    aliases=("push-through identity", "isotropic noise", "ridge identity"),
    tags=("matrix identity", "push-through", "PPCA"),
    references=(COOKBOOK + ", eq. (159)",),
)

fa_zero_noise_posterior_mean_transpose = Entry(
    id="latent.fa-zero-noise-posterior-mean-transpose",
    title="Zero-noise posterior mean as printed: mu_{z|x} -> W^T (x - mu)",
    expected=REFUTED,
    experiment=_mean_limit_transpose,
    reason="a limit: computed exactly with sympy.limit on small integer W and x - mu",
    seed=seed(674, 674, r"$$\begin{aligned} \boldsymbol{\mu}_{\mathbf{z}|\mathbf{x}} &\rightarrow \mathbf{W}^T (\mathbf{x} - \boldsymbol{\mu}) \\ \boldsymbol{\Sigma}_{\mathbf{z}|\mathbf{x}} &\rightarrow \mathbf{0} \end{aligned}$$"),
    corrected_by="latent.fa-zero-noise-posterior-mean",
    aliases=("zero noise encoder", "posterior mean limit"),
    tags=("factor analysis", "limit", "erratum"),
)

fa_zero_noise_posterior_mean = Entry(
    id="latent.fa-zero-noise-posterior-mean",
    title="Zero-noise posterior mean: mu_{z|x} -> W^+ (x - mu) = (W^T W)^-1 W^T (x - mu)",
    expected=CONFIRMED,
    experiment=_mean_limit_pseudoinverse,
    reason="a limit: computed exactly with sympy.limit on small integer full-column-rank W",
    notes="The encoder becomes the least-squares projection onto the column space of W (PCA encoder).",
    see_also=("latent.fa-zero-noise-limit-pseudoinverse",),
    aliases=("zero noise encoder", "posterior mean limit", "least squares encoder"),
    tags=("factor analysis", "limit", "pseudo-inverse"),
    references=(PRML_12 + " (eq. 12.48 and the sigma^2 -> 0 remark)",),
)

fa_zero_noise_posterior_covariance = Entry(
    id="latent.fa-zero-noise-posterior-covariance",
    title="Zero-noise posterior covariance: Sigma_{z|x} -> 0 (W of full column rank)",
    expected=CONFIRMED,
    experiment=_covariance_limit_zero,
    reason="a limit: I - W^T (W W^T + s I)^-1 W computed exactly with sympy.limit as s -> 0+",
    seed=seed(674, 674, r"$$\begin{aligned} \boldsymbol{\mu}_{\mathbf{z}|\mathbf{x}} &\rightarrow \mathbf{W}^T (\mathbf{x} - \boldsymbol{\mu}) \\ \boldsymbol{\Sigma}_{\mathbf{z}|\mathbf{x}} &\rightarrow \mathbf{0} \end{aligned}$$"),
    notes="Exactly, Sigma_{z|x} = s (W^T W + s I)^-1 (latent.fa-isotropic-posterior-covariance), which tends "
          "to 0 when W^T W is invertible. The printed line omits that assumption: for a rank-deficient W "
          "(e.g. W = 0) the limit is I - W^+ W, not 0.",
    see_also=("latent.fa-isotropic-posterior-covariance", "latent.fa-zero-noise-posterior-mean-transpose"),
    aliases=("posterior covariance limit", "deterministic encoder"),
    tags=("factor analysis", "limit"),
)

fa_isotropic_posterior_covariance = Entry(
    id="latent.fa-isotropic-posterior-covariance",
    title="Isotropic noise: I - W^T (W W^T + s I)^-1 W = s (W^T W + s I)^-1",
    expected=PROVED,
    symbols={"W": "matrix n m", "s": "scalar positive"},
    statement=lambda W, s: Eq(Identity(W.shape[1]) - W.T * (W * W.T + s * Identity(W.shape[0])).I * W,
                              s * (W.T * W + s * Identity(W.shape[1])).I),
    aliases=("PPCA posterior covariance", "Woodbury identity", "sigma^2 M^-1"),
    tags=("PPCA", "posterior", "Woodbury"),
    references=(PRML_12 + " (eq. 12.42: Cov[z|x] = sigma^2 M^-1, M = W^T W + sigma^2 I)",),
)

# Maximum likelihood for A -----------------------------------------------------------------------------
data_matrix_definition = Entry(
    id="latent.data-matrix-definition",
    title="Data: x_1..x_k i.i.d. N(0, A), stacked as the columns of X = [x_1 ... x_k]",
    expected=NOT_CHECKABLE,
    definition=True,
    seed=seed(682, 684, r"""Let's assume that  $\mathbf{x}_1, \dots, \mathbf{x}_k \stackrel{i.i.d.}{\sim} \mathcal{N}(\mathbf{0}, \mathbf{A})$ . Further let's define the data matrix  $\mathbf{X}$  as

$$\mathbf{X} = \begin{bmatrix} \mathbf{x}_1 & \mathbf{x}_2 & \cdots & \mathbf{x}_k \end{bmatrix}$$"""),
    aliases=("data matrix", "design matrix", "i.i.d. Gaussian sample"),
    tags=("maximum likelihood", "notation"),
)

empirical_covariance_outer_products = Entry(
    id="latent.empirical-covariance-outer-products",
    title="Empirical covariance S := (1/k) sum_i x_i x_i^T = (1/k) X X^T",
    expected=CONFIRMED,
    experiment=_outer_products,
    reason="the sum over a symbolic number k of columns is outside the engines: checked exactly, entry by "
           "entry, on symbolic X for every n, k in 1..3",
    seed=seed(688, 688, r"$$\mathbf{S} := \frac{1}{k} \sum_{i=1}^k \mathbf{x}_i \mathbf{x}_i^T = \frac{1}{k} \mathbf{X} \mathbf{X}^T.$$"),
    notes="The first equality defines S; the second is the checked claim. S is the (uncentred) second-moment "
          "matrix: it is the covariance estimate only because the model has mean 0.",
    aliases=("empirical covariance", "sample covariance", "scatter matrix", "S = XX^T/k", "outer products"),
    tags=("covariance", "maximum likelihood"),
)

gaussian_loglik_minus_logdet = Entry(
    id="latent.gaussian-loglik-minus-logdet",
    title="Gaussian log-likelihood as printed: -(k/2)(Tr(S A^-1) - log det A) + const",
    expected=REFUTED,
    experiment=_loglik_printed,
    reason="compared with the explicit sum of N(0, A) log-densities (sympy.stats) at small n, k: the "
           "difference changes with A (by k log(det A1 / det A2)), so it is not a constant",
    seed=seed(692, 692, r"$$\log(P(\mathbf{X}; \mathbf{A})) = -\frac{k}{2} \left( \text{Tr}(\mathbf{S}\mathbf{A}^{-1}) - \log(\det(\mathbf{A})) \right) + \text{const.}$$"),
    corrected_by="latent.gaussian-loglik-in-s",
    aliases=("log-likelihood gaussian", "Gaussian log likelihood", "likelihood in terms of S"),
    tags=("maximum likelihood", "Gaussian", "erratum"),
)

gaussian_loglik_in_s = Entry(
    id="latent.gaussian-loglik-in-s",
    title="log P(X; A) = -(k/2)(Tr(S A^-1) + log det A) - (kn/2) log(2 pi)",
    expected=CONFIRMED,
    experiment=_loglik_corrected,
    reason="compared with the explicit sum of N(0, A) log-densities (sympy.stats) at n, k in 1..3, to 50 digits",
    notes="Each sample contributes -(1/2) x_i^T A^-1 x_i - (1/2) log det A - (n/2) log 2 pi, and "
          "sum_i x_i^T A^-1 x_i = Tr(X^T A^-1 X) = k Tr(S A^-1) (latent.loglik-trace-step). "
          "With A = W W^T + Sigma this is the factor-analysis / PPCA log-likelihood.",
    see_also=("latent.loglik-trace-step",),
    aliases=("log-likelihood gaussian", "Gaussian log likelihood", "multivariate normal likelihood",
             "factor analysis log-likelihood", "PPCA log-likelihood", "likelihood in terms of S"),
    tags=("maximum likelihood", "Gaussian", "factor analysis", "PPCA"),
    references=(PRML_12 + " (eq. 12.44)", TIPPING_BISHOP + ", eq. (4)"),
)

loglik_trace_step = Entry(
    id="latent.loglik-trace-step",
    title="sum_i x_i^T A^-1 x_i = Tr(X^T A^-1 X) = Tr(X X^T A^-1) = k Tr(S A^-1)",
    expected=PROVED,
    symbols={"X": "matrix n k", "A": "matrix n n spd"},
    statement=lambda X, A: Eq(Trace(X.T * A.I * X), Trace(X * X.T * A.I)),
    seed=seed(694, 694, r"Note: this can be verified by using the definition of  $\mathbf{S}$ , the cyclic property of the trace, and then just write down the matrix-product as block-matrices and see what is the diagonal of the resulting matrix."),
    notes="The note's recipe: the diagonal of the block product X^T A^-1 X holds the terms x_i^T A^-1 x_i, and the "
          "cyclic property moves X^T to the back. Followed through, it gives +log det A "
          "(latent.gaussian-loglik-in-s), not the printed minus sign.",
    see_also=("latent.gaussian-loglik-in-s",),
    aliases=("sum of quadratic forms", "trace trick", "cyclic trace"),
    tags=("trace", "maximum likelihood"),
    references=(COOKBOOK + ", eq. (16) (cyclic trace)",),
)

grad_trace_s_ainv_as_printed = Entry(
    id="latent.grad-trace-s-ainv-as-printed",
    title="Gradient as printed: grad_A Tr(S A^-1) = -A^-1 S A",
    expected=REFUTED,
    symbols={"S": "matrix n n symmetric", "A": "matrix n n spd"},
    statement=lambda S, A: Eq(D(Trace(S * A.I), A), -A.I * S * A),
    seed=seed(698, 698, r"$$\nabla_{\mathbf{A}} \text{Tr}(\mathbf{S}\mathbf{A}^{-1}) = -\mathbf{A}^{-1}\mathbf{S}\mathbf{A}$$"),
    corrected_by="latent.grad-trace-s-ainv",
    notes="The last factor must be A^-1, not A.",
    aliases=("gradient trace inverse", "derivative of trace of inverse"),
    tags=("matrix calculus", "trace", "inverse", "erratum"),
)

grad_trace_s_ainv = Entry(
    id="latent.grad-trace-s-ainv",
    title="grad_A Tr(S A^-1) = -A^-1 S A^-1 (S, A symmetric)",
    expected=PROVED,
    symbols={"S": "matrix n n symmetric", "A": "matrix n n spd"},
    statement=lambda S, A: Eq(D(Trace(S * A.I), A), -A.I * S * A.I),
    notes="S and A are symmetric here (a sample covariance and a model covariance). In general (any S, "
          "invertible A) the gradient is -(A^-1 S A^-1)^T = -A^-T S^T A^-T (latent.grad-trace-b-xinv).",
    see_also=("latent.grad-trace-b-xinv", "deriv.grad-trace-inverse"),
    aliases=("gradient of Tr(S A^-1)", "trace of S times inverse covariance", "d Tr(S A^-1) / dA"),
    tags=("matrix calculus", "trace", "inverse"),
    references=(COOKBOOK + ", eq. (63)",),
)

grad_trace_b_xinv = Entry(
    id="latent.grad-trace-b-xinv",
    title="grad_X Tr(B X^-1) = -X^-T B^T X^-T (general B, invertible X)",
    expected=PROVED,
    symbols={"B": "matrix n n", "X": "matrix n n invertible"},
    statement=lambda B, X: Eq(D(Trace(B * X.I), X), -X.T.I * B.T * X.T.I),
    see_also=("latent.grad-trace-s-ainv", "deriv.grad-trace-inverse"),
    aliases=("gradient trace inverse", "derivative of trace of inverse"),
    tags=("matrix calculus", "trace", "inverse"),
    references=(COOKBOOK + ", eq. (63)",),
)

grad_logdet_covariance = Entry(
    id="latent.grad-logdet-spd",  # id issued before the constant was renamed (deriv has grad_logdet_spd)
    title="grad_A log det A = A^-1 for a covariance (SPD) A",
    expected=PROVED,
    symbols={"A": "matrix n n spd"},
    statement=lambda A: Eq(D(log(det(A)), A), A.I),
    seed=seed(700, 700, r"$$\nabla_{\mathbf{A}} \log(\det(\mathbf{A})) = \mathbf{A}^{-1}$$"),
    notes="A is a covariance matrix here, hence symmetric; for a general invertible X the gradient of "
          "log|det X| is X^-T (Matrix Cookbook eq. 57).",
    see_also=("deriv.grad-logdet-spd", "deriv.grad-logdet"),
    aliases=("gradient of log det of a covariance", "log det of SPD matrix", "d log|A| / dA covariance"),
    tags=("matrix calculus", "determinant"),
    references=(COOKBOOK + ", eq. (57)",),
)

loglik_stationarity_a = Entry(
    id="latent.loglik-stationarity-a",
    title="grad_A of -(k/2)(Tr(S A^-1) + log det A) is (k/2) A^-1 (S - A) A^-1: zero iff S A^-1 = I",
    expected=PROVED,
    symbols={"S": "matrix n n symmetric", "A": "matrix n n spd", "k": "scalar positive"},
    statement=lambda S, A, k: Eq(D(-(k / 2) * (Trace(S * A.I) + log(det(A))), A), (k / 2) * A.I * (S - A) * A.I),
    seed=seed(704, 704, r"$$\nabla_{\mathbf{A}} \log(P(\mathbf{X}; \mathbf{A})) = 0 \iff \mathbf{S}\mathbf{A}^{-1} = \mathbf{I}.$$"),
    notes="The printed equivalence holds for the correct log-likelihood (latent.gaussian-loglik-in-s): since "
          "A^-1 is invertible, the gradient vanishes iff S = A iff S A^-1 = I. The checked statement is the "
          "gradient's factored form, from which the equivalence is immediate.",
    see_also=("latent.gaussian-loglik-in-s", "latent.mle-covariance-is-s"),
    aliases=("stationarity condition", "score equation", "gradient of Gaussian log-likelihood"),
    tags=("maximum likelihood", "matrix calculus", "Gaussian"),
    references=(PRML_GAUSS, COOKBOOK + ", eqs. (57), (63)"),
)

mle_covariance_is_s = Entry(
    id="latent.mle-covariance-is-s",
    title="The maximum-likelihood covariance of N(0, A) is A = S",
    expected=CONFIRMED,
    experiment=_mle_a_is_s,
    reason="a maximisation: float64 LBFGS over A = L L^T converges to S, and no random SPD competitor has a "
           "higher log-likelihood (the exact argument: l(S) - l(A) = (k/2) sum_i (mu_i - 1 - log mu_i) >= 0 over "
           "the eigenvalues mu_i of S A^-1)",
    seed=seed(706, 706, r"So, the MLE for  $\mathbf{A}$  is just  $\mathbf{A} = \mathbf{S}$ ."),
    notes="Needs S invertible (k >= n samples in general position); the estimate is the biased (1/k) one.",
    aliases=("MLE covariance", "maximum likelihood estimate of covariance", "A = S"),
    tags=("maximum likelihood", "Gaussian", "covariance"),
    references=(PRML_GAUSS + "; eq. (2.122)",),
)

# From A to W and Sigma: PPCA ---------------------------------------------------------------------------
fa_covariance_definition = Entry(
    id="latent.fa-covariance-definition",
    title="Model covariance A = W W^T + Sigma",
    expected=NOT_CHECKABLE,
    definition=True,
    seed=seed(710, 710, r"$$\mathbf{A} = \mathbf{W}\mathbf{W}^T + \Sigma$$"),
    aliases=("model covariance", "low rank plus diagonal"),
    tags=("factor analysis", "notation"),
)

grad_w_of_a_garbled = Entry(
    id="latent.grad-w-of-a-garbled",
    title="'grad_W A = 2W, grad_Sigma A = I' (derivative of a matrix by a matrix)",
    expected=NOT_CHECKABLE,
    reason="garbled: A = W W^T + Sigma is matrix-valued, so its derivative by the matrix W is a 4-index array "
           "(dA_ij/dW_kl = delta_ik W_jl + W_il delta_jk), which no n x m matrix such as 2W can represent; "
           "'2W' is the scalar rule d(w^2)/dw carried over. What the chain rule needs is the gradient of the "
           "scalar log-likelihood: grad_W l = (G + G^T) W with G = grad_A l, i.e. k A^-1 (S A^-1 W - W) "
           "(latent.ppca-grad-loglik-w); grad_Sigma l = G restricted to the diagonal for a diagonal Sigma.",
    seed=seed(714, 714, r"$$\begin{aligned} \nabla_{\mathbf{W}} \mathbf{A} &= 2\mathbf{W} \\ \nabla_{\Sigma} \mathbf{A} &= \mathbf{I} \end{aligned}$$"),
    corrected_by="latent.ppca-grad-loglik-w",
    aliases=("chain rule", "gradient with respect to W"),
    tags=("matrix calculus", "factor analysis", "erratum"),
)

ppca_grad_loglik_w = Entry(
    id="latent.ppca-grad-loglik-w",
    title="grad_W log P = k A^-1 (S A^-1 W - W), A = W W^T + Sigma: W is stationary iff S (Sigma + W W^T)^-1 W = W",
    expected=PROVED,
    symbols={"W": "matrix n 1", "Sigma": "matrix n n diagonal", "S": "matrix n n symmetric", "k": "scalar positive"},
    statement=lambda W, Sigma, S, k: Eq(
        D(-(k / 2) * (Trace(S * (W * W.T + Sigma).I) + log(det(W * W.T + Sigma))), W),
        k * (W * W.T + Sigma).I * (S * (W * W.T + Sigma).I * W - W)),
    notes="Declared with one factor (W: n x 1) so the exact component-wise proof stays within a few seconds; "
          "the identity holds for every m (it is the chain rule through A = W W^T + Sigma applied to "
          "latent.loglik-stationarity-a). Since A^-1 is invertible, the gradient vanishes iff S A^-1 W = W, "
          "the stationarity condition of Tipping & Bishop (their eq. 8).",
    see_also=("latent.loglik-stationarity-a", "latent.ppca-ml-solution"),
    aliases=("PPCA stationarity", "gradient of log-likelihood with respect to W", "stationary condition",
             "S A^-1 W = W", "factor analysis gradient"),
    tags=("PPCA", "factor analysis", "maximum likelihood", "matrix calculus"),
    references=(TIPPING_BISHOP + ", eqs. (7)-(8)", PRML_12),
)

ppca_stationarity_as_printed = Entry(
    id="latent.ppca-stationarity-as-printed",
    title="Stationarity as printed: S (Sigma + W W^T)^-1 W = W diag(1/(sigma^2 + rho_i^2))",
    expected=REFUTED,
    experiment=_ppca_printed_stationarity,
    reason="checked at an exact PPCA maximiser (S = Q diag(5, 2, 1) Q^T with rational orthogonal Q, "
           "sigma^2 = 1, w_1 = 2 u_1): there S A^-1 W = W, while the printed right side is W / 5",
    seed=seed(718, 718, r"$$\mathbf{S}(\Sigma + \mathbf{W}\mathbf{W}^T)^{-1}\mathbf{W} = \mathbf{W}\text{diag}\left(\frac{1}{\sigma^2 + \rho_i^2}\right).$$"),
    corrected_by="latent.ppca-grad-loglik-w",
    notes="For orthogonal columns, (sigma^2 I + W W^T)^-1 W = W diag(1/(sigma^2 + rho_i^2)), so the intended "
          "chain is S (Sigma + W W^T)^-1 W = S W diag(1/(sigma^2 + rho_i^2)) = W: the printed line drops the S "
          "on the right, or equivalently moves the diag to the wrong side.",
    aliases=("PPCA stationarity", "stationary condition"),
    tags=("PPCA", "maximum likelihood", "erratum"),
)

ppca_eigen_equation = Entry(
    id="latent.ppca-eigen-equation",
    title="At a stationary W with orthogonal columns, S w_i = (sigma^2 + rho_i^2) w_i",
    expected=CONFIRMED,
    experiment=_ppca_eigen_equation,
    reason="exact check of the lemma (sigma^2 I + W W^T)^-1 W = W diag(1/(sigma^2 + rho_i^2)) for rational "
           "orthogonal-column W (which turns S A^-1 W = W into the eigen-equations), and the eigen-equations "
           "at numerically found maximisers rotated to orthogonal columns",
    seed=seed(722, 722, r"$$\mathbf{S}\mathbf{w}_i = (\sigma^2 + \rho_i^2)\mathbf{w}_i \quad \mathbf{S}\mathbf{W} = \text{diag}(\lambda)\mathbf{W}.$$"),
    notes="Holds for the representative with orthogonal columns (rho_i = |w_i|); a rotated maximiser W R is "
          "stationary too but its columns are not eigenvectors.",
    see_also=("latent.ppca-eigen-equation-matrix", "latent.fa-rotation-invariance"),
    aliases=("PPCA eigenvector equation", "eigen-equation", "S w = lambda w"),
    tags=("PPCA", "eigenvectors"),
    references=(TIPPING_BISHOP + ", §3.2", PRML_12),
)

ppca_eigen_equation_matrix_as_printed = Entry(
    id="latent.ppca-eigen-equation-matrix-as-printed",
    title="Matrix eigen-equation as printed: S W = diag(lambda) W",
    expected=REFUTED,
    experiment=_ppca_printed_matrix_eigen,
    reason="checked at an exact PPCA maximiser: diag(lambda) multiplies the rows of W, not its columns",
    seed=seed(722, 722, r"$$\mathbf{S}\mathbf{w}_i = (\sigma^2 + \rho_i^2)\mathbf{w}_i \quad \mathbf{S}\mathbf{W} = \text{diag}(\lambda)\mathbf{W}.$$"),
    corrected_by="latent.ppca-eigen-equation-matrix",
    notes="The eigenvalue matrix belongs on the right: S W = W diag(lambda_1, ..., lambda_m).",
    aliases=("PPCA eigenvector equation",),
    tags=("PPCA", "eigenvectors", "erratum"),
)

ppca_eigen_equation_matrix = Entry(
    id="latent.ppca-eigen-equation-matrix",
    title="S W = W diag(sigma^2 + rho_i^2) at a stationary W with orthogonal columns",
    expected=CONFIRMED,
    experiment=_ppca_eigen_matrix,
    reason="checked at numerically found maximisers (float64 LBFGS) rotated to orthogonal columns",
    see_also=("latent.ppca-eigen-equation",),
    aliases=("PPCA eigenvector equation", "S W = W Lambda"),
    tags=("PPCA", "eigenvectors"),
    references=(TIPPING_BISHOP + ", §3.2",),
)

ppca_ml_solution = Entry(
    id="latent.ppca-ml-solution",
    title="Tipping-Bishop: the ML W has columns w_i = rho_i u_i with rho_i^2 = max{0, lambda_i - sigma^2}",
    expected=CONFIRMED,
    experiment=_ppca_ml_solution,
    reason="a maximisation: the closed form is checked to satisfy S A^-1 W = W and to reach the same "
           "log-likelihood and W W^T as float64 LBFGS maximisation on three problems, one with a retained "
           "eigenvalue below sigma^2 (so the max{0, .} matters)",
    seed=seed(726, 726, r"$$\mathbf{w}_i = \rho_i \mathbf{u}_i, \quad \rho_i^2 = \max \{0, \lambda_i - \sigma^2\}.$$"),
    notes="u_i is the eigenvector of the i-th largest eigenvalue lambda_i of S, for i = 1..m; the solution is "
          "unique only up to W -> W R with R orthogonal (latent.fa-rotation-invariance).",
    see_also=("latent.ppca-grad-loglik-w", "latent.ppca-noise-variance-ml"),
    aliases=("Tipping Bishop", "probabilistic PCA", "PPCA", "PPCA maximum likelihood", "closed form PPCA",
             "W_ML = U (Lambda - sigma^2 I)^(1/2) R"),
    tags=("PPCA", "maximum likelihood", "eigenvectors", "PCA"),
    references=(TIPPING_BISHOP + ", eq. (7)", PRML_12 + " (eq. 12.45)"),
)

ppca_noise_variance_ml = Entry(
    id="latent.ppca-noise-variance-ml",
    title="PPCA: the ML noise variance is the mean of the n - m discarded eigenvalues of S",
    expected=CONFIRMED,
    experiment=_ppca_noise_variance,
    reason="a maximisation: float64 LBFGS jointly over W and log sigma^2 on three problems",
    notes="Not printed in the cheat sheet, which keeps sigma^2 fixed; it completes the Tipping-Bishop solution.",
    see_also=("latent.ppca-ml-solution",),
    aliases=("PPCA noise variance", "sigma^2 ML", "Tipping Bishop"),
    tags=("PPCA", "maximum likelihood"),
    references=(TIPPING_BISHOP + ", eq. (8)", PRML_12 + " (eq. 12.46)"),
)

# MGFs ------------------------------------------------------------------------------------------------------
mgf_multivariate_definition = Entry(
    id="latent.mgf-multivariate-definition",
    title="MGF of a random vector: M_X(t) = E[exp(t^T X)]",
    expected=NOT_CHECKABLE,
    definition=True,
    seed=seed(732, 734, r"""**D. (Moment Generating Function (MGF))** The MGF  $M_{\mathbf{X}}$  of a random vector  $\mathbf{X} \in \mathbb{R}^n$  is defined as

$$M_{\mathbf{X}} : \mathbb{R}^n \rightarrow \mathbb{R} \quad t \mapsto \mathbb{E}_{\mathbf{X}} \left[ e^{\mathbf{t}^T \mathbf{X}} \right].$$"""),
    see_also=("prob.mgf-definition",),
    aliases=("moment generating function", "multivariate MGF", "MGF definition"),
    tags=("MGF", "probability"),
)

mgf_mixed_moments = Entry(
    id="latent.mgf-mixed-moments",
    title="Mixed moments are partial derivatives of the MGF at 0",
    expected=CONFIRMED,
    experiment=_mgf_moments,
    reason="a claim about every distribution with an MGF: checked exactly on a symbolic correlated Gaussian "
           "pair (sympy.stats MGF against the moments (p-1)!! of the normal) and on random finite joint distributions",
    seed=seed(736, 738, r"""The reason  $M_{\mathbf{X}}$  is called moment generating function is because it represents the moments of  $\mathbf{x}$  in the following way: Let  $k_1, \dots, k_n \in \mathbb{N}$ , then

$$\mathbb{E}_{\mathbf{X}} \left[ x_1^{k_1} x_2^{k_2} \cdots x_n^{k_n} \right] = \frac{\partial^k}{\partial t_1^{k_1} \partial t_2^{k_2} \cdots \partial t_n^{k_n}} M_{\mathbf{X}} \Big|_{\mathbf{t}=\mathbf{0}}.$$"""),
    notes="Requires the MGF to exist in a neighbourhood of 0; k = k_1 + ... + k_n.",
    aliases=("moments from MGF", "moment generating function derivatives", "mixed moments"),
    tags=("MGF", "moments", "probability"),
    references=("Billingsley, Probability and Measure, §21 and §30",),
)

mgf_uniqueness = Entry(
    id="latent.mgf-uniqueness",
    title="Uniqueness theorem: equal MGFs (near 0) imply equal distributions",
    expected=NOT_CHECKABLE,
    reason="a theorem over all distributions (injectivity of the Laplace transform), beyond any finite "
           "computation. As printed the conclusion 'P(X = t) = P(Y = t) for all t' is implied but much weaker "
           "than 'the distributions are the same' it is glossed as: any two continuous distributions have equal "
           "(zero) point masses; the right conclusion is P(X <= t) = P(Y <= t) for all t (equal CDFs). The MGFs "
           "must exist on a neighbourhood of 0.",
    seed=seed(740, 740, r"**T. (Uniqueness Theorem)** If  $M_{\mathbf{X}}$  and  $M_{\mathbf{Y}}$  exist for the RVs  $\mathbf{X}$  and  $\mathbf{Y}$  and  $M_{\mathbf{X}} = M_{\mathbf{Y}}$  then  $\forall \mathbf{t}: P(\mathbf{X} = \mathbf{t}) = P(\mathbf{Y} = \mathbf{t})$  (distributions are the same)."),
    aliases=("MGF uniqueness", "moment generating function determines distribution"),
    tags=("MGF", "probability"),
    references=("Billingsley, Probability and Measure, Thm. 30.1 and §30 (multivariate)",),
)

mgf_sum_independent = Entry(
    id="latent.mgf-sum-independent",
    title="If X and Y are independent (in particular i.i.d.), M_{X+Y} = M_X M_Y",
    expected=CONFIRMED,
    symbols={"X": "random", "Y": "random", "t": "scalar real"},
    given=("independent X Y",),
    statement=lambda X, Y, t: Eq(Expectation(exp(t * (X + Y))), Expectation(exp(t * X)) * Expectation(exp(t * Y))),
    seed=seed(744, 744, r"**T.** If  $\mathbf{X}, \mathbf{Y}$  are i.i.d. then  $M_{\mathbf{X}+\mathbf{Y}} = M_{\mathbf{X}} \cdot M_{\mathbf{Y}}$ ."),
    notes="True as printed; only independence is used, identical distribution is not needed (the finite "
          "distributions checked are independent but not identically distributed). Checked for scalar X, Y; for "
          "random vectors the same argument applies to t^T X and t^T Y. SymPy's symbolic-stats engine cannot "
          "factor the expectation of a product of independent abstract variables, so the verdict rests on the "
          "exact finite check: confirmed, not proved.",
    see_also=("prob.mgf-linear-combination",),
    aliases=("MGF of a sum", "sum of independent random variables", "product of MGFs"),
    tags=("MGF", "independence", "probability"),
    references=("Billingsley, Probability and Measure, §21 (eq. 21.28)",),
)

# de Finetti ---------------------------------------------------------------------------------------------
de_finetti_finite_as_printed = Entry(
    id="latent.de-finetti-finite-as-printed",
    title="de Finetti as printed: every exchangeable x_1..x_N is a mixture of i.i.d. draws",
    expected=REFUTED,
    experiment=_de_finetti_finite,
    reason="the printed theorem omits that the sequence must be infinitely exchangeable. Counterexample, exact: "
           "two draws without replacement from an urn {0, 1} are exchangeable with P(x1 = x2) = 0, while any "
           "mixture of i.i.d. pairs has P(x1 = x2) >= 1/2",
    seed=seed(752, 754, r"""**T. (DeFinetti's Theorem)** For exchangeable data (order of dataset doesn't matter and they come from the same distribution), we can decompose the data by a latent variable model

$$P(\mathbf{x}_1, \mathbf{x}_2, \dots, \mathbf{x}_N) = \int \prod_{i=1}^N p_{\theta}(\mathbf{x}_i | \mathbf{z}) p_{\theta}(\mathbf{z}) d\mathbf{z}.$$"""),
    corrected_by="latent.de-finetti-infinite-exchangeable",
    notes="For finite N the representation holds approximately, with error O(1/N) "
          "(Diaconis & Freedman 1980), or exactly with a signed mixing measure.",
    aliases=("de Finetti", "DeFinetti", "exchangeability", "exchangeable data"),
    tags=("exchangeability", "latent variables", "erratum"),
    references=("Diaconis & Freedman, Finite exchangeable sequences, Ann. Probab. 8 (1980) 745-764",),
)

de_finetti_infinite_exchangeable = Entry(
    id="latent.de-finetti-infinite-exchangeable",
    title="de Finetti: an infinitely exchangeable sequence is a mixture of i.i.d. sequences",
    expected=CONFIRMED,
    experiment=_de_finetti_polya,
    reason="the theorem (existence of the mixing measure for every infinitely exchangeable law) is not a finite "
           "computation; the experiment checks it exactly on Polya urns, whose mixing measure is Beta(a, b)",
    aliases=("de Finetti", "DeFinetti", "exchangeability", "Polya urn", "Hewitt-Savage"),
    tags=("exchangeability", "latent variables", "Bayesian"),
    references=("Aldous, Exchangeability and related topics, LNM 1117 (1985), §3",
                "Hewitt & Savage, Symmetric measures on Cartesian products, TAMS 80 (1955)"),
)

# The SVD of the data (printed twice) ---------------------------------------------------------------------------
pca_svd_of_data = Entry(
    id="latent.pca-svd-of-data",
    title="With X = U Sigma V^T: X X^T = U Sigma V^T V Sigma U^T = U Sigma^2 U^T",
    expected=PROVED,
    symbols={"U": "matrix n r", "Sig": "matrix r r diagonal", "V": "matrix r r orthogonal"},
    statement=lambda U, Sig, V: Eq((U * Sig * V.T) * (U * Sig * V.T).T, U * Sig**2 * U.T),
    seed=seed(186, 186, r"$$\mathbf{S} = \mathbf{U} \mathbf{\Sigma} \mathbf{V}^T \mathbf{V} \mathbf{\Sigma} \mathbf{U}^T = \mathbf{U} \mathbf{\Sigma}^2 \mathbf{U}^T.$$"),
    notes="S here is X X^T (the definition of S is lost in the garbled text before this line; with "
          "S = X X^T / k the right side carries the factor 1/k). Checked for a thin SVD (V square orthogonal, "
          "Sigma diagonal); so the eigenvectors of S are the left singular vectors of X.",
    see_also=("latent.pca-svd-of-data-ae-section",),
    aliases=("SVD of data matrix", "PCA via SVD", "sample covariance eigendecomposition", "U Sigma^2 U^T"),
    tags=("PCA", "SVD", "covariance"),
    references=("Golub & Van Loan, Matrix Computations (4th ed.), §2.4",),
)

pca_svd_of_data_ae_section = Entry(
    id="latent.pca-svd-of-data-ae-section",
    title="With X = U Sigma V^T: X X^T = U Sigma^2 U^T (second printing, autoencoder section)",
    expected=PROVED,
    symbols={"U": "matrix n r", "Sig": "matrix r r diagonal", "V": "matrix r r orthogonal"},
    statement=lambda U, Sig, V: Eq((U * Sig * V.T) * (U * Sig * V.T).T, U * Sig**2 * U.T),
    seed=seed(283, 283, r"$$\mathbf{S} = \mathbf{U} \mathbf{\Sigma} \mathbf{V}^T \mathbf{V} \mathbf{\Sigma} \mathbf{U}^T = \mathbf{U} \mathbf{\Sigma}^2 \mathbf{U}^T.$$"),
    notes="Same line as latent.pca-svd-of-data, repeated in the seed.",
    see_also=("latent.pca-svd-of-data",),
    aliases=("SVD of data matrix", "PCA via SVD"),
    tags=("PCA", "SVD", "covariance"),
)

pca_covariance_eigenvectors = Entry(
    id="latent.pca-covariance-eigenvectors",
    title="PCA directions U from the SVD of the sample covariance S equal the left singular vectors of X",
    expected=CONFIRMED,
    experiment=_pca_eigenvectors_from_svd,
    reason="compared numerically (float64) on random data: the SVD of S = X X^T / k and the SVD of X give the "
           "same U up to signs, with eigenvalues sigma_i^2 / k",
    seed=seed(184, 184, r"which is the sample covariance matrix. And then, in order to get  $\mathbf{U}$  we just do the singular value decomposition of  $\mathbf{S}$ . If we relate it to the SVD of  $\mathbf{X}$  we can see that"),
    notes="S is symmetric PSD, so its SVD is its eigendecomposition; the claim relies on distinct singular values "
          "(otherwise U is unique only up to rotations within eigenspaces).",
    see_also=("latent.pca-svd-of-data", "latent.pca-covariance-eigenvectors-ae-section"),
    aliases=("PCA via SVD", "principal directions", "eigenvectors of covariance", "SVD of covariance"),
    tags=("PCA", "SVD", "eigenvectors"),
    references=("Golub & Van Loan, Matrix Computations (4th ed.), §2.4 and §8.6",),
)

pca_covariance_eigenvectors_ae_section = Entry(
    id="latent.pca-covariance-eigenvectors-ae-section",
    title="PCA directions U from the SVD of S (second printing, autoencoder section)",
    expected=CONFIRMED,
    experiment=_pca_eigenvectors_from_svd,
    reason="same check as latent.pca-covariance-eigenvectors (the line is repeated in the seed)",
    seed=seed(281, 281, r"which is the sample covariance matrix. And then, in order to get  $\mathbf{U}$  we just do the singular value decomposition of  $\mathbf{S}$ . If we relate it to the SVD of  $\mathbf{X}$  we can see that"),
    see_also=("latent.pca-covariance-eigenvectors", "latent.pca-svd-of-data-ae-section"),
    aliases=("PCA via SVD", "principal directions"),
    tags=("PCA", "SVD", "eigenvectors"),
)


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


fa_em_update = Entry(
    id="latent.fa-em-update",
    title="Factor analysis by EM: each update never lowers the likelihood",
    expected=CONFIRMED,
    experiment=_fa_em_monotone,
    reason="a claim about an algorithm: checked by running numerics' EM on random data",
    notes="E-step: beta = M^-1 W^T Psi^-1 with M = I + W^T Psi^-1 W, E[z z^T] = M^-1 + beta S beta^T; "
          "M-step: W = S beta^T E[z z^T]^-1, Psi = diag(S - W beta S).  Not in the cheat sheet, which only "
          "states the maximum-likelihood conditions.",
    aliases=("factor analysis EM", "EM algorithm factor analysis", "expectation maximization"),
    tags=("factor analysis", "EM", "maximum likelihood"),
    references=("Rubin & Thayer (1982), EM algorithms for ML factor analysis", "Bishop, PRML, section 12.2.4"),
    see_also=("latent.gaussian-loglik-in-s", "latent.fa-marginal-distribution"),
)
