"""Index maps of the layout functions of the spec grammar: reshape, flatten, im2col (seed 002's
φ(Z)), pooling windows and channel broadcasts. Each is plain integer arithmetic giving, for every
output entry, the flat index of the input entry it copies (−1: a zero, e.g. padding); the IR
carries it as a `gather` op (symbolic/ops/gather.py), whose VJP is the transposed map.

Geometry follows PyTorch: images are (C, H, W) per sample, conv weights (O, C, k, k), the output
size ⌊(a + 2p − k)/s⌋ + 1 (seed 002), patches ordered (c, di, dj) so that W reshaped to
(O, C·k·k) multiplies φ(x) directly.
"""

from __future__ import annotations

from .graph import GraphError, Shape, size

MAX_MAP = 1_000_000  # entries of one index map (memory of the IR, size of the C table)


def window_count(a: int, k: int, stride: int, padding: int = 0) -> int:
    """⌊(a + 2p − k)/s⌋ + 1, the number of window positions along an axis of size a (< 1: none fit)."""
    return (a + 2 * padding - k) // stride + 1


def out_size(a: int, k: int, stride: int, padding: int, what: str) -> int:
    """window_count, or GraphError naming `what` when no window fits."""
    n = window_count(a, k, stride, padding)
    if n < 1:
        raise GraphError(f"{what}: a {k}×{k} window does not fit an axis of {a} with padding {padding}")
    return n


def _checked(index_map: list[int], what: str) -> tuple[int, ...]:
    if len(index_map) > MAX_MAP:
        raise GraphError(f"{what}: {len(index_map)} entries; the limit is {MAX_MAP}")
    return tuple(index_map)


def reshape_map(src: Shape, dst: Shape, what: str) -> tuple[int, ...]:
    """Row-major reshape: the identity map between equal sizes."""
    if size(src) != size(dst):
        raise GraphError(f"{what}: cannot reshape {list(src)} ({size(src)} entries) to {list(dst)} ({size(dst)})")
    return _checked(list(range(size(src))), what)


def image(shape: Shape, what: str) -> tuple[int, int, int]:
    """(C, H, W) of a per-sample image; a matrix is one channel."""
    if len(shape) == 3:
        return shape[0], shape[1], shape[2]
    if len(shape) == 2:
        return 1, shape[0], shape[1]
    raise GraphError(f"{what} needs an image (C, H, W) or a matrix (H, W), got shape {list(shape)}")


def im2col_map(
    chw: tuple[int, int, int], k: int, stride: int, padding: int, what: str
) -> tuple[tuple[int, ...], Shape, tuple[int, int]]:
    """φ(x): rows (c, di, dj), columns the window positions (oi, oj); (map, shape, (Ho, Wo))."""
    C, H, W = chw
    ho, wo = out_size(H, k, stride, padding, what), out_size(W, k, stride, padding, what)
    index_map: list[int] = []
    for c in range(C):
        for di in range(k):
            for dj in range(k):
                for oi in range(ho):
                    i = oi * stride + di - padding
                    for oj in range(wo):
                        j = oj * stride + dj - padding
                        index_map.append(c * H * W + i * W + j if 0 <= i < H and 0 <= j < W else -1)
    return _checked(index_map, what), (C * k * k, ho * wo), (ho, wo)


def window_map(
    chw: tuple[int, int, int], k: int, stride: int, di: int, dj: int, what: str
) -> tuple[tuple[int, ...], Shape]:
    """Entry (di, dj) of every k×k pooling window: shape (C, Ho, Wo) (no padding)."""
    C, H, W = chw
    ho, wo = out_size(H, k, stride, 0, what), out_size(W, k, stride, 0, what)
    index_map = [
        c * H * W + (oi * stride + di) * W + (oj * stride + dj)
        for c in range(C)
        for oi in range(ho)
        for oj in range(wo)
    ]
    return _checked(index_map, what), (C, ho, wo)


def broadcast_rows_map(n: int, cols: int, what: str) -> tuple[int, ...]:
    """A vector of n entries repeated along `cols` columns: b 1ᵀ, shape (n, cols)."""
    return _checked([r for r in range(n) for _ in range(cols)], what)


def pool_windows(chw: Shape, k: int, stride: int) -> list[list[int]]:
    """For each window (c, oi, oj) of an image (C, H, W), row-major, the flat indices of its k×k
    entries in row-major scan order (no padding): window_map's entries regrouped by window."""
    C, H, W = chw
    ho, wo = window_count(H, k, stride), window_count(W, k, stride)
    return [
        [c * H * W + (oi * stride + di) * W + oj * stride + dj for di in range(k) for dj in range(k)]
        for c in range(C)
        for oi in range(ho)
        for oj in range(wo)
    ]
