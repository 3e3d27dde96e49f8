"""Every notation item of the issue, read into the claim it means (no engine runs here).

Each row: the TeX, its declarations, and the claim text the reader must produce.  The
verdicts of such claims are in test_verdicts.py.
"""

import pytest

VEC = {"x": "vector n", "a": "vector n", "b": "vector n"}
MAT = {"A": "matrix n n", "B": "matrix n n", "x": "vector n"}
RV = {"X": "random", "Y": "random", "a": "scalar", "b": "scalar"}

NOTATION = [
    # bold names are the declared symbols
    (r"\mathbf{x}^\top \mathbf{a} = \boldsymbol{a}^\top \bm{x}", VEC, "x.T*a == a.T*x"),
    (r"\boldsymbol{\mu} = \boldsymbol{\mu}", {"mu": "vector n"}, "mu == mu"),
    # transposes and inverses
    (r"A^T = A^\top", MAT, "A.T == A.T"),
    (r"A^{\mathsf T} = A^{\top}", MAT, "A.T == A.T"),
    (r"A^{-1} A = I", {"A": "matrix n n invertible"}, "A.I*A == Identity(n)"),
    (r"A^{-T} = (A^{-1})^T", {"A": "matrix n n invertible"}, "A.I.T == A.I.T"),
    (r"s^{-1} = \frac{1}{s}", {"s": "scalar positive"}, "s**(-1) == 1/s"),
    # trace and determinant spellings, |X| of a matrix
    (r"\operatorname{tr}(A) = \mathrm{Tr}(A) = \text{tr}(A)", MAT, "tr(A) == tr(A) ; tr(A) == tr(A)"),
    (r"\det(A B) = \det A \det B", MAT, "det(A*B) == det(A)*det(B)"),
    (r"|A| = \det(A)", MAT, "det(A) == det(A)"),
    (r"|s| = \sqrt{s^2}", {"s": "scalar"}, "abs(s) == sqrt(s**2)"),
    # functions
    (r"\log(\exp(s)) = s", {"s": "scalar"}, "log(exp(s)) == s"),
    (r"\log s^2 = 2 \log s", {"s": "scalar positive"}, "log(s**2) == 2*log(s)"),
    (r"\log_2 s = \frac{\ln s}{\ln 2}", {"s": "scalar positive"}, "log(s)/log(2) == log(s)/log(2)"),
    (r"\sqrt[3]{s} = s^{1/3}", {"s": "scalar positive"}, "s**(1/3) == s**(1/3)"),
    (r"\sigma(z) = \frac{1}{1 + e^{-z}}", {"z": "scalar"}, "sigmoid(z) == 1/(1 + exp(-z))"),
    (r"\mathrm{softmax}(\mathbf{z}) = \operatorname{softmax}(\mathbf{z})", {"z": "vector 3"},
     "softmax(z) == softmax(z)"),
    (r"\tanh(z) = 2\sigma(2z) - 1", {"z": "scalar"}, "tanh(z) == 2*sigmoid(2*z) - 1"),
    # derivatives
    (r"\frac{\partial f}{\partial \mathbf{x}} = \nabla_{\mathbf{x}} f", {"x": "vector n", "f": "function x"},
     "D(f, x) == D(f, x)"),
    (r"\frac{\partial}{\partial \mathbf{X}}\left[\log\det \mathbf{X}\right] = \mathbf{X}^{-1}",
     {"X": "matrix n n spd"}, "D(log(det(X)), X) == X.I"),
    (r"\nabla_{\mathbf{x}} \mathbf{x}^T A \mathbf{x} = (A + A^T)\mathbf{x}", MAT, "D(x.T*A*x, x) == (A + A.T)*x"),
    (r"\frac{\partial^2 (s^3)}{\partial s^2} = 6s", {"s": "scalar"}, "D(D(s**3, s), s) == 6*s"),
    (r"\frac{d}{dt} t^2 = 2t", {"t": "scalar"}, "D(t**2, t) == 2*t"),
    (r"\nabla^2_{\mathbf{x}} \mathbf{x}^T A \mathbf{x} = A + A^T", MAT, "D(D(x.T*A*x, x), x) == A + A.T"),
    (r"\partial_t (t^2) = 2t", {"t": "scalar"}, "D(t**2, t) == 2*t"),
    (r"u'(t) = \frac{\partial u}{\partial t}", {"t": "scalar", "u": "function t"}, "D(u, t) == D(u, t)"),
    (r"\nabla_{\theta}[p_\theta(\mathbf{x})] = p_\theta(\mathbf{x})\nabla_\theta[\log p_\theta(\mathbf{x})]",
     {"theta": "vector n", "p_theta": "function theta"}, "D(p_theta, theta) == p_theta*D(log(p_theta), theta)"),
    # expectation, variance, covariance
    (r"\mathbb{E}[aX + b] = a\mathbb{E}[X] + b", RV, "E(a*X + b) == a*E(X) + b"),
    (r"E[X^2] = \mathrm{Var}[X] + E[X]^2", RV, "E(X**2) == Var(X) + E(X)**2"),
    (r"\mathrm{Cov}(X, Y) = \text{Cov}(Y, X)", RV, "Cov(X, Y) == Cov(Y, X)"),
    (r"\mathbb{V}[X] = \operatorname{Var}(X)", RV, "Var(X) == Var(X)"),
    (r"\mathbb{E}_{x \sim p}[x] = \mathbb{E}[x]", {"x": "random"}, "E(x) == E(x)"),
    (r"\mathbb{E}_{g \sim \mathcal{N}(\mu, \sigma^2)}[g] = \mu", {"mu": "scalar", "sigma": "scalar positive"},
     "E(g) == mu"),
    # sums and products
    (r"\sum_{i=1}^{3} x_i = x_1 + x_2 + x_3", {"x": "vector 3"}, "sum(x[i - 1], i, 1, 3) == x[0] + x[1] + x[2]"),
    (r"\sum_i x_i y_i = \langle \mathbf{x}, \mathbf{y} \rangle", {"x": "vector 3", "y": "vector 3"},
     "sum(x[i - 1]*y[i - 1], i, 1, 3) == x.T*y"),
    (r"\prod_{i=1}^{2} s_i = s_1 s_2", {"s_1": "scalar", "s_2": "scalar"}, "s_1*s_2 == s_1*s_2"),
    (r"\mathrm{Var}[\sum_{i=1}^{2} X_i] = \mathrm{Var}[X_1 + X_2]", {"X_1": "random", "X_2": "random"},
     "Var(X_1 + X_2) == Var(X_1 + X_2)"),
    (r"\sum_{i=1}^{2} A_{ii} = A_{11} + A_{22}", {"A": "matrix 2 2"},
     "sum(A[i - 1, i - 1], i, 1, 2) == A[0, 0] + A[1, 1]"),
    (r"\sum_{j=1}^{2} A_{1,j} = A_{12} + A_{1 1}", {"A": "matrix 2 2"},
     "sum(A[0, j - 1], j, 1, 2) == A[0, 1] + A[0, 0]"),
    # products of matrices and vectors
    (r"\mathbf{a} \odot \mathbf{b} = \mathbf{b} \odot \mathbf{a}", VEC, "hadamard(a, b) == hadamard(b, a)"),
    (r"A \otimes B = B \otimes A", MAT, "kron(A, B) == kron(B, A)"),
    (r"\operatorname{diag}(\mathbf{a})\mathbf{b} = \mathbf{a} \odot \mathbf{b}", VEC,
     "diag(a)*b == hadamard(a, b)"),
    (r"\|\mathbf{x}\|^2 = \langle \mathbf{x}, \mathbf{x} \rangle", VEC, "x.T*x == x.T*x"),
    (r"\|\mathbf{x}\|_2 = \sqrt{\mathbf{x}^T\mathbf{x}}", VEC, "sqrt(x.T*x) == sqrt(x.T*x)"),
    (r"\|A\|_F^2 = \operatorname{tr}(A^T A)", MAT, "tr(A.T*A) == tr(A.T*A)"),
    (r"\langle A, B \rangle = \operatorname{tr}(A^T B)", MAT, "tr(A.T*B) == tr(A.T*B)"),
    (r"\mathbf{ab}^T = \mathbf{a}\mathbf{b}^\top", VEC, "a*b.T == a*b.T"),
    # fractions, brackets, spacing
    (r"\frac{1}{2} s + \frac12 s = \tfrac{1}{2}(2s)", {"s": "scalar"}, "1/2*s + 1/2*s == 1/2*(2*s)"),
    (r"\left( s \right)^2 = \bigl[ s \bigr]^2 \, \; \! \quad", {"s": "scalar"}, "s**2 == s**2"),
    # sizes of I and 0 from the other operand, and I_n
    (r"A + \mathbf{I} = \mathbf{I} + A", MAT, "A + Identity(n) == Identity(n) + A"),
    (r"A \mathbf{x} - A \mathbf{x} = 0", MAT, "A*x - A*x == zeros(n, 1)"),
    (r"\operatorname{tr}(I_n) = n", {"x": "vector n"}, "tr(Identity(n)) == n"),
    # names: subscripts that are not indices, decorations, primes and stars
    (r"\eta_t \hat{x} = \bar{x}^* x'", {"eta_t": "scalar", "x_hat": "scalar", "x_bar_star": "scalar",
                                       "x_prime": "scalar"}, "eta_t*x_hat == x_bar_star*x_prime"),
    (r"\lambda + \varepsilon = \mathcal{L}", {"lam": "scalar", "epsilon": "scalar", "calL": "scalar"},
     "lam + epsilon == calL"),
    # a matrix inequality is the Loewner order
    (r"A^T A \succeq 0", {"A": "matrix m n"}, "z_psd.T*(A.T*A)*z_psd >= 0"),
    (r"B \geq A", {"A": "matrix n n", "B": "matrix n n"}, "z_psd.T*(B - A)*z_psd >= 0"),
]


@pytest.mark.parametrize("tex, symbols, claim", NOTATION, ids=[row[0][:40] for row in NOTATION])
def test_notation_is_read_as_its_claim(claim_of, tex, symbols, claim):
    assert claim_of(tex, symbols).replace("ERROR: ", "!") == claim


def test_the_first_relation_of_a_chain(read, md):
    notes = read(md("$$ s^2 = s \\cdot s = s s $$\n", {"s": "scalar"}))
    assert [c.claim for c in notes.claims] == ["s**2 == s*s", "s*s == s*s"]


def test_tex_names_in_declarations(claim_of):
    assert claim_of(r"\mathbf{x} = \boldsymbol{\mu}_{0}", {r"\mathbf{x}": "vector n", r"\boldsymbol{\mu}_0":
                                                          "vector n"}) == "x == mu_0"


def test_newcommand_and_front_matter_macros(read, md):
    notes = read(md("$$ \\norm{\\mathbf{x}}^2 = \\ip{x}{x} $$\n", {"x": "vector n"},
                          macros={r"\norm": r"\left\|#1\right\|", r"\ip": r"\mathbf{#1}^T\mathbf{#2}"}))
    assert notes.claims[0].claim == "x.T*x == x.T*x"
    tex = ("% sheetproof:\n%   symbols: {x: vector n}\n\\newcommand{\\sq}[1]{#1^T #1}\n\\begin{document}\n"
           "\\newcommand{\\late}{x}\n\\[ \\sq{x} = \\late \\]\n\\end{document}\n")
    notes = read(tex, "latex", "n.tex")
    assert "unknown command \\late" in notes.claims[0].error  # only the preamble defines macros


UNREADABLE = [
    (r"f(X = x) = 1", {"X": "random", "x": "scalar", "f": "function x"}, "an event such as P(X = x)"),
    (r"\int s \, ds = \frac12", {"s": "scalar"}, "an integral without bounds (an antiderivative)"),
    (r"x_1 + x_3 + \dots + x_n = 0", {"x": "vector n"}, "ellipsis"),
    (r"\mathbf{y} = \mathbf{x}", {"x": "vector n"}, "unknown symbol 'y' (written \\mathbf{y})"),
    (r"f(x, y) = 0", {"x": "scalar", "y": "scalar", "f": "function x"}, "not in the claim grammar"),
    (r"\sum_{i < j < k} x_i = 0", {"x": "vector 3"}, "a sum over a condition"),
    (r"\sum_{i < j} x_i = 0", {"x": "vector 3"}, "\\sum_j without bounds"),
    (r"\sum_{i=1}^{m} x_i = 0", {"x": "vector n"}, "m is neither a number nor a size"),
    (r"|\mathbf{x}| = 1", {"x": "vector n"}, "write \\|x\\| for a norm"),
    (r"A = B", {"A": "matrix n n"}, "unknown symbol 'B'"),
    (r"\foo{x} = 1", {"x": "scalar"}, "unknown command \\foo"),
    (r"x \pm 1 = 0", {"x": "scalar"}, "stands for two claims"),
    (r"\nabla f = 0", {"x": "vector n", "f": "function x"}, "\\nabla without its variable"),
    (r"\mathbf{x} \leq \mathbf{y}", {"x": "vector n", "y": "vector n"}, "compares scalars"),
    (r"\mathbf{I} = \mathbf{I}", {}, "size of I or 0 cannot be told"),
    (r"Q(A | B) = 1", {"A": "random", "B": "random", "Q": "scalar"}, "conditional bar"),
    (r"x \in [0, 1] \Leftrightarrow 0 \leq x \leq 1", {"x": "scalar"}, "equivalence"),
    (r"\max_x f = 1", {"x": "scalar", "f": "function x"}, "an optimum over a variable"),
]


@pytest.mark.parametrize("tex, symbols, why", UNREADABLE, ids=[row[0][:40] for row in UNREADABLE])
def test_unreadable_equations_say_why(read, md, tex, symbols, why):
    notes = read(md(f"$$ {tex} $$\n", symbols))
    errors = [c.error for c in notes.claims if c.error]
    assert any(why in e for e in errors), errors


# Notation that needs constructs of the claim grammar which come with the vocabulary extension (issue 11):
# read as its claim where the grammar has the construct, refused with the reason where it does not.
from verify.notes.translate_ops import function_calls_supported, grammar_has, symbolic_sums_supported  # noqa: E402

GRAMMAR = {"symbolic sums": symbolic_sums_supported(), "calls": function_calls_supported(),
           "events": grammar_has("P"), "laws": grammar_has("cdf") and grammar_has("density")}
EXTENDED = [  # (tex, symbols, claim where supported, construct, message where not)
    (r"\sum_{i=1}^{n} x_i^2 = \mathbf{x}^T\mathbf{x}", {"x": "vector n"}, "sum(x[i - 1]**2, i, 1, n) == x.T*x",
     "symbolic sums", "the claim grammar takes numeric bounds only"),
    (r"\sum_i x_i y_i = \langle \mathbf{x}, \mathbf{y} \rangle", {"x": "vector n", "y": "vector n"},
     "sum(x[i - 1]*y[i - 1], i, 1, n) == x.T*y", "symbolic sums", "numeric bounds only"),
    (r"u(2t) = u(g(t))", {"t": "scalar", "u": "function t", "g": "function t"}, "u(2*t) == u(g)", "calls",
     "with another argument is not in the claim grammar"),
    (r"P(X > a) \leq \frac{\mathbb{E}[X]}{a}", {"a": "scalar positive", "X": "random"}, "P(X > a) <= E(X)/a",
     "events", "P(...), are not in the claim grammar yet"),
    (r"\Pr(0 < X \leq a) = \mathbb{P}(X \leq a) - P(X \leq 0)", {"a": "scalar positive", "X": "random"},
     "P(And(0 < X, X <= a)) == P(X <= a) - P(X <= 0)", "events", "not in the claim grammar yet"),
    (r"P(|X| \geq a \mid Y) = P(|X| \geq a)", {"a": "scalar positive", "X": "random", "Y": "random"},
     "P((abs(X) >= a) | Y) == P(abs(X) >= a)", "events", "not in the claim grammar yet"),
    (r"P(X = 1, Y = 0) = 0", {"X": "random", "Y": "random"}, "P(And(X == 1, Y == 0)) == 0", "events",
     "not in the claim grammar yet"),
    (r"\frac{\partial}{\partial t} F_X(t) = f_X(t)", {"t": "scalar", "X": "random"},
     "D(cdf(X, t), t) == density(X, t)", "laws", "unknown function 'F_X'"),
    (r"P(X) = 1", {"X": "random"}, "!P(...) needs an event", "events", "not in the claim grammar yet"),
    (r"P(X > 0 \mid Y > 0) = 1", {"X": "random", "Y": "random"}, "P((X > 0) | (Y > 0)) == 1", "events",
     "not in the claim grammar yet"),
]


@pytest.mark.parametrize("tex, symbols, claim, construct, missing", EXTENDED, ids=[row[0][:40] for row in EXTENDED])
def test_notation_of_the_extended_grammar(read, md, tex, symbols, claim, construct, missing):
    notes = read(md(f"$$ {tex} $$\n", symbols))
    got = " ; ".join(c.claim if c.error is None else "!" + c.error for c in notes.claims)
    if GRAMMAR[construct]:
        assert got == claim if not claim.startswith("!") else claim[1:] in got
    else:
        assert missing in got, got
