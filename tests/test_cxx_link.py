"""Generated headers link from C++: the .c built by a C compiler, a C++ driver including the .h
built by a C++ compiler, linked together and run; its numbers are checked against numpy."""

from __future__ import annotations

import os
import shutil
import subprocess

import numpy as np
import pytest

from codegen import reference as ref_layer
from codegen.emit import RUNTIME_HEADER, RUNTIME_INCLUDE, emit
from symbolic.spec import parse_spec

CC = shutil.which(os.environ.get("CC", "").split()[0]) if os.environ.get("CC", "").strip() else None
CC = CC or shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
CXX = next((p for p in (shutil.which(c) for c in ("c++", "g++", "clang++")) if p), None)

SPEC = """
[model]
name = "cxx_mlp"
input = 3
[[layers]]
dense = 4
activation = "tanh"
[[layers]]
dense = 2
[loss]
type = "mse"
half = true
"""

DRIVER = r"""
#include <cstdio>
#include <vector>
#include "cxx_mlp.h"   // declared extern "C": links against the C object

int main() {
    std::vector<double> theta(CXX_MLP_N_PARAMS), grad(CXX_MLP_N_PARAMS);
    std::vector<double> work(CXX_MLP_WORK_LOSS_GRAD + 1);
    for (int i = 0; i < CXX_MLP_N_PARAMS; ++i) theta[i] = 0.1 * ((i * 7) % 11) - 0.5;
    double data[2 * CXX_MLP_DATA_WIDTH];
    for (int i = 0; i < 2 * CXX_MLP_DATA_WIDTH; ++i) data[i] = 0.25 * ((i * 5) % 9) - 1.0;
    double loss = 0.0;
    int rc = cxx_mlp_loss_grad(theta.data(), data, 2, &loss, grad.data(), work.data());
    if (rc != 0) return 10 + rc;
    std::printf("%.17g %.17g\n", loss, grad[0]);
    return 0;
}
"""


@pytest.mark.skipif(CC is None, reason="no C compiler")
@pytest.mark.skipif(CXX is None, reason="no C++ compiler (c++, g++, clang++)")
@pytest.mark.parametrize("kernel_cc", ["c", "c++"])
@pytest.mark.parametrize("form", ["with-header", "single-file"])
def test_generated_header_links_from_cxx(tmp_path, form, kernel_cc):
    """Both output forms (NAME.c + symgrad_runtime.h, or --single-file), the kernel file built
    as C99 or as C++; the C++ driver links against it through the extern "C" header."""
    src = emit(parse_spec(SPEC, "<cxx>"))
    assert 'extern "C"' in src.h and 'extern "C"' in src.runtime
    if form == "single-file":
        text = src.single_file()
        assert RUNTIME_INCLUDE not in text
    else:
        text = src.c
        (tmp_path / RUNTIME_HEADER).write_text(src.runtime)
    (tmp_path / "cxx_mlp.c").write_text(text)
    (tmp_path / "cxx_mlp.h").write_text(src.h)
    (tmp_path / "main.cpp").write_text(DRIVER)

    def run(argv):
        return subprocess.run(argv, check=False, capture_output=True, text=True, cwd=tmp_path)

    if kernel_cc == "c":
        r = run([CC, "-std=c99", "-O2", "-Wall", "-Werror", "-c", "cxx_mlp.c", "-o", "cxx_mlp.o"])
    else:
        r = run([CXX, "-x", "c++", "-std=c++11", "-O2", "-Wall", "-Werror", "-c", "cxx_mlp.c", "-o", "cxx_mlp.o"])
    assert r.returncode == 0, r.stderr
    r = run([CXX, "-std=c++11", "-Wall", "-Werror", "-I.", "-c", "main.cpp", "-o", "main.o"])
    assert r.returncode == 0, r.stderr
    r = run([CXX, "main.o", "cxx_mlp.o", "-o", "prog", "-lm"])
    assert r.returncode == 0, r.stderr  # undefined reference to `cxx_mlp_loss_grad' without extern "C"
    r = run([str(tmp_path / "prog")])
    assert r.returncode == 0, r.stdout + r.stderr
    loss, g0 = map(float, r.stdout.split())

    # the same numbers from the independent numpy backprop (theta packed W1, b1, W2, b2)
    theta = np.array([0.1 * ((i * 7) % 11) - 0.5 for i in range(src.layout.n_params)])
    data = np.array([0.25 * ((i * 5) % 9) - 1.0 for i in range(2 * src.layout.data_width)]).reshape(2, -1)
    spec = {
        "model": {"input": 3},
        "layers": [{"dense": 4, "activation": "tanh"}, {"dense": 2}],
        "loss": {"type": "mse", "half": True},
    }
    params, off = {}, 0
    for name, shape in ref_layer.param_shapes(spec).items():
        n = int(np.prod(shape))
        params[name] = theta[off : off + n].reshape(shape)
        off += n
    want_loss, want_grad = ref_layer.loss_and_grad(spec, params, data[:, :3], data[:, 3:])
    assert loss == pytest.approx(want_loss, rel=1e-12)
    assert g0 == pytest.approx(want_grad["W1"][0, 0], rel=1e-10, abs=1e-14)


DRIVER2 = r"""
#include <cstdio>
#include <vector>
#include "cxx_mlp.h"
#include "cxx_mlp_f32.h"

int main() {
    std::vector<double> theta(CXX_MLP_N_PARAMS), grad(CXX_MLP_N_PARAMS), work(CXX_MLP_WORK_LOSS_GRAD + 1);
    std::vector<float> theta32(CXX_MLP_F32_N_PARAMS), grad32(CXX_MLP_F32_N_PARAMS);
    std::vector<float> work32(CXX_MLP_F32_WORK_LOSS_GRAD + 1);
    double data[CXX_MLP_DATA_WIDTH];
    float data32[CXX_MLP_F32_DATA_WIDTH];
    for (int i = 0; i < CXX_MLP_N_PARAMS; ++i) theta32[i] = (float)(theta[i] = 0.1 * ((i * 7) % 11) - 0.5);
    for (int i = 0; i < CXX_MLP_DATA_WIDTH; ++i) data32[i] = (float)(data[i] = 0.25 * ((i * 5) % 9) - 1.0);
    double loss = 0.0;
    float loss32 = 0.0f;
    if (cxx_mlp_loss_grad(theta.data(), data, 1, &loss, grad.data(), work.data())) return 2;
    if (cxx_mlp_f32_loss_grad(theta32.data(), data32, 1, &loss32, grad32.data(), work32.data())) return 3;
    std::printf("%.17g %.17g\n", loss, (double)loss32);
    return 0;
}
"""


@pytest.mark.skipif(CC is None or CXX is None, reason="needs a C and a C++ compiler")
def test_float64_and_float32_models_share_one_runtime_header(tmp_path):
    """One symgrad_runtime.h serves a float64 and a float32 model generated into one directory
    (written once, left alone the second time); their objects link into one program (the runtime
    is all static: no duplicate symbols) and agree; both dtypes in one translation unit is a
    compile error, not silent misbehaviour."""
    from codegen.kernel_cli import write_sources

    g = parse_spec(SPEC, "<cxx>")
    written = write_sources(emit(g), tmp_path)
    assert [p.name for p in written] == ["cxx_mlp.c", "cxx_mlp.h", RUNTIME_HEADER]
    written = write_sources(emit(g, dtype="float32"), tmp_path)  # the runtime is already there
    assert [p.name for p in written] == ["cxx_mlp_f32.c", "cxx_mlp_f32.h"]
    (tmp_path / "main.cpp").write_text(DRIVER2)

    def run(argv):
        return subprocess.run(argv, check=False, capture_output=True, text=True, cwd=tmp_path)

    for stem in ("cxx_mlp", "cxx_mlp_f32"):
        r = run([CC, "-std=c99", "-O2", "-Wall", "-Werror", "-c", f"{stem}.c", "-o", f"{stem}.o"])
        assert r.returncode == 0, r.stderr
    r = run(
        [CXX, "-std=c++11", "-Wall", "-Werror", "-I.", "main.cpp", "cxx_mlp.o", "cxx_mlp_f32.o", "-o", "prog", "-lm"]
    )
    assert r.returncode == 0, r.stderr
    r = run([str(tmp_path / "prog")])
    assert r.returncode == 0, r.stdout + r.stderr
    loss, loss32 = map(float, r.stdout.split())
    assert loss32 == pytest.approx(loss, rel=1e-5) and loss > 0
    (tmp_path / "both.c").write_text('#include "cxx_mlp.c"\n#include "cxx_mlp_f32.c"\n')
    r = run([CC, "-std=c99", "-c", "both.c", "-o", "both.o"])
    assert r.returncode != 0 and "separate translation units" in r.stderr
