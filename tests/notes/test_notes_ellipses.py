"""Sums and products written with an ellipsis (verify/notes/ellipses.py): read where the terms show the index."""

import pytest

from verify.notes import check_loaded_notes, load_notes_text
from verify.notes.ellipses import expand_ellipses
from verify.notes.macros import MacroTable, clean
from verify.notes.tokens import text_of, tokenize

VECTORS = {"x": "vector n", "a": "vector n", "b": "vector n", "y": "vector 4", "t": "scalar"}

READ = [  # (TeX, the claim as understood)
    (r"x_1 + x_2 + \dots + x_n = \sum_{i=1}^{n} x_i", "sum(x[j - 1], j, 1, n) == sum(x[i - 1], i, 1, n)"),
    (r"a_1 b_1 + \cdots + a_n b_n = \mathbf{a}^T \mathbf{b}", "sum(a[i - 1]*b[i - 1], i, 1, n) == a.T*b"),
    (r"x_1 + \ldots + x_{n} = 0", "sum(x[i - 1], i, 1, n) == 0"),
    (r"x_1 + … + x_n = 0", "sum(x[i - 1], i, 1, n) == 0"),
    (r"y_1 y_2 \cdots y_4 = 1", "prod(y[i - 1], i, 1, 4) == 1"),
    (r"y_1 \cdot y_2 \cdot \dots \cdot y_4 = 1", "prod(y[i - 1], i, 1, 4) == 1"),
    (r"1 + t + t^2 + \dots + t^4 = 0", "1 + t + sum(t**i, i, 2, 4) == 0"),
    (r"x_1 + \dots + x_{n-1} = 0", "sum(x[i - 1], i, 1, n - 1) == 0"),
    (r"e^{x_1} + \dots + e^{x_n} = 0", "sum(exp(x[i - 1]), i, 1, n) == 0"),
    (r"c - x_1 + x_2 + \dots + x_n = 0", None),  # c is undeclared: the reading is checked below, without c
]


@pytest.mark.parametrize("tex, understood", [r for r in READ if r[1]], ids=[r[0][:40] for r in READ if r[1]])
def test_an_ellipsis_between_instances_of_one_term_reads_as_a_sum_or_product(claim_of, tex, understood):
    assert claim_of(tex, VECTORS) == understood


def _rewritten(tex: str) -> str:
    return text_of(expand_ellipses(clean(MacroTable().expand(tokenize(tex)))[0]))


def test_only_the_run_of_instances_is_summed():
    assert _rewritten(r"c - x_1 + x_2 + \dots + x_n") == r"c-x_1+{\sum_{i=2}^{n}x_{i}}"  # a minus sign ends the run
    assert _rewritten(r"\theta_0 + \theta_1 x_1 + \dots + \theta_n x_n") == \
        r"\theta_0+{\sum_{i=1}^{n}\theta_{i}x_{i}}"
    assert _rewritten(r"2 x_1 \cdot x_2 \cdot \dots \cdot x_n") == r"2x_1\cdot{\prod_{i=2}^{n}{x_{i}}}"
    assert _rewritten(r"x_1^{k_1} x_2^{k_2} \cdots x_n^{k_n}") == r"{\prod_{i=1}^{n}x_{i}^{k_{i}}}"
    assert _rewritten(r"\mathbf{I}_{A_1} + \dots + \mathbf{I}_{A_k}") == r"{\sum_{i=1}^{k}\mathbf{I}_{A_{i}}}"


@pytest.mark.parametrize("tex", [
    r"x_1 + x_3 + \dots + x_n",      # the written indices skip a value: odd terms? not guessed
    r"x_2 + x_1 + \dots + x_n",      # they run down
    r"x_1 + \dots + x_1",            # nothing varies
    r"x_1 + \dots + y_n",            # the letter changes
    r"x_1 - \dots - x_n",            # minus signs
    r"P(x_1, \dots, x_n)",           # a list, not a sum
    r"x^{(1)} + \dots + x^{(n)}",    # the varying place is not a bare number
    r"x_1 + \dots \cdot x_n",        # mixed operators
])
def test_an_ellipsis_the_terms_do_not_pin_down_is_left_for_the_parser_to_refuse(tex):
    assert r"\ldots" in _rewritten(tex)


def test_a_number_bound_before_the_written_terms_is_refused(read, md):
    notes = read(md("$$ x_1 + x_2 + x_3 + \\dots + x_2 = 0 $$\n", VECTORS))
    assert "the ellipsis ends at 2" in notes.claims[0].error


def test_an_unread_ellipsis_says_how_to_write_it(read, md):
    notes = read(md("$$ x_1 + x_3 + \\dots + x_n = 0 $$\n", VECTORS))
    assert "one index running by one" in notes.claims[0].error and "\\sum" in notes.claims[0].error


def test_the_source_column_shows_the_written_run(read, md):
    notes = read(md("$$ x_1 + x_2 + \\dots + x_n = 0 $$\n", VECTORS))
    assert notes.claims[0].latex == r"x_1 + x_2 + \dots + x_n = 0"


def test_sums_read_from_ellipses_are_checked(md):
    text = md("$$ (x_1 + \\cdots + x_n)^2 \\leq n (x_1^2 + \\cdots + x_n^2) $$\n\n"
                    "$$ (x_1 + \\cdots + x_n)^2 \\leq x_1^2 + \\cdots + x_n^2 $$\n\n"
                    "$$ a_1 b_1 + \\cdots + a_n b_n = \\mathbf{b}^T \\mathbf{a} $$\n", VECTORS)
    report = check_loaded_notes([load_notes_text(text, "e.md", "markdown")], timeout=60, jobs=1)
    verdicts = [r.result.verdict.value for r in report.results]
    assert verdicts == ["confirmed", "refuted", "proved"], [r.result.reason for r in report.results]
