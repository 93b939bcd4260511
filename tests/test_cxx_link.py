"""Generated headers link from C++: the .c built by a C compiler, a C++ driver including the .h
built by a C++ compiler, linked together and run; its numbers are checked against numpy."""
from __future__ import annotations

import os
import shutil
import subprocess

import numpy as np
import pytest

from codegen import reference as ref_layer
from codegen.emit import emit
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
def test_generated_header_links_from_cxx(tmp_path):
    src = emit(parse_spec(SPEC, "<cxx>"))
    assert 'extern "C"' in src.h
    (tmp_path / "cxx_mlp.c").write_text(src.c)
    (tmp_path / "cxx_mlp.h").write_text(src.h)
    (tmp_path / "main.cpp").write_text(DRIVER)
    def run(argv):
        return subprocess.run(argv, check=False, capture_output=True, text=True, cwd=tmp_path)

    r = run([CC, "-std=c99", "-O2", "-c", "cxx_mlp.c", "-o", "cxx_mlp.o"])
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
    spec = {"model": {"input": 3}, "layers": [{"dense": 4, "activation": "tanh"}, {"dense": 2}],
            "loss": {"type": "mse", "half": True}}
    params, off = {}, 0
    for name, shape in ref_layer.param_shapes(spec).items():
        n = int(np.prod(shape))
        params[name] = theta[off:off + n].reshape(shape)
        off += n
    want_loss, want_grad = ref_layer.loss_and_grad(spec, params, data[:, :3], data[:, 3:])
    assert loss == pytest.approx(want_loss, rel=1e-12)
    assert g0 == pytest.approx(want_grad["W1"][0, 0], rel=1e-10, abs=1e-14)
