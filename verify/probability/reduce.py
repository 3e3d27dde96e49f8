r"""Closed forms for the probability nodes of a claim (the ``closed-form`` method).

Rules, applied bottom-up (inner nodes first):

* **linearity** -- ``E[sum c_i g_i] = sum c_i E[g_i]`` for non-random ``c_i``, also over ``Sum`` with non-random
  bounds;
* **independence** -- the expectation of a product factors over the dependent components of
  :class:`~verify.probability.model.Model`;
* **one variable with a law** -- ``E[X^j e^{aX}] = M^{(j)}(a)`` (the family's MGF), ``E[log X]`` where the family
  has it, moments ``E[X^j]``;
* **the tower rule** for hierarchical models -- ``E[h] = E[E[h | parents]]``: the youngest variable is integrated
  out first, with its parameters held fixed, and the result (an expression in the parents) is integrated next;
* **variables without a law** -- ``E[X] = m_X``, ``E[X^2] = v_X + m_X^2`` with ``v_X >= 0``,
  ``E[XY] = c_XY + m_X m_Y``; any other moment is an opaque symbol ``E[...]``;
* ``Var(g) = E[g^2] - E[g]^2``, ``Cov(g, h) = E[gh] - E[g]E[h]``; ``E(f | Y)`` integrates out everything but ``Y``
  (``Y`` must be a parameter, directly or not, of the variables it conditions);
* ``P(A)`` for an event about one variable (a half-line or an interval) from the c.d.f.; ``density``, ``cdf``,
  ``entropy`` from the family; ``KL`` between two laws of one family.

A node without a rule stays in the result unevaluated; the engine then decides on numeric evidence.  No rule
assumes anything the declarations do not give (no ``force=True``).
"""

from __future__ import annotations

import sympy as sp
from sympy import stats as st
from sympy.matrices.expressions.matexpr import MatrixElement
from sympy.stats.rv import RandomSymbol

from formulas.nodes import (
    CDF,
    KL,
    CondExpectation,
    CondProbability,
    CondVariance,
    CovOf,
    Density,
    Entropy,
    MeanOf,
    RandomVector,
    ScalarOf,
)

from . import events, vectors
from .laws import law_of
from .model import Model, Unsupported, atoms_of

__all__ = ["Reducer", "PROBABILITY_NODES", "NoClosedForm", "unreduced"]

PROBABILITY_NODES = (st.Expectation, st.Variance, st.Covariance, st.Probability, Density, CDF, Entropy, KL,
                     CondExpectation, CondVariance, CondProbability, MeanOf, CovOf)


class NoClosedForm(Exception):
    """No rule gives this node a closed form (it stays unevaluated)."""


def unreduced(e) -> bool:
    """Whether an expression still holds a probability node or a random atom."""
    return bool(getattr(e, "has", None)) and (e.has(*PROBABILITY_NODES) or bool(atoms_of(e)))


class Reducer:
    """Rewrites probability nodes to closed forms for one model; abstract moments become symbols."""

    def __init__(self, model: Model):
        self.model = model
        self.moment_symbols: dict = {}  # canonical moment -> Symbol (variables without a law)
        self.conditions: list = []  # where the closed forms used hold (an MGF's domain of convergence)

    # -- traversal --------------------------------------------------------------------------------
    def reduce(self, e):
        if not isinstance(e, sp.Basic) or not e.args or isinstance(e, (RandomSymbol, RandomVector)):
            return e
        if isinstance(e, MatrixElement) and isinstance(e.parent, RandomVector):
            return e
        if isinstance(e, PROBABILITY_NODES):
            args = [self.reduce(a) for a in e.args]
            node = e.func(*args) if any(a is not b for a, b in zip(args, e.args, strict=True)) else e
            try:
                return self._rule(node)
            except NoClosedForm:
                return node
        args = [self.reduce(a) for a in e.args]
        if all(a is b for a, b in zip(args, e.args, strict=True)):
            return e
        return e.func(*args)

    def _rule(self, node):
        if isinstance(node, st.Expectation):
            if len(node.args) > 1:
                raise NoClosedForm("an expectation given an event")
            return self.expect(node.args[0])
        if isinstance(node, st.Variance):
            g = node.args[0]
            return sp.expand(self.expect(g**2) - self.expect(g) ** 2)
        if isinstance(node, st.Covariance):
            a, b = node.args[:2]
            return sp.expand(self.expect(a * b) - self.expect(a) * self.expect(b))
        if isinstance(node, CondExpectation):
            return self.conditional(node.args[0], node.args[1], self.expect)
        if isinstance(node, CondVariance):
            f, y = node.args
            return sp.expand(self.conditional(f**2, y, self.expect) - self.conditional(f, y, self.expect) ** 2)
        if isinstance(node, st.Probability):
            return self.probability(node.args[0])
        if isinstance(node, CondProbability):
            return self.conditional(node.args[0], node.args[1], self.probability)
        if isinstance(node, (MeanOf, CovOf)):
            return vectors.matrix_rule(self, node)
        if isinstance(node, (Density, CDF, Entropy, KL)):
            return self._law_functional(node)
        raise NoClosedForm(type(node).__name__)

    # -- expectation ------------------------------------------------------------------------------
    def expect(self, g):
        g = sp.sympify(g)
        if not atoms_of(g) and not g.has(RandomVector):
            return g
        if g.has(RandomVector) and g.atoms(ScalarOf) and any(s.has(RandomVector) for s in g.atoms(ScalarOf)):
            g = vectors.scalar_entries(self, g)
        terms = sp.Add.make_args(sp.expand(g))
        return sp.Add(*[self._term(t) for t in terms])

    def _term(self, term):
        if isinstance(term, sp.Sum) and not any(atoms_of(x) for lim in term.limits for x in lim[1:]):
            return sp.Sum(self.expect(term.function), *term.limits)
        const, random = [], []
        for f in sp.Mul.make_args(term):
            (random if atoms_of(f) or f.has(RandomVector) else const).append(f)
        if not random:
            return term
        tower = self._tower(random)
        if tower is not None:
            return sp.Mul(*const) * self.expect(tower)
        blocks = self._blocks(random)
        out = sp.Mul(*const)
        for factors in blocks:
            h = sp.Mul(*factors)
            try:
                out *= self._component(h)
            except NoClosedForm:
                out *= st.Expectation(h)
        return out

    def _tower(self, factors):
        """E[g(Y) E(f | Y)] = E[g(Y) f] (the tower rule, taking out what is known): the product inside, or None."""
        conds = [f for f in factors if isinstance(f, CondExpectation)]
        if len(conds) != 1:
            return None
        (c,) = conds
        f, y = c.args
        others = [g for g in factors if g is not c]
        if any(atoms_of(g) - {y} for g in others):
            return None
        return sp.Mul(f, *others)

    def _blocks(self, factors) -> list[list]:
        """Factors grouped so that factors sharing a dependent component are in one block."""
        comps = self.model.components(set().union(*[atoms_of(f) for f in factors]))
        where = {a: k for k, comp in enumerate(comps) for a in comp}
        owner = list(range(len(comps)))

        def find(k):
            while owner[k] != k:
                k = owner[k]
            return k

        tags = []
        for f in factors:
            ids = sorted({find(where[a]) for a in atoms_of(f)})
            for k in ids[1:]:
                owner[find(k)] = find(ids[0])
            tags.append(ids[0] if ids else None)
        blocks: dict = {}
        for f, k in zip(factors, tags, strict=True):
            blocks.setdefault(find(k) if k is not None else -1, []).append(f)
        return list(blocks.values())

    def _component(self, h):
        atoms = atoms_of(h)
        model = self.model
        family = atoms | set().union(*[model.ancestors(a) for a in atoms])
        if any(model.is_abstract(a) for a in family):
            return self._abstract(h, atoms)
        if all(isinstance(a, MatrixElement) for a in atoms):
            return vectors.expect_entries(self, h, atoms)
        if len(atoms) == 1:
            (x,) = atoms
            law = law_of(x)
            if not any(atoms_of(p) for p in law.params):
                return self._single(h, x, law)
        # the tower rule: integrate out a random symbol that no other variable here names as a parameter
        leaf = next((a for a in sorted(atoms, key=sp.default_sort_key)
                     if isinstance(a, RandomSymbol) and not any(a in model.parents(b) for b in family)), None)
        if leaf is None:
            raise NoClosedForm("no variable to integrate out first")
        inner = self._single(h, leaf, law_of(leaf))  # an expression in the parents: integrate them next
        return self.expect(inner)

    def _single(self, h, x, law):
        """E over ``x`` alone (other atoms held fixed): ``x^j e^{a x}`` and ``log x`` times constants."""
        fam, p = law.spec, law.params
        if h.has(sp.Piecewise):
            h = _on_support(h, x, fam, p)
        const, power, rate, logs = [], sp.Integer(0), sp.Integer(0), 0
        for f in sp.Mul.make_args(sp.powsimp(h, combine="exp")):
            if not f.has(x):
                const.append(f)
            elif f == x:
                power += 1
            elif isinstance(f, sp.Pow) and f.base == x and f.exp.is_Integer and f.exp > 0:
                power += f.exp
            elif isinstance(f, sp.exp):
                arg = sp.expand(f.args[0])
                a = arg.coeff(x)
                rest = sp.expand(arg - a * x)
                if rest.has(x) or a.has(x):
                    raise NoClosedForm(f"E[{f}]")
                rate += a
                const.append(sp.exp(rest))
            elif isinstance(f, sp.log) and f.args[0] == x:
                logs += 1
            else:
                return self._by_law(h, x, law)
        k = sp.Mul(*const)
        if logs:
            if logs > 1 or power or rate != 0:
                raise NoClosedForm("E[log(X) * ...]")
            value = fam.mean_log(*p)
        elif rate != 0:
            t = sp.Dummy("t")
            mgf = fam.mgf(t, *p)
            if mgf is None:
                raise NoClosedForm(f"no MGF for {fam.name}")
            self.conditions.extend(c for c in fam.mgf_domain(rate, *p) if c is not sp.true)
            value = sp.diff(mgf, t, int(power)).subs(t, rate) if power else mgf.subs(t, rate)
            if isinstance(value, sp.Piecewise):  # Uniform's MGF at a nonzero rate
                value = value.args[-1][0] if rate.is_nonzero else value
        else:
            value = fam.moment(int(power), *p)
        if value is None:
            raise NoClosedForm(f"no closed form for {fam.name}")
        return k * value

    def _by_law(self, h, x, law):
        """E[h(x)] straight from the law where that is an exact finite sum: a concrete finite support.

        (No general SymPy integral here: whether it finishes within a time budget depends on the machine's load,
        and a verdict must not; the quadrature route decides such claims numerically instead.)"""
        fam, p = law.spec, law.params
        low, high = fam.support(*p)
        if fam.discrete and low.is_Integer and high.is_Integer and high - low <= 64:
            return sp.Add(*[fam.pdf(sp.Integer(k), *p) * h.xreplace({x: sp.Integer(k)})
                            for k in range(int(low), int(high) + 1)])
        raise NoClosedForm(f"E[{h}]: no rule for this function of {x}")

    def _abstract(self, h, atoms):
        """Variables without a law: means, variances, covariances as symbols; other moments opaque."""
        factors = sp.Mul.make_args(h)
        degree = {}
        monomial = True
        for f in factors:
            base, exp = (f.base, f.exp) if isinstance(f, sp.Pow) else (f, sp.Integer(1))
            if isinstance(base, RandomSymbol) and exp.is_Integer and exp > 0:
                degree[base] = degree.get(base, 0) + int(exp)
            else:
                monomial = False
        if monomial and sum(degree.values()) == 1:
            return self._mean(next(iter(degree)))
        if monomial and sum(degree.values()) == 2:
            if len(degree) == 1:
                (x,) = degree
                return self._symbol(f"Var[{x}]", nonnegative=True) + self._mean(x) ** 2
            x, y = sorted(degree, key=str)
            return self._symbol(f"Cov[{x},{y}]") + self._mean(x) * self._mean(y)
        return self._symbol(f"E[{sp.sstr(h)}]", nonnegative=bool(h.is_nonnegative),
                            positive=bool(h.is_positive))

    def _mean(self, x):
        return self._symbol(f"E[{x}]")

    def _symbol(self, name: str, nonnegative: bool = False, positive: bool = False):
        if name not in self.moment_symbols:
            kw = {"positive": True} if positive else {"nonnegative": True} if nonnegative else {}
            self.moment_symbols[name] = sp.Symbol(name, real=True, **kw)
        return self.moment_symbols[name]

    # -- conditioning -----------------------------------------------------------------------------
    def conditional(self, f, y, rule):
        """``rule`` (expectation or probability) of ``f`` given the random variable ``y``."""
        model = self.model
        atoms = atoms_of(f) - {y}
        if model.ancestors(y) & (atoms | set().union(*[model.ancestors(a) for a in atoms])):
            raise Unsupported(f"conditioning on {y}, which depends on a variable of {f} (conditioning on a "
                              "descendant needs Bayes' rule); declare the conditioned variable first and use it "
                              "as a parameter of the others")
        if model.is_abstract(y) or any(model.is_abstract(a) for a in atoms):
            if any(model.is_abstract(a) and not self._independent(a, y) for a in atoms | {y}):
                raise NoClosedForm(f"E(... | {y}) of variables without a distribution")  # the tower rule may apply
        value = sp.Dummy(f"{y}_value", real=True)
        fixed = f.xreplace({y: value})
        return rule(fixed).xreplace({value: y})

    def _independent(self, a, y) -> bool:
        return str(a) in self.model.independent or str(y) in self.model.independent

    # -- probabilities and law functionals --------------------------------------------------------
    def probability(self, cond):
        atoms = atoms_of(cond)
        if len(atoms) != 1:
            raise NoClosedForm("an event about several random variables")
        (x,) = atoms
        law = law_of(x) if isinstance(x, RandomSymbol) else None
        if law is None:
            raise NoClosedForm("an event about a variable without a distribution")
        value = events.probability(cond, x, law)
        return self.expect(value) if atoms_of(value) else value

    def _law_functional(self, node):
        x = node.args[0]
        if isinstance(x, RandomVector):
            return vectors.law_functional(self, node)
        law = law_of(x)
        if law is None:
            raise NoClosedForm(f"{x} has no distribution")
        random_params = any(atoms_of(p) for p in law.params)
        fam, p = law.spec, law.params
        if isinstance(node, KL):
            other = law_of(node.args[1])
            if random_params or other is None or any(atoms_of(q) for q in other.params):
                raise NoClosedForm("KL of hierarchical laws")
            value = _kl(law, other)
        elif isinstance(node, Entropy):
            if random_params:
                raise NoClosedForm("the entropy of a marginal of a hierarchical model")
            value = fam.entropy(*p)
        else:
            at = node.args[1]
            value = fam.pdf(at, *p) if isinstance(node, Density) else fam.cdf(at, *p)
            if value is not None and random_params:
                return self.expect(value)  # the marginal: the conditional density averaged over the parents
        if value is None:
            raise NoClosedForm(f"no closed form for {type(node).__name__} of {fam.name}")
        return value


def _on_support(h, x, fam, params):
    """``h`` with its conditions on ``x`` settled by ``x`` lying in the support (with probability 1): the
    density ``Piecewise((1/b, (X >= 0) & (X <= b)), (0, True))`` of ``Uniform(0, b)`` is ``1/b`` under E."""
    low, high = fam.support(*params)
    facts = []
    if low.is_finite:
        facts.append(sp.Q.ge(x, low))
    if high.is_finite:
        facts.append(sp.Q.le(x, high))
    if not facts:
        return h
    try:
        return sp.expand(sp.refine(h, sp.And(*facts)))
    except Exception:  # noqa: BLE001 - refine failing leaves h as it is
        return h


def _kl(p, q):
    """KL(P || Q) for two laws of one family (Cover & Thomas; Penny 2001 for the Gamma law)."""
    if p.family != q.family:
        raise NoClosedForm("KL between different families")
    a, b = p.params, q.params
    if p.family == "Normal":
        (m0, s0), (m1, s1) = a, b
        return sp.log(s1 / s0) + (s0**2 + (m0 - m1) ** 2) / (2 * s1**2) - sp.Rational(1, 2)
    if p.family == "Bernoulli":
        (x,), (y,) = a, b
        return x * sp.log(x / y) + (1 - x) * sp.log((1 - x) / (1 - y))
    if p.family == "Exponential":
        (l0,), (l1,) = a, b
        return sp.log(l0 / l1) + l1 / l0 - 1
    if p.family == "Poisson":
        (l0,), (l1,) = a, b
        return l0 * sp.log(l0 / l1) - l0 + l1
    if p.family == "Gamma":
        (k0, t0), (k1, t1) = a, b
        return ((k0 - k1) * sp.digamma(k0) - sp.loggamma(k0) + sp.loggamma(k1) + k1 * (sp.log(t1) - sp.log(t0))
                + k0 * (t0 - t1) / t1)
    if p.family == "Geometric":
        (x,), (y,) = a, b
        return sp.log(x / y) + (1 - x) / x * sp.log((1 - x) / (1 - y))
    if p.family == "Categorical":
        (x,), (y,) = a, b
        k = sp.Symbol("k_cat", integer=True)
        xk, yk = MatrixElement(x, k, 0), MatrixElement(y, k, 0)
        return sp.Sum(xk * sp.log(xk / yk), (k, 0, x.shape[0] - 1))
    raise NoClosedForm(f"no closed-form KL for {p.family}")
