"""3 Linear algebra: definiteness by leading minors (Sylvester) and the trace.

Sections
    * ``definiteness`` -- Sylvester's criterion and its negative-definite twin (lines 108-112).
    * ``trace`` -- the trace and its cyclic property (line 114).
    * ``experiments`` -- exhaustive exact searches for the existential claims ("indefinite").

Main statements
    * ``sylvester_pd_leading_minors`` / ``sylvester_pd_minors_positive`` -- a symmetric matrix is
      positive definite iff its leading minors are positive (one entry per direction).
    * ``negative_definite_minors`` / ``negative_definite_minors_alternate`` -- negative definite iff
      the leading minors alternate in sign, starting negative.
    * ``trace_cyclic`` -- tr(AB) = tr(BA).

Errata
    ``sylvester_psd_leading_minors`` (the criterion printed for *semi*-definite matrices: refuted by a
    singular PSD matrix) and ``indefinite_otherwise`` (refuted by diag(1, 0); right for invertible
    matrices).

Notation
    A is a real symmetric d × d matrix; its k-th leading minor is the determinant of its upper-left
    k × k block.  Criteria are stated at d = 3 with the minors written out.

References
    Horn & Johnson, *Matrix Analysis* (2nd ed.), Thm. 7.2.5.
"""

from __future__ import annotations

# The imports list the entries in reading order, which the registry keeps: not sorted.
# isort: off
from .._authoring import Chapter
from .definiteness import (
    sylvester_psd_leading_minors,
    sylvester_pd_leading_minors,
    sylvester_pd_minors_positive,
    negative_definite_minors,
    negative_definite_minors_alternate,
    indefinite_otherwise,
    indefinite_otherwise_invertible,
)
from .trace import (
    trace_definition,
    trace_cyclic,
)
# isort: on

CHAPTER = Chapter("linalg", 3, "Linear algebra")

__all__ = [
    "sylvester_psd_leading_minors",
    "sylvester_pd_leading_minors",
    "sylvester_pd_minors_positive",
    "negative_definite_minors",
    "negative_definite_minors_alternate",
    "indefinite_otherwise",
    "indefinite_otherwise_invertible",
    "trace_definition",
    "trace_cyclic",
]
