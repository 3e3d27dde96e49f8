"""The binomial theorem closes finite sums SymPy leaves open (verify/tensor/finite_sums.py).

SymPy 1.14 evaluates sum_k C(t, k) p^k (1 - p)^(t - k) to a Piecewise with a series' convergence condition, so
"the binomial probabilities sum to one" stayed confirmed (and past the table's time limit)."""

import sympy as sp

from formulas.model import Verdict
from verify.tensor.finite_sums import binomial_theorem
from verify.userfile import check_claim

a, b = sp.symbols("a b")
t = sp.Symbol("t", integer=True, nonnegative=True)
k = sp.Symbol("k", integer=True)


def test_the_theorem_closes_the_sum_with_its_constant_factor():
    assert binomial_theorem(sp.Sum(3 * sp.binomial(t, k) * a**k * b**(t - k), (k, 0, t))) == 3 * (a + b)**t
    assert binomial_theorem(sp.Sum(sp.binomial(t, k) * a**k, (k, 0, t))) == (a + 1)**t
    assert binomial_theorem(sp.Sum(sp.binomial(t, k), (k, 0, t))) == 2**t


def test_sums_outside_the_theorem_are_left_alone():
    n = sp.Symbol("n")  # not known to be an integer
    left = [sp.Sum(sp.binomial(t, k) * a**k, (k, 1, t)),                 # starts at 1
            sp.Sum(sp.binomial(n, k) * a**k, (k, 0, n)),                 # n need not be an integer
            sp.Sum(sp.binomial(t, k) * k, (k, 0, t)),                    # a factor k
            sp.Sum(sp.binomial(t + 1, k) * a**k, (k, 0, t)),             # another binomial
            sp.Sum(a**k * b**(t - k), (k, 0, t))]                        # no binomial
    for s in left:
        assert binomial_theorem(s) == s


def test_binomial_probabilities_sum_to_one_is_proved_and_a_wrong_power_refuted():
    symbols = {"p": "scalar unit", "t": "scalar integer positive"}
    assert check_claim("sum(binomial(t, k)*p**k*(1 - p)**(t - k), k, 0, t) == 1", symbols).verdict is Verdict.PROVED
    wrong = check_claim("sum(binomial(t, k)*p**k*(1 - p)**(t - k), k, 0, t) == p", symbols)
    assert wrong.verdict is Verdict.REFUTED and wrong.counterexample["exact"] is True
