"""Rules of probability: sum, product, Bayes, conditional independence (cheat sheet lines 5-15).

These are claims about every joint distribution of discrete random variables; the symbol grammar has
no joint distributions, so the theorems among them are checked exactly on random finite joint
distributions (``experiments``), and the definitions say so.
"""

from __future__ import annotations

from .._authoring import CONFIRMED, NOT_CHECKABLE, Entry, seed
from . import experiments

PROB_REFS = ("Bishop, Pattern Recognition and Machine Learning (2006), sec. 1.2",
             "Wasserman, All of Statistics (2004), ch. 1-2")
_NO_JOINT_LAWS = "the symbol grammar has no joint distributions of discrete random variables, so it is checked"

sum_rule = Entry(
    id="prob.sum-rule",
    title="Sum rule: a marginal is the sum of the joint over the other variable, P(X = x) = ∑ⱼ P(X = x, Y = yⱼ)",
    expected=CONFIRMED,
    experiment=experiments.sum_rule,
    reason=f"a claim about every discrete joint distribution; {_NO_JOINT_LAWS} exactly on random finite joint "
           "distributions with rational probabilities",
    seed=seed(5, 5, r"Sum Rule  $P(X = x_i) = \sum_{j=1}^J p(X = x_i, Y = y_j)$"),
    notes="The events {Y = yⱼ} partition the sample space, so this is the additivity of probability.",
    aliases=("sum rule", "marginalisation", "marginalization", "law of total probability", "marginal distribution"),
    tags=("probability", "marginal", "joint distribution"),
    references=PROB_REFS,
)

product_rule = Entry(
    id="prob.product-rule",
    title="Product rule: P(X, Y) = P(Y | X) P(X)",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="the definition of the conditional probability P(Y | X) = P(X, Y) / P(X) (for P(X) > 0), multiplied "
           "out; where P(X) = 0 both sides are 0",
    seed=seed(7, 7, r"Product rule  $P(X, Y) = P(Y|X)P(X)$"),
    see_also=("prob.bayes-rule",),
    aliases=("product rule", "chain rule of probability", "joint from conditional", "P(X,Y)=P(Y|X)P(X)"),
    tags=("probability", "conditional probability", "joint distribution"),
    references=PROB_REFS,
)

independence_definition = Entry(
    id="prob.independence-definition",
    title="Independence: the joint factorises, P(X, Y) = P(X) P(Y)",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="this factorisation is the definition of independent random variables",
    seed=seed(9, 9, r"Independence  $P(X, Y) = P(X)P(Y)$"),
    aliases=("independence", "independent random variables", "factorisation of the joint"),
    tags=("probability", "independence"),
    references=PROB_REFS,
)

bayes_rule = Entry(
    id="prob.bayes-rule",
    title="Bayes' rule with the evidence expanded: P(Y | X) = P(X | Y) P(Y) / ∑ᵢ P(X | Yᵢ) P(Yᵢ)",
    expected=CONFIRMED,
    experiment=experiments.bayes_rule,
    reason=f"a claim about every discrete joint distribution; {_NO_JOINT_LAWS} exactly on random finite joint "
           "distributions, conditional probabilities computed by restricting the sample space",
    seed=seed(11, 11, r"Bayes' Rule  $P(Y|X) = \frac{P(X|Y)P(Y)}{\sum_{i=1}^k P(X|Y_i)P(Y_i)}$"),
    notes="The denominator is P(X) written by the sum and product rules; Yᵢ ranges over the values of Y.",
    aliases=("Bayes rule", "Bayes theorem", "Bayes' theorem", "posterior", "inverse probability"),
    tags=("probability", "conditional probability", "posterior", "bayesian"),
    references=PROB_REFS,
)

cond_independence_definition = Entry(
    id="prob.cond-independence-definition",
    title="Conditional independence: P(X, Y | Z) = P(X | Z) P(Y | Z)",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="the factorisation given Z is the definition of X and Y being conditionally independent given Z",
    seed=seed(13, 13, r"Cond. Ind.  $X \perp\!\!\!\perp Y|Z \Rightarrow P(X, Y|Z) = P(X|Z)P(Y|Z)$"),
    see_also=("prob.cond-independence-drop",),
    aliases=("conditional independence", "X independent of Y given Z"),
    tags=("probability", "independence", "graphical models"),
    references=("Bishop, Pattern Recognition and Machine Learning (2006), sec. 8.2",),
)

cond_independence_drop = Entry(
    id="prob.cond-independence-drop",
    title="Conditional independence lets Y be dropped: P(X | Y, Z) = P(X | Z)",
    expected=CONFIRMED,
    experiment=experiments.cond_independence_drop,
    reason=f"a claim about every conditionally independent triple; {_NO_JOINT_LAWS} exactly on random fork "
           "distributions p(z) p(x | z) p(y | z) (conditionally independent by construction), for every "
           "(x, y, z) with P(Y = y, Z = z) > 0",
    seed=seed(15, 15, r"Cond. Ind.  $X \perp\!\!\!\perp Y|Z \Rightarrow P(X|Y, Z) = P(X|Z)$"),
    aliases=("conditional independence", "irrelevance of Y given Z"),
    tags=("probability", "independence", "graphical models"),
    references=("Bishop, Pattern Recognition and Machine Learning (2006), sec. 8.2",),
)
