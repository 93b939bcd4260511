/* small_cnn.c: symgrad kernels for model 'small_cnn' (float64), emitter v3.
   Generated from the assignment graph of small_cnn.toml; do not edit.
   C99 + libm (also compiles as C++): cc -O3 -std=c99 -c small_cnn.c   (link with -lm)
   The runtime (GEMM kernels, stable helpers) is symgrad_runtime.h, included from this file's
   directory (`symgrad generate` writes it here; with --single-file it is inlined below).
   Layout: theta = W1[2, 1, 3, 3], b1[2], W4[2, 32], b4[2] (row-major, packed)
           data row = x[1, 8, 8], y[2]
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

#define SMALL_CNN_N_PARAMS 86
#define SMALL_CNN_DATA_WIDTH 66
#define SMALL_CNN_OUT_WIDTH 2
#define SMALL_CNN_INFO_N_PARAMS 0
#define SMALL_CNN_INFO_DATA_WIDTH 1
#define SMALL_CNN_INFO_OUT_WIDTH 2
#define SMALL_CNN_INFO_JAC_ROWS 3
#define SMALL_CNN_INFO_JAC_COLS 4
#define SMALL_CNN_INFO_TILE 5
#define SMALL_CNN_INFO_DTYPE_BYTES 6
#define SMALL_CNN_INFO_WORK_FORWARD 7
#define SMALL_CNN_INFO_WORK_LOSS_GRAD 8
#define SMALL_CNN_INFO_WORK_HVP 9
#define SMALL_CNN_INFO_WORK_HESSIAN 10
#define SMALL_CNN_INFO_WORK_JACOBIAN 11

long small_cnn_info(int what)
{
    switch (what) {
    case 0: return 86L;
    case 1: return 66L;
    case 2: return 2L;
    case 3: return 2L;
    case 4: return 152L;
    case 5: return 64L;
    case 6: return 8L;
    case 7: return 78296L;
    case 8: return 110016L;
    case 9: return 91736L;
    case 10: return 91916L;
    case 11: return 77208L;
    default: return -1L;
    }
}

/* ==== forward: tile of 64 samples, workspace 78296 reals ==== */
int small_cnn_forward(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 86)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 66)) return SG_EDATA;
    const sg_real *restrict p_W1 = theta + 0;  /* [2, 1, 3, 3] */
    const sg_real *restrict p_b1 = theta + 18;  /* [2] */
    const sg_real *restrict p_W4 = theta + 20;  /* [2, 32] */
    const sg_real *restrict p_b4 = theta + 84;  /* [2] */
    sg_real *restrict c_z1_2 = work + 0;  /* work [2, 9] */
    sg_real *restrict c_z1_4 = work + 24;  /* work [2, 64] */
    sg_real *restrict t_z1_1 = work + 152;  /* tile [9, 64] */
    sg_real *restrict t_z1_3 = work + 37016;  /* tile [2, 64] */
    sg_real *restrict t_z1_5 = work + 45208;  /* tile [2, 64] */
    sg_real *restrict t_z1 = work + 53400;  /* tile [2, 8, 8] */
    sg_real *restrict t_h1 = work + 61592;  /* tile [2, 8, 8] */
    sg_real *restrict t_z2 = work + 69784;  /* tile [2, 4, 4] */
    sg_real *restrict t_h2 = work + 71832;  /* tile [2, 4, 4] */
    sg_real *restrict t_z3 = work + 73880;  /* tile [32] */
    sg_real *restrict t_h3 = work + 75928;  /* tile [32] */
    sg_real *restrict t_z4 = work + 77976;  /* tile [2] */
    sg_real *restrict t_yhat = work + 78104;  /* tile [2] */
    sg_real *restrict c_p_W4_T = work + 78232;  /* work [32, 2] */
    (void)p_W1;
    (void)p_b1;
    (void)p_W4;
    (void)p_b4;
    /* ---- sample-invariant part (once per call) ---- */
    /* z1#2 = gather(W1) */
    for (int k = 0; k < 18; ++k) c_z1_2[k] = p_W1[k + 0];

    /* z1#4 = gather(b1) */
    { static const int map[128] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };
    for (int k = 0; k < 128; ++k) { const int m = map[k]; c_z1_4[k] = m >= 0 ? p_b1[m] : 0; }
    }
    /* p_W4^T (used when n >= 8) */
    if (n >= 8) sg_transpose(2, 32, p_W4, c_p_W4_T);

    /* ---- tiles of 64 samples ---- */
    for (t0 = 0; t0 < n; t0 += 64) {
        nt = (int)(n - t0 < 64 ? n - t0 : 64);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 66 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 66 + 64;
        (void)d_y;
        /* z1#1 = gather(x) */
        { static const int map[576] = { -1, -1, -1, -1, -1, -1, -1, -1, -1, 0, 1, 2, 3, 4, 5, 6, -1, 8, 9, 10, 11, 12, 13, 14, -1, 16, 17, 18, 19, 20, 21, 22, -1, 24, 25, 26, 27, 28, 29, 30, -1, 32, 33, 34, 35, 36, 37, 38, -1, 40, 41, 42, 43, 44, 45, 46, -1, 48, 49, 50, 51, 52, 53, 54, -1, -1, -1, -1, -1, -1, -1, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, -1, -1, -1, -1, -1, -1, -1, -1, 1, 2, 3, 4, 5, 6, 7, -1, 9, 10, 11, 12, 13, 14, 15, -1, 17, 18, 19, 20, 21, 22, 23, -1, 25, 26, 27, 28, 29, 30, 31, -1, 33, 34, 35, 36, 37, 38, 39, -1, 41, 42, 43, 44, 45, 46, 47, -1, 49, 50, 51, 52, 53, 54, 55, -1, -1, 0, 1, 2, 3, 4, 5, 6, -1, 8, 9, 10, 11, 12, 13, 14, -1, 16, 17, 18, 19, 20, 21, 22, -1, 24, 25, 26, 27, 28, 29, 30, -1, 32, 33, 34, 35, 36, 37, 38, -1, 40, 41, 42, 43, 44, 45, 46, -1, 48, 49, 50, 51, 52, 53, 54, -1, 56, 57, 58, 59, 60, 61, 62, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 1, 2, 3, 4, 5, 6, 7, -1, 9, 10, 11, 12, 13, 14, 15, -1, 17, 18, 19, 20, 21, 22, 23, -1, 25, 26, 27, 28, 29, 30, 31, -1, 33, 34, 35, 36, 37, 38, 39, -1, 41, 42, 43, 44, 45, 46, 47, -1, 49, 50, 51, 52, 53, 54, 55, -1, 57, 58, 59, 60, 61, 62, 63, -1, -1, 8, 9, 10, 11, 12, 13, 14, -1, 16, 17, 18, 19, 20, 21, 22, -1, 24, 25, 26, 27, 28, 29, 30, -1, 32, 33, 34, 35, 36, 37, 38, -1, 40, 41, 42, 43, 44, 45, 46, -1, 48, 49, 50, 51, 52, 53, 54, -1, 56, 57, 58, 59, 60, 61, 62, -1, -1, -1, -1, -1, -1, -1, -1, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, -1, -1, -1, -1, -1, -1, -1, -1, 9, 10, 11, 12, 13, 14, 15, -1, 17, 18, 19, 20, 21, 22, 23, -1, 25, 26, 27, 28, 29, 30, 31, -1, 33, 34, 35, 36, 37, 38, 39, -1, 41, 42, 43, 44, 45, 46, 47, -1, 49, 50, 51, 52, 53, 54, 55, -1, 57, 58, 59, 60, 61, 62, 63, -1, -1, -1, -1, -1, -1, -1, -1, -1 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 576; ++k) { const int m = map[k]; t_z1_1[s*576 + k] = m >= 0 ? d_x[s*66 + m] : 0; }
        }
        }
        /* z1#3 = matmul(z1#2, z1#1)  [2x9]·[9x64] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 2; ++mi) {
            for (int mj = 0; mj < 64; ++mj) t_z1_3[s*128 + mi*64 + mj] = 0;
            for (int mk = 0; mk < 9; ++mk) {
                const sg_real av = c_z1_2[mi*9 + mk];
                for (int mj = 0; mj < 64; ++mj) t_z1_3[s*128 + mi*64 + mj] += av * t_z1_1[s*576 + mk*64 + mj];
            }
        }
        }

        /* z1#5 = z1#3 + z1#4 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 128; ++k) {
            const sg_real a0 = t_z1_3[s*128 + k];
            const sg_real a1 = c_z1_4[k];
        t_z1_5[s*128 + k] = a0 + a1;
        }
        }

        /* z1 = gather(z1#5) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 128; ++k) t_z1[s*128 + k] = t_z1_5[s*128 + k + 0];
        }

        /* h1 = ReLU(z1) */
        for (int k = 0; k < nt*128; ++k) {
            const sg_real a0 = t_z1[k];
        t_h1[k] = sg_relu(a0);
        }

        /* z2 = maxpool(h1) (first maximum wins ties) */
        for (s = 0; s < nt; ++s) {
        for (int c = 0; c < 2; ++c)
            for (int oi = 0; oi < 4; ++oi) {
                sg_real bv[4]; int bi[4];
                for (int oj = 0; oj < 4; ++oj) {
                    bi[oj] = c * 64 + oi * 16 + oj * 2;
                    bv[oj] = t_h1[s*128 + bi[oj]];
                }
                for (int di = 0; di < 2; ++di)
                    for (int dj = 0; dj < 2; ++dj) {
                        const int q0 = c * 64 + (oi * 2 + di) * 8 + dj;
                        for (int oj = 0; oj < 4; ++oj) {
                            const int q = q0 + oj * 2;
                            const sg_real v = t_h1[s*128 + q];
                            const int up = v > bv[oj];
                            bi[oj] = up ? q : bi[oj];
                            bv[oj] = up ? v : bv[oj];
                        }
                    }
                for (int oj = 0; oj < 4; ++oj) t_z2[s*32 + (c * 4 + oi) * 4 + oj] = bv[oj];
            }
        }

        /* h2 = z2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z2[k];
        t_h2[k] = a0;
        }

        /* z3 = gather(h2) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_z3[s*32 + k] = t_h2[s*32 + k + 0];
        }

        /* h3 = z3 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z3[k];
        t_h3[k] = a0;
        }

        /* z4 = b4 + z4#1  [b4 + matmul(W4, h3)]
           tile GEMM: Z[s, 0:2] = p_b4 + t_h3[s,:]·p_W4ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 2, 32, t_h3, 32, 1, c_p_W4_T, 2, t_z4, 2, p_b4, 0);
        } else
        {
            sg_gemm_dot(nt, 2, 32, p_W4, t_h3, 32, t_z4, 2, p_b4, 0);
        }

        /* yhat = z4 */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_z4[k];
        t_yhat[k] = a0;
        }

        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) out[(t0 + s)*2 + 0 + k] = t_yhat[s*2 + k];

    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== loss_grad: tile of 64 samples, workspace 110016 reals ==== */
int small_cnn_loss_grad(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 86)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 66)) return SG_EDATA;
    const sg_real *restrict p_W1 = theta + 0;  /* [2, 1, 3, 3] */
    const sg_real *restrict p_b1 = theta + 18;  /* [2] */
    const sg_real *restrict p_W4 = theta + 20;  /* [2, 32] */
    const sg_real *restrict p_b4 = theta + 84;  /* [2] */
    sg_real *restrict c_z1_2 = work + 0;  /* work [2, 9] */
    sg_real *restrict c_z1_4 = work + 24;  /* work [2, 64] */
    sg_real *restrict c_d_L_3 = work + 152;  /* work [] */
    sg_real *restrict c_d_L_2 = work + 160;  /* work [2] */
    sg_real *restrict t_z1_1 = work + 168;  /* tile [9, 64] */
    sg_real *restrict t_z1_3 = work + 37032;  /* tile [2, 64] */
    sg_real *restrict t_z1_5 = work + 45224;  /* tile [2, 64] */
    sg_real *restrict t_z1 = work + 53416;  /* tile [2, 8, 8] */
    sg_real *restrict t_h1 = work + 61608;  /* tile [2, 8, 8] */
    sg_real *restrict t_z2 = work + 69800;  /* tile [2, 4, 4] */
    sg_real *restrict t_h2 = work + 71848;  /* tile [2, 4, 4] */
    sg_real *restrict t_z3 = work + 73896;  /* tile [32] */
    sg_real *restrict t_h3 = work + 75944;  /* tile [32] */
    sg_real *restrict t_z4 = work + 77992;  /* tile [2] */
    sg_real *restrict t_yhat = work + 78120;  /* tile [2] */
    sg_real *restrict t_L_1 = work + 78248;  /* tile [2] */
    sg_real *restrict t_L_2 = work + 78376;  /* tile [2] */
    sg_real *restrict t_d_L_1 = work + 78504;  /* tile [2] */
    sg_real *restrict t_d_yhat_1 = work + 78632;  /* tile [] */
    sg_real *restrict t_d_yhat = work + 78696;  /* tile [2] */
    sg_real *restrict t_d_h3 = work + 78824;  /* tile [32] */
    sg_real *restrict t_d_h2 = work + 80872;  /* tile [2, 4, 4] */
    sg_real *restrict t_d_h1 = work + 82920;  /* tile [2, 8, 8] */
    sg_real *restrict t_d_z1 = work + 91112;  /* tile [2, 8, 8] */
    sg_real *restrict t_d_z1_5 = work + 99304;  /* tile [2, 64] */
    sg_real *restrict t_d_b1 = work + 107496;  /* tile [2] */
    sg_real *restrict t_d_z1_2 = work + 107624;  /* tile [2, 9] */
    sg_real *restrict t_d_W1 = work + 108776;  /* tile [2, 1, 3, 3] */
    sg_real *restrict c_p_W4_T = work + 109928;  /* work [32, 2] */
    sg_real *restrict r_L_2 = work + 109992;  /* acc [2] */
    sg_real *restrict r_L_3 = work + 110000;  /* acc [] */
    sg_real *restrict r_L = work + 110008;  /* acc [] */
    sg_real *restrict r_d_yhat = grad + 84;  /* accumulated in place [2] */
    sg_real *restrict r_d_W4 = grad + 20;  /* accumulated in place [2, 32] */
    sg_real *restrict r_d_b1 = grad + 18;  /* accumulated in place [2] */
    sg_real *restrict r_d_W1 = grad + 0;  /* accumulated in place [2, 1, 3, 3] */
    (void)p_W1;
    (void)p_b1;
    (void)p_W4;
    (void)p_b4;
    /* ---- sample-invariant part (once per call) ---- */
    /* z1#2 = gather(W1) */
    for (int k = 0; k < 18; ++k) c_z1_2[k] = p_W1[k + 0];

    /* z1#4 = gather(b1) */
    { static const int map[128] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };
    for (int k = 0; k < 128; ++k) { const int m = map[k]; c_z1_4[k] = m >= 0 ? p_b1[m] : 0; }
    }
    /* d[L#3] = -1 */
    for (int k = 0; k < 1; ++k) {
    c_d_L_3[k] = -1.0;
    }

    /* d[L#2] = d[L#3] */
    for (int k = 0; k < 2; ++k) {
        const sg_real a0 = c_d_L_3[0];
    c_d_L_2[k] = a0;
    }

    /* p_W4^T (used when n >= 8) */
    if (n >= 8) sg_transpose(2, 32, p_W4, c_p_W4_T);

    memset(r_L_2, 0, sizeof(sg_real) * 2);
    memset(r_d_yhat, 0, sizeof(sg_real) * 2);
    memset(r_d_b1, 0, sizeof(sg_real) * 2);
    memset(r_d_W1, 0, sizeof(sg_real) * 18);
    /* ---- tiles of 64 samples ---- */
    for (t0 = 0; t0 < n; t0 += 64) {
        nt = (int)(n - t0 < 64 ? n - t0 : 64);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 66 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 66 + 64;
        (void)d_y;
        /* z1#1 = gather(x) */
        { static const int map[576] = { -1, -1, -1, -1, -1, -1, -1, -1, -1, 0, 1, 2, 3, 4, 5, 6, -1, 8, 9, 10, 11, 12, 13, 14, -1, 16, 17, 18, 19, 20, 21, 22, -1, 24, 25, 26, 27, 28, 29, 30, -1, 32, 33, 34, 35, 36, 37, 38, -1, 40, 41, 42, 43, 44, 45, 46, -1, 48, 49, 50, 51, 52, 53, 54, -1, -1, -1, -1, -1, -1, -1, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, -1, -1, -1, -1, -1, -1, -1, -1, 1, 2, 3, 4, 5, 6, 7, -1, 9, 10, 11, 12, 13, 14, 15, -1, 17, 18, 19, 20, 21, 22, 23, -1, 25, 26, 27, 28, 29, 30, 31, -1, 33, 34, 35, 36, 37, 38, 39, -1, 41, 42, 43, 44, 45, 46, 47, -1, 49, 50, 51, 52, 53, 54, 55, -1, -1, 0, 1, 2, 3, 4, 5, 6, -1, 8, 9, 10, 11, 12, 13, 14, -1, 16, 17, 18, 19, 20, 21, 22, -1, 24, 25, 26, 27, 28, 29, 30, -1, 32, 33, 34, 35, 36, 37, 38, -1, 40, 41, 42, 43, 44, 45, 46, -1, 48, 49, 50, 51, 52, 53, 54, -1, 56, 57, 58, 59, 60, 61, 62, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 1, 2, 3, 4, 5, 6, 7, -1, 9, 10, 11, 12, 13, 14, 15, -1, 17, 18, 19, 20, 21, 22, 23, -1, 25, 26, 27, 28, 29, 30, 31, -1, 33, 34, 35, 36, 37, 38, 39, -1, 41, 42, 43, 44, 45, 46, 47, -1, 49, 50, 51, 52, 53, 54, 55, -1, 57, 58, 59, 60, 61, 62, 63, -1, -1, 8, 9, 10, 11, 12, 13, 14, -1, 16, 17, 18, 19, 20, 21, 22, -1, 24, 25, 26, 27, 28, 29, 30, -1, 32, 33, 34, 35, 36, 37, 38, -1, 40, 41, 42, 43, 44, 45, 46, -1, 48, 49, 50, 51, 52, 53, 54, -1, 56, 57, 58, 59, 60, 61, 62, -1, -1, -1, -1, -1, -1, -1, -1, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, -1, -1, -1, -1, -1, -1, -1, -1, 9, 10, 11, 12, 13, 14, 15, -1, 17, 18, 19, 20, 21, 22, 23, -1, 25, 26, 27, 28, 29, 30, 31, -1, 33, 34, 35, 36, 37, 38, 39, -1, 41, 42, 43, 44, 45, 46, 47, -1, 49, 50, 51, 52, 53, 54, 55, -1, 57, 58, 59, 60, 61, 62, 63, -1, -1, -1, -1, -1, -1, -1, -1, -1 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 576; ++k) { const int m = map[k]; t_z1_1[s*576 + k] = m >= 0 ? d_x[s*66 + m] : 0; }
        }
        }
        /* z1#3 = matmul(z1#2, z1#1)  [2x9]·[9x64] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 2; ++mi) {
            for (int mj = 0; mj < 64; ++mj) t_z1_3[s*128 + mi*64 + mj] = 0;
            for (int mk = 0; mk < 9; ++mk) {
                const sg_real av = c_z1_2[mi*9 + mk];
                for (int mj = 0; mj < 64; ++mj) t_z1_3[s*128 + mi*64 + mj] += av * t_z1_1[s*576 + mk*64 + mj];
            }
        }
        }

        /* z1#5 = z1#3 + z1#4 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 128; ++k) {
            const sg_real a0 = t_z1_3[s*128 + k];
            const sg_real a1 = c_z1_4[k];
        t_z1_5[s*128 + k] = a0 + a1;
        }
        }

        /* z1 = gather(z1#5) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 128; ++k) t_z1[s*128 + k] = t_z1_5[s*128 + k + 0];
        }

        /* h1 = ReLU(z1) */
        for (int k = 0; k < nt*128; ++k) {
            const sg_real a0 = t_z1[k];
        t_h1[k] = sg_relu(a0);
        }

        /* z2 = maxpool(h1) (first maximum wins ties) */
        for (s = 0; s < nt; ++s) {
        for (int c = 0; c < 2; ++c)
            for (int oi = 0; oi < 4; ++oi) {
                sg_real bv[4]; int bi[4];
                for (int oj = 0; oj < 4; ++oj) {
                    bi[oj] = c * 64 + oi * 16 + oj * 2;
                    bv[oj] = t_h1[s*128 + bi[oj]];
                }
                for (int di = 0; di < 2; ++di)
                    for (int dj = 0; dj < 2; ++dj) {
                        const int q0 = c * 64 + (oi * 2 + di) * 8 + dj;
                        for (int oj = 0; oj < 4; ++oj) {
                            const int q = q0 + oj * 2;
                            const sg_real v = t_h1[s*128 + q];
                            const int up = v > bv[oj];
                            bi[oj] = up ? q : bi[oj];
                            bv[oj] = up ? v : bv[oj];
                        }
                    }
                for (int oj = 0; oj < 4; ++oj) t_z2[s*32 + (c * 4 + oi) * 4 + oj] = bv[oj];
            }
        }

        /* h2 = z2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z2[k];
        t_h2[k] = a0;
        }

        /* z3 = gather(h2) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_z3[s*32 + k] = t_h2[s*32 + k + 0];
        }

        /* h3 = z3 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z3[k];
        t_h3[k] = a0;
        }

        /* z4 = b4 + z4#1  [b4 + matmul(W4, h3)]
           tile GEMM: Z[s, 0:2] = p_b4 + t_h3[s,:]·p_W4ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 2, 32, t_h3, 32, 1, c_p_W4_T, 2, t_z4, 2, p_b4, 0);
        } else
        {
            sg_gemm_dot(nt, 2, 32, p_W4, t_h3, 32, t_z4, 2, p_b4, 0);
        }

        /* yhat = z4 */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_z4[k];
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
            const sg_real a1 = d_y[s*66 + k];
        t_L_2[s*2 + k] = a0*a1;
        }
        }

        /* d[L#1] = d[L#2]*y */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = c_d_L_2[k];
            const sg_real a1 = d_y[s*66 + k];
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

        /* d[h3] = matmul(W4, d[yhat])
           tile GEMM: Z[s, 0:32] = t_d_yhat[s,:]·p_W4 */
        {
            sg_gemm(nt, 32, 2, t_d_yhat, 2, 1, p_W4, 32, t_d_h3, 32, 0, 0);
        }

        /* d[h2] = gather_t(d[h3]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_d_h2[s*32 + k] = t_d_h3[s*32 + k + 0];
        }

        /* d[h1] = maxpool_route(h1, d[h2]) (each window's g to its first maximum) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 128; ++k) t_d_h1[s*128 + k] = 0;
        for (int c = 0; c < 2; ++c)
            for (int oi = 0; oi < 4; ++oi) {
                sg_real bv[4]; int bi[4];
                for (int oj = 0; oj < 4; ++oj) {
                    bi[oj] = c * 64 + oi * 16 + oj * 2;
                    bv[oj] = t_h1[s*128 + bi[oj]];
                }
                for (int di = 0; di < 2; ++di)
                    for (int dj = 0; dj < 2; ++dj) {
                        const int q0 = c * 64 + (oi * 2 + di) * 8 + dj;
                        for (int oj = 0; oj < 4; ++oj) {
                            const int q = q0 + oj * 2;
                            const sg_real v = t_h1[s*128 + q];
                            const int up = v > bv[oj];
                            bi[oj] = up ? q : bi[oj];
                            bv[oj] = up ? v : bv[oj];
                        }
                    }
                for (int oj = 0; oj < 4; ++oj) t_d_h1[s*128 + bi[oj]] += t_d_h2[s*32 + (c * 4 + oi) * 4 + oj];
            }
        }

        /* d[z1] = d[h1]*1[z1 > 0] */
        for (int k = 0; k < nt*128; ++k) {
            const sg_real a0 = t_d_h1[k];
            const sg_real a1 = t_z1[k];
        t_d_z1[k] = a0*((a1) > 0 ? (1.0) : (0.0));
        }

        /* d[z1#5] = gather_t(d[z1]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 128; ++k) t_d_z1_5[s*128 + k] = t_d_z1[s*128 + k + 0];
        }

        /* d[b1] = gather_t(d[z1#5]) */
        { static const int map[128] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) t_d_b1[s*2 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 128; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_b1[s*2 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_5[s*128 + k];
          }
          if (cur >= 0) t_d_b1[s*2 + cur] += acc; }
        }
        }
        /* d[z1#2] = matmul(d[z1#5], z1#1)  [2x64]·[64x9] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 2; ++mi) {
            for (int mj = 0; mj < 9; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 64; ++mk) acc += t_d_z1_5[s*128 + mi*64 + mk] * t_z1_1[s*576 + mk + mj*64];
                t_d_z1_2[s*18 + mi*9 + mj] = acc;
            }
        }
        }

        /* d[W1] = gather_t(d[z1#2]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 18; ++k) t_d_W1[s*18 + k] = t_d_z1_2[s*18 + k + 0];
        }

        /* sum L#2 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_L_2[k] += t_L_2[s*2 + k];

        /* sum d[yhat] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_d_yhat[k] += t_d_yhat[s*2 + k];

        /* sum d[W4] = sum outer(d[yhat], h3)
           tile GEMM: acc (2x32) = [acc +] t_d_yhatᵀ·t_h3 (stored on the first tile) */
        {
            sg_gemm(2, 32, nt, t_d_yhat, 1, 2, t_h3, 32, r_d_W4, 32, 0, t0 > 0);
        }

        /* sum d[b1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_d_b1[k] += t_d_b1[s*2 + k];

        /* sum d[W1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 18; ++k) r_d_W1[k] += t_d_W1[s*18 + k];

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
        for (int k = 0; k < 18; ++k) r_d_W1[k] *= scale;  /* grad: W1 */
        for (int k = 0; k < 2; ++k) r_d_b1[k] *= scale;  /* grad: b1 */
        for (int k = 0; k < 64; ++k) r_d_W4[k] *= scale;  /* grad: W4 */
        for (int k = 0; k < 2; ++k) r_d_yhat[k] *= scale;  /* grad: b4 */
    }
    return SG_OK;
}

/* ==== hvp: tile of 32 samples, workspace 91736 reals ==== */
int small_cnn_hvp(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 86)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 66)) return SG_EDATA;
    if (!sg_all_finite(dir, 86)) return SG_EDIR;
    const sg_real *restrict p_W1 = theta + 0;  /* [2, 1, 3, 3] */
    const sg_real *restrict p_b1 = theta + 18;  /* [2] */
    const sg_real *restrict p_W4 = theta + 20;  /* [2, 32] */
    const sg_real *restrict p_b4 = theta + 84;  /* [2] */
    const sg_real *restrict u_W1 = dir + 0;
    const sg_real *restrict u_b1 = dir + 18;
    const sg_real *restrict u_W4 = dir + 20;
    const sg_real *restrict u_b4 = dir + 84;
    sg_real *restrict c_z1_2 = work + 0;  /* work [2, 9] */
    sg_real *restrict c_z1_4 = work + 24;  /* work [2, 64] */
    sg_real *restrict c_d_L_3 = work + 152;  /* work [] */
    sg_real *restrict c_d_L_2 = work + 160;  /* work [2] */
    sg_real *restrict c_t_z1_2 = work + 168;  /* work [2, 9] */
    sg_real *restrict c_t_z1_4 = work + 192;  /* work [2, 64] */
    sg_real *restrict t_z1_1 = work + 320;  /* tile [9, 64] */
    sg_real *restrict t_z1_3 = work + 18752;  /* tile [2, 64] */
    sg_real *restrict t_z1_5 = work + 22848;  /* tile [2, 64] */
    sg_real *restrict t_z1 = work + 26944;  /* tile [2, 8, 8] */
    sg_real *restrict t_h1 = work + 31040;  /* tile [2, 8, 8] */
    sg_real *restrict t_z2 = work + 35136;  /* tile [2, 4, 4] */
    sg_real *restrict t_h2 = work + 36160;  /* tile [2, 4, 4] */
    sg_real *restrict t_z3 = work + 37184;  /* tile [32] */
    sg_real *restrict t_h3 = work + 38208;  /* tile [32] */
    sg_real *restrict t_z4 = work + 39232;  /* tile [2] */
    sg_real *restrict t_yhat = work + 39296;  /* tile [2] */
    sg_real *restrict t_L_1 = work + 39360;  /* tile [2] */
    sg_real *restrict t_L_2 = work + 39424;  /* tile [2] */
    sg_real *restrict t_d_L_1 = work + 39488;  /* tile [2] */
    sg_real *restrict t_d_yhat_1 = work + 39552;  /* tile [] */
    sg_real *restrict t_d_yhat = work + 39584;  /* tile [2] */
    sg_real *restrict t_d_h3 = work + 39648;  /* tile [32] */
    sg_real *restrict t_d_h2 = work + 40672;  /* tile [2, 4, 4] */
    sg_real *restrict t_d_h1 = work + 41696;  /* tile [2, 8, 8] */
    sg_real *restrict t_d_z1 = work + 45792;  /* tile [2, 8, 8] */
    sg_real *restrict t_d_z1_5 = work + 49888;  /* tile [2, 64] */
    sg_real *restrict t_d_b1 = work + 53984;  /* tile [2] */
    sg_real *restrict t_d_z1_2 = work + 54048;  /* tile [2, 9] */
    sg_real *restrict t_d_W1 = work + 54624;  /* tile [2, 1, 3, 3] */
    sg_real *restrict t_t_z1_3 = work + 55200;  /* tile [2, 64] */
    sg_real *restrict t_t_z1_5 = work + 59296;  /* tile [2, 64] */
    sg_real *restrict t_t_z1 = work + 63392;  /* tile [2, 8, 8] */
    sg_real *restrict t_t_h1 = work + 67488;  /* tile [2, 8, 8] */
    sg_real *restrict t_t_z2 = work + 71584;  /* tile [2, 4, 4] */
    sg_real *restrict t_t_h2 = work + 72608;  /* tile [2, 4, 4] */
    sg_real *restrict t_t_z3 = work + 73632;  /* tile [32] */
    sg_real *restrict t_t_h3 = work + 74656;  /* tile [32] */
    sg_real *restrict t_t_z4 = work + 75680;  /* tile [2] */
    sg_real *restrict t_t_yhat = work + 75744;  /* tile [2] */
    sg_real *restrict t_t_L_1_1 = work + 75808;  /* tile [2] */
    sg_real *restrict t_t_L_1_2 = work + 75872;  /* tile [] */
    sg_real *restrict t_t_L_1 = work + 75904;  /* tile [2] */
    sg_real *restrict t_t_d_yhat = work + 75968;  /* tile [2] */
    sg_real *restrict t_t_d_h3 = work + 76032;  /* tile [32] */
    sg_real *restrict t_t_d_h2 = work + 77056;  /* tile [2, 4, 4] */
    sg_real *restrict t_t_d_h1 = work + 78080;  /* tile [2, 8, 8] */
    sg_real *restrict t_t_d_z1 = work + 82176;  /* tile [2, 8, 8] */
    sg_real *restrict t_t_d_z1_5 = work + 86272;  /* tile [2, 64] */
    sg_real *restrict t_t_d_b1 = work + 90368;  /* tile [2] */
    sg_real *restrict t_t_d_z1_2 = work + 90432;  /* tile [2, 9] */
    sg_real *restrict t_t_d_W1 = work + 91008;  /* tile [2, 1, 3, 3] */
    sg_real *restrict c_p_W4_T = work + 91584;  /* work [32, 2] */
    sg_real *restrict c_u_W4_T = work + 91648;  /* work [32, 2] */
    sg_real *restrict r_L_2 = work + 91712;  /* acc [2] */
    sg_real *restrict r_L_3 = work + 91720;  /* acc [] */
    sg_real *restrict r_L = work + 91728;  /* acc [] */
    sg_real *restrict r_d_yhat = grad + 84;  /* accumulated in place [2] */
    sg_real *restrict r_d_W4 = grad + 20;  /* accumulated in place [2, 32] */
    sg_real *restrict r_d_b1 = grad + 18;  /* accumulated in place [2] */
    sg_real *restrict r_d_W1 = grad + 0;  /* accumulated in place [2, 1, 3, 3] */
    sg_real *restrict r_t_d_yhat = hv + 84;  /* accumulated in place [2] */
    sg_real *restrict r_t_d_W4 = hv + 20;  /* accumulated in place [2, 32] */
    sg_real *restrict r_t_d_b1 = hv + 18;  /* accumulated in place [2] */
    sg_real *restrict r_t_d_W1 = hv + 0;  /* accumulated in place [2, 1, 3, 3] */
    (void)p_W1;
    (void)p_b1;
    (void)p_W4;
    (void)p_b4;
    (void)u_W1;
    (void)u_b1;
    (void)u_W4;
    (void)u_b4;
    /* ---- sample-invariant part (once per call) ---- */
    /* z1#2 = gather(W1) */
    for (int k = 0; k < 18; ++k) c_z1_2[k] = p_W1[k + 0];

    /* z1#4 = gather(b1) */
    { static const int map[128] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };
    for (int k = 0; k < 128; ++k) { const int m = map[k]; c_z1_4[k] = m >= 0 ? p_b1[m] : 0; }
    }
    /* d[L#3] = -1 */
    for (int k = 0; k < 1; ++k) {
    c_d_L_3[k] = -1.0;
    }

    /* d[L#2] = d[L#3] */
    for (int k = 0; k < 2; ++k) {
        const sg_real a0 = c_d_L_3[0];
    c_d_L_2[k] = a0;
    }

    /* t[z1#2] = gather(u[W1]) */
    for (int k = 0; k < 18; ++k) c_t_z1_2[k] = u_W1[k + 0];

    /* t[z1#4] = gather(u[b1]) */
    { static const int map[128] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };
    for (int k = 0; k < 128; ++k) { const int m = map[k]; c_t_z1_4[k] = m >= 0 ? u_b1[m] : 0; }
    }
    /* p_W4^T (used when n >= 8) */
    if (n >= 8) sg_transpose(2, 32, p_W4, c_p_W4_T);

    /* u_W4^T (used when n >= 8) */
    if (n >= 8) sg_transpose(2, 32, u_W4, c_u_W4_T);

    memset(r_L_2, 0, sizeof(sg_real) * 2);
    memset(r_d_yhat, 0, sizeof(sg_real) * 2);
    memset(r_d_b1, 0, sizeof(sg_real) * 2);
    memset(r_d_W1, 0, sizeof(sg_real) * 18);
    memset(r_t_d_yhat, 0, sizeof(sg_real) * 2);
    memset(r_t_d_b1, 0, sizeof(sg_real) * 2);
    memset(r_t_d_W1, 0, sizeof(sg_real) * 18);
    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 66 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 66 + 64;
        (void)d_y;
        /* z1#1 = gather(x) */
        { static const int map[576] = { -1, -1, -1, -1, -1, -1, -1, -1, -1, 0, 1, 2, 3, 4, 5, 6, -1, 8, 9, 10, 11, 12, 13, 14, -1, 16, 17, 18, 19, 20, 21, 22, -1, 24, 25, 26, 27, 28, 29, 30, -1, 32, 33, 34, 35, 36, 37, 38, -1, 40, 41, 42, 43, 44, 45, 46, -1, 48, 49, 50, 51, 52, 53, 54, -1, -1, -1, -1, -1, -1, -1, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, -1, -1, -1, -1, -1, -1, -1, -1, 1, 2, 3, 4, 5, 6, 7, -1, 9, 10, 11, 12, 13, 14, 15, -1, 17, 18, 19, 20, 21, 22, 23, -1, 25, 26, 27, 28, 29, 30, 31, -1, 33, 34, 35, 36, 37, 38, 39, -1, 41, 42, 43, 44, 45, 46, 47, -1, 49, 50, 51, 52, 53, 54, 55, -1, -1, 0, 1, 2, 3, 4, 5, 6, -1, 8, 9, 10, 11, 12, 13, 14, -1, 16, 17, 18, 19, 20, 21, 22, -1, 24, 25, 26, 27, 28, 29, 30, -1, 32, 33, 34, 35, 36, 37, 38, -1, 40, 41, 42, 43, 44, 45, 46, -1, 48, 49, 50, 51, 52, 53, 54, -1, 56, 57, 58, 59, 60, 61, 62, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 1, 2, 3, 4, 5, 6, 7, -1, 9, 10, 11, 12, 13, 14, 15, -1, 17, 18, 19, 20, 21, 22, 23, -1, 25, 26, 27, 28, 29, 30, 31, -1, 33, 34, 35, 36, 37, 38, 39, -1, 41, 42, 43, 44, 45, 46, 47, -1, 49, 50, 51, 52, 53, 54, 55, -1, 57, 58, 59, 60, 61, 62, 63, -1, -1, 8, 9, 10, 11, 12, 13, 14, -1, 16, 17, 18, 19, 20, 21, 22, -1, 24, 25, 26, 27, 28, 29, 30, -1, 32, 33, 34, 35, 36, 37, 38, -1, 40, 41, 42, 43, 44, 45, 46, -1, 48, 49, 50, 51, 52, 53, 54, -1, 56, 57, 58, 59, 60, 61, 62, -1, -1, -1, -1, -1, -1, -1, -1, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, -1, -1, -1, -1, -1, -1, -1, -1, 9, 10, 11, 12, 13, 14, 15, -1, 17, 18, 19, 20, 21, 22, 23, -1, 25, 26, 27, 28, 29, 30, 31, -1, 33, 34, 35, 36, 37, 38, 39, -1, 41, 42, 43, 44, 45, 46, 47, -1, 49, 50, 51, 52, 53, 54, 55, -1, 57, 58, 59, 60, 61, 62, 63, -1, -1, -1, -1, -1, -1, -1, -1, -1 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 576; ++k) { const int m = map[k]; t_z1_1[s*576 + k] = m >= 0 ? d_x[s*66 + m] : 0; }
        }
        }
        /* z1#3 = matmul(z1#2, z1#1)  [2x9]·[9x64] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 2; ++mi) {
            for (int mj = 0; mj < 64; ++mj) t_z1_3[s*128 + mi*64 + mj] = 0;
            for (int mk = 0; mk < 9; ++mk) {
                const sg_real av = c_z1_2[mi*9 + mk];
                for (int mj = 0; mj < 64; ++mj) t_z1_3[s*128 + mi*64 + mj] += av * t_z1_1[s*576 + mk*64 + mj];
            }
        }
        }

        /* z1#5 = z1#3 + z1#4 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 128; ++k) {
            const sg_real a0 = t_z1_3[s*128 + k];
            const sg_real a1 = c_z1_4[k];
        t_z1_5[s*128 + k] = a0 + a1;
        }
        }

        /* z1 = gather(z1#5) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 128; ++k) t_z1[s*128 + k] = t_z1_5[s*128 + k + 0];
        }

        /* h1 = ReLU(z1) */
        for (int k = 0; k < nt*128; ++k) {
            const sg_real a0 = t_z1[k];
        t_h1[k] = sg_relu(a0);
        }

        /* z2 = maxpool(h1) (first maximum wins ties) */
        for (s = 0; s < nt; ++s) {
        for (int c = 0; c < 2; ++c)
            for (int oi = 0; oi < 4; ++oi) {
                sg_real bv[4]; int bi[4];
                for (int oj = 0; oj < 4; ++oj) {
                    bi[oj] = c * 64 + oi * 16 + oj * 2;
                    bv[oj] = t_h1[s*128 + bi[oj]];
                }
                for (int di = 0; di < 2; ++di)
                    for (int dj = 0; dj < 2; ++dj) {
                        const int q0 = c * 64 + (oi * 2 + di) * 8 + dj;
                        for (int oj = 0; oj < 4; ++oj) {
                            const int q = q0 + oj * 2;
                            const sg_real v = t_h1[s*128 + q];
                            const int up = v > bv[oj];
                            bi[oj] = up ? q : bi[oj];
                            bv[oj] = up ? v : bv[oj];
                        }
                    }
                for (int oj = 0; oj < 4; ++oj) t_z2[s*32 + (c * 4 + oi) * 4 + oj] = bv[oj];
            }
        }

        /* h2 = z2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z2[k];
        t_h2[k] = a0;
        }

        /* z3 = gather(h2) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_z3[s*32 + k] = t_h2[s*32 + k + 0];
        }

        /* h3 = z3 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z3[k];
        t_h3[k] = a0;
        }

        /* z4 = b4 + z4#1  [b4 + matmul(W4, h3)]
           tile GEMM: Z[s, 0:2] = p_b4 + t_h3[s,:]·p_W4ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 2, 32, t_h3, 32, 1, c_p_W4_T, 2, t_z4, 2, p_b4, 0);
        } else
        {
            sg_gemm_dot(nt, 2, 32, p_W4, t_h3, 32, t_z4, 2, p_b4, 0);
        }

        /* yhat = z4 */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_z4[k];
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
            const sg_real a1 = d_y[s*66 + k];
        t_L_2[s*2 + k] = a0*a1;
        }
        }

        /* d[L#1] = d[L#2]*y */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = c_d_L_2[k];
            const sg_real a1 = d_y[s*66 + k];
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

        /* d[h3] = matmul(W4, d[yhat])
           tile GEMM: Z[s, 0:32] = t_d_yhat[s,:]·p_W4 */
        {
            sg_gemm(nt, 32, 2, t_d_yhat, 2, 1, p_W4, 32, t_d_h3, 32, 0, 0);
        }

        /* d[h2] = gather_t(d[h3]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_d_h2[s*32 + k] = t_d_h3[s*32 + k + 0];
        }

        /* d[h1] = maxpool_route(h1, d[h2]) (each window's g to its first maximum) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 128; ++k) t_d_h1[s*128 + k] = 0;
        for (int c = 0; c < 2; ++c)
            for (int oi = 0; oi < 4; ++oi) {
                sg_real bv[4]; int bi[4];
                for (int oj = 0; oj < 4; ++oj) {
                    bi[oj] = c * 64 + oi * 16 + oj * 2;
                    bv[oj] = t_h1[s*128 + bi[oj]];
                }
                for (int di = 0; di < 2; ++di)
                    for (int dj = 0; dj < 2; ++dj) {
                        const int q0 = c * 64 + (oi * 2 + di) * 8 + dj;
                        for (int oj = 0; oj < 4; ++oj) {
                            const int q = q0 + oj * 2;
                            const sg_real v = t_h1[s*128 + q];
                            const int up = v > bv[oj];
                            bi[oj] = up ? q : bi[oj];
                            bv[oj] = up ? v : bv[oj];
                        }
                    }
                for (int oj = 0; oj < 4; ++oj) t_d_h1[s*128 + bi[oj]] += t_d_h2[s*32 + (c * 4 + oi) * 4 + oj];
            }
        }

        /* d[z1] = d[h1]*1[z1 > 0] */
        for (int k = 0; k < nt*128; ++k) {
            const sg_real a0 = t_d_h1[k];
            const sg_real a1 = t_z1[k];
        t_d_z1[k] = a0*((a1) > 0 ? (1.0) : (0.0));
        }

        /* d[z1#5] = gather_t(d[z1]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 128; ++k) t_d_z1_5[s*128 + k] = t_d_z1[s*128 + k + 0];
        }

        /* d[b1] = gather_t(d[z1#5]) */
        { static const int map[128] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) t_d_b1[s*2 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 128; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_b1[s*2 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_5[s*128 + k];
          }
          if (cur >= 0) t_d_b1[s*2 + cur] += acc; }
        }
        }
        /* d[z1#2] = matmul(d[z1#5], z1#1)  [2x64]·[64x9] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 2; ++mi) {
            for (int mj = 0; mj < 9; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 64; ++mk) acc += t_d_z1_5[s*128 + mi*64 + mk] * t_z1_1[s*576 + mk + mj*64];
                t_d_z1_2[s*18 + mi*9 + mj] = acc;
            }
        }
        }

        /* d[W1] = gather_t(d[z1#2]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 18; ++k) t_d_W1[s*18 + k] = t_d_z1_2[s*18 + k + 0];
        }

        /* t[z1#3] = matmul(t[z1#2], z1#1)  [2x9]·[9x64] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 2; ++mi) {
            for (int mj = 0; mj < 64; ++mj) t_t_z1_3[s*128 + mi*64 + mj] = 0;
            for (int mk = 0; mk < 9; ++mk) {
                const sg_real av = c_t_z1_2[mi*9 + mk];
                for (int mj = 0; mj < 64; ++mj) t_t_z1_3[s*128 + mi*64 + mj] += av * t_z1_1[s*576 + mk*64 + mj];
            }
        }
        }

        /* t[z1#5] = t[z1#3] + t[z1#4] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 128; ++k) {
            const sg_real a0 = t_t_z1_3[s*128 + k];
            const sg_real a1 = c_t_z1_4[k];
        t_t_z1_5[s*128 + k] = a0 + a1;
        }
        }

        /* t[z1] = gather(t[z1#5]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 128; ++k) t_t_z1[s*128 + k] = t_t_z1_5[s*128 + k + 0];
        }

        /* t[h1] = t[z1]*1[z1 > 0] */
        for (int k = 0; k < nt*128; ++k) {
            const sg_real a0 = t_t_z1[k];
            const sg_real a1 = t_z1[k];
        t_t_h1[k] = a0*((a1) > 0 ? (1.0) : (0.0));
        }

        /* t[z2] = maxpool_pick(h1, t[h1]) (t at each window's first maximum) */
        for (s = 0; s < nt; ++s) {
        for (int c = 0; c < 2; ++c)
            for (int oi = 0; oi < 4; ++oi) {
                sg_real bv[4]; int bi[4];
                for (int oj = 0; oj < 4; ++oj) {
                    bi[oj] = c * 64 + oi * 16 + oj * 2;
                    bv[oj] = t_h1[s*128 + bi[oj]];
                }
                for (int di = 0; di < 2; ++di)
                    for (int dj = 0; dj < 2; ++dj) {
                        const int q0 = c * 64 + (oi * 2 + di) * 8 + dj;
                        for (int oj = 0; oj < 4; ++oj) {
                            const int q = q0 + oj * 2;
                            const sg_real v = t_h1[s*128 + q];
                            const int up = v > bv[oj];
                            bi[oj] = up ? q : bi[oj];
                            bv[oj] = up ? v : bv[oj];
                        }
                    }
                for (int oj = 0; oj < 4; ++oj) t_t_z2[s*32 + (c * 4 + oi) * 4 + oj] = t_t_h1[s*128 + bi[oj]];
            }
        }

        /* t[h2] = t[z2] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_z2[k];
        t_t_h2[k] = a0;
        }

        /* t[z3] = gather(t[h2]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_t_z3[s*32 + k] = t_t_h2[s*32 + k + 0];
        }

        /* t[h3] = t[z3] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_z3[k];
        t_t_h3[k] = a0;
        }

        /* t[z4] = t[z4#1] + u[b4]  [u[b4] + matmul(u[W4], h3) + matmul(W4, t[h3])]
           tile GEMM: Z[s, 0:2] = u_b4 + t_h3[s,:]·u_W4ᵀ + t_t_h3[s,:]·p_W4ᵀ */
        if (n >= 8) {
            sg_gemm2(nt, 2, 32, t_h3, 32, 1, c_u_W4_T, 2, 32, t_t_h3, 32, 1, c_p_W4_T, 2, t_t_z4, 2, u_b4, 0);
        } else
        {
            sg_gemm_dot(nt, 2, 32, u_W4, t_h3, 32, t_t_z4, 2, u_b4, 0);
            sg_gemm_dot(nt, 2, 32, p_W4, t_t_h3, 32, t_t_z4, 2, 0, 1);
        }

        /* t[yhat] = t[z4] */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_t_z4[k];
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

        /* t[d[h3]] = t[d[h3]]#1 + t[d[h3]]#2  [matmul(u[W4], d[yhat]) + matmul(W4, t[d[yhat]])]
           tile GEMM: Z[s, 0:32] = t_d_yhat[s,:]·u_W4 + t_t_d_yhat[s,:]·p_W4 */
        {
            sg_gemm2(nt, 32, 2, t_d_yhat, 2, 1, u_W4, 32, 2, t_t_d_yhat, 2, 1, p_W4, 32, t_t_d_h3, 32, 0, 0);
        }

        /* t[d[h2]] = gather_t(t[d[h3]]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_t_d_h2[s*32 + k] = t_t_d_h3[s*32 + k + 0];
        }

        /* t[d[h1]] = maxpool_route(h1, t[d[h2]]) (each window's g to its first maximum) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 128; ++k) t_t_d_h1[s*128 + k] = 0;
        for (int c = 0; c < 2; ++c)
            for (int oi = 0; oi < 4; ++oi) {
                sg_real bv[4]; int bi[4];
                for (int oj = 0; oj < 4; ++oj) {
                    bi[oj] = c * 64 + oi * 16 + oj * 2;
                    bv[oj] = t_h1[s*128 + bi[oj]];
                }
                for (int di = 0; di < 2; ++di)
                    for (int dj = 0; dj < 2; ++dj) {
                        const int q0 = c * 64 + (oi * 2 + di) * 8 + dj;
                        for (int oj = 0; oj < 4; ++oj) {
                            const int q = q0 + oj * 2;
                            const sg_real v = t_h1[s*128 + q];
                            const int up = v > bv[oj];
                            bi[oj] = up ? q : bi[oj];
                            bv[oj] = up ? v : bv[oj];
                        }
                    }
                for (int oj = 0; oj < 4; ++oj) t_t_d_h1[s*128 + bi[oj]] += t_t_d_h2[s*32 + (c * 4 + oi) * 4 + oj];
            }
        }

        /* t[d[z1]] = t[d[h1]]*1[z1 > 0] */
        for (int k = 0; k < nt*128; ++k) {
            const sg_real a0 = t_t_d_h1[k];
            const sg_real a1 = t_z1[k];
        t_t_d_z1[k] = a0*((a1) > 0 ? (1.0) : (0.0));
        }

        /* t[d[z1#5]] = gather_t(t[d[z1]]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 128; ++k) t_t_d_z1_5[s*128 + k] = t_t_d_z1[s*128 + k + 0];
        }

        /* t[d[b1]] = gather_t(t[d[z1#5]]) */
        { static const int map[128] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) t_t_d_b1[s*2 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 128; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_d_b1[s*2 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_d_z1_5[s*128 + k];
          }
          if (cur >= 0) t_t_d_b1[s*2 + cur] += acc; }
        }
        }
        /* t[d[z1#2]] = matmul(t[d[z1#5]], z1#1)  [2x64]·[64x9] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 2; ++mi) {
            for (int mj = 0; mj < 9; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 64; ++mk) acc += t_t_d_z1_5[s*128 + mi*64 + mk] * t_z1_1[s*576 + mk + mj*64];
                t_t_d_z1_2[s*18 + mi*9 + mj] = acc;
            }
        }
        }

        /* t[d[W1]] = gather_t(t[d[z1#2]]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 18; ++k) t_t_d_W1[s*18 + k] = t_t_d_z1_2[s*18 + k + 0];
        }

        /* sum L#2 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_L_2[k] += t_L_2[s*2 + k];

        /* sum d[yhat] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_d_yhat[k] += t_d_yhat[s*2 + k];

        /* sum d[W4] = sum outer(d[yhat], h3)
           tile GEMM: acc (2x32) = [acc +] t_d_yhatᵀ·t_h3 (stored on the first tile) */
        {
            sg_gemm(2, 32, nt, t_d_yhat, 1, 2, t_h3, 32, r_d_W4, 32, 0, t0 > 0);
        }

        /* sum d[b1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_d_b1[k] += t_d_b1[s*2 + k];

        /* sum d[W1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 18; ++k) r_d_W1[k] += t_d_W1[s*18 + k];

        /* sum t[d[yhat]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_t_d_yhat[k] += t_t_d_yhat[s*2 + k];

        /* sum t[d[W4]] = sum outer(t[d[yhat]], h3) + outer(d[yhat], t[h3])
           tile GEMM: acc (2x32) = [acc +] t_t_d_yhatᵀ·t_h3 + t_d_yhatᵀ·t_t_h3 (stored on the first tile) */
        {
            sg_gemm2(2, 32, nt, t_t_d_yhat, 1, 2, t_h3, 32, nt, t_d_yhat, 1, 2, t_t_h3, 32, r_t_d_W4, 32, 0, t0 > 0);
        }

        /* sum t[d[b1]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 2; ++k) r_t_d_b1[k] += t_t_d_b1[s*2 + k];

        /* sum t[d[W1]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 18; ++k) r_t_d_W1[k] += t_t_d_W1[s*18 + k];

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
        for (int k = 0; k < 18; ++k) r_d_W1[k] *= scale;  /* grad: W1 */
        for (int k = 0; k < 2; ++k) r_d_b1[k] *= scale;  /* grad: b1 */
        for (int k = 0; k < 64; ++k) r_d_W4[k] *= scale;  /* grad: W4 */
        for (int k = 0; k < 2; ++k) r_d_yhat[k] *= scale;  /* grad: b4 */
        for (int k = 0; k < 18; ++k) r_t_d_W1[k] *= scale;  /* hv: W1 */
        for (int k = 0; k < 2; ++k) r_t_d_b1[k] *= scale;  /* hv: b1 */
        for (int k = 0; k < 64; ++k) r_t_d_W4[k] *= scale;  /* hv: W4 */
        for (int k = 0; k < 2; ++k) r_t_d_yhat[k] *= scale;  /* hv: b4 */
    }
    return SG_OK;
}

/* ==== jacobian: tile of 32 samples, workspace 77208 reals ==== */
int small_cnn_jacobian(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 86)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 66)) return SG_EDATA;
    const sg_real *restrict p_W1 = theta + 0;  /* [2, 1, 3, 3] */
    const sg_real *restrict p_b1 = theta + 18;  /* [2] */
    const sg_real *restrict p_W4 = theta + 20;  /* [2, 32] */
    const sg_real *restrict p_b4 = theta + 84;  /* [2] */
    sg_real *restrict v_yhat = work + 0;  /* tile [2] */
    sg_real *restrict c_z1_2 = work + 64;  /* work [2, 9] */
    sg_real *restrict c_z1_4 = work + 88;  /* work [2, 64] */
    sg_real *restrict t_z1_1 = work + 216;  /* tile [9, 64] */
    sg_real *restrict t_z1_3 = work + 18648;  /* tile [2, 64] */
    sg_real *restrict t_z1_5 = work + 22744;  /* tile [2, 64] */
    sg_real *restrict t_z1 = work + 26840;  /* tile [2, 8, 8] */
    sg_real *restrict t_h1 = work + 30936;  /* tile [2, 8, 8] */
    sg_real *restrict t_z2 = work + 35032;  /* tile [2, 4, 4] */
    sg_real *restrict t_h2 = work + 36056;  /* tile [2, 4, 4] */
    sg_real *restrict t_z3 = work + 37080;  /* tile [32] */
    sg_real *restrict t_h3 = work + 38104;  /* tile [32] */
    sg_real *restrict t_J0_d_W4 = work + 39128;  /* tile [2, 32] */
    sg_real *restrict t_J0_d_h3 = work + 41176;  /* tile [32] */
    sg_real *restrict t_J0_d_h2 = work + 42200;  /* tile [2, 4, 4] */
    sg_real *restrict t_J0_d_h1 = work + 43224;  /* tile [2, 8, 8] */
    sg_real *restrict t_J0_d_z1 = work + 47320;  /* tile [2, 8, 8] */
    sg_real *restrict t_J0_d_z1_5 = work + 51416;  /* tile [2, 64] */
    sg_real *restrict t_J0_d_b1 = work + 55512;  /* tile [2] */
    sg_real *restrict t_J0_d_z1_2 = work + 55576;  /* tile [2, 9] */
    sg_real *restrict t_J0_d_z1_1 = work + 56152;  /* tile [9, 64] */
    sg_real *restrict t_J0_d_W1 = work + 74584;  /* tile [2, 1, 3, 3] */
    sg_real *restrict t_J0_d_x = work + 75160;  /* tile [1, 8, 8] */
    (void)p_W1;
    (void)p_b1;
    (void)p_W4;
    (void)p_b4;
    memset(jac, 0, sizeof(sg_real) * (size_t)n * 304);
    /* ---- sample-invariant part (once per call) ---- */
    /* z1#2 = gather(W1) */
    for (int k = 0; k < 18; ++k) c_z1_2[k] = p_W1[k + 0];

    /* z1#4 = gather(b1) */
    { static const int map[128] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };
    for (int k = 0; k < 128; ++k) { const int m = map[k]; c_z1_4[k] = m >= 0 ? p_b1[m] : 0; }
    }
    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 66 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 66 + 64;
        (void)d_y;
        /* z1#1 = gather(x) */
        { static const int map[576] = { -1, -1, -1, -1, -1, -1, -1, -1, -1, 0, 1, 2, 3, 4, 5, 6, -1, 8, 9, 10, 11, 12, 13, 14, -1, 16, 17, 18, 19, 20, 21, 22, -1, 24, 25, 26, 27, 28, 29, 30, -1, 32, 33, 34, 35, 36, 37, 38, -1, 40, 41, 42, 43, 44, 45, 46, -1, 48, 49, 50, 51, 52, 53, 54, -1, -1, -1, -1, -1, -1, -1, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, -1, -1, -1, -1, -1, -1, -1, -1, 1, 2, 3, 4, 5, 6, 7, -1, 9, 10, 11, 12, 13, 14, 15, -1, 17, 18, 19, 20, 21, 22, 23, -1, 25, 26, 27, 28, 29, 30, 31, -1, 33, 34, 35, 36, 37, 38, 39, -1, 41, 42, 43, 44, 45, 46, 47, -1, 49, 50, 51, 52, 53, 54, 55, -1, -1, 0, 1, 2, 3, 4, 5, 6, -1, 8, 9, 10, 11, 12, 13, 14, -1, 16, 17, 18, 19, 20, 21, 22, -1, 24, 25, 26, 27, 28, 29, 30, -1, 32, 33, 34, 35, 36, 37, 38, -1, 40, 41, 42, 43, 44, 45, 46, -1, 48, 49, 50, 51, 52, 53, 54, -1, 56, 57, 58, 59, 60, 61, 62, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 1, 2, 3, 4, 5, 6, 7, -1, 9, 10, 11, 12, 13, 14, 15, -1, 17, 18, 19, 20, 21, 22, 23, -1, 25, 26, 27, 28, 29, 30, 31, -1, 33, 34, 35, 36, 37, 38, 39, -1, 41, 42, 43, 44, 45, 46, 47, -1, 49, 50, 51, 52, 53, 54, 55, -1, 57, 58, 59, 60, 61, 62, 63, -1, -1, 8, 9, 10, 11, 12, 13, 14, -1, 16, 17, 18, 19, 20, 21, 22, -1, 24, 25, 26, 27, 28, 29, 30, -1, 32, 33, 34, 35, 36, 37, 38, -1, 40, 41, 42, 43, 44, 45, 46, -1, 48, 49, 50, 51, 52, 53, 54, -1, 56, 57, 58, 59, 60, 61, 62, -1, -1, -1, -1, -1, -1, -1, -1, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, -1, -1, -1, -1, -1, -1, -1, -1, 9, 10, 11, 12, 13, 14, 15, -1, 17, 18, 19, 20, 21, 22, 23, -1, 25, 26, 27, 28, 29, 30, 31, -1, 33, 34, 35, 36, 37, 38, 39, -1, 41, 42, 43, 44, 45, 46, 47, -1, 49, 50, 51, 52, 53, 54, 55, -1, 57, 58, 59, 60, 61, 62, 63, -1, -1, -1, -1, -1, -1, -1, -1, -1 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 576; ++k) { const int m = map[k]; t_z1_1[s*576 + k] = m >= 0 ? d_x[s*66 + m] : 0; }
        }
        }
        /* z1#3 = matmul(z1#2, z1#1)  [2x9]·[9x64] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 2; ++mi) {
            for (int mj = 0; mj < 64; ++mj) t_z1_3[s*128 + mi*64 + mj] = 0;
            for (int mk = 0; mk < 9; ++mk) {
                const sg_real av = c_z1_2[mi*9 + mk];
                for (int mj = 0; mj < 64; ++mj) t_z1_3[s*128 + mi*64 + mj] += av * t_z1_1[s*576 + mk*64 + mj];
            }
        }
        }

        /* z1#5 = z1#3 + z1#4 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 128; ++k) {
            const sg_real a0 = t_z1_3[s*128 + k];
            const sg_real a1 = c_z1_4[k];
        t_z1_5[s*128 + k] = a0 + a1;
        }
        }

        /* z1 = gather(z1#5) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 128; ++k) t_z1[s*128 + k] = t_z1_5[s*128 + k + 0];
        }

        /* h1 = ReLU(z1) */
        for (int k = 0; k < nt*128; ++k) {
            const sg_real a0 = t_z1[k];
        t_h1[k] = sg_relu(a0);
        }

        /* z2 = maxpool(h1) (first maximum wins ties) */
        for (s = 0; s < nt; ++s) {
        for (int c = 0; c < 2; ++c)
            for (int oi = 0; oi < 4; ++oi) {
                sg_real bv[4]; int bi[4];
                for (int oj = 0; oj < 4; ++oj) {
                    bi[oj] = c * 64 + oi * 16 + oj * 2;
                    bv[oj] = t_h1[s*128 + bi[oj]];
                }
                for (int di = 0; di < 2; ++di)
                    for (int dj = 0; dj < 2; ++dj) {
                        const int q0 = c * 64 + (oi * 2 + di) * 8 + dj;
                        for (int oj = 0; oj < 4; ++oj) {
                            const int q = q0 + oj * 2;
                            const sg_real v = t_h1[s*128 + q];
                            const int up = v > bv[oj];
                            bi[oj] = up ? q : bi[oj];
                            bv[oj] = up ? v : bv[oj];
                        }
                    }
                for (int oj = 0; oj < 4; ++oj) t_z2[s*32 + (c * 4 + oi) * 4 + oj] = bv[oj];
            }
        }

        /* h2 = z2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z2[k];
        t_h2[k] = a0;
        }

        /* z3 = gather(h2) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_z3[s*32 + k] = t_h2[s*32 + k + 0];
        }

        /* h3 = z3 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z3[k];
        t_h3[k] = a0;
        }

        /* Jacobian rows of yhat: one reverse sweep per output element */
        for (int kk = 0; kk < 2; ++kk) {
            for (s = 0; s < nt; ++s)
                for (int k = 0; k < 2; ++k) v_yhat[s*2 + k] = (k == kk);
            /* J0:d[W4] = outer(v[yhat], h3) */
            for (s = 0; s < nt; ++s) {
            for (int mi = 0; mi < 2; ++mi) {
                const sg_real av = v_yhat[s*2 + mi];
                for (int mj = 0; mj < 32; ++mj) t_J0_d_W4[s*64 + mi*32 + mj] = av * t_h3[s*32 + mj];
            }
            }

            /* J0:d[h3] = matmul(W4, v[yhat])
               tile GEMM: Z[s, 0:32] = v_yhat[s,:]·p_W4 */
            {
                sg_gemm(nt, 32, 2, v_yhat, 2, 1, p_W4, 32, t_J0_d_h3, 32, 0, 0);
            }

            /* J0:d[h2] = gather_t(J0:d[h3]) */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 32; ++k) t_J0_d_h2[s*32 + k] = t_J0_d_h3[s*32 + k + 0];
            }

            /* J0:d[h1] = maxpool_route(h1, J0:d[h2]) (each window's g to its first maximum) */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 128; ++k) t_J0_d_h1[s*128 + k] = 0;
            for (int c = 0; c < 2; ++c)
                for (int oi = 0; oi < 4; ++oi) {
                    sg_real bv[4]; int bi[4];
                    for (int oj = 0; oj < 4; ++oj) {
                        bi[oj] = c * 64 + oi * 16 + oj * 2;
                        bv[oj] = t_h1[s*128 + bi[oj]];
                    }
                    for (int di = 0; di < 2; ++di)
                        for (int dj = 0; dj < 2; ++dj) {
                            const int q0 = c * 64 + (oi * 2 + di) * 8 + dj;
                            for (int oj = 0; oj < 4; ++oj) {
                                const int q = q0 + oj * 2;
                                const sg_real v = t_h1[s*128 + q];
                                const int up = v > bv[oj];
                                bi[oj] = up ? q : bi[oj];
                                bv[oj] = up ? v : bv[oj];
                            }
                        }
                    for (int oj = 0; oj < 4; ++oj) t_J0_d_h1[s*128 + bi[oj]] += t_J0_d_h2[s*32 + (c * 4 + oi) * 4 + oj];
                }
            }

            /* J0:d[z1] = J0:d[h1]*1[z1 > 0] */
            for (int k = 0; k < nt*128; ++k) {
                const sg_real a0 = t_J0_d_h1[k];
                const sg_real a1 = t_z1[k];
            t_J0_d_z1[k] = a0*((a1) > 0 ? (1.0) : (0.0));
            }

            /* J0:d[z1#5] = gather_t(J0:d[z1]) */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 128; ++k) t_J0_d_z1_5[s*128 + k] = t_J0_d_z1[s*128 + k + 0];
            }

            /* J0:d[b1] = gather_t(J0:d[z1#5]) */
            { static const int map[128] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 2; ++k) t_J0_d_b1[s*2 + k] = 0;
            { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
              for (int k = 0; k < 128; ++k) {
                  const int m = map[k];
                  if (m != cur) { if (cur >= 0) t_J0_d_b1[s*2 + cur] += acc; cur = m; acc = 0; }
                  if (m >= 0) acc += t_J0_d_z1_5[s*128 + k];
              }
              if (cur >= 0) t_J0_d_b1[s*2 + cur] += acc; }
            }
            }
            /* J0:d[z1#2] = matmul(J0:d[z1#5], z1#1)  [2x64]·[64x9] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 2; ++mi) {
                for (int mj = 0; mj < 9; ++mj) {
                    sg_real acc = 0;
                    SG_SIMD_REDUCE(acc)
                    for (int mk = 0; mk < 64; ++mk) acc += t_J0_d_z1_5[s*128 + mi*64 + mk] * t_z1_1[s*576 + mk + mj*64];
                    t_J0_d_z1_2[s*18 + mi*9 + mj] = acc;
                }
            }
            }

            /* J0:d[z1#1] = matmul(z1#2, J0:d[z1#5])  [9x2]·[2x64] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 9; ++mi) {
                for (int mj = 0; mj < 64; ++mj) t_J0_d_z1_1[s*576 + mi*64 + mj] = 0;
                for (int mk = 0; mk < 2; ++mk) {
                    const sg_real av = c_z1_2[mi + mk*9];
                    for (int mj = 0; mj < 64; ++mj) t_J0_d_z1_1[s*576 + mi*64 + mj] += av * t_J0_d_z1_5[s*128 + mk*64 + mj];
                }
            }
            }

            /* J0:d[W1] = gather_t(J0:d[z1#2]) */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 18; ++k) t_J0_d_W1[s*18 + k] = t_J0_d_z1_2[s*18 + k + 0];
            }

            /* J0:d[x] = gather_t(J0:d[z1#1]) */
            { static const int map[576] = { -1, -1, -1, -1, -1, -1, -1, -1, -1, 0, 1, 2, 3, 4, 5, 6, -1, 8, 9, 10, 11, 12, 13, 14, -1, 16, 17, 18, 19, 20, 21, 22, -1, 24, 25, 26, 27, 28, 29, 30, -1, 32, 33, 34, 35, 36, 37, 38, -1, 40, 41, 42, 43, 44, 45, 46, -1, 48, 49, 50, 51, 52, 53, 54, -1, -1, -1, -1, -1, -1, -1, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, -1, -1, -1, -1, -1, -1, -1, -1, 1, 2, 3, 4, 5, 6, 7, -1, 9, 10, 11, 12, 13, 14, 15, -1, 17, 18, 19, 20, 21, 22, 23, -1, 25, 26, 27, 28, 29, 30, 31, -1, 33, 34, 35, 36, 37, 38, 39, -1, 41, 42, 43, 44, 45, 46, 47, -1, 49, 50, 51, 52, 53, 54, 55, -1, -1, 0, 1, 2, 3, 4, 5, 6, -1, 8, 9, 10, 11, 12, 13, 14, -1, 16, 17, 18, 19, 20, 21, 22, -1, 24, 25, 26, 27, 28, 29, 30, -1, 32, 33, 34, 35, 36, 37, 38, -1, 40, 41, 42, 43, 44, 45, 46, -1, 48, 49, 50, 51, 52, 53, 54, -1, 56, 57, 58, 59, 60, 61, 62, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 1, 2, 3, 4, 5, 6, 7, -1, 9, 10, 11, 12, 13, 14, 15, -1, 17, 18, 19, 20, 21, 22, 23, -1, 25, 26, 27, 28, 29, 30, 31, -1, 33, 34, 35, 36, 37, 38, 39, -1, 41, 42, 43, 44, 45, 46, 47, -1, 49, 50, 51, 52, 53, 54, 55, -1, 57, 58, 59, 60, 61, 62, 63, -1, -1, 8, 9, 10, 11, 12, 13, 14, -1, 16, 17, 18, 19, 20, 21, 22, -1, 24, 25, 26, 27, 28, 29, 30, -1, 32, 33, 34, 35, 36, 37, 38, -1, 40, 41, 42, 43, 44, 45, 46, -1, 48, 49, 50, 51, 52, 53, 54, -1, 56, 57, 58, 59, 60, 61, 62, -1, -1, -1, -1, -1, -1, -1, -1, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, -1, -1, -1, -1, -1, -1, -1, -1, 9, 10, 11, 12, 13, 14, 15, -1, 17, 18, 19, 20, 21, 22, 23, -1, 25, 26, 27, 28, 29, 30, 31, -1, 33, 34, 35, 36, 37, 38, 39, -1, 41, 42, 43, 44, 45, 46, 47, -1, 49, 50, 51, 52, 53, 54, 55, -1, 57, 58, 59, 60, 61, 62, 63, -1, -1, -1, -1, -1, -1, -1, -1, -1 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 64; ++k) t_J0_d_x[s*64 + k] = 0;
            { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
              for (int k = 0; k < 576; ++k) {
                  const int m = map[k];
                  if (m != cur) { if (cur >= 0) t_J0_d_x[s*64 + cur] += acc; cur = m; acc = 0; }
                  if (m >= 0) acc += t_J0_d_z1_1[s*576 + k];
              }
              if (cur >= 0) t_J0_d_x[s*64 + cur] += acc; }
            }
            }
            for (s = 0; s < nt; ++s) {
                sg_real *restrict jr = jac + ((t0 + s) * 2 + 0 + kk) * 152;
                for (int k = 0; k < 64; ++k) jr[0 + k] = t_J0_d_x[s*64 + k];  /* x */
                for (int k = 0; k < 18; ++k) jr[66 + k] = t_J0_d_W1[s*18 + k];  /* W1 */
                for (int k = 0; k < 2; ++k) jr[84 + k] = t_J0_d_b1[s*2 + k];  /* b1 */
                for (int k = 0; k < 64; ++k) jr[86 + k] = t_J0_d_W4[s*64 + k];  /* W4 */
                for (int k = 0; k < 2; ++k) jr[150 + k] = v_yhat[s*2 + k];  /* b4 */
            }
        }
    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== hessian: 86 HVP sweeps u = e_j, then symmetrised (H + Hᵀ)/2 ==== */
int small_cnn_hessian(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict loss, sg_real *restrict grad, sg_real *restrict H, sg_real *restrict work)
{
    sg_real *restrict u = work + 91736;
    int rc = SG_OK;
    for (long j = 0; j < 86; ++j) {
        memset(u, 0, sizeof(sg_real) * 86);
        u[j] = 1;
        rc = small_cnn_hvp(theta, data, n, u, loss, grad, H + j * 86, work);
        if (rc != SG_OK) return rc;
    }
    for (long i = 0; i < 86; ++i)
        for (long j = 0; j < i; ++j) {
            const sg_real v = (sg_real)0.5 * (H[i * 86 + j] + H[j * 86 + i]);
            H[i * 86 + j] = v;
            H[j * 86 + i] = v;
        }
    return rc;
}

#ifdef __cplusplus
}  /* extern "C" */
#endif
