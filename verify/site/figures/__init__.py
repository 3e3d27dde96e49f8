"""Figures drawn at build time from the numerics and the engines, each placed next to its entries.

A :class:`Figure` names the catalog ids it illustrates (ids are permanent; chapter modules
and packages may move), the numerics modules it draws with, and a function that draws it.
:func:`render` draws every figure once per content hash (:mod:`verify.site.artifacts`): the
hash covers the figure's own module, the numerics modules it uses, the matplotlib and torch
versions, and the data it shows, so an unchanged figure is read from the cache.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["FIGURE_DIR", "Figure", "all_figures", "applicable", "by_entry", "render"]

FIGURE_DIR = "assets/figures"
MODULES = ("activations", "hinges", "regions", "optimizers", "convolution", "latent", "refuted")


@dataclass(frozen=True)
class Figure:
    """One figure: its file name, the entries it sits next to, and how it is drawn."""

    name: str
    entries: tuple[str, ...]
    caption: str
    alt: str
    draw: Callable  # draw(data) -> matplotlib Figure; ``data`` is the site's SiteData
    uses: tuple[str, ...] = ()  # modules whose source the figure depends on
    inputs: Callable = field(default=lambda data: "")  # inputs(data) -> text: the data it shows
    applies: Callable = field(default=lambda data: True)  # applies(data): the data it needs is there

    @property
    def path(self) -> str:
        return f"{FIGURE_DIR}/{self.name}.svg"


def all_figures() -> list[Figure]:
    out = []
    for name in MODULES:
        out += importlib.import_module(f"{__name__}.{name}").FIGURES
    return out


def by_entry(figures: list[Figure]) -> dict[str, Figure]:
    """Entry id -> the figure next to it (an entry has at most one)."""
    out: dict[str, Figure] = {}
    for fig in figures:
        for entry_id in fig.entries:
            if entry_id in out:
                raise ValueError(f"{entry_id}: two figures, {out[entry_id].name} and {fig.name}")
            out[entry_id] = fig
    return out


def _sources(fig: Figure) -> list[bytes]:
    modules = [inspect.getmodule(fig.draw), importlib.import_module(f"{__name__}.style"),
               *(importlib.import_module(m) for m in fig.uses)]
    return [inspect.getsource(m).encode() for m in modules]


def applicable(data) -> list[Figure]:
    """The figures whose data is there (all but a refuted-inequality figure whose counterexample changed)."""
    import logging

    out = []
    for fig in all_figures():
        if fig.applies(data):
            out.append(fig)
        else:
            logging.getLogger("sheetproof.site").warning("figure %s: its data is missing; not drawn", fig.name)
    return out


def render(data, figures: list[Figure] | None = None) -> dict[str, bytes]:
    """``{path: svg}`` for every applicable figure; ``data`` is the site's :class:`~verify.site.data.SiteData`."""
    import matplotlib
    import torch

    from ..artifacts import cached
    from .style import svg_bytes

    out = {}
    for fig in figures if figures is not None else applicable(data):
        parts = ["figure-v1", fig.name, matplotlib.__version__, torch.__version__, fig.inputs(data),
                 *_sources(fig)]
        out[fig.path], _ = cached("figure", parts, lambda fig=fig: svg_bytes(fig.draw(data)))
    return out
