"""The whole hostile corpus through ``sheetproof check``, in one run of the command as a user would start it.

Inputs: every identity of ``test_hostile_families.py`` (in files of 60, each led by a
canary identity that must still be proved), every file under ``data/hostile/``
(alias bombs, duplicate keys, tags, encodings, ...), generated large files, and
special paths (``/dev/zero``, a FIFO, a socket, a sparse terabyte, links).  Whatever
would run if input were executed writes into a canary directory.

What must hold: no execution (the canary directory stays empty), no traceback,
exit status 2 with every other identity still checked and reported, every
identity within its time limit and the run within its budget, every worker under
its memory limit and the whole process tree under 2 GiB (``ru_maxrss`` of the
command's waited-for descendants), a bounded report, and in text mode no control
character reaches the terminal.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from test_hostile_families import CANARY, CASES, Raw

DATA = Path(__file__).parent / "data" / "hostile"
TIMEOUT, BUDGET, SLACK = 5, 600, 10
GROUP = 60
GOOD = {"symbols": {"A": "matrix n m", "B": "matrix m n"}, "claim": "tr(A*B) == tr(B*A)"}
MIB = 2**20

# stored file -> (expectation, fragment of the message): file-error (nothing from the file is checked),
# identity-error (one identity refused, the rest checked), checked (no error)
STORED = {
    **{f"bomb-{k}.yaml": ("file-error", "aliases expand to more than 100000 values") for k in (
        "claim", "expect", "file-layout", "id", "identities", "layout", "mappings", "merge-keys", "symbols",
        "title", "unknown-key", "where")},
    **{f"recursive-{k}.yaml": ("file-error", "an alias refers to a value that contains it") for k in (
        "list", "mapping", "merge", "nested")},
    **{f"deep-{k}.yaml": ("file-error", "nested deeper than 64 levels") for k in (
        "block-lists", "flow-lists", "flow-maps")},
    **{f"dup-{k}.yaml": ("identity-error", f"duplicate key '{key}'") for k, key in (
        ("claim", "claim"), ("id", "id"), ("symbol-name", "x"), ("distribution-name", "N"), ("expect", "expect"),
        ("where", "where"), ("title", "title"), ("unknown", "colour"))},
    **{f"dup-{k}.yaml": ("file-error", f"duplicate key '{key}'") for k, key in (
        ("identities", "identities"), ("layout", "layout"), ("file-symbols", "A"))},
    **{f"tag-{k}.yaml": ("file-error", "could not determine a constructor") for k in (
        "apply", "subprocess", "name", "module", "new", "object", "custom", "directive")},
    "tag-binary.yaml": ("file-error", "must be text, got a bytes"),
    "tag-set.yaml": ("file-error", "must be text, got a set"),
    "tag-timestamp.yaml": ("file-error", "must be text, got a datetime"),
    "tag-omap.yaml": ("file-error", "must be a mapping with id and claim, got a tuple"),
    "undefined-alias.yaml": ("file-error", "found undefined alias"),
    "duplicate-anchor.yaml": ("file-error", "not valid YAML"),
    "multi-document.yaml": ("file-error", "but found another document"),
    "empty.yaml": ("file-error", "must be a mapping with 'identities'"),
    "comments-only.yaml": ("file-error", "must be a mapping with 'identities'"),
    "scalar-document.yaml": ("file-error", "must be a mapping with 'identities'"),
    "list-of-scalars.yaml": ("file-error", "must be a mapping with id and claim, got a number"),
    "identities-null.yaml": ("file-error", "must be a list of identities"),
    "identities-mapping.yaml": ("file-error", "must be a list of identities, got a mapping"),
    "yaml12-directive.yaml": ("file-error", "the file declares no identities"),
    "complex-key.yaml": ("file-error", "found unhashable key"),
    "null-key.yaml": ("file-error", "unknown top-level key(s) None"),
    "merge-scalar.yaml": ("file-error", "expected a mapping or list of mappings"),
    "huge-int-key.yaml": ("file-error", "not valid YAML"),
    "dup-nested-merge.yaml": ("file-error", "unknown top-level key(s) base"),
    "control-top-key.yaml": ("file-error", "unknown top-level key(s)"),
    "control-unknown-key.yaml": ("identity-error", "unknown field(s)"),
    "huge-int-id.yaml": ("identity-error", "an id is 1-80 letters"),
    "huge-hex-title.yaml": ("identity-error", "an integer of more than 4300 digits"),
    "huge-sexagesimal.yaml": ("identity-error", "an integer of more than 4300 digits"),
    "huge-float.yaml": ("checked", ""),
    "crlf-line-endings.yaml": ("checked", ""),
    "utf8-bom.yaml": ("checked", ""),
    "tab-indent.yaml": ("file-error", "not valid YAML"),
    "nul-byte.yaml": ("file-error", "not valid YAML"),
    "invalid-utf8.yaml": ("file-error", "not UTF-8 text"),
    "latin1.yaml": ("file-error", "not UTF-8 text"),
    "utf16.yaml": ("file-error", "not UTF-8 text"),
}


def render(value) -> str:
    """YAML flow text for plain data (JSON is YAML); :class:`Raw` fragments go in as they are."""
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{render(k)}: {render(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(render(v) for v in value) + "]"
    return json.dumps(value)


def _identities_file(path: Path, identities: list[dict], header: str = "") -> None:
    path.write_text(header + "identities:\n" + "".join(f"  - {render(i)}\n" for i in identities))


def _generated(files: Path) -> dict[str, tuple[str, str]]:
    """Large and odd files made here (kept out of the repository), with their expectations."""
    out = {}
    big = files / "gen-over-1mb.yaml"
    big.write_text("identities: []\n# " + "x" * (1 << 20))
    out[big.name] = ("file-error", "exceed the limit of 1000000")
    flat = files / "gen-150k-values.yaml"
    flat.write_text("identities: [" + ", ".join(["x"] * 150_000) + "]\n")
    out[flat.name] = ("file-error", "aliases expand to more than 100000 values")
    dashes = files / "gen-nested-dashes.yaml"
    dashes.write_text("identities:\n  " + "- " * 400_000 + "x\n")
    out[dashes.name] = ("file-error", "not valid YAML")
    many = files / "gen-501-identities.yaml"
    _identities_file(many, [{"id": f"i{k}", "claim": "1 == 1"} for k in range(501)])
    out[many.name] = ("file-error", "501 identities exceed the limit of 500")
    long_title = files / "gen-long-title.yaml"
    _identities_file(long_title, [{"id": "good", **GOOD}, {"id": "long", "claim": "1 == 1", "title": "t" * 900_000}])
    out[long_title.name] = ("identity-error", "exceeds the limit of 2000")
    for name, n_file, n_own, expect in (("33", 20, 13, "identity-error"), ("30-plus-3", 30, 3, "identity-error"),
                                        ("exactly-32", 16, 16, "checked")):
        path = files / f"gen-merged-symbols-{name}.yaml"
        shared = render({f"s{k}": "scalar" for k in range(n_file)})
        own = {f"t{k}": "scalar" for k in range(n_own)}
        _identities_file(path, [{"id": "good", **GOOD, "symbols": {**GOOD["symbols"]}},
                                {"id": "many", "claim": "s0 == s0", "symbols": own}], header=f"symbols: {shared}\n")
        out[path.name] = (expect, "exceed the limit of 32 per identity" if expect != "checked" else "")
    return out


def _special(tmp: Path) -> dict[str, tuple[str, str]]:
    """Paths that are not regular files, or not there; each is a file error."""
    out = {"/dev/zero": "a character device", "/dev/urandom": "a character device", "/dev/null": "a character device",
           "/dev/full": "a character device", "/proc/self/status": ""}
    fifo = tmp / "fifo.yaml"
    os.mkfifo(fifo)
    (tmp / "directory.yaml").mkdir()
    (tmp / "zero-link.yaml").symlink_to("/dev/zero")
    (tmp / "loop.yaml").symlink_to(tmp / "loop.yaml")
    (tmp / "dangling.yaml").symlink_to(tmp / "nowhere")
    with open(tmp / "sparse.yaml", "wb") as f:
        f.truncate(1 << 40)
    out.update({str(fifo): "a FIFO", str(tmp / "directory.yaml"): "a directory",
                str(tmp / "zero-link.yaml"): "a character device", str(tmp / "loop.yaml"): "cannot read the file",
                str(tmp / "dangling.yaml"): "cannot read the file", str(tmp / "absent.yaml"): "cannot read the file",
                str(tmp / "sparse.yaml"): "exceed the limit", str(tmp / "socket.yaml"): "cannot read the file"})
    return {path: ("file-error", message) for path, message in out.items()}


WRAPPER = """
import json, resource, subprocess, sys
with open(sys.argv[1], "wb") as out, open(sys.argv[2], "wb") as err:
    rc = subprocess.run(sys.argv[3:], stdout=out, stderr=err, stdin=subprocess.DEVNULL).returncode
print(json.dumps({"rc": rc, "maxrss_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def run_check(tmp: Path, paths: list[str], *options: str) -> tuple[dict, str, str]:
    """Run ``sheetproof check`` in a fresh process; (rc and peak RSS of its process tree, stdout, stderr)."""
    command = [sys.executable, "-m", "verify", "check", "--timeout", str(TIMEOUT), "--budget", str(BUDGET),
               "--jobs", "2", *options, *paths]
    out, err = tmp / "stdout", tmp / "stderr"
    done = subprocess.run([sys.executable, "-c", WRAPPER, str(out), str(err), *command], capture_output=True,
                          text=True, timeout=BUDGET + 300, check=True)
    return json.loads(done.stdout), out.read_text(errors="replace"), err.read_text(errors="replace")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    canary, files = tmp / "canary", tmp / "files"
    canary.mkdir()
    files.mkdir()
    expected: dict[tuple[str, str], object] = {}  # (file, identity label) -> Case, or "canary"
    for g in range(0, len(CASES), GROUP):
        path = files / f"group-{g // GROUP:02d}.yaml"
        identities = [{"id": f"canary-{g}", **GOOD}]
        expected[(str(path), f"canary-{g}")] = "canary"
        for k, case in enumerate(CASES[g:g + GROUP]):
            fields = {key: (value.replace(CANARY, str(canary)) if isinstance(value, str) and not isinstance(
                value, Raw) else value) for key, value in case.fields.items()}
            ident = f"h{g + k}"
            identities.append({"id": ident, **fields} if case.has_id else fields)
            expected[(str(path), ident if case.has_id else f"#{k + 2}")] = case
        _identities_file(path, identities)
    whole = {}
    for source in sorted(DATA.iterdir()):
        target = files / f"stored-{source.name}"
        target.write_bytes(source.read_bytes().replace(b"CANARY", str(canary).encode()))
        whole[str(target)] = STORED[source.name]
    whole.update({str(files / name): e for name, e in _generated(files).items()})
    whole.update(_special(tmp))
    good = files / "good.yaml"
    shutil.copy(Path(__file__).parent / "data" / "quick.yaml", good)
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(tmp / "socket.yaml"))
        paths = sorted({p for p, _ in expected}) + sorted(whole) + [str(good)]
        status, stdout, stderr = run_check(tmp, paths, "--json")
    return {"tmp": tmp, "canary": canary, "expected": expected, "whole": whole, "good": str(good), "status": status,
            "stdout": stdout, "stderr": stderr, "report": json.loads(stdout)}


def test_the_corpus_has_at_least_500_inputs(corpus):
    assert len(CASES) + len(corpus["whole"]) >= 500 + 60


def test_nothing_runs_and_nothing_crashes(corpus):
    assert list(corpus["canary"].iterdir()) == []
    assert "Traceback" not in corpus["stdout"] + corpus["stderr"]
    assert corpus["stderr"].strip() == ""
    assert corpus["status"]["rc"] == 2
    assert not [r for r in corpus["report"]["results"] if "internal error" in (r["reason"] or "")]


def test_every_run_stays_within_its_limits(corpus):
    report = corpus["report"]
    assert report["run"]["seconds"] <= BUDGET
    slow = [(r["id"], r["seconds"]) for r in report["results"] if r["seconds"] > TIMEOUT + SLACK]
    assert slow == []
    assert report["run"]["peak_worker_rss_mib"] <= 2048
    assert corpus["status"]["maxrss_kib"] * 1024 <= 2 * 1024 * MIB
    assert len(corpus["stdout"]) < 8 * MIB


def test_each_identity_gets_its_expected_outcome(corpus):
    report = corpus["report"]
    results = {(r["file"], r["id"]): r for r in report["results"]}
    errors = {(e["file"], e["id"]): e for e in report["errors"]}
    wrong = []
    for key, case in corpus["expected"].items():
        result, error = results.get(key), errors.get(key)
        if case == "canary":
            ok = result is not None and result["verdict"] == "proved"
        elif case.expect == "input-error":
            ok = (error is not None and case.message in error["error"]
                  and (case.field is None or error["field"] == case.field))
        elif case.expect == "checked":
            ok = result is not None and result["verdict"] != "error"
        else:
            ok = (result is None) != (error is None)
        if not ok:
            wrong.append((case if case == "canary" else case.name, result and result["verdict"], error))
    assert wrong == []


def test_each_file_gets_its_expected_outcome(corpus):
    report = corpus["report"]
    wrong = []
    for path, (expect, message) in corpus["whole"].items():
        errors = [e for e in report["errors"] if e["file"] == path]
        results = [r for r in report["results"] if r["file"] == path]
        if expect == "file-error":
            ok = len(errors) >= 1 and not results and message in errors[0]["error"]
        elif expect == "identity-error":
            ok = len(errors) == 1 and errors[0]["id"] and message in errors[0]["error"] and results
        else:
            ok = not errors and results and all(r["verdict"] in ("proved", "confirmed") for r in results)
        if not ok:
            wrong.append((path, expect, errors[:1], [r["verdict"] for r in results]))
    assert wrong == []
    good = [r for r in report["results"] if r["file"] == corpus["good"]]
    assert len(good) == 5 and all(r["passed"] for r in good)


def test_text_output_escapes_every_control_character(corpus):
    tmp = corpus["tmp"]
    paths = [p for p in corpus["whole"] if "control" in p]
    paths += sorted({p for (p, _), case in corpus["expected"].items() if case != "canary" and "control" in case.family})
    weird = tmp / "files" / "name\x1b[31m-\u202e.yaml"
    shutil.copy(corpus["good"], weird)
    status, stdout, stderr = run_check(tmp, [*paths, str(weird)])
    assert status["rc"] == 2 and "Traceback" not in stdout + stderr
    assert all(ch == "\n" or ch.isprintable() for ch in stdout), sorted({repr(c) for c in stdout if not c.isprintable()})
    assert "\\x1b[31m" in stdout and "\\u202e" in stdout


def test_json_output_keeps_the_strings_exact(corpus):
    titles = {r["title"] for r in corpus["report"]["results"]}
    assert "\x1b]0;pwned\x07" in titles and "\u202eevil" in titles
