"""Optimisation challenges: curvature, cliffs and gradient clipping (cheat sheet lines 362-375, repeated at 519-532).

Statements about a gradient step use the quadratic R(θ) = ½θᵀAθ + bᵀθ, whose gradient is
g = Aθ + b and whose Hessian is A, so that the second-order expansion is exact.
"""

from __future__ import annotations

from sympy import Min

from .._authoring import (
    CONFIRMED,
    NOT_CHECKABLE,
    PROVED,
    Abs,
    Entry,
    Eq,
    Le,
    Max,
    Rational,
    ScalarOf,
    seed,
    sqrt,
)

_DL_BOOK_8 = "Goodfellow, Bengio & Courville, Deep Learning (2016), ch. 8"
_PASCANU = "Pascanu, Mikolov & Bengio, On the difficulty of training recurrent neural networks (2013)"


def _norm(v):
    return sqrt(ScalarOf(v.T * v))


curvature_remedies_advice = Entry(
    id="opt.curvature-remedies-advice",
    title="Near sharp non-linearities, take small steps, clip the gradient or decrease the learning rate over time",
    expected=NOT_CHECKABLE,
    reason="advice: it recommends remedies and asserts nothing checkable.  What the remedies do is checked in their own "
           "entries: clipping caps the norm and keeps the direction (opt.gradient-clipping-norm), and a step helps only "
           "while η < 2gᵀg/(gᵀHg) (opt.taylor-second-order-gradient-step)",
    seed=seed(362, 369, r"""#### 13.4 Optimization Challenges in NNs: Curvatures

A challenge in NNs arises when we have sharp non-linearities, then there are two approaches to solve this

- one is to be very conservative and only do small update steps by choosing a very small learning rate.
- or we are courageous and due huge jumps as depicted in the image.

Typical approaches are to clip the gradient when it gets too large, or use a decreasing learning rate (in terms of time)."""),
    aliases=("exploding gradients", "cliff", "learning rate choice"),
    tags=("gradient clipping", "learning rate", "advice"),
    references=(_DL_BOOK_8 + ", sec. 8.2.4", _PASCANU),
    see_also=("opt.gradient-clipping-norm", "opt.taylor-second-order-gradient-step", "opt.lr-decay-step"),
)

gradient_clipping_norm = Entry(
    id="opt.gradient-clipping-norm",
    title="Gradient clipping by norm: g ↦ g·min(1, c/‖g‖) keeps the direction and has norm min(‖g‖, c)",
    expected=CONFIRMED,
    symbols={"g": "vector n nonzero", "c": "scalar positive"},
    statement=lambda g, c: Eq(_norm(g * Min(1, c / _norm(g))), Min(_norm(g), c)),
    notes="The clipped gradient is a nonnegative multiple of g, so the direction is kept; gradients shorter than c are "
          "untouched.  Confirmed, not proved: the engines do not yet split Min into cases at symbolic values.",
    aliases=("gradient clipping", "clip grad norm", "exploding gradients"),
    tags=("gradient clipping", "optimizer"),
    references=(_DL_BOOK_8 + ", sec. 8.2.4", "Goodfellow, Bengio & Courville, Deep Learning (2016), sec. 10.11.1",
                _PASCANU),
    see_also=("opt.gradient-clipping-value", "opt.curvature-remedies-advice"),
)

gradient_clipping_value = Entry(
    id="opt.gradient-clipping-value",
    title="Gradient clipping by value: gᵢ ↦ min(max(gᵢ, −c), c) lies in [−c, c]",
    expected=CONFIRMED,
    symbols={"g": "scalar", "c": "scalar nonnegative"},
    statement=lambda g, c: Le(Abs(Min(Max(g, -c), c)), c),
    notes="Entry by entry; entries already in [−c, c] are unchanged.  Unlike clipping by norm it can change the "
          "direction of the gradient.",
    aliases=("clip grad value", "gradient clipping"),
    tags=("gradient clipping", "optimizer"),
    references=("Goodfellow, Bengio & Courville, Deep Learning (2016), sec. 10.11.1",),
)

taylor_second_order_gradient_step = Entry(
    id="opt.taylor-second-order-gradient-step",
    title="Second-order expansion of a gradient step: R(θ − ηg) = R(θ) − ηgᵀg + (η²/2)gᵀHg (exact for quadratics)",
    expected=PROVED,
    symbols={"A": "matrix n n symmetric", "b": "vector n", "th": "vector n", "eta": "scalar real"},
    # R(θ) = θᵀAθ/2 + bᵀθ, g = Aθ + b, H = A
    statement=lambda A, b, th, eta: Eq(
        Rational(1, 2) * ScalarOf((th.T - eta * (A * th + b).T) * A * (th - eta * (A * th + b)))
        + ScalarOf(b.T * (th - eta * (A * th + b))),
        Rational(1, 2) * ScalarOf(th.T * A * th) + ScalarOf(b.T * th) - eta * ScalarOf((A * th + b).T * (A * th + b))
        + Rational(1, 2) * eta**2 * ScalarOf((A * th + b).T * A * (A * th + b))),
    notes="For R(θ) = ½θᵀAθ + bᵀθ the expansion is exact.  The step lowers R only if η < 2gᵀg/(gᵀHg): strong curvature "
          "along g (a 'cliff') turns a gradient step into an increase, which is why the sheet recommends small or "
          "decreasing steps and clipping.  The transpose of θ − ηg is written out by hand.",
    aliases=("second order Taylor expansion", "curvature", "Hessian step size", "quadratic approximation"),
    tags=("curvature", "taylor", "gradient descent"),
    references=(_DL_BOOK_8 + ", sec. 8.2.1, eq. 8.10", "Goodfellow, Bengio & Courville, Deep Learning (2016), sec. 4.3.1"),
)

curvature_taylor_as_printed = Entry(
    id="opt.curvature-taylor-as-printed",
    title="'The problem is the curvature': the announced second-order Taylor expansion of a step is missing",
    expected=NOT_CHECKABLE,
    reason="incomplete as printed: the equation promised by 'If we do the 2nd-order Taylor expansion of that, then we "
           "get' is missing (the line that follows is the 1×1-convolution formula, cnn.one-by-one-formula-as-printed); "
           "'the gradient is constant on the wall of the cliff' describes a figure the seed lost.  The expansion itself "
           "is opt.taylor-second-order-gradient-step",
    seed=seed(371, 373, r"""Now, the problem is not that the cliff is very steep. The problem is the curvature. Because when we take the gradient, the gradient is actually constant on the wall of the cliff. Let's have a look at this through some equations.

Now, let's evaluate what the risk is at some point, plus some gradient step. If we do the 2nd-order Taylor expansion of that, then we get"""),
    corrected_by="opt.taylor-second-order-gradient-step",
    tags=("curvature", "taylor"),
    references=(_DL_BOOK_8 + ", sec. 8.2.1",),
)
