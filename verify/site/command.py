"""``sheetproof site``: write the reference site's pages as plain Markdown, and optionally build them.

    sheetproof site [--out DIR] [--build] [--generator mkdocs|zensical]

``DIR`` (default ``build/site-src``) receives ``docs/`` -- every page with its generated parts
expanded, one page per chapter, the figures -- and a ``mkdocs.yml`` without the hook.  With
``--build`` the chosen generator builds it into ``DIR/site`` and catalog ids in the API pages
become links.  ``make site`` (``mkdocs build --strict``) gets the same pages from the hook.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

__all__ = ["register", "cmd_site"]

GENERATORS = {"mkdocs": [sys.executable, "-m", "mkdocs", "build", "--strict", "-f"],
              "zensical": ["zensical", "build", "-f"]}


def register(subparsers) -> None:
    p = subparsers.add_parser("site", help="write the reference site as plain Markdown pages (and build it)")
    p.add_argument("--out", type=Path, default=Path("build/site-src"), help="folder to write (default build/site-src)")
    p.add_argument("--build", action="store_true", help="build the written tree into OUT/site")
    p.add_argument("--generator", choices=sorted(GENERATORS), default="mkdocs",
                   help="the generator for --build (default mkdocs; zensical reads the same mkdocs.yml)")
    p.set_defaults(func=cmd_site)


def _link_api_pages(site: Path) -> int:
    import formulas

    from .links import link_catalog_ids

    by_id = formulas.catalog().by_id
    n = 0
    for path in sorted((site / "api").glob("*.html")):
        html = path.read_text(encoding="utf-8")
        linked = link_catalog_ids(html, path.relative_to(site).as_posix(), by_id)
        if linked != html:
            path.write_text(linked, encoding="utf-8")
            n += 1
    return n


def cmd_site(args) -> int:
    from .build import write_tree

    t0 = time.perf_counter()
    site_dir = args.out / "site"
    generated = write_tree(args.out, site_dir=site_dir)
    steps = ", ".join(f"{k} {v:.1f} s" for k, v in generated.seconds.items())
    print(f"wrote {len(generated.pages)} pages and {len(generated.assets)} figures to {args.out}/docs "
          f"({steps}); config {args.out}/mkdocs.yml")
    if not args.build:
        return 0
    command = list(GENERATORS[args.generator])
    if command[0] != sys.executable:  # a console script: on PATH, or next to this Python (a virtualenv)
        beside = Path(sys.executable).with_name(command[0])
        found = shutil.which(command[0]) or (str(beside) if beside.is_file() else None)
        if found is None:
            print(f"sheetproof site: {command[0]} is not installed", file=sys.stderr)
            return 2
        command[0] = found
    proc = subprocess.run([*command, str(args.out / "mkdocs.yml")], check=False)
    if proc.returncode:
        return proc.returncode
    linked = _link_api_pages(site_dir)
    print(f"built {site_dir} with {args.generator} in {time.perf_counter() - t0:.1f} s "
          f"(catalog ids linked on {linked} API pages)")
    return 0
