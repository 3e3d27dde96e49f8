r"""2 Analysis: log-derivative trick, Cauchy-Schwarz, convexity, Jensen, Taylor, Lagrange, Newton.

Summary
    The cheat sheet's second chapter, claim by claim.  Identities over vectors
    (log-derivative trick, Newton's step) are proved component-wise at several
    sizes; Cauchy-Schwarz over vectors goes through the relational engines.
    Statements about *all* convex functions, all distributions or all smooth
    functions cannot be written as one relational; they are checked by
    experiments that evaluate them exactly on a fixed, documented family of
    functions and rational points, and that fail when the claim fails.

Main statements
    * ``log_derivative_trick`` -- :math:`\nabla_\theta p_\theta = p_\theta \nabla_\theta \log p_\theta`.
    * ``cauchy_schwarz_inner_product``, ``cauchy_schwarz_abs``, ``cauchy_schwarz_sums``,
      ``cauchy_schwarz_expectation``.
    * ``convex_first_order_condition``, ``convex_second_order_condition``,
      ``convex_local_min_global``, ``convex_nonnegative_combination``, ``convex_max``,
      ``convex_composition``.
    * ``jensen_finite``, ``jensen_expectation``.
    * ``taylor_integral_remainder``, ``newton_step_quadratic``.

Errata (false or garbled as printed, each with its correction)
    ``cauchy_schwarz_nonnegative_as_printed`` (``0 <= <u, v>``),
    ``cauchy_schwarz_expectation_as_printed`` (``E[X]^2`` for ``E[XY]^2``),
    ``convex_derivative_nonnegative_as_printed`` (``f' >= 0``), ``jensen_as_printed``
    and ``jensen_expectation_as_printed`` ("convex/concave" with one direction of
    the inequality), ``taylor_lagrange_as_printed`` (garbled remainder),
    ``newton_step_as_printed`` (garbled update).

Notation
    ``u, v, x, y`` are real column vectors; ``<u, v> = uᵀv``; ``||u|| = sqrt(uᵀu)``.
    ``p`` and ``f`` are declared smooth scalar functions of a vector.  The test
    family for experiments on convex functions is ``_CONVEX_1D`` / ``_CONVEX_2D``
    below (smooth and non-smooth members), evaluated at rational points, exactly
    or at 50 significant digits where values are transcendental.

References
    Boyd & Vandenberghe, *Convex Optimization* (2004), ch. 2-3 and 9;
    Nocedal & Wright, *Numerical Optimization* (2nd ed.), ch. 3 and 12;
    Rudin, *Principles of Mathematical Analysis* (3rd ed.), Thm. 5.15;
    Williams, "Simple statistical gradient-following algorithms" (REINFORCE, 1992).
"""

from __future__ import annotations

import itertools
import random
from fractions import Fraction

import sympy as sp

from ._authoring import (
    CONFIRMED,
    NOT_CHECKABLE,
    PROVED,
    REFUTED,
    Abs,
    Chapter,
    D,
    Entry,
    Eq,
    Inverse,
    Le,
    Max,
    Outcome,
    ScalarOf,
    exp,
    log,
    seed,
    sqrt,
)

CHAPTER = Chapter("anal", 2, "Analysis")

_CONVEX_REFS = ("Boyd & Vandenberghe, Convex Optimization (2004), sec. 3.1-3.2",)

# -- the test family ---------------------------------------------------------------------------
_x = sp.Symbol("x", real=True)
_x1, _x2 = sp.symbols("x1 x2", real=True)

# convex functions of one variable: smooth and non-smooth, bounded and unbounded below
_CONVEX_1D = (
    _x**2,
    Abs(_x),
    exp(_x),
    Max(_x, 0),
    _x**4 + _x,
    log(1 + exp(_x)),
    (_x - 1) ** 2 + Abs(_x),
)
_SMOOTH_CONVEX_1D = (_x**2, exp(_x), _x**4 + _x, log(1 + exp(_x)), (_x + 1) ** 2)
_CONCAVE_1D = (-(_x**2), -Abs(_x), -exp(_x))
# convex functions of two variables (smooth)
_CONVEX_2D = (
    _x1**2 + _x1 * _x2 + _x2**2,
    log(1 + exp(_x1) + exp(_x2)),
    exp(_x1 - 2 * _x2),
    (_x1 + _x2) ** 4 + _x1**2,
)
# convex, non-decreasing outer functions for composition
_CONVEX_NONDECREASING = (exp(_x), Max(_x, 0), log(1 + exp(_x)), _x, 2 * _x + Max(_x - 1, 0))

_POINTS = (sp.Integer(-3), sp.Integer(-1), sp.Rational(-1, 2), sp.Integer(0), sp.Rational(2, 3), sp.Integer(2))
_LAMBDAS = (sp.Rational(1, 4), sp.Rational(1, 2), sp.Rational(2, 3))
_POINTS_2D = tuple(sp.Matrix(p) for p in ((-1, 2), (0, 0), (sp.Rational(1, 2), -1), (2, 1)))


def _le(a, b) -> bool:
    """a <= b, exactly for rationals, else at 50 significant digits (tolerance 1e-40)."""
    d = sp.sympify(b - a)
    if d.is_Rational:
        return d >= 0
    return sp.N(d, 50) >= -sp.Float("1e-40", 50)


def _at(f, value):
    return f.subs(_x, value)


def _is_convex_on_grid(h) -> tuple[bool, dict | None]:
    """The defining inequality h(l x + (1-l) y) <= l h(x) + (1-l) h(y) on the grid."""
    for a, b in itertools.combinations(_POINTS, 2):
        for lam in _LAMBDAS:
            left = _at(h, lam * a + (1 - lam) * b)
            right = lam * _at(h, a) + (1 - lam) * _at(h, b)
            if not _le(left, right):
                return False, {"x": str(a), "x'": str(b), "lambda": str(lam), "f(mix)": str(left),
                               "mix of f": str(right)}
    return True, None


def _grid_outcome(candidates, what: str) -> Outcome:
    count = 0
    for label, h in candidates:
        count += 1
        ok, bad = _is_convex_on_grid(h)
        if not ok:
            return Outcome(False, f"{label} violates the convexity inequality", {"function": label, **bad,
                                                                                  "exact": True})
    return Outcome(True, f"{what}: the convexity inequality holds for all {count} functions at every pair of "
                         f"{len(_POINTS)} rational points and lambda in {{1/4, 1/2, 2/3}}")


# -- 2.1 log-derivative trick -------------------------------------------------------------------
log_derivative_trick = Entry(
    id="anal.log-derivative-trick",
    title="Log-derivative trick: grad p = p grad log p",
    expected=PROVED,
    symbols={"theta": "vector n", "p": "function theta"},
    statement=lambda theta, p: Eq(D(p, theta), p * D(log(p), theta)),
    seed=seed(59, 59, r"**Log-Trick (Identity):**  $\nabla_\theta [p_\theta(\mathbf{x})] = p_\theta(\mathbf{x}) \nabla_\theta [\log(p_\theta(\mathbf{x}))]$"),
    notes="Holds wherever p > 0; x is held fixed, so p_theta(x) is a scalar function of theta.",
    aliases=("log trick", "log derivative trick", "score function", "REINFORCE", "likelihood ratio trick",
             "grad log p"),
    tags=("gradient", "score function", "policy gradient", "variational inference"),
    references=("Williams (1992), Simple statistical gradient-following algorithms",),
)


# -- 2.2 Cauchy-Schwarz --------------------------------------------------------------------------
def _norm(u):
    return sqrt(ScalarOf(u.T * u))


cauchy_schwarz_inner_product = Entry(
    id="anal.cauchy-schwarz-inner-product",
    title="Cauchy-Schwarz: <u, v> <= ||u|| ||v||",
    expected=CONFIRMED,
    symbols={"u": "vector n", "v": "vector n"},
    statement=lambda u, v: Le(ScalarOf(u.T * v), _norm(u) * _norm(v)),
    seed=seed(63, 63, r"$\nabla_\mathbf{u} \cdot \nabla_\mathbf{v} : V : \langle \mathbf{u}, \mathbf{v} \rangle \leq \|\mathbf{u}\| \|\mathbf{v}\|$"),
    notes="The prefix '∇_u · ∇_v : V :' is read as a garbled 'for all u, v in V'; checked for the Euclidean "
          "inner product on R^n.",
    aliases=("Cauchy-Schwarz", "Cauchy Schwarz inequality", "inner product bound", "CS inequality"),
    tags=("inequality", "inner product", "norm"),
    references=("Horn & Johnson, Matrix Analysis, sec. 5.1",),
)

cauchy_schwarz_abs = Entry(
    id="anal.cauchy-schwarz-abs",
    title="Cauchy-Schwarz with absolute value: |<u, v>| <= ||u|| ||v||",
    expected=CONFIRMED,
    symbols={"u": "vector n", "v": "vector n"},
    statement=lambda u, v: Le(Abs(ScalarOf(u.T * v)), _norm(u) * _norm(v)),
    aliases=("Cauchy-Schwarz", "Cauchy Schwarz inequality", "absolute inner product bound"),
    tags=("inequality", "inner product", "norm"),
    references=("Horn & Johnson, Matrix Analysis, sec. 5.1",),
)


def _cs_nonnegative():
    """Search small integer vectors for a violation of 0 <= <u, v> <= ||u|| ||v||."""
    values = (0, 1, -1)
    for n in (1, 2):
        for u in itertools.product(values, repeat=n):
            for v in itertools.product(values, repeat=n):
                ip = sum(a * b for a, b in zip(u, v, strict=True))
                bound = sp.sqrt(sum(a * a for a in u)) * sp.sqrt(sum(b * b for b in v))
                if not (0 <= ip and _le(ip, bound)):
                    return Outcome(False, f"exhaustive search over integer vectors in {{-1, 0, 1}}^{n}",
                                   {"u": list(u), "v": list(v), "<u, v>": str(ip), "||u|| ||v||": str(bound),
                                    "exact": True})
    return Outcome(True, "no violation among integer vectors in {-1, 0, 1}^n, n <= 2")


cauchy_schwarz_nonnegative_as_printed = Entry(
    id="anal.cauchy-schwarz-nonnegative-as-printed",
    title="Cauchy-Schwarz as printed with a lower bound: 0 <= <u, v> <= ||u|| ||v||",
    expected=REFUTED,
    experiment=_cs_nonnegative,
    reason="the chained inequality is a conjunction, which the relational engines cannot state: searched "
           "exhaustively over small integer vectors, evaluating both parts exactly",
    seed=seed(65, 65, r"$\nabla_\mathbf{u} \cdot \nabla_\mathbf{v} : V : 0 \leq \langle \mathbf{u}, \mathbf{v} \rangle \leq \|\mathbf{u}\| \|\mathbf{v}\|$"),
    corrected_by="anal.cauchy-schwarz-abs",
    notes="The lower bound is -||u|| ||v||: inner products can be negative.",
    aliases=("Cauchy-Schwarz", "inner product nonnegative"),
    tags=("inequality", "inner product", "norm"),
)

cauchy_schwarz_sums = Entry(
    id="anal.cauchy-schwarz-sums",
    title="Cauchy-Schwarz for sums: (sum x_i y_i)² <= (sum x_i²)(sum y_i²)",
    expected=PROVED,
    symbols={"x": "vector n", "y": "vector n"},
    statement=lambda x, y: Le(ScalarOf(x.T * y) ** 2, ScalarOf(x.T * x) * ScalarOf(y.T * y)),
    seed=seed(67, 67, r"Special case:  $(\sum x_i y_i)^2 \leq (\sum x_i^2)(\sum y_i^2)$ ."),
    notes="The exact proof covers n = 2 (Lagrange's identity factors as a square); larger sizes rest on "
          "numeric evidence.",
    aliases=("Cauchy-Schwarz", "Cauchy Schwarz for sums", "Lagrange identity", "sum of products bound"),
    tags=("inequality", "inner product"),
    references=("Hardy, Littlewood & Polya, Inequalities (1952), sec. 2.4",),
)


def _finite_pairs(rng: random.Random, atoms: int = 3):
    w = [rng.randint(1, 4) for _ in range(atoms)]
    probs = [Fraction(a, sum(w)) for a in w]
    return [(p, rng.randint(-3, 3), rng.randint(-3, 3)) for p in probs]


def _expect(dist, g) -> Fraction:
    return sum((p * g(x, y) for p, x, y in dist), Fraction(0))


def _cs_expectation(printed: bool):
    rng = random.Random(0)
    trials = 300
    for trial in range(trials):
        dist = _finite_pairs(rng)
        left = (_expect(dist, lambda x, y: x) ** 2) if printed else (_expect(dist, lambda x, y: x * y) ** 2)
        right = _expect(dist, lambda x, y: x * x) * _expect(dist, lambda x, y: y * y)
        if left > right:
            return Outcome(False, f"random finite joint distribution {trial}",
                           {"distribution": [{"p": str(p), "X": x, "Y": y} for p, x, y in dist],
                            "lhs": str(left), "rhs": str(right), "exact": True})
    return Outcome(True, f"holds exactly on {trials} random finite joint distributions of (X, Y)")


cauchy_schwarz_expectation_as_printed = Entry(
    id="anal.cauchy-schwarz-expectation-as-printed",
    title="Cauchy-Schwarz for expectations as printed: E[X]² <= E[X²] E[Y²]",
    expected=REFUTED,
    experiment=lambda: _cs_expectation(printed=True),
    reason="an inequality over all joint distributions: searched on random finite distributions, exactly",
    seed=seed(69, 69, r"Special case:  $E[X]^2 \leq E[X^2] E[Y^2]$ ."),
    corrected_by="anal.cauchy-schwarz-expectation",
    notes="As printed Y only appears on the right, so Y = 0 and E[X] != 0 refute it; the intended left side "
          "is E[XY]².",
    aliases=("Cauchy-Schwarz", "Cauchy Schwarz for expectations"),
    tags=("inequality", "expectation"),
)

cauchy_schwarz_expectation = Entry(
    id="anal.cauchy-schwarz-expectation",
    title="Cauchy-Schwarz for expectations: E[XY]² <= E[X²] E[Y²]",
    expected=CONFIRMED,
    experiment=lambda: _cs_expectation(printed=False),
    reason="checked exactly on random finite joint distributions with rational probabilities (the stats "
           "engine compares only equalities)",
    aliases=("Cauchy-Schwarz", "Cauchy Schwarz for expectations", "covariance inequality"),
    tags=("inequality", "expectation"),
    references=("Casella & Berger, Statistical Inference (2nd ed.), Thm. 4.7.3",),
)


# -- 2.3 convex sets and functions ---------------------------------------------------------------
convex_set_definition = Entry(
    id="anal.convex-set-definition",
    title="Convex set: closed under convex combinations of two points",
    expected=NOT_CHECKABLE,
    definition=True,
    seed=seed(71, 71, r"**D. (Convex Set)** A set  $S \subseteq \mathbb{R}^d$  is called *convex* if  $\forall \mathbf{x}, \mathbf{x}' \in S, \lambda \in [0, 1]: \lambda \mathbf{x} + (1 - \lambda) \mathbf{x}' \in S$ ."),
    aliases=("convex set", "convexity definition"),
    tags=("convexity", "sets"),
    references=("Boyd & Vandenberghe, Convex Optimization (2004), sec. 2.1.4",),
)

convex_set_comment = Entry(
    id="anal.convex-set-comment",
    title="Comment: segments stay in the set; R is convex",
    expected=NOT_CHECKABLE,
    reason="prose restating the definition; 'R is convex' is immediate (a convex combination of reals is real) "
           "and has no statement for the engines",
    seed=seed(73, 73, r"**Com.** Any point on the line between two points is within the set.  $R$  is convex."),
    see_also=("anal.convex-set-definition",),
    tags=("convexity", "sets"),
)

convex_function_definition = Entry(
    id="anal.convex-function-definition",
    title="Convex function: f(l x + (1-l) x') <= l f(x) + (1-l) f(x') on a convex domain",
    expected=NOT_CHECKABLE,
    definition=True,
    seed=seed(75, 77, r"""**D. (Convex Function)** A function  $f: S \rightarrow \mathbb{R}$  defined on a *convex* set  $S \subseteq \mathbb{R}^d$  is called *convex* if

$\forall \mathbf{x}, \mathbf{x}' \in S, \lambda \in [0, 1]: f(\lambda \mathbf{x} + (1 - \lambda) \mathbf{x}') \leq \lambda f(\mathbf{x}) + (1 - \lambda) f(\mathbf{x}')$"""),
    aliases=("convex function", "convexity definition", "chord above graph"),
    tags=("convexity",),
    references=_CONVEX_REFS,
)

strictly_convex_definition = Entry(
    id="anal.strictly-convex-definition",
    title="Strictly convex function: chords lie strictly above the graph",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="stated in words: strict inequality for x != x' and lambda in (0, 1)",
    seed=seed(79, 79, r"**Com.** A function is strictly convex if the line segment between any two points on the graph of the function lies strictly above the graph."),
    aliases=("strictly convex", "strict convexity"),
    tags=("convexity",),
    references=_CONVEX_REFS,
)


def _gradient(f, variables):
    return sp.Matrix([sp.diff(f, v) for v in variables])


def _first_order():
    count = 0
    for f in _SMOOTH_CONVEX_1D:
        df = sp.diff(f, _x)
        for a, b in itertools.permutations(_POINTS, 2):
            count += 1
            if not _le(_at(f, a) + _at(df, a) * (b - a), _at(f, b)):
                return Outcome(False, f"f = {f}", {"f": str(f), "x": str(a), "y": str(b), "exact": True})
    for f in _CONVEX_2D:
        g = _gradient(f, (_x1, _x2))
        for a, b in itertools.permutations(_POINTS_2D, 2):
            count += 1
            at = {_x1: a[0], _x2: a[1]}
            tangent = f.subs(at) + (g.subs(at).T * (b - a))[0, 0]
            if not _le(tangent, f.subs({_x1: b[0], _x2: b[1]})):
                return Outcome(False, f"f = {f}", {"f": str(f), "x": str(list(a)), "y": str(list(b)),
                                                   "exact": True})
    return Outcome(True, f"holds at all {count} (function, x, y) triples of the smooth convex test family "
                         "(1-D and 2-D), exactly or at 50 digits")


convex_first_order_condition = Entry(
    id="anal.convex-first-order-condition",
    title="First-order condition: a convex f lies above its tangents, f(y) >= f(x) + grad f(x)ᵀ(y - x)",
    expected=CONFIRMED,
    experiment=_first_order,
    reason="a claim about every differentiable convex function: checked on the smooth convex test family "
           "(1-D and 2-D) at all pairs of rational grid points",
    seed=seed(83, 83, r"- $f(y) \geq f(x) + \nabla f(x)^T(y - x)$"),
    aliases=("first order condition", "tangent below graph", "supporting hyperplane", "convexity gradient"),
    tags=("convexity", "gradient"),
    references=("Boyd & Vandenberghe, Convex Optimization (2004), sec. 3.1.3",),
)


def _derivative_sign():
    ordered = sorted(_POINTS, key=lambda p: (abs(p), p < 0))
    for f in _SMOOTH_CONVEX_1D:
        df = sp.diff(f, _x)
        for a in ordered:
            value = _at(df, a)
            if not _le(0, value):
                return Outcome(False, f"f = {f} is convex but f'({a}) < 0",
                               {"f": str(f), "x": str(a), "f'(x)": str(sp.nsimplify(value)), "exact": True})
    return Outcome(True, "f' >= 0 at every grid point for every smooth convex test function")


convex_derivative_nonnegative_as_printed = Entry(
    id="anal.convex-derivative-nonnegative-as-printed",
    title="'f'(x) >= 0' for convex f (as printed; false)",
    expected=REFUTED,
    experiment=_derivative_sign,
    reason="searched the smooth convex test family at rational points for a negative derivative, evaluated "
           "exactly",
    seed=seed(84, 84, r"- $f'(x) \geq 0$"),
    corrected_by="anal.convex-second-order-condition",
    notes="Convex functions can decrease (x² on x < 0); the intended condition is on the second derivative, "
          "f'' >= 0 (Hessian p.s.d.).",
    aliases=("convex derivative", "monotone convex"),
    tags=("convexity", "derivative"),
)


def _second_order():
    count = 0
    for f in _SMOOTH_CONVEX_1D:
        d2 = sp.diff(f, _x, 2)
        for a in _POINTS:
            count += 1
            if not _le(0, _at(d2, a)):
                return Outcome(False, f"f = {f}", {"f": str(f), "x": str(a), "f''(x)": str(_at(d2, a)),
                                                   "exact": True})
    for f in _CONVEX_2D:
        hess = sp.hessian(f, (_x1, _x2))
        for a in _POINTS_2D:
            count += 1
            h = hess.subs({_x1: a[0], _x2: a[1]})
            # a symmetric 2x2 matrix is p.s.d. iff its diagonal entries and determinant are >= 0
            det = h[0, 0] * h[1, 1] - h[0, 1] * h[1, 0]
            if not (_le(0, h[0, 0]) and _le(0, h[1, 1]) and _le(0, det)):
                return Outcome(False, f"f = {f}", {"f": str(f), "x": str(list(a)), "Hessian": str(h.tolist()),
                                                   "exact": True})
    return Outcome(True, f"f'' >= 0 / Hessian p.s.d. at all {count} (function, point) pairs of the smooth "
                         "convex test family")


convex_second_order_condition = Entry(
    id="anal.convex-second-order-condition",
    title="Second-order condition: a twice differentiable convex f has f'' >= 0 (Hessian p.s.d.)",
    expected=CONFIRMED,
    experiment=_second_order,
    reason="checked on the smooth convex test family (1-D and 2-D) at rational points, exactly or at 50 digits",
    aliases=("second order condition", "Hessian psd", "f'' >= 0", "convexity Hessian"),
    tags=("convexity", "Hessian"),
    references=("Boyd & Vandenberghe, Convex Optimization (2004), sec. 3.1.4",),
)


def _local_min_global():
    """Random strictly convex quartics p = (x-a)² + b (x-c)⁴ + d x: one critical point, a global minimum."""
    rng = random.Random(0)
    q = lambda: sp.Rational(rng.randint(-6, 6), rng.randint(1, 3))  # noqa: E731
    trials = 40
    for trial in range(trials):
        b = sp.Rational(rng.randint(0, 4), rng.randint(1, 3))
        p = (_x - q()) ** 2 + b * (_x - q()) ** 4 + q() * _x
        crit = sp.real_roots(sp.Poly(sp.diff(p, _x), _x))
        values = [sp.N(_at(p, r), 50) for r in crit]
        local_minima = [v for r, v in zip(crit, values, strict=True) if sp.N(_at(sp.diff(p, _x, 2), r), 50) > 0]
        if len(set(crit)) != 1 or any(v > min(values) + sp.Float("1e-40", 50) for v in local_minima):
            return Outcome(False, f"trial {trial}", {"p": str(p), "critical points": [str(r) for r in crit],
                                                     "exact": True})
    return Outcome(True, f"{trials} random strictly convex quartics: exactly one real critical point (exact "
                         "real-root isolation), which is the global minimiser")


convex_local_min_global = Entry(
    id="anal.convex-local-min-global",
    title="Local minima of a convex function are global; a strictly convex function has at most one minimiser",
    expected=CONFIRMED,
    experiment=_local_min_global,
    reason="checked on random strictly convex quartic polynomials, whose critical points are isolated exactly",
    seed=seed(85, 85, r"- Local minima are global minima, strictly convex functions have a unique global minimum"),
    notes="A strictly convex function need not attain a minimum (e^x); the printed 'has a unique global "
          "minimum' is read as 'at most one'.  The experiment's quartics are coercive, so the minimum exists.",
    aliases=("local minimum is global", "unique minimiser", "convex optimization"),
    tags=("convexity", "optimization", "minimum"),
    references=("Boyd & Vandenberghe, Convex Optimization (2004), sec. 4.2.2",),
)

_NAMED_1D = tuple((str(f), f) for f in _CONVEX_1D)

convex_nonnegative_combination = Entry(
    id="anal.convex-nonnegative-combination",
    title="Nonnegative combinations of convex functions are convex",
    expected=CONFIRMED,
    experiment=lambda: _grid_outcome(
        [(f"{al}*({f}) + {be}*({g})", al * f + be * g)
         for (_, f), (_, g) in itertools.combinations(_NAMED_1D, 2)
         for al, be in ((sp.Rational(1, 2), 2), (3, 0))],
        "alpha f + beta g over pairs of the convex test family, (alpha, beta) in {(1/2, 2), (3, 0)}"),
    reason="checked through the defining inequality on combinations of the convex test family at rational points",
    seed=seed(86, 86, r"- If  $f, g$  are convex then  $\alpha f + \beta g$  is convex for  $\alpha, \beta \geq 0$"),
    aliases=("sum of convex functions", "conic combination", "nonnegative weighted sum"),
    tags=("convexity",),
    references=("Boyd & Vandenberghe, Convex Optimization (2004), sec. 3.2.1",),
)

convex_max = Entry(
    id="anal.convex-max",
    title="The pointwise maximum of two convex functions is convex",
    expected=CONFIRMED,
    experiment=lambda: _grid_outcome(
        [(f"max({f}, {g})", Max(f, g)) for (_, f), (_, g) in itertools.combinations(_NAMED_1D, 2)],
        "max(f, g) over pairs of the convex test family"),
    reason="checked through the defining inequality on pointwise maxima of the convex test family",
    seed=seed(87, 87, r"- If  $f, g$  are convex then  $\max(f, g)$  is convex"),
    aliases=("max of convex functions", "pointwise maximum", "convexity of max"),
    tags=("convexity",),
    references=("Boyd & Vandenberghe, Convex Optimization (2004), sec. 3.2.3",),
)

convex_composition = Entry(
    id="anal.convex-composition",
    title="g o f is convex when f is convex and g is convex and non-decreasing",
    expected=CONFIRMED,
    experiment=lambda: _grid_outcome(
        [(f"g = {g}, f = {f}", g.subs(_x, f)) for g in _CONVEX_NONDECREASING for f in _CONVEX_1D[:5]],
        "g(f(x)) for convex non-decreasing g and convex f from the test families"),
    reason="checked through the defining inequality on compositions from the test families",
    seed=seed(88, 88, r"- If  $f$  is convex and  $g$  is convex and non-decreasing then  $g \circ f$  is convex"),
    notes="Non-decreasing matters: g(u) = -u is convex and f(x) = x² convex, but g(f(x)) = -x² is concave.",
    aliases=("composition of convex functions", "convex composition rule"),
    tags=("convexity", "composition"),
    references=("Boyd & Vandenberghe, Convex Optimization (2004), sec. 3.2.4",),
)


# -- 2.4 Taylor ------------------------------------------------------------------------------------
taylor_lagrange_as_printed = Entry(
    id="anal.taylor-lagrange-as-printed",
    title="Taylor's formula as printed (garbled remainder)",
    expected=NOT_CHECKABLE,
    reason="garbled remainder: 'sum_{k=0}^n f^{(n+1)}(x - t)/n! dt' has a 'dt' with no integral, a summand "
           "that does not depend on k, and f^{(n+1)} evaluated at x - t; neither the integral form nor the "
           "Lagrange form f^{(n+1)}(xi)(x - x0)^{n+1}/(n+1)! can be read off",
    seed=seed(92, 92, r"$f(x) = \sum_{k=0}^n \frac{f^{(k)}(x_0)}{k!} (x - x_0)^k + \sum_{k=0}^n \frac{f^{(n+1)}(x-t)}{n!} dt$"),
    corrected_by="anal.taylor-integral-remainder",
    aliases=("Taylor", "Taylor-Lagrange", "Taylor remainder"),
    tags=("taylor", "approximation"),
)


def _taylor_integral():
    t, x, x0 = sp.symbols("t x x0", real=True)
    functions = (sp.exp(x), sp.sin(x), x**5 - 2 * x**3 + x)
    count = 0
    for f in functions:
        for n in range(4):
            count += 1
            poly = sp.Add(*[sp.diff(f, x, k).subs(x, x0) / sp.factorial(k) * (x - x0) ** k for k in range(n + 1)])
            remainder = sp.integrate(sp.diff(f, x, n + 1).subs(x, t) * (x - t) ** n / sp.factorial(n), (t, x0, x))
            if sp.simplify(f - poly - remainder) != 0:
                return Outcome(False, f"f = {f}, n = {n}", {"f": str(f), "n": n, "exact": True})
    return Outcome(True, f"exact symbolic identity in x and x0 for {count} (f, n) pairs: f in "
                         "{exp, sin, a quintic}, n = 0..3")


taylor_integral_remainder = Entry(
    id="anal.taylor-integral-remainder",
    title="Taylor's formula with integral remainder",
    expected=CONFIRMED,
    experiment=_taylor_integral,
    reason="the remainder integral is outside the relational engines: checked as an exact symbolic identity in "
           "x and x0 for several functions and orders",
    notes="f(x) = sum_{k=0}^n f^(k)(x0)/k! (x - x0)^k + integral_{x0}^{x} f^(n+1)(t) (x - t)^n / n! dt.  "
          "By the mean value theorem for integrals the remainder equals f^(n+1)(xi) (x - x0)^(n+1)/(n+1)! "
          "for some xi between x0 and x (Lagrange form).",
    aliases=("Taylor", "Taylor-Lagrange", "Taylor remainder", "Taylor expansion", "integral remainder"),
    tags=("taylor", "approximation"),
    references=("Rudin, Principles of Mathematical Analysis (3rd ed.), Thm. 5.15",),
)


# -- 2.5 Jensen ------------------------------------------------------------------------------------
def _jensen(functions, expectation_form: bool):
    rng = random.Random(0)
    for label, f in functions:
        for _trial in range(8):
            w = [rng.randint(1, 4) for _ in range(3)]
            lam = [sp.Rational(a, sum(w)) for a in w]
            xs = [rng.choice(_POINTS) for _ in range(3)]
            mean = sp.Add(*[a * b for a, b in zip(lam, xs, strict=True)])
            left = _at(f, mean)
            right = sp.Add(*[a * _at(f, b) for a, b in zip(lam, xs, strict=True)])
            if not _le(left, right):
                names = ("P(X = x_i)", "x_i", "f(E[X])", "E[f(X)]") if expectation_form else \
                    ("lambda", "x", "f(sum lambda_i x_i)", "sum lambda_i f(x_i)")
                return Outcome(False, f"f = {label}", {"f": label, names[0]: [str(a) for a in lam],
                                                       names[1]: [str(b) for b in xs], names[2]: str(left),
                                                       names[3]: str(right), "exact": True})
    return Outcome(True, f"holds for {len(functions)} functions x 8 random rational weight vectors on 3 points")


_JENSEN_PRINTED = _NAMED_1D + tuple((f"{f} (concave)", f) for f in _CONCAVE_1D)

jensen_as_printed = Entry(
    id="anal.jensen-as-printed",
    title="Jensen's inequality as printed: for f 'convex/concave', f(sum l_i x_i) <= sum l_i f(x_i)",
    expected=REFUTED,
    experiment=lambda: _jensen(_JENSEN_PRINTED, expectation_form=False),
    reason="as printed the hypothesis admits concave f with the same direction of the inequality; searched "
           "over convex and concave test functions with random rational weights",
    seed=seed(96, 98, r"""$f$  convex/concave,  $\forall i: \lambda_i \geq 0, \sum_i \lambda_i = 1$

$f(\sum_i \lambda_i x_i) \leq \sum_i \lambda_i f(x_i)$"""),
    corrected_by="anal.jensen-finite",
    notes="For convex f the printed inequality holds; for concave f it reverses.  Read 'convex/concave' as "
          "'convex (resp. concave, with >=)' and the line is right.",
    aliases=("Jensen", "Jensen's inequality", "Jensen inequality"),
    tags=("inequality", "convexity"),
)

jensen_finite = Entry(
    id="anal.jensen-finite",
    title="Jensen's inequality: f(sum l_i x_i) <= sum l_i f(x_i) for convex f and l in the simplex",
    expected=CONFIRMED,
    experiment=lambda: _jensen(_NAMED_1D, expectation_form=False),
    reason="checked on the convex test family with random rational weights on three points, exactly or at "
           "50 digits; for concave f the inequality reverses",
    aliases=("Jensen", "Jensen's inequality", "Jensen inequality", "convex combination"),
    tags=("inequality", "convexity"),
    references=("Boyd & Vandenberghe, Convex Optimization (2004), sec. 3.1.8",),
)

jensen_expectation_as_printed = Entry(
    id="anal.jensen-expectation-as-printed",
    title="Jensen for expectations as printed: f(E[X]) <= E[f(X)] under 'f convex/concave'",
    expected=REFUTED,
    experiment=lambda: _jensen(_JENSEN_PRINTED, expectation_form=True),
    reason="a special case of the printed Jensen line and so under the same 'convex/concave' hypothesis; "
           "searched over convex and concave test functions and random finite distributions",
    seed=seed(100, 100, r"Special case:  $f(E[X]) \leq E[f(X)]$ ."),
    corrected_by="anal.jensen-expectation",
    aliases=("Jensen", "Jensen's inequality for expectations"),
    tags=("inequality", "convexity", "expectation"),
)

jensen_expectation = Entry(
    id="anal.jensen-expectation",
    title="Jensen for expectations: f(E[X]) <= E[f(X)] for convex f",
    expected=CONFIRMED,
    experiment=lambda: _jensen(_NAMED_1D, expectation_form=True),
    reason="checked on the convex test family and random finite distributions on three rational points",
    aliases=("Jensen", "Jensen's inequality for expectations", "f(E[X]) <= E[f(X)]"),
    tags=("inequality", "convexity", "expectation"),
    references=("Wasserman, All of Statistics (2004), Thm. 4.9",),
)


# -- 2.6 Lagrangian and Newton ------------------------------------------------------------------------
lagrangian_definition = Entry(
    id="anal.lagrangian-definition",
    title="Lagrangian of an equality-constrained problem: L = f - gamma (g - c)",
    expected=NOT_CHECKABLE,
    definition=True,
    seed=seed(102, 102, r"**D.** (Lagrangian Formulation) of  $\arg \max_{x,y} f(x, y)$  s.t.  $g(x, y) = c: L(x, y, \gamma) = f(x, y) - \gamma(g(x, y) - c)$"),
    aliases=("Lagrangian", "Lagrange multiplier", "constrained optimization"),
    tags=("optimization", "constraints"),
    references=("Nocedal & Wright, Numerical Optimization (2nd ed.), sec. 12.1",),
)

newton_step_as_printed = Entry(
    id="anal.newton-step-as-printed",
    title="Newton's step as printed: x* = x* - Hess(f(x*))^{-1} grad f(x*)",
    expected=NOT_CHECKABLE,
    reason="garbled: the iterate indices are lost and x* stands on both sides, so the line reads as the "
           "fixed-point condition grad f(x*) = 0 rather than the update x_{k+1} = x_k - H(x_k)^{-1} grad f(x_k); "
           "'Hess(f(x*))' also applies the Hessian to a value",
    seed=seed(104, 104, r"$x^* = \mathbf{x}^* - \text{Hess}(f(x^*))^{-1} \nabla_{\mathbf{x}} f(x^*)$"),
    corrected_by="anal.newton-step-quadratic",
    aliases=("Newton step", "Newton's method", "Newton update"),
    tags=("optimization", "Newton", "Hessian"),
)


def _newton_quadratic(x, A, b):
    f = ScalarOf(x.T * A * x) / 2 - ScalarOf(b.T * x)
    grad = D(f, x)  # (n, 1)
    hess = D(grad, x)  # (n, n)
    return Eq(x - Inverse(hess) * grad, Inverse(A) * b)


newton_step_quadratic = Entry(
    id="anal.newton-step-quadratic",
    title="One Newton step x - H⁻¹ grad f reaches the minimiser A⁻¹b of f = xᵀAx/2 - bᵀx from any x",
    expected=PROVED,
    symbols={"x": "vector n", "A": "matrix n n spd", "b": "vector n"},
    statement=_newton_quadratic,
    notes="The Newton update is x_{k+1} = x_k - H(x_k)^{-1} grad f(x_k), the minimiser of the second-order "
          "Taylor model at x_k; on a quadratic the model is exact, so one step lands on the minimiser.  The "
          "gradient and Hessian are computed from f, not assumed.",
    aliases=("Newton step", "Newton's method", "Newton update", "Newton-Raphson"),
    tags=("optimization", "Newton", "Hessian"),
    references=("Nocedal & Wright, Numerical Optimization (2nd ed.), sec. 3.3",
                "Boyd & Vandenberghe, Convex Optimization (2004), sec. 9.5"),
)
