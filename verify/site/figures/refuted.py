"""Refuted claims: both sides plotted along a line through the counterexample, which is marked
(for "a strictly convex function has a minimum", the engine's function and its unattained infimum).

Each figure reads its entry's counterexample from the verification result (exact rationals),
so the marked point is the one the engine found.  A result without that counterexample draws
no figure (:attr:`Figure.applies`); the site's tests require these figures for the catalog.
"""

from __future__ import annotations

import json
import re
from fractions import Fraction

from . import Figure
from .style import COLORS, new_figure

CONVEX = "anal.convex-derivative-nonnegative-as-printed"
CAUCHY = "anal.cauchy-schwarz-nonnegative-as-printed"
NO_MINIMUM = "anal.strictly-convex-has-minimum-as-printed"


def _cx(data, entry_id) -> dict:
    return (data.records.get(entry_id) or {}).get("counterexample") or {}


def _inputs(entry_id):
    return lambda data: json.dumps(_cx(data, entry_id), sort_keys=True, default=str)


def _has(entry_id, *keys):
    return lambda data: all(k in _cx(data, entry_id) for k in keys)


def _q(text) -> float:
    return float(Fraction(str(text)))


def _function(text: str):
    """``"-x**2 (concave)"`` as a callable of floats, read by the identity-file grammar (nothing evaluated)."""
    from ..counterexample import formula

    expr = formula(re.sub(r"\s+\([^()]*\)\s*$", "", text))
    if expr is None or {s.name for s in expr.free_symbols} != {"x"}:
        raise ValueError(f"not a function of x: {text!r}")
    (x,) = expr.free_symbols
    return expr, x, lambda values: [float(expr.subs(x, v)) for v in values]


def _mark(ax, x, low, high, label):
    """The counterexample: the gap between the side claimed smaller and the side claimed larger."""
    ax.plot([x, x], [low, high], color=COLORS[1], lw=2.5)
    ax.plot([x], [low], "o", color=COLORS[1], ms=5, label=label)


def _convex_cx(data) -> dict:
    """The convexity counterexample with ``f``, ``x`` and ``f'(x)``: as the experiment gives it, or built from
    the statement's ``D(f, x) >= 0`` and the point the statement's engines found."""
    cx = _cx(data, CONVEX)
    if "f" in cx or "x" not in (cx.get("values") or {}):
        return cx
    try:
        f = data.catalog.get(CONVEX).expr.lhs.args[0]
    except (KeyError, AttributeError, IndexError):
        return cx
    lhs = cx.get("lhs")
    slope = lhs[0][0] if isinstance(lhs, list) else lhs
    return {"f": str(f), "x": cx["values"]["x"], "f'(x)": str(slope)}


def _convex_derivative(data):
    import numpy as np
    import sympy as sp

    cx = _convex_cx(data)
    f, x, _ = _function(cx["f"])
    df = sp.diff(f, x)
    x0 = _q(cx["x"])
    xs = np.linspace(-2, 2, 81)
    left = np.array([float(df.subs(x, v)) for v in xs])
    fig, (ax,) = new_figure(1, width=5.4, height=2.8)
    ax.plot(xs, left, color=COLORS[0], label=f"left side f′(x) = {sp.sstr(df)}  (f = {cx['f']})")
    ax.plot(xs, np.zeros_like(xs), color=COLORS[2], label="right side 0")
    ax.fill_between(xs, left, 0, where=left < 0, color=COLORS[1], alpha=0.12, label="the claim fails")
    slope = cx["f'(x)"]
    _mark(ax, x0, float(df.subs(x, sp.Rational(cx["x"]))), 0.0, f"counterexample x = {cx['x']}, f′(x) = {slope}")
    ax.set(title="“f′(x) ≥ 0 for a convex f”, as printed", xlabel="x")
    ax.legend(fontsize=7, loc="upper left")
    return fig


def _flat(value) -> list:
    """A vector as the engine writes it (``[["1"], ["2"]]``, a row, or one number) as a flat list."""
    if not isinstance(value, list):
        return [value]
    return [x for row in value for x in (row if isinstance(row, list) else [row])]


def _vec(values) -> str:
    return "(" + ", ".join(str(v) for v in values) + ")"


def _cauchy_cx(data) -> dict:
    """The Cauchy–Schwarz counterexample with ``u``, ``v`` and ``<u, v>``: as an experiment gives it, or built
    from the statement's ``uᵀ v >= 0`` and the point (``values``) and left side (``lhs``) its engines found."""
    cx = _cx(data, CAUCHY)
    values = cx.get("values") or {}
    if "u" in cx or not {"u", "v"} <= set(values) or "lhs" not in cx:
        return cx
    return {"u": _flat(values["u"]), "v": _flat(values["v"]), "<u, v>": str(_flat(cx["lhs"])[0])}


def _cauchy_lower_bound(data):
    import numpy as np

    cx = _cauchy_cx(data)
    u = np.array([_q(v) for v in cx["u"]])
    v0 = np.array([_q(v) for v in cx["v"]])
    ts = np.linspace(-2, 2, 81)
    inner = np.array([u @ (t * v0) for t in ts])
    norms = np.array([np.linalg.norm(u) * np.linalg.norm(t * v0) for t in ts])
    fig, (ax,) = new_figure(1, width=5.4, height=2.8)
    ax.plot(ts, np.zeros_like(ts), color=COLORS[2], label="printed lower bound 0")
    ax.plot(ts, inner, color=COLORS[0], label="⟨u, t v⟩")
    ax.plot(ts, norms, color=COLORS[4], label="‖u‖ ‖t v‖ (upper bound, holds)")
    ax.fill_between(ts, inner, 0, where=inner < 0, color=COLORS[1], alpha=0.12, label="0 ≤ ⟨u, t v⟩ fails")
    _mark(ax, 1.0, float(u @ v0), 0.0, f"counterexample u = {_vec(cx['u'])}, v = {_vec(cx['v'])}: ⟨u, v⟩ = {cx['<u, v>']}")
    ax.set(title="“0 ≤ ⟨u, v⟩ ≤ ‖u‖ ‖v‖”, as printed, along v ↦ t v", xlabel="t")
    ax.legend(fontsize=7, loc="upper left")
    return fig


def _no_minimum(data):
    import numpy as np

    cx = _cx(data, NO_MINIMUM)
    _, _, f = _function(cx["f"])
    xs = np.linspace(-6, 1.5, 91)
    fig, (ax,) = new_figure(1, width=5.4, height=2.8)
    second = cx["f''"]
    ax.plot(xs, f(xs), color=COLORS[0], label=f"f(x) = {cx['f']}, strictly convex: f″ = {second}")
    ax.plot(xs, np.zeros_like(xs), "--", color=COLORS[2], label=f"inf f = {cx['inf f']}")
    ax.set(title="“a strictly convex function has a unique global minimum”, as printed", xlabel="x")
    ax.legend(fontsize=7, loc="upper left")
    return fig


FIGURES = [
    Figure(name="refuted-convex-derivative", entries=(CONVEX,), draw=_convex_derivative,
           inputs=lambda data: json.dumps(_convex_cx(data), sort_keys=True, default=str),
           applies=lambda data: all(k in _convex_cx(data) for k in ("f", "x", "f'(x)")),
           caption="Both sides of the printed claim f′(x) ≥ 0 for the convex f(x) = x², with the counterexample "
                   "the engine found: the derivative of a convex function is increasing, not nonnegative.",
           alt="The line f′(x) = 2x and the zero line, with the counterexample x = −1/2 marked."),
    Figure(name="refuted-cauchy-schwarz-lower-bound", entries=(CAUCHY,), draw=_cauchy_lower_bound,
           inputs=lambda data: json.dumps(_cauchy_cx(data), sort_keys=True, default=str),
           applies=lambda data: all(k in _cauchy_cx(data) for k in ("u", "v", "<u, v>")),
           caption="The printed lower bound 0 ≤ ⟨u, v⟩ fails as soon as u and v point apart; the upper bound "
                   "(Cauchy–Schwarz) holds everywhere. The marked point is the engine's counterexample.",
           alt="The inner product, the zero line and the norm product along a line, with the counterexample marked."),
    Figure(name="refuted-strictly-convex-minimum", entries=(NO_MINIMUM,), draw=_no_minimum,
           inputs=_inputs(NO_MINIMUM), applies=_has(NO_MINIMUM, "f", "f''", "inf f"),
           caption="The engine's counterexample to “strictly convex implies a global minimum exists”: the "
                   "function is strictly convex and bounded below, but its infimum is approached, never attained.",
           alt="The curve exp(x) falling towards the dashed line y = 0 as x decreases, never reaching it."),
]
