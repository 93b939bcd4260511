/* max_pooling.c: symgrad kernels for model 'max_pooling' (float64), emitter v3.
   Generated from the assignment graph of max_pooling.toml; do not edit.
   C99 + libm (also compiles as C++): cc -O3 -std=c99 -c max_pooling.c   (link with -lm)
   The runtime (GEMM kernels, stable helpers) is symgrad_runtime.h, included from this file's
   directory (`symgrad generate` writes it here; with --single-file it is inlined below).
   Layout: theta = A[4, 4] (row-major, packed)
           data row = 
           forward row = pool[4]
   Batch objective: mean over samples of 'J'. */
#define SG_REAL_BITS 64  /* sg_real = double */
#include "symgrad_runtime.h"
#if !defined(SYMGRAD_RUNTIME_ID) || SYMGRAD_RUNTIME_ID != 0x8eb30123UL
#  error "symgrad_runtime.h is not the one generated with this file: regenerate both together"
#endif
#ifdef __cplusplus
extern "C" {
#endif

#define MAX_POOLING_N_PARAMS 16
#define MAX_POOLING_DATA_WIDTH 0
#define MAX_POOLING_OUT_WIDTH 4
#define MAX_POOLING_INFO_N_PARAMS 0
#define MAX_POOLING_INFO_DATA_WIDTH 1
#define MAX_POOLING_INFO_OUT_WIDTH 2
#define MAX_POOLING_INFO_JAC_ROWS 3
#define MAX_POOLING_INFO_JAC_COLS 4
#define MAX_POOLING_INFO_TILE 5
#define MAX_POOLING_INFO_DTYPE_BYTES 6
#define MAX_POOLING_INFO_WORK_FORWARD 7
#define MAX_POOLING_INFO_WORK_LOSS_GRAD 8
#define MAX_POOLING_INFO_WORK_HVP 9
#define MAX_POOLING_INFO_WORK_HESSIAN 10
#define MAX_POOLING_INFO_WORK_JACOBIAN 11

long max_pooling_info(int what)
{
    switch (what) {
    case 0: return 16L;
    case 1: return 0L;
    case 2: return 4L;
    case 3: return 4L;
    case 4: return 16L;
    case 5: return 256L;
    case 6: return 8L;
    case 7: return 168L;
    case 8: return 312L;
    case 9: return 312L;
    case 10: return 352L;
    case 11: return 10368L;
    default: return -1L;
    }
}

/* ==== forward: tile of 256 samples, workspace 168 reals ==== */
int max_pooling_forward(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 16)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 0)) return SG_EDATA;
    const sg_real *restrict p_A = theta + 0;  /* [4, 4] */
    sg_real *restrict c_A_0_0 = work + 0;  /* work [] */
    sg_real *restrict c_A_0_1 = work + 8;  /* work [] */
    sg_real *restrict c_A_1_0 = work + 16;  /* work [] */
    sg_real *restrict c_A_1_1 = work + 24;  /* work [] */
    sg_real *restrict c_p00 = work + 32;  /* work [] */
    sg_real *restrict c_A_0_2 = work + 40;  /* work [] */
    sg_real *restrict c_A_0_3 = work + 48;  /* work [] */
    sg_real *restrict c_A_1_2 = work + 56;  /* work [] */
    sg_real *restrict c_A_1_3 = work + 64;  /* work [] */
    sg_real *restrict c_p01 = work + 72;  /* work [] */
    sg_real *restrict c_A_2_0 = work + 80;  /* work [] */
    sg_real *restrict c_A_2_1 = work + 88;  /* work [] */
    sg_real *restrict c_A_3_0 = work + 96;  /* work [] */
    sg_real *restrict c_A_3_1 = work + 104;  /* work [] */
    sg_real *restrict c_p10 = work + 112;  /* work [] */
    sg_real *restrict c_A_2_2 = work + 120;  /* work [] */
    sg_real *restrict c_A_2_3 = work + 128;  /* work [] */
    sg_real *restrict c_A_3_2 = work + 136;  /* work [] */
    sg_real *restrict c_A_3_3 = work + 144;  /* work [] */
    sg_real *restrict c_p11 = work + 152;  /* work [] */
    sg_real *restrict c_pool = work + 160;  /* work [4] */
    (void)p_A;
    /* ---- sample-invariant part (once per call) ---- */
    /* A[0,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_0[k] = p_A[k + 0];

    /* A[0,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_1[k] = p_A[k + 1];

    /* A[1,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_0[k] = p_A[k + 4];

    /* A[1,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_1[k] = p_A[k + 5];

    /* p00 = maximum(maximum(maximum(A[0,0], A[0,1]), A[1,0]), A[1,1]) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_0[k];
        const sg_real a1 = c_A_0_1[k];
        const sg_real a2 = c_A_1_0[k];
        const sg_real a3 = c_A_1_1[k];
    c_p00[k] = sg_max(sg_max(sg_max(a0, a1), a2), a3);
    }

    /* A[0,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_2[k] = p_A[k + 2];

    /* A[0,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_3[k] = p_A[k + 3];

    /* A[1,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_2[k] = p_A[k + 6];

    /* A[1,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_3[k] = p_A[k + 7];

    /* p01 = maximum(maximum(maximum(A[0,2], A[0,3]), A[1,2]), A[1,3]) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_2[k];
        const sg_real a1 = c_A_0_3[k];
        const sg_real a2 = c_A_1_2[k];
        const sg_real a3 = c_A_1_3[k];
    c_p01[k] = sg_max(sg_max(sg_max(a0, a1), a2), a3);
    }

    /* A[2,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_0[k] = p_A[k + 8];

    /* A[2,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_1[k] = p_A[k + 9];

    /* A[3,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_0[k] = p_A[k + 12];

    /* A[3,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_1[k] = p_A[k + 13];

    /* p10 = maximum(maximum(maximum(A[2,0], A[2,1]), A[3,0]), A[3,1]) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_0[k];
        const sg_real a1 = c_A_2_1[k];
        const sg_real a2 = c_A_3_0[k];
        const sg_real a3 = c_A_3_1[k];
    c_p10[k] = sg_max(sg_max(sg_max(a0, a1), a2), a3);
    }

    /* A[2,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_2[k] = p_A[k + 10];

    /* A[2,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_3[k] = p_A[k + 11];

    /* A[3,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_2[k] = p_A[k + 14];

    /* A[3,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_3[k] = p_A[k + 15];

    /* p11 = maximum(maximum(maximum(A[2,2], A[2,3]), A[3,2]), A[3,3]) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_2[k];
        const sg_real a1 = c_A_2_3[k];
        const sg_real a2 = c_A_3_2[k];
        const sg_real a3 = c_A_3_3[k];
    c_p11[k] = sg_max(sg_max(sg_max(a0, a1), a2), a3);
    }

    /* pool = stack(p00, p01, p10, p11) */
    c_pool[0] = c_p00[0];
    c_pool[1] = c_p01[0];
    c_pool[2] = c_p10[0];
    c_pool[3] = c_p11[0];

    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 4; ++k) out[(t0 + s)*4 + 0 + k] = c_pool[k];

    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== loss_grad: tile of 256 samples, workspace 312 reals ==== */
int max_pooling_loss_grad(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 16)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 0)) return SG_EDATA;
    const sg_real *restrict p_A = theta + 0;  /* [4, 4] */
    sg_real *restrict c_A_0_0 = work + 0;  /* work [] */
    sg_real *restrict c_A_0_1 = work + 8;  /* work [] */
    sg_real *restrict c_A_1_0 = work + 16;  /* work [] */
    sg_real *restrict c_A_1_1 = work + 24;  /* work [] */
    sg_real *restrict c_p00 = work + 32;  /* work [] */
    sg_real *restrict c_A_0_2 = work + 40;  /* work [] */
    sg_real *restrict c_A_0_3 = work + 48;  /* work [] */
    sg_real *restrict c_A_1_2 = work + 56;  /* work [] */
    sg_real *restrict c_A_1_3 = work + 64;  /* work [] */
    sg_real *restrict c_p01 = work + 72;  /* work [] */
    sg_real *restrict c_A_2_0 = work + 80;  /* work [] */
    sg_real *restrict c_A_2_1 = work + 88;  /* work [] */
    sg_real *restrict c_A_3_0 = work + 96;  /* work [] */
    sg_real *restrict c_A_3_1 = work + 104;  /* work [] */
    sg_real *restrict c_p10 = work + 112;  /* work [] */
    sg_real *restrict c_A_2_2 = work + 120;  /* work [] */
    sg_real *restrict c_A_2_3 = work + 128;  /* work [] */
    sg_real *restrict c_A_3_2 = work + 136;  /* work [] */
    sg_real *restrict c_A_3_3 = work + 144;  /* work [] */
    sg_real *restrict c_p11 = work + 152;  /* work [] */
    sg_real *restrict c_J = work + 160;  /* work [] */
    sg_real *restrict c_d_A_2_2 = work + 168;  /* work [] */
    sg_real *restrict c_d_A_2_3 = work + 176;  /* work [] */
    sg_real *restrict c_d_A_3_2 = work + 184;  /* work [] */
    sg_real *restrict c_d_A_3_3 = work + 192;  /* work [] */
    sg_real *restrict c_d_A_2_0 = work + 200;  /* work [] */
    sg_real *restrict c_d_A_2_1 = work + 208;  /* work [] */
    sg_real *restrict c_d_A_3_0 = work + 216;  /* work [] */
    sg_real *restrict c_d_A_3_1 = work + 224;  /* work [] */
    sg_real *restrict c_d_A_0_2 = work + 232;  /* work [] */
    sg_real *restrict c_d_A_0_3 = work + 240;  /* work [] */
    sg_real *restrict c_d_A_1_2 = work + 248;  /* work [] */
    sg_real *restrict c_d_A_1_3 = work + 256;  /* work [] */
    sg_real *restrict c_d_A_0_0 = work + 264;  /* work [] */
    sg_real *restrict c_d_A_0_1 = work + 272;  /* work [] */
    sg_real *restrict c_d_A_1_0 = work + 280;  /* work [] */
    sg_real *restrict c_d_A_1_1 = work + 288;  /* work [] */
    sg_real *restrict c_d_A = work + 296;  /* work [4, 4] */
    (void)p_A;
    /* ---- sample-invariant part (once per call) ---- */
    /* A[0,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_0[k] = p_A[k + 0];

    /* A[0,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_1[k] = p_A[k + 1];

    /* A[1,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_0[k] = p_A[k + 4];

    /* A[1,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_1[k] = p_A[k + 5];

    /* p00 = maximum(maximum(maximum(A[0,0], A[0,1]), A[1,0]), A[1,1]) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_0[k];
        const sg_real a1 = c_A_0_1[k];
        const sg_real a2 = c_A_1_0[k];
        const sg_real a3 = c_A_1_1[k];
    c_p00[k] = sg_max(sg_max(sg_max(a0, a1), a2), a3);
    }

    /* A[0,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_2[k] = p_A[k + 2];

    /* A[0,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_3[k] = p_A[k + 3];

    /* A[1,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_2[k] = p_A[k + 6];

    /* A[1,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_3[k] = p_A[k + 7];

    /* p01 = maximum(maximum(maximum(A[0,2], A[0,3]), A[1,2]), A[1,3]) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_2[k];
        const sg_real a1 = c_A_0_3[k];
        const sg_real a2 = c_A_1_2[k];
        const sg_real a3 = c_A_1_3[k];
    c_p01[k] = sg_max(sg_max(sg_max(a0, a1), a2), a3);
    }

    /* A[2,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_0[k] = p_A[k + 8];

    /* A[2,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_1[k] = p_A[k + 9];

    /* A[3,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_0[k] = p_A[k + 12];

    /* A[3,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_1[k] = p_A[k + 13];

    /* p10 = maximum(maximum(maximum(A[2,0], A[2,1]), A[3,0]), A[3,1]) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_0[k];
        const sg_real a1 = c_A_2_1[k];
        const sg_real a2 = c_A_3_0[k];
        const sg_real a3 = c_A_3_1[k];
    c_p10[k] = sg_max(sg_max(sg_max(a0, a1), a2), a3);
    }

    /* A[2,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_2[k] = p_A[k + 10];

    /* A[2,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_3[k] = p_A[k + 11];

    /* A[3,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_2[k] = p_A[k + 14];

    /* A[3,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_3[k] = p_A[k + 15];

    /* p11 = maximum(maximum(maximum(A[2,2], A[2,3]), A[3,2]), A[3,3]) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_2[k];
        const sg_real a1 = c_A_2_3[k];
        const sg_real a2 = c_A_3_2[k];
        const sg_real a3 = c_A_3_3[k];
    c_p11[k] = sg_max(sg_max(sg_max(a0, a1), a2), a3);
    }

    /* J = p00 + p01 + p10 + p11 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_p00[k];
        const sg_real a1 = c_p01[k];
        const sg_real a2 = c_p10[k];
        const sg_real a3 = c_p11[k];
    c_J[k] = a0 + a1 + a2 + a3;
    }

    /* d[A[2,2]] = 1[A[2,2] - A[2,3] > 0]*1[-A[3,2] + maximum(A[2,2], A[2,3]) > 0]*1[-A[3,3] + maximum(maximum(A[2,2], A[2,3]), A[3,2]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_2[k];
        const sg_real a1 = c_A_2_3[k];
        const sg_real a2 = c_A_3_2[k];
        const sg_real a3 = c_A_3_3[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_2_2[k] = ((a0 - a1) > 0 ? (1.0) : (0.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[2,3]] = (0 if A[2,2] - A[2,3] > 0 else 1)*1[-A[3,2] + maximum(A[2,2], A[2,3]) > 0]*1[-A[3,3] + maximum(maximum(A[2,2], A[2,3]), A[3,2]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_2[k];
        const sg_real a1 = c_A_2_3[k];
        const sg_real a2 = c_A_3_2[k];
        const sg_real a3 = c_A_3_3[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_2_3[k] = ((a0 - a1) > 0 ? (0.0) : (1.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[3,2]] = (0 if -A[3,2] + maximum(A[2,2], A[2,3]) > 0 else 1)*1[-A[3,3] + maximum(maximum(A[2,2], A[2,3]), A[3,2]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_2[k];
        const sg_real a1 = c_A_2_3[k];
        const sg_real a2 = c_A_3_2[k];
        const sg_real a3 = c_A_3_3[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_3_2[k] = ((-a2 + q0) > 0 ? (0.0) : (1.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[3,3]] = (0 if -A[3,3] + maximum(maximum(A[2,2], A[2,3]), A[3,2]) > 0 else 1) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_2[k];
        const sg_real a1 = c_A_2_3[k];
        const sg_real a2 = c_A_3_2[k];
        const sg_real a3 = c_A_3_3[k];
    c_d_A_3_3[k] = ((-a3 + sg_max(sg_max(a0, a1), a2)) > 0 ? (0.0) : (1.0));
    }

    /* d[A[2,0]] = 1[A[2,0] - A[2,1] > 0]*1[-A[3,0] + maximum(A[2,0], A[2,1]) > 0]*1[-A[3,1] + maximum(maximum(A[2,0], A[2,1]), A[3,0]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_0[k];
        const sg_real a1 = c_A_2_1[k];
        const sg_real a2 = c_A_3_0[k];
        const sg_real a3 = c_A_3_1[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_2_0[k] = ((a0 - a1) > 0 ? (1.0) : (0.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[2,1]] = (0 if A[2,0] - A[2,1] > 0 else 1)*1[-A[3,0] + maximum(A[2,0], A[2,1]) > 0]*1[-A[3,1] + maximum(maximum(A[2,0], A[2,1]), A[3,0]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_0[k];
        const sg_real a1 = c_A_2_1[k];
        const sg_real a2 = c_A_3_0[k];
        const sg_real a3 = c_A_3_1[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_2_1[k] = ((a0 - a1) > 0 ? (0.0) : (1.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[3,0]] = (0 if -A[3,0] + maximum(A[2,0], A[2,1]) > 0 else 1)*1[-A[3,1] + maximum(maximum(A[2,0], A[2,1]), A[3,0]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_0[k];
        const sg_real a1 = c_A_2_1[k];
        const sg_real a2 = c_A_3_0[k];
        const sg_real a3 = c_A_3_1[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_3_0[k] = ((-a2 + q0) > 0 ? (0.0) : (1.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[3,1]] = (0 if -A[3,1] + maximum(maximum(A[2,0], A[2,1]), A[3,0]) > 0 else 1) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_0[k];
        const sg_real a1 = c_A_2_1[k];
        const sg_real a2 = c_A_3_0[k];
        const sg_real a3 = c_A_3_1[k];
    c_d_A_3_1[k] = ((-a3 + sg_max(sg_max(a0, a1), a2)) > 0 ? (0.0) : (1.0));
    }

    /* d[A[0,2]] = 1[A[0,2] - A[0,3] > 0]*1[-A[1,2] + maximum(A[0,2], A[0,3]) > 0]*1[-A[1,3] + maximum(maximum(A[0,2], A[0,3]), A[1,2]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_2[k];
        const sg_real a1 = c_A_0_3[k];
        const sg_real a2 = c_A_1_2[k];
        const sg_real a3 = c_A_1_3[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_0_2[k] = ((a0 - a1) > 0 ? (1.0) : (0.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[0,3]] = (0 if A[0,2] - A[0,3] > 0 else 1)*1[-A[1,2] + maximum(A[0,2], A[0,3]) > 0]*1[-A[1,3] + maximum(maximum(A[0,2], A[0,3]), A[1,2]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_2[k];
        const sg_real a1 = c_A_0_3[k];
        const sg_real a2 = c_A_1_2[k];
        const sg_real a3 = c_A_1_3[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_0_3[k] = ((a0 - a1) > 0 ? (0.0) : (1.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[1,2]] = (0 if -A[1,2] + maximum(A[0,2], A[0,3]) > 0 else 1)*1[-A[1,3] + maximum(maximum(A[0,2], A[0,3]), A[1,2]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_2[k];
        const sg_real a1 = c_A_0_3[k];
        const sg_real a2 = c_A_1_2[k];
        const sg_real a3 = c_A_1_3[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_1_2[k] = ((-a2 + q0) > 0 ? (0.0) : (1.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[1,3]] = (0 if -A[1,3] + maximum(maximum(A[0,2], A[0,3]), A[1,2]) > 0 else 1) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_2[k];
        const sg_real a1 = c_A_0_3[k];
        const sg_real a2 = c_A_1_2[k];
        const sg_real a3 = c_A_1_3[k];
    c_d_A_1_3[k] = ((-a3 + sg_max(sg_max(a0, a1), a2)) > 0 ? (0.0) : (1.0));
    }

    /* d[A[0,0]] = 1[A[0,0] - A[0,1] > 0]*1[-A[1,0] + maximum(A[0,0], A[0,1]) > 0]*1[-A[1,1] + maximum(maximum(A[0,0], A[0,1]), A[1,0]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_0[k];
        const sg_real a1 = c_A_0_1[k];
        const sg_real a2 = c_A_1_0[k];
        const sg_real a3 = c_A_1_1[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_0_0[k] = ((a0 - a1) > 0 ? (1.0) : (0.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[0,1]] = (0 if A[0,0] - A[0,1] > 0 else 1)*1[-A[1,0] + maximum(A[0,0], A[0,1]) > 0]*1[-A[1,1] + maximum(maximum(A[0,0], A[0,1]), A[1,0]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_0[k];
        const sg_real a1 = c_A_0_1[k];
        const sg_real a2 = c_A_1_0[k];
        const sg_real a3 = c_A_1_1[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_0_1[k] = ((a0 - a1) > 0 ? (0.0) : (1.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[1,0]] = (0 if -A[1,0] + maximum(A[0,0], A[0,1]) > 0 else 1)*1[-A[1,1] + maximum(maximum(A[0,0], A[0,1]), A[1,0]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_0[k];
        const sg_real a1 = c_A_0_1[k];
        const sg_real a2 = c_A_1_0[k];
        const sg_real a3 = c_A_1_1[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_1_0[k] = ((-a2 + q0) > 0 ? (0.0) : (1.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[1,1]] = (0 if -A[1,1] + maximum(maximum(A[0,0], A[0,1]), A[1,0]) > 0 else 1) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_0[k];
        const sg_real a1 = c_A_0_1[k];
        const sg_real a2 = c_A_1_0[k];
        const sg_real a3 = c_A_1_1[k];
    c_d_A_1_1[k] = ((-a3 + sg_max(sg_max(a0, a1), a2)) > 0 ? (0.0) : (1.0));
    }

    /* d[A] = scatter(d[A[3,3]], d[A[3,2]], d[A[2,3]], d[A[2,2]], d[A[3,1]], d[A[3,0]], d[A[2,1]], d[A[2,0]], d[A[1,3]], d[A[1,2]], d[A[0,3]], d[A[0,2]], d[A[1,1]],... */
    for (int k = 0; k < 16; ++k) c_d_A[k] = 0;
    for (int k = 0; k < 1; ++k) c_d_A[k + 15] += c_d_A_3_3[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 14] += c_d_A_3_2[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 11] += c_d_A_2_3[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 10] += c_d_A_2_2[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 13] += c_d_A_3_1[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 12] += c_d_A_3_0[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 9] += c_d_A_2_1[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 8] += c_d_A_2_0[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 7] += c_d_A_1_3[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 6] += c_d_A_1_2[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 3] += c_d_A_0_3[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 2] += c_d_A_0_2[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 5] += c_d_A_1_1[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 4] += c_d_A_1_0[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 1] += c_d_A_0_1[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 0] += c_d_A_0_0[k];

    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
    }
    /* ---- after the tiles ---- */
    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (nf[0]*c_J[0]);
    for (int k = 0; k < 16; ++k) grad[0 + k] = scale * (nf[0]*c_d_A[k]);  /* A */
    return SG_OK;
}

/* ==== hvp: tile of 256 samples, workspace 312 reals ==== */
int max_pooling_hvp(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 16)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 0)) return SG_EDATA;
    if (!sg_all_finite(dir, 16)) return SG_EDIR;
    const sg_real *restrict p_A = theta + 0;  /* [4, 4] */
    const sg_real *restrict u_A = dir + 0;
    sg_real *restrict c_A_0_0 = work + 0;  /* work [] */
    sg_real *restrict c_A_0_1 = work + 8;  /* work [] */
    sg_real *restrict c_A_1_0 = work + 16;  /* work [] */
    sg_real *restrict c_A_1_1 = work + 24;  /* work [] */
    sg_real *restrict c_p00 = work + 32;  /* work [] */
    sg_real *restrict c_A_0_2 = work + 40;  /* work [] */
    sg_real *restrict c_A_0_3 = work + 48;  /* work [] */
    sg_real *restrict c_A_1_2 = work + 56;  /* work [] */
    sg_real *restrict c_A_1_3 = work + 64;  /* work [] */
    sg_real *restrict c_p01 = work + 72;  /* work [] */
    sg_real *restrict c_A_2_0 = work + 80;  /* work [] */
    sg_real *restrict c_A_2_1 = work + 88;  /* work [] */
    sg_real *restrict c_A_3_0 = work + 96;  /* work [] */
    sg_real *restrict c_A_3_1 = work + 104;  /* work [] */
    sg_real *restrict c_p10 = work + 112;  /* work [] */
    sg_real *restrict c_A_2_2 = work + 120;  /* work [] */
    sg_real *restrict c_A_2_3 = work + 128;  /* work [] */
    sg_real *restrict c_A_3_2 = work + 136;  /* work [] */
    sg_real *restrict c_A_3_3 = work + 144;  /* work [] */
    sg_real *restrict c_p11 = work + 152;  /* work [] */
    sg_real *restrict c_J = work + 160;  /* work [] */
    sg_real *restrict c_d_A_2_2 = work + 168;  /* work [] */
    sg_real *restrict c_d_A_2_3 = work + 176;  /* work [] */
    sg_real *restrict c_d_A_3_2 = work + 184;  /* work [] */
    sg_real *restrict c_d_A_3_3 = work + 192;  /* work [] */
    sg_real *restrict c_d_A_2_0 = work + 200;  /* work [] */
    sg_real *restrict c_d_A_2_1 = work + 208;  /* work [] */
    sg_real *restrict c_d_A_3_0 = work + 216;  /* work [] */
    sg_real *restrict c_d_A_3_1 = work + 224;  /* work [] */
    sg_real *restrict c_d_A_0_2 = work + 232;  /* work [] */
    sg_real *restrict c_d_A_0_3 = work + 240;  /* work [] */
    sg_real *restrict c_d_A_1_2 = work + 248;  /* work [] */
    sg_real *restrict c_d_A_1_3 = work + 256;  /* work [] */
    sg_real *restrict c_d_A_0_0 = work + 264;  /* work [] */
    sg_real *restrict c_d_A_0_1 = work + 272;  /* work [] */
    sg_real *restrict c_d_A_1_0 = work + 280;  /* work [] */
    sg_real *restrict c_d_A_1_1 = work + 288;  /* work [] */
    sg_real *restrict c_d_A = work + 296;  /* work [4, 4] */
    (void)p_A;
    (void)u_A;
    /* ---- sample-invariant part (once per call) ---- */
    /* A[0,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_0[k] = p_A[k + 0];

    /* A[0,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_1[k] = p_A[k + 1];

    /* A[1,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_0[k] = p_A[k + 4];

    /* A[1,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_1[k] = p_A[k + 5];

    /* p00 = maximum(maximum(maximum(A[0,0], A[0,1]), A[1,0]), A[1,1]) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_0[k];
        const sg_real a1 = c_A_0_1[k];
        const sg_real a2 = c_A_1_0[k];
        const sg_real a3 = c_A_1_1[k];
    c_p00[k] = sg_max(sg_max(sg_max(a0, a1), a2), a3);
    }

    /* A[0,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_2[k] = p_A[k + 2];

    /* A[0,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_3[k] = p_A[k + 3];

    /* A[1,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_2[k] = p_A[k + 6];

    /* A[1,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_3[k] = p_A[k + 7];

    /* p01 = maximum(maximum(maximum(A[0,2], A[0,3]), A[1,2]), A[1,3]) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_2[k];
        const sg_real a1 = c_A_0_3[k];
        const sg_real a2 = c_A_1_2[k];
        const sg_real a3 = c_A_1_3[k];
    c_p01[k] = sg_max(sg_max(sg_max(a0, a1), a2), a3);
    }

    /* A[2,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_0[k] = p_A[k + 8];

    /* A[2,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_1[k] = p_A[k + 9];

    /* A[3,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_0[k] = p_A[k + 12];

    /* A[3,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_1[k] = p_A[k + 13];

    /* p10 = maximum(maximum(maximum(A[2,0], A[2,1]), A[3,0]), A[3,1]) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_0[k];
        const sg_real a1 = c_A_2_1[k];
        const sg_real a2 = c_A_3_0[k];
        const sg_real a3 = c_A_3_1[k];
    c_p10[k] = sg_max(sg_max(sg_max(a0, a1), a2), a3);
    }

    /* A[2,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_2[k] = p_A[k + 10];

    /* A[2,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_3[k] = p_A[k + 11];

    /* A[3,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_2[k] = p_A[k + 14];

    /* A[3,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_3[k] = p_A[k + 15];

    /* p11 = maximum(maximum(maximum(A[2,2], A[2,3]), A[3,2]), A[3,3]) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_2[k];
        const sg_real a1 = c_A_2_3[k];
        const sg_real a2 = c_A_3_2[k];
        const sg_real a3 = c_A_3_3[k];
    c_p11[k] = sg_max(sg_max(sg_max(a0, a1), a2), a3);
    }

    /* J = p00 + p01 + p10 + p11 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_p00[k];
        const sg_real a1 = c_p01[k];
        const sg_real a2 = c_p10[k];
        const sg_real a3 = c_p11[k];
    c_J[k] = a0 + a1 + a2 + a3;
    }

    /* d[A[2,2]] = 1[A[2,2] - A[2,3] > 0]*1[-A[3,2] + maximum(A[2,2], A[2,3]) > 0]*1[-A[3,3] + maximum(maximum(A[2,2], A[2,3]), A[3,2]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_2[k];
        const sg_real a1 = c_A_2_3[k];
        const sg_real a2 = c_A_3_2[k];
        const sg_real a3 = c_A_3_3[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_2_2[k] = ((a0 - a1) > 0 ? (1.0) : (0.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[2,3]] = (0 if A[2,2] - A[2,3] > 0 else 1)*1[-A[3,2] + maximum(A[2,2], A[2,3]) > 0]*1[-A[3,3] + maximum(maximum(A[2,2], A[2,3]), A[3,2]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_2[k];
        const sg_real a1 = c_A_2_3[k];
        const sg_real a2 = c_A_3_2[k];
        const sg_real a3 = c_A_3_3[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_2_3[k] = ((a0 - a1) > 0 ? (0.0) : (1.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[3,2]] = (0 if -A[3,2] + maximum(A[2,2], A[2,3]) > 0 else 1)*1[-A[3,3] + maximum(maximum(A[2,2], A[2,3]), A[3,2]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_2[k];
        const sg_real a1 = c_A_2_3[k];
        const sg_real a2 = c_A_3_2[k];
        const sg_real a3 = c_A_3_3[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_3_2[k] = ((-a2 + q0) > 0 ? (0.0) : (1.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[3,3]] = (0 if -A[3,3] + maximum(maximum(A[2,2], A[2,3]), A[3,2]) > 0 else 1) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_2[k];
        const sg_real a1 = c_A_2_3[k];
        const sg_real a2 = c_A_3_2[k];
        const sg_real a3 = c_A_3_3[k];
    c_d_A_3_3[k] = ((-a3 + sg_max(sg_max(a0, a1), a2)) > 0 ? (0.0) : (1.0));
    }

    /* d[A[2,0]] = 1[A[2,0] - A[2,1] > 0]*1[-A[3,0] + maximum(A[2,0], A[2,1]) > 0]*1[-A[3,1] + maximum(maximum(A[2,0], A[2,1]), A[3,0]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_0[k];
        const sg_real a1 = c_A_2_1[k];
        const sg_real a2 = c_A_3_0[k];
        const sg_real a3 = c_A_3_1[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_2_0[k] = ((a0 - a1) > 0 ? (1.0) : (0.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[2,1]] = (0 if A[2,0] - A[2,1] > 0 else 1)*1[-A[3,0] + maximum(A[2,0], A[2,1]) > 0]*1[-A[3,1] + maximum(maximum(A[2,0], A[2,1]), A[3,0]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_0[k];
        const sg_real a1 = c_A_2_1[k];
        const sg_real a2 = c_A_3_0[k];
        const sg_real a3 = c_A_3_1[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_2_1[k] = ((a0 - a1) > 0 ? (0.0) : (1.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[3,0]] = (0 if -A[3,0] + maximum(A[2,0], A[2,1]) > 0 else 1)*1[-A[3,1] + maximum(maximum(A[2,0], A[2,1]), A[3,0]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_0[k];
        const sg_real a1 = c_A_2_1[k];
        const sg_real a2 = c_A_3_0[k];
        const sg_real a3 = c_A_3_1[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_3_0[k] = ((-a2 + q0) > 0 ? (0.0) : (1.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[3,1]] = (0 if -A[3,1] + maximum(maximum(A[2,0], A[2,1]), A[3,0]) > 0 else 1) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_0[k];
        const sg_real a1 = c_A_2_1[k];
        const sg_real a2 = c_A_3_0[k];
        const sg_real a3 = c_A_3_1[k];
    c_d_A_3_1[k] = ((-a3 + sg_max(sg_max(a0, a1), a2)) > 0 ? (0.0) : (1.0));
    }

    /* d[A[0,2]] = 1[A[0,2] - A[0,3] > 0]*1[-A[1,2] + maximum(A[0,2], A[0,3]) > 0]*1[-A[1,3] + maximum(maximum(A[0,2], A[0,3]), A[1,2]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_2[k];
        const sg_real a1 = c_A_0_3[k];
        const sg_real a2 = c_A_1_2[k];
        const sg_real a3 = c_A_1_3[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_0_2[k] = ((a0 - a1) > 0 ? (1.0) : (0.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[0,3]] = (0 if A[0,2] - A[0,3] > 0 else 1)*1[-A[1,2] + maximum(A[0,2], A[0,3]) > 0]*1[-A[1,3] + maximum(maximum(A[0,2], A[0,3]), A[1,2]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_2[k];
        const sg_real a1 = c_A_0_3[k];
        const sg_real a2 = c_A_1_2[k];
        const sg_real a3 = c_A_1_3[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_0_3[k] = ((a0 - a1) > 0 ? (0.0) : (1.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[1,2]] = (0 if -A[1,2] + maximum(A[0,2], A[0,3]) > 0 else 1)*1[-A[1,3] + maximum(maximum(A[0,2], A[0,3]), A[1,2]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_2[k];
        const sg_real a1 = c_A_0_3[k];
        const sg_real a2 = c_A_1_2[k];
        const sg_real a3 = c_A_1_3[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_1_2[k] = ((-a2 + q0) > 0 ? (0.0) : (1.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[1,3]] = (0 if -A[1,3] + maximum(maximum(A[0,2], A[0,3]), A[1,2]) > 0 else 1) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_2[k];
        const sg_real a1 = c_A_0_3[k];
        const sg_real a2 = c_A_1_2[k];
        const sg_real a3 = c_A_1_3[k];
    c_d_A_1_3[k] = ((-a3 + sg_max(sg_max(a0, a1), a2)) > 0 ? (0.0) : (1.0));
    }

    /* d[A[0,0]] = 1[A[0,0] - A[0,1] > 0]*1[-A[1,0] + maximum(A[0,0], A[0,1]) > 0]*1[-A[1,1] + maximum(maximum(A[0,0], A[0,1]), A[1,0]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_0[k];
        const sg_real a1 = c_A_0_1[k];
        const sg_real a2 = c_A_1_0[k];
        const sg_real a3 = c_A_1_1[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_0_0[k] = ((a0 - a1) > 0 ? (1.0) : (0.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[0,1]] = (0 if A[0,0] - A[0,1] > 0 else 1)*1[-A[1,0] + maximum(A[0,0], A[0,1]) > 0]*1[-A[1,1] + maximum(maximum(A[0,0], A[0,1]), A[1,0]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_0[k];
        const sg_real a1 = c_A_0_1[k];
        const sg_real a2 = c_A_1_0[k];
        const sg_real a3 = c_A_1_1[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_0_1[k] = ((a0 - a1) > 0 ? (0.0) : (1.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[1,0]] = (0 if -A[1,0] + maximum(A[0,0], A[0,1]) > 0 else 1)*1[-A[1,1] + maximum(maximum(A[0,0], A[0,1]), A[1,0]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_0[k];
        const sg_real a1 = c_A_0_1[k];
        const sg_real a2 = c_A_1_0[k];
        const sg_real a3 = c_A_1_1[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_1_0[k] = ((-a2 + q0) > 0 ? (0.0) : (1.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[1,1]] = (0 if -A[1,1] + maximum(maximum(A[0,0], A[0,1]), A[1,0]) > 0 else 1) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_0[k];
        const sg_real a1 = c_A_0_1[k];
        const sg_real a2 = c_A_1_0[k];
        const sg_real a3 = c_A_1_1[k];
    c_d_A_1_1[k] = ((-a3 + sg_max(sg_max(a0, a1), a2)) > 0 ? (0.0) : (1.0));
    }

    /* d[A] = scatter(d[A[3,3]], d[A[3,2]], d[A[2,3]], d[A[2,2]], d[A[3,1]], d[A[3,0]], d[A[2,1]], d[A[2,0]], d[A[1,3]], d[A[1,2]], d[A[0,3]], d[A[0,2]], d[A[1,1]],... */
    for (int k = 0; k < 16; ++k) c_d_A[k] = 0;
    for (int k = 0; k < 1; ++k) c_d_A[k + 15] += c_d_A_3_3[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 14] += c_d_A_3_2[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 11] += c_d_A_2_3[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 10] += c_d_A_2_2[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 13] += c_d_A_3_1[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 12] += c_d_A_3_0[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 9] += c_d_A_2_1[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 8] += c_d_A_2_0[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 7] += c_d_A_1_3[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 6] += c_d_A_1_2[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 3] += c_d_A_0_3[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 2] += c_d_A_0_2[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 5] += c_d_A_1_1[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 4] += c_d_A_1_0[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 1] += c_d_A_0_1[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 0] += c_d_A_0_0[k];

    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
    }
    /* ---- after the tiles ---- */
    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (nf[0]*c_J[0]);
    for (int k = 0; k < 16; ++k) grad[0 + k] = scale * (nf[0]*c_d_A[k]);  /* A */
    for (int k = 0; k < 16; ++k) hv[0 + k] = 0;  /* A */
    return SG_OK;
}

/* ==== jacobian: tile of 256 samples, workspace 10368 reals ==== */
int max_pooling_jacobian(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 16)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 0)) return SG_EDATA;
    const sg_real *restrict p_A = theta + 0;  /* [4, 4] */
    sg_real *restrict v_pool = work + 0;  /* tile [4] */
    sg_real *restrict c_A_0_0 = work + 1024;  /* work [] */
    sg_real *restrict c_A_0_1 = work + 1032;  /* work [] */
    sg_real *restrict c_A_1_0 = work + 1040;  /* work [] */
    sg_real *restrict c_A_1_1 = work + 1048;  /* work [] */
    sg_real *restrict c_A_0_2 = work + 1056;  /* work [] */
    sg_real *restrict c_A_0_3 = work + 1064;  /* work [] */
    sg_real *restrict c_A_1_2 = work + 1072;  /* work [] */
    sg_real *restrict c_A_1_3 = work + 1080;  /* work [] */
    sg_real *restrict c_A_2_0 = work + 1088;  /* work [] */
    sg_real *restrict c_A_2_1 = work + 1096;  /* work [] */
    sg_real *restrict c_A_3_0 = work + 1104;  /* work [] */
    sg_real *restrict c_A_3_1 = work + 1112;  /* work [] */
    sg_real *restrict c_A_2_2 = work + 1120;  /* work [] */
    sg_real *restrict c_A_2_3 = work + 1128;  /* work [] */
    sg_real *restrict c_A_3_2 = work + 1136;  /* work [] */
    sg_real *restrict c_A_3_3 = work + 1144;  /* work [] */
    sg_real *restrict t_J0_d_p00 = work + 1152;  /* tile [] */
    sg_real *restrict t_J0_d_p01 = work + 1408;  /* tile [] */
    sg_real *restrict t_J0_d_p10 = work + 1664;  /* tile [] */
    sg_real *restrict t_J0_d_p11 = work + 1920;  /* tile [] */
    sg_real *restrict t_J0_d_A_2_2 = work + 2176;  /* tile [] */
    sg_real *restrict t_J0_d_A_2_3 = work + 2432;  /* tile [] */
    sg_real *restrict t_J0_d_A_3_2 = work + 2688;  /* tile [] */
    sg_real *restrict t_J0_d_A_3_3 = work + 2944;  /* tile [] */
    sg_real *restrict t_J0_d_A_2_0 = work + 3200;  /* tile [] */
    sg_real *restrict t_J0_d_A_2_1 = work + 3456;  /* tile [] */
    sg_real *restrict t_J0_d_A_3_0 = work + 3712;  /* tile [] */
    sg_real *restrict t_J0_d_A_3_1 = work + 3968;  /* tile [] */
    sg_real *restrict t_J0_d_A_0_2 = work + 4224;  /* tile [] */
    sg_real *restrict t_J0_d_A_0_3 = work + 4480;  /* tile [] */
    sg_real *restrict t_J0_d_A_1_2 = work + 4736;  /* tile [] */
    sg_real *restrict t_J0_d_A_1_3 = work + 4992;  /* tile [] */
    sg_real *restrict t_J0_d_A_0_0 = work + 5248;  /* tile [] */
    sg_real *restrict t_J0_d_A_0_1 = work + 5504;  /* tile [] */
    sg_real *restrict t_J0_d_A_1_0 = work + 5760;  /* tile [] */
    sg_real *restrict t_J0_d_A_1_1 = work + 6016;  /* tile [] */
    sg_real *restrict t_J0_d_A = work + 6272;  /* tile [4, 4] */
    (void)p_A;
    memset(jac, 0, sizeof(sg_real) * (size_t)n * 64);
    /* ---- sample-invariant part (once per call) ---- */
    /* A[0,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_0[k] = p_A[k + 0];

    /* A[0,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_1[k] = p_A[k + 1];

    /* A[1,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_0[k] = p_A[k + 4];

    /* A[1,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_1[k] = p_A[k + 5];

    /* A[0,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_2[k] = p_A[k + 2];

    /* A[0,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_3[k] = p_A[k + 3];

    /* A[1,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_2[k] = p_A[k + 6];

    /* A[1,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_3[k] = p_A[k + 7];

    /* A[2,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_0[k] = p_A[k + 8];

    /* A[2,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_1[k] = p_A[k + 9];

    /* A[3,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_0[k] = p_A[k + 12];

    /* A[3,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_1[k] = p_A[k + 13];

    /* A[2,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_2[k] = p_A[k + 10];

    /* A[2,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_3[k] = p_A[k + 11];

    /* A[3,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_2[k] = p_A[k + 14];

    /* A[3,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_3[k] = p_A[k + 15];

    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        /* Jacobian rows of pool: one reverse sweep per output element */
        for (int kk = 0; kk < 4; ++kk) {
            for (s = 0; s < nt; ++s)
                for (int k = 0; k < 4; ++k) v_pool[s*4 + k] = (k == kk);
            /* J0:d[p00] = index(v[pool]) */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 1; ++k) t_J0_d_p00[s*1 + k] = v_pool[s*4 + k + 0];
            }

            /* J0:d[p01] = index(v[pool]) */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 1; ++k) t_J0_d_p01[s*1 + k] = v_pool[s*4 + k + 1];
            }

            /* J0:d[p10] = index(v[pool]) */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 1; ++k) t_J0_d_p10[s*1 + k] = v_pool[s*4 + k + 2];
            }

            /* J0:d[p11] = index(v[pool]) */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 1; ++k) t_J0_d_p11[s*1 + k] = v_pool[s*4 + k + 3];
            }

            /* J0:d[A[2,2]] ... J0:d[A[1,1]] (scalar run) */
            for (s = 0; s < nt; ++s) {
                const sg_real l1 = c_A_2_2[0];
                const sg_real l2 = c_A_2_3[0];
                const sg_real l3 = c_A_3_2[0];
                const sg_real l4 = c_A_3_3[0];
                const sg_real l5 = t_J0_d_p11[s*1];
                const sg_real q6 = sg_max(l1, l2);
                const sg_real v7 = l5*((l1 - l2) > 0 ? (1.0) : (0.0))*((q6 - l3) > 0 ? (1.0) : (0.0))*((-l4 + sg_max(q6, l3)) > 0 ? (1.0) : (0.0));
                t_J0_d_A_2_2[s*1] = v7;
                const sg_real q8 = sg_max(l1, l2);
                const sg_real v9 = l5*((l1 - l2) > 0 ? (0.0) : (1.0))*((q8 - l3) > 0 ? (1.0) : (0.0))*((-l4 + sg_max(q8, l3)) > 0 ? (1.0) : (0.0));
                t_J0_d_A_2_3[s*1] = v9;
                const sg_real q10 = sg_max(l1, l2);
                const sg_real v11 = l5*((q10 - l3) > 0 ? (0.0) : (1.0))*((-l4 + sg_max(q10, l3)) > 0 ? (1.0) : (0.0));
                t_J0_d_A_3_2[s*1] = v11;
                const sg_real v12 = l5*((-l4 + sg_max(sg_max(l1, l2), l3)) > 0 ? (0.0) : (1.0));
                t_J0_d_A_3_3[s*1] = v12;
                const sg_real l13 = c_A_2_0[0];
                const sg_real l14 = c_A_2_1[0];
                const sg_real l15 = c_A_3_0[0];
                const sg_real l16 = c_A_3_1[0];
                const sg_real l17 = t_J0_d_p10[s*1];
                const sg_real q18 = sg_max(l13, l14);
                const sg_real v19 = l17*((l13 - l14) > 0 ? (1.0) : (0.0))*((q18 - l15) > 0 ? (1.0) : (0.0))*((-l16 + sg_max(q18, l15)) > 0 ? (1.0) : (0.0));
                t_J0_d_A_2_0[s*1] = v19;
                const sg_real q20 = sg_max(l13, l14);
                const sg_real v21 = l17*((l13 - l14) > 0 ? (0.0) : (1.0))*((q20 - l15) > 0 ? (1.0) : (0.0))*((-l16 + sg_max(q20, l15)) > 0 ? (1.0) : (0.0));
                t_J0_d_A_2_1[s*1] = v21;
                const sg_real q22 = sg_max(l13, l14);
                const sg_real v23 = l17*((q22 - l15) > 0 ? (0.0) : (1.0))*((-l16 + sg_max(q22, l15)) > 0 ? (1.0) : (0.0));
                t_J0_d_A_3_0[s*1] = v23;
                const sg_real v24 = l17*((-l16 + sg_max(sg_max(l13, l14), l15)) > 0 ? (0.0) : (1.0));
                t_J0_d_A_3_1[s*1] = v24;
                const sg_real l25 = c_A_0_2[0];
                const sg_real l26 = c_A_0_3[0];
                const sg_real l27 = c_A_1_2[0];
                const sg_real l28 = c_A_1_3[0];
                const sg_real l29 = t_J0_d_p01[s*1];
                const sg_real q30 = sg_max(l25, l26);
                const sg_real v31 = l29*((l25 - l26) > 0 ? (1.0) : (0.0))*((q30 - l27) > 0 ? (1.0) : (0.0))*((-l28 + sg_max(q30, l27)) > 0 ? (1.0) : (0.0));
                t_J0_d_A_0_2[s*1] = v31;
                const sg_real q32 = sg_max(l25, l26);
                const sg_real v33 = l29*((l25 - l26) > 0 ? (0.0) : (1.0))*((q32 - l27) > 0 ? (1.0) : (0.0))*((-l28 + sg_max(q32, l27)) > 0 ? (1.0) : (0.0));
                t_J0_d_A_0_3[s*1] = v33;
                const sg_real q34 = sg_max(l25, l26);
                const sg_real v35 = l29*((q34 - l27) > 0 ? (0.0) : (1.0))*((-l28 + sg_max(q34, l27)) > 0 ? (1.0) : (0.0));
                t_J0_d_A_1_2[s*1] = v35;
                const sg_real v36 = l29*((-l28 + sg_max(sg_max(l25, l26), l27)) > 0 ? (0.0) : (1.0));
                t_J0_d_A_1_3[s*1] = v36;
                const sg_real l37 = c_A_0_0[0];
                const sg_real l38 = c_A_0_1[0];
                const sg_real l39 = c_A_1_0[0];
                const sg_real l40 = c_A_1_1[0];
                const sg_real l41 = t_J0_d_p00[s*1];
                const sg_real q42 = sg_max(l37, l38);
                const sg_real v43 = l41*((l37 - l38) > 0 ? (1.0) : (0.0))*((q42 - l39) > 0 ? (1.0) : (0.0))*((-l40 + sg_max(q42, l39)) > 0 ? (1.0) : (0.0));
                t_J0_d_A_0_0[s*1] = v43;
                const sg_real q44 = sg_max(l37, l38);
                const sg_real v45 = l41*((l37 - l38) > 0 ? (0.0) : (1.0))*((q44 - l39) > 0 ? (1.0) : (0.0))*((-l40 + sg_max(q44, l39)) > 0 ? (1.0) : (0.0));
                t_J0_d_A_0_1[s*1] = v45;
                const sg_real q46 = sg_max(l37, l38);
                const sg_real v47 = l41*((q46 - l39) > 0 ? (0.0) : (1.0))*((-l40 + sg_max(q46, l39)) > 0 ? (1.0) : (0.0));
                t_J0_d_A_1_0[s*1] = v47;
                const sg_real v48 = l41*((-l40 + sg_max(sg_max(l37, l38), l39)) > 0 ? (0.0) : (1.0));
                t_J0_d_A_1_1[s*1] = v48;
            }

            /* J0:d[A] = scatter(J0:d[A[3,3]], J0:d[A[3,2]], J0:d[A[2,3]], J0:d[A[2,2]], J0:d[A[3,1]], J0:d[A[3,0]], J0:d[A[2,1]], J0:d[A[2,0]], J0:d[A[1,3]], J0:d[A[1,2]],... */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 16; ++k) t_J0_d_A[s*16 + k] = 0;
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 15] += t_J0_d_A_3_3[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 14] += t_J0_d_A_3_2[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 11] += t_J0_d_A_2_3[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 10] += t_J0_d_A_2_2[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 13] += t_J0_d_A_3_1[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 12] += t_J0_d_A_3_0[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 9] += t_J0_d_A_2_1[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 8] += t_J0_d_A_2_0[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 7] += t_J0_d_A_1_3[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 6] += t_J0_d_A_1_2[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 3] += t_J0_d_A_0_3[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 2] += t_J0_d_A_0_2[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 5] += t_J0_d_A_1_1[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 4] += t_J0_d_A_1_0[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 1] += t_J0_d_A_0_1[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 0] += t_J0_d_A_0_0[s*1 + k];
            }

            for (s = 0; s < nt; ++s) {
                sg_real *restrict jr = jac + ((t0 + s) * 4 + 0 + kk) * 16;
                for (int k = 0; k < 16; ++k) jr[0 + k] = t_J0_d_A[s*16 + k];  /* A */
            }
        }
    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== hessian: 16 HVP sweeps u = e_j, then symmetrised (H + Hᵀ)/2 ==== */
int max_pooling_hessian(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict loss, sg_real *restrict grad, sg_real *restrict H, sg_real *restrict work)
{
    sg_real *restrict u = work + 312;
    int rc = SG_OK;
    for (long j = 0; j < 16; ++j) {
        memset(u, 0, sizeof(sg_real) * 16);
        u[j] = 1;
        rc = max_pooling_hvp(theta, data, n, u, loss, grad, H + j * 16, work);
        if (rc != SG_OK) return rc;
    }
    for (long i = 0; i < 16; ++i)
        for (long j = 0; j < i; ++j) {
            const sg_real v = (sg_real)0.5 * (H[i * 16 + j] + H[j * 16 + i]);
            H[i * 16 + j] = v;
            H[j * 16 + i] = v;
        }
    return rc;
}

#ifdef __cplusplus
}  /* extern "C" */
#endif
