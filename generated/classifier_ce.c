/* classifier_ce.c: symgrad kernels for model 'classifier_ce' (float64), emitter v1.
   Generated from the assignment graph of classifier_ce.toml; do not edit.
   Self-contained C99 (math.h only): cc -O3 -std=c99 -c classifier_ce.c   (link with -lm)
   Layout: theta = W1[8, 3], b1[8], W2[4, 8], b2[4] (row-major, packed)
           data row = x[3], y[4]
           forward row = yhat[4]
   Batch objective: sum over samples of 'L'. */
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


#define CLASSIFIER_CE_N_PARAMS 68
#define CLASSIFIER_CE_DATA_WIDTH 7
#define CLASSIFIER_CE_OUT_WIDTH 4
#define CLASSIFIER_CE_INFO_N_PARAMS 0
#define CLASSIFIER_CE_INFO_DATA_WIDTH 1
#define CLASSIFIER_CE_INFO_OUT_WIDTH 2
#define CLASSIFIER_CE_INFO_JAC_ROWS 3
#define CLASSIFIER_CE_INFO_JAC_COLS 4
#define CLASSIFIER_CE_INFO_TILE 5
#define CLASSIFIER_CE_INFO_DTYPE_BYTES 6
#define CLASSIFIER_CE_INFO_WORK_FORWARD 7
#define CLASSIFIER_CE_INFO_WORK_LOSS_GRAD 8
#define CLASSIFIER_CE_INFO_WORK_HVP 9
#define CLASSIFIER_CE_INFO_WORK_HESSIAN 10
#define CLASSIFIER_CE_INFO_WORK_JACOBIAN 11

long classifier_ce_info(int what)
{
    switch (what) {
    case 0: return 68L;
    case 1: return 7L;
    case 2: return 4L;
    case 3: return 4L;
    case 4: return 75L;
    case 5: return 32L;
    case 6: return 8L;
    case 7: return 1184L;
    case 8: return 2352L;
    case 9: return 5368L;
    case 10: return 5512L;
    case 11: return 3296L;
    default: return -1L;
    }
}

/* ==== forward: tile of 32 samples, workspace 1184 reals ==== */
int classifier_ce_forward(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict out, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 68)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 7)) return SG_EDATA;
    const sg_real *restrict p_W1 = theta + 0;  /* [8, 3] */
    const sg_real *restrict p_b1 = theta + 24;  /* [8] */
    const sg_real *restrict p_W2 = theta + 32;  /* [4, 8] */
    const sg_real *restrict p_b2 = theta + 64;  /* [4] */
    sg_real *restrict t_z1_1 = work + 0;  /* tile [8] */
    sg_real *restrict t_z1 = work + 256;  /* tile [8] */
    sg_real *restrict t_h1 = work + 512;  /* tile [8] */
    sg_real *restrict t_z2_1 = work + 768;  /* tile [4] */
    sg_real *restrict c_p_W2_T = work + 896;  /* work [8, 4] */
    sg_real *restrict t_z2 = work + 928;  /* tile [4] */
    sg_real *restrict t_yhat = work + 1056;  /* tile [4] */
    (void)p_W1;
    (void)p_b1;
    (void)p_W2;
    (void)p_b2;
    /* ---- sample-invariant part (once per call) ---- */
    /* p_W2ᵀ (used when n >= 8) */
    if (n >= 8)
    for (int mi = 0; mi < 4; ++mi)
        for (int mj = 0; mj < 8; ++mj) c_p_W2_T[mj*4 + mi] = p_W2[mi*8 + mj];

    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 7 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 7 + 3;
        (void)d_y;
        /* z1#1 = matmul(W1, x)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 8x3 */
        for (int mi = 0; mi < 8; ++mi) {
            const sg_real *restrict wr = p_W1 + mi*3;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = d_x + s*7;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 3; ++mj) acc += wr[mj] * xr[mj];
                t_z1_1[s*8 + mi] = acc;
            }
        }

        /* z1 = b1 + z1#1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 8; ++k) {
            const sg_real a0 = p_b1[k];
            const sg_real a1 = t_z1_1[s*8 + k];
        t_z1[s*8 + k] = a0 + a1;
        }
        }

        /* h1 = ReLU(z1) */
        for (int k = 0; k < nt*8; ++k) {
            const sg_real a0 = t_z1[k];
        t_h1[k] = sg_relu(a0);
        }

        /* z2#1 = matmul(W2, h1)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 4x8 */
        if (n >= 8) {
            for (s = 0; s < nt; ++s) {
                sg_real *restrict zr = t_z2_1 + s*4;
                const sg_real *restrict xr = t_h1 + s*8;
                for (int mi = 0; mi < 4; ++mi) zr[mi] = 0;
                for (int mj = 0; mj < 8; ++mj) {
                    const sg_real xv = xr[mj];
                    const sg_real *restrict wr = c_p_W2_T + mj*4;
                    for (int mi = 0; mi < 4; ++mi) zr[mi] += xv * wr[mi];
                }
            }
        } else
        for (int mi = 0; mi < 4; ++mi) {
            const sg_real *restrict wr = p_W2 + mi*8;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = t_h1 + s*8;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 8; ++mj) acc += wr[mj] * xr[mj];
                t_z2_1[s*4 + mi] = acc;
            }
        }

        /* z2 = b2 + z2#1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) {
            const sg_real a0 = p_b2[k];
            const sg_real a1 = t_z2_1[s*4 + k];
        t_z2[s*4 + k] = a0 + a1;
        }
        }

        /* yhat = z2 */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_z2[k];
        t_yhat[k] = a0;
        }

        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 4; ++k) out[(t0 + s)*4 + 0 + k] = t_yhat[s*4 + k];

    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== loss_grad: tile of 32 samples, workspace 2352 reals ==== */
int classifier_ce_loss_grad(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict loss, sg_real *restrict grad, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 68)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 7)) return SG_EDATA;
    const sg_real *restrict p_W1 = theta + 0;  /* [8, 3] */
    const sg_real *restrict p_b1 = theta + 24;  /* [8] */
    const sg_real *restrict p_W2 = theta + 32;  /* [4, 8] */
    const sg_real *restrict p_b2 = theta + 64;  /* [4] */
    sg_real *restrict c_d_L_3 = work + 0;  /* work [] */
    sg_real *restrict c_d_L_2 = work + 8;  /* work [4] */
    sg_real *restrict t_z1_1 = work + 16;  /* tile [8] */
    sg_real *restrict t_z1 = work + 272;  /* tile [8] */
    sg_real *restrict t_h1 = work + 528;  /* tile [8] */
    sg_real *restrict t_z2_1 = work + 784;  /* tile [4] */
    sg_real *restrict c_p_W2_T = work + 912;  /* work [8, 4] */
    sg_real *restrict t_z2 = work + 944;  /* tile [4] */
    sg_real *restrict t_yhat = work + 1072;  /* tile [4] */
    sg_real *restrict t_L_1 = work + 1200;  /* tile [4] */
    sg_real *restrict t_L_2 = work + 1328;  /* tile [4] */
    sg_real *restrict t_d_L_1 = work + 1456;  /* tile [4] */
    sg_real *restrict t_d_yhat_1 = work + 1584;  /* tile [] */
    sg_real *restrict t_d_yhat = work + 1616;  /* tile [4] */
    sg_real *restrict t_d_h1 = work + 1744;  /* tile [8] */
    sg_real *restrict t_d_z1 = work + 2000;  /* tile [8] */
    sg_real *restrict r_L_2 = work + 2256;  /* acc [4] */
    sg_real *restrict r_L_3 = work + 2264;  /* acc [] */
    sg_real *restrict r_L = work + 2272;  /* acc [] */
    sg_real *restrict r_d_yhat = work + 2280;  /* acc [4] */
    sg_real *restrict r_d_W2 = work + 2288;  /* acc [4, 8] */
    sg_real *restrict r_d_z1 = work + 2320;  /* acc [8] */
    sg_real *restrict r_d_W1 = work + 2328;  /* acc [8, 3] */
    (void)p_W1;
    (void)p_b1;
    (void)p_W2;
    (void)p_b2;
    /* ---- sample-invariant part (once per call) ---- */
    /* d[L#3] = -1 */
    for (int k = 0; k < 1; ++k) {
    c_d_L_3[k] = -1.0;
    }

    /* d[L#2] = d[L#3] */
    for (int k = 0; k < 4; ++k) {
        const sg_real a0 = c_d_L_3[0];
    c_d_L_2[k] = a0;
    }

    /* p_W2ᵀ (used when n >= 8) */
    if (n >= 8)
    for (int mi = 0; mi < 4; ++mi)
        for (int mj = 0; mj < 8; ++mj) c_p_W2_T[mj*4 + mi] = p_W2[mi*8 + mj];

    memset(r_L_2, 0, sizeof(sg_real) * 4);
    memset(r_L_3, 0, sizeof(sg_real) * 1);
    memset(r_L, 0, sizeof(sg_real) * 1);
    memset(r_d_yhat, 0, sizeof(sg_real) * 4);
    memset(r_d_W2, 0, sizeof(sg_real) * 32);
    memset(r_d_z1, 0, sizeof(sg_real) * 8);
    memset(r_d_W1, 0, sizeof(sg_real) * 24);
    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 7 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 7 + 3;
        (void)d_y;
        /* z1#1 = matmul(W1, x)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 8x3 */
        for (int mi = 0; mi < 8; ++mi) {
            const sg_real *restrict wr = p_W1 + mi*3;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = d_x + s*7;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 3; ++mj) acc += wr[mj] * xr[mj];
                t_z1_1[s*8 + mi] = acc;
            }
        }

        /* z1 = b1 + z1#1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 8; ++k) {
            const sg_real a0 = p_b1[k];
            const sg_real a1 = t_z1_1[s*8 + k];
        t_z1[s*8 + k] = a0 + a1;
        }
        }

        /* h1 = ReLU(z1) */
        for (int k = 0; k < nt*8; ++k) {
            const sg_real a0 = t_z1[k];
        t_h1[k] = sg_relu(a0);
        }

        /* z2#1 = matmul(W2, h1)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 4x8 */
        if (n >= 8) {
            for (s = 0; s < nt; ++s) {
                sg_real *restrict zr = t_z2_1 + s*4;
                const sg_real *restrict xr = t_h1 + s*8;
                for (int mi = 0; mi < 4; ++mi) zr[mi] = 0;
                for (int mj = 0; mj < 8; ++mj) {
                    const sg_real xv = xr[mj];
                    const sg_real *restrict wr = c_p_W2_T + mj*4;
                    for (int mi = 0; mi < 4; ++mi) zr[mi] += xv * wr[mi];
                }
            }
        } else
        for (int mi = 0; mi < 4; ++mi) {
            const sg_real *restrict wr = p_W2 + mi*8;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = t_h1 + s*8;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 8; ++mj) acc += wr[mj] * xr[mj];
                t_z2_1[s*4 + mi] = acc;
            }
        }

        /* z2 = b2 + z2#1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) {
            const sg_real a0 = p_b2[k];
            const sg_real a1 = t_z2_1[s*4 + k];
        t_z2[s*4 + k] = a0 + a1;
        }
        }

        /* yhat = z2 */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_z2[k];
        t_yhat[k] = a0;
        }

        /* L#1 = log_softmax(yhat) (max subtracted) */
        for (s = 0; s < nt; ++s) {
        { sg_real mx = t_yhat[s*4], se = 0;
        for (int k = 1; k < 4; ++k) mx = t_yhat[s*4 + k] > mx ? t_yhat[s*4 + k] : mx;
        for (int k = 0; k < 4; ++k) se += exp(t_yhat[s*4 + k] - mx);
          const sg_real lse = mx + log(se);
          for (int k = 0; k < 4; ++k) t_L_1[s*4 + k] = t_yhat[s*4 + k] - lse; }
        }

        /* L#2 = L#1*y */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) {
            const sg_real a0 = t_L_1[s*4 + k];
            const sg_real a1 = d_y[s*7 + k];
        t_L_2[s*4 + k] = a0*a1;
        }
        }

        /* d[L#1] = d[L#2]*y */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) {
            const sg_real a0 = c_d_L_2[k];
            const sg_real a1 = d_y[s*7 + k];
        t_d_L_1[s*4 + k] = a0*a1;
        }
        }

        /* d[yhat]#1 = sum(d[L#1]) */
        for (s = 0; s < nt; ++s) {
        { sg_real acc = 0;
          for (int k = 0; k < 4; ++k) acc += t_d_L_1[s*4 + k];
          t_d_yhat_1[s*1] = acc; }
        }

        /* d[yhat] = d[L#1] - d[yhat]#1*exp(L#1) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) {
            const sg_real a0 = t_L_1[s*4 + k];
            const sg_real a1 = t_d_L_1[s*4 + k];
            const sg_real a2 = t_d_yhat_1[s*1];
        t_d_yhat[s*4 + k] = a1 - a2*exp(a0);
        }
        }

        /* d[h1] = matmul(W2, d[yhat])  tile GEMM: Z[s,j] = sum_i X[s,i] W[i,j], W 4x8 */
        for (s = 0; s < nt; ++s) {
            sg_real *restrict zr = t_d_h1 + s*8;
            const sg_real *restrict xr = t_d_yhat + s*4;
            for (int mj = 0; mj < 8; ++mj) zr[mj] = 0;
            for (int mi = 0; mi < 4; ++mi) {
                const sg_real xv = xr[mi];
                const sg_real *restrict wr = p_W2 + mi*8;
                for (int mj = 0; mj < 8; ++mj) zr[mj] += xv * wr[mj];
            }
        }

        /* d[z1] = d[h1]*𝟙[z1 > 0] */
        for (int k = 0; k < nt*8; ++k) {
            const sg_real a0 = t_d_h1[k];
            const sg_real a1 = t_z1[k];
        t_d_z1[k] = a0*((a1) > 0 ? (1.0) : (0.0));
        }

        /* Σ L#2 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 4; ++k) r_L_2[k] += t_L_2[s*4 + k];

        /* Σ d[yhat] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 4; ++k) r_d_yhat[k] += t_d_yhat[s*4 + k];

        /* Σ d[W2] = Σ outer(d[yhat], h1): tile GEMM acc += A^T B (4x8) */
        for (int mi = 0; mi < 4; ++mi) {
            sg_real *restrict rr = r_d_W2 + mi*8;
            for (s = 0; s < nt; ++s) {
                const sg_real av = t_d_yhat[s*4 + mi];
                const sg_real *restrict br = t_h1 + s*8;
                for (int mj = 0; mj < 8; ++mj) rr[mj] += av * br[mj];
            }
        }

        /* Σ d[z1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 8; ++k) r_d_z1[k] += t_d_z1[s*8 + k];

        /* Σ d[W1] = Σ outer(d[z1], x): tile GEMM acc += A^T B (8x3) */
        for (int mi = 0; mi < 8; ++mi) {
            sg_real *restrict rr = r_d_W1 + mi*3;
            for (s = 0; s < nt; ++s) {
                const sg_real av = t_d_z1[s*8 + mi];
                const sg_real *restrict br = d_x + s*7;
                for (int mj = 0; mj < 3; ++mj) rr[mj] += av * br[mj];
            }
        }

    }
    /* ---- after the tiles ---- */
    /* L#3 = sum(L#2) */
    { sg_real acc = 0;
      for (int k = 0; k < 4; ++k) acc += r_L_2[k];
      r_L_3[0] = acc; }

    /* L = -L#3 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = r_L_3[k];
    r_L[k] = -a0;
    }

    const sg_real scale = 1;
    *loss = scale * (r_L[0]);
    for (int k = 0; k < 24; ++k) grad[0 + k] = scale * (r_d_W1[k]);  /* W1 */
    for (int k = 0; k < 8; ++k) grad[24 + k] = scale * (r_d_z1[k]);  /* b1 */
    for (int k = 0; k < 32; ++k) grad[32 + k] = scale * (r_d_W2[k]);  /* W2 */
    for (int k = 0; k < 4; ++k) grad[64 + k] = scale * (r_d_yhat[k]);  /* b2 */
    return SG_OK;
}

/* ==== hvp: tile of 32 samples, workspace 5368 reals ==== */
int classifier_ce_hvp(const sg_real *restrict theta, const sg_real *restrict data, long n,
    const sg_real *restrict dir, sg_real *restrict loss, sg_real *restrict grad,
    sg_real *restrict hv, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 68)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 7)) return SG_EDATA;
    if (!sg_all_finite(dir, 68)) return SG_EDIR;
    const sg_real *restrict p_W1 = theta + 0;  /* [8, 3] */
    const sg_real *restrict p_b1 = theta + 24;  /* [8] */
    const sg_real *restrict p_W2 = theta + 32;  /* [4, 8] */
    const sg_real *restrict p_b2 = theta + 64;  /* [4] */
    const sg_real *restrict u_W1 = dir + 0;
    const sg_real *restrict u_b1 = dir + 24;
    const sg_real *restrict u_W2 = dir + 32;
    const sg_real *restrict u_b2 = dir + 64;
    sg_real *restrict c_d_L_3 = work + 0;  /* work [] */
    sg_real *restrict c_d_L_2 = work + 8;  /* work [4] */
    sg_real *restrict t_z1_1 = work + 16;  /* tile [8] */
    sg_real *restrict t_z1 = work + 272;  /* tile [8] */
    sg_real *restrict t_h1 = work + 528;  /* tile [8] */
    sg_real *restrict t_z2_1 = work + 784;  /* tile [4] */
    sg_real *restrict c_p_W2_T = work + 912;  /* work [8, 4] */
    sg_real *restrict t_z2 = work + 944;  /* tile [4] */
    sg_real *restrict t_yhat = work + 1072;  /* tile [4] */
    sg_real *restrict t_L_1 = work + 1200;  /* tile [4] */
    sg_real *restrict t_L_2 = work + 1328;  /* tile [4] */
    sg_real *restrict t_d_L_1 = work + 1456;  /* tile [4] */
    sg_real *restrict t_d_yhat_1 = work + 1584;  /* tile [] */
    sg_real *restrict t_d_yhat = work + 1616;  /* tile [4] */
    sg_real *restrict t_d_h1 = work + 1744;  /* tile [8] */
    sg_real *restrict t_d_z1 = work + 2000;  /* tile [8] */
    sg_real *restrict t_t_z1_1 = work + 2256;  /* tile [8] */
    sg_real *restrict t_t_z1 = work + 2512;  /* tile [8] */
    sg_real *restrict t_t_h1 = work + 2768;  /* tile [8] */
    sg_real *restrict t_t_z2_1_1 = work + 3024;  /* tile [4] */
    sg_real *restrict c_u_W2_T = work + 3152;  /* work [8, 4] */
    sg_real *restrict t_t_z2_1_2 = work + 3184;  /* tile [4] */
    sg_real *restrict t_t_z2_1 = work + 3312;  /* tile [4] */
    sg_real *restrict t_t_z2 = work + 3440;  /* tile [4] */
    sg_real *restrict t_t_yhat = work + 3568;  /* tile [4] */
    sg_real *restrict t_t_L_1_1 = work + 3696;  /* tile [4] */
    sg_real *restrict t_t_L_1_2 = work + 3824;  /* tile [] */
    sg_real *restrict t_t_L_1 = work + 3856;  /* tile [4] */
    sg_real *restrict t_t_d_yhat = work + 3984;  /* tile [4] */
    sg_real *restrict t_t_d_h1_1 = work + 4112;  /* tile [8] */
    sg_real *restrict t_t_d_h1_2 = work + 4368;  /* tile [8] */
    sg_real *restrict t_t_d_h1 = work + 4624;  /* tile [8] */
    sg_real *restrict t_t_d_z1 = work + 4880;  /* tile [8] */
    sg_real *restrict r_L_2 = work + 5136;  /* acc [4] */
    sg_real *restrict r_L_3 = work + 5144;  /* acc [] */
    sg_real *restrict r_L = work + 5152;  /* acc [] */
    sg_real *restrict r_d_yhat = work + 5160;  /* acc [4] */
    sg_real *restrict r_d_W2 = work + 5168;  /* acc [4, 8] */
    sg_real *restrict r_d_z1 = work + 5200;  /* acc [8] */
    sg_real *restrict r_d_W1 = work + 5208;  /* acc [8, 3] */
    sg_real *restrict r_t_d_yhat = work + 5232;  /* acc [4] */
    sg_real *restrict r_t_d_W2_1 = work + 5240;  /* acc [4, 8] */
    sg_real *restrict r_t_d_W2_2 = work + 5272;  /* acc [4, 8] */
    sg_real *restrict r_t_d_W2 = work + 5304;  /* acc [4, 8] */
    sg_real *restrict r_t_d_z1 = work + 5336;  /* acc [8] */
    sg_real *restrict r_t_d_W1 = work + 5344;  /* acc [8, 3] */
    (void)p_W1;
    (void)p_b1;
    (void)p_W2;
    (void)p_b2;
    (void)u_W1;
    (void)u_b1;
    (void)u_W2;
    (void)u_b2;
    /* ---- sample-invariant part (once per call) ---- */
    /* d[L#3] = -1 */
    for (int k = 0; k < 1; ++k) {
    c_d_L_3[k] = -1.0;
    }

    /* d[L#2] = d[L#3] */
    for (int k = 0; k < 4; ++k) {
        const sg_real a0 = c_d_L_3[0];
    c_d_L_2[k] = a0;
    }

    /* p_W2ᵀ (used when n >= 8) */
    if (n >= 8)
    for (int mi = 0; mi < 4; ++mi)
        for (int mj = 0; mj < 8; ++mj) c_p_W2_T[mj*4 + mi] = p_W2[mi*8 + mj];

    /* u_W2ᵀ (used when n >= 8) */
    if (n >= 8)
    for (int mi = 0; mi < 4; ++mi)
        for (int mj = 0; mj < 8; ++mj) c_u_W2_T[mj*4 + mi] = u_W2[mi*8 + mj];

    memset(r_L_2, 0, sizeof(sg_real) * 4);
    memset(r_L_3, 0, sizeof(sg_real) * 1);
    memset(r_L, 0, sizeof(sg_real) * 1);
    memset(r_d_yhat, 0, sizeof(sg_real) * 4);
    memset(r_d_W2, 0, sizeof(sg_real) * 32);
    memset(r_d_z1, 0, sizeof(sg_real) * 8);
    memset(r_d_W1, 0, sizeof(sg_real) * 24);
    memset(r_t_d_yhat, 0, sizeof(sg_real) * 4);
    memset(r_t_d_W2_1, 0, sizeof(sg_real) * 32);
    memset(r_t_d_W2_2, 0, sizeof(sg_real) * 32);
    memset(r_t_d_W2, 0, sizeof(sg_real) * 32);
    memset(r_t_d_z1, 0, sizeof(sg_real) * 8);
    memset(r_t_d_W1, 0, sizeof(sg_real) * 24);
    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 7 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 7 + 3;
        (void)d_y;
        /* z1#1 = matmul(W1, x)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 8x3 */
        for (int mi = 0; mi < 8; ++mi) {
            const sg_real *restrict wr = p_W1 + mi*3;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = d_x + s*7;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 3; ++mj) acc += wr[mj] * xr[mj];
                t_z1_1[s*8 + mi] = acc;
            }
        }

        /* z1 = b1 + z1#1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 8; ++k) {
            const sg_real a0 = p_b1[k];
            const sg_real a1 = t_z1_1[s*8 + k];
        t_z1[s*8 + k] = a0 + a1;
        }
        }

        /* h1 = ReLU(z1) */
        for (int k = 0; k < nt*8; ++k) {
            const sg_real a0 = t_z1[k];
        t_h1[k] = sg_relu(a0);
        }

        /* z2#1 = matmul(W2, h1)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 4x8 */
        if (n >= 8) {
            for (s = 0; s < nt; ++s) {
                sg_real *restrict zr = t_z2_1 + s*4;
                const sg_real *restrict xr = t_h1 + s*8;
                for (int mi = 0; mi < 4; ++mi) zr[mi] = 0;
                for (int mj = 0; mj < 8; ++mj) {
                    const sg_real xv = xr[mj];
                    const sg_real *restrict wr = c_p_W2_T + mj*4;
                    for (int mi = 0; mi < 4; ++mi) zr[mi] += xv * wr[mi];
                }
            }
        } else
        for (int mi = 0; mi < 4; ++mi) {
            const sg_real *restrict wr = p_W2 + mi*8;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = t_h1 + s*8;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 8; ++mj) acc += wr[mj] * xr[mj];
                t_z2_1[s*4 + mi] = acc;
            }
        }

        /* z2 = b2 + z2#1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) {
            const sg_real a0 = p_b2[k];
            const sg_real a1 = t_z2_1[s*4 + k];
        t_z2[s*4 + k] = a0 + a1;
        }
        }

        /* yhat = z2 */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_z2[k];
        t_yhat[k] = a0;
        }

        /* L#1 = log_softmax(yhat) (max subtracted) */
        for (s = 0; s < nt; ++s) {
        { sg_real mx = t_yhat[s*4], se = 0;
        for (int k = 1; k < 4; ++k) mx = t_yhat[s*4 + k] > mx ? t_yhat[s*4 + k] : mx;
        for (int k = 0; k < 4; ++k) se += exp(t_yhat[s*4 + k] - mx);
          const sg_real lse = mx + log(se);
          for (int k = 0; k < 4; ++k) t_L_1[s*4 + k] = t_yhat[s*4 + k] - lse; }
        }

        /* L#2 = L#1*y */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) {
            const sg_real a0 = t_L_1[s*4 + k];
            const sg_real a1 = d_y[s*7 + k];
        t_L_2[s*4 + k] = a0*a1;
        }
        }

        /* d[L#1] = d[L#2]*y */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) {
            const sg_real a0 = c_d_L_2[k];
            const sg_real a1 = d_y[s*7 + k];
        t_d_L_1[s*4 + k] = a0*a1;
        }
        }

        /* d[yhat]#1 = sum(d[L#1]) */
        for (s = 0; s < nt; ++s) {
        { sg_real acc = 0;
          for (int k = 0; k < 4; ++k) acc += t_d_L_1[s*4 + k];
          t_d_yhat_1[s*1] = acc; }
        }

        /* d[yhat] = d[L#1] - d[yhat]#1*exp(L#1) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) {
            const sg_real a0 = t_L_1[s*4 + k];
            const sg_real a1 = t_d_L_1[s*4 + k];
            const sg_real a2 = t_d_yhat_1[s*1];
        t_d_yhat[s*4 + k] = a1 - a2*exp(a0);
        }
        }

        /* d[h1] = matmul(W2, d[yhat])  tile GEMM: Z[s,j] = sum_i X[s,i] W[i,j], W 4x8 */
        for (s = 0; s < nt; ++s) {
            sg_real *restrict zr = t_d_h1 + s*8;
            const sg_real *restrict xr = t_d_yhat + s*4;
            for (int mj = 0; mj < 8; ++mj) zr[mj] = 0;
            for (int mi = 0; mi < 4; ++mi) {
                const sg_real xv = xr[mi];
                const sg_real *restrict wr = p_W2 + mi*8;
                for (int mj = 0; mj < 8; ++mj) zr[mj] += xv * wr[mj];
            }
        }

        /* d[z1] = d[h1]*𝟙[z1 > 0] */
        for (int k = 0; k < nt*8; ++k) {
            const sg_real a0 = t_d_h1[k];
            const sg_real a1 = t_z1[k];
        t_d_z1[k] = a0*((a1) > 0 ? (1.0) : (0.0));
        }

        /* t[z1#1] = matmul(u[W1], x)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 8x3 */
        for (int mi = 0; mi < 8; ++mi) {
            const sg_real *restrict wr = u_W1 + mi*3;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = d_x + s*7;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 3; ++mj) acc += wr[mj] * xr[mj];
                t_t_z1_1[s*8 + mi] = acc;
            }
        }

        /* t[z1] = t[z1#1] + u[b1] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 8; ++k) {
            const sg_real a0 = t_t_z1_1[s*8 + k];
            const sg_real a1 = u_b1[k];
        t_t_z1[s*8 + k] = a0 + a1;
        }
        }

        /* t[h1] = t[z1]*𝟙[z1 > 0] */
        for (int k = 0; k < nt*8; ++k) {
            const sg_real a0 = t_t_z1[k];
            const sg_real a1 = t_z1[k];
        t_t_h1[k] = a0*((a1) > 0 ? (1.0) : (0.0));
        }

        /* t[z2#1]#1 = matmul(u[W2], h1)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 4x8 */
        if (n >= 8) {
            for (s = 0; s < nt; ++s) {
                sg_real *restrict zr = t_t_z2_1_1 + s*4;
                const sg_real *restrict xr = t_h1 + s*8;
                for (int mi = 0; mi < 4; ++mi) zr[mi] = 0;
                for (int mj = 0; mj < 8; ++mj) {
                    const sg_real xv = xr[mj];
                    const sg_real *restrict wr = c_u_W2_T + mj*4;
                    for (int mi = 0; mi < 4; ++mi) zr[mi] += xv * wr[mi];
                }
            }
        } else
        for (int mi = 0; mi < 4; ++mi) {
            const sg_real *restrict wr = u_W2 + mi*8;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = t_h1 + s*8;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 8; ++mj) acc += wr[mj] * xr[mj];
                t_t_z2_1_1[s*4 + mi] = acc;
            }
        }

        /* t[z2#1]#2 = matmul(W2, t[h1])  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 4x8 */
        if (n >= 8) {
            for (s = 0; s < nt; ++s) {
                sg_real *restrict zr = t_t_z2_1_2 + s*4;
                const sg_real *restrict xr = t_t_h1 + s*8;
                for (int mi = 0; mi < 4; ++mi) zr[mi] = 0;
                for (int mj = 0; mj < 8; ++mj) {
                    const sg_real xv = xr[mj];
                    const sg_real *restrict wr = c_p_W2_T + mj*4;
                    for (int mi = 0; mi < 4; ++mi) zr[mi] += xv * wr[mi];
                }
            }
        } else
        for (int mi = 0; mi < 4; ++mi) {
            const sg_real *restrict wr = p_W2 + mi*8;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = t_t_h1 + s*8;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 8; ++mj) acc += wr[mj] * xr[mj];
                t_t_z2_1_2[s*4 + mi] = acc;
            }
        }

        /* t[z2#1] = t[z2#1]#1 + t[z2#1]#2 */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_t_z2_1_1[k];
            const sg_real a1 = t_t_z2_1_2[k];
        t_t_z2_1[k] = a0 + a1;
        }

        /* t[z2] = t[z2#1] + u[b2] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) {
            const sg_real a0 = t_t_z2_1[s*4 + k];
            const sg_real a1 = u_b2[k];
        t_t_z2[s*4 + k] = a0 + a1;
        }
        }

        /* t[yhat] = t[z2] */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_t_z2[k];
        t_t_yhat[k] = a0;
        }

        /* t[L#1]#1 = t[yhat]*exp(L#1) */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_L_1[k];
            const sg_real a1 = t_t_yhat[k];
        t_t_L_1_1[k] = a1*exp(a0);
        }

        /* t[L#1]#2 = sum(t[L#1]#1) */
        for (s = 0; s < nt; ++s) {
        { sg_real acc = 0;
          for (int k = 0; k < 4; ++k) acc += t_t_L_1_1[s*4 + k];
          t_t_L_1_2[s*1] = acc; }
        }

        /* t[L#1] = -t[L#1]#2 + t[yhat] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) {
            const sg_real a0 = t_t_L_1_2[s*1];
            const sg_real a1 = t_t_yhat[s*4 + k];
        t_t_L_1[s*4 + k] = -a0 + a1;
        }
        }

        /* t[d[yhat]] = -d[yhat]#1*t[L#1]*exp(L#1) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) {
            const sg_real a0 = t_L_1[s*4 + k];
            const sg_real a1 = t_d_yhat_1[s*1];
            const sg_real a2 = t_t_L_1[s*4 + k];
        t_t_d_yhat[s*4 + k] = -a1*a2*exp(a0);
        }
        }

        /* t[d[h1]]#1 = matmul(u[W2], d[yhat])  tile GEMM: Z[s,j] = sum_i X[s,i] W[i,j], W 4x8 */
        for (s = 0; s < nt; ++s) {
            sg_real *restrict zr = t_t_d_h1_1 + s*8;
            const sg_real *restrict xr = t_d_yhat + s*4;
            for (int mj = 0; mj < 8; ++mj) zr[mj] = 0;
            for (int mi = 0; mi < 4; ++mi) {
                const sg_real xv = xr[mi];
                const sg_real *restrict wr = u_W2 + mi*8;
                for (int mj = 0; mj < 8; ++mj) zr[mj] += xv * wr[mj];
            }
        }

        /* t[d[h1]]#2 = matmul(W2, t[d[yhat]])  tile GEMM: Z[s,j] = sum_i X[s,i] W[i,j], W 4x8 */
        for (s = 0; s < nt; ++s) {
            sg_real *restrict zr = t_t_d_h1_2 + s*8;
            const sg_real *restrict xr = t_t_d_yhat + s*4;
            for (int mj = 0; mj < 8; ++mj) zr[mj] = 0;
            for (int mi = 0; mi < 4; ++mi) {
                const sg_real xv = xr[mi];
                const sg_real *restrict wr = p_W2 + mi*8;
                for (int mj = 0; mj < 8; ++mj) zr[mj] += xv * wr[mj];
            }
        }

        /* t[d[h1]] = t[d[h1]]#1 + t[d[h1]]#2 */
        for (int k = 0; k < nt*8; ++k) {
            const sg_real a0 = t_t_d_h1_1[k];
            const sg_real a1 = t_t_d_h1_2[k];
        t_t_d_h1[k] = a0 + a1;
        }

        /* t[d[z1]] = t[d[h1]]*𝟙[z1 > 0] */
        for (int k = 0; k < nt*8; ++k) {
            const sg_real a0 = t_t_d_h1[k];
            const sg_real a1 = t_z1[k];
        t_t_d_z1[k] = a0*((a1) > 0 ? (1.0) : (0.0));
        }

        /* Σ L#2 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 4; ++k) r_L_2[k] += t_L_2[s*4 + k];

        /* Σ d[yhat] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 4; ++k) r_d_yhat[k] += t_d_yhat[s*4 + k];

        /* Σ d[W2] = Σ outer(d[yhat], h1): tile GEMM acc += A^T B (4x8) */
        for (int mi = 0; mi < 4; ++mi) {
            sg_real *restrict rr = r_d_W2 + mi*8;
            for (s = 0; s < nt; ++s) {
                const sg_real av = t_d_yhat[s*4 + mi];
                const sg_real *restrict br = t_h1 + s*8;
                for (int mj = 0; mj < 8; ++mj) rr[mj] += av * br[mj];
            }
        }

        /* Σ d[z1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 8; ++k) r_d_z1[k] += t_d_z1[s*8 + k];

        /* Σ d[W1] = Σ outer(d[z1], x): tile GEMM acc += A^T B (8x3) */
        for (int mi = 0; mi < 8; ++mi) {
            sg_real *restrict rr = r_d_W1 + mi*3;
            for (s = 0; s < nt; ++s) {
                const sg_real av = t_d_z1[s*8 + mi];
                const sg_real *restrict br = d_x + s*7;
                for (int mj = 0; mj < 3; ++mj) rr[mj] += av * br[mj];
            }
        }

        /* Σ t[d[yhat]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 4; ++k) r_t_d_yhat[k] += t_t_d_yhat[s*4 + k];

        /* Σ t[d[W2]]#1 = Σ outer(t[d[yhat]], h1): tile GEMM acc += A^T B (4x8) */
        for (int mi = 0; mi < 4; ++mi) {
            sg_real *restrict rr = r_t_d_W2_1 + mi*8;
            for (s = 0; s < nt; ++s) {
                const sg_real av = t_t_d_yhat[s*4 + mi];
                const sg_real *restrict br = t_h1 + s*8;
                for (int mj = 0; mj < 8; ++mj) rr[mj] += av * br[mj];
            }
        }

        /* Σ t[d[W2]]#2 = Σ outer(d[yhat], t[h1]): tile GEMM acc += A^T B (4x8) */
        for (int mi = 0; mi < 4; ++mi) {
            sg_real *restrict rr = r_t_d_W2_2 + mi*8;
            for (s = 0; s < nt; ++s) {
                const sg_real av = t_d_yhat[s*4 + mi];
                const sg_real *restrict br = t_t_h1 + s*8;
                for (int mj = 0; mj < 8; ++mj) rr[mj] += av * br[mj];
            }
        }

        /* Σ t[d[z1]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 8; ++k) r_t_d_z1[k] += t_t_d_z1[s*8 + k];

        /* Σ t[d[W1]] = Σ outer(t[d[z1]], x): tile GEMM acc += A^T B (8x3) */
        for (int mi = 0; mi < 8; ++mi) {
            sg_real *restrict rr = r_t_d_W1 + mi*3;
            for (s = 0; s < nt; ++s) {
                const sg_real av = t_t_d_z1[s*8 + mi];
                const sg_real *restrict br = d_x + s*7;
                for (int mj = 0; mj < 3; ++mj) rr[mj] += av * br[mj];
            }
        }

    }
    /* ---- after the tiles ---- */
    /* L#3 = sum(L#2) */
    { sg_real acc = 0;
      for (int k = 0; k < 4; ++k) acc += r_L_2[k];
      r_L_3[0] = acc; }

    /* L = -L#3 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = r_L_3[k];
    r_L[k] = -a0;
    }

    /* t[d[W2]] = t[d[W2]]#1 + t[d[W2]]#2 */
    for (int k = 0; k < 32; ++k) {
        const sg_real a0 = r_t_d_W2_1[k];
        const sg_real a1 = r_t_d_W2_2[k];
    r_t_d_W2[k] = a0 + a1;
    }

    const sg_real scale = 1;
    *loss = scale * (r_L[0]);
    for (int k = 0; k < 24; ++k) grad[0 + k] = scale * (r_d_W1[k]);  /* W1 */
    for (int k = 0; k < 8; ++k) grad[24 + k] = scale * (r_d_z1[k]);  /* b1 */
    for (int k = 0; k < 32; ++k) grad[32 + k] = scale * (r_d_W2[k]);  /* W2 */
    for (int k = 0; k < 4; ++k) grad[64 + k] = scale * (r_d_yhat[k]);  /* b2 */
    for (int k = 0; k < 24; ++k) hv[0 + k] = scale * (r_t_d_W1[k]);  /* W1 */
    for (int k = 0; k < 8; ++k) hv[24 + k] = scale * (r_t_d_z1[k]);  /* b1 */
    for (int k = 0; k < 32; ++k) hv[32 + k] = scale * (r_t_d_W2[k]);  /* W2 */
    for (int k = 0; k < 4; ++k) hv[64 + k] = scale * (r_t_d_yhat[k]);  /* b2 */
    return SG_OK;
}

/* ==== jacobian: tile of 32 samples, workspace 3296 reals ==== */
int classifier_ce_jacobian(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict jac, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 68)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 7)) return SG_EDATA;
    const sg_real *restrict p_W1 = theta + 0;  /* [8, 3] */
    const sg_real *restrict p_b1 = theta + 24;  /* [8] */
    const sg_real *restrict p_W2 = theta + 32;  /* [4, 8] */
    const sg_real *restrict p_b2 = theta + 64;  /* [4] */
    sg_real *restrict v_yhat = work + 0;  /* tile [4] */
    sg_real *restrict t_z1_1 = work + 128;  /* tile [8] */
    sg_real *restrict t_z1 = work + 384;  /* tile [8] */
    sg_real *restrict t_h1 = work + 640;  /* tile [8] */
    sg_real *restrict t_J0_d_W2 = work + 896;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_h1 = work + 1920;  /* tile [8] */
    sg_real *restrict t_J0_d_z1 = work + 2176;  /* tile [8] */
    sg_real *restrict t_J0_d_W1 = work + 2432;  /* tile [8, 3] */
    sg_real *restrict t_J0_d_x = work + 3200;  /* tile [3] */
    (void)p_W1;
    (void)p_b1;
    (void)p_W2;
    (void)p_b2;
    memset(jac, 0, sizeof(sg_real) * (size_t)n * 300);
    /* ---- sample-invariant part (once per call) ---- */
    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 7 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 7 + 3;
        (void)d_y;
        /* z1#1 = matmul(W1, x)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 8x3 */
        for (int mi = 0; mi < 8; ++mi) {
            const sg_real *restrict wr = p_W1 + mi*3;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = d_x + s*7;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 3; ++mj) acc += wr[mj] * xr[mj];
                t_z1_1[s*8 + mi] = acc;
            }
        }

        /* z1 = b1 + z1#1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 8; ++k) {
            const sg_real a0 = p_b1[k];
            const sg_real a1 = t_z1_1[s*8 + k];
        t_z1[s*8 + k] = a0 + a1;
        }
        }

        /* h1 = ReLU(z1) */
        for (int k = 0; k < nt*8; ++k) {
            const sg_real a0 = t_z1[k];
        t_h1[k] = sg_relu(a0);
        }

        /* Jacobian rows of yhat: one reverse sweep per output element */
        for (int kk = 0; kk < 4; ++kk) {
            for (s = 0; s < nt; ++s)
                for (int k = 0; k < 4; ++k) v_yhat[s*4 + k] = (k == kk);
            /* J0:d[W2] = outer(v[yhat], h1) */
            for (s = 0; s < nt; ++s) {
            for (int mi = 0; mi < 4; ++mi) {
                const sg_real av = v_yhat[s*4 + mi];
                for (int mj = 0; mj < 8; ++mj) t_J0_d_W2[s*32 + mi*8 + mj] = av * t_h1[s*8 + mj];
            }
            }

            /* J0:d[h1] = matmul(W2, v[yhat])  tile GEMM: Z[s,j] = sum_i X[s,i] W[i,j], W 4x8 */
            for (s = 0; s < nt; ++s) {
                sg_real *restrict zr = t_J0_d_h1 + s*8;
                const sg_real *restrict xr = v_yhat + s*4;
                for (int mj = 0; mj < 8; ++mj) zr[mj] = 0;
                for (int mi = 0; mi < 4; ++mi) {
                    const sg_real xv = xr[mi];
                    const sg_real *restrict wr = p_W2 + mi*8;
                    for (int mj = 0; mj < 8; ++mj) zr[mj] += xv * wr[mj];
                }
            }

            /* J0:d[z1] = J0:d[h1]*𝟙[z1 > 0] */
            for (int k = 0; k < nt*8; ++k) {
                const sg_real a0 = t_J0_d_h1[k];
                const sg_real a1 = t_z1[k];
            t_J0_d_z1[k] = a0*((a1) > 0 ? (1.0) : (0.0));
            }

            /* J0:d[W1] = outer(J0:d[z1], x) */
            for (s = 0; s < nt; ++s) {
            for (int mi = 0; mi < 8; ++mi) {
                const sg_real av = t_J0_d_z1[s*8 + mi];
                for (int mj = 0; mj < 3; ++mj) t_J0_d_W1[s*24 + mi*3 + mj] = av * d_x[s*7 + mj];
            }
            }

            /* J0:d[x] = matmul(W1, J0:d[z1])  tile GEMM: Z[s,j] = sum_i X[s,i] W[i,j], W 8x3 */
            for (s = 0; s < nt; ++s) {
                sg_real *restrict zr = t_J0_d_x + s*3;
                const sg_real *restrict xr = t_J0_d_z1 + s*8;
                for (int mj = 0; mj < 3; ++mj) zr[mj] = 0;
                for (int mi = 0; mi < 8; ++mi) {
                    const sg_real xv = xr[mi];
                    const sg_real *restrict wr = p_W1 + mi*3;
                    for (int mj = 0; mj < 3; ++mj) zr[mj] += xv * wr[mj];
                }
            }

            for (s = 0; s < nt; ++s) {
                sg_real *restrict jr = jac + ((t0 + s) * 4 + 0 + kk) * 75;
                for (int k = 0; k < 3; ++k) jr[0 + k] = t_J0_d_x[s*3 + k];  /* x */
                for (int k = 0; k < 24; ++k) jr[7 + k] = t_J0_d_W1[s*24 + k];  /* W1 */
                for (int k = 0; k < 8; ++k) jr[31 + k] = t_J0_d_z1[s*8 + k];  /* b1 */
                for (int k = 0; k < 32; ++k) jr[39 + k] = t_J0_d_W2[s*32 + k];  /* W2 */
                for (int k = 0; k < 4; ++k) jr[71 + k] = v_yhat[s*4 + k];  /* b2 */
            }
        }
    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== hessian: 68 HVP sweeps u = e_j, then symmetrised (H + Hᵀ)/2 ==== */
int classifier_ce_hessian(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict loss, sg_real *restrict grad, sg_real *restrict H, sg_real *restrict work)
{
    sg_real *restrict u = work + 5368;
    int rc = SG_OK;
    for (long j = 0; j < 68; ++j) {
        memset(u, 0, sizeof(sg_real) * 68);
        u[j] = 1;
        rc = classifier_ce_hvp(theta, data, n, u, loss, grad, H + j * 68, work);
        if (rc != SG_OK) return rc;
    }
    for (long i = 0; i < 68; ++i)
        for (long j = 0; j < i; ++j) {
            const sg_real v = (sg_real)0.5 * (H[i * 68 + j] + H[j * 68 + i]);
            H[i * 68 + j] = v;
            H[j * 68 + i] = v;
        }
    return rc;
}
