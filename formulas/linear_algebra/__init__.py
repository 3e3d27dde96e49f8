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

# The imports list the entries in reading order, which the registry keeps: not sorted.
# isort: off
from .._authoring import Chapter
from .definiteness import (
    sylvester_psd_leading_minors,
    sylvester_pd_leading_minors,
    negative_definite_minors,
    indefinite_otherwise,
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
    "negative_definite_minors",
    "indefinite_otherwise",
    "trace_definition",
    "trace_cyclic",
]
