"""symgrad's compiled half: planning, C emission, build/cache, kernels, checks and the CLI.

`codegen.compile(spec_or_graph, ...)` is the pinned entry point (the same function as
`codegen.kernel.compile`); `codegen.optimizer(kernel, "adam", lr=1e-3, ...)` the fused
optimizer step (codegen.optimizer_step.optimizer); `codegen.to_torch(kernel)` and
`codegen.TorchModel` the PyTorch bridge (codegen.torch_bridge, needs the extra symgrad[torch]).
All are imported on first use so `import codegen.cli` stays light.
"""

from __future__ import annotations

from typing import Any

__all__ = ["compile", "optimizer"]  # not the torch names: `from codegen import *` must work without torch


def __getattr__(name: str) -> Any:
    if name == "compile":
        from .kernel import compile as compile_kernel

        return compile_kernel
    if name == "optimizer":
        from .optimizer_step import optimizer as make_optimizer

        return make_optimizer
    if name in ("to_torch", "TorchModel"):
        from . import torch_bridge  # raises TorchUnavailableError (an ImportError) without torch

        return getattr(torch_bridge, name)
    raise AttributeError(f"module 'codegen' has no attribute {name!r}")
