"""The examples in the docstrings of verify.sandbox are true."""

import doctest
import importlib

import pytest

MODULES = ["verify.sandbox.pool", "verify.sandbox.text", "verify.sandbox.files"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    failures, tried = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert tried > 0 and failures == 0
