"""The engines: each runs one kind of check on a relational claim and returns evidence.

* :mod:`~verify.engines.symbolic` -- exact proofs at symbolic size (index-notation normal
  forms, :mod:`verify.tensor`; SymPy for scalars, never with forced rewrites);
* :mod:`~verify.engines.numeric` -- float64 draws in torch, derivatives by autograd;
* :mod:`~verify.engines.explicit` -- exact algebra on explicit matrices of symbols at listed sizes;
* :mod:`~verify.engines.search` -- a hypothesis search for an exact counterexample;
* :mod:`~verify.engines.points` -- one point, exactly: does the claim hold, fail, or is it undefined there.

:mod:`verify.relational` runs them in order and :mod:`verify.check` turns their evidence into a verdict.
"""
