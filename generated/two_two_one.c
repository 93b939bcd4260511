/* two_two_one.c: symgrad kernels for model 'two_two_one' (float64), emitter v1.
   Generated from the assignment graph of two_two_one.toml; do not edit.
   Self-contained C99 (math.h only): cc -O3 -std=c99 -c two_two_one.c   (link with -lm)
   Layout: theta = W1[2, 2], b1[2], W2[2, 2], b2[2], W3[2], b3[] (row-major, packed)
           data row = x[2], y[]
           forward row = yhat[]
   Batch objective: mean over samples of 'L'. */
#include <math.h>
#include <string.h>
#include <stdint.h>

#ifndef SG_INLINE
#  if defined(__GNUC__) || defined(__clang__)
#    define SG_INLINE static __inline__ __attribute__((always_inline))
#  else
#    define SG_INLINE static
#  endif
#endif
/* simd reductions: on when compiled with -fopenmp or -fopenmp-simd -DSG_OMP_SIMD (symgrad's
   build); otherwise plain loops (no unknown-pragma warnings). */
#if defined(_OPENMP) || defined(SG_OMP_SIMD)
#  define SG_PRAGMA(x) _Pragma(#x)
#  define SG_SIMD_REDUCE(v) SG_PRAGMA(omp simd reduction(+:v))
#else
#  define SG_SIMD_REDUCE(v)
#endif

/* Vectorised libm (glibc libmvec, x86-64): lets gcc vectorise loops calling exp/tanh/...
   Active only when compiled with -fno-math-errno (symgrad's build does); define
   SG_NO_LIBMVEC to switch it off. Linking: libm.so pulls libmvec in as needed. */
#if !defined(SG_NO_LIBMVEC) && defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) \
    && defined(__GLIBC__) && defined(__GLIBC_PREREQ) && defined(__NO_MATH_ERRNO__)
#  if __GLIBC_PREREQ(2, 35)
#    define SG_VDECL __attribute__((simd("notinbranch")))
SG_VDECL double exp(double); SG_VDECL double log(double); SG_VDECL double tanh(double);
SG_VDECL double expm1(double); SG_VDECL double log1p(double); SG_VDECL double erfc(double);
SG_VDECL double erf(double); SG_VDECL double sin(double); SG_VDECL double cos(double);
SG_VDECL float expf(float); SG_VDECL float logf(float); SG_VDECL float tanhf(float);
SG_VDECL float expm1f(float); SG_VDECL float log1pf(float); SG_VDECL float erfcf(float);
SG_VDECL float erff(float); SG_VDECL float sinf(float); SG_VDECL float cosf(float);
#  endif
#endif

typedef double sg_real;

/* status codes returned by every kernel function */
#define SG_OK 0
#define SG_EBATCH 1   /* n < 1 */
#define SG_ETHETA 2   /* non-finite parameter */
#define SG_EDATA 3    /* non-finite data */
#define SG_EDIR 4     /* non-finite direction */

/* 1 if every entry is finite (exponent bits not all ones); vectorisable, no libm call */
SG_INLINE int sg_all_finite(const sg_real *restrict v, long n)
{
    uint64_t bad = 0;
    long i;
    for (i = 0; i < n; ++i) {
        uint64_t b;
        memcpy(&b, &v[i], sizeof b);
        bad |= ((b >> 52) & 0x7ffu) == 0x7ffu;
    }
    return bad == 0;
}

/* stable elementwise forms (catalogue kink policy: derivative branches use x > 0) */
SG_INLINE sg_real sg_sigmoid(sg_real x)
{
    const sg_real e = exp(-fabs(x));   /* never overflows */
    const sg_real r = 1.0 / (1.0 + e);
    return x >= 0 ? r : e * r;
}
SG_INLINE sg_real sg_softplus(sg_real x)
{
    return (x > 0 ? x : 0.0) + log1p(exp(-fabs(x)));
}
SG_INLINE sg_real sg_relu(sg_real x) { return x > 0 ? x : 0.0; }
SG_INLINE sg_real sg_leaky_relu(sg_real x, sg_real a) { return x > 0 ? x : a * x; }
SG_INLINE sg_real sg_elu(sg_real x, sg_real a)
{
    return x > 0 ? x : a * expm1(x < 0 ? x : 0.0);
}
SG_INLINE sg_real sg_silu(sg_real x) { return x * sg_sigmoid(x); }
SG_INLINE sg_real sg_gelu(sg_real x)
{
    return 0.5 * x * erfc(-x * 0.70710678118654752440);
}
SG_INLINE sg_real sg_max(sg_real a, sg_real b) { return a > b ? a : b; }
SG_INLINE sg_real sg_sign(sg_real x) { return x > 0 ? 1.0 : (x < 0 ? -1.0 : 0.0); }


#define TWO_TWO_ONE_N_PARAMS 15
#define TWO_TWO_ONE_DATA_WIDTH 3
#define TWO_TWO_ONE_OUT_WIDTH 1
#define TWO_TWO_ONE_INFO_N_PARAMS 0
#define TWO_TWO_ONE_INFO_DATA_WIDTH 1
#define TWO_TWO_ONE_INFO_OUT_WIDTH 2
#define TWO_TWO_ONE_INFO_JAC_ROWS 3
#define TWO_TWO_ONE_INFO_JAC_COLS 4
#define TWO_TWO_ONE_INFO_TILE 5
#define TWO_TWO_ONE_INFO_DTYPE_BYTES 6
#define TWO_TWO_ONE_INFO_WORK_FORWARD 7
#define TWO_TWO_ONE_INFO_WORK_LOSS_GRAD 8
#define TWO_TWO_ONE_INFO_WORK_HVP 9
#define TWO_TWO_ONE_INFO_WORK_HESSIAN 10
#define TWO_TWO_ONE_INFO_WORK_JACOBIAN 11

long two_two_one_info(int what)
{
    switch (what) {
    case 0: return 15L;
    case 1: return 3L;
    case 2: return 1L;
    case 3: return 1L;
    case 4: return 18L;
    case 5: return 32L;
    case 6: return 8L;
    case 7: return 480L;
    case 8: return 952L;
    case 9: return 2200L;
    case 10: return 2238L;
    case 11: return 1184L;
    default: return -1L;
    }
}

/* ==== forward: tile of 32 samples, workspace 480 reals ==== */
int two_two_one_forward(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict out, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 15)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 3)) return SG_EDATA;
    const sg_real *restrict p_W1 = theta + 0;  /* [2, 2] */
    const sg_real *restrict p_b1 = theta + 4;  /* [2] */
    const sg_real *restrict p_W2 = theta + 6;  /* [2, 2] */
    const sg_real *restrict p_b2 = theta + 10;  /* [2] */
    const sg_real *restrict p_W3 = theta + 12;  /* [2] */
    const sg_real *restrict p_b3 = theta + 14;  /* [] */
    sg_real *restrict t_z1_1 = work + 0;  /* tile [2] */
    sg_real *restrict t_z1 = work + 64;  /* tile [2] */
    sg_real *restrict t_a1 = work + 128;  /* tile [2] */
    sg_real *restrict t_z2_1 = work + 192;  /* tile [2] */
    sg_real *restrict t_z2 = work + 256;  /* tile [2] */
    sg_real *restrict t_a2 = work + 320;  /* tile [2] */
    sg_real *restrict t_z3_1 = work + 384;  /* tile [] */
    sg_real *restrict t_z3 = work + 416;  /* tile [] */
    sg_real *restrict t_yhat = work + 448;  /* tile [] */
    (void)p_W1;
    (void)p_b1;
    (void)p_W2;
    (void)p_b2;
    (void)p_W3;
    (void)p_b3;
    /* ---- sample-invariant part (once per call) ---- */
    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 3 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 3 + 2;
        (void)d_y;
        /* z1#1 = matmul(W1, x)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 2x2 */
        for (int mi = 0; mi < 2; ++mi) {
            const sg_real *restrict wr = p_W1 + mi*2;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = d_x + s*3;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 2; ++mj) acc += wr[mj] * xr[mj];
                t_z1_1[s*2 + mi] = acc;
            }
        }

        /* z1 = b1 + z1#1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = p_b1[k];
            const sg_real a1 = t_z1_1[s*2 + k];
        t_z1[s*2 + k] = a0 + a1;
        }
        }

        /* a1 = ReLU(z1) */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_z1[k];
        t_a1[k] = sg_relu(a0);
        }

        /* z2#1 = matmul(W2, a1)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 2x2 */
        for (int mi = 0; mi < 2; ++mi) {
            const sg_real *restrict wr = p_W2 + mi*2;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = t_a1 + s*2;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 2; ++mj) acc += wr[mj] * xr[mj];
                t_z2_1[s*2 + mi] = acc;
            }
        }

        /* z2 = b2 + z2#1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = p_b2[k];
            const sg_real a1 = t_z2_1[s*2 + k];
        t_z2[s*2 + k] = a0 + a1;
        }
        }

        /* a2 = tanh(z2) */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_z2[k];
        t_a2[k] = tanh(a0);
        }

        /* z3#1 = matmul(W3, a2)  [1x2]·[2x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 1; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 2; ++mk) acc += p_W3[mk] * t_a2[s*2 + mk];
                t_z3_1[s*1 + mi + mj] = acc;
            }
        }
        }

        /* z3 = b3 + z3#1 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = p_b3[0];
            const sg_real a1 = t_z3_1[k];
        t_z3[k] = a0 + a1;
        }

        /* yhat = σ(z3) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_z3[k];
        t_yhat[k] = sg_sigmoid(a0);
        }

        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) out[(t0 + s)*1 + 0 + k] = t_yhat[s*1 + k];

    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== loss_grad: tile of 32 samples, workspace 952 reals ==== */
int two_two_one_loss_grad(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict loss, sg_real *restrict grad, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 15)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 3)) return SG_EDATA;
    const sg_real *restrict p_W1 = theta + 0;  /* [2, 2] */
    const sg_real *restrict p_b1 = theta + 4;  /* [2] */
    const sg_real *restrict p_W2 = theta + 6;  /* [2, 2] */
    const sg_real *restrict p_b2 = theta + 10;  /* [2] */
    const sg_real *restrict p_W3 = theta + 12;  /* [2] */
    const sg_real *restrict p_b3 = theta + 14;  /* [] */
    sg_real *restrict t_z1_1 = work + 0;  /* tile [2] */
    sg_real *restrict t_z1 = work + 64;  /* tile [2] */
    sg_real *restrict t_a1 = work + 128;  /* tile [2] */
    sg_real *restrict t_z2_1 = work + 192;  /* tile [2] */
    sg_real *restrict t_z2 = work + 256;  /* tile [2] */
    sg_real *restrict t_a2 = work + 320;  /* tile [2] */
    sg_real *restrict t_z3_1 = work + 384;  /* tile [] */
    sg_real *restrict t_z3 = work + 416;  /* tile [] */
    sg_real *restrict t_yhat = work + 448;  /* tile [] */
    sg_real *restrict t_L = work + 480;  /* tile [] */
    sg_real *restrict t_d_yhat = work + 512;  /* tile [] */
    sg_real *restrict t_d_z3 = work + 544;  /* tile [] */
    sg_real *restrict t_d_W3 = work + 576;  /* tile [2] */
    sg_real *restrict t_d_a2 = work + 640;  /* tile [2] */
    sg_real *restrict t_d_z2 = work + 704;  /* tile [2] */
    sg_real *restrict t_d_a1 = work + 768;  /* tile [2] */
    sg_real *restrict t_d_z1 = work + 832;  /* tile [2] */
    sg_real *restrict r_L = work + 896;  /* acc [] */
    sg_real *restrict r_d_z3 = work + 904;  /* acc [] */
    sg_real *restrict r_d_W3 = work + 912;  /* acc [2] */
    sg_real *restrict r_d_z2 = work + 920;  /* acc [2] */
    sg_real *restrict r_d_W2 = work + 928;  /* acc [2, 2] */
    sg_real *restrict r_d_z1 = work + 936;  /* acc [2] */
    sg_real *restrict r_d_W1 = work + 944;  /* acc [2, 2] */
    (void)p_W1;
    (void)p_b1;
    (void)p_W2;
    (void)p_b2;
    (void)p_W3;
    (void)p_b3;
    /* ---- sample-invariant part (once per call) ---- */
    memset(r_L, 0, sizeof(sg_real) * 1);
    memset(r_d_z3, 0, sizeof(sg_real) * 1);
    memset(r_d_W3, 0, sizeof(sg_real) * 2);
    memset(r_d_z2, 0, sizeof(sg_real) * 2);
    memset(r_d_W2, 0, sizeof(sg_real) * 4);
    memset(r_d_z1, 0, sizeof(sg_real) * 2);
    memset(r_d_W1, 0, sizeof(sg_real) * 4);
    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 3 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 3 + 2;
        (void)d_y;
        /* z1#1 = matmul(W1, x)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 2x2 */
        for (int mi = 0; mi < 2; ++mi) {
            const sg_real *restrict wr = p_W1 + mi*2;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = d_x + s*3;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 2; ++mj) acc += wr[mj] * xr[mj];
                t_z1_1[s*2 + mi] = acc;
            }
        }

        /* z1 = b1 + z1#1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = p_b1[k];
            const sg_real a1 = t_z1_1[s*2 + k];
        t_z1[s*2 + k] = a0 + a1;
        }
        }

        /* a1 = ReLU(z1) */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_z1[k];
        t_a1[k] = sg_relu(a0);
        }

        /* z2#1 = matmul(W2, a1)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 2x2 */
        for (int mi = 0; mi < 2; ++mi) {
            const sg_real *restrict wr = p_W2 + mi*2;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = t_a1 + s*2;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 2; ++mj) acc += wr[mj] * xr[mj];
                t_z2_1[s*2 + mi] = acc;
            }
        }

        /* z2 = b2 + z2#1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = p_b2[k];
            const sg_real a1 = t_z2_1[s*2 + k];
        t_z2[s*2 + k] = a0 + a1;
        }
        }

        /* a2 = tanh(z2) */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_z2[k];
        t_a2[k] = tanh(a0);
        }

        /* z3#1 = matmul(W3, a2)  [1x2]·[2x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 1; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 2; ++mk) acc += p_W3[mk] * t_a2[s*2 + mk];
                t_z3_1[s*1 + mi + mj] = acc;
            }
        }
        }

        /* z3 = b3 + z3#1 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = p_b3[0];
            const sg_real a1 = t_z3_1[k];
        t_z3[k] = a0 + a1;
        }

        /* yhat = σ(z3) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_z3[k];
        t_yhat[k] = sg_sigmoid(a0);
        }

        /* L = (-y + yhat)**2/2 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_y[s*3 + k];
            const sg_real a1 = t_yhat[s*1 + k];
        t_L[s*1 + k] = ((1.0/2.0))*((-a0 + a1)*(-a0 + a1));
        }
        }

        /* d[yhat] = -y + yhat */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_y[s*3 + k];
            const sg_real a1 = t_yhat[s*1 + k];
        t_d_yhat[s*1 + k] = -a0 + a1;
        }
        }

        /* d[z3] = d[yhat]*yhat*(1 - yhat) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_d_yhat[k];
            const sg_real a1 = t_yhat[k];
        t_d_z3[k] = a0*a1*(1.0 - a1);
        }

        /* d[W3] = a2*d[z3] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = t_a2[s*2 + k];
            const sg_real a1 = t_d_z3[s*1];
        t_d_W3[s*2 + k] = a0*a1;
        }
        }

        /* d[a2] = W3*d[z3] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = p_W3[k];
            const sg_real a1 = t_d_z3[s*1];
        t_d_a2[s*2 + k] = a0*a1;
        }
        }

        /* d[z2] = d[a2]*(1 - a2**2) */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_a2[k];
            const sg_real a1 = t_d_a2[k];
        t_d_z2[k] = a1*(1.0 - (a0*a0));
        }

        /* d[a1] = matmul(W2, d[z2])  tile GEMM: Z[s,j] = sum_i X[s,i] W[i,j], W 2x2 */
        for (s = 0; s < nt; ++s) {
            sg_real *restrict zr = t_d_a1 + s*2;
            const sg_real *restrict xr = t_d_z2 + s*2;
            for (int mj = 0; mj < 2; ++mj) zr[mj] = 0;
            for (int mi = 0; mi < 2; ++mi) {
                const sg_real xv = xr[mi];
                const sg_real *restrict wr = p_W2 + mi*2;
                for (int mj = 0; mj < 2; ++mj) zr[mj] += xv * wr[mj];
            }
        }

        /* d[z1] = d[a1]*𝟙[z1 > 0] */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_d_a1[k];
            const sg_real a1 = t_z1[k];
        t_d_z1[k] = a0*((a1) > 0 ? (1.0) : (0.0));
        }

        /* Σ L over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_L[k] += t_L[s*1 + k];

        /* Σ d[z3] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_z3[k] += t_d_z3[s*1 + k];

        /* Σ d[W3] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_d_W3[k] += t_d_W3[s*2 + k];

        /* Σ d[z2] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_d_z2[k] += t_d_z2[s*2 + k];

        /* Σ d[W2] = Σ outer(d[z2], a1): tile GEMM acc += A^T B (2x2) */
        for (int mi = 0; mi < 2; ++mi) {
            sg_real *restrict rr = r_d_W2 + mi*2;
            for (s = 0; s < nt; ++s) {
                const sg_real av = t_d_z2[s*2 + mi];
                const sg_real *restrict br = t_a1 + s*2;
                for (int mj = 0; mj < 2; ++mj) rr[mj] += av * br[mj];
            }
        }

        /* Σ d[z1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_d_z1[k] += t_d_z1[s*2 + k];

        /* Σ d[W1] = Σ outer(d[z1], x): tile GEMM acc += A^T B (2x2) */
        for (int mi = 0; mi < 2; ++mi) {
            sg_real *restrict rr = r_d_W1 + mi*2;
            for (s = 0; s < nt; ++s) {
                const sg_real av = t_d_z1[s*2 + mi];
                const sg_real *restrict br = d_x + s*3;
                for (int mj = 0; mj < 2; ++mj) rr[mj] += av * br[mj];
            }
        }

    }
    /* ---- after the tiles ---- */
    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (r_L[0]);
    for (int k = 0; k < 4; ++k) grad[0 + k] = scale * (r_d_W1[k]);  /* W1 */
    for (int k = 0; k < 2; ++k) grad[4 + k] = scale * (r_d_z1[k]);  /* b1 */
    for (int k = 0; k < 4; ++k) grad[6 + k] = scale * (r_d_W2[k]);  /* W2 */
    for (int k = 0; k < 2; ++k) grad[10 + k] = scale * (r_d_z2[k]);  /* b2 */
    for (int k = 0; k < 2; ++k) grad[12 + k] = scale * (r_d_W3[k]);  /* W3 */
    for (int k = 0; k < 1; ++k) grad[14 + k] = scale * (r_d_z3[k]);  /* b3 */
    return SG_OK;
}

/* ==== hvp: tile of 32 samples, workspace 2200 reals ==== */
int two_two_one_hvp(const sg_real *restrict theta, const sg_real *restrict data, long n,
    const sg_real *restrict dir, sg_real *restrict loss, sg_real *restrict grad,
    sg_real *restrict hv, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 15)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 3)) return SG_EDATA;
    if (!sg_all_finite(dir, 15)) return SG_EDIR;
    const sg_real *restrict p_W1 = theta + 0;  /* [2, 2] */
    const sg_real *restrict p_b1 = theta + 4;  /* [2] */
    const sg_real *restrict p_W2 = theta + 6;  /* [2, 2] */
    const sg_real *restrict p_b2 = theta + 10;  /* [2] */
    const sg_real *restrict p_W3 = theta + 12;  /* [2] */
    const sg_real *restrict p_b3 = theta + 14;  /* [] */
    const sg_real *restrict u_W1 = dir + 0;
    const sg_real *restrict u_b1 = dir + 4;
    const sg_real *restrict u_W2 = dir + 6;
    const sg_real *restrict u_b2 = dir + 10;
    const sg_real *restrict u_W3 = dir + 12;
    const sg_real *restrict u_b3 = dir + 14;
    sg_real *restrict t_z1_1 = work + 0;  /* tile [2] */
    sg_real *restrict t_z1 = work + 64;  /* tile [2] */
    sg_real *restrict t_a1 = work + 128;  /* tile [2] */
    sg_real *restrict t_z2_1 = work + 192;  /* tile [2] */
    sg_real *restrict t_z2 = work + 256;  /* tile [2] */
    sg_real *restrict t_a2 = work + 320;  /* tile [2] */
    sg_real *restrict t_z3_1 = work + 384;  /* tile [] */
    sg_real *restrict t_z3 = work + 416;  /* tile [] */
    sg_real *restrict t_yhat = work + 448;  /* tile [] */
    sg_real *restrict t_L = work + 480;  /* tile [] */
    sg_real *restrict t_d_yhat = work + 512;  /* tile [] */
    sg_real *restrict t_d_z3 = work + 544;  /* tile [] */
    sg_real *restrict t_d_W3 = work + 576;  /* tile [2] */
    sg_real *restrict t_d_a2 = work + 640;  /* tile [2] */
    sg_real *restrict t_d_z2 = work + 704;  /* tile [2] */
    sg_real *restrict t_d_a1 = work + 768;  /* tile [2] */
    sg_real *restrict t_d_z1 = work + 832;  /* tile [2] */
    sg_real *restrict t_t_z1_1 = work + 896;  /* tile [2] */
    sg_real *restrict t_t_z1 = work + 960;  /* tile [2] */
    sg_real *restrict t_t_a1 = work + 1024;  /* tile [2] */
    sg_real *restrict t_t_z2_1_1 = work + 1088;  /* tile [2] */
    sg_real *restrict t_t_z2_1_2 = work + 1152;  /* tile [2] */
    sg_real *restrict t_t_z2_1 = work + 1216;  /* tile [2] */
    sg_real *restrict t_t_z2 = work + 1280;  /* tile [2] */
    sg_real *restrict t_t_a2 = work + 1344;  /* tile [2] */
    sg_real *restrict t_t_z3_1_1 = work + 1408;  /* tile [] */
    sg_real *restrict t_t_z3_1_2 = work + 1440;  /* tile [] */
    sg_real *restrict t_t_z3_1 = work + 1472;  /* tile [] */
    sg_real *restrict t_t_z3 = work + 1504;  /* tile [] */
    sg_real *restrict t_t_yhat = work + 1536;  /* tile [] */
    sg_real *restrict t_t_d_yhat = work + 1568;  /* tile [] */
    sg_real *restrict t_t_d_z3 = work + 1600;  /* tile [] */
    sg_real *restrict t_t_d_W3 = work + 1632;  /* tile [2] */
    sg_real *restrict t_t_d_a2 = work + 1696;  /* tile [2] */
    sg_real *restrict t_t_d_z2 = work + 1760;  /* tile [2] */
    sg_real *restrict t_t_d_a1_1 = work + 1824;  /* tile [2] */
    sg_real *restrict t_t_d_a1_2 = work + 1888;  /* tile [2] */
    sg_real *restrict t_t_d_a1 = work + 1952;  /* tile [2] */
    sg_real *restrict t_t_d_z1 = work + 2016;  /* tile [2] */
    sg_real *restrict r_L = work + 2080;  /* acc [] */
    sg_real *restrict r_d_z3 = work + 2088;  /* acc [] */
    sg_real *restrict r_d_W3 = work + 2096;  /* acc [2] */
    sg_real *restrict r_d_z2 = work + 2104;  /* acc [2] */
    sg_real *restrict r_d_W2 = work + 2112;  /* acc [2, 2] */
    sg_real *restrict r_d_z1 = work + 2120;  /* acc [2] */
    sg_real *restrict r_d_W1 = work + 2128;  /* acc [2, 2] */
    sg_real *restrict r_t_d_z3 = work + 2136;  /* acc [] */
    sg_real *restrict r_t_d_W3 = work + 2144;  /* acc [2] */
    sg_real *restrict r_t_d_z2 = work + 2152;  /* acc [2] */
    sg_real *restrict r_t_d_W2_1 = work + 2160;  /* acc [2, 2] */
    sg_real *restrict r_t_d_W2_2 = work + 2168;  /* acc [2, 2] */
    sg_real *restrict r_t_d_W2 = work + 2176;  /* acc [2, 2] */
    sg_real *restrict r_t_d_z1 = work + 2184;  /* acc [2] */
    sg_real *restrict r_t_d_W1 = work + 2192;  /* acc [2, 2] */
    (void)p_W1;
    (void)p_b1;
    (void)p_W2;
    (void)p_b2;
    (void)p_W3;
    (void)p_b3;
    (void)u_W1;
    (void)u_b1;
    (void)u_W2;
    (void)u_b2;
    (void)u_W3;
    (void)u_b3;
    /* ---- sample-invariant part (once per call) ---- */
    memset(r_L, 0, sizeof(sg_real) * 1);
    memset(r_d_z3, 0, sizeof(sg_real) * 1);
    memset(r_d_W3, 0, sizeof(sg_real) * 2);
    memset(r_d_z2, 0, sizeof(sg_real) * 2);
    memset(r_d_W2, 0, sizeof(sg_real) * 4);
    memset(r_d_z1, 0, sizeof(sg_real) * 2);
    memset(r_d_W1, 0, sizeof(sg_real) * 4);
    memset(r_t_d_z3, 0, sizeof(sg_real) * 1);
    memset(r_t_d_W3, 0, sizeof(sg_real) * 2);
    memset(r_t_d_z2, 0, sizeof(sg_real) * 2);
    memset(r_t_d_W2_1, 0, sizeof(sg_real) * 4);
    memset(r_t_d_W2_2, 0, sizeof(sg_real) * 4);
    memset(r_t_d_W2, 0, sizeof(sg_real) * 4);
    memset(r_t_d_z1, 0, sizeof(sg_real) * 2);
    memset(r_t_d_W1, 0, sizeof(sg_real) * 4);
    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 3 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 3 + 2;
        (void)d_y;
        /* z1#1 = matmul(W1, x)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 2x2 */
        for (int mi = 0; mi < 2; ++mi) {
            const sg_real *restrict wr = p_W1 + mi*2;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = d_x + s*3;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 2; ++mj) acc += wr[mj] * xr[mj];
                t_z1_1[s*2 + mi] = acc;
            }
        }

        /* z1 = b1 + z1#1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = p_b1[k];
            const sg_real a1 = t_z1_1[s*2 + k];
        t_z1[s*2 + k] = a0 + a1;
        }
        }

        /* a1 = ReLU(z1) */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_z1[k];
        t_a1[k] = sg_relu(a0);
        }

        /* z2#1 = matmul(W2, a1)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 2x2 */
        for (int mi = 0; mi < 2; ++mi) {
            const sg_real *restrict wr = p_W2 + mi*2;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = t_a1 + s*2;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 2; ++mj) acc += wr[mj] * xr[mj];
                t_z2_1[s*2 + mi] = acc;
            }
        }

        /* z2 = b2 + z2#1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = p_b2[k];
            const sg_real a1 = t_z2_1[s*2 + k];
        t_z2[s*2 + k] = a0 + a1;
        }
        }

        /* a2 = tanh(z2) */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_z2[k];
        t_a2[k] = tanh(a0);
        }

        /* z3#1 = matmul(W3, a2)  [1x2]·[2x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 1; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 2; ++mk) acc += p_W3[mk] * t_a2[s*2 + mk];
                t_z3_1[s*1 + mi + mj] = acc;
            }
        }
        }

        /* z3 = b3 + z3#1 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = p_b3[0];
            const sg_real a1 = t_z3_1[k];
        t_z3[k] = a0 + a1;
        }

        /* yhat = σ(z3) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_z3[k];
        t_yhat[k] = sg_sigmoid(a0);
        }

        /* L = (-y + yhat)**2/2 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_y[s*3 + k];
            const sg_real a1 = t_yhat[s*1 + k];
        t_L[s*1 + k] = ((1.0/2.0))*((-a0 + a1)*(-a0 + a1));
        }
        }

        /* d[yhat] = -y + yhat */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_y[s*3 + k];
            const sg_real a1 = t_yhat[s*1 + k];
        t_d_yhat[s*1 + k] = -a0 + a1;
        }
        }

        /* d[z3] = d[yhat]*yhat*(1 - yhat) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_d_yhat[k];
            const sg_real a1 = t_yhat[k];
        t_d_z3[k] = a0*a1*(1.0 - a1);
        }

        /* d[W3] = a2*d[z3] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = t_a2[s*2 + k];
            const sg_real a1 = t_d_z3[s*1];
        t_d_W3[s*2 + k] = a0*a1;
        }
        }

        /* d[a2] = W3*d[z3] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = p_W3[k];
            const sg_real a1 = t_d_z3[s*1];
        t_d_a2[s*2 + k] = a0*a1;
        }
        }

        /* d[z2] = d[a2]*(1 - a2**2) */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_a2[k];
            const sg_real a1 = t_d_a2[k];
        t_d_z2[k] = a1*(1.0 - (a0*a0));
        }

        /* d[a1] = matmul(W2, d[z2])  tile GEMM: Z[s,j] = sum_i X[s,i] W[i,j], W 2x2 */
        for (s = 0; s < nt; ++s) {
            sg_real *restrict zr = t_d_a1 + s*2;
            const sg_real *restrict xr = t_d_z2 + s*2;
            for (int mj = 0; mj < 2; ++mj) zr[mj] = 0;
            for (int mi = 0; mi < 2; ++mi) {
                const sg_real xv = xr[mi];
                const sg_real *restrict wr = p_W2 + mi*2;
                for (int mj = 0; mj < 2; ++mj) zr[mj] += xv * wr[mj];
            }
        }

        /* d[z1] = d[a1]*𝟙[z1 > 0] */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_d_a1[k];
            const sg_real a1 = t_z1[k];
        t_d_z1[k] = a0*((a1) > 0 ? (1.0) : (0.0));
        }

        /* t[z1#1] = matmul(u[W1], x)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 2x2 */
        for (int mi = 0; mi < 2; ++mi) {
            const sg_real *restrict wr = u_W1 + mi*2;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = d_x + s*3;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 2; ++mj) acc += wr[mj] * xr[mj];
                t_t_z1_1[s*2 + mi] = acc;
            }
        }

        /* t[z1] = t[z1#1] + u[b1] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = t_t_z1_1[s*2 + k];
            const sg_real a1 = u_b1[k];
        t_t_z1[s*2 + k] = a0 + a1;
        }
        }

        /* t[a1] = t[z1]*𝟙[z1 > 0] */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_t_z1[k];
            const sg_real a1 = t_z1[k];
        t_t_a1[k] = a0*((a1) > 0 ? (1.0) : (0.0));
        }

        /* t[z2#1]#1 = matmul(u[W2], a1)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 2x2 */
        for (int mi = 0; mi < 2; ++mi) {
            const sg_real *restrict wr = u_W2 + mi*2;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = t_a1 + s*2;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 2; ++mj) acc += wr[mj] * xr[mj];
                t_t_z2_1_1[s*2 + mi] = acc;
            }
        }

        /* t[z2#1]#2 = matmul(W2, t[a1])  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 2x2 */
        for (int mi = 0; mi < 2; ++mi) {
            const sg_real *restrict wr = p_W2 + mi*2;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = t_t_a1 + s*2;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 2; ++mj) acc += wr[mj] * xr[mj];
                t_t_z2_1_2[s*2 + mi] = acc;
            }
        }

        /* t[z2#1] = t[z2#1]#1 + t[z2#1]#2 */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_t_z2_1_1[k];
            const sg_real a1 = t_t_z2_1_2[k];
        t_t_z2_1[k] = a0 + a1;
        }

        /* t[z2] = t[z2#1] + u[b2] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = t_t_z2_1[s*2 + k];
            const sg_real a1 = u_b2[k];
        t_t_z2[s*2 + k] = a0 + a1;
        }
        }

        /* t[a2] = t[z2]*(1 - a2**2) */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_a2[k];
            const sg_real a1 = t_t_z2[k];
        t_t_a2[k] = a1*(1.0 - (a0*a0));
        }

        /* t[z3#1]#1 = matmul(u[W3], a2)  [1x2]·[2x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 1; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 2; ++mk) acc += u_W3[mk] * t_a2[s*2 + mk];
                t_t_z3_1_1[s*1 + mi + mj] = acc;
            }
        }
        }

        /* t[z3#1]#2 = matmul(W3, t[a2])  [1x2]·[2x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 1; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 2; ++mk) acc += p_W3[mk] * t_t_a2[s*2 + mk];
                t_t_z3_1_2[s*1 + mi + mj] = acc;
            }
        }
        }

        /* t[z3#1] = t[z3#1]#1 + t[z3#1]#2 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_t_z3_1_1[k];
            const sg_real a1 = t_t_z3_1_2[k];
        t_t_z3_1[k] = a0 + a1;
        }

        /* t[z3] = t[z3#1] + u[b3] */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_t_z3_1[k];
            const sg_real a1 = u_b3[0];
        t_t_z3[k] = a0 + a1;
        }

        /* t[yhat] = t[z3]*yhat*(1 - yhat) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_t_z3[k];
            const sg_real a1 = t_yhat[k];
        t_t_yhat[k] = a0*a1*(1.0 - a1);
        }

        /* t[d[yhat]] = t[yhat] */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_t_yhat[k];
        t_t_d_yhat[k] = a0;
        }

        /* t[d[z3]] = t[d[yhat]]*yhat*(1 - yhat) + t[yhat]*(-d[yhat]*yhat + d[yhat]*(1 - yhat)) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_d_yhat[k];
            const sg_real a1 = t_t_d_yhat[k];
            const sg_real a2 = t_t_yhat[k];
            const sg_real a3 = t_yhat[k];
            const sg_real q0 = 1.0 - a3;
        t_t_d_z3[k] = a1*a3*q0 + a2*(-a0*a3 + a0*q0);
        }

        /* t[d[W3]] = a2*t[d[z3]] + d[z3]*t[a2] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = t_a2[s*2 + k];
            const sg_real a1 = t_d_z3[s*1];
            const sg_real a2 = t_t_a2[s*2 + k];
            const sg_real a3 = t_t_d_z3[s*1];
        t_t_d_W3[s*2 + k] = a0*a3 + a1*a2;
        }
        }

        /* t[d[a2]] = W3*t[d[z3]] + d[z3]*u[W3] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = p_W3[k];
            const sg_real a1 = t_d_z3[s*1];
            const sg_real a2 = t_t_d_z3[s*1];
            const sg_real a3 = u_W3[k];
        t_t_d_a2[s*2 + k] = a0*a2 + a1*a3;
        }
        }

        /* t[d[z2]] = -2*a2*d[a2]*t[a2] + t[d[a2]]*(1 - a2**2) */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_a2[k];
            const sg_real a1 = t_d_a2[k];
            const sg_real a2 = t_t_a2[k];
            const sg_real a3 = t_t_d_a2[k];
        t_t_d_z2[k] = -2.0*a0*a1*a2 + a3*(1.0 - (a0*a0));
        }

        /* t[d[a1]]#1 = matmul(u[W2], d[z2])  tile GEMM: Z[s,j] = sum_i X[s,i] W[i,j], W 2x2 */
        for (s = 0; s < nt; ++s) {
            sg_real *restrict zr = t_t_d_a1_1 + s*2;
            const sg_real *restrict xr = t_d_z2 + s*2;
            for (int mj = 0; mj < 2; ++mj) zr[mj] = 0;
            for (int mi = 0; mi < 2; ++mi) {
                const sg_real xv = xr[mi];
                const sg_real *restrict wr = u_W2 + mi*2;
                for (int mj = 0; mj < 2; ++mj) zr[mj] += xv * wr[mj];
            }
        }

        /* t[d[a1]]#2 = matmul(W2, t[d[z2]])  tile GEMM: Z[s,j] = sum_i X[s,i] W[i,j], W 2x2 */
        for (s = 0; s < nt; ++s) {
            sg_real *restrict zr = t_t_d_a1_2 + s*2;
            const sg_real *restrict xr = t_t_d_z2 + s*2;
            for (int mj = 0; mj < 2; ++mj) zr[mj] = 0;
            for (int mi = 0; mi < 2; ++mi) {
                const sg_real xv = xr[mi];
                const sg_real *restrict wr = p_W2 + mi*2;
                for (int mj = 0; mj < 2; ++mj) zr[mj] += xv * wr[mj];
            }
        }

        /* t[d[a1]] = t[d[a1]]#1 + t[d[a1]]#2 */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_t_d_a1_1[k];
            const sg_real a1 = t_t_d_a1_2[k];
        t_t_d_a1[k] = a0 + a1;
        }

        /* t[d[z1]] = t[d[a1]]*𝟙[z1 > 0] */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_t_d_a1[k];
            const sg_real a1 = t_z1[k];
        t_t_d_z1[k] = a0*((a1) > 0 ? (1.0) : (0.0));
        }

        /* Σ L over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_L[k] += t_L[s*1 + k];

        /* Σ d[z3] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_z3[k] += t_d_z3[s*1 + k];

        /* Σ d[W3] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_d_W3[k] += t_d_W3[s*2 + k];

        /* Σ d[z2] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_d_z2[k] += t_d_z2[s*2 + k];

        /* Σ d[W2] = Σ outer(d[z2], a1): tile GEMM acc += A^T B (2x2) */
        for (int mi = 0; mi < 2; ++mi) {
            sg_real *restrict rr = r_d_W2 + mi*2;
            for (s = 0; s < nt; ++s) {
                const sg_real av = t_d_z2[s*2 + mi];
                const sg_real *restrict br = t_a1 + s*2;
                for (int mj = 0; mj < 2; ++mj) rr[mj] += av * br[mj];
            }
        }

        /* Σ d[z1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_d_z1[k] += t_d_z1[s*2 + k];

        /* Σ d[W1] = Σ outer(d[z1], x): tile GEMM acc += A^T B (2x2) */
        for (int mi = 0; mi < 2; ++mi) {
            sg_real *restrict rr = r_d_W1 + mi*2;
            for (s = 0; s < nt; ++s) {
                const sg_real av = t_d_z1[s*2 + mi];
                const sg_real *restrict br = d_x + s*3;
                for (int mj = 0; mj < 2; ++mj) rr[mj] += av * br[mj];
            }
        }

        /* Σ t[d[z3]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_t_d_z3[k] += t_t_d_z3[s*1 + k];

        /* Σ t[d[W3]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_t_d_W3[k] += t_t_d_W3[s*2 + k];

        /* Σ t[d[z2]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_t_d_z2[k] += t_t_d_z2[s*2 + k];

        /* Σ t[d[W2]]#1 = Σ outer(t[d[z2]], a1): tile GEMM acc += A^T B (2x2) */
        for (int mi = 0; mi < 2; ++mi) {
            sg_real *restrict rr = r_t_d_W2_1 + mi*2;
            for (s = 0; s < nt; ++s) {
                const sg_real av = t_t_d_z2[s*2 + mi];
                const sg_real *restrict br = t_a1 + s*2;
                for (int mj = 0; mj < 2; ++mj) rr[mj] += av * br[mj];
            }
        }

        /* Σ t[d[W2]]#2 = Σ outer(d[z2], t[a1]): tile GEMM acc += A^T B (2x2) */
        for (int mi = 0; mi < 2; ++mi) {
            sg_real *restrict rr = r_t_d_W2_2 + mi*2;
            for (s = 0; s < nt; ++s) {
                const sg_real av = t_d_z2[s*2 + mi];
                const sg_real *restrict br = t_t_a1 + s*2;
                for (int mj = 0; mj < 2; ++mj) rr[mj] += av * br[mj];
            }
        }

        /* Σ t[d[z1]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_t_d_z1[k] += t_t_d_z1[s*2 + k];

        /* Σ t[d[W1]] = Σ outer(t[d[z1]], x): tile GEMM acc += A^T B (2x2) */
        for (int mi = 0; mi < 2; ++mi) {
            sg_real *restrict rr = r_t_d_W1 + mi*2;
            for (s = 0; s < nt; ++s) {
                const sg_real av = t_t_d_z1[s*2 + mi];
                const sg_real *restrict br = d_x + s*3;
                for (int mj = 0; mj < 2; ++mj) rr[mj] += av * br[mj];
            }
        }

    }
    /* ---- after the tiles ---- */
    /* t[d[W2]] = t[d[W2]]#1 + t[d[W2]]#2 */
    for (int k = 0; k < 4; ++k) {
        const sg_real a0 = r_t_d_W2_1[k];
        const sg_real a1 = r_t_d_W2_2[k];
    r_t_d_W2[k] = a0 + a1;
    }

    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (r_L[0]);
    for (int k = 0; k < 4; ++k) grad[0 + k] = scale * (r_d_W1[k]);  /* W1 */
    for (int k = 0; k < 2; ++k) grad[4 + k] = scale * (r_d_z1[k]);  /* b1 */
    for (int k = 0; k < 4; ++k) grad[6 + k] = scale * (r_d_W2[k]);  /* W2 */
    for (int k = 0; k < 2; ++k) grad[10 + k] = scale * (r_d_z2[k]);  /* b2 */
    for (int k = 0; k < 2; ++k) grad[12 + k] = scale * (r_d_W3[k]);  /* W3 */
    for (int k = 0; k < 1; ++k) grad[14 + k] = scale * (r_d_z3[k]);  /* b3 */
    for (int k = 0; k < 4; ++k) hv[0 + k] = scale * (r_t_d_W1[k]);  /* W1 */
    for (int k = 0; k < 2; ++k) hv[4 + k] = scale * (r_t_d_z1[k]);  /* b1 */
    for (int k = 0; k < 4; ++k) hv[6 + k] = scale * (r_t_d_W2[k]);  /* W2 */
    for (int k = 0; k < 2; ++k) hv[10 + k] = scale * (r_t_d_z2[k]);  /* b2 */
    for (int k = 0; k < 2; ++k) hv[12 + k] = scale * (r_t_d_W3[k]);  /* W3 */
    for (int k = 0; k < 1; ++k) hv[14 + k] = scale * (r_t_d_z3[k]);  /* b3 */
    return SG_OK;
}

/* ==== jacobian: tile of 32 samples, workspace 1184 reals ==== */
int two_two_one_jacobian(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict jac, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 15)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 3)) return SG_EDATA;
    const sg_real *restrict p_W1 = theta + 0;  /* [2, 2] */
    const sg_real *restrict p_b1 = theta + 4;  /* [2] */
    const sg_real *restrict p_W2 = theta + 6;  /* [2, 2] */
    const sg_real *restrict p_b2 = theta + 10;  /* [2] */
    const sg_real *restrict p_W3 = theta + 12;  /* [2] */
    const sg_real *restrict p_b3 = theta + 14;  /* [] */
    sg_real *restrict v_yhat = work + 0;  /* tile [] */
    sg_real *restrict t_z1_1 = work + 32;  /* tile [2] */
    sg_real *restrict t_z1 = work + 96;  /* tile [2] */
    sg_real *restrict t_a1 = work + 160;  /* tile [2] */
    sg_real *restrict t_z2_1 = work + 224;  /* tile [2] */
    sg_real *restrict t_z2 = work + 288;  /* tile [2] */
    sg_real *restrict t_a2 = work + 352;  /* tile [2] */
    sg_real *restrict t_z3_1 = work + 416;  /* tile [] */
    sg_real *restrict t_z3 = work + 448;  /* tile [] */
    sg_real *restrict t_yhat = work + 480;  /* tile [] */
    sg_real *restrict t_J0_d_z3 = work + 512;  /* tile [] */
    sg_real *restrict t_J0_d_W3 = work + 544;  /* tile [2] */
    sg_real *restrict t_J0_d_a2 = work + 608;  /* tile [2] */
    sg_real *restrict t_J0_d_z2 = work + 672;  /* tile [2] */
    sg_real *restrict t_J0_d_W2 = work + 736;  /* tile [2, 2] */
    sg_real *restrict t_J0_d_a1 = work + 864;  /* tile [2] */
    sg_real *restrict t_J0_d_z1 = work + 928;  /* tile [2] */
    sg_real *restrict t_J0_d_W1 = work + 992;  /* tile [2, 2] */
    sg_real *restrict t_J0_d_x = work + 1120;  /* tile [2] */
    (void)p_W1;
    (void)p_b1;
    (void)p_W2;
    (void)p_b2;
    (void)p_W3;
    (void)p_b3;
    memset(jac, 0, sizeof(sg_real) * (size_t)n * 18);
    /* ---- sample-invariant part (once per call) ---- */
    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 3 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 3 + 2;
        (void)d_y;
        /* z1#1 = matmul(W1, x)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 2x2 */
        for (int mi = 0; mi < 2; ++mi) {
            const sg_real *restrict wr = p_W1 + mi*2;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = d_x + s*3;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 2; ++mj) acc += wr[mj] * xr[mj];
                t_z1_1[s*2 + mi] = acc;
            }
        }

        /* z1 = b1 + z1#1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = p_b1[k];
            const sg_real a1 = t_z1_1[s*2 + k];
        t_z1[s*2 + k] = a0 + a1;
        }
        }

        /* a1 = ReLU(z1) */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_z1[k];
        t_a1[k] = sg_relu(a0);
        }

        /* z2#1 = matmul(W2, a1)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 2x2 */
        for (int mi = 0; mi < 2; ++mi) {
            const sg_real *restrict wr = p_W2 + mi*2;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = t_a1 + s*2;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 2; ++mj) acc += wr[mj] * xr[mj];
                t_z2_1[s*2 + mi] = acc;
            }
        }

        /* z2 = b2 + z2#1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = p_b2[k];
            const sg_real a1 = t_z2_1[s*2 + k];
        t_z2[s*2 + k] = a0 + a1;
        }
        }

        /* a2 = tanh(z2) */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_z2[k];
        t_a2[k] = tanh(a0);
        }

        /* z3#1 = matmul(W3, a2)  [1x2]·[2x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 1; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 2; ++mk) acc += p_W3[mk] * t_a2[s*2 + mk];
                t_z3_1[s*1 + mi + mj] = acc;
            }
        }
        }

        /* z3 = b3 + z3#1 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = p_b3[0];
            const sg_real a1 = t_z3_1[k];
        t_z3[k] = a0 + a1;
        }

        /* yhat = σ(z3) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_z3[k];
        t_yhat[k] = sg_sigmoid(a0);
        }

        /* Jacobian rows of yhat: one reverse sweep per output element */
        for (int kk = 0; kk < 1; ++kk) {
            for (s = 0; s < nt; ++s)
                for (int k = 0; k < 1; ++k) v_yhat[s*1 + k] = (k == kk);
            /* J0:d[z3] = v[yhat]*yhat*(1 - yhat) */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = v_yhat[k];
                const sg_real a1 = t_yhat[k];
            t_J0_d_z3[k] = a0*a1*(1.0 - a1);
            }

            /* J0:d[W3] = J0:d[z3]*a2 */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 2; ++k) {
                const sg_real a0 = t_a2[s*2 + k];
                const sg_real a1 = t_J0_d_z3[s*1];
            t_J0_d_W3[s*2 + k] = a0*a1;
            }
            }

            /* J0:d[a2] = J0:d[z3]*W3 */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 2; ++k) {
                const sg_real a0 = p_W3[k];
                const sg_real a1 = t_J0_d_z3[s*1];
            t_J0_d_a2[s*2 + k] = a0*a1;
            }
            }

            /* J0:d[z2] = J0:d[a2]*(1 - a2**2) */
            for (int k = 0; k < nt*2; ++k) {
                const sg_real a0 = t_a2[k];
                const sg_real a1 = t_J0_d_a2[k];
            t_J0_d_z2[k] = a1*(1.0 - (a0*a0));
            }

            /* J0:d[W2] = outer(J0:d[z2], a1) */
            for (s = 0; s < nt; ++s) {
            for (int mi = 0; mi < 2; ++mi) {
                const sg_real av = t_J0_d_z2[s*2 + mi];
                for (int mj = 0; mj < 2; ++mj) t_J0_d_W2[s*4 + mi*2 + mj] = av * t_a1[s*2 + mj];
            }
            }

            /* J0:d[a1] = matmul(W2, J0:d[z2])  tile GEMM: Z[s,j] = sum_i X[s,i] W[i,j], W 2x2 */
            for (s = 0; s < nt; ++s) {
                sg_real *restrict zr = t_J0_d_a1 + s*2;
                const sg_real *restrict xr = t_J0_d_z2 + s*2;
                for (int mj = 0; mj < 2; ++mj) zr[mj] = 0;
                for (int mi = 0; mi < 2; ++mi) {
                    const sg_real xv = xr[mi];
                    const sg_real *restrict wr = p_W2 + mi*2;
                    for (int mj = 0; mj < 2; ++mj) zr[mj] += xv * wr[mj];
                }
            }

            /* J0:d[z1] = J0:d[a1]*𝟙[z1 > 0] */
            for (int k = 0; k < nt*2; ++k) {
                const sg_real a0 = t_J0_d_a1[k];
                const sg_real a1 = t_z1[k];
            t_J0_d_z1[k] = a0*((a1) > 0 ? (1.0) : (0.0));
            }

            /* J0:d[W1] = outer(J0:d[z1], x) */
            for (s = 0; s < nt; ++s) {
            for (int mi = 0; mi < 2; ++mi) {
                const sg_real av = t_J0_d_z1[s*2 + mi];
                for (int mj = 0; mj < 2; ++mj) t_J0_d_W1[s*4 + mi*2 + mj] = av * d_x[s*3 + mj];
            }
            }

            /* J0:d[x] = matmul(W1, J0:d[z1])  tile GEMM: Z[s,j] = sum_i X[s,i] W[i,j], W 2x2 */
            for (s = 0; s < nt; ++s) {
                sg_real *restrict zr = t_J0_d_x + s*2;
                const sg_real *restrict xr = t_J0_d_z1 + s*2;
                for (int mj = 0; mj < 2; ++mj) zr[mj] = 0;
                for (int mi = 0; mi < 2; ++mi) {
                    const sg_real xv = xr[mi];
                    const sg_real *restrict wr = p_W1 + mi*2;
                    for (int mj = 0; mj < 2; ++mj) zr[mj] += xv * wr[mj];
                }
            }

            for (s = 0; s < nt; ++s) {
                sg_real *restrict jr = jac + ((t0 + s) * 1 + 0 + kk) * 18;
                for (int k = 0; k < 2; ++k) jr[0 + k] = t_J0_d_x[s*2 + k];  /* x */
                for (int k = 0; k < 4; ++k) jr[3 + k] = t_J0_d_W1[s*4 + k];  /* W1 */
                for (int k = 0; k < 2; ++k) jr[7 + k] = t_J0_d_z1[s*2 + k];  /* b1 */
                for (int k = 0; k < 4; ++k) jr[9 + k] = t_J0_d_W2[s*4 + k];  /* W2 */
                for (int k = 0; k < 2; ++k) jr[13 + k] = t_J0_d_z2[s*2 + k];  /* b2 */
                for (int k = 0; k < 2; ++k) jr[15 + k] = t_J0_d_W3[s*2 + k];  /* W3 */
                for (int k = 0; k < 1; ++k) jr[17 + k] = t_J0_d_z3[s*1 + k];  /* b3 */
            }
        }
    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== hessian: 15 HVP sweeps u = e_j, then symmetrised (H + Hᵀ)/2 ==== */
int two_two_one_hessian(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict loss, sg_real *restrict grad, sg_real *restrict H, sg_real *restrict work)
{
    sg_real *restrict u = work + 2200;
    int rc = SG_OK;
    for (long j = 0; j < 15; ++j) {
        memset(u, 0, sizeof(sg_real) * 15);
        u[j] = 1;
        rc = two_two_one_hvp(theta, data, n, u, loss, grad, H + j * 15, work);
        if (rc != SG_OK) return rc;
    }
    for (long i = 0; i < 15; ++i)
        for (long j = 0; j < i; ++j) {
            const sg_real v = (sg_real)0.5 * (H[i * 15 + j] + H[j * 15 + i]);
            H[i * 15 + j] = v;
            H[j * 15 + i] = v;
        }
    return rc;
}
