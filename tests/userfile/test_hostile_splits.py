"""Values YAML split at a comma inside ``{...}`` or ``[...]`` are input errors, never silently re-read.

``distributions: {X: Normal(mu, sigma)}`` is, to YAML, the mapping
``{"X": "Normal(mu", "sigma)": None}``: loaded as it parses, the identity would check
something its author did not write (or fail deep inside with a misleading message).
The loader refuses the identity that holds such a value, names the field and the line,
and shows the quoted form; the file's other identities are still loaded.
"""

import pytest

from verify.sandbox.strict_yaml import load, split_values
from verify.userfile import load_text

HEAD = "identities:\n"
GOOD = "- id: good\n  claim: x == x\n  symbols: {x: scalar}\n"

# (identity lines, field, the value as written, the fix shown)
SPLIT = [
    ("  distributions: {X: Normal(mu, sigma)}\n", "distributions", "Normal(mu, sigma)",
     'X: "Normal(mu, sigma)"'),
    ("  distributions: {X: Normal(mu, sigma), Y: Poisson(lam)}\n", "distributions", "Normal(mu, sigma)",
     'X: "Normal(mu, sigma)"'),
    ("  distributions: {N: Binomial(n,p)}\n", "distributions", "Binomial(n,p)", 'N: "Binomial(n,p)"'),
    ("  given: [x > 0, Max(x, y) > 0]\n", "given", "Max(x, y) > 0", '"Max(x, y) > 0"'),
    ("  where: [f(a, b, c)]\n", "where", "f(a, b, c)", '"f(a, b, c)"'),
    ("  where: [{k: g(1, 2)}]\n", "where", "g(1, 2)", 'k: "g(1, 2)"'),
    ("  symbols: {x: scalar, h: ((a, b))}\n", "symbols", "((a, b))", 'h: "((a, b))"'),
]

# flow collections whose values are whole: quoted, balanced, block style, or no parentheses at all
WHOLE = [
    '  distributions: {X: "Normal(mu, sigma)"}\n',
    "  distributions: {X: 'Normal(mu, sigma)'}\n",
    "  distributions:\n    X: Normal(mu, sigma)\n",
    "  distributions: {X: Normal(0), Y: Poisson(lam)}\n",
    "  given: [x > 0, y > 0]\n",
    "  given: [(x) > 0, (y + 1) > 0]\n",
    "  given:\n  - Max(x, y) > 0\n",
]


@pytest.mark.parametrize(("lines", "field", "written", "fix"), SPLIT)
def test_a_split_value_refuses_its_identity_and_names_the_fix(lines, field, written, fix):
    text = HEAD + GOOD + "- id: bad\n  claim: x == x\n" + lines
    loaded = load_text(text, "f.yaml")
    assert [i.id for i in loaded.identities] == ["good"]
    (err,) = loaded.errors
    message = str(err)
    assert err.identity == "bad" and err.field == field
    assert f"YAML split the value '{written}'" in message
    assert "(line 7)" in message
    assert f"({fix})" in message


@pytest.mark.parametrize("lines", WHOLE)
def test_whole_values_load(lines):
    loaded = load_text(HEAD + "- id: ok\n  claim: x == x\n" + lines, "f.yaml")
    assert loaded.errors == []
    assert [i.id for i in loaded.identities] == ["ok"]


def test_a_split_in_the_files_defaults_is_a_file_error():
    loaded = load_text("distributions: {X: Normal(mu, sigma)}\n" + HEAD + GOOD, "f.yaml")
    assert loaded.identities == []
    (err,) = loaded.errors
    assert err.identity is None and err.field == "distributions"
    assert "YAML split the value 'Normal(mu, sigma)' at its comma (line 1)" in str(err)


def test_splits_inside_identities_do_not_hide_one_in_the_defaults():
    bad = "".join(f"- id: b{i}\n  claim: x == x\n  where: [f(a, b)]\n" for i in range(12))
    loaded = load_text(HEAD + bad + "symbols: {h: g(a, b)}\n", "f.yaml")
    (err,) = loaded.errors
    assert err.identity is None and err.field == "symbols"


def test_duplicates_inside_identities_do_not_hide_one_in_the_defaults():
    dup = "".join(f"- id: d{i}\n  claim: x == x\n  symbols: {{x: scalar, x: scalar}}\n" for i in range(12))
    loaded = load_text(HEAD + dup + "layout: numerator\nlayout: denominator\n", "f.yaml")
    (err,) = loaded.errors
    assert err.identity is None and "duplicate key 'layout'" in str(err)


def test_split_values_reports_paths_in_line_order():
    data = load("a: [f(1, 2)]\nb:\n  c: {d: g(3, 4), e: 5}\n")
    assert split_values(data) == [("a[0]", 1, "f(1, 2)"), ("b.c.d", 3, "g(3, 4)")]
    assert split_values(data, skip=("a",)) == [("b.c.d", 3, "g(3, 4)")]


def test_a_comment_inside_the_split_is_not_shown_as_written():
    data = load("a: [f(1,  # one\n  2)]\n")
    assert split_values(data) == [("a[0]", 1, "")]
