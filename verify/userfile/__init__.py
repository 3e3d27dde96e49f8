"""Check your own identities: ``sheetproof check FILE``, a Python API and a pytest plugin.

Identity files are untrusted input.  They are read with PyYAML's safe loader under
bounds (:mod:`verify.sandbox.strict_yaml`); each claim is parsed by :func:`ast.parse`
and walked over a whitelist of node types (:mod:`~verify.userfile.grammar`), and the
SymPy objects are built from the parse tree (:mod:`~verify.userfile.build`) --
nothing is passed to ``eval``, ``exec`` or ``sympify``.  Sizes, exponents, lengths
and nesting are bounded (:mod:`~verify.userfile.limits`), what an identity would
build is estimated and refused when too large (:mod:`verify.sandbox.cost`), and
every identity is built and checked in a worker process under limits the operating
system enforces (:mod:`verify.sandbox`).

    >>> from verify.userfile import check_claim
    >>> r = check_claim("D(x.T*A*x, x) == A*x", symbols={"x": "vector n", "A": "matrix n n"})
    >>> r.verdict.value
    'refuted'

The file format and the guide: ``verify/userfile/GUIDE.md``.
"""

from .api import IdentityResult, Report, check_claim, check_files, check_identities, check_loaded
from .build import Scope, build_claim, build_expression
from .errors import ClaimError, UserFileError
from .grammar import parse_tree
from .identity import Identity
from .loader import LoadedFile, load_data, load_file, load_text

__all__ = [
    "ClaimError", "Identity", "IdentityResult", "LoadedFile", "Report", "Scope", "UserFileError",
    "build_claim", "build_expression", "check_claim", "check_files", "check_identities", "check_loaded",
    "load_data", "load_file", "load_text", "parse_tree",
]
