"""Definiteness by leading minors: Sylvester's criterion (cheat sheet lines 108-112)."""

from __future__ import annotations

from .._authoring import CONFIRMED, NOT_CHECKABLE, REFUTED, Entry, seed
from .experiments import _nd_sylvester, _pd_sylvester, _seed_sylvester

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
