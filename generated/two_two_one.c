/* two_two_one.c: symgrad kernels for model 'two_two_one' (float64), emitter v3.
   Generated from the assignment graph of two_two_one.toml; do not edit.
   C99 + libm (also compiles as C++): cc -O3 -std=c99 -c two_two_one.c   (link with -lm)
   The runtime (GEMM kernels, stable helpers) is symgrad_runtime.h, included from this file's
   directory (`symgrad generate` writes it here; with --single-file it is inlined below).
   Layout: theta = W1[2, 2], b1[2], W2[2, 2], b2[2], W3[2], b3[] (row-major, packed)
           data row = x[2], y[]
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

#define TWO_TWO_ONE_N_PARAMS 15
#define TWO_TWO_ONE_DATA_WIDTH 3
#define TWO_TWO_ONE_OUT_WIDTH 1
#define TWO_TWO_ONE_INFO_N_PARAMS 0
#define TWO_TWO_ONE_INFO_DATA_WIDTH 1
#define TWO_TWO_ONE_INFO_OUT_WIDTH 2
#define TWO_TWO_ONE_INFO_JAC_ROWS 3
#define TWO_TWO_ONE_INFO_JAC_COLS 4
#define TWO_TWO_ONE_INFO_TILE 5
#define TWO_TWO_ONE_INFO_DTYPE_BYTES 6
#define TWO_TWO_ONE_INFO_WORK_FORWARD 7
#define TWO_TWO_ONE_INFO_WORK_LOSS_GRAD 8
#define TWO_TWO_ONE_INFO_WORK_HVP 9
#define TWO_TWO_ONE_INFO_WORK_HESSIAN 10
#define TWO_TWO_ONE_INFO_WORK_JACOBIAN 11

long two_two_one_info(int what)
{
    switch (what) {
    case 0: return 15L;
    case 1: return 3L;
    case 2: return 1L;
    case 3: return 1L;
    case 4: return 18L;
    case 5: return 256L;
    case 6: return 8L;
    case 7: return 2576L;
    case 8: return 5144L;
    case 9: return 11048L;
    case 10: return 11086L;
    case 11: return 8208L;
    default: return -1L;
    }
}

/* ==== forward: tile of 256 samples, workspace 2576 reals ==== */
int two_two_one_forward(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 15)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 3)) return SG_EDATA;
    const sg_real *restrict p_W1 = theta + 0;  /* [2, 2] */
    const sg_real *restrict p_b1 = theta + 4;  /* [2] */
    const sg_real *restrict p_W2 = theta + 6;  /* [2, 2] */
    const sg_real *restrict p_b2 = theta + 10;  /* [2] */
    const sg_real *restrict p_W3 = theta + 12;  /* [2] */
    const sg_real *restrict p_b3 = theta + 14;  /* [] */
    sg_real *restrict t_z1 = work + 0;  /* tile [2] */
    sg_real *restrict t_a1 = work + 512;  /* tile [2] */
    sg_real *restrict t_z2 = work + 1024;  /* tile [2] */
    sg_real *restrict t_a2 = work + 1536;  /* tile [2] */
    sg_real *restrict t_z3_1 = work + 2048;  /* tile [] */
    sg_real *restrict t_yhat = work + 2304;  /* tile [] */
    sg_real *restrict c_p_W1_T = work + 2560;  /* work [2, 2] */
    sg_real *restrict c_p_W2_T = work + 2568;  /* work [2, 2] */
    (void)p_W1;
    (void)p_b1;
    (void)p_W2;
    (void)p_b2;
    (void)p_W3;
    (void)p_b3;
    /* ---- sample-invariant part (once per call) ---- */
    /* p_W1^T (used when n >= 8) */
    if (n >= 8) sg_transpose(2, 2, p_W1, c_p_W1_T);

    /* p_W2^T (used when n >= 8) */
    if (n >= 8) sg_transpose(2, 2, p_W2, c_p_W2_T);

    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 3 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 3 + 2;
        (void)d_y;
        /* z1 = b1 + z1#1  [b1 + matmul(W1, x)]
           tile GEMM: Z[s, 0:2] = p_b1 + d_x[s,:]·p_W1ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 2, 2, d_x, 3, 1, c_p_W1_T, 2, t_z1, 2, p_b1, 0);
        } else
        {
            sg_gemm_dot(nt, 2, 2, p_W1, d_x, 3, t_z1, 2, p_b1, 0);
        }

        /* a1 = ReLU(z1) */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_z1[k];
        t_a1[k] = sg_relu(a0);
        }

        /* z2 = b2 + z2#1  [b2 + matmul(W2, a1)]
           tile GEMM: Z[s, 0:2] = p_b2 + t_a1[s,:]·p_W2ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 2, 2, t_a1, 2, 1, c_p_W2_T, 2, t_z2, 2, p_b2, 0);
        } else
        {
            sg_gemm_dot(nt, 2, 2, p_W2, t_a1, 2, t_z2, 2, p_b2, 0);
        }

        /* a2 = tanh(z2) */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_z2[k];
        t_a2[k] = tanh(a0);
        }

        /* z3#1 = matmul(W3, a2)  [1x2]·[2x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 1; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 2; ++mk) acc += p_W3[mk] * t_a2[s*2 + mk];
                t_z3_1[s*1 + mi + mj] = acc;
            }
        }
        }

        /* z3 ... yhat (scalar run) */
        for (s = 0; s < nt; ++s) {
            const sg_real l1 = p_b3[0];
            const sg_real l2 = t_z3_1[s*1];
            const sg_real v3 = l1 + l2;
            const sg_real v4 = sg_sigmoid(v3);
            t_yhat[s*1] = v4;
        }

        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) out[(t0 + s)*1 + 0 + k] = t_yhat[s*1 + k];

    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== loss_grad: tile of 256 samples, workspace 5144 reals ==== */
int two_two_one_loss_grad(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 15)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 3)) return SG_EDATA;
    const sg_real *restrict p_W1 = theta + 0;  /* [2, 2] */
    const sg_real *restrict p_b1 = theta + 4;  /* [2] */
    const sg_real *restrict p_W2 = theta + 6;  /* [2, 2] */
    const sg_real *restrict p_b2 = theta + 10;  /* [2] */
    const sg_real *restrict p_W3 = theta + 12;  /* [2] */
    const sg_real *restrict p_b3 = theta + 14;  /* [] */
    sg_real *restrict t_z1 = work + 0;  /* tile [2] */
    sg_real *restrict t_a1 = work + 512;  /* tile [2] */
    sg_real *restrict t_z2 = work + 1024;  /* tile [2] */
    sg_real *restrict t_a2 = work + 1536;  /* tile [2] */
    sg_real *restrict t_z3_1 = work + 2048;  /* tile [] */
    sg_real *restrict t_d_z3 = work + 2304;  /* tile [] */
    sg_real *restrict t_d_W3 = work + 2560;  /* tile [2] */
    sg_real *restrict t_d_a2 = work + 3072;  /* tile [2] */
    sg_real *restrict t_d_z2 = work + 3584;  /* tile [2] */
    sg_real *restrict t_d_a1 = work + 4096;  /* tile [2] */
    sg_real *restrict t_d_z1 = work + 4608;  /* tile [2] */
    sg_real *restrict c_p_W1_T = work + 5120;  /* work [2, 2] */
    sg_real *restrict c_p_W2_T = work + 5128;  /* work [2, 2] */
    sg_real *restrict r_L = work + 5136;  /* acc [] */
    sg_real *restrict r_d_z3 = grad + 14;  /* accumulated in place [] */
    sg_real *restrict r_d_W3 = grad + 12;  /* accumulated in place [2] */
    sg_real *restrict r_d_z2 = grad + 10;  /* accumulated in place [2] */
    sg_real *restrict r_d_W2 = grad + 6;  /* accumulated in place [2, 2] */
    sg_real *restrict r_d_z1 = grad + 4;  /* accumulated in place [2] */
    sg_real *restrict r_d_W1 = grad + 0;  /* accumulated in place [2, 2] */
    (void)p_W1;
    (void)p_b1;
    (void)p_W2;
    (void)p_b2;
    (void)p_W3;
    (void)p_b3;
    /* ---- sample-invariant part (once per call) ---- */
    /* p_W1^T (used when n >= 8) */
    if (n >= 8) sg_transpose(2, 2, p_W1, c_p_W1_T);

    /* p_W2^T (used when n >= 8) */
    if (n >= 8) sg_transpose(2, 2, p_W2, c_p_W2_T);

    memset(r_L, 0, sizeof(sg_real) * 1);
    memset(r_d_z3, 0, sizeof(sg_real) * 1);
    memset(r_d_W3, 0, sizeof(sg_real) * 2);
    memset(r_d_z2, 0, sizeof(sg_real) * 2);
    memset(r_d_z1, 0, sizeof(sg_real) * 2);
    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 3 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 3 + 2;
        (void)d_y;
        /* z1 = b1 + z1#1  [b1 + matmul(W1, x)]
           tile GEMM: Z[s, 0:2] = p_b1 + d_x[s,:]·p_W1ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 2, 2, d_x, 3, 1, c_p_W1_T, 2, t_z1, 2, p_b1, 0);
        } else
        {
            sg_gemm_dot(nt, 2, 2, p_W1, d_x, 3, t_z1, 2, p_b1, 0);
        }

        /* a1 = ReLU(z1) */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_z1[k];
        t_a1[k] = sg_relu(a0);
        }

        /* z2 = b2 + z2#1  [b2 + matmul(W2, a1)]
           tile GEMM: Z[s, 0:2] = p_b2 + t_a1[s,:]·p_W2ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 2, 2, t_a1, 2, 1, c_p_W2_T, 2, t_z2, 2, p_b2, 0);
        } else
        {
            sg_gemm_dot(nt, 2, 2, p_W2, t_a1, 2, t_z2, 2, p_b2, 0);
        }

        /* a2 = tanh(z2) */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_z2[k];
        t_a2[k] = tanh(a0);
        }

        /* z3#1 = matmul(W3, a2)  [1x2]·[2x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 1; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 2; ++mk) acc += p_W3[mk] * t_a2[s*2 + mk];
                t_z3_1[s*1 + mi + mj] = acc;
            }
        }
        }

        /* z3 ... d[z3] (scalar run) */
        for (s = 0; s < nt; ++s) {
            const sg_real l1 = p_b3[0];
            const sg_real l2 = t_z3_1[s*1];
            const sg_real v3 = l1 + l2;
            const sg_real v4 = sg_sigmoid(v3);
            const sg_real l5 = d_y[s*3];
            const sg_real v6 = ((1.0/2.0))*((v4 - l5)*(v4 - l5));
            r_L[0] += v6;
            const sg_real v7 = v4 - l5;
            const sg_real v8 = v4*v7*(1.0 - v4);
            t_d_z3[s*1] = v8;
            r_d_z3[0] += v8;
        }

        /* d[W3] = a2*d[z3] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = t_a2[s*2 + k];
            const sg_real a1 = t_d_z3[s*1];
        t_d_W3[s*2 + k] = a0*a1;
        }
        }

        /* d[a2] = W3*d[z3] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = p_W3[k];
            const sg_real a1 = t_d_z3[s*1];
        t_d_a2[s*2 + k] = a0*a1;
        }
        }

        /* d[z2] = d[a2]*(1 - a2**2) */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_a2[k];
            const sg_real a1 = t_d_a2[k];
        t_d_z2[k] = a1*(1.0 - (a0*a0));
        }

        /* d[a1] = matmul(W2, d[z2])
           tile GEMM: Z[s, 0:2] = t_d_z2[s,:]·p_W2 */
        {
            sg_gemm(nt, 2, 2, t_d_z2, 2, 1, p_W2, 2, t_d_a1, 2, 0, 0);
        }

        /* d[z1] = d[a1]*1[z1 > 0] */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_d_a1[k];
            const sg_real a1 = t_z1[k];
        t_d_z1[k] = a0*((a1) > 0 ? (1.0) : (0.0));
        }

        /* sum d[W3] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_d_W3[k] += t_d_W3[s*2 + k];

        /* sum d[z2] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_d_z2[k] += t_d_z2[s*2 + k];

        /* sum d[W2] = sum outer(d[z2], a1)
           tile GEMM: acc (2x2) = [acc +] t_d_z2ᵀ·t_a1 (stored on the first tile) */
        {
            sg_gemm(2, 2, nt, t_d_z2, 1, 2, t_a1, 2, r_d_W2, 2, 0, t0 > 0);
        }

        /* sum d[z1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_d_z1[k] += t_d_z1[s*2 + k];

        /* sum d[W1] = sum outer(d[z1], x)
           tile GEMM: acc (2x2) = [acc +] t_d_z1ᵀ·d_x (stored on the first tile) */
        {
            sg_gemm(2, 2, nt, t_d_z1, 1, 2, d_x, 3, r_d_W1, 2, 0, t0 > 0);
        }

    }
    /* ---- after the tiles ---- */
    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (r_L[0]);
    if (scale != 1) {
        for (int k = 0; k < 4; ++k) r_d_W1[k] *= scale;  /* grad: W1 */
        for (int k = 0; k < 2; ++k) r_d_z1[k] *= scale;  /* grad: b1 */
        for (int k = 0; k < 4; ++k) r_d_W2[k] *= scale;  /* grad: W2 */
        for (int k = 0; k < 2; ++k) r_d_z2[k] *= scale;  /* grad: b2 */
        for (int k = 0; k < 2; ++k) r_d_W3[k] *= scale;  /* grad: W3 */
        for (int k = 0; k < 1; ++k) r_d_z3[k] *= scale;  /* grad: b3 */
    }
    return SG_OK;
}

/* ==== hvp: tile of 256 samples, workspace 11048 reals ==== */
int two_two_one_hvp(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 15)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 3)) return SG_EDATA;
    if (!sg_all_finite(dir, 15)) return SG_EDIR;
    const sg_real *restrict p_W1 = theta + 0;  /* [2, 2] */
    const sg_real *restrict p_b1 = theta + 4;  /* [2] */
    const sg_real *restrict p_W2 = theta + 6;  /* [2, 2] */
    const sg_real *restrict p_b2 = theta + 10;  /* [2] */
    const sg_real *restrict p_W3 = theta + 12;  /* [2] */
    const sg_real *restrict p_b3 = theta + 14;  /* [] */
    const sg_real *restrict u_W1 = dir + 0;
    const sg_real *restrict u_b1 = dir + 4;
    const sg_real *restrict u_W2 = dir + 6;
    const sg_real *restrict u_b2 = dir + 10;
    const sg_real *restrict u_W3 = dir + 12;
    const sg_real *restrict u_b3 = dir + 14;
    sg_real *restrict t_z1 = work + 0;  /* tile [2] */
    sg_real *restrict t_a1 = work + 512;  /* tile [2] */
    sg_real *restrict t_z2 = work + 1024;  /* tile [2] */
    sg_real *restrict t_a2 = work + 1536;  /* tile [2] */
    sg_real *restrict t_z3_1 = work + 2048;  /* tile [] */
    sg_real *restrict t_yhat = work + 2304;  /* tile [] */
    sg_real *restrict t_d_yhat = work + 2560;  /* tile [] */
    sg_real *restrict t_d_z3 = work + 2816;  /* tile [] */
    sg_real *restrict t_d_W3 = work + 3072;  /* tile [2] */
    sg_real *restrict t_d_a2 = work + 3584;  /* tile [2] */
    sg_real *restrict t_d_z2 = work + 4096;  /* tile [2] */
    sg_real *restrict t_d_a1 = work + 4608;  /* tile [2] */
    sg_real *restrict t_d_z1 = work + 5120;  /* tile [2] */
    sg_real *restrict t_t_z1 = work + 5632;  /* tile [2] */
    sg_real *restrict t_t_a1 = work + 6144;  /* tile [2] */
    sg_real *restrict t_t_z2 = work + 6656;  /* tile [2] */
    sg_real *restrict t_t_a2 = work + 7168;  /* tile [2] */
    sg_real *restrict t_t_z3_1_1 = work + 7680;  /* tile [] */
    sg_real *restrict t_t_z3_1_2 = work + 7936;  /* tile [] */
    sg_real *restrict t_t_d_z3 = work + 8192;  /* tile [] */
    sg_real *restrict t_t_d_W3 = work + 8448;  /* tile [2] */
    sg_real *restrict t_t_d_a2 = work + 8960;  /* tile [2] */
    sg_real *restrict t_t_d_z2 = work + 9472;  /* tile [2] */
    sg_real *restrict t_t_d_a1 = work + 9984;  /* tile [2] */
    sg_real *restrict t_t_d_z1 = work + 10496;  /* tile [2] */
    sg_real *restrict c_p_W1_T = work + 11008;  /* work [2, 2] */
    sg_real *restrict c_p_W2_T = work + 11016;  /* work [2, 2] */
    sg_real *restrict c_u_W1_T = work + 11024;  /* work [2, 2] */
    sg_real *restrict c_u_W2_T = work + 11032;  /* work [2, 2] */
    sg_real *restrict r_L = work + 11040;  /* acc [] */
    sg_real *restrict r_d_z3 = grad + 14;  /* accumulated in place [] */
    sg_real *restrict r_d_W3 = grad + 12;  /* accumulated in place [2] */
    sg_real *restrict r_d_z2 = grad + 10;  /* accumulated in place [2] */
    sg_real *restrict r_d_W2 = grad + 6;  /* accumulated in place [2, 2] */
    sg_real *restrict r_d_z1 = grad + 4;  /* accumulated in place [2] */
    sg_real *restrict r_d_W1 = grad + 0;  /* accumulated in place [2, 2] */
    sg_real *restrict r_t_d_z3 = hv + 14;  /* accumulated in place [] */
    sg_real *restrict r_t_d_W3 = hv + 12;  /* accumulated in place [2] */
    sg_real *restrict r_t_d_z2 = hv + 10;  /* accumulated in place [2] */
    sg_real *restrict r_t_d_W2 = hv + 6;  /* accumulated in place [2, 2] */
    sg_real *restrict r_t_d_z1 = hv + 4;  /* accumulated in place [2] */
    sg_real *restrict r_t_d_W1 = hv + 0;  /* accumulated in place [2, 2] */
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
    /* p_W1^T (used when n >= 8) */
    if (n >= 8) sg_transpose(2, 2, p_W1, c_p_W1_T);

    /* p_W2^T (used when n >= 8) */
    if (n >= 8) sg_transpose(2, 2, p_W2, c_p_W2_T);

    /* u_W1^T (used when n >= 8) */
    if (n >= 8) sg_transpose(2, 2, u_W1, c_u_W1_T);

    /* u_W2^T (used when n >= 8) */
    if (n >= 8) sg_transpose(2, 2, u_W2, c_u_W2_T);

    memset(r_L, 0, sizeof(sg_real) * 1);
    memset(r_d_z3, 0, sizeof(sg_real) * 1);
    memset(r_d_W3, 0, sizeof(sg_real) * 2);
    memset(r_d_z2, 0, sizeof(sg_real) * 2);
    memset(r_d_z1, 0, sizeof(sg_real) * 2);
    memset(r_t_d_z3, 0, sizeof(sg_real) * 1);
    memset(r_t_d_W3, 0, sizeof(sg_real) * 2);
    memset(r_t_d_z2, 0, sizeof(sg_real) * 2);
    memset(r_t_d_z1, 0, sizeof(sg_real) * 2);
    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 3 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 3 + 2;
        (void)d_y;
        /* z1 = b1 + z1#1  [b1 + matmul(W1, x)]
           tile GEMM: Z[s, 0:2] = p_b1 + d_x[s,:]·p_W1ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 2, 2, d_x, 3, 1, c_p_W1_T, 2, t_z1, 2, p_b1, 0);
        } else
        {
            sg_gemm_dot(nt, 2, 2, p_W1, d_x, 3, t_z1, 2, p_b1, 0);
        }

        /* a1 = ReLU(z1) */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_z1[k];
        t_a1[k] = sg_relu(a0);
        }

        /* z2 = b2 + z2#1  [b2 + matmul(W2, a1)]
           tile GEMM: Z[s, 0:2] = p_b2 + t_a1[s,:]·p_W2ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 2, 2, t_a1, 2, 1, c_p_W2_T, 2, t_z2, 2, p_b2, 0);
        } else
        {
            sg_gemm_dot(nt, 2, 2, p_W2, t_a1, 2, t_z2, 2, p_b2, 0);
        }

        /* a2 = tanh(z2) */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_z2[k];
        t_a2[k] = tanh(a0);
        }

        /* z3#1 = matmul(W3, a2)  [1x2]·[2x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 1; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 2; ++mk) acc += p_W3[mk] * t_a2[s*2 + mk];
                t_z3_1[s*1 + mi + mj] = acc;
            }
        }
        }

        /* z3 ... d[z3] (scalar run) */
        for (s = 0; s < nt; ++s) {
            const sg_real l1 = p_b3[0];
            const sg_real l2 = t_z3_1[s*1];
            const sg_real v3 = l1 + l2;
            const sg_real v4 = sg_sigmoid(v3);
            t_yhat[s*1] = v4;
            const sg_real l5 = d_y[s*3];
            const sg_real v6 = ((1.0/2.0))*((v4 - l5)*(v4 - l5));
            r_L[0] += v6;
            const sg_real v7 = v4 - l5;
            t_d_yhat[s*1] = v7;
            const sg_real v8 = v4*v7*(1.0 - v4);
            t_d_z3[s*1] = v8;
            r_d_z3[0] += v8;
        }

        /* d[W3] = a2*d[z3] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = t_a2[s*2 + k];
            const sg_real a1 = t_d_z3[s*1];
        t_d_W3[s*2 + k] = a0*a1;
        }
        }

        /* d[a2] = W3*d[z3] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = p_W3[k];
            const sg_real a1 = t_d_z3[s*1];
        t_d_a2[s*2 + k] = a0*a1;
        }
        }

        /* d[z2] = d[a2]*(1 - a2**2) */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_a2[k];
            const sg_real a1 = t_d_a2[k];
        t_d_z2[k] = a1*(1.0 - (a0*a0));
        }

        /* d[a1] = matmul(W2, d[z2])
           tile GEMM: Z[s, 0:2] = t_d_z2[s,:]·p_W2 */
        {
            sg_gemm(nt, 2, 2, t_d_z2, 2, 1, p_W2, 2, t_d_a1, 2, 0, 0);
        }

        /* d[z1] = d[a1]*1[z1 > 0] */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_d_a1[k];
            const sg_real a1 = t_z1[k];
        t_d_z1[k] = a0*((a1) > 0 ? (1.0) : (0.0));
        }

        /* t[z1] = t[z1#1] + u[b1]  [u[b1] + matmul(u[W1], x)]
           tile GEMM: Z[s, 0:2] = u_b1 + d_x[s,:]·u_W1ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 2, 2, d_x, 3, 1, c_u_W1_T, 2, t_t_z1, 2, u_b1, 0);
        } else
        {
            sg_gemm_dot(nt, 2, 2, u_W1, d_x, 3, t_t_z1, 2, u_b1, 0);
        }

        /* t[a1] = t[z1]*1[z1 > 0] */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_t_z1[k];
            const sg_real a1 = t_z1[k];
        t_t_a1[k] = a0*((a1) > 0 ? (1.0) : (0.0));
        }

        /* t[z2] = t[z2#1] + u[b2]  [u[b2] + matmul(u[W2], a1) + matmul(W2, t[a1])]
           tile GEMM: Z[s, 0:2] = u_b2 + t_a1[s,:]·u_W2ᵀ + t_t_a1[s,:]·p_W2ᵀ */
        if (n >= 8) {
            sg_gemm2(nt, 2, 2, t_a1, 2, 1, c_u_W2_T, 2, 2, t_t_a1, 2, 1, c_p_W2_T, 2, t_t_z2, 2, u_b2, 0);
        } else
        {
            sg_gemm_dot(nt, 2, 2, u_W2, t_a1, 2, t_t_z2, 2, u_b2, 0);
            sg_gemm_dot(nt, 2, 2, p_W2, t_t_a1, 2, t_t_z2, 2, 0, 1);
        }

        /* t[a2] = t[z2]*(1 - a2**2) */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_a2[k];
            const sg_real a1 = t_t_z2[k];
        t_t_a2[k] = a1*(1.0 - (a0*a0));
        }

        /* t[z3#1]#1 = matmul(u[W3], a2)  [1x2]·[2x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 1; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 2; ++mk) acc += u_W3[mk] * t_a2[s*2 + mk];
                t_t_z3_1_1[s*1 + mi + mj] = acc;
            }
        }
        }

        /* t[z3#1]#2 = matmul(W3, t[a2])  [1x2]·[2x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 1; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 2; ++mk) acc += p_W3[mk] * t_t_a2[s*2 + mk];
                t_t_z3_1_2[s*1 + mi + mj] = acc;
            }
        }
        }

        /* t[z3#1] ... t[d[z3]] (scalar run) */
        for (s = 0; s < nt; ++s) {
            const sg_real l1 = t_t_z3_1_1[s*1];
            const sg_real l2 = t_t_z3_1_2[s*1];
            const sg_real v3 = l1 + l2;
            const sg_real l4 = u_b3[0];
            const sg_real v5 = l4 + v3;
            const sg_real l6 = t_yhat[s*1];
            const sg_real v7 = l6*v5*(1.0 - l6);
            const sg_real l8 = t_d_yhat[s*1];
            const sg_real q9 = 1.0 - l6;
            const sg_real v10 = v7*(l8*q9 - l6*l8) + l6*q9*v7;
            t_t_d_z3[s*1] = v10;
            r_t_d_z3[0] += v10;
        }

        /* t[d[W3]] = a2*t[d[z3]] + d[z3]*t[a2] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = t_a2[s*2 + k];
            const sg_real a1 = t_d_z3[s*1];
            const sg_real a2 = t_t_a2[s*2 + k];
            const sg_real a3 = t_t_d_z3[s*1];
        t_t_d_W3[s*2 + k] = a0*a3 + a1*a2;
        }
        }

        /* t[d[a2]] = W3*t[d[z3]] + d[z3]*u[W3] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = p_W3[k];
            const sg_real a1 = t_d_z3[s*1];
            const sg_real a2 = t_t_d_z3[s*1];
            const sg_real a3 = u_W3[k];
        t_t_d_a2[s*2 + k] = a0*a2 + a1*a3;
        }
        }

        /* t[d[z2]] = -2*a2*d[a2]*t[a2] + t[d[a2]]*(1 - a2**2) */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_a2[k];
            const sg_real a1 = t_d_a2[k];
            const sg_real a2 = t_t_a2[k];
            const sg_real a3 = t_t_d_a2[k];
        t_t_d_z2[k] = -2.0*a0*a1*a2 + a3*(1.0 - (a0*a0));
        }

        /* t[d[a1]] = t[d[a1]]#1 + t[d[a1]]#2  [matmul(u[W2], d[z2]) + matmul(W2, t[d[z2]])]
           tile GEMM: Z[s, 0:2] = t_d_z2[s,:]·u_W2 + t_t_d_z2[s,:]·p_W2 */
        {
            sg_gemm2(nt, 2, 2, t_d_z2, 2, 1, u_W2, 2, 2, t_t_d_z2, 2, 1, p_W2, 2, t_t_d_a1, 2, 0, 0);
        }

        /* t[d[z1]] = t[d[a1]]*1[z1 > 0] */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_t_d_a1[k];
            const sg_real a1 = t_z1[k];
        t_t_d_z1[k] = a0*((a1) > 0 ? (1.0) : (0.0));
        }

        /* sum d[W3] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_d_W3[k] += t_d_W3[s*2 + k];

        /* sum d[z2] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_d_z2[k] += t_d_z2[s*2 + k];

        /* sum d[W2] = sum outer(d[z2], a1)
           tile GEMM: acc (2x2) = [acc +] t_d_z2ᵀ·t_a1 (stored on the first tile) */
        {
            sg_gemm(2, 2, nt, t_d_z2, 1, 2, t_a1, 2, r_d_W2, 2, 0, t0 > 0);
        }

        /* sum d[z1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_d_z1[k] += t_d_z1[s*2 + k];

        /* sum d[W1] = sum outer(d[z1], x)
           tile GEMM: acc (2x2) = [acc +] t_d_z1ᵀ·d_x (stored on the first tile) */
        {
            sg_gemm(2, 2, nt, t_d_z1, 1, 2, d_x, 3, r_d_W1, 2, 0, t0 > 0);
        }

        /* sum t[d[W3]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_t_d_W3[k] += t_t_d_W3[s*2 + k];

        /* sum t[d[z2]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_t_d_z2[k] += t_t_d_z2[s*2 + k];

        /* sum t[d[W2]] = sum outer(t[d[z2]], a1) + outer(d[z2], t[a1])
           tile GEMM: acc (2x2) = [acc +] t_t_d_z2ᵀ·t_a1 + t_d_z2ᵀ·t_t_a1 (stored on the first tile) */
        {
            sg_gemm2(2, 2, nt, t_t_d_z2, 1, 2, t_a1, 2, nt, t_d_z2, 1, 2, t_t_a1, 2, r_t_d_W2, 2, 0, t0 > 0);
        }

        /* sum t[d[z1]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_t_d_z1[k] += t_t_d_z1[s*2 + k];

        /* sum t[d[W1]] = sum outer(t[d[z1]], x)
           tile GEMM: acc (2x2) = [acc +] t_t_d_z1ᵀ·d_x (stored on the first tile) */
        {
            sg_gemm(2, 2, nt, t_t_d_z1, 1, 2, d_x, 3, r_t_d_W1, 2, 0, t0 > 0);
        }

    }
    /* ---- after the tiles ---- */
    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (r_L[0]);
    if (scale != 1) {
        for (int k = 0; k < 4; ++k) r_d_W1[k] *= scale;  /* grad: W1 */
        for (int k = 0; k < 2; ++k) r_d_z1[k] *= scale;  /* grad: b1 */
        for (int k = 0; k < 4; ++k) r_d_W2[k] *= scale;  /* grad: W2 */
        for (int k = 0; k < 2; ++k) r_d_z2[k] *= scale;  /* grad: b2 */
        for (int k = 0; k < 2; ++k) r_d_W3[k] *= scale;  /* grad: W3 */
        for (int k = 0; k < 1; ++k) r_d_z3[k] *= scale;  /* grad: b3 */
        for (int k = 0; k < 4; ++k) r_t_d_W1[k] *= scale;  /* hv: W1 */
        for (int k = 0; k < 2; ++k) r_t_d_z1[k] *= scale;  /* hv: b1 */
        for (int k = 0; k < 4; ++k) r_t_d_W2[k] *= scale;  /* hv: W2 */
        for (int k = 0; k < 2; ++k) r_t_d_z2[k] *= scale;  /* hv: b2 */
        for (int k = 0; k < 2; ++k) r_t_d_W3[k] *= scale;  /* hv: W3 */
        for (int k = 0; k < 1; ++k) r_t_d_z3[k] *= scale;  /* hv: b3 */
    }
    return SG_OK;
}

/* ==== jacobian: tile of 256 samples, workspace 8208 reals ==== */
int two_two_one_jacobian(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 15)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 3)) return SG_EDATA;
    const sg_real *restrict p_W1 = theta + 0;  /* [2, 2] */
    const sg_real *restrict p_b1 = theta + 4;  /* [2] */
    const sg_real *restrict p_W2 = theta + 6;  /* [2, 2] */
    const sg_real *restrict p_b2 = theta + 10;  /* [2] */
    const sg_real *restrict p_W3 = theta + 12;  /* [2] */
    const sg_real *restrict p_b3 = theta + 14;  /* [] */
    sg_real *restrict v_yhat = work + 0;  /* tile [] */
    sg_real *restrict t_z1 = work + 256;  /* tile [2] */
    sg_real *restrict t_a1 = work + 768;  /* tile [2] */
    sg_real *restrict t_z2 = work + 1280;  /* tile [2] */
    sg_real *restrict t_a2 = work + 1792;  /* tile [2] */
    sg_real *restrict t_z3_1 = work + 2304;  /* tile [] */
    sg_real *restrict t_yhat = work + 2560;  /* tile [] */
    sg_real *restrict t_J0_d_z3 = work + 2816;  /* tile [] */
    sg_real *restrict t_J0_d_W3 = work + 3072;  /* tile [2] */
    sg_real *restrict t_J0_d_a2 = work + 3584;  /* tile [2] */
    sg_real *restrict t_J0_d_z2 = work + 4096;  /* tile [2] */
    sg_real *restrict t_J0_d_W2 = work + 4608;  /* tile [2, 2] */
    sg_real *restrict t_J0_d_a1 = work + 5632;  /* tile [2] */
    sg_real *restrict t_J0_d_z1 = work + 6144;  /* tile [2] */
    sg_real *restrict t_J0_d_W1 = work + 6656;  /* tile [2, 2] */
    sg_real *restrict t_J0_d_x = work + 7680;  /* tile [2] */
    sg_real *restrict c_p_W1_T = work + 8192;  /* work [2, 2] */
    sg_real *restrict c_p_W2_T = work + 8200;  /* work [2, 2] */
    (void)p_W1;
    (void)p_b1;
    (void)p_W2;
    (void)p_b2;
    (void)p_W3;
    (void)p_b3;
    memset(jac, 0, sizeof(sg_real) * (size_t)n * 18);
    /* ---- sample-invariant part (once per call) ---- */
    /* p_W1^T (used when n >= 8) */
    if (n >= 8) sg_transpose(2, 2, p_W1, c_p_W1_T);

    /* p_W2^T (used when n >= 8) */
    if (n >= 8) sg_transpose(2, 2, p_W2, c_p_W2_T);

    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 3 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 3 + 2;
        (void)d_y;
        /* z1 = b1 + z1#1  [b1 + matmul(W1, x)]
           tile GEMM: Z[s, 0:2] = p_b1 + d_x[s,:]·p_W1ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 2, 2, d_x, 3, 1, c_p_W1_T, 2, t_z1, 2, p_b1, 0);
        } else
        {
            sg_gemm_dot(nt, 2, 2, p_W1, d_x, 3, t_z1, 2, p_b1, 0);
        }

        /* a1 = ReLU(z1) */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_z1[k];
        t_a1[k] = sg_relu(a0);
        }

        /* z2 = b2 + z2#1  [b2 + matmul(W2, a1)]
           tile GEMM: Z[s, 0:2] = p_b2 + t_a1[s,:]·p_W2ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 2, 2, t_a1, 2, 1, c_p_W2_T, 2, t_z2, 2, p_b2, 0);
        } else
        {
            sg_gemm_dot(nt, 2, 2, p_W2, t_a1, 2, t_z2, 2, p_b2, 0);
        }

        /* a2 = tanh(z2) */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_z2[k];
        t_a2[k] = tanh(a0);
        }

        /* z3#1 = matmul(W3, a2)  [1x2]·[2x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 1; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 2; ++mk) acc += p_W3[mk] * t_a2[s*2 + mk];
                t_z3_1[s*1 + mi + mj] = acc;
            }
        }
        }

        /* z3 ... yhat (scalar run) */
        for (s = 0; s < nt; ++s) {
            const sg_real l1 = p_b3[0];
            const sg_real l2 = t_z3_1[s*1];
            const sg_real v3 = l1 + l2;
            const sg_real v4 = sg_sigmoid(v3);
            t_yhat[s*1] = v4;
        }

        /* Jacobian rows of yhat: one reverse sweep per output element */
        for (int kk = 0; kk < 1; ++kk) {
            for (s = 0; s < nt; ++s)
                for (int k = 0; k < 1; ++k) v_yhat[s*1 + k] = (k == kk);
            /* J0:d[z3] ... J0:d[z3] (scalar run) */
            for (s = 0; s < nt; ++s) {
                const sg_real l1 = v_yhat[s*1];
                const sg_real l2 = t_yhat[s*1];
                const sg_real v3 = l1*l2*(1.0 - l2);
                t_J0_d_z3[s*1] = v3;
            }

            /* J0:d[W3] = J0:d[z3]*a2 */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 2; ++k) {
                const sg_real a0 = t_a2[s*2 + k];
                const sg_real a1 = t_J0_d_z3[s*1];
            t_J0_d_W3[s*2 + k] = a0*a1;
            }
            }

            /* J0:d[a2] = J0:d[z3]*W3 */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 2; ++k) {
                const sg_real a0 = p_W3[k];
                const sg_real a1 = t_J0_d_z3[s*1];
            t_J0_d_a2[s*2 + k] = a0*a1;
            }
            }

            /* J0:d[z2] = J0:d[a2]*(1 - a2**2) */
            for (int k = 0; k < nt*2; ++k) {
                const sg_real a0 = t_a2[k];
                const sg_real a1 = t_J0_d_a2[k];
            t_J0_d_z2[k] = a1*(1.0 - (a0*a0));
            }

            /* J0:d[W2] = outer(J0:d[z2], a1) */
            for (s = 0; s < nt; ++s) {
            for (int mi = 0; mi < 2; ++mi) {
                const sg_real av = t_J0_d_z2[s*2 + mi];
                for (int mj = 0; mj < 2; ++mj) t_J0_d_W2[s*4 + mi*2 + mj] = av * t_a1[s*2 + mj];
            }
            }

            /* J0:d[a1] = matmul(W2, J0:d[z2])
               tile GEMM: Z[s, 0:2] = t_J0_d_z2[s,:]·p_W2 */
            {
                sg_gemm(nt, 2, 2, t_J0_d_z2, 2, 1, p_W2, 2, t_J0_d_a1, 2, 0, 0);
            }

            /* J0:d[z1] = J0:d[a1]*1[z1 > 0] */
            for (int k = 0; k < nt*2; ++k) {
                const sg_real a0 = t_J0_d_a1[k];
                const sg_real a1 = t_z1[k];
            t_J0_d_z1[k] = a0*((a1) > 0 ? (1.0) : (0.0));
            }

            /* J0:d[W1] = outer(J0:d[z1], x) */
            for (s = 0; s < nt; ++s) {
            for (int mi = 0; mi < 2; ++mi) {
                const sg_real av = t_J0_d_z1[s*2 + mi];
                for (int mj = 0; mj < 2; ++mj) t_J0_d_W1[s*4 + mi*2 + mj] = av * d_x[s*3 + mj];
            }
            }

            /* J0:d[x] = matmul(W1, J0:d[z1])
               tile GEMM: Z[s, 0:2] = t_J0_d_z1[s,:]·p_W1 */
            {
                sg_gemm(nt, 2, 2, t_J0_d_z1, 2, 1, p_W1, 2, t_J0_d_x, 2, 0, 0);
            }

            for (s = 0; s < nt; ++s) {
                sg_real *restrict jr = jac + ((t0 + s) * 1 + 0 + kk) * 18;
                for (int k = 0; k < 2; ++k) jr[0 + k] = t_J0_d_x[s*2 + k];  /* x */
                for (int k = 0; k < 4; ++k) jr[3 + k] = t_J0_d_W1[s*4 + k];  /* W1 */
                for (int k = 0; k < 2; ++k) jr[7 + k] = t_J0_d_z1[s*2 + k];  /* b1 */
                for (int k = 0; k < 4; ++k) jr[9 + k] = t_J0_d_W2[s*4 + k];  /* W2 */
                for (int k = 0; k < 2; ++k) jr[13 + k] = t_J0_d_z2[s*2 + k];  /* b2 */
                for (int k = 0; k < 2; ++k) jr[15 + k] = t_J0_d_W3[s*2 + k];  /* W3 */
                for (int k = 0; k < 1; ++k) jr[17 + k] = t_J0_d_z3[s*1 + k];  /* b3 */
            }
        }
    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== hessian: 15 HVP sweeps u = e_j, then symmetrised (H + Hᵀ)/2 ==== */
int two_two_one_hessian(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict loss, sg_real *restrict grad, sg_real *restrict H, sg_real *restrict work)
{
    sg_real *restrict u = work + 11048;
    int rc = SG_OK;
    for (long j = 0; j < 15; ++j) {
        memset(u, 0, sizeof(sg_real) * 15);
        u[j] = 1;
        rc = two_two_one_hvp(theta, data, n, u, loss, grad, H + j * 15, work);
        if (rc != SG_OK) return rc;
    }
    for (long i = 0; i < 15; ++i)
        for (long j = 0; j < i; ++j) {
            const sg_real v = (sg_real)0.5 * (H[i * 15 + j] + H[j * 15 + i]);
            H[i * 15 + j] = v;
            H[j * 15 + i] = v;
        }
    return rc;
}

#ifdef __cplusplus
}  /* extern "C" */
#endif
