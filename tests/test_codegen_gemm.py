"""The register-blocked GEMM kernels of the generated C in every variant agree with the numpy
reference: the portable build's run-time ISA levels (compile target / AVX2+FMA / AVX-512F, capped
with -DSG_ISA_MAX) and the plain-loop fallback (-DSG_NO_VECTOR_EXT). The model (130-128-128-3)
reaches every kernel path: cache-blocked and unblocked GEMMs, row and column remainders,
two-product accumulation (HVP), dot products for small batches (n < 8)."""

import platform

import numpy as np
import pytest

from codegen import reference as ref
from codegen.build import build_module
from codegen.emit import emit
from codegen.kernel import EXTRA_FLAGS, Kernel
from symbolic.spec import parse_spec

import _codegen_specs as S

SPEC = S.WIDE_SPEC
TOML = S.wide_toml("gemm_paths")


def _cpu_flags() -> set:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("flags"):
                    return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()


X86 = platform.machine().lower() in ("x86_64", "amd64")
FLAGS = _cpu_flags()
VARIANTS = [
    pytest.param(["-DSG_ISA_MAX=0"], id="portable-base"),
    pytest.param(
        ["-DSG_ISA_MAX=1"],
        id="portable-avx2",
        marks=pytest.mark.skipif(not (X86 and {"avx2", "fma"} <= FLAGS), reason="no AVX2+FMA"),
    ),
    pytest.param(
        ["-DSG_ISA_MAX=2"],
        id="portable-avx512",
        marks=pytest.mark.skipif(not (X86 and "avx512f" in FLAGS), reason="no AVX-512F"),
    ),
    pytest.param(["-DSG_NO_VECTOR_EXT"], id="plain-loops"),
]


@pytest.fixture(scope="module")
def source():
    g = parse_spec(TOML, "<gemm_paths>")
    return g, emit(g, what=("loss_grad", "hvp"))


@pytest.mark.parametrize("flags", VARIANTS)
def test_variant_matches_reference(source, flags, tmp_path_factory):
    g, src = source
    mod = build_module(
        src.single_file(),
        src.cdef,
        name_hint="gemm_paths",
        portable=True,
        extra_compile_args=list(EXTRA_FLAGS) + flags,
        cache_dir=tmp_path_factory.getbasetemp() / "symgrad-gemm-cache",
    )
    k = Kernel(g, src, mod)
    for n in (5, 300):
        rng = np.random.default_rng(n)
        params = ref.random_params(SPEC, rng, scale=0.5)
        x, y = ref.random_data(SPEC, n, rng)
        u = {p: rng.standard_normal(np.shape(v)) for p, v in params.items()}
        loss, grads, hv = k.hvp(params, {"x": x, "y": y}, u)
        rl, rg = ref.loss_and_grad(SPEC, params, x, y)
        _, _, rh = ref.hvp(SPEC, params, x, y, u)
        assert loss == pytest.approx(rl, rel=1e-11)
        for p in rg:
            np.testing.assert_allclose(grads[p], rg[p], rtol=1e-9, atol=1e-12)
            np.testing.assert_allclose(hv[p], rh[p], rtol=1e-9, atol=1e-11)


def test_dispatch_is_emitted_and_optional(source):
    _, src = source
    rt = src.runtime  # the GEMM kernels live in the shared runtime header
    assert "sg_gemm_a5" in rt and "__builtin_cpu_supports" in rt and "SG_NO_DISPATCH" in rt
