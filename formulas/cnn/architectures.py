"""Famous architectures, inception modules and 1×1 convolutions (cheat sheet lines 342-389, repeated at 499-546).

Parameter counts of published networks are statements in exact integer arithmetic, written out layer
by layer (kept unevaluated so that they print as the computation): a convolution with c_in input
channels, c_out kernels of k × k has c_out(c_in k² + 1) parameters, a fully connected layer from d
to N units N(d + 1) (cnn.param-count-conv, cnn.param-count-fully-connected).
"""

from __future__ import annotations

import sympy as sp
from sympy import Min

from .._authoring import CONFIRMED, NOT_CHECKABLE, PROVED, Entry, Eq, Gt, Lt, Rational, seed

_LECUN_1998 = "LeCun, Bottou, Bengio & Haffner, Gradient-based learning applied to document recognition, Proc. IEEE (1998)"
_LECUN_1989 = "LeCun et al., Backpropagation applied to handwritten zip code recognition, Neural Computation (1989)"
_ALEXNET = "Krizhevsky, Sutskever & Hinton, ImageNet classification with deep CNNs (2012)"
_VGG = "Simonyan & Zisserman, Very deep convolutional networks (2015)"
_SZEGEDY = "Szegedy et al., Going deeper with convolutions (2015)"
_NIN = "Lin, Chen & Yan, Network in network (2014)"


def _conv(c_in: int, c_out: int, k: int):
    """c_out (c_in k² + 1), unevaluated."""
    with sp.evaluate(False):
        return sp.Integer(c_out) * (sp.Integer(c_in) * sp.Integer(k) ** 2 + sp.Integer(1))


def _fc(d: int, n: int):
    """n (d + 1), unevaluated."""
    with sp.evaluate(False):
        return sp.Integer(n) * (sp.Integer(d) + sp.Integer(1))


def _sum(terms):
    with sp.evaluate(False):
        return sp.Add(*terms)


def _share(part, rest):
    with sp.evaluate(False):
        return part / (part + rest)


def _lenet5_published():
    """C1, S2, C3 (its connection table: 6 maps see 3, 9 see 4, 1 sees all 6 S2 maps: 60 inputs), S4, C5, F6."""
    with sp.evaluate(False):
        return _sum([_conv(1, 6, 5), sp.Integer(6) * 2, sp.Integer(60) * 25 + sp.Integer(16), sp.Integer(16) * 2,
                     _conv(16, 120, 5), _fc(120, 84)])


def _lenet_1989():
    """H1 (12 maps 8×8, 5×5 shared kernels, a bias per unit), H2 (12 maps 4×4, each kernel sees 8 H1 maps), H3, output."""
    with sp.evaluate(False):
        return _sum([sp.Integer(12) * 25 + sp.Integer(12) * 64, sp.Integer(12) * 8 * 25 + sp.Integer(12) * 16,
                     _fc(12 * 16, 30), _fc(30, 10)])


_ALEXNET_CONV = [(3, 64, 11), (64, 192, 5), (192, 384, 3), (384, 256, 3), (256, 256, 3)]
_ALEXNET_FC = [(256 * 6 * 6, 4096), (4096, 4096), (4096, 1000)]
_VGG16_CONV = [(3, 64, 3), (64, 64, 3), (64, 128, 3), (128, 128, 3), (128, 256, 3), (256, 256, 3), (256, 256, 3),
               (256, 512, 3), (512, 512, 3), (512, 512, 3), (512, 512, 3), (512, 512, 3), (512, 512, 3)]
_VGG16_FC = [(512 * 7 * 7, 4096), (4096, 4096), (4096, 1000)]


def _fc_share(convs, fcs):
    return _share(_sum([_fc(*f) for f in fcs]), _sum([_conv(*c) for c in convs]))


lenet5 = Entry(
    id="cnn.lenet5",
    title="LeNet-5 as published has 60,000 trainable parameters: C1 156 + S2 12 + C3 1,516 + S4 32 + C5 48,120 + F6 10,164",
    expected=PROVED,
    statement=lambda: Eq(_lenet5_published(), 60000),
    notes="Layers C1 (6 maps 5×5), S2 and S4 (trainable average sub-sampling: a coefficient and a bias per map), C3 (16 "
          "maps whose connection table links 60 S2 maps in all), C5 (120 maps 5×5 on 5×5 inputs), F6 (84 units); the "
          "RBF output units have fixed parameters.  Stage shapes 32×32 → 28×28 → 14×14 → 10×10 → 5×5 → 1×1.  The modern "
          "variant with max pooling, ReLU and a linear output has 61,706 parameters.",
    aliases=("LeNet-5", "LeNet5", "LeCun 1998"),
    tags=("architecture", "cnn", "parameters"),
    references=(_LECUN_1998 + ", sec. II.B",),
)

lenet5_as_printed = Entry(
    id="cnn.lenet5-as-printed",
    title="LeNet5 as printed: 3 convolutional layers (with max-pool sub-sampling) + 1 fully connected layer",
    expected=NOT_CHECKABLE,
    reason="ambiguous as printed: LeNet-5 has 3 layers labelled convolutional (C1, C3, C5) and 1 fully connected hidden "
           "layer (F6) when C5 counts as a convolution and the RBF output layer is not counted, but 2 convolutions and 3 "
           "fully connected layers when C5 (a 5×5 kernel on 5×5 maps, i.e. fully connected) and the output are counted "
           "as fully connected.  The parenthesis is wrong for the published net: its sub-sampling layers S2, S4 are "
           "trainable averages, not max pooling (cnn.lenet5)",
    seed=seed(350, 352, r"""#### 12.12.2 LeNet5

3 Convolutional Layers (with max-pool subsampling) + 1 Fully connected layer"""),
    corrected_by="cnn.lenet5",
    aliases=("LeNet-5", "LeNet5"),
    tags=("architecture", "cnn"),
    references=(_LECUN_1998,),
)

lenet_1989_architecture = Entry(
    id="cnn.lenet-1989-architecture",
    title="History: LeNet (1989) has 2 convolutional layers + 2 fully connected layers",
    expected=NOT_CHECKABLE,
    reason="history: a description of a published architecture.  Its checkable consequence, that two shared-weight "
           "convolutional layers and two fully connected layers reproduce the paper's 9,760 free parameters, is "
           "cnn.lenet-1989-parameter-count",
    seed=seed(346, 348, r"""#### 12.12.1 LeNet, 1989

2 Convolutional Layers + 2 Fully-connected layers"""),
    aliases=("LeNet", "LeNet-1", "zip code network", "LeCun 1989"),
    tags=("architecture", "cnn", "history"),
    references=(_LECUN_1989,),
    see_also=("cnn.lenet-1989-parameter-count",),
)

lenet_1989_parameter_count = Entry(
    id="cnn.lenet-1989-parameter-count",
    title="2 convolutional + 2 fully connected layers reproduce LeNet-1989's 9,760 free parameters: "
          "1,068 + 2,592 + 5,790 + 310",
    expected=PROVED,
    statement=lambda: Eq(_lenet_1989(), 9760),
    notes="H1: 12 maps 8×8 from 5×5 kernels at stride 2 on the 16×16 image, one bias per unit (12·25 + 768); H2: 12 maps "
          "4×4, each kernel reading 8 of the 12 H1 maps (12·8·25 + 192); H3: 30 units fully connected to H2 "
          "(30·193); output: 10 units (10·31).  The same reading gives the paper's 1,256 units and 64,660 connections.",
    aliases=("LeNet 1989 parameters", "zip code network parameters"),
    tags=("architecture", "cnn", "parameters"),
    references=(_LECUN_1989,),
    see_also=("cnn.lenet-1989-architecture",),
)

param_share_classic_architectures = Entry(
    id="cnn.param-share-classic-architectures",
    title="AlexNet (96%) and VGG-16 (89%) hold most of their parameters in the fully connected layers",
    expected=PROVED,
    statement=lambda: Gt(Min(_fc_share(_ALEXNET_CONV, _ALEXNET_FC), _fc_share(_VGG16_CONV, _VGG16_FC)), Rational(17, 20)),
    notes="Both shares exceed 85%: AlexNet (torchvision variant) 58,631,144 of 61,100,840, VGG-16 123,642,856 of "
          "138,357,544.  LeNet-5 holds 18% in its fully connected layers when C5 counts as a convolution (96% when it "
          "counts as fully connected).",
    aliases=("number of parameters AlexNet", "VGG parameters", "where are the parameters",
             "fully connected parameters share"),
    tags=("parameters", "architecture", "cnn"),
    references=(_ALEXNET, _VGG, _LECUN_1998),
)

most_parameters_in_fc_layers = Entry(
    id="cnn.most-parameters-in-fc-layers",
    title="'Usually, most of the parameters lie in the fully connected layers'",
    expected=NOT_CHECKABLE,
    reason="'usually' quantifies over architectures the sheet does not fix, and the answer depends on the architecture: "
           "true for AlexNet and VGG-16 (cnn.param-share-classic-architectures), false for LeNet-5 when C5 counts as the "
           "convolution LeCun et al. label it (18%), and later networks (the sheet's own GoogLeNet) replace the big fully "
           "connected layers by global average pooling",
    seed=seed(342, 342, r"The deeper we go in the network, we transform the spatial information into a semantic representation. Usually, most of the parameters lie in the fully connected layers"),
    aliases=("parameters fully connected layers",),
    tags=("parameters", "architecture", "cnn", "empirical"),
    see_also=("cnn.param-share-classic-architectures",),
)

alexnet = Entry(
    id="cnn.alexnet",
    title="AlexNet: similar to LeNet5, deeper, trained on GPUs (ImageNet breakthrough)",
    expected=NOT_CHECKABLE,
    reason="history and a qualitative comparison: AlexNet (Krizhevsky et al. 2012) has 5 convolutional and 3 fully "
           "connected layers, ReLU, dropout and two GPUs; 'similar' and 'performance breakthrough' are not mathematical "
           "claims.  Its parameter count is in cnn.param-share-classic-architectures",
    seed=seed(354, 356, r"""#### 12.12.3 AlexNet

ImageNet: similar to LeNet5, just deeper and using GPU (performance breakthrough)"""),
    aliases=("AlexNet",),
    tags=("architecture", "cnn", "history"),
    references=(_ALEXNET,),
    see_also=("cnn.param-share-classic-architectures",),
)

inception_motivation = Entry(
    id="cnn.inception-motivation",
    title="Inception module: motivated by deep layers with many near-zero coefficients; attributed to Arora et al.",
    expected=NOT_CHECKABLE,
    reason="history and motivation, not a mathematical claim.  The attribution is loose: the inception module is by "
           "Szegedy et al. (2015, GoogLeNet), who cite Arora et al. (2014, provable bounds for sparse deep "
           "representations) as theoretical motivation for approximating a sparse structure by dense blocks",
    seed=seed(358, 360, r"""#### 12.12.4 Inception Module

Now, a problem that arises with this ever deeper and deeper channel is that the filters at every layer were getting longer and longer and lots of their coefficients were becoming zero (so no information flowing through). So, Arora et al. came up with the idea of an inception module."""),
    aliases=("inception", "GoogLeNet"),
    tags=("architecture", "cnn", "history"),
    references=(_SZEGEDY, "Arora, Bhaskara, Ge & Ma, Provable bounds for learning some deep representations (2014)"),
    see_also=("cnn.inception-module",),
)

inception_module = Entry(
    id="cnn.inception-module",
    title="Inception module: parallel 1×1, 3×3, 5×5 convolutions and max pooling, concatenated along channels",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="each branch keeps the spatial size (same padding, stride 1), so the outputs concatenate into c₁ + c₃ + c₅ + cₚ "
           "channels; the 3×3 and 5×5 branches and the pooling branch are preceded or followed by 1×1 reductions",
    aliases=("inception module", "GoogLeNet block", "network in network"),
    tags=("architecture", "cnn"),
    references=(_SZEGEDY,),
    see_also=("cnn.one-by-one-reduction-saves-parameters",),
)

one_by_one_reduction_saves_parameters = Entry(
    id="cnn.one-by-one-reduction-saves-parameters",
    title="A 1×1 reduction to r < C/2 channels before k × k kernels saves weights: r(C + Kk²) < KCk² when 2r < Kk²",
    expected=CONFIRMED,
    symbols={"r": "scalar positive integer", "C": "scalar positive integer", "K": "scalar positive integer",
             "k": "scalar positive integer"},
    statement=lambda r, C, K, k: Lt(r * (C + K * k**2), K * k**2 * C),
    where=lambda r, C, K, k: [Lt(2 * r, C), Lt(2 * r, K * k**2)],
    seed=seed(385, 389, r"""- a max-pooling of the previous layer, and a dimensionality reduction of the result

1x1 filters for dimension reduction before convolving with large kernels... then all these informations are passed to the next layer

gradient shortcuts: connect softmax layer at intermediate stages to have the gradient flow until the beginnings of the network - decomposition of convolution kernels for computational performance... all-in-all the dimensionality reductions improved the efficiency"""),
    notes="C → r (1×1) → K (k × k) has rC + Kk²r weights, C → K (k × k) directly has KCk²; per output pixel these are "
          "also the multiply-adds.  Proof: rC < (Kk²/2)C and rKk² < (C/2)Kk².  GoogLeNet's inception (3a) 5×5 branch, "
          "192 → 16 → 32 channels: 15,920 parameters with biases instead of 153,632.  Auxiliary softmax classifiers "
          "('gradient shortcuts') and kernel factorisation are design choices, not claims.",
    aliases=("bottleneck", "1x1 dimension reduction", "inception efficiency"),
    tags=("architecture", "parameters", "cnn"),
    references=(_SZEGEDY,),
)

one_by_one_convolution = Entry(
    id="cnn.one-by-one-convolution",
    title="A 1×1 convolution is a per-pixel matrix product over channels: yᵢⱼ = Wxᵢⱼ + b, W ∈ ℝᵐˣᵏ",
    expected=NOT_CHECKABLE,
    definition=True,
    reason="the convolution sum at p = q = 1: y[m, i, j] = bₘ + ∑_c W[m, c] x[c, i, j], the same W at every pixel",
    notes="Followed by a non-linearity, yᵢⱼ = σ(Wxᵢⱼ) is the 'network in network' layer (Lin et al. 2014): a convolution "
          "with spatial support 1, shared weights, translation equivariant.",
    aliases=("1x1 convolution", "one by one convolution", "pointwise convolution", "network in network", "NiN"),
    tags=("convolution", "channels", "cnn"),
    references=(_NIN,),
)

one_by_one_formula_as_printed = Entry(
    id="cnn.one-by-one-formula-as-printed",
    title="xᵀ · η = σ(Wxᵢⱼ), W ∈ ℝᵐˣᵏ (garbled, misplaced under the Taylor expansion)",
    expected=NOT_CHECKABLE,
    reason="garbled: the line follows the announcement of a second-order Taylor expansion but is the 'network in "
           "network' 1×1-convolution formula, with a meaningless left side 'xᵀ · η' (a vector times a step size cannot "
           "equal a vector of m activations); intended: yᵢⱼ = σ(Wxᵢⱼ) with W ∈ ℝᵐˣᵏ mapping the k channels of pixel "
           "(i, j) to m outputs, a definition (cnn.one-by-one-convolution)",
    seed=seed(375, 375, r"$$x^T \cdot \eta = \sigma(\mathbf{W} \mathbf{x}_{ij}), \quad \mathbf{W} \in \mathbb{R}^{m \times k}.$$"),
    tags=("convolution", "garbled"),
    see_also=("cnn.one-by-one-convolution",),
)

one_by_one_not_a_convolution = Entry(
    id="cnn.one-by-one-not-a-convolution",
    title="'It uses a 1×1 filter over the k input channels (which is actually not a convolution)'",
    expected=NOT_CHECKABLE,
    reason="terminology: whether a filter without spatial extent 'is' a convolution is a choice of words, not a "
           "mathematical claim.  As a map it is the convolution with a 1×1 kernel (the same W at every pixel, "
           "cnn.one-by-one-convolution), and frameworks compute it as one; Lin et al. call it cascaded cross-channel "
           "parametric pooling, and in the spatial sense it convolves nothing",
    seed=seed(377, 377, r'So it uses a 1x1 filter over the  $k$  input channels (which is actually not a convolution), aka "network within a network".'),
    aliases=("1x1 convolution", "network in network"),
    tags=("convolution", "channels", "cnn", "terminology"),
    references=(_NIN,),
    see_also=("cnn.one-by-one-convolution",),
)
