"""The pytest plugin collects Markdown and LaTeX notes that carry a sheetproof header (run by pytester)."""

HEAD = "---\nsheetproof:\n  symbols: {x: scalar}\n---\n"
NOTES = HEAD + ("$$ x + x = 2x $$\n\n$$ x + 1 = x $$\n<!-- sheetproof: id=slip, expect=refuted -->\n\n"
                "$$ x^2 = -1 $$\n<!-- sheetproof: skip=\"no real solution\" -->\n")


def test_notes_with_a_header_are_collected_one_test_per_claim(pytester):
    pytester.makefile(".md", lecture=NOTES, README="# Readme\n\n$$ y = 1 $$\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "-v", "-rs")
    result.assert_outcomes(passed=2, skipped=1)
    result.stdout.fnmatch_lines(["*lecture.md::L5 PASSED*", "*lecture.md::slip PASSED*", "*no real solution*"])


def test_a_wrong_claim_fails_with_its_reading_and_counterexample(pytester):
    pytester.makefile(".md", wrong=HEAD + "$$ x + x = x $$\n")
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*line 5, column 4: x + x = x", "*read as: x + x == x",
                                 "*verdict: refuted (expected proved or confirmed)", "*counterexample: {*"])


def test_an_unreadable_equation_fails_and_a_broken_header_is_a_collection_error(pytester):
    pytester.makefile(".md", unreadable=HEAD + "$$ x = y $$\n", broken="---\nsheetproof:\n  colour: x\n---\n$$ 1 = 1 $$\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "--continue-on-collection-errors")
    result.assert_outcomes(failed=1, errors=1)
    result.stdout.fnmatch_lines(["*input error: line 5, column 4: cannot read x = y: unknown symbol 'y'*"])
    result.stdout.fnmatch_lines(["*broken.md: line 2, column 1: the sheetproof header: unknown key(s) colour*"])


def test_latex_notes_and_the_patterns_setting(pytester):
    pytester.makefile(".tex", notes="% sheetproof:\n%   symbols: {x: scalar}\n\\[ 2x - x = x \\]\n",
                      plain="\\[ 1 = 2 \\]\n")
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)
    pytester.makeini("[pytest]\nsheetproof_notes_files = *.markdown\n")
    assert pytester.runpytest("-p", "no:cacheprovider").ret == 5  # nothing collected
