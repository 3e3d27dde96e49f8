"""Formulas into claims: chains, align rows, separators, conditions, premises, notation that is not a claim."""

import pytest

S = {"a": "scalar", "b": "scalar", "c": "scalar", "t": "scalar", "x": "scalar positive", "X": "random",
     "Y": "random"}


def claims(read, md, body, symbols=S, **header):
    notes = read(md(body, symbols, **header))
    assert not notes.errors, notes.errors
    return notes


def test_a_chain_is_one_claim_per_link(read, md):
    notes = claims(read, md, "$$ a = b = c \\leq a + 1 $$\n")
    assert [(c.claim, c.relation) for c in notes.claims] == [("a == b", "=="), ("b == c", "=="),
                                                              ("c <= a + 1", "<=")]


def test_align_rows_and_continued_links(read, md):
    notes = claims(read, md, "\\begin{align}\n a &= b \\\\\n   &= c \\\\\n b &\\neq c\n\\end{align}\n")
    first = notes.claims[0].line
    assert [(c.id, c.claim, c.line - first) for c in notes.claims] == [
        (f"L{first}", "a == b", 0), (f"L{first + 1}", "b == c", 1), (f"L{first + 2}", "b != c", 2)]


def test_aligned_inside_display_math(read, md):
    notes = claims(read, md, "$$\\begin{aligned} a &= b \\\\ c &= a \\end{aligned}$$\n")
    assert [c.claim for c in notes.claims] == ["a == b", "c == a"]


@pytest.mark.parametrize("sep", ["\\quad", "\\qquad", ",", ";", "\\text{and}", "\\text{ and }", "\\mbox{or}"])
def test_separators_make_separate_claims(read, md, sep):
    notes = claims(read, md, f"$$ a = a {sep} b \\geq b $$\n")
    assert [c.claim for c in notes.claims] == ["a == a", "b >= b"]


def test_a_condition_restricts_the_claims_before_it(read, md):
    notes = claims(read, md, "$$ \\log(x) \\leq x - 1 \\quad \\text{for } x > 0, t < 1 $$\n")
    (c,) = notes.claims
    assert c.identity.claim == "log(x) <= x - 1" and c.identity.where == ("x > 0", "t < 1")
    assert c.claim == "log(x) <= x - 1   (where: x > 0; t < 1)"  # the claim as understood shows its conditions


def test_forall_names_and_restrictions(read, md):
    notes = claims(read, md, "$$ \\forall t \\in [0, 1]: t^2 \\leq t $$\n")
    (c,) = notes.claims
    assert c.identity.claim == "t**2 <= t" and c.identity.where == ("0 <= t", "t <= 1")
    notes = claims(read, md, "$$ t^2 \\geq 0 \\quad \\forall t $$\n")
    assert notes.claims[0].identity.where == ()


def test_a_premise_restricts_the_conclusion(read, md):
    notes = claims(read, md, "$$ a > 0 \\Rightarrow a^2 > 0 $$\n")
    assert [c.identity.claim for c in notes.claims] == ["a**2 > 0"]
    assert notes.claims[0].identity.where == ("a > 0",)
    assert [n.why for n in notes.not_claims] == ["the premise of an implication (\\Rightarrow)"]


def test_a_premise_outside_the_formula_needs_a_declaration(read, md):
    notes = claims(read, md, "$$ \\Rightarrow \\mathrm{Cov}(X, Y) = 0 $$\n")
    assert "premise outside the formula" in notes.claims[0].error
    notes = claims(read, md, "$$ \\Rightarrow \\mathrm{Cov}(X, Y) = 0 $$\n"
                             "<!-- sheetproof: given=\"independent X Y\" -->\n")
    assert notes.claims[0].identity.given == ("independent X Y",)


def test_an_equivalence_is_not_an_identity(read, md):
    notes = claims(read, md, "$$ a = b \\iff b = a $$\n")
    assert all("equivalence" in c.error for c in notes.claims)


@pytest.mark.parametrize("tex, why", [
    ("f := a^2", "a definition (:=)"),
    ("a^2 =: f", "a definition (=:)"),
    ("a \\coloneqq b", "a definition (:=)"),
    ("a \\approx b", "an approximation"),
    ("X \\sim \\mathcal{N}(0, 1)", "a statement about a distribution"),
    ("x \\in \\mathbb{R}", "a membership"),
    ("a \\rightarrow 0", "a map or a limit"),
    ("a \\leftarrow a + 1", "an assignment"),
    ("a \\propto b", "a proportionality"),
])
def test_notation_that_is_not_a_claim_is_listed_with_what_it_is(read, md, tex, why):
    notes = claims(read, md, f"$$ {tex} $$\n")
    assert notes.claims == [] and [n.why.startswith(why) for n in notes.not_claims] == [True]


def test_stackrel_annotations(read, md):
    notes = claims(read, md, "$$ a \\stackrel{(i)}{=} a \\overset{\\text{def}}{=} b $$\n")
    assert [c.claim for c in notes.claims] == ["a == a"]
    assert notes.not_claims[0].why.startswith("a definition")


def test_a_formula_without_a_relation_is_no_claim(read, md):
    notes = claims(read, md, "$$ a + b $$\n\n$$ \\int_0^1 a \\, da $$\n")
    assert notes.claims == [] and notes.not_claims == []


def test_a_relation_with_an_empty_side_is_unreadable(read, md):
    notes = claims(read, md, "$$ = a + b $$\n")
    assert "no left side" in notes.claims[0].error
