/* dag_scalar.c: symgrad kernels for model 'dag_scalar' (float64), emitter v3.
   Generated from the assignment graph of dag_scalar.toml; do not edit.
   C99 + libm (also compiles as C++): cc -O3 -std=c99 -c dag_scalar.c   (link with -lm)
   The runtime (GEMM kernels, stable helpers) is symgrad_runtime.h, included from this file's
   directory (`symgrad generate` writes it here; with --single-file it is inlined below).
   Layout: theta = th1[], th2[], th3[] (row-major, packed)
           data row = r1[], r2[]
           forward row = J[]
   Batch objective: mean over samples of 'J'. */
#define SG_REAL_BITS 64  /* sg_real = double */
#include "symgrad_runtime.h"
#if !defined(SYMGRAD_RUNTIME_ID) || SYMGRAD_RUNTIME_ID != 0x8eb30123UL
#  error "symgrad_runtime.h is not the one generated with this file: regenerate both together"
#endif
#ifdef __cplusplus
extern "C" {
#endif

#define DAG_SCALAR_N_PARAMS 3
#define DAG_SCALAR_DATA_WIDTH 2
#define DAG_SCALAR_OUT_WIDTH 1
#define DAG_SCALAR_INFO_N_PARAMS 0
#define DAG_SCALAR_INFO_DATA_WIDTH 1
#define DAG_SCALAR_INFO_OUT_WIDTH 2
#define DAG_SCALAR_INFO_JAC_ROWS 3
#define DAG_SCALAR_INFO_JAC_COLS 4
#define DAG_SCALAR_INFO_TILE 5
#define DAG_SCALAR_INFO_DTYPE_BYTES 6
#define DAG_SCALAR_INFO_WORK_FORWARD 7
#define DAG_SCALAR_INFO_WORK_LOSS_GRAD 8
#define DAG_SCALAR_INFO_WORK_HVP 9
#define DAG_SCALAR_INFO_WORK_HESSIAN 10
#define DAG_SCALAR_INFO_WORK_JACOBIAN 11

long dag_scalar_info(int what)
{
    switch (what) {
    case 0: return 3L;
    case 1: return 2L;
    case 2: return 1L;
    case 3: return 1L;
    case 4: return 5L;
    case 5: return 256L;
    case 6: return 8L;
    case 7: return 2304L;
    case 8: return 4920L;
    case 9: return 11368L;
    case 10: return 11382L;
    case 11: return 8704L;
    default: return -1L;
    }
}

/* ==== forward: tile of 256 samples, workspace 2304 reals ==== */
int dag_scalar_forward(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 3)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 2)) return SG_EDATA;
    const sg_real *restrict p_th1 = theta + 0;  /* [] */
    const sg_real *restrict p_th2 = theta + 1;  /* [] */
    const sg_real *restrict p_th3 = theta + 2;  /* [] */
    sg_real *restrict t_z1 = work + 0;  /* tile [] */
    sg_real *restrict t_z2 = work + 256;  /* tile [] */
    sg_real *restrict t_s1_1 = work + 512;  /* tile [2] */
    sg_real *restrict t_s1_2 = work + 1024;  /* tile [2] */
    sg_real *restrict t_s1 = work + 1536;  /* tile [] */
    sg_real *restrict t_s2 = work + 1792;  /* tile [] */
    sg_real *restrict t_J = work + 2048;  /* tile [] */
    (void)p_th1;
    (void)p_th2;
    (void)p_th3;
    /* ---- sample-invariant part (once per call) ---- */
    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        const sg_real *restrict d_r1 = data + t0 * 2 + 0;
        (void)d_r1;
        const sg_real *restrict d_r2 = data + t0 * 2 + 1;
        (void)d_r2;
        /* z1 ... z2 (scalar run) */
        for (s = 0; s < nt; ++s) {
            const sg_real l1 = d_r1[s*2];
            const sg_real l2 = p_th1[0];
            const sg_real v3 = l1*l2;
            t_z1[s*1] = v3;
            const sg_real l4 = d_r2[s*2];
            const sg_real l5 = p_th2[0];
            const sg_real v6 = l4*l5;
            t_z2[s*1] = v6;
        }

        /* s1#1 = stack(z1, z2) */
        for (s = 0; s < nt; ++s) {
        t_s1_1[s*2] = t_z1[s*1];
        t_s1_1[s*2 + 1] = t_z2[s*1];
        }

        /* s1#2 = softmax(s1#1) (max subtracted) */
        for (s = 0; s < nt; ++s) {
        { sg_real mx = t_s1_1[s*2], se = 0;
        for (int k = 1; k < 2; ++k) mx = t_s1_1[s*2 + k] > mx ? t_s1_1[s*2 + k] : mx;
        for (int k = 0; k < 2; ++k) se += exp(t_s1_1[s*2 + k] - mx);
          const sg_real inv = 1 / se;
          for (int k = 0; k < 2; ++k) t_s1_2[s*2 + k] = exp(t_s1_1[s*2 + k] - mx) * inv; }
        }

        /* s1 = index(s1#2) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_s1[s*1 + k] = t_s1_2[s*2 + k + 0];
        }

        /* s2 = index(s1#2) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_s2[s*1 + k] = t_s1_2[s*2 + k + 1];
        }

        /* u ... J (scalar run) */
        for (s = 0; s < nt; ++s) {
            const sg_real l1 = d_r1[s*2];
            const sg_real l2 = d_r2[s*2];
            const sg_real l3 = p_th1[0];
            const sg_real l4 = p_th3[0];
            const sg_real v5 = l1*l3 + l2*l4;
            const sg_real v6 = sg_sigmoid(v5);
            const sg_real l7 = t_s1[s*1];
            const sg_real l8 = p_th2[0];
            const sg_real v9 = l1*l8 + l4*v6 + l7*l8;
            const sg_real l10 = t_s2[s*1];
            const sg_real v11 = (v9*v9) - log(l10);
            t_J[s*1] = v11;
        }

        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) out[(t0 + s)*1 + 0 + k] = t_J[s*1 + k];

    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== loss_grad: tile of 256 samples, workspace 4920 reals ==== */
int dag_scalar_loss_grad(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 3)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 2)) return SG_EDATA;
    const sg_real *restrict p_th1 = theta + 0;  /* [] */
    const sg_real *restrict p_th2 = theta + 1;  /* [] */
    const sg_real *restrict p_th3 = theta + 2;  /* [] */
    sg_real *restrict t_z1 = work + 0;  /* tile [] */
    sg_real *restrict t_z2 = work + 256;  /* tile [] */
    sg_real *restrict t_s1_1 = work + 512;  /* tile [2] */
    sg_real *restrict t_s1_2 = work + 1024;  /* tile [2] */
    sg_real *restrict t_s1 = work + 1536;  /* tile [] */
    sg_real *restrict t_s2 = work + 1792;  /* tile [] */
    sg_real *restrict t_d_s2 = work + 2048;  /* tile [] */
    sg_real *restrict t_d_s1 = work + 2304;  /* tile [] */
    sg_real *restrict t_d_s1_2 = work + 2560;  /* tile [2] */
    sg_real *restrict t_d_s1_1_1 = work + 3072;  /* tile [2] */
    sg_real *restrict t_d_s1_1_2 = work + 3584;  /* tile [] */
    sg_real *restrict t_d_s1_1 = work + 3840;  /* tile [2] */
    sg_real *restrict t_d_z1 = work + 4352;  /* tile [] */
    sg_real *restrict t_d_z2 = work + 4608;  /* tile [] */
    sg_real *restrict r_J = work + 4864;  /* acc [] */
    sg_real *restrict r_d_th2_1 = work + 4872;  /* acc [] */
    sg_real *restrict r_d_th3_1 = work + 4880;  /* acc [] */
    sg_real *restrict r_d_th1_1 = work + 4888;  /* acc [] */
    sg_real *restrict r_d_th3_2 = work + 4896;  /* acc [] */
    sg_real *restrict r_d_th2_2 = work + 4904;  /* acc [] */
    sg_real *restrict r_d_th1_2 = work + 4912;  /* acc [] */
    sg_real *restrict r_d_th1 = grad + 0;  /* accumulated in place [] */
    sg_real *restrict r_d_th2 = grad + 1;  /* accumulated in place [] */
    sg_real *restrict r_d_th3 = grad + 2;  /* accumulated in place [] */
    (void)p_th1;
    (void)p_th2;
    (void)p_th3;
    /* ---- sample-invariant part (once per call) ---- */
    memset(r_J, 0, sizeof(sg_real) * 1);
    memset(r_d_th2_1, 0, sizeof(sg_real) * 1);
    memset(r_d_th3_1, 0, sizeof(sg_real) * 1);
    memset(r_d_th1_1, 0, sizeof(sg_real) * 1);
    memset(r_d_th3_2, 0, sizeof(sg_real) * 1);
    memset(r_d_th2_2, 0, sizeof(sg_real) * 1);
    memset(r_d_th1_2, 0, sizeof(sg_real) * 1);
    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        const sg_real *restrict d_r1 = data + t0 * 2 + 0;
        (void)d_r1;
        const sg_real *restrict d_r2 = data + t0 * 2 + 1;
        (void)d_r2;
        /* z1 ... z2 (scalar run) */
        for (s = 0; s < nt; ++s) {
            const sg_real l1 = d_r1[s*2];
            const sg_real l2 = p_th1[0];
            const sg_real v3 = l1*l2;
            t_z1[s*1] = v3;
            const sg_real l4 = d_r2[s*2];
            const sg_real l5 = p_th2[0];
            const sg_real v6 = l4*l5;
            t_z2[s*1] = v6;
        }

        /* s1#1 = stack(z1, z2) */
        for (s = 0; s < nt; ++s) {
        t_s1_1[s*2] = t_z1[s*1];
        t_s1_1[s*2 + 1] = t_z2[s*1];
        }

        /* s1#2 = softmax(s1#1) (max subtracted) */
        for (s = 0; s < nt; ++s) {
        { sg_real mx = t_s1_1[s*2], se = 0;
        for (int k = 1; k < 2; ++k) mx = t_s1_1[s*2 + k] > mx ? t_s1_1[s*2 + k] : mx;
        for (int k = 0; k < 2; ++k) se += exp(t_s1_1[s*2 + k] - mx);
          const sg_real inv = 1 / se;
          for (int k = 0; k < 2; ++k) t_s1_2[s*2 + k] = exp(t_s1_1[s*2 + k] - mx) * inv; }
        }

        /* s1 = index(s1#2) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_s1[s*1 + k] = t_s1_2[s*2 + k + 0];
        }

        /* s2 = index(s1#2) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_s2[s*1 + k] = t_s1_2[s*2 + k + 1];
        }

        /* u ... d[th3]#2 (scalar run) */
        for (s = 0; s < nt; ++s) {
            const sg_real l1 = d_r1[s*2];
            const sg_real l2 = d_r2[s*2];
            const sg_real l3 = p_th1[0];
            const sg_real l4 = p_th3[0];
            const sg_real v5 = l1*l3 + l2*l4;
            const sg_real v6 = sg_sigmoid(v5);
            const sg_real l7 = t_s1[s*1];
            const sg_real l8 = p_th2[0];
            const sg_real v9 = l1*l8 + l4*v6 + l7*l8;
            const sg_real l10 = t_s2[s*1];
            const sg_real v11 = (v9*v9) - log(l10);
            r_J[0] += v11;
            const sg_real v12 = -1.0/l10;
            t_d_s2[s*1] = v12;
            const sg_real v13 = 2.0*v9;
            const sg_real v14 = l8*v13;
            t_d_s1[s*1] = v14;
            const sg_real v15 = v13*(l1 + l7);
            r_d_th2_1[0] += v15;
            const sg_real v16 = v13*v6;
            r_d_th3_1[0] += v16;
            const sg_real v17 = l4*v13;
            const sg_real v18 = v17*v6*(1.0 - v6);
            const sg_real v19 = l1*v18;
            r_d_th1_1[0] += v19;
            const sg_real v20 = l2*v18;
            r_d_th3_2[0] += v20;
        }

        /* d[s1#2] = scatter(d[s2], d[s1]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) t_d_s1_2[s*2 + k] = 0;
        for (int k = 0; k < 1; ++k) t_d_s1_2[s*2 + k + 1] += t_d_s2[s*1 + k];
        for (int k = 0; k < 1; ++k) t_d_s1_2[s*2 + k + 0] += t_d_s1[s*1 + k];
        }

        /* d[s1#1]#1 = d[s1#2]*s1#2 */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_d_s1_2[k];
            const sg_real a1 = t_s1_2[k];
        t_d_s1_1_1[k] = a0*a1;
        }

        /* d[s1#1]#2 = sum(d[s1#1]#1) */
        for (s = 0; s < nt; ++s) {
        { sg_real acc = 0;
          for (int k = 0; k < 2; ++k) acc += t_d_s1_1_1[s*2 + k];
          t_d_s1_1_2[s*1] = acc; }
        }

        /* d[s1#1] = s1#2*(-d[s1#1]#2 + d[s1#2]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = t_d_s1_1_2[s*1];
            const sg_real a1 = t_d_s1_2[s*2 + k];
            const sg_real a2 = t_s1_2[s*2 + k];
        t_d_s1_1[s*2 + k] = a2*(-a0 + a1);
        }
        }

        /* d[z1] = index(d[s1#1]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_d_z1[s*1 + k] = t_d_s1_1[s*2 + k + 0];
        }

        /* d[z2] = index(d[s1#1]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_d_z2[s*1 + k] = t_d_s1_1[s*2 + k + 1];
        }

        /* d[th2]#2 ... d[th1]#2 (scalar run) */
        for (s = 0; s < nt; ++s) {
            const sg_real l1 = t_d_z2[s*1];
            const sg_real l2 = d_r2[s*2];
            const sg_real v3 = l1*l2;
            r_d_th2_2[0] += v3;
            const sg_real l4 = t_d_z1[s*1];
            const sg_real l5 = d_r1[s*2];
            const sg_real v6 = l4*l5;
            r_d_th1_2[0] += v6;
        }

    }
    /* ---- after the tiles ---- */
    /* d[th1] = d[th1]#1 + d[th1]#2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = r_d_th1_1[k];
        const sg_real a1 = r_d_th1_2[k];
    r_d_th1[k] = a0 + a1;
    }

    /* d[th2] = d[th2]#1 + d[th2]#2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = r_d_th2_1[k];
        const sg_real a1 = r_d_th2_2[k];
    r_d_th2[k] = a0 + a1;
    }

    /* d[th3] = d[th3]#1 + d[th3]#2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = r_d_th3_1[k];
        const sg_real a1 = r_d_th3_2[k];
    r_d_th3[k] = a0 + a1;
    }

    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (r_J[0]);
    if (scale != 1) {
        for (int k = 0; k < 1; ++k) r_d_th1[k] *= scale;  /* grad: th1 */
        for (int k = 0; k < 1; ++k) r_d_th2[k] *= scale;  /* grad: th2 */
        for (int k = 0; k < 1; ++k) r_d_th3[k] *= scale;  /* grad: th3 */
    }
    return SG_OK;
}

/* ==== hvp: tile of 256 samples, workspace 11368 reals ==== */
int dag_scalar_hvp(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 3)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 2)) return SG_EDATA;
    if (!sg_all_finite(dir, 3)) return SG_EDIR;
    const sg_real *restrict p_th1 = theta + 0;  /* [] */
    const sg_real *restrict p_th2 = theta + 1;  /* [] */
    const sg_real *restrict p_th3 = theta + 2;  /* [] */
    const sg_real *restrict u_th1 = dir + 0;
    const sg_real *restrict u_th2 = dir + 1;
    const sg_real *restrict u_th3 = dir + 2;
    sg_real *restrict t_z1 = work + 0;  /* tile [] */
    sg_real *restrict t_z2 = work + 256;  /* tile [] */
    sg_real *restrict t_s1_1 = work + 512;  /* tile [2] */
    sg_real *restrict t_s1_2 = work + 1024;  /* tile [2] */
    sg_real *restrict t_s1 = work + 1536;  /* tile [] */
    sg_real *restrict t_s2 = work + 1792;  /* tile [] */
    sg_real *restrict t_y4 = work + 2048;  /* tile [] */
    sg_real *restrict t_d_s2 = work + 2304;  /* tile [] */
    sg_real *restrict t_d_y5 = work + 2560;  /* tile [] */
    sg_real *restrict t_d_s1 = work + 2816;  /* tile [] */
    sg_real *restrict t_d_y4 = work + 3072;  /* tile [] */
    sg_real *restrict t_d_s1_2 = work + 3328;  /* tile [2] */
    sg_real *restrict t_d_s1_1_1 = work + 3840;  /* tile [2] */
    sg_real *restrict t_d_s1_1_2 = work + 4352;  /* tile [] */
    sg_real *restrict t_d_s1_1 = work + 4608;  /* tile [2] */
    sg_real *restrict t_d_z1 = work + 5120;  /* tile [] */
    sg_real *restrict t_d_z2 = work + 5376;  /* tile [] */
    sg_real *restrict t_t_z1 = work + 5632;  /* tile [] */
    sg_real *restrict t_t_z2 = work + 5888;  /* tile [] */
    sg_real *restrict t_t_s1_1 = work + 6144;  /* tile [2] */
    sg_real *restrict t_t_s1_2_1 = work + 6656;  /* tile [2] */
    sg_real *restrict t_t_s1_2_2 = work + 7168;  /* tile [] */
    sg_real *restrict t_t_s1_2 = work + 7424;  /* tile [2] */
    sg_real *restrict t_t_s1 = work + 7936;  /* tile [] */
    sg_real *restrict t_t_s2 = work + 8192;  /* tile [] */
    sg_real *restrict t_t_d_s2 = work + 8448;  /* tile [] */
    sg_real *restrict t_t_d_s1 = work + 8704;  /* tile [] */
    sg_real *restrict t_t_d_s1_2 = work + 8960;  /* tile [2] */
    sg_real *restrict t_t_d_s1_1_1 = work + 9472;  /* tile [2] */
    sg_real *restrict t_t_d_s1_1_2 = work + 9984;  /* tile [] */
    sg_real *restrict t_t_d_s1_1 = work + 10240;  /* tile [2] */
    sg_real *restrict t_t_d_z1 = work + 10752;  /* tile [] */
    sg_real *restrict t_t_d_z2 = work + 11008;  /* tile [] */
    sg_real *restrict r_J = work + 11264;  /* acc [] */
    sg_real *restrict r_d_th2_1 = work + 11272;  /* acc [] */
    sg_real *restrict r_d_th3_1 = work + 11280;  /* acc [] */
    sg_real *restrict r_d_th1_1 = work + 11288;  /* acc [] */
    sg_real *restrict r_d_th3_2 = work + 11296;  /* acc [] */
    sg_real *restrict r_d_th2_2 = work + 11304;  /* acc [] */
    sg_real *restrict r_d_th1_2 = work + 11312;  /* acc [] */
    sg_real *restrict r_d_th1 = grad + 0;  /* accumulated in place [] */
    sg_real *restrict r_d_th2 = grad + 1;  /* accumulated in place [] */
    sg_real *restrict r_d_th3 = grad + 2;  /* accumulated in place [] */
    sg_real *restrict r_t_d_th2_1 = work + 11320;  /* acc [] */
    sg_real *restrict r_t_d_th3_1 = work + 11328;  /* acc [] */
    sg_real *restrict r_t_d_th1_1 = work + 11336;  /* acc [] */
    sg_real *restrict r_t_d_th3_2 = work + 11344;  /* acc [] */
    sg_real *restrict r_t_d_th2_2 = work + 11352;  /* acc [] */
    sg_real *restrict r_t_d_th1_2 = work + 11360;  /* acc [] */
    sg_real *restrict r_t_d_th1 = hv + 0;  /* accumulated in place [] */
    sg_real *restrict r_t_d_th2 = hv + 1;  /* accumulated in place [] */
    sg_real *restrict r_t_d_th3 = hv + 2;  /* accumulated in place [] */
    (void)p_th1;
    (void)p_th2;
    (void)p_th3;
    (void)u_th1;
    (void)u_th2;
    (void)u_th3;
    /* ---- sample-invariant part (once per call) ---- */
    memset(r_J, 0, sizeof(sg_real) * 1);
    memset(r_d_th2_1, 0, sizeof(sg_real) * 1);
    memset(r_d_th3_1, 0, sizeof(sg_real) * 1);
    memset(r_d_th1_1, 0, sizeof(sg_real) * 1);
    memset(r_d_th3_2, 0, sizeof(sg_real) * 1);
    memset(r_d_th2_2, 0, sizeof(sg_real) * 1);
    memset(r_d_th1_2, 0, sizeof(sg_real) * 1);
    memset(r_t_d_th2_1, 0, sizeof(sg_real) * 1);
    memset(r_t_d_th3_1, 0, sizeof(sg_real) * 1);
    memset(r_t_d_th1_1, 0, sizeof(sg_real) * 1);
    memset(r_t_d_th3_2, 0, sizeof(sg_real) * 1);
    memset(r_t_d_th2_2, 0, sizeof(sg_real) * 1);
    memset(r_t_d_th1_2, 0, sizeof(sg_real) * 1);
    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        const sg_real *restrict d_r1 = data + t0 * 2 + 0;
        (void)d_r1;
        const sg_real *restrict d_r2 = data + t0 * 2 + 1;
        (void)d_r2;
        /* z1 ... z2 (scalar run) */
        for (s = 0; s < nt; ++s) {
            const sg_real l1 = d_r1[s*2];
            const sg_real l2 = p_th1[0];
            const sg_real v3 = l1*l2;
            t_z1[s*1] = v3;
            const sg_real l4 = d_r2[s*2];
            const sg_real l5 = p_th2[0];
            const sg_real v6 = l4*l5;
            t_z2[s*1] = v6;
        }

        /* s1#1 = stack(z1, z2) */
        for (s = 0; s < nt; ++s) {
        t_s1_1[s*2] = t_z1[s*1];
        t_s1_1[s*2 + 1] = t_z2[s*1];
        }

        /* s1#2 = softmax(s1#1) (max subtracted) */
        for (s = 0; s < nt; ++s) {
        { sg_real mx = t_s1_1[s*2], se = 0;
        for (int k = 1; k < 2; ++k) mx = t_s1_1[s*2 + k] > mx ? t_s1_1[s*2 + k] : mx;
        for (int k = 0; k < 2; ++k) se += exp(t_s1_1[s*2 + k] - mx);
          const sg_real inv = 1 / se;
          for (int k = 0; k < 2; ++k) t_s1_2[s*2 + k] = exp(t_s1_1[s*2 + k] - mx) * inv; }
        }

        /* s1 = index(s1#2) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_s1[s*1 + k] = t_s1_2[s*2 + k + 0];
        }

        /* s2 = index(s1#2) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_s2[s*1 + k] = t_s1_2[s*2 + k + 1];
        }

        /* u ... d[th3]#2 (scalar run) */
        for (s = 0; s < nt; ++s) {
            const sg_real l1 = d_r1[s*2];
            const sg_real l2 = d_r2[s*2];
            const sg_real l3 = p_th1[0];
            const sg_real l4 = p_th3[0];
            const sg_real v5 = l1*l3 + l2*l4;
            const sg_real v6 = sg_sigmoid(v5);
            t_y4[s*1] = v6;
            const sg_real l7 = t_s1[s*1];
            const sg_real l8 = p_th2[0];
            const sg_real v9 = l1*l8 + l4*v6 + l7*l8;
            const sg_real l10 = t_s2[s*1];
            const sg_real v11 = (v9*v9) - log(l10);
            r_J[0] += v11;
            const sg_real v12 = -1.0/l10;
            t_d_s2[s*1] = v12;
            const sg_real v13 = 2.0*v9;
            t_d_y5[s*1] = v13;
            const sg_real v14 = l8*v13;
            t_d_s1[s*1] = v14;
            const sg_real v15 = v13*(l1 + l7);
            r_d_th2_1[0] += v15;
            const sg_real v16 = v13*v6;
            r_d_th3_1[0] += v16;
            const sg_real v17 = l4*v13;
            t_d_y4[s*1] = v17;
            const sg_real v18 = v17*v6*(1.0 - v6);
            const sg_real v19 = l1*v18;
            r_d_th1_1[0] += v19;
            const sg_real v20 = l2*v18;
            r_d_th3_2[0] += v20;
        }

        /* d[s1#2] = scatter(d[s2], d[s1]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) t_d_s1_2[s*2 + k] = 0;
        for (int k = 0; k < 1; ++k) t_d_s1_2[s*2 + k + 1] += t_d_s2[s*1 + k];
        for (int k = 0; k < 1; ++k) t_d_s1_2[s*2 + k + 0] += t_d_s1[s*1 + k];
        }

        /* d[s1#1]#1 = d[s1#2]*s1#2 */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_d_s1_2[k];
            const sg_real a1 = t_s1_2[k];
        t_d_s1_1_1[k] = a0*a1;
        }

        /* d[s1#1]#2 = sum(d[s1#1]#1) */
        for (s = 0; s < nt; ++s) {
        { sg_real acc = 0;
          for (int k = 0; k < 2; ++k) acc += t_d_s1_1_1[s*2 + k];
          t_d_s1_1_2[s*1] = acc; }
        }

        /* d[s1#1] = s1#2*(-d[s1#1]#2 + d[s1#2]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = t_d_s1_1_2[s*1];
            const sg_real a1 = t_d_s1_2[s*2 + k];
            const sg_real a2 = t_s1_2[s*2 + k];
        t_d_s1_1[s*2 + k] = a2*(-a0 + a1);
        }
        }

        /* d[z1] = index(d[s1#1]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_d_z1[s*1 + k] = t_d_s1_1[s*2 + k + 0];
        }

        /* d[z2] = index(d[s1#1]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_d_z2[s*1 + k] = t_d_s1_1[s*2 + k + 1];
        }

        /* d[th2]#2 ... t[z2] (scalar run) */
        for (s = 0; s < nt; ++s) {
            const sg_real l1 = t_d_z2[s*1];
            const sg_real l2 = d_r2[s*2];
            const sg_real v3 = l1*l2;
            r_d_th2_2[0] += v3;
            const sg_real l4 = t_d_z1[s*1];
            const sg_real l5 = d_r1[s*2];
            const sg_real v6 = l4*l5;
            r_d_th1_2[0] += v6;
            const sg_real l7 = u_th1[0];
            const sg_real v8 = l5*l7;
            t_t_z1[s*1] = v8;
            const sg_real l9 = u_th2[0];
            const sg_real v10 = l2*l9;
            t_t_z2[s*1] = v10;
        }

        /* t[s1#1] = stack(t[z1], t[z2]) */
        for (s = 0; s < nt; ++s) {
        t_t_s1_1[s*2] = t_t_z1[s*1];
        t_t_s1_1[s*2 + 1] = t_t_z2[s*1];
        }

        /* t[s1#2]#1 = s1#2*t[s1#1] */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_s1_2[k];
            const sg_real a1 = t_t_s1_1[k];
        t_t_s1_2_1[k] = a0*a1;
        }

        /* t[s1#2]#2 = sum(t[s1#2]#1) */
        for (s = 0; s < nt; ++s) {
        { sg_real acc = 0;
          for (int k = 0; k < 2; ++k) acc += t_t_s1_2_1[s*2 + k];
          t_t_s1_2_2[s*1] = acc; }
        }

        /* t[s1#2] = s1#2*(t[s1#1] - t[s1#2]#2) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = t_s1_2[s*2 + k];
            const sg_real a1 = t_t_s1_1[s*2 + k];
            const sg_real a2 = t_t_s1_2_2[s*1];
        t_t_s1_2[s*2 + k] = a0*(a1 - a2);
        }
        }

        /* t[s1] = index(t[s1#2]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_t_s1[s*1 + k] = t_t_s1_2[s*2 + k + 0];
        }

        /* t[s2] = index(t[s1#2]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_t_s2[s*1 + k] = t_t_s1_2[s*2 + k + 1];
        }

        /* t[u] ... t[d[th3]#2] (scalar run) */
        for (s = 0; s < nt; ++s) {
            const sg_real l1 = d_r1[s*2];
            const sg_real l2 = d_r2[s*2];
            const sg_real l3 = u_th1[0];
            const sg_real l4 = u_th3[0];
            const sg_real v5 = l1*l3 + l2*l4;
            const sg_real l6 = t_y4[s*1];
            const sg_real v7 = l6*v5*(1.0 - l6);
            const sg_real l8 = t_s1[s*1];
            const sg_real l9 = t_t_s1[s*1];
            const sg_real l10 = p_th2[0];
            const sg_real l11 = p_th3[0];
            const sg_real l12 = u_th2[0];
            const sg_real v13 = l10*l9 + l11*v7 + l12*(l1 + l8) + l4*l6;
            const sg_real l14 = t_s2[s*1];
            const sg_real l15 = t_t_s2[s*1];
            const sg_real v16 = l15/(l14*l14);
            t_t_d_s2[s*1] = v16;
            const sg_real v17 = 2.0*v13;
            const sg_real l18 = t_d_y5[s*1];
            const sg_real v19 = l10*v17 + l12*l18;
            t_t_d_s1[s*1] = v19;
            const sg_real v20 = l18*l9 + v17*(l1 + l8);
            r_t_d_th2_1[0] += v20;
            const sg_real v21 = l18*v7 + l6*v17;
            r_t_d_th3_1[0] += v21;
            const sg_real v22 = l11*v17 + l18*l4;
            const sg_real l23 = t_d_y4[s*1];
            const sg_real q24 = 1.0 - l6;
            const sg_real v25 = v7*(l23*q24 - l23*l6) + l6*q24*v22;
            const sg_real v26 = l1*v25;
            r_t_d_th1_1[0] += v26;
            const sg_real v27 = l2*v25;
            r_t_d_th3_2[0] += v27;
        }

        /* t[d[s1#2]] = scatter(t[d[s2]], t[d[s1]]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) t_t_d_s1_2[s*2 + k] = 0;
        for (int k = 0; k < 1; ++k) t_t_d_s1_2[s*2 + k + 1] += t_t_d_s2[s*1 + k];
        for (int k = 0; k < 1; ++k) t_t_d_s1_2[s*2 + k + 0] += t_t_d_s1[s*1 + k];
        }

        /* t[d[s1#1]#1] = d[s1#2]*t[s1#2] + s1#2*t[d[s1#2]] */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_d_s1_2[k];
            const sg_real a1 = t_s1_2[k];
            const sg_real a2 = t_t_d_s1_2[k];
            const sg_real a3 = t_t_s1_2[k];
        t_t_d_s1_1_1[k] = a0*a3 + a1*a2;
        }

        /* t[d[s1#1]#2] = sum(t[d[s1#1]#1]) */
        for (s = 0; s < nt; ++s) {
        { sg_real acc = 0;
          for (int k = 0; k < 2; ++k) acc += t_t_d_s1_1_1[s*2 + k];
          t_t_d_s1_1_2[s*1] = acc; }
        }

        /* t[d[s1#1]] = -s1#2*t[d[s1#1]#2] + s1#2*t[d[s1#2]] + t[s1#2]*(-d[s1#1]#2 + d[s1#2]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = t_d_s1_1_2[s*1];
            const sg_real a1 = t_d_s1_2[s*2 + k];
            const sg_real a2 = t_s1_2[s*2 + k];
            const sg_real a3 = t_t_d_s1_1_2[s*1];
            const sg_real a4 = t_t_d_s1_2[s*2 + k];
            const sg_real a5 = t_t_s1_2[s*2 + k];
        t_t_d_s1_1[s*2 + k] = -a2*a3 + a2*a4 + a5*(-a0 + a1);
        }
        }

        /* t[d[z1]] = index(t[d[s1#1]]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_t_d_z1[s*1 + k] = t_t_d_s1_1[s*2 + k + 0];
        }

        /* t[d[z2]] = index(t[d[s1#1]]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_t_d_z2[s*1 + k] = t_t_d_s1_1[s*2 + k + 1];
        }

        /* t[d[th2]#2] ... t[d[th1]#2] (scalar run) */
        for (s = 0; s < nt; ++s) {
            const sg_real l1 = d_r2[s*2];
            const sg_real l2 = t_t_d_z2[s*1];
            const sg_real v3 = l1*l2;
            r_t_d_th2_2[0] += v3;
            const sg_real l4 = d_r1[s*2];
            const sg_real l5 = t_t_d_z1[s*1];
            const sg_real v6 = l4*l5;
            r_t_d_th1_2[0] += v6;
        }

    }
    /* ---- after the tiles ---- */
    /* d[th1] = d[th1]#1 + d[th1]#2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = r_d_th1_1[k];
        const sg_real a1 = r_d_th1_2[k];
    r_d_th1[k] = a0 + a1;
    }

    /* d[th2] = d[th2]#1 + d[th2]#2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = r_d_th2_1[k];
        const sg_real a1 = r_d_th2_2[k];
    r_d_th2[k] = a0 + a1;
    }

    /* d[th3] = d[th3]#1 + d[th3]#2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = r_d_th3_1[k];
        const sg_real a1 = r_d_th3_2[k];
    r_d_th3[k] = a0 + a1;
    }

    /* t[d[th1]] = t[d[th1]#1] + t[d[th1]#2] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = r_t_d_th1_1[k];
        const sg_real a1 = r_t_d_th1_2[k];
    r_t_d_th1[k] = a0 + a1;
    }

    /* t[d[th2]] = t[d[th2]#1] + t[d[th2]#2] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = r_t_d_th2_1[k];
        const sg_real a1 = r_t_d_th2_2[k];
    r_t_d_th2[k] = a0 + a1;
    }

    /* t[d[th3]] = t[d[th3]#1] + t[d[th3]#2] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = r_t_d_th3_1[k];
        const sg_real a1 = r_t_d_th3_2[k];
    r_t_d_th3[k] = a0 + a1;
    }

    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (r_J[0]);
    if (scale != 1) {
        for (int k = 0; k < 1; ++k) r_d_th1[k] *= scale;  /* grad: th1 */
        for (int k = 0; k < 1; ++k) r_d_th2[k] *= scale;  /* grad: th2 */
        for (int k = 0; k < 1; ++k) r_d_th3[k] *= scale;  /* grad: th3 */
        for (int k = 0; k < 1; ++k) r_t_d_th1[k] *= scale;  /* hv: th1 */
        for (int k = 0; k < 1; ++k) r_t_d_th2[k] *= scale;  /* hv: th2 */
        for (int k = 0; k < 1; ++k) r_t_d_th3[k] *= scale;  /* hv: th3 */
    }
    return SG_OK;
}

/* ==== jacobian: tile of 256 samples, workspace 8704 reals ==== */
int dag_scalar_jacobian(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 3)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 2)) return SG_EDATA;
    const sg_real *restrict p_th1 = theta + 0;  /* [] */
    const sg_real *restrict p_th2 = theta + 1;  /* [] */
    const sg_real *restrict p_th3 = theta + 2;  /* [] */
    sg_real *restrict v_J = work + 0;  /* tile [] */
    sg_real *restrict t_z1 = work + 256;  /* tile [] */
    sg_real *restrict t_z2 = work + 512;  /* tile [] */
    sg_real *restrict t_s1_1 = work + 768;  /* tile [2] */
    sg_real *restrict t_s1_2 = work + 1280;  /* tile [2] */
    sg_real *restrict t_s1 = work + 1792;  /* tile [] */
    sg_real *restrict t_s2 = work + 2048;  /* tile [] */
    sg_real *restrict t_y4 = work + 2304;  /* tile [] */
    sg_real *restrict t_y5 = work + 2560;  /* tile [] */
    sg_real *restrict t_J0_d_s2 = work + 2816;  /* tile [] */
    sg_real *restrict t_J0_d_r1_1 = work + 3072;  /* tile [] */
    sg_real *restrict t_J0_d_s1 = work + 3328;  /* tile [] */
    sg_real *restrict t_J0_d_th2_1 = work + 3584;  /* tile [] */
    sg_real *restrict t_J0_d_th3_1 = work + 3840;  /* tile [] */
    sg_real *restrict t_J0_d_r1_2 = work + 4096;  /* tile [] */
    sg_real *restrict t_J0_d_r2_1 = work + 4352;  /* tile [] */
    sg_real *restrict t_J0_d_th1_1 = work + 4608;  /* tile [] */
    sg_real *restrict t_J0_d_th3_2 = work + 4864;  /* tile [] */
    sg_real *restrict t_J0_d_s1_2 = work + 5120;  /* tile [2] */
    sg_real *restrict t_J0_d_s1_1_1 = work + 5632;  /* tile [2] */
    sg_real *restrict t_J0_d_s1_1_2 = work + 6144;  /* tile [] */
    sg_real *restrict t_J0_d_s1_1 = work + 6400;  /* tile [2] */
    sg_real *restrict t_J0_d_z1 = work + 6912;  /* tile [] */
    sg_real *restrict t_J0_d_z2 = work + 7168;  /* tile [] */
    sg_real *restrict t_J0_d_r1 = work + 7424;  /* tile [] */
    sg_real *restrict t_J0_d_r2 = work + 7680;  /* tile [] */
    sg_real *restrict t_J0_d_th1 = work + 7936;  /* tile [] */
    sg_real *restrict t_J0_d_th2 = work + 8192;  /* tile [] */
    sg_real *restrict t_J0_d_th3 = work + 8448;  /* tile [] */
    (void)p_th1;
    (void)p_th2;
    (void)p_th3;
    memset(jac, 0, sizeof(sg_real) * (size_t)n * 5);
    /* ---- sample-invariant part (once per call) ---- */
    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        const sg_real *restrict d_r1 = data + t0 * 2 + 0;
        (void)d_r1;
        const sg_real *restrict d_r2 = data + t0 * 2 + 1;
        (void)d_r2;
        /* z1 ... z2 (scalar run) */
        for (s = 0; s < nt; ++s) {
            const sg_real l1 = d_r1[s*2];
            const sg_real l2 = p_th1[0];
            const sg_real v3 = l1*l2;
            t_z1[s*1] = v3;
            const sg_real l4 = d_r2[s*2];
            const sg_real l5 = p_th2[0];
            const sg_real v6 = l4*l5;
            t_z2[s*1] = v6;
        }

        /* s1#1 = stack(z1, z2) */
        for (s = 0; s < nt; ++s) {
        t_s1_1[s*2] = t_z1[s*1];
        t_s1_1[s*2 + 1] = t_z2[s*1];
        }

        /* s1#2 = softmax(s1#1) (max subtracted) */
        for (s = 0; s < nt; ++s) {
        { sg_real mx = t_s1_1[s*2], se = 0;
        for (int k = 1; k < 2; ++k) mx = t_s1_1[s*2 + k] > mx ? t_s1_1[s*2 + k] : mx;
        for (int k = 0; k < 2; ++k) se += exp(t_s1_1[s*2 + k] - mx);
          const sg_real inv = 1 / se;
          for (int k = 0; k < 2; ++k) t_s1_2[s*2 + k] = exp(t_s1_1[s*2 + k] - mx) * inv; }
        }

        /* s1 = index(s1#2) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_s1[s*1 + k] = t_s1_2[s*2 + k + 0];
        }

        /* s2 = index(s1#2) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_s2[s*1 + k] = t_s1_2[s*2 + k + 1];
        }

        /* u ... y5 (scalar run) */
        for (s = 0; s < nt; ++s) {
            const sg_real l1 = d_r1[s*2];
            const sg_real l2 = d_r2[s*2];
            const sg_real l3 = p_th1[0];
            const sg_real l4 = p_th3[0];
            const sg_real v5 = l1*l3 + l2*l4;
            const sg_real v6 = sg_sigmoid(v5);
            t_y4[s*1] = v6;
            const sg_real l7 = t_s1[s*1];
            const sg_real l8 = p_th2[0];
            const sg_real v9 = l1*l8 + l4*v6 + l7*l8;
            t_y5[s*1] = v9;
        }

        /* Jacobian rows of J: one reverse sweep per output element */
        for (int kk = 0; kk < 1; ++kk) {
            for (s = 0; s < nt; ++s)
                for (int k = 0; k < 1; ++k) v_J[s*1 + k] = (k == kk);
            /* J0:d[s2] ... J0:d[th3]#2 (scalar run) */
            for (s = 0; s < nt; ++s) {
                const sg_real l1 = t_s2[s*1];
                const sg_real l2 = v_J[s*1];
                const sg_real v3 = -l2/l1;
                t_J0_d_s2[s*1] = v3;
                const sg_real l4 = t_y5[s*1];
                const sg_real v5 = 2.0*l2*l4;
                const sg_real l6 = p_th2[0];
                const sg_real v7 = l6*v5;
                t_J0_d_r1_1[s*1] = v7;
                t_J0_d_s1[s*1] = v7;
                const sg_real l8 = d_r1[s*2];
                const sg_real l9 = t_s1[s*1];
                const sg_real v10 = v5*(l8 + l9);
                t_J0_d_th2_1[s*1] = v10;
                const sg_real l11 = t_y4[s*1];
                const sg_real v12 = l11*v5;
                t_J0_d_th3_1[s*1] = v12;
                const sg_real l13 = p_th3[0];
                const sg_real v14 = l13*v5;
                const sg_real v15 = l11*v14*(1.0 - l11);
                const sg_real l16 = p_th1[0];
                const sg_real v17 = l16*v15;
                t_J0_d_r1_2[s*1] = v17;
                const sg_real v18 = l13*v15;
                t_J0_d_r2_1[s*1] = v18;
                const sg_real v19 = l8*v15;
                t_J0_d_th1_1[s*1] = v19;
                const sg_real l20 = d_r2[s*2];
                const sg_real v21 = l20*v15;
                t_J0_d_th3_2[s*1] = v21;
            }

            /* J0:d[s1#2] = scatter(J0:d[s2], J0:d[s1]) */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 2; ++k) t_J0_d_s1_2[s*2 + k] = 0;
            for (int k = 0; k < 1; ++k) t_J0_d_s1_2[s*2 + k + 1] += t_J0_d_s2[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_s1_2[s*2 + k + 0] += t_J0_d_s1[s*1 + k];
            }

            /* J0:d[s1#1]#1 = J0:d[s1#2]*s1#2 */
            for (int k = 0; k < nt*2; ++k) {
                const sg_real a0 = t_J0_d_s1_2[k];
                const sg_real a1 = t_s1_2[k];
            t_J0_d_s1_1_1[k] = a0*a1;
            }

            /* J0:d[s1#1]#2 = sum(J0:d[s1#1]#1) */
            for (s = 0; s < nt; ++s) {
            { sg_real acc = 0;
              for (int k = 0; k < 2; ++k) acc += t_J0_d_s1_1_1[s*2 + k];
              t_J0_d_s1_1_2[s*1] = acc; }
            }

            /* J0:d[s1#1] = s1#2*(-J0:d[s1#1]#2 + J0:d[s1#2]) */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 2; ++k) {
                const sg_real a0 = t_J0_d_s1_1_2[s*1];
                const sg_real a1 = t_J0_d_s1_2[s*2 + k];
                const sg_real a2 = t_s1_2[s*2 + k];
            t_J0_d_s1_1[s*2 + k] = a2*(-a0 + a1);
            }
            }

            /* J0:d[z1] = index(J0:d[s1#1]) */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 1; ++k) t_J0_d_z1[s*1 + k] = t_J0_d_s1_1[s*2 + k + 0];
            }

            /* J0:d[z2] = index(J0:d[s1#1]) */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 1; ++k) t_J0_d_z2[s*1 + k] = t_J0_d_s1_1[s*2 + k + 1];
            }

            /* J0:d[r2]#2 ... J0:d[th3] (scalar run) */
            for (s = 0; s < nt; ++s) {
                const sg_real l1 = t_J0_d_z2[s*1];
                const sg_real l2 = p_th2[0];
                const sg_real v3 = l1*l2;
                const sg_real l4 = d_r2[s*2];
                const sg_real v5 = l1*l4;
                const sg_real l6 = t_J0_d_z1[s*1];
                const sg_real l7 = p_th1[0];
                const sg_real v8 = l6*l7;
                const sg_real l9 = d_r1[s*2];
                const sg_real v10 = l6*l9;
                const sg_real l11 = t_J0_d_r1_1[s*1];
                const sg_real l12 = t_J0_d_r1_2[s*1];
                const sg_real v13 = l11 + l12 + v8;
                t_J0_d_r1[s*1] = v13;
                const sg_real l14 = t_J0_d_r2_1[s*1];
                const sg_real v15 = l14 + v3;
                t_J0_d_r2[s*1] = v15;
                const sg_real l16 = t_J0_d_th1_1[s*1];
                const sg_real v17 = l16 + v10;
                t_J0_d_th1[s*1] = v17;
                const sg_real l18 = t_J0_d_th2_1[s*1];
                const sg_real v19 = l18 + v5;
                t_J0_d_th2[s*1] = v19;
                const sg_real l20 = t_J0_d_th3_1[s*1];
                const sg_real l21 = t_J0_d_th3_2[s*1];
                const sg_real v22 = l20 + l21;
                t_J0_d_th3[s*1] = v22;
            }

            for (s = 0; s < nt; ++s) {
                sg_real *restrict jr = jac + ((t0 + s) * 1 + 0 + kk) * 5;
                for (int k = 0; k < 1; ++k) jr[0 + k] = t_J0_d_r1[s*1 + k];  /* r1 */
                for (int k = 0; k < 1; ++k) jr[1 + k] = t_J0_d_r2[s*1 + k];  /* r2 */
                for (int k = 0; k < 1; ++k) jr[2 + k] = t_J0_d_th1[s*1 + k];  /* th1 */
                for (int k = 0; k < 1; ++k) jr[3 + k] = t_J0_d_th2[s*1 + k];  /* th2 */
                for (int k = 0; k < 1; ++k) jr[4 + k] = t_J0_d_th3[s*1 + k];  /* th3 */
            }
        }
    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== hessian: 3 HVP sweeps u = e_j, then symmetrised (H + Hᵀ)/2 ==== */
int dag_scalar_hessian(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict loss, sg_real *restrict grad, sg_real *restrict H, sg_real *restrict work)
{
    sg_real *restrict u = work + 11368;
    int rc = SG_OK;
    for (long j = 0; j < 3; ++j) {
        memset(u, 0, sizeof(sg_real) * 3);
        u[j] = 1;
        rc = dag_scalar_hvp(theta, data, n, u, loss, grad, H + j * 3, work);
        if (rc != SG_OK) return rc;
    }
    for (long i = 0; i < 3; ++i)
        for (long j = 0; j < i; ++j) {
            const sg_real v = (sg_real)0.5 * (H[i * 3 + j] + H[j * 3 + i]);
            H[i * 3 + j] = v;
            H[j * 3 + i] = v;
        }
    return rc;
}

#ifdef __cplusplus
}  /* extern "C" */
#endif
