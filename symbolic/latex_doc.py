"""LaTeX documents around symgrad's fragments: one preamble for every `--format latex` output.

A fragment (derive, tables, verify) compiles as the body of an article that loads only
`amsmath` and `amssymb`; `standalone_document` wraps it into a whole document.
"""

from __future__ import annotations

PACKAGES = ("amsmath", "amssymb")

_TEXT_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "#": r"\#",
    "$": r"\$",
    "%": r"\%",
    "&": r"\&",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}


def escape_text(text: str) -> str:
    """Escape plain text (names, messages) for LaTeX text mode."""
    return "".join(_TEXT_ESCAPES.get(ch, ch) for ch in text)


def standalone_document(body: str, title: str | None = None) -> str:
    """A complete article around a fragment, loading exactly the packages fragments may rely on."""
    head = "\\documentclass{article}\n" + "".join(f"\\usepackage{{{p}}}\n" for p in PACKAGES)
    top = f"\\section*{{{escape_text(title)}}}\n" if title else ""
    return f"{head}\\begin{{document}}\n{top}{body.rstrip()}\n\\end{{document}}\n"
