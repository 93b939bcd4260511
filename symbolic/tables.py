"""Chronological step tables (forward values → local derivatives → adjoints), as in seed 001
Tables 2.4–2.7: every row has a step number, the quantity, its formula, its value and the
steps it comes from. How an op's backward contributions appear is its registry entry's `table`
form (symbolic.ops). Rendered as Markdown, LaTeX (tabular) or a plain terminal table.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np
import sympy as sp

from .display import (
    DOp,
    DPartial,
    DStep,
    DSum,
    Names,
    latex_text,
    literal,
    to_latex,
    to_text,
    unwrap,
)
from .graph import Graph, sym
from .ops import compile_template, local_partial, rule
from .readable import Readable
from .reverse import Derivation, adj

LATEX_ROWS_PER_TABULAR = 40  # long tables become several tabulars, so pages can break between them


@dataclass
class Row:
    step: int
    kind: str  # 'input' | 'parameter' | 'forward' | 'local' | 'adjoint'
    quantity: str  # text form
    quantity_tex: str
    formula: str
    formula_tex: str
    value: object
    comes_from: str
    key: str = ""  # machine name: value:NAME, local:OUT,ARG, adjoint:NAME


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


def _steps(word: str, steps) -> str:
    steps = sorted(set(steps))
    if not steps:
        return ""
    return f"{word} step{'s' if len(steps) > 1 else ''} " + ", ".join(map(str, steps))


class _Builder:
    """Collects the rows of one table; knows which step produced every shown value and adjoint."""

    def __init__(self, graph: Graph, d: Derivation, env: dict):
        self.graph, self.d, self.env = graph, d, env
        self.N = Names(graph.objective)
        self.F = Readable(graph, d.program, aliases=False)  # forward definitions
        self.R = Readable(graph, d.program)  # everything after them
        self.rows: list[Row] = []
        self.fwd_step: dict[str, int] = {}  # program name → forward row
        self.src_of: dict[str, set[str]] = {}  # hidden forward name → shown names it is made from
        self.program_of: dict[str, str] = {}  # shown name → program name (z[0] → z#1)
        self.adj_step: dict[str, int] = {}  # shown name → row of its complete adjoint

    def add(self, kind, q: sp.Basic, f: sp.Basic, value, src: str, key: str = "", via: str = "") -> int:
        N = self.N
        qt, qtex = to_text(q, N), to_latex(q, N)
        if via:
            qt += f" (via {via})"
            qtex += rf"\ \text{{(via }}{to_latex(sym(via), N)}\text{{)}}"
        self.rows.append(Row(len(self.rows) + 1, kind, qt, qtex, to_text(f, N), to_latex(f, N), value, src, key))
        return len(self.rows)

    def forward_steps(self, names) -> list[int]:
        out = []
        for n in names:
            n = self.program_of.get(n, n)
            if n in self.fwd_step:
                out.append(self.fwd_step[n])
            else:
                out += [self.fwd_step[s] for s in self.src_of.get(n, ()) if s in self.fwd_step]
        return out

    def from_fwd(self, names) -> str:
        return _steps("Forward", self.forward_steps(names)) or "constant"

    def sources(self, e: sp.Basic) -> str:
        """'Backprop step …; Forward step …' for the shown names a formula uses."""
        back, fwd = [], []
        for s in e.free_symbols:
            x = unwrap(s.name, "d")
            if x is not None and x in self.adj_step:
                back.append(self.adj_step[x])
            else:
                fwd.append(s.name)
        parts = [p for p in (_steps("Backprop", back), _steps("Forward", self.forward_steps(fwd))) if p]
        return "; ".join(parts) or "constant"


def step_table(graph: Graph, d: Derivation, env: dict) -> list[Row]:
    """Build the chronological table from a derivation evaluated in `env`."""
    b = _Builder(graph, d, env)
    _forward_rows(b)
    _backward_rows(b)
    return b.rows


def _forward_rows(b: _Builder) -> None:
    g = b.graph
    leaves = g.leaves()
    for n in list(leaves) + [a.name for a in g.assignments]:
        shown = b.R.name_of(n)
        if shown is not None:
            b.program_of[shown] = n
    for a in g.assignments:
        for x in a.args:
            if x in leaves and x not in b.fwd_step:
                kind = "input" if x in g.inputs else "parameter"
                b.fwd_step[x] = b.add(kind, sym(x), sym(x), b.env[x], "given", f"value:{x}")
        srcs: set[str] = set()
        for x in a.args:
            srcs |= b.src_of.get(x, {x})
        if a.hidden:
            b.src_of[a.name] = srcs
            continue
        b.fwd_step[a.name] = b.add(
            "forward", sym(a.name), b.F.rhs(a), b.env[a.name], b.from_fwd(srcs), f"value:{a.name}"
        )


def _backward_rows(b: _Builder) -> None:
    g, d, R = b.graph, b.d, b.R
    by_name = R.by_name
    contribs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    entries: dict[str, list[tuple[str, str]]] = defaultdict(list)  # array → [(index alias, adjoint)]
    for t, via, name in d.contributions:
        shown_t = R.name_of(t)
        if rule(by_name[via].op).table == "entry" and shown_t is not None:
            entries[shown_t].append((via, name))
        else:
            contribs[via].append((t, name))
    need = Counter(R.name_of(t) for lst in contribs.values() for t, _ in lst if R.name_of(t) is not None)
    pending: dict[str, list[int]] = defaultdict(list)
    params, inputs = list(g.params), list(g.inputs)

    def rank(tn):
        t = tn[0]
        return (0, params.index(t)) if t in params else ((2, inputs.index(t)) if t in inputs else (1, 0))

    def settle(v: str) -> None:
        """Emit the accumulated adjoint row of shown name v when it had several contributions."""
        steps = pending.pop(v, [])
        parts = entries.pop(v, [])
        if v in b.adj_step or not (steps or parts):
            return
        if len(steps) == 1 and not parts:
            b.adj_step[v] = steps[0]
            return
        terms = [DStep(sp.Integer(s)) for s in steps]
        used = list(steps)
        if parts:
            terms.append(
                literal(
                    R.shapes[b.program_of.get(v, v)], {tuple(by_name[via].attrs["idx"]): R.ref(n) for via, n in parts}
                )
            )
            used += [b.adj_step[n] for via, _ in parts if (n := R.name_of(via)) is not None and n in b.adj_step]
        f = terms[0] if len(terms) == 1 else DOp(sp.Symbol("+"), *terms)
        name = d.adjoint.get(b.program_of.get(v, v))
        b.adj_step[v] = b.add(
            "adjoint",
            sym(adj(v)),
            f,
            b.env[name] if name else 0.0,
            _steps("Backprop", used) or "constant",
            f"adjoint:{v}",
        )

    for a in reversed(g.assignments):
        shown_a = R.name_of(a.name)
        if shown_a is not None:
            settle(shown_a)
        for x, cname in sorted(contribs.get(a.name, []), key=rank):
            xs = R.name_of(x)
            if xs is None:
                continue  # a hidden temporary: inlined into the rows of the shown ones
            single = need[xs] == 1 and xs not in entries
            via = "" if single else (shown_a or _root(g, R, a.name))
            key = f"adjoint:{xs}" if single else ""
            value = b.env.get(cname, 0.0)
            is_objective = a.name == d.of and d.seed is None
            if rule(a.op).table == "local" and shown_a is not None and (is_objective or shown_a in b.adj_step):
                p = local_partial(a, x)
                shown_p = p.xreplace({sym(y): R.ref(y) for y in (*a.args, a.name)})
                src = b.from_fwd(s.name for s in shown_p.free_symbols)
                if is_objective:  # the objective: its local partial is the adjoint
                    s = b.add("adjoint", sym(adj(xs)), shown_p, value, src, key, via)
                else:
                    ga = b.adj_step.get(shown_a)
                    ls = b.add(
                        "local",
                        DPartial(sym(shown_a), sym(xs)),
                        shown_p,
                        compile_template(p)(b.env),
                        src,
                        f"local:{shown_a},{xs}",
                    )
                    f = DOp(sp.Symbol("×"), DStep(sp.Integer(ga)), DStep(sp.Integer(ls)))
                    if a.shape != () and R.shapes[x] == ():
                        f = DSum(f)
                    s = b.add("adjoint", sym(adj(xs)), f, value, f"Backprop steps {ga} and {ls}", key, via)
            else:
                e = R.rhs(by_name[cname])
                root = a.name if shown_a is not None else _root_name(g, R, a.name)
                own = d.adjoint.get(root)
                own_s, root_s = (R.name_of(own), R.name_of(root)) if own else (None, None)
                if own_s and root_s and own_s != adj(root_s):
                    e = e.xreplace({sym(own_s): sym(adj(root_s))})
                s = b.add("adjoint", sym(adj(xs)), e, value, b.sources(e), key, via)
            pending[xs].append(s)
    for v in [*g.params, *g.inputs, *list(pending), *list(entries)]:
        settle(v)


def _root_name(g: Graph, R: Readable, n: str) -> str:
    """The first shown forward quantity that hidden temporary n feeds (its owner)."""
    seen, todo = set(), [n]
    while todo:
        cur = todo.pop(0)
        for a in g.assignments:
            if cur in a.args and a.name not in seen:
                if R.name_of(a.name) is not None:
                    return a.name
                seen.add(a.name)
                todo.append(a.name)
    return n


def _root(g: Graph, R: Readable, n: str) -> str:
    return R.name_of(_root_name(g, R, n)) or n


# ---- rendering ------------------------------------------------------------------------------------


def _cell_math(tex: str) -> str:
    """LaTeX for a Markdown table cell: a bare | would end the cell (GFM splits rows at every
    unescaped |, inside math too), so bars become \\vert / \\Vert, which typeset the same."""
    return tex.replace(r"\|", r"\Vert ").replace("|", r"\vert ")


def table_markdown(rows: list[Row], marks: dict[int, str] | None = None) -> str:
    """Markdown with LaTeX cells ($…$), like the seed tables."""
    marks = marks or {}
    out = ["| Step | Quantity | Formula | Value | Comes from |", "|---|---|---|---|---|"]
    for r in rows:
        mark = f" {marks[r.step]}" if r.step in marks else ""
        out.append(
            f"| {r.step} | ${_cell_math(r.quantity_tex)}$ | ${_cell_math(r.formula_tex)}$ | "
            f"{fmt_value(r.value)}{mark} | {r.comes_from} |"
        )
    return "\n".join(out)


def table_latex(rows: list[Row], marks: dict[int, str] | None = None) -> str:
    """LaTeX tabulars (amsmath/amssymb only): math cells in $…$, text cells escaped."""
    marks = marks or {}
    head = "Step & Quantity & Formula & Value & Comes from \\\\\n\\hline"
    blocks, body, prev = [], [], None
    for r in rows:
        sec = "Forward" if r.kind in ("input", "parameter", "forward") else "Backward"
        if sec != prev:
            body.append(f"\\multicolumn{{5}}{{l}}{{\\textit{{{sec}}}}} \\\\")
            prev = sec
        value = latex_text(fmt_value(r.value) + (f"  {marks[r.step]}" if r.step in marks else ""))
        body.append(f"{r.step} & ${r.quantity_tex}$ & ${r.formula_tex}$ & {value} & {latex_text(r.comes_from)} \\\\")
        if len(body) >= LATEX_ROWS_PER_TABULAR:
            blocks.append(body)
            body = []
    if body or not blocks:
        blocks.append(body)
    return "\n\n".join(
        "\\noindent\\begin{tabular}{rllll}\n" + head + "\n" + "\n".join(blk) + "\n\\end{tabular}" for blk in blocks
    )


def table_text(rows: list[Row], marks: dict[int, str] | None = None) -> str:
    """A plain aligned terminal table."""
    marks = marks or {}
    head = ("Step", "Quantity", "Formula", "Value", "Comes from")
    body = [
        (
            str(r.step),
            r.quantity,
            r.formula,
            fmt_value(r.value) + (f"  {marks[r.step]}" if r.step in marks else ""),
            r.comes_from,
        )
        for r in rows
    ]
    widths = [min(max(len(c[i]) for c in [head] + body), 48 if i in (1, 2) else 200) for i in range(5)]

    def line(c):
        return "  ".join(s.ljust(w) for s, w in zip(c, widths, strict=True)).rstrip()

    sections: list[str] = []
    prev = None
    for r, c in zip(rows, body, strict=True):
        sec = "Forward" if r.kind in ("input", "parameter", "forward") else "Backward"
        if sec != prev:
            sections.append(f"\n{sec}\n" + line(head) if sections else f"{sec}\n" + line(head))
            prev = sec
        sections.append(line(c))
    return "\n".join(sections)
