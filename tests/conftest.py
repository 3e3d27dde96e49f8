"""Strict test settings: float64, warnings as errors (pyproject), hypothesis profiles.

``SHEETPROOF_PROFILE=ci`` (set by ``.ci/run``) runs the thorough profile;
the default ``dev`` profile is fast.
"""

import os

import pytest
import torch
from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=40, deadline=None)
settings.register_profile("ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("SHEETPROOF_PROFILE", "dev"))

torch.set_default_dtype(torch.float64)


@pytest.fixture(scope="session")
def catalog():
    import formulas

    return formulas.catalog()
