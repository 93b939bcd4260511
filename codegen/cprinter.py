"""SymPy → C printing for symgrad kernels: a C99CodePrinter subclass with stable forms.

Every catalogue function prints as a call to a small static inline helper defined in
templates/symgrad_runtime.h.j2 (sign-split sigmoid, softplus = fmax(x,0) + log1p(exp(-|x|)),
ELU through expm1, GELU through erfc, ReLU/LeakyReLU/max as ternaries, ...). `ifpos` prints
as a ternary, DiracDelta as 0 and Heaviside as the same strict `x > 0` branch (the kink
policy of the catalogue), so no Heaviside(0) = 1/2 surprise can reach C. Integer powers
become multiplications. The expm1 / log1p rewrites are planning (codegen.plan_rewrite.prepare,
re-exported here).

`make_printer("float32")` prints f-suffixed literals and float libm functions (tanhf, ...).
"""

from __future__ import annotations

from functools import lru_cache

import sympy as sp
from sympy.codegen.ast import float32, float64, real
from sympy.printing.c import C99CodePrinter

from symbolic import catalogue as cat

from .c_safe import CSafeError, c_comment, c_float_literal, is_c_identifier
from .plan_rewrite import prepare  # the stability rewrites (planning), re-exported for callers

__all__ = ["SymgradCPrinter", "c_type", "make_printer", "prepare"]

# catalogue function class → helper name (defined in templates/symgrad_runtime.h.j2)
# (declared by each catalogue entry's c_helper; a subclass such as sigmoid_tail prints as its base)
_HELPERS = cat.c_helpers()


def c_type(dtype: str) -> str:
    return {"float64": "double", "float32": "float"}[dtype]


class SymgradCPrinter(C99CodePrinter):
    """C99 printer with the catalogue's stable forms; `dtype` selects double or float."""

    printmethod = "_symgrad_ccode"

    def __init__(self, dtype: str = "float64", settings=None):
        settings = dict(settings or {})
        settings.setdefault("type_aliases", {real: float32 if dtype == "float32" else float64})
        super().__init__(settings)
        self.dtype = dtype
        self.suffix = "F" if dtype == "float32" else ""

    # ---- literals ---------------------------------------------------------------------------
    def _lit(self, v) -> str:
        """repr-exact literal; CSafeError (one line) for a constant that is not a finite real."""
        return c_float_literal(v, self.dtype)

    def _print_Symbol(self, expr):
        name = expr.name
        if not is_c_identifier(name):
            raise CSafeError(f"symbol {c_comment(name, 40)!r} is not a safe C identifier")
        return super()._print_Symbol(expr)

    def _not_finite(self, expr):
        raise CSafeError(f"the constant {expr} is not finite: the C backend cannot use it")

    _print_Infinity = _print_NegativeInfinity = _print_NaN = _print_ComplexInfinity = _not_finite

    def _print_Pi(self, expr):
        return self._lit(3.141592653589793)

    def _print_Exp1(self, expr):
        return self._lit(2.718281828459045)

    def _print_Integer(self, expr):
        return self._lit(int(expr))

    def _print_Rational(self, expr):
        return "(%s/%s)" % (self._lit(expr.p), self._lit(expr.q))

    def _print_Float(self, expr):
        return self._lit(expr)

    # ---- powers -------------------------------------------------------------------------------
    def _print_Pow(self, expr):
        b, e = expr.base, expr.exp
        if e.is_Integer:
            k = int(e)
            if k == 0:
                return self._lit(1)
            base = self.parenthesize(b, 1000, strict=True)  # parens unless an atom
            if 0 < abs(k) <= 8:
                prod = "*".join([base] * abs(k))
                return "(%s)" % prod if k > 0 else "(%s/(%s))" % (self._lit(1), prod)
        if e == sp.Rational(1, 2):
            return "%s(%s)" % (self._fn("sqrt"), self._print(b))
        if e == sp.Rational(-1, 2):
            return "(%s/%s(%s))" % (self._lit(1), self._fn("sqrt"), self._print(b))
        return "%s(%s, %s)" % (self._fn("pow"), self._print(b), self._print(e))

    def _fn(self, name: str) -> str:
        return name + ("f" if self.dtype == "float32" else "")

    # ---- catalogue functions ------------------------------------------------------------------
    def _helper(self, expr):
        # by class or nearest catalogue base (sigmoid_tail prints as sigmoid)
        name = next(_HELPERS[c] for c in type(expr).__mro__ if c in _HELPERS)
        return "%s(%s)" % (name, ", ".join(self._print(a) for a in expr.args))

    def _print_Function(self, expr):
        # SymPy dispatches a Function subclass to _print_<its own name> or here (it skips the
        # bases' names), so every catalogue helper, and a subclass of one, arrives here
        if any(c in _HELPERS for c in type(expr).__mro__):
            return self._helper(expr)
        return super()._print_Function(expr)

    def _print_ifpos(self, expr):
        x, a, b = expr.args
        return "((%s) > 0 ? (%s) : (%s))" % (self._print(x), self._print(a), self._print(b))

    def _print_Heaviside(self, expr):  # never produced by the catalogue; same strict policy
        return "((%s) > 0 ? %s : %s)" % (self._print(expr.args[0]), self._lit(1), self._lit(0))

    def _print_DiracDelta(self, expr):  # derivative of a piecewise constant: 0 by policy
        return self._lit(0)

    def _print_sign(self, expr):  # C99CodePrinter has its own; the catalogue's helper instead
        return self._helper(expr)

    def _print_Abs(self, expr):
        return "%s(%s)" % (self._fn("fabs"), self._print(expr.args[0]))

    def _print_Max(self, expr):
        args = [self._print(a) for a in expr.args]
        out = args[0]
        for a in args[1:]:
            out = "%s(%s, %s)" % (_HELPERS[cat.maximum], out, a)
        return out

    def _print_Piecewise(self, expr):  # pragma: no cover - not produced by the IR
        raise NotImplementedError("Piecewise is not part of the symgrad IR (use ifpos)")


@lru_cache(maxsize=4)
def make_printer(dtype: str = "float64") -> SymgradCPrinter:
    return SymgradCPrinter(dtype)
