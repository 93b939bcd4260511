"""Render verify results: one line per claim (✓/✗, claimed, correct, errors) and a summary."""
from __future__ import annotations

from .tables import fmt_value
from .verify import ClaimResult


def _v(x) -> str:
    return x if isinstance(x, str) else fmt_value(x)


def summary(results: list[ClaimResult]) -> str:
    passed = sum(r.ok for r in results)
    return f"{passed} passed, {len(results) - passed} failed"


def render(results: list[ClaimResult], fmt: str = "text") -> str:
    if fmt == "markdown":
        out = ["| | Quantity | Claimed | Correct | Abs. error | Rel. error |", "|---|---|---|---|---|---|"]
        for r in results:
            out.append(f"| {'✓' if r.ok else '✗'} | `{r.quantity}` | {_v(r.claimed)} | {_v(r.correct)} | "
                       f"{r.abs_error:.3g} | {r.rel_error:.3g} |")
        notes = [_details(r, md=True) for r in results if _details(r, md=True)]
        return "\n".join(out + [""] + notes + ["", f"**{summary(results)}**"]) + "\n"
    if fmt == "latex":
        out = [r"\begin{tabular}{llllll}", r"& Quantity & Claimed & Correct & Abs.\ error & Rel.\ error \\ \hline"]
        for r in results:
            claimed = r"\texttt{" + r.claimed.replace("_", r"\_").replace("*", r"\ast ") + "}" \
                if isinstance(r.claimed, str) else _v(r.claimed)
            corr = (f"${r.correct_formula_latex}$" if r.correct_formula_latex and not r.ok else _v(r.correct))
            mark = r"$\checkmark$" if r.ok else r"$\times$"
            qty = r.quantity.replace("_", r"\_")
            row = [mark, r"\texttt{" + qty + "}", claimed, corr, f"{r.abs_error:.3g}", f"{r.rel_error:.3g}"]
            out.append(" & ".join(row) + r" \\")
        out += [r"\end{tabular}", "", f"% {summary(results)}"]
        return "\n".join(out) + "\n"
    width = max(len(r.quantity) for r in results) if results else 8
    out = []
    for r in results:
        mark = "✓" if r.ok else "✗"
        out.append(f"{mark} {r.quantity:<{width}}  claimed {_v(r.claimed)}  correct {_v(r.correct)}  "
                   f"abs err {r.abs_error:.3g}  rel err {r.rel_error:.3g}")
        d = _details(r)
        if d:
            out.append(d)
    out.append(summary(results))
    return "\n".join(out) + "\n"


def _details(r: ClaimResult, md: bool = False) -> str:
    lines = []
    if r.counterexample:
        pt = ", ".join(f"{k} = {fmt_value(v)}" for k, v in r.counterexample["point"].items())
        lines.append(f"counterexample at {pt}: the formula gives {fmt_value(r.counterexample['claimed'])}, "
                     f"the true value is {fmt_value(r.counterexample['correct'])}")
    if r.correct_formula and not r.ok:
        lines.append(f"correct formula: {r.correct_formula}")
    if r.note:
        lines.append(r.note)
    if not lines:
        return ""
    prefix = f"- `{r.quantity}`: " if md else "    "
    return prefix + ("; " if md else "\n    ").join(lines)
