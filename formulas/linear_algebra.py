"""3 Linear algebra: definiteness by minors (Sylvester) and the trace.

Main statements
    * ``sylvester_psd_leading_minors`` -- the seed's criterion, refuted: leading
      minors > 0 characterise positive *definite* matrices, and a PSD matrix may
      have a zero leading minor.
    * ``sylvester_pd_leading_minors`` -- the correct criterion.
    * ``negative_definite_minors`` -- alternating signs of leading minors.
    * ``trace_definition``, ``trace_cyclic``.

Notation: ``A`` is a real ``d x d`` matrix; "leading minor k" is the determinant
of the upper-left ``k x k`` block.

References: Horn & Johnson, *Matrix Analysis*, Thm. 7.2.5.
"""

from __future__ import annotations

import itertools

import sympy as sp

from ._authoring import CONFIRMED, NOT_CHECKABLE, PROVED, REFUTED, Chapter, Entry, Eq, Outcome, seed, tr

CHAPTER = Chapter("linalg", 3, "Linear algebra")


def _leading_minors(a: sp.Matrix) -> list:
    return [a[:k, :k].det() for k in range(1, a.rows + 1)]


def _small_symmetric(d: int, values=range(-2, 3)):
    """Every symmetric d x d integer matrix with entries in ``values`` (exact)."""
    slots = [(i, j) for i in range(d) for j in range(i, d)]
    for combo in itertools.product(values, repeat=len(slots)):
        a = sp.zeros(d, d)
        for (i, j), v in zip(slots, combo, strict=True):
            a[i, j] = a[j, i] = v
        yield a


def _is_psd(a: sp.Matrix) -> bool:
    return bool(a.is_positive_semidefinite)


def _is_pd(a: sp.Matrix) -> bool:
    return bool(a.is_positive_definite)


def _search(claim, sizes=(1, 2)) -> Outcome:
    """Exhaustive exact search over small symmetric integer matrices (entries -2..2, or -1..1 at d = 3)."""
    count = 0
    for d in sizes:
        for a in _small_symmetric(d, range(-2, 3) if d <= 2 else range(-1, 2)):
            count += 1
            if not claim(a):
                return Outcome(False, f"exhaustive search over {count} symmetric integer matrices",
                               {"A": [[str(x) for x in row] for row in a.tolist()],
                                "leading_minors": [str(m) for m in _leading_minors(a)], "exact": True})
    return Outcome(True, f"holds on all {count} symmetric integer matrices with entries in -2..2 (d <= 2) "
                         f"and -1..1 (d = 3), d <= {max(sizes)}")


def _seed_sylvester():
    return _search(lambda a: _is_psd(a) == all(m > 0 for m in _leading_minors(a)))


def _pd_sylvester():
    return _search(lambda a: _is_pd(a) == all(m > 0 for m in _leading_minors(a)), sizes=(1, 2, 3))


def _nd_sylvester():
    def claim(a):
        signs = all((m < 0) if k % 2 == 1 else (m > 0) for k, m in enumerate(_leading_minors(a), start=1))
        return _is_pd(-a) == signs
    return _search(claim, sizes=(1, 2, 3))


sylvester_psd_leading_minors = Entry(
    id="linalg.sylvester-psd-leading-minors",
    title="Sylvester's criterion as printed (PSD iff leading minors positive)",
    expected=REFUTED,
    experiment=_seed_sylvester,
    reason="a claim about all symmetric matrices: checked by exhaustive exact search over small integer matrices",
    seed=seed(108, 108, r"**T.** (Sylvester's Criterion) A  $d \times d$  matrix is positive semi-definite if and only if all the upper left  $k \times k$  for  $k = 1, \dots, d$  have a positive determinant."),
    corrected_by="linalg.sylvester-pd-leading-minors",
    aliases=("Sylvester criterion", "leading principal minors", "positive semidefinite test"),
    tags=("definiteness", "determinant", "minors"),
    references=("Horn & Johnson, Matrix Analysis, Thm. 7.2.5",),
)

sylvester_pd_leading_minors = Entry(
    id="linalg.sylvester-pd-leading-minors",
    title="Sylvester's criterion: a symmetric matrix is positive definite iff all leading minors are positive",
    expected=CONFIRMED,
    experiment=_pd_sylvester,
    reason="checked by exhaustive exact search over small symmetric integer matrices (d <= 3)",
    notes="For positive *semi*-definiteness all principal minors (not only the leading ones) must be >= 0.",
    aliases=("Sylvester criterion", "positive definite test", "leading principal minors"),
    tags=("definiteness", "determinant", "minors"),
    references=("Horn & Johnson, Matrix Analysis, Thm. 7.2.5",),
)

negative_definite_minors = Entry(
    id="linalg.negative-definite-minors",
    title="Negative definite iff leading minors alternate in sign, starting negative",
    expected=CONFIRMED,
    experiment=_nd_sylvester,
    reason="checked by exhaustive exact search over small symmetric integer matrices (d <= 3)",
    seed=seed(110, 110, r"Negative definite:  $\det < 0$  for all odd-sized minors, and  $\det > 0$  for all even-sized minors"),
    notes="Read with 'minors' meaning the leading principal minors of a symmetric matrix.",
    aliases=("negative definite test",),
    tags=("definiteness", "minors"),
)

indefinite_otherwise = Entry(
    id="linalg.indefinite-otherwise",
    title="'Otherwise: indefinite'",
    expected=NOT_CHECKABLE,
    reason="incomplete as printed: a matrix matching neither sign pattern can also be semi-definite "
           "(e.g. diag(1, 0)), so 'otherwise indefinite' is only true for invertible matrices; recorded "
           "as prose attached to the two criteria",
    seed=seed(112, 112, "Otherwise: indefinite."),
    tags=("definiteness",),
)

trace_definition = Entry(
    id="linalg.trace-definition",
    title="Trace: the sum of the diagonal entries",
    expected=NOT_CHECKABLE,
    definition=True,
    symbols={"A": "matrix n n"},
    statement=lambda A: Eq(tr(A), sp.Sum(A[sp.Symbol("i", integer=True), sp.Symbol("i", integer=True)],
                                         (sp.Symbol("i", integer=True), 0, A.shape[0] - 1))),
    seed=seed(114, 114, r"**D.** (Trace) of  $A \in \mathbb{R}^{n \times n}$  is  $\text{Tr}(A) = \sum_{i=1}^n a_{ii}$ ."),
    aliases=("trace", "Tr", "sum of diagonal"),
    tags=("trace",),
)

trace_cyclic = Entry(
    id="linalg.trace-cyclic",
    title="Cyclic property of the trace: tr(AB) = tr(BA)",
    expected=PROVED,
    symbols={"A": "matrix n m", "B": "matrix m n"},
    statement=lambda A, B: Eq(tr(A * B), tr(B * A)),
    aliases=("trace cyclic", "trace of product", "tr(AB)=tr(BA)", "trace commutes"),
    tags=("trace",),
    references=("Matrix Cookbook (Petersen & Pedersen 2012), eq. (16)",),
)
