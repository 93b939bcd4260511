"""The `symgrad` command line: derive, eval, demo (+ generate, check, verify when available).

Every user error becomes one line on stderr naming the file, line or name at fault, exit code 2.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any, NoReturn

import numpy as np

from codegen.cli_errors import CliError
from symbolic.messages import quoted_names

EXIT_USAGE = 2
EXIT_INTERNAL = 3


def _user_errors():
    from codegen.build import BuildError
    from codegen.kernel import KernelError
    from symbolic.claims import ClaimsError
    from symbolic.dataset import DatasetError
    from symbolic.evaluate import EvaluationError
    from symbolic.graph import GraphError
    from symbolic.init import InitError
    from symbolic.parser import ParseError
    from symbolic.spec import SpecError

    return (
        CliError, SpecError, GraphError, ParseError, EvaluationError, ClaimsError, BuildError, KernelError,
        DatasetError, InitError,
    )  # fmt: skip


def _load(path: str):
    from symbolic.bundled import load_graph

    return load_graph(path)


def _read_json(path: str, what: str) -> dict:
    from symbolic.bundled import resolve
    from symbolic.textfile import read_user_text

    path = str(resolve(path, "json"))
    text = read_user_text(path, what, CliError)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise CliError(f"{path}:{e.lineno}: invalid JSON ({e.msg})") from None
    except RecursionError:
        raise CliError(f"{path}: JSON nested too deeply") from None
    if not isinstance(data, dict):
        raise CliError(f"{path}: {what} must be a JSON object keyed by names")
    return data


def _values_from(graph, path: str | None, what: str) -> dict:
    from symbolic.spec import coerce_value

    values = dict(graph.values)
    if path:
        leaves = graph.leaves()
        for k, v in _read_json(path, what).items():
            if k not in leaves:
                raise CliError(f"{path}: '{k}' is not an input or parameter of {graph.name}")
            values[k] = coerce_value(v, leaves[k], k, lambda m: CliError(f"{path}: {m}"))
    return values


def _tolist(v):
    a = np.asarray(v, dtype=float)
    return float(a) if a.shape == () else a.tolist()


# ---- commands -------------------------------------------------------------------------------


def _check_standalone(args) -> None:
    if args.standalone and args.format != "latex":
        raise CliError("--standalone needs --format latex")


def cmd_derive(args) -> int:
    from symbolic.printing import derive_report

    _check_standalone(args)
    g = _load(args.spec)
    wrt = [w.strip() for w in args.wrt.split(",") if w.strip()] if args.wrt else None
    print(
        derive_report(
            g,
            what=args.what,
            wrt=wrt,
            fmt=args.format,
            closed_form=args.closed_form,
            table=args.table,
            standalone=args.standalone,
        ),
        end="",
    )
    return 0


def point_result(g, values, direction=None, hessian=False, backend="numpy") -> dict:
    """The `eval --json` object (the CLI contract)."""
    from symbolic.point import evaluate_point

    res = evaluate_point(g, values, direction=direction, hessian=hessian)
    out: dict[str, Any] = {
        "objective": res.objective,
        "values": {k: _tolist(v) for k, v in res.values.items()},
        "grad": {k: _tolist(v) for k, v in res.grad.items()},
        "adjoints": {k: _tolist(v) for k, v in res.adjoints.items()},
    }
    if backend == "c":
        from codegen.kernel_cli import kernel_point

        kp = kernel_point(g, values, direction=direction, hessian=hessian)
        out["objective"] = float(kp["objective"])
        out["grad"] = {k: _tolist(v) for k, v in kp["grad"].items()}
        if direction is not None:
            out["hvp"] = {k: _tolist(v) for k, v in kp["hvp"].items()}
        if hessian:
            order, H = kp["hessian"]
            out["hessian"] = {"order": list(order), "matrix": np.asarray(H).tolist()}
    else:
        if res.hvp is not None:
            out["hvp"] = {k: _tolist(v) for k, v in res.hvp.items()}
    if direction is not None and "hvp" in out:
        out["uHu"] = float(sum(np.sum(np.asarray(direction.get(p, 0.0)) * np.asarray(out["hvp"][p])) for p in g.params))
    if hessian and "hessian" not in out and res.hessian is not None:
        out["hessian"] = {"order": res.hessian[0], "matrix": res.hessian[1].tolist()}
    if g.info.optimizer is not None:
        from symbolic.optim import step

        params = {p: values[p] for p in g.params}
        out["update"] = {
            k: _tolist(v)
            for k, v in step(
                g.info.optimizer_table(), params, {k: np.asarray(v) for k, v in out["grad"].items()}
            ).items()
        }
    out["backend"] = backend
    return out


def _default_backend(g) -> str:
    """numpy for a one-off answer, unless this model's compiled kernel is already in the cache
    (building C costs seconds; a cached kernel answers in microseconds)."""
    from codegen.kernel_cli import kernel_cached

    return "c" if kernel_cached(g) else "numpy"


def _warn_on_kink(g, values) -> None:
    """Say on stderr when the point sits exactly on a kink: the derivative there is a policy."""
    from symbolic.evaluate import run_numeric
    from symbolic.kinks import POLICY_TEXT, kinks_at
    from symbolic.point import check_values, derivation

    program = derivation(g).program
    where = kinks_at(program, run_numeric(program, check_values(g, values)))
    if where:
        print(
            f"symgrad: warning: the point sits on a kink ({', '.join(where[:4])}"
            f"{', …' if len(where) > 4 else ''}); derivatives there follow the policy: {POLICY_TEXT}",
            file=sys.stderr,
        )


def _start_values(g, args) -> dict:
    """[values] overridden by --at, parameters still missing drawn by --init (seeded by --seed);
    without --init (or, without --data, an input) a missing value is a one-line error."""
    values = _values_from(g, args.at, "values")
    if args.init is not None:
        from symbolic.init import init_params, parse_init

        values.update(init_params(g, [p for p in g.params if p not in values], parse_init(args.init), args.seed))
    needed = g.params if args.data else g.leaves()
    missing = [n for n in needed if n not in values]
    if missing:
        src = args.at or f"{args.spec} [values]"
        raise CliError(f"{src}: no value for {quoted_names(missing)} (give them with --at VALUES.json or --init)")
    return values


def _direction_from(g, path: str | None) -> dict | None:
    if not path:
        return None
    from symbolic.spec import coerce_value

    direction = {}
    for k, v in _read_json(path, "direction").items():
        if k not in g.params:
            raise CliError(f"{path}: '{k}' is not a parameter of {g.name}")
        direction[k] = coerce_value(v, g.params[k], k, lambda m: CliError(f"{path}: {m}"))
    return direction


def _kernel_dataset(g, params: dict, data: dict, direction: dict | None) -> tuple[float, dict, dict | None]:
    """(J, ∇J, H·u or None) over the whole dataset through the compiled kernel's batched flat API."""
    from codegen.emit import FUNCTIONS, EmitError
    from codegen.kernel import compile as kcompile
    from codegen.kernel import kernel_cached
    from codegen.kernel_cli import EVAL_FUNCTIONS

    try:
        k = kcompile(g, what=FUNCTIONS if kernel_cached(g) else EVAL_FUNCTIONS)
    except EmitError as e:
        raise CliError(f"{g.name}: {e}") from None
    theta, D = k.pack(params), k.pack_data(data)
    if direction is None:
        loss, grad = k.loss_and_grad_flat(theta, D)
        return float(loss), k.unpack(grad), None
    loss, grad, hv = k.hvp_flat(theta, D, k._dir(direction))
    return float(loss), k.unpack(grad), k.unpack(hv)


def data_result(g, values: dict, data: dict, direction=None, backend="numpy") -> dict:
    """The `eval --data --json` object: objective, grad (and hvp, uHu) over the whole dataset with
    the spec's reduction (the penalty added once), samples, reduction, backend (and update)."""
    params = {p: np.asarray(values[p], dtype=float) for p in g.params}
    if backend == "c":
        objective, grad, hvp = _kernel_dataset(g, params, data, direction)
    else:
        from symbolic.dataset import dataset_point, objective_split

        r = dataset_point(g, params, data, *objective_split(g), direction=direction)
        objective, grad, hvp = r.objective, r.grad, r.hvp
    out: dict[str, Any] = {"objective": objective, "grad": {k: _tolist(v) for k, v in grad.items()}}
    if hvp is not None and direction is not None:
        out["hvp"] = {k: _tolist(v) for k, v in hvp.items()}
        out["uHu"] = float(sum(np.sum(np.asarray(direction.get(p, 0.0)) * hvp[p]) for p in g.params))
    if g.info.optimizer is not None:
        from symbolic.optim import step

        new = step(g.info.optimizer_table(), params, {k: np.asarray(v) for k, v in grad.items()})
        out["update"] = {k: _tolist(v) for k, v in new.items()}
    out["samples"] = len(next(iter(data.values())))
    out["reduction"] = g.info.reduction
    out["backend"] = backend
    return out


def cmd_eval(args) -> int:
    g = _load(args.spec)
    values = _start_values(g, args)
    direction = _direction_from(g, args.direction)
    backend = args.backend or _default_backend(g)
    if args.data:
        if args.hessian:
            raise CliError("--hessian is per sample; with --data use --direction U.json for H·u")
        out = data_result(g, values, read_data(args, g), direction, backend)
    else:
        out = point_result(g, values, direction, args.hessian, backend)
        _warn_on_kink(g, values)
    if args.init is not None:
        out["init"] = {p: _tolist(values[p]) for p in g.params}
    if args.json:
        print(json.dumps(out, allow_nan=True))
        return 0
    from symbolic.tables import fmt_value

    over = f" over {out['samples']} samples ({out['reduction']})" if "samples" in out else ""
    print(f"{g.name}: {g.objective} = {fmt_value(out['objective'])}{over}   (backend: {backend})")
    for title, key in (
        ("values", "values"),
        ("gradient", "grad"),
        (f"adjoints ∂{g.objective}/∂·", "adjoints"),
        ("Hessian-vector product", "hvp"),
        ("after one optimizer step", "update"),
    ):
        if key in out:
            print(f"\n{title}")
            for k, v in out[key].items():
                print(f"  {k} = {fmt_value(v)}")
    if "hessian" in out:
        print("\nHessian (order: " + ", ".join(out["hessian"]["order"]) + ")")
        print(np.array2string(np.array(out["hessian"]["matrix"]), precision=6, suppress_small=True))
    return 0


DEMO_SPEC = """\
# The seeds' three-layer network (seed 001, Worked Example II): ReLU → tanh → sigmoid, ½ squared loss.
[model]
name = "relu_tanh_sigmoid"
inputs = ["x", "y"]
params = ["w1", "b1", "w2", "b2", "w3", "b3"]
objective = "L"
outputs = ["yhat"]

[forward]
z1 = "w1*x + b1"
a1 = "relu(z1)"
z2 = "w2*a1 + b2"
a2 = "tanh(z2)"
z3 = "w3*a2 + b3"
yhat = "sigmoid(z3)"
L = "0.5*(y - yhat)**2"

[values]
x = 2
y = 1
w1 = 1.5
b1 = -1
w2 = 0.5
b2 = 0.1
w3 = 2
b3 = -0.3
"""


def cmd_demo(args) -> int:
    from symbolic.printing import derive_report
    from symbolic.spec import parse_spec
    from symbolic.tables import fmt_value

    g = parse_spec(DEMO_SPEC, "<demo>")
    print("symgrad demo — the seeds' ReLU → tanh → sigmoid network (seed 001, Worked Example II)\n")
    print(derive_report(g, what="grad", closed_form=True, table=True))
    out = point_result(g, g.values, backend="numpy")
    print(f"At the worked example's point: {g.objective} = {fmt_value(out['objective'])}")
    print("  gradient: " + ", ".join(f"{k} = {fmt_value(v)}" for k, v in out["grad"].items()))
    from codegen.kernel_cli import demo_kernels

    return demo_kernels(g)


def cmd_verify(args) -> int:
    from symbolic.claims import load_claims
    from symbolic.verify import verify
    from symbolic.verify_report import render

    _check_standalone(args)
    g = _load(args.spec)
    results = None
    if args.claims:
        from symbolic.bundled import resolve

        claims = load_claims(resolve(args.claims, "claims"))
        if args.data:
            from symbolic.verify_data import verify_dataset

            if args.table:
                raise CliError("--table shows one point; with --data, claim `sample = i` rows instead")
            results = verify_dataset(g, claims, read_data(args, g), probes=args.probes)
        else:
            results = verify(g, claims, probes=args.probes)
        if claims.at:
            from symbolic.spec import coerce_value

            g.values = {**g.values, **{k: coerce_value(v, g.leaves()[k], k, CliError) for k, v in claims.at.items()}}
    elif args.data:
        raise CliError("--data is for claims about a dataset: give --claims CLAIMS.toml")
    elif not args.table:
        raise CliError("verify needs --claims CLAIMS.toml (and/or --table)")
    if args.json and args.table:
        raise CliError("--json prints the verdicts only; drop --table (or --json)")
    parts = []
    if args.table:
        parts.append(_marked_table(g, results or [], args))
    if results is None:
        print(_document(parts, args), end="")
        return 0
    if args.json:
        print(json.dumps([r.as_json() for r in results]))
        return 0 if all(r.ok for r in results) else 1
    parts.append(render(results, args.format))
    print(_document(parts, args), end="")
    return 0 if all(r.ok for r in results) else 1


def _marked_table(g, results, args) -> str:
    """The step table at the claims' point, rows the claims judge marked with their verdict."""
    from symbolic.point import derivation, evaluate_point
    from symbolic.tables import step_table, table_latex, table_markdown, table_text

    missing = [n for n in g.leaves() if n not in g.values]
    if missing:
        raise CliError(f"{args.spec}: --table needs values for {', '.join(repr(m) for m in missing)}")
    rows = step_table(g, derivation(g), evaluate_point(g, g.values).env)
    marks = {}
    for r in results:
        for row in rows:
            if row.key and row.key in r.row_keys:
                marks[row.step] = _MARKS.get(r.verdict) or f"✗ claimed {r.claimed_text or _fmt_claim(r.claimed)}"
    render_table = {"markdown": table_markdown, "latex": table_latex}.get(args.format, table_text)
    return render_table(rows, marks).rstrip("\n") + "\n"


def _document(parts: list[str], args) -> str:
    """The verify printout: table and verdicts, one LaTeX document with --standalone."""
    body = "\n".join(parts)
    if args.standalone:
        from symbolic.latex_doc import standalone_document

        return standalone_document(body, f"symgrad verify {Path(args.spec).name}")
    return body


def _set_value(text: str) -> object:
    """A `--set key=value` value: true/false, a number, or a word (decay, schedule, step_index)."""
    low = text.strip().lower()
    if low in ("true", "false"):
        return low == "true"
    try:
        f = float(text)
    except ValueError:
        return text.strip()
    return int(f) if f.is_integer() and "." not in text and "e" not in low else f


def _set_items(args) -> dict[str, object]:
    """The `--set key=value …` pairs as a dict (values by _set_value); one-line CliError on bad ones."""
    out: dict[str, object] = {}
    for item in args.set or ():
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise CliError(f"--set expects key=value, given {item!r}")
        if key.strip() == "type":
            raise CliError("--set type=… : choose the optimizer with --optimizer NAME")
        out[key.strip()] = _set_value(value)
    return out


def _optimizer_settings(args, cfg: dict[str, object]):
    """--optimizer NAME and --set key=value … over the spec's [optimizer] table → checked Settings."""
    from symbolic.optim import OptimizerError, resolve_name, settings

    try:
        if args.optimizer is not None:
            if cfg and resolve_name(cfg["type"]) is not resolve_name(args.optimizer):
                cfg = {}  # the spec's table is for another optimizer: start from the defaults
            cfg["type"] = args.optimizer
        elif not cfg:
            raise CliError(f"{args.spec}: no [optimizer] table; give --optimizer NAME")
        cfg.update(_set_items(args))
        return settings(cfg, "--set" if args.set else "[optimizer]")
    except OptimizerError as e:
        raise CliError(str(e)) from None


def cmd_step(args) -> int:
    from symbolic.optim.run import run, run_json, run_text

    g = _load(args.spec)
    cfg: dict[str, object] = g.info.optimizer_table() if g.info.optimizer is not None else {}
    if args.optimizer == "newton-cg":
        return _step_newton(g, args)
    if args.backend:
        raise CliError("--backend applies to --optimizer newton-cg (first-order steps run on numpy)")
    st = _optimizer_settings(args, cfg)
    values = _start_values(g, args)
    evaluate = None
    if args.data:  # full-batch steps: the whole-set objective (numpy), penalty once
        from symbolic.dataset import dataset_point, objective_split

        data, split = read_data(args, g), objective_split(g)
        evaluate = lambda point: dataset_point(g, point, data, *split)  # noqa: E731
    result = run(g, values, st, args.steps, evaluate=evaluate)
    if args.json:
        print(json.dumps(run_json(result), allow_nan=True))
    else:
        print(run_text(result, g.objective), end="")
    return 0


def _step_newton(g, args) -> int:
    """`step --optimizer newton-cg`: CG on H·u and Armijo backtracking (symbolic.optim.newton_cg)."""
    from symbolic.optim import OptimizerError
    from symbolic.optim.newton_cg import (
        flat_oracle,
        newton_cg,
        newton_json,
        newton_settings,
        newton_text,
        point_evaluator,
    )

    cfg: dict[str, object] = {"type": "newton-cg", **_set_items(args)}
    try:
        st = newton_settings(cfg, "--set")
    except OptimizerError as e:
        raise CliError(str(e)) from None
    values = _start_values(g, args)
    data, split = None, None
    if args.data:  # full batch: the whole-set objective, penalty once
        from symbolic.dataset import objective_split

        data, split = read_data(args, g), objective_split(g)
    loss_grad, hvp, theta0, unpack = flat_oracle(g.params, values, point_evaluator(g, data, split))
    if (args.backend or _default_backend(g)) == "c":  # H·u by the compiled kernel (Kernel.hvp_flat)
        from codegen.emit import EmitError
        from codegen.kernel import compile as kcompile
        from codegen.kernel_cli import eval_functions
        from symbolic.optim.newton_cg import kernel_oracle

        try:
            k = kcompile(g, what=eval_functions(g, hessian=False))
        except EmitError as e:
            raise CliError(f"{g.name}: {e}") from None
        D = k.pack_data(data if data is not None else {x: values[x] for x in g.inputs})
        loss_grad, hvp = kernel_oracle(k, D)
        theta0, unpack = k.pack({p: values[p] for p in g.params}), k.unpack
    result = newton_cg(loss_grad, hvp, theta0, st, args.steps)
    params = unpack(result.theta)
    print(
        json.dumps(newton_json(result, params), allow_nan=True)
        if args.json
        else newton_text(result, params, g.objective),
        end="\n" if args.json else "",
    )
    return 0


def cmd_train(args) -> int:
    """Mini-batch training (codegen.train): progress, summary, --out JSON, --plot PNG; Ctrl-C saves."""
    from codegen.train import default_backend, params_json, plot_losses, train
    from symbolic.dataset import n_samples, sample_count_text

    if args.plot:
        try:
            import matplotlib  # noqa: F401
        except ImportError:
            raise CliError("--plot needs matplotlib: pip install 'symgrad[plot]'") from None
    if args.optimizer == "newton-cg":
        if not args.scheduler:
            raise CliError(
                "newton-cg is a full-batch method (symgrad step --data, or train --scheduler ADDRESS "
                "on a Dask cluster); train takes first-order optimizers"
            )
        return _train_newton_cluster(args)
    if args.scheduler:
        raise CliError("--scheduler applies to --optimizer newton-cg (first-order training runs in this process)")
    g = _load(args.spec)
    st = _optimizer_settings(args, g.info.optimizer_table() if g.info.optimizer is not None else {})
    values = _start_values(g, args)
    data = read_data(args, g)  # a path, or a bundled file's name
    n = n_samples(data)
    batch = min(args.batch, n)
    backend = args.backend or default_backend()
    how = {"c": "compiled fused C step", "numpy": "numpy step" + ("" if args.backend else ": no C compiler found")}
    bar = None
    if not args.quiet and sys.stdout.isatty() and args.epochs > 0:
        from tqdm import tqdm

        bar = tqdm(total=args.epochs * -(-n // batch), unit="step", desc=f"train {st.name}", leave=True)
    running: list[float] = []

    def on_step(step: int, loss: float) -> None:
        running.append(loss)
        if bar is not None:
            bar.update(1)
            bar.set_postfix(loss=f"{np.mean(running[-50:]):.6g}", refresh=False)

    def on_epoch(epoch: int, loss: float) -> None:
        if bar is None and not args.quiet:
            print(f"epoch {epoch}/{args.epochs}  loss {loss:.10g}", flush=True)

    if not args.quiet:
        print(
            f"training {g.name}: {st.name}, {sample_count_text(n)}, batch {batch}, backend {backend} ({how[backend]})"
        )
    try:
        result = train(g, values, data, st, args.epochs, batch, args.seed, backend, on_step, on_epoch)
    finally:
        if bar is not None:
            bar.close()
    if args.out:
        try:
            Path(args.out).write_text(json.dumps(params_json(result.params), indent=1) + "\n")
        except OSError as e:
            raise CliError(f"{args.out}: cannot write ({e.strerror})") from None
    if args.plot and result.steps:
        try:
            plot_losses(result, args.plot, f"{g.name}: {st.name}, batch {batch}")
        except OSError as e:
            raise CliError(f"{args.plot}: cannot write ({e.strerror})") from None
    if result.interrupted:
        saved = f"; wrote the last good parameters to {args.out}" if args.out else " (no --out: nothing saved)"
        print(f"interrupted after {result.steps} steps{saved}", file=sys.stderr)
        return 130
    if args.epochs == 0:
        print(f"0 epochs: the initial parameters{f' written to {args.out}' if args.out else ''}")
        return 0
    first, last = result.step_losses[0], result.epoch_losses[-1]
    print(
        f"done: {args.epochs} epochs, {result.steps} steps; loss {first:.10g} (first step) → {last:.10g} "
        f"(last epoch mean){f'; wrote {args.out}' if args.out else ''}{f', {args.plot}' if args.plot else ''}"
    )
    return 0


def _train_newton_cluster(args) -> int:
    """`train --optimizer newton-cg --scheduler ADDRESS`: full-batch Newton-CG whose objective,
    gradient and H·u run on a Dask cluster (codegen.train_cluster); --epochs counts Newton
    steps, --batch is the number of samples per chunk on the workers."""
    from codegen.emit import EmitError
    from codegen.train import params_json
    from codegen.train_cluster import ClusterError, connect, newton_cg_cluster
    from symbolic.dataset import n_samples, sample_count_text
    from symbolic.optim import OptimizerError
    from symbolic.optim.newton_cg import newton_settings, newton_text

    if args.plot:
        raise CliError("--plot applies to first-order training (newton-cg prints its step table)")
    try:
        st = newton_settings({"type": "newton-cg", **_set_items(args)}, "--set")
    except OptimizerError as e:
        raise CliError(str(e)) from None
    g = _load(args.spec)
    values = _start_values(g, args)
    data = read_data(args, g)
    n = n_samples(data)
    try:
        client = connect(args.scheduler)
    except ClusterError as e:
        raise CliError(str(e)) from None
    with client:
        if not args.quiet:
            print(f"training {g.name}: newton-cg, {sample_count_text(n)} in chunks of {min(args.batch, n)} "
                  f"on the Dask cluster at {args.scheduler}", flush=True)  # fmt: skip
        try:
            result, params = newton_cg_cluster(g, values, data, st, args.epochs, client, args.batch)
        except EmitError as e:
            raise CliError(f"{g.name}: {e}") from None
    if not args.quiet:
        print(newton_text(result, params, g.objective), end="")
    if args.out:
        try:
            Path(args.out).write_text(json.dumps(params_json(params), indent=1) + "\n")
        except OSError as e:
            raise CliError(f"{args.out}: cannot write ({e.strerror})") from None
    print(
        f"done: {args.epochs} newton-cg steps on the cluster; {g.objective} = {result.final_objective:.10g}"
        f"{f'; wrote {args.out}' if args.out else ''}"
    )
    return 0


def cmd_curvature(args) -> int:
    """uᵀHu probes, Hessian eigenvalues, seed 001 Table 5.1 classification, GD bound η < 2/λ_max."""
    from symbolic.curvature import CurvatureError, report
    from symbolic.optim.newton_cg import flat_oracle, point_evaluator
    from symbolic.tables import fmt_value

    if not 0 <= args.tol < float("inf"):
        raise CliError(f"--tol must be a number ≥ 0, given {args.tol}")
    g = _load(args.spec)
    values = _start_values(g, args)
    data, split = None, None
    if args.data:  # the whole-set objective, penalty once
        from symbolic.dataset import objective_split

        data, split = read_data(args, g), objective_split(g)
    loss_grad, hvp, theta, _ = flat_oracle(g.params, values, point_evaluator(g, data, split))
    f, grad = loss_grad(theta)
    dirs = [_direction_from(g, d) for d in args.direction or ()]
    flat = [np.concatenate([np.ravel(np.asarray(d.get(p, np.zeros(s)), dtype=float)) for p, s in g.params.items()])
            for d in dirs if d is not None]  # fmt: skip
    try:
        rep = report(grad, lambda u: hvp(theta, u), flat, args.probes or 0, args.seed, args.tol, args.tol)
    except CurvatureError as e:
        raise CliError(f"{g.name}: {e}") from None
    from symbolic.graph import flat_names

    names = [lbl for p, s in g.params.items() for lbl in flat_names(p, s)]
    out = {"objective": f, **rep.as_json(names)}
    if args.json:
        print(json.dumps(out, allow_nan=True))
        return 0
    print(f"{g.name}: {g.objective} = {fmt_value(f)}, ‖∇‖ = {fmt_value(rep.grad_norm)}")
    for i, (_, c) in enumerate(rep.probes):
        print(f"  uᵀHu along {'direction ' + str(i + 1) if i < len(flat) else 'a random unit u'}: {fmt_value(c)}")
    if rep.eigenvalues is not None:
        print("Hessian eigenvalues: " + ", ".join(fmt_value(float(v)) for v in rep.eigenvalues))
        print(f"stationary point (seed 001 Table 5.1, tol {args.tol:g}): {rep.classification}")
        if out["gd_lr_bound"] is not None:
            print(f"gradient descent is stable here for η < 2/λ_max = {fmt_value(out['gd_lr_bound'])}")
        else:
            print("λ_max ≤ 0: no curvature bound on the GD step here")
    return 0


def cmd_examples(args) -> int:
    from symbolic.bundled import bundled_examples, copy_examples

    if args.copy:
        written = copy_examples(args.copy, overwrite=args.force)
        print(f"wrote {len(written)} files to {args.copy}")
        return 0
    titles = {
        "spec": "Specs (symgrad derive|eval|generate|check NAME)",
        "claims": "Claims files (symgrad verify SPEC --claims NAME)",
        "json": "Values and directions (--at NAME / --direction NAME)",
        "data": "Datasets (eval|step|train|verify SPEC --data NAME)",
        "notebook": "Notebooks (symgrad examples --copy DIR, then open DIR/NAME in Jupyter)",
    }
    shown = None
    for ex in bundled_examples():
        if ex.kind != shown:
            print(("" if shown is None else "\n") + titles[ex.kind])
            shown = ex.kind
        print(f"  {ex.name:38s} {ex.summary}".rstrip())
    return 0


def count_type(limit: int, lowest: int = 1):
    """argparse type: a whole number in [lowest, limit] (anything else is a one-line usage error, exit 2)."""

    def parse(text: str) -> int:
        try:
            n = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"expected a whole number from {lowest} to {limit}, given {text!r}"
            ) from None
        if not lowest <= n <= limit:
            raise argparse.ArgumentTypeError(f"expected a whole number from {lowest} to {limit}, given {text!r}")
        return n

    return parse


def seed_type(text: str) -> int:
    """argparse type: a random seed, 0 .. 2**63 - 1."""
    try:
        n = int(text, 10)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, given {text!r}") from None
    if not 0 <= n < 2**63:
        raise argparse.ArgumentTypeError(f"expected a whole number from 0 to 2**63 - 1, given {text!r}")
    return n


def init_type(text: str) -> str:
    """argparse type: an --init scheme (checked here so a typo is a usage error naming --init)."""
    from symbolic.init import InitError, parse_init

    try:
        parse_init(text)
    except InitError as e:
        raise argparse.ArgumentTypeError(str(e).replace("--init ", "")) from None
    return text


def read_data(args, g):
    """The --data file (a path, or a bundled data file's name) read for the model's data inputs."""
    from symbolic.bundled import resolve
    from symbolic.dataset import load_dataset

    return load_dataset(resolve(args.data, "data"), g)


def add_data_flags(p: argparse.ArgumentParser) -> None:
    """--data FILE, --init SCHEME, --seed S (eval and step)."""
    p.add_argument("--data", metavar="FILE", help="CSV (header x[0],x[1],y) or .npz: the objective over the whole set")
    p.add_argument(
        "--init",
        metavar="SCHEME",
        type=init_type,
        help="values for parameters the spec leaves out: torch, xavier, he, normal:STD, zeros",
    )
    p.add_argument("--seed", type=seed_type, default=0, help="seed of --init (default 0)")


_MARKS = {"holds": "✓ claim holds", "rounding": "≈ claim within rounding"}


def _fmt_claim(v) -> str:
    from symbolic.tables import fmt_value

    return v if isinstance(v, str) else fmt_value(v)


class OneLineParser(argparse.ArgumentParser):
    """argparse whose usage errors are one line on stderr (exit 2), naming the option at fault."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    p = OneLineParser(
        prog="symgrad",
        description="Exact derivative formulas and compiled kernels for small neural networks and losses.",
    )
    from symgrad import __version__

    p.add_argument("--version", action="version", version=f"symgrad {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    d = sub.add_parser("derive", help="print gradient / delta / Jacobian / Hessian / HVP formulas")
    d.add_argument("spec")
    d.add_argument("--wrt", help="comma-separated names to differentiate with respect to")
    d.add_argument("--what", default="grad", choices=["grad", "deltas", "jacobian", "hessian", "hvp"])
    d.add_argument("--format", default="text", choices=["text", "latex", "markdown"])
    d.add_argument("--closed-form", action="store_true", help="expand to inputs and parameters (small models)")
    d.add_argument("--table", action="store_true", help="append the chronological step table")
    d.add_argument("--standalone", action="store_true", help="with --format latex: a whole document")
    d.set_defaults(func=cmd_derive)
    e = sub.add_parser("eval", help="evaluate objective, values, gradient, adjoints (and HVP/Hessian)")
    e.add_argument("spec")
    e.add_argument("--at", metavar="VALUES.json")
    e.add_argument("--direction", metavar="U.json")
    e.add_argument("--hessian", action="store_true")
    e.add_argument("--json", action="store_true")
    e.add_argument(
        "--backend",
        choices=["c", "numpy"],
        default=None,
        help="compiled kernel (default when a C compiler is available) or numpy",
    )
    add_data_flags(e)
    e.set_defaults(func=cmd_eval)
    m = sub.add_parser("demo", help="derive, print and evaluate the seeds' three-layer network")
    m.set_defaults(func=cmd_demo)
    v = sub.add_parser("verify", help="check a hand derivation's numbers and formulas, claim by claim")
    v.add_argument("spec")
    v.add_argument("--claims", metavar="CLAIMS.toml")
    v.add_argument("--json", action="store_true")
    v.add_argument("--format", default="text", choices=["text", "markdown", "latex"])
    v.add_argument("--table", action="store_true", help="print the step table; marks rows claims disagree with")
    v.add_argument("--standalone", action="store_true", help="with --format latex: a whole document")
    v.add_argument("--probes", type=count_type(1000), default=8, help="random points per formula claim (default 8)")
    v.add_argument(
        "--data", metavar="FILE", help="CSV or .npz: claims about the whole set, or one row with `sample = i`"
    )
    v.set_defaults(func=cmd_verify)
    st = sub.add_parser("step", help="run N optimizer steps from the spec's point (sgd, adam, … see README)")
    st.add_argument("spec")
    st.add_argument("--at", metavar="VALUES.json")
    st.add_argument(
        "--optimizer",
        metavar="NAME",
        help="sgd, momentum, heavy-ball, nesterov, adagrad, rmsprop, adam, adamw, lamb, newton-cg",
    )
    st.add_argument("--set", metavar="KEY=VALUE", nargs="+", action="extend", help="lr=0.1 beta1=0.9 decay=decoupled …")
    st.add_argument("--steps", type=count_type(100000), default=1, help="number of updates (1 to 100000, default 1)")
    st.add_argument("--json", action="store_true")
    st.add_argument("--backend", choices=["c", "numpy"], help="newton-cg only: H·u by the compiled kernel or numpy")
    add_data_flags(st)
    st.set_defaults(func=cmd_step)
    tr = sub.add_parser("train", help="train on a dataset with shuffled mini-batches (sgd, adam, … see README)")
    tr.add_argument("spec")
    tr.add_argument("--data", metavar="FILE", required=True, help="CSV (header x[0],x[1],y) or .npz of the samples")
    tr.add_argument("--at", metavar="VALUES.json", help="starting values of parameters (the rest by --init)")
    tr.add_argument(
        "--optimizer", metavar="NAME", help="sgd, momentum, heavy-ball, nesterov, adagrad, rmsprop, adam, adamw, lamb"
    )
    tr.add_argument("--set", metavar="KEY=VALUE", nargs="+", action="extend", help="lr=0.1 beta1=0.9 decay=decoupled …")
    tr.add_argument("--epochs", type=count_type(10**7, lowest=0), required=True, help="passes over the data (0: none)")
    tr.add_argument(
        "--batch", type=count_type(10**9), required=True, help="samples per step (capped at the set's size)"
    )
    tr.add_argument(
        "--init",
        metavar="SCHEME",
        type=init_type,
        default="torch",
        help="parameters the spec leaves out: torch (default), xavier, he, normal:STD, zeros",
    )
    tr.add_argument("--seed", type=seed_type, default=0, help="seed of --init and of the shuffling (default 0)")
    tr.add_argument("--plot", metavar="LOSS.png", help="write the loss curve (needs matplotlib: symgrad[plot])")
    tr.add_argument("--out", metavar="PARAMS.json", help="write the trained parameters as JSON")
    tr.add_argument("--quiet", action="store_true", help="no progress bar or per-epoch lines, only the summary")
    tr.add_argument("--backend", choices=["c", "numpy"], default=None, help="fused C step (default with a compiler)")
    tr.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="newton-cg only: run the full-batch objective, gradient and H·u on the Dask cluster at "
        "ADDRESS (tcp://host:8786; --epochs = Newton steps, --batch = samples per chunk; symgrad[distributed])",
    )
    tr.set_defaults(func=cmd_train)
    cv = sub.add_parser("curvature", help="uᵀHu probes, Hessian eigenvalues, stationary-point type, GD bound")
    cv.add_argument("spec")
    cv.add_argument("--at", metavar="VALUES.json")
    cv.add_argument("--direction", metavar="U.json", action="append", help="probe uᵀHu along U (repeatable)")
    cv.add_argument("--probes", type=count_type(1000), default=None, help="random unit directions (seeded by --seed)")
    cv.add_argument("--tol", type=float, default=1e-8, help="|λ| and ‖∇‖ treated as 0 (default 1e-8)")
    cv.add_argument("--json", action="store_true")
    add_data_flags(cv)
    cv.set_defaults(func=cmd_curvature)
    x = sub.add_parser("examples", help="list the bundled examples, or copy them into a directory")
    x.add_argument("--copy", metavar="DIR", help="write every bundled spec, claims and JSON file into DIR")
    x.add_argument("--force", action="store_true", help="with --copy: replace files that differ")
    x.set_defaults(func=cmd_examples)
    from codegen.kernel_cli import add_commands

    add_commands(sub)
    from codegen.cache_cli import add_cache_parser

    add_cache_parser(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    errors = _user_errors()
    try:
        return int(args.func(args) or 0)
    except errors as e:
        msg = str(e).splitlines()[0] if str(e) else type(e).__name__
        print(f"symgrad: error: {msg}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # a bug of ours: one line (the traceback only on request), never a dump
        if os.environ.get("SYMGRAD_DEBUG"):
            raise
        msg = str(e).splitlines()[0] if str(e) else ""
        print(
            f"symgrad: internal error: {type(e).__name__}: {msg} (please report it; "
            "SYMGRAD_DEBUG=1 shows the traceback)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
