/* chain_rule_two_paths.c: symgrad kernels for model 'chain_rule_two_paths' (float64), emitter v3.
   Generated from the assignment graph of chain_rule_two_paths.toml; do not edit.
   C99 + libm (also compiles as C++): cc -O3 -std=c99 -c chain_rule_two_paths.c   (link with -lm)
   The runtime (GEMM kernels, stable helpers) is symgrad_runtime.h, included from this file's
   directory (`symgrad generate` writes it here; with --single-file it is inlined below).
   Layout: theta = x[] (row-major, packed)
           data row = 
           forward row = f[]
   Batch objective: mean over samples of 'f'. */
#define SG_REAL_BITS 64  /* sg_real = double */
#include "symgrad_runtime.h"
#if !defined(SYMGRAD_RUNTIME_ID) || SYMGRAD_RUNTIME_ID != 0x8eb30123UL
#  error "symgrad_runtime.h is not the one generated with this file: regenerate both together"
#endif
#ifdef __cplusplus
extern "C" {
#endif

#define CHAIN_RULE_TWO_PATHS_N_PARAMS 1
#define CHAIN_RULE_TWO_PATHS_DATA_WIDTH 0
#define CHAIN_RULE_TWO_PATHS_OUT_WIDTH 1
#define CHAIN_RULE_TWO_PATHS_INFO_N_PARAMS 0
#define CHAIN_RULE_TWO_PATHS_INFO_DATA_WIDTH 1
#define CHAIN_RULE_TWO_PATHS_INFO_OUT_WIDTH 2
#define CHAIN_RULE_TWO_PATHS_INFO_JAC_ROWS 3
#define CHAIN_RULE_TWO_PATHS_INFO_JAC_COLS 4
#define CHAIN_RULE_TWO_PATHS_INFO_TILE 5
#define CHAIN_RULE_TWO_PATHS_INFO_DTYPE_BYTES 6
#define CHAIN_RULE_TWO_PATHS_INFO_WORK_FORWARD 7
#define CHAIN_RULE_TWO_PATHS_INFO_WORK_LOSS_GRAD 8
#define CHAIN_RULE_TWO_PATHS_INFO_WORK_HVP 9
#define CHAIN_RULE_TWO_PATHS_INFO_WORK_HESSIAN 10
#define CHAIN_RULE_TWO_PATHS_INFO_WORK_JACOBIAN 11

long chain_rule_two_paths_info(int what)
{
    switch (what) {
    case 0: return 1L;
    case 1: return 0L;
    case 2: return 1L;
    case 3: return 1L;
    case 4: return 1L;
    case 5: return 256L;
    case 6: return 8L;
    case 7: return 32L;
    case 8: return 56L;
    case 9: return 104L;
    case 10: return 114L;
    case 11: return 536L;
    default: return -1L;
    }
}

/* ==== forward: tile of 256 samples, workspace 32 reals ==== */
int chain_rule_two_paths_forward(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 1)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 0)) return SG_EDATA;
    const sg_real *restrict p_x = theta + 0;  /* [] */
    sg_real *restrict c_v3 = work + 0;  /* work [] */
    sg_real *restrict c_v5 = work + 8;  /* work [] */
    sg_real *restrict c_v6 = work + 16;  /* work [] */
    sg_real *restrict c_f = work + 24;  /* work [] */
    (void)p_x;
    /* ---- sample-invariant part (once per call) ---- */
    /* v3 = x**2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_x[k];
    c_v3[k] = (a0*a0);
    }

    /* v5 = 2*v3 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v3[k];
    c_v5[k] = 2.0*a0;
    }

    /* v6 = v3 + 1 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v3[k];
    c_v6[k] = a0 + 1.0;
    }

    /* f = v5*v6 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v5[k];
        const sg_real a1 = c_v6[k];
    c_f[k] = a0*a1;
    }

    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) out[(t0 + s)*1 + 0 + k] = c_f[k];

    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== loss_grad: tile of 256 samples, workspace 56 reals ==== */
int chain_rule_two_paths_loss_grad(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 1)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 0)) return SG_EDATA;
    const sg_real *restrict p_x = theta + 0;  /* [] */
    sg_real *restrict c_v3 = work + 0;  /* work [] */
    sg_real *restrict c_v5 = work + 8;  /* work [] */
    sg_real *restrict c_v6 = work + 16;  /* work [] */
    sg_real *restrict c_f = work + 24;  /* work [] */
    sg_real *restrict c_d_v3_1 = work + 32;  /* work [] */
    sg_real *restrict c_d_v3 = work + 40;  /* work [] */
    sg_real *restrict c_d_x = work + 48;  /* work [] */
    (void)p_x;
    /* ---- sample-invariant part (once per call) ---- */
    /* v3 = x**2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_x[k];
    c_v3[k] = (a0*a0);
    }

    /* v5 = 2*v3 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v3[k];
    c_v5[k] = 2.0*a0;
    }

    /* v6 = v3 + 1 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v3[k];
    c_v6[k] = a0 + 1.0;
    }

    /* f = v5*v6 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v5[k];
        const sg_real a1 = c_v6[k];
    c_f[k] = a0*a1;
    }

    /* d[v3]#1 = 2*v6 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v6[k];
    c_d_v3_1[k] = 2.0*a0;
    }

    /* d[v3] = d[v3]#1 + v5 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_d_v3_1[k];
        const sg_real a1 = c_v5[k];
    c_d_v3[k] = a0 + a1;
    }

    /* d[x] = 2*d[v3]*x */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_d_v3[k];
        const sg_real a1 = p_x[k];
    c_d_x[k] = 2.0*a0*a1;
    }

    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
    }
    /* ---- after the tiles ---- */
    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (nf[0]*c_f[0]);
    for (int k = 0; k < 1; ++k) grad[0 + k] = scale * (nf[0]*c_d_x[k]);  /* x */
    return SG_OK;
}

/* ==== hvp: tile of 256 samples, workspace 104 reals ==== */
int chain_rule_two_paths_hvp(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 1)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 0)) return SG_EDATA;
    if (!sg_all_finite(dir, 1)) return SG_EDIR;
    const sg_real *restrict p_x = theta + 0;  /* [] */
    const sg_real *restrict u_x = dir + 0;
    sg_real *restrict c_v3 = work + 0;  /* work [] */
    sg_real *restrict c_v5 = work + 8;  /* work [] */
    sg_real *restrict c_v6 = work + 16;  /* work [] */
    sg_real *restrict c_f = work + 24;  /* work [] */
    sg_real *restrict c_d_v3_1 = work + 32;  /* work [] */
    sg_real *restrict c_d_v3 = work + 40;  /* work [] */
    sg_real *restrict c_d_x = work + 48;  /* work [] */
    sg_real *restrict c_t_v3 = work + 56;  /* work [] */
    sg_real *restrict c_t_v5 = work + 64;  /* work [] */
    sg_real *restrict c_t_v6 = work + 72;  /* work [] */
    sg_real *restrict c_t_d_v3_1 = work + 80;  /* work [] */
    sg_real *restrict c_t_d_v3 = work + 88;  /* work [] */
    sg_real *restrict c_t_d_x = work + 96;  /* work [] */
    (void)p_x;
    (void)u_x;
    /* ---- sample-invariant part (once per call) ---- */
    /* v3 = x**2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_x[k];
    c_v3[k] = (a0*a0);
    }

    /* v5 = 2*v3 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v3[k];
    c_v5[k] = 2.0*a0;
    }

    /* v6 = v3 + 1 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v3[k];
    c_v6[k] = a0 + 1.0;
    }

    /* f = v5*v6 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v5[k];
        const sg_real a1 = c_v6[k];
    c_f[k] = a0*a1;
    }

    /* d[v3]#1 = 2*v6 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v6[k];
    c_d_v3_1[k] = 2.0*a0;
    }

    /* d[v3] = d[v3]#1 + v5 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_d_v3_1[k];
        const sg_real a1 = c_v5[k];
    c_d_v3[k] = a0 + a1;
    }

    /* d[x] = 2*d[v3]*x */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_d_v3[k];
        const sg_real a1 = p_x[k];
    c_d_x[k] = 2.0*a0*a1;
    }

    /* t[v3] = 2*u[x]*x */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = u_x[k];
        const sg_real a1 = p_x[k];
    c_t_v3[k] = 2.0*a0*a1;
    }

    /* t[v5] = 2*t[v3] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_t_v3[k];
    c_t_v5[k] = 2.0*a0;
    }

    /* t[v6] = t[v3] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_t_v3[k];
    c_t_v6[k] = a0;
    }

    /* t[d[v3]#1] = 2*t[v6] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_t_v6[k];
    c_t_d_v3_1[k] = 2.0*a0;
    }

    /* t[d[v3]] = t[d[v3]#1] + t[v5] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_t_d_v3_1[k];
        const sg_real a1 = c_t_v5[k];
    c_t_d_v3[k] = a0 + a1;
    }

    /* t[d[x]] = 2*d[v3]*u[x] + 2*t[d[v3]]*x */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_d_v3[k];
        const sg_real a1 = c_t_d_v3[k];
        const sg_real a2 = u_x[k];
        const sg_real a3 = p_x[k];
    c_t_d_x[k] = 2.0*a0*a2 + 2.0*a1*a3;
    }

    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
    }
    /* ---- after the tiles ---- */
    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (nf[0]*c_f[0]);
    for (int k = 0; k < 1; ++k) grad[0 + k] = scale * (nf[0]*c_d_x[k]);  /* x */
    for (int k = 0; k < 1; ++k) hv[0 + k] = scale * (nf[0]*c_t_d_x[k]);  /* x */
    return SG_OK;
}

/* ==== jacobian: tile of 256 samples, workspace 536 reals ==== */
int chain_rule_two_paths_jacobian(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 1)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 0)) return SG_EDATA;
    const sg_real *restrict p_x = theta + 0;  /* [] */
    sg_real *restrict v_f = work + 0;  /* tile [] */
    sg_real *restrict c_v3 = work + 256;  /* work [] */
    sg_real *restrict c_v5 = work + 264;  /* work [] */
    sg_real *restrict c_v6 = work + 272;  /* work [] */
    sg_real *restrict t_J0_d_x = work + 280;  /* tile [] */
    (void)p_x;
    memset(jac, 0, sizeof(sg_real) * (size_t)n * 1);
    /* ---- sample-invariant part (once per call) ---- */
    /* v3 = x**2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_x[k];
    c_v3[k] = (a0*a0);
    }

    /* v5 = 2*v3 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v3[k];
    c_v5[k] = 2.0*a0;
    }

    /* v6 = v3 + 1 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v3[k];
    c_v6[k] = a0 + 1.0;
    }

    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        /* Jacobian rows of f: one reverse sweep per output element */
        for (int kk = 0; kk < 1; ++kk) {
            for (s = 0; s < nt; ++s)
                for (int k = 0; k < 1; ++k) v_f[s*1 + k] = (k == kk);
            /* J0:d[v5] ... J0:d[x] (scalar run) */
            for (s = 0; s < nt; ++s) {
                const sg_real l1 = c_v6[0];
                const sg_real l2 = v_f[s*1];
                const sg_real v3 = l1*l2;
                const sg_real l4 = c_v5[0];
                const sg_real v5 = l2*l4;
                const sg_real v6 = 2.0*v3;
                const sg_real v7 = v5 + v6;
                const sg_real l8 = p_x[0];
                const sg_real v9 = 2.0*l8*v7;
                t_J0_d_x[s*1] = v9;
            }

            for (s = 0; s < nt; ++s) {
                sg_real *restrict jr = jac + ((t0 + s) * 1 + 0 + kk) * 1;
                for (int k = 0; k < 1; ++k) jr[0 + k] = t_J0_d_x[s*1 + k];  /* x */
            }
        }
    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== hessian: 1 HVP sweeps u = e_j, then symmetrised (H + Hᵀ)/2 ==== */
int chain_rule_two_paths_hessian(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict loss, sg_real *restrict grad, sg_real *restrict H, sg_real *restrict work)
{
    sg_real *restrict u = work + 104;
    int rc = SG_OK;
    for (long j = 0; j < 1; ++j) {
        memset(u, 0, sizeof(sg_real) * 1);
        u[j] = 1;
        rc = chain_rule_two_paths_hvp(theta, data, n, u, loss, grad, H + j * 1, work);
        if (rc != SG_OK) return rc;
    }
    for (long i = 0; i < 1; ++i)
        for (long j = 0; j < i; ++j) {
            const sg_real v = (sg_real)0.5 * (H[i * 1 + j] + H[j * 1 + i]);
            H[i * 1 + j] = v;
            H[j * 1 + i] = v;
        }
    return rc;
}

#ifdef __cplusplus
}  /* extern "C" */
#endif
