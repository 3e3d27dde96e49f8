"""``sheetproof site``: the catalog pages as plain Markdown, buildable without the mkdocs hook."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import formulas

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tree(tmp_path_factory, built_site):
    """``sheetproof site --out DIR`` run as a user runs it (after the main build filled the cache)."""
    out = tmp_path_factory.mktemp("site-src")
    proc = subprocess.run([sys.executable, "-m", "verify", "site", "--out", str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


def test_tree_holds_every_page_expanded(tree):
    docs = tree / "docs"
    for chapter in formulas.catalog().chapters:
        text = (docs / "chapters" / f"{chapter.key}.md").read_text(encoding="utf-8")
        for entry in formulas.catalog().in_chapter(chapter):
            assert f"#{entry.id} " in text, f"{entry.id} missing from the generated chapter page"
    for md in docs.rglob("*.md"):
        assert "<!-- sheetproof:" not in md.read_text(encoding="utf-8"), f"{md}: marker left unexpanded"
    assert not (docs / "hooks").exists()
    assert sorted(p.name for p in (docs / "assets" / "figures").glob("*.svg"))


def test_tree_config_needs_no_hook(tree):
    config = yaml.safe_load((tree / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config
    (chapters,) = [item["Chapters"] for item in config["nav"] if isinstance(item, dict) and "Chapters" in item]
    assert chapters[0] == "chapters/index.md"
    assert [next(iter(c.values())) for c in chapters[1:]] == [f"chapters/{c.key}.md" for c in formulas.catalog().chapters]


def test_tree_builds_with_mkdocs_without_the_hook(tree, built_site):
    """The same site from the plain Markdown: every entry anchor and figure, strict."""
    out = tree / "site"
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(tree / "mkdocs.yml"),
                           "-d", str(out)], cwd=tree, capture_output=True, text=True, timeout=600,
                          env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    for chapter in formulas.catalog().chapters:
        ours = (out / "chapters" / f"{chapter.key}.html").read_text(encoding="utf-8")
        hooked = (built_site.path / "chapters" / f"{chapter.key}.html").read_text(encoding="utf-8")
        ids = lambda html: re.findall(r'<h[23] id="([^"]+)"', html)  # noqa: E731
        assert ids(ours) == ids(hooked), f"chapters/{chapter.key}.html: headings differ from the hook's build"
    assert (out / "assets" / "figures" / "activations.svg").is_file()
