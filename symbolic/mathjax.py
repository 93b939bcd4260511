"""LaTeX that both MathJax and pdflatex accept: derive reports, step tables, verify verdicts and
point evaluations as a sequence of `$$ … $$` displays, with nothing outside math mode.

Why a form of its own: Jupyter shows a `text/latex` output through MathJax, which typesets math
only (no \\subsection, tabular, itemize or text-mode escapes such as \\_ outside math), while
nbconvert's PDF export pastes the same output into a LaTeX document. So every piece here is a
display holding aligned/array environments and \\text{…} runs of plain characters; characters
that need escaping are written as math (\\_, \\&, \\#), Unicode symbols as commands (∂ →
\\partial). Only amsmath/amssymb commands that MathJax also defines are used.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping, Sequence

import numpy as np

from .claim_values import ClaimResult
from .display import ascii_text
from .formula_check import is_latex
from .grammar_printer import name_latex
from .report import Line, Report, latex_chunks
from .tables import Row, fmt_value
from .verify_report import _safe_math  # the whitelist verify's LaTeX report uses for claimed formulas

ROWS_PER_DISPLAY = 40  # a display never breaks across pages in LaTeX: long tables become several

_PLAIN = set(string.ascii_letters + string.digits + " .,:;()[]!?'/*+=@-")
_ESCAPED = {
    "_": r"\_",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "$": r"\$",
    "{": r"\{",
    "}": r"\}",
    "\\": r"\backslash ",
    "^": r"\wedge ",
    "~": r"\sim ",
    "<": "<",
    ">": ">",
    "|": r"\vert ",
    '"': r"\text{''}",
    "`": r"\text{'}",
}
_UNICODE = {
    "∂": r"\partial",
    "σ": r"\sigma",
    "⊙": r"\odot",
    "✓": r"\checkmark",
    "✗": r"\times",
    "→": r"\to",
    "×": r"\times",
    "…": r"\dots",
    "·": r"\cdot",
    "−": "-",
    "ᵀ": r"^{\top}",
    "Σ": r"\Sigma",
    "²": "^{2}",
    "≤": r"\le",
    "≥": r"\ge",
    "δ": r"\delta",
    "ŷ": r"\hat{y}",
    "θ": r"\theta",
    "λ": r"\lambda",
    "η": r"\eta",
    "α": r"\alpha",
    "φ": r"\varphi",
    "‖": r"\|",
    "±": r"\pm",
    "≈": r"\approx",
    "⊗": r"\otimes",
    "∈": r"\in",
    "𝟙": r"\mathbb{1}",
    "′": "'",
    "—": "-",
    "–": "-",
    "ᵤ": "_{u}",
}
_NUMBER = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")


def math_text(text: str, font: str = "text") -> str:
    """Arbitrary text as math-mode LaTeX: runs of plain characters in \\text{…} (or \\textbf,
    \\texttt, \\textit), everything else as a math command, so neither MathJax nor TeX sees a
    text-mode escape."""
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            out.append(f"\\{font}{{{''.join(run)}}}")
            run.clear()

    for ch in text:
        if ch in _PLAIN:
            run.append(ch)
            continue
        flush()
        if ch in _ESCAPED:
            out.append(_ESCAPED[ch])
        elif ch in _UNICODE:
            out.append("{" + _UNICODE[ch] + "}")
        else:
            folded = ascii_text(ch)
            out.append(math_text(folded, font) if folded != ch else r"\text{?}")
    flush()
    return "".join(out) or r"\text{}"


def math_number(text: str) -> str:
    """A number as printed (fmt_value, a claim's digits), in math: 1.2e-05 → 1.2 \\times 10^{-5};
    brackets, × and … of array summaries become math too; anything else is text."""
    if not re.fullmatch(r"[-+0-9.eE\[\], ×…]+", text) or not _NUMBER.search(text):
        return math_text(text)
    s = _NUMBER.sub(_tex_number, text)
    return s.replace("[", r"\left[").replace("]", r"\right]").replace("×", r"\times ").replace("…", r"\dots ")


def _tex_number(m: re.Match[str]) -> str:
    mant, exp = m.group(1), m.group(2)
    sign = m.group(0)[0] if m.group(0)[0] in "+-" else ""
    if not exp:
        return sign + mant
    return f"{sign}{mant} \\times 10^{{{int(exp[1:])}}}"


def math_value(v: object) -> str:
    """A value (number or array) as fmt_value prints it, in math."""
    return math_number(fmt_value(v))


def display(body: str) -> str:
    """One display: `$$` on lines of their own around a body with no blank line (a blank line
    is a paragraph break, an error inside TeX math)."""
    lines = [ln for ln in body.split("\n") if ln.strip()]
    return "$$\n" + "\n".join(lines) + "\n$$"


def titled_aligned(title: str | None, rows: Sequence[str]) -> str:
    """Displays of `lhs &= rhs` rows under a bold title, ROWS_PER_DISPLAY rows each at most."""
    out = []
    for i in range(0, max(len(rows), 1), ROWS_PER_DISPLAY):
        chunk = rows[i : i + ROWS_PER_DISPLAY]
        head = f"{math_text(title, 'textbf')} \\\\\n" if title and i == 0 else ""
        body = "\\begin{aligned}\n" + " \\\\\n".join(chunk) + "\n\\end{aligned}" if chunk else r"\text{(none)}"
        out.append(display(f"\\begin{{array}}{{l}}\n{head}{body}\n\\end{{array}}"))
    return "\n\n".join(out)


def document(blocks: Sequence[str]) -> str:
    """Displays separated by blank lines, ending with a newline (the text/latex output)."""
    return "\n\n".join(b for b in blocks if b) + "\n"


# ---- derive reports and step tables --------------------------------------------------------------


def report_math(rep: Report) -> str:
    """A derive report: its title, then each section as aligned rows (or its step table)."""
    blocks = [display(math_text(rep.title, "textbf"))]
    for title, body in rep.sections:
        rows = [r for r in body if isinstance(r, Row)]
        lines = [ln for ln in body if isinstance(ln, Line)]
        if rows:
            blocks.append(display(math_text(title, "textbf")))
            blocks.append(table_math(rows))
            continue
        if not lines:
            blocks.append(titled_aligned(title, []))
            continue
        chunks = latex_chunks(rep.latex_rows(lines))
        for i, chunk in enumerate(chunks):
            blocks.append(titled_aligned(title if i == 0 else None, chunk))
    return document(blocks)


def table_math(rows: Sequence[Row], marks: Mapping[int, str] | None = None) -> str:
    """A step table as math arrays (no \\multicolumn: MathJax lacks it), ROWS_PER_DISPLAY rows each."""
    marks = marks or {}
    head = " & ".join(math_text(h, "textbf") for h in ("Step", "Quantity", "Formula", "Value", "Comes from"))
    body: list[str] = []
    prev = None
    for r in rows:
        sec = "Forward" if r.kind in ("input", "parameter", "forward") else "Backward"
        if sec != prev:
            body.append(f"\\textit{{{sec}}} & & & & \\\\")
            prev = sec
        mark = f"\\quad {math_text(marks[r.step])}" if r.step in marks else ""
        body.append(
            f"{r.step} & {r.quantity_tex} & {r.formula_tex} & {math_value(r.value)}{mark} & "
            f"{math_text(r.comes_from)} \\\\"
        )
    blocks = []
    for i in range(0, max(len(body), 1), ROWS_PER_DISPLAY):
        chunk = "\n".join(body[i : i + ROWS_PER_DISPLAY])
        blocks.append(display(f"\\begin{{array}}{{rllll}}\n{head} \\\\ \\hline\n{chunk}\n\\end{{array}}"))
    return document(blocks)


# ---- verify verdicts -------------------------------------------------------------------------------

_VERDICT = {"holds": r"\checkmark", "rounding": r"\approx", "wrong": r"\times"}


def _claimed(r: ClaimResult) -> str:
    """A claimed number as written; a claimed LaTeX formula as math when it uses only the
    commands verify's own LaTeX report typesets, any other formula as code."""
    if r.claimed_text is not None:
        return math_number(r.claimed_text)
    if isinstance(r.claimed, str):
        f = r.claimed.strip()
        if is_latex(f) and _safe_math(f):
            return f.strip("$")
        return math_text(r.claimed, "texttt")
    return math_value(r.claimed)


def _notes(r: ClaimResult) -> list[str]:
    """The verdict's notes as rows: counterexample, correct formula per entry, the note."""
    out = []
    if r.counterexample:
        pt = ", ".join(f"{name_latex(k)} = {math_value(v)}" for k, v in r.counterexample["point"].items())
        out.append(
            f"\\text{{counterexample at }} {pt}\\text{{: the formula gives }} "
            f"{math_value(r.counterexample['claimed'])}\\text{{, the true value is }} "
            f"{math_value(r.counterexample['correct'])}"
        )
    if r.verdict == "wrong" and r.correct_formula_entries:
        out.append(r"\text{correct formula (spec grammar, to paste as formula):}")
        for q, text, tex in r.correct_formula_entries:
            out.append(f"\\quad {math_text(q, 'texttt')}: \\; {tex} \\qquad {math_text(text, 'texttt')}")
    if r.note:
        out.append(math_text(r.note))
    return out


def verify_math(results: Sequence[ClaimResult], summary: str) -> str:
    """Verify results: one row per claim (verdict, claimed, correct, errors), then the notes of
    the claims that have any, then the summary line."""
    heads = ("Verdict", "Quantity", "Claimed", "Correct", "Abs. error", "Rel. error")
    rows = [" & ".join(math_text(h, "textbf") for h in heads) + r" \\ \hline"]
    for r in results:
        correct = math_number(r.correct_text) if r.correct_text is not None else math_value(r.correct)
        cells = (
            f"{_VERDICT[r.verdict]}\\ \\text{{{r.verdict}}}",
            math_text(r.label, "texttt"),
            _claimed(r),
            correct,
            math_number(f"{r.abs_error:.3g}"),
            math_number(f"{r.rel_error:.3g}"),
        )
        rows.append(" & ".join(cells) + r" \\")
    blocks = [
        display("\\begin{array}{llllll}\n" + "\n".join(rows[i : i + ROWS_PER_DISPLAY]) + "\n\\end{array}")
        for i in range(0, len(rows), ROWS_PER_DISPLAY)
    ]
    for r in results:
        notes = _notes(r)
        if notes:
            head = math_text(r.label, "texttt") + r"\text{:}"
            blocks.append(display("\\begin{array}{l}\n" + " \\\\\n".join([head] + notes) + "\n\\end{array}"))
    blocks.append(display(math_text(summary, "textbf")))
    return document(blocks)


# ---- point evaluations -----------------------------------------------------------------------------


def matrix_math(order: Sequence[str], matrix: object) -> str:
    """A dense matrix (the Hessian) with its row/column labels, as an array (amsmath's bmatrix
    stops at 10 columns)."""
    a = np.asarray(matrix, dtype=float)
    labels = [name_latex(n) for n in order]
    head = " & " + " & ".join(labels) + r" \\ \hline"
    rows = [labels[i] + " & " + " & ".join(math_value(x) for x in a[i]) + r" \\" for i in range(a.shape[0])]
    return f"\\begin{{array}}{{r|{'r' * a.shape[1]}}}\n{head}\n" + "\n".join(rows) + "\n\\end{array}"
