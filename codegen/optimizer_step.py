"""Fused optimizer steps (module codegen.optimizer_step, so that the name `codegen.optimizer` stays
the function): `codegen.optimizer(kernel, "adam", lr=1e-3, ...)` → FusedOptimizer.

    opt = codegen.optimizer(kernel, "adam", lr=1e-3, beta2=0.99)
    loss = opt.step(theta, D)          # gradient (kernel.loss_and_grad_flat) + C update, θ in place
    opt.state["m"], opt.t              # flat state arrays (P,), steps taken

The update is not hand-written: the rule's SymPy assignments (symbolic.optim.full_program, the
same program the numpy Stepper lambdifies) are printed by the catalogue-aware C printer into
templates/optimizer.c.j2 as `sg_opt_step`, one loop over the P packed parameters (LAMB: two
passes per parameter tensor, the norms of its trust ratio first). Subexpressions that do not
depend on g, θ or the state (bias corrections 1 − β^t, η·λ, …) are hoisted out of the loop.
Hyperparameters are passed at run time, so one built module (build_module's content-hash cache)
serves every value of them; only the program's shape (rule, switches, decay form) and the dtype
select the module. A step allocates nothing: the gradient goes into a preallocated buffer and
the only Python arithmetic is the schedule's scalar η.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import sympy as sp

from symbolic.optim import OptimizerError, Settings, full_program, settings
from symbolic.optim.rules import TrustRatio, eta, g, k, lam, t, theta
from symbolic.optim.schedules import lr_at

from .c_render import jinja_env
from .cprinter import c_type, make_printer

__all__ = ["FusedOptimizer", "OptimizerSource", "optimizer", "optimizer_source"]

TEMPLATE = "optimizer.c.j2"
_PER_STEP = {eta: "sg_eta", t: "sg_t", k: "sg_k"}  # scalars the C function gets per call


@dataclass(frozen=True)
class OptimizerSource:
    """The emitted update: C text, cffi declaration, the state names (argument order) and the
    hyperparameter values in the order of the `hyper` array."""

    c: str
    cdef: str
    state: tuple[str, ...]
    hyper: tuple[float, ...]
    two_pass: bool
    n_kept: int


def _cname(sym: sp.Symbol) -> str:
    return _PER_STEP.get(sym, f"sg_{sym.name}")


def _hoist(expr: sp.Expr, vector: set[sp.Symbol], scalars: dict[sp.Expr, sp.Symbol]) -> sp.Expr:
    """`expr` with every maximal subexpression free of `vector` symbols (and not a bare number)
    replaced by a loop-invariant symbol sg_c<n> recorded in `scalars`."""
    if expr.is_Number:
        return expr
    if not (expr.free_symbols & vector) and not expr.has(TrustRatio):
        if expr not in scalars:
            scalars[expr] = sp.Symbol(f"sg_c{len(scalars)}", real=True)
        return scalars[expr]
    if not expr.args:
        return expr
    return expr.func(*(_hoist(a, vector, scalars) for a in expr.args))


def optimizer_source(st: Settings, dtype: str = "float64") -> OptimizerSource:
    """Print a checked optimizer setting's full program (decay composed in) as `sg_opt_step`."""
    rule = st.rule
    program = full_program(st)
    state_syms = [s.symbol for s in rule.state]
    assigned = {lhs for lhs, _ in program}
    vector = {g, theta, *state_syms, *assigned}
    hyper_syms = [h.symbol for h in rule.hypers if h.key not in ("lr", "weight_decay")] + [lam]
    hyper_vals = {h.symbol: st.values[h.key] for h in rule.hypers if h.key not in ("lr", "weight_decay")}
    hyper_vals[lam] = st.weight_decay
    used = set().union(*(rhs.free_symbols for _, rhs in program))
    hyper_syms = [h for h in hyper_syms if h in used]

    split = next((i for i, (_, rhs) in enumerate(program) if rhs.has(TrustRatio)), len(program))
    two_pass = split < len(program)
    trust = sp.Symbol("sg_trust", real=True)
    norm_args: tuple[sp.Expr, ...] = ()
    if two_pass:
        found = program[split][1].atoms(TrustRatio)
        if len(found) != 1:
            raise NotImplementedError(f"optimizer {rule.name}: one trust ratio per step is supported")
        tr = next(iter(found))
        norm_args = tr.args
        program = (*program[:split], *((lhs, rhs.xreplace({tr: trust})) for lhs, rhs in program[split:]))
        if any(rhs.has(TrustRatio) for _, rhs in program[split + 1 :]) or split == 0:
            raise NotImplementedError(f"optimizer {rule.name}: the trust ratio must follow the moments")
    vector.add(trust)

    scalars: dict[sp.Expr, sp.Symbol] = {}
    rename = {s: sp.Symbol(_cname(s), real=True) for s in vector | set(hyper_syms) | set(_PER_STEP) if s != trust}
    pr, pr64 = make_printer(dtype), make_printer("float64")

    def body(part) -> list[tuple[str, bool, str]]:
        """(C name, whether the assignment declares it, printed right-hand side) per
        assignment; the first assignment of an auxiliary (m̂, r, …) and the new θ declare."""
        lines: list[tuple[str, bool, str]] = []
        declared: set[sp.Symbol] = set()
        for lhs, rhs in part:
            text = pr.doprint(_hoist(rhs, vector, scalars).xreplace(rename))
            if lhs == theta:
                lines.append(("sg_theta_new", True, text))
            elif lhs == g or lhs in state_syms or lhs in declared:
                lines.append((_cname(lhs), False, text))
            else:
                declared.add(lhs)
                lines.append((_cname(lhs), True, text))
        return lines

    first = body(program[:split])
    second_syms = set().union(*(rhs.free_symbols for _, rhs in program[split:])) if two_pass else set()
    kept_syms = [s for s in (g, *state_syms, *[lhs for lhs, _ in program[:split]]) if s in second_syms and s != theta]
    kept_syms = list(dict.fromkeys(kept_syms))
    second: list[tuple[str, bool, str]] = []
    if two_pass:
        second = body(program[split:])
    if not two_pass and not any(lhs == theta for lhs, _ in program):
        first.append(("sg_theta_new", True, "sg_theta"))
    norm_text = tuple(pr.doprint(a.xreplace(rename)) for a in norm_args)
    scalar_lines = [(str(sym), pr64.doprint(expr.xreplace(rename))) for expr, sym in scalars.items()]
    ctx: dict[str, Any] = dict(
        real=c_type(dtype),
        title=f"{rule.name}: {rule.summary}",
        state=[s.name for s in rule.state],
        hypers=[(_cname(h), i) for i, h in enumerate(hyper_syms)],
        scalars=scalar_lines,
        two_pass=two_pass,
        first=first,
        second=second,
        kept=[(_cname(s), i) for i, s in enumerate(kept_syms)],
        norm_a=norm_text[0] if two_pass else "",
        norm_b=norm_text[1] if two_pass else "",
    )
    tpl = jinja_env().get_template(TEMPLATE)
    return OptimizerSource(
        c=tpl.render(ctx, part="c"),
        cdef=tpl.render(ctx, part="cdef"),
        state=tuple(s.name for s in rule.state),
        hyper=tuple(float(hyper_vals[h]) for h in hyper_syms),
        two_pass=two_pass,
        n_kept=len(kept_syms),
    )


def _settings(name: object, keys: Mapping[str, object]) -> Settings:
    if "type" in keys:
        raise ValueError("give the optimizer's name as the second argument, not as type=")
    try:
        st = settings({"type": name, **keys}, table="optimizer")
    except OptimizerError as e:
        raise ValueError(str(e)) from None
    if st.schedule_options.get("t_max", 0.0) is None:
        raise ValueError("schedule 'cosine' needs t_max (the number of steps) with codegen.optimizer")
    return st


class FusedOptimizer:
    """A kernel's loss + gradient and one optimizer's update, both in C, over the flat θ.
    `state`: dict of flat (P,) arrays of the kernel's dtype; `t`: steps taken."""

    def __init__(self, kernel: Any, name: str, **keys: object) -> None:
        if "loss_grad" not in getattr(kernel, "functions", ()):
            raise ValueError("optimizer: expected a codegen Kernel compiled with 'loss_grad'")
        self.kernel = kernel
        self.settings = _settings(name, keys)
        self.name = self.settings.name
        dtype = kernel.dtype.name
        self.source = optimizer_source(self.settings, dtype)
        from .build import build_module
        from .kernel import EXTRA_FLAGS

        mod = build_module(
            self.source.c,
            self.source.cdef,
            name_hint=f"opt_{self.name}_{dtype}",
            extra_compile_args=EXTRA_FLAGS,
        )
        self._ffi, self._fn = mod.ffi, mod.lib.sg_opt_step
        P = kernel.n_params
        self.t = 0
        self.state: dict[str, np.ndarray] = {s.name: np.full(P, s.init, kernel.dtype) for s in self.settings.rule.state}
        self._g = np.zeros(P, kernel.dtype)
        self._hyper = np.array(self.source.hyper + (0.0,), np.float64)
        self._work = np.zeros(max(self.source.n_kept, 1) * P, kernel.dtype)
        bounds = sorted({0, P, *(f.offset for f in kernel.layout.params)})
        self._seg = np.array(bounds, np.int64 if self._ffi.sizeof("long") == 8 else np.int32)
        ctype = "double *" if kernel.dtype == np.float64 else "float *"
        ptr = lambda a, ct=ctype: self._ffi.cast(ct, self._ffi.from_buffer(a))  # noqa: E731
        self._keep = (self._g, self._hyper, self._work, self._seg, *self.state.values())
        self._args_state = tuple(ptr(a) for a in self.state.values())
        self._pg = ptr(self._g)
        self._rest = (
            self._ffi.cast("double *", self._ffi.from_buffer(self._hyper)),
            self._ffi.cast("long *", self._ffi.from_buffer(self._seg)),
            len(bounds) - 1,
            ptr(self._work),
        )
        self._ctype = ctype
        self._lr0 = self.settings.values["lr"]
        self._sched = (self.settings.schedule, dict(self.settings.schedule_options))

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle as (kernel, settings table, t, state copies): the kernel travels as its recipe
        (codegen.kernel_pickle); the update C is printed again from the settings on load and
        taken from the module cache (or rebuilt), the state arrays copied back in."""
        state = {name: a.copy() for name, a in self.state.items()}
        return (_restore, (self.kernel, self.settings.as_dict(), self.t, state))

    def __repr__(self) -> str:
        return f"<FusedOptimizer {self.name} on {self.kernel.graph.name} ({self.kernel.n_params} params), t = {self.t}>"

    def lr(self) -> float:
        """η of the next step (the schedule at the steps taken so far)."""
        return lr_at(self._lr0, self._sched[0], self._sched[1], self.t)  # type: ignore[arg-type]

    def _theta(self, theta: object) -> np.ndarray:
        k = self.kernel
        if not isinstance(theta, np.ndarray):
            raise ValueError(f"theta: expected a numpy array of shape ({k.n_params},), given {type(theta).__name__}")
        if theta.shape != (k.n_params,):
            raise ValueError(f"theta: expected shape ({k.n_params},), given shape {theta.shape}")
        if theta.dtype != k.dtype:
            raise ValueError(f"theta: expected dtype {k.dtype.name}, given {theta.dtype}")
        if not theta.flags.c_contiguous:
            raise ValueError("theta: expected a C-contiguous array (use np.ascontiguousarray)")
        if not theta.flags.writeable:
            raise ValueError("theta: the parameters are updated in place but the array is read-only")
        if any(np.may_share_memory(theta, a) for a in self.state.values()):
            raise ValueError("theta shares memory with the optimizer state; give a separate array")
        return theta

    def step(self, theta: np.ndarray, D: np.ndarray) -> float:
        """One step on the mini-batch D: the loss at θ (before the update); θ and the state are
        updated in place and t advances."""
        th = self._theta(theta)
        loss, _ = self.kernel.loss_and_grad_flat(th, D, out=self._g)
        t1 = self.t + 1
        rc = self._fn(
            len(th),
            self._ffi.cast(self._ctype, self._ffi.from_buffer(th, require_writable=True)),
            self._pg,
            *self._args_state,
            self._rest[0],
            self.lr(),
            float(t1),
            *self._rest[1:],
        )
        if rc:  # pragma: no cover - the update has no failing status today
            raise ValueError(f"optimizer {self.name}: status {rc}")
        self.t = t1
        return float(loss)


def _restore(kernel: Any, table: Mapping[str, object], t: int, state: Mapping[str, np.ndarray]) -> FusedOptimizer:
    """A pickled FusedOptimizer back: the same settings over `kernel`, `t` steps taken, its state."""
    keys = {k: v for k, v in table.items() if k != "type"}
    opt = FusedOptimizer(kernel, str(table["type"]), **keys)
    opt.t = int(t)
    for name, a in state.items():
        opt.state[name][...] = a  # in place: the C arguments point at these arrays
    return opt


def optimizer(kernel: Any, name: str, **keys: object) -> FusedOptimizer:
    """A fused optimizer over `kernel`'s flat API: any name and key symbolic.optim accepts
    (hyperparameters, convention switches, weight decay, schedule). Bad settings: ValueError."""
    return FusedOptimizer(kernel, name, **keys)
