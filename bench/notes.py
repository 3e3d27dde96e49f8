"""Benchmark of the notes reader (issue 14): a 50-equation LaTeX file, read and checked.

    python -m bench.notes [--json] [--jobs N] [FILE]
    python -m bench.notes --roundtrip [--jobs N]     # the labelled table read back through LaTeX, checked

* ``read``: load the notes (scan, parse, translate, build every claim) without checking, per equation;
* ``check``: ``sheetproof check FILE --jobs N`` in a fresh process, wall clock (the issue's target: a
  50-equation file in at most 30 s on 2 cores);
* the peer: the same claims *as understood*, written out as a YAML identity file with the same
  declarations and checked the same way; the ratio notes / YAML is what reading TeX costs on top of the
  checks themselves (1.0 would be free).

``--roundtrip``: every identity of the labelled table (tests/table) written as notes
(verify/notes/roundtrip.py), read back and checked; a *misread* is a verdict against the row's label (a
mistake proved or confirmed, a true identity refuted).  The peer is the table itself, checked as YAML by
``python -m bench.table``.

The default file is ``docs/examples/matrix-calculus.tex`` (50 display equations of a real lecture).
Both runs are cold (a new interpreter each, no cache) and use the same ``--jobs``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verify.notes.document import load_notes  # noqa: E402

DEFAULT_FILE = ROOT / "docs" / "examples" / "matrix-calculus.tex"
TARGET_SECONDS = 30.0


def identity_file(notes) -> dict:
    """The claims of ``notes`` as understood, as one YAML identity file (the peer's input)."""
    rows = []
    for claim in notes.claims:
        if claim.identity is None or claim.skip:
            continue
        ident = claim.identity
        row = {"id": claim.id, "claim": ident.claim, "symbols": dict(ident.symbols), "layout": ident.layout}
        for key in ("distributions",):
            if getattr(ident, key):
                row[key] = dict(getattr(ident, key))
        if ident.where:
            row["where"] = list(ident.where)
        if ident.given:
            row["given"] = list(ident.given)
        if ident.expect != "holds":
            row["expect"] = ident.expect
        rows.append(row)
    return {"identities": rows}


def _check(path: Path, jobs: int) -> tuple[float, dict]:
    cmd = [sys.executable, "-m", "verify.cli", "check", str(path), "--json", "--jobs", str(jobs)]
    t0 = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t0
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        raise SystemExit(f"{' '.join(cmd)} printed no JSON report (exit {done.returncode}):\n"
                         f"{done.stderr[-2000:]}") from None
    return wall, report


def _verdicts(report: dict, negated: frozenset = frozenset()) -> dict[str, str]:
    """Verdict by claim id; for the ids in ``negated`` (``\\neq`` claims, which the peer checks as the equality
    they negate) the verdict the notes runner derives from the equality's."""
    from verify.notes.runner import negate
    from verify.result import Result

    fields = {f.name for f in dataclasses.fields(Result)}
    out = {}
    for r in report.get("results", []):
        r = {k: v for k, v in r.items() if k in fields} | {"id": r["id"]}
        out[r["id"]] = negate(r["id"], Result.from_json(r))[0].verdict.value if r["id"] in negated else r["verdict"]
    return out


def run(path: Path, jobs: int) -> dict:
    t0 = time.perf_counter()
    notes = load_notes(path)
    read_s = time.perf_counter() - t0
    equations = len(notes.claims)
    notes_wall, notes_report = _check(path, jobs)
    with tempfile.TemporaryDirectory() as tmp:
        peer = Path(tmp) / "claims.yaml"
        peer.write_text(yaml.safe_dump(identity_file(notes), sort_keys=False))
        yaml_wall, yaml_report = _check(peer, jobs)
    negated = frozenset(c.id for c in notes.claims if c.relation == "!=")
    ours, theirs = _verdicts(notes_report), _verdicts(yaml_report, negated)
    same = sum(1 for k, v in ours.items() if theirs.get(k) == v)
    return {"file": str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path), "jobs": jobs,
            "claims": equations, "read_seconds": read_s, "read_ms_per_claim": 1000 * read_s / max(equations, 1),
            "notes_seconds": notes_wall, "yaml_seconds": yaml_wall, "ratio_notes_over_yaml": notes_wall / yaml_wall,
            "target_seconds": TARGET_SECONDS, "within_target": notes_wall <= TARGET_SECONDS,
            "same_verdicts": same, "checked": len(ours), "errors": len(notes_report.get("errors", []))}


def roundtrip(jobs: int) -> dict:
    """The table written as notes, read back and checked against its labels."""
    from collections import Counter

    from verify.notes import check_loaded_notes, load_notes_text
    from verify.notes.claim_latex import Unwritable
    from verify.notes.roundtrip import notes_text, table_rows

    rows = list(table_rows(ROOT / "tests" / "table"))
    files, by_id, unwritable = [], {}, 0
    for row in rows:
        try:
            text = notes_text(row)
        except Unwritable:
            unwritable += 1
            continue
        by_id[f"{row.id}"] = row
        files.append(load_notes_text(text, f"{row.id}.md", "markdown"))
    for f in files:
        for c in f.claims:
            c.id = f.file[:-3]
    t0 = time.perf_counter()
    report = check_loaded_notes(files, timeout=10, jobs=jobs)
    seconds = time.perf_counter() - t0
    outcomes, misread = Counter(), []
    for r in report.results:
        row, verdict = by_id[r.claim.id], r.result.verdict.value
        outcomes[f"{row.expect} -> {verdict}"] += 1
        if (row.expect == "refuted" and verdict in ("proved", "confirmed")) or \
                (row.expect == "holds" and verdict == "refuted"):
            misread.append({"id": row.id, "claim": row.claim, "read": r.claim.claim, "verdict": verdict})
    return {"rows": len(rows), "written": len(files), "unwritable": unwritable, "read": len(report.results),
            "unreadable": len(report.unreadable), "seconds": seconds, "outcomes": dict(outcomes),
            "misread": misread}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.notes", description=__doc__.split("\n\n")[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--roundtrip", action="store_true", help="the labelled table read back through LaTeX")
    args = parser.parse_args(argv)
    if args.roundtrip:
        out = roundtrip(args.jobs)
        if args.json:
            print(json.dumps(out, indent=2))
            return
        print(f"round trip: {out['rows']} table rows, {out['written']} written as LaTeX, {out['read']} read and "
              f"checked, {out['unreadable']} unreadable, in {out['seconds']:.0f} s")
        for key, count in sorted(out["outcomes"].items()):
            print(f"  label {key}: {count}")
        print(f"  misread (a verdict against the label): {len(out['misread'])}")
        for m in out["misread"]:
            print(f"    {m['id']}: {m['claim']}  read as  {m['read']}  -> {m['verdict']}")
        return
    out = run(args.file.resolve(), args.jobs)
    if args.json:
        print(json.dumps(out, indent=2))
        return
    print(f"notes: {out['file']}, {out['claims']} claims, --jobs {out['jobs']}")
    print(f"  read (scan, parse, translate, build): {out['read_seconds']:.2f} s, "
          f"{out['read_ms_per_claim']:.1f} ms per claim")
    print(f"  sheetproof check notes: {out['notes_seconds']:.1f} s "
          f"(target <= {TARGET_SECONDS:.0f} s: {'met' if out['within_target'] else 'NOT met'})")
    print(f"  peer, the same claims as a YAML identity file: {out['yaml_seconds']:.1f} s; "
          f"notes / YAML = {out['ratio_notes_over_yaml']:.2f}x")
    print(f"  same verdict both ways (a \\neq claim by its equality's): {out['same_verdicts']}/{out['checked']}; "
          f"unreadable: {out['errors']}")


if __name__ == "__main__":
    main()
