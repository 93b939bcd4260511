"""Results that show themselves: in Jupyter as Markdown and LaTeX (`_repr_markdown_`,
`_repr_latex_`: IPython finds these methods, nothing here imports it), in a terminal or with
`str()` as the text the CLI prints.

`Derivation` is a `str` (what `symgrad derive` prints in the requested format) that carries its
report; `VerifyReport` is the list of ClaimResults and `StepTable` the list of step-table rows,
so code written against the plain str and lists keeps working. `Evaluation` holds the numbers of
one point (`symgrad eval`). The LaTeX reprs are `$$ … $$` displays MathJax renders and pdflatex
compiles (symbolic.mathjax); `render(fmt)` gives the CLI's own text, Markdown or LaTeX fragment.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from symbolic.claim_values import ClaimResult
from symbolic.display import ascii_text
from symbolic.evaluate import EvaluationError
from symbolic.grammar_printer import name_latex
from symbolic.graph import Graph
from symbolic.latex_doc import standalone_document
from symbolic.mathjax import (
    display,
    document,
    math_text,
    math_value,
    matrix_math,
    report_math,
    table_math,
    verify_math,
)
from symbolic.report import Report
from symbolic.tables import Row, fmt_value, table_latex, table_markdown, table_text
from symbolic.verify_report import render as render_verdicts
from symbolic.verify_report import summary

FORMATS = ("text", "markdown", "latex")


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (text, markdown, latex)")


class Derivation(str):
    """The printed derivation (a str, as `symgrad derive` prints it) with its report, which
    Jupyter shows as Markdown (MathJax `$$` blocks) or LaTeX displays."""

    report: Report | None

    def __new__(cls, text: str, report: Report | None = None) -> Derivation:
        obj = super().__new__(cls, text)
        obj.report = report
        return obj

    @classmethod
    def of(cls, report: Report, fmt: str = "text", standalone: bool = False) -> Derivation:
        """The report rendered as `symgrad derive --format fmt [--standalone]` prints it."""
        _check_format(fmt)
        text = report.render(fmt)
        if fmt == "latex" and standalone:
            text = standalone_document(text, ascii_text(report.title))
        return cls(text, report)

    def render(self, fmt: str = "text", standalone: bool = False) -> str:
        """The same derivation in another format (the CLI's text, Markdown or LaTeX fragment)."""
        if self.report is None:
            return str(self)
        return str(Derivation.of(self.report, fmt, standalone))

    def _repr_markdown_(self) -> str | None:
        return self.report.render("markdown") if self.report is not None else None

    def _repr_latex_(self) -> str | None:
        return report_math(self.report) if self.report is not None else None

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text(str(self))


class VerifyReport(list[ClaimResult]):
    """The verdict on every claim of a claims file: a list of ClaimResult, shown as the table
    `symgrad verify` prints."""

    @property
    def ok(self) -> bool:
        """Whether no claim is wrong (`symgrad verify` exits 0)."""
        return all(r.ok for r in self)

    def summary(self) -> str:
        """'N passed (K within rounding), M failed'."""
        return summary(list(self))

    def render(self, fmt: str = "text", standalone: bool = False, title: str | None = None) -> str:
        """`symgrad verify --format fmt` output (LaTeX: a tabular fragment, or a whole document)."""
        _check_format(fmt)
        return render_verdicts(list(self), fmt, standalone=standalone, title=title)

    def __str__(self) -> str:
        return self.render("text")

    def _repr_markdown_(self) -> str:
        return self.render("markdown")

    def _repr_latex_(self) -> str:
        return verify_math(list(self), self.summary())

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text(str(self))


class StepTable(list[Row]):
    """Seed-style step table (forward values, local derivatives, adjoints) at one point: a list
    of rows; `marks` (step → note) annotate rows, as `symgrad verify --table` does."""

    def __init__(self, rows: Sequence[Row], marks: Mapping[int, str] | None = None) -> None:
        super().__init__(rows)
        self.marks = dict(marks or {})

    def render(self, fmt: str = "text") -> str:
        """`symgrad verify SPEC --table [--format fmt]` output (LaTeX: tabulars)."""
        _check_format(fmt)
        draw = {"text": table_text, "markdown": table_markdown, "latex": table_latex}[fmt]
        return draw(list(self), self.marks).rstrip("\n") + "\n"

    def __str__(self) -> str:
        return self.render("text")

    def _repr_markdown_(self) -> str:
        return self.render("markdown")

    def _repr_latex_(self) -> str:
        return table_math(list(self), self.marks)

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text(str(self))


def _tolist(v: object) -> Any:
    a = np.asarray(v, dtype=float)
    return float(a) if a.shape == () else a.tolist()


@dataclass(eq=False)
class Evaluation:
    """The model and its derivatives at one point, as `symgrad eval` computes them with the numpy
    backend: objective, named values, gradient, adjoints, and H·u / the dense Hessian / one
    optimizer step when asked for or configured."""

    model: str
    objective_name: str
    objective: float
    values: dict[str, np.ndarray]
    grad: dict[str, np.ndarray]
    adjoints: dict[str, np.ndarray]
    hvp: dict[str, np.ndarray] | None = None
    uHu: float | None = None
    hessian: tuple[list[str], np.ndarray] | None = None
    update: dict[str, np.ndarray] | None = None
    backend: str = "numpy"

    @classmethod
    def at(
        cls,
        graph: Graph,
        values: Mapping[str, Any],
        direction: Mapping[str, Any] | None = None,
        hessian: bool = False,
    ) -> Evaluation:
        """Evaluate graph at `values` (every input and parameter); H·u along `direction`."""
        from symbolic.point import evaluate_point

        leaves = graph.leaves()
        unknown = [k for k in values if k not in leaves]
        if unknown:
            raise EvaluationError(f"{', '.join(map(repr, unknown))}: not an input or parameter of {graph.name}")
        res = evaluate_point(graph, values, direction=direction, hessian=hessian)
        uHu = None
        if direction is not None and res.hvp is not None:
            uHu = float(sum(np.sum(np.asarray(direction.get(p, 0.0), dtype=float) * res.hvp[p]) for p in graph.params))
        update = None
        if graph.info.optimizer is not None:
            from symbolic.optim import step

            params = {p: np.asarray(values[p], dtype=float) for p in graph.params}
            update = step(graph.info.optimizer_table(), params, res.grad)
        return cls(
            graph.name,
            graph.objective,
            res.objective,
            res.values,
            res.grad,
            res.adjoints,
            res.hvp,
            uHu,
            res.hessian,
            update,
        )

    def _sections(self) -> list[tuple[str, str, dict[str, np.ndarray]]]:
        """(title, kind, entries) of every part present, in the CLI's order."""
        J = self.objective_name
        parts: list[tuple[str, str, dict[str, np.ndarray] | None]] = [
            ("values", "value", self.values),
            ("gradient", "grad", self.grad),
            (f"adjoints ∂{J}/∂·", "grad", self.adjoints),
            ("Hessian-vector product", "hvp", self.hvp),
            ("after one optimizer step", "value", self.update),
        ]
        return [(t, k, e) for t, k, e in parts if e is not None]

    def _label(self, kind: str, name: str) -> str:
        if kind == "grad":
            return rf"\frac{{\partial {name_latex(self.objective_name)}}}{{\partial {name_latex(name)}}}"
        if kind == "hvp":
            return f"(H u)_{{{name_latex(name)}}}"
        return name_latex(name)

    def as_json(self) -> dict[str, Any]:
        """The `symgrad eval --json --backend numpy` object (the CLI contract)."""
        out: dict[str, Any] = {
            "objective": self.objective,
            "values": {k: _tolist(v) for k, v in self.values.items()},
            "grad": {k: _tolist(v) for k, v in self.grad.items()},
            "adjoints": {k: _tolist(v) for k, v in self.adjoints.items()},
        }
        if self.hvp is not None:
            out["hvp"] = {k: _tolist(v) for k, v in self.hvp.items()}
        if self.uHu is not None:
            out["uHu"] = self.uHu
        if self.hessian is not None:
            out["hessian"] = {"order": list(self.hessian[0]), "matrix": np.asarray(self.hessian[1]).tolist()}
        if self.update is not None:
            out["update"] = {k: _tolist(v) for k, v in self.update.items()}
        out["backend"] = self.backend
        return out

    def render(self, fmt: str = "text") -> str:
        """The evaluation as `symgrad eval` prints it ('text'), a Markdown report or LaTeX displays."""
        _check_format(fmt)
        return {"text": self._text, "markdown": self._markdown, "latex": self._latex}[fmt]()

    def _text(self) -> str:
        out = [f"{self.model}: {self.objective_name} = {fmt_value(self.objective)}   (backend: {self.backend})"]
        for title, _, entries in self._sections():
            out.append(f"\n{title}")
            out += [f"  {k} = {fmt_value(v)}" for k, v in entries.items()]
        if self.hessian is not None:
            order, H = self.hessian
            out.append("\nHessian (order: " + ", ".join(order) + ")")
            out.append(np.array2string(np.asarray(H), precision=6, suppress_small=True))
        return "\n".join(out) + "\n"

    def _markdown(self) -> str:
        J = name_latex(self.objective_name)
        out = [f"**{self.model}**: ${J} = {math_value(self.objective)}$ (backend: {self.backend})"]
        for title, kind, entries in self._sections():
            out += ["", f"| {title} | |", "|---|---|"]
            out += [f"| ${self._label(kind, k)}$ | {fmt_value(v)} |" for k, v in entries.items()]
        if self.hessian is not None:
            order, H = self.hessian
            a = np.asarray(H, dtype=float)
            out += ["", "Hessian", "", "| | " + " | ".join(f"${name_latex(n)}$" for n in order) + " |"]
            out.append("|---" * (len(order) + 1) + "|")
            out += [
                f"| ${name_latex(n)}$ | " + " | ".join(fmt_value(x) for x in a[i]) + " |" for i, n in enumerate(order)
            ]
        return "\n".join(out) + "\n"

    def _latex(self) -> str:
        J = name_latex(self.objective_name)
        head = f"{math_text(self.model, 'textbf')}\\text{{: }} {J} = {math_value(self.objective)}"
        blocks = [display(f"{head} \\qquad {math_text(f'(backend: {self.backend})')}")]
        for title, kind, entries in self._sections():
            rows = [f"{self._label(kind, k)} &= {math_value(v)}" for k, v in entries.items()]
            body = "\\begin{aligned}\n" + " \\\\\n".join(rows) + "\n\\end{aligned}"
            blocks.append(display(f"\\begin{{array}}{{l}}\n{math_text(title, 'textbf')} \\\\\n{body}\n\\end{{array}}"))
        if self.hessian is not None:
            order, H = self.hessian
            blocks.append(display(f"{math_text('Hessian', 'textbf')} \\quad H = {matrix_math(order, H)}"))
        return document(blocks)

    def __str__(self) -> str:
        return self.render("text")

    def _repr_markdown_(self) -> str:
        return self.render("markdown")

    def _repr_latex_(self) -> str:
        return self.render("latex")

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text(str(self))
