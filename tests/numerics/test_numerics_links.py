"""The catalog links: every public implementation is decorated, ids are well formed, the index is complete."""

from __future__ import annotations

import importlib
import inspect
import subprocess
import sys

import pytest

from numerics._links import ID_PATTERN, implements, links

SUBPACKAGES = [
    "numerics.layers",
    "numerics.backprop",
    "numerics.regions",
    "numerics.conv",
    "numerics.optim",
    "numerics.ae",
    "numerics.latent",
    "numerics.embeddings",
    "numerics.generative",
    "numerics.information",
]

# Public names that are containers of results or settings, not implementations of a formula.
NOT_FORMULAS = {"numerics.backprop.MLP", "numerics.backprop.ACTIVATIONS", "numerics.latent.PCAResult"}


def _public(modname: str):
    mod = importlib.import_module(modname)
    for name in mod.__all__:
        yield f"{modname}.{name}", getattr(mod, name)


@pytest.mark.parametrize("modname", SUBPACKAGES)
def test_every_public_name_is_linked(modname):
    for dotted, obj in _public(modname):
        if dotted in NOT_FORMULAS:
            continue
        ids = getattr(obj, "__catalog_ids__", None)
        assert ids, f"{dotted} has no catalog ids"
        doc = inspect.getdoc(obj) or ""
        for cid in ids:
            assert ID_PATTERN.match(cid), cid
            assert f"``{cid}``" in doc, f"{dotted}'s docstring does not name {cid}"


def test_dataclass_results_link_their_methods():
    from numerics.latent import PPCA, FactorAnalysis

    assert PPCA.log_likelihood.__catalog_ids__ == ("latent.gaussian-loglik-in-s",)
    assert FactorAnalysis.log_likelihood.__catalog_ids__ == ("latent.gaussian-loglik-in-s",)


def test_links_index_resolves_both_ways():
    index = links()
    assert len(index) >= 80
    for cid, qualnames in index.items():
        assert ID_PATTERN.match(cid)
        for q in qualnames:
            modname, _, rest = q.rpartition(".")
            obj = None
            # resolve "pkg.mod.Class.method" by importing the longest module prefix
            parts = q.split(".")
            for cut in range(len(parts) - 1, 0, -1):
                try:
                    obj = importlib.import_module(".".join(parts[:cut]))
                except ModuleNotFoundError:
                    continue
                for attr in parts[cut:]:
                    obj = getattr(obj, attr)
                break
            assert obj is not None and cid in obj.__catalog_ids__, (cid, q, modname, rest)


def test_every_public_object_appears_in_the_index():
    index = links()
    listed = {q for qs in index.values() for q in qs}
    for modname in SUBPACKAGES:
        for dotted, obj in _public(modname):
            if dotted in NOT_FORMULAS:
                continue
            assert f"{obj.__module__}.{obj.__qualname__}" in listed, dotted


@pytest.mark.parametrize("bad", ["entropy", "info.Entropy", "info.entropy_", "zzz.entropy", "info.-x", ""])
def test_malformed_ids_are_rejected(bad):
    with pytest.raises(ValueError):
        implements(bad)


def test_implements_needs_an_id():
    with pytest.raises(ValueError):
        implements()


def test_import_has_no_side_effects():
    code = "import numerics, numerics._links as L; assert not L._REGISTRY; " + "; ".join(
        f"import {m}" for m in SUBPACKAGES
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "" and out.stderr == ""
