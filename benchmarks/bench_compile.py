"""Cold compile time of weight-by-weight (scalar, assignment-form) MLPs: symgrad vs CasADi SX.

    python benchmarks/bench_compile.py [--sizes 15,37,67,105,386] [--timeout 600] [--no-eval]
                                       [--no-casadi]

For each net (2-2-2-1 = 15 parameters, 2-4-4-1 = 37, 2-6-6-1 = 67, 2-8-8-1 = 105,
4-16-16-2 = 386; tanh hidden layers, identity output, ½‖h − y‖² loss written by
symbolic.builders.scalar_mlp_toml) it prints, each measured in a fresh process with a fresh
temporary SYMGRAD_CACHE_DIR (cold):

* symgrad: derive (reverse + HVP program, timed on its own; emission re-derives inside),
  emit (codegen.emit.emit of loss_grad + hvp, including that derivation), build (gcc through
  codegen.build.build_module with the kernel flags) and their total, the C size and
  the emitted C per parameter;
* CasADi SX (optional dependency, `pip install casadi`; the column is skipped with a message
  when it is missing): build the same net as SX scalars, gradient + Hessian-vector product
  functions (jtimes), generate C, compile it as a shared library with the same compiler and
  optimisation flags (codegen.build.compile_flags + kernel.EXTRA_FLAGS);
* the ratio symgrad total / CasADi total (target ≤ 1.5 on 4-16-16-2);
* `symgrad eval SPEC --backend c` end to end (a subprocess, cold cache; target ≤ 10 s).

The scaling table ends with time and C size per parameter, which stay flat when emission is
linear in the size of the net.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NETS = {15: [2, 2, 2, 1], 37: [2, 4, 4, 1], 67: [2, 6, 6, 1], 105: [2, 8, 8, 1], 386: [4, 16, 16, 2]}


def acts(widths):
    return ["tanh"] * (len(widths) - 2) + ["identity"]


# ---- one measurement (run in a child process) ------------------------------------------------


def run_symgrad(widths) -> dict:
    from codegen import emit as E
    from codegen.build import build_module
    from codegen.kernel import EXTRA_FLAGS
    from symbolic.builders import scalar_mlp_toml
    from symbolic.reverse import reverse
    from symbolic.spec import parse_spec
    from symbolic.tangent import hvp_program

    t0 = time.perf_counter()
    g = parse_spec(scalar_mlp_toml(widths, acts(widths)))
    t1 = time.perf_counter()
    hvp_program(reverse(g))
    t2 = time.perf_counter()
    src = E.emit(g, what=("loss_grad", "hvp"))
    t3 = time.perf_counter()
    c = src.single_file() if hasattr(src, "single_file") else src.c  # what kernel.compile builds
    build_module(c, src.cdef, name_hint="bench_compile", extra_compile_args=EXTRA_FLAGS)
    t4 = time.perf_counter()
    return dict(
        params=g.n_params(),
        parse=t1 - t0,
        derive=t2 - t1,
        emit=t3 - t2,
        build=t4 - t3,
        total=(t1 - t0) + (t4 - t2),
        c_bytes=len(c),
    )


def run_casadi(widths) -> dict:
    import casadi as ca

    from codegen.build import compile_flags, find_compiler
    from codegen.kernel import EXTRA_FLAGS

    t0 = time.perf_counter()
    x = [ca.SX.sym(f"x{j}") for j in range(widths[0])]
    y = [ca.SX.sym(f"y{k}") for k in range(widths[-1])]
    params, h = [], x
    for l, (units, act) in enumerate(zip(widths[1:], acts(widths), strict=True), 1):
        cur = []
        for i in range(units):
            z = 0
            for j, p in enumerate(h):
                w = ca.SX.sym(f"w{l}_{i}_{j}")
                params.append(w)
                z = z + w * p
            b = ca.SX.sym(f"b{l}_{i}")
            params.append(b)
            z = z + b
            cur.append(ca.tanh(z) if act == "tanh" else z)
        h = cur
    L = 0.5 * sum((hk - yk) ** 2 for hk, yk in zip(h, y, strict=True))
    theta, X, Y = ca.vertcat(*params), ca.vertcat(*x), ca.vertcat(*y)
    u = ca.SX.sym("u", len(params))
    grad = ca.gradient(L, theta)
    hv = ca.jtimes(grad, theta, u)
    f_lg = ca.Function("cas_loss_grad", [theta, X, Y], [L, grad])
    f_hvp = ca.Function("cas_hvp", [theta, X, Y, u], [L, grad, hv])
    t1 = time.perf_counter()
    with tempfile.TemporaryDirectory() as d:
        cg = ca.CodeGenerator("cas_mlp.c")
        cg.add(f_lg)
        cg.add(f_hvp)
        cg.generate(d + os.sep)
        t2 = time.perf_counter()
        c = Path(d, "cas_mlp.c")
        cmd = (
            find_compiler()
            + compile_flags()
            + list(EXTRA_FLAGS)
            + ["-shared", "-fPIC", str(c), "-o", str(Path(d, "cas_mlp.so")), "-lm"]
        )
        subprocess.run(cmd, check=True, capture_output=True)
        t3 = time.perf_counter()
        size = c.stat().st_size
    return dict(cas_sym=t1 - t0, cas_gen=t2 - t1, cas_build=t3 - t2, cas_total=t3 - t0, cas_c_bytes=size)


def run_eval(widths, timeout: float) -> dict:
    """`symgrad eval SPEC --backend c` in a subprocess with a cold cache."""
    import numpy as np

    from symbolic.builders import scalar_mlp_toml
    from symbolic.spec import parse_spec

    text = scalar_mlp_toml(widths, acts(widths))
    g = parse_spec(text)
    rng = np.random.default_rng(0)
    values = {n: float(rng.normal()) for n in list(g.params) + list(g.inputs)}
    with tempfile.TemporaryDirectory() as d:
        spec, at = Path(d, "net.toml"), Path(d, "at.json")
        spec.write_text(text)
        at.write_text(json.dumps(values))
        env = dict(os.environ, SYMGRAD_CACHE_DIR=str(Path(d, "cache")), PYTHONPATH=str(ROOT))
        # the `symgrad` entry point of this source tree (the one the bench imports)
        cmd = [
            sys.executable,
            "-c",
            "import sys; from codegen.cli import main; sys.exit(main())",
            "eval",
            str(spec),
            "--backend",
            "c",
            "--at",
            str(at),
            "--json",
        ]
        t0 = time.perf_counter()
        r = _run(cmd, env, timeout)
        if r is None:
            return dict(eval=None, eval_note=f"> {timeout:.0f} s (timed out)")
        t = time.perf_counter() - t0
    if r.returncode != 0:
        return dict(eval=None, eval_note="failed: " + (r.stderr.strip().splitlines() or ["?"])[-1])
    return dict(eval=t)


def child(which: str, widths, timeout: float) -> None:
    fn = {"symgrad": run_symgrad, "casadi": run_casadi}.get(which)
    out = run_eval(widths, timeout) if which == "eval" else fn(widths)
    print("RESULT " + json.dumps(out))


def _run(cmd: list, env: dict, timeout: float):
    """subprocess.run in its own process group; on timeout the whole group (the compiler
    included) is killed and None returned."""
    p = subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.communicate()
        return None
    return subprocess.CompletedProcess(cmd, p.returncode, out, err)


def in_child(which: str, widths, timeout: float) -> dict:
    with tempfile.TemporaryDirectory() as d:
        env = dict(os.environ, SYMGRAD_CACHE_DIR=str(Path(d, "cache")))
        cmd = [
            sys.executable,
            __file__,
            "--child",
            which,
            "--widths",
            "-".join(map(str, widths)),
            "--timeout",
            str(timeout),
        ]
        r = _run(cmd, env, timeout + (30 if which == "eval" else 0))
        if r is None:
            return dict(error=f"> {timeout:.0f} s (timed out)")
    for line in r.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    return dict(error=(r.stderr.strip().splitlines() or ["failed"])[-1][:120])


# ---- report ----------------------------------------------------------------------------------


def fmt(v, unit="s", w=7):
    return f"{v:{w}.2f}" if isinstance(v, (int, float)) else f"{'—':>{w}}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="15,37,67,105,386")
    ap.add_argument("--timeout", type=float, default=600.0, help="per measurement, seconds")
    ap.add_argument("--no-eval", action="store_true")
    ap.add_argument("--no-casadi", action="store_true")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--widths", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        child(a.child, [int(w) for w in a.widths.split("-")], a.timeout)
        return 0
    sizes = [int(s) for s in a.sizes.split(",")]
    bad = [s for s in sizes if s not in NETS]
    if bad:
        ap.error(f"unknown size(s) {bad}; choose from {sorted(NETS)}")
    have_casadi = not a.no_casadi
    if have_casadi:
        try:
            import casadi

            print(f"CasADi {casadi.__version__} (SX, CodeGenerator)")
        except ImportError:
            have_casadi = False
            print("CasADi not installed (pip install casadi): its columns are skipped")
    from codegen.build import compile_flags, find_compiler
    from codegen.kernel import EXTRA_FLAGS

    print(f"compiler: {' '.join(find_compiler())}  flags: {' '.join(compile_flags() + list(EXTRA_FLAGS))}")
    print("cold: fresh process and fresh SYMGRAD_CACHE_DIR per measurement; times in seconds\n")
    head = (
        f"{'net':>10} {'P':>4} | {'derive':>7} {'emit':>7} {'build':>7} {'total':>7} "
        f"{'C kB':>7} | {'CasADi':>7} {'ratio':>6} | {'eval c':>7} | {'ms/P':>6} {'B/P':>6}"
    )
    print(head)
    print("-" * len(head))
    rows = []
    for P in sizes:
        w = NETS[P]
        r = in_child("symgrad", w, a.timeout)
        if have_casadi:
            r.update(in_child("casadi", w, a.timeout))
        if not a.no_eval:
            r.update(in_child("eval", w, a.timeout))
        rows.append((P, r))
        tot, cas = r.get("total"), r.get("cas_total")
        ratio = tot / cas if isinstance(tot, float) and isinstance(cas, float) else None
        ev = r.get("eval")
        print(
            f"{'-'.join(map(str, w)):>10} {P:>4} | {fmt(r.get('derive'))} {fmt(r.get('emit'))} "
            f"{fmt(r.get('build'))} {fmt(tot)} {fmt(r['c_bytes'] / 1e3 if 'c_bytes' in r else None, w=7)} | "
            f"{fmt(cas)} {fmt(ratio, w=6)} | {fmt(ev) if ev is not None else r.get('eval_note', '—')[:7]:>7} | "
            f"{fmt(tot / P * 1e3 if tot else None, w=6)} {fmt(r['c_bytes'] / P if 'c_bytes' in r else None, w=6)}",
            flush=True,
        )
        for k in ("error", "eval_note"):
            if r.get(k):
                print(f"{'':>16}{k}: {r[k]}")
    print()
    for P, r in rows:
        if P == 386 and r.get("total") and r.get("cas_total"):
            q = r["total"] / r["cas_total"]
            print(
                f"target 4-16-16-2 cold derive+emit+build ≤ 1.5× CasADi: {r['total']:.2f} s vs "
                f"{r['cas_total']:.2f} s = {q:.2f}× ({'met' if q <= 1.5 else 'missed'})"
            )
        if P == 386 and "eval" in r:
            ok = r["eval"] is not None and r["eval"] <= 10
            print(
                f"target `symgrad eval --backend c` on 4-16-16-2 ≤ 10 s cold: "
                f"{fmt(r['eval']).strip() if r['eval'] else r.get('eval_note')} ({'met' if ok else 'missed'})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
