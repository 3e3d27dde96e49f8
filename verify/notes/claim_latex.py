"""Claim text written as the LaTeX of notes: the reverse of the reader, for round-trip tests of it.

    >>> claim_latex("D(x.T*A*x, x) == (A + A.T)*x")
    '\\\\frac{\\\\partial}{\\\\partial x}\\\\left[x^\\\\top A x\\\\right] = \\\\left(A + A^\\\\top\\\\right) x'

A claim the printer cannot write in the notation the reader documents (docs/notes.md) raises
:class:`Unwritable`: the round trip then says nothing about the reader.  What the printer writes is what a
careful author would: brackets where precedence needs them, ``\\operatorname{tr}``, ``\\frac{\\partial}{\\partial x}``,
``\\mathbb{E}[...]``, entries as subscripts with indices from 1.  The reader reading it back into a claim with the
same verdict, or refusing it with a reason, is the property the round trip checks
(tests/notes/test_notes_roundtrip.py, ``python -m bench.notes --roundtrip``).
"""

from __future__ import annotations

import ast

__all__ = ["Unwritable", "claim_latex", "name_latex"]

_GREEK_NAMES = ("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "kappa", "mu", "nu", "xi",
                "rho", "tau", "phi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Sigma", "Phi", "Psi",
                "Omega", "sigma")
GREEK = {**{g: "\\" + g for g in _GREEK_NAMES}, "lam": r"\lambda", "Lam": r"\Lambda"}
_RELATIONS = {ast.Eq: "=", ast.LtE: r"\leq", ast.GtE: r"\geq", ast.Lt: "<", ast.Gt: ">", ast.NotEq: r"\neq"}
_FUNCTIONS = {"log": r"\log", "exp": r"\exp", "sin": r"\sin", "cos": r"\cos", "tan": r"\tan", "tanh": r"\tanh",
              "sinh": r"\sinh", "cosh": r"\cosh", "atan": r"\arctan", "det": r"\det"}
_WORDS = {"tr": r"\operatorname{tr}", "softmax": r"\operatorname{softmax}", "relu": r"\mathrm{ReLU}",
          "diag": r"\operatorname{diag}", "Var": r"\mathrm{Var}", "Cov": r"\mathrm{Cov}"}
_PREC = {"rel": 0, "add": 1, "kron": 1.5, "mul": 2, "neg": 2, "pow": 4, "atom": 5}


class Unwritable(ValueError):
    """The claim uses something the notes notation does not write (a block matrix, a Piecewise, ...)."""


def name_latex(name: str) -> str:
    """``lam`` is ``\\lambda``, ``Sigma`` ``\\Sigma``, ``x`` ``x``, ``X_1`` ``X_1``; other words cannot be written."""
    base, _, sub = name.partition("_")
    if base in GREEK:
        tex = GREEK[base]
    elif len(base) == 1 and base.isalpha():
        tex = base
    else:
        raise Unwritable(f"the name {name!r} has no single-symbol TeX")
    if sub:
        if not sub.isalnum():
            raise Unwritable(f"the name {name!r} has a subscript the reader does not take as a name")
        tex += f"_{{{sub}}}"
    return tex


def claim_latex(claim: str, *, sigma_declared: bool = False) -> str:
    """The LaTeX of a claim (a relation); raises :class:`Unwritable`."""
    tree = ast.parse(claim, mode="eval").body
    return _Printer(sigma_declared).rel(tree)


class _Printer:
    def __init__(self, sigma_declared: bool):
        self.sigma_declared = sigma_declared
        self.bound: list[str] = []  # summation indices in scope

    # -- relations ---------------------------------------------------------------------------------------
    def rel(self, node) -> str:
        if not isinstance(node, ast.Compare) or len(node.ops) != 1:
            raise Unwritable("not a single relation")
        op = _RELATIONS.get(type(node.ops[0]))
        if op is None:
            raise Unwritable("an unknown relation")
        return f"{self.expr(node.left)[0]} {op} {self.expr(node.comparators[0])[0]}"

    # -- expressions: (tex, precedence) ------------------------------------------------------------------
    def wrap(self, node, level: int) -> str:
        tex, prec = self.expr(node)
        return f"\\left({tex}\\right)" if prec < level else tex

    def expr(self, node) -> tuple[str, int]:
        method = getattr(self, f"_{type(node).__name__}", None)
        if method is None:
            raise Unwritable(f"{type(node).__name__} is not written")
        return method(node)

    def _Name(self, node):
        if node.id in self.bound:
            return node.id, _PREC["atom"]
        if node.id == "pi":
            return r"\pi", _PREC["atom"]
        return name_latex(node.id), _PREC["atom"]

    def _Constant(self, node):
        if isinstance(node.value, bool) or not isinstance(node.value, int | float):
            raise Unwritable("a constant that is not a number")
        if node.value < 0:
            return str(node.value), _PREC["neg"]
        return str(node.value), _PREC["atom"]

    def _UnaryOp(self, node):
        if isinstance(node.op, ast.USub):
            return f"-{self.wrap(node.operand, _PREC['mul'])}", _PREC["neg"]
        if isinstance(node.op, ast.UAdd):
            return self.expr(node.operand)
        raise Unwritable("a logical operator")

    def _BinOp(self, node):
        op = node.op
        if isinstance(op, ast.Add | ast.Sub):
            right = self.wrap(node.right, _PREC["mul"] if isinstance(op, ast.Sub) else _PREC["add"])
            if isinstance(op, ast.Add) and right.startswith("-"):
                right = f"\\left({right}\\right)"
            return f"{self.expr(node.left)[0]} {'+' if isinstance(op, ast.Add) else '-'} {right}", _PREC["add"]
        if isinstance(op, ast.Mult):
            left, right = self.wrap(node.left, _PREC["mul"]), self.wrap(node.right, _PREC["pow"])
            if right[:1].isdigit() or right.startswith("-"):
                return f"{left} \\cdot {right}", _PREC["mul"]
            return f"{left} {right}", _PREC["mul"]
        if isinstance(op, ast.Div):
            return f"\\frac{{{self.expr(node.left)[0]}}}{{{self.expr(node.right)[0]}}}", _PREC["atom"]
        if isinstance(op, ast.Pow):
            exponent = self.expr(node.right)[0]
            return f"{self.wrap(node.left, _PREC['atom'])}^{{{exponent}}}", _PREC["pow"]
        raise Unwritable(f"the operator {type(op).__name__}")

    def _Attribute(self, node):
        base = self.wrap(node.value, _PREC["atom"])
        if node.attr == "T":
            return f"{base}^\\top", _PREC["pow"]
        if node.attr == "I":
            return f"{base}^{{-1}}", _PREC["pow"]
        raise Unwritable(f"the attribute .{node.attr}")

    def _Subscript(self, node):
        if not isinstance(node.value, ast.Name) or node.value.id in self.bound:
            raise Unwritable("an entry of an expression")
        base = name_latex(node.value.id)
        if "_" in node.value.id:
            raise Unwritable("an entry of a subscripted name")
        keys = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        return f"{base}_{{{''.join(self.index(k) for k in keys)}}}", _PREC["atom"]

    def index(self, node) -> str:
        """An index from 0 as the reader's index from 1: ``0`` is ``1``, ``i - 1`` is ``i``."""
        if isinstance(node, ast.Constant) and isinstance(node.value, int) and 0 <= node.value < 9:
            return str(node.value + 1)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub) and isinstance(node.left, ast.Name) \
                and isinstance(node.right, ast.Constant) and node.right.value == 1 and node.left.id in self.bound:
            return node.left.id
        raise Unwritable("an index the reader writes differently")

    def _Call(self, node):
        if not isinstance(node.func, ast.Name) or node.keywords:
            raise Unwritable("a call that is not a function word")
        f, args = node.func.id, node.args
        if f == "D" and len(args) == 2 and isinstance(args[1], ast.Name):
            var = name_latex(args[1].id)
            return f"\\frac{{\\partial}}{{\\partial {var}}}\\left[{self.expr(args[0])[0]}\\right]", _PREC["mul"]
        if f == "Identity" and len(args) == 1:
            return f"I_{{{self.expr(args[0])[0]}}}", _PREC["atom"]
        if f in ("ones", "zeros") and len(args) == 2 and isinstance(args[1], ast.Constant) and args[1].value == 1:
            size = self.expr(args[0])[0]
            return ("\\mathbf{1}" if f == "ones" else "\\mathbf{0}") + f"_{{{size}}}", _PREC["atom"]
        if f == "sqrt" and len(args) == 1:
            return f"\\sqrt{{{self.expr(args[0])[0]}}}", _PREC["atom"]
        if f == "abs" and len(args) == 1:
            return f"\\left|{self.expr(args[0])[0]}\\right|", _PREC["atom"]
        if f == "sigmoid" and len(args) == 1 and not self.sigma_declared:
            return f"\\sigma\\left({self.expr(args[0])[0]}\\right)", _PREC["atom"]
        if f == "E" and len(args) == 1:
            return f"\\mathbb{{E}}\\left[{self.expr(args[0])[0]}\\right]", _PREC["atom"]
        if f in ("hadamard", "kron") and len(args) == 2:
            op = r"\odot" if f == "hadamard" else r"\otimes"
            return f"{self.wrap(args[0], _PREC['pow'])} {op} {self.wrap(args[1], _PREC['pow'])}", _PREC["kron"]
        if f == "factorial" and len(args) == 1:
            return f"{self.wrap(args[0], _PREC['atom'])}!", _PREC["pow"]
        if f == "binomial" and len(args) == 2:
            return f"\\binom{{{self.expr(args[0])[0]}}}{{{self.expr(args[1])[0]}}}", _PREC["atom"]
        if f in ("Max", "Min") and len(args) == 2:
            return (f"\\{f.lower()}\\left({self.expr(args[0])[0]}, {self.expr(args[1])[0]}\\right)",
                    _PREC["atom"])
        if f == "sum" and len(args) == 4 and isinstance(args[1], ast.Name):
            i = args[1].id
            low, high = self.expr(args[2])[0], self.expr(args[3])[0]
            self.bound.append(i)
            try:
                body = self.wrap(args[0], _PREC["mul"])
            finally:
                self.bound.pop()
            return f"\\sum_{{{i}={low}}}^{{{high}}} {body}", _PREC["add"]
        head = _FUNCTIONS.get(f) or _WORDS.get(f)
        if head is None:
            raise Unwritable(f"the function {f}")
        inner = ", ".join(self.expr(a)[0] for a in args)
        return f"{head}\\left({inner}\\right)", _PREC["atom"]
