"""``special_case:`` (a special case of the line, in words, that the declarations check): evidence, never a proof.

Cheat-sheet line 744 (M_{X+Y} = M_X M_Y for independent random *vectors*) is read with scalar X and Y, as the
catalog does; a proof for scalars is evidence for the line, so it is reported confirmed, as the catalog's entry."""

import pytest

from formulas.model import Verdict
from verify.notes import check_loaded_notes, load_notes_text

RV = {"X": "random", "Y": "random", "t": "scalar"}
CASE = "scalar X and Y; the line is about random vectors"


def _report(md, tex, options):
    probe = md(f"$$\n{tex}\n$$\n", RV, given=["independent X Y"], equations={"L00": options})
    line = probe.splitlines().index(tex) + 1
    text = md(f"$$\n{tex}\n$$\n", RV, given=["independent X Y"], equations={f"L{line}": options})
    notes = load_notes_text(text, "notes.md", "markdown")
    assert not notes.errors, notes.errors
    return notes, check_loaded_notes([notes], jobs=1)


def test_a_special_case_is_confirmed_never_proved(md):
    notes, report = _report(md, r"M_{X+Y}(t) = M_X(t) M_Y(t)", {"special_case": CASE})
    assert notes.claims[0].claim.endswith(f"(special case: {CASE})")
    result = report.results[0].result
    assert result.verdict is Verdict.CONFIRMED and result.scope == f"the instance {CASE}"


def test_a_refutation_in_the_special_case_refutes_the_line(md):
    _, report = _report(md, r"M_{X+Y}(t) = M_X(t) + M_Y(t)", {"special_case": CASE})
    assert report.results[0].result.verdict is Verdict.REFUTED


@pytest.mark.parametrize("value", ["", "   ", 3, ["scalar"], "x" * 301])
def test_a_special_case_must_say_which_in_words(read, md, value):
    notes = read(md("$$\nx = x\n$$\n", {"x": "scalar"}, equations={"L1": {"special_case": value}}))
    assert any("special_case" in e.message for e in notes.errors)
