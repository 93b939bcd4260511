/* v7_descent_to_zero.c: symgrad kernels for model 'v7_descent_to_zero' (float64), emitter v3.
   Generated from the assignment graph of v7_descent_to_zero.toml; do not edit.
   C99 + libm (also compiles as C++): cc -O3 -std=c99 -c v7_descent_to_zero.c   (link with -lm)
   The runtime (GEMM kernels, stable helpers) is symgrad_runtime.h, included from this file's
   directory (`symgrad generate` writes it here; with --single-file it is inlined below).
   Layout: theta = x1[], x2[] (row-major, packed)
           data row = 
           forward row = L[]
   Batch objective: mean over samples of 'L'. */
#define SG_REAL_BITS 64  /* sg_real = double */
#include "symgrad_runtime.h"
#if !defined(SYMGRAD_RUNTIME_ID) || SYMGRAD_RUNTIME_ID != 0x8eb30123UL
#  error "symgrad_runtime.h is not the one generated with this file: regenerate both together"
#endif
#ifdef __cplusplus
extern "C" {
#endif

#define V7_DESCENT_TO_ZERO_N_PARAMS 2
#define V7_DESCENT_TO_ZERO_DATA_WIDTH 0
#define V7_DESCENT_TO_ZERO_OUT_WIDTH 1
#define V7_DESCENT_TO_ZERO_INFO_N_PARAMS 0
#define V7_DESCENT_TO_ZERO_INFO_DATA_WIDTH 1
#define V7_DESCENT_TO_ZERO_INFO_OUT_WIDTH 2
#define V7_DESCENT_TO_ZERO_INFO_JAC_ROWS 3
#define V7_DESCENT_TO_ZERO_INFO_JAC_COLS 4
#define V7_DESCENT_TO_ZERO_INFO_TILE 5
#define V7_DESCENT_TO_ZERO_INFO_DTYPE_BYTES 6
#define V7_DESCENT_TO_ZERO_INFO_WORK_FORWARD 7
#define V7_DESCENT_TO_ZERO_INFO_WORK_LOSS_GRAD 8
#define V7_DESCENT_TO_ZERO_INFO_WORK_HVP 9
#define V7_DESCENT_TO_ZERO_INFO_WORK_HESSIAN 10
#define V7_DESCENT_TO_ZERO_INFO_WORK_JACOBIAN 11

long v7_descent_to_zero_info(int what)
{
    switch (what) {
    case 0: return 2L;
    case 1: return 0L;
    case 2: return 1L;
    case 3: return 1L;
    case 4: return 2L;
    case 5: return 256L;
    case 6: return 8L;
    case 7: return 64L;
    case 8: return 128L;
    case 9: return 248L;
    case 10: return 260L;
    case 11: return 824L;
    default: return -1L;
    }
}

/* ==== forward: tile of 256 samples, workspace 64 reals ==== */
int v7_descent_to_zero_forward(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict out, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
#ifdef SG_USE_BLAS
    const int sg_blas = n >= SG_BLAS_MIN_BATCH;  /* cblas for the large tile GEMMs */
#else
    const int sg_blas = 0;
#endif
    (void)nf; (void)s; (void)sg_blas;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 2)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 0)) return SG_EDATA;
    const sg_real *restrict p_x1 = theta + 0;  /* [] */
    const sg_real *restrict p_x2 = theta + 1;  /* [] */
    sg_real *restrict c_v1 = work + 0;  /* work [] */
    sg_real *restrict c_v2 = work + 8;  /* work [] */
    sg_real *restrict c_v3 = work + 16;  /* work [] */
    sg_real *restrict c_v4 = work + 24;  /* work [] */
    sg_real *restrict c_v5 = work + 32;  /* work [] */
    sg_real *restrict c_v6 = work + 40;  /* work [] */
    sg_real *restrict c_v7 = work + 48;  /* work [] */
    sg_real *restrict c_L = work + 56;  /* work [] */
    (void)p_x1;
    (void)p_x2;
    /* ---- sample-invariant part (once per call) ---- */
    /* v1 = x1 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_x1[k];
    c_v1[k] = a0;
    }

    /* v2 = x2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_x2[k];
    c_v2[k] = a0;
    }

    /* v3 = exp(v2) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v2[k];
    c_v3[k] = exp(a0);
    }

    /* v4 = v1*v3 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v1[k];
        const sg_real a1 = c_v3[k];
    c_v4[k] = a0*a1;
    }

    /* v5 = v1*v2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v1[k];
        const sg_real a1 = c_v2[k];
    c_v5[k] = a0*a1;
    }

    /* v6 = cos(v5) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v5[k];
    c_v6[k] = cos(a0);
    }

    /* v7 = v4 + v6 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v4[k];
        const sg_real a1 = c_v6[k];
    c_v7[k] = a0 + a1;
    }

    /* L = v7**2/2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v7[k];
    c_L[k] = ((1.0/2.0))*(a0*a0);
    }

    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) out[(t0 + s)*1 + 0 + k] = c_L[k];

    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== loss_grad: tile of 256 samples, workspace 128 reals ==== */
int v7_descent_to_zero_loss_grad(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict loss, sg_real *restrict grad, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
#ifdef SG_USE_BLAS
    const int sg_blas = n >= SG_BLAS_MIN_BATCH;  /* cblas for the large tile GEMMs */
#else
    const int sg_blas = 0;
#endif
    (void)nf; (void)s; (void)sg_blas;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 2)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 0)) return SG_EDATA;
    const sg_real *restrict p_x1 = theta + 0;  /* [] */
    const sg_real *restrict p_x2 = theta + 1;  /* [] */
    sg_real *restrict c_v1 = work + 0;  /* work [] */
    sg_real *restrict c_v2 = work + 8;  /* work [] */
    sg_real *restrict c_v3 = work + 16;  /* work [] */
    sg_real *restrict c_v4 = work + 24;  /* work [] */
    sg_real *restrict c_v5 = work + 32;  /* work [] */
    sg_real *restrict c_v6 = work + 40;  /* work [] */
    sg_real *restrict c_v7 = work + 48;  /* work [] */
    sg_real *restrict c_L = work + 56;  /* work [] */
    sg_real *restrict c_d_v5 = work + 64;  /* work [] */
    sg_real *restrict c_d_v1_1 = work + 72;  /* work [] */
    sg_real *restrict c_d_v2_1 = work + 80;  /* work [] */
    sg_real *restrict c_d_v1_2 = work + 88;  /* work [] */
    sg_real *restrict c_d_v3 = work + 96;  /* work [] */
    sg_real *restrict c_d_v2_2 = work + 104;  /* work [] */
    sg_real *restrict c_d_v2 = work + 112;  /* work [] */
    sg_real *restrict c_d_v1 = work + 120;  /* work [] */
    (void)p_x1;
    (void)p_x2;
    /* ---- sample-invariant part (once per call) ---- */
    /* v1 = x1 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_x1[k];
    c_v1[k] = a0;
    }

    /* v2 = x2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_x2[k];
    c_v2[k] = a0;
    }

    /* v3 = exp(v2) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v2[k];
    c_v3[k] = exp(a0);
    }

    /* v4 = v1*v3 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v1[k];
        const sg_real a1 = c_v3[k];
    c_v4[k] = a0*a1;
    }

    /* v5 = v1*v2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v1[k];
        const sg_real a1 = c_v2[k];
    c_v5[k] = a0*a1;
    }

    /* v6 = cos(v5) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v5[k];
    c_v6[k] = cos(a0);
    }

    /* v7 = v4 + v6 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v4[k];
        const sg_real a1 = c_v6[k];
    c_v7[k] = a0 + a1;
    }

    /* L = v7**2/2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v7[k];
    c_L[k] = ((1.0/2.0))*(a0*a0);
    }

    /* d[v5] = -v7*sin(v5) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v5[k];
        const sg_real a1 = c_v7[k];
    c_d_v5[k] = -a1*sin(a0);
    }

    /* d[v1]#1 = d[v5]*v2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_d_v5[k];
        const sg_real a1 = c_v2[k];
    c_d_v1_1[k] = a0*a1;
    }

    /* d[v2]#1 = d[v5]*v1 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_d_v5[k];
        const sg_real a1 = c_v1[k];
    c_d_v2_1[k] = a0*a1;
    }

    /* d[v1]#2 = v3*v7 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v3[k];
        const sg_real a1 = c_v7[k];
    c_d_v1_2[k] = a0*a1;
    }

    /* d[v3] = v1*v7 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v1[k];
        const sg_real a1 = c_v7[k];
    c_d_v3[k] = a0*a1;
    }

    /* d[v2]#2 = d[v3]*v3 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_d_v3[k];
        const sg_real a1 = c_v3[k];
    c_d_v2_2[k] = a0*a1;
    }

    /* d[v2] = d[v2]#1 + d[v2]#2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_d_v2_1[k];
        const sg_real a1 = c_d_v2_2[k];
    c_d_v2[k] = a0 + a1;
    }

    /* d[v1] = d[v1]#1 + d[v1]#2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_d_v1_1[k];
        const sg_real a1 = c_d_v1_2[k];
    c_d_v1[k] = a0 + a1;
    }

    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
    }
    /* ---- after the tiles ---- */
    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (nf[0]*c_L[0]);
    for (int k = 0; k < 1; ++k) grad[0 + k] = scale * (nf[0]*c_d_v1[k]);  /* x1 */
    for (int k = 0; k < 1; ++k) grad[1 + k] = scale * (nf[0]*c_d_v2[k]);  /* x2 */
    return SG_OK;
}

/* ==== hvp: tile of 256 samples, workspace 248 reals ==== */
int v7_descent_to_zero_hvp(const sg_real *restrict theta, const sg_real *restrict data, long n,
    const sg_real *restrict dir, sg_real *restrict loss, sg_real *restrict grad,
    sg_real *restrict hv, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
#ifdef SG_USE_BLAS
    const int sg_blas = n >= SG_BLAS_MIN_BATCH;  /* cblas for the large tile GEMMs */
#else
    const int sg_blas = 0;
#endif
    (void)nf; (void)s; (void)sg_blas;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 2)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 0)) return SG_EDATA;
    if (!sg_all_finite(dir, 2)) return SG_EDIR;
    const sg_real *restrict p_x1 = theta + 0;  /* [] */
    const sg_real *restrict p_x2 = theta + 1;  /* [] */
    const sg_real *restrict u_x1 = dir + 0;
    const sg_real *restrict u_x2 = dir + 1;
    sg_real *restrict c_v1 = work + 0;  /* work [] */
    sg_real *restrict c_v2 = work + 8;  /* work [] */
    sg_real *restrict c_v3 = work + 16;  /* work [] */
    sg_real *restrict c_v4 = work + 24;  /* work [] */
    sg_real *restrict c_v5 = work + 32;  /* work [] */
    sg_real *restrict c_v6 = work + 40;  /* work [] */
    sg_real *restrict c_v7 = work + 48;  /* work [] */
    sg_real *restrict c_L = work + 56;  /* work [] */
    sg_real *restrict c_d_v5 = work + 64;  /* work [] */
    sg_real *restrict c_d_v1_1 = work + 72;  /* work [] */
    sg_real *restrict c_d_v2_1 = work + 80;  /* work [] */
    sg_real *restrict c_d_v1_2 = work + 88;  /* work [] */
    sg_real *restrict c_d_v3 = work + 96;  /* work [] */
    sg_real *restrict c_d_v2_2 = work + 104;  /* work [] */
    sg_real *restrict c_d_v2 = work + 112;  /* work [] */
    sg_real *restrict c_d_v1 = work + 120;  /* work [] */
    sg_real *restrict c_t_v1 = work + 128;  /* work [] */
    sg_real *restrict c_t_v2 = work + 136;  /* work [] */
    sg_real *restrict c_t_v3 = work + 144;  /* work [] */
    sg_real *restrict c_t_v4 = work + 152;  /* work [] */
    sg_real *restrict c_t_v5 = work + 160;  /* work [] */
    sg_real *restrict c_t_v6 = work + 168;  /* work [] */
    sg_real *restrict c_t_v7 = work + 176;  /* work [] */
    sg_real *restrict c_t_d_v5 = work + 184;  /* work [] */
    sg_real *restrict c_t_d_v1_1 = work + 192;  /* work [] */
    sg_real *restrict c_t_d_v2_1 = work + 200;  /* work [] */
    sg_real *restrict c_t_d_v1_2 = work + 208;  /* work [] */
    sg_real *restrict c_t_d_v3 = work + 216;  /* work [] */
    sg_real *restrict c_t_d_v2_2 = work + 224;  /* work [] */
    sg_real *restrict c_t_d_v2 = work + 232;  /* work [] */
    sg_real *restrict c_t_d_v1 = work + 240;  /* work [] */
    (void)p_x1;
    (void)p_x2;
    (void)u_x1;
    (void)u_x2;
    /* ---- sample-invariant part (once per call) ---- */
    /* v1 = x1 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_x1[k];
    c_v1[k] = a0;
    }

    /* v2 = x2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_x2[k];
    c_v2[k] = a0;
    }

    /* v3 = exp(v2) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v2[k];
    c_v3[k] = exp(a0);
    }

    /* v4 = v1*v3 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v1[k];
        const sg_real a1 = c_v3[k];
    c_v4[k] = a0*a1;
    }

    /* v5 = v1*v2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v1[k];
        const sg_real a1 = c_v2[k];
    c_v5[k] = a0*a1;
    }

    /* v6 = cos(v5) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v5[k];
    c_v6[k] = cos(a0);
    }

    /* v7 = v4 + v6 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v4[k];
        const sg_real a1 = c_v6[k];
    c_v7[k] = a0 + a1;
    }

    /* L = v7**2/2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v7[k];
    c_L[k] = ((1.0/2.0))*(a0*a0);
    }

    /* d[v5] = -v7*sin(v5) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v5[k];
        const sg_real a1 = c_v7[k];
    c_d_v5[k] = -a1*sin(a0);
    }

    /* d[v1]#1 = d[v5]*v2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_d_v5[k];
        const sg_real a1 = c_v2[k];
    c_d_v1_1[k] = a0*a1;
    }

    /* d[v2]#1 = d[v5]*v1 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_d_v5[k];
        const sg_real a1 = c_v1[k];
    c_d_v2_1[k] = a0*a1;
    }

    /* d[v1]#2 = v3*v7 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v3[k];
        const sg_real a1 = c_v7[k];
    c_d_v1_2[k] = a0*a1;
    }

    /* d[v3] = v1*v7 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v1[k];
        const sg_real a1 = c_v7[k];
    c_d_v3[k] = a0*a1;
    }

    /* d[v2]#2 = d[v3]*v3 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_d_v3[k];
        const sg_real a1 = c_v3[k];
    c_d_v2_2[k] = a0*a1;
    }

    /* d[v2] = d[v2]#1 + d[v2]#2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_d_v2_1[k];
        const sg_real a1 = c_d_v2_2[k];
    c_d_v2[k] = a0 + a1;
    }

    /* d[v1] = d[v1]#1 + d[v1]#2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_d_v1_1[k];
        const sg_real a1 = c_d_v1_2[k];
    c_d_v1[k] = a0 + a1;
    }

    /* t[v1] = u[x1] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = u_x1[k];
    c_t_v1[k] = a0;
    }

    /* t[v2] = u[x2] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = u_x2[k];
    c_t_v2[k] = a0;
    }

    /* t[v3] = t[v2]*v3 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_t_v2[k];
        const sg_real a1 = c_v3[k];
    c_t_v3[k] = a0*a1;
    }

    /* t[v4] = t[v1]*v3 + t[v3]*v1 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_t_v1[k];
        const sg_real a1 = c_t_v3[k];
        const sg_real a2 = c_v1[k];
        const sg_real a3 = c_v3[k];
    c_t_v4[k] = a0*a3 + a1*a2;
    }

    /* t[v5] = t[v1]*v2 + t[v2]*v1 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_t_v1[k];
        const sg_real a1 = c_t_v2[k];
        const sg_real a2 = c_v1[k];
        const sg_real a3 = c_v2[k];
    c_t_v5[k] = a0*a3 + a1*a2;
    }

    /* t[v6] = -t[v5]*sin(v5) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_t_v5[k];
        const sg_real a1 = c_v5[k];
    c_t_v6[k] = -a0*sin(a1);
    }

    /* t[v7] = t[v4] + t[v6] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_t_v4[k];
        const sg_real a1 = c_t_v6[k];
    c_t_v7[k] = a0 + a1;
    }

    /* t[d[v5]] = -t[v5]*v7*cos(v5) - t[v7]*sin(v5) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_t_v5[k];
        const sg_real a1 = c_t_v7[k];
        const sg_real a2 = c_v5[k];
        const sg_real a3 = c_v7[k];
    c_t_d_v5[k] = -a0*a3*cos(a2) - a1*sin(a2);
    }

    /* t[d[v1]#1] = d[v5]*t[v2] + t[d[v5]]*v2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_d_v5[k];
        const sg_real a1 = c_t_d_v5[k];
        const sg_real a2 = c_t_v2[k];
        const sg_real a3 = c_v2[k];
    c_t_d_v1_1[k] = a0*a2 + a1*a3;
    }

    /* t[d[v2]#1] = d[v5]*t[v1] + t[d[v5]]*v1 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_d_v5[k];
        const sg_real a1 = c_t_d_v5[k];
        const sg_real a2 = c_t_v1[k];
        const sg_real a3 = c_v1[k];
    c_t_d_v2_1[k] = a0*a2 + a1*a3;
    }

    /* t[d[v1]#2] = t[v3]*v7 + t[v7]*v3 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_t_v3[k];
        const sg_real a1 = c_t_v7[k];
        const sg_real a2 = c_v3[k];
        const sg_real a3 = c_v7[k];
    c_t_d_v1_2[k] = a0*a3 + a1*a2;
    }

    /* t[d[v3]] = t[v1]*v7 + t[v7]*v1 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_t_v1[k];
        const sg_real a1 = c_t_v7[k];
        const sg_real a2 = c_v1[k];
        const sg_real a3 = c_v7[k];
    c_t_d_v3[k] = a0*a3 + a1*a2;
    }

    /* t[d[v2]#2] = d[v3]*t[v3] + t[d[v3]]*v3 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_d_v3[k];
        const sg_real a1 = c_t_d_v3[k];
        const sg_real a2 = c_t_v3[k];
        const sg_real a3 = c_v3[k];
    c_t_d_v2_2[k] = a0*a2 + a1*a3;
    }

    /* t[d[v2]] = t[d[v2]#1] + t[d[v2]#2] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_t_d_v2_1[k];
        const sg_real a1 = c_t_d_v2_2[k];
    c_t_d_v2[k] = a0 + a1;
    }

    /* t[d[v1]] = t[d[v1]#1] + t[d[v1]#2] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_t_d_v1_1[k];
        const sg_real a1 = c_t_d_v1_2[k];
    c_t_d_v1[k] = a0 + a1;
    }

    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
    }
    /* ---- after the tiles ---- */
    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (nf[0]*c_L[0]);
    for (int k = 0; k < 1; ++k) grad[0 + k] = scale * (nf[0]*c_d_v1[k]);  /* x1 */
    for (int k = 0; k < 1; ++k) grad[1 + k] = scale * (nf[0]*c_d_v2[k]);  /* x2 */
    for (int k = 0; k < 1; ++k) hv[0 + k] = scale * (nf[0]*c_t_d_v1[k]);  /* x1 */
    for (int k = 0; k < 1; ++k) hv[1 + k] = scale * (nf[0]*c_t_d_v2[k]);  /* x2 */
    return SG_OK;
}

/* ==== jacobian: tile of 256 samples, workspace 824 reals ==== */
int v7_descent_to_zero_jacobian(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict jac, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
#ifdef SG_USE_BLAS
    const int sg_blas = n >= SG_BLAS_MIN_BATCH;  /* cblas for the large tile GEMMs */
#else
    const int sg_blas = 0;
#endif
    (void)nf; (void)s; (void)sg_blas;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 2)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 0)) return SG_EDATA;
    const sg_real *restrict p_x1 = theta + 0;  /* [] */
    const sg_real *restrict p_x2 = theta + 1;  /* [] */
    sg_real *restrict v_L = work + 0;  /* tile [] */
    sg_real *restrict c_v1 = work + 256;  /* work [] */
    sg_real *restrict c_v2 = work + 264;  /* work [] */
    sg_real *restrict c_v3 = work + 272;  /* work [] */
    sg_real *restrict c_v4 = work + 280;  /* work [] */
    sg_real *restrict c_v5 = work + 288;  /* work [] */
    sg_real *restrict c_v6 = work + 296;  /* work [] */
    sg_real *restrict c_v7 = work + 304;  /* work [] */
    sg_real *restrict t_J0_d_v2 = work + 312;  /* tile [] */
    sg_real *restrict t_J0_d_v1 = work + 568;  /* tile [] */
    (void)p_x1;
    (void)p_x2;
    memset(jac, 0, sizeof(sg_real) * (size_t)n * 2);
    /* ---- sample-invariant part (once per call) ---- */
    /* v1 = x1 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_x1[k];
    c_v1[k] = a0;
    }

    /* v2 = x2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_x2[k];
    c_v2[k] = a0;
    }

    /* v3 = exp(v2) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v2[k];
    c_v3[k] = exp(a0);
    }

    /* v4 = v1*v3 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v1[k];
        const sg_real a1 = c_v3[k];
    c_v4[k] = a0*a1;
    }

    /* v5 = v1*v2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v1[k];
        const sg_real a1 = c_v2[k];
    c_v5[k] = a0*a1;
    }

    /* v6 = cos(v5) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v5[k];
    c_v6[k] = cos(a0);
    }

    /* v7 = v4 + v6 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v4[k];
        const sg_real a1 = c_v6[k];
    c_v7[k] = a0 + a1;
    }

    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        /* Jacobian rows of L: one reverse sweep per output element */
        for (int kk = 0; kk < 1; ++kk) {
            for (s = 0; s < nt; ++s)
                for (int k = 0; k < 1; ++k) v_L[s*1 + k] = (k == kk);
            /* J0:d[v7] ... J0:d[v1] (scalar run) */
            for (s = 0; s < nt; ++s) {
                const sg_real l1 = c_v7[0];
                const sg_real l2 = v_L[s*1];
                const sg_real v3 = l1*l2;
                const sg_real l4 = c_v5[0];
                const sg_real v5 = -v3*sin(l4);
                const sg_real l6 = c_v2[0];
                const sg_real v7 = l6*v5;
                const sg_real l8 = c_v1[0];
                const sg_real v9 = l8*v5;
                const sg_real l10 = c_v3[0];
                const sg_real v11 = l10*v3;
                const sg_real v12 = l8*v3;
                const sg_real v13 = l10*v12;
                const sg_real v14 = v13 + v9;
                t_J0_d_v2[s*1] = v14;
                const sg_real v15 = v11 + v7;
                t_J0_d_v1[s*1] = v15;
            }

            for (s = 0; s < nt; ++s) {
                sg_real *restrict jr = jac + ((t0 + s) * 1 + 0 + kk) * 2;
                for (int k = 0; k < 1; ++k) jr[0 + k] = t_J0_d_v1[s*1 + k];  /* x1 */
                for (int k = 0; k < 1; ++k) jr[1 + k] = t_J0_d_v2[s*1 + k];  /* x2 */
            }
        }
    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== hessian: 2 HVP sweeps u = e_j, then symmetrised (H + Hᵀ)/2 ==== */
int v7_descent_to_zero_hessian(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict loss, sg_real *restrict grad, sg_real *restrict H, sg_real *restrict work)
{
    sg_real *restrict u = work + 248;
    int rc = SG_OK;
    for (long j = 0; j < 2; ++j) {
        memset(u, 0, sizeof(sg_real) * 2);
        u[j] = 1;
        rc = v7_descent_to_zero_hvp(theta, data, n, u, loss, grad, H + j * 2, work);
        if (rc != SG_OK) return rc;
    }
    for (long i = 0; i < 2; ++i)
        for (long j = 0; j < i; ++j) {
            const sg_real v = (sg_real)0.5 * (H[i * 2 + j] + H[j * 2 + i]);
            H[i * 2 + j] = v;
            H[j * 2 + i] = v;
        }
    return rc;
}

#ifdef __cplusplus
}  /* extern "C" */
#endif
