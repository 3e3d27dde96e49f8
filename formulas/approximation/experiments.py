"""Evidence for the approximation chapter's claims about procedures and region counts.

Each function is named after the entry it serves and returns an :class:`~formulas.model.Outcome`.
Region counts are exact: deletion-restriction for hyperplane arrangements and polygon clipping
for 2-D ReLU nets (``numerics.regions``), affine pieces from exact rational slopes.  A refutation
builds its counterexample and re-checks every property it rests on; when one cannot be
established the function raises (the verdict is ``error``), it never reports that the claim holds.
``numerics``, ``numpy`` and ``torch`` are imported inside the functions, never at import time.
"""

from __future__ import annotations

import math
from fractions import Fraction

import sympy as sp

from .._authoring import Outcome

__all__ = ["region_count_relu_layer_bound", "region_count_hyperplane_arrangement", "region_count_deletion_restriction",
           "region_count_deep_relu_bound", "region_count_deep_exponential_in_depth", "region_count_deep_relu_as_printed",
           "k_hinge_representation_as_printed", "cpwl_signed_sum_of_hinges", "piecewise_linear_dense",
           "relu_is_linear_as_printed", "relu_net_piecewise_linear"]


def _rng(seed: int):
    import numpy as np

    return np.random.default_rng(seed)


def _zaslavsky(m: int, n: int) -> int:
    """∑ᵢ C(m, i) over i ≤ min(m, n), computed here independently of numerics."""
    return sum(math.comb(m, i) for i in range(min(m, n) + 1))


# -- linear regions ----------------------------------------------------------------------------------
def region_count_relu_layer_bound() -> Outcome:
    """approx.region-count-relu-layer-bound, on Gaussian and degenerate (parallel, concurrent, repeated) integer weights."""
    from numerics.regions import count_arrangement_regions, count_relu_regions_2d

    rng = _rng(3)
    trials = 0
    for m in range(1, 8):
        for kind in ("gaussian", "integer"):
            if kind == "gaussian":
                W, b = rng.standard_normal((m, 2)), rng.standard_normal(m)
            else:
                W, b = rng.integers(-1, 2, (m, 2)).astype(float), rng.integers(-1, 2, m).astype(float)
                W[(W == 0).all(axis=1)] = [1.0, 0.0]
            box = count_relu_regions_2d([W], [b], (-50.0, 50.0, -50.0, 50.0))
            full = count_arrangement_regions(W, b)
            trials += 1
            if box > _zaslavsky(m, 2) or full > _zaslavsky(m, 2) or box > full:
                return Outcome(False, f"one ReLU layer of width {m} on ℝ² ({kind}): {box} regions in the box, {full} in "
                                      f"ℝ², bound {_zaslavsky(m, 2)}",
                               {"W": W.tolist(), "b": b.tolist(), "regions": full, "bound": _zaslavsky(m, 2)})
    for m in range(1, 9):
        W, b = rng.integers(-1, 2, (m, 3)).astype(float), rng.standard_normal(m)
        W[(W == 0).all(axis=1)] = [0.0, 0.0, 1.0]
        full = count_arrangement_regions(W, b)
        trials += 1
        if full > _zaslavsky(m, 3):
            return Outcome(False, f"width {m} on ℝ³: {full} regions > {_zaslavsky(m, 3)}", {"W": W.tolist(), "b": b.tolist()})
    return Outcome(True, f"{trials} single ReLU layers (Gaussian and degenerate integer weights, n = 2, 3): exact region "
                         "counts never exceed ∑ᵢ C(m, i), i ≤ min(m, n)")


def region_count_hyperplane_arrangement() -> Outcome:
    """approx.region-count-hyperplane-arrangement: Gaussian hyperplanes (general position with probability 1)."""
    from numerics.regions import count_arrangement_regions

    rng = _rng(4)
    trials = 0
    for n in range(1, 5):
        for m in range(1, 9 if n < 4 else 7):
            W, b = rng.standard_normal((m, n)), rng.standard_normal(m)
            count = count_arrangement_regions(W, b)
            trials += 1
            if count != _zaslavsky(m, n):
                return Outcome(False, f"{m} Gaussian hyperplanes in ℝ^{n}: {count} regions",
                               {"m": m, "n": n, "regions": count, "formula": _zaslavsky(m, n)})
    return Outcome(True, f"{trials} Gaussian arrangements (general position with probability 1), n ≤ 4, m ≤ 8: the "
                         "exact count equals ∑ᵢ C(m, i), i ≤ min(m, n), every time")


def _line_arrangement_regions(lines) -> int:
    """Regions of distinct lines a x + b y = c, exactly: 1 + #lines + ∑ over intersection points of (tₚ − 1)."""
    points: dict = {}
    for i in range(len(lines)):
        for j in range(i + 1, len(lines)):
            (a1, b1, c1), (a2, b2, c2) = lines[i], lines[j]
            det = a1 * b2 - a2 * b1
            if det:
                p = (Fraction(c1 * b2 - c2 * b1, det), Fraction(a1 * c2 - a2 * c1, det))
                points.setdefault(p, set()).update((i, j))
    return 1 + len(lines) + sum(len(s) - 1 for s in points.values())


def region_count_deletion_restriction() -> Outcome:
    """approx.region-count-deletion-restriction: the recursion against the exact point count on line arrangements."""
    import numpy as np

    from numerics.regions import count_arrangement_regions

    rng = _rng(5)
    for trial in range(40):
        m = int(rng.integers(1, 9))
        raw = set()
        while len(raw) < m:
            a, b, c = (int(v) for v in rng.integers(-2, 3, 3))
            if (a, b) == (0, 0):
                continue
            g = math.gcd(math.gcd(a, b), c) or 1
            s = 1 if (a > 0 or (a == 0 and b > 0)) else -1
            raw.add((s * a // g, s * b // g, s * c // g))  # canonical form: no line twice
        lines = sorted(raw)
        exact = _line_arrangement_regions(lines)
        got = count_arrangement_regions(np.array([[a, b] for a, b, _ in lines], dtype=float),
                                        np.array([c for *_, c in lines], dtype=float))
        if got != exact:
            return Outcome(False, f"trial {trial}: deletion-restriction gives {got}, the exact point count {exact}",
                           {"lines": lines, "deletion_restriction": got, "exact": exact})
    return Outcome(True, "40 random integer line arrangements (parallel and concurrent lines): deletion-restriction "
                         "equals 1 + #lines + ∑ₚ (tₚ − 1), computed exactly from the intersection points")


def _tent_net(L: int):
    """Width-2 ReLU layers on ℝ² computing the tent map t(x) = 2x on [0, ½], 2 − 2x on [½, 1] L times in x₁
    (Telgarsky 2016), with exact Fraction weights."""
    h = Fraction(1, 2)
    Ws = [[[Fraction(1), Fraction(0)], [Fraction(1), Fraction(0)]]]  # (relu(x₁), relu(x₁ − ½))
    bs = [[Fraction(0), -h]]
    for _ in range(L - 1):  # t = 2 h₁ − 4 h₂, then (relu(t), relu(t − ½))
        Ws.append([[Fraction(2), Fraction(-4)], [Fraction(2), Fraction(-4)]])
        bs.append([Fraction(0), -h])
    return Ws, bs


def _tent_value(Ws, bs, x1: Fraction) -> Fraction:
    a = [x1, Fraction(0)]
    for W, b in zip(Ws, bs, strict=True):
        a = [max(Fraction(0), sum(w * v for w, v in zip(row, a, strict=True)) + c) for row, c in zip(W, b, strict=True)]
    return 2 * a[0] - 4 * a[1]  # linear read-out: the tent of the last layer's input


def _tent_pieces(L: int) -> int:
    """Affine pieces of the tent net along x₁ ∈ [0, 1], from exact slopes on the 2ᴸ dyadic strips."""
    Ws, bs = _tent_net(L)
    N = 2**L
    slopes = []
    for j in range(N):
        a, c = Fraction(4 * j + 1, 4 * N), Fraction(4 * j + 3, 4 * N)  # two interior points of strip j
        slopes.append((_tent_value(Ws, bs, c) - _tent_value(Ws, bs, a)) / (c - a))
    return 1 + sum(1 for s, t in zip(slopes, slopes[1:], strict=False) if s != t)


def _tent_regions(L: int) -> int:
    import numpy as np

    from numerics.regions import count_relu_regions_2d

    Ws, bs = _tent_net(L)  # dyadic rationals: exact in float64
    return count_relu_regions_2d([np.array(W, dtype=np.float64) for W in Ws], [np.array(b, dtype=np.float64) for b in bs],
                                 (0.0, 1.0, 0.0, 1.0))


def region_count_deep_relu_bound() -> Outcome:
    """approx.region-count-deep-relu-bound: random Gaussian ReLU nets and tent nets on ℝ²."""
    from numerics.regions import count_relu_regions_2d, deep_relu_region_bound

    rng = _rng(6)
    for widths in ((3, 3), (4, 3, 2), (2, 2, 2, 2), (5, 2), (3, 4, 3)):
        Ws, bs, prev = [], [], 2
        for m in widths:
            Ws.append(rng.standard_normal((m, prev)))
            bs.append(rng.standard_normal(m))
            prev = m
        count, bound = count_relu_regions_2d(Ws, bs, (-20.0, 20.0, -20.0, 20.0)), deep_relu_region_bound(2, widths)
        if count > bound:
            return Outcome(False, f"widths {widths}: {count} regions > {bound}", {"widths": widths, "regions": count})
    for L in range(1, 6):
        count, bound = _tent_regions(L), deep_relu_region_bound(2, [2] * L)
        if count > bound:
            return Outcome(False, f"tent net L = {L}: {count} > {bound}", {"L": L})
    return Outcome(True, "random Gaussian ReLU nets on ℝ² (5 width profiles) and tent nets L ≤ 5: exact region counts "
                         "within ∏ₗ ∑ⱼ C(mₗ, j), j ≤ dₗ")


def region_count_deep_exponential_in_depth() -> Outcome:
    """approx.region-count-deep-exponential-in-depth: tent nets of depth 1..7 have 2ᴸ regions and pieces."""
    for L in range(1, 8):
        regions, pieces = _tent_regions(L), _tent_pieces(L)
        if regions != 2**L or pieces != 2**L:
            return Outcome(False, f"tent net of depth {L}: {regions} regions, {pieces} affine pieces, not 2^{L}",
                           {"L": L, "regions": regions, "pieces": pieces})
    return Outcome(True, "width-2 tent nets of depth L = 1..7: exactly 2ᴸ regions (polygon clipping) and 2ᴸ affine pieces "
                         "(exact slopes): 2ᴸ regions from 2L units, where one layer of 2L units gives at most "
                         "1 + 2L + C(2L, 2) on ℝ²")


def region_count_deep_relu_as_printed() -> Outcome:
    """approx.region-count-deep-relu-as-printed: the printed bound does not depend on the depth L, while a width-2 tent
    net of depth L has 2ᴸ regions.  The counterexample at L = 7 is re-established exactly (its region count by polygon
    clipping, its affine pieces by exact slopes); if either is not 2ᴸ the machinery failed and this raises."""
    L, width, n = 7, 2, 2
    regions, pieces = _tent_regions(L), _tent_pieces(L)
    if regions != 2**L or pieces != 2**L:
        raise RuntimeError(f"could not establish the tent net's 2^{L} regions: counted {regions} regions, {pieces} pieces")
    bound_width, bound_all = _zaslavsky(width, n), _zaslavsky(width * L, n)
    if not regions > bound_all >= bound_width:
        raise RuntimeError("the tent net does not exceed the printed bound at L = 7")
    return Outcome(False, f"a {L}-layer width-{width} ReLU net on ℝ² has {regions} linear regions (exact; {pieces} affine "
                          f"pieces with exact slopes); the printed bound allows {bound_width} with m = the width and "
                          f"{bound_all} even with m = all {width * L} units, and it does not grow with L",
                   {"network": f"{L} ReLU layers of width {width} on ℝ² computing the tent map {L} times in x₁ "
                               "(W¹ = [[1, 0], [1, 0]], b¹ = [0, −½]; Wˡ = [[2, −4], [2, −4]], bˡ = [0, −½])",
                    "regions_in_unit_square": regions, "affine_pieces": pieces, "printed_bound_m_width": bound_width,
                    "printed_bound_m_all_units": bound_all, "exact": True})


# -- hinges and continuous piecewise-linear functions ---------------------------------------------------
def _midpoint_defect(f, x):
    """f(−1) + f(1) − 2 f(0) for an expression f in x, exactly."""
    return sp.expand(f.subs(x, -1) + f.subs(x, 1) - 2 * f.subs(x, 0))


def k_hinge_representation_as_printed() -> Outcome:
    """approx.k-hinge-representation-as-printed: at n = 1 the printed bound allows k ≤ ⌈log₂ 2⌉ = 1.  A 1-hinge
    max(wx + b) is affine, so a signed sum g of 1-hinges satisfies g(−1) + g(1) − 2g(0) = 0 identically (shown with
    symbolic w, b); |x| = max(x, −x) is continuous piecewise linear with defect 2.  If either fact cannot be
    established this raises."""
    n, k_max = 1, math.ceil(math.log2(2))
    if k_max != 1:
        raise RuntimeError(f"⌈log₂(n + 1)⌉ at n = 1 came out as {k_max}")
    w, b, x = sp.symbols("w b x", real=True)
    if _midpoint_defect(sp.Max(w * x + b), x) != 0:  # a max of k_max = 1 affine function
        raise RuntimeError("could not show that a 1-hinge has zero midpoint defect")
    gap = _midpoint_defect(sp.Max(x, -x), x)  # |x| as a 2-hinge
    if gap != 2:
        raise RuntimeError(f"could not establish the midpoint defect of |x|: {gap}")
    return Outcome(False, "n = 1 allows only k ≤ 1: a 1-hinge max(wx + b) is affine, so every signed sum g of them has "
                          "g(−1) + g(1) − 2g(0) = 0; |x| = max(x, −x) is continuous piecewise linear with "
                          "|−1| + |1| − 2|0| = 2",
                   {"n": n, "k_bound_printed": k_max, "f": "|x| = max(x, −x), a 2-hinge",
                    "f(-1) + f(1) - 2 f(0)": str(gap), "exact": True})


def cpwl_signed_sum_of_hinges() -> Outcome:
    """approx.cpwl-signed-sum-of-hinges at n = 1: random CPWL functions written exactly as signed sums of 2-hinges,
    f(x) = f(t₁) + s₀(x − t₁) + ∑ᵢ (sᵢ − sᵢ₋₁) max(0, x − tᵢ)."""
    rng = _rng(8)
    for trial in range(50):
        knots = sorted({Fraction(int(v), 4) for v in rng.integers(-20, 21, int(rng.integers(1, 7)))})
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
        # θ₀ max(ax + c, ax + c) + ∑ᵢ θᵢ max(0, |sᵢ − sᵢ₋₁| (x − tᵢ)): every term a k-hinge with k ≤ 2 = n + 1
        hinges = [(1, [(left, vals[0] - left * knots[0])] * 2)]
        for i, t in enumerate(knots):
            jump = slopes[i + 1] - slopes[i]
            if jump:
                hinges.append((1 if jump > 0 else -1, [(Fraction(0), Fraction(0)), (abs(jump), -abs(jump) * t)]))
        points = [knots[0] - 1, *knots, knots[-1] + 1] + [(a + b) / 2 for a, b in zip(knots, knots[1:], strict=False)]
        for x in points:
            if sum(th * max(w * x + c for w, c in ab) for th, ab in hinges) != f(x):
                return Outcome(False, f"trial {trial}: the representation differs at x = {x}", {"x": str(x), "exact": True})
    return Outcome(True, "n = 1: 50 random CPWL functions written as signed sums of k-hinges with k ≤ 2 = n + 1, exact "
                         "(rational arithmetic) at every knot, between knots and beyond them")


def piecewise_linear_dense() -> Outcome:
    """approx.piecewise-linear-dense: interpolants on a compact box converge uniformly as the mesh shrinks."""
    import numpy as np

    targets = {"sin(2x)": (lambda x: np.sin(2 * x), 4.0), "exp(−x²)cos(3x)": (lambda x: np.exp(-x**2) * np.cos(3 * x), 12.0),
               "√|x|": (lambda x: np.sqrt(np.abs(x)), None)}
    grid = np.linspace(-3, 3, 3001)
    details = []
    for name, (f, f2) in targets.items():
        errs = []
        for N in (8, 32, 128, 512):
            t = np.linspace(-3, 3, N + 1)
            y = f(t)
            s = np.diff(y) / np.diff(t)
            # g(x) = y₀ + s₀(x − t₀) + ∑ᵢ (sᵢ − sᵢ₋₁) max(0, x − tᵢ): a sum of hinges
            g = y[0] + s[0] * (grid - t[0]) + (np.diff(s) * np.maximum(grid[:, None] - t[1:-1], 0.0)).sum(1)
            err = float(np.max(np.abs(g - f(grid))))
            h = 6 / N
            allowed = (f2 * h * h / 8 if f2 else math.sqrt(h)) + 1e-12
            if err > allowed:
                return Outcome(False, f"{name}, N = {N}: sup error {err:.3g} > {allowed:.3g}", {"f": name, "N": N})
            errs.append(err)
        if not all(b < a for a, b in zip(errs, errs[1:], strict=False)) or errs[-1] > 0.03:
            return Outcome(False, f"{name}: sup errors {errs} do not go to 0", {"f": name, "errors": errs})
        details.append(f"{name}: {errs[-1]:.1e}")
    f2d = lambda x, y: np.sin(x) * np.cos(2 * y) + 0.5 * x * y  # noqa: E731
    pts = _rng(11).uniform(-2, 2, (5000, 2))
    errs2 = []
    for N in (8, 32, 128):  # piecewise-linear interpolation on a triangulated grid of [−2, 2]²
        h = 4 / N
        u, v = (pts[:, 0] + 2) / h, (pts[:, 1] + 2) / h
        i, j = np.minimum(np.floor(u), N - 1), np.minimum(np.floor(v), N - 1)
        a, b = u - i, v - j
        F = lambda di, dj, i=i, j=j, h=h: f2d(-2 + (i + di) * h, -2 + (j + dj) * h)  # noqa: E731
        g = np.where(a >= b, F(0, 0) + a * (F(1, 0) - F(0, 0)) + b * (F(1, 1) - F(1, 0)),
                     F(0, 0) + b * (F(0, 1) - F(0, 0)) + a * (F(1, 1) - F(0, 1)))
        errs2.append(float(np.max(np.abs(g - f2d(pts[:, 0], pts[:, 1])))))
    if not (errs2[0] > errs2[1] > errs2[2] and errs2[2] < 1e-3):
        return Outcome(False, f"2-D sup errors {errs2} do not go to 0", {"errors": errs2})
    details.append(f"2-D triangulated: {errs2[-1]:.1e}")
    return Outcome(True, "the sup error on a compact box falls to 0 with the mesh (within h² max|f″|/8, or √h for √|x|): "
                         + "; ".join(details))


# -- linear maps and ReLU networks ---------------------------------------------------------------------
def _random_map(rng, n: int, linear: bool):
    """A map ℝⁿ → ℝ built without an inner product: ∑ₖ cₖ (a sum of coordinates of A x), plus b when affine."""
    terms = [(Fraction(int(rng.integers(-4, 5)), int(rng.integers(1, 4))),
              [[Fraction(int(v)) for v in row] for row in rng.integers(-3, 4, (2, n))]) for _ in range(2)]
    b = Fraction(0) if linear else Fraction(int(rng.choice([-3, -2, -1, 1, 2, 3])), 2)

    def f(x):
        return sum(c * sum(sum(a * xi for a, xi in zip(row, x, strict=True)) for row in A) for c, A in terms) + b

    return f


def relu_is_linear_as_printed() -> Outcome:
    """approx.relu-is-linear-as-printed, read as line 198 (f linear iff f(x) = wᵀx): random maps ℝⁿ → ℝ (n = 1..4,
    rational coefficients) are linear exactly when they equal wᵀx with wᵢ = f(eᵢ)."""
    rng = _rng(265)
    checked = 0
    for _ in range(20):
        n = int(rng.integers(1, 5))
        for built_linear in (True, False):
            f = _random_map(rng, n, built_linear)
            x, y = ([Fraction(int(v), int(d)) for v, d in zip(rng.integers(-5, 6, n), rng.integers(1, 4, n), strict=True)]
                    for _ in range(2))
            a = Fraction(int(rng.integers(2, 6)), int(rng.integers(1, 4)))
            additive = f([u + v for u, v in zip(x, y, strict=True)]) == f(x) + f(y)
            homogeneous = f([a * u for u in x]) == a * f(x)
            if (additive and homogeneous) != built_linear:
                raise RuntimeError("a test map is not what it was built to be")
            w = [f([Fraction(int(i == j)) for j in range(n)]) for i in range(n)]
            represented = all(f(z) == sum(wi * zi for wi, zi in zip(w, z, strict=True)) for z in (x, y, [0] * n))
            if represented != built_linear:
                return Outcome(False, f"n = {n}: linear {built_linear}, of the form wᵀx {represented}",
                               {"n": n, "w": [str(v) for v in w], "x": [str(v) for v in x], "exact": True})
            checked += 1
    return Outcome(True, f"{checked} maps ℝⁿ → ℝ (n = 1..4, exact rationals): each linear one equals wᵀx with wᵢ = f(eᵢ); "
                         "each affine one with b ≠ 0 is neither additive nor of that form")


def relu_net_piecewise_linear() -> Outcome:
    """approx.relu-net-piecewise-linear: inputs sharing an activation pattern lie on one affine map."""
    import torch

    g = torch.Generator().manual_seed(16)
    checked = 0
    for widths in ((2, 4, 3, 1), (3, 5, 5, 2)):
        Ws = [torch.randn(b, a, generator=g, dtype=torch.float64) for a, b in zip(widths, widths[1:], strict=False)]
        bs = [torch.randn(b, generator=g, dtype=torch.float64) for b in widths[1:]]

        def forward(v, Ws=Ws, bs=bs):
            pattern = []
            for W, b in zip(Ws[:-1], bs[:-1], strict=True):
                z = W @ v + b
                pattern.append(z > 0)
                v = torch.relu(z)
            return Ws[-1] @ v + bs[-1], torch.cat(pattern)

        groups: dict = {}
        xs = 2 * torch.randn(400, widths[0], generator=g, dtype=torch.float64)
        for x in xs:
            groups.setdefault(tuple(forward(x)[1].tolist()), []).append(x)
        for members in groups.values():
            if len(members) < 2:
                continue
            x0 = members[0]
            J = torch.func.jacrev(lambda v: forward(v)[0])(x0)  # (m, n)
            c = forward(x0)[0] - J @ x0
            for x in members[1:]:
                if not torch.allclose(forward(x)[0], J @ x + c, rtol=1e-10, atol=1e-10):
                    return Outcome(False, "two inputs with one activation pattern lie on different affine maps",
                                   {"widths": widths, "x": x.tolist()})
                checked += 1
    if checked == 0:
        raise RuntimeError("no activation pattern was shared by two inputs: nothing was compared")
    return Outcome(True, f"random ReLU nets (widths 2-4-3-1 and 3-5-5-2): {checked} inputs that share an activation "
                         "pattern with another all satisfy f(x) = J x + c with the Jacobian and offset of one of them")
