"""Builders: whole MLP specs and graphs from widths, in matrix form (W1 @ x + b1 …, through the
layered spec) or scalar per-weight form (the assignment spec users write for small nets).

The layer and penalty lines themselves live in symbolic.layers (which spec.py uses); this module
sits above spec.py: it writes spec text and parses it.
"""

from __future__ import annotations

from .graph import Graph
from .layers import LayerSpec, activation_line
from .spec import parse_spec

__all__ = ["LayerSpec", "build_mlp", "scalar_mlp_toml"]


def scalar_mlp_toml(widths: list[int], activations: list[str], half: bool = True, name: str = "scalar_mlp") -> str:
    """The same MLP written weight by weight in the assignment form (scalar parameters)."""
    n_in = widths[0]
    inputs = [f"x{j}" for j in range(n_in)] + [f"y{k}" for k in range(widths[-1])]
    params, lines = [], []
    prev = [f"x{j}" for j in range(n_in)]
    for l, (units, act) in enumerate(zip(widths[1:], activations, strict=True), 1):
        cur = []
        for i in range(units):
            terms = []
            for j, p in enumerate(prev):
                w = f"w{l}_{i}_{j}"
                params.append(w)
                terms.append(f"{w}*{p}")
            b = f"b{l}_{i}"
            params.append(b)
            z = f"z{l}_{i}"
            lines.append((z, " + ".join(terms) + f" + {b}"))
            h = f"h{l}_{i}"
            lines.append((h, activation_line(act, z, None)))
            cur.append(h)
        prev = cur
    sq = " + ".join(f"({h} - y{k})**2" for k, h in enumerate(prev))
    lines.append(("L", f"{'0.5*' if half else ''}({sq})"))
    out = [
        "[model]",
        f'name = "{name}"',
        f"inputs = {inputs!r}".replace("'", '"'),
        f"params = {params!r}".replace("'", '"'),
        'objective = "L"',
        "",
        "[forward]",
    ]
    out += [f'{n} = "{e}"' for n, e in lines]
    return "\n".join(out) + "\n"


def build_mlp(
    widths: list[int],
    activations: list[str] | str = "tanh",
    loss: str = "mse",
    half: bool = True,
    bias: bool = True,
    form: str = "matrix",
    name: str = "mlp",
) -> Graph:
    """An MLP graph from widths (input first): form='matrix' (W1 @ x + b1 …) or 'scalar'
    (one parameter per weight, as users write small nets by hand). Returns a Graph."""
    n = len(widths) - 1
    acts = [activations] * (n - 1) + ["identity"] if isinstance(activations, str) else list(activations)
    if len(acts) != n:
        raise ValueError(f"need {n} activations (one per layer), got {len(acts)}")
    if form == "scalar":
        if loss != "mse" or not bias:
            raise ValueError("the scalar form builder supports mse loss with biases")
        return parse_spec(scalar_mlp_toml(widths, acts, half=half, name=name))
    if form != "matrix":
        raise ValueError(f"form must be 'matrix' or 'scalar', got {form!r}")
    text = f'[model]\nname = "{name}"\ninput = {widths[0]}\n'
    for w, a in zip(widths[1:], acts, strict=True):
        text += f'[[layers]]\ndense = {w}\nactivation = "{a}"\nbias = {"true" if bias else "false"}\n'
    text += f'[loss]\ntype = "{loss}"\n' + (f"half = {'true' if half else 'false'}\n" if loss == "mse" else "")
    return parse_spec(text)
