"""Which Python syntax a claim may use: parse, then check every node against a whitelist.

A claim is parsed by :func:`ast.parse` in ``eval`` mode -- the parser only builds
a tree, it runs nothing -- and every node of the tree must be one of
:data:`ALLOWED_NODES`.  Lambdas, comprehensions, strings, keyword arguments,
starred arguments, slices, attribute access other than ``.T`` / ``.I``, names
with a leading underscore and calls of anything but a plain function name are
refused here, before any SymPy object exists.  Length, node count and nesting
depth are bounded (:mod:`verify.userfile.limits`); a chain ``a + b - c + ...`` or
``a * b * c`` counts as one level.

A few nodes are admitted here but only make sense in one place, which the
builder (:mod:`verify.userfile.build`) enforces with its own messages: lists
(``Matrix([[...]])``, ``BlockMatrix([[...]])``), tuples (indices, ``Piecewise``
pairs, ``Sum``/``Product`` limits), ``True``/``False`` (conditions), ``|`` (the
conditioning bar of ``E``, ``Var``, ``P``), ``!=`` and relations inside
expressions (conditions of ``P``, ``Piecewise``, ``And``/``Or``/``Not``).

    >>> parse_tree("tr(A*B) == tr(B*A)").__class__.__name__
    'Compare'
    >>> parse_tree("x.__class__")
    Traceback (most recent call last):
    ...
    verify.userfile.errors.ClaimError: attribute '.__class__' is not allowed; only .T (transpose) and .I (inverse) (at column 1)
"""

from __future__ import annotations

import ast

from .errors import ClaimError
from .limits import MAX_AST_NODES, MAX_DEPTH, MAX_EXPR_CHARS, MAX_NUMBER_DIGITS

__all__ = ["parse_tree", "ALLOWED_NODES", "ATTRIBUTES"]

ATTRIBUTES = frozenset({"T", "I"})
_OPERATORS = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow, ast.MatMult, ast.UAdd, ast.USub,
              ast.Eq, ast.NotEq, ast.LtE, ast.GtE, ast.Lt, ast.Gt, ast.BitOr, ast.Load)
ALLOWED_NODES = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Compare, ast.Name, ast.Constant, ast.Call,
                 ast.Attribute, ast.Subscript, ast.Tuple, ast.List, *_OPERATORS)

_WHY = {  # what a refused node is, in the user's words
    ast.Lambda: "lambda expressions", ast.ListComp: "comprehensions", ast.SetComp: "comprehensions",
    ast.DictComp: "comprehensions", ast.GeneratorExp: "comprehensions", ast.IfExp: "conditional expressions",
    ast.BoolOp: "'and' / 'or'", ast.NamedExpr: "':=' assignments", ast.Await: "'await'",
    ast.Yield: "'yield'", ast.YieldFrom: "'yield'", ast.List: "lists", ast.Set: "sets", ast.Dict: "dicts",
    ast.JoinedStr: "f-strings", ast.FormattedValue: "f-strings", ast.Starred: "starred arguments",
    ast.Slice: "slices", ast.keyword: "keyword arguments", ast.Not: "'not'", ast.Invert: "'~'",
    ast.Mod: "'%'", ast.FloorDiv: "'//'", ast.LShift: "'<<'", ast.RShift: "'>>'",
    ast.BitXor: "'^' (write ** for powers)", ast.BitAnd: "'&'", ast.Is: "'is'",
    ast.IsNot: "'is not'", ast.In: "'in'", ast.NotIn: "'not in'",
}


_HINT = {ast.BoolOp: "; write And(a, b), Or(a, b), Not(a)", ast.BitAnd: "; write And(a, b)",
         ast.Not: "; write Not(a)", ast.IfExp: "; write Piecewise((a, condition), (b, True))",
         ast.Mod: "; write x - q*floor(x/q)", ast.FloorDiv: "; write floor(a/b)"}


def _col(node) -> int | None:
    return getattr(node, "col_offset", None)


def _check_node(node, parent) -> None:
    if not isinstance(node, ALLOWED_NODES):
        what = _WHY.get(type(node), f"{type(node).__name__} nodes")
        raise ClaimError(f"{what} are not allowed in a claim{_HINT.get(type(node), '')}",
                         col=_col(node) or _col(parent))
    if isinstance(node, ast.Name) and node.id.startswith("_"):
        raise ClaimError(f"name {node.id!r} is not allowed: names may not start with '_'", col=_col(node))
    if isinstance(node, ast.Attribute) and node.attr not in ATTRIBUTES:
        raise ClaimError(f"attribute '.{node.attr}' is not allowed; only .T (transpose) and .I (inverse)",
                         col=_col(node))
    if isinstance(node, ast.Call) and not isinstance(node.func, ast.Name):
        raise ClaimError("only named functions may be called, such as det(A) or D(f, x)", col=_col(node))
    if isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bool):
            return  # True / False: the builder allows them as conditions only
        if not isinstance(value, (int, float)):
            kind = "strings" if isinstance(value, (str, bytes)) else f"{type(value).__name__} constants"
            raise ClaimError(f"{kind} are not allowed in a claim; only numbers", col=_col(node))
        if isinstance(value, int) and value.bit_length() > MAX_NUMBER_DIGITS * 10 // 3:
            raise ClaimError(f"number literal with more than {MAX_NUMBER_DIGITS} digits", col=_col(node))
        if isinstance(value, float) and not (abs(value) < 1e300):
            raise ClaimError("number literal out of range", col=_col(node))
    if isinstance(node, ast.Compare) and len(node.ops) != 1 and not _event_given_event(node):
        raise ClaimError("chained comparisons are not allowed: write one relation per claim", col=_col(node))


def _event_given_event(node: ast.Compare) -> bool:
    """``X == x | Y == y`` (Python reads it as the chain ``X == (x | Y) == y``): the argument of ``P(A | B)``."""
    middle = node.comparators[0]
    return len(node.ops) == 2 and isinstance(middle, ast.BinOp) and isinstance(middle.op, ast.BitOr)


def parse_tree(text) -> ast.expr:
    """Parse one expression or relation and check it against the whitelist; return its body.

    Raises :class:`~verify.userfile.errors.ClaimError` for anything else, never another exception.
    """
    if not isinstance(text, str):
        raise ClaimError(f"an expression must be a string, got {type(text).__name__}")
    if len(text) > MAX_EXPR_CHARS:
        raise ClaimError(f"expression of {len(text)} characters exceeds the limit of {MAX_EXPR_CHARS}")
    if not text.strip():
        raise ClaimError("empty expression")
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as err:
        col = f" (at column {err.offset})" if err.offset else ""
        raise ClaimError(f"not a valid expression: {err.msg}{col}") from None
    except (ValueError, RecursionError, MemoryError, OverflowError) as err:
        raise ClaimError(f"not a valid expression: {type(err).__name__}") from None
    count = 0
    stack = [(tree, None, 0)]
    while stack:
        node, parent, depth = stack.pop()
        count += 1
        if count > MAX_AST_NODES:
            raise ClaimError(f"expression has more than {MAX_AST_NODES} syntax nodes")
        if depth > MAX_DEPTH:
            raise ClaimError(f"expression is nested deeper than {MAX_DEPTH} levels", col=_col(node))
        _check_node(node, parent)
        stack.extend((child, node, depth + (0 if chained(child, node) else 1))
                     for child in ast.iter_child_nodes(node))
    return tree.body


_CHAINS = ((ast.Add, ast.Sub), (ast.Mult,))


def chained(child, parent) -> bool:
    """``child`` is the left operand of ``parent`` in one chain ``a + b - c + ...`` or ``a * b * c``: a long sum
    is one level deep, not one level per term (the builder walks such chains with a loop)."""
    if not (isinstance(child, ast.BinOp) and isinstance(parent, ast.BinOp) and parent.left is child):
        return False
    return any(isinstance(child.op, ops) and isinstance(parent.op, ops) for ops in _CHAINS)
