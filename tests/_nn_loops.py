"""Direct-loop numpy versions of convolution and pooling (PyTorch's conventions), written out one
output entry at a time: the independent references of the CNN tests."""

from __future__ import annotations

import itertools

import numpy as np


def conv2d_loops(x: np.ndarray, W: np.ndarray, b: np.ndarray | None, stride: int, padding: int) -> np.ndarray:
    """Cross-correlation as PyTorch's conv2d: x (C, H, W), W (O, C, k, k) → (O, Ho, Wo)."""
    C, H, Wd = x.shape
    O, _, k, _ = W.shape
    xp = np.zeros((C, H + 2 * padding, Wd + 2 * padding))
    xp[:, padding : padding + H, padding : padding + Wd] = x
    ho, wo = (H + 2 * padding - k) // stride + 1, (Wd + 2 * padding - k) // stride + 1
    out = np.zeros((O, ho, wo))
    for o, i, j in itertools.product(range(O), range(ho), range(wo)):
        patch = xp[:, i * stride : i * stride + k, j * stride : j * stride + k]
        out[o, i, j] = np.sum(patch * W[o]) + (b[o] if b is not None else 0.0)
    return out


def pool_loops(x: np.ndarray, k: int, stride: int, how: str) -> np.ndarray:
    """Max or average over k×k windows with the given stride, no padding."""
    C, H, Wd = x.shape
    ho, wo = (H - k) // stride + 1, (Wd - k) // stride + 1
    out = np.zeros((C, ho, wo))
    for c, i, j in itertools.product(range(C), range(ho), range(wo)):
        win = x[c, i * stride : i * stride + k, j * stride : j * stride + k]
        out[c, i, j] = win.max() if how == "max" else win.mean()
    return out


def log_softmax(z: np.ndarray) -> np.ndarray:
    m = z.max()
    return z - m - np.log(np.sum(np.exp(z - m)))


def layernorm_rows(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float = 1e-5) -> np.ndarray:
    """(x − mean)/√(var + eps)·γ + β over the last axis, biased variance (PyTorch)."""
    mu = x.mean(axis=-1, keepdims=True)
    var = ((x - mu) ** 2).mean(axis=-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * gamma + beta


def attention_loops(X: np.ndarray, P: dict, heads: int, i: int = 1, bias: bool = True) -> np.ndarray:
    """Multi-head self-attention over the rows of X (T, D), head by head, as nn.MultiheadAttention."""
    T, D = X.shape
    dh = D // heads

    def proj(c: str) -> np.ndarray:
        return X @ P[f"W{c}{i}"].T + (P[f"b{c}{i}"] if bias else 0.0)

    Q, K, V = proj("q"), proj("k"), proj("v")
    out = np.zeros((T, D))
    for h in range(heads):
        cols = slice(h * dh, (h + 1) * dh)
        S = Q[:, cols] @ K[:, cols].T / np.sqrt(dh)
        A = np.exp(S - S.max(axis=1, keepdims=True))
        A /= A.sum(axis=1, keepdims=True)
        out[:, cols] = A @ V[:, cols]
    return out @ P[f"Wo{i}"].T + (P[f"bo{i}"] if bias else 0.0)
