"""``\\int_a^b f(t)\\, dt`` in notes: the forms read, the differential ending the integrand, the refusals."""

import pytest

from verify.notes import check_loaded_notes, load_notes_text


@pytest.mark.parametrize(("tex", "symbols", "claim"), [
    (r"\int_{0}^{1} t^2 \, dt = \frac{1}{3}", {}, "integrate(t**2, t, 0, 1) == 1/3"),
    (r"\int_0^1 t^2 dt = \frac{1}{3}", {}, "integrate(t**2, t, 0, 1) == 1/3"),
    (r"\int_a^b 2 s \, \mathrm{d}s = b^2 - a^2", {"a": "scalar", "b": "scalar"},
     "integrate(2*s, s, a, b) == b**2 - a**2"),
    (r"\int_a^b 2 s \, \mathrm{d} s = b^2 - a^2", {"a": "scalar", "b": "scalar"},
     "integrate(2*s, s, a, b) == b**2 - a**2"),
    (r"\int_a^b 2 s \mathrm{d}s = b^2 - a^2", {"a": "scalar", "b": "scalar"},
     "integrate(2*s, s, a, b) == b**2 - a**2"),
    (r"\int_0^\infty \lambda e^{-\lambda t} \,dt = 1", {"lam": "scalar positive"},
     "integrate(lam*exp(-lam*t), t, 0, oo) == 1"),
    (r"\int_{-\infty}^{\infty} e^{-x^2} dx = \sqrt{\pi}", {}, "integrate(exp(-x**2), x, -oo, oo) == sqrt(pi)"),
    (r"\int_{-\infty}^{+\infty} e^{-x^2} dx = \sqrt{\pi}", {}, "integrate(exp(-x**2), x, -oo, oo) == sqrt(pi)"),
    (r"\int_0^1 dt + \int_0^1 t \, dt = \frac{3}{2}", {}, "integrate(1, t, 0, 1) + integrate(t, t, 0, 1) == 3/2"),
    (r"2 \int_0^1 (t + 1) \, dt = 3", {}, "2*integrate(t + 1, t, 0, 1) == 3"),
    (r"\int_0^1 \theta \, d\theta = \frac{1}{2}", {}, "integrate(theta, theta, 0, 1) == 1/2"),
])
def test_integrals_read(claim_of, tex, symbols, claim):
    assert claim_of(tex, symbols) == claim


@pytest.mark.parametrize(("tex", "symbols", "why"), [
    (r"\int t \, dt = 1", {}, "an integral without bounds (an antiderivative)"),
    (r"\int_X t \, dt = 1", {"X": "random"}, "an integral over a set or a domain (\\int_X)"),
    (r"\int^1 t \, dt = 1", {}, "an integral over a set or a domain"),
    (r"\int_0^1 t = 1", {}, "an integral without its differential"),
    (r"\iint_0^1 t \, dt = 1", {}, "double integrals are not in the claim grammar"),
    (r"\int_0^1 x \, dx = 1", {"x": "vector 2"}, "the variable of integration dx is a declared vector"),
    (r"\int_0^1 t \, dt = \infty", {}, "infinity is not a value"),
])
def test_unreadable_integrals_say_why(claim_of, tex, symbols, why):
    assert why in claim_of(tex, symbols)


def test_markdown_end_to_end(md):
    text = md("$$ \\int_0^1 t^2 \\, dt = \\frac{1}{3} $$\n\n$$ \\int_0^1 t^2 \\, dt = \\frac{1}{2} $$\n\n"
                    "$$ \\int_0^\\infty t \\lambda e^{-\\lambda t} \\, \\mathrm{d}t = \\frac{1}{\\lambda} $$\n\n"
                    "$$ \\int_0^1 \\frac{1}{t} \\, dt = 5 $$\n", {"lam": "scalar positive"})
    report = check_loaded_notes([load_notes_text(text, "integrals.md", "markdown")], timeout=60, jobs=1)
    verdicts = [r.result.verdict.value for r in report.results]
    assert verdicts[:3] == ["proved", "refuted", "proved"]
    assert verdicts[3] not in ("refuted", "proved", "confirmed")  # a divergent integral: undecided
