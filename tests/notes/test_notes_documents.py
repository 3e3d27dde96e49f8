"""Reading whole files: where formulas are, headers, comments after equations, ids, sidecars, errors."""

import pytest

from verify.notes import load_notes, notes_format

X = {"x": "scalar", "y": "scalar"}


def test_markdown_display_math_and_what_is_skipped(read, md):
    body = ("$$ x = x $$\n\\[ y = y \\]\n\\begin{equation} x + y = y + x \\end{equation}\n"
            "```\n$$ x = 1 $$\n```\n`$$ y = 2 $$` and inline $x = 2$ and <!-- $$ x = 3 $$ -->\n")
    notes = read(md(body, X))
    assert [c.claim for c in notes.claims] == ["x == x", "y == y", "x + y == y + x"]


def test_inline_math_only_when_asked(read, md):
    body = "Here $x = x$, prices $5 and $6, and $ y = 1 $ is not math.\n"
    assert read(md(body, X)).claims == []
    notes = read(md(body, X, inline=True))
    assert [c.claim for c in notes.claims] == ["x == x"]


def test_line_and_column_of_each_claim(read):
    notes = read("---\nsheetproof:\n  symbols: {x: scalar}\n---\nText.\n\n  $$ x = x, \\quad 2x = x + x $$\n")
    assert [(c.id, c.line, c.column) for c in notes.claims] == [("L7.1", 7, 6), ("L7.2", 7, 19)]


HEAD = "---\nsheetproof:\n  symbols: {x: scalar, y: scalar}\n---\n"  # four lines: the body starts on line 5


def test_comment_after_an_equation_adjusts_it(read):
    body = ("$$ x + 1 = x $$\n<!-- sheetproof: id=off-by-one, expect=refuted -->\n\n"
            "$$ u = u $$\n<!-- sheetproof: symbols={u: vector n}, title=\"a vector\" -->\n\n"
            "$$ y^2 = -1 $$\n<!-- sheetproof: skip=\"no real solution, on purpose\" -->\n\n"
            "$$ x = y \\quad y = x $$\n<!-- sheetproof: {id: pair, where: [x > 0]} -->\n")
    notes = read(HEAD + body)
    assert [(c.id, c.expect, c.skip) for c in notes.claims] == [
        ("off-by-one", "refuted", None), ("L8", "holds", None), ("L11", "holds", "no real solution, on purpose"),
        ("pair.1", "holds", None), ("pair.2", "holds", None)]
    assert notes.claims[1].identity.symbols == {"u": "vector n"} and notes.claims[1].identity.title == "a vector"
    assert notes.claims[3].identity.where == ("x > 0",)


def test_labels_name_equations(read):
    notes = read("% sheetproof:\n%   symbols: {x: scalar}\n\\begin{equation}\\label{eq:sq} x^2 = x x \\end{equation}\n",
                 "latex", "n.tex")
    assert notes.claims[0].id == "eq:sq"


@pytest.mark.parametrize("body, message", [
    ("$$ x = x $$\n\nprose\n<!-- sheetproof: skip -->\n", "must come right after the equation"),
    ("$$ x = x $$\n<!-- sheetproof: color=red -->\n", "unknown key(s) color"),
    ("$$ x = x $$\n<!-- sheetproof: expect=maybe -->\n", "expect: must be one of holds, refuted"),
    ("$$ x = x $$\n<!-- sheetproof: id=a b -->\n", "an id is 1-80 letters"),
    ("$$ x = x\n", "never closed"),
])
def test_bad_comments_and_unclosed_math_are_input_errors(read, md, body, message):
    notes = read(md(body, X))
    assert any(message in str(e) for e in notes.errors), notes.errors


@pytest.mark.parametrize("header, message", [
    ("sheetproof: [1, 2]\n", "must be a mapping"),
    ("sheetproof:\n  colour: blue\n", "unknown key(s) colour"),
    ("sheetproof:\n  inline: maybe\n", "inline: must be true or false"),
    ("sheetproof:\n  index_base: 2\n", "index_base: must be one of 0, 1"),
    ("sheetproof:\n  equations: {L99: {skip: true}}\n", "no claim has the id(s) L99"),
    ("sheetproof: {symbols: {x: scalar\n", "not valid YAML"),
])
def test_bad_headers_are_file_errors_with_the_line(read, header, message):
    notes = read("---\n" + header + "---\n$$ x = x $$\n")
    assert any(message in str(e) and "line" in str(e) for e in notes.errors), notes.errors


def test_header_equations_adjust_claims_by_id(read):
    head = "---\nsheetproof:\n  symbols: {x: scalar, y: scalar}\n  equations: {%s}\n---\n"
    notes = read(head % "L6.2: {expect: refuted}" + "$$ x = x \\quad x = y $$\n")
    assert [(c.id, c.expect) for c in notes.claims] == [("L6.1", "holds"), ("L6.2", "refuted")]
    notes = read(head % "L6: {skip: both}" + "$$ x = x \\quad x = y $$\n")
    assert [c.skip for c in notes.claims] == ["both", "both"]


def test_index_base_zero(read, md):
    notes = read(md("$$ x_0 = x_{2} $$\n", {"x": "vector 3"}, index_base=0))
    assert notes.claims[0].claim == "x[0] == x[2]"


def test_bold_and_plain_spelling_of_one_name_is_an_error(read, md):
    notes = read(md("$$ x = x $$\n", {r"\mathbf{x}": "vector n", "x": "scalar"}))
    assert "are both declared, and both are the name 'x'" in notes.claims[0].error


def test_latex_header_preamble_and_environments(read):
    tex = r"""% sheetproof:
%   symbols:
%     x: vector n
%     A: matrix n n
%   inline: true
\documentclass{article}
\newcommand{\vx}{\mathbf{x}}
\DeclareMathOperator{\Tr}{Tr}
\begin{document}
Inline $\vx^T \vx = \vx^T \vx$ and \(A = A\).
\begin{verbatim}
$$ x = 1 $$
\end{verbatim}
\begin{align*}
\Tr(A) &= \Tr(A^T) \\
\nabla_{\vx} \vx^T A \vx &= (A + A^T)\vx % a comment with $ and = in it
\end{align*}
% sheetproof: id=gradients
\[ A A^{-1} = I \] % sheetproof: skip="A is not declared invertible"
\end{document}
"""
    notes = read(tex, "latex", "n.tex")
    assert not notes.errors, notes.errors
    assert [(c.id, c.claim, c.skip) for c in notes.claims] == [
        ("L10.1", "x.T*x == x.T*x", None), ("L10.2", "A == A", None), ("gradients.1", "tr(A) == tr(A.T)", None),
        ("gradients.2", "D(x.T*A*x, x) == (A + A.T)*x", None),
        ("L19", "A*A.I == Identity(n)", "A is not declared invertible")]


def test_files_sidecars_and_formats(tmp_path):
    plain = tmp_path / "notes.txt"
    plain.write_text("$$ x = x $$\n")
    assert notes_format(plain) is None
    assert "not a notes file" in str(load_notes(plain).errors[0])
    (tmp_path / "notes.sheetproof.yaml").write_text("format: markdown\nsymbols: {x: scalar}\n")
    assert notes_format(plain) == "sidecar"
    notes = load_notes(plain)
    assert [c.claim for c in notes.claims] == ["x == x"]
    both = tmp_path / "both.md"
    both.write_text("---\nsheetproof: {}\n---\n$$ x = x $$\n")
    (tmp_path / "both.sheetproof.yaml").write_text("symbols: {x: scalar}\n")
    assert "both in the file and in its sidecar" in str(load_notes(both).errors[0])
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe $$")
    assert "not UTF-8" in str(load_notes(tmp_path / "bad.md").errors[0])
    assert "cannot read the file" in str(load_notes(tmp_path / "missing.md").errors[0])


def test_cheat_sheet_declarations_load():
    from formulas.coverage import SEED_PATH

    notes = load_notes(SEED_PATH)
    assert notes.errors == []
    assert len(notes.claims) > 100
    assert not [c for c in notes.claims if c.error and "internal error" in c.error]
