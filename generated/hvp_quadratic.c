/* hvp_quadratic.c: symgrad kernels for model 'hvp_quadratic' (float64), emitter v3.
   Generated from the assignment graph of hvp_quadratic.toml; do not edit.
   C99 + libm (also compiles as C++): cc -O3 -std=c99 -c hvp_quadratic.c   (link with -lm)
   The runtime (GEMM kernels, stable helpers) is symgrad_runtime.h, included from this file's
   directory (`symgrad generate` writes it here; with --single-file it is inlined below).
   Layout: theta = w1[], w2[] (row-major, packed)
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

#define HVP_QUADRATIC_N_PARAMS 2
#define HVP_QUADRATIC_DATA_WIDTH 0
#define HVP_QUADRATIC_OUT_WIDTH 1
#define HVP_QUADRATIC_INFO_N_PARAMS 0
#define HVP_QUADRATIC_INFO_DATA_WIDTH 1
#define HVP_QUADRATIC_INFO_OUT_WIDTH 2
#define HVP_QUADRATIC_INFO_JAC_ROWS 3
#define HVP_QUADRATIC_INFO_JAC_COLS 4
#define HVP_QUADRATIC_INFO_TILE 5
#define HVP_QUADRATIC_INFO_DTYPE_BYTES 6
#define HVP_QUADRATIC_INFO_WORK_FORWARD 7
#define HVP_QUADRATIC_INFO_WORK_LOSS_GRAD 8
#define HVP_QUADRATIC_INFO_WORK_HVP 9
#define HVP_QUADRATIC_INFO_WORK_HESSIAN 10
#define HVP_QUADRATIC_INFO_WORK_JACOBIAN 11

long hvp_quadratic_info(int what)
{
    switch (what) {
    case 0: return 2L;
    case 1: return 0L;
    case 2: return 1L;
    case 3: return 1L;
    case 4: return 2L;
    case 5: return 256L;
    case 6: return 8L;
    case 7: return 8L;
    case 8: return 24L;
    case 9: return 40L;
    case 10: return 52L;
    case 11: return 768L;
    default: return -1L;
    }
}

/* ==== forward: tile of 256 samples, workspace 8 reals ==== */
int hvp_quadratic_forward(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    const sg_real *restrict p_w1 = theta + 0;  /* [] */
    const sg_real *restrict p_w2 = theta + 1;  /* [] */
    sg_real *restrict c_f = work + 0;  /* work [] */
    (void)p_w1;
    (void)p_w2;
    /* ---- sample-invariant part (once per call) ---- */
    /* f = w1**2 + 3*w1*w2 + 2*w2**2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_w1[k];
        const sg_real a1 = p_w2[k];
    c_f[k] = (a0*a0) + 3.0*a0*a1 + 2.0*(a1*a1);
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

/* ==== loss_grad: tile of 256 samples, workspace 24 reals ==== */
int hvp_quadratic_loss_grad(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    const sg_real *restrict p_w1 = theta + 0;  /* [] */
    const sg_real *restrict p_w2 = theta + 1;  /* [] */
    sg_real *restrict c_f = work + 0;  /* work [] */
    sg_real *restrict c_d_w1 = work + 8;  /* work [] */
    sg_real *restrict c_d_w2 = work + 16;  /* work [] */
    (void)p_w1;
    (void)p_w2;
    /* ---- sample-invariant part (once per call) ---- */
    /* f = w1**2 + 3*w1*w2 + 2*w2**2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_w1[k];
        const sg_real a1 = p_w2[k];
    c_f[k] = (a0*a0) + 3.0*a0*a1 + 2.0*(a1*a1);
    }

    /* d[w1] = 2*w1 + 3*w2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_w1[k];
        const sg_real a1 = p_w2[k];
    c_d_w1[k] = 2.0*a0 + 3.0*a1;
    }

    /* d[w2] = 3*w1 + 4*w2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_w1[k];
        const sg_real a1 = p_w2[k];
    c_d_w2[k] = 3.0*a0 + 4.0*a1;
    }

    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
    }
    /* ---- after the tiles ---- */
    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (nf[0]*c_f[0]);
    for (int k = 0; k < 1; ++k) grad[0 + k] = scale * (nf[0]*c_d_w1[k]);  /* w1 */
    for (int k = 0; k < 1; ++k) grad[1 + k] = scale * (nf[0]*c_d_w2[k]);  /* w2 */
    return SG_OK;
}

/* ==== hvp: tile of 256 samples, workspace 40 reals ==== */
int hvp_quadratic_hvp(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    const sg_real *restrict p_w1 = theta + 0;  /* [] */
    const sg_real *restrict p_w2 = theta + 1;  /* [] */
    const sg_real *restrict u_w1 = dir + 0;
    const sg_real *restrict u_w2 = dir + 1;
    sg_real *restrict c_f = work + 0;  /* work [] */
    sg_real *restrict c_d_w1 = work + 8;  /* work [] */
    sg_real *restrict c_d_w2 = work + 16;  /* work [] */
    sg_real *restrict c_t_d_w1 = work + 24;  /* work [] */
    sg_real *restrict c_t_d_w2 = work + 32;  /* work [] */
    (void)p_w1;
    (void)p_w2;
    (void)u_w1;
    (void)u_w2;
    /* ---- sample-invariant part (once per call) ---- */
    /* f = w1**2 + 3*w1*w2 + 2*w2**2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_w1[k];
        const sg_real a1 = p_w2[k];
    c_f[k] = (a0*a0) + 3.0*a0*a1 + 2.0*(a1*a1);
    }

    /* d[w1] = 2*w1 + 3*w2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_w1[k];
        const sg_real a1 = p_w2[k];
    c_d_w1[k] = 2.0*a0 + 3.0*a1;
    }

    /* d[w2] = 3*w1 + 4*w2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_w1[k];
        const sg_real a1 = p_w2[k];
    c_d_w2[k] = 3.0*a0 + 4.0*a1;
    }

    /* t[d[w1]] = 2*u[w1] + 3*u[w2] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = u_w1[k];
        const sg_real a1 = u_w2[k];
    c_t_d_w1[k] = 2.0*a0 + 3.0*a1;
    }

    /* t[d[w2]] = 3*u[w1] + 4*u[w2] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = u_w1[k];
        const sg_real a1 = u_w2[k];
    c_t_d_w2[k] = 3.0*a0 + 4.0*a1;
    }

    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
    }
    /* ---- after the tiles ---- */
    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (nf[0]*c_f[0]);
    for (int k = 0; k < 1; ++k) grad[0 + k] = scale * (nf[0]*c_d_w1[k]);  /* w1 */
    for (int k = 0; k < 1; ++k) grad[1 + k] = scale * (nf[0]*c_d_w2[k]);  /* w2 */
    for (int k = 0; k < 1; ++k) hv[0 + k] = scale * (nf[0]*c_t_d_w1[k]);  /* w1 */
    for (int k = 0; k < 1; ++k) hv[1 + k] = scale * (nf[0]*c_t_d_w2[k]);  /* w2 */
    return SG_OK;
}

/* ==== jacobian: tile of 256 samples, workspace 768 reals ==== */
int hvp_quadratic_jacobian(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    const sg_real *restrict p_w1 = theta + 0;  /* [] */
    const sg_real *restrict p_w2 = theta + 1;  /* [] */
    sg_real *restrict v_f = work + 0;  /* tile [] */
    sg_real *restrict t_J0_d_w1 = work + 256;  /* tile [] */
    sg_real *restrict t_J0_d_w2 = work + 512;  /* tile [] */
    (void)p_w1;
    (void)p_w2;
    memset(jac, 0, sizeof(sg_real) * (size_t)n * 2);
    /* ---- sample-invariant part (once per call) ---- */
    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        /* Jacobian rows of f: one reverse sweep per output element */
        for (int kk = 0; kk < 1; ++kk) {
            for (s = 0; s < nt; ++s)
                for (int k = 0; k < 1; ++k) v_f[s*1 + k] = (k == kk);
            /* J0:d[w1] ... J0:d[w2] (scalar run) */
            for (s = 0; s < nt; ++s) {
                const sg_real l1 = v_f[s*1];
                const sg_real l2 = p_w1[0];
                const sg_real l3 = p_w2[0];
                const sg_real v4 = l1*(2.0*l2 + 3.0*l3);
                t_J0_d_w1[s*1] = v4;
                const sg_real v5 = l1*(3.0*l2 + 4.0*l3);
                t_J0_d_w2[s*1] = v5;
            }

            for (s = 0; s < nt; ++s) {
                sg_real *restrict jr = jac + ((t0 + s) * 1 + 0 + kk) * 2;
                for (int k = 0; k < 1; ++k) jr[0 + k] = t_J0_d_w1[s*1 + k];  /* w1 */
                for (int k = 0; k < 1; ++k) jr[1 + k] = t_J0_d_w2[s*1 + k];  /* w2 */
            }
        }
    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== hessian: 2 HVP sweeps u = e_j, then symmetrised (H + Hᵀ)/2 ==== */
int hvp_quadratic_hessian(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict loss, sg_real *restrict grad, sg_real *restrict H, sg_real *restrict work)
{
    sg_real *restrict u = work + 40;
    int rc = SG_OK;
    for (long j = 0; j < 2; ++j) {
        memset(u, 0, sizeof(sg_real) * 2);
        u[j] = 1;
        rc = hvp_quadratic_hvp(theta, data, n, u, loss, grad, H + j * 2, work);
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
