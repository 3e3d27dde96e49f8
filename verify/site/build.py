"""The catalog pages as plain Markdown files: a docs tree any MkDocs-style generator can build.

:func:`generated_files` is the one step that turns the registry into pages: every
hand-written page of ``docs/`` with its markers expanded, one page per chapter, and the
figures.  The mkdocs hook (``docs/hooks/sheetproof_site.py``) serves these to MkDocs in
memory; :func:`write_tree` (``sheetproof site``) writes them to a folder, with a copy of
``mkdocs.yml`` that needs no hook, for generators that do not run MkDocs hooks (Zensical).
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["ROOT", "Generated", "generated_files", "nav_with_chapters", "write_tree"]

ROOT = Path(__file__).resolve().parents[2]
SKIP_DIRS = {"hooks"}


@dataclass
class Generated:
    """Pages (docs path -> Markdown) and assets (docs path -> bytes), with the time each step took."""

    pages: dict[str, str] = field(default_factory=dict)
    assets: dict[str, bytes] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


def _timed(out: Generated, step: str, fn):
    t0 = time.perf_counter()
    value = fn()
    out.seconds[step] = round(time.perf_counter() - t0, 3)
    return value


def nav_with_chapters(nav: list, chapters) -> list:
    """The nav of ``mkdocs.yml`` with one item per chapter under "Chapters" (after its index page)."""
    from .data import chapter_label, chapter_page
    from .markup import SiteError

    items = [{chapter_label(c): chapter_page(c)} for c in chapters]
    out, found = [], False
    for item in nav or []:
        if isinstance(item, dict) and "Chapters" in item:
            index = item["Chapters"]
            item = {"Chapters": ([index] if isinstance(index, str) else []) + items}
            found = True
        out.append(item)
    if not found:
        raise SiteError("mkdocs.yml: the nav needs a 'Chapters' item for the generated chapter pages")
    return out


def generated_files(docs: Path | None = None, ctx=None) -> Generated:
    """Every page with its markers expanded, the chapter pages and the figures."""
    from . import figures
    from .pages import Context, chapter_markdown, expand_markers

    docs = docs or ROOT / "docs"
    out = Generated()
    ctx = ctx or Context()
    data = _timed(out, "results", lambda: ctx.data)
    drawn = figures.applicable(data)
    ctx.figures = figures.by_entry(drawn)
    out.assets = _timed(out, "figures", lambda: figures.render(data, drawn))

    def pages():
        for path in sorted(docs.rglob("*.md")):
            rel = path.relative_to(docs)
            if rel.parts[0] not in SKIP_DIRS:
                out.pages[rel.as_posix()] = expand_markers(ctx, path.read_text(encoding="utf-8"), rel.as_posix())
        from .data import chapter_page

        for chapter in data.catalog.chapters:
            page = chapter_page(chapter)
            out.pages[page] = expand_markers(ctx, chapter_markdown(chapter), page)

    _timed(out, "pages", pages)
    return out


def _config(docs_dir: str, site_dir: str, chapters) -> dict:
    """``mkdocs.yml`` for the written tree: no hook, chapters in the nav, paths absolute."""
    import yaml

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("hooks", None)
    config["docs_dir"], config["site_dir"] = docs_dir, site_dir
    config["nav"] = nav_with_chapters(config.get("nav"), chapters)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "mkdocstrings" in plugin:
            python = plugin["mkdocstrings"]["handlers"]["python"]
            python["paths"] = [str(ROOT)]
            python["options"]["extensions"] = [str(ROOT / e) if isinstance(e, str) and e.startswith("docs/") else e
                                               for e in python["options"].get("extensions", [])]
    return config


def write_tree(out_dir: Path, *, site_dir: Path | None = None) -> Generated:
    """Write ``out_dir/docs/`` (the expanded pages, the static assets, the figures) and ``out_dir/mkdocs.yml``."""
    import yaml

    import formulas

    out_dir = Path(out_dir)
    docs_out = out_dir / "docs"
    if docs_out.exists():
        shutil.rmtree(docs_out)
    src = ROOT / "docs"
    shutil.copytree(src, docs_out, ignore=lambda d, names: [n for n in names if n in SKIP_DIRS or n.endswith(".md")])
    generated = generated_files(src)
    for rel, text in generated.pages.items():
        path = docs_out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for rel, data in generated.assets.items():
        path = docs_out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    site = str(site_dir.resolve()) if site_dir else "site"
    config = _config("docs", site, formulas.catalog().chapters)
    (out_dir / "mkdocs.yml").write_text("# Written by `sheetproof site`: the catalog pages are plain Markdown here,\n"
                                        "# and no hook runs. Build with `mkdocs build -f` this file (or zensical).\n"
                                        + yaml.safe_dump(config, sort_keys=False, allow_unicode=True),
                                        encoding="utf-8")
    return generated
