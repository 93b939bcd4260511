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

A thin driver: planning (codegen.plan_layout, codegen.plan_functions, codegen.lower_batch,
codegen.scalar_block: data only) → the C backend (codegen.c_render, codegen.cprinter and
templates/: the only C text) → KernelSource.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from symbolic.graph import Graph

from .c_render import RUNTIME_HEADER, RUNTIME_INCLUDE, TEMPLATE_DIR, KernelSource, render, runtime_header
from .c_safe import CSafeError, c_comment, c_identifier
from .cprinter import c_type
from .plan_functions import FUNCTIONS, INT_LIMIT, TILE, FnPlan, count_blas, plan_all
from .plan_layout import EmitError, Field, Layout, make_layout, objective_split

__all__ = [
    "FUNCTIONS",
    "INFO",
    "INT_LIMIT",
    "RUNTIME_HEADER",
    "RUNTIME_INCLUDE",
    "TEMPLATE_DIR",
    "TILE",
    "EmitError",
    "Field",
    "FnPlan",
    "KernelSource",
    "Layout",
    "c_ident",
    "emit",
    "kernel_prefix",
    "make_layout",
    "objective_split",
    "plan_all",
    "runtime_header",
]

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
MAX_HESSIAN_PARAMS = 2000
EMIT_VERSION = "3"


def c_ident(name: str) -> str:
    """C prefix of a model name (see c_safe.c_identifier)."""
    return c_identifier(name)


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
    with _one_line_errors():
        layout, plans = plan_all(graph, dtype, what)
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
    blas_gemms = count_blas(plans)
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
        hessian_limit=MAX_HESSIAN_PARAMS,
        version=EMIT_VERSION,
        source=Path(graph.info.source).name,
    )
    with _one_line_errors():  # the printer meets unsafe names / non-finite constants here
        c, h, cdef = render(ctx, dtype)
    return KernelSource(prefix, dtype, c, h, cdef, layout, info, fns, blas_gemms)


@contextmanager
def _one_line_errors() -> Iterator[None]:
    """CSafeError (unsafe name, non-finite constant) and NotImplementedError (SymPy's C printer:
    a construct C cannot express) as a one-line EmitError."""
    try:
        yield
    except CSafeError as e:
        raise EmitError(str(e)) from None
    except NotImplementedError as e:
        raise EmitError(c_comment(str(e).splitlines()[0] if str(e) else type(e).__name__, 200)) from None


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
