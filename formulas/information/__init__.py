"""5 Information theory: entropy, cross-entropy, KL divergence and pointwise mutual information.

For discrete distributions p and q on a finite set, H(p) = −∑ᵢ pᵢ log pᵢ, H(p, q) = −∑ᵢ pᵢ log qᵢ and
KL(p ‖ q) = ∑ᵢ pᵢ log(pᵢ / qᵢ); natural logarithms (another base rescales every quantity by one
positive factor).

Sections
    * ``entropy`` -- entropy, cross-entropy and KL divergence of discrete distributions (lines 212-218).
    * ``continuous`` -- differential entropy and the Gaussian KL divergence (not printed; they make the
      discrete section's remarks checkable).
    * ``pmi`` -- pointwise mutual information and mutual information (line 602).
    * ``shared`` -- the explicit sums the statements are built from.

Main statements
    * ``entropy_nonnegative`` -- H(p) ≥ 0 for discrete p; ``differential_entropy_uniform`` -- not so
      for densities.
    * ``kl_nonnegative`` -- Gibbs' inequality; ``cross_entropy_decomposition`` -- H(p, q) = H(p) + KL(p ‖ q).
    * ``kl_gaussian``, ``entropy_gaussian`` -- the Gaussian closed forms.
    * ``pmi_conditional_form``, ``mutual_information``.

Errata
    ``cross_entropy_is_kl``: line 218 calls the cross-entropy KL(p, q); the two differ by H(p).

Notation
    Statements about discrete distributions are written over three outcomes (the evaluators have no
    sums over a symbolic number of terms); definitions are displayed at symbolic size n.  Normal(μ, σ)
    has standard deviation σ.

References
    T. M. Cover & J. A. Thomas, *Elements of Information Theory*, 2nd ed. (2006), ch. 2 and 8;
    O. Levy & Y. Goldberg, "Neural word embedding as implicit matrix factorization", NIPS 2014 (PMI).
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
from .continuous import (
    differential_entropy_uniform,
    entropy_gaussian,
    kl_gaussian,
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
    "differential_entropy_uniform",
    "entropy_gaussian",
    "kl_gaussian",
    "pmi_definition",
    "pmi_conditional_form",
    "pmi_bilinear_approximation",
    "mutual_information",
]
