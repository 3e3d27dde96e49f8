"""Oracles for vocab-prob-models-and-vectors.identities.yaml: hierarchical models as nested integrals and
series, Gaussian vectors by tensor Gauss-Hermite quadrature after a Cholesky map, KL as E log-ratio."""

import itertools
import math

import numpy as np
from scipy import integrate

from . import oracle
from ._num import agree, all_agree, all_le, det, inv, rgen, rspd, rvec, tr
from ._prob import (
    X_,
    Y_,
    Law,
    beta_pdf,
    expect_density,
    expect_normals,
    expect_pmf,
    gamma_pdf,
    poisson_pmf,
)

DRAWS = 4
SIZES = (1, 2, 3)


def _rows(case, draws=DRAWS):
    return all_agree(case() for _ in range(draws))


# ---------------------------------------------------------------- hierarchical models

def _gamma_poisson(k, theta):
    """Moments of N | L ~ Poisson(L), L ~ Gamma(k, theta), as integrals over L of Poisson series."""
    gpdf = gamma_pdf(k, theta)
    hi = theta * (k + 40 * math.sqrt(k) + 40)

    def cond(f):  # E(f(N) | L = l) by the Poisson series
        return lambda l: expect_pmf(f, poisson_pmf(l), range(0, int(l + 12 * math.sqrt(l + 1) + 30)))

    def outer(g):
        return integrate.quad(lambda l: g(l) * gpdf(l), 0, hi, epsabs=1e-11, epsrel=1e-11, limit=200)[0]

    EN = outer(cond(lambda n: n))
    EN2 = outer(cond(lambda n: n**2))
    cond_mean = cond(lambda n: n)
    cond_var = lambda l: cond(lambda n: n**2)(l) - cond_mean(l) ** 2  # noqa: E731
    EL = outer(lambda l: l)
    return {"E(N)": EN, "Var(N)": EN2 - EN**2, "E(L)": EL, "Var(L)": outer(lambda l: (l - EL) ** 2),
            "E(E(N|L))": outer(cond_mean), "E(Var(N|L))": outer(cond_var),
            "Var(E(N|L))": outer(lambda l: (cond_mean(l) - EN) ** 2)}


def _gp_rows(rng, case, draws=2):
    return _rows(lambda: case(_gamma_poisson(k := rng.uniform(0.8, 3), th := rng.uniform(0.3, 2)), k, th), draws)


@oracle("v-gamma-poisson-mean")
def _(rng):
    return _gp_rows(rng, lambda m, k, th: (m["E(N)"], k * th))


@oracle("v-gamma-poisson-variance-via-parent")
def _(rng):
    return _gp_rows(rng, lambda m, k, th: (m["Var(N)"], m["E(L)"] + m["Var(L)"]))


@oracle("v-gamma-poisson-variance-overdispersion-ignored")
def _(rng):
    m = _gamma_poisson(2.0, 1.0)
    return agree(m["Var(N)"], 2.0 * 1.0)


@oracle("v-tower-rule")
def _(rng):
    return _gp_rows(rng, lambda m, k, th: (m["E(E(N|L))"], m["E(N)"]))


@oracle("v-law-of-total-variance")
def _(rng):
    return _gp_rows(rng, lambda m, k, th: (m["Var(N)"], m["E(Var(N|L))"] + m["Var(E(N|L))"]))


@oracle("v-law-of-total-variance-term-dropped")
def _(rng):
    m = _gamma_poisson(2.0, 1.0)
    return agree(m["Var(N)"], m["E(Var(N|L))"])


def _normal_normal(m0, s0, s, f):
    """E f(M, X) for M ~ Normal(m0, s0), X | M ~ Normal(M, s): Gauss-Hermite in (M, Z), X = M + s Z."""
    return expect_normals(lambda M, Z: f(M, M + s * Z), [(m0, s0), (0.0, 1.0)])


def _nn_rows(rng, rhs):
    def case():
        m0, s0, s = rng.normal(0, 2), rng.uniform(0.3, 2), rng.uniform(0.3, 2)
        mean = _normal_normal(m0, s0, s, lambda M, X: X)
        var = _normal_normal(m0, s0, s, lambda M, X: (X - mean) ** 2)
        return rhs(mean, var, m0, s0, s)
    return _rows(case)


@oracle("v-normal-normal-marginal-mean")
def _(rng):
    return _nn_rows(rng, lambda mean, var, m0, s0, s: (mean, m0))


@oracle("v-normal-normal-marginal-variance")
def _(rng):
    return _nn_rows(rng, lambda mean, var, m0, s0, s: (var, s0**2 + s**2))


@oracle("v-normal-normal-marginal-variance-prior-dropped")
def _(rng):
    return _nn_rows(rng, lambda mean, var, m0, s0, s: (var, s**2))


@oracle("v-beta-bernoulli-mean")
def _(rng):
    def case():
        a, b = rng.uniform(0.8, 5, 2)
        EB = expect_density(lambda q: expect_pmf(lambda x: x, lambda x: q if x == 1 else 1 - q, range(2)),
                            beta_pdf(a, b), 0.0, 1.0)
        return EB, a / (a + b)
    return _rows(case)


@oracle("v-two-component-mixture-variance")
def _(rng):
    def case():
        p, m, s = rng.uniform(0, 1), rng.normal(0, 3), rng.uniform(0.3, 2)

        def E(f):  # Z ~ Bernoulli(p), then X | Z ~ Normal(m Z, s)
            return sum(w * expect_normals(f, [(m * z, s)]) for z, w in ((0, 1 - p), (1, p)))
        mean = E(lambda x: x)
        return E(lambda x: (x - mean) ** 2), s**2 + m**2 * p * (1 - p)
    return _rows(case)


# ---------------------------------------------------------------- Gaussian vectors

def _gauss_vector(mu, S, f, nodes=8):
    """E f(x) for x ~ N(mu, S): x = mu + L z with S = L Lᵀ, tensor Gauss-Hermite in z."""
    n = mu.shape[0]
    z, w = np.polynomial.hermite_e.hermegauss(nodes)
    w = w / math.sqrt(2 * math.pi)
    L = np.linalg.cholesky(S)
    total = 0.0
    for idx in itertools.product(range(nodes), repeat=n):
        x = mu + L @ z[list(idx)].reshape(n, 1)
        total = total + np.prod(w[list(idx)]) * np.asarray(f(x), dtype=float)
    return total


def _mvn(rng, n):
    return rvec(rng, n), rspd(rng, n) / 2


def _vector_rows(rng, case, sizes=SIZES):
    return all_agree(case(n) for n in sizes)


@oracle("v-mvn-mean")
def _(rng):
    return _vector_rows(rng, lambda n: (lambda mu, S: (_gauss_vector(mu, S, lambda x: x), mu))(*_mvn(rng, n)))


def _cov(mu, S, g):
    m = _gauss_vector(mu, S, g)
    return _gauss_vector(mu, S, lambda x: (g(x) - m) @ (g(x) - m).T)


@oracle("v-mvn-covariance")
def _(rng):
    return _vector_rows(rng, lambda n: (lambda mu, S: (_cov(mu, S, lambda x: x), S))(*_mvn(rng, n)))


@oracle("v-mvn-centred-quadratic-form")
def _(rng):
    def case(n):
        mu, S = _mvn(rng, n)
        A = rgen(rng, n, n)
        return _gauss_vector(mu, S, lambda x: (x - mu).T @ A @ (x - mu)), tr(A @ S)
    return _vector_rows(rng, case)


@oracle("v-mvn-quadratic-form-trace-dropped")
def _(rng):
    mu, S = _mvn(rng, 2)
    A = np.eye(2)
    return agree(_gauss_vector(mu, S, lambda x: x.T @ A @ x), mu.T @ A @ mu)


@oracle("v-mvn-affine-mean")
def _(rng):
    def case(n):
        mu, S = _mvn(rng, n)
        m = n + 1
        A, b = rgen(rng, m, n), rvec(rng, m)
        return _gauss_vector(mu, S, lambda x: A @ x + b), A @ mu + b
    return _vector_rows(rng, case)


@oracle("v-mvn-affine-covariance-transposed")
def _(rng):
    mu, S = _mvn(rng, 2)
    A, b = rgen(rng, 2, 2), rvec(rng, 2)
    return agree(_cov(mu, S, lambda x: A @ x + b), A.T @ S @ A)


@oracle("v-mvn-covariance-shortcut")
def _(rng):
    def case(n):
        mu, S = _mvn(rng, n)
        m = _gauss_vector(mu, S, lambda x: x)
        return _cov(mu, S, lambda x: x), _gauss_vector(mu, S, lambda x: x @ x.T) - m @ m.T
    return _vector_rows(rng, case)


def _mgf_case(rng, n, half):
    mu, S = _mvn(rng, n)
    t = rvec(rng, n) / 3
    return _gauss_vector(mu, S, lambda x: np.exp(t.T @ x), nodes=24), np.exp(t.T @ mu + half * (t.T @ S @ t))


@oracle("v-mvn-mgf")
def _(rng):
    return _vector_rows(rng, lambda n: _mgf_case(rng, n, 0.5), (1, 2))


@oracle("v-mvn-mgf-half-dropped")
def _(rng):
    return _vector_rows(rng, lambda n: _mgf_case(rng, n, 1.0), (2,))


def _logpdf(mu, S):
    n = mu.shape[0]
    Si, logdet = inv(S), math.log(det(S))
    return lambda x: (-0.5 * (x - mu).T @ Si @ (x - mu) - 0.5 * logdet - n / 2 * math.log(2 * math.pi)).item()


@oracle("v-mvn-entropy")
def _(rng):
    def case(n):
        mu, S = _mvn(rng, n)
        return -_gauss_vector(mu, S, _logpdf(mu, S)), math.log(det(2 * math.pi * math.e * S)) / 2
    return _vector_rows(rng, case)


def _kl(m1, S1, m2, S2):
    p, q = _logpdf(m1, S1), _logpdf(m2, S2)
    return _gauss_vector(m1, S1, lambda x: p(x) - q(x))


def _kl_case(rng, n, with_n):
    (m1, S1), (m2, S2) = _mvn(rng, n), _mvn(rng, n)
    d = m2 - m1
    rhs = (tr(inv(S2) @ S1) + (d.T @ inv(S2) @ d).item() - (n if with_n else 0) + math.log(det(S2) / det(S1))) / 2
    return _kl(m1, S1, m2, S2), rhs


@oracle("v-mvn-kl")
def _(rng):
    return _vector_rows(rng, lambda n: _kl_case(rng, n, True))


@oracle("v-mvn-kl-dimension-dropped")
def _(rng):
    return _vector_rows(rng, lambda n: _kl_case(rng, n, False), (2,))


def _linear_gaussian(rng, n, m, with_noise):
    (mu, S), (b, L) = _mvn(rng, n), _mvn(rng, m)
    A = rgen(rng, m, n)
    joint_mu = np.vstack([mu, b])
    joint_S = np.block([[S, np.zeros((n, m))], [np.zeros((m, n)), L]])  # x and e independent
    y = lambda xe: A @ xe[:n] + xe[n:]  # noqa: E731
    rhs = A @ S @ A.T + (L if with_noise else 0)
    return _cov(joint_mu, joint_S, y), rhs


@oracle("v-linear-gaussian-marginal-covariance")
def _(rng):
    return all_agree(_linear_gaussian(rng, n, m, True) for n, m in ((1, 1), (2, 1), (1, 2), (2, 2)))


@oracle("v-linear-gaussian-marginal-covariance-noise-dropped")
def _(rng):
    return all_agree(_linear_gaussian(rng, n, m, False) for n, m in ((2, 2),))


@oracle("v-mvn-entry-covariance")
def _(rng):
    def case():
        mu, S = _mvn(rng, 2)
        return _cov(mu, S, lambda x: x)[0, 1], S[0, 1]
    return _rows(case)


def _kl_normals(m0, s0, m1, s1):
    """E_X[log p_X(X) - log p_Y(X)] with the log densities written out."""
    def logpdf(mu, s):
        return lambda x: -((x - mu) ** 2) / (2 * s**2) - 0.5 * np.log(2 * np.pi * s**2)
    p, q = logpdf(m0, s0), logpdf(m1, s1)
    return expect_normals(lambda x: p(x) - q(x), [(m0, s0)], nodes=60)


@oracle("v-kl-normals-nonnegative")
def _(rng):
    pairs = []
    for _ in range(6):
        m0, m1 = rng.normal(0, 2, 2)
        s0, s1 = rng.uniform(0.4, 2, 2)
        pairs.append((0.0, _kl_normals(m0, s0, m1, s1)))
    return all_le(pairs + [(0.0, _kl_normals(1.0, 1.0, 1.0, 1.0))])


@oracle("v-kl-normals-symmetric")
def _(rng):
    return agree(_kl_normals(0.0, 1.0, 1.0, 2.0), _kl_normals(1.0, 2.0, 0.0, 1.0))


@oracle("v-kl-bernoullis")
def _(rng):
    def case():
        p, q = rng.uniform(0.02, 0.98, 2)
        kl = sum(pb * math.log(pb / qb) for pb, qb in ((p, q), (1 - p, 1 - q)))
        return kl, p * math.log(p / q) + (1 - p) * math.log((1 - p) / (1 - q))
    return _rows(case)


@oracle("v-declared-covariance")
def _(rng):
    def case():
        law = Law(rng)
        rho = law.Cov(X_, Y_)  # the declared moment, read off the drawn law
        return law.Var(lambda X, Y, Z: X + Y), law.Var(X_) + law.Var(Y_) + 2 * rho
    return _rows(case, 6)


def _dirichlet_mean(alpha):
    """E w for w ~ Dirichlet(alpha), K = 2 or 3, by integrating the density over the simplex."""
    K = len(alpha)
    c = math.lgamma(sum(alpha)) - sum(math.lgamma(a) for a in alpha)
    if K == 2:
        dens = lambda w1: math.exp(c + (alpha[0] - 1) * math.log(w1) + (alpha[1] - 1) * math.log(1 - w1))  # noqa: E731
        m1 = integrate.quad(lambda w1: w1 * dens(w1), 0, 1, epsabs=1e-12)[0]
        return np.array([[m1], [1 - m1]])

    def dens3(w2, w1):
        w3 = 1 - w1 - w2
        if w1 <= 0 or w2 <= 0 or w3 <= 0:
            return 0.0
        return math.exp(c + (alpha[0] - 1) * math.log(w1) + (alpha[1] - 1) * math.log(w2)
                        + (alpha[2] - 1) * math.log(w3))
    first = [integrate.dblquad(f, 0, 1, 0, lambda w1: 1 - w1, epsabs=1e-10, epsrel=1e-10)[0]
             for f in (lambda w2, w1: w1 * dens3(w2, w1), lambda w2, w1: w2 * dens3(w2, w1))]
    return np.array([*first, 1 - sum(first)]).reshape(3, 1)  # the entries sum to 1 on the simplex


@oracle("v-dirichlet-mean")
def _(rng):
    def case(K):
        alpha = rng.uniform(1.0, 3.0, K)
        return _dirichlet_mean(alpha), alpha.reshape(K, 1) / alpha.sum()
    return all_agree(case(K) for K in (2, 3))
