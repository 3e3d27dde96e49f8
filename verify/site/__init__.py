"""The reference site's pages, generated from the registry in a step of their own.

* :mod:`.titles` -- titles as Unicode math (``display_title``), one convention everywhere;
* :mod:`.latex` -- statements in LaTeX with declared names as symbols and the brackets TeX needs;
* :mod:`.entry`, :mod:`.pages`, :mod:`.counterexample` -- the Markdown of entries, chapters and
  the generated parts of hand-written pages (markers);
* :mod:`.figures` -- figures drawn at build time from the numerics, placed by entry id;
* :mod:`.build` -- every page as plain Markdown (``sheetproof site``; the mkdocs hook serves the same).
"""

__all__ = ["build", "counterexample", "entry", "figures", "latex", "pages", "titles"]
