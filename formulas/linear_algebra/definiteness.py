"""Definiteness by leading minors: Sylvester's criterion and its negative-definite twin (cheat sheet lines 108-112).

The k-th *leading minor* of a d × d matrix A is the determinant of its upper-left k × k block.  The
criteria are stated for symmetric A at d = 3 (the minors are written out entry by entry; the symbol
grammar has no slices of a symbolic-size matrix), so their evidence is at that size.  Each "iff"
line is two entries, one per direction.
"""

from __future__ import annotations

from sympy import Min

from .._authoring import CONFIRMED, REFUTED, Entry, Gt, Lt, Max, ScalarOf, det, seed
from . import experiments

_HORN_JOHNSON = ("Horn & Johnson, Matrix Analysis (2nd ed.), Thm. 7.2.5",)
_TAGS = ("definiteness", "determinant", "minors")


def leading_minors_3(A) -> list:
    """The leading minors A₁₁, A₁₁A₂₂ − A₁₂A₂₁, det A of a 3 × 3 matrix."""
    return [A[0, 0], A[0, 0] * A[1, 1] - A[0, 1] * A[1, 0], det(A)]


sylvester_psd_leading_minors = Entry(
    id="linalg.sylvester-psd-leading-minors",
    title="Sylvester's criterion as printed: A is positive semidefinite iff every leading minor is positive",
    expected=REFUTED,
    symbols={"A": "matrix d d psd"},
    statement=lambda A: Gt(det(A), 0),
    seed=seed(108, 108, r"**T.** (Sylvester's Criterion) A  $d \times d$  matrix is positive semi-definite if and only if all the upper left  $k \times k$  for  $k = 1, \dots, d$  have a positive determinant."),
    corrected_by="linalg.sylvester-pd-leading-minors",
    reason="the printed 'only if' half says every positive semidefinite A has det A > 0 (det A is its d-th "
           "leading minor); that half is checked, and a singular PSD matrix such as 0 refutes it",
    notes="Positive leading minors characterise positive *definite* matrices (linalg.sylvester-pd-leading-minors). "
          "Positive semidefiniteness needs every principal minor ≥ 0, not only the leading ones: "
          "[[0, 0], [0, −1]] has leading minors 0 and 0 and is not PSD.",
    aliases=("Sylvester criterion", "leading principal minors", "positive semidefinite test"),
    tags=_TAGS,
    references=_HORN_JOHNSON,
)

sylvester_pd_leading_minors = Entry(
    id="linalg.sylvester-pd-leading-minors",
    title="Sylvester's criterion: a symmetric A whose leading minors are all positive is positive definite",
    expected=CONFIRMED,
    symbols={"A": "matrix 3 3 symmetric invertible", "x": "vector 3 nonzero"},
    statement=lambda A, x: Gt(ScalarOf(x.T * A * x), 0),
    where=lambda A: [Gt(m, 0) for m in leading_minors_3(A)],
    notes="The 'if' half of the criterion, at d = 3: xᵀAx > 0 for every x ≠ 0 whenever A₁₁ > 0, "
          "A₁₁A₂₂ − A₁₂² > 0 and det A > 0.  (det A > 0 makes A invertible, so declaring A invertible "
          "loses nothing.)  The 'only if' half is linalg.sylvester-pd-minors-positive.",
    see_also=("linalg.sylvester-pd-minors-positive",),
    aliases=("Sylvester criterion", "positive definite test", "leading principal minors"),
    tags=_TAGS,
    references=_HORN_JOHNSON,
)

sylvester_pd_minors_positive = Entry(
    id="linalg.sylvester-pd-minors-positive",
    title="The leading minors of a positive definite matrix are positive",
    expected=CONFIRMED,
    symbols={"A": "matrix 3 3 spd"},
    statement=lambda A: Gt(Min(*leading_minors_3(A)), 0),
    notes="The 'only if' half of Sylvester's criterion, at d = 3: every leading block of a positive definite "
          "matrix is positive definite, so its determinant (the product of its eigenvalues) is positive.",
    see_also=("linalg.sylvester-pd-leading-minors",),
    aliases=("Sylvester criterion", "minors of positive definite matrix"),
    tags=_TAGS,
    references=_HORN_JOHNSON,
)

negative_definite_minors = Entry(
    id="linalg.negative-definite-minors",
    title="A symmetric A whose leading minors alternate in sign, starting negative, is negative definite",
    expected=CONFIRMED,
    symbols={"B": "matrix 3 3 symmetric invertible", "x": "vector 3 nonzero"},
    statement=lambda B, x: Lt(ScalarOf(x.T * (-B) * x), 0),
    where=lambda B: [Lt(leading_minors_3(-B)[0], 0), Gt(leading_minors_3(-B)[1], 0),
                     Lt(leading_minors_3(-B)[2], 0)],
    seed=seed(110, 110, r"Negative definite:  $\det < 0$  for all odd-sized minors, and  $\det > 0$  for all even-sized minors"),
    notes="Read with 'minors' meaning the leading minors of a symmetric matrix, as in line 108.  Stated at "
          "d = 3 for A = −B with B symmetric invertible (a negative definite A is invertible, so nothing is "
          "lost; the draws of −B are mostly negative definite, so the hypothesis is met often): "
          "xᵀAx < 0 for every x ≠ 0 whenever A₁₁ < 0, A₁₁A₂₂ − A₁₂² > 0 and det A < 0: that half is checked.  The converse is "
          "linalg.negative-definite-minors-alternate.",
    see_also=("linalg.negative-definite-minors-alternate",),
    aliases=("negative definite test", "alternating minors"),
    tags=_TAGS,
    references=_HORN_JOHNSON,
)

negative_definite_minors_alternate = Entry(
    id="linalg.negative-definite-minors-alternate",
    title="The leading minors of a negative definite matrix alternate in sign, starting negative",
    expected=CONFIRMED,
    symbols={"B": "matrix 3 3 spd"},
    statement=lambda B: Lt(Max(leading_minors_3(-B)[0], -leading_minors_3(-B)[1], leading_minors_3(-B)[2]), 0),
    notes="At d = 3 for A = −B, B positive definite (every negative definite A is of this form): the k-th "
          "leading minor of A is (−1)ᵏ times that of B, so A₁₁ < 0, A₁₁A₂₂ − A₁₂² > 0, det A < 0.",
    see_also=("linalg.negative-definite-minors",),
    aliases=("negative definite test", "alternating minors"),
    tags=_TAGS,
    references=_HORN_JOHNSON,
)

indefinite_otherwise = Entry(
    id="linalg.indefinite-otherwise",
    title="As printed: a symmetric matrix whose leading minors fit neither pattern is indefinite",
    expected=REFUTED,
    experiment=experiments.indefinite_otherwise,
    reason="'indefinite' asserts a vector of each sign (xᵀAx > 0 > yᵀAy), an existential claim that no single "
           "relational states: decided by exhaustive exact search over small symmetric integer matrices, "
           "classified exactly as semidefinite or not",
    seed=seed(112, 112, "Otherwise: indefinite."),
    corrected_by="linalg.indefinite-otherwise-invertible",
    notes="The zero matrix, or diag(1, 0) with leading minors 1 and 0, fits neither pattern and is positive "
          "semidefinite.  The "
          "minor test is inconclusive for singular matrices; for invertible ones the line is right "
          "(linalg.indefinite-otherwise-invertible).",
    aliases=("indefinite matrix", "Sylvester criterion inconclusive"),
    tags=("definiteness", "minors", "erratum"),
    references=_HORN_JOHNSON,
)

indefinite_otherwise_invertible = Entry(
    id="linalg.indefinite-otherwise-invertible",
    title="An invertible symmetric matrix whose leading minors fit neither pattern is indefinite",
    expected=CONFIRMED,
    experiment=experiments.indefinite_otherwise_invertible,
    reason="an existential claim (a vector of each sign): checked by exhaustive exact search over small "
           "invertible symmetric integer matrices, classified exactly as semidefinite or not",
    notes="An invertible symmetric matrix has no zero eigenvalue; if it is neither positive nor negative "
          "definite (the two patterns, by Sylvester's criterion) it has eigenvalues of both signs.",
    see_also=("linalg.indefinite-otherwise",),
    aliases=("indefinite matrix",),
    tags=("definiteness", "minors"),
    references=_HORN_JOHNSON,
)
