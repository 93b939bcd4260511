"""The one place where user-derived text and numbers become C: identifiers, comment text, literals.

Every template and every emitter line that puts a spec-derived string into C goes through
`c_identifier` (names in code), `c_label` (free text: model and file names, in comments) or
`c_comment` (generated comment text built from validated names) -- the Jinja filters `c_ident`,
`c_label`, `c_comment` -- and every constant through `c_float_literal`, so no model name, file
name or number can end a comment, start a preprocessor line or inject code.
"""

from __future__ import annotations

import hashlib
import math
import re
from decimal import Decimal
from typing import SupportsFloat

__all__ = [
    "C_KEYWORDS",
    "MAX_COMMENT",
    "MAX_IDENT",
    "CSafeError",
    "c_comment",
    "c_float_literal",
    "c_identifier",
    "c_label",
    "is_c_identifier",
]

MAX_IDENT = 64  # longer identifiers are truncated and made unique by a hash suffix
MAX_COMMENT = 160  # longer comment text is truncated with "..."
FLT_MAX = 3.4028234663852886e38

# C11 keywords, C23 additions and C++ keywords (the .h is included from C++ too)
C_KEYWORDS = frozenset(
    (
        "auto",
        "break",
        "case",
        "char",
        "const",
        "continue",
        "default",
        "do",
        "double",
        "else",
        "enum",
        "extern",
        "float",
        "for",
        "goto",
        "if",
        "inline",
        "int",
        "long",
        "register",
        "restrict",
        "return",
        "short",
        "signed",
        "sizeof",
        "static",
        "struct",
        "switch",
        "typedef",
        "union",
        "unsigned",
        "void",
        "volatile",
        "while",
        "_Alignas",
        "_Alignof",
        "_Atomic",
        "_Bool",
        "_Complex",
        "_Generic",
        "_Imaginary",
        "_Noreturn",
        "_Static_assert",
        "_Thread_local",
        "alignas",
        "alignof",
        "bool",
        "constexpr",
        "false",
        "nullptr",
        "static_assert",
        "thread_local",
        "true",
        "typeof",
        "typeof_unqual",
        "asm",
        "catch",
        "class",
        "const_cast",
        "decltype",
        "delete",
        "dynamic_cast",
        "explicit",
        "export",
        "friend",
        "mutable",
        "namespace",
        "new",
        "noexcept",
        "operator",
        "private",
        "protected",
        "public",
        "reinterpret_cast",
        "static_cast",
        "template",
        "this",
        "throw",
        "try",
        "typeid",
        "typename",
        "using",
        "virtual",
        "wchar_t",
        "char8_t",
        "char16_t",
        "char32_t",
        "concept",
        "consteval",
        "constinit",
        "co_await",
        "co_return",
        "co_yield",
        "requires",
        "and",
        "and_eq",
        "bitand",
        "bitor",
        "compl",
        "not",
        "not_eq",
        "or",
        "or_eq",
        "xor",
        "xor_eq",
        "main",
    )
)

_TRANSLIT = {
    "Σ": "sum",
    "ᵀ": "^T",
    "·": "*",
    "×": "x",
    "𝟙": "1",
    "σ": "sigmoid",
    "θ": "theta",
    "∇": "grad",
    "δ": "delta",
}
_IDENT_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class CSafeError(ValueError):
    """A value cannot be represented safely in C (e.g. a constant that overflows to inf)."""


def is_c_identifier(text: str) -> bool:
    """True for [A-Za-z_][A-Za-z0-9_]* that is no keyword, not reserved (`__x`, `_X`) and bounded."""
    return (
        isinstance(text, str)
        and bool(_IDENT_RE.match(text))
        and text not in C_KEYWORDS
        and not text.startswith("__")
        and not re.match(r"^_[A-Z]", text)
        and len(text) <= MAX_IDENT
    )


def c_identifier(text: object, default: str = "model", max_len: int = MAX_IDENT) -> str:
    """A C identifier derived from `text`: other characters become '_', a leading digit gets
    'm_', keywords get a trailing '_', long names are cut and suffixed with a hash. Idempotent
    on its own output."""
    raw = str(text)
    s = re.sub(r"[^A-Za-z0-9_]+", "_", raw.encode("ascii", "replace").decode("ascii")).strip("_")
    s = s or default
    if s[0].isdigit():
        s = "m_" + s
    if s in C_KEYWORDS:
        s += "_"
    if len(s) > max_len:
        tag = hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        s = s[: max_len - 9].rstrip("_") + "_" + tag
    return s


def c_comment(text: object, max_len: int = MAX_COMMENT) -> str:
    """Text safe inside a /* ... */ comment: printable ASCII only (a few math signs spelled out;
    other characters, backslash and control characters become '_', so no newline or line
    splice), no `*/` or `/*`, no `??` trigraph."""
    s = "".join(ch if " " <= ch <= "~" and ch != "\\" else _TRANSLIT.get(ch, "_") for ch in str(text))
    while True:
        t = s.replace("*/", "*_/").replace("/*", "/_*").replace("??", "?_?")
        if t == s:
            break
        s = t
    if len(s) > max_len:
        s = s[: max_len - 3].rstrip("*/?") + "..."
    if s.startswith("/") or s.endswith("*"):  # never glue onto the surrounding /* or */
        s = "_" + s if s.startswith("/") else s
        s = s + "_" if s.endswith("*") else s
    return s


def c_label(text: object, max_len: int = MAX_IDENT) -> str:
    """A user's free text (model name, spec file name) shown in a comment: only letters, digits
    and `_ . + -` survive (other runs become '_'), so none of the text's C syntax reaches the
    output even as comment text."""
    s = re.sub(r"[^A-Za-z0-9_.+-]+", "_", str(text)).strip("_") or "_"
    if len(s) > max_len:
        tag = hashlib.sha256(str(text).encode("utf-8", "surrogatepass")).hexdigest()[:8]
        s = s[: max_len - 12] + "..." + tag
    return s


def c_float_literal(value: SupportsFloat | str, dtype: str = "float64") -> str:
    """Exact (repr round-trip) C literal of a finite number; CSafeError for inf/NaN or a value
    that overflows the dtype (float32: |x| > FLT_MAX)."""
    try:
        v = float(value)
    except OverflowError:
        v = math.inf
    except (TypeError, ValueError):
        raise CSafeError(f"constant {c_comment(value, 40)} is not a number") from None
    if not math.isfinite(v) or (dtype == "float32" and abs(v) > FLT_MAX):
        ctype = "float" if dtype == "float32" else "double"
        shown = c_comment(f"{Decimal(value):.6E}" if isinstance(value, int) else str(value), 40)
        raise CSafeError(f"constant {shown} does not fit a finite {ctype}: the C backend cannot use it")
    s = repr(v)
    if "e" not in s and "." not in s:
        s += ".0"
    return s + ("F" if dtype == "float32" else "")
