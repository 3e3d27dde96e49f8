"""Maximum likelihood for the covariance A (cheat sheet lines 682-706)."""

from __future__ import annotations

from .._authoring import (
    CONFIRMED,
    NOT_CHECKABLE,
    PROVED,
    REFUTED,
    D,
    Entry,
    Eq,
    Trace,
    det,
    log,
    seed,
)
from .experiments import _loglik_corrected, _loglik_printed, _mle_a_is_s, _outer_products
from .model import COOKBOOK, PRML_12, PRML_GAUSS, TIPPING_BISHOP

# Maximum likelihood for A -----------------------------------------------------------------------------
data_matrix_definition = Entry(
    id="latent.data-matrix-definition",
    title="Data: x_1..x_k i.i.d. N(0, A), stacked as the columns of X = [x_1 ... x_k]",
    expected=NOT_CHECKABLE,
    definition=True,
    seed=seed(682, 684, r"""Let's assume that  $\mathbf{x}_1, \dots, \mathbf{x}_k \stackrel{i.i.d.}{\sim} \mathcal{N}(\mathbf{0}, \mathbf{A})$ . Further let's define the data matrix  $\mathbf{X}$  as

$$\mathbf{X} = \begin{bmatrix} \mathbf{x}_1 & \mathbf{x}_2 & \cdots & \mathbf{x}_k \end{bmatrix}$$"""),
    aliases=("data matrix", "design matrix", "i.i.d. Gaussian sample"),
    tags=("maximum likelihood", "notation"),
)


empirical_covariance_outer_products = Entry(
    id="latent.empirical-covariance-outer-products",
    title="Empirical covariance S := (1/k) sum_i x_i x_i^T = (1/k) X X^T",
    expected=CONFIRMED,
    experiment=_outer_products,
    reason="the sum over a symbolic number k of columns is outside the engines: checked exactly, entry by "
           "entry, on symbolic X for every n, k in 1..3",
    seed=seed(688, 688, r"$$\mathbf{S} := \frac{1}{k} \sum_{i=1}^k \mathbf{x}_i \mathbf{x}_i^T = \frac{1}{k} \mathbf{X} \mathbf{X}^T.$$"),
    notes="The first equality defines S; the second is the checked claim. S is the (uncentred) second-moment "
          "matrix: it is the covariance estimate only because the model has mean 0.",
    aliases=("empirical covariance", "sample covariance", "scatter matrix", "S = XX^T/k", "outer products"),
    tags=("covariance", "maximum likelihood"),
)


gaussian_loglik_minus_logdet = Entry(
    id="latent.gaussian-loglik-minus-logdet",
    title="Gaussian log-likelihood as printed: -(k/2)(Tr(S A^-1) - log det A) + const",
    expected=REFUTED,
    experiment=_loglik_printed,
    reason="compared with the explicit sum of N(0, A) log-densities (sympy.stats) at small n, k: the "
           "difference changes with A (by k log(det A1 / det A2)), so it is not a constant",
    seed=seed(692, 692, r"$$\log(P(\mathbf{X}; \mathbf{A})) = -\frac{k}{2} \left( \text{Tr}(\mathbf{S}\mathbf{A}^{-1}) - \log(\det(\mathbf{A})) \right) + \text{const.}$$"),
    corrected_by="latent.gaussian-loglik-in-s",
    aliases=("log-likelihood gaussian", "Gaussian log likelihood", "likelihood in terms of S"),
    tags=("maximum likelihood", "Gaussian", "erratum"),
)


gaussian_loglik_in_s = Entry(
    id="latent.gaussian-loglik-in-s",
    title="log P(X; A) = -(k/2)(Tr(S A^-1) + log det A) - (kn/2) log(2 pi)",
    expected=CONFIRMED,
    experiment=_loglik_corrected,
    reason="compared with the explicit sum of N(0, A) log-densities (sympy.stats) at n, k in 1..3, to 50 digits",
    notes="Each sample contributes -(1/2) x_i^T A^-1 x_i - (1/2) log det A - (n/2) log 2 pi, and "
          "sum_i x_i^T A^-1 x_i = Tr(X^T A^-1 X) = k Tr(S A^-1) (latent.loglik-trace-step). "
          "With A = W W^T + Sigma this is the factor-analysis / PPCA log-likelihood.",
    see_also=("latent.loglik-trace-step",),
    aliases=("log-likelihood gaussian", "Gaussian log likelihood", "multivariate normal likelihood",
             "factor analysis log-likelihood", "PPCA log-likelihood", "likelihood in terms of S"),
    tags=("maximum likelihood", "Gaussian", "factor analysis", "PPCA"),
    references=(PRML_12 + " (eq. 12.44)", TIPPING_BISHOP + ", eq. (4)"),
)


loglik_trace_step = Entry(
    id="latent.loglik-trace-step",
    title="sum_i x_i^T A^-1 x_i = Tr(X^T A^-1 X) = Tr(X X^T A^-1) = k Tr(S A^-1)",
    expected=PROVED,
    symbols={"X": "matrix n k", "A": "matrix n n spd"},
    statement=lambda X, A: Eq(Trace(X.T * A.I * X), Trace(X * X.T * A.I)),
    seed=seed(694, 694, r"Note: this can be verified by using the definition of  $\mathbf{S}$ , the cyclic property of the trace, and then just write down the matrix-product as block-matrices and see what is the diagonal of the resulting matrix."),
    notes="The note's recipe: the diagonal of the block product X^T A^-1 X holds the terms x_i^T A^-1 x_i, and the "
          "cyclic property moves X^T to the back. Followed through, it gives +log det A "
          "(latent.gaussian-loglik-in-s), not the printed minus sign.",
    see_also=("latent.gaussian-loglik-in-s",),
    aliases=("sum of quadratic forms", "trace trick", "cyclic trace"),
    tags=("trace", "maximum likelihood"),
    references=(COOKBOOK + ", eq. (16) (cyclic trace)",),
)


grad_trace_s_ainv_as_printed = Entry(
    id="latent.grad-trace-s-ainv-as-printed",
    title="Gradient as printed: grad_A Tr(S A^-1) = -A^-1 S A",
    expected=REFUTED,
    symbols={"S": "matrix n n symmetric", "A": "matrix n n spd"},
    statement=lambda S, A: Eq(D(Trace(S * A.I), A), -A.I * S * A),
    seed=seed(698, 698, r"$$\nabla_{\mathbf{A}} \text{Tr}(\mathbf{S}\mathbf{A}^{-1}) = -\mathbf{A}^{-1}\mathbf{S}\mathbf{A}$$"),
    corrected_by="latent.grad-trace-s-ainv",
    notes="The last factor must be A^-1, not A.",
    aliases=("gradient trace inverse", "derivative of trace of inverse"),
    tags=("matrix calculus", "trace", "inverse", "erratum"),
)


grad_trace_s_ainv = Entry(
    id="latent.grad-trace-s-ainv",
    title="grad_A Tr(S A^-1) = -A^-1 S A^-1 (S, A symmetric)",
    expected=PROVED,
    symbols={"S": "matrix n n symmetric", "A": "matrix n n spd"},
    statement=lambda S, A: Eq(D(Trace(S * A.I), A), -A.I * S * A.I),
    notes="S and A are symmetric here (a sample covariance and a model covariance). In general (any S, "
          "invertible A) the gradient is -(A^-1 S A^-1)^T = -A^-T S^T A^-T (latent.grad-trace-b-xinv).",
    see_also=("latent.grad-trace-b-xinv", "deriv.grad-trace-inverse"),
    aliases=("gradient of Tr(S A^-1)", "trace of S times inverse covariance", "d Tr(S A^-1) / dA"),
    tags=("matrix calculus", "trace", "inverse"),
    references=(COOKBOOK + ", eq. (63)",),
)


grad_trace_b_xinv = Entry(
    id="latent.grad-trace-b-xinv",
    title="grad_X Tr(B X^-1) = -X^-T B^T X^-T (general B, invertible X)",
    expected=PROVED,
    symbols={"B": "matrix n n", "X": "matrix n n invertible"},
    statement=lambda B, X: Eq(D(Trace(B * X.I), X), -X.T.I * B.T * X.T.I),
    see_also=("latent.grad-trace-s-ainv", "deriv.grad-trace-inverse"),
    aliases=("gradient trace inverse", "derivative of trace of inverse"),
    tags=("matrix calculus", "trace", "inverse"),
    references=(COOKBOOK + ", eq. (63)",),
)


grad_logdet_covariance = Entry(
    id="latent.grad-logdet-spd",  # id issued before the constant was renamed (deriv has grad_logdet_spd)
    title="grad_A log det A = A^-1 for a covariance (SPD) A",
    expected=PROVED,
    symbols={"A": "matrix n n spd"},
    statement=lambda A: Eq(D(log(det(A)), A), A.I),
    seed=seed(700, 700, r"$$\nabla_{\mathbf{A}} \log(\det(\mathbf{A})) = \mathbf{A}^{-1}$$"),
    notes="A is a covariance matrix here, hence symmetric; for a general invertible X the gradient of "
          "log|det X| is X^-T (Matrix Cookbook eq. 57).",
    see_also=("deriv.grad-logdet-spd", "deriv.grad-logdet"),
    aliases=("gradient of log det of a covariance", "log det of SPD matrix", "d log|A| / dA covariance"),
    tags=("matrix calculus", "determinant"),
    references=(COOKBOOK + ", eq. (57)",),
)


loglik_stationarity_a = Entry(
    id="latent.loglik-stationarity-a",
    title="grad_A of -(k/2)(Tr(S A^-1) + log det A) is (k/2) A^-1 (S - A) A^-1: zero iff S A^-1 = I",
    expected=PROVED,
    symbols={"S": "matrix n n symmetric", "A": "matrix n n spd", "k": "scalar positive"},
    statement=lambda S, A, k: Eq(D(-(k / 2) * (Trace(S * A.I) + log(det(A))), A), (k / 2) * A.I * (S - A) * A.I),
    seed=seed(704, 704, r"$$\nabla_{\mathbf{A}} \log(P(\mathbf{X}; \mathbf{A})) = 0 \iff \mathbf{S}\mathbf{A}^{-1} = \mathbf{I}.$$"),
    notes="The printed equivalence holds for the correct log-likelihood (latent.gaussian-loglik-in-s): since "
          "A^-1 is invertible, the gradient vanishes iff S = A iff S A^-1 = I. The checked statement is the "
          "gradient's factored form, from which the equivalence is immediate.",
    see_also=("latent.gaussian-loglik-in-s", "latent.mle-covariance-is-s"),
    aliases=("stationarity condition", "score equation", "gradient of Gaussian log-likelihood"),
    tags=("maximum likelihood", "matrix calculus", "Gaussian"),
    references=(PRML_GAUSS, COOKBOOK + ", eqs. (57), (63)"),
)


mle_covariance_is_s = Entry(
    id="latent.mle-covariance-is-s",
    title="The maximum-likelihood covariance of N(0, A) is A = S",
    expected=CONFIRMED,
    experiment=_mle_a_is_s,
    reason="a maximisation: float64 LBFGS over A = L L^T converges to S, and no random SPD competitor has a "
           "higher log-likelihood (the exact argument: l(S) - l(A) = (k/2) sum_i (mu_i - 1 - log mu_i) >= 0 over "
           "the eigenvalues mu_i of S A^-1)",
    seed=seed(706, 706, r"So, the MLE for  $\mathbf{A}$  is just  $\mathbf{A} = \mathbf{S}$ ."),
    notes="Needs S invertible (k >= n samples in general position); the estimate is the biased (1/k) one.",
    aliases=("MLE covariance", "maximum likelihood estimate of covariance", "A = S"),
    tags=("maximum likelihood", "Gaussian", "covariance"),
    references=(PRML_GAUSS + "; eq. (2.122)",),
)
