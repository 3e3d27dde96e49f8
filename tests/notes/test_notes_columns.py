"""``x: columns of X`` in the notes' declarations: ``x_i`` is column i of X (``col(X, i - 1)``)."""

from verify.notes import check_loaded_notes, load_notes_text

SYMBOLS = {r"\mathbf{X}": "matrix n 3", r"\mathbf{x}": "columns of X", "w": "vector 3", r"\mathbf{Y}": "matrix 2 m",
           r"\mathbf{y}": "rows of Y", "A": "matrix 3 3", "a": "columns of A"}


def test_columns_read_as_col(claim_of):
    assert claim_of(r"\sum_{i=1}^3 \mathbf{x}_i \mathbf{x}_i^T = \mathbf{X} \mathbf{X}^T", SYMBOLS) == \
        "sum(col(X, i - 1)*col(X, i - 1).T, i, 1, 3) == X*X.T"
    assert claim_of(r"\mathbf{X} \mathbf{w} = \sum_{j=1}^{3} w_j \mathbf{x}_j", SYMBOLS) == \
        "X*w == sum(w[j - 1]*col(X, j - 1), j, 1, 3)"
    assert claim_of(r"\mathbf{y}_1 = \mathbf{y}_2", SYMBOLS) == "row(Y, 0).T == row(Y, 1).T"


def test_columns_without_an_index_or_of_an_undeclared_matrix_are_unreadable(claim_of):
    assert "names the columns of X" in claim_of(r"\mathbf{x} = 0", SYMBOLS)
    assert "index 3 out of range" in claim_of(r"\mathbf{x}_4 = 0", SYMBOLS)
    assert "needs B declared as a matrix" in claim_of(r"b_1 = 0", {"b": "columns of B"})
    assert "one index names a column" in claim_of(r"a_{1,2} = 0", SYMBOLS)


def test_sums_over_columns_are_checked(md):
    text = md("$$ \\sum_{i=1}^3 \\mathbf{x}_i \\mathbf{x}_i^T = \\mathbf{X} \\mathbf{X}^T $$\n\n"
              "$$ \\sum_{i=1}^2 \\mathbf{x}_i \\mathbf{x}_i^T = \\mathbf{X} \\mathbf{X}^T $$\n\n"
              "$$ \\mathbf{x}_1 + \\dots + \\mathbf{x}_3 = \\mathbf{X} \\mathbf{1} $$\n", SYMBOLS)
    report = check_loaded_notes([load_notes_text(text, "c.md", "markdown")], timeout=60, jobs=1)
    assert [r.result.verdict.value for r in report.results] == ["confirmed", "refuted", "confirmed"]
