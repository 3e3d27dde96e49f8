"""Figures: placed by entry id, drawn from the numerics, deterministic, cached by content hash."""

from __future__ import annotations

import dataclasses
import re

import pytest

import formulas
from verify.site import figures
from verify.site.data import SiteData

# What the issue asks for, by the entries the figures must sit next to.
REQUIRED = {
    "activations": "approx.sigmoid-derivative",
    "k-hinge-maxout": "approx.k-hinge",
    "relu-regions": "approx.region-count-relu-layer-bound",
    "optimizer-trajectories": "opt.adam-update",
    "convolution-shapes": "cnn.conv-output-size",
    "ppca-fa-fit": "latent.ppca-ml-solution",
    "refuted-convex-derivative": "anal.convex-derivative-nonnegative-as-printed",
}


def test_figures_sit_next_to_real_entries_once():
    ids = formulas.catalog().by_id
    placed = figures.by_entry(figures.all_figures())
    for fig in figures.all_figures():
        for entry_id in fig.entries:
            assert entry_id in ids, f"figure {fig.name}: no catalog entry {entry_id}"
    for name, entry_id in REQUIRED.items():
        assert placed[entry_id].name == name


def test_an_entry_gets_at_most_one_figure():
    fig = figures.all_figures()[0]
    with pytest.raises(ValueError, match="two figures"):
        figures.by_entry([fig, dataclasses.replace(fig, name="other")])


def test_refuted_figures_draw_the_engines_counterexample(site_data):
    for fig in figures.all_figures():
        assert fig.applies(site_data), f"{fig.name}: the data it draws is missing"
    empty = SiteData(site_data.catalog, {e: dict(r, counterexample=None) for e, r in site_data.records.items()})
    assert not any(f.applies(empty) for f in figures.all_figures() if f.name.startswith("refuted-"))


def _one(name):
    return [f for f in figures.all_figures() if f.name == name]


def test_rendering_is_deterministic_and_cached(tmp_path, monkeypatch, site_data):
    monkeypatch.setenv("SHEETPROOF_CACHE", str(tmp_path))
    (fig,) = _one("convolution-shapes")
    first = figures.render(site_data, [fig])[fig.path]
    from verify.site.figures.style import svg_bytes

    assert svg_bytes(fig.draw(site_data)) == first, "same inputs, same bytes"

    from verify.site.figures import style

    def no_draw(fig):
        raise AssertionError("drawn again although its content hash is unchanged")

    monkeypatch.setattr(style, "svg_bytes", no_draw)
    assert figures.render(site_data, [fig])[fig.path] == first
    with pytest.raises(AssertionError, match="drawn again"):
        figures.render(site_data, [dataclasses.replace(fig, inputs=lambda data: "other data")])


def test_figures_are_self_contained_svg(built_site):
    for fig in figures.all_figures():
        svg = (built_site.path / fig.path).read_text(encoding="utf-8")
        assert svg.lstrip().startswith("<?xml") and "<svg" in svg, fig.name
        refs = set(re.findall(r"""(?:href|src)=["'](https?:[^"']*)""", svg))
        assert not refs, f"{fig.name}: external references {refs}"
        assert "<text" not in svg, f"{fig.name}: text must be drawn as paths (no fonts on the site)"


def test_every_figure_is_on_its_entries_pages(built_site):
    cat = formulas.catalog()
    for fig in figures.all_figures():
        for entry_id in fig.entries:
            entry = cat.get(entry_id)
            page = (built_site.path / f"chapters/{entry.chapter.key}.html").read_text(encoding="utf-8")
            section = page.split(f'id="{entry_id}"', 1)[1].split('<h2 id="', 1)[0]
            assert f'src="../{fig.path}"' in section, f"{fig.name} missing next to {entry_id}"
