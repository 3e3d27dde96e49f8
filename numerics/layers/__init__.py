"""Layers and activations: affine, ReLU, hinge, k-hinge, maxout, softmax, sigmoid, dropout."""

from numerics.layers.affine import affine
from numerics.layers.dropout import dropout_inverted, dropout_weight_scaling
from numerics.layers.khinge import k_hinge
from numerics.layers.maxout import maxout
from numerics.layers.relu import hinge, relu
from numerics.layers.sigmoid import sigmoid, sigmoid_derivative
from numerics.layers.softmax import log_softmax, softmax

__all__ = [
    "affine",
    "dropout_inverted",
    "dropout_weight_scaling",
    "hinge",
    "k_hinge",
    "log_softmax",
    "maxout",
    "relu",
    "sigmoid",
    "sigmoid_derivative",
    "softmax",
]
