/* mlp_tanh.c: symgrad kernels for model 'mlp_tanh' (float64), emitter v3.
   Generated from the assignment graph of mlp_tanh.toml; do not edit.
   C99 + libm (also compiles as C++): cc -O3 -std=c99 -c mlp_tanh.c   (link with -lm)
   The runtime (GEMM kernels, stable helpers) is symgrad_runtime.h, included from this file's
   directory (`symgrad generate` writes it here; with --single-file it is inlined below).
   Layout: theta = W1[16, 4], b1[16], W2[16, 16], b2[16], W3[2, 16], b3[2] (row-major, packed)
           data row = x[4], y[2]
           forward row = yhat[2]
   Batch objective: mean over samples of 'L' + 'R' once. */
#define SG_REAL_BITS 64  /* sg_real = double */
#include "symgrad_runtime.h"
#if !defined(SYMGRAD_RUNTIME_ID) || SYMGRAD_RUNTIME_ID != 0x8eb30123UL
#  error "symgrad_runtime.h is not the one generated with this file: regenerate both together"
#endif
#ifdef __cplusplus
extern "C" {
#endif

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
    case 5: return 256L;
    case 6: return 8L;
    case 7: return 17760L;
    case 8: return 36672L;
    case 9: return 72032L;
    case 10: return 72812L;
    case 11: return 124736L;
    default: return -1L;
    }
}

/* ==== forward: tile of 256 samples, workspace 17760 reals ==== */
int mlp_tanh_forward(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 386)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 6)) return SG_EDATA;
    const sg_real *restrict p_W1 = theta + 0;  /* [16, 4] */
    const sg_real *restrict p_b1 = theta + 64;  /* [16] */
    const sg_real *restrict p_W2 = theta + 80;  /* [16, 16] */
    const sg_real *restrict p_b2 = theta + 336;  /* [16] */
    const sg_real *restrict p_W3 = theta + 352;  /* [2, 16] */
    const sg_real *restrict p_b3 = theta + 384;  /* [2] */
    sg_real *restrict t_z1 = work + 0;  /* tile [16] */
    sg_real *restrict t_h1 = work + 4096;  /* tile [16] */
    sg_real *restrict t_z2 = work + 8192;  /* tile [16] */
    sg_real *restrict t_h2 = work + 12288;  /* tile [16] */
    sg_real *restrict t_z3 = work + 16384;  /* tile [2] */
    sg_real *restrict t_yhat = work + 16896;  /* tile [2] */
    sg_real *restrict c_p_W1_T = work + 17408;  /* work [4, 16] */
    sg_real *restrict c_p_W2_T = work + 17472;  /* work [16, 16] */
    sg_real *restrict c_p_W3_T = work + 17728;  /* work [16, 2] */
    (void)p_W1;
    (void)p_b1;
    (void)p_W2;
    (void)p_b2;
    (void)p_W3;
    (void)p_b3;
    /* ---- sample-invariant part (once per call) ---- */
    /* p_W1^T (used when n >= 8) */
    if (n >= 8) sg_transpose(16, 4, p_W1, c_p_W1_T);

    /* p_W2^T (used when n >= 8) */
    if (n >= 8) sg_transpose(16, 16, p_W2, c_p_W2_T);

    /* p_W3^T (used when n >= 8) */
    if (n >= 8) sg_transpose(2, 16, p_W3, c_p_W3_T);

    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 6 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 6 + 4;
        (void)d_y;
        /* z1 = b1 + z1#1  [b1 + matmul(W1, x)]
           tile GEMM: Z[s, 0:16] = p_b1 + d_x[s,:]·p_W1ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 16, 4, d_x, 6, 1, c_p_W1_T, 16, t_z1, 16, p_b1, 0);
        } else
        {
            sg_gemm_dot(nt, 16, 4, p_W1, d_x, 6, t_z1, 16, p_b1, 0);
        }

        /* h1 = tanh(z1) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z1[k];
        t_h1[k] = tanh(a0);
        }

        /* z2 = b2 + z2#1  [b2 + matmul(W2, h1)]
           tile GEMM: Z[s, 0:16] = p_b2 + t_h1[s,:]·p_W2ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 16, 16, t_h1, 16, 1, c_p_W2_T, 16, t_z2, 16, p_b2, 0);
        } else
        {
            sg_gemm_dot(nt, 16, 16, p_W2, t_h1, 16, t_z2, 16, p_b2, 0);
        }

        /* h2 = tanh(z2) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z2[k];
        t_h2[k] = tanh(a0);
        }

        /* z3 = b3 + z3#1  [b3 + matmul(W3, h2)]
           tile GEMM: Z[s, 0:2] = p_b3 + t_h2[s,:]·p_W3ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 2, 16, t_h2, 16, 1, c_p_W3_T, 2, t_z3, 2, p_b3, 0);
        } else
        {
            sg_gemm_dot(nt, 2, 16, p_W3, t_h2, 16, t_z3, 2, p_b3, 0);
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

/* ==== loss_grad: tile of 256 samples, workspace 36672 reals ==== */
int mlp_tanh_loss_grad(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    sg_real *restrict t_z1 = work + 1128;  /* tile [16] */
    sg_real *restrict t_h1 = work + 5224;  /* tile [16] */
    sg_real *restrict t_z2 = work + 9320;  /* tile [16] */
    sg_real *restrict t_h2 = work + 13416;  /* tile [16] */
    sg_real *restrict t_z3 = work + 17512;  /* tile [2] */
    sg_real *restrict t_yhat = work + 18024;  /* tile [2] */
    sg_real *restrict t_L_1 = work + 18536;  /* tile [2] */
    sg_real *restrict t_d_yhat = work + 19048;  /* tile [2] */
    sg_real *restrict t_d_h2 = work + 19560;  /* tile [16] */
    sg_real *restrict t_d_z2 = work + 23656;  /* tile [16] */
    sg_real *restrict t_d_h1 = work + 27752;  /* tile [16] */
    sg_real *restrict t_d_z1 = work + 31848;  /* tile [16] */
    sg_real *restrict c_p_W1_T = work + 35944;  /* work [4, 16] */
    sg_real *restrict c_p_W2_T = work + 36008;  /* work [16, 16] */
    sg_real *restrict c_p_W3_T = work + 36264;  /* work [16, 2] */
    sg_real *restrict r_L_1 = work + 36296;  /* acc [2] */
    sg_real *restrict r_L_2 = work + 36304;  /* acc [] */
    sg_real *restrict r_L = work + 36312;  /* acc [] */
    sg_real *restrict r_d_yhat = grad + 384;  /* accumulated in place [2] */
    sg_real *restrict r_d_W3 = work + 36320;  /* acc [2, 16] */
    sg_real *restrict r_d_z2 = grad + 336;  /* accumulated in place [16] */
    sg_real *restrict r_d_W2 = work + 36352;  /* acc [16, 16] */
    sg_real *restrict r_d_z1 = grad + 64;  /* accumulated in place [16] */
    sg_real *restrict r_d_W1 = work + 36608;  /* acc [16, 4] */
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
    oc_R[k] = ((1.0/2000.0))*a0 + ((1.0/2000.0))*a1 + ((1.0/2000.0))*a2;
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

    /* p_W1^T (used when n >= 8) */
    if (n >= 8) sg_transpose(16, 4, p_W1, c_p_W1_T);

    /* p_W2^T (used when n >= 8) */
    if (n >= 8) sg_transpose(16, 16, p_W2, c_p_W2_T);

    /* p_W3^T (used when n >= 8) */
    if (n >= 8) sg_transpose(2, 16, p_W3, c_p_W3_T);

    memset(r_L_1, 0, sizeof(sg_real) * 2);
    memset(r_d_yhat, 0, sizeof(sg_real) * 2);
    memset(r_d_z2, 0, sizeof(sg_real) * 16);
    memset(r_d_z1, 0, sizeof(sg_real) * 16);
    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 6 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 6 + 4;
        (void)d_y;
        /* z1 = b1 + z1#1  [b1 + matmul(W1, x)]
           tile GEMM: Z[s, 0:16] = p_b1 + d_x[s,:]·p_W1ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 16, 4, d_x, 6, 1, c_p_W1_T, 16, t_z1, 16, p_b1, 0);
        } else
        {
            sg_gemm_dot(nt, 16, 4, p_W1, d_x, 6, t_z1, 16, p_b1, 0);
        }

        /* h1 = tanh(z1) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z1[k];
        t_h1[k] = tanh(a0);
        }

        /* z2 = b2 + z2#1  [b2 + matmul(W2, h1)]
           tile GEMM: Z[s, 0:16] = p_b2 + t_h1[s,:]·p_W2ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 16, 16, t_h1, 16, 1, c_p_W2_T, 16, t_z2, 16, p_b2, 0);
        } else
        {
            sg_gemm_dot(nt, 16, 16, p_W2, t_h1, 16, t_z2, 16, p_b2, 0);
        }

        /* h2 = tanh(z2) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z2[k];
        t_h2[k] = tanh(a0);
        }

        /* z3 = b3 + z3#1  [b3 + matmul(W3, h2)]
           tile GEMM: Z[s, 0:2] = p_b3 + t_h2[s,:]·p_W3ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 2, 16, t_h2, 16, 1, c_p_W3_T, 2, t_z3, 2, p_b3, 0);
        } else
        {
            sg_gemm_dot(nt, 2, 16, p_W3, t_h2, 16, t_z3, 2, p_b3, 0);
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

        /* d[h2] = matmul(W3, d[yhat])
           tile GEMM: Z[s, 0:16] = t_d_yhat[s,:]·p_W3 */
        {
            sg_gemm(nt, 16, 2, t_d_yhat, 2, 1, p_W3, 16, t_d_h2, 16, 0, 0);
        }

        /* d[z2] = d[h2]*(1 - h2**2) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_h2[k];
            const sg_real a1 = t_h2[k];
        t_d_z2[k] = a0*(1.0 - (a1*a1));
        }

        /* d[h1] = matmul(W2, d[z2])
           tile GEMM: Z[s, 0:16] = t_d_z2[s,:]·p_W2 */
        {
            sg_gemm(nt, 16, 16, t_d_z2, 16, 1, p_W2, 16, t_d_h1, 16, 0, 0);
        }

        /* d[z1] = d[h1]*(1 - h1**2) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_h1[k];
            const sg_real a1 = t_h1[k];
        t_d_z1[k] = a0*(1.0 - (a1*a1));
        }

        /* sum L#1 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_L_1[k] += t_L_1[s*2 + k];

        /* sum d[yhat] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_d_yhat[k] += t_d_yhat[s*2 + k];

        /* sum d[W3] = sum outer(d[yhat], h2)
           tile GEMM: acc (2x16) = [acc +] t_d_yhatᵀ·t_h2 (stored on the first tile) */
        {
            sg_gemm(2, 16, nt, t_d_yhat, 1, 2, t_h2, 16, r_d_W3, 16, 0, t0 > 0);
        }

        /* sum d[z2] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 16; ++k) r_d_z2[k] += t_d_z2[s*16 + k];

        /* sum d[W2] = sum outer(d[z2], h1)
           tile GEMM: acc (16x16) = [acc +] t_d_z2ᵀ·t_h1 (stored on the first tile) */
        {
            sg_gemm(16, 16, nt, t_d_z2, 1, 16, t_h1, 16, r_d_W2, 16, 0, t0 > 0);
        }

        /* sum d[z1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 16; ++k) r_d_z1[k] += t_d_z1[s*16 + k];

        /* sum d[W1] = sum outer(d[z1], x)
           tile GEMM: acc (16x4) = [acc +] t_d_z1ᵀ·d_x (stored on the first tile) */
        {
            sg_gemm(16, 4, nt, t_d_z1, 1, 16, d_x, 6, r_d_W1, 4, 0, t0 > 0);
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
    if (scale != 1) {
        for (int k = 0; k < 16; ++k) r_d_z1[k] *= scale;  /* grad: b1 */
        for (int k = 0; k < 16; ++k) r_d_z2[k] *= scale;  /* grad: b2 */
        for (int k = 0; k < 2; ++k) r_d_yhat[k] *= scale;  /* grad: b3 */
    }
    for (int k = 0; k < 64; ++k) grad[0 + k] = scale * (r_d_W1[k]) + oc_d_W1[k];  /* W1 */
    for (int k = 0; k < 256; ++k) grad[80 + k] = scale * (r_d_W2[k]) + oc_d_W2[k];  /* W2 */
    for (int k = 0; k < 32; ++k) grad[352 + k] = scale * (r_d_W3[k]) + oc_d_W3[k];  /* W3 */
    return SG_OK;
}

/* ==== hvp: tile of 256 samples, workspace 72032 reals ==== */
int mlp_tanh_hvp(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    sg_real *restrict t_z1 = work + 1480;  /* tile [16] */
    sg_real *restrict t_h1 = work + 5576;  /* tile [16] */
    sg_real *restrict t_z2 = work + 9672;  /* tile [16] */
    sg_real *restrict t_h2 = work + 13768;  /* tile [16] */
    sg_real *restrict t_z3 = work + 17864;  /* tile [2] */
    sg_real *restrict t_yhat = work + 18376;  /* tile [2] */
    sg_real *restrict t_L_1 = work + 18888;  /* tile [2] */
    sg_real *restrict t_d_yhat = work + 19400;  /* tile [2] */
    sg_real *restrict t_d_h2 = work + 19912;  /* tile [16] */
    sg_real *restrict t_d_z2 = work + 24008;  /* tile [16] */
    sg_real *restrict t_d_h1 = work + 28104;  /* tile [16] */
    sg_real *restrict t_d_z1 = work + 32200;  /* tile [16] */
    sg_real *restrict t_t_z1 = work + 36296;  /* tile [16] */
    sg_real *restrict t_t_h1 = work + 40392;  /* tile [16] */
    sg_real *restrict t_t_z2 = work + 44488;  /* tile [16] */
    sg_real *restrict t_t_h2 = work + 48584;  /* tile [16] */
    sg_real *restrict t_t_z3 = work + 52680;  /* tile [2] */
    sg_real *restrict t_t_yhat = work + 53192;  /* tile [2] */
    sg_real *restrict t_t_d_yhat = work + 53704;  /* tile [2] */
    sg_real *restrict t_t_d_h2 = work + 54216;  /* tile [16] */
    sg_real *restrict t_t_d_z2 = work + 58312;  /* tile [16] */
    sg_real *restrict t_t_d_h1 = work + 62408;  /* tile [16] */
    sg_real *restrict t_t_d_z1 = work + 66504;  /* tile [16] */
    sg_real *restrict c_p_W1_T = work + 70600;  /* work [4, 16] */
    sg_real *restrict c_p_W2_T = work + 70664;  /* work [16, 16] */
    sg_real *restrict c_p_W3_T = work + 70920;  /* work [16, 2] */
    sg_real *restrict c_u_W1_T = work + 70952;  /* work [4, 16] */
    sg_real *restrict c_u_W2_T = work + 71016;  /* work [16, 16] */
    sg_real *restrict c_u_W3_T = work + 71272;  /* work [16, 2] */
    sg_real *restrict r_L_1 = work + 71304;  /* acc [2] */
    sg_real *restrict r_L_2 = work + 71312;  /* acc [] */
    sg_real *restrict r_L = work + 71320;  /* acc [] */
    sg_real *restrict r_d_yhat = grad + 384;  /* accumulated in place [2] */
    sg_real *restrict r_d_W3 = work + 71328;  /* acc [2, 16] */
    sg_real *restrict r_d_z2 = grad + 336;  /* accumulated in place [16] */
    sg_real *restrict r_d_W2 = work + 71360;  /* acc [16, 16] */
    sg_real *restrict r_d_z1 = grad + 64;  /* accumulated in place [16] */
    sg_real *restrict r_d_W1 = work + 71616;  /* acc [16, 4] */
    sg_real *restrict r_t_d_yhat = hv + 384;  /* accumulated in place [2] */
    sg_real *restrict r_t_d_W3 = work + 71680;  /* acc [2, 16] */
    sg_real *restrict r_t_d_z2 = hv + 336;  /* accumulated in place [16] */
    sg_real *restrict r_t_d_W2 = work + 71712;  /* acc [16, 16] */
    sg_real *restrict r_t_d_z1 = hv + 64;  /* accumulated in place [16] */
    sg_real *restrict r_t_d_W1 = work + 71968;  /* acc [16, 4] */
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
    oc_R[k] = ((1.0/2000.0))*a0 + ((1.0/2000.0))*a1 + ((1.0/2000.0))*a2;
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

    /* p_W1^T (used when n >= 8) */
    if (n >= 8) sg_transpose(16, 4, p_W1, c_p_W1_T);

    /* p_W2^T (used when n >= 8) */
    if (n >= 8) sg_transpose(16, 16, p_W2, c_p_W2_T);

    /* p_W3^T (used when n >= 8) */
    if (n >= 8) sg_transpose(2, 16, p_W3, c_p_W3_T);

    /* u_W1^T (used when n >= 8) */
    if (n >= 8) sg_transpose(16, 4, u_W1, c_u_W1_T);

    /* u_W2^T (used when n >= 8) */
    if (n >= 8) sg_transpose(16, 16, u_W2, c_u_W2_T);

    /* u_W3^T (used when n >= 8) */
    if (n >= 8) sg_transpose(2, 16, u_W3, c_u_W3_T);

    memset(r_L_1, 0, sizeof(sg_real) * 2);
    memset(r_d_yhat, 0, sizeof(sg_real) * 2);
    memset(r_d_z2, 0, sizeof(sg_real) * 16);
    memset(r_d_z1, 0, sizeof(sg_real) * 16);
    memset(r_t_d_yhat, 0, sizeof(sg_real) * 2);
    memset(r_t_d_z2, 0, sizeof(sg_real) * 16);
    memset(r_t_d_z1, 0, sizeof(sg_real) * 16);
    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 6 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 6 + 4;
        (void)d_y;
        /* z1 = b1 + z1#1  [b1 + matmul(W1, x)]
           tile GEMM: Z[s, 0:16] = p_b1 + d_x[s,:]·p_W1ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 16, 4, d_x, 6, 1, c_p_W1_T, 16, t_z1, 16, p_b1, 0);
        } else
        {
            sg_gemm_dot(nt, 16, 4, p_W1, d_x, 6, t_z1, 16, p_b1, 0);
        }

        /* h1 = tanh(z1) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z1[k];
        t_h1[k] = tanh(a0);
        }

        /* z2 = b2 + z2#1  [b2 + matmul(W2, h1)]
           tile GEMM: Z[s, 0:16] = p_b2 + t_h1[s,:]·p_W2ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 16, 16, t_h1, 16, 1, c_p_W2_T, 16, t_z2, 16, p_b2, 0);
        } else
        {
            sg_gemm_dot(nt, 16, 16, p_W2, t_h1, 16, t_z2, 16, p_b2, 0);
        }

        /* h2 = tanh(z2) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z2[k];
        t_h2[k] = tanh(a0);
        }

        /* z3 = b3 + z3#1  [b3 + matmul(W3, h2)]
           tile GEMM: Z[s, 0:2] = p_b3 + t_h2[s,:]·p_W3ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 2, 16, t_h2, 16, 1, c_p_W3_T, 2, t_z3, 2, p_b3, 0);
        } else
        {
            sg_gemm_dot(nt, 2, 16, p_W3, t_h2, 16, t_z3, 2, p_b3, 0);
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

        /* d[h2] = matmul(W3, d[yhat])
           tile GEMM: Z[s, 0:16] = t_d_yhat[s,:]·p_W3 */
        {
            sg_gemm(nt, 16, 2, t_d_yhat, 2, 1, p_W3, 16, t_d_h2, 16, 0, 0);
        }

        /* d[z2] = d[h2]*(1 - h2**2) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_h2[k];
            const sg_real a1 = t_h2[k];
        t_d_z2[k] = a0*(1.0 - (a1*a1));
        }

        /* d[h1] = matmul(W2, d[z2])
           tile GEMM: Z[s, 0:16] = t_d_z2[s,:]·p_W2 */
        {
            sg_gemm(nt, 16, 16, t_d_z2, 16, 1, p_W2, 16, t_d_h1, 16, 0, 0);
        }

        /* d[z1] = d[h1]*(1 - h1**2) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_h1[k];
            const sg_real a1 = t_h1[k];
        t_d_z1[k] = a0*(1.0 - (a1*a1));
        }

        /* t[z1] = t[z1#1] + u[b1]  [u[b1] + matmul(u[W1], x)]
           tile GEMM: Z[s, 0:16] = u_b1 + d_x[s,:]·u_W1ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 16, 4, d_x, 6, 1, c_u_W1_T, 16, t_t_z1, 16, u_b1, 0);
        } else
        {
            sg_gemm_dot(nt, 16, 4, u_W1, d_x, 6, t_t_z1, 16, u_b1, 0);
        }

        /* t[h1] = t[z1]*(1 - h1**2) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_h1[k];
            const sg_real a1 = t_t_z1[k];
        t_t_h1[k] = a1*(1.0 - (a0*a0));
        }

        /* t[z2] = t[z2#1] + u[b2]  [u[b2] + matmul(u[W2], h1) + matmul(W2, t[h1])]
           tile GEMM: Z[s, 0:16] = u_b2 + t_h1[s,:]·u_W2ᵀ + t_t_h1[s,:]·p_W2ᵀ */
        if (n >= 8) {
            sg_gemm2(nt, 16, 16, t_h1, 16, 1, c_u_W2_T, 16, 16, t_t_h1, 16, 1, c_p_W2_T, 16, t_t_z2, 16, u_b2, 0);
        } else
        {
            sg_gemm_dot(nt, 16, 16, u_W2, t_h1, 16, t_t_z2, 16, u_b2, 0);
            sg_gemm_dot(nt, 16, 16, p_W2, t_t_h1, 16, t_t_z2, 16, 0, 1);
        }

        /* t[h2] = t[z2]*(1 - h2**2) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_h2[k];
            const sg_real a1 = t_t_z2[k];
        t_t_h2[k] = a1*(1.0 - (a0*a0));
        }

        /* t[z3] = t[z3#1] + u[b3]  [u[b3] + matmul(u[W3], h2) + matmul(W3, t[h2])]
           tile GEMM: Z[s, 0:2] = u_b3 + t_h2[s,:]·u_W3ᵀ + t_t_h2[s,:]·p_W3ᵀ */
        if (n >= 8) {
            sg_gemm2(nt, 2, 16, t_h2, 16, 1, c_u_W3_T, 2, 16, t_t_h2, 16, 1, c_p_W3_T, 2, t_t_z3, 2, u_b3, 0);
        } else
        {
            sg_gemm_dot(nt, 2, 16, u_W3, t_h2, 16, t_t_z3, 2, u_b3, 0);
            sg_gemm_dot(nt, 2, 16, p_W3, t_t_h2, 16, t_t_z3, 2, 0, 1);
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

        /* t[d[h2]] = t[d[h2]]#1 + t[d[h2]]#2  [matmul(u[W3], d[yhat]) + matmul(W3, t[d[yhat]])]
           tile GEMM: Z[s, 0:16] = t_d_yhat[s,:]·u_W3 + t_t_d_yhat[s,:]·p_W3 */
        {
            sg_gemm2(nt, 16, 2, t_d_yhat, 2, 1, u_W3, 16, 2, t_t_d_yhat, 2, 1, p_W3, 16, t_t_d_h2, 16, 0, 0);
        }

        /* t[d[z2]] = -2*d[h2]*h2*t[h2] + t[d[h2]]*(1 - h2**2) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_h2[k];
            const sg_real a1 = t_h2[k];
            const sg_real a2 = t_t_d_h2[k];
            const sg_real a3 = t_t_h2[k];
        t_t_d_z2[k] = -2.0*a0*a1*a3 + a2*(1.0 - (a1*a1));
        }

        /* t[d[h1]] = t[d[h1]]#1 + t[d[h1]]#2  [matmul(u[W2], d[z2]) + matmul(W2, t[d[z2]])]
           tile GEMM: Z[s, 0:16] = t_d_z2[s,:]·u_W2 + t_t_d_z2[s,:]·p_W2 */
        {
            sg_gemm2(nt, 16, 16, t_d_z2, 16, 1, u_W2, 16, 16, t_t_d_z2, 16, 1, p_W2, 16, t_t_d_h1, 16, 0, 0);
        }

        /* t[d[z1]] = -2*d[h1]*h1*t[h1] + t[d[h1]]*(1 - h1**2) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_h1[k];
            const sg_real a1 = t_h1[k];
            const sg_real a2 = t_t_d_h1[k];
            const sg_real a3 = t_t_h1[k];
        t_t_d_z1[k] = -2.0*a0*a1*a3 + a2*(1.0 - (a1*a1));
        }

        /* sum L#1 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_L_1[k] += t_L_1[s*2 + k];

        /* sum d[yhat] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_d_yhat[k] += t_d_yhat[s*2 + k];

        /* sum d[W3] = sum outer(d[yhat], h2)
           tile GEMM: acc (2x16) = [acc +] t_d_yhatᵀ·t_h2 (stored on the first tile) */
        {
            sg_gemm(2, 16, nt, t_d_yhat, 1, 2, t_h2, 16, r_d_W3, 16, 0, t0 > 0);
        }

        /* sum d[z2] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 16; ++k) r_d_z2[k] += t_d_z2[s*16 + k];

        /* sum d[W2] = sum outer(d[z2], h1)
           tile GEMM: acc (16x16) = [acc +] t_d_z2ᵀ·t_h1 (stored on the first tile) */
        {
            sg_gemm(16, 16, nt, t_d_z2, 1, 16, t_h1, 16, r_d_W2, 16, 0, t0 > 0);
        }

        /* sum d[z1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 16; ++k) r_d_z1[k] += t_d_z1[s*16 + k];

        /* sum d[W1] = sum outer(d[z1], x)
           tile GEMM: acc (16x4) = [acc +] t_d_z1ᵀ·d_x (stored on the first tile) */
        {
            sg_gemm(16, 4, nt, t_d_z1, 1, 16, d_x, 6, r_d_W1, 4, 0, t0 > 0);
        }

        /* sum t[d[yhat]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_t_d_yhat[k] += t_t_d_yhat[s*2 + k];

        /* sum t[d[W3]] = sum outer(t[d[yhat]], h2) + outer(d[yhat], t[h2])
           tile GEMM: acc (2x16) = [acc +] t_t_d_yhatᵀ·t_h2 + t_d_yhatᵀ·t_t_h2 (stored on the first tile) */
        {
            sg_gemm2(2, 16, nt, t_t_d_yhat, 1, 2, t_h2, 16, nt, t_d_yhat, 1, 2, t_t_h2, 16, r_t_d_W3, 16, 0, t0 > 0);
        }

        /* sum t[d[z2]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 16; ++k) r_t_d_z2[k] += t_t_d_z2[s*16 + k];

        /* sum t[d[W2]] = sum outer(t[d[z2]], h1) + outer(d[z2], t[h1])
           tile GEMM: acc (16x16) = [acc +] t_t_d_z2ᵀ·t_h1 + t_d_z2ᵀ·t_t_h1 (stored on the first tile) */
        {
            sg_gemm2(16, 16, nt, t_t_d_z2, 1, 16, t_h1, 16, nt, t_d_z2, 1, 16, t_t_h1, 16, r_t_d_W2, 16, 0, t0 > 0);
        }

        /* sum t[d[z1]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 16; ++k) r_t_d_z1[k] += t_t_d_z1[s*16 + k];

        /* sum t[d[W1]] = sum outer(t[d[z1]], x)
           tile GEMM: acc (16x4) = [acc +] t_t_d_z1ᵀ·d_x (stored on the first tile) */
        {
            sg_gemm(16, 4, nt, t_t_d_z1, 1, 16, d_x, 6, r_t_d_W1, 4, 0, t0 > 0);
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
    if (scale != 1) {
        for (int k = 0; k < 16; ++k) r_d_z1[k] *= scale;  /* grad: b1 */
        for (int k = 0; k < 16; ++k) r_d_z2[k] *= scale;  /* grad: b2 */
        for (int k = 0; k < 2; ++k) r_d_yhat[k] *= scale;  /* grad: b3 */
        for (int k = 0; k < 16; ++k) r_t_d_z1[k] *= scale;  /* hv: b1 */
        for (int k = 0; k < 16; ++k) r_t_d_z2[k] *= scale;  /* hv: b2 */
        for (int k = 0; k < 2; ++k) r_t_d_yhat[k] *= scale;  /* hv: b3 */
    }
    for (int k = 0; k < 64; ++k) grad[0 + k] = scale * (r_d_W1[k]) + oc_d_W1[k];  /* W1 */
    for (int k = 0; k < 256; ++k) grad[80 + k] = scale * (r_d_W2[k]) + oc_d_W2[k];  /* W2 */
    for (int k = 0; k < 32; ++k) grad[352 + k] = scale * (r_d_W3[k]) + oc_d_W3[k];  /* W3 */
    for (int k = 0; k < 64; ++k) hv[0 + k] = scale * (r_t_d_W1[k]) + oc_t_d_W1[k];  /* W1 */
    for (int k = 0; k < 256; ++k) hv[80 + k] = scale * (r_t_d_W2[k]) + oc_t_d_W2[k];  /* W2 */
    for (int k = 0; k < 32; ++k) hv[352 + k] = scale * (r_t_d_W3[k]) + oc_t_d_W3[k];  /* W3 */
    return SG_OK;
}

/* ==== jacobian: tile of 256 samples, workspace 124736 reals ==== */
int mlp_tanh_jacobian(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 386)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 6)) return SG_EDATA;
    const sg_real *restrict p_W1 = theta + 0;  /* [16, 4] */
    const sg_real *restrict p_b1 = theta + 64;  /* [16] */
    const sg_real *restrict p_W2 = theta + 80;  /* [16, 16] */
    const sg_real *restrict p_b2 = theta + 336;  /* [16] */
    const sg_real *restrict p_W3 = theta + 352;  /* [2, 16] */
    const sg_real *restrict p_b3 = theta + 384;  /* [2] */
    sg_real *restrict v_yhat = work + 0;  /* tile [2] */
    sg_real *restrict t_z1 = work + 512;  /* tile [16] */
    sg_real *restrict t_h1 = work + 4608;  /* tile [16] */
    sg_real *restrict t_z2 = work + 8704;  /* tile [16] */
    sg_real *restrict t_h2 = work + 12800;  /* tile [16] */
    sg_real *restrict t_J0_d_W3 = work + 16896;  /* tile [2, 16] */
    sg_real *restrict t_J0_d_h2 = work + 25088;  /* tile [16] */
    sg_real *restrict t_J0_d_z2 = work + 29184;  /* tile [16] */
    sg_real *restrict t_J0_d_W2 = work + 33280;  /* tile [16, 16] */
    sg_real *restrict t_J0_d_h1 = work + 98816;  /* tile [16] */
    sg_real *restrict t_J0_d_z1 = work + 102912;  /* tile [16] */
    sg_real *restrict t_J0_d_W1 = work + 107008;  /* tile [16, 4] */
    sg_real *restrict t_J0_d_x = work + 123392;  /* tile [4] */
    sg_real *restrict c_p_W1_T = work + 124416;  /* work [4, 16] */
    sg_real *restrict c_p_W2_T = work + 124480;  /* work [16, 16] */
    (void)p_W1;
    (void)p_b1;
    (void)p_W2;
    (void)p_b2;
    (void)p_W3;
    (void)p_b3;
    memset(jac, 0, sizeof(sg_real) * (size_t)n * 784);
    /* ---- sample-invariant part (once per call) ---- */
    /* p_W1^T (used when n >= 8) */
    if (n >= 8) sg_transpose(16, 4, p_W1, c_p_W1_T);

    /* p_W2^T (used when n >= 8) */
    if (n >= 8) sg_transpose(16, 16, p_W2, c_p_W2_T);

    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 6 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 6 + 4;
        (void)d_y;
        /* z1 = b1 + z1#1  [b1 + matmul(W1, x)]
           tile GEMM: Z[s, 0:16] = p_b1 + d_x[s,:]·p_W1ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 16, 4, d_x, 6, 1, c_p_W1_T, 16, t_z1, 16, p_b1, 0);
        } else
        {
            sg_gemm_dot(nt, 16, 4, p_W1, d_x, 6, t_z1, 16, p_b1, 0);
        }

        /* h1 = tanh(z1) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z1[k];
        t_h1[k] = tanh(a0);
        }

        /* z2 = b2 + z2#1  [b2 + matmul(W2, h1)]
           tile GEMM: Z[s, 0:16] = p_b2 + t_h1[s,:]·p_W2ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 16, 16, t_h1, 16, 1, c_p_W2_T, 16, t_z2, 16, p_b2, 0);
        } else
        {
            sg_gemm_dot(nt, 16, 16, p_W2, t_h1, 16, t_z2, 16, p_b2, 0);
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

            /* J0:d[h2] = matmul(W3, v[yhat])
               tile GEMM: Z[s, 0:16] = v_yhat[s,:]·p_W3 */
            {
                sg_gemm(nt, 16, 2, v_yhat, 2, 1, p_W3, 16, t_J0_d_h2, 16, 0, 0);
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

            /* J0:d[h1] = matmul(W2, J0:d[z2])
               tile GEMM: Z[s, 0:16] = t_J0_d_z2[s,:]·p_W2 */
            {
                sg_gemm(nt, 16, 16, t_J0_d_z2, 16, 1, p_W2, 16, t_J0_d_h1, 16, 0, 0);
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

            /* J0:d[x] = matmul(W1, J0:d[z1])
               tile GEMM: Z[s, 0:4] = t_J0_d_z1[s,:]·p_W1 */
            {
                sg_gemm(nt, 4, 16, t_J0_d_z1, 16, 1, p_W1, 4, t_J0_d_x, 4, 0, 0);
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
    sg_real *restrict u = work + 72032;
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

#ifdef __cplusplus
}  /* extern "C" */
#endif
