/* two_moons.c: symgrad kernels for model 'two_moons' (float64), emitter v3.
   Generated from the assignment graph of two_moons.toml; do not edit.
   C99 + libm (also compiles as C++): cc -O3 -std=c99 -c two_moons.c   (link with -lm)
   The runtime (GEMM kernels, stable helpers) is symgrad_runtime.h, included from this file's
   directory (`symgrad generate` writes it here; with --single-file it is inlined below).
   Layout: theta = W1[16, 2], b1[16], W2[2, 16], b2[2] (row-major, packed)
           data row = x[2], y[2]
           forward row = yhat[2]
   Batch objective: mean over samples of 'L'. */
#define SG_REAL_BITS 64  /* sg_real = double */
#include "symgrad_runtime.h"
#if !defined(SYMGRAD_RUNTIME_ID) || SYMGRAD_RUNTIME_ID != 0x8eb30123UL
#  error "symgrad_runtime.h is not the one generated with this file: regenerate both together"
#endif
#ifdef __cplusplus
extern "C" {
#endif

#define TWO_MOONS_N_PARAMS 82
#define TWO_MOONS_DATA_WIDTH 4
#define TWO_MOONS_OUT_WIDTH 2
#define TWO_MOONS_INFO_N_PARAMS 0
#define TWO_MOONS_INFO_DATA_WIDTH 1
#define TWO_MOONS_INFO_OUT_WIDTH 2
#define TWO_MOONS_INFO_JAC_ROWS 3
#define TWO_MOONS_INFO_JAC_COLS 4
#define TWO_MOONS_INFO_TILE 5
#define TWO_MOONS_INFO_DTYPE_BYTES 6
#define TWO_MOONS_INFO_WORK_FORWARD 7
#define TWO_MOONS_INFO_WORK_LOSS_GRAD 8
#define TWO_MOONS_INFO_WORK_HVP 9
#define TWO_MOONS_INFO_WORK_HESSIAN 10
#define TWO_MOONS_INFO_WORK_JACOBIAN 11

long two_moons_info(int what)
{
    switch (what) {
    case 0: return 82L;
    case 1: return 4L;
    case 2: return 2L;
    case 3: return 2L;
    case 4: return 86L;
    case 5: return 256L;
    case 6: return 8L;
    case 7: return 9280L;
    case 8: return 19816L;
    case 9: return 39080L;
    case 10: return 39252L;
    case 11: return 33824L;
    default: return -1L;
    }
}

/* ==== forward: tile of 256 samples, workspace 9280 reals ==== */
int two_moons_forward(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 82)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 4)) return SG_EDATA;
    const sg_real *restrict p_W1 = theta + 0;  /* [16, 2] */
    const sg_real *restrict p_b1 = theta + 32;  /* [16] */
    const sg_real *restrict p_W2 = theta + 48;  /* [2, 16] */
    const sg_real *restrict p_b2 = theta + 80;  /* [2] */
    sg_real *restrict t_z1 = work + 0;  /* tile [16] */
    sg_real *restrict t_h1 = work + 4096;  /* tile [16] */
    sg_real *restrict t_z2 = work + 8192;  /* tile [2] */
    sg_real *restrict t_yhat = work + 8704;  /* tile [2] */
    sg_real *restrict c_p_W1_T = work + 9216;  /* work [2, 16] */
    sg_real *restrict c_p_W2_T = work + 9248;  /* work [16, 2] */
    (void)p_W1;
    (void)p_b1;
    (void)p_W2;
    (void)p_b2;
    /* ---- sample-invariant part (once per call) ---- */
    /* p_W1^T (used when n >= 8) */
    if (n >= 8) sg_transpose(16, 2, p_W1, c_p_W1_T);

    /* p_W2^T (used when n >= 8) */
    if (n >= 8) sg_transpose(2, 16, p_W2, c_p_W2_T);

    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 4 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 4 + 2;
        (void)d_y;
        /* z1 = b1 + z1#1  [b1 + matmul(W1, x)]
           tile GEMM: Z[s, 0:16] = p_b1 + d_x[s,:]·p_W1ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 16, 2, d_x, 4, 1, c_p_W1_T, 16, t_z1, 16, p_b1, 0);
        } else
        {
            sg_gemm_dot(nt, 16, 2, p_W1, d_x, 4, t_z1, 16, p_b1, 0);
        }

        /* h1 = tanh(z1) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z1[k];
        t_h1[k] = tanh(a0);
        }

        /* z2 = b2 + z2#1  [b2 + matmul(W2, h1)]
           tile GEMM: Z[s, 0:2] = p_b2 + t_h1[s,:]·p_W2ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 2, 16, t_h1, 16, 1, c_p_W2_T, 2, t_z2, 2, p_b2, 0);
        } else
        {
            sg_gemm_dot(nt, 2, 16, p_W2, t_h1, 16, t_z2, 2, p_b2, 0);
        }

        /* yhat = z2 */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_z2[k];
        t_yhat[k] = a0;
        }

        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) out[(t0 + s)*2 + 0 + k] = t_yhat[s*2 + k];

    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== loss_grad: tile of 256 samples, workspace 19816 reals ==== */
int two_moons_loss_grad(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 82)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 4)) return SG_EDATA;
    const sg_real *restrict p_W1 = theta + 0;  /* [16, 2] */
    const sg_real *restrict p_b1 = theta + 32;  /* [16] */
    const sg_real *restrict p_W2 = theta + 48;  /* [2, 16] */
    const sg_real *restrict p_b2 = theta + 80;  /* [2] */
    sg_real *restrict c_d_L_3 = work + 0;  /* work [] */
    sg_real *restrict c_d_L_2 = work + 8;  /* work [2] */
    sg_real *restrict t_z1 = work + 16;  /* tile [16] */
    sg_real *restrict t_h1 = work + 4112;  /* tile [16] */
    sg_real *restrict t_z2 = work + 8208;  /* tile [2] */
    sg_real *restrict t_yhat = work + 8720;  /* tile [2] */
    sg_real *restrict t_L_1 = work + 9232;  /* tile [2] */
    sg_real *restrict t_L_2 = work + 9744;  /* tile [2] */
    sg_real *restrict t_d_L_1 = work + 10256;  /* tile [2] */
    sg_real *restrict t_d_yhat_1 = work + 10768;  /* tile [] */
    sg_real *restrict t_d_yhat = work + 11024;  /* tile [2] */
    sg_real *restrict t_d_h1 = work + 11536;  /* tile [16] */
    sg_real *restrict t_d_z1 = work + 15632;  /* tile [16] */
    sg_real *restrict c_p_W1_T = work + 19728;  /* work [2, 16] */
    sg_real *restrict c_p_W2_T = work + 19760;  /* work [16, 2] */
    sg_real *restrict r_L_2 = work + 19792;  /* acc [2] */
    sg_real *restrict r_L_3 = work + 19800;  /* acc [] */
    sg_real *restrict r_L = work + 19808;  /* acc [] */
    sg_real *restrict r_d_yhat = grad + 80;  /* accumulated in place [2] */
    sg_real *restrict r_d_W2 = grad + 48;  /* accumulated in place [2, 16] */
    sg_real *restrict r_d_z1 = grad + 32;  /* accumulated in place [16] */
    sg_real *restrict r_d_W1 = grad + 0;  /* accumulated in place [16, 2] */
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
    for (int k = 0; k < 2; ++k) {
        const sg_real a0 = c_d_L_3[0];
    c_d_L_2[k] = a0;
    }

    /* p_W1^T (used when n >= 8) */
    if (n >= 8) sg_transpose(16, 2, p_W1, c_p_W1_T);

    /* p_W2^T (used when n >= 8) */
    if (n >= 8) sg_transpose(2, 16, p_W2, c_p_W2_T);

    memset(r_L_2, 0, sizeof(sg_real) * 2);
    memset(r_d_yhat, 0, sizeof(sg_real) * 2);
    memset(r_d_z1, 0, sizeof(sg_real) * 16);
    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 4 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 4 + 2;
        (void)d_y;
        /* z1 = b1 + z1#1  [b1 + matmul(W1, x)]
           tile GEMM: Z[s, 0:16] = p_b1 + d_x[s,:]·p_W1ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 16, 2, d_x, 4, 1, c_p_W1_T, 16, t_z1, 16, p_b1, 0);
        } else
        {
            sg_gemm_dot(nt, 16, 2, p_W1, d_x, 4, t_z1, 16, p_b1, 0);
        }

        /* h1 = tanh(z1) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z1[k];
        t_h1[k] = tanh(a0);
        }

        /* z2 = b2 + z2#1  [b2 + matmul(W2, h1)]
           tile GEMM: Z[s, 0:2] = p_b2 + t_h1[s,:]·p_W2ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 2, 16, t_h1, 16, 1, c_p_W2_T, 2, t_z2, 2, p_b2, 0);
        } else
        {
            sg_gemm_dot(nt, 2, 16, p_W2, t_h1, 16, t_z2, 2, p_b2, 0);
        }

        /* yhat = z2 */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_z2[k];
        t_yhat[k] = a0;
        }

        /* L#1 = log_softmax(yhat) (max subtracted) */
        for (s = 0; s < nt; ++s) {
        { sg_real mx = t_yhat[s*2], se = 0;
        for (int k = 1; k < 2; ++k) mx = t_yhat[s*2 + k] > mx ? t_yhat[s*2 + k] : mx;
        for (int k = 0; k < 2; ++k) se += exp(t_yhat[s*2 + k] - mx);
          const sg_real lse = mx + log(se);
          for (int k = 0; k < 2; ++k) t_L_1[s*2 + k] = t_yhat[s*2 + k] - lse; }
        }

        /* L#2 = L#1*y */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = t_L_1[s*2 + k];
            const sg_real a1 = d_y[s*4 + k];
        t_L_2[s*2 + k] = a0*a1;
        }
        }

        /* d[L#1] = d[L#2]*y */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = c_d_L_2[k];
            const sg_real a1 = d_y[s*4 + k];
        t_d_L_1[s*2 + k] = a0*a1;
        }
        }

        /* d[yhat]#1 = sum(d[L#1]) */
        for (s = 0; s < nt; ++s) {
        { sg_real acc = 0;
          for (int k = 0; k < 2; ++k) acc += t_d_L_1[s*2 + k];
          t_d_yhat_1[s*1] = acc; }
        }

        /* d[yhat] = d[L#1] - d[yhat]#1*exp(L#1) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = t_L_1[s*2 + k];
            const sg_real a1 = t_d_L_1[s*2 + k];
            const sg_real a2 = t_d_yhat_1[s*1];
        t_d_yhat[s*2 + k] = a1 - a2*exp(a0);
        }
        }

        /* d[h1] = matmul(W2, d[yhat])
           tile GEMM: Z[s, 0:16] = t_d_yhat[s,:]·p_W2 */
        {
            sg_gemm(nt, 16, 2, t_d_yhat, 2, 1, p_W2, 16, t_d_h1, 16, 0, 0);
        }

        /* d[z1] = d[h1]*(1 - h1**2) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_h1[k];
            const sg_real a1 = t_h1[k];
        t_d_z1[k] = a0*(1.0 - (a1*a1));
        }

        /* sum L#2 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_L_2[k] += t_L_2[s*2 + k];

        /* sum d[yhat] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_d_yhat[k] += t_d_yhat[s*2 + k];

        /* sum d[W2] = sum outer(d[yhat], h1)
           tile GEMM: acc (2x16) = [acc +] t_d_yhatᵀ·t_h1 (stored on the first tile) */
        {
            sg_gemm(2, 16, nt, t_d_yhat, 1, 2, t_h1, 16, r_d_W2, 16, 0, t0 > 0);
        }

        /* sum d[z1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 16; ++k) r_d_z1[k] += t_d_z1[s*16 + k];

        /* sum d[W1] = sum outer(d[z1], x)
           tile GEMM: acc (16x2) = [acc +] t_d_z1ᵀ·d_x (stored on the first tile) */
        {
            sg_gemm(16, 2, nt, t_d_z1, 1, 16, d_x, 4, r_d_W1, 2, 0, t0 > 0);
        }

    }
    /* ---- after the tiles ---- */
    /* L#3 = sum(L#2) */
    { sg_real acc = 0;
      for (int k = 0; k < 2; ++k) acc += r_L_2[k];
      r_L_3[0] = acc; }

    /* L = -L#3 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = r_L_3[k];
    r_L[k] = -a0;
    }

    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (r_L[0]);
    if (scale != 1) {
        for (int k = 0; k < 32; ++k) r_d_W1[k] *= scale;  /* grad: W1 */
        for (int k = 0; k < 16; ++k) r_d_z1[k] *= scale;  /* grad: b1 */
        for (int k = 0; k < 32; ++k) r_d_W2[k] *= scale;  /* grad: W2 */
        for (int k = 0; k < 2; ++k) r_d_yhat[k] *= scale;  /* grad: b2 */
    }
    return SG_OK;
}

/* ==== hvp: tile of 256 samples, workspace 39080 reals ==== */
int two_moons_hvp(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 82)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 4)) return SG_EDATA;
    if (!sg_all_finite(dir, 82)) return SG_EDIR;
    const sg_real *restrict p_W1 = theta + 0;  /* [16, 2] */
    const sg_real *restrict p_b1 = theta + 32;  /* [16] */
    const sg_real *restrict p_W2 = theta + 48;  /* [2, 16] */
    const sg_real *restrict p_b2 = theta + 80;  /* [2] */
    const sg_real *restrict u_W1 = dir + 0;
    const sg_real *restrict u_b1 = dir + 32;
    const sg_real *restrict u_W2 = dir + 48;
    const sg_real *restrict u_b2 = dir + 80;
    sg_real *restrict c_d_L_3 = work + 0;  /* work [] */
    sg_real *restrict c_d_L_2 = work + 8;  /* work [2] */
    sg_real *restrict t_z1 = work + 16;  /* tile [16] */
    sg_real *restrict t_h1 = work + 4112;  /* tile [16] */
    sg_real *restrict t_z2 = work + 8208;  /* tile [2] */
    sg_real *restrict t_yhat = work + 8720;  /* tile [2] */
    sg_real *restrict t_L_1 = work + 9232;  /* tile [2] */
    sg_real *restrict t_L_2 = work + 9744;  /* tile [2] */
    sg_real *restrict t_d_L_1 = work + 10256;  /* tile [2] */
    sg_real *restrict t_d_yhat_1 = work + 10768;  /* tile [] */
    sg_real *restrict t_d_yhat = work + 11024;  /* tile [2] */
    sg_real *restrict t_d_h1 = work + 11536;  /* tile [16] */
    sg_real *restrict t_d_z1 = work + 15632;  /* tile [16] */
    sg_real *restrict t_t_z1 = work + 19728;  /* tile [16] */
    sg_real *restrict t_t_h1 = work + 23824;  /* tile [16] */
    sg_real *restrict t_t_z2 = work + 27920;  /* tile [2] */
    sg_real *restrict t_t_yhat = work + 28432;  /* tile [2] */
    sg_real *restrict t_t_L_1_1 = work + 28944;  /* tile [2] */
    sg_real *restrict t_t_L_1_2 = work + 29456;  /* tile [] */
    sg_real *restrict t_t_L_1 = work + 29712;  /* tile [2] */
    sg_real *restrict t_t_d_yhat = work + 30224;  /* tile [2] */
    sg_real *restrict t_t_d_h1 = work + 30736;  /* tile [16] */
    sg_real *restrict t_t_d_z1 = work + 34832;  /* tile [16] */
    sg_real *restrict c_p_W1_T = work + 38928;  /* work [2, 16] */
    sg_real *restrict c_p_W2_T = work + 38960;  /* work [16, 2] */
    sg_real *restrict c_u_W1_T = work + 38992;  /* work [2, 16] */
    sg_real *restrict c_u_W2_T = work + 39024;  /* work [16, 2] */
    sg_real *restrict r_L_2 = work + 39056;  /* acc [2] */
    sg_real *restrict r_L_3 = work + 39064;  /* acc [] */
    sg_real *restrict r_L = work + 39072;  /* acc [] */
    sg_real *restrict r_d_yhat = grad + 80;  /* accumulated in place [2] */
    sg_real *restrict r_d_W2 = grad + 48;  /* accumulated in place [2, 16] */
    sg_real *restrict r_d_z1 = grad + 32;  /* accumulated in place [16] */
    sg_real *restrict r_d_W1 = grad + 0;  /* accumulated in place [16, 2] */
    sg_real *restrict r_t_d_yhat = hv + 80;  /* accumulated in place [2] */
    sg_real *restrict r_t_d_W2 = hv + 48;  /* accumulated in place [2, 16] */
    sg_real *restrict r_t_d_z1 = hv + 32;  /* accumulated in place [16] */
    sg_real *restrict r_t_d_W1 = hv + 0;  /* accumulated in place [16, 2] */
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
    for (int k = 0; k < 2; ++k) {
        const sg_real a0 = c_d_L_3[0];
    c_d_L_2[k] = a0;
    }

    /* p_W1^T (used when n >= 8) */
    if (n >= 8) sg_transpose(16, 2, p_W1, c_p_W1_T);

    /* p_W2^T (used when n >= 8) */
    if (n >= 8) sg_transpose(2, 16, p_W2, c_p_W2_T);

    /* u_W1^T (used when n >= 8) */
    if (n >= 8) sg_transpose(16, 2, u_W1, c_u_W1_T);

    /* u_W2^T (used when n >= 8) */
    if (n >= 8) sg_transpose(2, 16, u_W2, c_u_W2_T);

    memset(r_L_2, 0, sizeof(sg_real) * 2);
    memset(r_d_yhat, 0, sizeof(sg_real) * 2);
    memset(r_d_z1, 0, sizeof(sg_real) * 16);
    memset(r_t_d_yhat, 0, sizeof(sg_real) * 2);
    memset(r_t_d_z1, 0, sizeof(sg_real) * 16);
    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 4 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 4 + 2;
        (void)d_y;
        /* z1 = b1 + z1#1  [b1 + matmul(W1, x)]
           tile GEMM: Z[s, 0:16] = p_b1 + d_x[s,:]·p_W1ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 16, 2, d_x, 4, 1, c_p_W1_T, 16, t_z1, 16, p_b1, 0);
        } else
        {
            sg_gemm_dot(nt, 16, 2, p_W1, d_x, 4, t_z1, 16, p_b1, 0);
        }

        /* h1 = tanh(z1) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z1[k];
        t_h1[k] = tanh(a0);
        }

        /* z2 = b2 + z2#1  [b2 + matmul(W2, h1)]
           tile GEMM: Z[s, 0:2] = p_b2 + t_h1[s,:]·p_W2ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 2, 16, t_h1, 16, 1, c_p_W2_T, 2, t_z2, 2, p_b2, 0);
        } else
        {
            sg_gemm_dot(nt, 2, 16, p_W2, t_h1, 16, t_z2, 2, p_b2, 0);
        }

        /* yhat = z2 */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_z2[k];
        t_yhat[k] = a0;
        }

        /* L#1 = log_softmax(yhat) (max subtracted) */
        for (s = 0; s < nt; ++s) {
        { sg_real mx = t_yhat[s*2], se = 0;
        for (int k = 1; k < 2; ++k) mx = t_yhat[s*2 + k] > mx ? t_yhat[s*2 + k] : mx;
        for (int k = 0; k < 2; ++k) se += exp(t_yhat[s*2 + k] - mx);
          const sg_real lse = mx + log(se);
          for (int k = 0; k < 2; ++k) t_L_1[s*2 + k] = t_yhat[s*2 + k] - lse; }
        }

        /* L#2 = L#1*y */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = t_L_1[s*2 + k];
            const sg_real a1 = d_y[s*4 + k];
        t_L_2[s*2 + k] = a0*a1;
        }
        }

        /* d[L#1] = d[L#2]*y */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = c_d_L_2[k];
            const sg_real a1 = d_y[s*4 + k];
        t_d_L_1[s*2 + k] = a0*a1;
        }
        }

        /* d[yhat]#1 = sum(d[L#1]) */
        for (s = 0; s < nt; ++s) {
        { sg_real acc = 0;
          for (int k = 0; k < 2; ++k) acc += t_d_L_1[s*2 + k];
          t_d_yhat_1[s*1] = acc; }
        }

        /* d[yhat] = d[L#1] - d[yhat]#1*exp(L#1) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = t_L_1[s*2 + k];
            const sg_real a1 = t_d_L_1[s*2 + k];
            const sg_real a2 = t_d_yhat_1[s*1];
        t_d_yhat[s*2 + k] = a1 - a2*exp(a0);
        }
        }

        /* d[h1] = matmul(W2, d[yhat])
           tile GEMM: Z[s, 0:16] = t_d_yhat[s,:]·p_W2 */
        {
            sg_gemm(nt, 16, 2, t_d_yhat, 2, 1, p_W2, 16, t_d_h1, 16, 0, 0);
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
            sg_gemm(nt, 16, 2, d_x, 4, 1, c_u_W1_T, 16, t_t_z1, 16, u_b1, 0);
        } else
        {
            sg_gemm_dot(nt, 16, 2, u_W1, d_x, 4, t_t_z1, 16, u_b1, 0);
        }

        /* t[h1] = t[z1]*(1 - h1**2) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_h1[k];
            const sg_real a1 = t_t_z1[k];
        t_t_h1[k] = a1*(1.0 - (a0*a0));
        }

        /* t[z2] = t[z2#1] + u[b2]  [u[b2] + matmul(u[W2], h1) + matmul(W2, t[h1])]
           tile GEMM: Z[s, 0:2] = u_b2 + t_h1[s,:]·u_W2ᵀ + t_t_h1[s,:]·p_W2ᵀ */
        if (n >= 8) {
            sg_gemm2(nt, 2, 16, t_h1, 16, 1, c_u_W2_T, 2, 16, t_t_h1, 16, 1, c_p_W2_T, 2, t_t_z2, 2, u_b2, 0);
        } else
        {
            sg_gemm_dot(nt, 2, 16, u_W2, t_h1, 16, t_t_z2, 2, u_b2, 0);
            sg_gemm_dot(nt, 2, 16, p_W2, t_t_h1, 16, t_t_z2, 2, 0, 1);
        }

        /* t[yhat] = t[z2] */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_t_z2[k];
        t_t_yhat[k] = a0;
        }

        /* t[L#1]#1 = t[yhat]*exp(L#1) */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_L_1[k];
            const sg_real a1 = t_t_yhat[k];
        t_t_L_1_1[k] = a1*exp(a0);
        }

        /* t[L#1]#2 = sum(t[L#1]#1) */
        for (s = 0; s < nt; ++s) {
        { sg_real acc = 0;
          for (int k = 0; k < 2; ++k) acc += t_t_L_1_1[s*2 + k];
          t_t_L_1_2[s*1] = acc; }
        }

        /* t[L#1] = -t[L#1]#2 + t[yhat] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = t_t_L_1_2[s*1];
            const sg_real a1 = t_t_yhat[s*2 + k];
        t_t_L_1[s*2 + k] = -a0 + a1;
        }
        }

        /* t[d[yhat]] = -d[yhat]#1*t[L#1]*exp(L#1) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = t_L_1[s*2 + k];
            const sg_real a1 = t_d_yhat_1[s*1];
            const sg_real a2 = t_t_L_1[s*2 + k];
        t_t_d_yhat[s*2 + k] = -a1*a2*exp(a0);
        }
        }

        /* t[d[h1]] = t[d[h1]]#1 + t[d[h1]]#2  [matmul(u[W2], d[yhat]) + matmul(W2, t[d[yhat]])]
           tile GEMM: Z[s, 0:16] = t_d_yhat[s,:]·u_W2 + t_t_d_yhat[s,:]·p_W2 */
        {
            sg_gemm2(nt, 16, 2, t_d_yhat, 2, 1, u_W2, 16, 2, t_t_d_yhat, 2, 1, p_W2, 16, t_t_d_h1, 16, 0, 0);
        }

        /* t[d[z1]] = -2*d[h1]*h1*t[h1] + t[d[h1]]*(1 - h1**2) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_h1[k];
            const sg_real a1 = t_h1[k];
            const sg_real a2 = t_t_d_h1[k];
            const sg_real a3 = t_t_h1[k];
        t_t_d_z1[k] = -2.0*a0*a1*a3 + a2*(1.0 - (a1*a1));
        }

        /* sum L#2 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_L_2[k] += t_L_2[s*2 + k];

        /* sum d[yhat] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_d_yhat[k] += t_d_yhat[s*2 + k];

        /* sum d[W2] = sum outer(d[yhat], h1)
           tile GEMM: acc (2x16) = [acc +] t_d_yhatᵀ·t_h1 (stored on the first tile) */
        {
            sg_gemm(2, 16, nt, t_d_yhat, 1, 2, t_h1, 16, r_d_W2, 16, 0, t0 > 0);
        }

        /* sum d[z1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 16; ++k) r_d_z1[k] += t_d_z1[s*16 + k];

        /* sum d[W1] = sum outer(d[z1], x)
           tile GEMM: acc (16x2) = [acc +] t_d_z1ᵀ·d_x (stored on the first tile) */
        {
            sg_gemm(16, 2, nt, t_d_z1, 1, 16, d_x, 4, r_d_W1, 2, 0, t0 > 0);
        }

        /* sum t[d[yhat]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_t_d_yhat[k] += t_t_d_yhat[s*2 + k];

        /* sum t[d[W2]] = sum outer(t[d[yhat]], h1) + outer(d[yhat], t[h1])
           tile GEMM: acc (2x16) = [acc +] t_t_d_yhatᵀ·t_h1 + t_d_yhatᵀ·t_t_h1 (stored on the first tile) */
        {
            sg_gemm2(2, 16, nt, t_t_d_yhat, 1, 2, t_h1, 16, nt, t_d_yhat, 1, 2, t_t_h1, 16, r_t_d_W2, 16, 0, t0 > 0);
        }

        /* sum t[d[z1]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 16; ++k) r_t_d_z1[k] += t_t_d_z1[s*16 + k];

        /* sum t[d[W1]] = sum outer(t[d[z1]], x)
           tile GEMM: acc (16x2) = [acc +] t_t_d_z1ᵀ·d_x (stored on the first tile) */
        {
            sg_gemm(16, 2, nt, t_t_d_z1, 1, 16, d_x, 4, r_t_d_W1, 2, 0, t0 > 0);
        }

    }
    /* ---- after the tiles ---- */
    /* L#3 = sum(L#2) */
    { sg_real acc = 0;
      for (int k = 0; k < 2; ++k) acc += r_L_2[k];
      r_L_3[0] = acc; }

    /* L = -L#3 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = r_L_3[k];
    r_L[k] = -a0;
    }

    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (r_L[0]);
    if (scale != 1) {
        for (int k = 0; k < 32; ++k) r_d_W1[k] *= scale;  /* grad: W1 */
        for (int k = 0; k < 16; ++k) r_d_z1[k] *= scale;  /* grad: b1 */
        for (int k = 0; k < 32; ++k) r_d_W2[k] *= scale;  /* grad: W2 */
        for (int k = 0; k < 2; ++k) r_d_yhat[k] *= scale;  /* grad: b2 */
        for (int k = 0; k < 32; ++k) r_t_d_W1[k] *= scale;  /* hv: W1 */
        for (int k = 0; k < 16; ++k) r_t_d_z1[k] *= scale;  /* hv: b1 */
        for (int k = 0; k < 32; ++k) r_t_d_W2[k] *= scale;  /* hv: W2 */
        for (int k = 0; k < 2; ++k) r_t_d_yhat[k] *= scale;  /* hv: b2 */
    }
    return SG_OK;
}

/* ==== jacobian: tile of 256 samples, workspace 33824 reals ==== */
int two_moons_jacobian(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 82)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 4)) return SG_EDATA;
    const sg_real *restrict p_W1 = theta + 0;  /* [16, 2] */
    const sg_real *restrict p_b1 = theta + 32;  /* [16] */
    const sg_real *restrict p_W2 = theta + 48;  /* [2, 16] */
    const sg_real *restrict p_b2 = theta + 80;  /* [2] */
    sg_real *restrict v_yhat = work + 0;  /* tile [2] */
    sg_real *restrict t_z1 = work + 512;  /* tile [16] */
    sg_real *restrict t_h1 = work + 4608;  /* tile [16] */
    sg_real *restrict t_J0_d_W2 = work + 8704;  /* tile [2, 16] */
    sg_real *restrict t_J0_d_h1 = work + 16896;  /* tile [16] */
    sg_real *restrict t_J0_d_z1 = work + 20992;  /* tile [16] */
    sg_real *restrict t_J0_d_W1 = work + 25088;  /* tile [16, 2] */
    sg_real *restrict t_J0_d_x = work + 33280;  /* tile [2] */
    sg_real *restrict c_p_W1_T = work + 33792;  /* work [2, 16] */
    (void)p_W1;
    (void)p_b1;
    (void)p_W2;
    (void)p_b2;
    memset(jac, 0, sizeof(sg_real) * (size_t)n * 172);
    /* ---- sample-invariant part (once per call) ---- */
    /* p_W1^T (used when n >= 8) */
    if (n >= 8) sg_transpose(16, 2, p_W1, c_p_W1_T);

    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 4 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 4 + 2;
        (void)d_y;
        /* z1 = b1 + z1#1  [b1 + matmul(W1, x)]
           tile GEMM: Z[s, 0:16] = p_b1 + d_x[s,:]·p_W1ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 16, 2, d_x, 4, 1, c_p_W1_T, 16, t_z1, 16, p_b1, 0);
        } else
        {
            sg_gemm_dot(nt, 16, 2, p_W1, d_x, 4, t_z1, 16, p_b1, 0);
        }

        /* h1 = tanh(z1) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z1[k];
        t_h1[k] = tanh(a0);
        }

        /* Jacobian rows of yhat: one reverse sweep per output element */
        for (int kk = 0; kk < 2; ++kk) {
            for (s = 0; s < nt; ++s)
                for (int k = 0; k < 2; ++k) v_yhat[s*2 + k] = (k == kk);
            /* J0:d[W2] = outer(v[yhat], h1) */
            for (s = 0; s < nt; ++s) {
            for (int mi = 0; mi < 2; ++mi) {
                const sg_real av = v_yhat[s*2 + mi];
                for (int mj = 0; mj < 16; ++mj) t_J0_d_W2[s*32 + mi*16 + mj] = av * t_h1[s*16 + mj];
            }
            }

            /* J0:d[h1] = matmul(W2, v[yhat])
               tile GEMM: Z[s, 0:16] = v_yhat[s,:]·p_W2 */
            {
                sg_gemm(nt, 16, 2, v_yhat, 2, 1, p_W2, 16, t_J0_d_h1, 16, 0, 0);
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
                for (int mj = 0; mj < 2; ++mj) t_J0_d_W1[s*32 + mi*2 + mj] = av * d_x[s*4 + mj];
            }
            }

            /* J0:d[x] = matmul(W1, J0:d[z1])
               tile GEMM: Z[s, 0:2] = t_J0_d_z1[s,:]·p_W1 */
            {
                sg_gemm(nt, 2, 16, t_J0_d_z1, 16, 1, p_W1, 2, t_J0_d_x, 2, 0, 0);
            }

            for (s = 0; s < nt; ++s) {
                sg_real *restrict jr = jac + ((t0 + s) * 2 + 0 + kk) * 86;
                for (int k = 0; k < 2; ++k) jr[0 + k] = t_J0_d_x[s*2 + k];  /* x */
                for (int k = 0; k < 32; ++k) jr[4 + k] = t_J0_d_W1[s*32 + k];  /* W1 */
                for (int k = 0; k < 16; ++k) jr[36 + k] = t_J0_d_z1[s*16 + k];  /* b1 */
                for (int k = 0; k < 32; ++k) jr[52 + k] = t_J0_d_W2[s*32 + k];  /* W2 */
                for (int k = 0; k < 2; ++k) jr[84 + k] = v_yhat[s*2 + k];  /* b2 */
            }
        }
    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== hessian: 82 HVP sweeps u = e_j, then symmetrised (H + Hᵀ)/2 ==== */
int two_moons_hessian(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict loss, sg_real *restrict grad, sg_real *restrict H, sg_real *restrict work)
{
    sg_real *restrict u = work + 39080;
    int rc = SG_OK;
    for (long j = 0; j < 82; ++j) {
        memset(u, 0, sizeof(sg_real) * 82);
        u[j] = 1;
        rc = two_moons_hvp(theta, data, n, u, loss, grad, H + j * 82, work);
        if (rc != SG_OK) return rc;
    }
    for (long i = 0; i < 82; ++i)
        for (long j = 0; j < i; ++j) {
            const sg_real v = (sg_real)0.5 * (H[i * 82 + j] + H[j * 82 + i]);
            H[i * 82 + j] = v;
            H[j * 82 + i] = v;
        }
    return rc;
}

#ifdef __cplusplus
}  /* extern "C" */
#endif
