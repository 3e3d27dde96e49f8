"""Functions declared with a shape class: ``f: function x convex`` (``concave``, ``strictly convex``, ...).

True facts about every convex (concave) function are confirmed on draws of that class, never proved from
draws; their usual mistakes are refuted at a drawn function of the class and a point, re-checked exactly; a
fact true of every function is still proved; a shape class where it means nothing is an input error.
"""

import pytest

from formulas.model import Verdict
from verify.check import check
from verify.engines.numeric import torch_numeric
from verify.engines.sizes import dims_of, size_assignments
from verify.userfile import UserFileError, check_claim
from verify.userfile.identity import Identity

SCALAR = {"x": "scalar", "y": "scalar", "f": "function x convex"}
VECTOR = {"x": "vector n", "y": "vector n", "f": "function x convex"}
SCALAR_CONCAVE = {"x": "scalar", "y": "scalar", "f": "function x concave"}
VECTOR_CONCAVE = {"x": "vector n", "y": "vector n", "f": "function x concave"}
JENSEN = {"t": "scalar", "f": "function t convex", "x": "vector n", "lam": "vector n probability"}
JENSEN_CONCAVE = {**JENSEN, "f": "function t concave"}
TWO_POINT = {"a": "scalar", "b": "scalar", "l": "scalar unit", "f": "function a convex"}
STATIONARY = ("D(f(x), x) == zeros(n, 1)",)
JENSEN_CLAIM = "f(sum(lam[i]*x[i], i, 0, n - 1)) <= sum(lam[i]*f(x[i]), i, 0, n - 1)"
JENSEN_REVERSED = "f(sum(lam[i]*x[i], i, 0, n - 1)) >= sum(lam[i]*f(x[i]), i, 0, n - 1)"

TRUE = [  # (name, symbols, claim, where): facts that need the shape class
    ("first-order condition, scalar", SCALAR, "f(y) >= f(x) + D(f(x), x)*(y - x)", ()),
    ("first-order condition, vector", VECTOR, "f(y) >= f(x) + D(f(x), x).T*(y - x)", ()),
    ("gradient monotone", VECTOR, "(D(f(y), y) - D(f(x), x)).T*(y - x) >= 0", ()),
    ("second-order condition", SCALAR, "D(D(f(x), x), x) >= 0", ()),
    ("Jensen, finite", JENSEN, JENSEN_CLAIM, ()),
    ("Jensen, two points", TWO_POINT, "f(l*a + (1 - l)*b) <= l*f(a) + (1 - l)*f(b)", ()),
    ("a stationary point is a global minimum", VECTOR, "f(y) >= f(x)", STATIONARY),
    ("strict first-order condition", {**SCALAR, "f": "function x strictly convex"},
     "f(y) > f(x) + D(f(x), x)*(y - x)", ("y != x",)),
    ("concave: tangent above", VECTOR_CONCAVE, "f(y) <= f(x) + D(f(x), x).T*(y - x)", ()),
    ("concave: second-order condition", SCALAR_CONCAVE, "D(D(f(x), x), x) <= 0", ()),
    ("concave: Jensen reversed", JENSEN_CONCAVE, JENSEN_REVERSED, ()),
    ("concave: a stationary point is a global maximum", VECTOR_CONCAVE, "f(y) <= f(x)", STATIONARY),
]

MISTAKES = [  # (name, symbols, claim, where): false for some function of the class
    ("tangent above a convex f", SCALAR, "f(y) <= f(x) + D(f(x), x)*(y - x)", ()),
    ("tangent above, vector", VECTOR, "f(y) <= f(x) + D(f(x), x).T*(y - x)", ()),
    ("convex means increasing (sheet line 84)", SCALAR, "D(f(x), x) >= 0", ()),
    ("Jensen reversed", JENSEN, JENSEN_REVERSED, ()),
    ("every point a minimum", VECTOR, "f(y) >= f(x)", ()),
    ("concave: tangent below", VECTOR_CONCAVE, "f(y) >= f(x) + D(f(x), x).T*(y - x)", ()),
    ("concave: Jensen as for convex", JENSEN_CONCAVE, JENSEN_CLAIM, ()),
    ("concave: a stationary point is a minimum", VECTOR_CONCAVE, "f(y) >= f(x)", STATIONARY),
]


def _entry(symbols, claim, where=()):
    return Identity("c", claim, symbols, where=tuple(where)).to_entry()


@pytest.mark.parametrize(("name", "symbols", "claim", "where"), TRUE, ids=[t[0] for t in TRUE])
def test_true_convex_facts_are_confirmed_not_proved(name, symbols, claim, where):
    result = check_claim(claim, symbols, where=where, sandbox=False)
    assert result.verdict is Verdict.CONFIRMED, (name, result.reason, result.methods)
    torch_method = next(m for m in result.methods if m.engine == "torch-autograd")
    assert torch_method.outcome == "holds" and "draws" in torch_method.detail  # what was covered


@pytest.mark.parametrize(("name", "symbols", "claim", "where"), MISTAKES, ids=[m[0] for m in MISTAKES])
def test_mistakes_are_refuted_at_a_drawn_function_of_the_class(name, symbols, claim, where):
    result = check_claim(claim, symbols, where=where, sandbox=False)
    assert result.verdict is Verdict.REFUTED, (name, result.reason, result.methods)
    cex = result.counterexample
    assert cex["exact"] is True and "f" in cex["functions"], cex
    assert cex["functions"]["f"].startswith("f(z) = -(" if "concave" in symbols["f"] else "f(z) = "), cex
    assert not any(k.startswith("__") for k in cex["values"])


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_verdicts_are_stable_across_seeds(seed):
    for symbols, claim, want in ((JENSEN, JENSEN_CLAIM, Verdict.CONFIRMED), (JENSEN, JENSEN_REVERSED, Verdict.REFUTED),
                                 (VECTOR, "f(y) >= f(x) + D(f(x), x).T*(y - x)", Verdict.CONFIRMED),
                                 (VECTOR, "f(y) <= f(x) + D(f(x), x).T*(y - x)", Verdict.REFUTED)):
        assert check(_entry(symbols, claim), seed=seed).verdict is want, (seed, claim)


@pytest.mark.parametrize(("name", "symbols", "claim", "where"), TRUE, ids=[t[0] for t in TRUE])
def test_no_draw_ever_violates_a_true_convex_fact(name, symbols, claim, where):
    """50 seeds of 16 draws at every size: not one candidate violation (the only route to a refutation)."""
    entry = _entry(symbols, claim, where)
    sizes = size_assignments(dims_of(entry), large=True)
    for seed in range(50):
        ev = torch_numeric(entry, sizes, 16, seed)
        assert ev.holds is True and not ev.failing, (name, seed, ev.method.detail)


def test_facts_about_every_function_are_still_proved():
    result = check_claim("f(y) - f(x) + f(x) == f(y)", VECTOR, sandbox=False)
    assert result.verdict is Verdict.PROVED
    result = check_claim("D(f(x)**2, x) == 2*f(x)*D(f(x), x)", VECTOR, sandbox=False)
    assert result.verdict is Verdict.PROVED


@pytest.mark.parametrize(("symbols", "message"), [
    ({"x": "vector n", "f": "function x n convex"}, "property of a scalar function"),
    ({"t": "scalar", "f": "vector n convex function t"}, "not of a vector-valued one"),
    ({"X": "matrix n n", "f": "function X convex"}, "but X is a matrix"),
    ({"X": "random", "f": "function X concave"}, "but X is a random variable"),
    ({"x": "scalar", "f": "function x convex concave"}, "both convex and concave"),
    ({"x": "scalar", "f": "function x convx"}, "neither a size nor a shape class"),
    ({"x": "scalar", "f": "function x strictly"}, "unknown function property"),
])
def test_meaningless_shape_classes_are_input_errors(symbols, message):
    with pytest.raises(UserFileError, match=message):
        check_claim("f(x) >= 0" if "X" not in symbols else "f(X) >= 0", symbols, sandbox=False)


def test_strictly_convex_is_convex():
    result = check_claim("f(y) >= f(x) + D(f(x), x).T*(y - x)", {**VECTOR, "f": "function x strictly convex"},
                         sandbox=False)
    assert result.verdict is Verdict.CONFIRMED
