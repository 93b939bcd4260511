"""PyTorch bridge: a compiled kernel as a differentiable torch function or nn.Module.

    f = codegen.to_torch(kernel)              # TorchLoss: loss = f(theta, D)
    loss = f(theta, D)                        # θ: 1-D tensor (P,) of the kernel's dtype; D packed data
    loss.backward()                           # θ.grad from kernel.loss_and_grad_flat
    g, = torch.autograd.grad(loss, theta, create_graph=True)
    hv, = torch.autograd.grad(g @ v, theta)   # H·v from kernel.hvp_flat
    model = codegen.to_torch(kernel, module=True)   # TorchModel: nn.Parameters keyed by name
    opt = torch.optim.Adam(model.parameters(), lr=1e-2); loss = model(data); ...

Why two autograd Functions: the loss Function's backward returns grad_output · g, where g comes
from a second Function (_Gradient) holding the gradient the forward already computed; autograd
can differentiate that backward (create_graph=True) because _Gradient's own backward is the
compiled Hessian-vector product (H symmetric, so vᵀH = (H v)ᵀ). Third derivatives are refused
(once_differentiable). The kernels run on the CPU on NumPy views of the tensors, so no copy is
made for contiguous CPU tensors of the kernel's dtype. Gradients with respect to the data are
not computed: data that requires grad is refused with a one-line error.

torch is an optional dependency (pip install 'symgrad[torch]'); this module is imported only on
demand (codegen.to_torch / codegen.TorchModel) and raises TorchUnavailableError, an ImportError,
when torch is absent.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from .kernel import Kernel, KernelError

__all__ = ["TorchLoss", "TorchModel", "TorchUnavailableError", "to_torch"]

MESSAGE = "the PyTorch bridge needs torch: pip install 'symgrad[torch]'"


class TorchUnavailableError(ImportError):
    """torch is not installed (the bridge is the optional extra symgrad[torch])."""


try:
    import torch
except ImportError as _exc:  # one line, naming the extra to install
    raise TorchUnavailableError(MESSAGE) from _exc

_DTYPES = {np.dtype(np.float64): torch.float64, np.dtype(np.float32): torch.float32}


def _theta_array(kernel: Kernel, theta: Any) -> np.ndarray:
    """A C-contiguous NumPy view (or copy, if θ is strided) of a 1-D CPU tensor θ of shape (P,)."""
    want = _DTYPES[kernel.dtype]
    if not isinstance(theta, torch.Tensor):
        raise KernelError(f"theta: expected a torch tensor of shape ({kernel.n_params},) and dtype {want}")
    if theta.dtype != want:
        raise KernelError(
            f"theta: expected dtype {want} (the kernel is {kernel.dtype.name}), given {theta.dtype}; "
            f"convert with theta.to({want})"
        )
    if tuple(theta.shape) != (kernel.n_params,):
        raise KernelError(f"theta: expected shape ({kernel.n_params},), given shape {tuple(theta.shape)}")
    return _cpu_numpy(theta, "theta")


def _cpu_numpy(t: Any, what: str) -> np.ndarray:
    if t.device.type != "cpu":
        raise KernelError(f"{what}: the compiled kernels run on the CPU; given a tensor on {t.device} (use .cpu())")
    return np.ascontiguousarray(t.detach().resolve_conj().resolve_neg().numpy())


def _data_array(kernel: Kernel, D: Any) -> np.ndarray:
    """Packed data (N, width) as a C-contiguous array of the kernel's dtype (the kernel call
    checks the shape); D may be a NumPy array or a tensor that does not require grad."""
    if isinstance(D, torch.Tensor):
        if D.requires_grad:
            raise KernelError(
                "D: gradients with respect to the data are not supported by the PyTorch bridge; pass D.detach()"
            )
        if D.dtype != _DTYPES[kernel.dtype]:
            raise KernelError(
                f"D: expected dtype {_DTYPES[kernel.dtype]} (the kernel is {kernel.dtype.name}), given {D.dtype}"
            )
        D = _cpu_numpy(D, "D")
    elif isinstance(D, np.ndarray):
        if D.dtype != kernel.dtype:
            raise KernelError(f"D: expected dtype {kernel.dtype.name}, given {D.dtype} (use kernel.pack_data)")
        D = np.ascontiguousarray(D)
    else:
        raise KernelError(
            f"D: expected packed data (kernel.pack_data(...)) as an array or tensor, given {type(D).__name__}"
        )
    return D  # its shape is checked by the kernel call (a one-line KernelError)


def _plain(v: Any) -> Any:
    """A tensor as a NumPy array (for the kernel's dict API); anything else as is."""
    return v.detach().cpu().numpy() if isinstance(v, torch.Tensor) else v


class _Gradient(torch.autograd.Function):
    """g(θ) as a function of θ: value precomputed by the loss's forward, backward = H·v."""

    @staticmethod
    def forward(ctx: Any, theta: Any, kernel: Kernel, D: np.ndarray, t: np.ndarray, g: np.ndarray) -> Any:
        ctx.save_for_backward(theta)  # so that autograd refuses a θ modified in place since
        ctx.kernel, ctx.D, ctx.t = kernel, D, t  # (t may be a view of θ's memory)
        return torch.from_numpy(g)

    @staticmethod
    @torch.autograd.function.once_differentiable
    def backward(ctx: Any, v: Any) -> tuple[Any, None, None, None, None]:
        ctx.saved_tensors  # noqa: B018 - the in-place modification check of θ
        u = _cpu_numpy(v.to(_DTYPES[ctx.kernel.dtype]), "v")
        _, _, hv = ctx.kernel.hvp_flat(ctx.t, ctx.D, u)
        return torch.from_numpy(hv), None, None, None, None


class _Loss(torch.autograd.Function):
    """The batch objective L(θ; D) of a compiled kernel; backward = grad_output · g(θ)."""

    @staticmethod
    def forward(ctx: Any, theta: Any, kernel: Kernel, D: np.ndarray, t: np.ndarray) -> Any:
        loss, g = kernel.loss_and_grad_flat(t, D)
        ctx.save_for_backward(theta)
        ctx.kernel, ctx.D, ctx.t, ctx.g = kernel, D, t, g
        return torch.tensor(float(loss), dtype=theta.dtype)

    @staticmethod
    def backward(ctx: Any, grad_output: Any) -> tuple[Any, None, None, None]:
        (theta,) = ctx.saved_tensors
        g = _Gradient.apply(theta, ctx.kernel, ctx.D, ctx.t, ctx.g)
        return grad_output * g, None, None, None


class TorchLoss:
    """`loss = f(theta, D)`: the kernel's batch objective as a differentiable torch function of θ."""

    def __init__(self, kernel: Kernel):
        if not isinstance(kernel, Kernel):
            raise TypeError(f"to_torch: expected a compiled Kernel (codegen.compile), given {type(kernel).__name__}")
        if "loss_grad" not in kernel.functions:  # (without "hvp" only double backward is refused)
            raise KernelError(f"to_torch: kernel {kernel.name} was compiled without 'loss_grad'")
        self.kernel = kernel
        self.dtype = _DTYPES[kernel.dtype]

    def __call__(self, theta: Any, D: Any) -> Any:
        """The objective (a 0-dim tensor of θ's dtype) at packed θ (P,) for packed data D (N, width)."""
        t = _theta_array(self.kernel, theta)  # checked before autograd sees it: one-line errors
        return _Loss.apply(theta, self.kernel, _data_array(self.kernel, D), t)

    def __repr__(self) -> str:
        return f"<TorchLoss of {self.kernel!r}>"


class TorchModel(torch.nn.Module):
    """The kernel's parameters as torch.nn.Parameters in `self.params` (a ParameterDict keyed by
    the spec's names, shaped as declared, of the kernel's dtype); forward(data) → the objective.

    Initial values: `params` (a dict of arrays) first, then the spec's [values], then
    symbolic.init's scheme `init` seeded by `seed` (as `symgrad train --init`) for the rest."""

    def __init__(self, kernel: Kernel, params: Mapping[str, Any] | None = None, init: str = "torch", seed: int = 0):
        super().__init__()
        self.loss_fn = TorchLoss(kernel)
        self.kernel = kernel
        values = self._initial(kernel, dict(params or {}), init, seed)
        theta = kernel.pack(values)  # checks names and shapes
        fields = sorted(kernel.layout.params, key=lambda f: f.offset)
        self._order = tuple(f.name for f in fields)  # ParameterDict sorts the keys of a plain dict
        self.params = torch.nn.ParameterDict(
            {
                f.name: torch.nn.Parameter(
                    torch.from_numpy(theta[f.offset : f.offset + f.size].reshape(f.shape).copy())
                )
                for f in fields
            }
        )

    @staticmethod
    def _initial(kernel: Kernel, given: dict, init: str, seed: int) -> dict:
        spec = {n: kernel.graph.values[n] for n in kernel.param_shapes if n in kernel.graph.values}
        values = {
            **spec,
            **{n: v.detach().cpu().numpy() if isinstance(v, torch.Tensor) else v for n, v in given.items()},
        }
        missing = [n for n in kernel.param_shapes if n not in values]
        if missing:
            from symbolic.init import init_params, parse_init

            values.update(init_params(kernel.graph, missing, parse_init(init), seed))
        return values

    def flat(self) -> Any:
        """The packed θ (P,) as a differentiable tensor (the parameters concatenated in layout order)."""
        return torch.cat([self.params[n].reshape(-1) for n in self._order])

    def pack_data(self, data: Any) -> np.ndarray:
        """A data dict (arrays or tensors, batch-first) packed for the kernel; packed data as is."""
        if isinstance(data, Mapping):
            return self.kernel.pack_data({k: _plain(v) for k, v in data.items()})
        return data

    def forward(self, data: Any) -> Any:
        """The batch objective for a data dict or packed data D (N, width)."""
        return self.loss_fn(self.flat(), self.pack_data(data))

    def values(self) -> dict[str, np.ndarray]:
        """The current parameters as NumPy arrays keyed by name (copies)."""
        return {n: p.detach().numpy().copy() for n, p in self.params.items()}


def to_torch(
    kernel: Kernel, *, module: bool = False, params: Mapping[str, Any] | None = None, init: str = "torch", seed: int = 0
) -> TorchLoss | TorchModel:
    """The kernel as a differentiable torch function `f(theta, D)` (TorchLoss), or with
    module=True as a TorchModel (nn.Module holding the parameters; params/init/seed as there)."""
    if module:
        return TorchModel(kernel, params=params, init=init, seed=seed)
    if params is not None:
        raise ValueError("to_torch: params= is for module=True (the function form takes θ per call)")
    return TorchLoss(kernel)
