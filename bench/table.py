"""The labelled table benchmark (issues 10 and 11): how often the checker is right on identities
written by others.

    python -m bench.table [--timeout S] [--jobs N] [--out PATH] [--json] [--only TEXT ...]
                          [--ids ID ...] [--known-wrong tests/table/known_wrong.yaml] [--progress]

``tests/table/*.identities.yaml`` holds identities from the Matrix Cookbook, SymPy's own tests and
textbooks of probability and machine learning, about a third of them realistic mistakes; each is
labelled ``expect: holds`` or ``expect: refuted`` by the mathematics, and the label is confirmed by
a second engine (``tests/table/oracles``, numpy/scipy only; ``tests/table/test_labels.py``).
This command runs the checker (``verify.userfile``'s Python API, one identity per task, ``--jobs``
worker processes forked after a warm-up check per engine, see :func:`warm_up`) over every identity
and reports, per file, per category and overall:

* the confusion table of label (holds / refuted) x verdict class: ``proved-general`` (proved at
  scope ``general``), ``proved-other`` (proved at listed sizes or another scope), ``confirmed``,
  ``refuted``, ``not-checkable``, ``error``, ``rejected`` (an input error: the grammar or a
  declaration refused the identity);
* right (a true row proved or confirmed; a false row refuted), false proved (proved on a false
  row), false refuted (refuted on a true row), false confirmed (confirmed on a false row),
  undecided (not-checkable, error or rejected) and % right;
* the share of the true matrix and gradient rows (category ``matrix``, or a claim with ``D(``)
  proved at scope ``general``;
* median and max seconds per check, and every row that is not right, with its verdict.

The JSON report is written to ``--out`` (default ``.sheetproof-cache/bench-table.json``) and, with
``--json``, printed instead of the tables.  A file's category is the first word of its name
(``matrix``, ``prob``, ``ml``, ``scalar``); ``vocab-`` files use the constructs of issue 11 and
are also reported together.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

__all__ = ["TABLE_DIR", "CATEGORIES", "CLASSES", "Row", "table_files", "category_of", "load_rows",
           "run_checker", "summarise", "measure", "known_wrong_text", "warm_up", "main"]

TABLE_DIR = Path(__file__).resolve().parents[1] / "tests" / "table"
CATEGORIES = {"matrix": "matrix calculus and linear algebra", "prob": "probability and statistics",
              "ml": "machine learning", "scalar": "scalar analysis and inequalities"}
CLASSES = ("proved-general", "proved-other", "confirmed", "refuted", "not-checkable", "error", "rejected")
LABELS = ("holds", "refuted")
DEFAULT_OUT = Path(".sheetproof-cache") / "bench-table.json"


@dataclass(frozen=True)
class Row:
    """One labelled identity of the table, as written in its file."""

    file: str  # file name, e.g. "matrix-cookbook-basics.identities.yaml"
    id: str
    label: str  # "holds" | "refuted"
    claim: str
    category: str
    vocab: bool  # written with the constructs of issue 11
    title: str = ""
    source: str = ""

    @property
    def gradient(self) -> bool:
        """A matrix or gradient row: the measure of proofs at symbolic size counts these."""
        return self.category == "matrix" or "D(" in self.claim


def table_files(directory: Path = TABLE_DIR) -> list[Path]:
    return sorted(directory.glob("*.identities.yaml"))


def category_of(path: Path) -> tuple[str, bool]:
    """``(category, vocab)`` from a file name such as ``vocab-prob-families.identities.yaml``."""
    words = path.name.split(".")[0].split("-")
    vocab = words[0] == "vocab"
    category = words[1] if vocab else words[0]
    if category not in CATEGORIES:
        raise ValueError(f"{path.name}: a table file's name starts with one of {sorted(CATEGORIES)}"
                         " (after 'vocab-' for the constructs of issue 11)")
    return category, vocab


def load_rows(files: list[Path] | None = None) -> list[Row]:
    """Every identity of the table files (plain YAML; the labels are the ``expect`` fields)."""
    rows = []
    for path in files if files is not None else table_files():
        category, vocab = category_of(path)
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for raw in data["identities"]:
            rows.append(Row(file=path.name, id=str(raw["id"]), label=str(raw.get("expect", "holds")),
                            claim=str(raw.get("claim", "")), category=category, vocab=vocab,
                            title=str(raw.get("title", "")), source=str(raw.get("source", ""))))
    return rows


# ---------------------------------------------------------------- running the checker

WARM_UP = (  # one claim per engine family, checked once without a time limit before any timed check
    ("D(sigmoid(a), a) == sigmoid(a)*(1 - sigmoid(a))", {"a": "scalar"}, {}),
    ("D(log(det(X)), X) == X.I.T", {"X": "matrix n n invertible"}, {}),
    ("E(X) == mu", {"mu": "scalar", "s": "scalar positive"}, {"X": "Normal(mu, s)"}),
)


def warm_up() -> None:
    """Import and initialise every engine before the timed checks.

    The checker imports torch (and torch._dynamo) lazily, inside the first check that needs it; a
    time limit that fires during that import leaves the module half-initialised, and every later
    check in the process fails with an ImportError or AttributeError (or crashes).  Warming up
    keeps one slow import from turning into hundreds of errors, and keeps import time out of the
    per-check seconds.  Workers are forked after the warm-up and inherit it.
    """
    from verify.userfile import check_claim

    for claim, symbols, distributions in WARM_UP:
        check_claim(claim, symbols, distributions=distributions, timeout=None)

def _check_one(task) -> dict:
    """Worker: check one loaded identity through the public API; an input error is 'rejected'."""
    path, identity, timeout = task
    from verify.userfile import LoadedFile, check_loaded

    t0 = time.perf_counter()
    report = check_loaded([LoadedFile(str(path), [identity], [])], timeout=timeout)
    seconds = time.perf_counter() - t0
    if report.errors:
        return {"file": Path(path).name, "id": identity.id, "class": "rejected", "verdict": "rejected",
                "scope": "", "reason": str(report.errors[0].message), "seconds": round(seconds, 4)}
    result = report.results[0].result
    verdict = result.verdict.value
    if verdict == "proved":
        klass = "proved-general" if result.scope == "general" else "proved-other"
    else:
        klass = verdict
    counterexample = json.dumps(result.counterexample, default=str)[:400] if result.counterexample else ""
    return {"file": Path(path).name, "id": identity.id, "class": klass, "verdict": verdict, "scope": result.scope,
            "reason": result.reason, "counterexample": counterexample, "seconds": round(result.seconds or seconds, 4)}


def run_checker(files: list[Path], *, timeout: float, jobs: int, progress=None,
                ids: set[str] | None = None) -> dict[tuple[str, str], dict]:
    """Check every identity of ``files`` (only ``ids`` when given): ``{(file name, id): outcome}``."""
    from verify.parallel import parallel_map
    from verify.userfile import load_file

    warm_up()
    outcomes: dict[tuple[str, str], dict] = {}
    tasks = []
    for path in files:
        loaded = load_file(path)
        for err in loaded.errors:  # an identity the loader refused (its fields or declarations)
            if err.identity:
                outcomes[(path.name, err.identity)] = {
                    "file": path.name, "id": err.identity, "class": "rejected", "verdict": "rejected",
                    "scope": "", "reason": err.message, "seconds": 0.0}
        tasks += [(path, identity, timeout) for identity in loaded.identities if ids is None or identity.id in ids]
    for out in parallel_map(_check_one, tasks, jobs):
        outcomes[(out["file"], out["id"])] = out
        if progress:
            progress(out, len(outcomes), len(tasks))
    return outcomes


# ---------------------------------------------------------------- the measures

def _kind(label: str, klass: str) -> str:
    """right | false-proved | false-refuted | false-confirmed | undecided."""
    if label == "holds":
        if klass in ("proved-general", "proved-other", "confirmed"):
            return "right"
        return "false-refuted" if klass == "refuted" else "undecided"
    if klass == "refuted":
        return "right"
    if klass in ("proved-general", "proved-other"):
        return "false-proved"
    return "false-confirmed" if klass == "confirmed" else "undecided"


def summarise(rows: list[dict]) -> dict:
    """The measures over a list of merged rows (each with ``label``, ``class``, ``kind``, ``seconds``)."""
    kinds = Counter(r["kind"] for r in rows)
    confusion = {label: {c: 0 for c in CLASSES} for label in LABELS}
    for r in rows:
        confusion[r["label"]][r["class"]] += 1
    true_grad = [r for r in rows if r["label"] == "holds" and r["gradient"]]
    seconds = [r["seconds"] for r in rows if r["class"] != "rejected"]
    n = len(rows)
    return {
        "rows": n, "labelled_holds": sum(r["label"] == "holds" for r in rows),
        "labelled_refuted": sum(r["label"] == "refuted" for r in rows),
        "confusion": confusion,
        "right": kinds["right"], "pct_right": round(100.0 * kinds["right"] / n, 1) if n else None,
        "false_proved": kinds["false-proved"], "false_refuted": kinds["false-refuted"],
        "false_confirmed": kinds["false-confirmed"], "undecided": kinds["undecided"],
        "true_matrix_gradient_rows": len(true_grad),
        "true_matrix_gradient_proved_general": sum(r["class"] == "proved-general" for r in true_grad),
        "pct_true_matrix_gradient_proved_general": (
            round(100.0 * sum(r["class"] == "proved-general" for r in true_grad) / len(true_grad), 1)
            if true_grad else None),
        "median_seconds": round(statistics.median(seconds), 3) if seconds else None,
        "max_seconds": round(max(seconds), 3) if seconds else None,
        "checks_over_10s": sum(s > 10 for s in seconds),
    }


def _engine_commit() -> str | None:
    try:
        out = subprocess.run(["git", "-C", str(TABLE_DIR), "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def measure(files: list[Path] | None = None, *, timeout: float = 10.0, jobs: int = 1, progress=None,
            ids: set[str] | None = None) -> dict:
    """Run the checker over the table (only the rows ``ids`` when given) and return the report."""
    files = files if files is not None else table_files()
    rows = [r for r in load_rows(files) if ids is None or r.id in ids]
    t0 = time.perf_counter()
    outcomes = run_checker(files, timeout=timeout, jobs=jobs, progress=progress, ids=ids)
    wall = time.perf_counter() - t0
    merged = []
    for row in rows:
        out = outcomes.get((row.file, row.id)) or {"class": "rejected", "verdict": "rejected", "scope": "",
                                                   "reason": "not loaded", "seconds": 0.0}
        merged.append({**asdict(row), "gradient": row.gradient, "class": out["class"], "verdict": out["verdict"],
                       "scope": out["scope"], "reason": out["reason"], "counterexample": out.get("counterexample", ""),
                       "seconds": out["seconds"], "kind": _kind(row.label, out["class"])})
    groups = {
        "by_file": {f.name: [r for r in merged if r["file"] == f.name] for f in files},  # empty groups dropped
        "by_category": {c: [r for r in merged if r["category"] == c] for c in CATEGORIES},
        "by_vocabulary": {"vocab (issue 11 constructs)": [r for r in merged if r["vocab"]],
                          "established grammar": [r for r in merged if not r["vocab"]]},
    }
    return {
        "command": "python -m bench.table", "timeout_s": timeout, "jobs": jobs, "commit": _engine_commit(),
        "wall_seconds": round(wall, 1), "overall": summarise(merged),
        **{name: {k: summarise(v) for k, v in group.items() if v} for name, group in groups.items()},
        "wrong": [{k: r[k] for k in ("file", "id", "label", "kind", "verdict", "scope", "reason", "counterexample",
                                     "seconds")}
                  for r in merged if r["kind"] != "right"],
        "rows": merged,
    }


# ---------------------------------------------------------------- printing

def _line(name: str, s: dict, width: int) -> str:
    return (f"{name:<{width}} {s['rows']:>4} {s['right']:>5} {s['pct_right'] or 0:>6.1f} {s['false_proved']:>3}"
            f" {s['false_refuted']:>3} {s['false_confirmed']:>3} {s['undecided']:>5}"
            f" {s['median_seconds'] if s['median_seconds'] is not None else '-':>7} "
            f"{s['max_seconds'] if s['max_seconds'] is not None else '-':>7}")


def print_report(report: dict) -> None:
    width = max(len(n) for n in [*report["by_file"], "overall"]) + 1
    head = f"{'':<{width}} {'rows':>4} {'right':>5} {'%':>6} {'FP':>3} {'FR':>3} {'FC':>3} {'undec':>5} {'med s':>7} {'max s':>7}"
    print(f"table benchmark: timeout {report['timeout_s']:g} s, {report['jobs']} job(s), commit {report['commit']},"
          f" {report['wall_seconds']} s wall")
    print("FP false proved, FR false refuted, FC false confirmed; undec = not-checkable, error or rejected\n")
    for title, group in (("by file", "by_file"), ("by category", "by_category"), ("by vocabulary", "by_vocabulary")):
        print(f"{title}:\n{head}")
        for name, s in report[group].items():
            print(_line(name, s, width))
        print()
    o = report["overall"]
    print(_line("overall", o, width))
    print(f"\nconfusion (label x verdict):\n{'':<8}" + "".join(f"{c:>15}" for c in CLASSES))
    for label in LABELS:
        print(f"{label:<8}" + "".join(f"{o['confusion'][label][c]:>15}" for c in CLASSES))
    print(f"\ntrue matrix/gradient rows proved at scope general: {o['true_matrix_gradient_proved_general']} of "
          f"{o['true_matrix_gradient_rows']} ({o['pct_true_matrix_gradient_proved_general']} %)")
    print(f"checks over 10 s: {o['checks_over_10s']}; median {o['median_seconds']} s, max {o['max_seconds']} s")
    print(f"\nrows not right ({len(report['wrong'])}):")
    for w in report["wrong"]:
        why = (w["scope"] or w["reason"] or "").replace("\n", " ")[:90]
        print(f"  {w['kind']:<15} {w['id']:<52} label {w['label']:<7} verdict {w['verdict']:<13} {why}")


KNOWN_WRONG_HEADER = """\
# Rows of the table on which the engine gives a false proof or a false refutation today.  They are
# engine failures (each label is confirmed by its oracle in tests/table/oracles), listed so that
# tests/table/test_table_verdicts.py fails on every new one and on every listed row that has
# become right (remove it then).  The target of issue 10 is two empty lists.
# Regenerate: python -m bench.table --known-wrong tests/table/known_wrong.yaml
"""


def known_wrong_text(report: dict) -> str:
    """The known-wrong file for a report: the false-proved and false-refuted ids, sorted."""
    lists = {kind: sorted(w["id"] for w in report["wrong"] if w["kind"] == kind)
             for kind in ("false-proved", "false-refuted")}
    body = {"measured": {"commit": report["commit"], "timeout_s": report["timeout_s"]}, **lists}
    return KNOWN_WRONG_HEADER + yaml.safe_dump(body, sort_keys=False, default_flow_style=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.table", description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per identity (default 10)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"JSON report path (default {DEFAULT_OUT})")
    parser.add_argument("--json", action="store_true", help="print the JSON report instead of the tables")
    parser.add_argument("--only", nargs="*", default=None, metavar="TEXT",
                        help="only the table files whose names contain one of these words")
    parser.add_argument("--ids", nargs="*", default=None, metavar="ID", help="only these identities")
    parser.add_argument("--progress", action="store_true", help="print one line per finished check to stderr")
    parser.add_argument("--known-wrong", type=Path, default=None, metavar="PATH",
                        help="also write the false-proved and false-refuted ids (tests/table/known_wrong.yaml)")
    args = parser.parse_args(argv)
    files = table_files()
    if args.only:
        files = [f for f in files if any(word in f.name for word in args.only)]

    def progress(out, done, total):
        print(f"[{done}/{total}] {out['class']:<14} {out['seconds']:>7.2f}s {out['file']} {out['id']}",
              file=sys.stderr, flush=True)

    report = measure(files, timeout=args.timeout, jobs=args.jobs, progress=progress if args.progress else None,
                     ids=set(args.ids) if args.ids else None)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1, default=str), encoding="utf-8")
    if args.known_wrong:
        args.known_wrong.write_text(known_wrong_text(report), encoding="utf-8")
    if args.json:
        print(json.dumps(report, indent=1, default=str))
    else:
        print_report(report)
        print(f"\nJSON report: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
