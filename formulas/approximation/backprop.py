"""Backpropagation (cheat sheet lines 250-254): errors eˡ = ∇_{xˡ}R run backwards through the transposed Jacobians.

A network is xˡ = Fˡ(xˡ⁻¹), with Fˡ(x) = φ(Wˡx + bˡ) for hidden layers and an affine last layer.  The
errors are eˡ = ∂R/∂xˡ, the gradient of the risk R with respect to layer l's output, in denominator
layout (a column with the shape of xˡ).  The statements take a general layer g (a declared smooth
function) or a tanh layer, and the squared error as the risk downstream.
"""

from __future__ import annotations

from sympy import HadamardProduct, OneMatrix, tanh

from .._authoring import CONFIRMED, NOT_CHECKABLE, PROVED, D, Entry, Eq, ScalarOf, seed

_DLBOOK = "Goodfellow, Bengio & Courville (2016), Deep Learning, ch. 6"
_RUMELHART = "Rumelhart, Hinton & Williams (1986), Nature 323"


def _half_squared_norm(v):
    """½‖v‖² as a scalar."""
    return ScalarOf(v.T * v) / 2


def _tanh_layer(W, x, b):
    return (W * x + b).applyfunc(tanh)


backprop_as_printed = Entry(
    id="approx.backprop-as-printed",
    title="Backpropagation as another network in the reversed direction: eˡ = (J⁽ˡ⁺¹⁾)ᵀ(J⁽ˡ⁺²⁾)ᵀ ⋯ eᴸ "
          "(garbled as printed)",
    expected=PROVED,
    symbols={"x": "vector n", "g": "function x k", "C": "matrix m k", "c": "vector m", "y": "vector m"},
    # two layers after x: g (general), then C g + c; R = ½‖C g + c − y‖², so e = C g + c − y at the output
    statement=lambda x, g, C, c, y: Eq(D(_half_squared_norm(C * g + c - y), x), D(g, x) * C.T * (C * g + c - y)),
    seed=seed(250, 250, r"**D.** (Backpropagation) In 2013 we saw that backpropagation just gives us another network in the reversed direction.  $\mathbf{e}^l = \mathbf{J}_{F^l}^T \mathbf{e}^{l-1} \cdot \mathbf{I}_{F^l, L-1} \cdot \dots \cdot \mathbf{e}^1 \cdot \mathbf{I}_{F^1, 1} \mathbf{e}^0$ ."),
    corrected_by="approx.backprop-activity",
    notes="Garbled as printed: the errors run from eˡ⁻¹ down to e⁰ while backpropagation runs from the output eᴸ back to "
          "eˡ, and the product mixes error vectors with unexplained matrices 'I(Fˡ, L − 1)', so its shapes do not compose.  "
          "The sentence's claim, the reversed network, is the unrolled recursion eˡ = (J⁽ˡ⁺¹⁾)ᵀ ⋯ (J⁽ᴸ⁾)ᵀ eᴸ, checked "
          "for two layers: a general layer g: ℝⁿ → ℝᵏ followed by an affine layer Cg + c (Jacobian C), squared error.  "
          "In denominator layout ∂g/∂x is the transposed Jacobian of g, so the product reads ∂g/∂x · Cᵀ · eᴸ.",
    aliases=("backpropagation", "reverse network"),
    tags=("backpropagation", "garbled"),
)

backprop_activity = Entry(
    id="approx.backprop-activity",
    title="Activity backpropagation: eˡ = ∂R/∂xˡ = (J⁽ˡ⁺¹⁾)ᵀeˡ⁺¹",
    expected=PROVED,
    symbols={"x": "vector n", "g": "function x k", "y": "vector k"},
    # xˡ = x, layer l + 1 is g, R = ½‖g(x) − y‖² so that eˡ⁺¹ = g(x) − y
    statement=lambda x, g, y: Eq(D(_half_squared_norm(g - y), x), D(g, x) * (g - y)),
    seed=seed(252, 254, r"""**Algorithm 1:** Activity Backpropagation

$\mathbf{e}^l \leftarrow \nabla_{\mathbf{x}^l} \mathcal{R} = \frac{\partial \mathcal{R}}{\partial \mathbf{x}^l} = \sum_{k=1}^{m+1} \frac{\partial \mathcal{R}}{\partial \mathbf{x}_k^l} \cdot \frac{\partial \mathbf{x}_k^l}{\partial \mathbf{x}^l} = \mathbf{J}_{F^l+1}^T \mathbf{e}^{l+1}$"""),
    notes="Checked for a general layer g = F⁽ˡ⁺¹⁾: ℝⁿ → ℝᵏ with the squared error downstream, eˡ⁺¹ = g(x) − y; in "
          "denominator layout ∂g/∂x = (J⁽ˡ⁺¹⁾)ᵀ.  Typos in the print: 'J(Fˡ + 1)' means the Jacobian of Fˡ⁺¹, and the chain-rule sum "
          "runs over the units of layer l + 1, ∑ₖ ∂R/∂xₖˡ⁺¹ · ∂xₖˡ⁺¹/∂xˡ.  For Fˡ⁺¹(x) = φ(Wx + b): "
          "eˡ = Wᵀ(φ′(zˡ⁺¹) ⊙ eˡ⁺¹).",
    aliases=("backpropagation", "backprop", "chain rule", "reverse mode", "error backpropagation", "delta rule"),
    tags=("backpropagation", "gradient", "jacobian"),
    references=(_DLBOOK, _RUMELHART),
)

backprop_weight_gradient = Entry(
    id="approx.backprop-weight-gradient",
    title="Weight gradient from the errors: ∂R/∂Wˡ = δˡ(xˡ⁻¹)ᵀ with δˡ = φ′(zˡ) ⊙ eˡ (and ∂R/∂bˡ = δˡ)",
    expected=CONFIRMED,
    symbols={"W": "matrix k n", "x": "vector n", "b": "vector k", "y": "vector k"},
    # one tanh layer z = Wx + b, output tanh(z), R = ½‖tanh(z) − y‖²: e = tanh(z) − y, φ′(z) = 1 − tanh²(z)
    statement=lambda W, x, b, y: Eq(
        D(_half_squared_norm(_tanh_layer(W, x, b) - y), W),
        HadamardProduct(OneMatrix(W.shape[0], 1) - HadamardProduct(_tanh_layer(W, x, b), _tanh_layer(W, x, b)),
                        _tanh_layer(W, x, b) - y) * x.T),
    notes="Checked for a tanh layer (φ′ = 1 − tanh²) with the squared error, exactly at listed sizes and in float64; the "
          "index-notation engine does not yet handle elementwise functions, so the verdict is confirmed.  ∇_b R = δ is "
          "the same statement for a constant input 1.  Over a batch the outer products are summed over rows.",
    aliases=("weight gradient", "backprop weights"),
    tags=("backpropagation", "gradient"),
    references=(_DLBOOK,),
    see_also=("approx.backprop-activity",),
)

mlp_forward = Entry(
    id="approx.mlp-forward",
    title="Multilayer perceptron: zˡ = Wˡxˡ⁻¹ + bˡ, xˡ = φ(zˡ), last layer linear",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="xˡ = Fˡ(xˡ⁻¹) = φ(Wˡxˡ⁻¹ + bˡ) for l < L, xᴸ = Wᴸxᴸ⁻¹ + bᴸ",
    aliases=("MLP", "feedforward network", "forward pass"),
    tags=("network", "relu"),
)

squared_error_risk = Entry(
    id="approx.squared-error-risk",
    title="The squared-error risk R = ½‖ŷ − y‖² has the output error eᴸ = ∂R/∂ŷ = ŷ − y",
    expected=PROVED,
    symbols={"yhat": "vector n", "y": "vector n"},
    statement=lambda yhat, y: Eq(D(_half_squared_norm(yhat - y), yhat), yhat - y),
    notes="Over a batch of B samples the risk is the mean, and eᴸ = (ŷ − y)/B.",
    aliases=("squared error", "MSE gradient", "L2 loss gradient"),
    tags=("loss", "gradient", "backpropagation"),
)

affine_layer = Entry(
    id="approx.affine-layer",
    title="Affine layer F(x) = Wx + b",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="W ∈ ℝᵐˣⁿ, b ∈ ℝᵐ; linear only when b = 0",
    aliases=("linear layer", "dense layer", "fully connected layer"),
    tags=("network",),
)
