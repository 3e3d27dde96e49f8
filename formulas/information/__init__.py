"""5 Information theory: entropy, cross-entropy, KL divergence and PMI.

For discrete distributions ``p`` and ``q`` on a finite set (probability vectors):

.. math:: H(p) = -\\sum_i p_i \\log p_i, \\qquad H(p, q) = -\\sum_i p_i \\log q_i, \\qquad
          \\mathrm{KL}(p \\,\\|\\, q) = \\sum_i p_i \\log \frac{p_i}{q_i}.

Main statements
    * ``entropy_nonnegative`` -- H(p) >= 0 (discrete distributions only).
    * ``kl_nonnegative`` -- Gibbs' inequality KL(p || q) >= 0.
    * ``cross_entropy_decomposition`` -- H(p, q) = H(p) + KL(p || q).
    * ``cross_entropy_is_kl`` -- the seed's erratum: it calls the cross-entropy KL(p, q); the two
      differ by H(p).
    * ``pmi_conditional_form`` -- log P(v,w)/(P(v)P(w)) = log P(v|w)/P(v).

Notation
    The sums run over explicit entries: the evaluators have no elementwise logarithm of a
    vector inside a matrix product (SymPy reads ``log(p)`` of a ``MatrixSymbol`` as a scalar),
    so statements are written for distributions on a fixed set of three outcomes
    (``p[i, 0]`` for i = 0, 1, 2); definitions are displayed at general size ``n``.  Natural
    logarithms; any other base rescales every quantity by the same positive factor.

References
    T. M. Cover & J. A. Thomas, *Elements of Information Theory*, 2nd ed. (2006), ch. 2.
    O. Levy & Y. Goldberg, "Neural word embedding as implicit matrix factorization", NIPS 2014 (PMI).

Tags: information theory, entropy, cross-entropy, KL divergence, PMI.
"""

from __future__ import annotations

# The imports list the entries in reading order, which the registry keeps: not sorted.
# isort: off
from .._authoring import Chapter
from .entropy import (
    entropy_definition,
    entropy_nonnegative,
    entropy_expected_information,
    cross_entropy_definition,
    kl_divergence,
    kl_nonnegative,
    cross_entropy_decomposition,
    cross_entropy_nonnegative,
    cross_entropy_is_kl,
)
from .pmi import (
    pmi_definition,
    pmi_conditional_form,
    pmi_bilinear_approximation,
    mutual_information,
)
# isort: on

CHAPTER = Chapter("info", 5, "Information theory")

__all__ = [
    "entropy_definition",
    "entropy_nonnegative",
    "entropy_expected_information",
    "cross_entropy_definition",
    "kl_divergence",
    "kl_nonnegative",
    "cross_entropy_decomposition",
    "cross_entropy_nonnegative",
    "cross_entropy_is_kl",
    "pmi_definition",
    "pmi_conditional_form",
    "pmi_bilinear_approximation",
    "mutual_information",
]
