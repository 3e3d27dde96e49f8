r"""Closed forms for random vectors: ``MultivariateNormal(mu, Sigma)`` and ``Dirichlet(alpha)``.

Matrix expressions are expanded into terms ``c * F_1 * ... * F_k``; in each term the random factors
(``x`` or ``x^T``) are replaced by moments:

* one occurrence: ``E[P x R] = P mu R``;
* two of one vector: ``E[P x Q x^T R] = P (Sigma + mu mu^T) R`` (``Q`` a 1x1 factor), and
  ``E[P x^T Q x R] = P R (tr(Q Sigma) + mu^T Q mu)``; ``x Q x`` and ``x^T Q x^T`` are turned into these first
  (``Q x`` is a scalar, equal to ``x^T Q^T``);
* two different vectors: independent, ``E[P x Q y R] = P mu_x Q mu_y R``;
* ``E[exp(a^T x + c)] = exp(a^T mu + a^T Sigma a / 2 + c)`` (the Gaussian MGF);
* polynomial moments of the entries: derivatives of the joint MGF (Isserlis' theorem) for the Gaussian,
  ``E[prod x_i^{k_i}] = Gamma(a_0) / Gamma(a_0 + K) prod Gamma(a_i + k_i) / Gamma(a_i)`` for the Dirichlet law;
* ``Cov(a, b) = E[a b^T] - E[a] E[b]^T``; density, entropy and KL of Gaussians (Cover & Thomas, ch. 8;
  Kullback 1959), entropy of the Dirichlet law.

Three or more occurrences of one vector have no rule here (numeric evidence decides).
"""

from __future__ import annotations

import sympy as sp
from sympy.matrices.expressions import MatAdd, MatMul, Trace, Transpose
from sympy.matrices.expressions.matexpr import MatrixElement

from formulas.nodes import KL, Density, Entropy, MeanOf, RandomVector, ScalarOf

__all__ = ["matrix_rule", "expect_matrix", "expect_entries", "scalar_entries", "law_functional", "to_scalar"]


def _no(what):
    from .reduce import NoClosedForm

    return NoClosedForm(what)


def _total(alpha):
    """alpha_0 = sum_j alpha_j."""
    j = sp.Symbol("j_dir", integer=True)
    total = sp.Sum(MatrixElement(alpha, j, 0), (j, 0, alpha.shape[0] - 1))
    return total.doit() if alpha.shape[0].is_Integer else total


def mean(x: RandomVector):
    if x.family == "MultivariateNormal":
        return x.params[0]
    alpha = x.params[0]
    return MatMul(sp.Pow(_total(alpha), -1), alpha)


def second(x: RandomVector):
    """E[x x^T] as a list of matrix terms."""
    if x.family == "MultivariateNormal":
        mu, cov = x.params
        return [cov, MatMul(mu, mu.T)]
    alpha = x.params[0]
    a0 = _total(alpha)
    from formulas.nodes import DiagVec

    return [MatMul(sp.Pow(a0 * (a0 + 1), -1), DiagVec(alpha)), MatMul(sp.Pow(a0 * (a0 + 1), -1), alpha, alpha.T)]


def _is_rv(f) -> bool:
    return isinstance(f, RandomVector) or (isinstance(f, Transpose) and isinstance(f.arg, RandomVector))


def _terms(m):
    """(coefficient, [matrix factors]) for each term of an expanded matrix expression."""
    m = sp.expand(m.doit())
    out = []
    for term in (m.args if isinstance(m, MatAdd) else (m,)):
        if isinstance(term, MatMul):
            coeff, mats = term.as_coeff_matrices()
        else:
            coeff, mats = sp.Integer(1), [term]
        mats = list(mats)
        # 1x1 random factors hidden in the coefficient go back into the product, where shapes allow
        scalars = []
        for c in sp.Mul.make_args(coeff):
            if isinstance(c, ScalarOf) and c.has(RandomVector):
                inner = list(_terms(c.args[0]))
                if len(inner) != 1:
                    raise _no("a sum inside a 1x1 factor")
                k, fs = inner[0]
                scalars.append(k)
                if mats and mats[-1].shape[1] == 1:
                    mats = mats + fs
                elif mats and mats[0].shape[0] == 1:
                    mats = fs + mats
                elif not mats:
                    mats = fs
                else:
                    raise _no("a random 1x1 factor that does not conform")
            else:
                scalars.append(c)
        out.append((sp.Mul(*scalars), mats))
    return out


def expect_matrix(reducer, m):
    """E[m] for a matrix expression ``m`` (random vectors at most twice per term)."""
    total = []
    for coeff, mats in _terms(m):
        if coeff.has(RandomVector) or any(f.has(RandomVector) and not _is_rv(f) for f in mats):
            raise _no("a random vector inside another operation")
        coeff = reducer.expect(coeff)
        total.extend(MatMul(coeff, *t) if coeff != 1 else (MatMul(*t) if len(t) > 1 else t[0])
                     for t in _expect_product(mats))
    if not total:
        return sp.ZeroMatrix(*m.shape)
    return MatAdd(*total) if len(total) > 1 else total[0]


def _expect_product(mats) -> list[list]:
    where = [k for k, f in enumerate(mats) if _is_rv(f)]
    if not where:
        return [mats]
    vec = lambda f: f if isinstance(f, RandomVector) else f.arg  # noqa: E731
    if len(where) == 1:
        (k,) = where
        f = mats[k]
        mu = mean(vec(f))
        return [mats[:k] + [mu if isinstance(f, RandomVector) else mu.T] + mats[k + 1:]]
    if len(where) > 2:
        raise _no("a random vector three or more times in one product")
    k, j = where
    a, b = mats[k], mats[j]
    if vec(a) != vec(b):  # distinct random vectors are independent
        out = list(mats)
        out[k] = mean(vec(a)) if isinstance(a, RandomVector) else mean(vec(a)).T
        out[j] = mean(vec(b)) if isinstance(b, RandomVector) else mean(vec(b)).T
        return [out]
    x = vec(a)
    p, q, r = mats[:k], mats[k + 1:j], mats[j + 1:]
    col_a, col_b = isinstance(a, RandomVector), isinstance(b, RandomVector)
    if col_a and col_b:  # P x Q x R with Q x a scalar: = P x x^T Q^T R
        return [p + [t] + [MatMul(*q).T] + r for t in second(x)] if q else _fail()
    if not col_a and not col_b:  # P x^T Q x^T R with x^T Q a scalar: = P Q^T x x^T R
        return [p + [MatMul(*q).T] + [t] + r for t in second(x)] if q else _fail()
    if col_a:  # P x Q x^T R, Q a 1x1 factor (or none)
        return [p + [t] + q + r if q else p + [t] + r for t in second(x)]
    # P x^T Q x R: the scalar x^T Q x = tr(Q E[x x^T]); tr(Q u w^T) is written w^T Q u
    qm = MatMul(*q) if q else sp.Identity(x.shape[0])
    scalar = sp.Add(*[_trace_with(qm, t) for t in second(x)])
    return [p + [MatMul(scalar, sp.Identity(1))] + r]


def _trace_with(qm, t):
    coeff, mats = t.as_coeff_matrices() if isinstance(t, MatMul) else (sp.Integer(1), [t])
    if len(mats) == 2 and mats[0].shape[1] == 1 and mats[1].shape[0] == 1:
        u, w = mats
        return coeff * ScalarOf(MatMul(w, qm, u))
    return coeff * Trace(MatMul(qm, *mats))


def to_scalar(m):
    """A 1x1 matrix expression as a scalar (``ScalarOf`` where it is not a multiple of ``Identity(1)``)."""
    out = []
    for coeff, mats in _terms(m):
        mats = [f for f in mats if f != sp.Identity(1)]
        out.append(coeff * (ScalarOf(MatMul(*mats) if len(mats) > 1 else mats[0]) if mats else 1))
    return sp.Add(*out)


def _fail():
    raise _no("a product of a random vector with itself that is not a quadratic form")


def matrix_rule(reducer, node):
    if isinstance(node, MeanOf):
        return expect_matrix(reducer, node.args[0])
    a, b = node.args
    return MatAdd(expect_matrix(reducer, MatMul(a, b.T)),
                  MatMul(sp.S.NegativeOne, expect_matrix(reducer, a), expect_matrix(reducer, b).T))


def scalar_entries(reducer, g):
    """E of a scalar expression with 1x1 matrix factors of random vectors (quadratic forms, MGFs)."""
    out = []
    for term in sp.Add.make_args(sp.expand(g)):
        const, mats, rest = [], [], []
        for f in sp.Mul.make_args(term):
            if isinstance(f, ScalarOf) and f.has(RandomVector):
                mats.append(f.args[0])
            elif isinstance(f, sp.exp) and f.has(RandomVector):
                rest.append(_gaussian_mgf(f))
            elif f.has(RandomVector):
                raise _no(f"E[{f}]")
            else:
                const.append(f)
        value = sp.Mul(*const) * sp.Mul(*rest)
        if mats:
            m = expect_matrix(reducer, MatMul(*mats) if len(mats) > 1 else mats[0])
            value = value * to_scalar(m)
        out.append(value)
    return sp.Add(*out)


def _gaussian_mgf(f):
    """E[exp(a^T x + c)] for a Gaussian x (the exponent linear in x)."""
    arg = f.args[0]
    parts = sp.Add.make_args(sp.expand(arg))
    lin, const = [], []
    for p in parts:
        (lin if p.has(RandomVector) else const).append(p)
    if len(lin) != 1 or not isinstance(lin[0], ScalarOf):
        raise _no(f"E[{f}]")
    terms = _terms(lin[0].args[0])
    if len(terms) != 1:
        raise _no(f"E[{f}]")
    k, mats = terms[0]
    if len(mats) < 1 or not isinstance(mats[-1], RandomVector) or any(_is_rv(m) for m in mats[:-1]):
        raise _no(f"E[{f}]: the exponent must be linear in x, a^T x")
    x = mats[-1]
    if x.family != "MultivariateNormal":
        raise _no(f"no MGF for {x.family}")
    mu, cov = x.params
    a_t = MatMul(k, *mats[:-1]) if mats[:-1] else sp.ImmutableMatrix([[k]])
    return sp.exp(sp.Add(*const) + ScalarOf(MatMul(a_t, mu)) + ScalarOf(MatMul(a_t, cov, a_t.T)) / 2)


def expect_entries(reducer, h, atoms):
    """Polynomial moments (and exponentials of linear forms) of the entries of one random vector."""
    parents = {a.parent for a in atoms}
    if len(parents) != 1:
        raise _no("entries of several random vectors")
    (x,) = parents
    occurrences, rates, const = [], [], []
    for f in sp.Mul.make_args(h):
        if isinstance(f, MatrixElement) and f.parent == x:
            occurrences.append(f.i)
        elif isinstance(f, sp.Pow) and isinstance(f.base, MatrixElement) and f.base.parent == x and \
                f.exp.is_Integer and f.exp > 0:
            occurrences.extend([f.base.i] * int(f.exp))
        elif isinstance(f, sp.exp) and x.family == "MultivariateNormal":
            arg = sp.expand(f.args[0])
            for p in sp.Add.make_args(arg):
                es = [e for e in p.atoms(MatrixElement) if e.parent == x]
                if len(es) == 1 and sp.expand(p / es[0]).has(x) is False:
                    rates.append((es[0].i, sp.expand(p / es[0])))
                elif not p.has(x):
                    const.append(sp.exp(p))
                else:
                    raise _no(f"E[{f}]")
        elif not f.has(x):
            const.append(f)
        else:
            raise _no(f"E[{f}]")
    if x.family == "MultivariateNormal":
        return sp.Mul(*const) * _gaussian_moment(x, occurrences, rates)
    if rates:
        raise _no("no MGF for the Dirichlet law")
    return sp.Mul(*const) * _dirichlet_moment(x, occurrences)


def _sym(cov, i, j):
    if i.is_Integer and j.is_Integer and int(i) > int(j):
        i, j = j, i
    return MatrixElement(cov, i, j)


def _gaussian_moment(x, occurrences, rates):
    mu, cov = x.params
    if not rates:
        return sp.expand(_isserlis(occurrences, mu, cov))
    s = [sp.Dummy(f"s{k}") for k in range(len(occurrences))]
    weights = list(zip(s, occurrences, strict=True)) + [(c, i) for i, c in rates]
    lin = sp.Add(*[w * MatrixElement(mu, i, 0) for w, i in weights])
    quad = sp.Add(*[w * v * _sym(cov, i, j) for w, i in weights for v, j in weights])
    mgf = sp.exp(lin + quad / 2)
    for var in s:
        mgf = sp.diff(mgf, var)
    return sp.expand(mgf.subs({var: 0 for var in s}))


def _isserlis(idx, mu, cov):
    """E[prod_a x_{i_a}] for a Gaussian: sum over subsets S of prod_{a not in S} mu_a * E[prod_{a in S} z_a],
    the central moments being sums over perfect matchings of products of covariances (Isserlis 1918)."""
    if len(idx) > 8:
        raise _no("a Gaussian moment of order above 8")

    def matchings(rest):
        if not rest:
            return sp.Integer(1)
        first, others = rest[0], rest[1:]
        return sp.Add(*[_sym(cov, idx[first], idx[b]) * matchings(others[:k] + others[k + 1:])
                        for k, b in enumerate(others)])

    total = []
    for mask in range(2 ** len(idx)):
        inside = [a for a in range(len(idx)) if mask >> a & 1]
        if len(inside) % 2:
            continue
        outside = sp.Mul(*[MatrixElement(mu, idx[a], 0) for a in range(len(idx)) if not mask >> a & 1])
        total.append(outside * matchings(inside))
    return sp.Add(*total)


def _dirichlet_moment(x, occurrences):
    alpha = x.params[0]
    if not all(i.is_Integer for i in occurrences):
        raise _no("Dirichlet moments at symbolic indices")
    counts: dict = {}
    for i in occurrences:
        counts[int(i)] = counts.get(int(i), 0) + 1
    a0 = _total(alpha)
    k = sum(counts.values())
    value = sp.Integer(1) / sp.RisingFactorial(a0, k)
    for i, c in counts.items():
        value *= sp.RisingFactorial(MatrixElement(alpha, i, 0), c)
    return value


def law_functional(reducer, node):
    x = node.args[0]
    if isinstance(node, KL):
        y = node.args[1]
        if x.family != "MultivariateNormal" or y.family != "MultivariateNormal":
            raise _no("KL of random vectors other than Gaussians")
        (m0, s0), (m1, s1) = x.params, y.params
        n = m0.shape[0]
        d = MatAdd(m1, MatMul(sp.S.NegativeOne, m0))
        return (Trace(MatMul(s1.I, s0)) + ScalarOf(MatMul(d.T, s1.I, d)) - n
                + sp.log(sp.Determinant(s1)) - sp.log(sp.Determinant(s0))) / 2
    if isinstance(node, Entropy):
        if x.family == "MultivariateNormal":
            cov = x.params[1]
            n = cov.shape[0]
            return n * sp.log(2 * sp.pi * sp.E) / 2 + sp.log(sp.Determinant(cov)) / 2
        alpha = x.params[0]
        j = sp.Symbol("j_dir", integer=True)
        aj = MatrixElement(alpha, j, 0)
        a0 = _total(alpha)
        n = alpha.shape[0]
        log_beta = sp.Sum(sp.loggamma(aj), (j, 0, n - 1)) - sp.loggamma(a0)
        return log_beta + (a0 - n) * sp.digamma(a0) - sp.Sum((aj - 1) * sp.digamma(aj), (j, 0, n - 1))
    if isinstance(node, Density) and x.family == "MultivariateNormal":
        mu, cov = x.params
        v = node.args[1]
        d = MatAdd(v, MatMul(sp.S.NegativeOne, mu))
        n = mu.shape[0]
        return sp.exp(-ScalarOf(MatMul(d.T, cov.I, d)) / 2) / sp.sqrt((2 * sp.pi) ** n * sp.Determinant(cov))
    raise _no(f"{type(node).__name__} of a {x.family} vector")
