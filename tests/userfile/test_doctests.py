"""The examples in the docstrings of verify.userfile are true."""

import doctest
import importlib

import pytest

MODULES = ["verify.userfile", "verify.userfile.api", "verify.userfile.build", "verify.userfile.distributions",
           "verify.userfile.errors", "verify.userfile.grammar"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    failures, tried = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert tried > 0 and failures == 0
