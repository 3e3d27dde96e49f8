"""The scanner and the macros: tokens with their offsets, bounded expansion, layout commands dropped."""

import pytest

from verify.notes.errors import NotesError
from verify.notes.macros import MAX_DEPTH, MacroTable, clean
from verify.notes.tokens import tokenize


def texts(src, table=None):
    tokens, _ = clean((table or MacroTable()).expand(tokenize(src)))
    return [t.text for t in tokens]


def test_tokens_keep_file_offsets_and_group_numbers():
    tokens = tokenize(r"\frac{a}{2.5} x^T", base=100)
    assert [(t.kind, t.text, t.pos) for t in tokens][:4] == [("cs", r"\frac", 100), ("char", "{", 105),
                                                               ("letter", "a", 106), ("char", "}", 107)]
    assert tokens[5].text == "2.5" and tokens[5].kind == "num"


def test_text_commands_are_one_token_and_comments_are_dropped():
    tokens = tokenize("a \\text{ for all } b % a comment = c\n+ d")
    assert [(t.kind, t.text) for t in tokens] == [("letter", "a"), ("text", " for all "), ("letter", "b"),
                                                  ("char", "+"), ("letter", "d")]


@pytest.mark.parametrize("src, message", [
    ("a \\", "lone backslash"),
    ("x # y", "'#' outside a macro"),
    ("x ☃ 1", "not TeX math"),
    ("\\text x", "needs its text in braces"),
])
def test_scanner_errors_name_the_problem(src, message):
    with pytest.raises(NotesError, match=message):
        tokenize(src)


def test_aliases_and_layout_commands():
    assert texts(r"\left( a \right) \le \bm{b}\, \quad \dfrac{1}{2}") == [
        "(", "a", ")", r"\leq", r"\mathbf", "{", "b", "}", r"\quad", r"\frac", "{", "1", "}", "{", "2", "}"]
    assert texts(r"\left. x \right|_{0} \nonumber \label{eq:a}") == ["x", "|", "_", "{", "0", "}"]


def test_labels_are_kept():
    _, labels = clean(tokenize(r"x = y \label{eq:xy} \tag{3}"))
    assert labels == ["eq:xy"]


def test_newcommand_with_arguments_and_a_default():
    table = MacroTable()
    table.define(r"\norm", 1, r"\left\|#1\right\|")
    table.define(r"\pow", 2, "{#1}^{#2}", default="2")
    assert texts(r"\norm{x}", table) == [r"\|", "x", r"\|"]
    assert texts(r"\pow{a}", table) == ["{", "2", "}", "^", "{", "a", "}"]
    assert texts(r"\pow[3]{a}", table) == ["{", "3", "}", "^", "{", "a", "}"]


def test_expanded_tokens_point_at_the_call():
    table = MacroTable()
    table.define(r"\R", 0, r"\mathbb{R}")
    tokens = table.expand(tokenize(r"x \in \R", base=10))
    assert {t.pos for t in tokens[2:]} == {16}  # where \\R stands


def test_recursive_macros_stop_at_the_bounds():
    table = MacroTable()
    table.define(r"\a", 0, r"\a\a")
    with pytest.raises(NotesError, match="recursive macro"):
        table.expand(tokenize(r"\a"))
    deep = MacroTable()
    deep.define(r"\b", 0, r"x\b")
    with pytest.raises(NotesError, match=f"deeper than {MAX_DEPTH}|more than"):
        deep.expand(tokenize(r"\b"))


@pytest.mark.parametrize("name, nargs, body, message", [
    ("R", 0, "x", "must be a control sequence"),
    (r"\f", 10, "x", "0 to 9 arguments"),
    (r"\f", 1, "#2", "only 1 argument"),
    (r"\f", 0, "x" * 3000, "longer than"),
])
def test_bad_definitions_are_refused(name, nargs, body, message):
    with pytest.raises(NotesError, match=message):
        MacroTable().define(name, nargs, body)


def test_unicode_math_reads_as_its_command():
    assert texts("α ≤ β·x′ − ∑") == [r"\alpha", r"\leq", r"\beta", r"\cdot", "x", "'", "-", r"\sum"]
