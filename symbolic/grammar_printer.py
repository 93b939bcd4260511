"""Formulas for verify's output: in the spec grammar (what a claims `formula =` accepts, so a
printed correct formula can be pasted back) and in LaTeX (math mode, the same names).

Names are the model's: named quantities, elements `W1[0,1]`, adjoints `dJ_dNAME`; a name the
grammar cannot spell (a hidden temporary) or a function outside the catalogue is refused.
"""

from __future__ import annotations

import re

import sympy as sp
from sympy.printing.latex import LatexPrinter
from sympy.printing.str import StrPrinter

from . import catalogue as cat

_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\[[0-9]+(,[0-9]+)*\])?$")
GRAMMAR_FUNCS = cat.sympy_names()  # SymPy class → the catalogue name a spec calls it by


class NotInGrammar(ValueError):
    """The expression uses something the spec grammar cannot write."""


def adjoint_alias(objective: str, name: str) -> str:
    """The claims-grammar name of ∂objective/∂name."""
    return f"d{objective}_d{name}"


class GrammarPrinter(StrPrinter):
    """SymPy → spec grammar: catalogue call names, `**`, 0-based element names."""

    printmethod = "_symgrad_grammar"  # never the objects' own (Unicode) _sympystr

    def __init__(self, rename: dict[str, str] | None = None):
        super().__init__({"order": "none"})
        self.rename = rename or {}

    def _print_Symbol(self, s):
        name = self.rename.get(s.name, s.name)
        if not _NAME_RE.match(name):
            raise NotInGrammar(f"name {name!r}")
        return name

    def _print_Function(self, e):
        fname = GRAMMAR_FUNCS.get(e.func)
        if fname is None:
            raise NotInGrammar(f"function {e.func}")
        return f"{fname}({', '.join(self._print(a) for a in e.args)})"

    _print_Abs = _print_Function
    _print_sign = _print_Function
    _print_exp = _print_Function
    _print_log = _print_Function

    def _print_Exp1(self, e):
        return "exp(1)"

    def _print_Pi(self, e):
        return "pi"

    def _print_Float(self, e):
        return repr(float(e))

    def _print_ImaginaryUnit(self, e):
        raise NotInGrammar("imaginary unit")

    def _print_Piecewise(self, e):
        raise NotInGrammar("piecewise")

    def emptyPrinter(self, e):
        raise NotInGrammar(type(e).__name__)


def to_grammar(expr: sp.Expr, rename: dict[str, str] | None = None) -> str:
    """The expression in the spec grammar; NotInGrammar when it cannot be written there."""
    return GrammarPrinter(rename).doprint(sp.sympify(expr))


def name_latex(name: str, objective: str | None = None) -> str:
    """LaTeX of a model name: z1 → z_{1}, yhat → \\hat{y}, W1[0,1] → W_{1}[0,1],
    dJ_dz1 → \\frac{\\partial J}{\\partial z_{1}}."""
    if objective is not None and name.startswith(f"d{objective}_d") and len(name) > len(objective) + 2:
        inner = name[len(objective) + 2 :]
        return rf"\frac{{\partial {name_latex(objective)}}}{{\partial {name_latex(inner)}}}"
    base, _, idx = name.partition("[")
    tex = sp.latex(sp.Symbol(base)) if base.isidentifier() else rf"\mathrm{{{base}}}"
    return f"{tex}[{idx}" if idx else tex


class VerifyLatexPrinter(LatexPrinter):
    """SymPy → LaTeX math with the model's names (a symbol-name mapping of its own)."""

    def __init__(self, objective: str | None = None):
        super().__init__({"mul_symbol": "dot"})
        self.objective = objective

    def _print_Symbol(self, s, style="plain"):
        return name_latex(s.name, self.objective)


def to_latex_math(expr: sp.Expr, objective: str | None = None) -> str:
    """The expression as LaTeX math (no delimiters)."""
    return VerifyLatexPrinter(objective).doprint(sp.sympify(expr))
