"""What the fork server does once, so that every worker forked from it starts warm: :func:`warm`.

The fork server (:mod:`verify.sandbox.zygote`) is a fresh, single-threaded
interpreter started by the parent with ``OMP_NUM_THREADS=1`` and
``OPENBLAS_NUM_THREADS=1``: no BLAS or OpenMP thread exists when it forks, so a
worker never inherits a lock held by a thread that is not there.  :func:`warm`
imports SymPy, torch (one intra-op thread), hypothesis, the catalog and the
verifier, and runs one small check of each kind,
so that the modules the engines import lazily (``sympy.stats``,
``torch.func``, ...) are loaded before any fork and never in a worker under a
time limit.  A failure here only makes workers start cold; it never stops one.
"""

from __future__ import annotations

__all__ = ["warm", "WARM_CLAIMS", "THREAD_ENV"]

THREAD_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}

WARM_CLAIMS = (  # one claim per engine path, decided in well under a second
    ("D(x.T*A*x, x) == (A + A.T)*x", {"x": "vector n", "A": "matrix n n"}, {}),
    ("det(A*B) == det(A)*det(B)", {"A": "matrix 2 2", "B": "matrix 2 2"}, {}),
    ("log(sigmoid(a)) <= 0", {"a": "scalar"}, {}),
    ("E(N) == lam", {"lam": "scalar positive"}, {"N": "Poisson(lam)"}),
)

_warm = False


def warm() -> None:
    """Import and exercise the engines once (idempotent; errors are ignored)."""
    global _warm
    if _warm:
        return
    _warm = True
    try:
        import sympy  # noqa: F401
        import torch

        torch.set_num_threads(1)
        import formulas
        import verify.mutate  # noqa: F401
        from verify.check import check
        from verify.userfile.identity import Identity

        formulas.catalog()
        for claim, symbols, dists in WARM_CLAIMS:
            entry = Identity(id="warm-up", claim=claim, symbols=symbols, distributions=dists).to_entry(timeout=None)
            check(entry, timeout=None)
    except Exception:  # noqa: BLE001, S110 - a cold worker is slower, not wrong
        pass
