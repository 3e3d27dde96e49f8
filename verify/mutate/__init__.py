"""Mutation testing of the verifier: ``sheetproof mutate``.

True catalog entries are mutated with the mistakes cheat-sheet authors make
(:mod:`verify.mutate.operators`); each mutant goes through the verifier
(:mod:`verify.mutate.run`).  The kill rate measures how sharp the verifier is.
"""

from .operators import OPERATORS, Mutant, mutants_of
from .run import MutantResult, plan, rates, run_mutants, run_one

__all__ = ["OPERATORS", "Mutant", "MutantResult", "mutants_of", "plan", "rates", "run_mutants", "run_one"]
