"""Dropout and the weight-scaling rule (cheat sheet lines 550-556).

A unit is kept with probability p: its input x_j is multiplied by Z_j ~ Bernoulli(p).  Statements are
written for two or three inputs; expectations over the masks are taken by sympy.stats, or written
out over the 2ᵈ masks where the expectation of a non-linearity is needed.
"""

from __future__ import annotations

from sympy.stats import Expectation

from .._authoring import CONFIRMED, PROVED, Entry, Eq, Ge, Max, exp, log, seed

_DL_BOOK_7 = "Goodfellow, Bengio & Courville, Deep Learning (2016), sec. 7.12"
_SRIVASTAVA = "Srivastava, Hinton, Krizhevsky, Sutskever & Salakhutdinov, Dropout, JMLR (2014)"


def _relu_expectation_over_masks(p, u1, u2):
    """E[ReLU(Z₁u₁ + Z₂u₂)] for independent Z₁, Z₂ ~ Bernoulli(p), summed over the four masks (the empty one gives 0)."""
    return p**2 * Max(0, u1 + u2) + p * (1 - p) * Max(0, u1) + (1 - p) * p * Max(0, u2)


def _ensemble_log_odds(w11, w12, w21, w22, b1, b2, x1, x2):
    """¼ ∑ over the four masks of log(p₁/p₂): the log-odds of the geometric-mean ensemble (keep probability ½)."""
    masks = [(0, 0), (0, 1), (1, 0), (1, 1)]

    def score(k, m):
        wa, wb, bk = ((w11, w12, b1), (w21, w22, b2))[k]
        return wa * m[0] * x1 + wb * m[1] * x2 + bk

    def prob(k, m):
        return exp(score(k, m)) / (exp(score(0, m)) + exp(score(1, m)))

    return sum(log(prob(0, m)) - log(prob(1, m)) for m in masks) / 4


def _weight_scaled_log_odds(w11, w12, w21, w22, b1, b2, x1, x2):
    """t₁ − t₂ for t = W(x/2) + b: the log-odds of the weight-scaled softmax model."""
    return (w11 * x1 + w12 * x2) / 2 + b1 - ((w21 * x1 + w22 * x2) / 2 + b2)


_SOFTMAX_SYMBOLS = {name: "scalar" for name in ("w11", "w12", "w21", "w22", "b1", "b2", "x1", "x2")}

dropout_weight_scaling = Entry(
    id="opt.dropout-weight-scaling",
    title="Dropout weight scaling: for a linear unit E[∑ⱼ Zⱼwⱼxⱼ] = p ∑ⱼ wⱼxⱼ, Zⱼ ~ Bernoulli(p): multiplying the weights "
          "by the keep probability gives the expected input",
    expected=CONFIRMED,
    instance="three inputs; the line is for any number of inputs",
    symbols={"p": "scalar unit", "w1": "scalar", "w2": "scalar", "w3": "scalar", "x1": "scalar", "x2": "scalar",
             "x3": "scalar", "Z1": "random Bernoulli(p)", "Z2": "random Bernoulli(p)", "Z3": "random Bernoulli(p)"},
    statement=lambda p, w1, w2, w3, x1, x2, x3, Z1, Z2, Z3: Eq(
        Expectation(w1 * Z1 * x1 + w2 * Z2 * x2 + w3 * Z3 * x3), p * (w1 * x1 + w2 * x2 + w3 * x3)),
    seed=seed(556, 556, r"**Ex.** Let's say that at the end we selected each unit with a probability of 0.5. Then when typically when we're finished with training our neural network, we're going to multiply all the weights that we obtained with 0.5 to reduce the contribution of each of the features (since we'll have all of them). So with this trick for the prediction we can just do a single forward pass."),
    notes="Three inputs; the sheet's p = ½.  Exact only while the unit is linear in the dropped inputs; through a "
          "non-linearity it is an approximation (opt.dropout-weight-scaling-nonlinear-approximate).  Modern code uses "
          "inverted dropout instead (opt.dropout-inverted).",
    aliases=("dropout scaling", "weight scaling inference rule", "dropout at test time", "dropout prediction"),
    tags=("dropout", "regularization"),
    references=(_DL_BOOK_7, _SRIVASTAVA),
    see_also=("opt.dropout-inverted", "opt.dropout-weight-scaling-nonlinear-approximate"),
)

dropout_weight_scaling_nonlinear_approximate = Entry(
    id="opt.dropout-weight-scaling-nonlinear-approximate",
    title="Through a convex non-linearity weight scaling underestimates the expected output: "
          "E[ReLU(Z₁u₁ + Z₂u₂)] ≥ ReLU(p(u₁ + u₂)) (Jensen), strictly in general",
    expected=CONFIRMED,
    symbols={"p": "scalar unit", "u1": "scalar", "u2": "scalar"},
    statement=lambda p, u1, u2: Ge(_relu_expectation_over_masks(p, u1, u2), Max(0, p * (u1 + u2))),
    notes="uⱼ = wⱼxⱼ; the expectation over the four masks is written out (independent Zⱼ ~ Bernoulli(p)).  Strict, e.g., "
          "at u = (1, −1), p = ½: E = ¼ against ReLU(0) = 0, so weight scaling is not exact through a non-linearity; for "
          "a concave one the inequality reverses.",
    aliases=("dropout approximation", "weight scaling approximate"),
    tags=("dropout", "jensen"),
    references=(_DL_BOOK_7,),
)

dropout_geometric_ensemble_softmax = Entry(
    id="opt.dropout-geometric-ensemble-softmax",
    title="Weight scaling is exactly the renormalised geometric-mean ensemble for softmax regression: both have the "
          "log-odds t₁ − t₂ of W(x/2) + b",
    expected=PROVED,
    symbols=_SOFTMAX_SYMBOLS,
    statement=lambda w11, w12, w21, w22, b1, b2, x1, x2: Eq(
        _ensemble_log_odds(w11, w12, w21, w22, b1, b2, x1, x2), _weight_scaled_log_odds(w11, w12, w21, w22, b1, b2, x1, x2)),
    seed=seed(554, 554, r"It can be shown that this approach leads to a (sometimes exact) approximation of a geometrically averaged ensemble (see DL-Book, 7.12)."),
    notes="Two classes, two inputs, keep probability ½: the geometric mean over the four masks of the sub-models' class "
          "probabilities, renormalised, is σ of its log-odds ¼ ∑ log(p₁/p₂), so it equals the softmax of W(x/2) + b "
          "exactly when the log-odds agree, which is the statement.  The log-probabilities are linear in the mask "
          "up to a class-independent term, which the renormalisation removes ('sometimes exact'); with a hidden "
          "non-linear layer the two differ.",
    aliases=("dropout ensemble", "geometric mean ensemble", "bagging dropout"),
    tags=("dropout", "ensemble"),
    references=(_DL_BOOK_7, "Warde-Farley, Goodfellow, Courville & Bengio, An empirical analysis of dropout (2014)"),
)

dropout_expectation_as_printed = Entry(
    id="opt.dropout-expectation-as-printed",
    title="E[∑ⱼ Zⱼwᵢⱼxⱼ] = ∑ⱼ πⱼwᵢⱼxⱼ for Zⱼ ~ Bernoulli(πⱼ) (garbled as printed: '∑ⱼ wᵢᵀxⱼ = … = ∑ⱼ tⱼ⁻¹wᵢⱼxⱼ')",
    expected=CONFIRMED,
    instance="three inputs; the line is for any number of inputs",
    symbols={"p1": "scalar unit", "p2": "scalar unit", "p3": "scalar unit", "w1": "scalar", "w2": "scalar",
             "w3": "scalar", "x1": "scalar", "x2": "scalar", "x3": "scalar", "Z1": "random Bernoulli(p1)",
             "Z2": "random Bernoulli(p2)", "Z3": "random Bernoulli(p3)"},
    statement=lambda p1, p2, p3, w1, w2, w3, x1, x2, x3, Z1, Z2, Z3: Eq(
        Expectation(w1 * Z1 * x1 + w2 * Z2 * x2 + w3 * Z3 * x3), p1 * w1 * x1 + p2 * w2 * x2 + p3 * w3 * x3),
    notes="Garbled as printed: the left side sums an inner product wᵢᵀxⱼ over j (mixing vector and index notation) and "
          "lacks the keep probabilities, and 'tⱼ⁻¹' is not defined (the layer superscript t − 1 of xⱼᵗ⁻¹ read as a "
          "factor).  The intended middle-to-right equality, E[∑ⱼ Zⱼwᵢⱼxⱼ] = ∑ⱼ πⱼwᵢⱼxⱼ with Zⱼ ~ Bernoulli(πⱼ), is "
          "checked for three inputs with their own keep probabilities: multiplying each weight by its keep "
          "probability gives the expected input of unit i (opt.dropout-weight-scaling, one p for all).",
    seed=seed(550, 550, r"$$\sum_j \vec{w}_i^T \vec{x}_j^{t-1} = \mathbb{E}_{Z \sim P(Z)} \left[ \sum_j Z_j^{t-1} w_{ij} x_j^{t-1} \right] = \sum_j t_j^{-1} w_{ij} x_j^{t-1}$$"),
    corrected_by="opt.dropout-weight-scaling",
    tags=("dropout", "garbled"),
)

dropout_inverted = Entry(
    id="opt.dropout-inverted",
    title="Inverted dropout: Zx/p in training, x at test time; E[Zx/p] = x",
    expected=PROVED,
    symbols={"p": "scalar unit", "x": "scalar", "Z": "random Bernoulli(p)"},
    statement=lambda p, x, Z: Eq(Expectation(Z * x / p), x),
    notes="Per input; torch.nn.functional.dropout scales the kept inputs by 1/p during training, so no rescaling is "
          "needed at test time.",
    aliases=("inverted dropout", "dropout", "torch dropout scaling"),
    tags=("dropout", "regularization"),
    references=(_SRIVASTAVA, _DL_BOOK_7),
    see_also=("opt.dropout-weight-scaling",),
)
