"""The hostile corpus, identity by identity: families of inputs and what each must give.

Each :class:`Case` is one hostile identity (it goes into a file with others and a
canary identity that must still be proved) and its expectation: ``input-error``
(refused, naming the field, with a message fragment), ``error-verdict`` (accepted,
stopped by a limit), ``checked`` (accepted and decided) or ``any`` (either, as
long as nothing breaks).  Families are generated where that is natural: every
Python keyword as a name and as a size letter, every field with every wrong type,
cost bombs at growing sizes.  The test here builds each identity in process
(loader, then the sandbox's build and cost estimate; no engine runs) and checks the
expectation; ``test_hostile_corpus.py`` runs the whole corpus through
``sheetproof check`` in worker processes.
"""

from __future__ import annotations

import keyword
from dataclasses import dataclass

import pytest
from test_hostile import HOSTILE, SYMBOLS

from verify.sandbox.strict_yaml import load
from verify.sandbox.tasks import build_entry
from verify.userfile.errors import UserFileError
from verify.userfile.loader import IDENTITY_KEYS, load_data

CANARY = "@CANARY@"  # replaced by a directory that must stay empty: anything that runs would write there


class Raw(str):
    """A YAML fragment written into the file as it is; ``value`` is what it means as Python data."""

    def __new__(cls, text: str, value):
        out = super().__new__(cls, text)
        out.value = value
        return out


@dataclass
class Case:
    family: str
    fields: dict  # the identity mapping, without its id unless the case is about the id
    expect: str = "input-error"
    message: str = ""
    field: str | None = None
    has_id: bool = True  # False: the case sets (or breaks) the id itself
    name: str = ""


def _claims() -> list[Case]:
    out = [Case("claim-grammar", {"claim": c, "symbols": SYMBOLS}, message=m, field="claim")
           for c, m in HOSTILE if len(c) < 50_000]
    injections = [
        "().__class__.__bases__[0].__subclasses__() == a", "globals() == a", "locals() == a", "vars() == a",
        f"exec('open(\"{CANARY}/exec\", \"w\")') == a", f"compile('1', '{CANARY}', 'exec') == a", "breakpoint() == a",
        "input() == a", "exit() == a", "quit() == a", "help() == a", "print(a) == a", "type(a) == a", "dir(a) == a",
        "a.__init__ == a", "x.T.__class__ == x", "x.I.__globals__ == x", "A.T.__dict__ == A", "x.__doc__ == x",
        f"__import__('os').system('touch {CANARY}/system') == 0", "__builtins__['eval']('1') == a",
        "getattr(a, '__class__') == a", "setattr(a, 'b', 1) == a", "delattr(a, 'b') == a", "memoryview(a) == a",
        "sympify(a) == a", "S(a) == a", "Symbol(a) == a", "Function(a)(a) == a", "Lambda(a, a) == a",
        "lambdify(a, a) == a", "eval == a", "exec == a", "os == a", "sys == a", "sp == a", "sympy == a",
        "f'{__import__(\"os\").system(\"touch x\")}' == a", "a[0] == a", "A[0, 0, 0] == a", "x[a] == a",
        "x[0.5] == a", "A.I.I.I.T.T.__class__ == A", "E(a).__class__ == a", "D(a, a).func == a",
    ]
    out += [Case("claim-injection", {"claim": c, "symbols": SYMBOLS}, field="claim") for c in injections]
    lexical = [  # (claim, expectation, message)
        ("ｅｘｅｃ(a) == a", "input-error", "unknown function 'exec'"),  # Python folds identifiers (NFKC)
        ("＿＿import__(a) == a", "input-error", "not a valid expression"),
        ("ｅｖａｌ == a", "input-error", "unknown name 'eval'"),
        ("a − a == 0", "input-error", "not a valid expression"), ("a × a == a", "input-error", "not a valid"),
        ("a\u200b == a", "input-error", "not a valid expression"), ("a\x00 == a", "input-error", "not a valid"),
        ("\ufeffa == a", "input-error", "not a valid"), ("a == a; a", "input-error", "not a valid expression"),
        ("a == ...", "input-error", "not allowed in a claim"), ("a == 1j", "input-error", "not allowed in a claim"),
        ("a == b'x'", "input-error", "strings are not allowed"), ("a == None", "input-error", "not allowed"),
        ("a == True", "input-error", "not allowed"), ("a == (yield)", "input-error", "not allowed"),
        ("await a == a", "input-error", "not allowed"), ("a == [a]", "input-error", "lists are not allowed"),
        ("a == {a}", "input-error", "sets are not allowed"), ("a == a if a else a", "input-error", "not allowed"),
        ("a == a # comment", "checked", ""), ("a + 0x10 == a + 16", "checked", ""),
        ("a + 1_000 == a + 1000", "checked", ""), ("a + .5 == a + 1/2", "checked", ""),
        ("a*1e-400 == 0", "checked", ""), ("(a ==\n a)", "checked", ""), ("a ==\r\na", "any", ""),
        ("\ta == a", "checked", ""), ("a == a\n\n\n", "checked", ""), ("ａ == a", "checked", ""),
        ("a**0.5**0.5**0.5 == a**0.5**0.5**0.5", "any", ""),
    ]
    out += [Case("claim-lexical", {"claim": c, "symbols": {"a": "scalar positive"}}, expect=e, message=m,
                 field="claim" if e == "input-error" else None) for c, e, m in lexical]
    return out


def _names() -> list[Case]:
    out = []
    for kw in keyword.kwlist:
        out.append(Case("keyword-symbol", {"claim": "1 == 1", "symbols": {kw: "scalar"}}, message="Python keyword",
                        field="symbols"))
        out.append(Case("keyword-size", {"claim": "1 == 1", "symbols": {"x": f"vector {kw}"}},
                        message="Python keyword", field="symbols"))
    for kw in ("lambda", "None", "for", "class", "True"):
        out.append(Case("keyword-argument", {"claim": "1 == 1", "symbols": {"f": f"function {kw}"}},
                        message="Python keyword", field="symbols"))
        out.append(Case("keyword-random", {"claim": "1 == 1", "distributions": {kw: "Poisson(2)"}},
                        message="Python keyword", field="distributions"))
        out.append(Case("keyword-matrix", {"claim": "1 == 1", "symbols": {"A": f"matrix n {kw}"}},
                        message="Python keyword", field="symbols"))
    bad = ["x\n", "x\r", "x ", " x", "x\t", "1x", "_x", "x.y", "x-y", "x$", "α", "ＡＢ", "a" * 33, "", "x\u200b",
           "__class__", "x\x1b[31m", "é", "x\u202e", "x/y", "x y", "x:y", "x\x00", "A.T", "x[0]"]
    out += [Case("bad-symbol-name", {"claim": "1 == 1", "symbols": {name: "scalar"}}, message="must be a letter",
                 field="symbols") for name in bad]
    out += [Case("bad-size-letter", {"claim": "1 == 1", "symbols": {"x": f"vector {name}"}}, field="symbols")
            for name in ("α", "n\u200b", "_n", "n$", "n.m", "n-1", "2n", "n" * 33, "n/2", "n*m")]
    return out


def _declarations() -> list[Case]:
    decls = ["vector", "vector 0", "vector -1", "vector 65", "vector 10**9", "vector 1e3", "vector 3.0", "matrix n",
             "matrix n m spd", "tensor n", "   ", "scalar bogus", "random Cauchy(a)", "random Poisson",
             "random Poisson()", "random Poisson(a, b)", "random Poisson(__import__)", "random Poisson(1/0)",
             "function", "function x y z", "matrix 100000 2", "vector n " + "positive " * 40,
             f"__import__('os').system('touch {CANARY}/decl')", "scalar; import os", "random Poisson(a)(b)",
             "matrix n n orthogonal spd bogus", "random Normal(0, 1, 2)", "random Binomial(2, 3/0)",
             "random Binomial(2, 0/0)", "random Poisson(" + "9" * 500 + ")"]
    return [Case("bad-declaration", {"claim": "1 == 1", "symbols": {"x": d}}, field="symbols") for d in decls]


def _distributions() -> list[Case]:
    rows = [  # (symbols, distributions): each refused when the identity is built
        ({}, {"N": "GammaRate(1, 0)"}), ({}, {"N": "GammaRate(0, 1)"}), ({}, {"N": "Gamma(-1, 1)"}),
        ({}, {"N": "Normal(0, -1)"}), ({}, {"N": "Normal(0, 0)"}), ({}, {"N": "Binomial(-1, 1/2)"}),
        ({}, {"N": "Binomial(3, 2)"}), ({}, {"N": "Bernoulli(2)"}), ({}, {"N": "Bernoulli(-1)"}),
        ({}, {"N": "Poisson(-1)"}), ({}, {"N": "Poisson(0)"}), ({}, {"N": "Exponential(0)"}),
        ({}, {"N": "Uniform(1, 1)"}), ({}, {"N": "Uniform(2, 1)"}), ({"A": "matrix 2 2"}, {"N": "Poisson(A)"}),
        ({"x": "vector n"}, {"N": "Poisson(x)"}), ({}, {"N": "Poisson(lam + 1)"}), ({}, {"N": "Cauchy(1)"}),
        ({}, {"N": "Poisson(__import__('os'))"}), ({}, {"N": "Poisson"}), ({}, {"N": "Poisson(1, 2)"}),
        ({}, {"N": "Binomial(10000, 1/2)"}), ({}, {"N": "Binomial(10**9, 1/2)"}),
        ({}, {"N": "Binomial(100, 1/2)", "M": "Binomial(100, 1/2)"}), ({"N": "scalar"}, {"N": "Poisson(2)"}),
    ]
    return [Case("bad-distribution", {"claim": "E(N) == 1", "symbols": s, "distributions": d}) for s, d in rows]


HUGE = Raw("9" * 5000, 10**5000 - 1)
HUGE_HEX = Raw("0x" + "f" * 4000, 16**4000 - 1)
WRONG_TYPES = {"a list": ["x"], "a mapping": {"k": "v"}, "true/false": True, "nothing": None, "a number": 3.5}
TEXT_FIELDS = ("title", "notes")


def _type_expectation(key: str, kind: str) -> str:
    if kind == "nothing" and key not in ("id", "claim", "symbols"):
        return "checked"
    if key in TEXT_FIELDS + ("source",) and kind == "a number":
        return "checked"
    if key == "source":
        return "checked"  # an accepted field with no meaning for the checker
    if key in ("given", "where") and kind == "a number":
        return "input-error"
    return "input-error"


def _fields() -> list[Case]:
    base = {"claim": "a + a == 2*a", "symbols": {"a": "scalar"}}
    out = []
    for key in IDENTITY_KEYS:
        for kind, value in WRONG_TYPES.items():
            fields = {**base, key: value}
            out.append(Case("field-type", fields, expect=_type_expectation(key, kind), has_id=key != "id",
                            name=f"{key}={kind}"))
        for raw in (HUGE, HUGE_HEX):
            out.append(Case("field-huge-integer", {**base, key: raw}, expect="checked" if key == "source" else
                            "input-error", has_id=key != "id", name=f"{key}=huge"))
    for key in ("title", "notes", "claim", "where", "given"):
        out.append(Case("field-too-long", {**base, key: "a" * 2001}, message="exceeds the limit of 2000", field=key))
    for text in ("\x1b[2J\x1b[H", "\x1b]0;pwned\x07", "line\rOVERWRITE", "back\x08\x08\x08", "\x9b31m", "\u202eevil",
                 "zero\u200bwidth", "\x00nul", "\x7fdel"):
        out.append(Case("control-title", {**base, "title": text}, expect="checked"))
        out.append(Case("control-notes", {**base, "notes": text}, expect="checked"))
        out.append(Case("control-id", {**base, "id": "a" + text}, has_id=False, message="an id is", field="id"))
        out.append(Case("control-unknown-key", {**base, text: 1}, message="unknown field"))
    for layout in ("Numerator", "NUMERATOR", " numerator", "numerator\n", "both", 1, f"{CANARY}"):
        out.append(Case("bad-layout", {**base, "layout": layout}, message="must be one of", field="layout"))
    for expect in ("Refuted", "proved", "no", "false", "holds\n"):
        out.append(Case("bad-expect", {**base, "expect": expect}, message="must be one of", field="expect"))
    for given in ("independent", "independent a", "dependent N M", f"independent {CANARY}", "independent N N"):
        out.append(Case("bad-given", {**base, "given": given}, field="given"))
    for where in ("a", "a = 0", "__import__('os') > 0", "a > b", "a >= 0 >= a", "A > 0"):
        out.append(Case("bad-where", {**base, "where": where}, field="where"))
    return out


def _splits() -> list[Case]:
    """Flow collections whose unquoted values YAML splits at a comma: the identity is refused, never read
    as the pieces (``{X: Normal(mu, sigma)}`` is ``{"X": "Normal(mu", "sigma)": None}`` to YAML)."""
    base = {"claim": "a + a == 2*a", "symbols": {"a": "scalar"}}
    rows = [("distributions", "{X: Normal(mu, sigma)}"), ("distributions", "{N: Binomial(n,p)}"),
            ("distributions", "{X: Normal(0, 1), Y: Normal(a, b)}"), ("given", "[a > 0, Max(a, b) > 0]"),
            ("where", "[Min(a, b) >= 0]"), ("where", "[{k: g(1, 2)}]"), ("symbols", "{a: scalar, h: f(a, b)}"),
            ("title", "[t(1, 2)]")]
    return [Case("flow-split", {**base, key: Raw(text, load(text))}, message="YAML split the value", field=key)
            for key, text in rows]


def _costs() -> list[Case]:
    rows = []
    rows += [("det(A) == det(A.T)", {"A": f"matrix {k} {k}"}) for k in (7, 8, 9, 10, 12, 16, 24, 32, 48, 64)]
    rows += [(f"A.I*A == Identity({k})", {"A": f"matrix {k} {k} invertible"}) for k in (6, 7, 8, 12, 16, 32, 64)]
    rows += [("(A*B).T == B.T*A.T", {"A": f"matrix {k} {k}", "B": f"matrix {k} {k}"}) for k in (48, 56, 64)]
    rows += [("kron(A, B) == kron(A, B)", {"A": f"matrix {k} {k}", "B": f"matrix {k} {k}"}) for k in (32, 48, 64)]
    rows += [("kron(" + ", ".join(["A"] * f) + ").T == kron(" + ", ".join(["A.T"] * f) + ")", {"A": "matrix 8 8"})
             for f in (4, 5, 6, 8)]
    rows += [(f"tr(A**{p}) == tr(A**{p})", {"A": f"matrix {k} {k}"}) for p in (10, 12, 16, 32, 64) for k in (3, 8)]
    rows += [(f"det(A)**{p} == det(A**{p})", {"A": "matrix 3 3"}) for p in (8, 12, 24, 64)]
    rows += [("(a + b + c + d + e + f)**64 == (a + b + c + d + e + f)**64", {k: "scalar" for k in "abcdef"})]
    rows += [("sum(sum(sum(a*i*j*k, k, 0, 63), j, 0, 63), i, 0, 63) == a", {"a": "scalar"}),
             ("sum(sum(sum(sum(a*i, l, 0, 15), k, 0, 15), j, 0, 15), i, 0, 15) == a", {"a": "scalar"}),
             ("sum(sum(exp(a*i*j), j, 0, 63), i, 0, 64) == a", {"a": "scalar"})]
    rows += [("D(x.T*A*x, x) == (A + A.T)*x", {"x": f"vector {k}", "A": f"matrix {k} {k}"}) for k in (48, 64)]
    rows += [("D(det(A), A) == det(A)*A.I.T", {"A": "matrix 8 8 invertible"})]
    return [Case("cost-bomb", {"claim": c, "symbols": s}, message="too large to check") for c, s in rows]


def _slow() -> list[Case]:
    rows = [("x.T*x >= 0", {"x": "vector 64"}), ("(x.T*x)**2 >= 0", {"x": "vector 48"}),
            ("Var(N) == 375", {"N": "random Binomial(1500, 1/4)"}), ("det(A) == det(A.T)", {"A": "matrix 6 6"}),
            ("(A*B).T == B.T*A.T", {"A": "matrix 32 32", "B": "matrix 32 32"}),
            ("D(x.T*A*x, x) == (A + A.T)*x", {"x": "vector 32", "A": "matrix 32 32"}),
            ("hadamard(A, A, A, A, A, A, A, A) == A", {"A": "matrix 64 64"})]
    return [Case("slow", {"claim": c, "symbols": s}, expect="any") for c, s in rows]


def cases() -> list[Case]:
    """Every identity-level case, each with a unique name."""
    out = _claims() + _names() + _declarations() + _distributions() + _fields() + _splits() + _costs() + _slow()
    for k, case in enumerate(out):
        case.name = f"{case.family}-{k}" + (f"-{case.name}" if case.name else "")
    return out


CASES = cases()


def identity_of(case: Case, ident: str) -> dict:
    return case.fields if not case.has_id else {"id": ident, **case.fields}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_hostile_identity_gives_its_expected_outcome(case, tmp_path):
    fields = {k: (v.value if isinstance(v, Raw) else v) for k, v in case.fields.items()}
    fields = {k: (v.replace(CANARY, str(tmp_path)) if isinstance(v, str) else v) for k, v in fields.items()}
    raw = fields if not case.has_id else {"id": "h", **fields}
    loaded = load_data([raw], "hostile.yaml")
    error = loaded.errors[0] if loaded.errors else None
    if error is None:
        try:
            build_entry(loaded.identities[0])
        except UserFileError as err:
            error = err
    if case.expect == "input-error":
        assert error is not None, f"{case.name}: accepted"
        assert case.message in str(error), str(error)
        assert case.field is None or error.field == case.field, str(error)
        assert error.file == "hostile.yaml"
    elif case.expect in ("checked", "error-verdict"):
        assert error is None, str(error)
    assert not any(tmp_path.iterdir())


def test_the_corpus_is_large_and_named_uniquely():
    assert len(CASES) >= 450
    assert len({c.name for c in CASES}) == len(CASES)
