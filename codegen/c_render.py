"""The C backend: turns the plan (codegen.plan_functions, codegen.lower_batch) into C text.

With the C printer (codegen.cprinter) and the Jinja templates (templates/*.j2) this is the only
place that writes C: element references `name[s*stride + i*3 + j]`, the calls of the
register-blocked GEMM kernels (`sg_gemm`, `sg_gemm2`, `sg_gemm_dot`), elementwise bodies and
scalar runs printed from their SymPy expressions, the statements after the tiles, comments,
and the Jinja environment and runtime header the templates render with.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import jinja2
import sympy as sp

from .c_safe import c_comment, c_identifier, c_label
from .cprinter import SymgradCPrinter, make_printer
from .lower_batch import TILE_ROWS, BatchGuard, Buf, Gemm, GemmDot, Ref, Step, mm_tile_gemms, red_outer_gemms
from .plan_functions import Finish, FnPlan, Total
from .plan_layout import EmitError, Layout

_HERE = Path(__file__).resolve().parent
# source tree: <repo>/templates; installed wheel: codegen/templates (pyproject package-data)
TEMPLATE_DIR = next(
    (d for d in (_HERE.parent / "templates", _HERE / "templates") if (d / "model.c.j2").exists()),
    _HERE.parent / "templates",
)
RUNTIME_HEADER = "symgrad_runtime.h"  # file name of the shared runtime (templates/<name>.j2)
RUNTIME_INCLUDE = f'#include "{RUNTIME_HEADER}"'


# ---- element references ------------------------------------------------------------------------


def index_c(index: tuple[tuple[str, int], ...]) -> str:
    """C text of a flat index Σ var·stride (`i0*3 + i1`; `0` when empty)."""
    return " + ".join(v if s == 1 else f"{v}*{s}" for v, s in index) or "0"


def at(buf: Buf, idx: object) -> str:
    """C lvalue of element `idx` (C text) of `buf`; in the current sample's row when tiled."""
    i = str(idx)
    if buf.tiled:
        return f"{buf.cname}[s*{buf.stride} + {i}]" if i != "0" else f"{buf.cname}[s*{buf.stride}]"
    return f"{buf.cname}[{i}]"


def ref_c(r: Ref) -> str:
    """C lvalue of a planned element reference."""
    i = index_c(r.index)
    return at(r.buf, i) if r.row else f"{r.buf.cname}[{i}]"


def _lin(terms: list[tuple[str, int]]) -> str:
    parts = [(v if s == 1 else f"{v}*{s}") for v, s in terms if s]
    return " + ".join(parts) or "0"


def mm_elem(st: Step, which: str, u: str, v: str) -> str:
    """Element (u, v) of a matmul step's operand: 'a' (A'), 'b' (B') or 'o' (the output)."""
    buf = {"a": st.args[0], "b": st.args[1], "o": st.out}[which]
    assert buf is not None
    su, sv = st.data[which + "_strides"]
    return at(buf, _lin([(u, su), (v, sv)]))


# ---- GEMM calls ----------------------------------------------------------------------------------

_ACCUMULATE = MappingProxyType({"store": "0", "add": "1", "after_first_tile": "t0 > 0"})


def _dim(x: int | str) -> str:
    return "nt" if x == TILE_ROWS else str(x)


def gemm_c(g: Gemm | GemmDot) -> str:
    """The C call of one register-blocked kernel (templates/symgrad_runtime.h.j2)."""
    b = g.bias.cname if g.bias is not None else "0"
    add = _ACCUMULATE[g.accumulate]
    if isinstance(g, GemmDot):
        return f"sg_gemm_dot(nt, {g.n}, {g.k}, {g.W.cname}, {g.X.cname}, {g.ldx}, {g.C.cname}, {g.ldc}, {b}, {add});"
    p = g.prods[0]
    head = f"{_dim(g.m)}, {g.n}, {_dim(p.k)}, {p.A.cname}, {p.a_rs}, {p.a_cs}, {p.B.cname}, {p.ldb}"
    if len(g.prods) == 2:
        h = g.prods[1]
        return (
            f"sg_gemm2({head}, {_dim(h.k)}, {h.A.cname}, {h.a_rs}, {h.a_cs}, {h.B.cname}, {h.ldb}, "
            f"{g.C.cname}, {g.ldc}, {b}, {add});"
        )
    return f"sg_gemm({head}, {g.C.cname}, {g.ldc}, {b}, {add});"


def guard_c(g: BatchGuard) -> str:
    """The C condition of a batch-size guard."""
    return f"n >= {g.min_batch}" + (" && !sg_blas" if g.unless_blas else "")


# ---- comments, bodies ------------------------------------------------------------------------------


def comment(st: Step) -> str:
    """Comment text of a step (the templates pass it through the c_comment filter)."""
    g = st.data.get("guard")
    if isinstance(g, BatchGuard):
        return f"{st.comment} (used when {guard_c(g)})"
    parts = st.data.get("sum_of")
    if parts is not None:
        bias, texts = parts
        terms = ([bias] if bias else []) + [c_comment(t).split(" = ", 1)[1] for t in texts]
        return c_comment(st.comment) + "  [" + " + ".join(terms) + "]"
    return st.comment


@lru_cache(maxsize=4)
def _block_printer(dtype: str) -> SymgradCPrinter:
    """The C printer with terms in SymPy's canonical argument order (order="none"): the default
    re-sorts every sum and product for display, the largest part of printing time in long runs."""
    return SymgradCPrinter(dtype, settings={"order": "none"})


class Renderer:
    """Step → C text helpers bound to one dtype; the templates call them."""

    def __init__(self, dtype: str):
        self.dtype = dtype
        self.pr = make_printer(dtype)

    def ew(self, st: Step) -> dict[str, Any]:
        """Loops, loads, CSE lines, result and store of an elementwise step as C text."""
        d = st.data
        loops = [(v, f"nt*{n}" if d["per_tile"] else str(n)) for v, n in d["loops"]]
        return dict(
            loops=loops,
            loads=[(v, ref_c(r)) for v, r in d["loads"]],
            lines=[(str(v), self.pr.doprint(x)) for v, x in d["lines"]],
            result=self.pr.doprint(d["result"]),
            store=ref_c(d["store"]),
        )

    def scalar_block(self, st: Step) -> list[tuple[str, str, str]]:
        """Statements of a scalar run: ("let", local, C expr), ("store"|"acc", lvalue, local)."""
        pr = _block_printer(self.dtype)
        out = []
        for op, x, y in st.data["block"].body():
            if op == "let":
                out.append((op, x, ref_c(y) if isinstance(y, Ref) else pr.doprint(y) if isinstance(y, sp.Basic) else y))
            else:
                out.append((op, ref_c(x) if isinstance(x, Ref) else x, y))
        return out


def mm_tile_calls(st: Step, big: bool) -> list[str]:
    """C calls of an mm_tile step (with big: the n >= BIG_BATCH variant using Wᵀ copies)."""
    return [gemm_c(g) for g in mm_tile_gemms(st, big)]


def red_outer_calls(st: Step) -> list[str]:
    """C calls of a red_outer step (Σ_pairs Aᵀ B over the tile)."""
    return [gemm_c(g) for g in red_outer_gemms(st)]


def _total_c(t: Total | None, k: str) -> str | None:
    if t is None:
        return None
    return f"nf[0]*{t.buf.cname}[{k}]" if t.times_n else f"{t.buf.cname}[{k}]"


def final_lines(plan: FnPlan) -> list[str]:
    """C statements after the tiles: the loss, in-place scaling of aliased slices, slice writes."""
    fin: Finish | None = plan.final
    if fin is None:
        return []
    lines = [f"const sg_real scale = {'1 / (sg_real)n' if fin.mean else '1'};"]
    v, o = _total_c(fin.loss, "0"), _total_c(fin.loss_once, "0")
    lines.append(f"*loss = scale * ({v})" + (f" + {o};" if o else ";"))
    if fin.rescale and fin.mean:
        lines.append("if (scale != 1) {")
        for b, f in fin.rescale:
            lines.append(
                f"    for (int k = 0; k < {f.size}; ++k) {b.cname}[k] *= scale;  /* {b.dst}: {c_comment(f.name)} */"
            )
        lines.append("}")
    for dst, f, tv, to in fin.writes:
        v, o = _total_c(tv, "k"), _total_c(to, "k")
        expr = " + ".join(x for x in ((f"scale * ({v})" if v else None), o) if x) or "0"
        lines.append(f"for (int k = 0; k < {f.size}; ++k) {dst}[{f.offset} + k] = {expr};  /* {c_comment(f.name)} */")
    return lines


# ---- templates, runtime ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def jinja_env() -> jinja2.Environment:
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


@lru_cache(maxsize=1)
def runtime() -> tuple[str, str]:
    """(text, id) of the runtime header. The id is the first 8 hex digits of the sha256 of the
    header rendered with id "0": kernel files #error out when given a header of another version."""
    tpl = jinja_env().get_template(f"{RUNTIME_HEADER}.j2")
    probe = tpl.render(runtime_id="0")
    rid = hashlib.sha256(probe.encode("utf-8")).hexdigest()[:8]
    return tpl.render(runtime_id=rid), rid


def runtime_header() -> str:
    """The C runtime every kernel file includes as symgrad_runtime.h: status codes, stable
    elementwise helpers, finiteness check, tile GEMM kernels, optional CBLAS hook. The same text
    for every model and dtype (SG_REAL_BITS, set by the including file, picks sg_real)."""
    return runtime()[0]


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


def render(ctx: dict[str, Any], dtype: str) -> tuple[str, str, str]:
    """(.c, .h, cffi cdef) text of the planned functions; `ctx` holds the driver's template
    variables (prefix, plans, layout, info, ...)."""
    env = jinja_env()
    r = Renderer(dtype)
    ops = env.get_template("ops.c.j2").make_module(
        dict(
            f="f" if dtype == "float32" else "",
            mm_tile_calls=mm_tile_calls,
            red_outer_calls=red_outer_calls,
            at=at,
            mm=mm_elem,
            ew_c=r.ew,
            block_c=r.scalar_block,
            comment=comment,
            guard_c=guard_c,
        )
    )
    ctx = dict(
        ctx,
        ops=ops,
        render=lambda st: str(getattr(ops, st.kind)(st)),
        at=at,
        final_lines=final_lines,
        runtime_name=RUNTIME_HEADER,
        runtime_include=RUNTIME_INCLUDE,
        runtime_id=runtime()[1],
    )
    c = env.get_template("model.c.j2").render(ctx)
    h = env.get_template("model.h.j2").render(ctx)
    cdef = env.get_template("cdef.h.j2").render(ctx)
    return c, h, cdef
