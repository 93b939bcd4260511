"""Per-function plans (planning): which programs each kernel function evaluates, the tile size,
the workspace, and what is written to the caller's arrays after the tiles.

forward, loss_grad, hvp, jacobian (and hessian through hvp) each become an `FnPlan`: steps
before the tiles (`pre`), per tile (`tile`), after the tiles (`post`) and a `Finish` record
(objective and gradient/HVP slices: accumulator, scale, penalty part). Data only: the C
backend (codegen.c_render) prints them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from symbolic.graph import Assignment, Graph, sym
from symbolic.reverse import reverse
from symbolic.tangent import hvp_program

from .lower_batch import Buf, Namer, Step, Workspace, build_section
from .plan_layout import EmitError, Field, Layout, make_layout

__all__ = ["FUNCTIONS", "INT_LIMIT", "TILE", "Finish", "FnPlan", "Total", "count_blas", "plan_all"]

FUNCTIONS = ("forward", "loss_grad", "hvp", "hessian", "jacobian")
TILE = 32  # default tile (kept for callers); see _choose_tile
TILE_MAX = 256
TILE_BUDGET_WORDS = 1 << 17  # per-function tile scratch (1 MiB of doubles); T shrinks past it
INT_LIMIT = 2**31 - 1  # the C indexes per-sample and parameter arrays with `int`


@dataclass(frozen=True)
class Total:
    """Σ over the batch of a reduced quantity: its accumulator `buf`, or with `times_n` a
    sample-invariant `buf` counted n times; a once-per-call (penalty) value is `buf` itself."""

    buf: Buf
    times_n: bool = False


@dataclass
class Finish:
    """After the tiles: loss = scale·loss_total [+ loss_once] (scale = 1/n for a mean, else 1);
    `rescale` lists accumulators that are output slices themselves (scaled in place for a
    mean); `writes` (dst array, field, Σ total or None, once-per-call part or None) fills the
    other gradient / HVP slices (0 when both are None)."""

    mean: bool
    loss: Total
    loss_once: Total | None
    rescale: list[tuple[Buf, Field]]
    writes: list[tuple[str, Field, Total | None, Total | None]]


@dataclass
class FnPlan:
    name: str
    kind: str
    T: int = TILE
    ws: Workspace = field(default_factory=Workspace)
    namer: Namer = field(default_factory=Namer)
    pre: list = field(default_factory=list)  # once per call
    zero: list = field(default_factory=list)  # accumulators zeroed before the tiles
    tile: list = field(default_factory=list)  # per tile (list of Step or ('jac', ...))
    post: list = field(default_factory=list)  # after the tiles
    final: Finish | None = None  # what is written after the tiles (loss_grad, hvp)
    inputs: list = field(default_factory=list)  # data Bufs (pointers set per tile)
    params: list = field(default_factory=list)
    dirs: list = field(default_factory=list)
    work_size: int = 0
    uses_nf: bool = False


def _leaf_env(plan: FnPlan, layout: Layout, with_dirs: bool) -> dict:
    env = {}
    for f in layout.params:
        b = Buf(plan.namer("p_", f.name), f.shape, "param")
        b.offset = f.offset
        env[f.name] = b
        plan.params.append(b)
    for f in layout.inputs:
        b = Buf(plan.namer("d_", f.name), f.shape, "data", tiled=True, stride=layout.data_width)
        b.offset = f.offset
        env[f.name] = b
        plan.inputs.append(b)
    if with_dirs:
        for f in layout.params:
            b = Buf(plan.namer("u_", f.name), f.shape, "dir")
            b.offset = f.offset
            env[f"u[{f.name}]"] = b
            plan.dirs.append(b)
    return env


def _choose_tile(plan: FnPlan) -> None:
    """Tile size T: the largest power of two <= TILE_MAX whose per-tile scratch fits
    TILE_BUDGET_WORDS. Long tiles give the accumulator GEMMs Σ_s δ_s h_sᵀ a long inner dimension,
    amortise the weight reads of the register-blocked kernels and let BLAS calls cover many
    samples (measured: T = 64..256 within noise of each other, 32 slower for 2-8-8-1)."""
    per_sample = sum(b.size for b in plan.ws.bufs if b.kind == "tile")
    T = TILE_MAX
    row = max([b.stride for b in plan.inputs] or [0])  # s*row indexes data rows in `int`
    while T > 1 and (per_sample * T > TILE_BUDGET_WORDS or row * T > INT_LIMIT):
        T //= 2
    plan.T = T
    top = 0
    for b in plan.ws.bufs:
        if b.kind == "out":  # an output array of the caller (accumulated in place)
            continue
        words = b.size * T if b.kind == "tile" else b.size
        b.offset, b.words = top, words
        top += (words + 7) // 8 * 8
    plan.work_size = max(top, 1)


def _val(sec_env: dict, acc: dict, name: str | None, scaled: bool) -> Total | None:
    """Σ_samples name (or None when the quantity is identically 0)."""
    if name is None:
        return None
    if name in acc:
        return Total(acc[name])
    b = sec_env[name]
    if b.tiled:  # pragma: no cover - every reduced sample name has an accumulator
        raise AssertionError(name)
    return Total(b, times_n=scaled)


def _reduced_fn(graph: Graph, layout: Layout, dtype: str, kind: str, derived: dict | None = None) -> FnPlan:
    """loss_grad or hvp: per-sample section over tiles + optional once-per-batch penalty.
    `derived` (objective name → reverse program) shares one derivation between the functions
    planned by one plan_all call (loss_grad and hvp both start from reverse(graph, of=D))."""
    plan = FnPlan(kind, kind)
    env = _leaf_env(plan, layout, with_dirs=(kind == "hvp"))
    D, R = layout.data_objective, layout.penalty
    sample_leaves = set(graph.inputs)

    def programs(of):
        d = derived.get(of) if derived is not None else None
        if d is None:
            d = reverse(graph, of=of)
            if derived is not None:
                derived[of] = d
        if kind == "hvp":
            hp = hvp_program(d)
            return d, hp.program, {p: hp.hvp.get(p) for p in graph.params}
        return d, d.program, {}

    once = None
    if R is not None:
        dr, prog_r, hv_r = programs(R)
        outs = [R] + [n for n in dr.grad_names().values() if n] + [n for n in hv_r.values() if n]
        once = build_section(
            prog_r,
            {k: v for k, v in env.items() if k not in graph.inputs},
            red=outs,
            mat=[],
            sample_leaves=set(),
            namer=plan.namer,
            ws=plan.ws,
            T=1,
            dtype=dtype,
            prefix="o",
        )
        if once.tile or once.tile_red:  # pragma: no cover - guarded by objective_split
            raise EmitError(f"penalty '{R}' depends on the data")
        plan.pre += once.pre
    dd, prog, hv = programs(D)
    gn = dd.grad_names()
    outs = [D] + [n for n in gn.values() if n] + [n for n in hv.values() if n]
    sec = build_section(
        prog, env, red=outs, mat=[], sample_leaves=sample_leaves, namer=plan.namer, ws=plan.ws, T=TILE, dtype=dtype
    )
    plan.pre += sec.pre
    plan.zero = list(sec.zero)
    plan.tile = sec.tile + sec.tile_red
    plan.post = sec.post
    plan.uses_nf = True
    targets = [("grad", gn, dr.grad_names() if once else {})]
    if kind == "hvp":
        targets.append(("hv", hv, hv_r if once else {}))
    # an accumulator that is exactly one output slice *is* that slice of the caller's array:
    # no copy after the tiles, only the mean's scale (skipped when it is 1)
    count: dict = {D: 1}
    for _, names, _ in targets:
        for f in layout.params:
            v = names.get(f.name)
            count[v] = count.get(v, 0) + 1
    aliased = set()
    for dst, names, onames in targets:
        for f in layout.params:
            v = names.get(f.name)
            if (
                v in sec.acc
                and count[v] == 1
                and not onames.get(f.name)
                and sec.acc[v].size == f.size
                and sec.acc[v].kind == "acc"
            ):
                b = sec.acc[v]
                b.kind, b.dst, b.offset = "out", dst, f.offset
                aliased.add((dst, f.name))
    # final writes
    loss = _val(sec.env, sec.acc, D, True)
    assert loss is not None
    o = _val(once.env, {}, R, False) if once else None
    scaled = [
        (sec.acc[names[f.name]], f) for dst, names, _ in targets for f in layout.params if (dst, f.name) in aliased
    ]
    writes = []
    for dst, names, onames in targets:
        for f in layout.params:
            if (dst, f.name) in aliased:
                continue
            v = _val(sec.env, sec.acc, names.get(f.name), True)
            ov = _val(once.env, {}, onames.get(f.name), False) if once else None
            writes.append((dst, f, v, ov))
    plan.final = Finish(layout.reduction == "mean", loss, o, scaled, writes)
    _choose_tile(plan)
    return plan


def _forward_fn(graph: Graph, layout: Layout, dtype: str) -> FnPlan:
    plan = FnPlan("forward", "forward")
    env = _leaf_env(plan, layout, with_dirs=False)
    outs = [f.name for f in layout.outputs]
    sec = build_section(
        graph.assignments,
        env,
        red=[],
        mat=outs,
        sample_leaves=set(graph.inputs),
        namer=plan.namer,
        ws=plan.ws,
        T=TILE,
        dtype=dtype,
    )
    plan.pre, plan.tile = sec.pre, list(sec.tile)
    for f in layout.outputs:
        b = sec.env[f.name]
        plan.tile.append(
            Step("write_rows", None, [b], data=dict(dst="out", width=layout.out_width, off=f.offset, count=f.size))
        )
    _choose_tile(plan)
    return plan


def _rename(prog: list[Assignment], tag: str, keep: set[str]) -> tuple[list[Assignment], dict]:
    """Copy a backward program with its own names prefixed (so several can share a section)."""
    m = {a.name: f"{tag}{a.name}" for a in prog}
    out = []
    for a in prog:
        args = tuple(m.get(x, x) for x in a.args)
        expr = a.expr
        if expr is not None:
            expr = expr.xreplace({sym(x): sym(m[x]) for x in a.args if x in m})
        out.append(Assignment(m[a.name], a.op, args, a.shape, expr, dict(a.attrs), a.hidden, a.role, a.source))
    return out, m


def _jacobian_fn(graph: Graph, layout: Layout, dtype: str) -> FnPlan:
    plan = FnPlan("jacobian", "jacobian")
    env = _leaf_env(plan, layout, with_dirs=False)
    prog = list(graph.assignments)
    groups = []  # (output field, seed name, {wrt: adjoint name or None}, names of the group)
    for i, f in enumerate(layout.outputs):
        seed = f"v[{f.name}]"
        r = reverse(graph, of=f.name, seed=seed, seed_shape=f.shape)
        back, m = _rename(r.backward, f"J{i}:", set())
        prog += back
        adj = {
            w.name: (m.get(r.adjoint[w.name], r.adjoint[w.name]) if r.adjoint.get(w.name) else None)
            for w in layout.jac_cols
        }
        sb = Buf(plan.namer("v_", f.name), f.shape, "tile", tiled=True, stride=f.size)
        plan.ws.alloc(sb, f.size)
        env[seed] = sb
        groups.append((f, seed, adj, {a.name for a in back}))
    mat = [n for g in groups for n in g[2].values() if n]
    group_of = {n: i for i, g in enumerate(groups) for n in g[3]}  # forward names: -1
    sec = build_section(
        prog,
        env,
        red=[],
        mat=mat,
        sample_leaves=set(graph.inputs) | {g[1] for g in groups},
        namer=plan.namer,
        ws=plan.ws,
        T=TILE,
        dtype=dtype,
        group=lambda n: group_of.get(n, -1),
    )
    plan.pre = sec.pre
    name_of = {id(st): n for st, n in zip(sec.tile, sec.tile_names, strict=True)}
    fwd = [st for st in sec.tile if not any(name_of[id(st)] in g[3] for g in groups)]
    plan.tile = list(fwd)
    K, C = layout.out_width, sum(c.size for c in layout.jac_cols)
    for f, seed, adj, names in groups:
        steps = [st for st in sec.tile if name_of[id(st)] in names]
        writes = []
        for c in layout.jac_cols:
            n = adj[c.name]
            writes.append((sec.env[n] if n else None, c.offset, c.size, c.name))
        plan.tile.append(
            ("jac", dict(seed=env[seed], size=f.size, row=f.offset, K=K, C=C, steps=steps, writes=writes, out=f.name))
        )
    _choose_tile(plan)
    return plan


def plan_all(graph: Graph, dtype: str = "float64", what=FUNCTIONS) -> tuple[Layout, dict]:
    layout = make_layout(graph)
    plans = {}
    derived: dict = {}  # one reverse program per objective for this call (not a cache)
    for fn in what:
        if fn == "forward":
            plans[fn] = _forward_fn(graph, layout, dtype)
        elif fn in ("loss_grad", "hvp"):
            plans[fn] = _reduced_fn(graph, layout, dtype, fn, derived)
        elif fn == "jacobian":
            plans[fn] = _jacobian_fn(graph, layout, dtype)
    if "hessian" in what and "hvp" not in plans:
        plans["hvp"] = _reduced_fn(graph, layout, dtype, "hvp", derived)
    return layout, plans


def count_blas(plans: dict) -> int:
    """Tile GEMM steps with a BLAS path in `plans`."""
    n = 0
    for p in plans.values():
        for st in p.pre + p.tile + p.post:
            subs = st[1]["steps"] if isinstance(st, tuple) else [st]
            n += sum(1 for x in subs if x.data.get("blas"))
    return n
