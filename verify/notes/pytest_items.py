"""pytest items for notes files: one test per claim of a Markdown / LaTeX file with a ``sheetproof:`` header.

A claim passes when its verdict meets its expectation; it fails with the formula,
the claim as understood, the verdict and the evidence.  An equation that cannot be
read fails with the reason; a claim the file marks ``skip`` is reported skipped
with its reason (visible in ``pytest -ra``); a file whose header is broken is a
collection error.
"""

from __future__ import annotations

import json

import pytest

__all__ = ["NotesTestFile", "NoteItem", "NoteFailure"]


class NoteFailure(Exception):
    def __init__(self, note_result):
        super().__init__(note_result.claim.id)
        self.note_result = note_result


class NotesTestFile(pytest.File):
    def collect(self):
        from .document import load_notes

        loaded = load_notes(self.path)
        if loaded.errors:
            raise self.CollectError("\n".join(str(e) for e in loaded.errors))
        for claim in loaded.claims:
            yield NoteItem.from_parent(self, name=claim.id, claim=claim)


class NoteItem(pytest.Item):
    def __init__(self, *, claim, **kwargs):
        super().__init__(**kwargs)
        self.claim = claim

    def runtest(self):
        from verify.userfile.api import run_identity

        from .runner import NoteResult, at_instance, negate

        c = self.claim
        if c.skip is not None:
            pytest.skip(f"line {c.line}: {c.skip}")
        if not c.readable:
            raise ValueError(f"line {c.line}, column {c.column}: cannot read {c.latex}: {c.error}")
        if c.shape is not None:
            from .membership import check_shape

            result = check_shape(c.shape)
        else:
            result = at_instance(c, run_identity(c.identity, timeout=float(self.config.getini("sheetproof_timeout"))))
        if c.relation == "!=":
            derived, witness = negate(c.id, result)
            outcome = NoteResult(c, derived, result, witness)
        else:
            outcome = NoteResult(c, result)
        self.user_properties.append(("verdict", outcome.result.verdict.value))
        if not outcome.passed:
            raise NoteFailure(outcome)

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, NoteFailure):
            r = excinfo.value.note_result
            c = r.claim
            want = "refuted" if c.expect == "refuted" else "proved or confirmed"
            lines = [f"line {c.line}, column {c.column}: {c.latex}", f"read as: {c.claim}",
                     f"verdict: {r.result.verdict.value} (expected {want})"]
            if r.result.scope:
                lines.append(f"scope: {r.result.scope}")
            if r.result.reason:
                lines.append(f"reason: {r.result.reason}")
            if r.witness or r.result.counterexample:
                lines.append(("witness: " if r.witness else "counterexample: ")
                             + json.dumps(r.witness or r.result.counterexample, default=str))
            lines += [f"  {m.engine}: {m.outcome} -- {m.detail}" for m in r.result.methods]
            return "\n".join(lines)
        if isinstance(excinfo.value, ValueError):
            return f"input error: {excinfo.value}"
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, self.claim.line - 1, f"claim {self.name}: {self.claim.latex}"
