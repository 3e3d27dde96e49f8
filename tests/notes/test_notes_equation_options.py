"""A line's declarations (``equations: {L5: ...}`` or by the equation's id) are applied once to its claim."""

SYMBOLS = {"x": "vector d", "c": "vector d"}
BODY = "$$ \\mathbf{x} = \\mathbf{c} $$\n<!-- sheetproof: id=copy -->\n"


def test_a_lines_where_and_given_are_not_repeated(read, md):
    notes = read(md(BODY, SYMBOLS, equations={"copy": {"where": ["c == x"]}}))
    assert notes.claims[0].identity.where == ("c == x",)
