"""Mini-batch training of a spec's parameters on a dataset (`symgrad train`): the loop, the two
step backends and the outputs (parameters as JSON, the loss curve as a PNG).

Shuffling convention (what a hand-written loop must do to reproduce a run bit for bit):
    rng = numpy.random.default_rng(seed)
    for each epoch: perm = rng.permutation(N); batches perm[0:B], perm[B:2B], … (the last one may
    be shorter); one optimizer step per batch on the spec's objective over that batch (its
    reduction, mean or sum, over the batch's samples; the penalty once per batch).
The same Generator also drew nothing else: --init uses its own seeded draw (symbolic.init).

Backends: "c" is the compiled fused step (codegen.optimizer: gradient + update in C, θ flat and
updated in place); "numpy" evaluates the gradient per sample with symbolic.dataset.dataset_point
and updates with symbolic.optim's Stepper (the same symbolic update rule, lambdified). Both give
the same parameters to rounding; "c" is chosen when a C compiler is found.

Ctrl-C (KeyboardInterrupt) between or during steps ends the run early: the result holds the
parameters after the last completed step and `interrupted` is set, so the caller can save them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np

from symbolic.graph import Graph
from symbolic.optim import Settings
from symbolic.optim.numeric import Stepper

__all__ = [
    "CBackend",
    "NumpyBackend",
    "TrainResult",
    "batches",
    "default_backend",
    "params_json",
    "plot_losses",
    "train",
]


@dataclass
class TrainResult:
    """A run: final (or last good) parameters, the loss of every step (before its update), the
    mean step loss per completed epoch, the backend used, steps taken, and whether Ctrl-C ended it."""

    params: dict[str, np.ndarray]
    step_losses: list[float] = field(default_factory=list)
    epoch_losses: list[float] = field(default_factory=list)
    backend: str = "numpy"
    steps: int = 0
    interrupted: bool = False


def batches(rng: np.random.Generator, n: int, batch: int) -> list[np.ndarray]:
    """One epoch's mini-batches: index arrays of a fresh permutation of range(n), in chunks of `batch`."""
    perm = rng.permutation(n)
    return [perm[i : i + batch] for i in range(0, n, batch)]


def default_backend() -> str:
    """ "c" when a C compiler is available, else "numpy"."""
    from .build import BuildError, find_compiler

    try:
        find_compiler()
    except BuildError:
        return "numpy"
    return "c"


def _run_settings(st: Settings, total_steps: int) -> Settings:
    """A cosine schedule without t_max anneals over the whole run."""
    if "t_max" in st.schedule_options and st.schedule_options["t_max"] is None:
        from dataclasses import replace

        return replace(st, schedule_options={**st.schedule_options, "t_max": float(max(total_steps, 1))})
    return st


class NumpyBackend:
    """Steps on numpy: whole-batch gradient by symbolic.dataset.dataset_point, update by Stepper."""

    name = "numpy"

    def __init__(self, graph: Graph, params: Mapping[str, np.ndarray], data: Mapping[str, np.ndarray], st: Settings):
        from symbolic.dataset import dataset_point, objective_split

        self.graph, self.data = graph, data
        self.point = {p: np.array(params[p], dtype=float) for p in graph.params}
        self.stepper = Stepper(st)
        split = objective_split(graph)
        self._eval = lambda point, sub: dataset_point(graph, point, sub, *split)

    def step(self, idx: np.ndarray) -> float:
        """One update on the samples `idx`; the loss there before the update."""
        sub = {x: v[idx] for x, v in self.data.items()}
        res = self._eval(self.point, sub)
        self.point = self.stepper.step(self.point, res.grad)
        return float(res.objective)

    def params(self) -> dict[str, np.ndarray]:
        return {p: np.array(v) for p, v in self.point.items()}


class CBackend:
    """Steps in C: the model's compiled loss_grad kernel and codegen.optimizer's fused update."""

    name = "c"

    def __init__(self, graph: Graph, params: Mapping[str, np.ndarray], data: Mapping[str, np.ndarray], st: Settings):
        from .kernel import compile as kcompile
        from .optimizer_step import FusedOptimizer

        self.kernel = kcompile(graph, what=("loss_grad",))
        keys = {k: v for k, v in st.as_dict().items() if k != "type" and v is not None}
        self.opt = FusedOptimizer(self.kernel, st.name, **keys)
        self.theta = self.kernel.pack({p: np.asarray(params[p], dtype=float) for p in graph.params})
        self.D = self.kernel.pack_data(dict(data))
        self._good = self.theta.copy()

    def step(self, idx: np.ndarray) -> float:
        """One fused update on the rows `idx`; the loss there before the update."""
        loss = self.opt.step(self.theta, np.ascontiguousarray(self.D[idx]))
        self._good[:] = self.theta
        return loss

    def params(self) -> dict[str, np.ndarray]:
        """The parameters after the last completed step (a Ctrl-C inside a step leaves θ as it was)."""
        return self.kernel.unpack(self._good)


def train(
    graph: Graph,
    params: Mapping[str, np.ndarray],
    data: Mapping[str, np.ndarray],
    st: Settings,
    epochs: int,
    batch: int,
    seed: int = 0,
    backend: str | None = None,
    on_step: Callable[[int, float], None] | None = None,
    on_epoch: Callable[[int, float], None] | None = None,
) -> TrainResult:
    """`epochs` passes of shuffled mini-batches of `batch` samples (capped at N) over `data`,
    one optimizer step per batch, from `params`. on_step(step, loss) and on_epoch(epoch, mean
    loss) report progress. Ctrl-C ends the run with the last good parameters (interrupted=True)."""
    from symbolic.dataset import n_samples

    n = n_samples(data)
    batch = min(batch, n)
    per_epoch = math.ceil(n / batch)
    st = _run_settings(st, epochs * per_epoch)
    chosen = backend or default_backend()
    result = TrainResult({p: np.array(params[p], dtype=float) for p in graph.params}, backend=chosen)
    if epochs == 0:
        return result
    runner = (CBackend if chosen == "c" else NumpyBackend)(graph, params, data, st)
    rng = np.random.default_rng(seed)
    try:
        for epoch in range(1, epochs + 1):
            losses = []
            for idx in batches(rng, n, batch):
                loss = runner.step(idx)
                losses.append(loss)
                result.step_losses.append(loss)
                result.steps += 1
                if on_step is not None:
                    on_step(result.steps, loss)
            result.epoch_losses.append(float(np.mean(losses)))
            if on_epoch is not None:
                on_epoch(epoch, result.epoch_losses[-1])
    except KeyboardInterrupt:
        result.interrupted = True
    result.params = runner.params()
    return result


def params_json(params: Mapping[str, np.ndarray]) -> dict[str, object]:
    """Parameters as JSON: nested lists (a scalar as a number) keyed by name, the same shapes."""
    out: dict[str, object] = {}
    for k, v in params.items():
        a = np.asarray(v, dtype=float)
        out[k] = float(a) if a.shape == () else a.tolist()
    return out


def plot_losses(result: TrainResult, path: str, title: str) -> None:
    """The loss curve as a PNG: every step's loss and each epoch's mean (matplotlib, Agg)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.4, 4.0), dpi=100)
    try:
        steps = np.arange(1, len(result.step_losses) + 1)
        ax.plot(steps, result.step_losses, lw=1, alpha=0.6, label="mini-batch loss")
        if result.epoch_losses and result.steps:
            per = result.steps / max(len(result.epoch_losses), 1)
            ends = per * np.arange(1, len(result.epoch_losses) + 1)
            ax.plot(ends, result.epoch_losses, "o-", lw=1.5, label="epoch mean")
        ax.set_xlabel("step")
        ax.set_ylabel("loss")
        ax.set_title(title)
        ax.legend()
        fig.tight_layout()
        fig.savefig(path, format="png")
    finally:
        plt.close(fig)
