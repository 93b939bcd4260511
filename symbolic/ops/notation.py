"""Display-only SymPy nodes shared by the op registry's display rules, and their LaTeX helpers.

Structural ops print as small SymPy functions so SymPy's printers handle precedence; a node is
never evaluated or differentiated. Nodes used by one op live with that op's entry (DMatMul in
`linear`, DSum in `structure`, …); `symbolic.display` re-exports all of them.
"""

from __future__ import annotations

import itertools
import re
from typing import Any, ClassVar

import sympy as sp
from sympy import Function
from sympy.printing.precedence import PRECEDENCE, precedence

from ..latex_doc import escape_text

_TOKEN = re.compile(r"[A-Za-z0-9]|\\[A-Za-z]+")
TOP = r"\top"


def sup(base: str, s: str) -> str:
    """base^{s}, bracing any base that is more than one token (no double superscripts)."""
    return f"{base}^{{{s}}}" if _TOKEN.fullmatch(base) else f"{{{base}}}^{{{s}}}"


def sub(base: str, s: str) -> str:
    """base_{s}, bracing any base that is more than one token (no double subscripts)."""
    return f"{base}_{{{s}}}" if _TOKEN.fullmatch(base) else f"{{{base}}}_{{{s}}}"


class DisplayNode(Function):  # type: ignore[misc, unused-ignore]  # SymPy ships no type information
    """Base for display-only nodes (never evaluated or differentiated)."""


def paren_text(printer: Any, e: Any) -> str:
    """Text of e, in parentheses unless it is a name, a non-negative number or a function call."""
    s: str = printer._print(e)
    atomic = precedence(e) >= PRECEDENCE["Func"] and not (isinstance(e, sp.Number) and e < 0)
    return s if atomic else f"({s})"


def bare_text(printer: Any, e: Any) -> str:
    """Text of e; a name stands without parentheses (list items, terms of a sum)."""
    names = getattr(printer, "names", None)
    if isinstance(e, sp.Symbol) and names is not None:
        return str(names.text(e.name))
    return str(printer._print(e))


def paren_latex(printer: Any, e: Any) -> str:
    """LaTeX of e, in parentheses when it is a sum or product."""
    return str(printer.parenthesize(e, PRECEDENCE["Mul"]))


class DStack(DisplayNode):
    """[a, b, …]: a column vector written out."""

    def _sympystr(self, pr: Any) -> str:
        return "[" + ", ".join(bare_text(pr, a) for a in self.args) + "]"

    def _latex(self, pr: Any) -> str:
        return r"\begin{{pmatrix}} {} \end{{pmatrix}}".format(r" \\ ".join(pr._print(a) for a in self.args))


class DMatrix(DisplayNode):
    """A matrix written out: DMatrix(ncols, a00, a01, …) in row-major order."""

    def _rows(self) -> list[tuple[Any, ...]]:
        n = int(self.args[0])
        flat = self.args[1:]
        return [flat[i : i + n] for i in range(0, len(flat), n)]

    def _sympystr(self, pr: Any) -> str:
        return "[" + ", ".join("[" + ", ".join(bare_text(pr, a) for a in r) + "]" for r in self._rows()) + "]"

    def _latex(self, pr: Any) -> str:
        return r"\begin{{pmatrix}} {} \end{{pmatrix}}".format(
            r" \\ ".join(" & ".join(pr._print(a) for a in r) for r in self._rows())
        )


class DNamed(DisplayNode):
    """op(args) printed as a named function (softmax, log_softmax, logsumexp)."""

    _LATEX: ClassVar[dict[str, str]] = {
        "softmax": r"\operatorname{softmax}",
        "log_softmax": r"\log\operatorname{softmax}",
        "logsumexp": r"\operatorname{LSE}",
        "softmax_rows": r"\operatorname{softmax}_{\text{rows}}",
    }

    def _sympystr(self, pr: Any) -> str:
        return f"{self.args[0].name}(" + ", ".join(bare_text(pr, a) for a in self.args[1:]) + ")"

    def _latex(self, pr: Any) -> str:
        n = self.args[0].name
        head = self._LATEX.get(n, rf"\operatorname{{{escape_text(n)}}}")
        return head + r"\left(" + ", ".join(pr._print(a) for a in self.args[1:]) + r"\right)"


def literal(shape: tuple[int, ...], entries: dict[tuple[int, ...], Any]) -> sp.Expr:
    """A vector or matrix written out from {index: expr} (absent entries are 0)."""
    idxs = list(itertools.product(*(range(d) for d in shape)))
    vals = [sum((e for p, e in entries.items() if tuple(p) == i), sp.S.Zero) for i in idxs]
    if len(shape) == 1:
        return DStack(*vals)
    if len(shape) == 2:
        return DMatrix(sp.Integer(shape[1]), *vals)
    return DNamed(sp.Symbol("assemble"), *vals)
