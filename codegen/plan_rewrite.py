"""Stability rewrites of elementwise templates before they are printed by any backend.

exp(x)-1 → expm1(x), log(1+x) → log1p(x), 2^x → exp2(x), log(x)/log(2) → log2(x): numerics
(which function a template is evaluated with), not syntax, so they belong to planning; the C
printer (codegen.cprinter) prints the rewritten SymPy tree. SymPy's `codegen.cfunctions` names
these functions (they exist in every libm), nothing here writes C text.
"""

from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import log1p, log2
from sympy.codegen.rewriting import exp2_opt, expm1_opt, log2_opt, log2const_opt, optimize

__all__ = ["prepare"]


def _log1p(e: sp.log) -> sp.Expr:
    arg = e.args[0]
    return log1p(arg - 1) if arg.is_Add and sp.S.One in arg.args else e


def prepare(expr: sp.Expr) -> sp.Expr:
    """Rewrite for stability before printing: exp(x)-1 → expm1, log(1+x) → log1p, 2^x → exp2,
    log(x)/log(2) → log2(x).

    Pattern rewrites only: SymPy's optims_c99 try `factor()` on every Add and log argument,
    which does not return for some templates (GELU of a scaled argument: minutes, gigabytes).
    One walk over the tree first decides which rewrites can apply at all, so an expression
    without exp, log or a power of 2 (most of a network) costs one traversal and no pattern
    matching (the matcher took 3/4 of the emission time of weight-by-weight specs)."""
    try:
        has_exp = has_log = has_log2 = has_pow2 = False
        for t in sp.preorder_traversal(expr):
            if isinstance(t, sp.exp):
                has_exp = True
            elif isinstance(t, sp.log):
                has_log = True
                has_log2 = has_log2 or t.args[0] == 2
            elif isinstance(t, log2):
                has_log2 = True
            elif t.is_Pow and t.base == 2:
                has_pow2 = True
        e = expr
        if has_exp:
            e = e.replace(lambda t: t.is_Add, _expm1_in_add)
        if has_log:
            e = e.replace(lambda t: isinstance(t, sp.log), _log1p)
        if has_pow2:
            e = exp2_opt(e)
        if has_log2:  # log2_opt needs a 1/log(2) factor, log2const_opt a log2(...)
            e = optimize(e, (log2_opt, log2const_opt))
        return e
    except Exception:  # noqa: BLE001  # pragma: no cover - the rewriter is best-effort
        return expr


_expm1_in_add = expm1_opt.replace_in_Add  # the Add rewrite alone, without its factor()
