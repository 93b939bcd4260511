"""The `symgrad` command line: derive, eval, demo (+ generate, check, verify when available).

Every user error becomes one line on stderr naming the file, line or name at fault, exit code 2.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

EXIT_USAGE = 2


class CliError(Exception):
    """A one-line user-facing error (exit code 2)."""


def _user_errors():
    from symbolic.evaluate import EvaluationError
    from symbolic.graph import GraphError
    from symbolic.parser import ParseError
    from symbolic.spec import SpecError
    errs = [CliError, SpecError, GraphError, ParseError, EvaluationError]
    try:
        from symbolic.verify import ClaimsError
        errs.append(ClaimsError)
    except ImportError:
        pass
    try:
        from codegen.build import BuildError
        errs.append(BuildError)
    except ImportError:
        pass
    return tuple(errs)


def _load(path: str):
    from symbolic.spec import load_spec
    return load_spec(path)


def _read_json(path: str, what: str) -> dict:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as e:
        raise CliError(f"{path}: cannot read {what} ({e.strerror})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise CliError(f"{path}:{e.lineno}: invalid JSON ({e.msg})") from None
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

def cmd_derive(args) -> int:
    from symbolic.printing import derive_report
    g = _load(args.spec)
    wrt = [w.strip() for w in args.wrt.split(",") if w.strip()] if args.wrt else None
    print(derive_report(g, what=args.what, wrt=wrt, fmt=args.format, closed_form=args.closed_form,
                        table=args.table), end="")
    return 0


def point_result(g, values, direction=None, hessian=False, backend="numpy") -> dict:
    """The `eval --json` object (the CLI contract)."""
    from symbolic.point import evaluate_point
    res = evaluate_point(g, values, direction=direction, hessian=hessian)
    out = {"objective": res.objective,
           "values": {k: _tolist(v) for k, v in res.values.items()},
           "grad": {k: _tolist(v) for k, v in res.grad.items()},
           "adjoints": {k: _tolist(v) for k, v in res.adjoints.items()}}
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
        out["uHu"] = float(sum(np.sum(np.asarray(direction.get(p, 0.0)) * np.asarray(out["hvp"][p]))
                               for p in g.params))
        if res.hessian is not None:
            out["hessian"] = {"order": res.hessian[0], "matrix": res.hessian[1].tolist()}
    if g.meta.get("optimizer"):
        from symbolic.optim import step
        params = {p: values[p] for p in g.params}
        out["update"] = {k: _tolist(v) for k, v in step(g.meta["optimizer"], params,
                                                          {k: np.asarray(v) for k, v in out["grad"].items()}).items()}
    out["backend"] = backend
    return out


def _default_backend() -> str:
    """The compiled kernel when a C compiler is there, else numpy (said once on stderr)."""
    try:
        import codegen.kernel_cli  # noqa: F401
        from codegen.build import CompilerNotFoundError, find_compiler
        find_compiler()
        return "c"
    except ImportError:
        return "numpy"
    except CompilerNotFoundError as e:
        print(f"symgrad: note: {e}; evaluating with --backend numpy", file=sys.stderr)
        return "numpy"


def cmd_eval(args) -> int:
    g = _load(args.spec)
    values = _values_from(g, args.at, "values")
    missing = [n for n in g.leaves() if n not in values]
    if missing:
        src = args.at or f"{args.spec} [values]"
        raise CliError(f"{src}: no value for {', '.join(repr(m) for m in missing)}")
    direction = None
    if args.direction:
        from symbolic.spec import coerce_value
        raw = _read_json(args.direction, "direction")
        direction = {}
        for k, v in raw.items():
            if k not in g.params:
                raise CliError(f"{args.direction}: '{k}' is not a parameter of {g.name}")
            direction[k] = coerce_value(v, g.params[k], k, lambda m: CliError(f"{args.direction}: {m}"))
    backend = args.backend or _default_backend()
    out = point_result(g, values, direction, args.hessian, backend)
    if args.json:
        print(json.dumps(out, allow_nan=True))
        return 0
    from symbolic.tables import fmt_value
    print(f"{g.name}: {g.objective} = {fmt_value(out['objective'])}   (backend: {backend})")
    for title, key in (("values", "values"), ("gradient", "grad"), ("adjoints ∂%s/∂·" % g.objective, "adjoints"),
                       ("Hessian-vector product", "hvp"),
                       ("after one optimizer step", "update")):
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
    try:
        from codegen.kernel_cli import demo_kernels
    except ImportError:
        return 0
    return demo_kernels(g)


def cmd_verify(args) -> int:
    from symbolic.claims import load_claims
    from symbolic.verify import verify
    from symbolic.verify_report import render
    g = _load(args.spec)
    results = None
    if args.claims:
        claims = load_claims(args.claims)
        results = verify(g, claims, probes=args.probes)
        if claims.at:
            from symbolic.spec import coerce_value
            g.values = {**g.values, **{k: coerce_value(v, g.leaves()[k], k, CliError) for k, v in claims.at.items()}}
    elif not args.table:
        raise CliError("verify needs --claims CLAIMS.toml (and/or --table)")
    if args.table:
        from symbolic.point import derivation, evaluate_point
        from symbolic.tables import step_table, table_markdown, table_text
        missing = [n for n in g.leaves() if n not in g.values]
        if missing:
            raise CliError(f"{args.spec}: --table needs values for {', '.join(repr(m) for m in missing)}")
        rows = step_table(g, derivation(g), evaluate_point(g, g.values).env)
        marks = {}
        for r in results or []:
            for row in rows:
                if row.key and row.key in r.row_keys:
                    marks[row.step] = "✓ claim holds" if r.ok else f"✗ claimed {_fmt_claim(r.claimed)}"
        print(table_markdown(rows, marks) if args.format == "markdown" else table_text(rows, marks))
        if results is not None:
            print()
    if results is None:
        return 0
    if args.json:
        print(json.dumps([r.as_json() for r in results]))
    else:
        print(render(results, args.format), end="")
    return 0 if all(r.ok for r in results) else 1


def _fmt_claim(v) -> str:
    from symbolic.tables import fmt_value
    return v if isinstance(v, str) else fmt_value(v)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="symgrad", description="Exact derivative formulas and compiled "
                                "kernels for small neural networks and losses.")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    d = sub.add_parser("derive", help="print gradient / delta / Jacobian / Hessian / HVP formulas")
    d.add_argument("spec")
    d.add_argument("--wrt", help="comma-separated names to differentiate with respect to")
    d.add_argument("--what", default="grad", choices=["grad", "deltas", "jacobian", "hessian", "hvp"])
    d.add_argument("--format", default="text", choices=["text", "latex", "markdown"])
    d.add_argument("--closed-form", action="store_true", help="expand to inputs and parameters (small models)")
    d.add_argument("--table", action="store_true", help="append the chronological step table")
    d.set_defaults(func=cmd_derive)
    e = sub.add_parser("eval", help="evaluate objective, values, gradient, adjoints (and HVP/Hessian)")
    e.add_argument("spec")
    e.add_argument("--at", metavar="VALUES.json")
    e.add_argument("--direction", metavar="U.json")
    e.add_argument("--hessian", action="store_true")
    e.add_argument("--json", action="store_true")
    e.add_argument("--backend", choices=["c", "numpy"], default=None,
                   help="compiled kernel (default when a C compiler is available) or numpy")
    e.set_defaults(func=cmd_eval)
    m = sub.add_parser("demo", help="derive, print and evaluate the seeds' three-layer network")
    m.set_defaults(func=cmd_demo)
    v = sub.add_parser("verify", help="check a hand derivation's numbers and formulas, claim by claim")
    v.add_argument("spec")
    v.add_argument("--claims", metavar="CLAIMS.toml")
    v.add_argument("--json", action="store_true")
    v.add_argument("--format", default="text", choices=["text", "markdown", "latex"])
    v.add_argument("--table", action="store_true", help="print the step table; marks rows claims disagree with")
    v.add_argument("--probes", type=int, default=8, help="random points per formula claim (default 8)")
    v.set_defaults(func=cmd_verify)
    for hook in ("codegen.kernel_cli",):
        try:
            mod = __import__(hook, fromlist=["add_commands"])
        except ImportError:
            continue
        mod.add_commands(sub)
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


if __name__ == "__main__":
    sys.exit(main())
