"""Regressions of the LaTeX side: ``\\iffalse`` blocks, ``\\\\[4pt]``, ``\\intertext``, number sets as conditions.

Before: an equation inside ``\\iffalse ... \\fi`` was checked (and refuted); ``\\\\[4pt]`` made the next row
unreadable ('p'); ``\\intertext{...}`` was an unknown command; ``t \\in \\mathbb{R}`` alone was an unreadable
condition while ``t \\in \\mathbb{R}_{+}`` or ``n \\in \\mathbb{N}`` was dropped (read for every real t or n).
"""

import pytest

TEX = r"""% sheetproof:
%   symbols: {s: scalar positive, t: scalar}
\documentclass{article}
\begin{document}
\begin{align}
  (t + 1)^2 &= t^2 + 2t + 1 \\[4pt]
  \log s^2 &\leq s^2 \\*
  t - t &= 0
  \intertext{and the last one}
  s \cdot 1 &= s
\end{align}
\iffalse
\begin{equation} s = s + 1 \end{equation}
\fi
\end{document}
"""


def test_rows_after_spacing_and_intertext_and_no_iffalse(read):
    notes = read(TEX, "latex", "rows.tex")
    assert [(c.claim, c.error) for c in notes.claims] == [
        ("(t + 1)**2 == t**2 + 2*t + 1", None), ("log(s**2) <= s**2", None), ("t - t == 0", None),
        ("s*1 == s", None)]


SETS = {"t": "scalar", "n": "scalar positive integer", "m": "scalar integer", "x": "vector k"}
READ = [
    (r"t^2 \geq 0 \qquad \forall t \in \mathbb{R}", ()),
    (r"\sqrt{t^2} = t \quad \text{for } t \in \mathbb{R}_{+}", ("t >= 0",)),
    (r"\sqrt{t^2} = t \quad \text{for } t \in \mathbb{R}_{>0}", ("t > 0",)),
    (r"(-1)^{2n} = 1 \quad \text{for } n \in \mathbb{N}", ()),
    (r"(-1)^{2m} = 1 \quad \text{for } m \in \mathbb{Z}", ()),
    (r"\mathbf{x}^\top\mathbf{x} \geq 0 \quad \forall \mathbf{x} \in \mathbb{R}^k", ()),
]
REFUSED = [
    (r"(-1)^{2m} = 1 \quad \text{for } m \in \mathbb{N}", "declare m as a positive integer"),
    (r"(-1)^{2t} = 1 \quad \text{for } t \in \mathbb{Z}", "declare t as an integer"),
    (r"t = t \quad \forall t \in \mathbb{C}", "number set the reader does not know"),
]


@pytest.mark.parametrize(("tex", "where"), READ)
def test_number_set_conditions(read, md, tex, where):
    (claim,) = read(md(f"$$ {tex} $$\n", SETS)).claims
    assert claim.error is None, claim.error
    assert tuple(claim.identity.where) == where


@pytest.mark.parametrize(("tex", "why"), REFUSED)
def test_number_sets_the_declarations_do_not_imply(read, md, tex, why):
    (claim,) = read(md(f"$$ {tex} $$\n", SETS)).claims
    assert claim.identity is None and why in claim.error, claim.error
