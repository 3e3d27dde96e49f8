"""The names of TeX math, in one place: Greek letters, fonts, function words, transpose marks.

A name in the claim text is what the TeX spells, without its font: ``\\mathbf{x}``
is ``x``, ``\\boldsymbol{\\mu}`` is ``mu``, ``\\Sigma`` is ``Sigma``.  Exceptions:
``\\lambda`` is ``lam`` (``lambda`` is a Python keyword), the var-forms are their
plain letters (``\\varepsilon`` is ``epsilon``), and calligraphic, blackboard,
fraktur and script letters keep a prefix (``\\mathcal{L}`` is ``calL``) because
notes use them beside the plain letter.  Decorations and marks become suffixes:
``\\hat{x}`` is ``x_hat``, ``\\bar{x}`` ``x_bar``, ``\\tilde{x}`` ``x_tilde``,
``x^*`` ``x_star``, ``x'`` ``x_prime``; a subscript that is not an index joins
with ``_``: ``\\eta_t`` is ``eta_t``, ``\\Sigma_{11}`` is ``Sigma_11``.
"""

from __future__ import annotations

__all__ = ["GREEK", "FONTS", "FONT_PREFIX", "DECORATIONS", "TRANSPOSE_MARKS", "LOG_LIKE", "JUXTAPOSING",
           "ends_juxtaposition", "REST_OPERATORS",
           "FUNCTION_WORDS", "claim_name"]

GREEK = {g: g for g in (
    "alpha beta gamma delta epsilon zeta eta theta iota kappa mu nu xi omicron pi rho sigma tau upsilon phi chi "
    "psi omega Gamma Delta Theta Xi Pi Sigma Upsilon Phi Psi Omega Lambda").split()}
GREEK["lambda"] = "lam"
GREEK["Lambda"] = "Lam"
GREEK["ell"] = "ell"
GREEK["imath"] = "i"
GREEK["jmath"] = "j"

FONTS = {r"\mathbf": "bf", r"\mathrm": "rm", r"\operatorname": "op", r"\text": "text", r"\mathcal": "cal",
         r"\mathbb": "bb", r"\mathfrak": "frak", r"\mathscr": "scr"}
FONT_PREFIX = {"cal": "cal", "bb": "bb", "frak": "frak", "scr": "scr"}
DECORATIONS = {r"\hat": "hat", r"\widehat": "hat", r"\bar": "bar", r"\overline": "bar", r"\tilde": "tilde",
               r"\widetilde": "tilde", r"\dot": "dot", r"\ddot": "ddot", r"\check": "check",
               r"\breve": "breve", r"\acute": "acute", r"\grave": "grave"}

TRANSPOSE_MARKS = {"T", "top", "intercal", "mathsf T", "mathrm T", "text T", "tr"}

# functions written as commands: the argument is the next factor (\log x^2 is log(x^2))
LOG_LIKE = {r"\log": "log", r"\exp": "exp", r"\sin": "sin", r"\cos": "cos", r"\tan": "tan", r"\tanh": "tanh",
            r"\sinh": "sinh", r"\cosh": "cosh", r"\arcsin": "asin", r"\arccos": "acos", r"\arctan": "atan",
            r"\max": "max", r"\min": "min", r"\sup": "sup", r"\inf": "inf", r"\arg": "arg", r"\lim": "lim",
            r"\dim": "dim", r"\ker": "ker", r"\deg": "deg", r"\gcd": "gcd", r"\sgn": "sign"}
# of those, the functions whose argument without brackets is the run of juxtaposed factors (\log 2\pi\sigma^2
# is log(2 pi sigma^2), \log s r is log(s r), as in print; read as (\log s) r, \log ab = \log a + \log b was
# refuted); the run ends at the next function or operator (\sin x \cos x), at \cdot, +, - and relations
JUXTAPOSING = frozenset({"log", "exp", "sin", "cos", "tan", "tanh", "sinh", "cosh", "asin", "acos", "atan", "sign",
                         "det"})
_ENDS_JUXTAPOSITION = frozenset(LOG_LIKE) | {r"\det", r"\sum", r"\prod", r"\nabla", r"\partial", r"\int",
                                              r"\operatorname", r"\mathrm", r"\text", r"\frac", r"\dfrac",
                                              r"\tfrac", r"\mathbb", r"\sqrt", r"\lim"}


def ends_juxtaposition(tok) -> bool:
    """Whether ``tok`` starts a new function or operator, ending the argument of ``\\log x ...``."""
    return tok.kind == "cs" and tok.text in _ENDS_JUXTAPOSITION


# operators whose argument is the rest of the product (\sum_i a_i b_i is the sum of products); \det takes the
# next factor (\det A \det B is det(A) det(B))
REST_OPERATORS = {r"\det": "det", r"\sum": "sum", r"\prod": "prod", r"\nabla": "nabla", r"\partial": "partial"}
# words (in \mathrm, \operatorname, \text) that are functions; the others are names
FUNCTION_WORDS = {
    "tr": "tr", "Tr": "tr", "trace": "tr", "det": "det", "diag": "diag", "Diag": "diag", "softmax": "softmax",
    "sigmoid": "sigmoid", "relu": "relu", "ReLU": "relu", "tanh": "tanh", "log": "log", "exp": "exp",
    "E": "E", "Var": "Var", "var": "Var", "Cov": "Cov", "cov": "Cov", "V": "Var", "P": "P", "Pr": "P",
    "KL": "KL", "sign": "sign", "sgn": "sign", "rank": "rank", "vec": "vec", "Hess": "Hess", "abs": "abs",
    "sqrt": "sqrt", "max": "max", "min": "min", "argmax": "argmax", "argmin": "argmin", "ceiling": "ceiling",
    "floor": "floor", "sin": "sin", "cos": "cos", "tan": "tan", "sinh": "sinh", "cosh": "cosh", "arcsin": "asin",
    "arccos": "acos", "arctan": "atan", "asin": "asin", "acos": "acos", "atan": "atan",
    "binomial": "binomial", "factorial": "factorial",  # \binom{n}{k} and n! (the parser names them so)
}
# of those, the ones that take the rest of the product when written without brackets
REST_WORDS = {"tr", "diag", "E", "Var"}


def claim_name(name: str, font: str = "", decorations: tuple[str, ...] = ()) -> str:
    """The claim-text name of a TeX name: ``claim_name("L", "cal")`` is ``calL``."""
    base = FONT_PREFIX.get(font, "") + name
    for d in decorations:
        base += "_" + d
    return base
