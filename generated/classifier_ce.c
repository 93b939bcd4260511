/* classifier_ce.c: symgrad kernels for model 'classifier_ce' (float64), emitter v3.
   Generated from the assignment graph of classifier_ce.toml; do not edit.
   C99 + libm (also compiles as C++): cc -O3 -std=c99 -c classifier_ce.c   (link with -lm)
   The runtime (GEMM kernels, stable helpers) is symgrad_runtime.h, included from this file's
   directory (`symgrad generate` writes it here; with --single-file it is inlined below).
   Layout: theta = W1[8, 3], b1[8], W2[4, 8], b2[4] (row-major, packed)
           data row = x[3], y[4]
           forward row = yhat[4]
   Batch objective: sum over samples of 'L'. */
#define SG_REAL_BITS 64  /* sg_real = double */
#include "symgrad_runtime.h"
#if !defined(SYMGRAD_RUNTIME_ID) || SYMGRAD_RUNTIME_ID != 0x8eb30123UL
#  error "symgrad_runtime.h is not the one generated with this file: regenerate both together"
#endif
#ifdef __cplusplus
extern "C" {
#endif

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
    case 5: return 256L;
    case 6: return 8L;
    case 7: return 6200L;
    case 8: return 14688L;
    case 9: return 28312L;
    case 10: return 28456L;
    case 11: return 24344L;
    default: return -1L;
    }
}

/* ==== forward: tile of 256 samples, workspace 6200 reals ==== */
int classifier_ce_forward(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 68)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 7)) return SG_EDATA;
    const sg_real *restrict p_W1 = theta + 0;  /* [8, 3] */
    const sg_real *restrict p_b1 = theta + 24;  /* [8] */
    const sg_real *restrict p_W2 = theta + 32;  /* [4, 8] */
    const sg_real *restrict p_b2 = theta + 64;  /* [4] */
    sg_real *restrict t_z1 = work + 0;  /* tile [8] */
    sg_real *restrict t_h1 = work + 2048;  /* tile [8] */
    sg_real *restrict t_z2 = work + 4096;  /* tile [4] */
    sg_real *restrict t_yhat = work + 5120;  /* tile [4] */
    sg_real *restrict c_p_W1_T = work + 6144;  /* work [3, 8] */
    sg_real *restrict c_p_W2_T = work + 6168;  /* work [8, 4] */
    (void)p_W1;
    (void)p_b1;
    (void)p_W2;
    (void)p_b2;
    /* ---- sample-invariant part (once per call) ---- */
    /* p_W1^T (used when n >= 8) */
    if (n >= 8) sg_transpose(8, 3, p_W1, c_p_W1_T);

    /* p_W2^T (used when n >= 8) */
    if (n >= 8) sg_transpose(4, 8, p_W2, c_p_W2_T);

    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 7 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 7 + 3;
        (void)d_y;
        /* z1 = b1 + z1#1  [b1 + matmul(W1, x)]
           tile GEMM: Z[s, 0:8] = p_b1 + d_x[s,:]·p_W1ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 8, 3, d_x, 7, 1, c_p_W1_T, 8, t_z1, 8, p_b1, 0);
        } else
        {
            sg_gemm_dot(nt, 8, 3, p_W1, d_x, 7, t_z1, 8, p_b1, 0);
        }

        /* h1 = ReLU(z1) */
        for (int k = 0; k < nt*8; ++k) {
            const sg_real a0 = t_z1[k];
        t_h1[k] = sg_relu(a0);
        }

        /* z2 = b2 + z2#1  [b2 + matmul(W2, h1)]
           tile GEMM: Z[s, 0:4] = p_b2 + t_h1[s,:]·p_W2ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 4, 8, t_h1, 8, 1, c_p_W2_T, 4, t_z2, 4, p_b2, 0);
        } else
        {
            sg_gemm_dot(nt, 4, 8, p_W2, t_h1, 8, t_z2, 4, p_b2, 0);
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

/* ==== loss_grad: tile of 256 samples, workspace 14688 reals ==== */
int classifier_ce_loss_grad(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 68)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 7)) return SG_EDATA;
    const sg_real *restrict p_W1 = theta + 0;  /* [8, 3] */
    const sg_real *restrict p_b1 = theta + 24;  /* [8] */
    const sg_real *restrict p_W2 = theta + 32;  /* [4, 8] */
    const sg_real *restrict p_b2 = theta + 64;  /* [4] */
    sg_real *restrict c_d_L_3 = work + 0;  /* work [] */
    sg_real *restrict c_d_L_2 = work + 8;  /* work [4] */
    sg_real *restrict t_z1 = work + 16;  /* tile [8] */
    sg_real *restrict t_h1 = work + 2064;  /* tile [8] */
    sg_real *restrict t_z2 = work + 4112;  /* tile [4] */
    sg_real *restrict t_yhat = work + 5136;  /* tile [4] */
    sg_real *restrict t_L_1 = work + 6160;  /* tile [4] */
    sg_real *restrict t_L_2 = work + 7184;  /* tile [4] */
    sg_real *restrict t_d_L_1 = work + 8208;  /* tile [4] */
    sg_real *restrict t_d_yhat_1 = work + 9232;  /* tile [] */
    sg_real *restrict t_d_yhat = work + 9488;  /* tile [4] */
    sg_real *restrict t_d_h1 = work + 10512;  /* tile [8] */
    sg_real *restrict t_d_z1 = work + 12560;  /* tile [8] */
    sg_real *restrict c_p_W1_T = work + 14608;  /* work [3, 8] */
    sg_real *restrict c_p_W2_T = work + 14632;  /* work [8, 4] */
    sg_real *restrict r_L_2 = work + 14664;  /* acc [4] */
    sg_real *restrict r_L_3 = work + 14672;  /* acc [] */
    sg_real *restrict r_L = work + 14680;  /* acc [] */
    sg_real *restrict r_d_yhat = grad + 64;  /* accumulated in place [4] */
    sg_real *restrict r_d_W2 = grad + 32;  /* accumulated in place [4, 8] */
    sg_real *restrict r_d_z1 = grad + 24;  /* accumulated in place [8] */
    sg_real *restrict r_d_W1 = grad + 0;  /* accumulated in place [8, 3] */
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

    /* p_W1^T (used when n >= 8) */
    if (n >= 8) sg_transpose(8, 3, p_W1, c_p_W1_T);

    /* p_W2^T (used when n >= 8) */
    if (n >= 8) sg_transpose(4, 8, p_W2, c_p_W2_T);

    memset(r_L_2, 0, sizeof(sg_real) * 4);
    memset(r_d_yhat, 0, sizeof(sg_real) * 4);
    memset(r_d_z1, 0, sizeof(sg_real) * 8);
    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 7 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 7 + 3;
        (void)d_y;
        /* z1 = b1 + z1#1  [b1 + matmul(W1, x)]
           tile GEMM: Z[s, 0:8] = p_b1 + d_x[s,:]·p_W1ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 8, 3, d_x, 7, 1, c_p_W1_T, 8, t_z1, 8, p_b1, 0);
        } else
        {
            sg_gemm_dot(nt, 8, 3, p_W1, d_x, 7, t_z1, 8, p_b1, 0);
        }

        /* h1 = ReLU(z1) */
        for (int k = 0; k < nt*8; ++k) {
            const sg_real a0 = t_z1[k];
        t_h1[k] = sg_relu(a0);
        }

        /* z2 = b2 + z2#1  [b2 + matmul(W2, h1)]
           tile GEMM: Z[s, 0:4] = p_b2 + t_h1[s,:]·p_W2ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 4, 8, t_h1, 8, 1, c_p_W2_T, 4, t_z2, 4, p_b2, 0);
        } else
        {
            sg_gemm_dot(nt, 4, 8, p_W2, t_h1, 8, t_z2, 4, p_b2, 0);
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

        /* d[h1] = matmul(W2, d[yhat])
           tile GEMM: Z[s, 0:8] = t_d_yhat[s,:]·p_W2 */
        {
            sg_gemm(nt, 8, 4, t_d_yhat, 4, 1, p_W2, 8, t_d_h1, 8, 0, 0);
        }

        /* d[z1] = d[h1]*1[z1 > 0] */
        for (int k = 0; k < nt*8; ++k) {
            const sg_real a0 = t_d_h1[k];
            const sg_real a1 = t_z1[k];
        t_d_z1[k] = a0*((a1) > 0 ? (1.0) : (0.0));
        }

        /* sum L#2 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 4; ++k) r_L_2[k] += t_L_2[s*4 + k];

        /* sum d[yhat] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 4; ++k) r_d_yhat[k] += t_d_yhat[s*4 + k];

        /* sum d[W2] = sum outer(d[yhat], h1)
           tile GEMM: acc (4x8) = [acc +] t_d_yhatᵀ·t_h1 (stored on the first tile) */
        {
            sg_gemm(4, 8, nt, t_d_yhat, 1, 4, t_h1, 8, r_d_W2, 8, 0, t0 > 0);
        }

        /* sum d[z1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 8; ++k) r_d_z1[k] += t_d_z1[s*8 + k];

        /* sum d[W1] = sum outer(d[z1], x)
           tile GEMM: acc (8x3) = [acc +] t_d_z1ᵀ·d_x (stored on the first tile) */
        {
            sg_gemm(8, 3, nt, t_d_z1, 1, 8, d_x, 7, r_d_W1, 3, 0, t0 > 0);
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
    return SG_OK;
}

/* ==== hvp: tile of 256 samples, workspace 28312 reals ==== */
int classifier_ce_hvp(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    sg_real *restrict t_z1 = work + 16;  /* tile [8] */
    sg_real *restrict t_h1 = work + 2064;  /* tile [8] */
    sg_real *restrict t_z2 = work + 4112;  /* tile [4] */
    sg_real *restrict t_yhat = work + 5136;  /* tile [4] */
    sg_real *restrict t_L_1 = work + 6160;  /* tile [4] */
    sg_real *restrict t_L_2 = work + 7184;  /* tile [4] */
    sg_real *restrict t_d_L_1 = work + 8208;  /* tile [4] */
    sg_real *restrict t_d_yhat_1 = work + 9232;  /* tile [] */
    sg_real *restrict t_d_yhat = work + 9488;  /* tile [4] */
    sg_real *restrict t_d_h1 = work + 10512;  /* tile [8] */
    sg_real *restrict t_d_z1 = work + 12560;  /* tile [8] */
    sg_real *restrict t_t_z1 = work + 14608;  /* tile [8] */
    sg_real *restrict t_t_h1 = work + 16656;  /* tile [8] */
    sg_real *restrict t_t_z2 = work + 18704;  /* tile [4] */
    sg_real *restrict t_t_yhat = work + 19728;  /* tile [4] */
    sg_real *restrict t_t_L_1_1 = work + 20752;  /* tile [4] */
    sg_real *restrict t_t_L_1_2 = work + 21776;  /* tile [] */
    sg_real *restrict t_t_L_1 = work + 22032;  /* tile [4] */
    sg_real *restrict t_t_d_yhat = work + 23056;  /* tile [4] */
    sg_real *restrict t_t_d_h1 = work + 24080;  /* tile [8] */
    sg_real *restrict t_t_d_z1 = work + 26128;  /* tile [8] */
    sg_real *restrict c_p_W1_T = work + 28176;  /* work [3, 8] */
    sg_real *restrict c_p_W2_T = work + 28200;  /* work [8, 4] */
    sg_real *restrict c_u_W1_T = work + 28232;  /* work [3, 8] */
    sg_real *restrict c_u_W2_T = work + 28256;  /* work [8, 4] */
    sg_real *restrict r_L_2 = work + 28288;  /* acc [4] */
    sg_real *restrict r_L_3 = work + 28296;  /* acc [] */
    sg_real *restrict r_L = work + 28304;  /* acc [] */
    sg_real *restrict r_d_yhat = grad + 64;  /* accumulated in place [4] */
    sg_real *restrict r_d_W2 = grad + 32;  /* accumulated in place [4, 8] */
    sg_real *restrict r_d_z1 = grad + 24;  /* accumulated in place [8] */
    sg_real *restrict r_d_W1 = grad + 0;  /* accumulated in place [8, 3] */
    sg_real *restrict r_t_d_yhat = hv + 64;  /* accumulated in place [4] */
    sg_real *restrict r_t_d_W2 = hv + 32;  /* accumulated in place [4, 8] */
    sg_real *restrict r_t_d_z1 = hv + 24;  /* accumulated in place [8] */
    sg_real *restrict r_t_d_W1 = hv + 0;  /* accumulated in place [8, 3] */
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

    /* p_W1^T (used when n >= 8) */
    if (n >= 8) sg_transpose(8, 3, p_W1, c_p_W1_T);

    /* p_W2^T (used when n >= 8) */
    if (n >= 8) sg_transpose(4, 8, p_W2, c_p_W2_T);

    /* u_W1^T (used when n >= 8) */
    if (n >= 8) sg_transpose(8, 3, u_W1, c_u_W1_T);

    /* u_W2^T (used when n >= 8) */
    if (n >= 8) sg_transpose(4, 8, u_W2, c_u_W2_T);

    memset(r_L_2, 0, sizeof(sg_real) * 4);
    memset(r_d_yhat, 0, sizeof(sg_real) * 4);
    memset(r_d_z1, 0, sizeof(sg_real) * 8);
    memset(r_t_d_yhat, 0, sizeof(sg_real) * 4);
    memset(r_t_d_z1, 0, sizeof(sg_real) * 8);
    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 7 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 7 + 3;
        (void)d_y;
        /* z1 = b1 + z1#1  [b1 + matmul(W1, x)]
           tile GEMM: Z[s, 0:8] = p_b1 + d_x[s,:]·p_W1ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 8, 3, d_x, 7, 1, c_p_W1_T, 8, t_z1, 8, p_b1, 0);
        } else
        {
            sg_gemm_dot(nt, 8, 3, p_W1, d_x, 7, t_z1, 8, p_b1, 0);
        }

        /* h1 = ReLU(z1) */
        for (int k = 0; k < nt*8; ++k) {
            const sg_real a0 = t_z1[k];
        t_h1[k] = sg_relu(a0);
        }

        /* z2 = b2 + z2#1  [b2 + matmul(W2, h1)]
           tile GEMM: Z[s, 0:4] = p_b2 + t_h1[s,:]·p_W2ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 4, 8, t_h1, 8, 1, c_p_W2_T, 4, t_z2, 4, p_b2, 0);
        } else
        {
            sg_gemm_dot(nt, 4, 8, p_W2, t_h1, 8, t_z2, 4, p_b2, 0);
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

        /* d[h1] = matmul(W2, d[yhat])
           tile GEMM: Z[s, 0:8] = t_d_yhat[s,:]·p_W2 */
        {
            sg_gemm(nt, 8, 4, t_d_yhat, 4, 1, p_W2, 8, t_d_h1, 8, 0, 0);
        }

        /* d[z1] = d[h1]*1[z1 > 0] */
        for (int k = 0; k < nt*8; ++k) {
            const sg_real a0 = t_d_h1[k];
            const sg_real a1 = t_z1[k];
        t_d_z1[k] = a0*((a1) > 0 ? (1.0) : (0.0));
        }

        /* t[z1] = t[z1#1] + u[b1]  [u[b1] + matmul(u[W1], x)]
           tile GEMM: Z[s, 0:8] = u_b1 + d_x[s,:]·u_W1ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 8, 3, d_x, 7, 1, c_u_W1_T, 8, t_t_z1, 8, u_b1, 0);
        } else
        {
            sg_gemm_dot(nt, 8, 3, u_W1, d_x, 7, t_t_z1, 8, u_b1, 0);
        }

        /* t[h1] = t[z1]*1[z1 > 0] */
        for (int k = 0; k < nt*8; ++k) {
            const sg_real a0 = t_t_z1[k];
            const sg_real a1 = t_z1[k];
        t_t_h1[k] = a0*((a1) > 0 ? (1.0) : (0.0));
        }

        /* t[z2] = t[z2#1] + u[b2]  [u[b2] + matmul(u[W2], h1) + matmul(W2, t[h1])]
           tile GEMM: Z[s, 0:4] = u_b2 + t_h1[s,:]·u_W2ᵀ + t_t_h1[s,:]·p_W2ᵀ */
        if (n >= 8) {
            sg_gemm2(nt, 4, 8, t_h1, 8, 1, c_u_W2_T, 4, 8, t_t_h1, 8, 1, c_p_W2_T, 4, t_t_z2, 4, u_b2, 0);
        } else
        {
            sg_gemm_dot(nt, 4, 8, u_W2, t_h1, 8, t_t_z2, 4, u_b2, 0);
            sg_gemm_dot(nt, 4, 8, p_W2, t_t_h1, 8, t_t_z2, 4, 0, 1);
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

        /* t[d[h1]] = t[d[h1]]#1 + t[d[h1]]#2  [matmul(u[W2], d[yhat]) + matmul(W2, t[d[yhat]])]
           tile GEMM: Z[s, 0:8] = t_d_yhat[s,:]·u_W2 + t_t_d_yhat[s,:]·p_W2 */
        {
            sg_gemm2(nt, 8, 4, t_d_yhat, 4, 1, u_W2, 8, 4, t_t_d_yhat, 4, 1, p_W2, 8, t_t_d_h1, 8, 0, 0);
        }

        /* t[d[z1]] = t[d[h1]]*1[z1 > 0] */
        for (int k = 0; k < nt*8; ++k) {
            const sg_real a0 = t_t_d_h1[k];
            const sg_real a1 = t_z1[k];
        t_t_d_z1[k] = a0*((a1) > 0 ? (1.0) : (0.0));
        }

        /* sum L#2 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 4; ++k) r_L_2[k] += t_L_2[s*4 + k];

        /* sum d[yhat] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 4; ++k) r_d_yhat[k] += t_d_yhat[s*4 + k];

        /* sum d[W2] = sum outer(d[yhat], h1)
           tile GEMM: acc (4x8) = [acc +] t_d_yhatᵀ·t_h1 (stored on the first tile) */
        {
            sg_gemm(4, 8, nt, t_d_yhat, 1, 4, t_h1, 8, r_d_W2, 8, 0, t0 > 0);
        }

        /* sum d[z1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 8; ++k) r_d_z1[k] += t_d_z1[s*8 + k];

        /* sum d[W1] = sum outer(d[z1], x)
           tile GEMM: acc (8x3) = [acc +] t_d_z1ᵀ·d_x (stored on the first tile) */
        {
            sg_gemm(8, 3, nt, t_d_z1, 1, 8, d_x, 7, r_d_W1, 3, 0, t0 > 0);
        }

        /* sum t[d[yhat]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 4; ++k) r_t_d_yhat[k] += t_t_d_yhat[s*4 + k];

        /* sum t[d[W2]] = sum outer(t[d[yhat]], h1) + outer(d[yhat], t[h1])
           tile GEMM: acc (4x8) = [acc +] t_t_d_yhatᵀ·t_h1 + t_d_yhatᵀ·t_t_h1 (stored on the first tile) */
        {
            sg_gemm2(4, 8, nt, t_t_d_yhat, 1, 4, t_h1, 8, nt, t_d_yhat, 1, 4, t_t_h1, 8, r_t_d_W2, 8, 0, t0 > 0);
        }

        /* sum t[d[z1]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 8; ++k) r_t_d_z1[k] += t_t_d_z1[s*8 + k];

        /* sum t[d[W1]] = sum outer(t[d[z1]], x)
           tile GEMM: acc (8x3) = [acc +] t_t_d_z1ᵀ·d_x (stored on the first tile) */
        {
            sg_gemm(8, 3, nt, t_t_d_z1, 1, 8, d_x, 7, r_t_d_W1, 3, 0, t0 > 0);
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
    return SG_OK;
}

/* ==== jacobian: tile of 256 samples, workspace 24344 reals ==== */
int classifier_ce_jacobian(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 68)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 7)) return SG_EDATA;
    const sg_real *restrict p_W1 = theta + 0;  /* [8, 3] */
    const sg_real *restrict p_b1 = theta + 24;  /* [8] */
    const sg_real *restrict p_W2 = theta + 32;  /* [4, 8] */
    const sg_real *restrict p_b2 = theta + 64;  /* [4] */
    sg_real *restrict v_yhat = work + 0;  /* tile [4] */
    sg_real *restrict t_z1 = work + 1024;  /* tile [8] */
    sg_real *restrict t_h1 = work + 3072;  /* tile [8] */
    sg_real *restrict t_J0_d_W2 = work + 5120;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_h1 = work + 13312;  /* tile [8] */
    sg_real *restrict t_J0_d_z1 = work + 15360;  /* tile [8] */
    sg_real *restrict t_J0_d_W1 = work + 17408;  /* tile [8, 3] */
    sg_real *restrict t_J0_d_x = work + 23552;  /* tile [3] */
    sg_real *restrict c_p_W1_T = work + 24320;  /* work [3, 8] */
    (void)p_W1;
    (void)p_b1;
    (void)p_W2;
    (void)p_b2;
    memset(jac, 0, sizeof(sg_real) * (size_t)n * 300);
    /* ---- sample-invariant part (once per call) ---- */
    /* p_W1^T (used when n >= 8) */
    if (n >= 8) sg_transpose(8, 3, p_W1, c_p_W1_T);

    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 7 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 7 + 3;
        (void)d_y;
        /* z1 = b1 + z1#1  [b1 + matmul(W1, x)]
           tile GEMM: Z[s, 0:8] = p_b1 + d_x[s,:]·p_W1ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 8, 3, d_x, 7, 1, c_p_W1_T, 8, t_z1, 8, p_b1, 0);
        } else
        {
            sg_gemm_dot(nt, 8, 3, p_W1, d_x, 7, t_z1, 8, p_b1, 0);
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

            /* J0:d[h1] = matmul(W2, v[yhat])
               tile GEMM: Z[s, 0:8] = v_yhat[s,:]·p_W2 */
            {
                sg_gemm(nt, 8, 4, v_yhat, 4, 1, p_W2, 8, t_J0_d_h1, 8, 0, 0);
            }

            /* J0:d[z1] = J0:d[h1]*1[z1 > 0] */
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

            /* J0:d[x] = matmul(W1, J0:d[z1])
               tile GEMM: Z[s, 0:3] = t_J0_d_z1[s,:]·p_W1 */
            {
                sg_gemm(nt, 3, 8, t_J0_d_z1, 8, 1, p_W1, 3, t_J0_d_x, 3, 0, 0);
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
    sg_real *restrict u = work + 28312;
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

#ifdef __cplusplus
}  /* extern "C" */
#endif
