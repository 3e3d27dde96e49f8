"""Fixtures for the tests of user identity files; pytester runs the pytest plugin in a scratch directory.

``pytest_plugins = ["pytester"]`` is refused in a conftest below the root when
pytest starts from the repository root, so the plugin is registered here, when
this conftest is loaded.
"""

from pathlib import Path

import pytest


def pytest_configure(config):
    if not config.pluginmanager.has_plugin("pytester"):
        config.pluginmanager.import_plugin("pytester")

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data_dir() -> Path:
    return DATA
