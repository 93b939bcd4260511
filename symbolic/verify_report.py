"""Render verify results as text, Markdown or LaTeX: one row per claim with its verdict
(✓ holds, ≈ rounding, ✗ wrong), claimed and correct values, errors, and the notes (kink,
rounding, counterexample, correct formula in the spec grammar, one entry per line for tensors).
The LaTeX is a fragment that compiles with only amsmath/amssymb, or a whole document.
"""

from __future__ import annotations

import numpy as np

from .claim_values import ClaimResult
from .formula_check import is_latex
from .grammar_printer import name_latex
from .latex_doc import escape_text, standalone_document
from .tables import fmt_value

MARK = {"holds": "✓", "rounding": "≈", "wrong": "✗"}
TEX_MARK = {"holds": r"$\checkmark$", "rounding": r"$\approx$", "wrong": r"$\times$"}
_TEX_UNICODE = {
    "′": "$'$",
    "−": "$-$",
    "∂": r"$\partial$",
    "≈": r"$\approx$",
    "✓": r"$\checkmark$",
    "✗": r"$\times$",
    "σ": r"$\sigma$",
    "ŷ": r"$\hat{y}$",
    "∈": r"$\in$",
    "θ": r"$\theta$",
    "…": r"\dots{}",
    "·": r"$\cdot$",
    "ᵀ": r"$^{\top}$",
    "→": r"$\to$",
    "²": r"$^2$",
    "≤": r"$\le$",
    "≥": r"$\ge$",
    "α": r"$\alpha$",
    "λ": r"$\lambda$",
    "δ": r"$\delta$",
    "𝟙": r"$\mathbb{1}$",
    "—": "---",
    "–": "--",
    "×": r"$\times$",
}
# LaTeX commands a claimed LaTeX formula may use to be shown as math (amsmath/amssymb only)
_SAFE_TEX = {
    "frac",
    "dfrac",
    "tfrac",
    "partial",
    "sigma",
    "tanh",
    "exp",
    "log",
    "ln",
    "sin",
    "cos",
    "max",
    "operatorname",
    "mathrm",
    "text",
    "mathbb",
    "mathbf",
    "boldsymbol",
    "mathcal",
    "hat",
    "widehat",
    "bar",
    "overline",
    "tilde",
    "widetilde",
    "vec",
    "left",
    "right",
    "cdot",
    "times",
    "odot",
    "sqrt",
    "top",
    "intercal",
    "begin",
    "end",
    "pi",
    "ell",
    "geq",
    "leq",
    "ge",
    "le",
    "lvert",
    "rvert",
    "vert",
    "quad",
    "qquad",
    "displaystyle",
    "mathit",
    "mathsf",
    "div",
} | {
    "alpha",
    "beta",
    "gamma",
    "delta",
    "epsilon",
    "varepsilon",
    "zeta",
    "eta",
    "theta",
    "vartheta",
    "iota",
    "kappa",
    "lambda",
    "mu",
    "nu",
    "xi",
    "rho",
    "tau",
    "upsilon",
    "phi",
    "varphi",
    "chi",
    "psi",
    "omega",
    "Gamma",
    "Delta",
    "Theta",
    "Lambda",
    "Phi",
    "Psi",
    "Omega",
}


def _v(x) -> str:
    return x if isinstance(x, str) else fmt_value(x)


def _claimed(r: ClaimResult) -> str:
    return r.claimed_text if r.claimed_text is not None else _v(r.claimed)


def _correct(r: ClaimResult) -> str:
    return r.correct_text if r.correct_text is not None else _v(r.correct)


def summary(results: list[ClaimResult]) -> str:
    """'N passed (K within rounding), M failed'."""
    passed = sum(r.ok for r in results)
    rounding = sum(r.verdict == "rounding" for r in results)
    extra = f" ({rounding} within rounding)" if rounding else ""
    return f"{passed} passed{extra}, {len(results) - passed} failed"


def render(results: list[ClaimResult], fmt: str = "text", standalone: bool = False, title: str | None = None) -> str:
    """The report in `fmt` (text, markdown, latex); `standalone` wraps LaTeX into a document."""
    if fmt == "markdown":
        return _markdown(results)
    if fmt == "latex":
        body = _latex(results)
        return standalone_document(body, title) if standalone else body
    return _text(results)


# ---- text and Markdown -----------------------------------------------------------------------------


def _text(results: list[ClaimResult]) -> str:
    width = max((len(r.label) for r in results), default=8)
    out = []
    for r in results:
        out.append(
            f"{MARK[r.verdict]} {r.label:<{width}}  {r.verdict:<8}  claimed {_claimed(r)}  "
            f"correct {_correct(r)}  abs err {r.abs_error:.3g}  rel err {r.rel_error:.3g}"
        )
        out += ["    " + line for line in _details(r)]
    out.append(summary(results))
    return "\n".join(out) + "\n"


def _markdown(results: list[ClaimResult]) -> str:
    out = ["| | Quantity | Claimed | Correct | Abs. error | Rel. error |", "|---|---|---|---|---|---|"]
    for r in results:
        claimed = f"`{r.claimed}`" if isinstance(r.claimed, str) else _claimed(r)
        out.append(
            f"| {MARK[r.verdict]} {r.verdict} | `{r.label}` | {claimed} | {_correct(r)} | "
            f"{r.abs_error:.3g} | {r.rel_error:.3g} |"
        )
    notes = []
    for r in results:
        d = _details(r, md=True)
        if d:
            notes.append(f"- `{r.label}`: " + d[0])
            notes += ["  " + line for line in d[1:]]
    return "\n".join(out + [""] + notes + ["", f"**{summary(results)}**"]) + "\n"


def _details(r: ClaimResult, md: bool = False) -> list[str]:
    code = (lambda s: f"`{s}`") if md else (lambda s: s)
    lines = []
    if r.counterexample:
        pt = ", ".join(f"{k} = {fmt_value(v)}" for k, v in r.counterexample["point"].items())
        lines.append(
            f"counterexample at {pt}: the formula gives {fmt_value(r.counterexample['claimed'])}, "
            f"the true value is {fmt_value(r.counterexample['correct'])}"
        )
    if r.verdict == "wrong" and r.correct_formula_entries:
        if len(r.correct_formula_entries) == 1:
            q, t, _ = r.correct_formula_entries[0]
            lines.append(f"correct formula: {code(f'{q} = {t}')}")
        else:
            lines.append("correct formula, one entry per line:")
            lines += [f"  {code(f'{q} = {t}')}" for q, t, _ in r.correct_formula_entries]
    if r.note:
        lines.append(r.note)
    return lines


# ---- LaTeX --------------------------------------------------------------------------------------


def latex_text(text: str) -> str:
    """Plain text (notes) for LaTeX text mode: escaped, Unicode symbols as math."""
    out = []
    for ch in escape_text(text):
        if ord(ch) < 128:
            out.append(ch)
        else:
            out.append(_TEX_UNICODE.get(ch, "?"))
    return "".join(out)


def latex_number(v) -> str:
    """A number or nested list in math mode: 1.2e-05 → 1.2 \\times 10^{-5}."""
    a = np.asarray(v, dtype=float)
    if a.shape != ():
        if a.size > 16:
            return latex_text(fmt_value(a))
        rows = a.tolist()

        def nest(x):
            return r"\left[" + ", ".join(nest(y) for y in x) + r"\right]" if isinstance(x, list) else _num(x)

        return "$" + nest(rows) + "$"
    return "$" + _num(float(a)) + "$"


def _text_number(s: str) -> str:
    """A number (or nested list) already formatted, in math mode."""
    import re

    s = re.sub(r"([0-9.]+)[eE]([-+]?[0-9]+)", lambda m: f"{m.group(1)} \\times 10^{{{int(m.group(2))}}}", s)
    return "$" + s.replace("[", r"\left[").replace("]", r"\right]") + "$"


def _num(x: float) -> str:
    s = fmt_value(x)
    if "e" in s:
        mant, exp = s.split("e")
        return f"{mant} \\times 10^{{{int(exp)}}}"
    return s


def _safe_math(formula: str) -> bool:
    import re

    cmds = re.findall(r"\\([A-Za-z]+)", formula)
    return (
        all(c in _SAFE_TEX for c in cmds)
        and "$" not in formula.strip().strip("$")
        and all(ord(ch) < 128 for ch in formula)
    )


def _claimed_tex(r: ClaimResult) -> str:
    if r.claimed_text is not None:
        return _text_number(r.claimed_text)
    if not isinstance(r.claimed, str):
        return latex_number(r.claimed)
    f = r.claimed.strip()
    if is_latex(f) and _safe_math(f):
        return "$" + f.strip("$") + "$"
    return r"\texttt{" + escape_text(f) + "}"


def _latex(results: list[ClaimResult]) -> str:
    out = [r"\begin{tabular}{llllll}", r"Verdict & Quantity & Claimed & Correct & Abs.\ error & Rel.\ error \\ \hline"]
    for r in results:
        row = [
            f"{TEX_MARK[r.verdict]} {r.verdict}",
            r"\texttt{" + escape_text(r.label) + "}",
            _claimed_tex(r),
            _text_number(r.correct_text) if r.correct_text is not None else latex_number(r.correct),
            _text_number(f"{r.abs_error:.3g}"),
            _text_number(f"{r.rel_error:.3g}"),
        ]
        out.append(" & ".join(row) + r" \\")
    out.append(r"\end{tabular}")
    notes = [n for n in (_latex_details(r) for r in results) if n]
    if notes:
        out += ["", r"\begin{itemize}"] + notes + [r"\end{itemize}"]
    out += ["", r"\noindent " + latex_text(summary(results))]
    return "\n".join(out) + "\n"


def _latex_details(r: ClaimResult) -> str:
    parts = []
    if r.counterexample:
        pt = ", ".join(f"${name_latex(k)} = {_strip(latex_number(v))}$" for k, v in r.counterexample["point"].items())
        parts.append(
            f"counterexample at {pt}: the formula gives {latex_number(r.counterexample['claimed'])}, "
            f"the true value is {latex_number(r.counterexample['correct'])}."
        )
    if r.verdict == "wrong" and r.correct_formula_entries:
        parts.append(r"Correct formula (spec grammar, to paste as \texttt{formula}):")
        lines = []
        for q, t, tex in r.correct_formula_entries:
            lines.append(
                r"\texttt{"
                + escape_text(q)
                + r"}: $"
                + tex
                + r"$ \\"
                + "\n"
                + r"\hspace*{2em}\texttt{"
                + escape_text(t)
                + "}"
            )
        parts.append(r"\\" + "\n" + (r" \\" + "\n").join(lines))
    if r.note:
        parts.append(latex_text(r.note) + ".")
    if not parts:
        return ""
    return r"\item \texttt{" + escape_text(r.label) + "}: " + " ".join(parts)


def _strip(s: str) -> str:
    return s[1:-1] if s.startswith("$") and s.endswith("$") else s
