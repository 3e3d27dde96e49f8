"""pytest plugin: identity files (``*.identities.yaml``) are collected as tests.

Installed with sheetproof (entry point ``pytest11: sheetproof``), so in a user's
repository ``pytest`` picks up every ``*.identities.yaml`` / ``*.identities.yml``
file under its test paths.  Each identity is one test item: it passes when the
verdict meets the identity's expectation (holds, or ``expect: refuted``) and
fails with the verdict, the counterexample and the engines' evidence otherwise.
An identity with an input error fails with the error's location; a file that
cannot be read at all is a collection error.

Markdown and LaTeX notes (``*.md``, ``*.tex``) that carry a ``sheetproof:`` header
are collected too, one test per claim (:mod:`verify.notes.pytest_items`).

Settings (``[tool.pytest.ini_options]`` or ``pytest.ini``)::

    sheetproof_identity_files = *.identities.yaml *.identities.yml   # glob patterns of file names
    sheetproof_notes_files = *.md *.tex                              # notes, collected when they have a header
    sheetproof_timeout = 60                                          # seconds per identity

The plugin imports nothing heavy until a matching file is collected.
"""

from __future__ import annotations

import json
from fnmatch import fnmatch

import pytest

__all__ = ["IdentityFile", "IdentityItem", "IdentityFailure"]

DEFAULT_PATTERNS = ("*.identities.yaml", "*.identities.yml")
NOTES_PATTERNS = ("*.md", "*.tex")


def pytest_addoption(parser):
    parser.addini("sheetproof_identity_files", type="args", default=list(DEFAULT_PATTERNS),
                  help="glob patterns of identity files collected as tests (sheetproof)")
    parser.addini("sheetproof_notes_files", type="args", default=list(NOTES_PATTERNS),
                  help="glob patterns of Markdown/LaTeX notes collected when they carry a sheetproof: header")
    parser.addini("sheetproof_timeout", type="string", default="60",
                  help="seconds allowed per identity (sheetproof)")


def pytest_collect_file(file_path, parent):
    patterns = parent.config.getini("sheetproof_identity_files")
    if any(fnmatch(file_path.name, p) for p in patterns):
        return IdentityFile.from_parent(parent, path=file_path)
    if any(fnmatch(file_path.name, p) for p in parent.config.getini("sheetproof_notes_files")):
        from verify.notes.header import has_sheetproof_header

        if has_sheetproof_header(file_path):
            from verify.notes.pytest_items import NotesTestFile

            return NotesTestFile.from_parent(parent, path=file_path)
    return None


class IdentityFailure(Exception):
    """An identity whose verdict does not meet its expectation."""

    def __init__(self, identity, result):
        super().__init__(identity.id)
        self.identity = identity
        self.result = result


class IdentityFile(pytest.File):
    """One identity file: an item per identity, and one per identity with an input error."""

    def collect(self):
        from verify.userfile.loader import load_file

        loaded = load_file(self.path)
        if not loaded.identities and loaded.errors:
            raise self.CollectError("\n".join(str(e) for e in loaded.errors))
        for identity in loaded.identities:
            yield IdentityItem.from_parent(self, name=identity.id, identity=identity, error=None)
        for err in loaded.errors:
            yield IdentityItem.from_parent(self, name=f"{err.identity or 'file'}[input-error]", identity=None,
                                           error=err)


class IdentityItem(pytest.Item):
    """One identity checked by the verifier."""

    def __init__(self, *, identity, error, **kwargs):
        super().__init__(**kwargs)
        self.identity = identity
        self.error = error

    def runtest(self):
        from verify.userfile.api import run_identity

        if self.error is not None:
            raise self.error
        result = run_identity(self.identity, timeout=float(self.config.getini("sheetproof_timeout")))
        self.user_properties.append(("verdict", result.verdict.value))
        if not self.identity.passed(result.verdict):
            raise IdentityFailure(self.identity, result)

    def repr_failure(self, excinfo):
        from verify.userfile.errors import UserFileError

        if isinstance(excinfo.value, UserFileError):
            return f"input error: {excinfo.value}"
        if isinstance(excinfo.value, IdentityFailure):
            return _describe(excinfo.value.identity, excinfo.value.result)
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, None, f"identity {self.name}"


def _describe(identity, result) -> str:
    want = "refuted" if identity.expect == "refuted" else "proved or confirmed"
    lines = [f"identity {identity.id}: {identity.claim}",
             f"verdict: {result.verdict.value} (expected {want})"]
    if result.scope:
        lines.append(f"scope: {result.scope}")
    if result.reason:
        lines.append(f"reason: {result.reason}")
    if result.counterexample:
        lines.append("counterexample:")
        lines += [f"  {k}: {json.dumps(v, default=str)}" for k, v in result.counterexample.items()]
    for c in result.conflicts:
        lines.append(f"conflict: {c}")
    lines.append("evidence:")
    lines += [f"  {m.engine}: {m.outcome} -- {m.detail}" for m in result.methods]
    return "\n".join(lines)
