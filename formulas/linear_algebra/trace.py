"""The trace (cheat sheet line 114)."""

from __future__ import annotations

import sympy as sp

from .._authoring import NOT_CHECKABLE, PROVED, Entry, Eq, seed, tr

trace_definition = Entry(
    id="linalg.trace-definition",
    title="Trace: the sum of the diagonal entries",
    expected=NOT_CHECKABLE,
    definition=True,
    symbols={"A": "matrix n n"},
    statement=lambda A: Eq(tr(A), sp.Sum(A[sp.Symbol("i", integer=True), sp.Symbol("i", integer=True)],
                                         (sp.Symbol("i", integer=True), 0, A.shape[0] - 1))),
    seed=seed(114, 114, r"**D.** (Trace) of  $A \in \mathbb{R}^{n \times n}$  is  $\text{Tr}(A) = \sum_{i=1}^n a_{ii}$ ."),
    aliases=("trace", "Tr", "sum of diagonal"),
    tags=("trace",),
)


trace_cyclic = Entry(
    id="linalg.trace-cyclic",
    title="Cyclic property of the trace: tr(AB) = tr(BA)",
    expected=PROVED,
    symbols={"A": "matrix n m", "B": "matrix m n"},
    statement=lambda A, B: Eq(tr(A * B), tr(B * A)),
    aliases=("trace cyclic", "trace of product", "tr(AB)=tr(BA)", "trace commutes"),
    tags=("trace",),
    references=("Matrix Cookbook (Petersen & Pedersen 2012), eq. (16)",),
)
