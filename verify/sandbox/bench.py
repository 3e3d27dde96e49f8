"""What the sandbox costs, measured: ``python -m verify.sandbox.bench [--cost]``.

* start-up: the fork server's imports and warm-up, then forking one worker;
* per check: the same quick identities checked in this process and in a warm worker,
  one at a time (median seconds each, and the difference: pickling, the pipe, the limits);
* ``--cost``: claims of growing size with the cost estimate and the measured check time
  (the calibration of :mod:`verify.sandbox.cost`).
"""

from __future__ import annotations

import argparse
import statistics
import time

__all__ = ["main", "QUICK", "GROWING"]

QUICK = [  # decided in well under a second each
    ("tr(A*B) == tr(B*A)", {"A": "matrix n m", "B": "matrix m n"}),
    ("(A*B).T == B.T*A.T", {"A": "matrix n m", "B": "matrix m k"}),
    ("x.T*y == y.T*x", {"x": "vector n", "y": "vector n"}),
    ("det(A*B) == det(A)*det(B)", {"A": "matrix 2 2", "B": "matrix 2 2"}),
    ("exp(a + b) == exp(a)*exp(b)", {"a": "scalar", "b": "scalar"}),
    ("log(sigmoid(a)) <= 0", {"a": "scalar"}),
    ("D(x.T*A*x, x) == (A + A.T)*x", {"x": "vector n", "A": "matrix n n"}),
    ("tr(A + B) == tr(A) + tr(B)", {"A": "matrix n n", "B": "matrix n n"}),
]

GROWING = (
    [(f"det {k}x{k}", "det(A) == det(A.T)", {"A": f"matrix {k} {k}"}) for k in (4, 5, 6, 7)]
    + [(f"product {k}x{k}", "(A*B).T == B.T*A.T", {"A": f"matrix {k} {k}", "B": f"matrix {k} {k}"})
       for k in (16, 24, 32, 48)]
    + [(f"kron {k}x{k}", "kron(A, B).T == kron(A.T, B.T)", {"A": f"matrix {k} {k}", "B": f"matrix {k} {k}"})
       for k in (4, 8)]
    + [(f"inverse {k}x{k}", f"A.I*A == Identity({k})", {"A": f"matrix {k} {k} invertible"}) for k in (3, 4, 5)]
    + [(f"A**{p} 3x3", f"tr(A**{p}) == tr(A**{p - 1}*A)", {"A": "matrix 3 3"}) for p in (4, 6, 8)]
    + [(f"gradient {k}", "D(x.T*A*x, x) == (A + A.T)*x", {"x": f"vector {k}", "A": f"matrix {k} {k}"})
       for k in (16, 32)]
)


def _identity(i, claim, symbols):
    from verify.userfile.identity import Identity

    return Identity(id=f"bench-{i}", claim=claim, symbols=symbols)


def overhead(rounds: int = 3) -> dict:
    """Median seconds per quick check in process and in a warm worker (parent's wall clock per task)."""
    from verify.check import check

    from . import Pool, Task
    from .tasks import build_entry, check_identity

    identities = [_identity(i, c, s) for i, (c, s) in enumerate(QUICK)]
    for identity in identities:  # warm this process too
        check(build_entry(identity), timeout=None)
    local, remote = [], []
    t0 = time.perf_counter()
    with Pool(jobs=1) as pool:
        list(pool.run([Task(0, pow, (1, 1))]))
        startup = time.perf_counter() - t0
        for _ in range(rounds):
            for identity in identities:
                t = time.perf_counter()
                check(build_entry(identity), timeout=None)
                local.append(time.perf_counter() - t)
                t = time.perf_counter()
                (outcome,) = pool.run([Task(identity.id, check_identity, (identity,), timeout=60)])
                remote.append(time.perf_counter() - t)
                assert outcome.ok, outcome
        t = time.perf_counter()
        with Pool(jobs=1) as fresh:
            list(fresh.run([Task(0, pow, (1, 1))]))
        fork = time.perf_counter() - t
    return {"fork server start-up s": round(startup, 3), "new worker s": round(fork, 4),
            "median in process s": round(statistics.median(local), 4),
            "median in a worker s": round(statistics.median(remote), 4),
            "median overhead s": round(statistics.median(r - lo for r, lo in zip(remote, local, strict=True)), 4)}


def calibration(timeout: float = 40.0) -> list[tuple]:
    """(name, estimated terms, seconds or failure) for each claim of :data:`GROWING`, refused ones unrun."""
    from verify.userfile.errors import UserFileError

    from . import Pool, Task
    from .cost import estimate
    from .tasks import build_entry, check_identity

    rows, tasks = {}, []
    for i, (name, claim, symbols) in enumerate(GROWING):
        identity = _identity(i, claim, symbols)
        try:
            build_entry(identity)
        except UserFileError as err:
            rows[name] = (name, "refused", str(err).split("would build ")[-1][:60])
            continue
        est = estimate(identity.to_entry(timeout=None))
        rows[name] = (name, f"{est.terms:.3g}", None)
        tasks.append(Task(name, check_identity, (identity,), timeout=timeout))
    with Pool() as pool:
        for outcome in pool.run(tasks):
            name, terms, _ = rows[outcome.key]
            rows[name] = (name, terms, f"{outcome.seconds:.2f} s" if outcome.ok else outcome.failure)
    return [rows[name] for name, _, _ in GROWING]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m verify.sandbox.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--cost", action="store_true", help="also run the cost calibration (minutes)")
    args = parser.parse_args(argv)
    for key, value in overhead().items():
        print(f"{key:28} {value}")
    if args.cost:
        for name, terms, seconds in calibration():
            print(f"{name:16} {terms:>10}  {seconds}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
