"""A derive report: titled sections of `lhs = rhs` lines (or a step table), rendered as plain
text, Markdown (MathJax `$$` blocks) or a LaTeX fragment that compiles with amsmath/amssymb.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from .display import Names, ascii_text, latex_printer, latex_text, to_latex, to_text
from .tables import Row, table_latex, table_markdown, table_text

LATEX_SPLIT = 300  # LaTeX right-hand sides longer than this (in characters) are broken over rows
ALIGN_ROWS = 20  # rows per align* (a display cannot break across pages; TeX holds it whole)
ALIGN_CHARS = 12000


@dataclass
class Line:
    """lhs = rhs; `note` (text, LaTeX math) states a condition under which the line holds."""

    lhs: sp.Basic
    rhs: sp.Basic
    note: tuple[str, str] | None = None


Section = tuple[str, list[Line] | list[Row]]


def _kinds(body: list[Line] | list[Row]) -> tuple[list[Row], list[Line]]:
    """A section body as (step-table rows, lines): a section holds one kind, the other is empty."""
    return [r for r in body if isinstance(r, Row)], [ln for ln in body if isinstance(ln, Line)]


class Report:
    """Sections of lines or step-table rows, all printed with one set of names."""

    def __init__(self, title: str, names: Names):
        self.title = title
        self.names = names
        self.sections: list[Section] = []

    def add(self, title: str, body: list[Line] | list[Row]) -> None:
        self.sections.append((title, body))

    def render(self, fmt: str) -> str:
        """The report as 'text', 'markdown' or 'latex' (a fragment: see latex_doc)."""
        out = {"text": self._text, "markdown": self._markdown, "latex": self._latex}[fmt]()
        return "\n".join(out) + "\n"

    # ---- formats ---------------------------------------------------------------------------------
    def _text(self) -> list[str]:
        N = self.names
        out = [self.title]
        for title, body in self.sections:
            out.append(f"\n{title}")
            rows, lines = _kinds(body)
            if rows:
                out.append(table_text(rows))
                continue
            if not lines:
                out.append("  (none)")
            for ln in lines:
                note = f"   ({ln.note[0]})" if ln.note else ""
                out.append(f"  {to_text(ln.lhs, N)} = {to_text(ln.rhs, N)}{note}")
        return out

    def _markdown(self) -> list[str]:
        out = [f"# {self.title}"]
        for title, body in self.sections:
            out.append(f"\n## {title}\n")
            rows, lines = _kinds(body)
            if rows:
                out.append(table_markdown(rows))
                continue
            if not lines:
                out.append("(none)")
                continue
            out.append("$$\n\\begin{aligned}")
            out += [f"{row} \\\\" for row in self.latex_rows(lines)]
            out.append("\\end{aligned}\n$$")
        return out

    def _latex(self) -> list[str]:
        out = [f"% symgrad derive: {ascii_text(self.title)}"]
        for title, body in self.sections:
            out.append(f"\\subsection*{{{latex_text(title)}}}")
            rows, lines = _kinds(body)
            if rows:
                out.append(table_latex(rows))
                continue
            if not lines:
                out.append("(none)")
                continue
            for chunk in latex_chunks(self.latex_rows(lines)):
                out.append("\\begin{align*}")
                out.append(" \\\\\n".join(chunk))
                out.append("\\end{align*}")
        return out

    def latex_rows(self, body: list[Line]) -> list[str]:
        """`lhs &= rhs` rows for an aligned environment (long right-hand sides over several rows)."""
        N = self.names
        rows = []
        for ln in body:
            note = f"\\quad({ln.note[1]})" if ln.note else ""
            pieces = _split_latex(ln.rhs, N)
            rows.append(f"{to_latex(ln.lhs, N)} &= {pieces[0]}" + ("" if len(pieces) > 1 else note))
            for k, p in enumerate(pieces[1:], 1):
                rows.append(f"&\\quad {p}" + (note if k == len(pieces) - 1 else ""))
        return rows


def latex_chunks(rows: list[str]) -> list[list[str]]:
    """Rows grouped into align* environments of at most ALIGN_ROWS rows / ALIGN_CHARS characters."""
    out: list[list[str]] = []
    cur: list[str] = []
    size = 0
    for r in rows:
        if cur and (len(cur) >= ALIGN_ROWS or size + len(r) > ALIGN_CHARS):
            out.append(cur)
            cur, size = [], 0
        cur.append(r)
        size += len(r)
    return out + [cur] if cur else out


def _split_latex(e: sp.Basic, N: Names) -> list[str]:
    """LaTeX of e as one or more align rows of about LATEX_SPLIT characters each: long sums and
    products break between terms/factors, long parenthesised parts use \bigl( … \bigr) (which
    may span rows), so no row comes near TeX's maximum dimension."""
    P = latex_printer(N)
    whole = to_latex(e, N, P)
    if len(whole) <= LATEX_SPLIT:
        return [whole]
    rows, cur = [], ""
    for seg in _segments(e, N, P):
        if cur and len(cur) + len(seg) > LATEX_SPLIT:
            rows.append(cur)
            cur = ""
        cur += seg
    return rows + [cur] if cur else rows


def _segments(e: sp.Basic, N: Names, P) -> list[str]:
    """Pieces whose concatenation typesets e, with a row break allowed between any two."""
    whole = to_latex(e, N, P)
    if len(whole) <= LATEX_SPLIT:
        return [whole]
    if e.is_Add:
        out = []
        for k, t in enumerate(sorted(e.args, key=lambda t: bool(t.could_extract_minus_sign()))):
            neg = t.could_extract_minus_sign()
            body = _segments(-t if neg else t, N, P)
            if (-t if neg else t).is_Add:
                body = [r"\bigl("] + body + [r"\bigr)"]
            out += [(" - " if neg else (" + " if k else ""))] + body
        return [x for x in out if x]
    if e.is_Mul:
        if e.could_extract_minus_sign():
            return ["-"] + _segments(-e, N, P)
        num, den = sp.fraction(e)
        if den != 1:
            return _segments(num, N, P) + [r" \cdot \frac{1}{" + to_latex(den, N, P) + "}"]
        out = []
        for f in e.args:
            inner = _segments(f, N, P)
            if f.is_Add:
                inner = [r"\bigl("] + inner + [r"\bigr)"]
            out += inner + [r"\,"]
        return out[:-1]
    if isinstance(e, sp.Function) and len(e.args) == 1:
        arg = to_latex(e.args[0], N, P)
        tail = r"\left(" + arg + r"\right)"
        if whole.endswith(tail):
            return [whole[: -len(tail)] + r"\bigl("] + _segments(e.args[0], N, P) + [r"\bigr)"]
    if e.is_Pow and e.exp == 2 and len(to_latex(e.base, N, P)) > LATEX_SPLIT:
        return [r"\bigl("] + _segments(e.base, N, P) + [r"\bigr)^{2}"]
    return [whole]
