"""Optimizers (``torch.optim.Optimizer`` subclasses), gradient clipping and learning-rate schedules."""

from numerics.optim.adagrad import Adagrad
from numerics.optim.adam import Adam
from numerics.optim.clipping import clip_grad_norm_, clip_grad_value_
from numerics.optim.rmsprop import RMSprop
from numerics.optim.schedules import (
    CosineDecay,
    ExponentialDecay,
    LinearDecay,
    StepDecay,
    cosine_decay,
    exponential_decay,
    linear_decay,
    step_decay,
)
from numerics.optim.sgd import SGD

__all__ = [
    "SGD",
    "Adagrad",
    "Adam",
    "CosineDecay",
    "ExponentialDecay",
    "LinearDecay",
    "RMSprop",
    "StepDecay",
    "clip_grad_norm_",
    "clip_grad_value_",
    "cosine_decay",
    "exponential_decay",
    "linear_decay",
    "step_decay",
]
