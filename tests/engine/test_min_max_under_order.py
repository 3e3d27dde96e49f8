"""A ``where`` order ``a <= b`` settles ``Min(a, b)`` and ``Max(a, b)`` in the symbolic proof (verify/engines/symbolic.py).

Cheat sheet line 174: with m <= n units in R^n, Zaslavsky's count sum_{i <= min(m, n)} C(m, i) is 2^m."""

import sympy as sp

from formulas.model import Verdict
from verify.engines.symbolic import settle_min_max
from verify.userfile import check_claim

COUNTS = {"m": "scalar positive integer", "n": "scalar positive integer"}


def test_an_order_picks_the_smaller_and_the_larger_argument():
    a, b, c = sp.symbols("a b c")
    assert settle_min_max(sp.Min(a, b) + sp.Max(b, a), [sp.Le(a, b)]) == a + b
    assert settle_min_max(sp.Min(a, b), [sp.Gt(b, a)]) == a
    assert settle_min_max(sp.Min(a, c), [sp.Le(a, b)]) == sp.Min(a, c)  # no order between a and c: kept
    assert settle_min_max(sp.Min(a, b, c), [sp.Le(a, b)]) == sp.Min(a, b, c)


def test_zaslavsky_sum_at_small_width_is_proved_under_the_order():
    result = check_claim("sum(binomial(m, i), i, 0, Min(m, n)) == 2**m", COUNTS, where=("m <= n",))
    assert result.verdict is Verdict.PROVED


def test_without_the_order_or_with_the_other_one_it_is_refuted_exactly():
    for where in ((), ("n <= m",)):
        result = check_claim("sum(binomial(m, i), i, 0, Min(m, n)) == 2**m", COUNTS, where=where)
        assert result.verdict is Verdict.REFUTED and result.counterexample["exact"] is True
        values = result.counterexample["values"]
        assert int(values["m"]) > int(values["n"])
