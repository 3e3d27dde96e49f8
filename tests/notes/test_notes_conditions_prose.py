"""Regressions: conditions and qualifiers written beside a claim restrict it or make it unreadable, never vanish.

Each row was read wrongly before (verify/notes/split_conditions.py): the condition dropped or checked as a
claim of its own, so a true line was refuted.
"""

import pytest

T = {"t": "scalar", "x": "vector n", "A": "matrix n n", "p": "scalar"}
READ = [  # (formula, the claims as understood, each with its where)
    (r"\sqrt{t^2} = t \qquad (t \geq 0)", [("sqrt(t**2) == t", ("t >= 0",))]),
    (r"\sqrt{t^2} = t, \quad t \geq 0", [("sqrt(t**2) == t", ("t >= 0",))]),
    (r"\sqrt{t^2} = t \quad \text{(for } t \geq 0)", [("sqrt(t**2) == t", ("t >= 0",))]),
    (r"\log(p) + \log(1 - p) < 0, \quad 0 < p < 1", [("log(p) + log(1 - p) < 0", ("0 < p", "p < 1"))]),
    (r"\sqrt{t^2} = t \text{ for all } t \geq 0", [("sqrt(t**2) == t", ("t >= 0",))]),
    # separate claims stay separate: a bound that shares no symbol, or is not a lone symbol
    (r"e^{t} > 0, \quad t^2 \geq 0", [("exp(t) > 0", ()), ("t**2 >= 0", ())]),
]
UNREADABLE = [
    (r"\nabla_{\mathbf{x}} \mathbf{x}^\top\mathbf{A}\mathbf{x} = 2\mathbf{A}\mathbf{x} \quad \text{(for symmetric } "
     r"\mathbf{A})", "stated in words"),
    (r"\nabla_{\mathbf{x}} \mathbf{x}^\top\mathbf{A}\mathbf{x} = 2\mathbf{A}\mathbf{x} \text{ for symmetric } "
     r"\mathbf{A}", "stated in words"),
    (r"t^2 > 0 \text{ if not } t = 0", "stated in words"),
    (r"t^2 = 1 \text{ for some } t > 0", "stated in words"),
    (r"\nabla_{\mathbf{x}} \mathbf{x}^\top\mathbf{A}\mathbf{x} = 2\mathbf{A}\mathbf{x} \text{ (approximately)}",
     "qualifies the claim"),
    (r"t + t = t \text{ wrong!}", "qualifies the claim"),
    (r"e^{t} = 1 + t \text{ for small } t", "stated in words"),
]


def _claims(read, md, tex):
    notes = read(md(f"$$ {tex} $$\n", T))
    return notes.claims


@pytest.mark.parametrize(("tex", "expected"), READ)
def test_condition_restricts_the_claims_before_it(read, md, tex, expected):
    claims = _claims(read, md, tex)
    assert [c.error for c in claims] == [None] * len(claims), [c.error for c in claims]
    assert [(c.identity.claim, tuple(c.identity.where)) for c in claims] == expected
    assert all(c.claim.endswith(f"(where: {'; '.join(c.identity.where)})") for c in claims if c.identity.where)


@pytest.mark.parametrize(("tex", "why"), UNREADABLE)
def test_condition_in_words_makes_the_claim_unreadable(read, md, tex, why):
    claims = _claims(read, md, tex)
    assert claims and all(c.identity is None and why in c.error for c in claims), [c.error for c in claims]
