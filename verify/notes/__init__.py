"""Check the notes people write: Markdown and LaTeX, read into the claims of identity files.

``sheetproof check notes.md`` / ``notes.tex``: every relation in display math (and
inline math when the header asks) is translated into a claim of the identity-file
grammar plus declarations, built into an :class:`~verify.userfile.identity.Identity`
and checked by the same code as a YAML file.  The claim as understood is that
claim text, shown beside the formula as written.

TeX is untrusted input: it is scanned (:mod:`~verify.notes.tokens`), macros are
expanded from a fixed list and the file's own ``\\newcommand`` definitions within
bounds (:mod:`~verify.notes.macros`), and a recursive-descent parser of a
documented subset (:mod:`~verify.notes.parse`) builds a tree that the translator
(:mod:`~verify.notes.translate`) turns into claim text.  Nothing is evaluated and
no TeX runs.

    >>> from verify.notes import load_notes_text
    >>> notes = load_notes_text("---\\nsheetproof:\\n  symbols: {x: vector n}\\n---\\n"
    ...                         "$$\\\\nabla_{\\\\mathbf{x}} \\\\mathbf{x}^T\\\\mathbf{x} = 2\\\\mathbf{x}$$\\n", "n.md", "markdown")
    >>> notes.claims[0].claim
    'D(x.T*x, x) == 2*x'

The guide: ``docs/notes.md``.
"""

from .document import NotClaim, NoteClaim, NotesFile, load_notes, load_notes_text, notes_format
from .runner import NoteResult, NotesReport, check_loaded_notes, check_notes, negate

__all__ = ["NoteClaim", "NotClaim", "NoteResult", "NotesFile", "NotesReport", "check_loaded_notes", "check_notes",
           "load_notes", "load_notes_text", "negate", "notes_format"]
