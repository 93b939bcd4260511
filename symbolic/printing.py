"""Formula reports for `symgrad derive`: gradients, deltas, Jacobians, Hessians and HVPs, in
terms of named intermediates or in closed form, as text, LaTeX or Markdown; plus the
matrix-form backprop recursion for layered models.
"""
from __future__ import annotations

import numpy as np
import sympy as sp

from .display import Names, inlined, to_latex, to_text
from .evaluate import run_symbolic
from .graph import Assignment, Graph, GraphError, all_indices, flat_names, sym
from .point import derivation, hvp_of
from .reverse import adj, reverse
from .tables import step_table, table_markdown, table_text

MAX_CLOSED_FORM_PARAMS = 64
MAX_SYMBOLIC_HESSIAN = 16

Line = tuple[str, str, str, str]  # (lhs text, rhs text, lhs latex, rhs latex)


class Report:
    """Sections of (title, lines) rendered in one of three formats."""

    def __init__(self, title: str):
        self.title = title
        self.sections: list[tuple[str, list[Line] | str]] = []

    def add(self, title: str, lines):
        self.sections.append((title, lines))

    def render(self, fmt: str) -> str:
        out = []
        if fmt == "markdown":
            out.append(f"# {self.title}\n")
        elif fmt == "text":
            out.append(self.title)
        for title, lines in self.sections:
            if isinstance(lines, str):  # pre-rendered block (tables)
                out.append(f"\n## {title}\n\n{lines}" if fmt == "markdown" else f"\n{title}\n{lines}")
                continue
            if fmt == "text":
                out.append(f"\n{title}")
                out += [f"  {lt} = {rt}" for lt, rt, _, _ in lines]
            elif fmt == "latex":
                out.append(f"% {title}")
                out.append("\\begin{aligned}")
                out += [f"  {ll} &= {rl} \\\\" for _, _, ll, rl in lines]
                out.append("\\end{aligned}")
            else:
                out.append(f"\n## {title}\n")
                out.append("$$\n\\begin{aligned}")
                out += [f"{ll} &= {rl} \\\\" for _, _, ll, rl in lines]
                out.append("\\end{aligned}\n$$")
        return "\n".join(out) + "\n"


def _line(name: str, expr: sp.Expr, N: Names) -> Line:
    return (N.text(name), to_text(expr, N), N.latex(name), to_latex(expr, N))


def program_lines(assignments: list[Assignment], by_name: dict, N: Names) -> list[Line]:
    """One line per named assignment; hidden temporaries ('#') are inlined into their users."""
    return [_line(a.name, inlined(a, by_name), N) for a in assignments if "#" not in a.name]


def _select(graph: Graph, wrt: list[str] | None) -> list[str]:
    if not wrt:
        return list(graph.params)
    for w in wrt:
        if w not in graph.params and w not in graph.inputs and w not in graph.by_name:
            import difflib
            close = difflib.get_close_matches(w, list(graph.leaves()) + [a.name for a in graph.named()], n=3)
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            raise GraphError(f"--wrt names unknown quantity '{w}'{hint}")
    return list(wrt)


def _needed(assignments: list[Assignment], targets: set[str]) -> list[Assignment]:
    need = set(targets)
    keep = []
    for a in reversed(assignments):
        if a.name in need:
            keep.append(a)
            need.update(a.args)
    return keep[::-1]


def _leaf_env(graph: Graph) -> dict:
    env = {}
    for n, s in graph.leaves().items():
        if s == ():
            env[n] = sym(n)
        else:
            arr = np.empty(s, dtype=object)
            for idx in all_indices(s):
                arr[idx] = sym(f"{n}[{','.join(map(str, idx))}]")
            env[n] = arr
    return env


def _closed(graph: Graph, program: list[Assignment], names: list[str], extra_env=None) -> dict:
    n = graph.n_params() + sum(int(np.prod(s)) for s in graph.inputs.values())
    if n > MAX_CLOSED_FORM_PARAMS:
        raise GraphError(f"closed form is only printed for small models (≤ {MAX_CLOSED_FORM_PARAMS} "
                         f"scalar inputs and parameters, this one has {n}); drop --closed-form")
    env = run_symbolic(_needed(program, set(names)), {**_leaf_env(graph), **(extra_env or {})})
    return {k: env[k] for k in names}


def _elementwise_lines(label: str, value, N: Names, shape_name: str) -> list[Line]:
    if not isinstance(value, np.ndarray):
        return [_line(label, sp.sympify(value), N)]
    lines = []
    for idx, lbl in zip(all_indices(value.shape), flat_names(shape_name, value.shape)):
        lines.append(_line(label.replace(shape_name, lbl) if shape_name in label else f"{label}{list(idx)}",
                           value[idx], N))
    return lines


def derive_report(graph: Graph, what: str = "grad", wrt: list[str] | None = None,
                  fmt: str = "text", closed_form: bool = False, table: bool = False) -> str:
    """The text `symgrad derive` prints."""
    N = Names(graph.objective)
    d = derivation(graph)
    by_name = {a.name: a for a in d.program}
    rep = Report(f"{graph.name}: objective {graph.objective}, "
                 f"{graph.n_params()} parameter entries ({', '.join(graph.params)})")
    rep.add("Forward", program_lines(graph.assignments, by_name, N))
    targets = _select(graph, wrt)
    if what == "grad":
        _grad(rep, graph, d, targets, by_name, N, closed_form)
    elif what == "deltas":
        named = [a.name for a in graph.named() if a.name != graph.objective]
        lines = []
        for v in named:
            an = d.adjoint.get(v)
            lines.append((N.text(adj(v)), N.text(an) if an and an != adj(v) else
                          (to_text(inlined(by_name[an], by_name), N) if an else "0"),
                          N.latex(adj(v)), N.latex(an) if an and an != adj(v) else
                          (to_latex(inlined(by_name[an], by_name), N) if an else "0")))
        rep.add("Deltas (adjoints of every named quantity)", lines)
        if closed_form:
            vals = _closed(graph, d.program, [d.adjoint[v] for v in named if d.adjoint.get(v)])
            rep.add("Deltas, closed form", [ln for v in named if d.adjoint.get(v)
                                            for ln in _elementwise_lines(adj(v), vals[d.adjoint[v]], N, v)])
    elif what == "hvp":
        hp = hvp_of(graph)
        tb = {a.name: a for a in hp.program}
        rep.add("Backward", program_lines(d.backward, by_name, N))
        rep.add("Tangent (directional derivative along u of the backward program)",
                program_lines(hp.tangent.assignments, tb, N))
        lines = []
        for p in targets:
            n = hp.hvp.get(p)
            lines.append((f"(H·u)_{p}", N.text(n) if n else "0", rf"(Hu)_{{{N.latex(p)}}}",
                          N.latex(n) if n else "0"))
        rep.add("Hessian-vector product", lines)
        if closed_form:
            names = [hp.hvp[p] for p in targets if hp.hvp.get(p)]
            uenv = {hp.directions[p]: _leaf_env(Graph("", {}, {hp.directions[p]: s}, [], "")).get(hp.directions[p])
                    for p, s in graph.params.items()}
            vals = _closed(graph, hp.program, names, uenv)
            rep.add("Hessian-vector product, closed form",
                    [ln for p in targets if hp.hvp.get(p) for ln in
                     _elementwise_lines(f"(H·u)_{p}", vals[hp.hvp[p]], N, p)])
    elif what == "hessian":
        _hessian(rep, graph, targets, N, closed_form)
    elif what == "jacobian":
        _jacobian(rep, graph, wrt, N, closed_form)
    else:
        raise GraphError(f"unknown --what {what!r} (grad, deltas, jacobian, hessian, hvp)")
    if graph.meta.get("layers") and what in ("grad", "deltas"):
        rep.add("Matrix-form recursion (layered model)", recursion_lines(graph, d, by_name, N))
    if table:
        if not graph.values or set(graph.leaves()) - set(graph.values):
            raise GraphError("--table needs values for every input and parameter ([values] in the spec)")
        from .point import evaluate_point
        env = evaluate_point(graph, graph.values).env
        rows = step_table(graph, d, env)
        rep.add("Step table", table_markdown(rows) if fmt == "markdown" else table_text(rows))
    return rep.render(fmt)


def _grad(rep, graph, d, targets, by_name, N, closed_form):
    want = [d.adjoint[p] for p in targets if d.adjoint.get(p)]
    back = [a for a in _needed(d.backward, set(want)) if a.role == "adjoint"]
    rep.add("Backward (reverse mode, adjoints as named assignments)", program_lines(back, by_name, N))
    lines = []
    for p in targets:
        n = d.adjoint.get(p)
        if n is None:
            lines.append((N.text(adj(p)), "0", N.latex(adj(p)), "0"))
        elif n != adj(p):
            lines.append((N.text(adj(p)), N.text(n), N.latex(adj(p)), N.latex(n)))
    if lines:
        rep.add("Gradient entries equal to another adjoint", lines)
    if closed_form:
        vals = _closed(graph, d.program, want)
        rep.add("Gradient, closed form", [ln for p in targets if d.adjoint.get(p)
                                          for ln in _elementwise_lines(adj(p), vals[d.adjoint[p]], N, p)])


def _hessian(rep, graph, targets, N, closed_form):
    hp = hvp_of(graph)
    order = [(p, idx) for p in targets for idx in all_indices(graph.params[p])]
    if len(order) > MAX_SYMBOLIC_HESSIAN and not closed_form:
        raise GraphError(f"symbolic Hessian printing is for ≤ {MAX_SYMBOLIC_HESSIAN} parameter entries "
                         f"(this selection has {len(order)}); use --wrt, --what hvp, or "
                         "'symgrad eval --hessian' for numbers")
    labels = [flat_names(p, graph.params[p])[k] for p in targets for k in range(int(np.prod(graph.params[p])))]
    lines = []
    fwd_names = [a.name for a in hp.derivation.program]
    for j, (pj, idx) in enumerate(order):
        uenv = {}
        for p, s in graph.params.items():
            u = np.zeros(s, dtype=object) if s else sp.S.Zero
            if p == pj:
                if s:
                    u.fill(sp.S.Zero)
                    u[idx] = sp.S.One
                else:
                    u = sp.S.One
            elif s:
                u.fill(sp.S.Zero)
            uenv[hp.directions[p]] = u
        if closed_form:
            vals = _closed(graph, hp.program, [hp.hvp[p] for p in targets if hp.hvp.get(p)], uenv)
        else:
            base = {n: _symbolic_named(n, graph, hp) for n in fwd_names}
            env = run_symbolic(hp.tangent.assignments, {**base, **uenv, **_leaf_env(graph)})
            vals = {hp.hvp[p]: env[hp.hvp[p]] for p in targets if hp.hvp.get(p)}
        col = []
        for p in targets:
            v = vals.get(hp.hvp.get(p), sp.S.Zero) if hp.hvp.get(p) else sp.S.Zero
            col += list(np.ravel(v)) if isinstance(v, np.ndarray) else [v]
        for i, e in enumerate(col):
            if i >= j:  # symmetric: print the lower triangle once
                lines.append((f"H[{labels[i]}, {labels[j]}]", to_text(sp.sympify(e), N),
                              rf"H_{{{labels[i]},\,{labels[j]}}}", to_latex(sp.sympify(e), N)))
    rep.add("Hessian (lower triangle; H is symmetric)" + (", closed form" if closed_form else
            ", in terms of named quantities"), lines)


def _symbolic_named(n: str, graph: Graph, hp) -> object:
    shape = next(a.shape for a in hp.derivation.program if a.name == n)
    if shape == ():
        return sym(n)
    arr = np.empty(shape, dtype=object)
    for idx in all_indices(shape):
        arr[idx] = sym(f"{n}[{','.join(map(str, idx))}]")
    return arr


def _jacobian(rep, graph, wrt, N, closed_form):
    outs = graph.outputs or [graph.objective]
    cols = wrt or list(graph.inputs)
    lines = []
    for out in outs:
        shape = graph.shape_of(out)
        seed = f"v[{out}]"
        d = reverse(graph, of=out, seed=seed, seed_shape=shape)
        for idx, lbl in zip(all_indices(shape), flat_names(out, shape)):
            v = np.zeros(shape, dtype=object) if shape else sp.S.One
            if shape:
                v.fill(sp.S.Zero)
                v[idx] = sp.S.One
            names = [d.adjoint[w] for w in cols if d.adjoint.get(w)]
            vals = _closed(graph, graph.assignments + d.backward, names, {seed: v}) if names else {}
            for w in cols:
                val = vals.get(d.adjoint.get(w), sp.S.Zero) if d.adjoint.get(w) else sp.S.Zero
                for wi, wl in zip(np.ravel(val) if isinstance(val, np.ndarray) else [val],
                                  flat_names(w, graph.shape_of(w))):
                    lines.append((f"∂{lbl}/∂{wl}", to_text(sp.sympify(wi), N),
                                  r"\frac{\partial %s}{\partial %s}" % (N.latex(lbl), N.latex(wl)),
                                  to_latex(sp.sympify(wi), N)))
    rep.add(f"Jacobian of {', '.join(outs)} with respect to {', '.join(cols)} (closed form)", lines)


def recursion_lines(graph: Graph, d, by_name, N: Names) -> list[Line]:
    """δ⁽ᴸ⁾ = ∂J/∂h⁽ᴸ⁾ ⊙ φ′(z⁽ᴸ⁾), δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾ᵀδ⁽ˡ⁺¹⁾) ⊙ φ′(z⁽ˡ⁾), ∂J/∂W⁽ˡ⁾ = δ⁽ˡ⁾h⁽ˡ⁻¹⁾ᵀ."""
    layers = graph.meta["layers"]
    L = len(layers)
    J = graph.objective
    dphi = {"identity": ("1", "1"), "tanh": ("1 − h⊙h", r"1 - h^{(l)}\odot h^{(l)}"),
            "sigmoid": ("h⊙(1 − h)", r"h^{(l)}\odot(1 - h^{(l)})"),
            "relu": ("𝟙[z > 0]", r"\mathbb{I}[z^{(l)} > 0]")}
    lines: list[Line] = []
    out = layers[-1]["h"]
    dy = d.adjoint.get(out)
    if dy:
        e = inlined(by_name[dy], by_name)
        lines.append((f"∂{J}/∂ŷ", to_text(e, N), rf"\frac{{\partial {J}}}{{\partial \hat{{y}}}}", to_latex(e, N)))
    for l in range(L, 0, -1):
        act = layers[l - 1]["activation"]
        t, tex = dphi.get(act, (f"{act}′(z)", rf"{act}'(z^{{({l})}})"))
        t = t.replace("h", f"h⁽{l}⁾").replace("z", f"z⁽{l}⁾") if act in dphi else t
        tex = tex.replace("(l)", f"({l})")
        if l == L:
            lhs = f"∂{J}/∂ŷ"
            lhs_tex = rf"\frac{{\partial {J}}}{{\partial \hat{{y}}}}"
        else:
            lhs = f"W⁽{l + 1}⁾ᵀ δ⁽{l + 1}⁾"
            lhs_tex = rf"W^{{({l + 1})\top}}\delta^{{({l + 1})}}"
        if act == "identity":
            lines.append((f"δ⁽{l}⁾", lhs, rf"\delta^{{({l})}}", lhs_tex))
        elif act in ("softmax", "log_softmax"):
            lines.append((f"δ⁽{l}⁾", f"J_{act}(z⁽{l}⁾)ᵀ ({lhs})", rf"\delta^{{({l})}}",
                          rf"J_{{\mathrm{{{act}}}}}(z^{{({l})}})^{{\top}}\left({lhs_tex}\right)"))
        else:
            lines.append((f"δ⁽{l}⁾", f"({lhs}) ⊙ " + (f"({t})" if " " in t else t), rf"\delta^{{({l})}}",
                          rf"\left({lhs_tex}\right)\odot\left({tex}\right)"))
    for l in range(1, L + 1):
        prev = "x" if l == 1 else f"h⁽{l - 1}⁾"
        prev_tex = "x" if l == 1 else rf"h^{{({l - 1})}}"
        pen = f" + ∂R/∂W⁽{l}⁾" if graph.meta.get("penalty") else ""
        lines.append((f"∂{J}/∂W⁽{l}⁾", f"δ⁽{l}⁾ {prev}ᵀ{pen}", rf"\frac{{\partial {J}}}{{\partial W^{{({l})}}}}",
                      rf"\delta^{{({l})}}{prev_tex}^{{\top}}" + (rf" + \frac{{\partial R}}{{\partial W^{{({l})}}}}" if pen else "")))
        if layers[l - 1]["bias"]:
            lines.append((f"∂{J}/∂b⁽{l}⁾", f"δ⁽{l}⁾", rf"\frac{{\partial {J}}}{{\partial b^{{({l})}}}}",
                          rf"\delta^{{({l})}}"))
    return lines
