"""The examples in the docstrings of the site's modules (and of the identity printer) are true."""

import doctest
import importlib

import pytest

MODULES = ["verify.site.titles", "verify.site.latex", "verify.userfile.printer", "tex_reader"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    failures, tried = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert tried > 0 and failures == 0
