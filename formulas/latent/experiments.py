"""Exact evidence for the chapter's claims that no single relational states: limits, densities, claims at a
maximiser, existence claims, and claims about every exchangeable law.

Every computation is exact (SymPy rationals and ``sympy.limit``) on small random examples; each function is
named after the entry it serves, and raises when it cannot build its evidence, so a failure of the machinery
is an ``error``, never a verdict.  The float64 maximum-likelihood experiments are in ``optimisation``.
"""

from __future__ import annotations

import itertools
import random

import sympy as sp

from .._authoring import Outcome

# The (n, m) shapes every factor-analysis experiment runs at.
FA_SHAPES = ((2, 1), (3, 1), (3, 2))


def _rat_matrix(rng: random.Random, r: int, c: int, lo: int = -3, hi: int = 3) -> sp.Matrix:
    return sp.Matrix(r, c, lambda i, j: sp.Integer(rng.randint(lo, hi)))


def _full_column_rank(rng: random.Random, n: int, m: int) -> sp.Matrix:
    while True:
        w = _rat_matrix(rng, n, m)
        if w.rank() == m:
            return w


def rational_orthogonal(rng: random.Random, n: int) -> sp.Matrix:
    """A rational orthogonal matrix: the Cayley transform of a random integer skew matrix."""
    a = _rat_matrix(rng, n, n)
    skew = (a - a.T) / 2
    return (sp.eye(n) - skew) * (sp.eye(n) + skew).inv()


def show(m) -> list | str:
    return [[str(v) for v in row] for row in m.tolist()] if isinstance(m, sp.MatrixBase) else str(m)


# -- identifiability ----------------------------------------------------------------------------------
def _cholesky_factor(a: sp.Matrix, m: int) -> sp.Matrix:
    """A rank-m factor W' of the PSD matrix a with W'W'ᵀ = a, built from the Cholesky factor L of its leading
    m × m block B = LLᵀ: W' = [L; a₂₁ L⁻ᵀ] (independent of any given factor of a)."""
    b = a[:m, :m]
    if b.det() == 0:
        raise RuntimeError("the leading block is singular: no Cholesky-based factor")
    low = b.cholesky(hermitian=False)
    return sp.Matrix.vstack(low, a[m:, :m] * low.T.inv())


def fa_factors_identifiable_up_to_rotation() -> Outcome:
    """latent.fa-factors-identifiable-up-to-rotation: if W'W'ᵀ = WWᵀ (full column rank), W' = WQ, Q orthogonal."""
    rng = random.Random(650)
    count = 0
    for n, m in FA_SHAPES + ((4, 2),):
        for _ in range(3):
            w = _full_column_rank(rng, n, m)
            if w[:m, :m].det() == 0:
                continue
            other = _cholesky_factor(w * w.T, m)
            if (other * other.T - w * w.T).applyfunc(sp.simplify) != sp.zeros(n, n):
                raise RuntimeError("the second factor does not reproduce W Wᵀ: the evidence is broken")
            q = ((w.T * w).inv() * w.T * other).applyfunc(sp.simplify)
            orthogonal = (q.T * q - sp.eye(m)).applyfunc(sp.simplify) == sp.zeros(m, m)
            rotated = (w * q - other).applyfunc(sp.simplify) == sp.zeros(n, m)
            count += 1
            if not (orthogonal and rotated):
                return Outcome(False, f"n = {n}, m = {m}: W' is not a rotation of W",
                               {"W": show(w), "W'": show(other), "Q = W⁺W'": show(q), "exact": True})
    if count == 0:
        raise RuntimeError("no example was built")
    return Outcome(True, f"{count} integer W of full column rank, (n, m) ∈ {{(2, 1), (3, 1), (3, 2), (4, 2)}}: the "
                         "independent Cholesky-based factor W' of WWᵀ equals WQ with Q = (WᵀW)⁻¹WᵀW' orthogonal, "
                         "exactly")


# -- the posterior p(z | x) as a density ------------------------------------------------------------
def _gauss_parts(v, mean, cov):
    """log N(v; mean, cov) = −quad/2 − log(det)/2 − dim log(2π)/2, returned as (quad, det, dim)."""
    r = v - mean
    return (r.T * cov.inv() * r)[0, 0], cov.det(), v.rows


def fa_posterior_gaussian() -> Outcome:
    """latent.fa-posterior-gaussian: p(x | z) p(z) / p(x) = N(z; E[z | x], Cov[z | x]) with the printed mean and
    covariance, exactly for symbolic z on random rational W, diagonal Σ, x, μ."""
    rng = random.Random(16)
    for n, m in FA_SHAPES:
        for _ in range(2):
            w = _rat_matrix(rng, n, m)
            sig = sp.diag(*[sp.Rational(rng.randint(1, 5), rng.randint(1, 3)) for _ in range(n)])
            x, mu = _rat_matrix(rng, n, 1), _rat_matrix(rng, n, 1)
            z = sp.Matrix(m, 1, lambda i, _: sp.Symbol(f"z{i}", real=True))
            a = w * w.T + sig
            post_mean = w.T * a.inv() * (x - mu)  # printed E[z | x]
            post_cov = sp.eye(m) - w.T * a.inv() * w  # printed Cov[z | x]
            lik = _gauss_parts(x, mu + w * z, sig)
            prior = _gauss_parts(z, sp.zeros(m, 1), sp.eye(m))
            marg = _gauss_parts(x, mu, a)
            post = _gauss_parts(z, post_mean, post_cov)
            quad = sp.expand(lik[0] + prior[0] - marg[0] - post[0])
            dets = sp.nsimplify(lik[1] * prior[1] / (marg[1] * post[1]))
            dims = lik[2] + prior[2] - marg[2] - post[2]
            if quad != 0 or dets != 1 or dims != 0 or not post_cov.is_positive_definite:
                return Outcome(False, f"n = {n}, m = {m}: log-density residual {quad}, det ratio {dets}",
                               {"W": show(w), "Sigma": show(sig), "x": show(x), "mu": show(mu),
                                "residual": str(quad), "det ratio": str(dets), "exact": True})
    return Outcome(True, "log p(x | z) + log p(z) − log p(x) − log N(z; E[z | x], Cov[z | x]) = 0 exactly (symbolic z) "
                         f"on 6 random rational examples at (n, m) ∈ {{{', '.join(map(str, FA_SHAPES))}}}")


# -- the zero-noise limit ------------------------------------------------------------------------------
def _limit_encoder(w: sp.Matrix) -> sp.Matrix:
    """lim_{s → 0⁺} Wᵀ(WWᵀ + sI)⁻¹, entry by entry, exactly."""
    s = sp.Symbol("s", positive=True)
    enc = (w.T * (w * w.T + s * sp.eye(w.rows)).inv()).applyfunc(sp.cancel)
    return enc.applyfunc(lambda e: sp.limit(e, s, 0, "+"))


def _limit_claim(claim, label: str) -> Outcome:
    """Run ``claim(W, L, x − μ) -> (holds, lhs, rhs)`` on exact examples, L the exact limit."""
    rng = random.Random(1999)
    examples = [sp.Matrix([[2], [0]])] + [_full_column_rank(rng, n, m) for n, m in FA_SHAPES for _ in range(2)]
    for w in examples:
        d = _rat_matrix(rng, w.rows, 1)
        ok, got, want = claim(w, _limit_encoder(w), d)
        if not ok:
            return Outcome(False, f"{label}: the exact limit differs at W = {w.tolist()}",
                           {"W": show(w), "x - mu": show(d), "limit": show(got), "claimed": show(want),
                            "exact": True})
    return Outcome(True, f"{label}: exact limits (sympy.limit, s = σ² → 0⁺) on {len(examples)} full-column-rank "
                         "integer W at (n, m) ∈ {(2, 1), (3, 1), (3, 2)}")


def fa_zero_noise_limit_transpose() -> Outcome:
    """latent.fa-zero-noise-limit-transpose: Wᵀ(WWᵀ + σ²I)⁻¹ → Wᵀ?"""
    return _limit_claim(lambda w, lim, d: (lim == w.T, lim, w.T), "Wᵀ(WWᵀ + sI)⁻¹ → Wᵀ")


def fa_zero_noise_limit_pseudoinverse() -> Outcome:
    """latent.fa-zero-noise-limit-pseudoinverse: Wᵀ(WWᵀ + σ²I)⁻¹ → (WᵀW)⁻¹Wᵀ = W⁺."""
    def claim(w, lim, d):
        pinv = (w.T * w).inv() * w.T
        return lim == pinv and lim == w.pinv(), lim, pinv
    return _limit_claim(claim, "Wᵀ(WWᵀ + sI)⁻¹ → (WᵀW)⁻¹Wᵀ")


def fa_zero_noise_posterior_mean_transpose() -> Outcome:
    """latent.fa-zero-noise-posterior-mean-transpose: E[z | x] → Wᵀ(x − μ)?"""
    return _limit_claim(lambda w, lim, d: (lim * d == w.T * d, lim * d, w.T * d), "E[z | x] → Wᵀ(x − μ)")


def fa_zero_noise_posterior_mean() -> Outcome:
    """latent.fa-zero-noise-posterior-mean: E[z | x] → W⁺(x − μ)."""
    def claim(w, lim, d):
        want = (w.T * w).inv() * w.T * d
        return lim * d == want, lim * d, want
    return _limit_claim(claim, "E[z | x] → W⁺(x − μ)")


def fa_zero_noise_posterior_covariance() -> Outcome:
    """latent.fa-zero-noise-posterior-covariance: Cov[z | x] → 0."""
    def claim(w, lim, d):
        got = sp.eye(w.cols) - lim * w  # lim (I − Wᵀ A⁻¹ W) = I − (lim Wᵀ A⁻¹) W
        return got == sp.zeros(w.cols, w.cols), got, sp.zeros(w.cols, w.cols)
    return _limit_claim(claim, "Cov[z | x] → 0")


# -- empirical covariance -------------------------------------------------------------------------------
def empirical_covariance_outer_products() -> Outcome:
    """latent.empirical-covariance-outer-products: ∑ᵢ xᵢxᵢᵀ = XXᵀ for the columns xᵢ of X."""
    for n in (1, 2, 3):
        for k in (1, 2, 3):
            x = sp.Matrix(n, k, lambda i, j: sp.Symbol(f"x{i}{j}", real=True))
            total = sp.zeros(n, n)
            for i in range(k):
                total += x[:, i] * x[:, i].T
            if (total - x * x.T).applyfunc(sp.expand) != sp.zeros(n, n):
                return Outcome(False, f"n = {n}, k = {k}: the sum of outer products differs from XXᵀ",
                               {"n": n, "k": k, "exact": True})
    return Outcome(True, "∑ᵢ xᵢxᵢᵀ = XXᵀ entry by entry for symbolic X, n, k ∈ 1..3 (so S = XXᵀ/k)")


# -- PPCA --------------------------------------------------------------------------------------------------
def orthogonal_columns_lemma() -> None:
    """(σ²I + WWᵀ)⁻¹W = W diag(1/(σ² + ρᵢ²)) for W with orthogonal columns of norms ρᵢ, exactly; raises if not."""
    rng = random.Random(722)
    for n, m in ((3, 1), (3, 2), (4, 3)):
        q = rational_orthogonal(rng, n)
        rho = [sp.Rational(rng.randint(1, 5), rng.randint(1, 3)) for _ in range(m)]
        w = q[:, :m] * sp.diag(*rho)
        s2 = sp.Rational(rng.randint(1, 4), rng.randint(1, 3))
        if (s2 * sp.eye(n) + w * w.T).inv() * w != w * sp.diag(*[1 / (s2 + r**2) for r in rho]):
            raise AssertionError(f"the orthogonal-columns lemma fails at n = {n}, m = {m}")


def ppca_zero_noise_pca() -> Outcome:
    """latent.ppca-zero-noise-pca: as σ² → 0 the ML W(σ²) = Uₘ diag(√(λᵢ − σ²)) tends to Uₘ diag(√λᵢ), and for
    every σ² < λₘ the reconstruction W W⁺ is the PCA projection Uₘ Uₘᵀ onto the principal subspace."""
    rng = random.Random(728)
    s = sp.Symbol("s", positive=True)
    for n, m in ((3, 1), (3, 2), (4, 2)):
        u = rational_orthogonal(rng, n)
        lam = sorted((sp.Integer(rng.randint(2, 9)) for _ in range(n)), reverse=True)
        if lam[m - 1] == lam[m]:
            lam[m - 1] += 1
        um = u[:, :m]
        w = um * sp.diag(*[sp.sqrt(lam[i] - s) for i in range(m)])
        limit = w.applyfunc(lambda e: sp.limit(e, s, 0, "+"))
        pca = um * sp.diag(*[sp.sqrt(lam[i]) for i in range(m)])
        projection = (w * (w.T * w).inv() * w.T).applyfunc(sp.simplify)
        if (limit - pca).applyfunc(sp.simplify) != sp.zeros(n, m) or projection != um * um.T:
            return Outcome(False, f"n = {n}, m = {m}", {"lambda": [str(v) for v in lam], "limit": show(limit),
                                                        "PCA": show(pca), "W W^+": show(projection), "exact": True})
    return Outcome(True, "exact on rational orthogonal U and integer spectra at (n, m) ∈ {(3, 1), (3, 2), (4, 2)}: "
                         "lim W(σ²) = Uₘ diag(√λᵢ) as σ² → 0⁺ (sympy.limit), and W(σ²)W(σ²)⁺ = Uₘ Uₘᵀ for symbolic σ²")


# -- de Finetti ------------------------------------------------------------------------------------------------
def de_finetti_finite_as_printed() -> Outcome:
    """latent.de-finetti-finite-as-printed: is every exchangeable pair a mixture of i.i.d. draws?  Two draws
    without replacement from an urn {0, 1} are exchangeable with P(x₁ = x₂) = 0, while every mixture of
    i.i.d. Bernoulli(θ) pairs has P(x₁ = x₂) = E[θ² + (1 − θ)²] ≥ min over [0, 1] of θ² + (1 − θ)² = 1/2.
    Each fact is established exactly; if one cannot be, this raises (an error), it never reports a holding claim."""
    theta = sp.Symbol("theta", real=True)
    urn = {(0, 1): sp.Rational(1, 2), (1, 0): sp.Rational(1, 2), (0, 0): sp.Integer(0), (1, 1): sp.Integer(0)}
    if sum(urn.values()) != 1 or not all(urn[(u, v)] == urn[(v, u)] for u, v in urn):
        raise RuntimeError("the urn law is not an exchangeable probability law: the counterexample is broken")
    floor = sp.minimum(theta**2 + (1 - theta) ** 2, theta, sp.Interval(0, 1))
    if floor != sp.Rational(1, 2):
        raise RuntimeError(f"could not establish the mixture bound (got {floor})")
    p_equal = urn[(0, 0)] + urn[(1, 1)]
    if not p_equal < floor:
        raise RuntimeError("the urn law does not violate the mixture bound: the counterexample is broken")
    return Outcome(False, f"two draws without replacement from an urn {{0, 1}} are exchangeable with P(x₁ = x₂) = "
                          f"{p_equal}, but every mixture of i.i.d. draws has P(x₁ = x₂) ≥ {floor}",
                   {"P(x1, x2)": {str(k): str(v) for k, v in urn.items()},
                    "mixture lower bound on P(x1 = x2)": str(floor), "exact": True})


def de_finetti_infinite_exchangeable() -> Outcome:
    """latent.de-finetti-infinite-exchangeable: the Pólya urn (a, b) is infinitely exchangeable with de Finetti
    measure Beta(a, b): P(x₁…x_N) = ∫ θˢ(1 − θ)ᴺ⁻ˢ Beta(θ; a, b) dθ, exactly for N ≤ 5."""
    theta = sp.Symbol("theta", positive=True)
    for a, b in ((1, 1), (2, 1), (2, 3)):
        beta = theta ** (a - 1) * (1 - theta) ** (b - 1) / sp.beta(a, b)
        mixture = {}  # (N, s) -> ∫ θˢ (1 − θ)ᴺ⁻ˢ Beta(θ; a, b) dθ
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
                    return Outcome(False, f"Pólya urn ({a}, {b}), sequence {seq}: {p} vs mixture {mix}",
                                   {"urn": [a, b], "sequence": list(seq), "P": str(p), "mixture": str(mix),
                                    "exact": True})
    return Outcome(True, "Pólya urns (1, 1), (2, 1), (2, 3): every 0/1 sequence of length ≤ 5 has exactly the "
                         "Beta(a, b) mixture-of-i.i.d. probability")
