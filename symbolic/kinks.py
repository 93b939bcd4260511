"""Kinks: where a program sits on a non-differentiable point, and the one-sided alternative.

The derivative at a kink is a documented policy (ReLU'(0) = 0, sign(0) = 0); `kink_margin`
tells how far a point is from every kink, `other_side()` evaluates with the other one-sided
derivative so a claim inside the subdifferential can be recognised instead of flagged.
"""
from __future__ import annotations

from contextlib import contextmanager

import numpy as np
import sympy as sp

from . import catalogue as cat
from .evaluate import compile_template
from .graph import Assignment

POLICY_TEXT = ("ReLU′(0) = 0 and sign(0) = 0 (PyTorch's convention); the Clarke subdifferential "
               "at the kink is [0, 1] for ReLU and [−1, 1] for |x|")


def _kink_args(expr: sp.Expr) -> list[sp.Expr]:
    out = []
    for node in sp.preorder_traversal(expr):
        if isinstance(node, (cat.ifpos, cat.relu, sp.Abs, sp.sign, cat.leaky_relu, cat.elu)):
            out.append(node.args[0])
        elif isinstance(node, cat.maximum):
            out.append(node.args[0] - node.args[1])
    return out


def kink_margin(program: list[Assignment], env: dict) -> float:
    """Smallest |argument| over every kink in the program's elementwise templates at env."""
    m = np.inf
    for a in program:
        if a.op != "ew" or a.expr is None:
            continue
        for arg in _kink_args(a.expr):
            v = np.asarray(compile_template(arg)(env), dtype=float)
            if v.size:
                m = min(m, float(np.min(np.abs(v))))
    return m


@contextmanager
def other_side():
    """Evaluate kinks with the upper one-sided derivative (x ≥ 0 takes the x > 0 branch)."""
    old = cat._KINK["upper"]
    cat._KINK["upper"] = True
    try:
        yield
    finally:
        cat._KINK["upper"] = old
