"""Text from files reaches the terminal with its control characters escaped; previews stay bounded."""

import time

import pytest

from verify.sandbox.text import preview, terminal_safe

UNSAFE = ["\x1b[2J", "\x1b]0;pwned\x07", "\r", "\x08", "\x9b31m", "\u202e", "\u2066", "\u200b", "\ufeff", "\x00",
          "\x7f", "\ud800"]


@pytest.mark.parametrize("ch", UNSAFE, ids=[repr(c) for c in UNSAFE])
def test_control_and_format_characters_are_escaped(ch):
    out = terminal_safe(f"a{ch}b")
    assert ch not in out and out.startswith("a\\") and out.endswith("b")
    assert all(c.isprintable() for c in out)


def test_newlines_are_escaped_unless_kept():
    assert terminal_safe("a\nb\tc") == "a\\nb\\tc"
    assert terminal_safe("a\nb", newlines=True) == "a\nb"
    assert terminal_safe("plain ∂x/∂y é") == "plain ∂x/∂y é"


def test_previews_of_huge_values_are_short_and_fast():
    nested = ["x"]
    for _ in range(40):
        nested = [nested] * 10  # 10**40 leaves when expanded
    t0 = time.monotonic()
    for value in (nested, 10**20000, "y" * 10**7, {str(k): k for k in range(10**5)}, set(range(1000))):
        assert len(preview(value)) < 200
    assert time.monotonic() - t0 < 1.0
    assert preview(10**20000) == "<an integer of about 20001 digits>"
