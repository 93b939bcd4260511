"""Chronological step tables (forward values → local derivatives → adjoints), as in seed 001
Tables 2.4–2.7: every row has a step number, the quantity, its formula, its value and the
steps it comes from. Rendered as Markdown or as a plain terminal table.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from .display import Names, inlined, to_latex, to_text
from .graph import Graph
from .reverse import Derivation, local_partial
from .evaluate import compile_template


@dataclass
class Row:
    step: int
    kind: str          # 'input' | 'parameter' | 'forward' | 'local' | 'adjoint'
    quantity: str      # text form
    quantity_tex: str
    formula: str
    formula_tex: str
    value: object
    comes_from: str
    key: str = ""      # machine name: value:NAME, local:OUT,ARG, adjoint:NAME


def fmt_value(v) -> str:
    """Numbers like the seeds print them: 6 decimals, trailing zeros dropped; arrays compactly."""
    a = np.asarray(v, dtype=float)
    if a.shape == ():
        x = float(a)
        if x != 0 and (abs(x) < 1e-4 or abs(x) >= 1e7):
            return f"{x:.4e}"
        s = f"{x:.6f}".rstrip("0").rstrip(".")
        return "0" if s in ("-0", "") else s
    if a.size > 16:
        flat = a.ravel()
        return f"{'×'.join(map(str, a.shape))} [{fmt_value(flat[0])}, {fmt_value(flat[1])}, …, {fmt_value(flat[-1])}]"
    def nest(x):
        return "[" + ", ".join(nest(y) for y in x) + "]" if isinstance(x, list) else fmt_value(x)
    return nest(a.tolist())


def step_table(graph: Graph, d: Derivation, env: dict) -> list[Row]:
    """Build the chronological table from a derivation evaluated in `env`."""
    N = Names(graph.objective)
    by_name = {a.name: a for a in d.program}
    rows: list[Row] = []
    fwd_step: dict[str, int] = {}
    adj_step: dict[str, int] = {}

    def add(kind, q, qt, f, ft, value, src, key=""):
        rows.append(Row(len(rows) + 1, kind, q, qt, f, ft, value, src, key))
        return len(rows)

    def from_fwd(names) -> str:
        steps = sorted({fwd_step[n] for n in names if n in fwd_step})
        if not steps:
            return "constant"
        return "Forward step" + ("s " if len(steps) > 1 else " ") + ", ".join(map(str, steps))

    leaves = graph.leaves()
    hidden_src: dict[str, set[str]] = {}   # hidden temporaries stand for the names they use
    for a in graph.assignments:
        for x in a.args:
            if x in leaves and x not in fwd_step:
                kind = "input" if x in graph.inputs else "parameter"
                fwd_step[x] = add(kind, x, N.latex(x), x, N.latex(x), env[x], "given", f"value:{x}")
        srcs = set()
        for x in a.args:
            srcs |= hidden_src.get(x, {x})
        if "#" in a.name:
            hidden_src[a.name] = srcs
            continue
        e = inlined(a, by_name)
        fwd_step[a.name] = add("forward", a.name, N.latex(a.name), to_text(e, N), to_latex(e, N),
                               env[a.name], from_fwd(srcs), f"value:{a.name}")

    need_count = Counter(t for t, _, _ in d.contributions)
    pending: dict[str, list[int]] = {}

    def settle(v):
        """Emit the accumulated adjoint row of v when it had several contributions."""
        steps = pending.pop(v, [])
        if v in adj_step or not steps:
            return
        if len(steps) == 1:
            adj_step[v] = steps[0]
            return
        name = d.adjoint.get(v)
        adj_step[v] = add("adjoint", N.text(f"d[{v}]"), N.latex(f"d[{v}]"),
                          " + ".join(f"Step {s}" for s in steps), " + ".join(rf"\text{{Step {s}}}" for s in steps),
                          env[name] if name else 0.0, "Backprop steps " + ", ".join(map(str, steps)),
                          f"adjoint:{v}")

    alias_of: dict[str, str] = {}
    contribs_by_via: dict[str, list] = {}
    params, inputs = list(graph.params), list(graph.inputs)
    rank = lambda t: (0, params.index(t)) if t in params else ((2, inputs.index(t)) if t in inputs else (1, 0))  # noqa: E731
    for t, via, name in d.contributions:
        contribs_by_via.setdefault(via, []).append((t, name))
    for via in contribs_by_via:
        contribs_by_via[via].sort(key=lambda tn: rank(tn[0]))
    for a in reversed(graph.assignments):
        if a.name not in contribs_by_via:
            continue
        settle(a.name)
        ga = adj_step.get(a.name)
        shown = alias_of.get(a.name, a.name)
        for x, cname in contribs_by_via[a.name]:
            if "#" in x and a.op == "ew" and need_count[x] == 1 and local_partial(a, x) == 1:
                pending[x] = [ga]          # a hidden temporary: its adjoint is this one
                alias_of[x] = shown
                continue
            single = need_count[x] == 1
            qname = N.text(f"d[{x}]") + ("" if single else f" (via {shown})")
            qtex = N.latex(f"d[{x}]") + ("" if single else rf" \text{{ (via }} {N.latex(shown)}\text{{)}}")
            value = _value(env, cname)
            if a.op == "ew" and a.name == d.of and d.seed is None:
                p = local_partial(a, x)
                s = add("adjoint", qname, qtex, to_text(p, N), to_latex(p, N), value,
                        from_fwd(sorted(s.name for s in p.free_symbols)), f"adjoint:{x}" if single else "")
                pending.setdefault(x, []).append(s)
                continue
            if a.op == "ew":
                p = local_partial(a, x)
                lv = compile_template(p)(env)
                ls = add("local", f"∂{a.name}/∂{x}", r"\frac{\partial %s}{\partial %s}" % (N.latex(a.name), N.latex(x)),
                         to_text(p, N), to_latex(p, N), lv, from_fwd(sorted(s.name for s in p.free_symbols)),
                         f"local:{a.name},{x}")
                formula = f"Step {ga} × Step {ls}"
                ftex = rf"\text{{Step {ga}}} \times \text{{Step {ls}}}"
                src = f"Backprop steps {ga} and {ls}"
                if a.shape != () and graph.shape_of(x) == ():
                    formula, ftex = f"Σ({formula})", rf"\sum\left({ftex}\right)"
            else:
                rule = _rule(a, x, N, shown)
                formula, ftex = rule
                src = f"Backprop step {ga}" if ga else "seed"
            s = add("adjoint", qname, qtex, formula, ftex, value, src, f"adjoint:{x}" if single else "")
            pending.setdefault(x, []).append(s)
    for v in list(pending):
        settle(v)
    return rows


def _value(env, name):
    return env[name] if name in env else 0.0


def _rule(a, x, N: Names, shown: str) -> tuple[str, str]:
    """Text and LaTeX of a structural op's vector-Jacobian rule for argument x."""
    g = N.text(f"d[{shown}]")
    gt = N.latex(f"d[{shown}]")
    if a.op == "matmul":
        A, B = a.args
        if x == A:
            return f"({g})·{B}ᵀ", rf"{gt}\,{N.latex(B)}^{{\top}}"
        return f"{A}ᵀ·({g})", rf"{N.latex(A)}^{{\top}}{gt}"
    if a.op == "outer":
        A, B = a.args
        return ((f"({g})·{B}", rf"{gt}\,{N.latex(B)}") if x == A else
                (f"({g})ᵀ·{A}", rf"{gt}^{{\top}}{N.latex(A)}"))
    if a.op == "index":
        i = ",".join(map(str, a.attrs["idx"]))
        return f"({g}) placed at [{i}]", rf"{gt}\ \text{{at}}\ [{i}]"
    if a.op == "stack":
        i = a.args.index(x)
        return f"({g})[{i}]", rf"\left({gt}\right)_{{{i}}}"
    if a.op == "sum":
        return f"({g})·𝟙", rf"{gt}\,\mathbf{{1}}"
    if a.op == "softmax":
        s = N.text(a.name)
        return f"{s}⊙(({g}) − Σ({s}⊙{g}))", rf"{N.latex(a.name)}\odot\left({gt} - \sum {N.latex(a.name)}\odot {gt}\right)"
    if a.op == "log_softmax":
        return f"{g} − softmax·Σ({g})", rf"{gt} - \operatorname{{softmax}}\sum {gt}"
    if a.op == "logsumexp":
        return f"({g})·softmax({x})", rf"{gt}\,\operatorname{{softmax}}({N.latex(x)})"
    return f"{a.op}ᵀ({g})", rf"{a.op}^{{\top}}({gt})"


def table_markdown(rows: list[Row], marks: dict[int, str] | None = None) -> str:
    """Markdown with LaTeX cells ($…$), like the seed tables."""
    marks = marks or {}
    out = ["| Step | Quantity | Formula | Value | Comes from |", "|---|---|---|---|---|"]
    for r in rows:
        mark = f" {marks[r.step]}" if r.step in marks else ""
        out.append(f"| {r.step} | ${r.quantity_tex}$ | ${r.formula_tex}$ | {fmt_value(r.value)}{mark} | {r.comes_from} |")
    return "\n".join(out)


def table_text(rows: list[Row], marks: dict[int, str] | None = None) -> str:
    """A plain aligned terminal table."""
    marks = marks or {}
    head = ("Step", "Quantity", "Formula", "Value", "Comes from")
    body = [(str(r.step), r.quantity, r.formula, fmt_value(r.value) + (f"  {marks[r.step]}" if r.step in marks else ""),
             r.comes_from) for r in rows]
    widths = [min(max(len(c[i]) for c in [head] + body), 48 if i in (1, 2) else 200) for i in range(5)]
    line = lambda c: "  ".join(s.ljust(w) for s, w in zip(c, widths)).rstrip()  # noqa: E731
    sections = []
    prev = None
    for r, c in zip(rows, body):
        sec = "Forward" if r.kind in ("input", "parameter", "forward") else "Backward"
        if sec != prev:
            sections.append(f"\n{sec}\n" + line(head) if sections else f"{sec}\n" + line(head))
            prev = sec
        sections.append(line(c))
    return "\n".join(sections)
