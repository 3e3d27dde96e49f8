"""The cheat sheet read as notes, compared with the catalog line by line.

    python -m verify.notes.seed_report [--out docs/examples/cheatsheet-report.md] [--jobs N] [--timeout S]

The sheet (``formulas/seed/cheatsheet.txt``) is read with its declarations
(``formulas/seed/cheatsheet.sheetproof.yaml``) exactly as ``sheetproof check`` reads it.
The lines compared are those that **hold a claim**: the coverage map
(:mod:`formulas.coverage`) maps them to catalog entries, at least one of those
entries has a definite verdict (proved, confirmed or refuted: not a definition or a
garbled line), and a formula on the line has a relation at its top level (a
prose claim, checked by the catalog with an experiment, has nothing for a reader
of formulas).  For each such line:

* **parsed**: the reader found a claim on the line and read every claim on it
  (none unreadable, none skipped by the declarations);
* **agrees**: each claim's outcome (holds = proved or confirmed, refuted,
  undecided) is the outcome of the catalog's entry for the line, claim by claim
  when the line has as many claims as definite entries, else for the line as a
  whole (refuted when any part is); **same verdict** compares the verdicts
  themselves.

A line the catalog marks *garbled as printed* may carry a ``reading:`` in the
declarations (the catalog's reading, in TeX): it is parsed through that reading, and
the report marks it and gives the reason.  So may an ill-typed line (or one outside the
claim grammar) whose catalog entry states the typed reading or the instance it checks
(its reason or notes say what "is checked", or "on the instance"), the ``because:``
naming that entry.  A line stated for every n may be checked at the catalog's instance
(``instance: {n: 4}``): a proof there counts as *confirmed*.  The lines not parsed are listed with the
reader's reason (or the declaration's).
"""

from __future__ import annotations

import argparse
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["SeedLine", "SeedReport", "KNOWN_DISAGREEMENTS", "ENGINE_WATCH", "claim_lines", "measure", "render",
           "main"]

DEFAULT_OUT = Path("docs/examples/cheatsheet-report.md")

# Parsed lines whose verdict differs from the catalog's because of how the line reads (a test holds the list
# exact), and lines an engine is known to get wrong in some versions (they may or may not differ).
KNOWN_DISAGREEMENTS: dict[int, str] = {}
ENGINE_WATCH: dict[int, str] = {}
_MATH = re.compile(r"\$\$(.+?)\$\$|\$(.+?)\$")
_RELATION = re.compile(r"=|<|>|\\leq?(?![a-z])|\\geq?(?![a-z])|\\neq?(?![a-z])|\\succeq|\\preceq")


def _top_level(tex: str) -> str:
    """``tex`` without its brace groups (``\\sum_{i=1}`` holds no relation of its own)."""
    out, depth, k = [], 0, 0
    while k < len(tex):
        c = tex[k]
        if c == "\\" and k + 1 < len(tex) and tex[k + 1] in "{}":
            k += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(c)
        k += 1
    return "".join(out)


def has_top_level_relation(line: str) -> bool:
    return any(_RELATION.search(_top_level(m.group(1) or m.group(2))) for m in _MATH.finditer(line))


@dataclass
class SeedLine:
    number: int
    text: str
    entries: list[tuple[str, str]]  # (catalog id, expected verdict), definite verdicts only
    claims: list = field(default_factory=list)  # NoteClaims on the line
    results: dict = field(default_factory=dict)  # claim id -> verdict
    status: str = ""  # parsed | unreadable | skipped | no-claim
    syntax: bool = False  # every formula of the line parsed as TeX (whatever its symbols)
    symbolic: bool = False  # the catalog checks one of the line's entries as a statement (not by experiment)
    reason: str = ""
    agrees: bool | None = None
    same_verdict: bool | None = None


@dataclass
class SeedReport:
    lines: list[SeedLine]
    seconds: float
    claims_checked: int

    def count(self, **kw) -> int:
        return sum(1 for s in self.lines if all(getattr(s, k) == v for k, v in kw.items()))

    @property
    def parsed(self) -> list[SeedLine]:
        return [s for s in self.lines if s.status == "parsed"]


def claim_lines() -> list[SeedLine]:
    """The sheet's lines that hold a claim (module docstring), with the catalog's verdicts."""
    import formulas
    from formulas.coverage import coverage

    out = []
    for s in coverage():
        if s.kind not in ("entry", "duplicate"):
            continue
        definite = [(i, formulas.get(i).expected.value) for i in s.ids]
        definite = [(i, v) for i, v in definite if v != "not-checkable"]
        if definite and has_top_level_relation(s.text):
            line = SeedLine(s.number, s.text, definite)
            line.symbolic = any(formulas.get(i).statement is not None for i, _ in definite)
            out.append(line)
    return out


def _outcome(verdict: str) -> str:
    return {"proved": "holds", "confirmed": "holds", "refuted": "refuted"}.get(verdict, "undecided")


def _combined(verdicts: list[str]) -> str:
    if "refuted" in verdicts:
        return "refuted"
    if any(_outcome(v) == "undecided" for v in verdicts):
        return "undecided"
    return "confirmed" if "confirmed" in verdicts else "proved"


def _compare(ours: list[str], theirs: list[str], key) -> bool:
    if len(ours) == len(theirs):
        return all(key(a) == key(b) for a, b in zip(ours, theirs, strict=True))
    return key(_combined(ours)) == key(_combined(theirs))


def measure(*, jobs: int | None = None, timeout: float = 60.0, check: bool = True) -> SeedReport:
    """Read (and with ``check``, check) the sheet; classify every claim line."""
    from formulas.coverage import SEED_PATH

    from .document import load_notes
    from .runner import check_loaded_notes

    t0 = time.perf_counter()
    notes = load_notes(SEED_PATH)
    if notes.errors:
        raise RuntimeError("the cheat sheet's declarations do not load: " + "; ".join(map(str, notes.errors)))
    lines = claim_lines()
    wanted = {s.number for s in lines}
    by_line: dict[int, list] = {}
    for c in notes.claims:
        by_line.setdefault(c.line, []).append(c)
    verdicts: dict[str, str] = {}
    checked = 0
    if check:
        todo = [c for c in notes.claims if c.line in wanted and c.readable and c.skip is None]
        from .document import NotesFile

        report = check_loaded_notes([NotesFile(notes.file, claims=todo)], timeout=timeout, jobs=jobs)
        verdicts = {r.claim.id: r.result.verdict.value for r in report.results}
        checked = len(report.results)
    for s in lines:
        s.claims = sorted(by_line.get(s.number, []), key=lambda c: c.column)
        s.syntax = bool(s.claims) and all(c.stage in ("translate", "build", "read") for c in s.claims)
        unreadable = [c for c in s.claims if not c.readable and c.skip is None]
        skipped = [c for c in s.claims if c.skip is not None]
        if not s.claims:
            s.status, s.reason = "no-claim", _no_claim_reason(notes, s.number)
        elif unreadable:
            s.status, s.reason = "unreadable", "; ".join(f"{c.id}: {c.error}" for c in unreadable)
        elif skipped:
            s.status, s.reason = "skipped", "; ".join(f"{c.id}: {c.skip}" for c in skipped)
        else:
            s.status = "parsed"
            if check:
                s.results = {c.id: verdicts[c.id] for c in s.claims}
                ours, theirs = list(s.results.values()), [v for _, v in s.entries]
                s.agrees = _compare(ours, theirs, _outcome)
                s.same_verdict = _compare(ours, theirs, lambda v: v)
    return SeedReport(lines, round(time.perf_counter() - t0, 1), checked)


def _no_claim_reason(notes, line: int) -> str:
    found = [n for n in notes.not_claims if n.line == line]
    if found:
        return "; ".join(f"{n.latex[:60]}: {n.why}" for n in found)
    return "no relation the reader takes for a claim"


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.0f} %" if b else "-"


def render(report: SeedReport) -> str:
    lines = report.lines
    parsed = report.parsed
    agree = sum(1 for s in parsed if s.agrees)
    same = sum(1 for s in parsed if s.same_verdict)
    lenient = [s for s in lines if s.status in ("parsed", "skipped") and any(
        c.readable and c.skip is None for c in s.claims)]
    syntax = [s for s in lines if s.syntax]
    symbolic = [s for s in lines if s.symbolic]
    symbolic_parsed = [s for s in symbolic if s.status == "parsed"]
    read_through = [s for s in parsed if any(c.because is not None for c in s.claims)]
    out = [
        "# The cheat sheet read as notes",
        "",
        "Generated by `python -m verify.notes.seed_report`; do not edit.  The sheet "
        "(`formulas/seed/cheatsheet.txt`) is read as Markdown with its declarations "
        "(`formulas/seed/cheatsheet.sheetproof.yaml`) and compared with the catalog line by line "
        "(the rules: `verify/notes/seed_report.py`).",
        "",
        "| measure | count | share |",
        "|---|---:|---:|",
        f"| lines that hold a claim in a formula | {len(lines)} | |",
        f"| ... parsed (every claim on the line read, none skipped) | {len(parsed)} | {_pct(len(parsed), len(lines))} |",
        f"| ... parsed where skipped parts are allowed | {len(lenient)} | {_pct(len(lenient), len(lines))} |",
        f"| ... whose formulas all parse as TeX (symbols aside) | {len(syntax)} | {_pct(len(syntax), len(lines))} |",
        f"| lines the catalog checks as a statement (not by experiment) | {len(symbolic)} | |",
        f"| ... parsed | {len(symbolic_parsed)} | {_pct(len(symbolic_parsed), len(symbolic))} |",
        f"| parsed lines read through a declared reading (garbled or ill-typed as printed) | {len(read_through)} | |",
        f"| parsed lines whose outcome agrees with the catalog | {agree} | {_pct(agree, len(parsed))} |",
        f"| parsed lines with the same verdict as the catalog | {same} | {_pct(same, len(parsed))} |",
        f"| unreadable lines | {report.count(status='unreadable')} | |",
        f"| lines whose formulas the declarations skip | {report.count(status='skipped')} | |",
        f"| lines whose relations are notation (definitions, ...) | {report.count(status='no-claim')} | |",
        "",
        f"{report.claims_checked} claims checked in {report.seconds} s.",
        "",
        "## Parsed lines",
        "",
        "| line | catalog | claims as understood | verdicts | agrees |",
        "|---:|---|---|---|---|",
    ]

    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    for s in parsed:
        claims = "<br>".join(("read as " if c.because is not None else "") + f"`{cell(c.claim)}`"
                             for c in s.claims)
        catalog = ", ".join(f"{v} ({i})" for i, v in s.entries)
        verdicts = ", ".join(s.results.values())
        mark = "yes" if s.agrees else "**no**"
        if s.agrees and not s.same_verdict:
            mark += " (outcome; verdict differs)"
        out.append(f"| {s.number} | {cell(catalog)} | {claims} | {verdicts} | {mark} |")
    disagree = [s for s in parsed if not s.agrees]
    if disagree:
        out += ["", "## Parsed lines that disagree, with the reason", ""]
        reasons = {**ENGINE_WATCH, **KNOWN_DISAGREEMENTS}
        out += [f"* line {s.number}: {reasons.get(s.number, 'not yet explained')}" for s in disagree]
    if read_through:
        out += ["", "## Lines read through a declared reading", "",
                "Each of these lines is garbled as printed (the catalog's entry says what was lost); the "
                "declarations give the catalog's reading, and that is what was parsed and checked.", ""]
        out += [f"* line {s.number}: {next(c.because for c in s.claims if c.because is not None)}"
                for s in read_through]
    out += ["", "## Lines not parsed, with the reason", "", "| line | catalog | status | reason |",
            "|---:|---|---|---|"]
    for s in lines:
        if s.status != "parsed":
            catalog = ", ".join(f"{v} ({i})" for i, v in s.entries)
            out.append(f"| {s.number} | {cell(catalog)} | {s.status} | {cell(s.reason)[:400]} |")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m verify.notes.seed_report", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"report file (default {DEFAULT_OUT})")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: one per CPU)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per claim (default 60)")
    args = parser.parse_args(argv)
    report = measure(jobs=args.jobs, timeout=args.timeout)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(report))
    parsed = report.parsed
    print(f"{len(report.lines)} claim lines; parsed {len(parsed)} ({_pct(len(parsed), len(report.lines))}); "
          f"agree {sum(1 for s in parsed if s.agrees)} of {len(parsed)}; {report.seconds} s; report: {args.out}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
