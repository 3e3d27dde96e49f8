"""Seed lines that hold no catalog claim, each with the reason; repeated passages.

``EXPLAINED`` lists ``(first, last, reason)`` line ranges (1-based, inclusive) of
prose without a checkable claim, figure residue and lines garbled beyond any
meaning.  ``DUPLICATES`` lists ``((first, last), (first, last))`` pairs: a passage
the seed prints twice and the range of its first occurrence; identical lines map
to the same entries.
"""

EXPLAINED: list[tuple[int, int, str]] = []

DUPLICATES: list[tuple[tuple[int, int], tuple[int, int]]] = []
