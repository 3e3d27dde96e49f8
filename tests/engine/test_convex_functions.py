"""Declared convex and concave functions: every engine that instantiates one draws only that shape class.

A refutation of a claim about convex functions by a draw that is not convex would be a false refutation, so
the family itself is tested (Hessians and chords on many seeds), the exact re-check's copy of it (rational
parameters, rounding that keeps the signs), the stationary-point construction of ``where: D(f(x), x) == 0``,
and that the engines with no convex family (exact small values, random exact points) refuse the function.
"""

import random

import pytest
import sympy as sp
import torch

from formulas.spec import parse_spec
from verify.engines.equalities import apply_exact, apply_torch, recognised
from verify.engines.numeric import exact_from_draw
from verify.engines.points import random_point
from verify.engines.recheck import _rounded_convex
from verify.evaluate import Unsupported
from verify.evaluate_exact import ExactBackend
from verify.evaluate_torch import TorchBackend
from verify.userfile.identity import Identity
from verify.values import (
    Inapplicable,
    convex_key,
    convex_params,
    describe_convex,
    exact_env_strategy,
    torch_env,
)

SHAPES = ["convex", "strictly convex", "concave", "strictly concave"]


def _value(params, z):
    return TorchBackend()._convex(params, z)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("inputs", [1, 2, 4])
def test_every_draw_has_the_declared_shape(shape, inputs):
    """Hessian eigenvalues of the right sign at random points and chords on the right side, 60 draws each."""
    sym = parse_spec("f", f"function x {shape}")
    sign = 1.0 if "convex" in sym.flags else -1.0
    g = torch.Generator().manual_seed(inputs)
    for _ in range(60):
        params = convex_params(sym, inputs, g)
        z = 3 * torch.randn(inputs, generator=g, dtype=torch.float64)
        w = 3 * torch.randn(inputs, generator=g, dtype=torch.float64)
        hess = torch.func.jacrev(torch.func.jacrev(lambda v, p=params: _value(p, v)))(z)  # reverse mode only
        low = float(torch.linalg.eigvalsh(sign * hess).min())
        assert low >= -1e-10, (shape, params)
        if shape.startswith("strictly"):
            assert low >= float(params[5]) - 1e-10 > 0  # mu: strongly convex, hence strictly
        lam = float(torch.rand((), generator=g, dtype=torch.float64))
        chord = lam * _value(params, z) + (1 - lam) * _value(params, w)
        assert sign * (chord - _value(params, lam * z + (1 - lam) * w)) >= -1e-12 * (1 + abs(float(chord)))


def test_plain_convex_draws_include_affine_and_kinked_members():
    """A plain convex declaration allows affine functions and near-hinges: the family draws both."""
    sym = parse_spec("f", "function x convex")
    g = torch.Generator().manual_seed(0)
    draws = [convex_params(sym, 2, g) for _ in range(200)]
    affine = [p for p in draws if float(p[2].abs().sum()) == 0 and float(p[4].abs().sum()) == 0]
    assert 10 <= len(affine) <= 60
    assert max(float(p[3].max()) for p in draws) > 15  # beta near 20: softplus close to a hinge
    assert all(float(p[5]) == 0 for p in draws)  # no strong convexity unless declared strict


@pytest.mark.parametrize("shape", SHAPES)
def test_exact_copy_agrees_with_torch_and_stays_in_the_family(shape):
    """The re-check's rational parameters (rounded to 1/8 and 1/1024) give a function of the same class, and
    the exact backend evaluates the same formula as torch."""
    declared = {"x": parse_spec("x", "vector 3"), "f": parse_spec("f", f"function x {shape}")}
    g = torch.Generator().manual_seed(7)
    for _ in range(10):
        env = torch_env(declared, {}, g)
        for denominator in (8, 1024):
            rounded = {k: (_rounded_convex(v, denominator) if k.startswith("__convex_") else
                           torch.round(v * denominator) / denominator) for k, v in env.items()}
            exact = exact_from_draw(declared, rounded)
            a, b, c, beta, m, mu, gvec, d, s = exact[convex_key("f")]
            assert all(x >= 0 for x in c) and all(x > 0 for x in beta) and mu >= 0 and s in (1, -1)
            assert (mu > 0) == shape.startswith("strictly")
            value = ExactBackend().field("f", exact["x"], None, exact)
            float_value = _value(rounded[convex_key("f")], rounded["x"])
            assert abs(float(sp.N(value, 30)) - float(float_value)) <= 1e-12 * (1 + abs(float(float_value)))
            assert describe_convex(exact[convex_key("f")]).startswith("f(z) = " if s == 1 else "f(z) = -(")


def test_stationary_point_construction_float_and_exact():
    """``where: D(f(x), x) == zeros(n, 1)``: the drawn f is shifted so that x is stationary, in both worlds."""
    entry = Identity("s", "f(y) >= f(x)", {"x": "vector 2", "y": "vector 2", "f": "function x convex"},
                     where=("D(f(x), x) == zeros(2, 1)",)).to_entry()
    kinds = recognised(entry.constraints)
    assert kinds == {"f": ("stationary", "x")}
    g = torch.Generator().manual_seed(3)
    for _ in range(20):
        env = apply_torch(kinds, torch_env(entry.declared, {}, g), g)
        params = env[convex_key("f")]
        grad = torch.func.grad(lambda v, p=params: _value(p, v))(env["x"].reshape(-1))
        assert float(grad.abs().max()) <= 1e-12
        exact = apply_exact(kinds, exact_from_draw(entry.declared, {k: (_rounded_convex(v, 8) if k.startswith(
            "__convex_") else torch.round(v * 8) / 8) for k, v in env.items()}), random.Random(0))
        zs = [sp.Dummy(), sp.Dummy()]
        value = ExactBackend._convex(exact[convex_key("f")], zs)
        at = dict(zip(zs, list(exact["x"]), strict=True))
        assert all(abs(sp.N(sp.diff(value, v).xreplace(at), 60)) < 1e-50 for v in zs)


def test_engines_without_a_convex_family_refuse_the_function():
    """Exact small values (hypothesis search, corners) and random exact points have no convex functions: they
    must refuse a declared function rather than draw an arbitrary one."""
    declared = {"x": parse_spec("x", "scalar"), "f": parse_spec("f", "function x convex")}
    with pytest.raises(Inapplicable):
        exact_env_strategy(declared, {})
    with pytest.raises(Unsupported):
        random_point(declared, {}, random.Random(0))
    generic = {"x": parse_spec("x", "scalar"), "u": parse_spec("u", "function x")}
    with pytest.raises(Unsupported):  # a generic function still has no exact value
        exact_from_draw(generic, torch_env(generic, {}, torch.Generator().manual_seed(0)))


def test_generic_functions_keep_their_random_networks():
    declared = {"x": parse_spec("x", "vector 2"), "u": parse_spec("u", "function x"),
                "f": parse_spec("f", "function x concave")}
    env = torch_env(declared, {}, torch.Generator().manual_seed(0))
    assert "__field_u" in env and convex_key("u") not in env
    assert convex_key("f") in env and "__field_f" not in env


def test_a_catalog_entry_declares_convex_functions_too():
    """Entry symbols use the same grammar: the statement gets f(x) and calls it elsewhere."""
    from formulas.model import Entry, Verdict
    from formulas.nodes import D, ScalarField, ScalarOf
    from verify.check import check

    symbols = {"x": "vector 2", "y": "vector 2", "f": "function x convex"}

    def tangent(x, y, f, below):
        gap = ScalarField("f", y) - f - ScalarOf(D(f, x).T * (y - x))
        return sp.Ge(gap, 0) if below else sp.Le(gap, 0)

    holds = Entry("c.first-order", "first-order condition", Verdict.CONFIRMED, symbols=symbols,
                  statement=lambda x, y, f: tangent(x, y, f, True))
    wrong = Entry("c.first-order-reversed", "reversed", Verdict.REFUTED, symbols=symbols,
                  statement=lambda x, y, f: tangent(x, y, f, False))
    assert check(holds).verdict is Verdict.CONFIRMED
    result = check(wrong)
    assert result.verdict is Verdict.REFUTED and result.counterexample["exact"] is True
    assert "f" in result.counterexample["functions"]


def test_a_generic_function_beside_a_convex_one_is_refuted_in_float_with_both_shown():
    """A claim with an arbitrary u and a convex f: no exact values for u, so a large float64 violation refutes,
    and the record still writes out the drawn convex f."""
    from verify.userfile import check_claim

    result = check_claim("f(x) >= u(x)", {"x": "scalar", "f": "function x convex", "u": "function x"},
                         sandbox=False)
    assert result.verdict.value == "refuted"
    assert result.counterexample["exact"] is False and "f" in result.counterexample["functions"]
