"""Helpers for the notes tests: read notes from text, and pytester for the plugin tests."""

import pytest


def pytest_configure(config):
    if not config.pluginmanager.has_plugin("pytester"):
        config.pluginmanager.import_plugin("pytester")


def markdown(body: str, symbols: dict | None = None, **header) -> str:
    """A Markdown notes file: front matter with ``symbols`` and other header keys, then ``body``."""
    import yaml

    data = {"symbols": symbols or {}, **header}
    return "---\n" + yaml.safe_dump({"sheetproof": data}) + "---\n" + body


@pytest.fixture
def md():
    """``md(body, symbols, **header)``: a Markdown notes text (see :func:`markdown`)."""
    return markdown


@pytest.fixture
def read():
    """``read(text, kind="markdown")``: the NotesFile of a text."""
    from verify.notes import load_notes_text

    def run(text: str, kind: str = "markdown", file: str = "notes.md"):
        return load_notes_text(text, file, kind)

    return run


@pytest.fixture
def claim_of(read):
    """The claim text understood for one display formula with the given symbols (or its error)."""

    def run(tex: str, symbols: dict | None = None, **header):
        notes = read(markdown(f"$$\n{tex}\n$$\n", symbols, **header))
        assert not notes.errors, notes.errors
        assert notes.claims, "no claim found"
        return " ; ".join(c.claim if c.error is None else "ERROR: " + c.error for c in notes.claims)

    return run
