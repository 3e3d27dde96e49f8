"""Titles as a reader reads them: residual ASCII math mapped to Unicode, one convention throughout.

The catalog's titles are prose with inline math.  Older ones write the math in
ASCII (``sigma^2``, ``w_i``, ``X^{-T}``, ``<=``); newer ones in Unicode
(``σ²``, ``wᵢ``, ``X⁻ᵀ``, ``≤``).  :func:`display_title` maps the first to the second,
and leaves the second unchanged, so that headings, the table of contents, search
results and the errata list all read the same way:

    >>> display_title("At a stationary W, S w_i = (sigma^2 + rho_i^2) w_i").text
    'At a stationary W, S wᵢ = (σ² + ρᵢ²) wᵢ'
    >>> display_title("∂ log det X / ∂X = X^{-T}").text
    '∂ log det X / ∂X = X⁻ᵀ'

The convention: Unicode super- and subscripts where Unicode has the glyph, and
HTML ``<sup>``/``<sub>`` where it has not (``x_w``: there is no subscript w):

    >>> display_title("x_v^T x_w").html
    'xᵥᵀ x<sub>w</sub>'

``.text`` writes those few as ``x_w`` / ``x_{vw}`` (for places without HTML);
``.markdown`` is ``.html`` with Markdown's specials escaped.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache

__all__ = ["DisplayTitle", "display_title", "GREEK"]

# Names read as Greek letters where they stand alone (or with a script attached).  "Gamma" is
# left out on purpose: in the catalog it names the Gamma distribution.
GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "eps": "ε", "zeta": "ζ",
    "eta": "η", "theta": "θ", "kappa": "κ", "lambda": "λ", "lam": "λ", "mu": "μ", "nu": "ν", "xi": "ξ",
    "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
}
SUPERSCRIPT = dict(zip("0123456789+-=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVWβγδθφχ",
                       "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵝᵞᵟᶿᵠᵡ", strict=True))
SUBSCRIPT = dict(zip("0123456789+-=()aehijklmnoprstuvxβγρφχ", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ",
                     strict=True))
SUPERSCRIPT["−"] = "⁻"
SUBSCRIPT["−"] = "₋"

_GREEK_RE = re.compile(r"(?<![A-Za-z])(d?)(" + "|".join(sorted(GREEK, key=len, reverse=True)) + r")(?![A-Za-z])")
_OPERATORS = [  # (pattern, replacement), applied in order
    (re.compile(r"<=>|<==>"), "⇔"), (re.compile(r"<="), "≤"), (re.compile(r">="), "≥"), (re.compile(r"!="), "≠"),
    (re.compile(r"<<"), "≪"), (re.compile(r">>"), "≫"), (re.compile(r"->"), "→"), (re.compile(r"<-"), "←"),
    (re.compile(r"\|\|"), "‖"), (re.compile(r"-oo\b"), "−∞"), (re.compile(r"(?<![A-Za-z])oo\b"), "∞"),
    (re.compile(r"\.\.\."), "…"),
    (re.compile(r"<\s*([^<>=,]{1,20}?,[^<>=]{1,20}?)\s*>"), r"⟨\1⟩"),  # <u, v>
    (re.compile(r"(?<![A-Za-z])([a-z]) o ([a-z])(?![A-Za-z(])"), r"\1 ∘ \2"),  # g o f
    (re.compile(r"\blog2\b"), "log₂"),
    (re.compile(r"(?<![A-Za-z_])grad(?![A-Za-z])(?: (?=[A-Za-zα-ωΑ-Ω](?![A-Za-z])))?"), "∇"),
    (re.compile(r"\bsqrt(?=\()"), "√"),
    (re.compile(r"(?<![A-Za-z])sum_"), "Σ_"), (re.compile(r"(?<![A-Za-z])prod_"), "∏_"),
    (re.compile(r"(?<![A-Za-z^_])R\^(?=[a-z]\b|\{[^}]*x|\([^)]*x)"), "ℝ^"),  # R^n, R^(m x n); not R^(D)
    (re.compile(r"(?<=→ )R(?![A-Za-z0-9^_(])"), "ℝ"),  # f: R^n -> R
    # W in R^{m x k}: a lone symbol in a space; "lies in ℝᵐˣⁿ", "(units) in ℝⁿ" stay words
    (re.compile(r"(?<![A-Za-z0-9_^])([A-Za-zα-ωΑ-Ω][ᵀ*′]?) in (?=ℝ)"), r"\1 ∈ "),
    (re.compile(r"(?<=_\{)([a-z]) in "), r"\1 ∈ "),  # max_{i in A_j}
    (re.compile(r" -- "), " – "),
]
# "m x n", "1x1": x between two sizes (a number, a lone letter or a bracket) is a times sign; between
# letters only with spaces around it (exp is not e × p).
_TIMES = re.compile(r"(?:(?<![A-Za-z0-9_^])([0-9]+|[A-Za-z])|([)|])) x "
                    r"(?=(?:[0-9]+|[A-Za-z])(?![A-Za-z0-9_])|[(|])")
_TIMES_DIGITS = re.compile(r"(?<![A-Za-z0-9_^])([0-9]+)x(?=[0-9]+(?![A-Za-z0-9_]))")  # 1x1, 3x3
_MINUS = re.compile(r"(?:(?<=^)|(?<=[\s(\[{=,|/]))-(?=[\w(√∇\[|⟨αβγδεζηθκλμνξπρστφχψωΣΛΔΘΦΨΩ∂])")
# a hyphen between two short math tokens (1-p, m-p+1, T-1) is a minus; k-hinge, one-hot stay words
_INFIX_MINUS = re.compile(r"(?<![A-Za-z0-9])([0-9]+|[A-Za-zα-ω][0-9]*)-(?!D\b)(?=(?:[0-9]+|[A-Za-zα-ωΣ][0-9]*)(?![A-Za-z0-9]))")
_HAT = re.compile(r"([A-Za-z])_hat(?![A-Za-z])")
# snake_case code names (numerics.backprop.mlp_forward) keep their underscores: a word of two or more
# letters, "_", and a part of two or more characters; x_w, p_data, dF_X, max_{...} are math
_IDENTIFIER = re.compile(r"(?<![A-Za-z0-9_^])[a-z][a-z0-9]*(?:[._][a-z0-9]+)+")
_KEEP = "\x1f"


def _protect(m: re.Match) -> str:
    word = m[0]
    parts = re.split(r"[._]", word)
    first = re.split(r"_", word.rsplit(".", 1)[-1])[0]
    if "_" in word and len(first) >= 2 and first not in GREEK and first not in ("sum", "prod") and any(len(p) >= 2 for p in re.split(r"_", word)[1:]) and len(parts) > 1:
        return word.replace("_", _KEEP)
    return word
_OPEN = {"{": "}", "(": ")", "⌊": "⌋", "⌈": "⌉"}


@dataclass(frozen=True)
class DisplayTitle:
    """A title as HTML (``<sub>``/``<sup>`` only where Unicode has no glyph) and as plain text."""

    html: str
    text: str

    @property
    def markdown(self) -> str:
        """``html`` with the characters Markdown would read (``*`` ``_`` ``[`` ...) escaped, tags kept."""
        parts = re.split(r"(</?su[bp]>)", self.html)
        return "".join(p if re.fullmatch(r"</?su[bp]>", p) else re.sub(r"([\\`*_\[\]{}#$|])", r"\\\1", p)
                       for p in parts)


def _brackets(text: str, start: int) -> int:
    """Index just past the bracket group opening at ``start`` (or ``start`` when unbalanced)."""
    close, depth = _OPEN[text[start]], 0
    for i in range(start, len(text)):
        if text[i] == text[start]:
            depth += 1
        elif text[i] == close:
            depth -= 1
            if depth == 0:
                return i + 1
    return start


def _script_argument(text: str, i: int, kind: str) -> tuple[str, int] | None:
    """The argument of a ``^``/``_`` at ``text[i-1]``: ``{...}``, ``(...)``, a signed run, or one sign."""
    if i >= len(text):
        return None
    c = text[i]
    if c in _OPEN:
        end = _brackets(text, i)
        if end == i:
            return None
        inner = text[i + 1:end - 1]
        if c in "⌊⌈" or (c == "(" and (kind == "_" or re.fullmatch(r"[A-Z]", inner))):
            inner = text[i:end]  # R^(D), gamma^⌊t/k⌋: the brackets are part of the script
        return inner, end
    if kind == "_" and i >= 2 and text[i - 2] == "∇" and re.match(r"[A-Za-z\u0370-\u03ff]", c):
        return c, i + 1  # ∇_θR, ∇_W A: the gradient's variable is one symbol
    m = re.match(r"[-−+]?[0-9A-Za-z\u0370-\u03ff]+", text[i:])
    if m:
        end = i + m.end()
        if kind == "^" and re.fullmatch(r"[A-Za-z]{2,}", m.group()) and end < len(text) and text[end] == "(":
            end = _brackets(text, end)  # gamma^floor(t/k): the call is the exponent
        return text[i:end], end
    if kind == "^" and c in "+*′'":
        return c, i + 1
    return None


def _render(script: str, kind: str) -> tuple[str, str]:
    """(html, text) of one script whose argument has been displayed already."""
    table = SUPERSCRIPT if kind == "^" else SUBSCRIPT
    plain = script.replace(" ", "")
    if "<" not in script and all(ch in table for ch in plain):
        uni = "".join(table[ch] for ch in plain)
        return uni, uni
    tag = "sup" if kind == "^" else "sub"
    text = re.sub(r"</?su[bp]>", "", script)
    return f"<{tag}>{script}</{tag}>", f"{kind}{text}" if len(text) == 1 else f"{kind}{{{text}}}"


def _scripts(text: str) -> tuple[str, str]:
    """Super- and subscripts (``^`` and ``_`` after a non-space) rendered; returns (html, text)."""
    out_html, out_text, i = [], [], 0
    while i < len(text):
        c = text[i]
        if c in "^_" and i > 0 and not text[i - 1].isspace():
            arg = _script_argument(text, i + 1, c)
            if arg is not None:
                inner_html, inner_text = _scripts(arg[0])
                h, t = _render(inner_html, c)
                if "<" in h:  # the text form spells out what has no glyph
                    t = f"{c}{inner_text}" if len(inner_text) == 1 else f"{c}{{{inner_text}}}"
                out_html.append(h)
                out_text.append(t)
                i = arg[1]
                continue
        out_html.append(html.escape(c, quote=False))
        out_text.append(c)
        i += 1
    return "".join(out_html), "".join(out_text)


def _floor_ceil(text: str) -> str:
    for word, (left, right) in (("floor", "⌊⌋"), ("ceil", "⌈⌉")):
        while (m := re.search(rf"(?<![A-Za-z]){word}\(", text)) is not None:
            start = m.end() - 1
            end = _brackets(text, start)
            if end == start:
                break
            text = text[:m.start()] + left + text[start + 1:end - 1] + right + text[end:]
    return text


@cache
def display_title(title: str) -> DisplayTitle:
    """The title with ASCII math in Unicode (idempotent: a clean Unicode title comes back unchanged)."""
    text = _IDENTIFIER.sub(_protect, title)
    text = _GREEK_RE.sub(lambda m: m[1] + GREEK[m[2]], text)
    text = _HAT.sub(lambda m: m[1] + "\u0302", text)
    for pattern, replacement in _OPERATORS:
        text = pattern.sub(replacement, text)
    text = _TIMES.sub(lambda m: (m[1] or m[2]) + " × ", text)
    text = _TIMES_DIGITS.sub(lambda m: m[1] + "×", text)
    text = _floor_ceil(text)
    text = _MINUS.sub("−", text)
    text = _INFIX_MINUS.sub(lambda m: m[1] + "−", text)
    text = re.sub(r" - ", " − ", text)
    h, t = _scripts(text)
    return DisplayTitle(h.replace(_KEEP, "_"), t.replace(_KEEP, "_"))
