"""sheetproof's verifier: ``check(entry) -> Result``.

    >>> import formulas, verify
    >>> verify.check(formulas.get("linalg.trace-cyclic")).verdict.value
    'proved'
"""

from .check import check
from .result import Method, Result

__all__ = ["check", "Method", "Result"]
