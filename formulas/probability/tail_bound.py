"""Chebyshev's inequality (cheat sheet line 55)."""

from __future__ import annotations

from .._authoring import CONFIRMED, Entry, seed
from . import experiments

chebyshev = Entry(
    id="prob.chebyshev",
    title="Chebyshev's inequality: P(|X − μ| ≥ ε) ≤ σ²/ε²",
    expected=CONFIRMED,
    experiment=experiments.chebyshev,
    reason="an inequality about every distribution with finite variance; the engine's random-variable checks "
           "decide equalities only, so the evidence is an exhaustive exact search over small discrete laws",
    seed=seed(55, 55, r"**T.** (Chebyshev) Let  $X$  be a rv with  $E[X] = \mu$  and variance  $\text{Var}[X] = \sigma^2 < \infty$ . Then for any  $\epsilon > 0$ , we have  $P(|X - \mu| \geq \epsilon) \leq \frac{\sigma^2}{\epsilon^2}$ ."),
    notes="Proof: Markov's inequality applied to (X − μ)², P((X − μ)² ≥ ε²) ≤ E[(X − μ)²]/ε².",
    aliases=("Chebyshev inequality", "Chebyshev bound", "Tschebyscheff", "concentration inequality", "tail bound"),
    tags=("inequality", "variance", "concentration"),
    references=("Wasserman, All of Statistics (2004), Thm. 4.2",
                "Casella & Berger, Statistical Inference (2nd ed.), Thm. 3.6.1"),
)
