"""Spec texts shared by the codegen tests (layered and assignment forms, every op)."""

MLP_PEN_SUM = """
[model]
name = "mlp_pen_sum"
input = 3
[[layers]]
dense = 5
activation = "tanh"
[[layers]]
dense = 4
activation = "sigmoid"
[[layers]]
dense = 2
[loss]
type = "mse"
reduction = "sum"
[penalty]
type = "l2"
lam = 0.1
params = "all"
"""

CE_SOFTPLUS = """
[model]
name = "ce_softplus"
input = 4
[[layers]]
dense = 6
activation = "softplus"
[[layers]]
dense = 3
bias = false
[loss]
type = "cross_entropy"
"""

ACTS = """
[model]
name = "acts"
input = 2
[[layers]]
dense = 4
activation = "gelu"
[[layers]]
dense = 4
activation = "silu"
[[layers]]
dense = 3
activation = "elu"
alpha = 0.7
[[layers]]
dense = 3
activation = "leaky_relu"
alpha = 0.05
[[layers]]
dense = 1
[loss]
type = "bce_logits"
[penalty]
type = "l2"
C = 4.0
"""

HUBER_RELU = """
[model]
name = "huber_relu"
input = 3
[[layers]]
dense = 4
activation = "relu"
[[layers]]
dense = 2
[loss]
type = "huber"
delta = 0.5
"""

ASSIGN_OPS = """
[model]
name = "assign_ops"
inputs = ["x[3]", "y[2]", "t"]
params = ["W[2,3]", "b[2]", "v[2]", "c"]
objective = "J"
outputs = ["p", "s"]
reduction = "sum"

[forward]
z = "W @ x + b"
p = "softmax(z)"
lp = "log_softmax(z)"
m = "logsumexp(z) + max(z[0], z[1])"
q = "outer(v, x)"
r = "sum(q * W) + dot(v, z)"
s = "sigmoid(c * t + W[1,2]) + ifpos(t, t, 0.5*t)"
st = "[z[0], s, c]"
u = "W.T @ v"
J = "-sum(y * lp) + 0.1*m**2 + 0.01*r + s**2 + sum(u**2)/10 + sum(st**3)/100 + c**2"
"""


# two wide tanh layers (W1 128x130, W2 128x128) and a narrow identity head; mean of ½‖·‖²:
# wide enough for the blocked GEMM paths and the BLAS threshold (layered dict for codegen.reference)
WIDE_SPEC = {
    "model": {"input": 130},
    "layers": [
        {"dense": 128, "activation": "tanh"},
        {"dense": 128, "activation": "tanh"},
        {"dense": 3, "activation": "identity"},
    ],
    "loss": {"type": "mse", "half": True},
}


def wide_toml(name: str) -> str:
    """The same network as a spec text, under the given model name."""
    return """
[model]
name = "{name}"
input = 130
[[layers]]
dense = 128
activation = "tanh"
[[layers]]
dense = 128
activation = "tanh"
[[layers]]
dense = 3
[loss]
type = "mse"
half = true
""".replace("{name}", name)
