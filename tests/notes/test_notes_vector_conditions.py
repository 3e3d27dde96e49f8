"""``\\theta \\neq \\theta^*`` as a condition of vectors: they differ in some entry (a squared distance != 0)."""

SYMBOLS = {"theta": "vector n", "theta_star": "vector n", "A": "matrix n n", "B": "matrix n n", "t": "scalar"}


def test_vectors_and_matrices_that_differ(read, md):
    notes = read(md("$$ \\forall \\theta \\neq \\theta^* : \\theta^T \\theta \\geq 0 $$\n\n"
                    "$$ \\operatorname{tr}(A) \\geq 0 \\quad \\text{for } A \\neq B $$\n\n"
                    "$$ t^2 > 0 \\quad \\text{for } t \\neq 0 $$\n", SYMBOLS))
    assert [c.identity.where for c in notes.claims] == [
        ("((theta) - (theta_star)).T*((theta) - (theta_star)) != 0",), ("tr(((A) - (B)).T*((A) - (B))) != 0",),
        ("t != 0",)]


def test_a_condition_between_different_shapes_is_unreadable(read, md):
    notes = read(md("$$ t^2 \\geq 0 \\quad \\text{for } \\theta \\neq A $$\n", SYMBOLS))
    assert "compares a n x 1 with a n x n value" in notes.claims[0].error
