"""sheetproof numerics: small, fast reference implementations of the cheat sheet's systems.

Subpackages (import them by name; nothing is imported eagerly here):

- :mod:`numerics.layers` -- affine layer, activations, maxout, k-hinge, dropout
- :mod:`numerics.backprop` -- activity backpropagation for an MLP
- :mod:`numerics.regions` -- linear regions of arrangements and ReLU nets
- :mod:`numerics.conv` -- convolution (direct, FFT) and pooling with torch's arguments, LC layer, inception, LeNet-5
- :mod:`numerics.optim` -- optimizers (torch.optim drop-ins), gradient clipping, schedules (functions and schedulers)
- :mod:`numerics.ae` -- linear, non-linear and denoising autoencoders
- :mod:`numerics.latent` -- PCA, probabilistic PCA, factor analysis (EM and scikit-learn's SVD method), posterior
- :mod:`numerics.embeddings` -- co-occurrence, PMI, SVD embeddings, skip-gram
- :mod:`numerics.generative` -- VAE and GAN
- :mod:`numerics.information` -- entropy, cross-entropy, KL, mutual information
- :mod:`numerics.testing` -- the one tolerance helper used by the tests

Every public implementation carries ``__catalog_ids__``; :func:`links` is the index. Results follow the inputs'
device and dtype; bad arguments raise errors that name them (``numerics._checks.ShapeError`` for shapes, a
``ValueError`` and a ``RuntimeError`` both).
"""

from numerics._links import implements, links

__all__ = ["implements", "links"]
