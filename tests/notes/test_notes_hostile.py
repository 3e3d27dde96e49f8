"""Notes are untrusted input: bounded macros, bounded nesting, no code runs, and reading never raises."""

import time

from hypothesis import given
from hypothesis import strategies as st

from verify.notes import load_notes_text

HEAD = "---\nsheetproof:\n  symbols: {x: scalar}\n---\n"


def tex_file(preamble: str, formula: str) -> str:
    return f"% sheetproof:\n%   symbols: {{x: scalar}}\n{preamble}\n\\begin{{document}}\n\\[ {formula} \\]\n\\end{{document}}\n"


def error_of(text: str, kind: str = "latex") -> str:
    t0 = time.perf_counter()
    notes = load_notes_text(text, "h.tex" if kind == "latex" else "h.md", kind)
    assert time.perf_counter() - t0 < 20
    assert not notes.errors, notes.errors
    (claim,) = notes.claims
    assert claim.identity is None
    return claim.error


def test_a_recursive_macro_stops():
    assert "recursive macro" in error_of(tex_file(r"\newcommand{\a}{\a\a}", r"\a = x"))


def test_an_exponential_macro_stops():
    names = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn"  # each macro doubles the one before: 2**40 tokens
    lines = [rf"\newcommand{{\mac{names[0]}}}{{x}}"] + [
        rf"\newcommand{{\mac{names[i]}}}{{\mac{names[i - 1]}\mac{names[i - 1]}}}" for i in range(1, len(names))]
    message = error_of(tex_file("\n".join(lines), rf"\mac{names[-1]} = x"))
    assert any(bound in message for bound in ("more than", "longer than", "deeper than"))


def test_deep_nesting_is_refused_not_a_crash():
    message = error_of(HEAD + "$$ " + "{" * 3000 + "x" + "}" * 3000 + " = x $$\n", "markdown")
    assert "nested deeper" in message or "too deeply nested" in message


def test_code_in_a_formula_is_only_ever_a_name():
    message = error_of(HEAD + r"$$ \mathrm{system}(x) = \operatorname{eval}(x) $$" + "\n", "markdown")
    assert "unknown function 'system'" in message


def test_too_many_claims():
    notes = load_notes_text(HEAD + "$$ x = x $$\n" * 510, "many.md", "markdown")
    assert len(notes.claims) == 500 and any("more than 500 claims" in str(e) for e in notes.errors)


def test_unicode_and_broken_input_is_reported():
    assert "not TeX math" in error_of(HEAD + "$$ x = x ☃ $$\n", "markdown")
    notes = load_notes_text(HEAD + "$$ x ≤ x + 1 $$\n", "u.md", "markdown")
    assert notes.claims[0].claim == "x <= x + 1"
    notes = load_notes_text(HEAD + "$$ \\frac{x = 1 $$\n", "b.md", "markdown")
    assert notes.claims and notes.claims[0].error


TOKENS = st.sampled_from(["x", "=", "+", "-", "^", "_", "{", "}", "(", ")", "[", "]", "|", "\\|", "\\frac", "\\sum",
                          "\\nabla", "\\partial", "\\mathbf", "\\leq", "\\neq", "&", "\\\\", ",", "\\quad", "2", "T",
                          "\\text{for}", "\\left", "\\right", "\\sqrt", "\\log", "\\mathbb{E}", "\\forall", ":", "'"])


@given(st.lists(TOKENS, min_size=1, max_size=40))
def test_reading_never_raises(tokens):
    notes = load_notes_text(HEAD + "$$ " + " ".join(tokens) + " $$\n", "fuzz.md", "markdown")
    for c in notes.claims:
        assert (c.identity is None) == (c.error is not None)
        assert not (c.error or "").startswith("internal error"), c.error
