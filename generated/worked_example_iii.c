/* worked_example_iii.c: symgrad kernels for model 'worked_example_iii' (float64), emitter v3.
   Generated from the assignment graph of worked_example_iii.toml; do not edit.
   C99 + libm (also compiles as C++): cc -O3 -std=c99 -c worked_example_iii.c   (link with -lm)
   The runtime (GEMM kernels, stable helpers) is symgrad_runtime.h, included from this file's
   directory (`symgrad generate` writes it here; with --single-file it is inlined below).
   Layout: theta = w1[], b1[], w2[], b2[], w3[], b3[] (row-major, packed)
           data row = x[], y[]
           forward row = yhat[]
   Batch objective: mean over samples of 'L'. */
#define SG_REAL_BITS 64  /* sg_real = double */
#include "symgrad_runtime.h"
#if !defined(SYMGRAD_RUNTIME_ID) || SYMGRAD_RUNTIME_ID != 0x8eb30123UL
#  error "symgrad_runtime.h is not the one generated with this file: regenerate both together"
#endif
#ifdef __cplusplus
extern "C" {
#endif

#define WORKED_EXAMPLE_III_N_PARAMS 6
#define WORKED_EXAMPLE_III_DATA_WIDTH 2
#define WORKED_EXAMPLE_III_OUT_WIDTH 1
#define WORKED_EXAMPLE_III_INFO_N_PARAMS 0
#define WORKED_EXAMPLE_III_INFO_DATA_WIDTH 1
#define WORKED_EXAMPLE_III_INFO_OUT_WIDTH 2
#define WORKED_EXAMPLE_III_INFO_JAC_ROWS 3
#define WORKED_EXAMPLE_III_INFO_JAC_COLS 4
#define WORKED_EXAMPLE_III_INFO_TILE 5
#define WORKED_EXAMPLE_III_INFO_DTYPE_BYTES 6
#define WORKED_EXAMPLE_III_INFO_WORK_FORWARD 7
#define WORKED_EXAMPLE_III_INFO_WORK_LOSS_GRAD 8
#define WORKED_EXAMPLE_III_INFO_WORK_HVP 9
#define WORKED_EXAMPLE_III_INFO_WORK_HESSIAN 10
#define WORKED_EXAMPLE_III_INFO_WORK_JACOBIAN 11

long worked_example_iii_info(int what)
{
    switch (what) {
    case 0: return 6L;
    case 1: return 2L;
    case 2: return 1L;
    case 3: return 1L;
    case 4: return 8L;
    case 5: return 256L;
    case 6: return 8L;
    case 7: return 256L;
    case 8: return 8L;
    case 9: return 8L;
    case 10: return 28L;
    case 11: return 3072L;
    default: return -1L;
    }
}

/* ==== forward: tile of 256 samples, workspace 256 reals ==== */
int worked_example_iii_forward(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 6)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 2)) return SG_EDATA;
    const sg_real *restrict p_w1 = theta + 0;  /* [] */
    const sg_real *restrict p_b1 = theta + 1;  /* [] */
    const sg_real *restrict p_w2 = theta + 2;  /* [] */
    const sg_real *restrict p_b2 = theta + 3;  /* [] */
    const sg_real *restrict p_w3 = theta + 4;  /* [] */
    const sg_real *restrict p_b3 = theta + 5;  /* [] */
    sg_real *restrict t_yhat = work + 0;  /* tile [] */
    (void)p_w1;
    (void)p_b1;
    (void)p_w2;
    (void)p_b2;
    (void)p_w3;
    (void)p_b3;
    /* ---- sample-invariant part (once per call) ---- */
    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 2 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 2 + 1;
        (void)d_y;
        /* z1 ... yhat (scalar run) */
        for (s = 0; s < nt; ++s) {
            const sg_real l1 = p_b1[0];
            const sg_real l2 = p_w1[0];
            const sg_real l3 = d_x[s*2];
            const sg_real v4 = l1 + l2*l3;
            const sg_real v5 = sg_relu(v4);
            const sg_real l6 = p_b2[0];
            const sg_real l7 = p_w2[0];
            const sg_real v8 = l6 + l7*v5;
            const sg_real v9 = tanh(v8);
            const sg_real l10 = p_b3[0];
            const sg_real l11 = p_w3[0];
            const sg_real v12 = l10 + l11*v9;
            const sg_real v13 = sg_sigmoid(v12);
            t_yhat[s*1] = v13;
        }

        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) out[(t0 + s)*1 + 0 + k] = t_yhat[s*1 + k];

    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== loss_grad: tile of 256 samples, workspace 8 reals ==== */
int worked_example_iii_loss_grad(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 6)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 2)) return SG_EDATA;
    const sg_real *restrict p_w1 = theta + 0;  /* [] */
    const sg_real *restrict p_b1 = theta + 1;  /* [] */
    const sg_real *restrict p_w2 = theta + 2;  /* [] */
    const sg_real *restrict p_b2 = theta + 3;  /* [] */
    const sg_real *restrict p_w3 = theta + 4;  /* [] */
    const sg_real *restrict p_b3 = theta + 5;  /* [] */
    sg_real *restrict r_L = work + 0;  /* acc [] */
    sg_real *restrict r_d_z3 = grad + 5;  /* accumulated in place [] */
    sg_real *restrict r_d_w3 = grad + 4;  /* accumulated in place [] */
    sg_real *restrict r_d_z2 = grad + 3;  /* accumulated in place [] */
    sg_real *restrict r_d_w2 = grad + 2;  /* accumulated in place [] */
    sg_real *restrict r_d_z1 = grad + 1;  /* accumulated in place [] */
    sg_real *restrict r_d_w1 = grad + 0;  /* accumulated in place [] */
    (void)p_w1;
    (void)p_b1;
    (void)p_w2;
    (void)p_b2;
    (void)p_w3;
    (void)p_b3;
    /* ---- sample-invariant part (once per call) ---- */
    memset(r_L, 0, sizeof(sg_real) * 1);
    memset(r_d_z3, 0, sizeof(sg_real) * 1);
    memset(r_d_w3, 0, sizeof(sg_real) * 1);
    memset(r_d_z2, 0, sizeof(sg_real) * 1);
    memset(r_d_w2, 0, sizeof(sg_real) * 1);
    memset(r_d_z1, 0, sizeof(sg_real) * 1);
    memset(r_d_w1, 0, sizeof(sg_real) * 1);
    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 2 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 2 + 1;
        (void)d_y;
        /* z1 ... d[w1] (scalar run) */
        for (s = 0; s < nt; ++s) {
            const sg_real l1 = p_b1[0];
            const sg_real l2 = p_w1[0];
            const sg_real l3 = d_x[s*2];
            const sg_real v4 = l1 + l2*l3;
            const sg_real v5 = sg_relu(v4);
            const sg_real l6 = p_b2[0];
            const sg_real l7 = p_w2[0];
            const sg_real v8 = l6 + l7*v5;
            const sg_real v9 = tanh(v8);
            const sg_real l10 = p_b3[0];
            const sg_real l11 = p_w3[0];
            const sg_real v12 = l10 + l11*v9;
            const sg_real v13 = sg_sigmoid(v12);
            const sg_real l14 = d_y[s*2];
            const sg_real v15 = ((1.0/2.0))*((l14 - v13)*(l14 - v13));
            r_L[0] += v15;
            const sg_real v16 = v13 - l14;
            const sg_real v17 = v13*v16*(1.0 - v13);
            r_d_z3[0] += v17;
            const sg_real v18 = l11*v17;
            const sg_real v19 = v17*v9;
            r_d_w3[0] += v19;
            const sg_real v20 = v18*(1.0 - (v9*v9));
            r_d_z2[0] += v20;
            const sg_real v21 = l7*v20;
            const sg_real v22 = v20*v5;
            r_d_w2[0] += v22;
            const sg_real v23 = v21*((v4) > 0 ? (1.0) : (0.0));
            r_d_z1[0] += v23;
            const sg_real v24 = l3*v23;
            r_d_w1[0] += v24;
        }

    }
    /* ---- after the tiles ---- */
    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (r_L[0]);
    if (scale != 1) {
        for (int k = 0; k < 1; ++k) r_d_w1[k] *= scale;  /* grad: w1 */
        for (int k = 0; k < 1; ++k) r_d_z1[k] *= scale;  /* grad: b1 */
        for (int k = 0; k < 1; ++k) r_d_w2[k] *= scale;  /* grad: w2 */
        for (int k = 0; k < 1; ++k) r_d_z2[k] *= scale;  /* grad: b2 */
        for (int k = 0; k < 1; ++k) r_d_w3[k] *= scale;  /* grad: w3 */
        for (int k = 0; k < 1; ++k) r_d_z3[k] *= scale;  /* grad: b3 */
    }
    return SG_OK;
}

/* ==== hvp: tile of 256 samples, workspace 8 reals ==== */
int worked_example_iii_hvp(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 6)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 2)) return SG_EDATA;
    if (!sg_all_finite(dir, 6)) return SG_EDIR;
    const sg_real *restrict p_w1 = theta + 0;  /* [] */
    const sg_real *restrict p_b1 = theta + 1;  /* [] */
    const sg_real *restrict p_w2 = theta + 2;  /* [] */
    const sg_real *restrict p_b2 = theta + 3;  /* [] */
    const sg_real *restrict p_w3 = theta + 4;  /* [] */
    const sg_real *restrict p_b3 = theta + 5;  /* [] */
    const sg_real *restrict u_w1 = dir + 0;
    const sg_real *restrict u_b1 = dir + 1;
    const sg_real *restrict u_w2 = dir + 2;
    const sg_real *restrict u_b2 = dir + 3;
    const sg_real *restrict u_w3 = dir + 4;
    const sg_real *restrict u_b3 = dir + 5;
    sg_real *restrict r_L = work + 0;  /* acc [] */
    sg_real *restrict r_d_z3 = grad + 5;  /* accumulated in place [] */
    sg_real *restrict r_d_w3 = grad + 4;  /* accumulated in place [] */
    sg_real *restrict r_d_z2 = grad + 3;  /* accumulated in place [] */
    sg_real *restrict r_d_w2 = grad + 2;  /* accumulated in place [] */
    sg_real *restrict r_d_z1 = grad + 1;  /* accumulated in place [] */
    sg_real *restrict r_d_w1 = grad + 0;  /* accumulated in place [] */
    sg_real *restrict r_t_d_z3 = hv + 5;  /* accumulated in place [] */
    sg_real *restrict r_t_d_w3 = hv + 4;  /* accumulated in place [] */
    sg_real *restrict r_t_d_z2 = hv + 3;  /* accumulated in place [] */
    sg_real *restrict r_t_d_w2 = hv + 2;  /* accumulated in place [] */
    sg_real *restrict r_t_d_z1 = hv + 1;  /* accumulated in place [] */
    sg_real *restrict r_t_d_w1 = hv + 0;  /* accumulated in place [] */
    (void)p_w1;
    (void)p_b1;
    (void)p_w2;
    (void)p_b2;
    (void)p_w3;
    (void)p_b3;
    (void)u_w1;
    (void)u_b1;
    (void)u_w2;
    (void)u_b2;
    (void)u_w3;
    (void)u_b3;
    /* ---- sample-invariant part (once per call) ---- */
    memset(r_L, 0, sizeof(sg_real) * 1);
    memset(r_d_z3, 0, sizeof(sg_real) * 1);
    memset(r_d_w3, 0, sizeof(sg_real) * 1);
    memset(r_d_z2, 0, sizeof(sg_real) * 1);
    memset(r_d_w2, 0, sizeof(sg_real) * 1);
    memset(r_d_z1, 0, sizeof(sg_real) * 1);
    memset(r_d_w1, 0, sizeof(sg_real) * 1);
    memset(r_t_d_z3, 0, sizeof(sg_real) * 1);
    memset(r_t_d_w3, 0, sizeof(sg_real) * 1);
    memset(r_t_d_z2, 0, sizeof(sg_real) * 1);
    memset(r_t_d_w2, 0, sizeof(sg_real) * 1);
    memset(r_t_d_z1, 0, sizeof(sg_real) * 1);
    memset(r_t_d_w1, 0, sizeof(sg_real) * 1);
    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 2 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 2 + 1;
        (void)d_y;
        /* z1 ... t[d[w1]] (scalar run) */
        for (s = 0; s < nt; ++s) {
            const sg_real l1 = p_b1[0];
            const sg_real l2 = p_w1[0];
            const sg_real l3 = d_x[s*2];
            const sg_real v4 = l1 + l2*l3;
            const sg_real v5 = sg_relu(v4);
            const sg_real l6 = p_b2[0];
            const sg_real l7 = p_w2[0];
            const sg_real v8 = l6 + l7*v5;
            const sg_real v9 = tanh(v8);
            const sg_real l10 = p_b3[0];
            const sg_real l11 = p_w3[0];
            const sg_real v12 = l10 + l11*v9;
            const sg_real v13 = sg_sigmoid(v12);
            const sg_real l14 = d_y[s*2];
            const sg_real v15 = ((1.0/2.0))*((l14 - v13)*(l14 - v13));
            r_L[0] += v15;
            const sg_real v16 = v13 - l14;
            const sg_real v17 = v13*v16*(1.0 - v13);
            r_d_z3[0] += v17;
            const sg_real v18 = l11*v17;
            const sg_real v19 = v17*v9;
            r_d_w3[0] += v19;
            const sg_real v20 = v18*(1.0 - (v9*v9));
            r_d_z2[0] += v20;
            const sg_real v21 = l7*v20;
            const sg_real v22 = v20*v5;
            r_d_w2[0] += v22;
            const sg_real v23 = v21*((v4) > 0 ? (1.0) : (0.0));
            r_d_z1[0] += v23;
            const sg_real v24 = l3*v23;
            r_d_w1[0] += v24;
            const sg_real l25 = u_b1[0];
            const sg_real l26 = u_w1[0];
            const sg_real v27 = l25 + l26*l3;
            const sg_real v28 = v27*((v4) > 0 ? (1.0) : (0.0));
            const sg_real l29 = u_b2[0];
            const sg_real l30 = u_w2[0];
            const sg_real v31 = l29 + l30*v5 + l7*v28;
            const sg_real v32 = v31*(1.0 - (v9*v9));
            const sg_real l33 = u_b3[0];
            const sg_real l34 = u_w3[0];
            const sg_real v35 = l33 + l11*v32 + l34*v9;
            const sg_real v36 = v13*v35*(1.0 - v13);
            const sg_real q37 = 1.0 - v13;
            const sg_real v38 = v36*(q37*v16 - v13*v16) + q37*v13*v36;
            r_t_d_z3[0] += v38;
            const sg_real v39 = l11*v38 + l34*v17;
            const sg_real v40 = v17*v32 + v38*v9;
            r_t_d_w3[0] += v40;
            const sg_real v41 = v39*(1.0 - (v9*v9)) - 2.0*v18*v32*v9;
            r_t_d_z2[0] += v41;
            const sg_real v42 = l30*v20 + l7*v41;
            const sg_real v43 = v20*v28 + v41*v5;
            r_t_d_w2[0] += v43;
            const sg_real v44 = v42*((v4) > 0 ? (1.0) : (0.0));
            r_t_d_z1[0] += v44;
            const sg_real v45 = l3*v44;
            r_t_d_w1[0] += v45;
        }

    }
    /* ---- after the tiles ---- */
    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (r_L[0]);
    if (scale != 1) {
        for (int k = 0; k < 1; ++k) r_d_w1[k] *= scale;  /* grad: w1 */
        for (int k = 0; k < 1; ++k) r_d_z1[k] *= scale;  /* grad: b1 */
        for (int k = 0; k < 1; ++k) r_d_w2[k] *= scale;  /* grad: w2 */
        for (int k = 0; k < 1; ++k) r_d_z2[k] *= scale;  /* grad: b2 */
        for (int k = 0; k < 1; ++k) r_d_w3[k] *= scale;  /* grad: w3 */
        for (int k = 0; k < 1; ++k) r_d_z3[k] *= scale;  /* grad: b3 */
        for (int k = 0; k < 1; ++k) r_t_d_w1[k] *= scale;  /* hv: w1 */
        for (int k = 0; k < 1; ++k) r_t_d_z1[k] *= scale;  /* hv: b1 */
        for (int k = 0; k < 1; ++k) r_t_d_w2[k] *= scale;  /* hv: w2 */
        for (int k = 0; k < 1; ++k) r_t_d_z2[k] *= scale;  /* hv: b2 */
        for (int k = 0; k < 1; ++k) r_t_d_w3[k] *= scale;  /* hv: w3 */
        for (int k = 0; k < 1; ++k) r_t_d_z3[k] *= scale;  /* hv: b3 */
    }
    return SG_OK;
}

/* ==== jacobian: tile of 256 samples, workspace 3072 reals ==== */
int worked_example_iii_jacobian(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 6)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 2)) return SG_EDATA;
    const sg_real *restrict p_w1 = theta + 0;  /* [] */
    const sg_real *restrict p_b1 = theta + 1;  /* [] */
    const sg_real *restrict p_w2 = theta + 2;  /* [] */
    const sg_real *restrict p_b2 = theta + 3;  /* [] */
    const sg_real *restrict p_w3 = theta + 4;  /* [] */
    const sg_real *restrict p_b3 = theta + 5;  /* [] */
    sg_real *restrict v_yhat = work + 0;  /* tile [] */
    sg_real *restrict t_z1 = work + 256;  /* tile [] */
    sg_real *restrict t_a1 = work + 512;  /* tile [] */
    sg_real *restrict t_a2 = work + 768;  /* tile [] */
    sg_real *restrict t_yhat = work + 1024;  /* tile [] */
    sg_real *restrict t_J0_d_z3 = work + 1280;  /* tile [] */
    sg_real *restrict t_J0_d_w3 = work + 1536;  /* tile [] */
    sg_real *restrict t_J0_d_z2 = work + 1792;  /* tile [] */
    sg_real *restrict t_J0_d_w2 = work + 2048;  /* tile [] */
    sg_real *restrict t_J0_d_z1 = work + 2304;  /* tile [] */
    sg_real *restrict t_J0_d_w1 = work + 2560;  /* tile [] */
    sg_real *restrict t_J0_d_x = work + 2816;  /* tile [] */
    (void)p_w1;
    (void)p_b1;
    (void)p_w2;
    (void)p_b2;
    (void)p_w3;
    (void)p_b3;
    memset(jac, 0, sizeof(sg_real) * (size_t)n * 8);
    /* ---- sample-invariant part (once per call) ---- */
    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 2 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 2 + 1;
        (void)d_y;
        /* z1 ... yhat (scalar run) */
        for (s = 0; s < nt; ++s) {
            const sg_real l1 = p_b1[0];
            const sg_real l2 = p_w1[0];
            const sg_real l3 = d_x[s*2];
            const sg_real v4 = l1 + l2*l3;
            t_z1[s*1] = v4;
            const sg_real v5 = sg_relu(v4);
            t_a1[s*1] = v5;
            const sg_real l6 = p_b2[0];
            const sg_real l7 = p_w2[0];
            const sg_real v8 = l6 + l7*v5;
            const sg_real v9 = tanh(v8);
            t_a2[s*1] = v9;
            const sg_real l10 = p_b3[0];
            const sg_real l11 = p_w3[0];
            const sg_real v12 = l10 + l11*v9;
            const sg_real v13 = sg_sigmoid(v12);
            t_yhat[s*1] = v13;
        }

        /* Jacobian rows of yhat: one reverse sweep per output element */
        for (int kk = 0; kk < 1; ++kk) {
            for (s = 0; s < nt; ++s)
                for (int k = 0; k < 1; ++k) v_yhat[s*1 + k] = (k == kk);
            /* J0:d[z3] ... J0:d[x] (scalar run) */
            for (s = 0; s < nt; ++s) {
                const sg_real l1 = v_yhat[s*1];
                const sg_real l2 = t_yhat[s*1];
                const sg_real v3 = l1*l2*(1.0 - l2);
                t_J0_d_z3[s*1] = v3;
                const sg_real l4 = p_w3[0];
                const sg_real v5 = l4*v3;
                const sg_real l6 = t_a2[s*1];
                const sg_real v7 = l6*v3;
                t_J0_d_w3[s*1] = v7;
                const sg_real v8 = v5*(1.0 - (l6*l6));
                t_J0_d_z2[s*1] = v8;
                const sg_real l9 = p_w2[0];
                const sg_real v10 = l9*v8;
                const sg_real l11 = t_a1[s*1];
                const sg_real v12 = l11*v8;
                t_J0_d_w2[s*1] = v12;
                const sg_real l13 = t_z1[s*1];
                const sg_real v14 = v10*((l13) > 0 ? (1.0) : (0.0));
                t_J0_d_z1[s*1] = v14;
                const sg_real l15 = d_x[s*2];
                const sg_real v16 = l15*v14;
                t_J0_d_w1[s*1] = v16;
                const sg_real l17 = p_w1[0];
                const sg_real v18 = l17*v14;
                t_J0_d_x[s*1] = v18;
            }

            for (s = 0; s < nt; ++s) {
                sg_real *restrict jr = jac + ((t0 + s) * 1 + 0 + kk) * 8;
                for (int k = 0; k < 1; ++k) jr[0 + k] = t_J0_d_x[s*1 + k];  /* x */
                for (int k = 0; k < 1; ++k) jr[2 + k] = t_J0_d_w1[s*1 + k];  /* w1 */
                for (int k = 0; k < 1; ++k) jr[3 + k] = t_J0_d_z1[s*1 + k];  /* b1 */
                for (int k = 0; k < 1; ++k) jr[4 + k] = t_J0_d_w2[s*1 + k];  /* w2 */
                for (int k = 0; k < 1; ++k) jr[5 + k] = t_J0_d_z2[s*1 + k];  /* b2 */
                for (int k = 0; k < 1; ++k) jr[6 + k] = t_J0_d_w3[s*1 + k];  /* w3 */
                for (int k = 0; k < 1; ++k) jr[7 + k] = t_J0_d_z3[s*1 + k];  /* b3 */
            }
        }
    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== hessian: 6 HVP sweeps u = e_j, then symmetrised (H + Hᵀ)/2 ==== */
int worked_example_iii_hessian(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict loss, sg_real *restrict grad, sg_real *restrict H, sg_real *restrict work)
{
    sg_real *restrict u = work + 8;
    int rc = SG_OK;
    for (long j = 0; j < 6; ++j) {
        memset(u, 0, sizeof(sg_real) * 6);
        u[j] = 1;
        rc = worked_example_iii_hvp(theta, data, n, u, loss, grad, H + j * 6, work);
        if (rc != SG_OK) return rc;
    }
    for (long i = 0; i < 6; ++i)
        for (long j = 0; j < i; ++j) {
            const sg_real v = (sg_real)0.5 * (H[i * 6 + j] + H[j * 6 + i]);
            H[i * 6 + j] = v;
            H[j * 6 + i] = v;
        }
    return rc;
}

#ifdef __cplusplus
}  /* extern "C" */
#endif
