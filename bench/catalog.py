"""Catalog benchmark (issue 2): cold and warm verification, numeric gradient checks vs gradcheck.

    python -m bench.catalog [--json]

Reports, measured in one run:
* cold: whole catalog with an empty cache (wall time of ``sheetproof verify --no-cache``
  in a fresh process) and the per-entry median check time;
* warm: ``sheetproof verify`` with a warm cache beside the bare
  ``python -c "import sympy, torch"`` import floor (median of 5 runs each);
* the torch engine's batched gradient checks beside ``torch.autograd.gradcheck`` on
  the same gradient identities, the same sizes and the same number of draws.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time


def _wall(cmd: list[str], env: dict, repeat: int = 1) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, env=env, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _gradient_entries():
    import formulas
    from formulas.model import Verdict
    from formulas.nodes import D

    out = []
    for e in formulas.entries():
        if e.expr is None or e.expected is not Verdict.PROVED or not hasattr(e.expr, "lhs"):
            continue
        if isinstance(e.expr.lhs, D) and getattr(e.expr.lhs.f, "shape", (1, 1)) == (1, 1) \
                and all(s.kind in ("scalar", "vector", "matrix") for s in e.declared.values()):
            out.append(e)
    return out


def bench_gradients(draws: int = 16) -> dict:
    """Both sides timed on a second pass, after one untimed pass warms caches and lazy imports."""
    _bench_gradients_once(draws)
    return _bench_gradients_once(draws)


def _bench_gradients_once(draws: int) -> dict:
    import torch

    from verify.engines.numeric import torch_numeric
    from verify.engines.sizes import dims_of, size_assignments, sym_dims
    from verify.evaluate import TorchBackend, evaluate
    from verify.numeric import constraint_mask
    from verify.values import torch_env

    torch.set_num_threads(1)
    ours = theirs = 0.0
    rows = []
    backend = TorchBackend()
    for e in _gradient_entries():
        sizes = size_assignments(dims_of(e))
        t0 = time.perf_counter()
        torch_numeric(e, sizes, draws, 0)
        t_ours = time.perf_counter() - t0
        node = e.expr.lhs
        g = torch.Generator().manual_seed(0)
        t0 = time.perf_counter()
        for dims in sizes:
            sdims = sym_dims(dims)
            envs = [torch_env(e.declared, dims, g) for _ in range(draws)]
            if e.constraints:  # the same draws the engine keeps
                mask = constraint_mask(e.constraints, envs, sdims).tolist()
                envs = [env for env, ok in zip(envs, mask, strict=True) if ok]
            for env in envs:
                value = evaluate(node.v, env, sdims, backend).clone().requires_grad_(True)

                def f(v, env=env, sdims=sdims, node=node):
                    inner = dict(env)
                    inner[node.v.name] = v
                    out = evaluate(node.f, inner, sdims, backend)
                    return out.reshape(())

                torch.autograd.gradcheck(f, (value,), eps=1e-6, atol=1e-5, raise_exception=False)
        t_theirs = time.perf_counter() - t0
        ours += t_ours
        theirs += t_theirs
        rows.append({"id": e.id, "ours_s": round(t_ours, 4), "gradcheck_s": round(t_theirs, 4)})
    return {"entries": len(rows), "draws_per_size": draws, "ours_s": round(ours, 3), "gradcheck_s": round(theirs, 3),
            "speedup": round(theirs / ours, 2) if ours else None, "rows": rows}


def bench_symbolic() -> dict:
    """The symbolic engine beside SymPy's own ``MatrixSymbol.diff`` on the catalog's gradient identities.

    Ours: the index-notation proof of the whole claim.  SymPy: ``diff`` of the left side, then
    ``simplify(lhs - rhs)``; "right" counts the claims SymPy reduces to 0 (it returns 0 or leaves the
    residual for the others)."""
    import sympy as sp

    from verify.tensor import prove_equal

    ours_s = sympy_s = 0.0
    ours_right = sympy_right = 0
    entries = _gradient_entries()
    for e in entries:
        t0 = time.perf_counter()
        try:
            ours_right += bool(prove_equal(e.expr.lhs, e.expr.rhs, e.declared).holds)
        except Exception:  # noqa: BLE001 - a claim the engine cannot express counts as not proved
            pass
        ours_s += time.perf_counter() - t0
        t0 = time.perf_counter()
        try:
            node = e.expr.lhs
            residual = sp.simplify(node.f.diff(node.v) - e.expr.rhs)
            sympy_right += bool(residual == 0 or getattr(residual, "is_ZeroMatrix", False))
        except Exception:  # noqa: BLE001 - SymPy raising counts as not proved
            pass
        sympy_s += time.perf_counter() - t0
    return {"entries": len(entries), "ours_proved": ours_right, "ours_s": round(ours_s, 3),
            "sympy_proved": sympy_right, "sympy_s": round(sympy_s, 3)}


def main(argv: list[str]) -> None:
    as_json = "--json" in argv
    exe = os.path.join(os.path.dirname(sys.executable), "sheetproof")
    with tempfile.TemporaryDirectory() as cache_dir:
        env = dict(os.environ, SHEETPROOF_CACHE=cache_dir)
        cold = _wall([exe, "verify", "--no-cache"], env)
        warm = _wall([exe, "verify"], env, repeat=5)
        floor = _wall([sys.executable, "-c", "import sympy, torch"], env, repeat=5)
        per_entry = []
        data = json.loads(subprocess.run([exe, "verify", "--json"], env=env, capture_output=True, text=True).stdout)
        per_entry = [r["seconds"] for r in data]
    grads = bench_gradients()
    symbolic = bench_symbolic()
    report = {
        "entries": len(per_entry),
        "cold_s": round(cold, 2),
        "per_entry_median_s": round(statistics.median(per_entry), 4) if per_entry else None,
        "per_entry_max_s": round(max(per_entry), 3) if per_entry else None,
        "symbolic": symbolic,
        "warm_s": round(warm, 3),
        "import_floor_s": round(floor, 3),
        "warm_over_floor": round(warm / floor, 2),
        "gradient_checks": {k: v for k, v in grads.items() if k != "rows"},
    }
    if as_json:
        print(json.dumps(report, indent=2))
        return
    print(f"catalog entries:            {report['entries']}")
    print(f"cold verify (no cache):     {report['cold_s']:.2f} s   (target <= 30 s)")
    print(f"per-entry median:           {report['per_entry_median_s']} s   (target <= 0.1 s)")
    print(f"per-entry max:              {report['per_entry_max_s']} s   (target <= 10 s)")
    sy = report["symbolic"]
    print(f"gradient claims proved at symbolic size: ours {sy['ours_proved']}/{sy['entries']} in {sy['ours_s']} s; "
          f"SymPy diff+simplify {sy['sympy_proved']}/{sy['entries']} in {sy['sympy_s']} s")
    print(f"warm verify (cached):       {report['warm_s']:.3f} s")
    print(f"import floor sympy+torch:   {report['import_floor_s']:.3f} s")
    print(f"warm / floor:               {report['warm_over_floor']:.2f}x   (target <= 1.5x)")
    gc = report["gradient_checks"]
    print(f"gradient identities:        {gc['entries']} entries, {gc['draws_per_size']} draws per size")
    print(f"  batched torch engine:     {gc['ours_s']:.3f} s")
    print(f"  torch.autograd.gradcheck: {gc['gradcheck_s']:.3f} s")
    print(f"  speed-up:                 {gc['speedup']}x   (target >= 5x)")


if __name__ == "__main__":
    main(sys.argv[1:])
