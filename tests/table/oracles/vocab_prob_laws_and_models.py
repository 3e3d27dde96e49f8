"""Oracles for vocab-prob-laws-and-models.identities.yaml: densities integrated, hierarchical models as
nested integrals and series, Gaussian vectors by tensor Gauss-Hermite quadrature after a Cholesky map."""

import itertools
import math

import numpy as np
from scipy import integrate

from . import oracle
from ._num import agree, all_agree, all_le, det, inv, le, rgen, rprob, rspd, rvec, tr
from ._prob import (
    X_,
    Y_,
    Law,
    beta_pdf,
    binomial_pmf,
    expect_density,
    expect_normals,
    expect_pmf,
    exponential_pdf,
    gamma_pdf,
    geometric_pmf,
    laplace_pdf,
    normal_pdf,
    poisson_pmf,
    uniform_pdf,
)

DRAWS = 4
SIZES = (1, 2, 3)


def _rows(case, draws=DRAWS):
    return all_agree(case() for _ in range(draws))


# ---------------------------------------------------------------- one-dimensional laws

@oracle("v-normal-density")
def _(rng):
    def case():
        mu, s, x = rng.normal(0, 2), rng.uniform(0.3, 2), rng.normal(0, 2)
        return normal_pdf(mu, s)(x), math.exp(-((x - mu) ** 2) / (2 * s**2)) / math.sqrt(2 * math.pi * s**2)
    return _rows(case)


@oracle("v-normal-density-sd-unsquared")
def _(rng):
    mu, s, x = 0.0, 2.0, 0.0
    return agree(normal_pdf(mu, s)(x), math.exp(-((x - mu) ** 2) / (2 * s**2)) / math.sqrt(2 * math.pi * s))


def _entropy(pdf, lo, hi, logpdf=None):
    """-E log p(X); ``logpdf`` where the density underflows in the tails."""
    logpdf = logpdf or (lambda x: math.log(pdf(x)))
    return expect_density(lambda x: -logpdf(x), pdf, lo, hi)


def _normal_logpdf(mu, s):
    return lambda x: -((x - mu) ** 2) / (2 * s**2) - 0.5 * math.log(2 * math.pi * s**2)


@oracle("v-normal-entropy")
def _(rng):
    def case():
        mu, s = rng.normal(0, 2), rng.uniform(0.3, 2)
        entropy = _entropy(normal_pdf(mu, s), -np.inf, np.inf, _normal_logpdf(mu, s))
        return entropy, math.log(2 * math.pi * math.e * s**2) / 2
    return _rows(case)


@oracle("v-normal-entropy-e-dropped")
def _(rng):
    return agree(_entropy(normal_pdf(0.0, 1.0), -np.inf, np.inf, _normal_logpdf(0.0, 1.0)), math.log(2 * math.pi) / 2)


@oracle("v-exponential-entropy")
def _(rng):
    def case():
        lam = rng.uniform(0.3, 3)
        return _entropy(exponential_pdf(lam), 0.0, 80 / lam), 1 - math.log(lam)
    return _rows(case)


@oracle("v-exponential-entropy-sign")
def _(rng):
    return agree(_entropy(exponential_pdf(2.0), 0.0, 40.0), 1 + math.log(2.0))


@oracle("v-bernoulli-entropy")
def _(rng):
    def case():
        p = rng.uniform(0.01, 0.99)
        return -sum(q * math.log(q) for q in (p, 1 - p)), -p * math.log(p) - (1 - p) * math.log(1 - p)
    return _rows(case)


@oracle("v-uniform-entropy")
def _(rng):
    def case():
        a = rng.normal(0, 2)
        b = a + rng.uniform(0.2, 5)
        return _entropy(uniform_pdf(a, b), a, b), math.log(b - a)
    return _rows(case)


def _survival(pdf, a, hi=np.inf):
    return integrate.quad(pdf, a, hi, epsabs=1e-12, epsrel=1e-12)[0]


@oracle("v-exponential-survival")
def _(rng):
    def case():
        lam, a = rng.uniform(0.3, 3), rng.uniform(0.1, 3)
        return _survival(exponential_pdf(lam), a), math.exp(-lam * a)
    return _rows(case)


@oracle("v-exponential-survival-rate-as-scale")
def _(rng):
    lam, a = 2.0, 1.0
    return agree(_survival(exponential_pdf(lam), a), math.exp(-a / lam))


@oracle("v-exponential-memoryless")
def _(rng):
    def case():
        lam, a, b = rng.uniform(0.3, 3), rng.uniform(0.1, 2), rng.uniform(0.1, 2)
        pdf = exponential_pdf(lam)
        return _survival(pdf, a + b) / _survival(pdf, a), _survival(pdf, b)
    return _rows(case)


@oracle("v-exponential-cdf")
def _(rng):
    def case():
        lam, x = rng.uniform(0.3, 3), rng.uniform(0, 3)
        return integrate.quad(exponential_pdf(lam), 0, x)[0], 1 - math.exp(-lam * x)
    return _rows(case)


@oracle("v-markov-inequality-exponential")
def _(rng):
    pairs = []
    for _ in range(6):
        lam, a = rng.uniform(0.3, 3), rng.uniform(0.05, 5)
        pdf = exponential_pdf(lam)
        pairs.append((_survival(pdf, a), expect_density(lambda x: x, pdf, 0, np.inf) / a))
    return all_le(pairs)


def _normal_two_sided_tail(k):
    """P(|Z| >= k) for a standard normal, integrated from the density."""
    return 2 * _survival(normal_pdf(0.0, 1.0), k)


@oracle("v-chebyshev-normal")
def _(rng):
    return all_le((_normal_two_sided_tail(k), 1 / k**2) for k in [*rng.uniform(0.1, 5, 8), 1.0])


@oracle("v-gaussian-tail-too-tight")
def _(rng):
    k = 2.0  # P(|Z| >= 2) = 0.0455 > exp(-4) = 0.0183
    return le(_normal_two_sided_tail(k), math.exp(-(k**2)))


@oracle("v-poisson-pmf-at-zero")
def _(rng):
    return all_agree((poisson_pmf(lam)(0), math.exp(-lam)) for lam in rng.uniform(0.1, 5, DRAWS))


@oracle("v-poisson-pmf-ratio")
def _(rng):
    return all_agree((poisson_pmf(lam)(k + 1) / poisson_pmf(lam)(k), lam / (k + 1))
                     for lam in rng.uniform(0.1, 5, 3) for k in range(6))


@oracle("v-poisson-pmf-at-one-naive")
def _(rng):
    return agree(poisson_pmf(1.5)(1), 1.5)


@oracle("v-binomial-pmf-sums-to-one")
def _(rng):
    return all_agree((sum(binomial_pmf(5, p)(k) for k in range(6)), 1.0) for p in rng.uniform(0, 1, DRAWS))


def _geometric_E(f, p):
    return expect_pmf(f, geometric_pmf(p), range(1, 4000))


@oracle("v-geometric-mean")
def _(rng):
    return all_agree((_geometric_E(lambda k: k, p), 1 / p) for p in rng.uniform(0.05, 1, DRAWS))


@oracle("v-geometric-variance")
def _(rng):
    def case(p):
        return _geometric_E(lambda k: (k - 1 / p) ** 2, p), (1 - p) / p**2
    return all_agree(case(p) for p in rng.uniform(0.05, 1, DRAWS))


@oracle("v-geometric-mean-failures")
def _(rng):
    p = 0.5
    return agree(_geometric_E(lambda k: k, p), (1 - p) / p)


def _rademacher_E(f):
    return 0.5 * f(-1.0) + 0.5 * f(1.0)


@oracle("v-rademacher-variance")
def _(rng):
    m = _rademacher_E(lambda r: r)
    return agree(_rademacher_E(lambda r: (r - m) ** 2), 1.0)


@oracle("v-rademacher-mean-absolute")
def _(rng):
    return agree(_rademacher_E(abs), 0.0)


def _beta_rows(rng, case):
    return _rows(lambda: case(rng.uniform(0.8, 5), rng.uniform(0.8, 5)))


def _beta_E(f, a, b):
    return expect_density(f, beta_pdf(a, b), 0.0, 1.0)


@oracle("v-beta-mean")
def _(rng):
    return _beta_rows(rng, lambda a, b: (_beta_E(lambda x: x, a, b), a / (a + b)))


@oracle("v-beta-variance")
def _(rng):
    return _beta_rows(rng, lambda a, b: (_beta_E(lambda x: (x - a / (a + b)) ** 2, a, b),
                                         a * b / ((a + b) ** 2 * (a + b + 1))))


@oracle("v-beta-variance-term-dropped")
def _(rng):
    a, b = 2.0, 3.0
    return agree(_beta_E(lambda x: (x - a / (a + b)) ** 2, a, b), a * b / (a + b) ** 2)


def _laplace_E(f, mu, b):
    """E f(X) for a Laplace(mu, b), integrated on each side of the kink at mu."""
    pdf = laplace_pdf(mu, b)
    return expect_density(f, pdf, -np.inf, mu) + expect_density(f, pdf, mu, np.inf)


@oracle("v-laplace-variance")
def _(rng):
    return _rows(lambda: (lambda mu, b: (_laplace_E(lambda x: (x - mu) ** 2, mu, b), 2 * b**2))(
        rng.normal(0, 2), rng.uniform(0.3, 3)))


@oracle("v-laplace-variance-as-scale-squared")
def _(rng):
    return agree(_laplace_E(lambda x: x**2, 0.0, 1.5), 1.5**2)


@oracle("v-laplace-mean-absolute-deviation")
def _(rng):
    return _rows(lambda: (lambda mu, b: (_laplace_E(lambda x: abs(x - mu), mu, b), b))(
        rng.normal(0, 2), rng.uniform(0.3, 3)))


@oracle("v-categorical-mean")
def _(rng):
    def case(n):
        p = rprob(rng, n).ravel()
        return expect_pmf(lambda k: k, lambda k: p[k], range(n)), sum(k * p[k] for k in range(n))
    return all_agree(case(n) for n in SIZES)


@oracle("v-categorical-mean-one-based")
def _(rng):
    p = rprob(rng, 3).ravel()
    return agree(expect_pmf(lambda k: k, lambda k: p[k], range(3)), sum((k + 1) * p[k] for k in range(3)))


@oracle("v-uniform-density-inside")
def _(rng):
    def case():
        a = rng.normal(0, 2)
        b = a + rng.uniform(0.2, 5)
        x = rng.uniform(a, b)
        return uniform_pdf(a, b)(x), 1 / (b - a)
    return _rows(case)


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
