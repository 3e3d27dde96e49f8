"""The examples in the numerics docstrings run and print what they show (under torch's own default dtype)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest
import torch

from numerics import _links

# walked from the package's folder (see numerics._links._import_all for why not numerics.__path__)
MODULES = sorted(
    info.name for info in pkgutil.walk_packages([str(Path(_links.__file__).parent)], prefix="numerics.")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    old, registry = torch.get_default_dtype(), dict(_links._REGISTRY)
    torch.set_default_dtype(torch.float32)  # the examples are written for a plain torch session
    try:
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, report=False)
    finally:
        torch.set_default_dtype(old)
        _links._REGISTRY.clear()  # an example may register a function of its own
        _links._REGISTRY.update(registry)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {name} failed"
