"""An undeclared ``\\pi`` before a bracket is the constant times the bracket: ``\\log\\det(2\\pi(\\mathbf{A} + \\mathbf{B}))``.

It was read as a call of an unknown function ``pi``; declared as a function (a policy ``\\pi(a)``), it is one."""

SYMBOLS = {"A": "matrix n n spd", "t": "scalar", "x": "scalar"}


def test_pi_before_a_bracket_multiplies_it(claim_of):
    assert claim_of(r"2\pi(t + 1) = 2\pi t + 2\pi", SYMBOLS) == "2*(pi*(t + 1)) == 2*pi*t + 2*pi"
    assert claim_of(r"\log\det(2\pi\mathbf{A}) = n \log(2\pi) + \log\det(\mathbf{A})", SYMBOLS) == \
        "log(det(2*pi*A)) == n*log(2*pi) + log(det(A))"


def test_pi_of_a_lone_name_stays_unread_unless_declared(claim_of):
    """\\pi(x), \\pi(\\theta) are a policy or a prior in ML notes as often as pi times x: not guessed."""
    assert claim_of(r"\pi(x) \leq 1", SYMBOLS).startswith("ERROR: unknown function 'pi'")


def test_a_declared_pi_function_is_called(claim_of):
    assert claim_of(r"\pi(x) \leq 1", {"x": "scalar", "pi": "function x"}) == "pi <= 1"
