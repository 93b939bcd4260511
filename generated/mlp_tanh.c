/* mlp_tanh.c: symgrad kernels for model 'mlp_tanh' (float64), emitter v1.
   Generated from the assignment graph of mlp_tanh.toml; do not edit.
   Self-contained C99 (math.h only): cc -O3 -std=c99 -c mlp_tanh.c   (link with -lm)
   Layout: theta = W1[16, 4], b1[16], W2[16, 16], b2[16], W3[2, 16], b3[2] (row-major, packed)
           data row = x[4], y[2]
           forward row = yhat[2]
   Batch objective: mean over samples of 'L' + 'R' once. */
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


#define MLP_TANH_N_PARAMS 386
#define MLP_TANH_DATA_WIDTH 6
#define MLP_TANH_OUT_WIDTH 2
#define MLP_TANH_INFO_N_PARAMS 0
#define MLP_TANH_INFO_DATA_WIDTH 1
#define MLP_TANH_INFO_OUT_WIDTH 2
#define MLP_TANH_INFO_JAC_ROWS 3
#define MLP_TANH_INFO_JAC_COLS 4
#define MLP_TANH_INFO_TILE 5
#define MLP_TANH_INFO_DTYPE_BYTES 6
#define MLP_TANH_INFO_WORK_FORWARD 7
#define MLP_TANH_INFO_WORK_LOSS_GRAD 8
#define MLP_TANH_INFO_WORK_HVP 9
#define MLP_TANH_INFO_WORK_HESSIAN 10
#define MLP_TANH_INFO_WORK_JACOBIAN 11

long mlp_tanh_info(int what)
{
    switch (what) {
    case 0: return 386L;
    case 1: return 6L;
    case 2: return 2L;
    case 3: return 2L;
    case 4: return 392L;
    case 5: return 32L;
    case 6: return 8L;
    case 7: return 3584L;
    case 8: return 7304L;
    case 9: return 17520L;
    case 10: return 18300L;
    case 11: return 16896L;
    default: return -1L;
    }
}

/* ==== forward: tile of 32 samples, workspace 3584 reals ==== */
int mlp_tanh_forward(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict out, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 386)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 6)) return SG_EDATA;
    const sg_real *restrict p_W1 = theta + 0;  /* [16, 4] */
    const sg_real *restrict p_b1 = theta + 64;  /* [16] */
    const sg_real *restrict p_W2 = theta + 80;  /* [16, 16] */
    const sg_real *restrict p_b2 = theta + 336;  /* [16] */
    const sg_real *restrict p_W3 = theta + 352;  /* [2, 16] */
    const sg_real *restrict p_b3 = theta + 384;  /* [2] */
    sg_real *restrict t_z1_1 = work + 0;  /* tile [16] */
    sg_real *restrict c_p_W1_T = work + 512;  /* work [4, 16] */
    sg_real *restrict t_z1 = work + 576;  /* tile [16] */
    sg_real *restrict t_h1 = work + 1088;  /* tile [16] */
    sg_real *restrict t_z2_1 = work + 1600;  /* tile [16] */
    sg_real *restrict c_p_W2_T = work + 2112;  /* work [16, 16] */
    sg_real *restrict t_z2 = work + 2368;  /* tile [16] */
    sg_real *restrict t_h2 = work + 2880;  /* tile [16] */
    sg_real *restrict t_z3_1 = work + 3392;  /* tile [2] */
    sg_real *restrict t_z3 = work + 3456;  /* tile [2] */
    sg_real *restrict t_yhat = work + 3520;  /* tile [2] */
    (void)p_W1;
    (void)p_b1;
    (void)p_W2;
    (void)p_b2;
    (void)p_W3;
    (void)p_b3;
    /* ---- sample-invariant part (once per call) ---- */
    /* p_W1ᵀ (used when n >= 8) */
    if (n >= 8)
    for (int mi = 0; mi < 16; ++mi)
        for (int mj = 0; mj < 4; ++mj) c_p_W1_T[mj*16 + mi] = p_W1[mi*4 + mj];

    /* p_W2ᵀ (used when n >= 8) */
    if (n >= 8)
    for (int mi = 0; mi < 16; ++mi)
        for (int mj = 0; mj < 16; ++mj) c_p_W2_T[mj*16 + mi] = p_W2[mi*16 + mj];

    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 6 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 6 + 4;
        (void)d_y;
        /* z1#1 = matmul(W1, x)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 16x4 */
        if (n >= 8) {
            for (s = 0; s < nt; ++s) {
                sg_real *restrict zr = t_z1_1 + s*16;
                const sg_real *restrict xr = d_x + s*6;
                for (int mi = 0; mi < 16; ++mi) zr[mi] = 0;
                for (int mj = 0; mj < 4; ++mj) {
                    const sg_real xv = xr[mj];
                    const sg_real *restrict wr = c_p_W1_T + mj*16;
                    for (int mi = 0; mi < 16; ++mi) zr[mi] += xv * wr[mi];
                }
            }
        } else
        for (int mi = 0; mi < 16; ++mi) {
            const sg_real *restrict wr = p_W1 + mi*4;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = d_x + s*6;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 4; ++mj) acc += wr[mj] * xr[mj];
                t_z1_1[s*16 + mi] = acc;
            }
        }

        /* z1 = b1 + z1#1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) {
            const sg_real a0 = p_b1[k];
            const sg_real a1 = t_z1_1[s*16 + k];
        t_z1[s*16 + k] = a0 + a1;
        }
        }

        /* h1 = tanh(z1) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z1[k];
        t_h1[k] = tanh(a0);
        }

        /* z2#1 = matmul(W2, h1)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 16x16 */
        if (n >= 8) {
            for (s = 0; s < nt; ++s) {
                sg_real *restrict zr = t_z2_1 + s*16;
                const sg_real *restrict xr = t_h1 + s*16;
                for (int mi = 0; mi < 16; ++mi) zr[mi] = 0;
                for (int mj = 0; mj < 16; ++mj) {
                    const sg_real xv = xr[mj];
                    const sg_real *restrict wr = c_p_W2_T + mj*16;
                    for (int mi = 0; mi < 16; ++mi) zr[mi] += xv * wr[mi];
                }
            }
        } else
        for (int mi = 0; mi < 16; ++mi) {
            const sg_real *restrict wr = p_W2 + mi*16;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = t_h1 + s*16;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 16; ++mj) acc += wr[mj] * xr[mj];
                t_z2_1[s*16 + mi] = acc;
            }
        }

        /* z2 = b2 + z2#1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) {
            const sg_real a0 = p_b2[k];
            const sg_real a1 = t_z2_1[s*16 + k];
        t_z2[s*16 + k] = a0 + a1;
        }
        }

        /* h2 = tanh(z2) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z2[k];
        t_h2[k] = tanh(a0);
        }

        /* z3#1 = matmul(W3, h2)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 2x16 */
        for (int mi = 0; mi < 2; ++mi) {
            const sg_real *restrict wr = p_W3 + mi*16;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = t_h2 + s*16;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 16; ++mj) acc += wr[mj] * xr[mj];
                t_z3_1[s*2 + mi] = acc;
            }
        }

        /* z3 = b3 + z3#1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = p_b3[k];
            const sg_real a1 = t_z3_1[s*2 + k];
        t_z3[s*2 + k] = a0 + a1;
        }
        }

        /* yhat = z3 */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_z3[k];
        t_yhat[k] = a0;
        }

        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) out[(t0 + s)*2 + 0 + k] = t_yhat[s*2 + k];

    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== loss_grad: tile of 32 samples, workspace 7304 reals ==== */
int mlp_tanh_loss_grad(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict loss, sg_real *restrict grad, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 386)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 6)) return SG_EDATA;
    const sg_real *restrict p_W1 = theta + 0;  /* [16, 4] */
    const sg_real *restrict p_b1 = theta + 64;  /* [16] */
    const sg_real *restrict p_W2 = theta + 80;  /* [16, 16] */
    const sg_real *restrict p_b2 = theta + 336;  /* [16] */
    const sg_real *restrict p_W3 = theta + 352;  /* [2, 16] */
    const sg_real *restrict p_b3 = theta + 384;  /* [2] */
    sg_real *restrict oc_R_1 = work + 0;  /* work [16, 4] */
    sg_real *restrict oc_R_2 = work + 64;  /* work [] */
    sg_real *restrict oc_R_3 = work + 72;  /* work [16, 16] */
    sg_real *restrict oc_R_4 = work + 328;  /* work [] */
    sg_real *restrict oc_R_5 = work + 336;  /* work [2, 16] */
    sg_real *restrict oc_R_6 = work + 368;  /* work [] */
    sg_real *restrict oc_R = work + 376;  /* work [] */
    sg_real *restrict oc_d_R_2 = work + 384;  /* work [] */
    sg_real *restrict oc_d_R_4 = work + 392;  /* work [] */
    sg_real *restrict oc_d_R_6 = work + 400;  /* work [] */
    sg_real *restrict oc_d_R_5 = work + 408;  /* work [2, 16] */
    sg_real *restrict oc_d_W3 = work + 440;  /* work [2, 16] */
    sg_real *restrict oc_d_R_3 = work + 472;  /* work [16, 16] */
    sg_real *restrict oc_d_W2 = work + 728;  /* work [16, 16] */
    sg_real *restrict oc_d_R_1 = work + 984;  /* work [16, 4] */
    sg_real *restrict oc_d_W1 = work + 1048;  /* work [16, 4] */
    sg_real *restrict c_d_L_2 = work + 1112;  /* work [] */
    sg_real *restrict c_d_L_1 = work + 1120;  /* work [2] */
    sg_real *restrict t_z1_1 = work + 1128;  /* tile [16] */
    sg_real *restrict c_p_W1_T = work + 1640;  /* work [4, 16] */
    sg_real *restrict t_z1 = work + 1704;  /* tile [16] */
    sg_real *restrict t_h1 = work + 2216;  /* tile [16] */
    sg_real *restrict t_z2_1 = work + 2728;  /* tile [16] */
    sg_real *restrict c_p_W2_T = work + 3240;  /* work [16, 16] */
    sg_real *restrict t_z2 = work + 3496;  /* tile [16] */
    sg_real *restrict t_h2 = work + 4008;  /* tile [16] */
    sg_real *restrict t_z3_1 = work + 4520;  /* tile [2] */
    sg_real *restrict t_z3 = work + 4584;  /* tile [2] */
    sg_real *restrict t_yhat = work + 4648;  /* tile [2] */
    sg_real *restrict t_L_1 = work + 4712;  /* tile [2] */
    sg_real *restrict t_d_yhat = work + 4776;  /* tile [2] */
    sg_real *restrict t_d_h2 = work + 4840;  /* tile [16] */
    sg_real *restrict t_d_z2 = work + 5352;  /* tile [16] */
    sg_real *restrict t_d_h1 = work + 5864;  /* tile [16] */
    sg_real *restrict t_d_z1 = work + 6376;  /* tile [16] */
    sg_real *restrict r_L_1 = work + 6888;  /* acc [2] */
    sg_real *restrict r_L_2 = work + 6896;  /* acc [] */
    sg_real *restrict r_L = work + 6904;  /* acc [] */
    sg_real *restrict r_d_yhat = work + 6912;  /* acc [2] */
    sg_real *restrict r_d_W3 = work + 6920;  /* acc [2, 16] */
    sg_real *restrict r_d_z2 = work + 6952;  /* acc [16] */
    sg_real *restrict r_d_W2 = work + 6968;  /* acc [16, 16] */
    sg_real *restrict r_d_z1 = work + 7224;  /* acc [16] */
    sg_real *restrict r_d_W1 = work + 7240;  /* acc [16, 4] */
    (void)p_W1;
    (void)p_b1;
    (void)p_W2;
    (void)p_b2;
    (void)p_W3;
    (void)p_b3;
    /* ---- sample-invariant part (once per call) ---- */
    /* R#1 = W1**2 */
    for (int k = 0; k < 64; ++k) {
        const sg_real a0 = p_W1[k];
    oc_R_1[k] = (a0*a0);
    }

    /* R#2 = sum(R#1) */
    { sg_real acc = 0;
      for (int k = 0; k < 64; ++k) acc += oc_R_1[k];
      oc_R_2[0] = acc; }

    /* R#3 = W2**2 */
    for (int k = 0; k < 256; ++k) {
        const sg_real a0 = p_W2[k];
    oc_R_3[k] = (a0*a0);
    }

    /* R#4 = sum(R#3) */
    { sg_real acc = 0;
      for (int k = 0; k < 256; ++k) acc += oc_R_3[k];
      oc_R_4[0] = acc; }

    /* R#5 = W3**2 */
    for (int k = 0; k < 32; ++k) {
        const sg_real a0 = p_W3[k];
    oc_R_5[k] = (a0*a0);
    }

    /* R#6 = sum(R#5) */
    { sg_real acc = 0;
      for (int k = 0; k < 32; ++k) acc += oc_R_5[k];
      oc_R_6[0] = acc; }

    /* R = R#2/2000 + R#4/2000 + R#6/2000 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = oc_R_2[k];
        const sg_real a1 = oc_R_4[k];
        const sg_real a2 = oc_R_6[k];
    oc_R[k] = ((1.0/2000.0))*(a0 + a1 + a2);
    }

    /* d[R#2] = 1/2000 */
    for (int k = 0; k < 1; ++k) {
    oc_d_R_2[k] = (1.0/2000.0);
    }

    /* d[R#4] = 1/2000 */
    for (int k = 0; k < 1; ++k) {
    oc_d_R_4[k] = (1.0/2000.0);
    }

    /* d[R#6] = 1/2000 */
    for (int k = 0; k < 1; ++k) {
    oc_d_R_6[k] = (1.0/2000.0);
    }

    /* d[R#5] = d[R#6] */
    for (int k = 0; k < 32; ++k) {
        const sg_real a0 = oc_d_R_6[0];
    oc_d_R_5[k] = a0;
    }

    /* d[W3] = 2*W3*d[R#5] */
    for (int k = 0; k < 32; ++k) {
        const sg_real a0 = p_W3[k];
        const sg_real a1 = oc_d_R_5[k];
    oc_d_W3[k] = 2.0*a0*a1;
    }

    /* d[R#3] = d[R#4] */
    for (int k = 0; k < 256; ++k) {
        const sg_real a0 = oc_d_R_4[0];
    oc_d_R_3[k] = a0;
    }

    /* d[W2] = 2*W2*d[R#3] */
    for (int k = 0; k < 256; ++k) {
        const sg_real a0 = p_W2[k];
        const sg_real a1 = oc_d_R_3[k];
    oc_d_W2[k] = 2.0*a0*a1;
    }

    /* d[R#1] = d[R#2] */
    for (int k = 0; k < 64; ++k) {
        const sg_real a0 = oc_d_R_2[0];
    oc_d_R_1[k] = a0;
    }

    /* d[W1] = 2*W1*d[R#1] */
    for (int k = 0; k < 64; ++k) {
        const sg_real a0 = p_W1[k];
        const sg_real a1 = oc_d_R_1[k];
    oc_d_W1[k] = 2.0*a0*a1;
    }

    /* d[L#2] = 1/2 */
    for (int k = 0; k < 1; ++k) {
    c_d_L_2[k] = (1.0/2.0);
    }

    /* d[L#1] = d[L#2] */
    for (int k = 0; k < 2; ++k) {
        const sg_real a0 = c_d_L_2[0];
    c_d_L_1[k] = a0;
    }

    /* p_W1ᵀ (used when n >= 8) */
    if (n >= 8)
    for (int mi = 0; mi < 16; ++mi)
        for (int mj = 0; mj < 4; ++mj) c_p_W1_T[mj*16 + mi] = p_W1[mi*4 + mj];

    /* p_W2ᵀ (used when n >= 8) */
    if (n >= 8)
    for (int mi = 0; mi < 16; ++mi)
        for (int mj = 0; mj < 16; ++mj) c_p_W2_T[mj*16 + mi] = p_W2[mi*16 + mj];

    memset(r_L_1, 0, sizeof(sg_real) * 2);
    memset(r_L_2, 0, sizeof(sg_real) * 1);
    memset(r_L, 0, sizeof(sg_real) * 1);
    memset(r_d_yhat, 0, sizeof(sg_real) * 2);
    memset(r_d_W3, 0, sizeof(sg_real) * 32);
    memset(r_d_z2, 0, sizeof(sg_real) * 16);
    memset(r_d_W2, 0, sizeof(sg_real) * 256);
    memset(r_d_z1, 0, sizeof(sg_real) * 16);
    memset(r_d_W1, 0, sizeof(sg_real) * 64);
    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 6 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 6 + 4;
        (void)d_y;
        /* z1#1 = matmul(W1, x)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 16x4 */
        if (n >= 8) {
            for (s = 0; s < nt; ++s) {
                sg_real *restrict zr = t_z1_1 + s*16;
                const sg_real *restrict xr = d_x + s*6;
                for (int mi = 0; mi < 16; ++mi) zr[mi] = 0;
                for (int mj = 0; mj < 4; ++mj) {
                    const sg_real xv = xr[mj];
                    const sg_real *restrict wr = c_p_W1_T + mj*16;
                    for (int mi = 0; mi < 16; ++mi) zr[mi] += xv * wr[mi];
                }
            }
        } else
        for (int mi = 0; mi < 16; ++mi) {
            const sg_real *restrict wr = p_W1 + mi*4;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = d_x + s*6;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 4; ++mj) acc += wr[mj] * xr[mj];
                t_z1_1[s*16 + mi] = acc;
            }
        }

        /* z1 = b1 + z1#1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) {
            const sg_real a0 = p_b1[k];
            const sg_real a1 = t_z1_1[s*16 + k];
        t_z1[s*16 + k] = a0 + a1;
        }
        }

        /* h1 = tanh(z1) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z1[k];
        t_h1[k] = tanh(a0);
        }

        /* z2#1 = matmul(W2, h1)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 16x16 */
        if (n >= 8) {
            for (s = 0; s < nt; ++s) {
                sg_real *restrict zr = t_z2_1 + s*16;
                const sg_real *restrict xr = t_h1 + s*16;
                for (int mi = 0; mi < 16; ++mi) zr[mi] = 0;
                for (int mj = 0; mj < 16; ++mj) {
                    const sg_real xv = xr[mj];
                    const sg_real *restrict wr = c_p_W2_T + mj*16;
                    for (int mi = 0; mi < 16; ++mi) zr[mi] += xv * wr[mi];
                }
            }
        } else
        for (int mi = 0; mi < 16; ++mi) {
            const sg_real *restrict wr = p_W2 + mi*16;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = t_h1 + s*16;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 16; ++mj) acc += wr[mj] * xr[mj];
                t_z2_1[s*16 + mi] = acc;
            }
        }

        /* z2 = b2 + z2#1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) {
            const sg_real a0 = p_b2[k];
            const sg_real a1 = t_z2_1[s*16 + k];
        t_z2[s*16 + k] = a0 + a1;
        }
        }

        /* h2 = tanh(z2) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z2[k];
        t_h2[k] = tanh(a0);
        }

        /* z3#1 = matmul(W3, h2)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 2x16 */
        for (int mi = 0; mi < 2; ++mi) {
            const sg_real *restrict wr = p_W3 + mi*16;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = t_h2 + s*16;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 16; ++mj) acc += wr[mj] * xr[mj];
                t_z3_1[s*2 + mi] = acc;
            }
        }

        /* z3 = b3 + z3#1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = p_b3[k];
            const sg_real a1 = t_z3_1[s*2 + k];
        t_z3[s*2 + k] = a0 + a1;
        }
        }

        /* yhat = z3 */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_z3[k];
        t_yhat[k] = a0;
        }

        /* L#1 = (-y + yhat)**2 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = d_y[s*6 + k];
            const sg_real a1 = t_yhat[s*2 + k];
        t_L_1[s*2 + k] = ((-a0 + a1)*(-a0 + a1));
        }
        }

        /* d[yhat] = d[L#1]*(-2*y + 2*yhat) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = c_d_L_1[k];
            const sg_real a1 = d_y[s*6 + k];
            const sg_real a2 = t_yhat[s*2 + k];
        t_d_yhat[s*2 + k] = a0*(-2.0*a1 + 2.0*a2);
        }
        }

        /* d[h2] = matmul(W3, d[yhat])  tile GEMM: Z[s,j] = sum_i X[s,i] W[i,j], W 2x16 */
        for (s = 0; s < nt; ++s) {
            sg_real *restrict zr = t_d_h2 + s*16;
            const sg_real *restrict xr = t_d_yhat + s*2;
            for (int mj = 0; mj < 16; ++mj) zr[mj] = 0;
            for (int mi = 0; mi < 2; ++mi) {
                const sg_real xv = xr[mi];
                const sg_real *restrict wr = p_W3 + mi*16;
                for (int mj = 0; mj < 16; ++mj) zr[mj] += xv * wr[mj];
            }
        }

        /* d[z2] = d[h2]*(1 - h2**2) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_h2[k];
            const sg_real a1 = t_h2[k];
        t_d_z2[k] = a0*(1.0 - (a1*a1));
        }

        /* d[h1] = matmul(W2, d[z2])  tile GEMM: Z[s,j] = sum_i X[s,i] W[i,j], W 16x16 */
        for (s = 0; s < nt; ++s) {
            sg_real *restrict zr = t_d_h1 + s*16;
            const sg_real *restrict xr = t_d_z2 + s*16;
            for (int mj = 0; mj < 16; ++mj) zr[mj] = 0;
            for (int mi = 0; mi < 16; ++mi) {
                const sg_real xv = xr[mi];
                const sg_real *restrict wr = p_W2 + mi*16;
                for (int mj = 0; mj < 16; ++mj) zr[mj] += xv * wr[mj];
            }
        }

        /* d[z1] = d[h1]*(1 - h1**2) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_h1[k];
            const sg_real a1 = t_h1[k];
        t_d_z1[k] = a0*(1.0 - (a1*a1));
        }

        /* Σ L#1 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_L_1[k] += t_L_1[s*2 + k];

        /* Σ d[yhat] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_d_yhat[k] += t_d_yhat[s*2 + k];

        /* Σ d[W3] = Σ outer(d[yhat], h2): tile GEMM acc += A^T B (2x16) */
        for (int mi = 0; mi < 2; ++mi) {
            sg_real *restrict rr = r_d_W3 + mi*16;
            for (s = 0; s < nt; ++s) {
                const sg_real av = t_d_yhat[s*2 + mi];
                const sg_real *restrict br = t_h2 + s*16;
                for (int mj = 0; mj < 16; ++mj) rr[mj] += av * br[mj];
            }
        }

        /* Σ d[z2] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 16; ++k) r_d_z2[k] += t_d_z2[s*16 + k];

        /* Σ d[W2] = Σ outer(d[z2], h1): tile GEMM acc += A^T B (16x16) */
        for (int mi = 0; mi < 16; ++mi) {
            sg_real *restrict rr = r_d_W2 + mi*16;
            for (s = 0; s < nt; ++s) {
                const sg_real av = t_d_z2[s*16 + mi];
                const sg_real *restrict br = t_h1 + s*16;
                for (int mj = 0; mj < 16; ++mj) rr[mj] += av * br[mj];
            }
        }

        /* Σ d[z1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 16; ++k) r_d_z1[k] += t_d_z1[s*16 + k];

        /* Σ d[W1] = Σ outer(d[z1], x): tile GEMM acc += A^T B (16x4) */
        for (int mi = 0; mi < 16; ++mi) {
            sg_real *restrict rr = r_d_W1 + mi*4;
            for (s = 0; s < nt; ++s) {
                const sg_real av = t_d_z1[s*16 + mi];
                const sg_real *restrict br = d_x + s*6;
                for (int mj = 0; mj < 4; ++mj) rr[mj] += av * br[mj];
            }
        }

    }
    /* ---- after the tiles ---- */
    /* L#2 = sum(L#1) */
    { sg_real acc = 0;
      for (int k = 0; k < 2; ++k) acc += r_L_1[k];
      r_L_2[0] = acc; }

    /* L = L#2/2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = r_L_2[k];
    r_L[k] = ((1.0/2.0))*a0;
    }

    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (r_L[0]) + oc_R[0];
    for (int k = 0; k < 64; ++k) grad[0 + k] = scale * (r_d_W1[k]) + oc_d_W1[k];  /* W1 */
    for (int k = 0; k < 16; ++k) grad[64 + k] = scale * (r_d_z1[k]);  /* b1 */
    for (int k = 0; k < 256; ++k) grad[80 + k] = scale * (r_d_W2[k]) + oc_d_W2[k];  /* W2 */
    for (int k = 0; k < 16; ++k) grad[336 + k] = scale * (r_d_z2[k]);  /* b2 */
    for (int k = 0; k < 32; ++k) grad[352 + k] = scale * (r_d_W3[k]) + oc_d_W3[k];  /* W3 */
    for (int k = 0; k < 2; ++k) grad[384 + k] = scale * (r_d_yhat[k]);  /* b3 */
    return SG_OK;
}

/* ==== hvp: tile of 32 samples, workspace 17520 reals ==== */
int mlp_tanh_hvp(const sg_real *restrict theta, const sg_real *restrict data, long n,
    const sg_real *restrict dir, sg_real *restrict loss, sg_real *restrict grad,
    sg_real *restrict hv, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 386)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 6)) return SG_EDATA;
    if (!sg_all_finite(dir, 386)) return SG_EDIR;
    const sg_real *restrict p_W1 = theta + 0;  /* [16, 4] */
    const sg_real *restrict p_b1 = theta + 64;  /* [16] */
    const sg_real *restrict p_W2 = theta + 80;  /* [16, 16] */
    const sg_real *restrict p_b2 = theta + 336;  /* [16] */
    const sg_real *restrict p_W3 = theta + 352;  /* [2, 16] */
    const sg_real *restrict p_b3 = theta + 384;  /* [2] */
    const sg_real *restrict u_W1 = dir + 0;
    const sg_real *restrict u_b1 = dir + 64;
    const sg_real *restrict u_W2 = dir + 80;
    const sg_real *restrict u_b2 = dir + 336;
    const sg_real *restrict u_W3 = dir + 352;
    const sg_real *restrict u_b3 = dir + 384;
    sg_real *restrict oc_R_1 = work + 0;  /* work [16, 4] */
    sg_real *restrict oc_R_2 = work + 64;  /* work [] */
    sg_real *restrict oc_R_3 = work + 72;  /* work [16, 16] */
    sg_real *restrict oc_R_4 = work + 328;  /* work [] */
    sg_real *restrict oc_R_5 = work + 336;  /* work [2, 16] */
    sg_real *restrict oc_R_6 = work + 368;  /* work [] */
    sg_real *restrict oc_R = work + 376;  /* work [] */
    sg_real *restrict oc_d_R_2 = work + 384;  /* work [] */
    sg_real *restrict oc_d_R_4 = work + 392;  /* work [] */
    sg_real *restrict oc_d_R_6 = work + 400;  /* work [] */
    sg_real *restrict oc_d_R_5 = work + 408;  /* work [2, 16] */
    sg_real *restrict oc_d_W3 = work + 440;  /* work [2, 16] */
    sg_real *restrict oc_d_R_3 = work + 472;  /* work [16, 16] */
    sg_real *restrict oc_d_W2 = work + 728;  /* work [16, 16] */
    sg_real *restrict oc_d_R_1 = work + 984;  /* work [16, 4] */
    sg_real *restrict oc_d_W1 = work + 1048;  /* work [16, 4] */
    sg_real *restrict oc_t_d_W3 = work + 1112;  /* work [2, 16] */
    sg_real *restrict oc_t_d_W2 = work + 1144;  /* work [16, 16] */
    sg_real *restrict oc_t_d_W1 = work + 1400;  /* work [16, 4] */
    sg_real *restrict c_d_L_2 = work + 1464;  /* work [] */
    sg_real *restrict c_d_L_1 = work + 1472;  /* work [2] */
    sg_real *restrict t_z1_1 = work + 1480;  /* tile [16] */
    sg_real *restrict c_p_W1_T = work + 1992;  /* work [4, 16] */
    sg_real *restrict t_z1 = work + 2056;  /* tile [16] */
    sg_real *restrict t_h1 = work + 2568;  /* tile [16] */
    sg_real *restrict t_z2_1 = work + 3080;  /* tile [16] */
    sg_real *restrict c_p_W2_T = work + 3592;  /* work [16, 16] */
    sg_real *restrict t_z2 = work + 3848;  /* tile [16] */
    sg_real *restrict t_h2 = work + 4360;  /* tile [16] */
    sg_real *restrict t_z3_1 = work + 4872;  /* tile [2] */
    sg_real *restrict t_z3 = work + 4936;  /* tile [2] */
    sg_real *restrict t_yhat = work + 5000;  /* tile [2] */
    sg_real *restrict t_L_1 = work + 5064;  /* tile [2] */
    sg_real *restrict t_d_yhat = work + 5128;  /* tile [2] */
    sg_real *restrict t_d_h2 = work + 5192;  /* tile [16] */
    sg_real *restrict t_d_z2 = work + 5704;  /* tile [16] */
    sg_real *restrict t_d_h1 = work + 6216;  /* tile [16] */
    sg_real *restrict t_d_z1 = work + 6728;  /* tile [16] */
    sg_real *restrict t_t_z1_1 = work + 7240;  /* tile [16] */
    sg_real *restrict c_u_W1_T = work + 7752;  /* work [4, 16] */
    sg_real *restrict t_t_z1 = work + 7816;  /* tile [16] */
    sg_real *restrict t_t_h1 = work + 8328;  /* tile [16] */
    sg_real *restrict t_t_z2_1_1 = work + 8840;  /* tile [16] */
    sg_real *restrict c_u_W2_T = work + 9352;  /* work [16, 16] */
    sg_real *restrict t_t_z2_1_2 = work + 9608;  /* tile [16] */
    sg_real *restrict t_t_z2_1 = work + 10120;  /* tile [16] */
    sg_real *restrict t_t_z2 = work + 10632;  /* tile [16] */
    sg_real *restrict t_t_h2 = work + 11144;  /* tile [16] */
    sg_real *restrict t_t_z3_1_1 = work + 11656;  /* tile [2] */
    sg_real *restrict t_t_z3_1_2 = work + 11720;  /* tile [2] */
    sg_real *restrict t_t_z3_1 = work + 11784;  /* tile [2] */
    sg_real *restrict t_t_z3 = work + 11848;  /* tile [2] */
    sg_real *restrict t_t_yhat = work + 11912;  /* tile [2] */
    sg_real *restrict t_t_d_yhat = work + 11976;  /* tile [2] */
    sg_real *restrict t_t_d_h2_1 = work + 12040;  /* tile [16] */
    sg_real *restrict t_t_d_h2_2 = work + 12552;  /* tile [16] */
    sg_real *restrict t_t_d_h2 = work + 13064;  /* tile [16] */
    sg_real *restrict t_t_d_z2 = work + 13576;  /* tile [16] */
    sg_real *restrict t_t_d_h1_1 = work + 14088;  /* tile [16] */
    sg_real *restrict t_t_d_h1_2 = work + 14600;  /* tile [16] */
    sg_real *restrict t_t_d_h1 = work + 15112;  /* tile [16] */
    sg_real *restrict t_t_d_z1 = work + 15624;  /* tile [16] */
    sg_real *restrict r_L_1 = work + 16136;  /* acc [2] */
    sg_real *restrict r_L_2 = work + 16144;  /* acc [] */
    sg_real *restrict r_L = work + 16152;  /* acc [] */
    sg_real *restrict r_d_yhat = work + 16160;  /* acc [2] */
    sg_real *restrict r_d_W3 = work + 16168;  /* acc [2, 16] */
    sg_real *restrict r_d_z2 = work + 16200;  /* acc [16] */
    sg_real *restrict r_d_W2 = work + 16216;  /* acc [16, 16] */
    sg_real *restrict r_d_z1 = work + 16472;  /* acc [16] */
    sg_real *restrict r_d_W1 = work + 16488;  /* acc [16, 4] */
    sg_real *restrict r_t_d_yhat = work + 16552;  /* acc [2] */
    sg_real *restrict r_t_d_W3_1 = work + 16560;  /* acc [2, 16] */
    sg_real *restrict r_t_d_W3_2 = work + 16592;  /* acc [2, 16] */
    sg_real *restrict r_t_d_W3 = work + 16624;  /* acc [2, 16] */
    sg_real *restrict r_t_d_z2 = work + 16656;  /* acc [16] */
    sg_real *restrict r_t_d_W2_1 = work + 16672;  /* acc [16, 16] */
    sg_real *restrict r_t_d_W2_2 = work + 16928;  /* acc [16, 16] */
    sg_real *restrict r_t_d_W2 = work + 17184;  /* acc [16, 16] */
    sg_real *restrict r_t_d_z1 = work + 17440;  /* acc [16] */
    sg_real *restrict r_t_d_W1 = work + 17456;  /* acc [16, 4] */
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
    /* R#1 = W1**2 */
    for (int k = 0; k < 64; ++k) {
        const sg_real a0 = p_W1[k];
    oc_R_1[k] = (a0*a0);
    }

    /* R#2 = sum(R#1) */
    { sg_real acc = 0;
      for (int k = 0; k < 64; ++k) acc += oc_R_1[k];
      oc_R_2[0] = acc; }

    /* R#3 = W2**2 */
    for (int k = 0; k < 256; ++k) {
        const sg_real a0 = p_W2[k];
    oc_R_3[k] = (a0*a0);
    }

    /* R#4 = sum(R#3) */
    { sg_real acc = 0;
      for (int k = 0; k < 256; ++k) acc += oc_R_3[k];
      oc_R_4[0] = acc; }

    /* R#5 = W3**2 */
    for (int k = 0; k < 32; ++k) {
        const sg_real a0 = p_W3[k];
    oc_R_5[k] = (a0*a0);
    }

    /* R#6 = sum(R#5) */
    { sg_real acc = 0;
      for (int k = 0; k < 32; ++k) acc += oc_R_5[k];
      oc_R_6[0] = acc; }

    /* R = R#2/2000 + R#4/2000 + R#6/2000 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = oc_R_2[k];
        const sg_real a1 = oc_R_4[k];
        const sg_real a2 = oc_R_6[k];
    oc_R[k] = ((1.0/2000.0))*(a0 + a1 + a2);
    }

    /* d[R#2] = 1/2000 */
    for (int k = 0; k < 1; ++k) {
    oc_d_R_2[k] = (1.0/2000.0);
    }

    /* d[R#4] = 1/2000 */
    for (int k = 0; k < 1; ++k) {
    oc_d_R_4[k] = (1.0/2000.0);
    }

    /* d[R#6] = 1/2000 */
    for (int k = 0; k < 1; ++k) {
    oc_d_R_6[k] = (1.0/2000.0);
    }

    /* d[R#5] = d[R#6] */
    for (int k = 0; k < 32; ++k) {
        const sg_real a0 = oc_d_R_6[0];
    oc_d_R_5[k] = a0;
    }

    /* d[W3] = 2*W3*d[R#5] */
    for (int k = 0; k < 32; ++k) {
        const sg_real a0 = p_W3[k];
        const sg_real a1 = oc_d_R_5[k];
    oc_d_W3[k] = 2.0*a0*a1;
    }

    /* d[R#3] = d[R#4] */
    for (int k = 0; k < 256; ++k) {
        const sg_real a0 = oc_d_R_4[0];
    oc_d_R_3[k] = a0;
    }

    /* d[W2] = 2*W2*d[R#3] */
    for (int k = 0; k < 256; ++k) {
        const sg_real a0 = p_W2[k];
        const sg_real a1 = oc_d_R_3[k];
    oc_d_W2[k] = 2.0*a0*a1;
    }

    /* d[R#1] = d[R#2] */
    for (int k = 0; k < 64; ++k) {
        const sg_real a0 = oc_d_R_2[0];
    oc_d_R_1[k] = a0;
    }

    /* d[W1] = 2*W1*d[R#1] */
    for (int k = 0; k < 64; ++k) {
        const sg_real a0 = p_W1[k];
        const sg_real a1 = oc_d_R_1[k];
    oc_d_W1[k] = 2.0*a0*a1;
    }

    /* t[d[W3]] = 2*d[R#5]*u[W3] */
    for (int k = 0; k < 32; ++k) {
        const sg_real a0 = oc_d_R_5[k];
        const sg_real a1 = u_W3[k];
    oc_t_d_W3[k] = 2.0*a0*a1;
    }

    /* t[d[W2]] = 2*d[R#3]*u[W2] */
    for (int k = 0; k < 256; ++k) {
        const sg_real a0 = oc_d_R_3[k];
        const sg_real a1 = u_W2[k];
    oc_t_d_W2[k] = 2.0*a0*a1;
    }

    /* t[d[W1]] = 2*d[R#1]*u[W1] */
    for (int k = 0; k < 64; ++k) {
        const sg_real a0 = oc_d_R_1[k];
        const sg_real a1 = u_W1[k];
    oc_t_d_W1[k] = 2.0*a0*a1;
    }

    /* d[L#2] = 1/2 */
    for (int k = 0; k < 1; ++k) {
    c_d_L_2[k] = (1.0/2.0);
    }

    /* d[L#1] = d[L#2] */
    for (int k = 0; k < 2; ++k) {
        const sg_real a0 = c_d_L_2[0];
    c_d_L_1[k] = a0;
    }

    /* p_W1ᵀ (used when n >= 8) */
    if (n >= 8)
    for (int mi = 0; mi < 16; ++mi)
        for (int mj = 0; mj < 4; ++mj) c_p_W1_T[mj*16 + mi] = p_W1[mi*4 + mj];

    /* p_W2ᵀ (used when n >= 8) */
    if (n >= 8)
    for (int mi = 0; mi < 16; ++mi)
        for (int mj = 0; mj < 16; ++mj) c_p_W2_T[mj*16 + mi] = p_W2[mi*16 + mj];

    /* u_W1ᵀ (used when n >= 8) */
    if (n >= 8)
    for (int mi = 0; mi < 16; ++mi)
        for (int mj = 0; mj < 4; ++mj) c_u_W1_T[mj*16 + mi] = u_W1[mi*4 + mj];

    /* u_W2ᵀ (used when n >= 8) */
    if (n >= 8)
    for (int mi = 0; mi < 16; ++mi)
        for (int mj = 0; mj < 16; ++mj) c_u_W2_T[mj*16 + mi] = u_W2[mi*16 + mj];

    memset(r_L_1, 0, sizeof(sg_real) * 2);
    memset(r_L_2, 0, sizeof(sg_real) * 1);
    memset(r_L, 0, sizeof(sg_real) * 1);
    memset(r_d_yhat, 0, sizeof(sg_real) * 2);
    memset(r_d_W3, 0, sizeof(sg_real) * 32);
    memset(r_d_z2, 0, sizeof(sg_real) * 16);
    memset(r_d_W2, 0, sizeof(sg_real) * 256);
    memset(r_d_z1, 0, sizeof(sg_real) * 16);
    memset(r_d_W1, 0, sizeof(sg_real) * 64);
    memset(r_t_d_yhat, 0, sizeof(sg_real) * 2);
    memset(r_t_d_W3_1, 0, sizeof(sg_real) * 32);
    memset(r_t_d_W3_2, 0, sizeof(sg_real) * 32);
    memset(r_t_d_W3, 0, sizeof(sg_real) * 32);
    memset(r_t_d_z2, 0, sizeof(sg_real) * 16);
    memset(r_t_d_W2_1, 0, sizeof(sg_real) * 256);
    memset(r_t_d_W2_2, 0, sizeof(sg_real) * 256);
    memset(r_t_d_W2, 0, sizeof(sg_real) * 256);
    memset(r_t_d_z1, 0, sizeof(sg_real) * 16);
    memset(r_t_d_W1, 0, sizeof(sg_real) * 64);
    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 6 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 6 + 4;
        (void)d_y;
        /* z1#1 = matmul(W1, x)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 16x4 */
        if (n >= 8) {
            for (s = 0; s < nt; ++s) {
                sg_real *restrict zr = t_z1_1 + s*16;
                const sg_real *restrict xr = d_x + s*6;
                for (int mi = 0; mi < 16; ++mi) zr[mi] = 0;
                for (int mj = 0; mj < 4; ++mj) {
                    const sg_real xv = xr[mj];
                    const sg_real *restrict wr = c_p_W1_T + mj*16;
                    for (int mi = 0; mi < 16; ++mi) zr[mi] += xv * wr[mi];
                }
            }
        } else
        for (int mi = 0; mi < 16; ++mi) {
            const sg_real *restrict wr = p_W1 + mi*4;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = d_x + s*6;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 4; ++mj) acc += wr[mj] * xr[mj];
                t_z1_1[s*16 + mi] = acc;
            }
        }

        /* z1 = b1 + z1#1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) {
            const sg_real a0 = p_b1[k];
            const sg_real a1 = t_z1_1[s*16 + k];
        t_z1[s*16 + k] = a0 + a1;
        }
        }

        /* h1 = tanh(z1) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z1[k];
        t_h1[k] = tanh(a0);
        }

        /* z2#1 = matmul(W2, h1)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 16x16 */
        if (n >= 8) {
            for (s = 0; s < nt; ++s) {
                sg_real *restrict zr = t_z2_1 + s*16;
                const sg_real *restrict xr = t_h1 + s*16;
                for (int mi = 0; mi < 16; ++mi) zr[mi] = 0;
                for (int mj = 0; mj < 16; ++mj) {
                    const sg_real xv = xr[mj];
                    const sg_real *restrict wr = c_p_W2_T + mj*16;
                    for (int mi = 0; mi < 16; ++mi) zr[mi] += xv * wr[mi];
                }
            }
        } else
        for (int mi = 0; mi < 16; ++mi) {
            const sg_real *restrict wr = p_W2 + mi*16;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = t_h1 + s*16;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 16; ++mj) acc += wr[mj] * xr[mj];
                t_z2_1[s*16 + mi] = acc;
            }
        }

        /* z2 = b2 + z2#1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) {
            const sg_real a0 = p_b2[k];
            const sg_real a1 = t_z2_1[s*16 + k];
        t_z2[s*16 + k] = a0 + a1;
        }
        }

        /* h2 = tanh(z2) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z2[k];
        t_h2[k] = tanh(a0);
        }

        /* z3#1 = matmul(W3, h2)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 2x16 */
        for (int mi = 0; mi < 2; ++mi) {
            const sg_real *restrict wr = p_W3 + mi*16;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = t_h2 + s*16;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 16; ++mj) acc += wr[mj] * xr[mj];
                t_z3_1[s*2 + mi] = acc;
            }
        }

        /* z3 = b3 + z3#1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = p_b3[k];
            const sg_real a1 = t_z3_1[s*2 + k];
        t_z3[s*2 + k] = a0 + a1;
        }
        }

        /* yhat = z3 */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_z3[k];
        t_yhat[k] = a0;
        }

        /* L#1 = (-y + yhat)**2 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = d_y[s*6 + k];
            const sg_real a1 = t_yhat[s*2 + k];
        t_L_1[s*2 + k] = ((-a0 + a1)*(-a0 + a1));
        }
        }

        /* d[yhat] = d[L#1]*(-2*y + 2*yhat) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = c_d_L_1[k];
            const sg_real a1 = d_y[s*6 + k];
            const sg_real a2 = t_yhat[s*2 + k];
        t_d_yhat[s*2 + k] = a0*(-2.0*a1 + 2.0*a2);
        }
        }

        /* d[h2] = matmul(W3, d[yhat])  tile GEMM: Z[s,j] = sum_i X[s,i] W[i,j], W 2x16 */
        for (s = 0; s < nt; ++s) {
            sg_real *restrict zr = t_d_h2 + s*16;
            const sg_real *restrict xr = t_d_yhat + s*2;
            for (int mj = 0; mj < 16; ++mj) zr[mj] = 0;
            for (int mi = 0; mi < 2; ++mi) {
                const sg_real xv = xr[mi];
                const sg_real *restrict wr = p_W3 + mi*16;
                for (int mj = 0; mj < 16; ++mj) zr[mj] += xv * wr[mj];
            }
        }

        /* d[z2] = d[h2]*(1 - h2**2) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_h2[k];
            const sg_real a1 = t_h2[k];
        t_d_z2[k] = a0*(1.0 - (a1*a1));
        }

        /* d[h1] = matmul(W2, d[z2])  tile GEMM: Z[s,j] = sum_i X[s,i] W[i,j], W 16x16 */
        for (s = 0; s < nt; ++s) {
            sg_real *restrict zr = t_d_h1 + s*16;
            const sg_real *restrict xr = t_d_z2 + s*16;
            for (int mj = 0; mj < 16; ++mj) zr[mj] = 0;
            for (int mi = 0; mi < 16; ++mi) {
                const sg_real xv = xr[mi];
                const sg_real *restrict wr = p_W2 + mi*16;
                for (int mj = 0; mj < 16; ++mj) zr[mj] += xv * wr[mj];
            }
        }

        /* d[z1] = d[h1]*(1 - h1**2) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_h1[k];
            const sg_real a1 = t_h1[k];
        t_d_z1[k] = a0*(1.0 - (a1*a1));
        }

        /* t[z1#1] = matmul(u[W1], x)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 16x4 */
        if (n >= 8) {
            for (s = 0; s < nt; ++s) {
                sg_real *restrict zr = t_t_z1_1 + s*16;
                const sg_real *restrict xr = d_x + s*6;
                for (int mi = 0; mi < 16; ++mi) zr[mi] = 0;
                for (int mj = 0; mj < 4; ++mj) {
                    const sg_real xv = xr[mj];
                    const sg_real *restrict wr = c_u_W1_T + mj*16;
                    for (int mi = 0; mi < 16; ++mi) zr[mi] += xv * wr[mi];
                }
            }
        } else
        for (int mi = 0; mi < 16; ++mi) {
            const sg_real *restrict wr = u_W1 + mi*4;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = d_x + s*6;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 4; ++mj) acc += wr[mj] * xr[mj];
                t_t_z1_1[s*16 + mi] = acc;
            }
        }

        /* t[z1] = t[z1#1] + u[b1] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) {
            const sg_real a0 = t_t_z1_1[s*16 + k];
            const sg_real a1 = u_b1[k];
        t_t_z1[s*16 + k] = a0 + a1;
        }
        }

        /* t[h1] = t[z1]*(1 - h1**2) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_h1[k];
            const sg_real a1 = t_t_z1[k];
        t_t_h1[k] = a1*(1.0 - (a0*a0));
        }

        /* t[z2#1]#1 = matmul(u[W2], h1)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 16x16 */
        if (n >= 8) {
            for (s = 0; s < nt; ++s) {
                sg_real *restrict zr = t_t_z2_1_1 + s*16;
                const sg_real *restrict xr = t_h1 + s*16;
                for (int mi = 0; mi < 16; ++mi) zr[mi] = 0;
                for (int mj = 0; mj < 16; ++mj) {
                    const sg_real xv = xr[mj];
                    const sg_real *restrict wr = c_u_W2_T + mj*16;
                    for (int mi = 0; mi < 16; ++mi) zr[mi] += xv * wr[mi];
                }
            }
        } else
        for (int mi = 0; mi < 16; ++mi) {
            const sg_real *restrict wr = u_W2 + mi*16;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = t_h1 + s*16;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 16; ++mj) acc += wr[mj] * xr[mj];
                t_t_z2_1_1[s*16 + mi] = acc;
            }
        }

        /* t[z2#1]#2 = matmul(W2, t[h1])  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 16x16 */
        if (n >= 8) {
            for (s = 0; s < nt; ++s) {
                sg_real *restrict zr = t_t_z2_1_2 + s*16;
                const sg_real *restrict xr = t_t_h1 + s*16;
                for (int mi = 0; mi < 16; ++mi) zr[mi] = 0;
                for (int mj = 0; mj < 16; ++mj) {
                    const sg_real xv = xr[mj];
                    const sg_real *restrict wr = c_p_W2_T + mj*16;
                    for (int mi = 0; mi < 16; ++mi) zr[mi] += xv * wr[mi];
                }
            }
        } else
        for (int mi = 0; mi < 16; ++mi) {
            const sg_real *restrict wr = p_W2 + mi*16;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = t_t_h1 + s*16;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 16; ++mj) acc += wr[mj] * xr[mj];
                t_t_z2_1_2[s*16 + mi] = acc;
            }
        }

        /* t[z2#1] = t[z2#1]#1 + t[z2#1]#2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_z2_1_1[k];
            const sg_real a1 = t_t_z2_1_2[k];
        t_t_z2_1[k] = a0 + a1;
        }

        /* t[z2] = t[z2#1] + u[b2] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) {
            const sg_real a0 = t_t_z2_1[s*16 + k];
            const sg_real a1 = u_b2[k];
        t_t_z2[s*16 + k] = a0 + a1;
        }
        }

        /* t[h2] = t[z2]*(1 - h2**2) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_h2[k];
            const sg_real a1 = t_t_z2[k];
        t_t_h2[k] = a1*(1.0 - (a0*a0));
        }

        /* t[z3#1]#1 = matmul(u[W3], h2)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 2x16 */
        for (int mi = 0; mi < 2; ++mi) {
            const sg_real *restrict wr = u_W3 + mi*16;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = t_h2 + s*16;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 16; ++mj) acc += wr[mj] * xr[mj];
                t_t_z3_1_1[s*2 + mi] = acc;
            }
        }

        /* t[z3#1]#2 = matmul(W3, t[h2])  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 2x16 */
        for (int mi = 0; mi < 2; ++mi) {
            const sg_real *restrict wr = p_W3 + mi*16;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = t_t_h2 + s*16;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 16; ++mj) acc += wr[mj] * xr[mj];
                t_t_z3_1_2[s*2 + mi] = acc;
            }
        }

        /* t[z3#1] = t[z3#1]#1 + t[z3#1]#2 */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_t_z3_1_1[k];
            const sg_real a1 = t_t_z3_1_2[k];
        t_t_z3_1[k] = a0 + a1;
        }

        /* t[z3] = t[z3#1] + u[b3] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = t_t_z3_1[s*2 + k];
            const sg_real a1 = u_b3[k];
        t_t_z3[s*2 + k] = a0 + a1;
        }
        }

        /* t[yhat] = t[z3] */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_t_z3[k];
        t_t_yhat[k] = a0;
        }

        /* t[d[yhat]] = 2*d[L#1]*t[yhat] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = c_d_L_1[k];
            const sg_real a1 = t_t_yhat[s*2 + k];
        t_t_d_yhat[s*2 + k] = 2.0*a0*a1;
        }
        }

        /* t[d[h2]]#1 = matmul(u[W3], d[yhat])  tile GEMM: Z[s,j] = sum_i X[s,i] W[i,j], W 2x16 */
        for (s = 0; s < nt; ++s) {
            sg_real *restrict zr = t_t_d_h2_1 + s*16;
            const sg_real *restrict xr = t_d_yhat + s*2;
            for (int mj = 0; mj < 16; ++mj) zr[mj] = 0;
            for (int mi = 0; mi < 2; ++mi) {
                const sg_real xv = xr[mi];
                const sg_real *restrict wr = u_W3 + mi*16;
                for (int mj = 0; mj < 16; ++mj) zr[mj] += xv * wr[mj];
            }
        }

        /* t[d[h2]]#2 = matmul(W3, t[d[yhat]])  tile GEMM: Z[s,j] = sum_i X[s,i] W[i,j], W 2x16 */
        for (s = 0; s < nt; ++s) {
            sg_real *restrict zr = t_t_d_h2_2 + s*16;
            const sg_real *restrict xr = t_t_d_yhat + s*2;
            for (int mj = 0; mj < 16; ++mj) zr[mj] = 0;
            for (int mi = 0; mi < 2; ++mi) {
                const sg_real xv = xr[mi];
                const sg_real *restrict wr = p_W3 + mi*16;
                for (int mj = 0; mj < 16; ++mj) zr[mj] += xv * wr[mj];
            }
        }

        /* t[d[h2]] = t[d[h2]]#1 + t[d[h2]]#2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_d_h2_1[k];
            const sg_real a1 = t_t_d_h2_2[k];
        t_t_d_h2[k] = a0 + a1;
        }

        /* t[d[z2]] = -2*d[h2]*h2*t[h2] + t[d[h2]]*(1 - h2**2) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_h2[k];
            const sg_real a1 = t_h2[k];
            const sg_real a2 = t_t_d_h2[k];
            const sg_real a3 = t_t_h2[k];
        t_t_d_z2[k] = -2.0*a0*a1*a3 + a2*(1.0 - (a1*a1));
        }

        /* t[d[h1]]#1 = matmul(u[W2], d[z2])  tile GEMM: Z[s,j] = sum_i X[s,i] W[i,j], W 16x16 */
        for (s = 0; s < nt; ++s) {
            sg_real *restrict zr = t_t_d_h1_1 + s*16;
            const sg_real *restrict xr = t_d_z2 + s*16;
            for (int mj = 0; mj < 16; ++mj) zr[mj] = 0;
            for (int mi = 0; mi < 16; ++mi) {
                const sg_real xv = xr[mi];
                const sg_real *restrict wr = u_W2 + mi*16;
                for (int mj = 0; mj < 16; ++mj) zr[mj] += xv * wr[mj];
            }
        }

        /* t[d[h1]]#2 = matmul(W2, t[d[z2]])  tile GEMM: Z[s,j] = sum_i X[s,i] W[i,j], W 16x16 */
        for (s = 0; s < nt; ++s) {
            sg_real *restrict zr = t_t_d_h1_2 + s*16;
            const sg_real *restrict xr = t_t_d_z2 + s*16;
            for (int mj = 0; mj < 16; ++mj) zr[mj] = 0;
            for (int mi = 0; mi < 16; ++mi) {
                const sg_real xv = xr[mi];
                const sg_real *restrict wr = p_W2 + mi*16;
                for (int mj = 0; mj < 16; ++mj) zr[mj] += xv * wr[mj];
            }
        }

        /* t[d[h1]] = t[d[h1]]#1 + t[d[h1]]#2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_d_h1_1[k];
            const sg_real a1 = t_t_d_h1_2[k];
        t_t_d_h1[k] = a0 + a1;
        }

        /* t[d[z1]] = -2*d[h1]*h1*t[h1] + t[d[h1]]*(1 - h1**2) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_h1[k];
            const sg_real a1 = t_h1[k];
            const sg_real a2 = t_t_d_h1[k];
            const sg_real a3 = t_t_h1[k];
        t_t_d_z1[k] = -2.0*a0*a1*a3 + a2*(1.0 - (a1*a1));
        }

        /* Σ L#1 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_L_1[k] += t_L_1[s*2 + k];

        /* Σ d[yhat] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_d_yhat[k] += t_d_yhat[s*2 + k];

        /* Σ d[W3] = Σ outer(d[yhat], h2): tile GEMM acc += A^T B (2x16) */
        for (int mi = 0; mi < 2; ++mi) {
            sg_real *restrict rr = r_d_W3 + mi*16;
            for (s = 0; s < nt; ++s) {
                const sg_real av = t_d_yhat[s*2 + mi];
                const sg_real *restrict br = t_h2 + s*16;
                for (int mj = 0; mj < 16; ++mj) rr[mj] += av * br[mj];
            }
        }

        /* Σ d[z2] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 16; ++k) r_d_z2[k] += t_d_z2[s*16 + k];

        /* Σ d[W2] = Σ outer(d[z2], h1): tile GEMM acc += A^T B (16x16) */
        for (int mi = 0; mi < 16; ++mi) {
            sg_real *restrict rr = r_d_W2 + mi*16;
            for (s = 0; s < nt; ++s) {
                const sg_real av = t_d_z2[s*16 + mi];
                const sg_real *restrict br = t_h1 + s*16;
                for (int mj = 0; mj < 16; ++mj) rr[mj] += av * br[mj];
            }
        }

        /* Σ d[z1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 16; ++k) r_d_z1[k] += t_d_z1[s*16 + k];

        /* Σ d[W1] = Σ outer(d[z1], x): tile GEMM acc += A^T B (16x4) */
        for (int mi = 0; mi < 16; ++mi) {
            sg_real *restrict rr = r_d_W1 + mi*4;
            for (s = 0; s < nt; ++s) {
                const sg_real av = t_d_z1[s*16 + mi];
                const sg_real *restrict br = d_x + s*6;
                for (int mj = 0; mj < 4; ++mj) rr[mj] += av * br[mj];
            }
        }

        /* Σ t[d[yhat]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_t_d_yhat[k] += t_t_d_yhat[s*2 + k];

        /* Σ t[d[W3]]#1 = Σ outer(t[d[yhat]], h2): tile GEMM acc += A^T B (2x16) */
        for (int mi = 0; mi < 2; ++mi) {
            sg_real *restrict rr = r_t_d_W3_1 + mi*16;
            for (s = 0; s < nt; ++s) {
                const sg_real av = t_t_d_yhat[s*2 + mi];
                const sg_real *restrict br = t_h2 + s*16;
                for (int mj = 0; mj < 16; ++mj) rr[mj] += av * br[mj];
            }
        }

        /* Σ t[d[W3]]#2 = Σ outer(d[yhat], t[h2]): tile GEMM acc += A^T B (2x16) */
        for (int mi = 0; mi < 2; ++mi) {
            sg_real *restrict rr = r_t_d_W3_2 + mi*16;
            for (s = 0; s < nt; ++s) {
                const sg_real av = t_d_yhat[s*2 + mi];
                const sg_real *restrict br = t_t_h2 + s*16;
                for (int mj = 0; mj < 16; ++mj) rr[mj] += av * br[mj];
            }
        }

        /* Σ t[d[z2]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 16; ++k) r_t_d_z2[k] += t_t_d_z2[s*16 + k];

        /* Σ t[d[W2]]#1 = Σ outer(t[d[z2]], h1): tile GEMM acc += A^T B (16x16) */
        for (int mi = 0; mi < 16; ++mi) {
            sg_real *restrict rr = r_t_d_W2_1 + mi*16;
            for (s = 0; s < nt; ++s) {
                const sg_real av = t_t_d_z2[s*16 + mi];
                const sg_real *restrict br = t_h1 + s*16;
                for (int mj = 0; mj < 16; ++mj) rr[mj] += av * br[mj];
            }
        }

        /* Σ t[d[W2]]#2 = Σ outer(d[z2], t[h1]): tile GEMM acc += A^T B (16x16) */
        for (int mi = 0; mi < 16; ++mi) {
            sg_real *restrict rr = r_t_d_W2_2 + mi*16;
            for (s = 0; s < nt; ++s) {
                const sg_real av = t_d_z2[s*16 + mi];
                const sg_real *restrict br = t_t_h1 + s*16;
                for (int mj = 0; mj < 16; ++mj) rr[mj] += av * br[mj];
            }
        }

        /* Σ t[d[z1]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 16; ++k) r_t_d_z1[k] += t_t_d_z1[s*16 + k];

        /* Σ t[d[W1]] = Σ outer(t[d[z1]], x): tile GEMM acc += A^T B (16x4) */
        for (int mi = 0; mi < 16; ++mi) {
            sg_real *restrict rr = r_t_d_W1 + mi*4;
            for (s = 0; s < nt; ++s) {
                const sg_real av = t_t_d_z1[s*16 + mi];
                const sg_real *restrict br = d_x + s*6;
                for (int mj = 0; mj < 4; ++mj) rr[mj] += av * br[mj];
            }
        }

    }
    /* ---- after the tiles ---- */
    /* L#2 = sum(L#1) */
    { sg_real acc = 0;
      for (int k = 0; k < 2; ++k) acc += r_L_1[k];
      r_L_2[0] = acc; }

    /* L = L#2/2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = r_L_2[k];
    r_L[k] = ((1.0/2.0))*a0;
    }

    /* t[d[W3]] = t[d[W3]]#1 + t[d[W3]]#2 */
    for (int k = 0; k < 32; ++k) {
        const sg_real a0 = r_t_d_W3_1[k];
        const sg_real a1 = r_t_d_W3_2[k];
    r_t_d_W3[k] = a0 + a1;
    }

    /* t[d[W2]] = t[d[W2]]#1 + t[d[W2]]#2 */
    for (int k = 0; k < 256; ++k) {
        const sg_real a0 = r_t_d_W2_1[k];
        const sg_real a1 = r_t_d_W2_2[k];
    r_t_d_W2[k] = a0 + a1;
    }

    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (r_L[0]) + oc_R[0];
    for (int k = 0; k < 64; ++k) grad[0 + k] = scale * (r_d_W1[k]) + oc_d_W1[k];  /* W1 */
    for (int k = 0; k < 16; ++k) grad[64 + k] = scale * (r_d_z1[k]);  /* b1 */
    for (int k = 0; k < 256; ++k) grad[80 + k] = scale * (r_d_W2[k]) + oc_d_W2[k];  /* W2 */
    for (int k = 0; k < 16; ++k) grad[336 + k] = scale * (r_d_z2[k]);  /* b2 */
    for (int k = 0; k < 32; ++k) grad[352 + k] = scale * (r_d_W3[k]) + oc_d_W3[k];  /* W3 */
    for (int k = 0; k < 2; ++k) grad[384 + k] = scale * (r_d_yhat[k]);  /* b3 */
    for (int k = 0; k < 64; ++k) hv[0 + k] = scale * (r_t_d_W1[k]) + oc_t_d_W1[k];  /* W1 */
    for (int k = 0; k < 16; ++k) hv[64 + k] = scale * (r_t_d_z1[k]);  /* b1 */
    for (int k = 0; k < 256; ++k) hv[80 + k] = scale * (r_t_d_W2[k]) + oc_t_d_W2[k];  /* W2 */
    for (int k = 0; k < 16; ++k) hv[336 + k] = scale * (r_t_d_z2[k]);  /* b2 */
    for (int k = 0; k < 32; ++k) hv[352 + k] = scale * (r_t_d_W3[k]) + oc_t_d_W3[k];  /* W3 */
    for (int k = 0; k < 2; ++k) hv[384 + k] = scale * (r_t_d_yhat[k]);  /* b3 */
    return SG_OK;
}

/* ==== jacobian: tile of 32 samples, workspace 16896 reals ==== */
int mlp_tanh_jacobian(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict jac, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 386)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 6)) return SG_EDATA;
    const sg_real *restrict p_W1 = theta + 0;  /* [16, 4] */
    const sg_real *restrict p_b1 = theta + 64;  /* [16] */
    const sg_real *restrict p_W2 = theta + 80;  /* [16, 16] */
    const sg_real *restrict p_b2 = theta + 336;  /* [16] */
    const sg_real *restrict p_W3 = theta + 352;  /* [2, 16] */
    const sg_real *restrict p_b3 = theta + 384;  /* [2] */
    sg_real *restrict v_yhat = work + 0;  /* tile [2] */
    sg_real *restrict t_z1_1 = work + 64;  /* tile [16] */
    sg_real *restrict c_p_W1_T = work + 576;  /* work [4, 16] */
    sg_real *restrict t_z1 = work + 640;  /* tile [16] */
    sg_real *restrict t_h1 = work + 1152;  /* tile [16] */
    sg_real *restrict t_z2_1 = work + 1664;  /* tile [16] */
    sg_real *restrict c_p_W2_T = work + 2176;  /* work [16, 16] */
    sg_real *restrict t_z2 = work + 2432;  /* tile [16] */
    sg_real *restrict t_h2 = work + 2944;  /* tile [16] */
    sg_real *restrict t_J0_d_W3 = work + 3456;  /* tile [2, 16] */
    sg_real *restrict t_J0_d_h2 = work + 4480;  /* tile [16] */
    sg_real *restrict t_J0_d_z2 = work + 4992;  /* tile [16] */
    sg_real *restrict t_J0_d_W2 = work + 5504;  /* tile [16, 16] */
    sg_real *restrict t_J0_d_h1 = work + 13696;  /* tile [16] */
    sg_real *restrict t_J0_d_z1 = work + 14208;  /* tile [16] */
    sg_real *restrict t_J0_d_W1 = work + 14720;  /* tile [16, 4] */
    sg_real *restrict t_J0_d_x = work + 16768;  /* tile [4] */
    (void)p_W1;
    (void)p_b1;
    (void)p_W2;
    (void)p_b2;
    (void)p_W3;
    (void)p_b3;
    memset(jac, 0, sizeof(sg_real) * (size_t)n * 784);
    /* ---- sample-invariant part (once per call) ---- */
    /* p_W1ᵀ (used when n >= 8) */
    if (n >= 8)
    for (int mi = 0; mi < 16; ++mi)
        for (int mj = 0; mj < 4; ++mj) c_p_W1_T[mj*16 + mi] = p_W1[mi*4 + mj];

    /* p_W2ᵀ (used when n >= 8) */
    if (n >= 8)
    for (int mi = 0; mi < 16; ++mi)
        for (int mj = 0; mj < 16; ++mj) c_p_W2_T[mj*16 + mi] = p_W2[mi*16 + mj];

    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 6 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 6 + 4;
        (void)d_y;
        /* z1#1 = matmul(W1, x)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 16x4 */
        if (n >= 8) {
            for (s = 0; s < nt; ++s) {
                sg_real *restrict zr = t_z1_1 + s*16;
                const sg_real *restrict xr = d_x + s*6;
                for (int mi = 0; mi < 16; ++mi) zr[mi] = 0;
                for (int mj = 0; mj < 4; ++mj) {
                    const sg_real xv = xr[mj];
                    const sg_real *restrict wr = c_p_W1_T + mj*16;
                    for (int mi = 0; mi < 16; ++mi) zr[mi] += xv * wr[mi];
                }
            }
        } else
        for (int mi = 0; mi < 16; ++mi) {
            const sg_real *restrict wr = p_W1 + mi*4;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = d_x + s*6;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 4; ++mj) acc += wr[mj] * xr[mj];
                t_z1_1[s*16 + mi] = acc;
            }
        }

        /* z1 = b1 + z1#1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) {
            const sg_real a0 = p_b1[k];
            const sg_real a1 = t_z1_1[s*16 + k];
        t_z1[s*16 + k] = a0 + a1;
        }
        }

        /* h1 = tanh(z1) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z1[k];
        t_h1[k] = tanh(a0);
        }

        /* z2#1 = matmul(W2, h1)  tile GEMM: Z[s,i] = sum_j W[i,j] X[s,j], W 16x16 */
        if (n >= 8) {
            for (s = 0; s < nt; ++s) {
                sg_real *restrict zr = t_z2_1 + s*16;
                const sg_real *restrict xr = t_h1 + s*16;
                for (int mi = 0; mi < 16; ++mi) zr[mi] = 0;
                for (int mj = 0; mj < 16; ++mj) {
                    const sg_real xv = xr[mj];
                    const sg_real *restrict wr = c_p_W2_T + mj*16;
                    for (int mi = 0; mi < 16; ++mi) zr[mi] += xv * wr[mi];
                }
            }
        } else
        for (int mi = 0; mi < 16; ++mi) {
            const sg_real *restrict wr = p_W2 + mi*16;
            for (s = 0; s < nt; ++s) {
                const sg_real *restrict xr = t_h1 + s*16;
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mj = 0; mj < 16; ++mj) acc += wr[mj] * xr[mj];
                t_z2_1[s*16 + mi] = acc;
            }
        }

        /* z2 = b2 + z2#1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) {
            const sg_real a0 = p_b2[k];
            const sg_real a1 = t_z2_1[s*16 + k];
        t_z2[s*16 + k] = a0 + a1;
        }
        }

        /* h2 = tanh(z2) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z2[k];
        t_h2[k] = tanh(a0);
        }

        /* Jacobian rows of yhat: one reverse sweep per output element */
        for (int kk = 0; kk < 2; ++kk) {
            for (s = 0; s < nt; ++s)
                for (int k = 0; k < 2; ++k) v_yhat[s*2 + k] = (k == kk);
            /* J0:d[W3] = outer(v[yhat], h2) */
            for (s = 0; s < nt; ++s) {
            for (int mi = 0; mi < 2; ++mi) {
                const sg_real av = v_yhat[s*2 + mi];
                for (int mj = 0; mj < 16; ++mj) t_J0_d_W3[s*32 + mi*16 + mj] = av * t_h2[s*16 + mj];
            }
            }

            /* J0:d[h2] = matmul(W3, v[yhat])  tile GEMM: Z[s,j] = sum_i X[s,i] W[i,j], W 2x16 */
            for (s = 0; s < nt; ++s) {
                sg_real *restrict zr = t_J0_d_h2 + s*16;
                const sg_real *restrict xr = v_yhat + s*2;
                for (int mj = 0; mj < 16; ++mj) zr[mj] = 0;
                for (int mi = 0; mi < 2; ++mi) {
                    const sg_real xv = xr[mi];
                    const sg_real *restrict wr = p_W3 + mi*16;
                    for (int mj = 0; mj < 16; ++mj) zr[mj] += xv * wr[mj];
                }
            }

            /* J0:d[z2] = J0:d[h2]*(1 - h2**2) */
            for (int k = 0; k < nt*16; ++k) {
                const sg_real a0 = t_J0_d_h2[k];
                const sg_real a1 = t_h2[k];
            t_J0_d_z2[k] = a0*(1.0 - (a1*a1));
            }

            /* J0:d[W2] = outer(J0:d[z2], h1) */
            for (s = 0; s < nt; ++s) {
            for (int mi = 0; mi < 16; ++mi) {
                const sg_real av = t_J0_d_z2[s*16 + mi];
                for (int mj = 0; mj < 16; ++mj) t_J0_d_W2[s*256 + mi*16 + mj] = av * t_h1[s*16 + mj];
            }
            }

            /* J0:d[h1] = matmul(W2, J0:d[z2])  tile GEMM: Z[s,j] = sum_i X[s,i] W[i,j], W 16x16 */
            for (s = 0; s < nt; ++s) {
                sg_real *restrict zr = t_J0_d_h1 + s*16;
                const sg_real *restrict xr = t_J0_d_z2 + s*16;
                for (int mj = 0; mj < 16; ++mj) zr[mj] = 0;
                for (int mi = 0; mi < 16; ++mi) {
                    const sg_real xv = xr[mi];
                    const sg_real *restrict wr = p_W2 + mi*16;
                    for (int mj = 0; mj < 16; ++mj) zr[mj] += xv * wr[mj];
                }
            }

            /* J0:d[z1] = J0:d[h1]*(1 - h1**2) */
            for (int k = 0; k < nt*16; ++k) {
                const sg_real a0 = t_J0_d_h1[k];
                const sg_real a1 = t_h1[k];
            t_J0_d_z1[k] = a0*(1.0 - (a1*a1));
            }

            /* J0:d[W1] = outer(J0:d[z1], x) */
            for (s = 0; s < nt; ++s) {
            for (int mi = 0; mi < 16; ++mi) {
                const sg_real av = t_J0_d_z1[s*16 + mi];
                for (int mj = 0; mj < 4; ++mj) t_J0_d_W1[s*64 + mi*4 + mj] = av * d_x[s*6 + mj];
            }
            }

            /* J0:d[x] = matmul(W1, J0:d[z1])  tile GEMM: Z[s,j] = sum_i X[s,i] W[i,j], W 16x4 */
            for (s = 0; s < nt; ++s) {
                sg_real *restrict zr = t_J0_d_x + s*4;
                const sg_real *restrict xr = t_J0_d_z1 + s*16;
                for (int mj = 0; mj < 4; ++mj) zr[mj] = 0;
                for (int mi = 0; mi < 16; ++mi) {
                    const sg_real xv = xr[mi];
                    const sg_real *restrict wr = p_W1 + mi*4;
                    for (int mj = 0; mj < 4; ++mj) zr[mj] += xv * wr[mj];
                }
            }

            for (s = 0; s < nt; ++s) {
                sg_real *restrict jr = jac + ((t0 + s) * 2 + 0 + kk) * 392;
                for (int k = 0; k < 4; ++k) jr[0 + k] = t_J0_d_x[s*4 + k];  /* x */
                for (int k = 0; k < 64; ++k) jr[6 + k] = t_J0_d_W1[s*64 + k];  /* W1 */
                for (int k = 0; k < 16; ++k) jr[70 + k] = t_J0_d_z1[s*16 + k];  /* b1 */
                for (int k = 0; k < 256; ++k) jr[86 + k] = t_J0_d_W2[s*256 + k];  /* W2 */
                for (int k = 0; k < 16; ++k) jr[342 + k] = t_J0_d_z2[s*16 + k];  /* b2 */
                for (int k = 0; k < 32; ++k) jr[358 + k] = t_J0_d_W3[s*32 + k];  /* W3 */
                for (int k = 0; k < 2; ++k) jr[390 + k] = v_yhat[s*2 + k];  /* b3 */
            }
        }
    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== hessian: 386 HVP sweeps u = e_j, then symmetrised (H + Hᵀ)/2 ==== */
int mlp_tanh_hessian(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict loss, sg_real *restrict grad, sg_real *restrict H, sg_real *restrict work)
{
    sg_real *restrict u = work + 17520;
    int rc = SG_OK;
    for (long j = 0; j < 386; ++j) {
        memset(u, 0, sizeof(sg_real) * 386);
        u[j] = 1;
        rc = mlp_tanh_hvp(theta, data, n, u, loss, grad, H + j * 386, work);
        if (rc != SG_OK) return rc;
    }
    for (long i = 0; i < 386; ++i)
        for (long j = 0; j < i; ++j) {
            const sg_real v = (sg_real)0.5 * (H[i * 386 + j] + H[j * 386 + i]);
            H[i * 386 + j] = v;
            H[j * 386 + i] = v;
        }
    return rc;
}
