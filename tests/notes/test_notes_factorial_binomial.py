"""``n!`` and ``\\binom{n}{k}`` in notes: the factorial and the binomial coefficient of the claim grammar.

TeX has no ``!=`` relation: ``5! = 120`` renders (and is read) as the factorial of 5 equal to 120.  The
reader once joined ``!`` and ``=`` into ``!=`` and "proved" ``5 != 120`` for it (a claim nobody wrote).
"""

import pytest

from verify.notes import check_loaded_notes, load_notes_text

SCALARS = {"n": "scalar positive integer", "m": "scalar positive integer", "k": "scalar nonnegative integer"}

READ = [  # (TeX, the claim as understood)
    (r"5! = 120", "factorial(5) == 120"),
    (r"5!=120", "factorial(5) == 120"),  # renders as 5! = 120
    (r"(n+1)! = (n+1) n!", "factorial(n + 1) == (n + 1)*factorial(n)"),
    (r"\frac{1}{k!} \leq 1", "1/factorial(k) <= 1"),
    (r"\binom{n}{k} = \frac{n!}{k! (n-k)!}",
     "binomial(n, k) == factorial(n)/(factorial(k)*factorial(n - k))"),
    (r"\sum_{i=0}^{m} \binom{m}{i} = 2^m", "sum(binomial(m, i), i, 0, m) == 2**m"),
    (r"n! \neq 0", "factorial(n) != 0"),
]


@pytest.mark.parametrize("tex, understood", READ, ids=[r[0] for r in READ])
def test_factorials_and_binomials_read_as_the_grammar_functions(claim_of, tex, understood):
    assert claim_of(tex, SCALARS) == understood


def test_factorial_claims_get_the_verdict_of_what_is_written(md):
    text = md("$$ 5! = 120 $$\n\n$$ 3! = 7 $$\n\n$$ (n+1)! = (n+1) n! $$\n\n"
              "$$ \\sum_{i=0}^{m} \\binom{m}{i} = 2^m $$\n\n$$ \\binom{m}{2} = m $$\n", SCALARS)
    report = check_loaded_notes([load_notes_text(text, "f.md", "markdown")], timeout=60, jobs=1)
    verdicts = [r.result.verdict.value for r in report.results]
    assert verdicts == ["proved", "refuted", "proved", "proved", "refuted"], [r.result.reason for r in report.results]


def test_a_bang_with_nothing_before_it_is_refused(claim_of):
    assert claim_of(r"! = 1", SCALARS).startswith("ERROR:")


def test_a_double_factorial_is_refused_not_read_as_a_factorial_of_a_factorial(claim_of):
    """5!! = 15 is true (5 * 3 * 1); read as (5!)! it would be refuted: a false refutation."""
    assert "double factorial" in claim_of(r"5!! = 15", SCALARS)
    assert "double factorial" in claim_of(r"n!! \leq n!", SCALARS)
    assert claim_of(r"(n!)! \geq n!", SCALARS) == "factorial(factorial(n)) >= factorial(n)"
