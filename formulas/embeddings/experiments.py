"""Evidence for the embeddings chapter's existence and optimality claims about matrices.

Each function is named after the entry it serves.  Test matrices are symmetric co-occurrence counts of
random Zipf-distributed token sequences, built here; ``torch`` is imported inside the functions.
"""

from __future__ import annotations

from .._authoring import Outcome

__all__ = ["cooccurrence_factorisation_as_printed", "symmetric_eigendecomposition", "svd_embedding"]


def _cooccurrence(g, T: int, m: int, R: int):
    """C[u, v] = #{(i, j): 1 ≤ |i − j| ≤ R, wᵢ = u, wⱼ = v} for a Zipf-like random sequence of T tokens over m words."""
    import torch

    p = 1.0 / torch.arange(1, m + 1, dtype=torch.float64)
    w = torch.multinomial(p / p.sum(), T, replacement=True, generator=g)
    C = torch.zeros(m, m, dtype=torch.float64)
    for r in range(1, R + 1):
        C.index_put_((w[:-r], w[r:]), torch.ones(T - r, dtype=torch.float64), accumulate=True)
        C.index_put_((w[r:], w[:-r]), torch.ones(T - r, dtype=torch.float64), accumulate=True)
    return C


def cooccurrence_factorisation_as_printed() -> Outcome:
    """emb.cooccurrence-factorisation-as-printed: Cᵢⱼ = oᵢᵀVΛVᵀoⱼ for every pair of words, with V, Λ the
    eigendecomposition of C (computed by eigh) and oᵢ the columns of the identity."""
    import torch

    g = torch.Generator().manual_seed(34)
    worst = 0.0
    for T, m, R in ((80, 6, 2), (300, 20, 4)):
        C = _cooccurrence(g, T, m, R)
        lam, V = torch.linalg.eigh(C)
        onehots = torch.eye(m, dtype=C.dtype)
        orth = float((V.mT @ V - onehots).abs().max())
        if orth > 1e-12:
            return Outcome(False, f"T = {T}, m = {m}: eigh's V is not orthogonal, ‖VᵀV − I‖ = {orth:.2g}", {"m": m})
        for i in range(m):
            for j in range(m):
                entry = onehots[:, i] @ V @ torch.diag(lam) @ V.mT @ onehots[:, j]
                err = abs(float(entry - C[i, j])) / (1 + float(C.abs().max()))
                worst = max(worst, err)
                if err > 1e-12:
                    return Outcome(False, f"T = {T}, m = {m}: oᵢᵀVΛVᵀoⱼ − Cᵢⱼ = {err:.2g} at (i, j) = ({i}, {j})",
                                   {"i": i, "j": j, "m": m})
    return Outcome(True, f"every entry (i, j) of two co-occurrence matrices (m = 6, 20): oᵢᵀVΛVᵀoⱼ = Cᵢⱼ with V "
                         f"orthogonal and Λ real diagonal from eigh, to round-off (max relative error {worst:.1e})")


def symmetric_eigendecomposition() -> Outcome:
    """emb.symmetric-eigendecomposition: the witnesses V, Λ computed by eigh on co-occurrence matrices."""
    import torch

    g = torch.Generator().manual_seed(35)
    worst = 0.0
    for T, m, R in ((100, 8, 2), (400, 30, 3), (300, 50, 5)):
        C = _cooccurrence(g, T, m, R)
        lam, V = torch.linalg.eigh(C)
        err = float((V @ torch.diag(lam) @ V.mT - C).abs().max()) / (1 + float(C.abs().max()))
        orth = float((V.mT @ V - torch.eye(m, dtype=C.dtype)).abs().max())
        worst = max(worst, err, orth)
        if err > 1e-12 or orth > 1e-12:
            return Outcome(False, f"T = {T}, m = {m}: reconstruction error {err:.2g}, ‖VᵀV − I‖ {orth:.2g}", {"m": m})
    return Outcome(True, f"three co-occurrence matrices (m = 8, 30, 50): orthogonal V and real Λ with VΛVᵀ = C to "
                         f"round-off (max relative error {worst:.1e})")


def svd_embedding() -> Outcome:
    """emb.svd-embedding: the truncation VₖΛₖVₖᵀ (k largest |λ|) attains the Eckart-Young error and no random rank-k
    matrix, nor any small perturbation of its factors, does better."""
    import torch

    g = torch.Generator().manual_seed(36)
    checked = 0
    for T, m, R in ((300, 12, 2), (600, 40, 4)):
        C = _cooccurrence(g, T, m, R)
        lam, V = torch.linalg.eigh(C)
        s = torch.linalg.svdvals(C)  # singular values = |eigenvalues|, descending
        for k in (1, 2, 4, 8):
            top = lam.abs().argsort(descending=True)[:k]
            Ck = V[:, top] @ torch.diag(lam[top]) @ V[:, top].mT
            err = float(torch.linalg.matrix_norm(C - Ck))
            optimum = float(s[k:].square().sum().sqrt())
            if abs(err - optimum) > 1e-9 * (1 + optimum):
                return Outcome(False, f"T = {T}, k = {k}: truncation error {err:.6g}, Eckart-Young optimum {optimum:.6g}",
                               {"k": k, "error": err, "optimum": optimum})
            for _ in range(20):
                A, B = Ck @ torch.randn(m, k, generator=g, dtype=torch.float64), torch.randn(k, m, generator=g, dtype=torch.float64)
                rivals = [A @ B, Ck + 1e-3 * (V[:, top] @ torch.randn(k, m, generator=g, dtype=torch.float64))]
                for M in rivals:
                    checked += 1
                    if float(torch.linalg.matrix_norm(C - M)) < err - 1e-9:
                        return Outcome(False, f"T = {T}, k = {k}: a rank-{k} matrix beats the truncation",
                                       {"k": k, "truncation": err, "rival": float(torch.linalg.matrix_norm(C - M))})
    return Outcome(True, f"co-occurrence matrices (m = 12, 40), k = 1, 2, 4, 8: the truncation to the k largest |λ| "
                         f"attains the Eckart-Young error √(∑_{{r>k}} σ_r²), and none of {checked} other rank-k matrices "
                         "(random ones and perturbations of the truncation) comes closer to C")
