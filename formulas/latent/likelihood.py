"""Maximum likelihood for the covariance A (cheat sheet lines 682-706).

x₁, …, x_k i.i.d. N(0, A) in ℝⁿ are the columns of X (n × k) and S = XXᵀ/k.  The log-likelihood is the sum of
the k Gaussian log-densities −½xᵢᵀA⁻¹xᵢ − ½ log det(2πA); the sum of the quadratic forms is the trace
tr(XᵀA⁻¹X), whose diagonal holds them.  Gradients are in denominator layout, every entry of A independent.
"""

from __future__ import annotations

from .._authoring import (
    CONFIRMED,
    NOT_CHECKABLE,
    PROVED,
    REFUTED,
    D,
    Entry,
    Eq,
    Ge,
    Identity,
    S,
    ScalarOf,
    Trace,
    ZeroMatrix,
    det,
    log,
    pi,
    seed,
)
from . import experiments
from .model import COOKBOOK, PRML_12, PRML_GAUSS, TIPPING_BISHOP

_DATA = {"X": "matrix n k", "A": "matrix n n spd"}


def _loglik(X, A, k):
    """∑ᵢ log N(xᵢ; 0, A) = −½ tr(XᵀA⁻¹X) − (k/2) log det(2πA)."""
    return -Trace(X.T * A.I * X) / 2 - k * log(det(2 * pi * A)) / 2


def _sample_covariance(X, k):
    return X * X.T / k


data_matrix_definition = Entry(
    id="latent.data-matrix-definition",
    title="Data: x₁, …, x_k i.i.d. N(0, A), the columns of X = [x₁ … x_k]",
    expected=NOT_CHECKABLE,
    definition=True,
    seed=seed(682, 684, r"""Let's assume that  $\mathbf{x}_1, \dots, \mathbf{x}_k \stackrel{i.i.d.}{\sim} \mathcal{N}(\mathbf{0}, \mathbf{A})$ . Further let's define the data matrix  $\mathbf{X}$  as

$$\mathbf{X} = \begin{bmatrix} \mathbf{x}_1 & \mathbf{x}_2 & \cdots & \mathbf{x}_k \end{bmatrix}$$"""),
    aliases=("data matrix", "design matrix", "i.i.d. Gaussian sample"),
    tags=("maximum likelihood", "notation"),
)

empirical_covariance_outer_products = Entry(
    id="latent.empirical-covariance-outer-products",
    title="Empirical covariance: S := (1/k) ∑ᵢ xᵢxᵢᵀ = (1/k) XXᵀ",
    expected=CONFIRMED,
    experiment=experiments.empirical_covariance_outer_products,
    reason="a sum over the columns of X, which the grammar cannot name: checked exactly, entry by entry, on symbolic "
           "X for every n, k ∈ 1..3",
    seed=seed(688, 688, r"$$\mathbf{S} := \frac{1}{k} \sum_{i=1}^k \mathbf{x}_i \mathbf{x}_i^T = \frac{1}{k} \mathbf{X} \mathbf{X}^T.$$"),
    notes="The first equality defines S; the second is the claim checked.  S is the (uncentred) second-moment "
          "matrix: it is the covariance estimate because the model has mean 0.",
    aliases=("empirical covariance", "sample covariance", "scatter matrix", "S = XX^T/k", "outer products"),
    tags=("covariance", "maximum likelihood"),
)

gaussian_loglik_minus_logdet = Entry(
    id="latent.gaussian-loglik-minus-logdet",
    title="Gaussian log-likelihood as printed: log P(X; A) = −(k/2)(tr(SA⁻¹) − log det A) + const",
    expected=REFUTED,
    symbols=_DATA,
    statement=lambda X, A, k: Eq(D(_loglik(X, A, k) + (k / S(2)) * (Trace(_sample_covariance(X, k) * A.I)
                                                                     - log(det(A))), A),
                                 ZeroMatrix(X.shape[0], X.shape[0])),
    seed=seed(692, 692, r"$$\log(P(\mathbf{X}; \mathbf{A})) = -\frac{k}{2} \left( \text{Tr}(\mathbf{S}\mathbf{A}^{-1}) - \log(\det(\mathbf{A})) \right) + \text{const.}$$"),
    corrected_by="latent.gaussian-loglik-in-s",
    reason="'+ const' claims that the difference of the two sides does not depend on A; the statement is that its "
           "gradient in A vanishes (A ranges over the connected cone of SPD matrices), and the gradient is −kA⁻¹",
    aliases=("log-likelihood gaussian", "Gaussian log likelihood", "likelihood in terms of S"),
    tags=("maximum likelihood", "Gaussian", "erratum"),
)

gaussian_loglik_in_s = Entry(
    id="latent.gaussian-loglik-in-s",
    title="log P(X; A) = −(k/2)(tr(SA⁻¹) + log det A) − (kn/2) log 2π",
    expected=PROVED,
    symbols=_DATA,
    statement=lambda X, A, n, k: Eq(_loglik(X, A, k),
                                    -(k / S(2)) * (Trace(_sample_covariance(X, k) * A.I) + log(det(A)))
                                    - n * k * log(2 * pi) / 2),
    notes="The left side is the sum of the k log-densities of N(0, A), −½ tr(XᵀA⁻¹X) − (k/2) log det(2πA); "
          "tr(XᵀA⁻¹X) = k tr(SA⁻¹) is latent.loglik-trace-step and det(2πA) = (2π)ⁿ det A.  With A = WWᵀ + Σ this "
          "is the factor-analysis and PPCA log-likelihood.",
    see_also=("latent.loglik-trace-step",),
    aliases=("log-likelihood gaussian", "Gaussian log likelihood", "multivariate normal likelihood",
             "factor analysis log-likelihood", "PPCA log-likelihood", "likelihood in terms of S",
             "Gaussian log-likelihood of the covariance"),
    tags=("maximum likelihood", "Gaussian", "factor analysis", "PPCA"),
    references=(PRML_12 + " (eq. 12.44)", TIPPING_BISHOP + ", eq. (4)"),
)

loglik_trace_step = Entry(
    id="latent.loglik-trace-step",
    title="∑ᵢ xᵢᵀA⁻¹xᵢ = tr(XᵀA⁻¹X) = k tr(SA⁻¹) for S = XXᵀ/k",
    expected=PROVED,
    symbols=_DATA,
    statement=lambda X, A, k: Eq(Trace(X.T * A.I * X), k * Trace(_sample_covariance(X, k) * A.I)),
    seed=seed(694, 694, r"Note: this can be verified by using the definition of  $\mathbf{S}$ , the cyclic property of the trace, and then just write down the matrix-product as block-matrices and see what is the diagonal of the resulting matrix."),
    notes="The note's recipe: the diagonal of the block product XᵀA⁻¹X holds the terms xᵢᵀA⁻¹xᵢ (so their sum is the "
          "trace), and the cyclic property with S = XXᵀ/k gives k tr(SA⁻¹); k is the number of columns of X.  "
          "Followed through it gives +log det A (latent.gaussian-loglik-in-s), not the printed minus sign.",
    see_also=("latent.gaussian-loglik-in-s",),
    aliases=("sum of quadratic forms", "trace trick", "cyclic trace"),
    tags=("trace", "maximum likelihood"),
    references=(COOKBOOK + ", eq. (16) (cyclic trace)",),
)

grad_trace_s_ainv_as_printed = Entry(
    id="latent.grad-trace-s-ainv-as-printed",
    title="Gradient as printed: ∂ tr(SA⁻¹)/∂A = −A⁻¹SA",
    expected=REFUTED,
    symbols={"S": "matrix n n symmetric", "A": "matrix n n spd"},
    statement=lambda S, A: Eq(D(Trace(S * A.I), A), -A.I * S * A),
    seed=seed(698, 698, r"$$\nabla_{\mathbf{A}} \text{Tr}(\mathbf{S}\mathbf{A}^{-1}) = -\mathbf{A}^{-1}\mathbf{S}\mathbf{A}$$"),
    corrected_by="latent.grad-trace-s-ainv",
    notes="The last factor must be A⁻¹, not A.",
    aliases=("gradient trace inverse", "derivative of trace of inverse"),
    tags=("matrix calculus", "trace", "inverse", "erratum"),
)

grad_trace_s_ainv = Entry(
    id="latent.grad-trace-s-ainv",
    title="∂ tr(SA⁻¹)/∂A = −A⁻¹SA⁻¹ for symmetric S and A",
    expected=PROVED,
    symbols={"S": "matrix n n symmetric", "A": "matrix n n spd"},
    statement=lambda S, A: Eq(D(Trace(S * A.I), A), -A.I * S * A.I),
    notes="S and A are symmetric here (a sample covariance and a model covariance).  In general (any S, invertible A) "
          "the gradient is −(A⁻¹SA⁻¹)ᵀ = −A⁻ᵀSᵀA⁻ᵀ (latent.grad-trace-b-xinv).",
    see_also=("latent.grad-trace-b-xinv", "deriv.grad-trace-inverse"),
    aliases=("gradient of Tr(S A^-1)", "trace of S times inverse covariance", "d Tr(S A^-1) / dA"),
    tags=("matrix calculus", "trace", "inverse"),
    references=(COOKBOOK + ", eq. (63)",),
)

grad_trace_b_xinv = Entry(
    id="latent.grad-trace-b-xinv",
    title="∂ tr(BX⁻¹)/∂X = −X⁻ᵀBᵀX⁻ᵀ for any B and invertible X",
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
    title="∂ log det A/∂A = A⁻¹ for a covariance (SPD) A",
    expected=PROVED,
    symbols={"A": "matrix n n spd"},
    statement=lambda A: Eq(D(log(det(A)), A), A.I),
    seed=seed(700, 700, r"$$\nabla_{\mathbf{A}} \log(\det(\mathbf{A})) = \mathbf{A}^{-1}$$"),
    notes="A is a covariance matrix here, hence symmetric; for a general invertible X the gradient of log|det X| is "
          "X⁻ᵀ (Matrix Cookbook eq. 57).",
    see_also=("deriv.grad-logdet-spd", "deriv.grad-logdet"),
    aliases=("gradient of log det of a covariance", "log det of SPD matrix", "d log|A| / dA covariance"),
    tags=("matrix calculus", "determinant"),
    references=(COOKBOOK + ", eq. (57)",),
)

loglik_stationarity_a = Entry(
    id="latent.loglik-stationarity-a",
    title="∂ log P(X; A)/∂A = (k/2) A⁻¹(SA⁻¹ − I), so the gradient vanishes iff SA⁻¹ = I",
    expected=PROVED,
    symbols={"S": "matrix n n symmetric", "A": "matrix n n spd", "k": "scalar positive"},
    statement=lambda S, A, k: Eq(D(-(k / 2) * (Trace(S * A.I) + log(det(A))), A),
                                 (k / 2) * A.I * (S * A.I - Identity(A.shape[0]))),
    seed=seed(704, 704, r"$$\nabla_{\mathbf{A}} \log(P(\mathbf{X}; \mathbf{A})) = 0 \iff \mathbf{S}\mathbf{A}^{-1} = \mathbf{I}.$$"),
    notes="The gradient of the correct log-likelihood (latent.gaussian-loglik-in-s; its constant does not depend on A) "
          "has the factor SA⁻¹ − I after the invertible A⁻¹, which gives the printed equivalence; that gradient is "
          "checked.  For the printed "
          "log-likelihood with −log det A the gradient would be (k/2)(A⁻¹SA⁻¹ + A⁻¹), never 0 for SPD A.",
    see_also=("latent.gaussian-loglik-in-s", "latent.mle-covariance-is-s"),
    aliases=("stationarity condition", "score equation", "gradient of Gaussian log-likelihood"),
    tags=("maximum likelihood", "matrix calculus", "Gaussian"),
    references=(PRML_GAUSS, COOKBOOK + ", eqs. (57), (63)"),
)

gaussian_loglik_grad_sigma = Entry(
    id="latent.gaussian-loglik-grad-sigma",
    title="Gradient of the Gaussian log-density in Σ: ∂ log N(x; μ, Σ)/∂Σ = −½Σ⁻¹ + ½Σ⁻¹(x − μ)(x − μ)ᵀΣ⁻¹",
    expected=PROVED,
    symbols={"r": "vector n", "Sigma": "matrix n n spd"},
    statement=lambda r, Sigma: Eq(D(-log(det(2 * pi * Sigma)) / 2 - ScalarOf(r.T * Sigma.I * r) / 2, Sigma),
                                  -Sigma.I / 2 + Sigma.I * r * r.T * Sigma.I / 2),
    notes="log N(x; μ, Σ) = −½ log det(2πΣ) − ½rᵀΣ⁻¹r depends on x and μ through r = x − μ only, which the statement "
          "declares.  Every entry of Σ independent, evaluated at a symmetric positive definite Σ (the usual convention "
          "in maximum-likelihood derivations).  Summed over samples it is latent.loglik-stationarity-a.",
    see_also=("latent.loglik-stationarity-a", "deriv.grad-logdet-spd"),
    aliases=("Gaussian log-likelihood gradient", "gradient of log density in covariance", "d log N / d Sigma"),
    tags=("maximum likelihood", "matrix calculus", "Gaussian"),
    references=(COOKBOOK + ", eqs. (57), (61)",),
)

mle_covariance_is_s = Entry(
    id="latent.mle-covariance-is-s",
    title="The maximum-likelihood covariance of N(0, A) is A = S: log P(X; S) ≥ log P(X; A) for every SPD A",
    expected=CONFIRMED,
    symbols={"S": "matrix n n spd", "A": "matrix n n spd"},
    statement=lambda S, A: Ge(-(S.shape[0] + log(det(S))), -(Trace(S * A.I) + log(det(A)))),
    seed=seed(706, 706, r"So, the MLE for  $\mathbf{A}$  is just  $\mathbf{A} = \mathbf{S}$ ."),
    reason="an inequality SymPy does not prove: float64 draws of SPD S and A and an exact counterexample search find "
           "no A beating S",
    notes="Stated as tr(SA⁻¹) + log det A ≥ n + log det S, the log-likelihood −(k/2)(tr(SA⁻¹) + log det A) compared at "
          "A and at A = S (where tr(SS⁻¹) = n), which is checked.  The exact argument: the gap is ∑ᵢ (μᵢ − 1 − log μᵢ) ≥ 0 over the "
          "eigenvalues μᵢ of SA⁻¹.  Needs S invertible (k ≥ n samples in general position); the estimate is the "
          "biased 1/k one.",
    aliases=("MLE covariance", "maximum likelihood estimate of covariance", "A = S"),
    tags=("maximum likelihood", "Gaussian", "covariance"),
    references=(PRML_GAUSS + "; eq. (2.122)",),
)
