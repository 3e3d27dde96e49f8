"""Reading untrusted files: regular files only, bounded; YAML with bounded aliases, no silent duplicates."""

import os
import socket
import threading

import pytest
import yaml

from verify.sandbox import strict_yaml
from verify.sandbox.files import FileRefused, read_regular_file

LIMIT = 1000


@pytest.mark.parametrize(("path", "kind"), [("/dev/zero", "a character device"), ("/dev/urandom", "a character device"),
                                             ("/dev/null", "a character device"), ("/", "a directory")])
def test_special_files_are_refused_unread(path, kind):
    with pytest.raises(FileRefused, match=f"not a regular file \\({kind}\\)"):
        read_regular_file(path, LIMIT)


def test_a_fifo_without_a_writer_is_refused_at_once(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    done = threading.Event()

    def read():
        with pytest.raises(FileRefused, match="a FIFO"):
            read_regular_file(fifo, LIMIT)
        done.set()

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    thread.join(10)
    assert done.is_set(), "reading a FIFO blocked"


def test_a_socket_and_a_symlink_to_a_device_are_refused(tmp_path):
    link = tmp_path / "zero.yaml"
    link.symlink_to("/dev/zero")
    with pytest.raises(FileRefused, match="character device"):
        read_regular_file(link, LIMIT)
    sock_path = tmp_path / "sock"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(sock_path))
        with pytest.raises(OSError):
            read_regular_file(sock_path, LIMIT)


def test_size_is_checked_before_and_while_reading(tmp_path):
    big = tmp_path / "big"
    big.write_bytes(b"x" * (LIMIT + 1))
    with pytest.raises(FileRefused, match="exceed the limit"):
        read_regular_file(big, LIMIT)
    sparse = tmp_path / "sparse"
    with open(sparse, "wb") as f:
        f.truncate(1 << 40)  # a terabyte on paper, nothing on disk
    with pytest.raises(FileRefused, match="exceed the limit"):
        read_regular_file(sparse, LIMIT)
    exact = tmp_path / "exact"
    exact.write_bytes(b"y" * LIMIT)
    assert read_regular_file(exact, LIMIT) == b"y" * LIMIT


def test_proc_files_report_size_zero_but_are_read_only_to_the_limit():
    with pytest.raises(FileRefused, match="more than 1000 bytes"):
        read_regular_file("/proc/self/maps", LIMIT)


def _bomb(levels: int, width: int = 10, key: str = "identities") -> str:
    lines = ["a0: &a0 [" + ", ".join(["x"] * width) + "]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]" for i in range(1, levels)]
    return "\n".join(lines + [f"{key}: *a{levels - 1}"])


def test_an_alias_bomb_is_refused_before_it_is_built():
    with pytest.raises(strict_yaml.StrictYAMLError, match="aliases expand to more than 100000 values"):
        strict_yaml.load(_bomb(9))
    assert strict_yaml.load(_bomb(3))["identities"][0][0][0] == "x"  # 1,000 values: fine


def test_merge_key_bombs_are_counted_too():
    lines = ["m0: &m0 {a: 1, b: 2}"] + [f"m{i}: &m{i} {{<<: [*m{i - 1}, *m{i - 1}]}}" for i in range(1, 25)]
    with pytest.raises(strict_yaml.StrictYAMLError, match="aliases expand"):
        strict_yaml.load("\n".join(lines))


@pytest.mark.parametrize("text", ["a: &a [*a]", "a: &a {b: *a}", "a: &a [1, [2, *a]]"])
def test_an_alias_that_contains_itself_is_refused(text):
    with pytest.raises(strict_yaml.StrictYAMLError, match="contains it"):
        strict_yaml.load(text)


def test_nesting_is_bounded():
    with pytest.raises(strict_yaml.StrictYAMLError, match="nested deeper"):
        strict_yaml.load("[" * 100 + "]" * 100)


def test_duplicate_keys_are_recorded_at_every_level():
    data = strict_yaml.load("identities: []\nidentities:\n  - {id: a, id: b, symbols: {x: scalar, x: vector n}}\n")
    assert data.duplicates == (("identities", 2),)
    assert strict_yaml.duplicate_keys(data) == [("", "identities", 2), ("identities[0]", "id", 3),
                                                 ("identities[0].symbols", "x", 3)]


def test_explicit_keys_override_merged_ones_without_counting_as_duplicates():
    data = strict_yaml.load("base: &b {claim: x == x, title: t}\nitem: {<<: *b, claim: y == y}\n")
    assert data["item"] == {"claim": "y == y", "title": "t"} and strict_yaml.duplicate_keys(data) == []


@pytest.mark.parametrize("text", ["1" * 5000, "0x" + "f" * 4000, "-" + "9" * 4301, "0b" + "1" * 15000,
                                  "1:" * 3000 + "1", "7" * 20000])
def test_huge_integers_become_placeholders(text):
    value = strict_yaml.load(f"n: {text}")["n"]
    assert isinstance(value, strict_yaml.HugeInteger)
    assert "more than 4300 digits" in repr(value)


def test_ordinary_integers_and_python_tags():
    assert strict_yaml.load("n: 4300") == {"n": 4300}
    assert strict_yaml.load("n: " + "9" * 4300)["n"] == int("9" * 4300)
    with pytest.raises(yaml.YAMLError):
        strict_yaml.load("!!python/object/apply:os.system ['true']")
