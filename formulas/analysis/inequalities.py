"""The log-derivative trick and the Cauchy-Schwarz inequality (cheat sheet lines 59-69)."""

from __future__ import annotations

from .._authoring import CONFIRMED, PROVED, REFUTED, Abs, D, Entry, Eq, Ge, Le, ScalarOf, log, seed, sqrt
from . import experiments

_HORN_JOHNSON = ("Horn & Johnson, Matrix Analysis, sec. 5.1",)
_PREFIX_NOTE = "The prefix '∇_u · ∇_v : V :' is read as a garbled 'for all u, v in V'; checked for the Euclidean " \
               "inner product on ℝⁿ."

log_derivative_trick = Entry(
    id="anal.log-derivative-trick",
    title="Log-derivative trick: ∇p = p ∇log p",
    expected=PROVED,
    symbols={"theta": "vector n", "p": "function theta"},
    statement=lambda theta, p: Eq(D(p, theta), p * D(log(p), theta)),
    seed=seed(59, 59, r"**Log-Trick (Identity):**  $\nabla_\theta [p_\theta(\mathbf{x})] = p_\theta(\mathbf{x}) \nabla_\theta [\log(p_\theta(\mathbf{x}))]$"),
    notes="Holds wherever p > 0; x is held fixed, so p(x; θ) is a scalar function of θ and the gradients are in θ.",
    aliases=("log trick", "log derivative trick", "score function", "REINFORCE", "likelihood ratio trick",
             "grad log p"),
    tags=("gradient", "score function", "policy gradient", "variational inference"),
    references=("Williams (1992), Simple statistical gradient-following algorithms",),
)


def _norm(u):
    return sqrt(ScalarOf(u.T * u))


cauchy_schwarz_inner_product = Entry(
    id="anal.cauchy-schwarz-inner-product",
    title="Cauchy-Schwarz: ⟨u, v⟩ ≤ ‖u‖ ‖v‖",
    expected=CONFIRMED,
    symbols={"u": "vector n", "v": "vector n"},
    statement=lambda u, v: Le(ScalarOf(u.T * v), _norm(u) * _norm(v)),
    seed=seed(63, 63, r"$\nabla_\mathbf{u} \cdot \nabla_\mathbf{v} : V : \langle \mathbf{u}, \mathbf{v} \rangle \leq \|\mathbf{u}\| \|\mathbf{v}\|$"),
    notes=_PREFIX_NOTE,
    aliases=("Cauchy-Schwarz", "Cauchy Schwarz inequality", "inner product bound", "CS inequality"),
    tags=("inequality", "inner product", "norm"),
    references=_HORN_JOHNSON,
)

cauchy_schwarz_abs = Entry(
    id="anal.cauchy-schwarz-abs",
    title="Cauchy-Schwarz with the absolute value: |⟨u, v⟩| ≤ ‖u‖ ‖v‖",
    expected=CONFIRMED,
    symbols={"u": "vector n", "v": "vector n"},
    statement=lambda u, v: Le(Abs(ScalarOf(u.T * v)), _norm(u) * _norm(v)),
    aliases=("Cauchy-Schwarz", "Cauchy Schwarz inequality", "absolute inner product bound"),
    tags=("inequality", "inner product", "norm"),
    references=_HORN_JOHNSON,
)

cauchy_schwarz_nonnegative_as_printed = Entry(
    id="anal.cauchy-schwarz-nonnegative-as-printed",
    title="Cauchy-Schwarz as printed with a lower bound: 0 ≤ ⟨u, v⟩ ≤ ‖u‖ ‖v‖",
    expected=REFUTED,
    symbols={"u": "vector n", "v": "vector n"},
    statement=lambda u, v: Ge(ScalarOf(u.T * v), 0),
    seed=seed(65, 65, r"$\nabla_\mathbf{u} \cdot \nabla_\mathbf{v} : V : 0 \leq \langle \mathbf{u}, \mathbf{v} \rangle \leq \|\mathbf{u}\| \|\mathbf{v}\|$"),
    corrected_by="anal.cauchy-schwarz-abs",
    reason="the chain is a conjunction; its first half, 0 ≤ ⟨u, v⟩, is the statement checked, and refuting it "
           "refutes the chain",
    notes="Inner products can be negative (u = −v); the lower bound is −‖u‖ ‖v‖.  The well-formed chain makes a "
          "claim a reader could take at its word, so it is read as printed; with absolute value bars "
          "(0 ≤ |⟨u, v⟩| ≤ ‖u‖ ‖v‖) it is anal.cauchy-schwarz-abs.  " + _PREFIX_NOTE,
    aliases=("Cauchy-Schwarz", "inner product nonnegative"),
    tags=("inequality", "inner product", "norm", "erratum"),
)

cauchy_schwarz_sums = Entry(
    id="anal.cauchy-schwarz-sums",
    title="Cauchy-Schwarz for sums: (∑ xᵢyᵢ)² ≤ (∑ xᵢ²)(∑ yᵢ²)",
    expected=CONFIRMED,
    symbols={"x": "vector n", "y": "vector n"},
    statement=lambda x, y: Le(ScalarOf(x.T * y) ** 2, ScalarOf(x.T * x) * ScalarOf(y.T * y)),
    seed=seed(67, 67, r"Special case:  $(\sum x_i y_i)^2 \leq (\sum x_i^2)(\sum y_i^2)$ ."),
    notes="Evidence, not a proof at every n: exact algebra at n = 2 and 3 (Lagrange's identity makes the gap a sum "
          "of squares) and float64 draws up to n = 5; the engine has no proof of the inequality at symbolic size.",
    aliases=("Cauchy-Schwarz", "Cauchy Schwarz for sums", "Lagrange identity", "sum of products bound"),
    tags=("inequality", "inner product"),
    references=("Hardy, Littlewood & Polya, Inequalities (1952), sec. 2.4",),
)

_CS_EXPECTATION_EVIDENCE = ("an inequality over all joint distributions; the engine's random-variable checks decide "
                            "equalities only, so it is checked exactly on random finite joint distributions with "
                            "rational probabilities")

cauchy_schwarz_expectation_as_printed = Entry(
    id="anal.cauchy-schwarz-expectation-as-printed",
    title="Cauchy-Schwarz for expectations: E[XY]² ≤ E[X²] E[Y²] (garbled as printed: 'E[X]²')",
    expected=CONFIRMED,
    experiment=experiments.cauchy_schwarz_expectation,
    reason=_CS_EXPECTATION_EVIDENCE,
    seed=seed(69, 69, r"Special case:  $E[X]^2 \leq E[X^2] E[Y^2]$ ."),
    corrected_by="anal.cauchy-schwarz-expectation",
    notes="Garbled as printed: the Y of E[XY] is lost, so Y appears only on the right, which no special case of "
          "Cauchy-Schwarz allows (read literally, Y = 0 and E[X] ≠ 0 refute it); the intended inequality is checked.",
    aliases=("Cauchy-Schwarz", "Cauchy Schwarz for expectations"),
    tags=("inequality", "expectation"),
    references=("Casella & Berger, Statistical Inference (2nd ed.), Thm. 4.7.3",),
)

cauchy_schwarz_expectation = Entry(
    id="anal.cauchy-schwarz-expectation",
    title="Cauchy-Schwarz for expectations: E[XY]² ≤ E[X²] E[Y²]",
    expected=CONFIRMED,
    experiment=experiments.cauchy_schwarz_expectation,
    reason=_CS_EXPECTATION_EVIDENCE,
    aliases=("Cauchy-Schwarz", "Cauchy Schwarz for expectations", "covariance inequality"),
    tags=("inequality", "expectation"),
    references=("Casella & Berger, Statistical Inference (2nd ed.), Thm. 4.7.3",),
)
