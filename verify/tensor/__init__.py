"""The symbolic engine at symbolic size: index notation, canonical forms, derivatives.

:func:`~verify.tensor.prove.prove_equal` decides ``lhs == rhs`` for matrix and scalar
expressions of symbolic size by bringing ``lhs − rhs`` to a normal form
(:mod:`verify.tensor.normal`) and showing every coefficient is zero
(:mod:`verify.tensor.zero`).  A proof holds at every size and every point where
the claim is defined; a failure to prove is never evidence against the claim.
"""

from .network import TensorUnsupported
from .prove import ProofOutcome, prove_equal

__all__ = ["prove_equal", "ProofOutcome", "TensorUnsupported"]
