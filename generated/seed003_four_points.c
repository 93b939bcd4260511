/* seed003_four_points.c: symgrad kernels for model 'seed003_four_points' (float64), emitter v3.
   Generated from the assignment graph of seed003_four_points.toml; do not edit.
   C99 + libm (also compiles as C++): cc -O3 -std=c99 -c seed003_four_points.c   (link with -lm)
   The runtime (GEMM kernels, stable helpers) is symgrad_runtime.h, included from this file's
   directory (`symgrad generate` writes it here; with --single-file it is inlined below).
   Layout: theta = w[2] (row-major, packed)
           data row = x[2], y[]
           forward row = e[]
   Batch objective: sum over samples of 'e'. */
#define SG_REAL_BITS 64  /* sg_real = double */
#include "symgrad_runtime.h"
#if !defined(SYMGRAD_RUNTIME_ID) || SYMGRAD_RUNTIME_ID != 0x8eb30123UL
#  error "symgrad_runtime.h is not the one generated with this file: regenerate both together"
#endif
#ifdef __cplusplus
extern "C" {
#endif

#define SEED003_FOUR_POINTS_N_PARAMS 2
#define SEED003_FOUR_POINTS_DATA_WIDTH 3
#define SEED003_FOUR_POINTS_OUT_WIDTH 1
#define SEED003_FOUR_POINTS_INFO_N_PARAMS 0
#define SEED003_FOUR_POINTS_INFO_DATA_WIDTH 1
#define SEED003_FOUR_POINTS_INFO_OUT_WIDTH 2
#define SEED003_FOUR_POINTS_INFO_JAC_ROWS 3
#define SEED003_FOUR_POINTS_INFO_JAC_COLS 4
#define SEED003_FOUR_POINTS_INFO_TILE 5
#define SEED003_FOUR_POINTS_INFO_DTYPE_BYTES 6
#define SEED003_FOUR_POINTS_INFO_WORK_FORWARD 7
#define SEED003_FOUR_POINTS_INFO_WORK_LOSS_GRAD 8
#define SEED003_FOUR_POINTS_INFO_WORK_HVP 9
#define SEED003_FOUR_POINTS_INFO_WORK_HESSIAN 10
#define SEED003_FOUR_POINTS_INFO_WORK_JACOBIAN 11

long seed003_four_points_info(int what)
{
    switch (what) {
    case 0: return 2L;
    case 1: return 3L;
    case 2: return 1L;
    case 3: return 1L;
    case 4: return 5L;
    case 5: return 256L;
    case 6: return 8L;
    case 7: return 512L;
    case 8: return 1032L;
    case 9: return 2568L;
    case 10: return 2580L;
    case 11: return 2304L;
    default: return -1L;
    }
}

/* ==== forward: tile of 256 samples, workspace 512 reals ==== */
int seed003_four_points_forward(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(data, n * 3)) return SG_EDATA;
    const sg_real *restrict p_w = theta + 0;  /* [2] */
    sg_real *restrict t_yhat_1 = work + 0;  /* tile [] */
    sg_real *restrict t_e = work + 256;  /* tile [] */
    (void)p_w;
    /* ---- sample-invariant part (once per call) ---- */
    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 3 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 3 + 2;
        (void)d_y;
        /* yhat#1 = matmul(w, x)  [1x2]·[2x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 1; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 2; ++mk) acc += p_w[mk] * d_x[s*3 + mk];
                t_yhat_1[s*1 + mi + mj] = acc;
            }
        }
        }

        /* yhat ... e (scalar run) */
        for (s = 0; s < nt; ++s) {
            const sg_real l1 = t_yhat_1[s*1];
            const sg_real v2 = sg_sigmoid(l1);
            const sg_real l3 = d_y[s*3];
            const sg_real v4 = ((l3 - v2)*(l3 - v2));
            t_e[s*1] = v4;
        }

        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) out[(t0 + s)*1 + 0 + k] = t_e[s*1 + k];

    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== loss_grad: tile of 256 samples, workspace 1032 reals ==== */
int seed003_four_points_loss_grad(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(data, n * 3)) return SG_EDATA;
    const sg_real *restrict p_w = theta + 0;  /* [2] */
    sg_real *restrict t_yhat_1 = work + 0;  /* tile [] */
    sg_real *restrict t_d_yhat_1 = work + 256;  /* tile [] */
    sg_real *restrict t_d_w = work + 512;  /* tile [2] */
    sg_real *restrict r_e = work + 1024;  /* acc [] */
    sg_real *restrict r_d_w = grad + 0;  /* accumulated in place [2] */
    (void)p_w;
    /* ---- sample-invariant part (once per call) ---- */
    memset(r_e, 0, sizeof(sg_real) * 1);
    memset(r_d_w, 0, sizeof(sg_real) * 2);
    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 3 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 3 + 2;
        (void)d_y;
        /* yhat#1 = matmul(w, x)  [1x2]·[2x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 1; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 2; ++mk) acc += p_w[mk] * d_x[s*3 + mk];
                t_yhat_1[s*1 + mi + mj] = acc;
            }
        }
        }

        /* yhat ... d[yhat#1] (scalar run) */
        for (s = 0; s < nt; ++s) {
            const sg_real l1 = t_yhat_1[s*1];
            const sg_real v2 = sg_sigmoid(l1);
            const sg_real l3 = d_y[s*3];
            const sg_real v4 = ((l3 - v2)*(l3 - v2));
            r_e[0] += v4;
            const sg_real v5 = -2.0*l3 + 2.0*v2;
            const sg_real v6 = v2*v5*(1.0 - v2);
            t_d_yhat_1[s*1] = v6;
        }

        /* d[w] = d[yhat#1]*x */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = t_d_yhat_1[s*1];
            const sg_real a1 = d_x[s*3 + k];
        t_d_w[s*2 + k] = a0*a1;
        }
        }

        /* sum d[w] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_d_w[k] += t_d_w[s*2 + k];

    }
    /* ---- after the tiles ---- */
    const sg_real scale = 1;
    *loss = scale * (r_e[0]);
    return SG_OK;
}

/* ==== hvp: tile of 256 samples, workspace 2568 reals ==== */
int seed003_four_points_hvp(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(data, n * 3)) return SG_EDATA;
    if (!sg_all_finite(dir, 2)) return SG_EDIR;
    const sg_real *restrict p_w = theta + 0;  /* [2] */
    const sg_real *restrict u_w = dir + 0;
    sg_real *restrict t_yhat_1 = work + 0;  /* tile [] */
    sg_real *restrict t_yhat = work + 256;  /* tile [] */
    sg_real *restrict t_d_yhat = work + 512;  /* tile [] */
    sg_real *restrict t_d_yhat_1 = work + 768;  /* tile [] */
    sg_real *restrict t_d_w = work + 1024;  /* tile [2] */
    sg_real *restrict t_t_yhat_1 = work + 1536;  /* tile [] */
    sg_real *restrict t_t_d_yhat_1 = work + 1792;  /* tile [] */
    sg_real *restrict t_t_d_w = work + 2048;  /* tile [2] */
    sg_real *restrict r_e = work + 2560;  /* acc [] */
    sg_real *restrict r_d_w = grad + 0;  /* accumulated in place [2] */
    sg_real *restrict r_t_d_w = hv + 0;  /* accumulated in place [2] */
    (void)p_w;
    (void)u_w;
    /* ---- sample-invariant part (once per call) ---- */
    memset(r_e, 0, sizeof(sg_real) * 1);
    memset(r_d_w, 0, sizeof(sg_real) * 2);
    memset(r_t_d_w, 0, sizeof(sg_real) * 2);
    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 3 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 3 + 2;
        (void)d_y;
        /* yhat#1 = matmul(w, x)  [1x2]·[2x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 1; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 2; ++mk) acc += p_w[mk] * d_x[s*3 + mk];
                t_yhat_1[s*1 + mi + mj] = acc;
            }
        }
        }

        /* yhat ... d[yhat#1] (scalar run) */
        for (s = 0; s < nt; ++s) {
            const sg_real l1 = t_yhat_1[s*1];
            const sg_real v2 = sg_sigmoid(l1);
            t_yhat[s*1] = v2;
            const sg_real l3 = d_y[s*3];
            const sg_real v4 = ((l3 - v2)*(l3 - v2));
            r_e[0] += v4;
            const sg_real v5 = -2.0*l3 + 2.0*v2;
            t_d_yhat[s*1] = v5;
            const sg_real v6 = v2*v5*(1.0 - v2);
            t_d_yhat_1[s*1] = v6;
        }

        /* d[w] = d[yhat#1]*x */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = t_d_yhat_1[s*1];
            const sg_real a1 = d_x[s*3 + k];
        t_d_w[s*2 + k] = a0*a1;
        }
        }

        /* t[yhat#1] = matmul(u[w], x)  [1x2]·[2x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 1; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 2; ++mk) acc += u_w[mk] * d_x[s*3 + mk];
                t_t_yhat_1[s*1 + mi + mj] = acc;
            }
        }
        }

        /* t[yhat] ... t[d[yhat#1]] (scalar run) */
        for (s = 0; s < nt; ++s) {
            const sg_real l1 = t_t_yhat_1[s*1];
            const sg_real l2 = t_yhat[s*1];
            const sg_real v3 = l1*l2*(1.0 - l2);
            const sg_real v4 = 2.0*v3;
            const sg_real l5 = t_d_yhat[s*1];
            const sg_real q6 = 1.0 - l2;
            const sg_real v7 = v3*(l5*q6 - l2*l5) + l2*q6*v4;
            t_t_d_yhat_1[s*1] = v7;
        }

        /* t[d[w]] = t[d[yhat#1]]*x */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = t_t_d_yhat_1[s*1];
            const sg_real a1 = d_x[s*3 + k];
        t_t_d_w[s*2 + k] = a0*a1;
        }
        }

        /* sum d[w] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_d_w[k] += t_d_w[s*2 + k];

        /* sum t[d[w]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_t_d_w[k] += t_t_d_w[s*2 + k];

    }
    /* ---- after the tiles ---- */
    const sg_real scale = 1;
    *loss = scale * (r_e[0]);
    return SG_OK;
}

/* ==== jacobian: tile of 256 samples, workspace 2304 reals ==== */
int seed003_four_points_jacobian(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(data, n * 3)) return SG_EDATA;
    const sg_real *restrict p_w = theta + 0;  /* [2] */
    sg_real *restrict v_e = work + 0;  /* tile [] */
    sg_real *restrict t_yhat_1 = work + 256;  /* tile [] */
    sg_real *restrict t_yhat = work + 512;  /* tile [] */
    sg_real *restrict t_J0_d_y = work + 768;  /* tile [] */
    sg_real *restrict t_J0_d_yhat_1 = work + 1024;  /* tile [] */
    sg_real *restrict t_J0_d_w = work + 1280;  /* tile [2] */
    sg_real *restrict t_J0_d_x = work + 1792;  /* tile [2] */
    (void)p_w;
    memset(jac, 0, sizeof(sg_real) * (size_t)n * 5);
    /* ---- sample-invariant part (once per call) ---- */
    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 3 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 3 + 2;
        (void)d_y;
        /* yhat#1 = matmul(w, x)  [1x2]·[2x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 1; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 2; ++mk) acc += p_w[mk] * d_x[s*3 + mk];
                t_yhat_1[s*1 + mi + mj] = acc;
            }
        }
        }

        /* yhat ... yhat (scalar run) */
        for (s = 0; s < nt; ++s) {
            const sg_real l1 = t_yhat_1[s*1];
            const sg_real v2 = sg_sigmoid(l1);
            t_yhat[s*1] = v2;
        }

        /* Jacobian rows of e: one reverse sweep per output element */
        for (int kk = 0; kk < 1; ++kk) {
            for (s = 0; s < nt; ++s)
                for (int k = 0; k < 1; ++k) v_e[s*1 + k] = (k == kk);
            /* J0:d[y] ... J0:d[yhat#1] (scalar run) */
            for (s = 0; s < nt; ++s) {
                const sg_real l1 = v_e[s*1];
                const sg_real l2 = d_y[s*3];
                const sg_real l3 = t_yhat[s*1];
                const sg_real v4 = l1*(-2.0*l3 + 2.0*l2);
                t_J0_d_y[s*1] = v4;
                const sg_real v5 = l1*(-2.0*l2 + 2.0*l3);
                const sg_real v6 = l3*v5*(1.0 - l3);
                t_J0_d_yhat_1[s*1] = v6;
            }

            /* J0:d[w] = J0:d[yhat#1]*x */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 2; ++k) {
                const sg_real a0 = t_J0_d_yhat_1[s*1];
                const sg_real a1 = d_x[s*3 + k];
            t_J0_d_w[s*2 + k] = a0*a1;
            }
            }

            /* J0:d[x] = J0:d[yhat#1]*w */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 2; ++k) {
                const sg_real a0 = t_J0_d_yhat_1[s*1];
                const sg_real a1 = p_w[k];
            t_J0_d_x[s*2 + k] = a0*a1;
            }
            }

            for (s = 0; s < nt; ++s) {
                sg_real *restrict jr = jac + ((t0 + s) * 1 + 0 + kk) * 5;
                for (int k = 0; k < 2; ++k) jr[0 + k] = t_J0_d_x[s*2 + k];  /* x */
                for (int k = 0; k < 1; ++k) jr[2 + k] = t_J0_d_y[s*1 + k];  /* y */
                for (int k = 0; k < 2; ++k) jr[3 + k] = t_J0_d_w[s*2 + k];  /* w */
            }
        }
    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== hessian: 2 HVP sweeps u = e_j, then symmetrised (H + Hᵀ)/2 ==== */
int seed003_four_points_hessian(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict loss, sg_real *restrict grad, sg_real *restrict H, sg_real *restrict work)
{
    sg_real *restrict u = work + 2568;
    int rc = SG_OK;
    for (long j = 0; j < 2; ++j) {
        memset(u, 0, sizeof(sg_real) * 2);
        u[j] = 1;
        rc = seed003_four_points_hvp(theta, data, n, u, loss, grad, H + j * 2, work);
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
