"""Compositions of maps (cheat sheet lines 260-267): linear functions, ReLU, hinges, sigmoid, softmax.

Softmax statements are written for a vector z ∈ ℝⁿ with softmax(z) = exp(z)/(1ᵀexp(z)), exp
taken entrywise and 1 the all-ones vector.
"""

from __future__ import annotations

import sympy as sp
from sympy import OneMatrix

from .._authoring import CONFIRMED, NOT_CHECKABLE, PROVED, D, Entry, Eq, Max, ScalarOf, exp, log, seed
from . import experiments


def _softmax(z):
    """exp(z)/(1ᵀ exp(z)) for a column z."""
    e = z.applyfunc(exp)
    return e / ScalarOf(OneMatrix(1, z.shape[0]) * e)


def _sigma(z):
    return 1 / (1 + exp(-z))


linear_function = Entry(
    id="approx.linear-function",
    title="Linear function: additive and homogeneous",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="f(x + x′) = f(x) + f(x′) and f(ax) = a f(x) for all x, x′ ∈ ℝⁿ and a ∈ ℝ",
    seed=seed(260, 263, r"""**D.** (Linear Function) A function  $f: \mathbb{R}^n \rightarrow \mathbb{R}^m$  is a linear function if the following properties hold

- $\forall \mathbf{x}, \mathbf{x}' \in \mathbb{R}^n: f(\mathbf{x} + \mathbf{x}') = f(\mathbf{x}) + f(\mathbf{x}')$
- $\forall \mathbf{x} \in \mathbb{R}^n: \forall a \in \mathbb{R}: f(a\mathbf{x}) = af(\mathbf{x})$"""),
    aliases=("linear map", "linearity", "additivity", "homogeneity"),
    tags=("linear algebra", "linear function"),
)

relu_is_linear_as_printed = Entry(
    id="approx.relu-is-linear-as-printed",
    title="f: ℝⁿ → ℝ is linear ⟺ f(x) = wᵀx for some w ∈ ℝⁿ (garbled as printed: a stray label '(ReLU)' for f)",
    expected=CONFIRMED,
    experiment=experiments.relu_is_linear_as_printed,
    reason="'for every linear f' quantifies over functions, which no relational states: checked exactly on random "
           "linear maps built without an inner product (each equals wᵀx with wᵢ = f(eᵢ)) and on affine maps, which "
           "are neither linear nor of that form",
    seed=seed(265, 265, r"**T.** (ReLU) is linear  $\iff f(\mathbf{x}) = \mathbf{w}^T \mathbf{x}$  for some  $\mathbf{w} \in \mathbb{R}^n$"),
    corrected_by="deriv.linear-iff-inner-product",
    notes="Garbled as printed: '(ReLU)' stands where the theorem's function belongs; the line is line 198's theorem "
          "(deriv.linear-iff-inner-product, the same claim with the same verdict).  It does not claim that ReLU is "
          "linear; ReLU is positively homogeneous, ReLU(az) = a ReLU(z) for a ≥ 0, but not additive: "
          "ReLU(1 + (−1)) = 0 ≠ 1 = ReLU(1) + ReLU(−1).  The 'if' half is deriv.linear-form-is-linear.",
    see_also=("deriv.linear-iff-inner-product", "deriv.linear-form-is-linear", "approx.linear-function"),
    aliases=("linear iff inner product", "is ReLU linear", "Riesz representation"),
    tags=("linear function", "garbled"),
)

relu = Entry(
    id="approx.relu",
    title="Rectified linear unit: ReLU(z) = max(0, z)",
    expected=NOT_CHECKABLE,
    definition=True,
    symbols={"z": "scalar"},
    statement=lambda z: Eq(sp.Function("ReLU")(z), Max(0, z)),
    reason="applied entrywise to vectors; ReLU(z) = (z + |z|)/2",
    aliases=("ReLU", "rectifier", "rectified linear unit", "max(0,x)"),
    tags=("relu", "activation"),
    see_also=("approx.max-via-absolute-value",),
)

hinge_function = Entry(
    id="approx.hinge-function",
    title="Hinge function (extension of ReLU): h(x) = max(0, wᵀx + b)",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="the seed prints only the heading; a hinge is ReLU applied to an affine function, h(x) = max(0, wᵀx + b)",
    seed=seed(267, 267, r"**D.** (Hinge Function (extension of ReLU))"),
    aliases=("hinge", "ridge function", "ReLU unit"),
    tags=("hinge", "relu"),
    see_also=("approx.k-hinge",),
)

sigmoid = Entry(
    id="approx.sigmoid",
    title="Logistic sigmoid: σ(z) = 1/(1 + exp(−z))",
    expected=NOT_CHECKABLE,
    definition=True,
    symbols={"z": "scalar"},
    statement=lambda z: Eq(sp.Function("sigma")(z), _sigma(z)),
    aliases=("sigmoid", "logistic function"),
    tags=("activation",),
)

sigmoid_derivative = Entry(
    id="approx.sigmoid-derivative",
    title="σ′(z) = σ(z)(1 − σ(z))",
    expected=PROVED,
    symbols={"z": "scalar"},
    statement=lambda z: Eq(D(_sigma(z), z), _sigma(z) * (1 - _sigma(z))),
    aliases=("derivative of sigmoid", "logistic derivative"),
    tags=("activation", "derivative"),
    see_also=("approx.sigmoid",),
)

softmax = Entry(
    id="approx.softmax",
    title="Softmax: softmax(z)ᵢ = exp(zᵢ)/∑ⱼ exp(zⱼ)",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="maps ℝⁿ to the probability simplex; computed stably by subtracting maxⱼ zⱼ (approx.softmax-shift-invariance)",
    aliases=("softmax", "normalized exponential"),
    tags=("activation", "probability"),
)

softmax_shift_invariance = Entry(
    id="approx.softmax-shift-invariance",
    title="Softmax is invariant to adding a constant to every input: softmax(z + s1) = softmax(z)",
    expected=PROVED,
    symbols={"z": "vector n", "s": "scalar"},
    statement=lambda z, s: Eq(_softmax(z + s * OneMatrix(z.shape[0], 1)), _softmax(z)),
    notes="exp(zᵢ + s) = eˢ exp(zᵢ), and the factor eˢ cancels.  Subtracting s = maxⱼ zⱼ keeps exp from overflowing.",
    aliases=("softmax shift", "log-sum-exp trick", "stable softmax"),
    tags=("activation", "numerical stability"),
    see_also=("approx.softmax",),
)

log_softmax = Entry(
    id="approx.log-softmax",
    title="log softmax(z) = z − log(∑ⱼ exp(zⱼ)) 1",
    expected=PROVED,
    symbols={"z": "vector n"},
    statement=lambda z: Eq(_softmax(z).applyfunc(log),
                           z - log(ScalarOf(OneMatrix(1, z.shape[0]) * z.applyfunc(exp))) * OneMatrix(z.shape[0], 1)),
    notes="Computed this way (with the shift of approx.softmax-shift-invariance) it never takes the log of an "
          "underflowed probability.",
    aliases=("log softmax", "log-sum-exp", "logsumexp"),
    tags=("activation", "probability"),
    see_also=("approx.softmax",),
)

relu_net_piecewise_linear = Entry(
    id="approx.relu-net-piecewise-linear",
    title="A ReLU network is continuous and affine on each activation region",
    expected=CONFIRMED,
    experiment=experiments.relu_net_piecewise_linear,
    reason="a claim about every ReLU network: on random nets, inputs that share an activation pattern lie on one affine "
           "map (Jacobian and offset by autograd)",
    notes="On the region where the pattern of active units is fixed every ReLU acts as the identity or as 0, so the net "
          "is a composition of affine maps there.",
    aliases=("ReLU network is piecewise linear", "CPWL network", "activation pattern"),
    tags=("relu", "piecewise linear", "linear regions"),
    references=("Arora, Basu, Mianjy & Mukherjee (2018), Understanding deep neural networks with ReLUs, ICLR",),
    see_also=("approx.region-count-deep-relu-bound",),
)
