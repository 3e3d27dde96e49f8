"""Benchmark of the claim language of issue 11: what a construct costs to build and to decide.

    python bench/vocabulary.py            # all three parts
    python bench/vocabulary.py build      # one part: build | former-timeouts | constructs

* ``build``: parse + build time of ordinary long claims against their syntax-node count (the basis of the
  limits in ``verify/userfile/limits.py``);
* ``former-timeouts``: the claims that hit the 60 s limit before the closed-form engine, decided now,
  against the peer -- SymPy's own ``sympy.stats`` (``simplify((lhs - rhs).doit())``, the old engine's costly
  strategy) -- capped at 30 s; the ratio is given where the peer proves the claim too;
* ``constructs``: every construct's true claim and realistic mistake from the test tables
  (``tests/userfile/test_vocabulary_claims.py``, ``tests/stats/test_stats_claims.py``), time to decide each.
"""

from __future__ import annotations

import ast
import importlib.util
import statistics
import sys
import time
from pathlib import Path

import sympy as sp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verify.probability.budget import BudgetExceeded, budget  # noqa: E402
from verify.userfile import check_claim  # noqa: E402
from verify.userfile.identity import Identity  # noqa: E402

PEER_CAP = 30.0


def _table(path: str, name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{Path(path).stem}", ROOT / path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return getattr(module, name)


def _nodes(text: str) -> int:
    return sum(1 for _ in ast.walk(ast.parse(text, mode="eval")))


def part_build() -> None:
    symbols = {"A": "matrix n n", "B": "matrix n n", "C": "matrix n n", "X": "matrix n n", "a": "scalar"}
    print("build: parse + build of long ordinary claims")
    print(f"  {'nodes':>6} {'seconds':>8} {'us/node':>8}  shape")
    for terms, label, term in ((10, "traces", "tr(A**{k}*X*B*X.T*C)"), (30, "traces", "tr(A**{k}*X*B*X.T*C)"),
                               (25, "polynomial", "{k}*a**{k}"), (80, "polynomial", "{k}*a**{k}"),
                               (100, "polynomial", "a**{k}")):
        # sums of `terms` terms, grouped so that the nesting depth stays below the limit
        groups = [" + ".join(term.format(k=k % 60 + 1) for k in range(g, min(g + 10, terms)))
                  for g in range(0, terms, 10)]
        side = " + ".join(f"({g})" for g in groups)
        claim = f"{side} == {side}"
        n = _nodes(claim)
        t0 = time.perf_counter()
        Identity(id="b", claim=claim, symbols=symbols).to_entry(timeout=None)
        dt = time.perf_counter() - t0
        print(f"  {n:6d} {dt:8.3f} {1e6 * dt / n:8.1f}  {label}, {terms} terms per side, {len(claim)} characters")


FORMER_TIMEOUTS = [
    ("variance of a difference, correlated", "Var(X - Y) == Var(X) + Var(Y) - 2*Cov(X, Y)",
     {"X": "random", "Y": "random"}, {}),
    ("covariance bilinearity", "Cov(a*X + b*Y, Z) == a*Cov(X, Z) + b*Cov(Y, Z)",
     {"X": "random", "Y": "random", "Z": "random", "a": "scalar", "b": "scalar"}, {}),
    ("law of total variance, mixture", "Var(X) == E(Var(X | Z)) + Var(E(X | Z))",
     {"p": "scalar unit", "m0": "scalar", "m1": "scalar", "s": "scalar positive"},
     {"Z": "Bernoulli(p)", "X": "Normal(m0 + (m1 - m0)*Z, s)"}),
    ("Gamma-Poisson mean", "E(N) == k*theta", {"k": "scalar positive", "theta": "scalar positive"},
     {"L": "Gamma(k, theta)", "N": "Poisson(L)"}),
    ("Gamma-Poisson variance", "Var(N) == k*theta + k*theta**2", {"k": "scalar positive", "theta": "scalar positive"},
     {"L": "Gamma(k, theta)", "N": "Poisson(L)"}),
    ("MGF of a sum of Poissons", "MGF(N + M, t) == exp((a + b)*(exp(t) - 1))",
     {"a": "scalar positive", "b": "scalar positive", "t": "scalar"}, {"N": "Poisson(a)", "M": "Poisson(b)"}),
]


def _peer(claim, symbols, dists) -> tuple[str, float]:
    """sympy.stats on the same statement: simplify((lhs - rhs).doit()), capped."""
    entry = Identity(id="p", claim=claim, symbols=symbols, distributions=dists).to_entry(timeout=None)
    t0 = time.perf_counter()
    try:
        with budget(PEER_CAP):
            r = sp.simplify((entry.expr.lhs - entry.expr.rhs).doit())
        outcome = "0" if r == 0 else "nonzero"
    except BudgetExceeded:
        outcome = f"> {PEER_CAP:g} s"
    except Exception as err:  # noqa: BLE001 - the peer failing is a result too
        outcome = type(err).__name__
    return outcome, time.perf_counter() - t0


def part_former_timeouts() -> None:
    print("former time-outs (60 s before): sheetproof now vs sympy.stats (simplify of doit)")
    print(f"  {'claim':40s} {'verdict':10s} {'ours s':>7} {'peer':>10} {'peer s':>7} {'ratio':>7}")
    for label, claim, symbols, dists in FORMER_TIMEOUTS:
        t0 = time.perf_counter()
        r = check_claim(claim, symbols, distributions=dists, timeout=60)
        ours = time.perf_counter() - t0
        outcome, peer = _peer(claim, symbols, dists)
        ratio = f"{peer / ours:7.1f}" if outcome == "0" else "      -"  # the peer did not prove it: no ratio
        print(f"  {label:40s} {r.verdict.value:10s} {ours:7.2f} {outcome[:10]:>10} {peer:7.2f} {ratio}")


def part_constructs() -> None:
    rows = []
    for construct, symbols, claim, mistake in _table("tests/userfile/test_vocabulary_claims.py", "PAIRS"):
        rows.append((construct, claim, mistake, symbols, {}, []))
    for table in ("PROVED", "EVIDENCE"):
        for construct, (symbols, dists), where, claim, mistake in _table("tests/stats/test_stats_claims.py", table):
            rows.append((construct, claim, mistake, symbols, dists, where))
    times = []
    print("constructs: time to decide the true claim and the mistake")
    print(f"  {'construct':45s} {'true':>9} {'s':>6} {'mistake':>9} {'s':>6}")
    for construct, claim, mistake, symbols, dists, where in rows:
        out = []
        for text in (claim, mistake):
            t0 = time.perf_counter()
            r = check_claim(text, symbols, distributions=dists, where=where, timeout=60)
            dt = time.perf_counter() - t0
            times.append(dt)
            out.append((r.verdict.value, dt))
        print(f"  {construct[:45]:45s} {out[0][0]:>9} {out[0][1]:6.2f} {out[1][0]:>9} {out[1][1]:6.2f}")
    print(f"  {len(times)} checks: median {statistics.median(times):.2f} s, max {max(times):.2f} s, "
          f"over 10 s: {sum(t > 10 for t in times)}")


PARTS = {"build": part_build, "former-timeouts": part_former_timeouts, "constructs": part_constructs}

def warm_up() -> None:
    """Imports and first-use costs (torch, SymPy's caches) outside the measurements."""
    check_claim("E(N) == lam", {"lam": "scalar positive"}, distributions={"N": "Poisson(lam)"})
    check_claim("tr(A) == tr(A.T)", {"A": "matrix n n"})


if __name__ == "__main__":
    warm_up()
    for name in sys.argv[1:] or list(PARTS):
        PARTS[name]()
        print()
