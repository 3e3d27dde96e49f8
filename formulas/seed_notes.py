"""Seed lines that hold no catalog claim, each with the reason; repeated passages.

``DUPLICATES`` lists ``((first, last), (first, last))`` pairs: a passage the seed
prints again, and the range of its first occurrence; a repeated line that is
identical to a line of the first occurrence maps to the same entries.

``EXPLAINED`` lists ``(first, last, reason)`` line ranges (1-based, inclusive)
of prose without a checkable claim, figure residue, and lines garbled beyond
meaning.  Ranges may include blank lines.
"""

DUPLICATES: list[tuple[tuple[int, int], tuple[int, int]]] = [
    ((277, 283), (180, 186)),  # Montufar theorem and S = UΣ²Uᵀ, second copy
    ((287, 291), (180, 184)),  # Montufar theorem, third copy
    ((443, 447), (437, 441)),  # "Local minima" passage printed under 13.4 and 13.5
    ((449, 451), (293, 294)),  # "Efficient computation of convolutional activities", second copy
    ((453, 546), (296, 389)),  # sections 12.7-12.12.5 printed twice
]

EXPLAINED: list[tuple[int, int, str]] = [
    (61, 61, "title line of the Cauchy-Schwarz theorem; its statements follow on lines 63-69"),
    (81, 81, "title line of the list of convex-function properties (lines 83-88)"),
    (90, 90, "title line of the Taylor-Lagrange formula (line 92)"),
    (94, 94, "title line of Jensen's inequality (lines 96-100)"),
    (132, 132, "sub-heading 'Denominator Convention' (bold markup, no claim)"),
    (269, 269, "empty theorem heading '(Convolution Properties)': its content is missing from the seed"),
    (271, 271, "empty definition heading '(Non-Linear Autoencoders)': its content is missing from the seed"),
    (279, 279, "repeats line 182 (the Montufar bound) with $ instead of $$ markup: same entry"),
    (289, 289, "repeats line 182 (the Montufar bound) with $ instead of $$ markup: same entry"),
    (291, 291, "a truncated copy of line 184 ending in broken markup '</math$': garbled beyond meaning"),
    (326, 326, "prose: 'Ex: Here we have' introduces the channel example (lines 328-329)"),
    (381, 384, "prose about GoogLeNet's design choices: history, no checkable claim"),
    (439, 439, "prose: motivation (the history of convex vs non-convex optimization)"),
    (441, 441, "a shortened repeat of line 425 (the garbled optimality line): same reading as "
               "opt.optimality-condition-as-printed"),
    (548, 548, "figure residue: a broken HTML tag '</div'"),
    (560, 562, "prose comparing text and image processing: no mathematical claim"),
    (584, 592, "prose: the tasks an embedding should serve (clustering, sentiment, translation, tagging)"),
    (598, 598, "prose: the motivation for mutual information between nearby words"),
    (606, 608, "prose: interpretation of PMI and the step to skip-grams"),
    (636, 638, "prose: the motivation of factor analysis (noise per component, clustering view)"),
    (654, 654, "prose: a question introducing the data-compression view"),
    (660, 660, "connective 'So,'"),
    (672, 672, "connective introducing the limits of line 674"),
    (676, 676, "prose: summary of the zero-noise encoder"),
    (680, 680, "prose: a question introducing maximum-likelihood estimation"),
    (686, 686, "connective introducing the empirical covariance (line 688)"),
    (690, 690, "connective introducing the log-likelihood (line 692)"),
    (696, 696, "connective introducing the gradients (lines 698-700)"),
    (702, 702, "connective introducing the stationarity condition (line 704)"),
    (708, 708, "prose: what is wanted is W and Σ, not A"),
    (712, 712, "connective 'using the chain rule we get'"),
    (716, 716, "connective introducing the stationary condition (line 718)"),
    (720, 720, "connective introducing the eigenvector equation (line 722)"),
    (724, 724, "connective introducing the Tipping-Bishop solution (line 726)"),
    (750, 750, "prose: history of de Finetti's theorem"),
    (756, 758, "prose: hopes for latent variables (interpretable, actionable, causal)"),
    (774, 774, "terminology: other names of the encoder and decoder networks"),
    (790, 790, "connective 'So we will alternate between' introducing lines 792-800"),
    (826, 826, "prose: the order of backpropagation and updates in VAE training"),
    (830, 834, "prose: the goal of generative modelling and why it is hard; no checkable claim"),
]
