"""What a worker runs: one user identity, one catalog entry, or one mutant (module-level, pickled by name).

Each returns plain data (JSON-like dicts) so that nothing SymPy-specific crosses the
pipe.  A result whose reason says memory ran out (an engine caught the
``MemoryError``) is re-raised as ``MemoryError``: the worker reports the memory limit
and is replaced.
"""

from __future__ import annotations

__all__ = ["check_identity", "check_catalog_entry", "run_mutant", "build_entry", "entry_signature", "MEMORY_WORDS"]

MEMORY_WORDS = ("MemoryError", "not enough memory", "can't allocate memory", "Cannot allocate memory",
                "bad_alloc", "DefaultCPUAllocator")


def _memory_check(result) -> None:
    reason = result.reason or ""
    if result.verdict.value == "error" and any(w in reason for w in MEMORY_WORDS):
        raise MemoryError(reason[:200])


def _failing_field(identity) -> str:
    """Which field an unexpected build error comes from: the declarations, or else the claim."""
    from formulas.model import Entry, Verdict

    try:
        symbols = identity._symbols()  # noqa: SLF001 - the declarations as the identity merges them
        Entry(id=identity.id, title=identity.id, expected=Verdict.PROVED, symbols=symbols).objects  # noqa: B018
    except Exception:  # noqa: BLE001 - the declarations themselves fail
        return "distributions" if identity.distributions else "symbols"
    return "where" if identity.where else "claim"


def build_entry(identity, timeout: float | None = None):
    """The identity's entry, built and its cost estimated; every input problem is a ``UserFileError``.
    ``timeout``: the in-process alarm of building (``None`` in a worker, where the parent keeps time)."""
    from verify.userfile.errors import UserFileError

    from .cost import refuse_costly, refuse_unrolled
    from .text import preview

    refuse_unrolled(identity)
    try:
        entry = identity.to_entry(timeout=timeout)
    except UserFileError:
        raise
    except RecursionError:
        raise identity.error("the identity is nested too deeply to build", "claim") from None
    except MemoryError:
        raise
    except Exception as err:  # noqa: BLE001 - SymPy refusing a well-formed declaration or claim
        field = _failing_field(identity)
        raise identity.error(f"cannot build this identity: {type(err).__name__}: {preview(str(err), 300)}",
                             field) from None
    refuse_costly(entry, identity)
    return entry


def check_identity(identity) -> dict:
    """``{"result": Result JSON}``, or ``{"error": UserFileError JSON and its "kind"}`` for an input error."""
    from verify.check import check
    from verify.userfile.errors import UserFileError

    try:
        entry = build_entry(identity)
    except UserFileError as err:
        return {"error": {**err.to_json(), "kind": type(err).__name__}}
    result = check(entry, timeout=None)
    _memory_check(result)
    return {"result": result.to_json()}


def _constant_text(const) -> str:
    """A code constant as text that is the same in every process (sets in sorted order: string hashes,
    hence set order, differ between interpreters)."""
    if isinstance(const, (frozenset, set)):
        return "{" + ", ".join(sorted(_constant_text(c) for c in const)) + "}"
    if isinstance(const, tuple):
        return "(" + ", ".join(_constant_text(c) for c in const) + ")"
    return repr(const)[:10_000]


def _code_digest(h, code) -> None:
    h.update(code.co_code)
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            _code_digest(h, const)
        else:
            h.update(_constant_text(const).encode())


def entry_signature(entry) -> str:
    """What an entry is made of, without building its statement: its fields and the code of its functions.
    A worker's catalog entry with another signature is not the entry the parent has (one changed in the
    parent, as tests do), and the parent checks that entry itself."""
    import hashlib

    h = hashlib.sha256(repr((entry.id, sorted(entry.symbols.items()), entry.given, str(entry.expected),
                             entry.definition, entry.reason)).encode())
    for fn in (entry.statement, entry.where, entry.experiment):
        h.update(repr((getattr(fn, "__module__", None), getattr(fn, "__qualname__", None))).encode())
        code = getattr(fn, "__code__", None)
        if code is not None:
            _code_digest(h, code)
    return h.hexdigest()


def check_catalog_entry(entry_id: str, signature: str | None = None) -> dict | None:
    """The catalog entry's Result JSON; ``None`` when this process's entry is not the one the parent has."""
    import formulas
    from verify.check import check

    entry = formulas.get(entry_id)
    if signature is not None and entry_signature(entry) != signature:
        return None
    result = check(entry, timeout=None)
    _memory_check(result)
    return result.to_json()


def run_mutant(entry_id: str, index: int, timeout: float) -> dict:
    """One mutant's :class:`~verify.mutate.run.MutantResult` as a dict."""
    from dataclasses import asdict

    from verify.mutate.run import run_one

    return asdict(run_one(entry_id, index, timeout))
