"""Formula reports for `symgrad derive`: gradients, deltas, Jacobians, Hessians and HVPs, in
terms of named intermediates or in closed form, as text, LaTeX or Markdown; plus the
matrix-form backprop recursion for layered models and the step table.
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from .display import DHess, DHu, DPartial, Names, ascii_text
from .evaluate import run_symbolic
from .graph import Assignment, Graph, GraphError, all_indices, flat_names, sym
from .latex_doc import standalone_document
from .point import derivation, hvp_of
from .readable import Readable
from .recursion import RECURSION_KINDS, recursion_lines
from .report import Line, Report
from .reverse import adj, reverse
from .tables import step_table

MAX_CLOSED_FORM_PARAMS = 64
MAX_SYMBOLIC_HESSIAN = 16


def program_lines(assignments: list[Assignment], R: Readable) -> list[Line]:
    """One line per shown assignment; hidden temporaries are inlined into their users."""
    return [Line(sym(R.name_of(a.name) or a.name), R.rhs(a)) for a in assignments if R.is_listed(a)]


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


def _sym_array(n: str, shape) -> object:
    if shape == ():
        return sym(n)
    arr = np.empty(shape, dtype=object)
    for idx in all_indices(shape):
        arr[idx] = sym(f"{n}[{','.join(map(str, idx))}]")
    return arr


def _leaf_env(graph: Graph) -> dict:
    return {n: _sym_array(n, s) for n, s in graph.leaves().items()}


def _closed(graph: Graph, program: list[Assignment], names: list[str], extra_env=None) -> dict:
    n = graph.n_params() + sum(int(np.prod(s)) for s in graph.inputs.values())
    if n > MAX_CLOSED_FORM_PARAMS:
        raise GraphError(
            f"closed form is only printed for small models (≤ {MAX_CLOSED_FORM_PARAMS} "
            f"scalar inputs and parameters, this one has {n}); drop --closed-form"
        )
    env = run_symbolic(_needed(program, set(names)), {**_leaf_env(graph), **(extra_env or {})})
    return {k: env[k] for k in names}


def _elementwise_lines(label, value, name: str) -> list[Line]:
    """label(element name) = value, one line per entry of an array value."""
    if not isinstance(value, np.ndarray):
        return [Line(label(name), sp.sympify(value))]
    return [
        Line(label(lbl), sp.sympify(value[idx]))
        for idx, lbl in zip(all_indices(value.shape), flat_names(name, value.shape), strict=True)
    ]


def named_env(graph: Graph, program: list[Assignment], R: Readable) -> dict:
    """Symbolic values of `program` in terms of the shown names: every shown quantity is a
    symbol (entries W1[0,1], (∂L/∂a2)[0]), every hidden temporary its value in those symbols."""
    env = _leaf_env(graph)
    for a in program:
        shown = R.name_of(a.name)
        if shown is not None:
            env[a.name] = _sym_array(shown, a.shape)
            continue
        named = R.entry_alias.get(a.name, {})
        if len(named) == int(np.prod(a.shape)) and a.shape != ():
            arr = np.empty(a.shape, dtype=object)
            for idx in all_indices(a.shape):
                arr[idx] = sym(named[idx])
            env[a.name] = arr
            continue
        env.update(run_symbolic([a], env))
    return env


def derive_report(
    graph: Graph,
    what: str = "grad",
    wrt: list[str] | None = None,
    fmt: str = "text",
    closed_form: bool = False,
    table: bool = False,
    standalone: bool = False,
) -> str:
    """The text `symgrad derive` prints; fmt 'latex' gives a fragment that compiles in an
    article with amsmath/amssymb, or with `standalone` a whole document."""
    rep = build_report(graph, what=what, wrt=wrt, closed_form=closed_form, table=table)
    out = rep.render(fmt)
    if fmt == "latex" and standalone:
        return standalone_document(out, ascii_text(rep.title))
    return out


def build_report(
    graph: Graph, what: str = "grad", wrt: list[str] | None = None, closed_form: bool = False, table: bool = False
) -> Report:
    """The sections `derive_report` prints, as display expressions (see report.Line)."""
    N = Names(graph.objective)
    d = derivation(graph)
    R = Readable(graph, d.program)
    rep = Report(
        f"{graph.name}: objective {graph.objective}, {graph.n_params()} parameter entries ({', '.join(graph.params)})",
        N,
    )
    rep.add("Forward", program_lines(graph.assignments, Readable(graph, d.program, aliases=False)))
    targets = _select(graph, wrt)
    if what == "grad":
        _grad(rep, graph, d, targets, R, closed_form)
    elif what == "deltas":
        _deltas(rep, graph, d, R, closed_form)
    elif what == "hvp":
        _hvp(rep, graph, targets, closed_form)
    elif what == "hessian":
        _hessian(rep, graph, targets, closed_form)
    elif what == "jacobian":
        _jacobian(rep, graph, wrt, closed_form)
    else:
        raise GraphError(f"unknown --what {what!r} (grad, deltas, jacobian, hessian, hvp)")
    if graph.info.layers and what in ("grad", "deltas") and all(L.kind in RECURSION_KINDS for L in graph.info.layers):
        rep.add("Matrix-form recursion (layered model)", recursion_lines(graph, d, R, N))
    if table:
        if not graph.values or set(graph.leaves()) - set(graph.values):
            raise GraphError("--table needs values for every input and parameter ([values] in the spec)")
        from .point import evaluate_point

        env = evaluate_point(graph, graph.values).env
        rep.add("Step table", step_table(graph, d, env))
    return rep


def _grad(rep: Report, graph, d, targets, R: Readable, closed_form: bool) -> None:
    want = [d.adjoint[p] for p in targets if d.adjoint.get(p)]
    back = [a for a in _needed(d.backward, set(want)) if a.role == "adjoint"]
    rep.add("Backward (reverse mode, adjoints as named assignments)", program_lines(back, R))
    lines = []
    for p in targets:
        n = d.adjoint.get(p)
        if n is None:
            lines.append(Line(sym(adj(p)), sp.S.Zero))
        elif n != adj(p):
            lines.append(Line(sym(adj(p)), R.ref(n)))
    if lines:
        rep.add("Gradient entries equal to another adjoint", lines)
    if closed_form:
        vals = _closed(graph, d.program, want)
        rep.add(
            "Gradient, closed form",
            [
                ln
                for p in targets
                if d.adjoint.get(p)
                for ln in _elementwise_lines(lambda e: sym(adj(e)), vals[d.adjoint[p]], p)
            ],
        )


def _deltas(rep: Report, graph, d, R: Readable, closed_form: bool) -> None:
    named = [a.name for a in graph.named() if a.name != graph.objective]
    lines = []
    for v in named:
        an = d.adjoint.get(v)
        if an is None:
            rhs = sp.S.Zero
        elif an != adj(v):
            rhs = R.ref(an)
        else:
            rhs = R.rhs(R.by_name[an])
        lines.append(Line(sym(adj(v)), rhs))
    rep.add("Deltas (adjoints of every named quantity)", lines)
    if closed_form:
        have = [v for v in named if d.adjoint.get(v)]
        vals = _closed(graph, d.program, [d.adjoint[v] for v in have])
        rep.add(
            "Deltas, closed form",
            [ln for v in have for ln in _elementwise_lines(lambda e: sym(adj(e)), vals[d.adjoint[v]], v)],
        )


def _hvp(rep: Report, graph, targets, closed_form: bool) -> None:
    hp = hvp_of(graph)
    R = Readable(graph, hp.program)
    rep.add("Backward", program_lines(hp.derivation.backward, R))
    rep.add(
        "Tangent (directional derivative along u of the backward program)", program_lines(hp.tangent.assignments, R)
    )
    hv = {p: n for p in targets if (n := hp.hvp.get(p))}  # parameters H·u depends on
    rep.add("Hessian-vector product", [Line(DHu(sym(p)), R.ref(hv[p]) if p in hv else sp.S.Zero) for p in targets])
    if closed_form:
        uenv = {hp.directions[p]: _sym_array(hp.directions[p], s) for p, s in graph.params.items()}
        vals = _closed(graph, hp.program, list(hv.values()), uenv)
        rep.add(
            "Hessian-vector product, closed form",
            [ln for p in hv for ln in _elementwise_lines(lambda e: DHu(sym(e)), vals[hv[p]], p)],
        )


def _hessian(rep: Report, graph, targets, closed_form: bool) -> None:
    hp = hvp_of(graph)
    order = [(p, idx) for p in targets for idx in all_indices(graph.params[p])]
    if len(order) > MAX_SYMBOLIC_HESSIAN and not closed_form:
        raise GraphError(
            f"symbolic Hessian printing is for ≤ {MAX_SYMBOLIC_HESSIAN} parameter entries "
            f"(this selection has {len(order)}); use --wrt, --what hvp, or "
            "'symgrad eval --hessian' for numbers"
        )
    labels = [lbl for p in targets for lbl in flat_names(p, graph.params[p])]
    base = None if closed_form else named_env(graph, hp.derivation.program, Readable(graph, hp.program))
    hv = {p: n for p in targets if (n := hp.hvp.get(p))}
    lines = []
    for j, (pj, idx) in enumerate(order):
        uenv = {}
        for p, s in graph.params.items():
            u = np.zeros(s, dtype=object) if s else sp.S.Zero
            if s:
                u.fill(sp.S.Zero)
            if p == pj:
                if s:
                    u[idx] = sp.S.One
                else:
                    u = sp.S.One
            uenv[hp.directions[p]] = u
        if closed_form:
            vals = _closed(graph, hp.program, list(hv.values()), uenv)
        else:
            env = run_symbolic(hp.tangent.assignments, {**(base or {}), **uenv})
            vals = {n: env[n] for n in hv.values()}
        col = []
        for p in targets:
            v = vals.get(hv[p], sp.S.Zero) if p in hv else sp.S.Zero
            col += list(np.ravel(v)) if isinstance(v, np.ndarray) else [v]
        for i, e in enumerate(col):
            if i >= j:  # symmetric: print the lower triangle once
                lines.append(Line(DHess(sym(labels[i]), sym(labels[j])), sp.sympify(e)))
    rep.add(
        "Hessian (lower triangle; H is symmetric)"
        + (", closed form" if closed_form else ", in terms of named quantities"),
        lines,
    )


def _jacobian(rep: Report, graph, wrt, closed_form: bool) -> None:
    outs = graph.outputs or [graph.objective]
    cols = wrt or list(graph.inputs)
    lines = []
    for out in outs:
        shape = graph.shape_of(out)
        seed = f"v[{out}]"
        d = reverse(graph, of=out, seed=seed, seed_shape=shape)
        for idx, lbl in zip(all_indices(shape), flat_names(out, shape), strict=True):
            v = np.zeros(shape, dtype=object) if shape else sp.S.One
            if shape:
                v.fill(sp.S.Zero)
                v[idx] = sp.S.One
            names = [n for w in cols if (n := d.adjoint.get(w))]
            vals = _closed(graph, graph.assignments + d.backward, names, {seed: v}) if names else {}
            for w in cols:
                val = vals.get(d.adjoint.get(w), sp.S.Zero) if d.adjoint.get(w) else sp.S.Zero
                for wi, wl in zip(
                    np.ravel(val) if isinstance(val, np.ndarray) else [val],
                    flat_names(w, graph.shape_of(w)),
                    strict=False,
                ):
                    lines.append(Line(DPartial(sym(lbl), sym(wl)), sp.sympify(wi)))
    rep.add(f"Jacobian of {', '.join(outs)} with respect to {', '.join(cols)} (closed form)", lines)
