"""Emit the C source (.c, .h) and the cffi cdef of a model's kernels from its Graph.

Functions (prefix = sanitised model name, `sg_real` = double or float):

  int P_forward  (θ, data, n, out, work)                  outputs, one row per sample
  int P_loss_grad(θ, data, n, loss, grad, work)            objective and ∇θ over the batch
  int P_hvp      (θ, data, n, u, loss, grad, hv, work)     objective, ∇θ and H·u in one pass
  int P_hessian  (θ, data, n, loss, grad, H, work)         dense H (P×P) by P HVP sweeps
  int P_jacobian (θ, data, n, jac, work)                   ∂outputs/∂(inputs, θ) per sample
  long P_info(int what)                                    layout constants (P_INFO_*)

All return 0 or an SG_E* status (bad n, non-finite θ / data / u). θ packs the parameters in
declaration order (row-major); each data row packs every input in declaration order. `work` is
caller-provided scratch of P_WORK_<FN> reals: nothing is allocated during a call.

Batch objective: reduce_i D(sample_i) + R, where D is the data objective ("L" of layered specs,
else the whole objective) reduced by the spec's reduction (mean or sum) and R the penalty
(layered specs with a penalty; computed once). Gradient and HVP follow by linearity.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import jinja2
import sympy as sp

from symbolic.graph import Assignment, Graph, size, sym
from symbolic.reverse import ancestors, reverse
from symbolic.tangent import hvp_program

from .c_safe import CSafeError, c_comment, c_identifier, c_label
from .cprinter import c_type
from .lower_batch import Buf, Namer, Step, Workspace, build_section, mm_tile_calls, red_outer_calls

_HERE = Path(__file__).resolve().parent
# source tree: <repo>/templates; installed wheel: codegen/templates (pyproject package-data)
TEMPLATE_DIR = next(
    (d for d in (_HERE.parent / "templates", _HERE / "templates") if (d / "model.c.j2").exists()),
    _HERE.parent / "templates",
)
FUNCTIONS = ("forward", "loss_grad", "hvp", "hessian", "jacobian")
INFO = (
    "n_params",
    "data_width",
    "out_width",
    "jac_rows",
    "jac_cols",
    "tile",
    "dtype_bytes",
    "work_forward",
    "work_loss_grad",
    "work_hvp",
    "work_hessian",
    "work_jacobian",
)
TILE = 32  # default tile (kept for callers); see _choose_tile
TILE_MAX = 256
TILE_BUDGET_WORDS = 1 << 17  # per-function tile scratch (1 MiB of doubles); T shrinks past it
MAX_HESSIAN_PARAMS = 2000
EMIT_VERSION = "3"
INT_LIMIT = 2**31 - 1  # the C indexes per-sample and parameter arrays with `int`


class EmitError(ValueError):
    """The graph cannot be emitted (e.g. an unsupported construct); names the quantity."""


# ---- layout -----------------------------------------------------------------------------------------


@dataclass
class Field:
    name: str
    shape: tuple
    offset: int

    @property
    def size(self) -> int:
        return size(self.shape)


@dataclass
class Layout:
    """How θ, data rows, forward outputs and Jacobian rows/columns are packed."""

    params: list[Field]
    inputs: list[Field]
    outputs: list[Field]
    n_params: int
    data_width: int
    out_width: int
    jac_cols: list[Field]  # inputs then parameters (symbolic.point.jacobian_at order)
    reduction: str
    data_objective: str
    penalty: str | None

    def to_dict(self) -> dict:
        f = lambda fs: [(x.name, list(x.shape), x.offset) for x in fs]  # noqa: E731
        return dict(
            params=f(self.params),
            inputs=f(self.inputs),
            outputs=f(self.outputs),
            n_params=self.n_params,
            data_width=self.data_width,
            out_width=self.out_width,
            reduction=self.reduction,
            data_objective=self.data_objective,
            penalty=self.penalty,
        )


def _fields(decl) -> tuple[list[Field], int]:
    out, off = [], 0
    for n, s in decl:
        out.append(Field(n, tuple(s), off))
        off += size(tuple(s))
    return out, off


def objective_split(graph: Graph) -> tuple[str, str | None]:
    """(per-sample data objective, once-per-batch penalty or None)."""
    pn, dn = graph.info.penalty_name, graph.info.data_objective
    by = graph.by_name
    if pn and dn and pn in by and dn in by and graph.objective in by and pn != graph.objective:
        J = by[graph.objective]
        if (
            J.op == "ew"
            and sp.expand(J.expr - (sym(dn) + sym(pn))) == 0
            and not (ancestors(graph, pn) & set(graph.inputs))
        ):
            return dn, pn
    return graph.objective, None


def make_layout(graph: Graph) -> Layout:
    params, P = _fields(graph.params.items())
    inputs, W = _fields(graph.inputs.items())
    outs = graph.outputs or [graph.objective]
    outputs, K = _fields([(o, graph.shape_of(o)) for o in outs])
    jac, _ = _fields(list(graph.inputs.items()) + list(graph.params.items()))
    d, pen = objective_split(graph)
    red = graph.info.reduction
    if red not in ("mean", "sum"):
        raise EmitError(f"unknown reduction {red!r} (mean or sum)")
    return Layout(params, inputs, outputs, P, W, K, jac, red, d, pen)


# ---- per-function plans -----------------------------------------------------------------------------


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
    final: list = field(default_factory=list)  # C lines writing the outputs
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


def _val(sec_env: dict, acc: dict, name: str | None, k: str, scaled: bool) -> str | None:
    """C expression of Σ_samples name[k] (or None when the quantity is identically 0)."""
    if name is None:
        return None
    if name in acc:
        return f"{acc[name].cname}[{k}]"
    b = sec_env[name]
    if b.tiled:  # pragma: no cover - every reduced sample name has an accumulator
        raise AssertionError(name)
    return f"nf[0]*{b.cname}[{k}]" if scaled else f"{b.cname}[{k}]"


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
    lines = [f"const sg_real scale = {'1 / (sg_real)n' if layout.reduction == 'mean' else '1'};"]
    v = _val(sec.env, sec.acc, D, "0", True)
    o = _val(once.env, {}, R, "0", False) if once else None
    lines.append(f"*loss = scale * ({v})" + (f" + {o};" if o else ";"))
    scaled = [
        (sec.acc[names[f.name]], f) for dst, names, _ in targets for f in layout.params if (dst, f.name) in aliased
    ]
    if scaled and layout.reduction == "mean":
        lines.append("if (scale != 1) {")
        for b, f in scaled:
            lines.append(
                f"    for (int k = 0; k < {f.size}; ++k) {b.cname}[k] *= scale;  /* {b.dst}: {c_comment(f.name)} */"
            )
        lines.append("}")
    for dst, names, onames in targets:
        for f in layout.params:
            if (dst, f.name) in aliased:
                continue
            v = _val(sec.env, sec.acc, names.get(f.name), "k", True)
            o = _val(once.env, {}, onames.get(f.name), "k", False) if once else None
            expr = " + ".join(x for x in ((f"scale * ({v})" if v else None), o) if x) or "0"
            lines.append(
                f"for (int k = 0; k < {f.size}; ++k) {dst}[{f.offset} + k] = {expr};  /* {c_comment(f.name)} */"
            )
    plan.final = lines
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


# ---- rendering ---------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _jinja() -> jinja2.Environment:
    """The template environment: StrictUndefined, and the `c_ident` / `c_label` / `c_comment`
    filters (codegen.c_safe) that every template applies to each spec-derived string."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=False,
        lstrip_blocks=False,
        autoescape=False,
    )
    env.filters["c_ident"] = c_identifier
    env.filters["c_comment"] = c_comment
    env.filters["c_label"] = c_label
    return env


def c_ident(name: str) -> str:
    """C prefix of a model name (see c_safe.c_identifier)."""
    return c_identifier(name)


RUNTIME_HEADER = "symgrad_runtime.h"  # file name of the shared runtime (templates/<name>.j2)
RUNTIME_INCLUDE = f'#include "{RUNTIME_HEADER}"'


@lru_cache(maxsize=1)
def _runtime() -> tuple[str, str]:
    """(text, id) of the runtime header. The id is the first 8 hex digits of the sha256 of the
    header rendered with id "0": kernel files #error out when given a header of another version."""
    tpl = _jinja().get_template(f"{RUNTIME_HEADER}.j2")
    probe = tpl.render(runtime_id="0")
    rid = hashlib.sha256(probe.encode("utf-8")).hexdigest()[:8]
    return tpl.render(runtime_id=rid), rid


def runtime_header() -> str:
    """The C runtime every kernel file includes as symgrad_runtime.h: status codes, stable
    elementwise helpers, finiteness check, tile GEMM kernels, optional CBLAS hook. The same text
    for every model and dtype (SG_REAL_BITS, set by the including file, picks sg_real)."""
    return _runtime()[0]


@dataclass
class KernelSource:
    """A model's emitted kernels. `c` is the model file as `symgrad generate` writes it: it
    #includes RUNTIME_HEADER (runtime_header(), written beside it); single_file() is the same
    translation unit with the runtime inlined, which is what the Python module build compiles."""

    name: str  # C prefix
    dtype: str
    c: str
    h: str
    cdef: str
    layout: Layout
    info: dict
    functions: tuple
    blas_gemms: int = 0  # tile GEMMs with an `#ifdef SG_USE_BLAS` cblas path (0: BLAS is pointless)

    @property
    def runtime(self) -> str:
        """The text of RUNTIME_HEADER that `c` includes."""
        return runtime_header()

    def single_file(self) -> str:
        """`c` with its `#include "symgrad_runtime.h"` line replaced by the header's text: one
        self-contained C file (C99 + libm)."""
        head, sep, tail = self.c.partition("\n" + RUNTIME_INCLUDE + "\n")
        if not sep:
            raise EmitError(f"kernel source {self.name} does not include {RUNTIME_HEADER}")
        return (
            f"{head}\n/* ---- {RUNTIME_HEADER} (inlined) ---- */\n{self.runtime}"
            f"/* ---- end of {RUNTIME_HEADER} ---- */\n{tail}"
        )


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


def kernel_prefix(graph: Graph, dtype: str = "float64", name: str | None = None) -> str:
    """The C prefix (and `generate` file stem) emit() gives the kernels of `graph`."""
    return c_identifier(name or (str(graph.name) + ("_f32" if dtype == "float32" else "")))


def emit(graph: Graph, dtype: str = "float64", what=FUNCTIONS, name: str | None = None) -> KernelSource:
    """Generate the kernels of `graph`; `what` selects functions (hessian implies hvp)."""
    if dtype not in ("float64", "float32"):
        raise EmitError(f"dtype must be float64 or float32, got {dtype!r}")
    what = (what,) if isinstance(what, str) else tuple(what)
    unknown = sorted({str(w) for w in what} - set(FUNCTIONS))
    if unknown:
        raise EmitError(
            f"unknown function(s) {', '.join(c_comment(u, 40) for u in unknown)}; choose from {', '.join(FUNCTIONS)}"
        )
    what = tuple(w for w in FUNCTIONS if w in what)
    if not what:
        raise EmitError(f"no function to emit; choose from {', '.join(FUNCTIONS)}")
    try:
        layout, plans = plan_all(graph, dtype, what)
    except CSafeError as e:
        raise EmitError(str(e)) from None
    except NotImplementedError as e:  # SymPy's C printer: a construct C cannot express
        raise EmitError(c_comment(str(e).splitlines()[0] if str(e) else type(e).__name__, 200)) from None
    _check_int_range(layout, plans)
    prefix = kernel_prefix(graph, dtype, name)
    fns = tuple(w for w in FUNCTIONS if w in what or (w == "hvp" and "hessian" in what))
    work = {fn: (plans[fn].work_size if fn in plans else 0) for fn in FUNCTIONS}
    if "hessian" in fns:
        work["hessian"] = work["hvp"] + 2 * layout.n_params + 8
    info = dict(
        n_params=layout.n_params,
        data_width=layout.data_width,
        out_width=layout.out_width,
        jac_rows=layout.out_width,
        jac_cols=layout.data_width + layout.n_params,
        tile=max([p.T for p in plans.values()] or [1]),
        dtype_bytes=8 if dtype == "float64" else 4,
        **{f"work_{fn}": work[fn] for fn in FUNCTIONS},
    )
    env = _jinja()
    ops = env.get_template("ops.c.j2").make_module(
        dict(f="f" if dtype == "float32" else "", mm_tile_calls=mm_tile_calls, red_outer_calls=red_outer_calls)
    )
    blas_gemms = _count_blas(plans)
    ctx = dict(
        prefix=prefix,
        P=prefix.upper(),
        model=str(graph.name),
        real=c_type(dtype),
        dtype=dtype,
        blas_gemms=blas_gemms,
        plans=plans,
        fns=fns,
        layout=layout,
        info=info,
        INFO=INFO,
        ops=ops,
        render=lambda st: _render_step(ops, st),
        hessian_limit=MAX_HESSIAN_PARAMS,
        version=EMIT_VERSION,
        source=Path(graph.info.source).name,
    )
    ctx.update(runtime_name=RUNTIME_HEADER, runtime_include=RUNTIME_INCLUDE, runtime_id=_runtime()[1])
    c = env.get_template("model.c.j2").render(ctx)
    h = env.get_template("model.h.j2").render(ctx)
    cdef = env.get_template("cdef.h.j2").render(ctx)
    return KernelSource(prefix, dtype, c, h, cdef, layout, info, fns, blas_gemms)


def _check_int_range(layout: Layout, plans: dict) -> None:
    """EmitError unless every array extent and index the C computes in `int` (per-sample and
    parameter arrays, tile rows, widths) stays <= INT_LIMIT; the batch index itself is `long`."""
    worst = [
        ("parameter vector", layout.n_params),
        ("data row", layout.data_width),
        ("forward row", layout.out_width),
        ("Jacobian row block", layout.out_width * (layout.data_width + layout.n_params)),
    ]
    worst += [(f"'{f.name}'", f.size) for f in layout.params + layout.inputs + layout.outputs]
    for fn, p in plans.items():
        worst.append((f"{fn} workspace", p.work_size))
        worst += [(f"{fn} tile of data rows", p.T * b.stride) for b in p.inputs]
        for b in p.ws.bufs:
            worst.append((f"{fn} buffer {b.cname}", max(b.size, b.words, p.T * b.stride if b.tiled else 0)))
    what, n = max(worst, key=lambda x: x[1])
    if n > INT_LIMIT:
        raise EmitError(
            f"too large for the C backend: the {c_comment(what, 60)} has {n} entries, "
            f"above the {INT_LIMIT} its int indexes can address (use --backend numpy "
            f"or smaller shapes)"
        )


def _count_blas(plans: dict) -> int:
    n = 0
    for p in plans.values():
        for st in p.pre + p.tile + p.post:
            subs = st[1]["steps"] if isinstance(st, tuple) else [st]
            n += sum(1 for x in subs if x.data.get("blas"))
    return n


def _render_step(ops, st) -> str:
    return str(getattr(ops, st.kind)(st))
