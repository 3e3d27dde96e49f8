"""Regressions: scripts and decorations on function words are never dropped; ``^\\mathsf{T}`` without braces.

``\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))`` was read as ``sigmoid(z) == sigmoid(z)*(1 - sigmoid(z))`` (the prime
lost) and refuted: a false refutation of a true line.  Its siblings: ``\\hat{\\mathbb{E}}[X]`` read as E(X),
``\\tilde{P}``, ``\\hat{\\sigma}`` as P and sigmoid, ``\\tanh^{-1}(z)`` as 1/tanh(z), ``\\log s r`` as log(s) r.
"""

import pytest

Z = {"z": "scalar", "w": "scalar positive"}
READ = [
    (r"\sigma'(z) = \sigma(z)(1 - \sigma(z))", Z, "D(sigmoid(z), z) == sigmoid(z)*(1 - sigmoid(z))"),
    (r"\sigma''(z) = 0", Z, "D(D(sigmoid(z), z), z) == 0"),
    (r"\mathbf{x}^\mathsf{T}\mathbf{y} = \mathbf{y}^\mathrm{T}\mathbf{x}", {"x": "vector n", "y": "vector n"},
     "x.T*y == y.T*x"),
    (r"(A^{\mathsf{T}})^{-\mathsf{T}} = A^{-1}", {"A": "matrix n n invertible"}, "A.T.I.T == A.I"),
    # a function without brackets takes the juxtaposed factors, up to the next function (as in print)
    (r"\log w z = \log w + \log z", {"w": "scalar positive", "z": "scalar positive"}, "log(w*z) == log(w) + log(z)"),
    (r"\log 2\pi w^2 = \log 2 + \log \pi + 2\log w", {"w": "scalar positive"},
     "log(2*pi*w**2) == log(2) + log(pi) + 2*log(w)"),
    (r"\sin z \cos z = \frac{1}{2}\sin 2z", Z, "sin(z)*cos(z) == 1/2*sin(2*z)"),
    (r"\log w \log w = \log w \cdot \log w", {"w": "scalar positive"}, "log(w)*log(w) == log(w)*log(w)"),
    (r"\log w \cdot z = z \log w", {"w": "scalar positive", "z": "scalar"}, "log(w)*z == z*log(w)"),
    (r"\det \mathbf{A}\mathbf{B} = \det \mathbf{A} \det \mathbf{B}", {"A": "matrix n n", "B": "matrix n n"},
     "det(A*B) == det(A)*det(B)"),
    (r"\log \mathbf{x}^\top\mathbf{x} = \log(\mathbf{x}^\top\mathbf{x})", {"x": "vector n"},
     "log(x.T*x) == log(x.T*x)"),
    # the letter T: a transpose unless T is declared; then a scalar's ^T is a power (RL notes: gamma^T)
    (r"\gamma^T \leq 1", {"gamma": "scalar unit", "T": "scalar positive integer"}, "gamma**T <= 1"),
    (r"\mathbf{x}^T\mathbf{x} \geq 0", {"x": "vector n"}, "x.T*x >= 0"),
    # the bold 1 and 0 beside a matrix or vector take its size (1^T x was unreadable)
    (r"\mathbf{1}^\top \mathbf{x} = \sum_{i=1}^n x_i", {"x": "vector n"}, "ones(n, 1).T*x == sum(x[i - 1], i, 1, n)"),
    (r"\mathbf{A}\mathbf{1} = \mathbf{A}\mathbf{1}", {"A": "matrix m n"}, "A*ones(n, 1) == A*ones(n, 1)"),
    (r"\mathbf{A}\mathbf{0} = \mathbf{0}", {"A": "matrix m n"}, "A*zeros(n, 1) == zeros(m, 1)"),
    # a size letter before a bracket multiplies it
    (r"\sum_{i=1}^{n} i = \frac{n(n+1)}{2}", {"x": "vector n"}, "sum(i, i, 1, n) == n*(n + 1)/2"),
    # vectors and non-square matrices: elementwise, the only meaning
    (r"\exp(\mathbf{x}) = e^{\mathbf{x}}", {"x": "vector n"}, "exp(x) == exp(x)"),
    (r"\sqrt{\mathbf{x}^\top\mathbf{x}} \geq 0", {"x": "vector n"}, "sqrt(x.T*x) >= 0"),
    (r"\log(\mathbf{W}) = \log(\mathbf{W})", {"W": "matrix m n"}, "log(W) == log(W)"),
]
REFUSED = [
    # a decorated function word is another function (an estimate, a smoothed law), never the word itself
    (r"\hat{\mathbb{E}}[X] = \mathbb{E}[X]", {"X": "random"}, "bbE_hat"),
    (r"\bar{E}[X] = 0", {"X": "random"}, "E_bar"),
    (r"\hat{\sigma}(z) = \sigma(z)", Z, "sigma_hat"),
    (r"\tilde{P}(X > 0) = P(X > 0)", {"X": "random"}, "not in the claim grammar"),
    # f^{-1} of a function word: the inverse function or the reciprocal
    (r"\tanh^{-1}(z) = 0", Z, "inverse function in some notes"),
    (r"\log^{-1} w = 1", Z, "inverse function in some notes"),
    (r"\mathbf{x}^T\mathbf{x} \geq 0", {"x": "vector n", "T": "scalar"}, "the transpose or the T-th power"),
    # a bracketed superscript is an index (a sample, a layer) or a derivative's order, never a power
    (r"z^{(2)} = z^2", Z, "superscript in brackets"),
    (r"\mathbf{W}^{[2]} = \mathbf{W}\mathbf{W}", {"W": "matrix n n"}, "superscript in brackets"),
    # e^A, \log S, \sqrt{S} of a square matrix: the matrix function in notes, elementwise in the claim grammar
    (r"e^{\mathbf{A}} = \mathbf{I} + \mathbf{A}", {"A": "matrix n n"}, "exp of the square matrix A"),
    (r"\exp(\mathbf{A}) = \mathbf{A}", {"A": "matrix n n"}, "exp of the square matrix A"),
    (r"\log \det \mathbf{S} = \operatorname{tr} \log \mathbf{S}", {"S": "matrix n n spd"},
     "log of the square matrix S"),
    (r"\sqrt{\mathbf{S}}\sqrt{\mathbf{S}} = \mathbf{S}", {"S": "matrix n n spd"}, "sqrt of the square matrix S"),
    (r"\sigma'(2z) = 2", Z, "a prime on the function sigmoid"),  # at an expression: not guessed
    (r"f'_X(t) = 0", {"X": "random", "t": "scalar"}, "derivative of a law's function is not read"),
]


@pytest.mark.parametrize(("tex", "symbols", "claim"), READ)
def test_read(claim_of, tex, symbols, claim):
    assert claim_of(tex, symbols) == claim


@pytest.mark.parametrize(("tex", "symbols", "why"), REFUSED)
def test_refused_with_reason(claim_of, tex, symbols, why):
    out = claim_of(tex, symbols)
    assert out.startswith("ERROR: ") and why in out, out


def test_sigmoid_derivative_line_is_proved():
    from tests.notes.conftest import markdown
    from verify.notes import check_loaded_notes, load_notes_text

    text = markdown("$$ \\sigma'(z) = \\sigma(z)(1 - \\sigma(z)) $$\n", Z)
    report = check_loaded_notes([load_notes_text(text, "p.md", "markdown")], timeout=60, jobs=1)
    assert [r.result.verdict.value for r in report.results] == ["proved"]
