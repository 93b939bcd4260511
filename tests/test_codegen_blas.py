"""Kernels built with the optional CBLAS path (scipy-openblas32) and without it agree with the
layer-wise numpy reference (codegen.reference) and with each other: gradient and HVP, float64
and float32, batches below / above SG_BLAS_MIN_BATCH and across several tiles. The models are
wide enough (a 128x130 and a 128x128 weight matrix) that the emitted C has BLAS-eligible tile
GEMMs of every kind (X·Wᵀ, X·W, accumulated Aᵀ·B, two-term sums, two-pair accumulators)."""

import os
import shutil
import subprocess

import numpy as np
import pytest

from codegen import reference as ref
from codegen.emit import emit
from codegen.kernel import blas_build_options
from codegen.kernel import compile as kcompile
from symbolic.spec import parse_spec

import _codegen_specs as S

try:
    import scipy_openblas32  # noqa: F401

    HAVE_BLAS = True
except ImportError:
    HAVE_BLAS = False

needs_blas = pytest.mark.skipif(
    not HAVE_BLAS,
    reason="scipy-openblas32 is not installed (pip install scipy-openblas32): "
    "the BLAS build of the kernels cannot be tested",
)

# two wide tanh layers (W1 128x130, W2 128x128) and a narrow sigmoid/identity head; mean of ½‖·‖²
SPEC = S.WIDE_SPEC
TOML = S.wide_toml("wide_blas")

_K = {}


def kernel(blas, dtype="float64"):
    key = (blas, dtype)
    if key not in _K:
        _K[key] = kcompile(parse_spec(TOML, "<wide_blas>"), dtype=dtype, what=("loss_grad", "hvp"), blas=blas)
    return _K[key]


def _point(k, n, seed):
    rng = np.random.default_rng(seed)
    params = ref.random_params(SPEC, rng, scale=0.5)
    x, y = ref.random_data(SPEC, n, rng)
    u = {p: rng.standard_normal(np.shape(v)) for p, v in params.items()}
    return params, x, y, u


def test_source_has_blas_paths_and_still_compiles_plain():
    src = emit(parse_spec(TOML, "<wide_blas>"), what=("loss_grad", "hvp"))
    assert src.blas_gemms >= 8 and "#ifdef SG_USE_BLAS" in src.c
    small = emit(
        parse_spec(TOML.replace("input = 130", "input = 3").replace("dense = 128", "dense = 8"), "<small>"),
        what=("loss_grad", "hvp"),
    )
    assert small.blas_gemms == 0 and "SG_GEMM(" not in small.c


@pytest.mark.parametrize("blas", [False, pytest.param(True, marks=needs_blas)], ids=["loops", "blas"])
@pytest.mark.parametrize("n", [1, 63, 64, 300])
def test_float64_matches_reference(blas, n):
    k = kernel(blas)
    assert k.blas is blas
    params, x, y, u = _point(k, n, seed=n)
    loss, grads, hv = k.hvp(params, {"x": x, "y": y}, u)
    rl, rg = ref.loss_and_grad(SPEC, params, x, y)
    _, _, rh = ref.hvp(SPEC, params, x, y, u)
    assert loss == pytest.approx(rl, rel=1e-11)
    for p in rg:
        np.testing.assert_allclose(grads[p], rg[p], rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(hv[p], rh[p], rtol=1e-9, atol=1e-11)
    l2, g2 = k.loss_and_grad(params, {"x": x, "y": y})
    assert l2 == pytest.approx(rl, rel=1e-11)
    for p in rg:
        np.testing.assert_allclose(g2[p], rg[p], rtol=1e-9, atol=1e-12)


@needs_blas
@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_blas_and_loops_agree(dtype):
    kb, kl = kernel(True, dtype), kernel(False, dtype)
    rng = np.random.default_rng(7)
    theta = (rng.standard_normal(kb.n_params) * 0.1).astype(dtype)
    D = rng.standard_normal((257, kb.data_width)).astype(dtype)
    u = rng.standard_normal(kb.n_params).astype(dtype)
    lb, gb, hb = kb.hvp_flat(theta, D, u)
    ll, gl, hl = kl.hvp_flat(theta, D, u)
    rtol = 1e-10 if dtype == "float64" else 2e-3
    assert lb == pytest.approx(ll, rel=rtol)
    np.testing.assert_allclose(gb, gl, rtol=rtol, atol=rtol * np.abs(gl).max())
    np.testing.assert_allclose(hb, hl, rtol=rtol, atol=rtol * np.abs(hl).max())


def test_auto_links_blas_when_it_can_pay_off():
    """auto: BLAS iff installed, the model has large GEMMs and OpenBLAS runs more than one thread."""
    from codegen.kernel import blas_threads

    k = kcompile(parse_spec(TOML, "<wide_blas>"), what=("loss_grad", "hvp"))  # blas="auto"
    assert k.blas is (HAVE_BLAS and blas_threads() != 1)
    small = kcompile(
        parse_spec(TOML.replace("input = 130", "input = 3").replace("dense = 128", "dense = 8"), "<small>"),
        what=("loss_grad",),
    )
    assert small.blas is False


def test_generate_prints_build_hints_with_and_without_blas(tmp_path, capsys):
    import argparse

    from codegen import kernel_cli

    spec = tmp_path / "wide_blas.toml"
    spec.write_text(TOML)
    kernel_cli.cmd_generate(
        argparse.Namespace(
            spec=str(spec), output=str(tmp_path), dtype="float64", what="grad", portable=True, no_build=True
        )
    )
    out = capsys.readouterr().out
    assert "build: cc -O3 -std=c99" in out
    line = next(ln for ln in out.splitlines() if ln.startswith("build with BLAS:"))
    assert "-DSG_USE_BLAS" in line and "cblas_dgemm" in line


def test_blas_option_validation():
    with pytest.raises(ValueError, match="blas"):
        kcompile(parse_spec(TOML, "<wide_blas>"), what=("loss_grad",), blas="yes")
    if not HAVE_BLAS:
        with pytest.raises(ImportError, match="scipy-openblas32"):
            blas_build_options(required=True)
        assert blas_build_options() is None


CC = shutil.which(os.environ.get("CC", "cc")) or shutil.which("gcc") or shutil.which("clang")


@needs_blas
@pytest.mark.skipif(CC is None, reason="no C compiler")
def test_standalone_c_links_against_cblas(tmp_path):
    """The .c compiles with plain C99 both ways and, with -DSG_USE_BLAS, links against a CBLAS."""
    src = emit(parse_spec(TOML, "<wide_blas>"), what=("loss_grad",))
    c = tmp_path / "wide.c"
    c.write_text(src.single_file())
    main = tmp_path / "main.c"
    main.write_text(
        "#include <stdio.h>\n#include <stdlib.h>\n"
        f"int {src.name}_loss_grad(const double*, const double*, long, double*, double*, double*);\n"
        "int main(void) {\n"
        f"    long P = {src.layout.n_params}, W = {src.layout.data_width}, n = 100, i;\n"
        f"    double *t = calloc(P, 8), *d = calloc(n * W, 8), *g = calloc(P, 8), "
        f"*w = calloc({src.info['work_loss_grad']}, 8), loss;\n"
        "    for (i = 0; i < n * W; ++i) d[i] = (i % 7) * 0.1;\n"
        f"    int rc = {src.name}_loss_grad(t, d, n, &loss, g, w);\n"
        '    printf("%d %.6f\\n", rc, loss);\n    return rc;\n}\n'
    )
    opts = blas_build_options(required=True)
    prefix = dict(opts["define_macros"])["SG_CBLAS_PREFIX"]
    r = subprocess.run(
        [CC, "-std=c99", "-Wall", "-Werror", "-O1", "-c", str(c), "-o", str(tmp_path / "a.o")],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    exe = tmp_path / "wide"
    r = subprocess.run(
        [
            CC,
            "-std=c99",
            "-Wall",
            "-Werror",
            "-O1",
            "-DSG_USE_BLAS",
            f"-DSG_CBLAS_PREFIX={prefix}",
            str(c),
            str(main),
            "-o",
            str(exe),
            f"-L{opts['library_dirs'][0]}",
            f"-l{opts['libraries'][0]}",
            *opts["extra_link_args"],
            "-lm",
        ],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    r = subprocess.run([str(exe)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and r.stdout.startswith("0 "), (r.stdout, r.stderr)
