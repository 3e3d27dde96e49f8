"""9 Approximation theory: ReLU, hinges, maxout, linear regions, backpropagation.

Main statements
    * ``region_count_exponential_small_width``, ``region_count_polynomial_in_width`` -- the seed's
      statements B and C about the number of cells ``R(m)`` cut by ``m`` hyperplanes in ``R^n``.
    * ``region_count_deep_relu_as_printed`` -- the seed's "Montufar et al. 2014" bound for *deep* nets,
      refuted: a width-2 ReLU net of depth 7 on ``R^2`` has 128 linear regions, the printed bound allows 4.
      The bound ``sum_{i <= min(m, n)} C(m, i)`` is Zaslavsky's count for *one* layer
      (``region_count_relu_layer_bound``), reached in general position (``region_count_hyperplane_arrangement``);
      depth multiplies regions (``region_count_deep_exponential_in_depth``, ``region_count_deep_relu_bound``).
    * ``k_hinge_representation_as_printed`` -- Wang & Sun's theorem with ``k <= ceil(log2(n+1))``, refuted
      (``|x|`` at ``n = 1``); the theorem has ``k <= n + 1`` (``cpwl_signed_sum_of_hinges``), and
      ``ceil(log2(n+1))`` is the nesting depth of absolute values (``absolute_value_nesting_logarithmic``).
    * ``relu_is_linear_as_printed`` -- refuted by ``ReLU(1 + (-1)) != ReLU(1) + ReLU(-1)``.
    * ``backprop_activity`` -- Algorithm 1, ``e^l = J_{F^{l+1}}^T e^{l+1}``, confirmed against autograd.

Notation: ``R(m)`` (or ``R(m, n)``) is the number of regions of ``m`` affine hyperplanes in ``R^n``;
a *k-hinge* is ``max_{i <= k}(w_i^T x + b_i)``; a *hinge* is ``max(0, w^T x + b)``.

Experiments use ``numerics.regions`` (exact region counts: deletion-restriction for arrangements,
polygon clipping for 2-D ReLU nets), ``numerics.layers`` and ``numerics.backprop``; each is seeded and
bounded, and exact (``fractions.Fraction`` / SymPy) wherever a verdict hangs on one value.

References: Zaslavsky (1975) *Facing up to arrangements*, Mem. AMS 154; Montúfar, Pascanu, Cho & Bengio (2014)
*On the number of linear regions of deep neural networks*, NeurIPS; Serra, Tjandraatmadja & Ramalingam (2018)
*Bounding and counting linear regions of deep neural networks*, ICML; Wang & Sun (2005) *Generalization of hinging
hyperplanes*, IEEE Trans. Inf. Theory 51(12); Arora, Basu, Mianjy & Mukherjee (2018) *Understanding deep neural
networks with rectified linear units*, ICLR; Goodfellow, Warde-Farley, Mirza, Courville & Bengio (2013) *Maxout
networks*, ICML; Telgarsky (2016) *Benefits of depth in neural networks*, COLT.

Tags: relu, linear regions, hyperplane arrangement, hinge, maxout, backpropagation.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import sympy as sp
import torch

from ._authoring import (
    CONFIRMED,
    NOT_CHECKABLE,
    PROVED,
    REFUTED,
    Chapter,
    D,
    Entry,
    Eq,
    Max,
    Outcome,
    ScalarOf,
    exp,
    log,
    seed,
)

CHAPTER = Chapter("approx", 9, "Approximation theory: ReLU, hinges, maxout, linear regions, backpropagation")



_REF_ZASLAVSKY = "Zaslavsky (1975), Facing up to arrangements, Mem. AMS 154, Thm. A"
_REF_MONTUFAR = "Montúfar, Pascanu, Cho & Bengio (2014), On the number of linear regions of deep neural networks, NeurIPS"
_REF_SERRA = "Serra, Tjandraatmadja & Ramalingam (2018), Bounding and counting linear regions of DNNs, ICML, Thm. 1"
_REF_WANG_SUN = "Wang & Sun (2005), Generalization of hinging hyperplanes, IEEE Trans. Inf. Theory 51(12)"
_REF_ARORA = "Arora, Basu, Mianjy & Mukherjee (2018), Understanding deep neural networks with ReLUs, ICLR, Thm. 2.1"
_REF_GOODFELLOW = "Goodfellow, Warde-Farley, Mirza, Courville & Bengio (2013), Maxout networks, ICML"
_REF_TELGARSKY = "Telgarsky (2016), Benefits of depth in neural networks, COLT"
_REF_DLBOOK = "Goodfellow, Bengio & Courville (2016), Deep Learning, ch. 6"


def _rng(seed_: int = 0) -> np.random.Generator:
    return np.random.default_rng(seed_)


# =============================================================================================
# Linear regions
# =============================================================================================
def _one_layer_bound(m: int, n: int) -> int:
    """The printed bound: sum_{i <= min(m, n)} C(m, i), computed here independently of numerics."""
    return sum(math.comb(m, i) for i in range(min(m, n) + 1))


def _exp_small_width():
    from numerics.regions import count_arrangement_regions, relu_layer_region_bound

    rng = _rng(1)
    trials = 0
    for n in range(1, 6):
        for m in range(1, n + 1):
            formula = relu_layer_region_bound(m, n)
            if formula != 2**m:
                return Outcome(False, f"bound formula gives {formula} != 2^{m} at m={m}, n={n}",
                               {"m": m, "n": n, "formula": formula})
            for _ in range(3):
                W, b = rng.standard_normal((m, n)), rng.standard_normal(m)
                count = count_arrangement_regions(W, b)
                trials += 1
                if count != 2**m:
                    return Outcome(False, f"{m} random hyperplanes in R^{n} cut {count} regions, not 2^{m}",
                                   {"m": m, "n": n, "regions": count, "W": W.tolist(), "b": b.tolist()})
    return Outcome(True, f"{trials} random arrangements with m <= n <= 5: exact count = 2^m every time; "
                         "sum_{i<=m} C(m, i) = 2^m")


def _poly_in_width():
    from numerics.regions import arrangement_region_count, count_arrangement_regions

    # exact: R(m, n) <= (m + 1)^n for all m <= 200, n <= 8  (C(m, i) <= m^i <= C(n, i) m^i)
    for n in range(1, 9):
        for m in range(1, 201):
            r = arrangement_region_count(m, n)
            if r > (m + 1) ** n:
                return Outcome(False, f"R({m}, {n}) = {r} > (m+1)^n", {"m": m, "n": n, "R": r})
    # the degree is exactly n: R(m, n) / m^n -> 1/n!
    for n in range(1, 6):
        m = 10**5
        ratio = Fraction(arrangement_region_count(m, n), m**n) * math.factorial(n)
        if abs(ratio - 1) > Fraction(1, 1000):
            return Outcome(False, f"R(m, {n}) n!/m^n = {float(ratio)} at m = 1e5, not -> 1", {"n": n})
    # the formula is the exact count of random arrangements
    rng = _rng(2)
    for n in (2, 3):
        for m in (4, 7, 10):
            W, b = rng.standard_normal((m, n)), rng.standard_normal(m)
            if count_arrangement_regions(W, b) != arrangement_region_count(m, n):
                return Outcome(False, f"random arrangement m={m}, n={n} disagrees with the formula",
                               {"m": m, "n": n})
    return Outcome(True, "exact integers: R(m, n) <= (m+1)^n for m <= 200, n <= 8; R(m, n) n!/m^n -> 1 "
                         "(degree exactly n); formula = exact count of random arrangements (n = 2, 3)")


def _tent_net(L: int):
    """A width-2 ReLU net on R^2 whose L layers compute the tent map t(x) = 2x on [0, 1/2], 2 - 2x on [1/2, 1]
    L times in x_1 (Telgarsky 2016): 2^L linear pieces. Returns (Ws, bs) with exact Fractions."""
    h = Fraction(1, 2)
    Ws = [[[Fraction(1), Fraction(0)], [Fraction(1), Fraction(0)]]]  # (relu(x1), relu(x1 - 1/2))
    bs = [[Fraction(0), -h]]
    for _ in range(L - 1):  # tent t = 2 h1 - 4 h2, then (relu(t), relu(t - 1/2))
        Ws.append([[Fraction(2), Fraction(-4)], [Fraction(2), Fraction(-4)]])
        bs.append([Fraction(0), -h])
    return Ws, bs


def _tent_forward_exact(Ws, bs, x1: Fraction) -> Fraction:
    a = [x1, Fraction(0)]
    for W, b in zip(Ws, bs, strict=True):
        a = [max(Fraction(0), sum(w * v for w, v in zip(row, a, strict=True)) + c) for row, c in zip(W, b, strict=True)]
    return 2 * a[0] - 4 * a[1]  # linear read-out: the tent of the last layer's input


def _tent_linear_pieces(L: int) -> int:
    """Maximal affine pieces of the tent net along x1 in [0, 1], from exact slopes on the 2^L dyadic strips."""
    Ws, bs = _tent_net(L)
    N = 2**L
    slopes = []
    for j in range(N):
        a, c = Fraction(4 * j + 1, 4 * N), Fraction(4 * j + 3, 4 * N)  # two interior points of strip j
        slopes.append((_tent_forward_exact(Ws, bs, c) - _tent_forward_exact(Ws, bs, a)) / (c - a))
    return 1 + sum(1 for s, t in zip(slopes, slopes[1:], strict=False) if s != t)


def _tent_regions(L: int) -> int:
    from numerics.regions import count_relu_regions_2d

    Ws, bs = _tent_net(L)
    Wf = [np.array(W, dtype=np.float64) for W in Ws]  # dyadic rationals: exact in float64
    bf = [np.array(b, dtype=np.float64) for b in bs]
    return count_relu_regions_2d(Wf, bf, (0.0, 1.0, 0.0, 1.0))


def _deep_as_printed():
    L, width, n = 7, 2, 2
    regions = _tent_regions(L)
    pieces = _tent_linear_pieces(L)
    bound_width = _one_layer_bound(width, n)
    total = width * L
    bound_total = _one_layer_bound(total, n)
    cex = {"network": f"{L} ReLU layers of width {width} on R^{n} computing the tent map {L} times in x_1 "
                      "(W^1 = [[1,0],[1,0]], b^1 = [0,-1/2]; W^l = [[2,-4],[2,-4]], b^l = [0,-1/2])",
           "activation_regions_in_unit_square": regions, "linear_pieces_exact": pieces,
           "printed_bound_m_equals_width": bound_width, "printed_bound_m_equals_all_units": bound_total,
           "exact": True}
    holds = regions <= bound_width and pieces <= bound_width
    return Outcome(holds, f"exact region count {regions} (numerics.regions.count_relu_regions_2d), {pieces} affine "
                          f"pieces with exact rational slopes; printed bound {bound_width} with m = width {width}, "
                          f"{bound_total} even with m = all {total} units", None if holds else cex)


def _one_layer_bound_experiment():
    from numerics.regions import count_arrangement_regions, count_relu_regions_2d, relu_layer_region_bound

    rng = _rng(3)
    trials = 0
    for m in range(1, 8):
        for kind in ("gaussian", "integer"):
            if kind == "gaussian":
                W, b = rng.standard_normal((m, 2)), rng.standard_normal(m)
            else:  # small integers: parallel, concurrent and repeated lines
                W, b = rng.integers(-1, 2, (m, 2)).astype(float), rng.integers(-1, 2, m).astype(float)
                W[np.all(W == 0, axis=1)] = [1.0, 0.0]
            bound = relu_layer_region_bound(m, 2)
            box = count_relu_regions_2d([W], [b], (-50.0, 50.0, -50.0, 50.0))
            full = count_arrangement_regions(W, b)
            trials += 1
            if box > bound or full > bound or box > full:
                return Outcome(False, f"one ReLU layer of width {m} on R^2 ({kind}): {box} regions in the box, "
                                      f"{full} in R^2, bound {bound}",
                               {"W": W.tolist(), "b": b.tolist(), "regions": full, "bound": bound})
    for m in range(1, 9):
        W, b = rng.integers(-1, 2, (m, 3)).astype(float), rng.standard_normal(m)
        W[np.all(W == 0, axis=1)] = [0.0, 0.0, 1.0]
        full, bound = count_arrangement_regions(W, b), relu_layer_region_bound(m, 3)
        trials += 1
        if full > bound:
            return Outcome(False, f"width {m} on R^3: {full} regions > {bound}", {"W": W.tolist(), "b": b.tolist()})
    return Outcome(True, f"{trials} single ReLU layers (Gaussian and degenerate integer weights, n = 2, 3): exact "
                         "region counts never exceed sum_{i<=min(m,n)} C(m, i)")


def _general_position_experiment():
    from numerics.regions import arrangement_region_count, count_arrangement_regions

    rng = _rng(4)
    trials = 0
    for n in range(1, 5):
        for m in range(1, 9 if n < 4 else 7):
            W, b = rng.standard_normal((m, n)), rng.standard_normal(m)
            count = count_arrangement_regions(W, b)
            trials += 1
            if count != arrangement_region_count(m, n) or count != _one_layer_bound(m, n):
                return Outcome(False, f"{m} Gaussian hyperplanes in R^{n}: {count} regions",
                               {"m": m, "n": n, "regions": count, "formula": _one_layer_bound(m, n)})
    return Outcome(True, f"{trials} Gaussian (general position with probability 1) arrangements, n <= 4, m <= 8: "
                         "exact count equals sum_{i<=min(m,n)} C(m, i) every time")


def _line_arrangement_formula(lines) -> int:
    """Regions of distinct lines a x + b y = c (exact): 1 + #lines + sum over intersection points (t_p - 1)."""
    points: dict = {}
    for i in range(len(lines)):
        for j in range(i + 1, len(lines)):
            (a1, b1, c1), (a2, b2, c2) = lines[i], lines[j]
            det = a1 * b2 - a2 * b1
            if det == 0:
                continue  # parallel
            p = (Fraction(c1 * b2 - c2 * b1, det), Fraction(a1 * c2 - a2 * c1, det))
            points.setdefault(p, set()).update((i, j))
    return 1 + len(lines) + sum(len(s) - 1 for s in points.values())


def _deletion_restriction_experiment():
    from numerics.regions import count_arrangement_regions

    rng = _rng(5)
    for trial in range(40):
        m = int(rng.integers(1, 9))
        raw = set()
        while len(raw) < m:
            a, b_, c = (int(v) for v in rng.integers(-2, 3, 3))
            if (a, b_) == (0, 0):
                continue
            g = math.gcd(math.gcd(a, b_), c) or 1
            s = 1 if (a > 0 or (a == 0 and b_ > 0)) else -1
            raw.add((s * a // g, s * b_ // g, s * c // g))  # canonical form: no duplicate lines
        lines = sorted(raw)
        expected = _line_arrangement_formula(lines)
        W = np.array([[a, b_] for a, b_, _ in lines], dtype=float)
        c = np.array([c for *_, c in lines], dtype=float)
        got = count_arrangement_regions(W, c)
        if got != expected:
            return Outcome(False, f"trial {trial}: deletion-restriction gives {got}, the exact point count {expected}",
                           {"lines": lines, "deletion_restriction": got, "exact": expected})
    return Outcome(True, "40 random integer line arrangements (parallel and concurrent lines): deletion-restriction "
                         "count = 1 + #lines + sum_p (t_p - 1) computed exactly from the intersection points")


def _deep_bound_experiment():
    from numerics.regions import count_relu_regions_2d, deep_relu_region_bound

    rng = _rng(6)
    for widths in ((3, 3), (4, 3, 2), (2, 2, 2, 2), (5, 2), (3, 4, 3)):
        Ws, bs, prev = [], [], 2
        for m in widths:
            Ws.append(rng.standard_normal((m, prev)))
            bs.append(rng.standard_normal(m))
            prev = m
        count = count_relu_regions_2d(Ws, bs, (-20.0, 20.0, -20.0, 20.0))
        bound = deep_relu_region_bound(2, widths)
        if count > bound:
            return Outcome(False, f"widths {widths}: {count} regions > {bound}", {"widths": widths, "regions": count})
    for L in range(1, 6):
        count, bound = _tent_regions(L), deep_relu_region_bound(2, [2] * L)
        if count > bound:
            return Outcome(False, f"tent net L={L}: {count} > {bound}", {"L": L})
    return Outcome(True, "random Gaussian ReLU nets on R^2 (5 width profiles) and tent nets L <= 5: exact region "
                         "counts within prod_l sum_{j<=d_l} C(m_l, j)")


def _exponential_depth_experiment():
    for L in range(1, 8):
        regions, pieces = _tent_regions(L), _tent_linear_pieces(L)
        if regions != 2**L or pieces != 2**L:
            return Outcome(False, f"tent net depth {L}: {regions} regions, {pieces} affine pieces, expected 2^{L}",
                           {"L": L, "regions": regions, "pieces": pieces})
    return Outcome(True, "width-2 tent nets of depth L = 1..7: exactly 2^L regions and 2^L affine pieces "
                         "(exact slopes), i.e. 2^L regions from 2L units; one layer of 2L units gives at most "
                         "1 + 2L + C(2L, 2) on R^2")


region_count_exponential_small_width = Entry(
    id="approx.region-count-exponential-small-width",
    title="With m <= n hyperplanes (units), the maximal number of regions is R(m) = 2^m",
    expected=CONFIRMED,
    experiment=_exp_small_width,
    reason="exact region counts of random arrangements (numerics.regions.count_arrangement_regions)",
    seed=seed(174, 174, r"**B.** If classes  $m \leq n$  we have  $R(m) = 2^m$  (exponential growth)."),
    notes="R(m) is the maximal count (general position); a degenerate arrangement has fewer. "
          "sum_{i<=m} C(m, i) = 2^m: every sign pattern of m independent affine functions occurs.",
    aliases=("2^m regions", "exponential growth of regions", "all activation patterns"),
    tags=("linear regions", "hyperplane arrangement", "relu"),
    references=(_REF_ZASLAVSKY,),
    see_also=("approx.region-count-hyperplane-arrangement",),
)

region_count_polynomial_in_width = Entry(
    id="approx.region-count-polynomial-in-width",
    title="For fixed input dimension n, R(m) = sum_{i<=n} C(m, i) is in O(m^n)",
    expected=CONFIRMED,
    experiment=_poly_in_width,
    reason="exact integer check of R(m, n) <= (m+1)^n and of the leading coefficient 1/n!",
    seed=seed(176, 176, r"**C.** For any input size  $n$  we have  $R(m) \in \mathcal{O}(m^n)$  (polynomial slowdown in number of cells, limited by the input space dimension)."),
    notes="Proof: C(m, i) <= m^i <= C(n, i) m^i, so R(m, n) <= (1 + m)^n <= 2^n m^n for m >= 1; "
          "R(m, n) = m^n/n! + O(m^(n-1)), so the exponent n is tight.",
    aliases=("polynomial number of regions", "O(m^n) regions", "Zaslavsky bound growth"),
    tags=("linear regions", "hyperplane arrangement", "asymptotics"),
    references=(_REF_ZASLAVSKY,),
    see_also=("approx.region-count-hyperplane-arrangement",),
)

region_count_deep_relu_as_printed = Entry(
    id="approx.region-count-deep-relu-as-printed",
    title="'Montufar et al. 2014': L ReLU layers of width O(m) cut R^n into at most sum_{i<=min(m,n)} C(m, i) regions",
    expected=REFUTED,
    experiment=_deep_as_printed,
    reason="a concrete deep ReLU net: exact region count by polygon clipping (numerics.regions), affine pieces "
           "by exact rational slopes",
    seed=seed(180, 182, r"""**T.** (Montufar et al. 2014) If we process  $n$ -dim. inputs through  $L$  ReLU layers with widths  $m_1, \dots, m_L \in \mathcal{O}(m)$ . Then  $\mathbb{R}^n$  can be partitioned into at most  $R(m)$  layers:

$$R(m) \leq \sum_{i=0}^{\min\{m,n\}} \binom{m}{i}$$"""),
    corrected_by="approx.region-count-relu-layer-bound",
    notes="The printed sum is Zaslavsky's count for ONE layer (a hyperplane arrangement). Montúfar et al. prove "
          "the opposite direction for deep nets: a LOWER bound on the maximal number of regions that grows "
          "exponentially in L, (prod_{l<L} floor(m_l/n)^n) sum_{j<=n} C(m_L, j). 'partitioned into at most R(m) "
          "layers' should read 'regions'. Upper bound for deep nets: approx.region-count-deep-relu-bound. "
          "The passage is printed three times (lines 180-182, 277-279, 287-289).",
    aliases=("Montufar theorem", "number of linear regions of deep networks", "deep ReLU region bound"),
    tags=("linear regions", "relu", "depth", "errata"),
    references=(_REF_MONTUFAR, _REF_TELGARSKY, _REF_ZASLAVSKY),
    see_also=("approx.region-count-deep-exponential-in-depth", "approx.region-count-deep-relu-bound",
              "approx.region-count-hyperplane-arrangement"),
)

region_count_relu_layer_bound = Entry(
    id="approx.region-count-relu-layer-bound",
    title="One ReLU layer of width m on R^n has at most sum_{i<=min(m,n)} C(m, i) linear regions",
    expected=CONFIRMED,
    experiment=_one_layer_bound_experiment,
    reason="exact region counts of random and degenerate single layers (numerics.regions)",
    notes="A layer x -> max(0, Wx + b) is affine on each cell of the arrangement of its m hyperplanes "
          "w_i^T x + b_i = 0, and any arrangement of m hyperplanes in R^n has at most that many cells.",
    aliases=("Zaslavsky bound", "single layer region count", "shallow ReLU regions", "Montufar corrected"),
    tags=("linear regions", "relu", "hyperplane arrangement"),
    references=(_REF_ZASLAVSKY, _REF_MONTUFAR),
    see_also=("approx.region-count-hyperplane-arrangement", "approx.region-count-deep-relu-bound"),
)

region_count_hyperplane_arrangement = Entry(
    id="approx.region-count-hyperplane-arrangement",
    title="m hyperplanes in general position cut R^n into exactly sum_{i<=min(m,n)} C(m, i) regions",
    expected=CONFIRMED,
    experiment=_general_position_experiment,
    reason="exact region counts of Gaussian arrangements (deletion-restriction, numerics.regions)",
    notes="General position: every n of the normals are independent and no n+1 hyperplanes share a point; "
          "random Gaussian hyperplanes are in general position with probability 1 (Buck 1943, Zaslavsky 1975).",
    aliases=("Zaslavsky theorem", "regions of a hyperplane arrangement", "general position count",
             "cake cutting numbers"),
    tags=("linear regions", "hyperplane arrangement", "combinatorics"),
    references=(_REF_ZASLAVSKY, "Buck (1943), Partition of space, Amer. Math. Monthly 50"),
    see_also=("approx.region-count-relu-layer-bound",),
)

region_count_deletion_restriction = Entry(
    id="approx.region-count-deletion-restriction",
    title="Deletion-restriction: r(A) = r(A without H) + r(A restricted to H)",
    expected=CONFIRMED,
    experiment=_deletion_restriction_experiment,
    reason="the recursion's count against the exact count 1 + #lines + sum_p (t_p - 1) on degenerate line arrangements",
    notes="Adding H splits in two exactly the regions it meets, one per region of the arrangement cut out inside H.",
    aliases=("deletion restriction", "region recursion"),
    tags=("hyperplane arrangement", "combinatorics"),
    references=(_REF_ZASLAVSKY, "Stanley (2007), An introduction to hyperplane arrangements, Lemma 2.1"),
)

region_count_deep_relu_bound = Entry(
    id="approx.region-count-deep-relu-bound",
    title="Deep ReLU nets: at most prod_l sum_{j<=d_l} C(m_l, j) regions, d_l = min(n, m_1, ..., m_l)",
    expected=CONFIRMED,
    experiment=_deep_bound_experiment,
    reason="exact region counts of random deep nets on R^2 against numerics.regions.deep_relu_region_bound",
    aliases=("Serra bound", "upper bound on regions of deep networks"),
    tags=("linear regions", "relu", "depth"),
    references=(_REF_SERRA, "Montúfar (2017), Notes on the number of linear regions of deep neural networks"),
    see_also=("approx.region-count-relu-layer-bound", "approx.region-count-deep-exponential-in-depth"),
)

region_count_deep_exponential_in_depth = Entry(
    id="approx.region-count-deep-exponential-in-depth",
    title="Depth multiplies regions: L ReLU layers of width 2 can have 2^L linear regions",
    expected=CONFIRMED,
    experiment=_exponential_depth_experiment,
    reason="exact region counts and exact affine pieces of tent-map nets of depth 1..7",
    notes="What Montúfar et al. (2014) show: deep nets can have exponentially many regions in L at fixed width, "
          "more than any shallow net with the same number of units.",
    aliases=("sawtooth network", "tent map", "depth separation", "Montufar lower bound"),
    tags=("linear regions", "relu", "depth"),
    references=(_REF_MONTUFAR, _REF_TELGARSKY),
    see_also=("approx.region-count-deep-relu-as-printed",),
)


# =============================================================================================
# Hinges, k-hinges, Wang-Sun
# =============================================================================================
def _wang_sun_as_printed():
    # n = 1: ceil(log2(n+1)) = 1. A 1-hinge max(w^T x + b) is affine, so every signed sum of 1-hinges g is
    # affine and satisfies g(-1) + g(1) = 2 g(0). |x| (continuous, piecewise linear) does not.
    n = 1
    k_max = math.ceil(math.log2(n + 1))
    rng = _rng(7)
    for _ in range(200):  # sanity: random signed sums of 1-hinges are midpoint-affine (exact)
        terms = [(int(rng.choice([-1, 1])), Fraction(int(rng.integers(-9, 10)), int(rng.integers(1, 9))),
                  Fraction(int(rng.integers(-9, 10)), int(rng.integers(1, 9)))) for _ in range(int(rng.integers(1, 6)))]
        g = lambda x, terms=terms: sum(t * max([w * x + b]) for t, w, b in terms)  # noqa: E731
        if g(Fraction(-1)) + g(Fraction(1)) != 2 * g(Fraction(0)):
            return Outcome(True, "a signed sum of 1-hinges that is not affine: the argument below fails")
    f = abs
    gap = f(Fraction(-1)) + f(Fraction(1)) - 2 * f(Fraction(0))
    if gap == 0:
        return Outcome(True, "|x| is midpoint-affine at 0: no counterexample")
    return Outcome(False, f"n = 1 allows k <= {k_max}: 1-hinges are affine, so every signed sum of them is affine; "
                          "|x| = max(x, -x) is continuous piecewise linear but |-1| + |1| - 2|0| = 2 != 0",
                   {"n": n, "k_bound_printed": k_max, "f": "|x| = max(x, -x), a 2-hinge",
                    "f(-1) + f(1) - 2 f(0)": str(gap), "exact": True})


def _cpwl_1d_experiment():
    from numerics.layers import k_hinge

    rng = _rng(8)
    for trial in range(50):
        p = int(rng.integers(1, 7))
        knots = sorted({Fraction(int(v), 4) for v in rng.integers(-20, 21, p)})
        vals = [Fraction(int(v), 3) for v in rng.integers(-9, 10, len(knots))]
        left, right = Fraction(int(rng.integers(-5, 6)), 2), Fraction(int(rng.integers(-5, 6)), 2)

        def f(x, knots=knots, vals=vals, left=left, right=right):  # the CPWL function, by interpolation
            if x <= knots[0]:
                return vals[0] + left * (x - knots[0])
            if x >= knots[-1]:
                return vals[-1] + right * (x - knots[-1])
            i = max(j for j in range(len(knots)) if knots[j] <= x)
            return vals[i] + (vals[i + 1] - vals[i]) / (knots[i + 1] - knots[i]) * (x - knots[i])

        slopes = [left] + [(vals[i + 1] - vals[i]) / (knots[i + 1] - knots[i]) for i in range(len(knots) - 1)] + [right]
        # f = theta_0 max(a x + c, a x + c) + sum_i theta_i max(0, |s_i - s_{i-1}| (x - t_i)),  k = 2 = n + 1
        hinges = [(1, [(left, vals[0] - left * knots[0])] * 2)]
        for i, t in enumerate(knots):
            jump = slopes[i + 1] - slopes[i]
            if jump:
                hinges.append((1 if jump > 0 else -1, [(Fraction(0), Fraction(0)), (abs(jump), -abs(jump) * t)]))
        rep = lambda x, hinges=hinges: sum(th * max(w * x + b for w, b in ab) for th, ab in hinges)  # noqa: E731
        points = [knots[0] - 1, *knots, knots[-1] + 1] + [(a + b) / 2 for a, b in zip(knots, knots[1:], strict=False)]
        for x in points:
            if rep(x) != f(x):
                return Outcome(False, f"trial {trial}: representation differs at x = {x}", {"x": str(x), "exact": True})
        xs = torch.linspace(float(knots[0]) - 2, float(knots[-1]) + 2, 101, dtype=torch.float64)[:, None]
        num = sum(th * k_hinge(xs, torch.tensor([[float(w)] for w, _ in ab], dtype=torch.float64),
                               torch.tensor([float(b) for _, b in ab], dtype=torch.float64)) for th, ab in hinges)
        ref = torch.tensor([float(f(Fraction(float(x)))) for x in xs[:, 0]], dtype=torch.float64)
        if not torch.allclose(num, ref, rtol=1e-9, atol=1e-9):
            return Outcome(False, f"trial {trial}: numerics.layers.k_hinge sum disagrees", None)
    return Outcome(True, "n = 1: 50 random CPWL functions written as signed sums of 2-hinges (k = n + 1), exact at "
                         "every knot and beyond, and in float64 through numerics.layers.k_hinge")


wang_sun_doc = "k <= n + 1 affine pieces per hinge; ceil(log2(n+1)) is the number of nested pairwise maxima"

k_hinge_representation_as_printed = Entry(
    id="approx.k-hinge-representation-as-printed",
    title="Wang & Sun 2005 as printed: every CPWL f: R^n -> R is a signed sum of k-hinges with k <= ceil(log2(n+1))",
    expected=REFUTED,
    experiment=_wang_sun_as_printed,
    reason="exact: at n = 1 the bound allows only 1-hinges (affine maps), which cannot sum to |x|",
    seed=seed(220, 220, r"**T.** (Wang and Sun, 2005) Every continuous p.w. linear function from  $\mathbb{R}^n \rightarrow \mathbb{R}$  can be written as a signed sum of  $k$ -Hinges with  $k \leq \lceil \log_2(n+1) \rceil$ . So  $f(\mathbf{x}) = \sum_i \theta_i h(\mathbf{x}_i)$  where  $\theta_i \in \{\pm 1\}$ ."),
    corrected_by="approx.cpwl-signed-sum-of-hinges",
    notes="Wang & Sun's bound is k <= n + 1 (each hinge a max of at most n+1 affine functions). ceil(log2(n+1)) is "
          "the depth of nested pairwise maxima needed to evaluate such a max (Arora et al. 2018: ReLU nets of depth "
          "ceil(log2(n+1)) + 1 represent every CPWL function). 'h(x_i)' should read 'h_i(x)'.",
    aliases=("Wang Sun theorem", "hinging hyperplanes", "CPWL representation", "k-hinge representation"),
    tags=("hinge", "piecewise linear", "representation", "errata"),
    references=(_REF_WANG_SUN, _REF_ARORA),
    see_also=("approx.absolute-value-nesting-logarithmic",),
)

cpwl_signed_sum_of_hinges = Entry(
    id="approx.cpwl-signed-sum-of-hinges",
    title="Every continuous piecewise-linear f: R^n -> R is a signed sum of k-hinges with k <= n + 1",
    expected=CONFIRMED,
    experiment=_cpwl_1d_experiment,
    reason="the n = 1 case, constructively and exactly, on random CPWL functions; the general theorem is Wang & Sun "
           "(2005), Thm. 1, cited not re-proved",
    notes=wang_sun_doc + ". For n = 1: f(x) = f(t_1) + s_0 (x - t_1) + sum_i (s_i - s_{i-1}) max(0, x - t_i).",
    aliases=("Wang Sun theorem", "generalized hinging hyperplanes", "CPWL as max of affine"),
    tags=("hinge", "piecewise linear", "representation"),
    references=(_REF_WANG_SUN, _REF_ARORA),
)


def _max_abs_experiment():
    a, b = sp.symbols("a b", real=True)
    residual = sp.Max(a, b) - (a + b + sp.Abs(a - b)) / 2
    folded = sp.simplify(sp.piecewise_fold(residual.rewrite(sp.Piecewise)))
    if folded != 0:
        return Outcome(False, f"case split leaves {folded}", {"residual": str(folded)})
    rng = _rng(9)
    for _ in range(500):
        x, y = (Fraction(int(v), int(d)) for v, d in zip(rng.integers(-50, 51, 2), rng.integers(1, 13, 2), strict=True))
        if max(x, y) != (x + y + abs(x - y)) / 2:
            return Outcome(False, "differs", {"a": str(x), "b": str(y), "exact": True})
    return Outcome(True, "SymPy case split (piecewise_fold) gives residual 0; 500 exact rational pairs agree")


def _nesting_experiment():
    def tournament(vals, depth=0):
        """max by a balanced tree of (a + b + |a - b|)/2; returns (value, absolute-value nesting depth)."""
        if len(vals) == 1:
            return vals[0], depth
        h = (len(vals) + 1) // 2
        (a, da), (b, db) = tournament(vals[:h]), tournament(vals[h:])
        return (a + b + abs(a - b)) / 2, max(da, db) + 1

    rng = _rng(10)
    for n in range(1, 32):
        k = n + 1
        for _ in range(5):
            W = [[Fraction(int(v), 3) for v in rng.integers(-9, 10, n)] for _ in range(k)]
            c = [Fraction(int(v), 5) for v in rng.integers(-9, 10, k)]
            x = [Fraction(int(v), 7) for v in rng.integers(-9, 10, n)]
            z = [sum(w * xi for w, xi in zip(row, x, strict=True)) + ci for row, ci in zip(W, c, strict=True)]
            value, depth = tournament(z)
            if value != max(z) or depth != math.ceil(math.log2(n + 1)):
                return Outcome(False, f"n = {n}: depth {depth}, value ok = {value == max(z)}",
                               {"n": n, "depth": depth, "exact": True})
    return Outcome(True, "n = 1..31: the max of n+1 affine functions, evaluated exactly by a balanced tournament of "
                         "(a + b + |a - b|)/2, has absolute-value nesting depth ceil(log2(n+1)) (a chain needs n)")


max_via_absolute_value = Entry(
    id="approx.max-via-absolute-value",
    title="max(a, b) = (a + b + |a - b|)/2",
    expected=CONFIRMED,
    experiment=_max_abs_experiment,
    reason="SymPy case split plus exact rational values (the relational engines cannot yet simplify Max/Abs residuals)",
    notes="So max(0, z) = (z + |z|)/2, and a k-hinge is a nest of ceil(log2 k) absolute values.",
    aliases=("max as absolute value", "relu via abs", "max formula"),
    tags=("hinge", "absolute value", "relu"),
)

absolute_value_nesting_logarithmic = Entry(
    id="approx.absolute-value-nesting-logarithmic",
    title="Nesting depth of absolute values grows like ceil(log2(n+1)), not linearly in n",
    expected=CONFIRMED,
    experiment=_nesting_experiment,
    reason="read with Wang & Sun's k <= n + 1: exact evaluation of the max of n+1 affine functions by nested "
           "absolute values, depth measured",
    seed=seed(222, 222, r"**Com.** This reduces the growth of absolute value nesting to logarithmic growth, instead of linear growth."),
    notes="Canonical piecewise-linear representations (Chua; Breiman's hinging hyperplanes) nest absolute values to "
          "depth up to n; a max of n+1 affine maps needs only ceil(log2(n+1)) levels.",
    aliases=("absolute value nesting", "logarithmic depth", "canonical piecewise linear representation"),
    tags=("hinge", "absolute value", "depth"),
    references=(_REF_WANG_SUN, _REF_ARORA),
    see_also=("approx.max-via-absolute-value", "approx.cpwl-signed-sum-of-hinges"),
)


def _density_experiment():
    from numerics.layers import relu

    tests = {"sin(2x)": (lambda x: np.sin(2 * x), 4.0), "exp(-x^2)cos(3x)": (lambda x: np.exp(-x**2) * np.cos(3 * x), 12.0),
             "sqrt|x|": (lambda x: np.sqrt(np.abs(x)), None)}
    grid = np.linspace(-3, 3, 3001)
    details = []
    for name, (f, f2) in tests.items():
        errs = []
        for N in (8, 32, 128, 512):
            t = np.linspace(-3, 3, N + 1)
            y = f(t)
            s = np.diff(y) / np.diff(t)  # slopes on the N intervals
            # g(x) = y_0 + s_0 (x - t_0) + sum_i (s_i - s_{i-1}) relu(x - t_i): a sum of hinges
            xs = torch.tensor(grid, dtype=torch.float64)
            g = y[0] + s[0] * (xs - t[0]) + (torch.tensor(np.diff(s)) * relu(xs[:, None] - torch.tensor(t[1:-1]))).sum(1)
            err = float(np.max(np.abs(g.numpy() - f(grid))))
            h = 6 / N
            allowed = (f2 * h * h / 8 if f2 else math.sqrt(h)) + 1e-12
            if err > allowed:
                return Outcome(False, f"{name}, N = {N}: sup error {err:.3g} > {allowed:.3g}", {"f": name, "N": N})
            errs.append(err)
        if not all(b < a for a, b in zip(errs, errs[1:], strict=False)) or errs[-1] > 0.03:
            return Outcome(False, f"{name}: sup errors {errs} do not go to 0", {"f": name, "errors": errs})
        details.append(f"{name}: {errs[-1]:.1e}")
    # 2-D: piecewise-linear interpolation on a triangulated grid of [-2, 2]^2
    f2d = lambda x, y: np.sin(x) * np.cos(2 * y) + 0.5 * x * y  # noqa: E731
    pts = _rng(11).uniform(-2, 2, (5000, 2))
    errs2 = []
    for N in (8, 32, 128):
        h = 4 / N
        u, v = (pts[:, 0] + 2) / h, (pts[:, 1] + 2) / h
        i, j = np.minimum(np.floor(u), N - 1), np.minimum(np.floor(v), N - 1)
        a, b = u - i, v - j
        F = lambda di, dj, i=i, j=j, h=h: f2d(-2 + (i + di) * h, -2 + (j + dj) * h)  # noqa: E731
        lower = a >= b  # triangle (0,0),(1,0),(1,1) else (0,0),(0,1),(1,1)
        g = np.where(lower, F(0, 0) + a * (F(1, 0) - F(0, 0)) + b * (F(1, 1) - F(1, 0)),
                     F(0, 0) + b * (F(0, 1) - F(0, 0)) + a * (F(1, 1) - F(0, 1)))
        errs2.append(float(np.max(np.abs(g - f2d(pts[:, 0], pts[:, 1])))))
    if not (errs2[0] > errs2[1] > errs2[2] and errs2[2] < 1e-3):
        return Outcome(False, f"2-D sup errors {errs2} do not go to 0", {"errors": errs2})
    details.append(f"2-D triangulated: {errs2[-1]:.1e}")
    return Outcome(True, "sup error on a compact box falls to 0 with the mesh (within h^2 max|f''|/8, or sqrt(h) for "
                         "sqrt|x|): " + "; ".join(details))


piecewise_linear_dense = Entry(
    id="approx.piecewise-linear-dense",
    title="Continuous piecewise-linear functions are dense in C(R^n) (uniformly on compact sets)",
    expected=CONFIRMED,
    experiment=_density_experiment,
    reason="interpolants (1-D: sums of hinges through numerics.layers.relu; 2-D: triangulated) converge uniformly "
           "on a compact box for smooth and non-Lipschitz targets",
    seed=seed(224, 224, r"**C.** P.w. linear functions are dense in  $C(\mathbb{R}^n)$ ."),
    notes="True in the topology of C(R^n): uniform convergence on compact sets (Stone-Weierstrass for lattices; "
          "piecewise-linear interpolation). Not uniformly on all of R^n: finitely many pieces are affine far out, "
          "and cannot follow sin(x) there.",
    aliases=("density of piecewise linear functions", "universal approximation", "PWL approximation"),
    tags=("approximation", "piecewise linear", "universal approximation"),
    references=("Cybenko (1989); Leshno, Lin, Pinkus & Schocken (1993), Neural Networks 6",),
)


def _maxout_is_k_hinge():
    from numerics.layers import k_hinge, maxout

    g = torch.Generator().manual_seed(12)
    for m, k, n in ((1, 2, 1), (3, 4, 2), (5, 3, 6)):
        W = torch.randn(m, k, n, generator=g, dtype=torch.float64)
        b = torch.randn(m, k, generator=g, dtype=torch.float64)
        x = torch.randn(50, n, generator=g, dtype=torch.float64)
        out = maxout(x, W, b)  # (50, m)
        for j in range(m):
            if not torch.allclose(out[:, j], k_hinge(x, W[j], b[j]), rtol=1e-12, atol=1e-12):
                return Outcome(False, f"maxout unit {j} differs from the k-hinge", {"m": m, "k": k, "n": n})
    return Outcome(True, "every unit of numerics.layers.maxout equals numerics.layers.k_hinge of its k affine maps")


def _maxout_groupwise():
    from numerics.layers import affine, maxout

    g = torch.Generator().manual_seed(13)
    for m, k, n in ((2, 3, 4), (4, 2, 3), (3, 5, 2)):
        W = torch.randn(m * k, n, generator=g, dtype=torch.float64)  # the previous layer's m*k linear units
        b = torch.randn(m * k, generator=g, dtype=torch.float64)
        x = torch.randn(40, n, generator=g, dtype=torch.float64)
        z = affine(x, W, b)  # (40, m*k)
        perm = torch.randperm(m * k, generator=g)  # an arbitrary partition A_1..A_m of the units
        groups = [perm[j * k:(j + 1) * k] for j in range(m)]
        by_groups = torch.stack([z[:, A].amax(dim=1) for A in groups], dim=1)  # G_j = max_{i in A_j} z_i
        ref = maxout(x, torch.stack([W[A] for A in groups]), torch.stack([b[A] for A in groups]))
        if not torch.allclose(by_groups, ref, rtol=1e-12, atol=1e-12):
            return Outcome(False, "group-wise max differs from numerics maxout", {"m": m, "k": k})
        # the printed identity x = sum_j x * 1_{A_j} holds for any partition and defines nothing
        ind = sum(torch.zeros(m * k, dtype=torch.float64).index_fill(0, A, 1.0) for A in groups)
        if not torch.equal(ind, torch.ones(m * k, dtype=torch.float64)):
            return Outcome(False, "indicators of the groups do not partition", None)
    return Outcome(True, "for random partitions A_1..A_m of the linear units, G_j(x) = max_{i in A_j} z_i equals "
                         "numerics.layers.maxout; the indicators of a partition sum to 1")


maxout_unit_is_k_hinge = Entry(
    id="approx.maxout-unit-is-k-hinge",
    title="Maxout units are k-hinges (Goodfellow et al. 2013)",
    expected=CONFIRMED,
    experiment=_maxout_is_k_hinge,
    reason="numerics' maxout layer against its k-hinge, unit by unit",
    seed=seed(228, 228, r"In 2013  $k$ -Hinges were re-discovered under the name of **Maxout** by Goodfellow et al."),
    aliases=("maxout", "k-hinge", "maxout networks"),
    tags=("maxout", "hinge"),
    references=(_REF_GOODFELLOW, _REF_WANG_SUN),
    see_also=("approx.k-hinge", "approx.maxout"),
)

k_hinge = Entry(
    id="approx.k-hinge",
    title="k-hinge function: g(x) = max(w_1^T x + b_1, ..., w_k^T x + b_k)",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="g(x) = max_{i<=k} (w_i^T x + b_i); a 2-hinge with one zero map is a hinge",
    seed=seed(230, 230, r"**D.** (k-Hinge Function)  $g(\mathbf{x}) = \max(\mathbf{w}_1^T \mathbf{x} + b_1, \dots, \mathbf{w}_k^T \mathbf{x} + b_k)$ ."),
    aliases=("k-hinge", "max-affine function", "convex piecewise linear"),
    tags=("hinge", "maxout", "piecewise linear"),
    references=(_REF_WANG_SUN,),
)

maxout = Entry(
    id="approx.maxout",
    title="Maxout: the max non-linearity applied to groups of linear units",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="G_j(x) = max_{i in A_j} (w_i^T x + b_i) for a partition A_1..A_m of the linear units into groups of k",
    seed=seed(246, 246, r"**D.** (Maxout) is just the max non-linearity applied to  $k$  groups of linear functions. So the input  $[1 : d]$  (of the previous layer) is partitioned into  $k$  sets  $A_1, \dots, A_k$ , and then we define the activations  $G_j(\mathbf{x})$  for  $j \in \{1, \dots, k\}$  as"),
    aliases=("maxout unit", "maxout layer"),
    tags=("maxout", "activation"),
    references=(_REF_GOODFELLOW,),
    see_also=("approx.maxout-groupwise-max",),
)

maxout_partition_as_printed = Entry(
    id="approx.maxout-partition-as-printed",
    title="Maxout as printed: x^l = x^l I_{A_1} + ... + x^l I_{A_k}",
    expected=NOT_CHECKABLE,
    reason="garbled: the formula only says that the indicators of a partition sum to one (x = x), it contains no "
           "max and does not define G_j; the intended definition is G_j(x) = max_{i in A_j} x_i^{l}",
    seed=seed(248, 248, r"$\mathbf{x}^l = \mathbf{x}^l \cdot \mathbf{I}_{A_1} + \dots + \mathbf{x}^l \cdot \mathbf{I}_{A_k}$"),
    corrected_by="approx.maxout-groupwise-max",
    aliases=("maxout partition",),
    tags=("maxout", "errata"),
)

maxout_groupwise_max = Entry(
    id="approx.maxout-groupwise-max",
    title="Maxout over a partition: G_j(x) = max_{i in A_j} z_i with z = Wx + b",
    expected=CONFIRMED,
    experiment=_maxout_groupwise,
    reason="group-wise maxima over random partitions against numerics.layers.maxout",
    aliases=("maxout groups", "maxout definition"),
    tags=("maxout",),
    references=(_REF_GOODFELLOW,),
)


# =============================================================================================
# Backpropagation
# =============================================================================================
def _random_mlp(widths, activation, g):
    from numerics.backprop import MLP

    Ws = [torch.randn(b, a, generator=g, dtype=torch.float64) / a**0.5 for a, b in zip(widths, widths[1:], strict=False)]
    bs = [torch.randn(b, generator=g, dtype=torch.float64) for b in widths[1:]]
    return MLP(Ws, bs, activation)


def _backprop_activity_experiment():
    from numerics.backprop import ACTIVATIONS, mlp_backprop, mlp_forward, squared_error_risk

    g = torch.Generator().manual_seed(14)
    worst = 0.0
    for activation in ("relu", "sigmoid", "tanh"):
        for widths in ((3, 5, 2), (2, 7, 6, 1)):
            net = _random_mlp(widths, activation, g)
            x = torch.randn(6, widths[0], generator=g, dtype=torch.float64, requires_grad=True)
            y = torch.randn(6, widths[-1], generator=g, dtype=torch.float64)
            xs, zs = mlp_forward(net, x)
            R, eL = squared_error_risk(xs[-1], y)
            _, _, es = mlp_backprop(net, [t.detach() for t in xs], [t.detach() for t in zs], eL.detach())
            auto = torch.autograd.grad(R, xs)  # e^l = dR/dx^l for every l, by autograd
            for l, (e, a) in enumerate(zip(es, auto, strict=True)):
                err = float((e - a).abs().max())
                worst = max(worst, err)
                if err > 1e-10:
                    return Outcome(False, f"{activation} {widths}: e^{l} differs from autograd by {err:.2g}",
                                   {"activation": activation, "widths": widths, "layer": l})
            # the printed step itself: e^l = J_{F^{l+1}}^T e^{l+1}, with the Jacobian of one layer by jacrev
            phi, _ = ACTIVATIONS[activation]
            for l in range(len(net.Ws)):
                last = l == len(net.Ws) - 1
                W, b = net.Ws[l], net.bs[l]
                F = (lambda v, W=W, b=b: v @ W.mT + b) if last else (lambda v, W=W, b=b, phi=phi: phi(v @ W.mT + b))
                J = torch.func.jacrev(F)(xs[l][0].detach())  # (n_{l+1}, n_l)
                if not torch.allclose(J.mT @ es[l + 1][0], es[l][0], rtol=1e-10, atol=1e-12):
                    return Outcome(False, f"{activation} {widths}: e^{l} != J^T e^{l+1}", {"layer": l})
    return Outcome(True, f"numerics.backprop.mlp_backprop errors e^l equal autograd's dR/dx^l and J_(F^(l+1))^T e^(l+1) "
                         f"(jacrev) for relu/sigmoid/tanh nets of depth 2 and 3; max error {worst:.1e}")


def _backprop_weights_experiment():
    from numerics.backprop import mlp_backprop, mlp_forward, squared_error_risk

    g = torch.Generator().manual_seed(15)
    for activation in ("relu", "sigmoid", "tanh"):
        for widths in ((3, 5, 2), (4, 6, 5, 3)):
            net = _random_mlp(widths, activation, g)
            for t in (*net.Ws, *net.bs):
                t.requires_grad_(True)
            x = torch.randn(8, widths[0], generator=g, dtype=torch.float64)
            y = torch.randn(8, widths[-1], generator=g, dtype=torch.float64)
            xs, zs = mlp_forward(net, x)
            R, eL = squared_error_risk(xs[-1], y)
            dWs, dbs, _ = mlp_backprop(net, [t.detach() for t in xs], [t.detach() for t in zs], eL.detach())
            auto = torch.autograd.grad(R, [*net.Ws, *net.bs])
            for mine, ref in zip([*dWs, *dbs], auto, strict=True):
                if not torch.allclose(mine, ref, rtol=1e-10, atol=1e-12):
                    return Outcome(False, f"{activation} {widths}: weight gradient differs from autograd",
                                   {"activation": activation, "widths": widths})
    return Outcome(True, "grad_W R = delta^l x^(l-1)^T and grad_b R = delta^l from numerics.backprop equal autograd")


backprop_as_printed = Entry(
    id="approx.backprop-as-printed",
    title="Backpropagation as printed: e^l = J_{F^l}^T e^{l-1} I_{F^l, L-1} ... e^1 I_{F^1, 1} e^0",
    expected=NOT_CHECKABLE,
    reason="garbled: errors run backwards from the output (e^l from e^{l+1}, not from e^{l-1}); the product mixes "
           "error vectors e^1, e^0 with unexplained matrices I_{F^l, L-1}, so the shapes do not compose; the correct "
           "recursion is Algorithm 1, e^l = J_{F^{l+1}}^T e^{l+1}",
    seed=seed(250, 250, r"**D.** (Backpropagation) In 2013 we saw that backpropagation just gives us another network in the reversed direction.  $\mathbf{e}^l = \mathbf{J}_{F^l}^T \mathbf{e}^{l-1} \cdot \mathbf{I}_{F^l, L-1} \cdot \dots \cdot \mathbf{e}^1 \cdot \mathbf{I}_{F^1, 1} \mathbf{e}^0$ ."),
    corrected_by="approx.backprop-activity",
    aliases=("backpropagation", "reverse network"),
    tags=("backpropagation", "errata"),
)

backprop_activity = Entry(
    id="approx.backprop-activity",
    title="Activity backpropagation: e^l = grad_{x^l} R = J_{F^{l+1}}^T e^{l+1}",
    expected=CONFIRMED,
    experiment=_backprop_activity_experiment,
    reason="hand-written backprop (numerics.backprop) against torch autograd and per-layer jacrev Jacobians",
    seed=seed(252, 254, r"""**Algorithm 1:** Activity Backpropagation

$\mathbf{e}^l \leftarrow \nabla_{\mathbf{x}^l} \mathcal{R} = \frac{\partial \mathcal{R}}{\partial \mathbf{x}^l} = \sum_{k=1}^{m+1} \frac{\partial \mathcal{R}}{\partial \mathbf{x}_k^l} \cdot \frac{\partial \mathbf{x}_k^l}{\partial \mathbf{x}^l} = \mathbf{J}_{F^l+1}^T \mathbf{e}^{l+1}$"""),
    notes="Typos in the print: J_{F^l+1} means J_{F^{l+1}}, and the chain-rule sum runs over the units of layer l+1: "
          "sum_k dR/dx_k^{l+1} * dx_k^{l+1}/dx^l. With F^{l+1}(x) = phi(W x + b): "
          "e^l = W^{l+1 T} (phi'(z^{l+1}) * e^{l+1}).",
    aliases=("backpropagation", "backprop", "chain rule", "reverse mode", "error backpropagation", "delta rule"),
    tags=("backpropagation", "gradient", "jacobian"),
    references=(_REF_DLBOOK, "Rumelhart, Hinton & Williams (1986), Nature 323"),
)

backprop_weight_gradient = Entry(
    id="approx.backprop-weight-gradient",
    title="Weight gradients from the errors: grad_{W^l} R = delta^l x^{l-1 T}, grad_{b^l} R = delta^l",
    expected=CONFIRMED,
    experiment=_backprop_weights_experiment,
    reason="numerics.backprop weight gradients against torch autograd",
    notes="delta^l = phi'(z^l) * e^l is the error at the pre-activation; batches sum over rows.",
    aliases=("weight gradient", "backprop weights"),
    tags=("backpropagation", "gradient"),
    references=(_REF_DLBOOK,),
    see_also=("approx.backprop-activity",),
)

mlp_forward = Entry(
    id="approx.mlp-forward",
    title="Multilayer perceptron: z^l = W^l x^{l-1} + b^l, x^l = phi(z^l), last layer linear",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="x^l = F^l(x^{l-1}) = phi(W^l x^{l-1} + b^l) for l < L, x^L = W^L x^{L-1} + b^L",
    aliases=("MLP", "feedforward network", "forward pass"),
    tags=("network", "relu"),
)

squared_error_risk = Entry(
    id="approx.squared-error-risk",
    title="Squared-error risk R = ||y_hat - y||^2 / 2 has gradient e^L = y_hat - y",
    expected=PROVED,
    symbols={"yhat": "vector n", "y": "vector n"},
    statement=lambda yhat, y: Eq(D(ScalarOf((yhat - y).T * (yhat - y)) / 2, yhat), yhat - y),
    notes="Over a batch of B samples the risk is the mean, and e^L = (y_hat - y)/B.",
    aliases=("squared error", "MSE gradient", "L2 loss gradient"),
    tags=("loss", "gradient", "backpropagation"),
)

affine_layer = Entry(
    id="approx.affine-layer",
    title="Affine layer F(x) = Wx + b",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="W in R^{m x n}, b in R^m; linear only when b = 0",
    aliases=("linear layer", "dense layer", "fully connected layer"),
    tags=("network",),
)


# =============================================================================================
# Linear functions, ReLU, hinge, sigmoid, softmax
# =============================================================================================
linear_function = Entry(
    id="approx.linear-function",
    title="Linear function: additive and homogeneous",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="f(x + x') = f(x) + f(x') and f(a x) = a f(x) for all x, x', a",
    seed=seed(260, 263, r"""**D.** (Linear Function) A function  $f: \mathbb{R}^n \rightarrow \mathbb{R}^m$  is a linear function if the following properties hold

- $\forall \mathbf{x}, \mathbf{x}' \in \mathbb{R}^n: f(\mathbf{x} + \mathbf{x}') = f(\mathbf{x}) + f(\mathbf{x}')$
- $\forall \mathbf{x} \in \mathbb{R}^n: \forall a \in \mathbb{R}: f(a\mathbf{x}) = af(\mathbf{x})$"""),
    aliases=("linear map", "linearity", "additivity", "homogeneity"),
    tags=("linear algebra", "linear function"),
)

relu_is_linear_as_printed = Entry(
    id="approx.relu-is-linear-as-printed",
    title="'(ReLU) is linear': ReLU(x + y) = ReLU(x) + ReLU(y)",
    expected=REFUTED,
    symbols={"x": "scalar", "y": "scalar"},
    statement=lambda x, y: Eq(Max(0, x + y), Max(0, x) + Max(0, y)),
    reason="additivity of ReLU, the first axiom of linearity, fails exactly: x = 1, y = -1",
    seed=seed(265, 265, r"**T.** (ReLU) is linear  $\iff f(\mathbf{x}) = \mathbf{w}^T \mathbf{x}$  for some  $\mathbf{w} \in \mathbb{R}^n$"),
    corrected_by="deriv.linear-form-is-linear",
    see_also=("deriv.linear-iff-inner-product", "approx.linear-function"),
    notes="ReLU is piecewise linear and positively homogeneous (ReLU(a z) = a ReLU(z) for a >= 0) but not linear. "
          "The theorem intended here is 'f: R^n -> R is linear iff f(x) = w^T x' (line 198, "
          "deriv.linear-iff-inner-product; its checkable 'if' half is deriv.linear-form-is-linear); '(ReLU)' is "
          "a stray label.",
    aliases=("is ReLU linear", "ReLU linearity", "ReLU additivity"),
    tags=("relu", "linear function", "errata"),
)

relu = Entry(
    id="approx.relu",
    title="Rectified linear unit: ReLU(z) = max(0, z)",
    expected=NOT_CHECKABLE,
    definition=True,
    symbols={"z": "scalar"},
    statement=lambda z: Eq(sp.Function("ReLU")(z), Max(0, z)),
    reason="applied elementwise to vectors; ReLU(z) = (z + |z|)/2",
    aliases=("ReLU", "rectifier", "rectified linear unit", "max(0,x)"),
    tags=("relu", "activation"),
    see_also=("approx.max-via-absolute-value",),
)

hinge_function = Entry(
    id="approx.hinge-function",
    title="Hinge function (extension of ReLU): h(x) = max(0, w^T x + b)",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="the seed prints only the heading; the hinge is ReLU applied to an affine function, h(x) = max(0, w^T x + b)",
    seed=seed(267, 267, r"**D.** (Hinge Function (extension of ReLU))"),
    aliases=("hinge", "ridge function", "ReLU unit"),
    tags=("hinge", "relu"),
    see_also=("approx.k-hinge",),
)

sigmoid = Entry(
    id="approx.sigmoid",
    title="Logistic sigmoid sigma(z) = 1 / (1 + e^{-z})",
    expected=NOT_CHECKABLE,
    definition=True,
    symbols={"z": "scalar"},
    statement=lambda z: Eq(sp.Function("sigma")(z), 1 / (1 + exp(-z))),
    aliases=("sigmoid", "logistic function"),
    tags=("activation",),
)

sigmoid_derivative = Entry(
    id="approx.sigmoid-derivative",
    title="sigma'(z) = sigma(z)(1 - sigma(z))",
    expected=PROVED,
    symbols={"z": "scalar"},
    statement=lambda z: Eq(D(1 / (1 + exp(-z)), z), (1 / (1 + exp(-z))) * (1 - 1 / (1 + exp(-z)))),
    aliases=("derivative of sigmoid", "logistic derivative"),
    tags=("activation", "derivative"),
    see_also=("approx.sigmoid",),
)

softmax = Entry(
    id="approx.softmax",
    title="Softmax: softmax(z)_i = e^{z_i} / sum_j e^{z_j}",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="maps R^K to the probability simplex; computed stably by subtracting max_j z_j (approx.softmax-shift-invariance)",
    aliases=("softmax", "normalized exponential"),
    tags=("activation", "probability"),
)

softmax_shift_invariance = Entry(
    id="approx.softmax-shift-invariance",
    title="Softmax is invariant to adding a constant to every input",
    expected=PROVED,
    symbols={"a": "scalar", "b": "scalar", "c": "scalar", "s": "scalar"},
    statement=lambda a, b, c, s: Eq(exp(a + s) / (exp(a + s) + exp(b + s) + exp(c + s)),
                                    exp(a) / (exp(a) + exp(b) + exp(c))),
    notes="Stated for three classes; subtracting s = max_j z_j keeps exp from overflowing.",
    aliases=("softmax shift", "log-sum-exp trick", "stable softmax"),
    tags=("activation", "numerical stability"),
    see_also=("approx.softmax",),
)

log_softmax = Entry(
    id="approx.log-softmax",
    title="log softmax(z)_i = z_i - log sum_j e^{z_j}",
    expected=PROVED,
    symbols={"a": "scalar", "b": "scalar", "c": "scalar"},
    statement=lambda a, b, c: Eq(log(exp(a) / (exp(a) + exp(b) + exp(c))), a - log(exp(a) + exp(b) + exp(c))),
    notes="Stated for three classes.",
    aliases=("log softmax", "log-sum-exp", "logsumexp"),
    tags=("activation", "probability"),
    see_also=("approx.softmax",),
)


def _relu_net_piecewise_linear():
    from numerics.backprop import MLP, mlp_forward

    g = torch.Generator().manual_seed(16)
    for widths in ((2, 4, 3, 1), (3, 5, 5, 2)):
        Ws = [torch.randn(b, a, generator=g, dtype=torch.float64) for a, b in zip(widths, widths[1:], strict=False)]
        bs = [torch.randn(b, generator=g, dtype=torch.float64) for b in widths[1:]]
        net = MLP(Ws, bs, "relu")
        x = 2 * torch.randn(400, widths[0], generator=g, dtype=torch.float64)
        _, zs = mlp_forward(net, x)
        pattern = torch.cat([(z > 0) for z in zs[:-1]], dim=1)
        f = lambda v, net=net: mlp_forward(net, v[None])[0][-1][0]  # noqa: E731
        groups: dict = {}
        for i in range(x.shape[0]):
            groups.setdefault(tuple(pattern[i].tolist()), []).append(i)
        checked = 0
        for idx in groups.values():
            if len(idx) < 2:
                continue
            J = torch.func.jacrev(f)(x[idx[0]])  # (m, n)
            c = f(x[idx[0]]) - J @ x[idx[0]]
            for i in idx[1:]:
                if not torch.allclose(f(x[i]), J @ x[i] + c, rtol=1e-10, atol=1e-10):
                    return Outcome(False, "two inputs with one activation pattern lie on different affine maps",
                                   {"widths": widths, "pattern": list(pattern[i].tolist())})
                checked += 1
    return Outcome(True, "random ReLU nets: inputs that share an activation pattern all satisfy f(x) = J x + c with "
                         "the Jacobian and offset of one of them")


relu_net_piecewise_linear = Entry(
    id="approx.relu-net-piecewise-linear",
    title="A ReLU network is continuous and affine on each activation region",
    expected=CONFIRMED,
    experiment=_relu_net_piecewise_linear,
    reason="random ReLU nets (numerics.backprop.mlp_forward): one affine map per activation pattern",
    aliases=("ReLU network is piecewise linear", "CPWL network", "activation pattern"),
    tags=("relu", "piecewise linear", "linear regions"),
    references=(_REF_ARORA,),
    see_also=("approx.region-count-deep-relu-bound",),
)
