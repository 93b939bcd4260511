/* tiny_transformer.c: symgrad kernels for model 'tiny_transformer' (float64), emitter v3.
   Generated from the assignment graph of tiny_transformer.toml; do not edit.
   C99 + libm (also compiles as C++): cc -O3 -std=c99 -c tiny_transformer.c   (link with -lm)
   The runtime (GEMM kernels, stable helpers) is symgrad_runtime.h, included from this file's
   directory (`symgrad generate` writes it here; with --single-file it is inlined below).
   Layout: theta = Wq1[8, 8], Wk1[8, 8], Wv1[8, 8], Wo1[8, 8], bq1[8], bk1[8], bv1[8], bo1[8], gamma2[8], beta2[8], W3[8, 8], b3[8], W5[3, 32], b5[3] (row-major, packed)
           data row = x[4, 8], y[3]
           forward row = yhat[3]
   Batch objective: mean over samples of 'L'. */
#define SG_REAL_BITS 64  /* sg_real = double */
#include "symgrad_runtime.h"
#if !defined(SYMGRAD_RUNTIME_ID) || SYMGRAD_RUNTIME_ID != 0x8eb30123UL
#  error "symgrad_runtime.h is not the one generated with this file: regenerate both together"
#endif
#ifdef __cplusplus
extern "C" {
#endif

#define TINY_TRANSFORMER_N_PARAMS 475
#define TINY_TRANSFORMER_DATA_WIDTH 35
#define TINY_TRANSFORMER_OUT_WIDTH 3
#define TINY_TRANSFORMER_INFO_N_PARAMS 0
#define TINY_TRANSFORMER_INFO_DATA_WIDTH 1
#define TINY_TRANSFORMER_INFO_OUT_WIDTH 2
#define TINY_TRANSFORMER_INFO_JAC_ROWS 3
#define TINY_TRANSFORMER_INFO_JAC_COLS 4
#define TINY_TRANSFORMER_INFO_TILE 5
#define TINY_TRANSFORMER_INFO_DTYPE_BYTES 6
#define TINY_TRANSFORMER_INFO_WORK_FORWARD 7
#define TINY_TRANSFORMER_INFO_WORK_LOSS_GRAD 8
#define TINY_TRANSFORMER_INFO_WORK_HVP 9
#define TINY_TRANSFORMER_INFO_WORK_HESSIAN 10
#define TINY_TRANSFORMER_INFO_WORK_JACOBIAN 11

long tiny_transformer_info(int what)
{
    switch (what) {
    case 0: return 475L;
    case 1: return 35L;
    case 2: return 3L;
    case 3: return 3L;
    case 4: return 510L;
    case 5: return 128L;
    case 6: return 8L;
    case 7: return 126016L;
    case 8: return 78792L;
    case 9: return 92760L;
    case 10: return 93718L;
    case 11: return 85312L;
    default: return -1L;
    }
}

/* ==== forward: tile of 128 samples, workspace 126016 reals ==== */
int tiny_transformer_forward(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 475)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 35)) return SG_EDATA;
    const sg_real *restrict p_Wq1 = theta + 0;  /* [8, 8] */
    const sg_real *restrict p_Wk1 = theta + 64;  /* [8, 8] */
    const sg_real *restrict p_Wv1 = theta + 128;  /* [8, 8] */
    const sg_real *restrict p_Wo1 = theta + 192;  /* [8, 8] */
    const sg_real *restrict p_bq1 = theta + 256;  /* [8] */
    const sg_real *restrict p_bk1 = theta + 264;  /* [8] */
    const sg_real *restrict p_bv1 = theta + 272;  /* [8] */
    const sg_real *restrict p_bo1 = theta + 280;  /* [8] */
    const sg_real *restrict p_gamma2 = theta + 288;  /* [8] */
    const sg_real *restrict p_beta2 = theta + 296;  /* [8] */
    const sg_real *restrict p_W3 = theta + 304;  /* [8, 8] */
    const sg_real *restrict p_b3 = theta + 368;  /* [8] */
    const sg_real *restrict p_W5 = theta + 376;  /* [3, 32] */
    const sg_real *restrict p_b5 = theta + 472;  /* [3] */
    sg_real *restrict c_z1_2 = work + 0;  /* work [4, 8] */
    sg_real *restrict c_z1_5 = work + 32;  /* work [4, 8] */
    sg_real *restrict c_z1_8 = work + 64;  /* work [4, 8] */
    sg_real *restrict c_z1_28 = work + 96;  /* work [4, 8] */
    sg_real *restrict c_z2_9 = work + 128;  /* work [4, 8] */
    sg_real *restrict c_z2_10 = work + 160;  /* work [4, 8] */
    sg_real *restrict c_z3_2 = work + 192;  /* work [4, 8] */
    sg_real *restrict t_z1_1 = work + 224;  /* tile [4, 8] */
    sg_real *restrict t_z1_3 = work + 4320;  /* tile [4, 8] */
    sg_real *restrict t_z1_4 = work + 8416;  /* tile [4, 8] */
    sg_real *restrict t_z1_6 = work + 12512;  /* tile [4, 8] */
    sg_real *restrict t_z1_7 = work + 16608;  /* tile [4, 8] */
    sg_real *restrict t_z1_9 = work + 20704;  /* tile [4, 8] */
    sg_real *restrict t_z1_10 = work + 24800;  /* tile [4, 4] */
    sg_real *restrict t_z1_11 = work + 26848;  /* tile [4, 4] */
    sg_real *restrict t_z1_12 = work + 28896;  /* tile [4, 4] */
    sg_real *restrict t_z1_13 = work + 30944;  /* tile [4, 4] */
    sg_real *restrict t_z1_14 = work + 32992;  /* tile [4, 4] */
    sg_real *restrict t_z1_15 = work + 35040;  /* tile [4, 4] */
    sg_real *restrict t_z1_16 = work + 37088;  /* tile [4, 4] */
    sg_real *restrict t_z1_17 = work + 39136;  /* tile [4, 8] */
    sg_real *restrict t_z1_18 = work + 43232;  /* tile [4, 4] */
    sg_real *restrict t_z1_19 = work + 45280;  /* tile [4, 4] */
    sg_real *restrict t_z1_20 = work + 47328;  /* tile [4, 4] */
    sg_real *restrict t_z1_21 = work + 49376;  /* tile [4, 4] */
    sg_real *restrict t_z1_22 = work + 51424;  /* tile [4, 4] */
    sg_real *restrict t_z1_23 = work + 53472;  /* tile [4, 4] */
    sg_real *restrict t_z1_24 = work + 55520;  /* tile [4, 4] */
    sg_real *restrict t_z1_25 = work + 57568;  /* tile [4, 8] */
    sg_real *restrict t_z1_26 = work + 61664;  /* tile [4, 8] */
    sg_real *restrict t_z1_27 = work + 65760;  /* tile [4, 8] */
    sg_real *restrict t_z1 = work + 69856;  /* tile [4, 8] */
    sg_real *restrict t_h1 = work + 73952;  /* tile [4, 8] */
    sg_real *restrict t_z2_1 = work + 78048;  /* tile [4] */
    sg_real *restrict t_z2_2 = work + 78560;  /* tile [4] */
    sg_real *restrict t_z2_3 = work + 79072;  /* tile [4, 8] */
    sg_real *restrict t_z2_4 = work + 83168;  /* tile [4, 8] */
    sg_real *restrict t_z2_5 = work + 87264;  /* tile [4, 8] */
    sg_real *restrict t_z2_6 = work + 91360;  /* tile [4] */
    sg_real *restrict t_z2_7 = work + 91872;  /* tile [4] */
    sg_real *restrict t_z2_8 = work + 92384;  /* tile [4, 8] */
    sg_real *restrict t_z2 = work + 96480;  /* tile [4, 8] */
    sg_real *restrict t_h2 = work + 100576;  /* tile [4, 8] */
    sg_real *restrict t_z3_1 = work + 104672;  /* tile [4, 8] */
    sg_real *restrict t_z3 = work + 108768;  /* tile [4, 8] */
    sg_real *restrict t_h3 = work + 112864;  /* tile [4, 8] */
    sg_real *restrict t_z4 = work + 116960;  /* tile [32] */
    sg_real *restrict t_h4 = work + 121056;  /* tile [32] */
    sg_real *restrict t_z5 = work + 125152;  /* tile [3] */
    sg_real *restrict t_yhat = work + 125536;  /* tile [3] */
    sg_real *restrict c_p_W5_T = work + 125920;  /* work [32, 3] */
    (void)p_Wq1;
    (void)p_Wk1;
    (void)p_Wv1;
    (void)p_Wo1;
    (void)p_bq1;
    (void)p_bk1;
    (void)p_bv1;
    (void)p_bo1;
    (void)p_gamma2;
    (void)p_beta2;
    (void)p_W3;
    (void)p_b3;
    (void)p_W5;
    (void)p_b5;
    /* ---- sample-invariant part (once per call) ---- */
    /* z1#2 = gather(bq1) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_z1_2[k] = m >= 0 ? p_bq1[m] : 0; }
    }
    /* z1#5 = gather(bk1) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_z1_5[k] = m >= 0 ? p_bk1[m] : 0; }
    }
    /* z1#8 = gather(bv1) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_z1_8[k] = m >= 0 ? p_bv1[m] : 0; }
    }
    /* z1#28 = gather(bo1) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_z1_28[k] = m >= 0 ? p_bo1[m] : 0; }
    }
    /* z2#9 = gather(gamma2) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_z2_9[k] = m >= 0 ? p_gamma2[m] : 0; }
    }
    /* z2#10 = gather(beta2) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_z2_10[k] = m >= 0 ? p_beta2[m] : 0; }
    }
    /* z3#2 = gather(b3) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_z3_2[k] = m >= 0 ? p_b3[m] : 0; }
    }
    /* p_W5^T (used when n >= 8) */
    if (n >= 8) sg_transpose(3, 32, p_W5, c_p_W5_T);

    /* ---- tiles of 128 samples ---- */
    for (t0 = 0; t0 < n; t0 += 128) {
        nt = (int)(n - t0 < 128 ? n - t0 : 128);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 35 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 35 + 32;
        (void)d_y;
        /* z1#1 = matmul(x, Wq1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += d_x[s*35 + mi*8 + mk] * p_Wq1[mk + mj*8];
                t_z1_1[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z1#3 = z1#1 + z1#2 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z1_1[s*32 + k];
            const sg_real a1 = c_z1_2[k];
        t_z1_3[s*32 + k] = a0 + a1;
        }
        }

        /* z1#4 = matmul(x, Wk1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += d_x[s*35 + mi*8 + mk] * p_Wk1[mk + mj*8];
                t_z1_4[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z1#6 = z1#4 + z1#5 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z1_4[s*32 + k];
            const sg_real a1 = c_z1_5[k];
        t_z1_6[s*32 + k] = a0 + a1;
        }
        }

        /* z1#7 = matmul(x, Wv1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += d_x[s*35 + mi*8 + mk] * p_Wv1[mk + mj*8];
                t_z1_7[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z1#9 = z1#7 + z1#8 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z1_7[s*32 + k];
            const sg_real a1 = c_z1_8[k];
        t_z1_9[s*32 + k] = a0 + a1;
        }
        }

        /* z1#10 = gather(z1#3) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_10[s*16 + k] = m >= 0 ? t_z1_3[s*32 + m] : 0; }
        }
        }
        /* z1#11 = gather(z1#6) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_11[s*16 + k] = m >= 0 ? t_z1_6[s*32 + m] : 0; }
        }
        }
        /* z1#12 = gather(z1#9) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_12[s*16 + k] = m >= 0 ? t_z1_9[s*32 + m] : 0; }
        }
        }
        /* z1#13 = matmul(z1#10, z1#11)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_z1_10[s*16 + mi*4 + mk] * t_z1_11[s*16 + mk + mj*4];
                t_z1_13[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* z1#14 = z1#13/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z1_13[k];
        t_z1_14[k] = ((1.0/2.0))*a0;
        }

        /* z1#15 = softmax_rows(z1#14) (each row max subtracted) */
        for (s = 0; s < nt; ++s) {
        for (int r = 0; r < 4; ++r) {
            const int o = r * 4;
            sg_real mx = t_z1_14[s*16 + o], se = 0;
            for (int k = 1; k < 4; ++k) mx = t_z1_14[s*16 + o + k] > mx ? t_z1_14[s*16 + o + k] : mx;
            for (int k = 0; k < 4; ++k) se += exp(t_z1_14[s*16 + o + k] - mx);
            const sg_real inv = 1 / se;
            for (int k = 0; k < 4; ++k) t_z1_15[s*16 + o + k] = exp(t_z1_14[s*16 + o + k] - mx) * inv;
        }
        }

        /* z1#16 = matmul(z1#15, z1#12)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_z1_16[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_15[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_z1_16[s*16 + mi*4 + mj] += av * t_z1_12[s*16 + mk*4 + mj];
            }
        }
        }

        /* z1#17 = gather_t(z1#16) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_z1_17[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_z1_17[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_z1_16[s*16 + k];
          }
          if (cur >= 0) t_z1_17[s*32 + cur] += acc; }
        }
        }
        /* z1#18 = gather(z1#3) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_18[s*16 + k] = m >= 0 ? t_z1_3[s*32 + m] : 0; }
        }
        }
        /* z1#19 = gather(z1#6) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_19[s*16 + k] = m >= 0 ? t_z1_6[s*32 + m] : 0; }
        }
        }
        /* z1#20 = gather(z1#9) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_20[s*16 + k] = m >= 0 ? t_z1_9[s*32 + m] : 0; }
        }
        }
        /* z1#21 = matmul(z1#18, z1#19)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_z1_18[s*16 + mi*4 + mk] * t_z1_19[s*16 + mk + mj*4];
                t_z1_21[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* z1#22 = z1#21/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z1_21[k];
        t_z1_22[k] = ((1.0/2.0))*a0;
        }

        /* z1#23 = softmax_rows(z1#22) (each row max subtracted) */
        for (s = 0; s < nt; ++s) {
        for (int r = 0; r < 4; ++r) {
            const int o = r * 4;
            sg_real mx = t_z1_22[s*16 + o], se = 0;
            for (int k = 1; k < 4; ++k) mx = t_z1_22[s*16 + o + k] > mx ? t_z1_22[s*16 + o + k] : mx;
            for (int k = 0; k < 4; ++k) se += exp(t_z1_22[s*16 + o + k] - mx);
            const sg_real inv = 1 / se;
            for (int k = 0; k < 4; ++k) t_z1_23[s*16 + o + k] = exp(t_z1_22[s*16 + o + k] - mx) * inv;
        }
        }

        /* z1#24 = matmul(z1#23, z1#20)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_z1_24[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_23[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_z1_24[s*16 + mi*4 + mj] += av * t_z1_20[s*16 + mk*4 + mj];
            }
        }
        }

        /* z1#25 = gather_t(z1#24) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_z1_25[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_z1_25[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_z1_24[s*16 + k];
          }
          if (cur >= 0) t_z1_25[s*32 + cur] += acc; }
        }
        }
        /* z1#26 = z1#17 + z1#25 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z1_17[k];
            const sg_real a1 = t_z1_25[k];
        t_z1_26[k] = a0 + a1;
        }

        /* z1#27 = matmul(z1#26, Wo1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_z1_26[s*32 + mi*8 + mk] * p_Wo1[mk + mj*8];
                t_z1_27[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z1 = z1#27 + z1#28 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z1_27[s*32 + k];
            const sg_real a1 = c_z1_28[k];
        t_z1[s*32 + k] = a0 + a1;
        }
        }

        /* h1 = x + z1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = d_x[s*35 + k];
            const sg_real a1 = t_z1[s*32 + k];
        t_h1[s*32 + k] = a0 + a1;
        }
        }

        /* z2#1 = gather_t(h1) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) t_z2_1[s*4 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_z2_1[s*4 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_h1[s*32 + k];
          }
          if (cur >= 0) t_z2_1[s*4 + cur] += acc; }
        }
        }
        /* z2#2 = z2#1/8 */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_z2_1[k];
        t_z2_2[k] = ((1.0/8.0))*a0;
        }

        /* z2#3 = gather(z2#2) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) { const int m = map[k]; t_z2_3[s*32 + k] = m >= 0 ? t_z2_2[s*4 + m] : 0; }
        }
        }
        /* z2#4 = h1 - z2#3 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_h1[k];
            const sg_real a1 = t_z2_3[k];
        t_z2_4[k] = a0 - a1;
        }

        /* z2#5 = z2#4**2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z2_4[k];
        t_z2_5[k] = (a0*a0);
        }

        /* z2#6 = gather_t(z2#5) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) t_z2_6[s*4 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_z2_6[s*4 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_z2_5[s*32 + k];
          }
          if (cur >= 0) t_z2_6[s*4 + cur] += acc; }
        }
        }
        /* z2#7 = 1/sqrt(z2#6/8 + 1/100000) */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_z2_6[k];
        t_z2_7[k] = (1.0/sqrt(((1.0/8.0))*a0 + (1.0/100000.0)));
        }

        /* z2#8 = gather(z2#7) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) { const int m = map[k]; t_z2_8[s*32 + k] = m >= 0 ? t_z2_7[s*4 + m] : 0; }
        }
        }
        /* z2 = z2#10 + z2#4*z2#8*z2#9 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = c_z2_10[k];
            const sg_real a1 = t_z2_4[s*32 + k];
            const sg_real a2 = t_z2_8[s*32 + k];
            const sg_real a3 = c_z2_9[k];
        t_z2[s*32 + k] = a0 + a1*a2*a3;
        }
        }

        /* h2 = z2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z2[k];
        t_h2[k] = a0;
        }

        /* z3#1 = matmul(h2, W3)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_h2[s*32 + mi*8 + mk] * p_W3[mk + mj*8];
                t_z3_1[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z3 = z3#1 + z3#2 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z3_1[s*32 + k];
            const sg_real a1 = c_z3_2[k];
        t_z3[s*32 + k] = a0 + a1;
        }
        }

        /* h3 = h2 + ReLU(z3) */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_h2[k];
            const sg_real a1 = t_z3[k];
        t_h3[k] = a0 + sg_relu(a1);
        }

        /* z4 = gather(h3) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_z4[s*32 + k] = t_h3[s*32 + k + 0];
        }

        /* h4 = z4 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z4[k];
        t_h4[k] = a0;
        }

        /* z5 = b5 + z5#1  [b5 + matmul(W5, h4)]
           tile GEMM: Z[s, 0:3] = p_b5 + t_h4[s,:]·p_W5ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 3, 32, t_h4, 32, 1, c_p_W5_T, 3, t_z5, 3, p_b5, 0);
        } else
        {
            sg_gemm_dot(nt, 3, 32, p_W5, t_h4, 32, t_z5, 3, p_b5, 0);
        }

        /* yhat = z5 */
        for (int k = 0; k < nt*3; ++k) {
            const sg_real a0 = t_z5[k];
        t_yhat[k] = a0;
        }

        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 3; ++k) out[(t0 + s)*3 + 0 + k] = t_yhat[s*3 + k];

    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== loss_grad: tile of 32 samples, workspace 78792 reals ==== */
int tiny_transformer_loss_grad(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 475)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 35)) return SG_EDATA;
    const sg_real *restrict p_Wq1 = theta + 0;  /* [8, 8] */
    const sg_real *restrict p_Wk1 = theta + 64;  /* [8, 8] */
    const sg_real *restrict p_Wv1 = theta + 128;  /* [8, 8] */
    const sg_real *restrict p_Wo1 = theta + 192;  /* [8, 8] */
    const sg_real *restrict p_bq1 = theta + 256;  /* [8] */
    const sg_real *restrict p_bk1 = theta + 264;  /* [8] */
    const sg_real *restrict p_bv1 = theta + 272;  /* [8] */
    const sg_real *restrict p_bo1 = theta + 280;  /* [8] */
    const sg_real *restrict p_gamma2 = theta + 288;  /* [8] */
    const sg_real *restrict p_beta2 = theta + 296;  /* [8] */
    const sg_real *restrict p_W3 = theta + 304;  /* [8, 8] */
    const sg_real *restrict p_b3 = theta + 368;  /* [8] */
    const sg_real *restrict p_W5 = theta + 376;  /* [3, 32] */
    const sg_real *restrict p_b5 = theta + 472;  /* [3] */
    sg_real *restrict c_z1_2 = work + 0;  /* work [4, 8] */
    sg_real *restrict c_z1_5 = work + 32;  /* work [4, 8] */
    sg_real *restrict c_z1_8 = work + 64;  /* work [4, 8] */
    sg_real *restrict c_z1_28 = work + 96;  /* work [4, 8] */
    sg_real *restrict c_z2_9 = work + 128;  /* work [4, 8] */
    sg_real *restrict c_z2_10 = work + 160;  /* work [4, 8] */
    sg_real *restrict c_z3_2 = work + 192;  /* work [4, 8] */
    sg_real *restrict c_d_L_3 = work + 224;  /* work [] */
    sg_real *restrict c_d_L_2 = work + 232;  /* work [3] */
    sg_real *restrict t_z1_1 = work + 240;  /* tile [4, 8] */
    sg_real *restrict t_z1_3 = work + 1264;  /* tile [4, 8] */
    sg_real *restrict t_z1_4 = work + 2288;  /* tile [4, 8] */
    sg_real *restrict t_z1_6 = work + 3312;  /* tile [4, 8] */
    sg_real *restrict t_z1_7 = work + 4336;  /* tile [4, 8] */
    sg_real *restrict t_z1_9 = work + 5360;  /* tile [4, 8] */
    sg_real *restrict t_z1_10 = work + 6384;  /* tile [4, 4] */
    sg_real *restrict t_z1_11 = work + 6896;  /* tile [4, 4] */
    sg_real *restrict t_z1_12 = work + 7408;  /* tile [4, 4] */
    sg_real *restrict t_z1_13 = work + 7920;  /* tile [4, 4] */
    sg_real *restrict t_z1_14 = work + 8432;  /* tile [4, 4] */
    sg_real *restrict t_z1_15 = work + 8944;  /* tile [4, 4] */
    sg_real *restrict t_z1_16 = work + 9456;  /* tile [4, 4] */
    sg_real *restrict t_z1_17 = work + 9968;  /* tile [4, 8] */
    sg_real *restrict t_z1_18 = work + 10992;  /* tile [4, 4] */
    sg_real *restrict t_z1_19 = work + 11504;  /* tile [4, 4] */
    sg_real *restrict t_z1_20 = work + 12016;  /* tile [4, 4] */
    sg_real *restrict t_z1_21 = work + 12528;  /* tile [4, 4] */
    sg_real *restrict t_z1_22 = work + 13040;  /* tile [4, 4] */
    sg_real *restrict t_z1_23 = work + 13552;  /* tile [4, 4] */
    sg_real *restrict t_z1_24 = work + 14064;  /* tile [4, 4] */
    sg_real *restrict t_z1_25 = work + 14576;  /* tile [4, 8] */
    sg_real *restrict t_z1_26 = work + 15600;  /* tile [4, 8] */
    sg_real *restrict t_z1_27 = work + 16624;  /* tile [4, 8] */
    sg_real *restrict t_z1 = work + 17648;  /* tile [4, 8] */
    sg_real *restrict t_h1 = work + 18672;  /* tile [4, 8] */
    sg_real *restrict t_z2_1 = work + 19696;  /* tile [4] */
    sg_real *restrict t_z2_2 = work + 19824;  /* tile [4] */
    sg_real *restrict t_z2_3 = work + 19952;  /* tile [4, 8] */
    sg_real *restrict t_z2_4 = work + 20976;  /* tile [4, 8] */
    sg_real *restrict t_z2_5 = work + 22000;  /* tile [4, 8] */
    sg_real *restrict t_z2_6 = work + 23024;  /* tile [4] */
    sg_real *restrict t_z2_7 = work + 23152;  /* tile [4] */
    sg_real *restrict t_z2_8 = work + 23280;  /* tile [4, 8] */
    sg_real *restrict t_z2 = work + 24304;  /* tile [4, 8] */
    sg_real *restrict t_h2 = work + 25328;  /* tile [4, 8] */
    sg_real *restrict t_z3_1 = work + 26352;  /* tile [4, 8] */
    sg_real *restrict t_z3 = work + 27376;  /* tile [4, 8] */
    sg_real *restrict t_h3 = work + 28400;  /* tile [4, 8] */
    sg_real *restrict t_z4 = work + 29424;  /* tile [32] */
    sg_real *restrict t_h4 = work + 30448;  /* tile [32] */
    sg_real *restrict t_z5 = work + 31472;  /* tile [3] */
    sg_real *restrict t_yhat = work + 31568;  /* tile [3] */
    sg_real *restrict t_L_1 = work + 31664;  /* tile [3] */
    sg_real *restrict t_L_2 = work + 31760;  /* tile [3] */
    sg_real *restrict t_d_L_1 = work + 31856;  /* tile [3] */
    sg_real *restrict t_d_yhat_1 = work + 31952;  /* tile [] */
    sg_real *restrict t_d_yhat = work + 31984;  /* tile [3] */
    sg_real *restrict t_d_h4 = work + 32080;  /* tile [32] */
    sg_real *restrict t_d_h3 = work + 33104;  /* tile [4, 8] */
    sg_real *restrict t_d_z3 = work + 34128;  /* tile [4, 8] */
    sg_real *restrict t_d_b3 = work + 35152;  /* tile [8] */
    sg_real *restrict t_d_h2_1 = work + 35408;  /* tile [4, 8] */
    sg_real *restrict t_d_W3 = work + 36432;  /* tile [8, 8] */
    sg_real *restrict t_d_h2 = work + 38480;  /* tile [4, 8] */
    sg_real *restrict t_d_z2_4_1 = work + 39504;  /* tile [4, 8] */
    sg_real *restrict t_d_z2_8 = work + 40528;  /* tile [4, 8] */
    sg_real *restrict t_d_z2_9 = work + 41552;  /* tile [4, 8] */
    sg_real *restrict t_d_beta2 = work + 42576;  /* tile [8] */
    sg_real *restrict t_d_gamma2 = work + 42832;  /* tile [8] */
    sg_real *restrict t_d_z2_7 = work + 43088;  /* tile [4] */
    sg_real *restrict t_d_z2_6 = work + 43216;  /* tile [4] */
    sg_real *restrict t_d_z2_5 = work + 43344;  /* tile [4, 8] */
    sg_real *restrict t_d_z2_4_2 = work + 44368;  /* tile [4, 8] */
    sg_real *restrict t_d_z2_4 = work + 45392;  /* tile [4, 8] */
    sg_real *restrict t_d_z2_3 = work + 46416;  /* tile [4, 8] */
    sg_real *restrict t_d_z2_2 = work + 47440;  /* tile [4] */
    sg_real *restrict t_d_z2_1 = work + 47568;  /* tile [4] */
    sg_real *restrict t_d_h1_1 = work + 47696;  /* tile [4, 8] */
    sg_real *restrict t_d_h1 = work + 48720;  /* tile [4, 8] */
    sg_real *restrict t_d_bo1 = work + 49744;  /* tile [8] */
    sg_real *restrict t_d_z1_26 = work + 50000;  /* tile [4, 8] */
    sg_real *restrict t_d_Wo1 = work + 51024;  /* tile [8, 8] */
    sg_real *restrict t_d_z1_24 = work + 53072;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_23 = work + 53584;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_20 = work + 54096;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_22_1 = work + 54608;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_22_2 = work + 55120;  /* tile [4] */
    sg_real *restrict t_d_z1_22_3 = work + 55248;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_22 = work + 55760;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_21 = work + 56272;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_18 = work + 56784;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_19 = work + 57296;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_9_1 = work + 57808;  /* tile [4, 8] */
    sg_real *restrict t_d_z1_6_1 = work + 58832;  /* tile [4, 8] */
    sg_real *restrict t_d_z1_3_1 = work + 59856;  /* tile [4, 8] */
    sg_real *restrict t_d_z1_16 = work + 60880;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_15 = work + 61392;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_12 = work + 61904;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_14_1 = work + 62416;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_14_2 = work + 62928;  /* tile [4] */
    sg_real *restrict t_d_z1_14_3 = work + 63056;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_14 = work + 63568;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_13 = work + 64080;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_10 = work + 64592;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_11 = work + 65104;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_9_2 = work + 65616;  /* tile [4, 8] */
    sg_real *restrict t_d_z1_6_2 = work + 66640;  /* tile [4, 8] */
    sg_real *restrict t_d_z1_3_2 = work + 67664;  /* tile [4, 8] */
    sg_real *restrict t_d_z1_9 = work + 68688;  /* tile [4, 8] */
    sg_real *restrict t_d_bv1 = work + 69712;  /* tile [8] */
    sg_real *restrict t_d_Wv1 = work + 69968;  /* tile [8, 8] */
    sg_real *restrict t_d_z1_6 = work + 72016;  /* tile [4, 8] */
    sg_real *restrict t_d_bk1 = work + 73040;  /* tile [8] */
    sg_real *restrict t_d_Wk1 = work + 73296;  /* tile [8, 8] */
    sg_real *restrict t_d_z1_3 = work + 75344;  /* tile [4, 8] */
    sg_real *restrict t_d_bq1 = work + 76368;  /* tile [8] */
    sg_real *restrict t_d_Wq1 = work + 76624;  /* tile [8, 8] */
    sg_real *restrict c_p_W5_T = work + 78672;  /* work [32, 3] */
    sg_real *restrict r_L_2 = work + 78768;  /* acc [3] */
    sg_real *restrict r_L_3 = work + 78776;  /* acc [] */
    sg_real *restrict r_L = work + 78784;  /* acc [] */
    sg_real *restrict r_d_yhat = grad + 472;  /* accumulated in place [3] */
    sg_real *restrict r_d_W5 = grad + 376;  /* accumulated in place [3, 32] */
    sg_real *restrict r_d_b3 = grad + 368;  /* accumulated in place [8] */
    sg_real *restrict r_d_W3 = grad + 304;  /* accumulated in place [8, 8] */
    sg_real *restrict r_d_beta2 = grad + 296;  /* accumulated in place [8] */
    sg_real *restrict r_d_gamma2 = grad + 288;  /* accumulated in place [8] */
    sg_real *restrict r_d_bo1 = grad + 280;  /* accumulated in place [8] */
    sg_real *restrict r_d_Wo1 = grad + 192;  /* accumulated in place [8, 8] */
    sg_real *restrict r_d_bv1 = grad + 272;  /* accumulated in place [8] */
    sg_real *restrict r_d_Wv1 = grad + 128;  /* accumulated in place [8, 8] */
    sg_real *restrict r_d_bk1 = grad + 264;  /* accumulated in place [8] */
    sg_real *restrict r_d_Wk1 = grad + 64;  /* accumulated in place [8, 8] */
    sg_real *restrict r_d_bq1 = grad + 256;  /* accumulated in place [8] */
    sg_real *restrict r_d_Wq1 = grad + 0;  /* accumulated in place [8, 8] */
    (void)p_Wq1;
    (void)p_Wk1;
    (void)p_Wv1;
    (void)p_Wo1;
    (void)p_bq1;
    (void)p_bk1;
    (void)p_bv1;
    (void)p_bo1;
    (void)p_gamma2;
    (void)p_beta2;
    (void)p_W3;
    (void)p_b3;
    (void)p_W5;
    (void)p_b5;
    /* ---- sample-invariant part (once per call) ---- */
    /* z1#2 = gather(bq1) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_z1_2[k] = m >= 0 ? p_bq1[m] : 0; }
    }
    /* z1#5 = gather(bk1) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_z1_5[k] = m >= 0 ? p_bk1[m] : 0; }
    }
    /* z1#8 = gather(bv1) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_z1_8[k] = m >= 0 ? p_bv1[m] : 0; }
    }
    /* z1#28 = gather(bo1) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_z1_28[k] = m >= 0 ? p_bo1[m] : 0; }
    }
    /* z2#9 = gather(gamma2) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_z2_9[k] = m >= 0 ? p_gamma2[m] : 0; }
    }
    /* z2#10 = gather(beta2) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_z2_10[k] = m >= 0 ? p_beta2[m] : 0; }
    }
    /* z3#2 = gather(b3) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_z3_2[k] = m >= 0 ? p_b3[m] : 0; }
    }
    /* d[L#3] = -1 */
    for (int k = 0; k < 1; ++k) {
    c_d_L_3[k] = -1.0;
    }

    /* d[L#2] = d[L#3] */
    for (int k = 0; k < 3; ++k) {
        const sg_real a0 = c_d_L_3[0];
    c_d_L_2[k] = a0;
    }

    /* p_W5^T (used when n >= 8) */
    if (n >= 8) sg_transpose(3, 32, p_W5, c_p_W5_T);

    memset(r_L_2, 0, sizeof(sg_real) * 3);
    memset(r_d_yhat, 0, sizeof(sg_real) * 3);
    memset(r_d_b3, 0, sizeof(sg_real) * 8);
    memset(r_d_W3, 0, sizeof(sg_real) * 64);
    memset(r_d_beta2, 0, sizeof(sg_real) * 8);
    memset(r_d_gamma2, 0, sizeof(sg_real) * 8);
    memset(r_d_bo1, 0, sizeof(sg_real) * 8);
    memset(r_d_Wo1, 0, sizeof(sg_real) * 64);
    memset(r_d_bv1, 0, sizeof(sg_real) * 8);
    memset(r_d_Wv1, 0, sizeof(sg_real) * 64);
    memset(r_d_bk1, 0, sizeof(sg_real) * 8);
    memset(r_d_Wk1, 0, sizeof(sg_real) * 64);
    memset(r_d_bq1, 0, sizeof(sg_real) * 8);
    memset(r_d_Wq1, 0, sizeof(sg_real) * 64);
    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 35 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 35 + 32;
        (void)d_y;
        /* z1#1 = matmul(x, Wq1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += d_x[s*35 + mi*8 + mk] * p_Wq1[mk + mj*8];
                t_z1_1[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z1#3 = z1#1 + z1#2 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z1_1[s*32 + k];
            const sg_real a1 = c_z1_2[k];
        t_z1_3[s*32 + k] = a0 + a1;
        }
        }

        /* z1#4 = matmul(x, Wk1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += d_x[s*35 + mi*8 + mk] * p_Wk1[mk + mj*8];
                t_z1_4[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z1#6 = z1#4 + z1#5 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z1_4[s*32 + k];
            const sg_real a1 = c_z1_5[k];
        t_z1_6[s*32 + k] = a0 + a1;
        }
        }

        /* z1#7 = matmul(x, Wv1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += d_x[s*35 + mi*8 + mk] * p_Wv1[mk + mj*8];
                t_z1_7[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z1#9 = z1#7 + z1#8 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z1_7[s*32 + k];
            const sg_real a1 = c_z1_8[k];
        t_z1_9[s*32 + k] = a0 + a1;
        }
        }

        /* z1#10 = gather(z1#3) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_10[s*16 + k] = m >= 0 ? t_z1_3[s*32 + m] : 0; }
        }
        }
        /* z1#11 = gather(z1#6) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_11[s*16 + k] = m >= 0 ? t_z1_6[s*32 + m] : 0; }
        }
        }
        /* z1#12 = gather(z1#9) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_12[s*16 + k] = m >= 0 ? t_z1_9[s*32 + m] : 0; }
        }
        }
        /* z1#13 = matmul(z1#10, z1#11)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_z1_10[s*16 + mi*4 + mk] * t_z1_11[s*16 + mk + mj*4];
                t_z1_13[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* z1#14 = z1#13/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z1_13[k];
        t_z1_14[k] = ((1.0/2.0))*a0;
        }

        /* z1#15 = softmax_rows(z1#14) (each row max subtracted) */
        for (s = 0; s < nt; ++s) {
        for (int r = 0; r < 4; ++r) {
            const int o = r * 4;
            sg_real mx = t_z1_14[s*16 + o], se = 0;
            for (int k = 1; k < 4; ++k) mx = t_z1_14[s*16 + o + k] > mx ? t_z1_14[s*16 + o + k] : mx;
            for (int k = 0; k < 4; ++k) se += exp(t_z1_14[s*16 + o + k] - mx);
            const sg_real inv = 1 / se;
            for (int k = 0; k < 4; ++k) t_z1_15[s*16 + o + k] = exp(t_z1_14[s*16 + o + k] - mx) * inv;
        }
        }

        /* z1#16 = matmul(z1#15, z1#12)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_z1_16[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_15[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_z1_16[s*16 + mi*4 + mj] += av * t_z1_12[s*16 + mk*4 + mj];
            }
        }
        }

        /* z1#17 = gather_t(z1#16) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_z1_17[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_z1_17[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_z1_16[s*16 + k];
          }
          if (cur >= 0) t_z1_17[s*32 + cur] += acc; }
        }
        }
        /* z1#18 = gather(z1#3) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_18[s*16 + k] = m >= 0 ? t_z1_3[s*32 + m] : 0; }
        }
        }
        /* z1#19 = gather(z1#6) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_19[s*16 + k] = m >= 0 ? t_z1_6[s*32 + m] : 0; }
        }
        }
        /* z1#20 = gather(z1#9) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_20[s*16 + k] = m >= 0 ? t_z1_9[s*32 + m] : 0; }
        }
        }
        /* z1#21 = matmul(z1#18, z1#19)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_z1_18[s*16 + mi*4 + mk] * t_z1_19[s*16 + mk + mj*4];
                t_z1_21[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* z1#22 = z1#21/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z1_21[k];
        t_z1_22[k] = ((1.0/2.0))*a0;
        }

        /* z1#23 = softmax_rows(z1#22) (each row max subtracted) */
        for (s = 0; s < nt; ++s) {
        for (int r = 0; r < 4; ++r) {
            const int o = r * 4;
            sg_real mx = t_z1_22[s*16 + o], se = 0;
            for (int k = 1; k < 4; ++k) mx = t_z1_22[s*16 + o + k] > mx ? t_z1_22[s*16 + o + k] : mx;
            for (int k = 0; k < 4; ++k) se += exp(t_z1_22[s*16 + o + k] - mx);
            const sg_real inv = 1 / se;
            for (int k = 0; k < 4; ++k) t_z1_23[s*16 + o + k] = exp(t_z1_22[s*16 + o + k] - mx) * inv;
        }
        }

        /* z1#24 = matmul(z1#23, z1#20)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_z1_24[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_23[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_z1_24[s*16 + mi*4 + mj] += av * t_z1_20[s*16 + mk*4 + mj];
            }
        }
        }

        /* z1#25 = gather_t(z1#24) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_z1_25[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_z1_25[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_z1_24[s*16 + k];
          }
          if (cur >= 0) t_z1_25[s*32 + cur] += acc; }
        }
        }
        /* z1#26 = z1#17 + z1#25 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z1_17[k];
            const sg_real a1 = t_z1_25[k];
        t_z1_26[k] = a0 + a1;
        }

        /* z1#27 = matmul(z1#26, Wo1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_z1_26[s*32 + mi*8 + mk] * p_Wo1[mk + mj*8];
                t_z1_27[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z1 = z1#27 + z1#28 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z1_27[s*32 + k];
            const sg_real a1 = c_z1_28[k];
        t_z1[s*32 + k] = a0 + a1;
        }
        }

        /* h1 = x + z1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = d_x[s*35 + k];
            const sg_real a1 = t_z1[s*32 + k];
        t_h1[s*32 + k] = a0 + a1;
        }
        }

        /* z2#1 = gather_t(h1) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) t_z2_1[s*4 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_z2_1[s*4 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_h1[s*32 + k];
          }
          if (cur >= 0) t_z2_1[s*4 + cur] += acc; }
        }
        }
        /* z2#2 = z2#1/8 */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_z2_1[k];
        t_z2_2[k] = ((1.0/8.0))*a0;
        }

        /* z2#3 = gather(z2#2) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) { const int m = map[k]; t_z2_3[s*32 + k] = m >= 0 ? t_z2_2[s*4 + m] : 0; }
        }
        }
        /* z2#4 = h1 - z2#3 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_h1[k];
            const sg_real a1 = t_z2_3[k];
        t_z2_4[k] = a0 - a1;
        }

        /* z2#5 = z2#4**2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z2_4[k];
        t_z2_5[k] = (a0*a0);
        }

        /* z2#6 = gather_t(z2#5) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) t_z2_6[s*4 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_z2_6[s*4 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_z2_5[s*32 + k];
          }
          if (cur >= 0) t_z2_6[s*4 + cur] += acc; }
        }
        }
        /* z2#7 = 1/sqrt(z2#6/8 + 1/100000) */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_z2_6[k];
        t_z2_7[k] = (1.0/sqrt(((1.0/8.0))*a0 + (1.0/100000.0)));
        }

        /* z2#8 = gather(z2#7) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) { const int m = map[k]; t_z2_8[s*32 + k] = m >= 0 ? t_z2_7[s*4 + m] : 0; }
        }
        }
        /* z2 = z2#10 + z2#4*z2#8*z2#9 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = c_z2_10[k];
            const sg_real a1 = t_z2_4[s*32 + k];
            const sg_real a2 = t_z2_8[s*32 + k];
            const sg_real a3 = c_z2_9[k];
        t_z2[s*32 + k] = a0 + a1*a2*a3;
        }
        }

        /* h2 = z2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z2[k];
        t_h2[k] = a0;
        }

        /* z3#1 = matmul(h2, W3)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_h2[s*32 + mi*8 + mk] * p_W3[mk + mj*8];
                t_z3_1[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z3 = z3#1 + z3#2 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z3_1[s*32 + k];
            const sg_real a1 = c_z3_2[k];
        t_z3[s*32 + k] = a0 + a1;
        }
        }

        /* h3 = h2 + ReLU(z3) */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_h2[k];
            const sg_real a1 = t_z3[k];
        t_h3[k] = a0 + sg_relu(a1);
        }

        /* z4 = gather(h3) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_z4[s*32 + k] = t_h3[s*32 + k + 0];
        }

        /* h4 = z4 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z4[k];
        t_h4[k] = a0;
        }

        /* z5 = b5 + z5#1  [b5 + matmul(W5, h4)]
           tile GEMM: Z[s, 0:3] = p_b5 + t_h4[s,:]·p_W5ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 3, 32, t_h4, 32, 1, c_p_W5_T, 3, t_z5, 3, p_b5, 0);
        } else
        {
            sg_gemm_dot(nt, 3, 32, p_W5, t_h4, 32, t_z5, 3, p_b5, 0);
        }

        /* yhat = z5 */
        for (int k = 0; k < nt*3; ++k) {
            const sg_real a0 = t_z5[k];
        t_yhat[k] = a0;
        }

        /* L#1 = log_softmax(yhat) (max subtracted) */
        for (s = 0; s < nt; ++s) {
        { sg_real mx = t_yhat[s*3], se = 0;
        for (int k = 1; k < 3; ++k) mx = t_yhat[s*3 + k] > mx ? t_yhat[s*3 + k] : mx;
        for (int k = 0; k < 3; ++k) se += exp(t_yhat[s*3 + k] - mx);
          const sg_real lse = mx + log(se);
          for (int k = 0; k < 3; ++k) t_L_1[s*3 + k] = t_yhat[s*3 + k] - lse; }
        }

        /* L#2 = L#1*y */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 3; ++k) {
            const sg_real a0 = t_L_1[s*3 + k];
            const sg_real a1 = d_y[s*35 + k];
        t_L_2[s*3 + k] = a0*a1;
        }
        }

        /* d[L#1] = d[L#2]*y */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 3; ++k) {
            const sg_real a0 = c_d_L_2[k];
            const sg_real a1 = d_y[s*35 + k];
        t_d_L_1[s*3 + k] = a0*a1;
        }
        }

        /* d[yhat]#1 = sum(d[L#1]) */
        for (s = 0; s < nt; ++s) {
        { sg_real acc = 0;
          for (int k = 0; k < 3; ++k) acc += t_d_L_1[s*3 + k];
          t_d_yhat_1[s*1] = acc; }
        }

        /* d[yhat] = d[L#1] - d[yhat]#1*exp(L#1) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 3; ++k) {
            const sg_real a0 = t_L_1[s*3 + k];
            const sg_real a1 = t_d_L_1[s*3 + k];
            const sg_real a2 = t_d_yhat_1[s*1];
        t_d_yhat[s*3 + k] = a1 - a2*exp(a0);
        }
        }

        /* d[h4] = matmul(W5, d[yhat])
           tile GEMM: Z[s, 0:32] = t_d_yhat[s,:]·p_W5 */
        {
            sg_gemm(nt, 32, 3, t_d_yhat, 3, 1, p_W5, 32, t_d_h4, 32, 0, 0);
        }

        /* d[h3] = gather_t(d[h4]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_d_h3[s*32 + k] = t_d_h4[s*32 + k + 0];
        }

        /* d[z3] = d[h3]*1[z3 > 0] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_h3[k];
            const sg_real a1 = t_z3[k];
        t_d_z3[k] = a0*((a1) > 0 ? (1.0) : (0.0));
        }

        /* d[b3] = gather_t(d[z3]) */
        { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 8; ++k) t_d_b3[s*8 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_b3[s*8 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z3[s*32 + k];
          }
          if (cur >= 0) t_d_b3[s*8 + cur] += acc; }
        }
        }
        /* d[h2]#1 = matmul(d[z3], W3)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_d_h2_1[s*32 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 8; ++mk) {
                const sg_real av = t_d_z3[s*32 + mi*8 + mk];
                for (int mj = 0; mj < 8; ++mj) t_d_h2_1[s*32 + mi*8 + mj] += av * p_W3[mk*8 + mj];
            }
        }
        }

        /* d[W3] = matmul(d[z3], h2)  [8x4]·[4x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 8; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_d_W3[s*64 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z3[s*32 + mi + mk*8];
                for (int mj = 0; mj < 8; ++mj) t_d_W3[s*64 + mi*8 + mj] += av * t_h2[s*32 + mk*8 + mj];
            }
        }
        }

        /* d[h2] = d[h2]#1 + d[h3] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_h2_1[k];
            const sg_real a1 = t_d_h3[k];
        t_d_h2[k] = a0 + a1;
        }

        /* d[z2#4]#1 = d[h2]*z2#8*z2#9 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_d_h2[s*32 + k];
            const sg_real a1 = t_z2_8[s*32 + k];
            const sg_real a2 = c_z2_9[k];
        t_d_z2_4_1[s*32 + k] = a0*a1*a2;
        }
        }

        /* d[z2#8] = d[h2]*z2#4*z2#9 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_d_h2[s*32 + k];
            const sg_real a1 = t_z2_4[s*32 + k];
            const sg_real a2 = c_z2_9[k];
        t_d_z2_8[s*32 + k] = a0*a1*a2;
        }
        }

        /* d[z2#9] = d[h2]*z2#4*z2#8 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_h2[k];
            const sg_real a1 = t_z2_4[k];
            const sg_real a2 = t_z2_8[k];
        t_d_z2_9[k] = a0*a1*a2;
        }

        /* d[beta2] = gather_t(d[h2]) */
        { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 8; ++k) t_d_beta2[s*8 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_beta2[s*8 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_h2[s*32 + k];
          }
          if (cur >= 0) t_d_beta2[s*8 + cur] += acc; }
        }
        }
        /* d[gamma2] = gather_t(d[z2#9]) */
        { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 8; ++k) t_d_gamma2[s*8 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_gamma2[s*8 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z2_9[s*32 + k];
          }
          if (cur >= 0) t_d_gamma2[s*8 + cur] += acc; }
        }
        }
        /* d[z2#7] = gather_t(d[z2#8]) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) t_d_z2_7[s*4 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z2_7[s*4 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z2_8[s*32 + k];
          }
          if (cur >= 0) t_d_z2_7[s*4 + cur] += acc; }
        }
        }
        /* d[z2#6] = -d[z2#7]/(16*(z2#6/8 + 1/100000)**(3/2)) */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_d_z2_7[k];
            const sg_real a1 = t_z2_6[k];
        t_d_z2_6[k] = -(1.0/16.0)*a0/pow(((1.0/8.0))*a1 + (1.0/100000.0), (3.0/2.0));
        }

        /* d[z2#5] = gather(d[z2#6]) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) { const int m = map[k]; t_d_z2_5[s*32 + k] = m >= 0 ? t_d_z2_6[s*4 + m] : 0; }
        }
        }
        /* d[z2#4]#2 = 2*d[z2#5]*z2#4 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_z2_5[k];
            const sg_real a1 = t_z2_4[k];
        t_d_z2_4_2[k] = 2.0*a0*a1;
        }

        /* d[z2#4] = d[z2#4]#1 + d[z2#4]#2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_z2_4_1[k];
            const sg_real a1 = t_d_z2_4_2[k];
        t_d_z2_4[k] = a0 + a1;
        }

        /* d[z2#3] = -d[z2#4] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_z2_4[k];
        t_d_z2_3[k] = -a0;
        }

        /* d[z2#2] = gather_t(d[z2#3]) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) t_d_z2_2[s*4 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z2_2[s*4 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z2_3[s*32 + k];
          }
          if (cur >= 0) t_d_z2_2[s*4 + cur] += acc; }
        }
        }
        /* d[z2#1] = d[z2#2]/8 */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_d_z2_2[k];
        t_d_z2_1[k] = ((1.0/8.0))*a0;
        }

        /* d[h1]#1 = gather(d[z2#1]) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) { const int m = map[k]; t_d_h1_1[s*32 + k] = m >= 0 ? t_d_z2_1[s*4 + m] : 0; }
        }
        }
        /* d[h1] = d[h1]#1 + d[z2#4] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_h1_1[k];
            const sg_real a1 = t_d_z2_4[k];
        t_d_h1[k] = a0 + a1;
        }

        /* d[bo1] = gather_t(d[h1]) */
        { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 8; ++k) t_d_bo1[s*8 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_bo1[s*8 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_h1[s*32 + k];
          }
          if (cur >= 0) t_d_bo1[s*8 + cur] += acc; }
        }
        }
        /* d[z1#26] = matmul(d[h1], Wo1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_d_z1_26[s*32 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 8; ++mk) {
                const sg_real av = t_d_h1[s*32 + mi*8 + mk];
                for (int mj = 0; mj < 8; ++mj) t_d_z1_26[s*32 + mi*8 + mj] += av * p_Wo1[mk*8 + mj];
            }
        }
        }

        /* d[Wo1] = matmul(d[h1], z1#26)  [8x4]·[4x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 8; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_d_Wo1[s*64 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_h1[s*32 + mi + mk*8];
                for (int mj = 0; mj < 8; ++mj) t_d_Wo1[s*64 + mi*8 + mj] += av * t_z1_26[s*32 + mk*8 + mj];
            }
        }
        }

        /* d[z1#24] = gather(d[z1#26]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_d_z1_24[s*16 + k] = m >= 0 ? t_d_z1_26[s*32 + m] : 0; }
        }
        }
        /* d[z1#23] = matmul(d[z1#24], z1#20)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_d_z1_24[s*16 + mi*4 + mk] * t_z1_20[s*16 + mk + mj*4];
                t_d_z1_23[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* d[z1#20] = matmul(z1#23, d[z1#24])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_d_z1_20[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_23[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_d_z1_20[s*16 + mi*4 + mj] += av * t_d_z1_24[s*16 + mk*4 + mj];
            }
        }
        }

        /* d[z1#22]#1 = d[z1#23]*z1#23 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_23[k];
            const sg_real a1 = t_z1_23[k];
        t_d_z1_22_1[k] = a0*a1;
        }

        /* d[z1#22]#2 = gather_t(d[z1#22]#1) */
        { static const int map[16] = { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) t_d_z1_22_2[s*4 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z1_22_2[s*4 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_22_1[s*16 + k];
          }
          if (cur >= 0) t_d_z1_22_2[s*4 + cur] += acc; }
        }
        }
        /* d[z1#22]#3 = gather(d[z1#22]#2) */
        { static const int map[16] = { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_d_z1_22_3[s*16 + k] = m >= 0 ? t_d_z1_22_2[s*4 + m] : 0; }
        }
        }
        /* d[z1#22] = z1#23*(-d[z1#22]#3 + d[z1#23]) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_22_3[k];
            const sg_real a1 = t_d_z1_23[k];
            const sg_real a2 = t_z1_23[k];
        t_d_z1_22[k] = a2*(-a0 + a1);
        }

        /* d[z1#21] = d[z1#22]/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_22[k];
        t_d_z1_21[k] = ((1.0/2.0))*a0;
        }

        /* d[z1#18] = matmul(d[z1#21], z1#19)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_d_z1_18[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_21[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_d_z1_18[s*16 + mi*4 + mj] += av * t_z1_19[s*16 + mk*4 + mj];
            }
        }
        }

        /* d[z1#19] = matmul(d[z1#21], z1#18)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_d_z1_19[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_21[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_d_z1_19[s*16 + mi*4 + mj] += av * t_z1_18[s*16 + mk*4 + mj];
            }
        }
        }

        /* d[z1#9]#1 = gather_t(d[z1#20]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_d_z1_9_1[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z1_9_1[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_20[s*16 + k];
          }
          if (cur >= 0) t_d_z1_9_1[s*32 + cur] += acc; }
        }
        }
        /* d[z1#6]#1 = gather_t(d[z1#19]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_d_z1_6_1[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z1_6_1[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_19[s*16 + k];
          }
          if (cur >= 0) t_d_z1_6_1[s*32 + cur] += acc; }
        }
        }
        /* d[z1#3]#1 = gather_t(d[z1#18]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_d_z1_3_1[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z1_3_1[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_18[s*16 + k];
          }
          if (cur >= 0) t_d_z1_3_1[s*32 + cur] += acc; }
        }
        }
        /* d[z1#16] = gather(d[z1#26]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_d_z1_16[s*16 + k] = m >= 0 ? t_d_z1_26[s*32 + m] : 0; }
        }
        }
        /* d[z1#15] = matmul(d[z1#16], z1#12)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_d_z1_16[s*16 + mi*4 + mk] * t_z1_12[s*16 + mk + mj*4];
                t_d_z1_15[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* d[z1#12] = matmul(z1#15, d[z1#16])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_d_z1_12[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_15[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_d_z1_12[s*16 + mi*4 + mj] += av * t_d_z1_16[s*16 + mk*4 + mj];
            }
        }
        }

        /* d[z1#14]#1 = d[z1#15]*z1#15 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_15[k];
            const sg_real a1 = t_z1_15[k];
        t_d_z1_14_1[k] = a0*a1;
        }

        /* d[z1#14]#2 = gather_t(d[z1#14]#1) */
        { static const int map[16] = { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) t_d_z1_14_2[s*4 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z1_14_2[s*4 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_14_1[s*16 + k];
          }
          if (cur >= 0) t_d_z1_14_2[s*4 + cur] += acc; }
        }
        }
        /* d[z1#14]#3 = gather(d[z1#14]#2) */
        { static const int map[16] = { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_d_z1_14_3[s*16 + k] = m >= 0 ? t_d_z1_14_2[s*4 + m] : 0; }
        }
        }
        /* d[z1#14] = z1#15*(-d[z1#14]#3 + d[z1#15]) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_14_3[k];
            const sg_real a1 = t_d_z1_15[k];
            const sg_real a2 = t_z1_15[k];
        t_d_z1_14[k] = a2*(-a0 + a1);
        }

        /* d[z1#13] = d[z1#14]/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_14[k];
        t_d_z1_13[k] = ((1.0/2.0))*a0;
        }

        /* d[z1#10] = matmul(d[z1#13], z1#11)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_d_z1_10[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_13[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_d_z1_10[s*16 + mi*4 + mj] += av * t_z1_11[s*16 + mk*4 + mj];
            }
        }
        }

        /* d[z1#11] = matmul(d[z1#13], z1#10)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_d_z1_11[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_13[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_d_z1_11[s*16 + mi*4 + mj] += av * t_z1_10[s*16 + mk*4 + mj];
            }
        }
        }

        /* d[z1#9]#2 = gather_t(d[z1#12]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_d_z1_9_2[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z1_9_2[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_12[s*16 + k];
          }
          if (cur >= 0) t_d_z1_9_2[s*32 + cur] += acc; }
        }
        }
        /* d[z1#6]#2 = gather_t(d[z1#11]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_d_z1_6_2[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z1_6_2[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_11[s*16 + k];
          }
          if (cur >= 0) t_d_z1_6_2[s*32 + cur] += acc; }
        }
        }
        /* d[z1#3]#2 = gather_t(d[z1#10]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_d_z1_3_2[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z1_3_2[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_10[s*16 + k];
          }
          if (cur >= 0) t_d_z1_3_2[s*32 + cur] += acc; }
        }
        }
        /* d[z1#9] = d[z1#9]#1 + d[z1#9]#2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_z1_9_1[k];
            const sg_real a1 = t_d_z1_9_2[k];
        t_d_z1_9[k] = a0 + a1;
        }

        /* d[bv1] = gather_t(d[z1#9]) */
        { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 8; ++k) t_d_bv1[s*8 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_bv1[s*8 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_9[s*32 + k];
          }
          if (cur >= 0) t_d_bv1[s*8 + cur] += acc; }
        }
        }
        /* d[Wv1] = matmul(d[z1#9], x)  [8x4]·[4x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 8; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_d_Wv1[s*64 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_9[s*32 + mi + mk*8];
                for (int mj = 0; mj < 8; ++mj) t_d_Wv1[s*64 + mi*8 + mj] += av * d_x[s*35 + mk*8 + mj];
            }
        }
        }

        /* d[z1#6] = d[z1#6]#1 + d[z1#6]#2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_z1_6_1[k];
            const sg_real a1 = t_d_z1_6_2[k];
        t_d_z1_6[k] = a0 + a1;
        }

        /* d[bk1] = gather_t(d[z1#6]) */
        { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 8; ++k) t_d_bk1[s*8 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_bk1[s*8 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_6[s*32 + k];
          }
          if (cur >= 0) t_d_bk1[s*8 + cur] += acc; }
        }
        }
        /* d[Wk1] = matmul(d[z1#6], x)  [8x4]·[4x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 8; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_d_Wk1[s*64 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_6[s*32 + mi + mk*8];
                for (int mj = 0; mj < 8; ++mj) t_d_Wk1[s*64 + mi*8 + mj] += av * d_x[s*35 + mk*8 + mj];
            }
        }
        }

        /* d[z1#3] = d[z1#3]#1 + d[z1#3]#2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_z1_3_1[k];
            const sg_real a1 = t_d_z1_3_2[k];
        t_d_z1_3[k] = a0 + a1;
        }

        /* d[bq1] = gather_t(d[z1#3]) */
        { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 8; ++k) t_d_bq1[s*8 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_bq1[s*8 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_3[s*32 + k];
          }
          if (cur >= 0) t_d_bq1[s*8 + cur] += acc; }
        }
        }
        /* d[Wq1] = matmul(d[z1#3], x)  [8x4]·[4x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 8; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_d_Wq1[s*64 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_3[s*32 + mi + mk*8];
                for (int mj = 0; mj < 8; ++mj) t_d_Wq1[s*64 + mi*8 + mj] += av * d_x[s*35 + mk*8 + mj];
            }
        }
        }

        /* sum L#2 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 3; ++k) r_L_2[k] += t_L_2[s*3 + k];

        /* sum d[yhat] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 3; ++k) r_d_yhat[k] += t_d_yhat[s*3 + k];

        /* sum d[W5] = sum outer(d[yhat], h4)
           tile GEMM: acc (3x32) = [acc +] t_d_yhatᵀ·t_h4 (stored on the first tile) */
        {
            sg_gemm(3, 32, nt, t_d_yhat, 1, 3, t_h4, 32, r_d_W5, 32, 0, t0 > 0);
        }

        /* sum d[b3] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 8; ++k) r_d_b3[k] += t_d_b3[s*8 + k];

        /* sum d[W3] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_d_W3[k] += t_d_W3[s*64 + k];

        /* sum d[beta2] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 8; ++k) r_d_beta2[k] += t_d_beta2[s*8 + k];

        /* sum d[gamma2] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 8; ++k) r_d_gamma2[k] += t_d_gamma2[s*8 + k];

        /* sum d[bo1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 8; ++k) r_d_bo1[k] += t_d_bo1[s*8 + k];

        /* sum d[Wo1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_d_Wo1[k] += t_d_Wo1[s*64 + k];

        /* sum d[bv1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 8; ++k) r_d_bv1[k] += t_d_bv1[s*8 + k];

        /* sum d[Wv1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_d_Wv1[k] += t_d_Wv1[s*64 + k];

        /* sum d[bk1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 8; ++k) r_d_bk1[k] += t_d_bk1[s*8 + k];

        /* sum d[Wk1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_d_Wk1[k] += t_d_Wk1[s*64 + k];

        /* sum d[bq1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 8; ++k) r_d_bq1[k] += t_d_bq1[s*8 + k];

        /* sum d[Wq1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_d_Wq1[k] += t_d_Wq1[s*64 + k];

    }
    /* ---- after the tiles ---- */
    /* L#3 = sum(L#2) */
    { sg_real acc = 0;
      for (int k = 0; k < 3; ++k) acc += r_L_2[k];
      r_L_3[0] = acc; }

    /* L = -L#3 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = r_L_3[k];
    r_L[k] = -a0;
    }

    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (r_L[0]);
    if (scale != 1) {
        for (int k = 0; k < 64; ++k) r_d_Wq1[k] *= scale;  /* grad: Wq1 */
        for (int k = 0; k < 64; ++k) r_d_Wk1[k] *= scale;  /* grad: Wk1 */
        for (int k = 0; k < 64; ++k) r_d_Wv1[k] *= scale;  /* grad: Wv1 */
        for (int k = 0; k < 64; ++k) r_d_Wo1[k] *= scale;  /* grad: Wo1 */
        for (int k = 0; k < 8; ++k) r_d_bq1[k] *= scale;  /* grad: bq1 */
        for (int k = 0; k < 8; ++k) r_d_bk1[k] *= scale;  /* grad: bk1 */
        for (int k = 0; k < 8; ++k) r_d_bv1[k] *= scale;  /* grad: bv1 */
        for (int k = 0; k < 8; ++k) r_d_bo1[k] *= scale;  /* grad: bo1 */
        for (int k = 0; k < 8; ++k) r_d_gamma2[k] *= scale;  /* grad: gamma2 */
        for (int k = 0; k < 8; ++k) r_d_beta2[k] *= scale;  /* grad: beta2 */
        for (int k = 0; k < 64; ++k) r_d_W3[k] *= scale;  /* grad: W3 */
        for (int k = 0; k < 8; ++k) r_d_b3[k] *= scale;  /* grad: b3 */
        for (int k = 0; k < 96; ++k) r_d_W5[k] *= scale;  /* grad: W5 */
        for (int k = 0; k < 3; ++k) r_d_yhat[k] *= scale;  /* grad: b5 */
    }
    return SG_OK;
}

/* ==== hvp: tile of 16 samples, workspace 92760 reals ==== */
int tiny_transformer_hvp(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 475)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 35)) return SG_EDATA;
    if (!sg_all_finite(dir, 475)) return SG_EDIR;
    const sg_real *restrict p_Wq1 = theta + 0;  /* [8, 8] */
    const sg_real *restrict p_Wk1 = theta + 64;  /* [8, 8] */
    const sg_real *restrict p_Wv1 = theta + 128;  /* [8, 8] */
    const sg_real *restrict p_Wo1 = theta + 192;  /* [8, 8] */
    const sg_real *restrict p_bq1 = theta + 256;  /* [8] */
    const sg_real *restrict p_bk1 = theta + 264;  /* [8] */
    const sg_real *restrict p_bv1 = theta + 272;  /* [8] */
    const sg_real *restrict p_bo1 = theta + 280;  /* [8] */
    const sg_real *restrict p_gamma2 = theta + 288;  /* [8] */
    const sg_real *restrict p_beta2 = theta + 296;  /* [8] */
    const sg_real *restrict p_W3 = theta + 304;  /* [8, 8] */
    const sg_real *restrict p_b3 = theta + 368;  /* [8] */
    const sg_real *restrict p_W5 = theta + 376;  /* [3, 32] */
    const sg_real *restrict p_b5 = theta + 472;  /* [3] */
    const sg_real *restrict u_Wq1 = dir + 0;
    const sg_real *restrict u_Wk1 = dir + 64;
    const sg_real *restrict u_Wv1 = dir + 128;
    const sg_real *restrict u_Wo1 = dir + 192;
    const sg_real *restrict u_bq1 = dir + 256;
    const sg_real *restrict u_bk1 = dir + 264;
    const sg_real *restrict u_bv1 = dir + 272;
    const sg_real *restrict u_bo1 = dir + 280;
    const sg_real *restrict u_gamma2 = dir + 288;
    const sg_real *restrict u_beta2 = dir + 296;
    const sg_real *restrict u_W3 = dir + 304;
    const sg_real *restrict u_b3 = dir + 368;
    const sg_real *restrict u_W5 = dir + 376;
    const sg_real *restrict u_b5 = dir + 472;
    sg_real *restrict c_z1_2 = work + 0;  /* work [4, 8] */
    sg_real *restrict c_z1_5 = work + 32;  /* work [4, 8] */
    sg_real *restrict c_z1_8 = work + 64;  /* work [4, 8] */
    sg_real *restrict c_z1_28 = work + 96;  /* work [4, 8] */
    sg_real *restrict c_z2_9 = work + 128;  /* work [4, 8] */
    sg_real *restrict c_z2_10 = work + 160;  /* work [4, 8] */
    sg_real *restrict c_z3_2 = work + 192;  /* work [4, 8] */
    sg_real *restrict c_d_L_3 = work + 224;  /* work [] */
    sg_real *restrict c_d_L_2 = work + 232;  /* work [3] */
    sg_real *restrict c_t_z1_2 = work + 240;  /* work [4, 8] */
    sg_real *restrict c_t_z1_5 = work + 272;  /* work [4, 8] */
    sg_real *restrict c_t_z1_8 = work + 304;  /* work [4, 8] */
    sg_real *restrict c_t_z1_28 = work + 336;  /* work [4, 8] */
    sg_real *restrict c_t_z2_9 = work + 368;  /* work [4, 8] */
    sg_real *restrict c_t_z2_10 = work + 400;  /* work [4, 8] */
    sg_real *restrict c_t_z3_2 = work + 432;  /* work [4, 8] */
    sg_real *restrict t_z1_1 = work + 464;  /* tile [4, 8] */
    sg_real *restrict t_z1_3 = work + 976;  /* tile [4, 8] */
    sg_real *restrict t_z1_4 = work + 1488;  /* tile [4, 8] */
    sg_real *restrict t_z1_6 = work + 2000;  /* tile [4, 8] */
    sg_real *restrict t_z1_7 = work + 2512;  /* tile [4, 8] */
    sg_real *restrict t_z1_9 = work + 3024;  /* tile [4, 8] */
    sg_real *restrict t_z1_10 = work + 3536;  /* tile [4, 4] */
    sg_real *restrict t_z1_11 = work + 3792;  /* tile [4, 4] */
    sg_real *restrict t_z1_12 = work + 4048;  /* tile [4, 4] */
    sg_real *restrict t_z1_13 = work + 4304;  /* tile [4, 4] */
    sg_real *restrict t_z1_14 = work + 4560;  /* tile [4, 4] */
    sg_real *restrict t_z1_15 = work + 4816;  /* tile [4, 4] */
    sg_real *restrict t_z1_16 = work + 5072;  /* tile [4, 4] */
    sg_real *restrict t_z1_17 = work + 5328;  /* tile [4, 8] */
    sg_real *restrict t_z1_18 = work + 5840;  /* tile [4, 4] */
    sg_real *restrict t_z1_19 = work + 6096;  /* tile [4, 4] */
    sg_real *restrict t_z1_20 = work + 6352;  /* tile [4, 4] */
    sg_real *restrict t_z1_21 = work + 6608;  /* tile [4, 4] */
    sg_real *restrict t_z1_22 = work + 6864;  /* tile [4, 4] */
    sg_real *restrict t_z1_23 = work + 7120;  /* tile [4, 4] */
    sg_real *restrict t_z1_24 = work + 7376;  /* tile [4, 4] */
    sg_real *restrict t_z1_25 = work + 7632;  /* tile [4, 8] */
    sg_real *restrict t_z1_26 = work + 8144;  /* tile [4, 8] */
    sg_real *restrict t_z1_27 = work + 8656;  /* tile [4, 8] */
    sg_real *restrict t_z1 = work + 9168;  /* tile [4, 8] */
    sg_real *restrict t_h1 = work + 9680;  /* tile [4, 8] */
    sg_real *restrict t_z2_1 = work + 10192;  /* tile [4] */
    sg_real *restrict t_z2_2 = work + 10256;  /* tile [4] */
    sg_real *restrict t_z2_3 = work + 10320;  /* tile [4, 8] */
    sg_real *restrict t_z2_4 = work + 10832;  /* tile [4, 8] */
    sg_real *restrict t_z2_5 = work + 11344;  /* tile [4, 8] */
    sg_real *restrict t_z2_6 = work + 11856;  /* tile [4] */
    sg_real *restrict t_z2_7 = work + 11920;  /* tile [4] */
    sg_real *restrict t_z2_8 = work + 11984;  /* tile [4, 8] */
    sg_real *restrict t_z2 = work + 12496;  /* tile [4, 8] */
    sg_real *restrict t_h2 = work + 13008;  /* tile [4, 8] */
    sg_real *restrict t_z3_1 = work + 13520;  /* tile [4, 8] */
    sg_real *restrict t_z3 = work + 14032;  /* tile [4, 8] */
    sg_real *restrict t_h3 = work + 14544;  /* tile [4, 8] */
    sg_real *restrict t_z4 = work + 15056;  /* tile [32] */
    sg_real *restrict t_h4 = work + 15568;  /* tile [32] */
    sg_real *restrict t_z5 = work + 16080;  /* tile [3] */
    sg_real *restrict t_yhat = work + 16128;  /* tile [3] */
    sg_real *restrict t_L_1 = work + 16176;  /* tile [3] */
    sg_real *restrict t_L_2 = work + 16224;  /* tile [3] */
    sg_real *restrict t_d_L_1 = work + 16272;  /* tile [3] */
    sg_real *restrict t_d_yhat_1 = work + 16320;  /* tile [] */
    sg_real *restrict t_d_yhat = work + 16336;  /* tile [3] */
    sg_real *restrict t_d_h4 = work + 16384;  /* tile [32] */
    sg_real *restrict t_d_h3 = work + 16896;  /* tile [4, 8] */
    sg_real *restrict t_d_z3 = work + 17408;  /* tile [4, 8] */
    sg_real *restrict t_d_b3 = work + 17920;  /* tile [8] */
    sg_real *restrict t_d_h2_1 = work + 18048;  /* tile [4, 8] */
    sg_real *restrict t_d_W3 = work + 18560;  /* tile [8, 8] */
    sg_real *restrict t_d_h2 = work + 19584;  /* tile [4, 8] */
    sg_real *restrict t_d_z2_4_1 = work + 20096;  /* tile [4, 8] */
    sg_real *restrict t_d_z2_8 = work + 20608;  /* tile [4, 8] */
    sg_real *restrict t_d_z2_9 = work + 21120;  /* tile [4, 8] */
    sg_real *restrict t_d_beta2 = work + 21632;  /* tile [8] */
    sg_real *restrict t_d_gamma2 = work + 21760;  /* tile [8] */
    sg_real *restrict t_d_z2_7 = work + 21888;  /* tile [4] */
    sg_real *restrict t_d_z2_6 = work + 21952;  /* tile [4] */
    sg_real *restrict t_d_z2_5 = work + 22016;  /* tile [4, 8] */
    sg_real *restrict t_d_z2_4_2 = work + 22528;  /* tile [4, 8] */
    sg_real *restrict t_d_z2_4 = work + 23040;  /* tile [4, 8] */
    sg_real *restrict t_d_z2_3 = work + 23552;  /* tile [4, 8] */
    sg_real *restrict t_d_z2_2 = work + 24064;  /* tile [4] */
    sg_real *restrict t_d_z2_1 = work + 24128;  /* tile [4] */
    sg_real *restrict t_d_h1_1 = work + 24192;  /* tile [4, 8] */
    sg_real *restrict t_d_h1 = work + 24704;  /* tile [4, 8] */
    sg_real *restrict t_d_bo1 = work + 25216;  /* tile [8] */
    sg_real *restrict t_d_z1_26 = work + 25344;  /* tile [4, 8] */
    sg_real *restrict t_d_Wo1 = work + 25856;  /* tile [8, 8] */
    sg_real *restrict t_d_z1_24 = work + 26880;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_23 = work + 27136;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_20 = work + 27392;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_22_1 = work + 27648;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_22_2 = work + 27904;  /* tile [4] */
    sg_real *restrict t_d_z1_22_3 = work + 27968;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_22 = work + 28224;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_21 = work + 28480;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_18 = work + 28736;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_19 = work + 28992;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_9_1 = work + 29248;  /* tile [4, 8] */
    sg_real *restrict t_d_z1_6_1 = work + 29760;  /* tile [4, 8] */
    sg_real *restrict t_d_z1_3_1 = work + 30272;  /* tile [4, 8] */
    sg_real *restrict t_d_z1_16 = work + 30784;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_15 = work + 31040;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_12 = work + 31296;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_14_1 = work + 31552;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_14_2 = work + 31808;  /* tile [4] */
    sg_real *restrict t_d_z1_14_3 = work + 31872;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_14 = work + 32128;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_13 = work + 32384;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_10 = work + 32640;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_11 = work + 32896;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_9_2 = work + 33152;  /* tile [4, 8] */
    sg_real *restrict t_d_z1_6_2 = work + 33664;  /* tile [4, 8] */
    sg_real *restrict t_d_z1_3_2 = work + 34176;  /* tile [4, 8] */
    sg_real *restrict t_d_z1_9 = work + 34688;  /* tile [4, 8] */
    sg_real *restrict t_d_bv1 = work + 35200;  /* tile [8] */
    sg_real *restrict t_d_Wv1 = work + 35328;  /* tile [8, 8] */
    sg_real *restrict t_d_z1_6 = work + 36352;  /* tile [4, 8] */
    sg_real *restrict t_d_bk1 = work + 36864;  /* tile [8] */
    sg_real *restrict t_d_Wk1 = work + 36992;  /* tile [8, 8] */
    sg_real *restrict t_d_z1_3 = work + 38016;  /* tile [4, 8] */
    sg_real *restrict t_d_bq1 = work + 38528;  /* tile [8] */
    sg_real *restrict t_d_Wq1 = work + 38656;  /* tile [8, 8] */
    sg_real *restrict t_t_z1_1 = work + 39680;  /* tile [4, 8] */
    sg_real *restrict t_t_z1_3 = work + 40192;  /* tile [4, 8] */
    sg_real *restrict t_t_z1_4 = work + 40704;  /* tile [4, 8] */
    sg_real *restrict t_t_z1_6 = work + 41216;  /* tile [4, 8] */
    sg_real *restrict t_t_z1_7 = work + 41728;  /* tile [4, 8] */
    sg_real *restrict t_t_z1_9 = work + 42240;  /* tile [4, 8] */
    sg_real *restrict t_t_z1_10 = work + 42752;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_11 = work + 43008;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_12 = work + 43264;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_13_1 = work + 43520;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_13_2 = work + 43776;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_13 = work + 44032;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_14 = work + 44288;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_15_1 = work + 44544;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_15_2 = work + 44800;  /* tile [4] */
    sg_real *restrict t_t_z1_15_3 = work + 44864;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_15 = work + 45120;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_16_1 = work + 45376;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_16_2 = work + 45632;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_16 = work + 45888;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_17 = work + 46144;  /* tile [4, 8] */
    sg_real *restrict t_t_z1_18 = work + 46656;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_19 = work + 46912;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_20 = work + 47168;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_21_1 = work + 47424;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_21_2 = work + 47680;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_21 = work + 47936;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_22 = work + 48192;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_23_1 = work + 48448;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_23_2 = work + 48704;  /* tile [4] */
    sg_real *restrict t_t_z1_23_3 = work + 48768;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_23 = work + 49024;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_24_1 = work + 49280;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_24_2 = work + 49536;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_24 = work + 49792;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_25 = work + 50048;  /* tile [4, 8] */
    sg_real *restrict t_t_z1_26 = work + 50560;  /* tile [4, 8] */
    sg_real *restrict t_t_z1_27_1 = work + 51072;  /* tile [4, 8] */
    sg_real *restrict t_t_z1_27_2 = work + 51584;  /* tile [4, 8] */
    sg_real *restrict t_t_z1_27 = work + 52096;  /* tile [4, 8] */
    sg_real *restrict t_t_z1 = work + 52608;  /* tile [4, 8] */
    sg_real *restrict t_t_h1 = work + 53120;  /* tile [4, 8] */
    sg_real *restrict t_t_z2_1 = work + 53632;  /* tile [4] */
    sg_real *restrict t_t_z2_2 = work + 53696;  /* tile [4] */
    sg_real *restrict t_t_z2_3 = work + 53760;  /* tile [4, 8] */
    sg_real *restrict t_t_z2_4 = work + 54272;  /* tile [4, 8] */
    sg_real *restrict t_t_z2_5 = work + 54784;  /* tile [4, 8] */
    sg_real *restrict t_t_z2_6 = work + 55296;  /* tile [4] */
    sg_real *restrict t_t_z2_7 = work + 55360;  /* tile [4] */
    sg_real *restrict t_t_z2_8 = work + 55424;  /* tile [4, 8] */
    sg_real *restrict t_t_z2 = work + 55936;  /* tile [4, 8] */
    sg_real *restrict t_t_h2 = work + 56448;  /* tile [4, 8] */
    sg_real *restrict t_t_z3_1_1 = work + 56960;  /* tile [4, 8] */
    sg_real *restrict t_t_z3_1_2 = work + 57472;  /* tile [4, 8] */
    sg_real *restrict t_t_z3_1 = work + 57984;  /* tile [4, 8] */
    sg_real *restrict t_t_z3 = work + 58496;  /* tile [4, 8] */
    sg_real *restrict t_t_h3 = work + 59008;  /* tile [4, 8] */
    sg_real *restrict t_t_z4 = work + 59520;  /* tile [32] */
    sg_real *restrict t_t_h4 = work + 60032;  /* tile [32] */
    sg_real *restrict t_t_z5 = work + 60544;  /* tile [3] */
    sg_real *restrict t_t_yhat = work + 60592;  /* tile [3] */
    sg_real *restrict t_t_L_1_1 = work + 60640;  /* tile [3] */
    sg_real *restrict t_t_L_1_2 = work + 60688;  /* tile [] */
    sg_real *restrict t_t_L_1 = work + 60704;  /* tile [3] */
    sg_real *restrict t_t_d_yhat = work + 60752;  /* tile [3] */
    sg_real *restrict t_t_d_h4 = work + 60800;  /* tile [32] */
    sg_real *restrict t_t_d_h3 = work + 61312;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z3 = work + 61824;  /* tile [4, 8] */
    sg_real *restrict t_t_d_b3 = work + 62336;  /* tile [8] */
    sg_real *restrict t_t_d_h2_1_1 = work + 62464;  /* tile [4, 8] */
    sg_real *restrict t_t_d_h2_1_2 = work + 62976;  /* tile [4, 8] */
    sg_real *restrict t_t_d_h2_1 = work + 63488;  /* tile [4, 8] */
    sg_real *restrict t_t_d_W3_1 = work + 64000;  /* tile [8, 8] */
    sg_real *restrict t_t_d_W3_2 = work + 65024;  /* tile [8, 8] */
    sg_real *restrict t_t_d_h2 = work + 66048;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z2_4_1 = work + 66560;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z2_8 = work + 67072;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z2_9 = work + 67584;  /* tile [4, 8] */
    sg_real *restrict t_t_d_beta2 = work + 68096;  /* tile [8] */
    sg_real *restrict t_t_d_gamma2 = work + 68224;  /* tile [8] */
    sg_real *restrict t_t_d_z2_7 = work + 68352;  /* tile [4] */
    sg_real *restrict t_t_d_z2_6 = work + 68416;  /* tile [4] */
    sg_real *restrict t_t_d_z2_5 = work + 68480;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z2_4_2 = work + 68992;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z2_4 = work + 69504;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z2_3 = work + 70016;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z2_2 = work + 70528;  /* tile [4] */
    sg_real *restrict t_t_d_z2_1 = work + 70592;  /* tile [4] */
    sg_real *restrict t_t_d_h1_1 = work + 70656;  /* tile [4, 8] */
    sg_real *restrict t_t_d_h1 = work + 71168;  /* tile [4, 8] */
    sg_real *restrict t_t_d_bo1 = work + 71680;  /* tile [8] */
    sg_real *restrict t_t_d_z1_26_1 = work + 71808;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z1_26_2 = work + 72320;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z1_26 = work + 72832;  /* tile [4, 8] */
    sg_real *restrict t_t_d_Wo1_1 = work + 73344;  /* tile [8, 8] */
    sg_real *restrict t_t_d_Wo1_2 = work + 74368;  /* tile [8, 8] */
    sg_real *restrict t_t_d_z1_24 = work + 75392;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_23_1 = work + 75648;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_23_2 = work + 75904;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_23 = work + 76160;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_20_1 = work + 76416;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_20_2 = work + 76672;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_20 = work + 76928;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_22_1 = work + 77184;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_22_2 = work + 77440;  /* tile [4] */
    sg_real *restrict t_t_d_z1_22_3 = work + 77504;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_22 = work + 77760;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_21 = work + 78016;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_18_1 = work + 78272;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_18_2 = work + 78528;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_18 = work + 78784;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_19_1 = work + 79040;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_19_2 = work + 79296;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_19 = work + 79552;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_9_1 = work + 79808;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z1_6_1 = work + 80320;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z1_3_1 = work + 80832;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z1_16 = work + 81344;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_15_1 = work + 81600;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_15_2 = work + 81856;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_15 = work + 82112;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_12_1 = work + 82368;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_12_2 = work + 82624;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_12 = work + 82880;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_14_1 = work + 83136;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_14_2 = work + 83392;  /* tile [4] */
    sg_real *restrict t_t_d_z1_14_3 = work + 83456;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_14 = work + 83712;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_13 = work + 83968;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_10_1 = work + 84224;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_10_2 = work + 84480;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_10 = work + 84736;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_11_1 = work + 84992;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_11_2 = work + 85248;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_11 = work + 85504;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_9_2 = work + 85760;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z1_6_2 = work + 86272;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z1_3_2 = work + 86784;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z1_9 = work + 87296;  /* tile [4, 8] */
    sg_real *restrict t_t_d_bv1 = work + 87808;  /* tile [8] */
    sg_real *restrict t_t_d_Wv1 = work + 87936;  /* tile [8, 8] */
    sg_real *restrict t_t_d_z1_6 = work + 88960;  /* tile [4, 8] */
    sg_real *restrict t_t_d_bk1 = work + 89472;  /* tile [8] */
    sg_real *restrict t_t_d_Wk1 = work + 89600;  /* tile [8, 8] */
    sg_real *restrict t_t_d_z1_3 = work + 90624;  /* tile [4, 8] */
    sg_real *restrict t_t_d_bq1 = work + 91136;  /* tile [8] */
    sg_real *restrict t_t_d_Wq1 = work + 91264;  /* tile [8, 8] */
    sg_real *restrict c_p_W5_T = work + 92288;  /* work [32, 3] */
    sg_real *restrict c_u_W5_T = work + 92384;  /* work [32, 3] */
    sg_real *restrict r_L_2 = work + 92480;  /* acc [3] */
    sg_real *restrict r_L_3 = work + 92488;  /* acc [] */
    sg_real *restrict r_L = work + 92496;  /* acc [] */
    sg_real *restrict r_d_yhat = grad + 472;  /* accumulated in place [3] */
    sg_real *restrict r_d_W5 = grad + 376;  /* accumulated in place [3, 32] */
    sg_real *restrict r_d_b3 = grad + 368;  /* accumulated in place [8] */
    sg_real *restrict r_d_W3 = grad + 304;  /* accumulated in place [8, 8] */
    sg_real *restrict r_d_beta2 = grad + 296;  /* accumulated in place [8] */
    sg_real *restrict r_d_gamma2 = grad + 288;  /* accumulated in place [8] */
    sg_real *restrict r_d_bo1 = grad + 280;  /* accumulated in place [8] */
    sg_real *restrict r_d_Wo1 = grad + 192;  /* accumulated in place [8, 8] */
    sg_real *restrict r_d_bv1 = grad + 272;  /* accumulated in place [8] */
    sg_real *restrict r_d_Wv1 = grad + 128;  /* accumulated in place [8, 8] */
    sg_real *restrict r_d_bk1 = grad + 264;  /* accumulated in place [8] */
    sg_real *restrict r_d_Wk1 = grad + 64;  /* accumulated in place [8, 8] */
    sg_real *restrict r_d_bq1 = grad + 256;  /* accumulated in place [8] */
    sg_real *restrict r_d_Wq1 = grad + 0;  /* accumulated in place [8, 8] */
    sg_real *restrict r_t_d_yhat = hv + 472;  /* accumulated in place [3] */
    sg_real *restrict r_t_d_W5 = hv + 376;  /* accumulated in place [3, 32] */
    sg_real *restrict r_t_d_b3 = hv + 368;  /* accumulated in place [8] */
    sg_real *restrict r_t_d_W3_1 = work + 92504;  /* acc [8, 8] */
    sg_real *restrict r_t_d_W3_2 = work + 92568;  /* acc [8, 8] */
    sg_real *restrict r_t_d_W3 = hv + 304;  /* accumulated in place [8, 8] */
    sg_real *restrict r_t_d_beta2 = hv + 296;  /* accumulated in place [8] */
    sg_real *restrict r_t_d_gamma2 = hv + 288;  /* accumulated in place [8] */
    sg_real *restrict r_t_d_bo1 = hv + 280;  /* accumulated in place [8] */
    sg_real *restrict r_t_d_Wo1_1 = work + 92632;  /* acc [8, 8] */
    sg_real *restrict r_t_d_Wo1_2 = work + 92696;  /* acc [8, 8] */
    sg_real *restrict r_t_d_Wo1 = hv + 192;  /* accumulated in place [8, 8] */
    sg_real *restrict r_t_d_bv1 = hv + 272;  /* accumulated in place [8] */
    sg_real *restrict r_t_d_Wv1 = hv + 128;  /* accumulated in place [8, 8] */
    sg_real *restrict r_t_d_bk1 = hv + 264;  /* accumulated in place [8] */
    sg_real *restrict r_t_d_Wk1 = hv + 64;  /* accumulated in place [8, 8] */
    sg_real *restrict r_t_d_bq1 = hv + 256;  /* accumulated in place [8] */
    sg_real *restrict r_t_d_Wq1 = hv + 0;  /* accumulated in place [8, 8] */
    (void)p_Wq1;
    (void)p_Wk1;
    (void)p_Wv1;
    (void)p_Wo1;
    (void)p_bq1;
    (void)p_bk1;
    (void)p_bv1;
    (void)p_bo1;
    (void)p_gamma2;
    (void)p_beta2;
    (void)p_W3;
    (void)p_b3;
    (void)p_W5;
    (void)p_b5;
    (void)u_Wq1;
    (void)u_Wk1;
    (void)u_Wv1;
    (void)u_Wo1;
    (void)u_bq1;
    (void)u_bk1;
    (void)u_bv1;
    (void)u_bo1;
    (void)u_gamma2;
    (void)u_beta2;
    (void)u_W3;
    (void)u_b3;
    (void)u_W5;
    (void)u_b5;
    /* ---- sample-invariant part (once per call) ---- */
    /* z1#2 = gather(bq1) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_z1_2[k] = m >= 0 ? p_bq1[m] : 0; }
    }
    /* z1#5 = gather(bk1) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_z1_5[k] = m >= 0 ? p_bk1[m] : 0; }
    }
    /* z1#8 = gather(bv1) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_z1_8[k] = m >= 0 ? p_bv1[m] : 0; }
    }
    /* z1#28 = gather(bo1) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_z1_28[k] = m >= 0 ? p_bo1[m] : 0; }
    }
    /* z2#9 = gather(gamma2) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_z2_9[k] = m >= 0 ? p_gamma2[m] : 0; }
    }
    /* z2#10 = gather(beta2) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_z2_10[k] = m >= 0 ? p_beta2[m] : 0; }
    }
    /* z3#2 = gather(b3) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_z3_2[k] = m >= 0 ? p_b3[m] : 0; }
    }
    /* d[L#3] = -1 */
    for (int k = 0; k < 1; ++k) {
    c_d_L_3[k] = -1.0;
    }

    /* d[L#2] = d[L#3] */
    for (int k = 0; k < 3; ++k) {
        const sg_real a0 = c_d_L_3[0];
    c_d_L_2[k] = a0;
    }

    /* t[z1#2] = gather(u[bq1]) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_t_z1_2[k] = m >= 0 ? u_bq1[m] : 0; }
    }
    /* t[z1#5] = gather(u[bk1]) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_t_z1_5[k] = m >= 0 ? u_bk1[m] : 0; }
    }
    /* t[z1#8] = gather(u[bv1]) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_t_z1_8[k] = m >= 0 ? u_bv1[m] : 0; }
    }
    /* t[z1#28] = gather(u[bo1]) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_t_z1_28[k] = m >= 0 ? u_bo1[m] : 0; }
    }
    /* t[z2#9] = gather(u[gamma2]) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_t_z2_9[k] = m >= 0 ? u_gamma2[m] : 0; }
    }
    /* t[z2#10] = gather(u[beta2]) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_t_z2_10[k] = m >= 0 ? u_beta2[m] : 0; }
    }
    /* t[z3#2] = gather(u[b3]) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_t_z3_2[k] = m >= 0 ? u_b3[m] : 0; }
    }
    /* p_W5^T (used when n >= 8) */
    if (n >= 8) sg_transpose(3, 32, p_W5, c_p_W5_T);

    /* u_W5^T (used when n >= 8) */
    if (n >= 8) sg_transpose(3, 32, u_W5, c_u_W5_T);

    memset(r_L_2, 0, sizeof(sg_real) * 3);
    memset(r_d_yhat, 0, sizeof(sg_real) * 3);
    memset(r_d_b3, 0, sizeof(sg_real) * 8);
    memset(r_d_W3, 0, sizeof(sg_real) * 64);
    memset(r_d_beta2, 0, sizeof(sg_real) * 8);
    memset(r_d_gamma2, 0, sizeof(sg_real) * 8);
    memset(r_d_bo1, 0, sizeof(sg_real) * 8);
    memset(r_d_Wo1, 0, sizeof(sg_real) * 64);
    memset(r_d_bv1, 0, sizeof(sg_real) * 8);
    memset(r_d_Wv1, 0, sizeof(sg_real) * 64);
    memset(r_d_bk1, 0, sizeof(sg_real) * 8);
    memset(r_d_Wk1, 0, sizeof(sg_real) * 64);
    memset(r_d_bq1, 0, sizeof(sg_real) * 8);
    memset(r_d_Wq1, 0, sizeof(sg_real) * 64);
    memset(r_t_d_yhat, 0, sizeof(sg_real) * 3);
    memset(r_t_d_b3, 0, sizeof(sg_real) * 8);
    memset(r_t_d_W3_1, 0, sizeof(sg_real) * 64);
    memset(r_t_d_W3_2, 0, sizeof(sg_real) * 64);
    memset(r_t_d_beta2, 0, sizeof(sg_real) * 8);
    memset(r_t_d_gamma2, 0, sizeof(sg_real) * 8);
    memset(r_t_d_bo1, 0, sizeof(sg_real) * 8);
    memset(r_t_d_Wo1_1, 0, sizeof(sg_real) * 64);
    memset(r_t_d_Wo1_2, 0, sizeof(sg_real) * 64);
    memset(r_t_d_bv1, 0, sizeof(sg_real) * 8);
    memset(r_t_d_Wv1, 0, sizeof(sg_real) * 64);
    memset(r_t_d_bk1, 0, sizeof(sg_real) * 8);
    memset(r_t_d_Wk1, 0, sizeof(sg_real) * 64);
    memset(r_t_d_bq1, 0, sizeof(sg_real) * 8);
    memset(r_t_d_Wq1, 0, sizeof(sg_real) * 64);
    /* ---- tiles of 16 samples ---- */
    for (t0 = 0; t0 < n; t0 += 16) {
        nt = (int)(n - t0 < 16 ? n - t0 : 16);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 35 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 35 + 32;
        (void)d_y;
        /* z1#1 = matmul(x, Wq1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += d_x[s*35 + mi*8 + mk] * p_Wq1[mk + mj*8];
                t_z1_1[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z1#3 = z1#1 + z1#2 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z1_1[s*32 + k];
            const sg_real a1 = c_z1_2[k];
        t_z1_3[s*32 + k] = a0 + a1;
        }
        }

        /* z1#4 = matmul(x, Wk1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += d_x[s*35 + mi*8 + mk] * p_Wk1[mk + mj*8];
                t_z1_4[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z1#6 = z1#4 + z1#5 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z1_4[s*32 + k];
            const sg_real a1 = c_z1_5[k];
        t_z1_6[s*32 + k] = a0 + a1;
        }
        }

        /* z1#7 = matmul(x, Wv1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += d_x[s*35 + mi*8 + mk] * p_Wv1[mk + mj*8];
                t_z1_7[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z1#9 = z1#7 + z1#8 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z1_7[s*32 + k];
            const sg_real a1 = c_z1_8[k];
        t_z1_9[s*32 + k] = a0 + a1;
        }
        }

        /* z1#10 = gather(z1#3) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_10[s*16 + k] = m >= 0 ? t_z1_3[s*32 + m] : 0; }
        }
        }
        /* z1#11 = gather(z1#6) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_11[s*16 + k] = m >= 0 ? t_z1_6[s*32 + m] : 0; }
        }
        }
        /* z1#12 = gather(z1#9) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_12[s*16 + k] = m >= 0 ? t_z1_9[s*32 + m] : 0; }
        }
        }
        /* z1#13 = matmul(z1#10, z1#11)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_z1_10[s*16 + mi*4 + mk] * t_z1_11[s*16 + mk + mj*4];
                t_z1_13[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* z1#14 = z1#13/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z1_13[k];
        t_z1_14[k] = ((1.0/2.0))*a0;
        }

        /* z1#15 = softmax_rows(z1#14) (each row max subtracted) */
        for (s = 0; s < nt; ++s) {
        for (int r = 0; r < 4; ++r) {
            const int o = r * 4;
            sg_real mx = t_z1_14[s*16 + o], se = 0;
            for (int k = 1; k < 4; ++k) mx = t_z1_14[s*16 + o + k] > mx ? t_z1_14[s*16 + o + k] : mx;
            for (int k = 0; k < 4; ++k) se += exp(t_z1_14[s*16 + o + k] - mx);
            const sg_real inv = 1 / se;
            for (int k = 0; k < 4; ++k) t_z1_15[s*16 + o + k] = exp(t_z1_14[s*16 + o + k] - mx) * inv;
        }
        }

        /* z1#16 = matmul(z1#15, z1#12)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_z1_16[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_15[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_z1_16[s*16 + mi*4 + mj] += av * t_z1_12[s*16 + mk*4 + mj];
            }
        }
        }

        /* z1#17 = gather_t(z1#16) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_z1_17[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_z1_17[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_z1_16[s*16 + k];
          }
          if (cur >= 0) t_z1_17[s*32 + cur] += acc; }
        }
        }
        /* z1#18 = gather(z1#3) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_18[s*16 + k] = m >= 0 ? t_z1_3[s*32 + m] : 0; }
        }
        }
        /* z1#19 = gather(z1#6) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_19[s*16 + k] = m >= 0 ? t_z1_6[s*32 + m] : 0; }
        }
        }
        /* z1#20 = gather(z1#9) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_20[s*16 + k] = m >= 0 ? t_z1_9[s*32 + m] : 0; }
        }
        }
        /* z1#21 = matmul(z1#18, z1#19)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_z1_18[s*16 + mi*4 + mk] * t_z1_19[s*16 + mk + mj*4];
                t_z1_21[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* z1#22 = z1#21/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z1_21[k];
        t_z1_22[k] = ((1.0/2.0))*a0;
        }

        /* z1#23 = softmax_rows(z1#22) (each row max subtracted) */
        for (s = 0; s < nt; ++s) {
        for (int r = 0; r < 4; ++r) {
            const int o = r * 4;
            sg_real mx = t_z1_22[s*16 + o], se = 0;
            for (int k = 1; k < 4; ++k) mx = t_z1_22[s*16 + o + k] > mx ? t_z1_22[s*16 + o + k] : mx;
            for (int k = 0; k < 4; ++k) se += exp(t_z1_22[s*16 + o + k] - mx);
            const sg_real inv = 1 / se;
            for (int k = 0; k < 4; ++k) t_z1_23[s*16 + o + k] = exp(t_z1_22[s*16 + o + k] - mx) * inv;
        }
        }

        /* z1#24 = matmul(z1#23, z1#20)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_z1_24[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_23[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_z1_24[s*16 + mi*4 + mj] += av * t_z1_20[s*16 + mk*4 + mj];
            }
        }
        }

        /* z1#25 = gather_t(z1#24) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_z1_25[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_z1_25[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_z1_24[s*16 + k];
          }
          if (cur >= 0) t_z1_25[s*32 + cur] += acc; }
        }
        }
        /* z1#26 = z1#17 + z1#25 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z1_17[k];
            const sg_real a1 = t_z1_25[k];
        t_z1_26[k] = a0 + a1;
        }

        /* z1#27 = matmul(z1#26, Wo1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_z1_26[s*32 + mi*8 + mk] * p_Wo1[mk + mj*8];
                t_z1_27[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z1 = z1#27 + z1#28 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z1_27[s*32 + k];
            const sg_real a1 = c_z1_28[k];
        t_z1[s*32 + k] = a0 + a1;
        }
        }

        /* h1 = x + z1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = d_x[s*35 + k];
            const sg_real a1 = t_z1[s*32 + k];
        t_h1[s*32 + k] = a0 + a1;
        }
        }

        /* z2#1 = gather_t(h1) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) t_z2_1[s*4 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_z2_1[s*4 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_h1[s*32 + k];
          }
          if (cur >= 0) t_z2_1[s*4 + cur] += acc; }
        }
        }
        /* z2#2 = z2#1/8 */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_z2_1[k];
        t_z2_2[k] = ((1.0/8.0))*a0;
        }

        /* z2#3 = gather(z2#2) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) { const int m = map[k]; t_z2_3[s*32 + k] = m >= 0 ? t_z2_2[s*4 + m] : 0; }
        }
        }
        /* z2#4 = h1 - z2#3 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_h1[k];
            const sg_real a1 = t_z2_3[k];
        t_z2_4[k] = a0 - a1;
        }

        /* z2#5 = z2#4**2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z2_4[k];
        t_z2_5[k] = (a0*a0);
        }

        /* z2#6 = gather_t(z2#5) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) t_z2_6[s*4 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_z2_6[s*4 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_z2_5[s*32 + k];
          }
          if (cur >= 0) t_z2_6[s*4 + cur] += acc; }
        }
        }
        /* z2#7 = 1/sqrt(z2#6/8 + 1/100000) */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_z2_6[k];
        t_z2_7[k] = (1.0/sqrt(((1.0/8.0))*a0 + (1.0/100000.0)));
        }

        /* z2#8 = gather(z2#7) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) { const int m = map[k]; t_z2_8[s*32 + k] = m >= 0 ? t_z2_7[s*4 + m] : 0; }
        }
        }
        /* z2 = z2#10 + z2#4*z2#8*z2#9 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = c_z2_10[k];
            const sg_real a1 = t_z2_4[s*32 + k];
            const sg_real a2 = t_z2_8[s*32 + k];
            const sg_real a3 = c_z2_9[k];
        t_z2[s*32 + k] = a0 + a1*a2*a3;
        }
        }

        /* h2 = z2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z2[k];
        t_h2[k] = a0;
        }

        /* z3#1 = matmul(h2, W3)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_h2[s*32 + mi*8 + mk] * p_W3[mk + mj*8];
                t_z3_1[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z3 = z3#1 + z3#2 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z3_1[s*32 + k];
            const sg_real a1 = c_z3_2[k];
        t_z3[s*32 + k] = a0 + a1;
        }
        }

        /* h3 = h2 + ReLU(z3) */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_h2[k];
            const sg_real a1 = t_z3[k];
        t_h3[k] = a0 + sg_relu(a1);
        }

        /* z4 = gather(h3) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_z4[s*32 + k] = t_h3[s*32 + k + 0];
        }

        /* h4 = z4 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z4[k];
        t_h4[k] = a0;
        }

        /* z5 = b5 + z5#1  [b5 + matmul(W5, h4)]
           tile GEMM: Z[s, 0:3] = p_b5 + t_h4[s,:]·p_W5ᵀ */
        if (n >= 8) {
            sg_gemm(nt, 3, 32, t_h4, 32, 1, c_p_W5_T, 3, t_z5, 3, p_b5, 0);
        } else
        {
            sg_gemm_dot(nt, 3, 32, p_W5, t_h4, 32, t_z5, 3, p_b5, 0);
        }

        /* yhat = z5 */
        for (int k = 0; k < nt*3; ++k) {
            const sg_real a0 = t_z5[k];
        t_yhat[k] = a0;
        }

        /* L#1 = log_softmax(yhat) (max subtracted) */
        for (s = 0; s < nt; ++s) {
        { sg_real mx = t_yhat[s*3], se = 0;
        for (int k = 1; k < 3; ++k) mx = t_yhat[s*3 + k] > mx ? t_yhat[s*3 + k] : mx;
        for (int k = 0; k < 3; ++k) se += exp(t_yhat[s*3 + k] - mx);
          const sg_real lse = mx + log(se);
          for (int k = 0; k < 3; ++k) t_L_1[s*3 + k] = t_yhat[s*3 + k] - lse; }
        }

        /* L#2 = L#1*y */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 3; ++k) {
            const sg_real a0 = t_L_1[s*3 + k];
            const sg_real a1 = d_y[s*35 + k];
        t_L_2[s*3 + k] = a0*a1;
        }
        }

        /* d[L#1] = d[L#2]*y */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 3; ++k) {
            const sg_real a0 = c_d_L_2[k];
            const sg_real a1 = d_y[s*35 + k];
        t_d_L_1[s*3 + k] = a0*a1;
        }
        }

        /* d[yhat]#1 = sum(d[L#1]) */
        for (s = 0; s < nt; ++s) {
        { sg_real acc = 0;
          for (int k = 0; k < 3; ++k) acc += t_d_L_1[s*3 + k];
          t_d_yhat_1[s*1] = acc; }
        }

        /* d[yhat] = d[L#1] - d[yhat]#1*exp(L#1) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 3; ++k) {
            const sg_real a0 = t_L_1[s*3 + k];
            const sg_real a1 = t_d_L_1[s*3 + k];
            const sg_real a2 = t_d_yhat_1[s*1];
        t_d_yhat[s*3 + k] = a1 - a2*exp(a0);
        }
        }

        /* d[h4] = matmul(W5, d[yhat])
           tile GEMM: Z[s, 0:32] = t_d_yhat[s,:]·p_W5 */
        {
            sg_gemm(nt, 32, 3, t_d_yhat, 3, 1, p_W5, 32, t_d_h4, 32, 0, 0);
        }

        /* d[h3] = gather_t(d[h4]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_d_h3[s*32 + k] = t_d_h4[s*32 + k + 0];
        }

        /* d[z3] = d[h3]*1[z3 > 0] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_h3[k];
            const sg_real a1 = t_z3[k];
        t_d_z3[k] = a0*((a1) > 0 ? (1.0) : (0.0));
        }

        /* d[b3] = gather_t(d[z3]) */
        { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 8; ++k) t_d_b3[s*8 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_b3[s*8 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z3[s*32 + k];
          }
          if (cur >= 0) t_d_b3[s*8 + cur] += acc; }
        }
        }
        /* d[h2]#1 = matmul(d[z3], W3)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_d_h2_1[s*32 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 8; ++mk) {
                const sg_real av = t_d_z3[s*32 + mi*8 + mk];
                for (int mj = 0; mj < 8; ++mj) t_d_h2_1[s*32 + mi*8 + mj] += av * p_W3[mk*8 + mj];
            }
        }
        }

        /* d[W3] = matmul(d[z3], h2)  [8x4]·[4x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 8; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_d_W3[s*64 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z3[s*32 + mi + mk*8];
                for (int mj = 0; mj < 8; ++mj) t_d_W3[s*64 + mi*8 + mj] += av * t_h2[s*32 + mk*8 + mj];
            }
        }
        }

        /* d[h2] = d[h2]#1 + d[h3] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_h2_1[k];
            const sg_real a1 = t_d_h3[k];
        t_d_h2[k] = a0 + a1;
        }

        /* d[z2#4]#1 = d[h2]*z2#8*z2#9 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_d_h2[s*32 + k];
            const sg_real a1 = t_z2_8[s*32 + k];
            const sg_real a2 = c_z2_9[k];
        t_d_z2_4_1[s*32 + k] = a0*a1*a2;
        }
        }

        /* d[z2#8] = d[h2]*z2#4*z2#9 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_d_h2[s*32 + k];
            const sg_real a1 = t_z2_4[s*32 + k];
            const sg_real a2 = c_z2_9[k];
        t_d_z2_8[s*32 + k] = a0*a1*a2;
        }
        }

        /* d[z2#9] = d[h2]*z2#4*z2#8 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_h2[k];
            const sg_real a1 = t_z2_4[k];
            const sg_real a2 = t_z2_8[k];
        t_d_z2_9[k] = a0*a1*a2;
        }

        /* d[beta2] = gather_t(d[h2]) */
        { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 8; ++k) t_d_beta2[s*8 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_beta2[s*8 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_h2[s*32 + k];
          }
          if (cur >= 0) t_d_beta2[s*8 + cur] += acc; }
        }
        }
        /* d[gamma2] = gather_t(d[z2#9]) */
        { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 8; ++k) t_d_gamma2[s*8 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_gamma2[s*8 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z2_9[s*32 + k];
          }
          if (cur >= 0) t_d_gamma2[s*8 + cur] += acc; }
        }
        }
        /* d[z2#7] = gather_t(d[z2#8]) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) t_d_z2_7[s*4 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z2_7[s*4 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z2_8[s*32 + k];
          }
          if (cur >= 0) t_d_z2_7[s*4 + cur] += acc; }
        }
        }
        /* d[z2#6] = -d[z2#7]/(16*(z2#6/8 + 1/100000)**(3/2)) */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_d_z2_7[k];
            const sg_real a1 = t_z2_6[k];
        t_d_z2_6[k] = -(1.0/16.0)*a0/pow(((1.0/8.0))*a1 + (1.0/100000.0), (3.0/2.0));
        }

        /* d[z2#5] = gather(d[z2#6]) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) { const int m = map[k]; t_d_z2_5[s*32 + k] = m >= 0 ? t_d_z2_6[s*4 + m] : 0; }
        }
        }
        /* d[z2#4]#2 = 2*d[z2#5]*z2#4 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_z2_5[k];
            const sg_real a1 = t_z2_4[k];
        t_d_z2_4_2[k] = 2.0*a0*a1;
        }

        /* d[z2#4] = d[z2#4]#1 + d[z2#4]#2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_z2_4_1[k];
            const sg_real a1 = t_d_z2_4_2[k];
        t_d_z2_4[k] = a0 + a1;
        }

        /* d[z2#3] = -d[z2#4] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_z2_4[k];
        t_d_z2_3[k] = -a0;
        }

        /* d[z2#2] = gather_t(d[z2#3]) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) t_d_z2_2[s*4 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z2_2[s*4 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z2_3[s*32 + k];
          }
          if (cur >= 0) t_d_z2_2[s*4 + cur] += acc; }
        }
        }
        /* d[z2#1] = d[z2#2]/8 */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_d_z2_2[k];
        t_d_z2_1[k] = ((1.0/8.0))*a0;
        }

        /* d[h1]#1 = gather(d[z2#1]) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) { const int m = map[k]; t_d_h1_1[s*32 + k] = m >= 0 ? t_d_z2_1[s*4 + m] : 0; }
        }
        }
        /* d[h1] = d[h1]#1 + d[z2#4] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_h1_1[k];
            const sg_real a1 = t_d_z2_4[k];
        t_d_h1[k] = a0 + a1;
        }

        /* d[bo1] = gather_t(d[h1]) */
        { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 8; ++k) t_d_bo1[s*8 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_bo1[s*8 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_h1[s*32 + k];
          }
          if (cur >= 0) t_d_bo1[s*8 + cur] += acc; }
        }
        }
        /* d[z1#26] = matmul(d[h1], Wo1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_d_z1_26[s*32 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 8; ++mk) {
                const sg_real av = t_d_h1[s*32 + mi*8 + mk];
                for (int mj = 0; mj < 8; ++mj) t_d_z1_26[s*32 + mi*8 + mj] += av * p_Wo1[mk*8 + mj];
            }
        }
        }

        /* d[Wo1] = matmul(d[h1], z1#26)  [8x4]·[4x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 8; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_d_Wo1[s*64 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_h1[s*32 + mi + mk*8];
                for (int mj = 0; mj < 8; ++mj) t_d_Wo1[s*64 + mi*8 + mj] += av * t_z1_26[s*32 + mk*8 + mj];
            }
        }
        }

        /* d[z1#24] = gather(d[z1#26]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_d_z1_24[s*16 + k] = m >= 0 ? t_d_z1_26[s*32 + m] : 0; }
        }
        }
        /* d[z1#23] = matmul(d[z1#24], z1#20)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_d_z1_24[s*16 + mi*4 + mk] * t_z1_20[s*16 + mk + mj*4];
                t_d_z1_23[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* d[z1#20] = matmul(z1#23, d[z1#24])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_d_z1_20[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_23[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_d_z1_20[s*16 + mi*4 + mj] += av * t_d_z1_24[s*16 + mk*4 + mj];
            }
        }
        }

        /* d[z1#22]#1 = d[z1#23]*z1#23 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_23[k];
            const sg_real a1 = t_z1_23[k];
        t_d_z1_22_1[k] = a0*a1;
        }

        /* d[z1#22]#2 = gather_t(d[z1#22]#1) */
        { static const int map[16] = { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) t_d_z1_22_2[s*4 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z1_22_2[s*4 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_22_1[s*16 + k];
          }
          if (cur >= 0) t_d_z1_22_2[s*4 + cur] += acc; }
        }
        }
        /* d[z1#22]#3 = gather(d[z1#22]#2) */
        { static const int map[16] = { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_d_z1_22_3[s*16 + k] = m >= 0 ? t_d_z1_22_2[s*4 + m] : 0; }
        }
        }
        /* d[z1#22] = z1#23*(-d[z1#22]#3 + d[z1#23]) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_22_3[k];
            const sg_real a1 = t_d_z1_23[k];
            const sg_real a2 = t_z1_23[k];
        t_d_z1_22[k] = a2*(-a0 + a1);
        }

        /* d[z1#21] = d[z1#22]/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_22[k];
        t_d_z1_21[k] = ((1.0/2.0))*a0;
        }

        /* d[z1#18] = matmul(d[z1#21], z1#19)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_d_z1_18[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_21[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_d_z1_18[s*16 + mi*4 + mj] += av * t_z1_19[s*16 + mk*4 + mj];
            }
        }
        }

        /* d[z1#19] = matmul(d[z1#21], z1#18)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_d_z1_19[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_21[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_d_z1_19[s*16 + mi*4 + mj] += av * t_z1_18[s*16 + mk*4 + mj];
            }
        }
        }

        /* d[z1#9]#1 = gather_t(d[z1#20]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_d_z1_9_1[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z1_9_1[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_20[s*16 + k];
          }
          if (cur >= 0) t_d_z1_9_1[s*32 + cur] += acc; }
        }
        }
        /* d[z1#6]#1 = gather_t(d[z1#19]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_d_z1_6_1[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z1_6_1[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_19[s*16 + k];
          }
          if (cur >= 0) t_d_z1_6_1[s*32 + cur] += acc; }
        }
        }
        /* d[z1#3]#1 = gather_t(d[z1#18]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_d_z1_3_1[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z1_3_1[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_18[s*16 + k];
          }
          if (cur >= 0) t_d_z1_3_1[s*32 + cur] += acc; }
        }
        }
        /* d[z1#16] = gather(d[z1#26]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_d_z1_16[s*16 + k] = m >= 0 ? t_d_z1_26[s*32 + m] : 0; }
        }
        }
        /* d[z1#15] = matmul(d[z1#16], z1#12)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_d_z1_16[s*16 + mi*4 + mk] * t_z1_12[s*16 + mk + mj*4];
                t_d_z1_15[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* d[z1#12] = matmul(z1#15, d[z1#16])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_d_z1_12[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_15[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_d_z1_12[s*16 + mi*4 + mj] += av * t_d_z1_16[s*16 + mk*4 + mj];
            }
        }
        }

        /* d[z1#14]#1 = d[z1#15]*z1#15 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_15[k];
            const sg_real a1 = t_z1_15[k];
        t_d_z1_14_1[k] = a0*a1;
        }

        /* d[z1#14]#2 = gather_t(d[z1#14]#1) */
        { static const int map[16] = { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) t_d_z1_14_2[s*4 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z1_14_2[s*4 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_14_1[s*16 + k];
          }
          if (cur >= 0) t_d_z1_14_2[s*4 + cur] += acc; }
        }
        }
        /* d[z1#14]#3 = gather(d[z1#14]#2) */
        { static const int map[16] = { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_d_z1_14_3[s*16 + k] = m >= 0 ? t_d_z1_14_2[s*4 + m] : 0; }
        }
        }
        /* d[z1#14] = z1#15*(-d[z1#14]#3 + d[z1#15]) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_14_3[k];
            const sg_real a1 = t_d_z1_15[k];
            const sg_real a2 = t_z1_15[k];
        t_d_z1_14[k] = a2*(-a0 + a1);
        }

        /* d[z1#13] = d[z1#14]/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_14[k];
        t_d_z1_13[k] = ((1.0/2.0))*a0;
        }

        /* d[z1#10] = matmul(d[z1#13], z1#11)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_d_z1_10[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_13[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_d_z1_10[s*16 + mi*4 + mj] += av * t_z1_11[s*16 + mk*4 + mj];
            }
        }
        }

        /* d[z1#11] = matmul(d[z1#13], z1#10)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_d_z1_11[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_13[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_d_z1_11[s*16 + mi*4 + mj] += av * t_z1_10[s*16 + mk*4 + mj];
            }
        }
        }

        /* d[z1#9]#2 = gather_t(d[z1#12]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_d_z1_9_2[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z1_9_2[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_12[s*16 + k];
          }
          if (cur >= 0) t_d_z1_9_2[s*32 + cur] += acc; }
        }
        }
        /* d[z1#6]#2 = gather_t(d[z1#11]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_d_z1_6_2[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z1_6_2[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_11[s*16 + k];
          }
          if (cur >= 0) t_d_z1_6_2[s*32 + cur] += acc; }
        }
        }
        /* d[z1#3]#2 = gather_t(d[z1#10]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_d_z1_3_2[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z1_3_2[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_10[s*16 + k];
          }
          if (cur >= 0) t_d_z1_3_2[s*32 + cur] += acc; }
        }
        }
        /* d[z1#9] = d[z1#9]#1 + d[z1#9]#2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_z1_9_1[k];
            const sg_real a1 = t_d_z1_9_2[k];
        t_d_z1_9[k] = a0 + a1;
        }

        /* d[bv1] = gather_t(d[z1#9]) */
        { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 8; ++k) t_d_bv1[s*8 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_bv1[s*8 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_9[s*32 + k];
          }
          if (cur >= 0) t_d_bv1[s*8 + cur] += acc; }
        }
        }
        /* d[Wv1] = matmul(d[z1#9], x)  [8x4]·[4x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 8; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_d_Wv1[s*64 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_9[s*32 + mi + mk*8];
                for (int mj = 0; mj < 8; ++mj) t_d_Wv1[s*64 + mi*8 + mj] += av * d_x[s*35 + mk*8 + mj];
            }
        }
        }

        /* d[z1#6] = d[z1#6]#1 + d[z1#6]#2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_z1_6_1[k];
            const sg_real a1 = t_d_z1_6_2[k];
        t_d_z1_6[k] = a0 + a1;
        }

        /* d[bk1] = gather_t(d[z1#6]) */
        { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 8; ++k) t_d_bk1[s*8 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_bk1[s*8 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_6[s*32 + k];
          }
          if (cur >= 0) t_d_bk1[s*8 + cur] += acc; }
        }
        }
        /* d[Wk1] = matmul(d[z1#6], x)  [8x4]·[4x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 8; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_d_Wk1[s*64 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_6[s*32 + mi + mk*8];
                for (int mj = 0; mj < 8; ++mj) t_d_Wk1[s*64 + mi*8 + mj] += av * d_x[s*35 + mk*8 + mj];
            }
        }
        }

        /* d[z1#3] = d[z1#3]#1 + d[z1#3]#2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_z1_3_1[k];
            const sg_real a1 = t_d_z1_3_2[k];
        t_d_z1_3[k] = a0 + a1;
        }

        /* d[bq1] = gather_t(d[z1#3]) */
        { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 8; ++k) t_d_bq1[s*8 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_bq1[s*8 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_3[s*32 + k];
          }
          if (cur >= 0) t_d_bq1[s*8 + cur] += acc; }
        }
        }
        /* d[Wq1] = matmul(d[z1#3], x)  [8x4]·[4x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 8; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_d_Wq1[s*64 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_3[s*32 + mi + mk*8];
                for (int mj = 0; mj < 8; ++mj) t_d_Wq1[s*64 + mi*8 + mj] += av * d_x[s*35 + mk*8 + mj];
            }
        }
        }

        /* t[z1#1] = matmul(x, u[Wq1])  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += d_x[s*35 + mi*8 + mk] * u_Wq1[mk + mj*8];
                t_t_z1_1[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* t[z1#3] = t[z1#1] + t[z1#2] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_t_z1_1[s*32 + k];
            const sg_real a1 = c_t_z1_2[k];
        t_t_z1_3[s*32 + k] = a0 + a1;
        }
        }

        /* t[z1#4] = matmul(x, u[Wk1])  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += d_x[s*35 + mi*8 + mk] * u_Wk1[mk + mj*8];
                t_t_z1_4[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* t[z1#6] = t[z1#4] + t[z1#5] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_t_z1_4[s*32 + k];
            const sg_real a1 = c_t_z1_5[k];
        t_t_z1_6[s*32 + k] = a0 + a1;
        }
        }

        /* t[z1#7] = matmul(x, u[Wv1])  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += d_x[s*35 + mi*8 + mk] * u_Wv1[mk + mj*8];
                t_t_z1_7[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* t[z1#9] = t[z1#7] + t[z1#8] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_t_z1_7[s*32 + k];
            const sg_real a1 = c_t_z1_8[k];
        t_t_z1_9[s*32 + k] = a0 + a1;
        }
        }

        /* t[z1#10] = gather(t[z1#3]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_t_z1_10[s*16 + k] = m >= 0 ? t_t_z1_3[s*32 + m] : 0; }
        }
        }
        /* t[z1#11] = gather(t[z1#6]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_t_z1_11[s*16 + k] = m >= 0 ? t_t_z1_6[s*32 + m] : 0; }
        }
        }
        /* t[z1#12] = gather(t[z1#9]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_t_z1_12[s*16 + k] = m >= 0 ? t_t_z1_9[s*32 + m] : 0; }
        }
        }
        /* t[z1#13]#1 = matmul(t[z1#10], z1#11)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_t_z1_10[s*16 + mi*4 + mk] * t_z1_11[s*16 + mk + mj*4];
                t_t_z1_13_1[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* t[z1#13]#2 = matmul(z1#10, t[z1#11])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_z1_10[s*16 + mi*4 + mk] * t_t_z1_11[s*16 + mk + mj*4];
                t_t_z1_13_2[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* t[z1#13] = t[z1#13]#1 + t[z1#13]#2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_z1_13_1[k];
            const sg_real a1 = t_t_z1_13_2[k];
        t_t_z1_13[k] = a0 + a1;
        }

        /* t[z1#14] = t[z1#13]/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_z1_13[k];
        t_t_z1_14[k] = ((1.0/2.0))*a0;
        }

        /* t[z1#15]#1 = t[z1#14]*z1#15 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_z1_14[k];
            const sg_real a1 = t_z1_15[k];
        t_t_z1_15_1[k] = a0*a1;
        }

        /* t[z1#15]#2 = gather_t(t[z1#15]#1) */
        { static const int map[16] = { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) t_t_z1_15_2[s*4 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_z1_15_2[s*4 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_z1_15_1[s*16 + k];
          }
          if (cur >= 0) t_t_z1_15_2[s*4 + cur] += acc; }
        }
        }
        /* t[z1#15]#3 = gather(t[z1#15]#2) */
        { static const int map[16] = { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_t_z1_15_3[s*16 + k] = m >= 0 ? t_t_z1_15_2[s*4 + m] : 0; }
        }
        }
        /* t[z1#15] = z1#15*(t[z1#14] - t[z1#15]#3) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_z1_14[k];
            const sg_real a1 = t_t_z1_15_3[k];
            const sg_real a2 = t_z1_15[k];
        t_t_z1_15[k] = a2*(a0 - a1);
        }

        /* t[z1#16]#1 = matmul(t[z1#15], z1#12)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_z1_16_1[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_t_z1_15[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_t_z1_16_1[s*16 + mi*4 + mj] += av * t_z1_12[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[z1#16]#2 = matmul(z1#15, t[z1#12])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_z1_16_2[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_15[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_t_z1_16_2[s*16 + mi*4 + mj] += av * t_t_z1_12[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[z1#16] = t[z1#16]#1 + t[z1#16]#2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_z1_16_1[k];
            const sg_real a1 = t_t_z1_16_2[k];
        t_t_z1_16[k] = a0 + a1;
        }

        /* t[z1#17] = gather_t(t[z1#16]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_t_z1_17[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_z1_17[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_z1_16[s*16 + k];
          }
          if (cur >= 0) t_t_z1_17[s*32 + cur] += acc; }
        }
        }
        /* t[z1#18] = gather(t[z1#3]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_t_z1_18[s*16 + k] = m >= 0 ? t_t_z1_3[s*32 + m] : 0; }
        }
        }
        /* t[z1#19] = gather(t[z1#6]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_t_z1_19[s*16 + k] = m >= 0 ? t_t_z1_6[s*32 + m] : 0; }
        }
        }
        /* t[z1#20] = gather(t[z1#9]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_t_z1_20[s*16 + k] = m >= 0 ? t_t_z1_9[s*32 + m] : 0; }
        }
        }
        /* t[z1#21]#1 = matmul(t[z1#18], z1#19)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_t_z1_18[s*16 + mi*4 + mk] * t_z1_19[s*16 + mk + mj*4];
                t_t_z1_21_1[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* t[z1#21]#2 = matmul(z1#18, t[z1#19])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_z1_18[s*16 + mi*4 + mk] * t_t_z1_19[s*16 + mk + mj*4];
                t_t_z1_21_2[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* t[z1#21] = t[z1#21]#1 + t[z1#21]#2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_z1_21_1[k];
            const sg_real a1 = t_t_z1_21_2[k];
        t_t_z1_21[k] = a0 + a1;
        }

        /* t[z1#22] = t[z1#21]/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_z1_21[k];
        t_t_z1_22[k] = ((1.0/2.0))*a0;
        }

        /* t[z1#23]#1 = t[z1#22]*z1#23 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_z1_22[k];
            const sg_real a1 = t_z1_23[k];
        t_t_z1_23_1[k] = a0*a1;
        }

        /* t[z1#23]#2 = gather_t(t[z1#23]#1) */
        { static const int map[16] = { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) t_t_z1_23_2[s*4 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_z1_23_2[s*4 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_z1_23_1[s*16 + k];
          }
          if (cur >= 0) t_t_z1_23_2[s*4 + cur] += acc; }
        }
        }
        /* t[z1#23]#3 = gather(t[z1#23]#2) */
        { static const int map[16] = { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_t_z1_23_3[s*16 + k] = m >= 0 ? t_t_z1_23_2[s*4 + m] : 0; }
        }
        }
        /* t[z1#23] = z1#23*(t[z1#22] - t[z1#23]#3) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_z1_22[k];
            const sg_real a1 = t_t_z1_23_3[k];
            const sg_real a2 = t_z1_23[k];
        t_t_z1_23[k] = a2*(a0 - a1);
        }

        /* t[z1#24]#1 = matmul(t[z1#23], z1#20)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_z1_24_1[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_t_z1_23[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_t_z1_24_1[s*16 + mi*4 + mj] += av * t_z1_20[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[z1#24]#2 = matmul(z1#23, t[z1#20])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_z1_24_2[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_23[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_t_z1_24_2[s*16 + mi*4 + mj] += av * t_t_z1_20[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[z1#24] = t[z1#24]#1 + t[z1#24]#2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_z1_24_1[k];
            const sg_real a1 = t_t_z1_24_2[k];
        t_t_z1_24[k] = a0 + a1;
        }

        /* t[z1#25] = gather_t(t[z1#24]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_t_z1_25[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_z1_25[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_z1_24[s*16 + k];
          }
          if (cur >= 0) t_t_z1_25[s*32 + cur] += acc; }
        }
        }
        /* t[z1#26] = t[z1#17] + t[z1#25] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_z1_17[k];
            const sg_real a1 = t_t_z1_25[k];
        t_t_z1_26[k] = a0 + a1;
        }

        /* t[z1#27]#1 = matmul(t[z1#26], Wo1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_t_z1_26[s*32 + mi*8 + mk] * p_Wo1[mk + mj*8];
                t_t_z1_27_1[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* t[z1#27]#2 = matmul(z1#26, u[Wo1])  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_z1_26[s*32 + mi*8 + mk] * u_Wo1[mk + mj*8];
                t_t_z1_27_2[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* t[z1#27] = t[z1#27]#1 + t[z1#27]#2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_z1_27_1[k];
            const sg_real a1 = t_t_z1_27_2[k];
        t_t_z1_27[k] = a0 + a1;
        }

        /* t[z1] = t[z1#27] + t[z1#28] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_t_z1_27[s*32 + k];
            const sg_real a1 = c_t_z1_28[k];
        t_t_z1[s*32 + k] = a0 + a1;
        }
        }

        /* t[h1] = t[z1] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_z1[k];
        t_t_h1[k] = a0;
        }

        /* t[z2#1] = gather_t(t[h1]) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) t_t_z2_1[s*4 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_z2_1[s*4 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_h1[s*32 + k];
          }
          if (cur >= 0) t_t_z2_1[s*4 + cur] += acc; }
        }
        }
        /* t[z2#2] = t[z2#1]/8 */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_t_z2_1[k];
        t_t_z2_2[k] = ((1.0/8.0))*a0;
        }

        /* t[z2#3] = gather(t[z2#2]) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) { const int m = map[k]; t_t_z2_3[s*32 + k] = m >= 0 ? t_t_z2_2[s*4 + m] : 0; }
        }
        }
        /* t[z2#4] = t[h1] - t[z2#3] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_h1[k];
            const sg_real a1 = t_t_z2_3[k];
        t_t_z2_4[k] = a0 - a1;
        }

        /* t[z2#5] = 2*t[z2#4]*z2#4 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_z2_4[k];
            const sg_real a1 = t_z2_4[k];
        t_t_z2_5[k] = 2.0*a0*a1;
        }

        /* t[z2#6] = gather_t(t[z2#5]) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) t_t_z2_6[s*4 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_z2_6[s*4 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_z2_5[s*32 + k];
          }
          if (cur >= 0) t_t_z2_6[s*4 + cur] += acc; }
        }
        }
        /* t[z2#7] = -t[z2#6]/(16*(z2#6/8 + 1/100000)**(3/2)) */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_t_z2_6[k];
            const sg_real a1 = t_z2_6[k];
        t_t_z2_7[k] = -(1.0/16.0)*a0/pow(((1.0/8.0))*a1 + (1.0/100000.0), (3.0/2.0));
        }

        /* t[z2#8] = gather(t[z2#7]) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) { const int m = map[k]; t_t_z2_8[s*32 + k] = m >= 0 ? t_t_z2_7[s*4 + m] : 0; }
        }
        }
        /* t[z2] = t[z2#10] + t[z2#4]*z2#8*z2#9 + t[z2#8]*z2#4*z2#9 + t[z2#9]*z2#4*z2#8 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = c_t_z2_10[k];
            const sg_real a1 = t_t_z2_4[s*32 + k];
            const sg_real a2 = t_t_z2_8[s*32 + k];
            const sg_real a3 = c_t_z2_9[k];
            const sg_real a4 = t_z2_4[s*32 + k];
            const sg_real a5 = t_z2_8[s*32 + k];
            const sg_real a6 = c_z2_9[k];
        t_t_z2[s*32 + k] = a0 + a1*a5*a6 + a2*a4*a6 + a3*a4*a5;
        }
        }

        /* t[h2] = t[z2] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_z2[k];
        t_t_h2[k] = a0;
        }

        /* t[z3#1]#1 = matmul(t[h2], W3)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_t_h2[s*32 + mi*8 + mk] * p_W3[mk + mj*8];
                t_t_z3_1_1[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* t[z3#1]#2 = matmul(h2, u[W3])  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_h2[s*32 + mi*8 + mk] * u_W3[mk + mj*8];
                t_t_z3_1_2[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* t[z3#1] = t[z3#1]#1 + t[z3#1]#2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_z3_1_1[k];
            const sg_real a1 = t_t_z3_1_2[k];
        t_t_z3_1[k] = a0 + a1;
        }

        /* t[z3] = t[z3#1] + t[z3#2] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_t_z3_1[s*32 + k];
            const sg_real a1 = c_t_z3_2[k];
        t_t_z3[s*32 + k] = a0 + a1;
        }
        }

        /* t[h3] = t[h2] + t[z3]*1[z3 > 0] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_h2[k];
            const sg_real a1 = t_t_z3[k];
            const sg_real a2 = t_z3[k];
        t_t_h3[k] = a0 + a1*((a2) > 0 ? (1.0) : (0.0));
        }

        /* t[z4] = gather(t[h3]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_t_z4[s*32 + k] = t_t_h3[s*32 + k + 0];
        }

        /* t[h4] = t[z4] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_z4[k];
        t_t_h4[k] = a0;
        }

        /* t[z5] = t[z5#1] + u[b5]  [u[b5] + matmul(u[W5], h4) + matmul(W5, t[h4])]
           tile GEMM: Z[s, 0:3] = u_b5 + t_h4[s,:]·u_W5ᵀ + t_t_h4[s,:]·p_W5ᵀ */
        if (n >= 8) {
            sg_gemm2(nt, 3, 32, t_h4, 32, 1, c_u_W5_T, 3, 32, t_t_h4, 32, 1, c_p_W5_T, 3, t_t_z5, 3, u_b5, 0);
        } else
        {
            sg_gemm_dot(nt, 3, 32, u_W5, t_h4, 32, t_t_z5, 3, u_b5, 0);
            sg_gemm_dot(nt, 3, 32, p_W5, t_t_h4, 32, t_t_z5, 3, 0, 1);
        }

        /* t[yhat] = t[z5] */
        for (int k = 0; k < nt*3; ++k) {
            const sg_real a0 = t_t_z5[k];
        t_t_yhat[k] = a0;
        }

        /* t[L#1]#1 = t[yhat]*exp(L#1) */
        for (int k = 0; k < nt*3; ++k) {
            const sg_real a0 = t_L_1[k];
            const sg_real a1 = t_t_yhat[k];
        t_t_L_1_1[k] = a1*exp(a0);
        }

        /* t[L#1]#2 = sum(t[L#1]#1) */
        for (s = 0; s < nt; ++s) {
        { sg_real acc = 0;
          for (int k = 0; k < 3; ++k) acc += t_t_L_1_1[s*3 + k];
          t_t_L_1_2[s*1] = acc; }
        }

        /* t[L#1] = -t[L#1]#2 + t[yhat] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 3; ++k) {
            const sg_real a0 = t_t_L_1_2[s*1];
            const sg_real a1 = t_t_yhat[s*3 + k];
        t_t_L_1[s*3 + k] = -a0 + a1;
        }
        }

        /* t[d[yhat]] = -d[yhat]#1*t[L#1]*exp(L#1) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 3; ++k) {
            const sg_real a0 = t_L_1[s*3 + k];
            const sg_real a1 = t_d_yhat_1[s*1];
            const sg_real a2 = t_t_L_1[s*3 + k];
        t_t_d_yhat[s*3 + k] = -a1*a2*exp(a0);
        }
        }

        /* t[d[h4]] = t[d[h4]]#1 + t[d[h4]]#2  [matmul(u[W5], d[yhat]) + matmul(W5, t[d[yhat]])]
           tile GEMM: Z[s, 0:32] = t_d_yhat[s,:]·u_W5 + t_t_d_yhat[s,:]·p_W5 */
        {
            sg_gemm2(nt, 32, 3, t_d_yhat, 3, 1, u_W5, 32, 3, t_t_d_yhat, 3, 1, p_W5, 32, t_t_d_h4, 32, 0, 0);
        }

        /* t[d[h3]] = gather_t(t[d[h4]]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_t_d_h3[s*32 + k] = t_t_d_h4[s*32 + k + 0];
        }

        /* t[d[z3]] = t[d[h3]]*1[z3 > 0] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_d_h3[k];
            const sg_real a1 = t_z3[k];
        t_t_d_z3[k] = a0*((a1) > 0 ? (1.0) : (0.0));
        }

        /* t[d[b3]] = gather_t(t[d[z3]]) */
        { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 8; ++k) t_t_d_b3[s*8 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_d_b3[s*8 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_d_z3[s*32 + k];
          }
          if (cur >= 0) t_t_d_b3[s*8 + cur] += acc; }
        }
        }
        /* t[d[h2]#1]#1 = matmul(t[d[z3]], W3)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_t_d_h2_1_1[s*32 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 8; ++mk) {
                const sg_real av = t_t_d_z3[s*32 + mi*8 + mk];
                for (int mj = 0; mj < 8; ++mj) t_t_d_h2_1_1[s*32 + mi*8 + mj] += av * p_W3[mk*8 + mj];
            }
        }
        }

        /* t[d[h2]#1]#2 = matmul(d[z3], u[W3])  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_t_d_h2_1_2[s*32 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 8; ++mk) {
                const sg_real av = t_d_z3[s*32 + mi*8 + mk];
                for (int mj = 0; mj < 8; ++mj) t_t_d_h2_1_2[s*32 + mi*8 + mj] += av * u_W3[mk*8 + mj];
            }
        }
        }

        /* t[d[h2]#1] = t[d[h2]#1]#1 + t[d[h2]#1]#2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_d_h2_1_1[k];
            const sg_real a1 = t_t_d_h2_1_2[k];
        t_t_d_h2_1[k] = a0 + a1;
        }

        /* t[d[W3]]#1 = matmul(t[d[z3]], h2)  [8x4]·[4x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 8; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_t_d_W3_1[s*64 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_t_d_z3[s*32 + mi + mk*8];
                for (int mj = 0; mj < 8; ++mj) t_t_d_W3_1[s*64 + mi*8 + mj] += av * t_h2[s*32 + mk*8 + mj];
            }
        }
        }

        /* t[d[W3]]#2 = matmul(d[z3], t[h2])  [8x4]·[4x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 8; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_t_d_W3_2[s*64 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z3[s*32 + mi + mk*8];
                for (int mj = 0; mj < 8; ++mj) t_t_d_W3_2[s*64 + mi*8 + mj] += av * t_t_h2[s*32 + mk*8 + mj];
            }
        }
        }

        /* t[d[h2]] = t[d[h2]#1] + t[d[h3]] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_d_h2_1[k];
            const sg_real a1 = t_t_d_h3[k];
        t_t_d_h2[k] = a0 + a1;
        }

        /* t[d[z2#4]#1] = d[h2]*t[z2#8]*z2#9 + d[h2]*t[z2#9]*z2#8 + t[d[h2]]*z2#8*z2#9 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_d_h2[s*32 + k];
            const sg_real a1 = t_t_d_h2[s*32 + k];
            const sg_real a2 = t_t_z2_8[s*32 + k];
            const sg_real a3 = c_t_z2_9[k];
            const sg_real a4 = t_z2_8[s*32 + k];
            const sg_real a5 = c_z2_9[k];
        t_t_d_z2_4_1[s*32 + k] = a0*a2*a5 + a0*a3*a4 + a1*a4*a5;
        }
        }

        /* t[d[z2#8]] = d[h2]*t[z2#4]*z2#9 + d[h2]*t[z2#9]*z2#4 + t[d[h2]]*z2#4*z2#9 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_d_h2[s*32 + k];
            const sg_real a1 = t_t_d_h2[s*32 + k];
            const sg_real a2 = t_t_z2_4[s*32 + k];
            const sg_real a3 = c_t_z2_9[k];
            const sg_real a4 = t_z2_4[s*32 + k];
            const sg_real a5 = c_z2_9[k];
        t_t_d_z2_8[s*32 + k] = a0*a2*a5 + a0*a3*a4 + a1*a4*a5;
        }
        }

        /* t[d[z2#9]] = d[h2]*t[z2#4]*z2#8 + d[h2]*t[z2#8]*z2#4 + t[d[h2]]*z2#4*z2#8 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_h2[k];
            const sg_real a1 = t_t_d_h2[k];
            const sg_real a2 = t_t_z2_4[k];
            const sg_real a3 = t_t_z2_8[k];
            const sg_real a4 = t_z2_4[k];
            const sg_real a5 = t_z2_8[k];
        t_t_d_z2_9[k] = a0*a2*a5 + a0*a3*a4 + a1*a4*a5;
        }

        /* t[d[beta2]] = gather_t(t[d[h2]]) */
        { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 8; ++k) t_t_d_beta2[s*8 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_d_beta2[s*8 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_d_h2[s*32 + k];
          }
          if (cur >= 0) t_t_d_beta2[s*8 + cur] += acc; }
        }
        }
        /* t[d[gamma2]] = gather_t(t[d[z2#9]]) */
        { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 8; ++k) t_t_d_gamma2[s*8 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_d_gamma2[s*8 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_d_z2_9[s*32 + k];
          }
          if (cur >= 0) t_t_d_gamma2[s*8 + cur] += acc; }
        }
        }
        /* t[d[z2#7]] = gather_t(t[d[z2#8]]) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) t_t_d_z2_7[s*4 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_d_z2_7[s*4 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_d_z2_8[s*32 + k];
          }
          if (cur >= 0) t_t_d_z2_7[s*4 + cur] += acc; }
        }
        }
        /* t[d[z2#6]] = 3*d[z2#7]*t[z2#6]/(256*(z2#6/8 + 1/100000)**(5/2)) - t[d[z2#7]]/(16*(z2#6/8 + 1/100000)**(3/2)) */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_d_z2_7[k];
            const sg_real a1 = t_t_d_z2_7[k];
            const sg_real a2 = t_t_z2_6[k];
            const sg_real a3 = t_z2_6[k];
            const sg_real q0 = ((1.0/8.0))*a3 + (1.0/100000.0);
        t_t_d_z2_6[k] = ((3.0/256.0))*a0*a2/pow(q0, (5.0/2.0)) - (1.0/16.0)*a1/pow(q0, (3.0/2.0));
        }

        /* t[d[z2#5]] = gather(t[d[z2#6]]) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) { const int m = map[k]; t_t_d_z2_5[s*32 + k] = m >= 0 ? t_t_d_z2_6[s*4 + m] : 0; }
        }
        }
        /* t[d[z2#4]#2] = 2*d[z2#5]*t[z2#4] + 2*t[d[z2#5]]*z2#4 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_z2_5[k];
            const sg_real a1 = t_t_d_z2_5[k];
            const sg_real a2 = t_t_z2_4[k];
            const sg_real a3 = t_z2_4[k];
        t_t_d_z2_4_2[k] = 2.0*a0*a2 + 2.0*a1*a3;
        }

        /* t[d[z2#4]] = t[d[z2#4]#1] + t[d[z2#4]#2] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_d_z2_4_1[k];
            const sg_real a1 = t_t_d_z2_4_2[k];
        t_t_d_z2_4[k] = a0 + a1;
        }

        /* t[d[z2#3]] = -t[d[z2#4]] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_d_z2_4[k];
        t_t_d_z2_3[k] = -a0;
        }

        /* t[d[z2#2]] = gather_t(t[d[z2#3]]) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) t_t_d_z2_2[s*4 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_d_z2_2[s*4 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_d_z2_3[s*32 + k];
          }
          if (cur >= 0) t_t_d_z2_2[s*4 + cur] += acc; }
        }
        }
        /* t[d[z2#1]] = t[d[z2#2]]/8 */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_t_d_z2_2[k];
        t_t_d_z2_1[k] = ((1.0/8.0))*a0;
        }

        /* t[d[h1]#1] = gather(t[d[z2#1]]) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) { const int m = map[k]; t_t_d_h1_1[s*32 + k] = m >= 0 ? t_t_d_z2_1[s*4 + m] : 0; }
        }
        }
        /* t[d[h1]] = t[d[h1]#1] + t[d[z2#4]] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_d_h1_1[k];
            const sg_real a1 = t_t_d_z2_4[k];
        t_t_d_h1[k] = a0 + a1;
        }

        /* t[d[bo1]] = gather_t(t[d[h1]]) */
        { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 8; ++k) t_t_d_bo1[s*8 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_d_bo1[s*8 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_d_h1[s*32 + k];
          }
          if (cur >= 0) t_t_d_bo1[s*8 + cur] += acc; }
        }
        }
        /* t[d[z1#26]]#1 = matmul(t[d[h1]], Wo1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_t_d_z1_26_1[s*32 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 8; ++mk) {
                const sg_real av = t_t_d_h1[s*32 + mi*8 + mk];
                for (int mj = 0; mj < 8; ++mj) t_t_d_z1_26_1[s*32 + mi*8 + mj] += av * p_Wo1[mk*8 + mj];
            }
        }
        }

        /* t[d[z1#26]]#2 = matmul(d[h1], u[Wo1])  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_t_d_z1_26_2[s*32 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 8; ++mk) {
                const sg_real av = t_d_h1[s*32 + mi*8 + mk];
                for (int mj = 0; mj < 8; ++mj) t_t_d_z1_26_2[s*32 + mi*8 + mj] += av * u_Wo1[mk*8 + mj];
            }
        }
        }

        /* t[d[z1#26]] = t[d[z1#26]]#1 + t[d[z1#26]]#2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_d_z1_26_1[k];
            const sg_real a1 = t_t_d_z1_26_2[k];
        t_t_d_z1_26[k] = a0 + a1;
        }

        /* t[d[Wo1]]#1 = matmul(t[d[h1]], z1#26)  [8x4]·[4x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 8; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_t_d_Wo1_1[s*64 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_t_d_h1[s*32 + mi + mk*8];
                for (int mj = 0; mj < 8; ++mj) t_t_d_Wo1_1[s*64 + mi*8 + mj] += av * t_z1_26[s*32 + mk*8 + mj];
            }
        }
        }

        /* t[d[Wo1]]#2 = matmul(d[h1], t[z1#26])  [8x4]·[4x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 8; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_t_d_Wo1_2[s*64 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_h1[s*32 + mi + mk*8];
                for (int mj = 0; mj < 8; ++mj) t_t_d_Wo1_2[s*64 + mi*8 + mj] += av * t_t_z1_26[s*32 + mk*8 + mj];
            }
        }
        }

        /* t[d[z1#24]] = gather(t[d[z1#26]]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_t_d_z1_24[s*16 + k] = m >= 0 ? t_t_d_z1_26[s*32 + m] : 0; }
        }
        }
        /* t[d[z1#23]]#1 = matmul(t[d[z1#24]], z1#20)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_t_d_z1_24[s*16 + mi*4 + mk] * t_z1_20[s*16 + mk + mj*4];
                t_t_d_z1_23_1[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* t[d[z1#23]]#2 = matmul(d[z1#24], t[z1#20])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_d_z1_24[s*16 + mi*4 + mk] * t_t_z1_20[s*16 + mk + mj*4];
                t_t_d_z1_23_2[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* t[d[z1#23]] = t[d[z1#23]]#1 + t[d[z1#23]]#2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_d_z1_23_1[k];
            const sg_real a1 = t_t_d_z1_23_2[k];
        t_t_d_z1_23[k] = a0 + a1;
        }

        /* t[d[z1#20]]#1 = matmul(t[z1#23], d[z1#24])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_d_z1_20_1[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_t_z1_23[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_t_d_z1_20_1[s*16 + mi*4 + mj] += av * t_d_z1_24[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[d[z1#20]]#2 = matmul(z1#23, t[d[z1#24]])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_d_z1_20_2[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_23[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_t_d_z1_20_2[s*16 + mi*4 + mj] += av * t_t_d_z1_24[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[d[z1#20]] = t[d[z1#20]]#1 + t[d[z1#20]]#2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_d_z1_20_1[k];
            const sg_real a1 = t_t_d_z1_20_2[k];
        t_t_d_z1_20[k] = a0 + a1;
        }

        /* t[d[z1#22]#1] = d[z1#23]*t[z1#23] + t[d[z1#23]]*z1#23 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_23[k];
            const sg_real a1 = t_t_d_z1_23[k];
            const sg_real a2 = t_t_z1_23[k];
            const sg_real a3 = t_z1_23[k];
        t_t_d_z1_22_1[k] = a0*a2 + a1*a3;
        }

        /* t[d[z1#22]#2] = gather_t(t[d[z1#22]#1]) */
        { static const int map[16] = { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) t_t_d_z1_22_2[s*4 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_d_z1_22_2[s*4 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_d_z1_22_1[s*16 + k];
          }
          if (cur >= 0) t_t_d_z1_22_2[s*4 + cur] += acc; }
        }
        }
        /* t[d[z1#22]#3] = gather(t[d[z1#22]#2]) */
        { static const int map[16] = { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_t_d_z1_22_3[s*16 + k] = m >= 0 ? t_t_d_z1_22_2[s*4 + m] : 0; }
        }
        }
        /* t[d[z1#22]] = -t[d[z1#22]#3]*z1#23 + t[d[z1#23]]*z1#23 + t[z1#23]*(-d[z1#22]#3 + d[z1#23]) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_22_3[k];
            const sg_real a1 = t_d_z1_23[k];
            const sg_real a2 = t_t_d_z1_22_3[k];
            const sg_real a3 = t_t_d_z1_23[k];
            const sg_real a4 = t_t_z1_23[k];
            const sg_real a5 = t_z1_23[k];
        t_t_d_z1_22[k] = -a2*a5 + a3*a5 + a4*(-a0 + a1);
        }

        /* t[d[z1#21]] = t[d[z1#22]]/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_d_z1_22[k];
        t_t_d_z1_21[k] = ((1.0/2.0))*a0;
        }

        /* t[d[z1#18]]#1 = matmul(t[d[z1#21]], z1#19)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_d_z1_18_1[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_t_d_z1_21[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_t_d_z1_18_1[s*16 + mi*4 + mj] += av * t_z1_19[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[d[z1#18]]#2 = matmul(d[z1#21], t[z1#19])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_d_z1_18_2[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_21[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_t_d_z1_18_2[s*16 + mi*4 + mj] += av * t_t_z1_19[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[d[z1#18]] = t[d[z1#18]]#1 + t[d[z1#18]]#2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_d_z1_18_1[k];
            const sg_real a1 = t_t_d_z1_18_2[k];
        t_t_d_z1_18[k] = a0 + a1;
        }

        /* t[d[z1#19]]#1 = matmul(t[d[z1#21]], z1#18)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_d_z1_19_1[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_t_d_z1_21[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_t_d_z1_19_1[s*16 + mi*4 + mj] += av * t_z1_18[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[d[z1#19]]#2 = matmul(d[z1#21], t[z1#18])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_d_z1_19_2[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_21[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_t_d_z1_19_2[s*16 + mi*4 + mj] += av * t_t_z1_18[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[d[z1#19]] = t[d[z1#19]]#1 + t[d[z1#19]]#2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_d_z1_19_1[k];
            const sg_real a1 = t_t_d_z1_19_2[k];
        t_t_d_z1_19[k] = a0 + a1;
        }

        /* t[d[z1#9]#1] = gather_t(t[d[z1#20]]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_t_d_z1_9_1[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_d_z1_9_1[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_d_z1_20[s*16 + k];
          }
          if (cur >= 0) t_t_d_z1_9_1[s*32 + cur] += acc; }
        }
        }
        /* t[d[z1#6]#1] = gather_t(t[d[z1#19]]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_t_d_z1_6_1[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_d_z1_6_1[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_d_z1_19[s*16 + k];
          }
          if (cur >= 0) t_t_d_z1_6_1[s*32 + cur] += acc; }
        }
        }
        /* t[d[z1#3]#1] = gather_t(t[d[z1#18]]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_t_d_z1_3_1[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_d_z1_3_1[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_d_z1_18[s*16 + k];
          }
          if (cur >= 0) t_t_d_z1_3_1[s*32 + cur] += acc; }
        }
        }
        /* t[d[z1#16]] = gather(t[d[z1#26]]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_t_d_z1_16[s*16 + k] = m >= 0 ? t_t_d_z1_26[s*32 + m] : 0; }
        }
        }
        /* t[d[z1#15]]#1 = matmul(t[d[z1#16]], z1#12)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_t_d_z1_16[s*16 + mi*4 + mk] * t_z1_12[s*16 + mk + mj*4];
                t_t_d_z1_15_1[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* t[d[z1#15]]#2 = matmul(d[z1#16], t[z1#12])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_d_z1_16[s*16 + mi*4 + mk] * t_t_z1_12[s*16 + mk + mj*4];
                t_t_d_z1_15_2[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* t[d[z1#15]] = t[d[z1#15]]#1 + t[d[z1#15]]#2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_d_z1_15_1[k];
            const sg_real a1 = t_t_d_z1_15_2[k];
        t_t_d_z1_15[k] = a0 + a1;
        }

        /* t[d[z1#12]]#1 = matmul(t[z1#15], d[z1#16])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_d_z1_12_1[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_t_z1_15[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_t_d_z1_12_1[s*16 + mi*4 + mj] += av * t_d_z1_16[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[d[z1#12]]#2 = matmul(z1#15, t[d[z1#16]])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_d_z1_12_2[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_15[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_t_d_z1_12_2[s*16 + mi*4 + mj] += av * t_t_d_z1_16[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[d[z1#12]] = t[d[z1#12]]#1 + t[d[z1#12]]#2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_d_z1_12_1[k];
            const sg_real a1 = t_t_d_z1_12_2[k];
        t_t_d_z1_12[k] = a0 + a1;
        }

        /* t[d[z1#14]#1] = d[z1#15]*t[z1#15] + t[d[z1#15]]*z1#15 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_15[k];
            const sg_real a1 = t_t_d_z1_15[k];
            const sg_real a2 = t_t_z1_15[k];
            const sg_real a3 = t_z1_15[k];
        t_t_d_z1_14_1[k] = a0*a2 + a1*a3;
        }

        /* t[d[z1#14]#2] = gather_t(t[d[z1#14]#1]) */
        { static const int map[16] = { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) t_t_d_z1_14_2[s*4 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_d_z1_14_2[s*4 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_d_z1_14_1[s*16 + k];
          }
          if (cur >= 0) t_t_d_z1_14_2[s*4 + cur] += acc; }
        }
        }
        /* t[d[z1#14]#3] = gather(t[d[z1#14]#2]) */
        { static const int map[16] = { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_t_d_z1_14_3[s*16 + k] = m >= 0 ? t_t_d_z1_14_2[s*4 + m] : 0; }
        }
        }
        /* t[d[z1#14]] = -t[d[z1#14]#3]*z1#15 + t[d[z1#15]]*z1#15 + t[z1#15]*(-d[z1#14]#3 + d[z1#15]) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_14_3[k];
            const sg_real a1 = t_d_z1_15[k];
            const sg_real a2 = t_t_d_z1_14_3[k];
            const sg_real a3 = t_t_d_z1_15[k];
            const sg_real a4 = t_t_z1_15[k];
            const sg_real a5 = t_z1_15[k];
        t_t_d_z1_14[k] = -a2*a5 + a3*a5 + a4*(-a0 + a1);
        }

        /* t[d[z1#13]] = t[d[z1#14]]/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_d_z1_14[k];
        t_t_d_z1_13[k] = ((1.0/2.0))*a0;
        }

        /* t[d[z1#10]]#1 = matmul(t[d[z1#13]], z1#11)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_d_z1_10_1[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_t_d_z1_13[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_t_d_z1_10_1[s*16 + mi*4 + mj] += av * t_z1_11[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[d[z1#10]]#2 = matmul(d[z1#13], t[z1#11])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_d_z1_10_2[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_13[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_t_d_z1_10_2[s*16 + mi*4 + mj] += av * t_t_z1_11[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[d[z1#10]] = t[d[z1#10]]#1 + t[d[z1#10]]#2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_d_z1_10_1[k];
            const sg_real a1 = t_t_d_z1_10_2[k];
        t_t_d_z1_10[k] = a0 + a1;
        }

        /* t[d[z1#11]]#1 = matmul(t[d[z1#13]], z1#10)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_d_z1_11_1[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_t_d_z1_13[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_t_d_z1_11_1[s*16 + mi*4 + mj] += av * t_z1_10[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[d[z1#11]]#2 = matmul(d[z1#13], t[z1#10])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_d_z1_11_2[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_13[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_t_d_z1_11_2[s*16 + mi*4 + mj] += av * t_t_z1_10[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[d[z1#11]] = t[d[z1#11]]#1 + t[d[z1#11]]#2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_d_z1_11_1[k];
            const sg_real a1 = t_t_d_z1_11_2[k];
        t_t_d_z1_11[k] = a0 + a1;
        }

        /* t[d[z1#9]#2] = gather_t(t[d[z1#12]]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_t_d_z1_9_2[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_d_z1_9_2[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_d_z1_12[s*16 + k];
          }
          if (cur >= 0) t_t_d_z1_9_2[s*32 + cur] += acc; }
        }
        }
        /* t[d[z1#6]#2] = gather_t(t[d[z1#11]]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_t_d_z1_6_2[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_d_z1_6_2[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_d_z1_11[s*16 + k];
          }
          if (cur >= 0) t_t_d_z1_6_2[s*32 + cur] += acc; }
        }
        }
        /* t[d[z1#3]#2] = gather_t(t[d[z1#10]]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_t_d_z1_3_2[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_d_z1_3_2[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_d_z1_10[s*16 + k];
          }
          if (cur >= 0) t_t_d_z1_3_2[s*32 + cur] += acc; }
        }
        }
        /* t[d[z1#9]] = t[d[z1#9]#1] + t[d[z1#9]#2] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_d_z1_9_1[k];
            const sg_real a1 = t_t_d_z1_9_2[k];
        t_t_d_z1_9[k] = a0 + a1;
        }

        /* t[d[bv1]] = gather_t(t[d[z1#9]]) */
        { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 8; ++k) t_t_d_bv1[s*8 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_d_bv1[s*8 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_d_z1_9[s*32 + k];
          }
          if (cur >= 0) t_t_d_bv1[s*8 + cur] += acc; }
        }
        }
        /* t[d[Wv1]] = matmul(t[d[z1#9]], x)  [8x4]·[4x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 8; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_t_d_Wv1[s*64 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_t_d_z1_9[s*32 + mi + mk*8];
                for (int mj = 0; mj < 8; ++mj) t_t_d_Wv1[s*64 + mi*8 + mj] += av * d_x[s*35 + mk*8 + mj];
            }
        }
        }

        /* t[d[z1#6]] = t[d[z1#6]#1] + t[d[z1#6]#2] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_d_z1_6_1[k];
            const sg_real a1 = t_t_d_z1_6_2[k];
        t_t_d_z1_6[k] = a0 + a1;
        }

        /* t[d[bk1]] = gather_t(t[d[z1#6]]) */
        { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 8; ++k) t_t_d_bk1[s*8 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_d_bk1[s*8 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_d_z1_6[s*32 + k];
          }
          if (cur >= 0) t_t_d_bk1[s*8 + cur] += acc; }
        }
        }
        /* t[d[Wk1]] = matmul(t[d[z1#6]], x)  [8x4]·[4x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 8; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_t_d_Wk1[s*64 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_t_d_z1_6[s*32 + mi + mk*8];
                for (int mj = 0; mj < 8; ++mj) t_t_d_Wk1[s*64 + mi*8 + mj] += av * d_x[s*35 + mk*8 + mj];
            }
        }
        }

        /* t[d[z1#3]] = t[d[z1#3]#1] + t[d[z1#3]#2] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_d_z1_3_1[k];
            const sg_real a1 = t_t_d_z1_3_2[k];
        t_t_d_z1_3[k] = a0 + a1;
        }

        /* t[d[bq1]] = gather_t(t[d[z1#3]]) */
        { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 8; ++k) t_t_d_bq1[s*8 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_d_bq1[s*8 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_d_z1_3[s*32 + k];
          }
          if (cur >= 0) t_t_d_bq1[s*8 + cur] += acc; }
        }
        }
        /* t[d[Wq1]] = matmul(t[d[z1#3]], x)  [8x4]·[4x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 8; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_t_d_Wq1[s*64 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_t_d_z1_3[s*32 + mi + mk*8];
                for (int mj = 0; mj < 8; ++mj) t_t_d_Wq1[s*64 + mi*8 + mj] += av * d_x[s*35 + mk*8 + mj];
            }
        }
        }

        /* sum L#2 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 3; ++k) r_L_2[k] += t_L_2[s*3 + k];

        /* sum d[yhat] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 3; ++k) r_d_yhat[k] += t_d_yhat[s*3 + k];

        /* sum d[W5] = sum outer(d[yhat], h4)
           tile GEMM: acc (3x32) = [acc +] t_d_yhatᵀ·t_h4 (stored on the first tile) */
        {
            sg_gemm(3, 32, nt, t_d_yhat, 1, 3, t_h4, 32, r_d_W5, 32, 0, t0 > 0);
        }

        /* sum d[b3] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 8; ++k) r_d_b3[k] += t_d_b3[s*8 + k];

        /* sum d[W3] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_d_W3[k] += t_d_W3[s*64 + k];

        /* sum d[beta2] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 8; ++k) r_d_beta2[k] += t_d_beta2[s*8 + k];

        /* sum d[gamma2] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 8; ++k) r_d_gamma2[k] += t_d_gamma2[s*8 + k];

        /* sum d[bo1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 8; ++k) r_d_bo1[k] += t_d_bo1[s*8 + k];

        /* sum d[Wo1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_d_Wo1[k] += t_d_Wo1[s*64 + k];

        /* sum d[bv1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 8; ++k) r_d_bv1[k] += t_d_bv1[s*8 + k];

        /* sum d[Wv1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_d_Wv1[k] += t_d_Wv1[s*64 + k];

        /* sum d[bk1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 8; ++k) r_d_bk1[k] += t_d_bk1[s*8 + k];

        /* sum d[Wk1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_d_Wk1[k] += t_d_Wk1[s*64 + k];

        /* sum d[bq1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 8; ++k) r_d_bq1[k] += t_d_bq1[s*8 + k];

        /* sum d[Wq1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_d_Wq1[k] += t_d_Wq1[s*64 + k];

        /* sum t[d[yhat]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 3; ++k) r_t_d_yhat[k] += t_t_d_yhat[s*3 + k];

        /* sum t[d[W5]] = sum outer(t[d[yhat]], h4) + outer(d[yhat], t[h4])
           tile GEMM: acc (3x32) = [acc +] t_t_d_yhatᵀ·t_h4 + t_d_yhatᵀ·t_t_h4 (stored on the first tile) */
        {
            sg_gemm2(3, 32, nt, t_t_d_yhat, 1, 3, t_h4, 32, nt, t_d_yhat, 1, 3, t_t_h4, 32, r_t_d_W5, 32, 0, t0 > 0);
        }

        /* sum t[d[b3]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 8; ++k) r_t_d_b3[k] += t_t_d_b3[s*8 + k];

        /* sum t[d[W3]]#1 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_t_d_W3_1[k] += t_t_d_W3_1[s*64 + k];

        /* sum t[d[W3]]#2 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_t_d_W3_2[k] += t_t_d_W3_2[s*64 + k];

        /* sum t[d[beta2]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 8; ++k) r_t_d_beta2[k] += t_t_d_beta2[s*8 + k];

        /* sum t[d[gamma2]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 8; ++k) r_t_d_gamma2[k] += t_t_d_gamma2[s*8 + k];

        /* sum t[d[bo1]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 8; ++k) r_t_d_bo1[k] += t_t_d_bo1[s*8 + k];

        /* sum t[d[Wo1]]#1 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_t_d_Wo1_1[k] += t_t_d_Wo1_1[s*64 + k];

        /* sum t[d[Wo1]]#2 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_t_d_Wo1_2[k] += t_t_d_Wo1_2[s*64 + k];

        /* sum t[d[bv1]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 8; ++k) r_t_d_bv1[k] += t_t_d_bv1[s*8 + k];

        /* sum t[d[Wv1]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_t_d_Wv1[k] += t_t_d_Wv1[s*64 + k];

        /* sum t[d[bk1]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 8; ++k) r_t_d_bk1[k] += t_t_d_bk1[s*8 + k];

        /* sum t[d[Wk1]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_t_d_Wk1[k] += t_t_d_Wk1[s*64 + k];

        /* sum t[d[bq1]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 8; ++k) r_t_d_bq1[k] += t_t_d_bq1[s*8 + k];

        /* sum t[d[Wq1]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_t_d_Wq1[k] += t_t_d_Wq1[s*64 + k];

    }
    /* ---- after the tiles ---- */
    /* L#3 = sum(L#2) */
    { sg_real acc = 0;
      for (int k = 0; k < 3; ++k) acc += r_L_2[k];
      r_L_3[0] = acc; }

    /* L = -L#3 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = r_L_3[k];
    r_L[k] = -a0;
    }

    /* t[d[W3]] = t[d[W3]]#1 + t[d[W3]]#2 */
    for (int k = 0; k < 64; ++k) {
        const sg_real a0 = r_t_d_W3_1[k];
        const sg_real a1 = r_t_d_W3_2[k];
    r_t_d_W3[k] = a0 + a1;
    }

    /* t[d[Wo1]] = t[d[Wo1]]#1 + t[d[Wo1]]#2 */
    for (int k = 0; k < 64; ++k) {
        const sg_real a0 = r_t_d_Wo1_1[k];
        const sg_real a1 = r_t_d_Wo1_2[k];
    r_t_d_Wo1[k] = a0 + a1;
    }

    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (r_L[0]);
    if (scale != 1) {
        for (int k = 0; k < 64; ++k) r_d_Wq1[k] *= scale;  /* grad: Wq1 */
        for (int k = 0; k < 64; ++k) r_d_Wk1[k] *= scale;  /* grad: Wk1 */
        for (int k = 0; k < 64; ++k) r_d_Wv1[k] *= scale;  /* grad: Wv1 */
        for (int k = 0; k < 64; ++k) r_d_Wo1[k] *= scale;  /* grad: Wo1 */
        for (int k = 0; k < 8; ++k) r_d_bq1[k] *= scale;  /* grad: bq1 */
        for (int k = 0; k < 8; ++k) r_d_bk1[k] *= scale;  /* grad: bk1 */
        for (int k = 0; k < 8; ++k) r_d_bv1[k] *= scale;  /* grad: bv1 */
        for (int k = 0; k < 8; ++k) r_d_bo1[k] *= scale;  /* grad: bo1 */
        for (int k = 0; k < 8; ++k) r_d_gamma2[k] *= scale;  /* grad: gamma2 */
        for (int k = 0; k < 8; ++k) r_d_beta2[k] *= scale;  /* grad: beta2 */
        for (int k = 0; k < 64; ++k) r_d_W3[k] *= scale;  /* grad: W3 */
        for (int k = 0; k < 8; ++k) r_d_b3[k] *= scale;  /* grad: b3 */
        for (int k = 0; k < 96; ++k) r_d_W5[k] *= scale;  /* grad: W5 */
        for (int k = 0; k < 3; ++k) r_d_yhat[k] *= scale;  /* grad: b5 */
        for (int k = 0; k < 64; ++k) r_t_d_Wq1[k] *= scale;  /* hv: Wq1 */
        for (int k = 0; k < 64; ++k) r_t_d_Wk1[k] *= scale;  /* hv: Wk1 */
        for (int k = 0; k < 64; ++k) r_t_d_Wv1[k] *= scale;  /* hv: Wv1 */
        for (int k = 0; k < 64; ++k) r_t_d_Wo1[k] *= scale;  /* hv: Wo1 */
        for (int k = 0; k < 8; ++k) r_t_d_bq1[k] *= scale;  /* hv: bq1 */
        for (int k = 0; k < 8; ++k) r_t_d_bk1[k] *= scale;  /* hv: bk1 */
        for (int k = 0; k < 8; ++k) r_t_d_bv1[k] *= scale;  /* hv: bv1 */
        for (int k = 0; k < 8; ++k) r_t_d_bo1[k] *= scale;  /* hv: bo1 */
        for (int k = 0; k < 8; ++k) r_t_d_gamma2[k] *= scale;  /* hv: gamma2 */
        for (int k = 0; k < 8; ++k) r_t_d_beta2[k] *= scale;  /* hv: beta2 */
        for (int k = 0; k < 64; ++k) r_t_d_W3[k] *= scale;  /* hv: W3 */
        for (int k = 0; k < 8; ++k) r_t_d_b3[k] *= scale;  /* hv: b3 */
        for (int k = 0; k < 96; ++k) r_t_d_W5[k] *= scale;  /* hv: W5 */
        for (int k = 0; k < 3; ++k) r_t_d_yhat[k] *= scale;  /* hv: b5 */
    }
    return SG_OK;
}

/* ==== jacobian: tile of 32 samples, workspace 85312 reals ==== */
int tiny_transformer_jacobian(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 475)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 35)) return SG_EDATA;
    const sg_real *restrict p_Wq1 = theta + 0;  /* [8, 8] */
    const sg_real *restrict p_Wk1 = theta + 64;  /* [8, 8] */
    const sg_real *restrict p_Wv1 = theta + 128;  /* [8, 8] */
    const sg_real *restrict p_Wo1 = theta + 192;  /* [8, 8] */
    const sg_real *restrict p_bq1 = theta + 256;  /* [8] */
    const sg_real *restrict p_bk1 = theta + 264;  /* [8] */
    const sg_real *restrict p_bv1 = theta + 272;  /* [8] */
    const sg_real *restrict p_bo1 = theta + 280;  /* [8] */
    const sg_real *restrict p_gamma2 = theta + 288;  /* [8] */
    const sg_real *restrict p_beta2 = theta + 296;  /* [8] */
    const sg_real *restrict p_W3 = theta + 304;  /* [8, 8] */
    const sg_real *restrict p_b3 = theta + 368;  /* [8] */
    const sg_real *restrict p_W5 = theta + 376;  /* [3, 32] */
    const sg_real *restrict p_b5 = theta + 472;  /* [3] */
    sg_real *restrict v_yhat = work + 0;  /* tile [3] */
    sg_real *restrict c_z1_2 = work + 96;  /* work [4, 8] */
    sg_real *restrict c_z1_5 = work + 128;  /* work [4, 8] */
    sg_real *restrict c_z1_8 = work + 160;  /* work [4, 8] */
    sg_real *restrict c_z1_28 = work + 192;  /* work [4, 8] */
    sg_real *restrict c_z2_9 = work + 224;  /* work [4, 8] */
    sg_real *restrict c_z2_10 = work + 256;  /* work [4, 8] */
    sg_real *restrict c_z3_2 = work + 288;  /* work [4, 8] */
    sg_real *restrict t_z1_1 = work + 320;  /* tile [4, 8] */
    sg_real *restrict t_z1_3 = work + 1344;  /* tile [4, 8] */
    sg_real *restrict t_z1_4 = work + 2368;  /* tile [4, 8] */
    sg_real *restrict t_z1_6 = work + 3392;  /* tile [4, 8] */
    sg_real *restrict t_z1_7 = work + 4416;  /* tile [4, 8] */
    sg_real *restrict t_z1_9 = work + 5440;  /* tile [4, 8] */
    sg_real *restrict t_z1_10 = work + 6464;  /* tile [4, 4] */
    sg_real *restrict t_z1_11 = work + 6976;  /* tile [4, 4] */
    sg_real *restrict t_z1_12 = work + 7488;  /* tile [4, 4] */
    sg_real *restrict t_z1_13 = work + 8000;  /* tile [4, 4] */
    sg_real *restrict t_z1_14 = work + 8512;  /* tile [4, 4] */
    sg_real *restrict t_z1_15 = work + 9024;  /* tile [4, 4] */
    sg_real *restrict t_z1_16 = work + 9536;  /* tile [4, 4] */
    sg_real *restrict t_z1_17 = work + 10048;  /* tile [4, 8] */
    sg_real *restrict t_z1_18 = work + 11072;  /* tile [4, 4] */
    sg_real *restrict t_z1_19 = work + 11584;  /* tile [4, 4] */
    sg_real *restrict t_z1_20 = work + 12096;  /* tile [4, 4] */
    sg_real *restrict t_z1_21 = work + 12608;  /* tile [4, 4] */
    sg_real *restrict t_z1_22 = work + 13120;  /* tile [4, 4] */
    sg_real *restrict t_z1_23 = work + 13632;  /* tile [4, 4] */
    sg_real *restrict t_z1_24 = work + 14144;  /* tile [4, 4] */
    sg_real *restrict t_z1_25 = work + 14656;  /* tile [4, 8] */
    sg_real *restrict t_z1_26 = work + 15680;  /* tile [4, 8] */
    sg_real *restrict t_z1_27 = work + 16704;  /* tile [4, 8] */
    sg_real *restrict t_z1 = work + 17728;  /* tile [4, 8] */
    sg_real *restrict t_h1 = work + 18752;  /* tile [4, 8] */
    sg_real *restrict t_z2_1 = work + 19776;  /* tile [4] */
    sg_real *restrict t_z2_2 = work + 19904;  /* tile [4] */
    sg_real *restrict t_z2_3 = work + 20032;  /* tile [4, 8] */
    sg_real *restrict t_z2_4 = work + 21056;  /* tile [4, 8] */
    sg_real *restrict t_z2_5 = work + 22080;  /* tile [4, 8] */
    sg_real *restrict t_z2_6 = work + 23104;  /* tile [4] */
    sg_real *restrict t_z2_7 = work + 23232;  /* tile [4] */
    sg_real *restrict t_z2_8 = work + 23360;  /* tile [4, 8] */
    sg_real *restrict t_z2 = work + 24384;  /* tile [4, 8] */
    sg_real *restrict t_h2 = work + 25408;  /* tile [4, 8] */
    sg_real *restrict t_z3_1 = work + 26432;  /* tile [4, 8] */
    sg_real *restrict t_z3 = work + 27456;  /* tile [4, 8] */
    sg_real *restrict t_h3 = work + 28480;  /* tile [4, 8] */
    sg_real *restrict t_z4 = work + 29504;  /* tile [32] */
    sg_real *restrict t_h4 = work + 30528;  /* tile [32] */
    sg_real *restrict t_J0_d_W5 = work + 31552;  /* tile [3, 32] */
    sg_real *restrict t_J0_d_h4 = work + 34624;  /* tile [32] */
    sg_real *restrict t_J0_d_h3 = work + 35648;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_z3 = work + 36672;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_b3 = work + 37696;  /* tile [8] */
    sg_real *restrict t_J0_d_h2_1 = work + 37952;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_W3 = work + 38976;  /* tile [8, 8] */
    sg_real *restrict t_J0_d_h2 = work + 41024;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_z2_4_1 = work + 42048;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_z2_8 = work + 43072;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_z2_9 = work + 44096;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_beta2 = work + 45120;  /* tile [8] */
    sg_real *restrict t_J0_d_gamma2 = work + 45376;  /* tile [8] */
    sg_real *restrict t_J0_d_z2_7 = work + 45632;  /* tile [4] */
    sg_real *restrict t_J0_d_z2_6 = work + 45760;  /* tile [4] */
    sg_real *restrict t_J0_d_z2_5 = work + 45888;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_z2_4_2 = work + 46912;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_z2_4 = work + 47936;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_z2_3 = work + 48960;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_z2_2 = work + 49984;  /* tile [4] */
    sg_real *restrict t_J0_d_z2_1 = work + 50112;  /* tile [4] */
    sg_real *restrict t_J0_d_h1_1 = work + 50240;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_h1 = work + 51264;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_bo1 = work + 52288;  /* tile [8] */
    sg_real *restrict t_J0_d_z1_26 = work + 52544;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_Wo1 = work + 53568;  /* tile [8, 8] */
    sg_real *restrict t_J0_d_z1_24 = work + 55616;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_23 = work + 56128;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_20 = work + 56640;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_22_1 = work + 57152;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_22_2 = work + 57664;  /* tile [4] */
    sg_real *restrict t_J0_d_z1_22_3 = work + 57792;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_22 = work + 58304;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_21 = work + 58816;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_18 = work + 59328;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_19 = work + 59840;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_9_1 = work + 60352;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_z1_6_1 = work + 61376;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_z1_3_1 = work + 62400;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_z1_16 = work + 63424;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_15 = work + 63936;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_12 = work + 64448;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_14_1 = work + 64960;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_14_2 = work + 65472;  /* tile [4] */
    sg_real *restrict t_J0_d_z1_14_3 = work + 65600;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_14 = work + 66112;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_13 = work + 66624;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_10 = work + 67136;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_11 = work + 67648;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_9_2 = work + 68160;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_z1_6_2 = work + 69184;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_z1_3_2 = work + 70208;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_z1_9 = work + 71232;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_bv1 = work + 72256;  /* tile [8] */
    sg_real *restrict t_J0_d_x_1 = work + 72512;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_Wv1 = work + 73536;  /* tile [8, 8] */
    sg_real *restrict t_J0_d_z1_6 = work + 75584;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_bk1 = work + 76608;  /* tile [8] */
    sg_real *restrict t_J0_d_x_2 = work + 76864;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_Wk1 = work + 77888;  /* tile [8, 8] */
    sg_real *restrict t_J0_d_z1_3 = work + 79936;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_bq1 = work + 80960;  /* tile [8] */
    sg_real *restrict t_J0_d_x_3 = work + 81216;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_Wq1 = work + 82240;  /* tile [8, 8] */
    sg_real *restrict t_J0_d_x = work + 84288;  /* tile [4, 8] */
    (void)p_Wq1;
    (void)p_Wk1;
    (void)p_Wv1;
    (void)p_Wo1;
    (void)p_bq1;
    (void)p_bk1;
    (void)p_bv1;
    (void)p_bo1;
    (void)p_gamma2;
    (void)p_beta2;
    (void)p_W3;
    (void)p_b3;
    (void)p_W5;
    (void)p_b5;
    memset(jac, 0, sizeof(sg_real) * (size_t)n * 1530);
    /* ---- sample-invariant part (once per call) ---- */
    /* z1#2 = gather(bq1) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_z1_2[k] = m >= 0 ? p_bq1[m] : 0; }
    }
    /* z1#5 = gather(bk1) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_z1_5[k] = m >= 0 ? p_bk1[m] : 0; }
    }
    /* z1#8 = gather(bv1) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_z1_8[k] = m >= 0 ? p_bv1[m] : 0; }
    }
    /* z1#28 = gather(bo1) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_z1_28[k] = m >= 0 ? p_bo1[m] : 0; }
    }
    /* z2#9 = gather(gamma2) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_z2_9[k] = m >= 0 ? p_gamma2[m] : 0; }
    }
    /* z2#10 = gather(beta2) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_z2_10[k] = m >= 0 ? p_beta2[m] : 0; }
    }
    /* z3#2 = gather(b3) */
    { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
    for (int k = 0; k < 32; ++k) { const int m = map[k]; c_z3_2[k] = m >= 0 ? p_b3[m] : 0; }
    }
    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 35 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 35 + 32;
        (void)d_y;
        /* z1#1 = matmul(x, Wq1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += d_x[s*35 + mi*8 + mk] * p_Wq1[mk + mj*8];
                t_z1_1[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z1#3 = z1#1 + z1#2 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z1_1[s*32 + k];
            const sg_real a1 = c_z1_2[k];
        t_z1_3[s*32 + k] = a0 + a1;
        }
        }

        /* z1#4 = matmul(x, Wk1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += d_x[s*35 + mi*8 + mk] * p_Wk1[mk + mj*8];
                t_z1_4[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z1#6 = z1#4 + z1#5 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z1_4[s*32 + k];
            const sg_real a1 = c_z1_5[k];
        t_z1_6[s*32 + k] = a0 + a1;
        }
        }

        /* z1#7 = matmul(x, Wv1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += d_x[s*35 + mi*8 + mk] * p_Wv1[mk + mj*8];
                t_z1_7[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z1#9 = z1#7 + z1#8 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z1_7[s*32 + k];
            const sg_real a1 = c_z1_8[k];
        t_z1_9[s*32 + k] = a0 + a1;
        }
        }

        /* z1#10 = gather(z1#3) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_10[s*16 + k] = m >= 0 ? t_z1_3[s*32 + m] : 0; }
        }
        }
        /* z1#11 = gather(z1#6) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_11[s*16 + k] = m >= 0 ? t_z1_6[s*32 + m] : 0; }
        }
        }
        /* z1#12 = gather(z1#9) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_12[s*16 + k] = m >= 0 ? t_z1_9[s*32 + m] : 0; }
        }
        }
        /* z1#13 = matmul(z1#10, z1#11)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_z1_10[s*16 + mi*4 + mk] * t_z1_11[s*16 + mk + mj*4];
                t_z1_13[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* z1#14 = z1#13/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z1_13[k];
        t_z1_14[k] = ((1.0/2.0))*a0;
        }

        /* z1#15 = softmax_rows(z1#14) (each row max subtracted) */
        for (s = 0; s < nt; ++s) {
        for (int r = 0; r < 4; ++r) {
            const int o = r * 4;
            sg_real mx = t_z1_14[s*16 + o], se = 0;
            for (int k = 1; k < 4; ++k) mx = t_z1_14[s*16 + o + k] > mx ? t_z1_14[s*16 + o + k] : mx;
            for (int k = 0; k < 4; ++k) se += exp(t_z1_14[s*16 + o + k] - mx);
            const sg_real inv = 1 / se;
            for (int k = 0; k < 4; ++k) t_z1_15[s*16 + o + k] = exp(t_z1_14[s*16 + o + k] - mx) * inv;
        }
        }

        /* z1#16 = matmul(z1#15, z1#12)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_z1_16[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_15[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_z1_16[s*16 + mi*4 + mj] += av * t_z1_12[s*16 + mk*4 + mj];
            }
        }
        }

        /* z1#17 = gather_t(z1#16) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_z1_17[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_z1_17[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_z1_16[s*16 + k];
          }
          if (cur >= 0) t_z1_17[s*32 + cur] += acc; }
        }
        }
        /* z1#18 = gather(z1#3) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_18[s*16 + k] = m >= 0 ? t_z1_3[s*32 + m] : 0; }
        }
        }
        /* z1#19 = gather(z1#6) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_19[s*16 + k] = m >= 0 ? t_z1_6[s*32 + m] : 0; }
        }
        }
        /* z1#20 = gather(z1#9) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_20[s*16 + k] = m >= 0 ? t_z1_9[s*32 + m] : 0; }
        }
        }
        /* z1#21 = matmul(z1#18, z1#19)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_z1_18[s*16 + mi*4 + mk] * t_z1_19[s*16 + mk + mj*4];
                t_z1_21[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* z1#22 = z1#21/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z1_21[k];
        t_z1_22[k] = ((1.0/2.0))*a0;
        }

        /* z1#23 = softmax_rows(z1#22) (each row max subtracted) */
        for (s = 0; s < nt; ++s) {
        for (int r = 0; r < 4; ++r) {
            const int o = r * 4;
            sg_real mx = t_z1_22[s*16 + o], se = 0;
            for (int k = 1; k < 4; ++k) mx = t_z1_22[s*16 + o + k] > mx ? t_z1_22[s*16 + o + k] : mx;
            for (int k = 0; k < 4; ++k) se += exp(t_z1_22[s*16 + o + k] - mx);
            const sg_real inv = 1 / se;
            for (int k = 0; k < 4; ++k) t_z1_23[s*16 + o + k] = exp(t_z1_22[s*16 + o + k] - mx) * inv;
        }
        }

        /* z1#24 = matmul(z1#23, z1#20)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_z1_24[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_23[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_z1_24[s*16 + mi*4 + mj] += av * t_z1_20[s*16 + mk*4 + mj];
            }
        }
        }

        /* z1#25 = gather_t(z1#24) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_z1_25[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_z1_25[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_z1_24[s*16 + k];
          }
          if (cur >= 0) t_z1_25[s*32 + cur] += acc; }
        }
        }
        /* z1#26 = z1#17 + z1#25 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z1_17[k];
            const sg_real a1 = t_z1_25[k];
        t_z1_26[k] = a0 + a1;
        }

        /* z1#27 = matmul(z1#26, Wo1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_z1_26[s*32 + mi*8 + mk] * p_Wo1[mk + mj*8];
                t_z1_27[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z1 = z1#27 + z1#28 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z1_27[s*32 + k];
            const sg_real a1 = c_z1_28[k];
        t_z1[s*32 + k] = a0 + a1;
        }
        }

        /* h1 = x + z1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = d_x[s*35 + k];
            const sg_real a1 = t_z1[s*32 + k];
        t_h1[s*32 + k] = a0 + a1;
        }
        }

        /* z2#1 = gather_t(h1) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) t_z2_1[s*4 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_z2_1[s*4 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_h1[s*32 + k];
          }
          if (cur >= 0) t_z2_1[s*4 + cur] += acc; }
        }
        }
        /* z2#2 = z2#1/8 */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_z2_1[k];
        t_z2_2[k] = ((1.0/8.0))*a0;
        }

        /* z2#3 = gather(z2#2) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) { const int m = map[k]; t_z2_3[s*32 + k] = m >= 0 ? t_z2_2[s*4 + m] : 0; }
        }
        }
        /* z2#4 = h1 - z2#3 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_h1[k];
            const sg_real a1 = t_z2_3[k];
        t_z2_4[k] = a0 - a1;
        }

        /* z2#5 = z2#4**2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z2_4[k];
        t_z2_5[k] = (a0*a0);
        }

        /* z2#6 = gather_t(z2#5) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 4; ++k) t_z2_6[s*4 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 32; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_z2_6[s*4 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_z2_5[s*32 + k];
          }
          if (cur >= 0) t_z2_6[s*4 + cur] += acc; }
        }
        }
        /* z2#7 = 1/sqrt(z2#6/8 + 1/100000) */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_z2_6[k];
        t_z2_7[k] = (1.0/sqrt(((1.0/8.0))*a0 + (1.0/100000.0)));
        }

        /* z2#8 = gather(z2#7) */
        { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) { const int m = map[k]; t_z2_8[s*32 + k] = m >= 0 ? t_z2_7[s*4 + m] : 0; }
        }
        }
        /* z2 = z2#10 + z2#4*z2#8*z2#9 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = c_z2_10[k];
            const sg_real a1 = t_z2_4[s*32 + k];
            const sg_real a2 = t_z2_8[s*32 + k];
            const sg_real a3 = c_z2_9[k];
        t_z2[s*32 + k] = a0 + a1*a2*a3;
        }
        }

        /* h2 = z2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z2[k];
        t_h2[k] = a0;
        }

        /* z3#1 = matmul(h2, W3)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_h2[s*32 + mi*8 + mk] * p_W3[mk + mj*8];
                t_z3_1[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z3 = z3#1 + z3#2 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z3_1[s*32 + k];
            const sg_real a1 = c_z3_2[k];
        t_z3[s*32 + k] = a0 + a1;
        }
        }

        /* h3 = h2 + ReLU(z3) */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_h2[k];
            const sg_real a1 = t_z3[k];
        t_h3[k] = a0 + sg_relu(a1);
        }

        /* z4 = gather(h3) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_z4[s*32 + k] = t_h3[s*32 + k + 0];
        }

        /* h4 = z4 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z4[k];
        t_h4[k] = a0;
        }

        /* Jacobian rows of yhat: one reverse sweep per output element */
        for (int kk = 0; kk < 3; ++kk) {
            for (s = 0; s < nt; ++s)
                for (int k = 0; k < 3; ++k) v_yhat[s*3 + k] = (k == kk);
            /* J0:d[W5] = outer(v[yhat], h4) */
            for (s = 0; s < nt; ++s) {
            for (int mi = 0; mi < 3; ++mi) {
                const sg_real av = v_yhat[s*3 + mi];
                for (int mj = 0; mj < 32; ++mj) t_J0_d_W5[s*96 + mi*32 + mj] = av * t_h4[s*32 + mj];
            }
            }

            /* J0:d[h4] = matmul(W5, v[yhat])
               tile GEMM: Z[s, 0:32] = v_yhat[s,:]·p_W5 */
            {
                sg_gemm(nt, 32, 3, v_yhat, 3, 1, p_W5, 32, t_J0_d_h4, 32, 0, 0);
            }

            /* J0:d[h3] = gather_t(J0:d[h4]) */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 32; ++k) t_J0_d_h3[s*32 + k] = t_J0_d_h4[s*32 + k + 0];
            }

            /* J0:d[z3] = J0:d[h3]*1[z3 > 0] */
            for (int k = 0; k < nt*32; ++k) {
                const sg_real a0 = t_J0_d_h3[k];
                const sg_real a1 = t_z3[k];
            t_J0_d_z3[k] = a0*((a1) > 0 ? (1.0) : (0.0));
            }

            /* J0:d[b3] = gather_t(J0:d[z3]) */
            { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 8; ++k) t_J0_d_b3[s*8 + k] = 0;
            { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
              for (int k = 0; k < 32; ++k) {
                  const int m = map[k];
                  if (m != cur) { if (cur >= 0) t_J0_d_b3[s*8 + cur] += acc; cur = m; acc = 0; }
                  if (m >= 0) acc += t_J0_d_z3[s*32 + k];
              }
              if (cur >= 0) t_J0_d_b3[s*8 + cur] += acc; }
            }
            }
            /* J0:d[h2]#1 = matmul(J0:d[z3], W3)  [4x8]·[8x8] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 4; ++mi) {
                for (int mj = 0; mj < 8; ++mj) t_J0_d_h2_1[s*32 + mi*8 + mj] = 0;
                for (int mk = 0; mk < 8; ++mk) {
                    const sg_real av = t_J0_d_z3[s*32 + mi*8 + mk];
                    for (int mj = 0; mj < 8; ++mj) t_J0_d_h2_1[s*32 + mi*8 + mj] += av * p_W3[mk*8 + mj];
                }
            }
            }

            /* J0:d[W3] = matmul(J0:d[z3], h2)  [8x4]·[4x8] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 8; ++mi) {
                for (int mj = 0; mj < 8; ++mj) t_J0_d_W3[s*64 + mi*8 + mj] = 0;
                for (int mk = 0; mk < 4; ++mk) {
                    const sg_real av = t_J0_d_z3[s*32 + mi + mk*8];
                    for (int mj = 0; mj < 8; ++mj) t_J0_d_W3[s*64 + mi*8 + mj] += av * t_h2[s*32 + mk*8 + mj];
                }
            }
            }

            /* J0:d[h2] = J0:d[h2]#1 + J0:d[h3] */
            for (int k = 0; k < nt*32; ++k) {
                const sg_real a0 = t_J0_d_h2_1[k];
                const sg_real a1 = t_J0_d_h3[k];
            t_J0_d_h2[k] = a0 + a1;
            }

            /* J0:d[z2#4]#1 = J0:d[h2]*z2#8*z2#9 */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 32; ++k) {
                const sg_real a0 = t_J0_d_h2[s*32 + k];
                const sg_real a1 = t_z2_8[s*32 + k];
                const sg_real a2 = c_z2_9[k];
            t_J0_d_z2_4_1[s*32 + k] = a0*a1*a2;
            }
            }

            /* J0:d[z2#8] = J0:d[h2]*z2#4*z2#9 */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 32; ++k) {
                const sg_real a0 = t_J0_d_h2[s*32 + k];
                const sg_real a1 = t_z2_4[s*32 + k];
                const sg_real a2 = c_z2_9[k];
            t_J0_d_z2_8[s*32 + k] = a0*a1*a2;
            }
            }

            /* J0:d[z2#9] = J0:d[h2]*z2#4*z2#8 */
            for (int k = 0; k < nt*32; ++k) {
                const sg_real a0 = t_J0_d_h2[k];
                const sg_real a1 = t_z2_4[k];
                const sg_real a2 = t_z2_8[k];
            t_J0_d_z2_9[k] = a0*a1*a2;
            }

            /* J0:d[beta2] = gather_t(J0:d[h2]) */
            { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 8; ++k) t_J0_d_beta2[s*8 + k] = 0;
            { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
              for (int k = 0; k < 32; ++k) {
                  const int m = map[k];
                  if (m != cur) { if (cur >= 0) t_J0_d_beta2[s*8 + cur] += acc; cur = m; acc = 0; }
                  if (m >= 0) acc += t_J0_d_h2[s*32 + k];
              }
              if (cur >= 0) t_J0_d_beta2[s*8 + cur] += acc; }
            }
            }
            /* J0:d[gamma2] = gather_t(J0:d[z2#9]) */
            { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 8; ++k) t_J0_d_gamma2[s*8 + k] = 0;
            { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
              for (int k = 0; k < 32; ++k) {
                  const int m = map[k];
                  if (m != cur) { if (cur >= 0) t_J0_d_gamma2[s*8 + cur] += acc; cur = m; acc = 0; }
                  if (m >= 0) acc += t_J0_d_z2_9[s*32 + k];
              }
              if (cur >= 0) t_J0_d_gamma2[s*8 + cur] += acc; }
            }
            }
            /* J0:d[z2#7] = gather_t(J0:d[z2#8]) */
            { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 4; ++k) t_J0_d_z2_7[s*4 + k] = 0;
            { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
              for (int k = 0; k < 32; ++k) {
                  const int m = map[k];
                  if (m != cur) { if (cur >= 0) t_J0_d_z2_7[s*4 + cur] += acc; cur = m; acc = 0; }
                  if (m >= 0) acc += t_J0_d_z2_8[s*32 + k];
              }
              if (cur >= 0) t_J0_d_z2_7[s*4 + cur] += acc; }
            }
            }
            /* J0:d[z2#6] = -J0:d[z2#7]/(16*(z2#6/8 + 1/100000)**(3/2)) */
            for (int k = 0; k < nt*4; ++k) {
                const sg_real a0 = t_J0_d_z2_7[k];
                const sg_real a1 = t_z2_6[k];
            t_J0_d_z2_6[k] = -(1.0/16.0)*a0/pow(((1.0/8.0))*a1 + (1.0/100000.0), (3.0/2.0));
            }

            /* J0:d[z2#5] = gather(J0:d[z2#6]) */
            { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 32; ++k) { const int m = map[k]; t_J0_d_z2_5[s*32 + k] = m >= 0 ? t_J0_d_z2_6[s*4 + m] : 0; }
            }
            }
            /* J0:d[z2#4]#2 = 2*J0:d[z2#5]*z2#4 */
            for (int k = 0; k < nt*32; ++k) {
                const sg_real a0 = t_J0_d_z2_5[k];
                const sg_real a1 = t_z2_4[k];
            t_J0_d_z2_4_2[k] = 2.0*a0*a1;
            }

            /* J0:d[z2#4] = J0:d[z2#4]#1 + J0:d[z2#4]#2 */
            for (int k = 0; k < nt*32; ++k) {
                const sg_real a0 = t_J0_d_z2_4_1[k];
                const sg_real a1 = t_J0_d_z2_4_2[k];
            t_J0_d_z2_4[k] = a0 + a1;
            }

            /* J0:d[z2#3] = -J0:d[z2#4] */
            for (int k = 0; k < nt*32; ++k) {
                const sg_real a0 = t_J0_d_z2_4[k];
            t_J0_d_z2_3[k] = -a0;
            }

            /* J0:d[z2#2] = gather_t(J0:d[z2#3]) */
            { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 4; ++k) t_J0_d_z2_2[s*4 + k] = 0;
            { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
              for (int k = 0; k < 32; ++k) {
                  const int m = map[k];
                  if (m != cur) { if (cur >= 0) t_J0_d_z2_2[s*4 + cur] += acc; cur = m; acc = 0; }
                  if (m >= 0) acc += t_J0_d_z2_3[s*32 + k];
              }
              if (cur >= 0) t_J0_d_z2_2[s*4 + cur] += acc; }
            }
            }
            /* J0:d[z2#1] = J0:d[z2#2]/8 */
            for (int k = 0; k < nt*4; ++k) {
                const sg_real a0 = t_J0_d_z2_2[k];
            t_J0_d_z2_1[k] = ((1.0/8.0))*a0;
            }

            /* J0:d[h1]#1 = gather(J0:d[z2#1]) */
            { static const int map[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 32; ++k) { const int m = map[k]; t_J0_d_h1_1[s*32 + k] = m >= 0 ? t_J0_d_z2_1[s*4 + m] : 0; }
            }
            }
            /* J0:d[h1] = J0:d[h1]#1 + J0:d[z2#4] */
            for (int k = 0; k < nt*32; ++k) {
                const sg_real a0 = t_J0_d_h1_1[k];
                const sg_real a1 = t_J0_d_z2_4[k];
            t_J0_d_h1[k] = a0 + a1;
            }

            /* J0:d[bo1] = gather_t(J0:d[h1]) */
            { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 8; ++k) t_J0_d_bo1[s*8 + k] = 0;
            { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
              for (int k = 0; k < 32; ++k) {
                  const int m = map[k];
                  if (m != cur) { if (cur >= 0) t_J0_d_bo1[s*8 + cur] += acc; cur = m; acc = 0; }
                  if (m >= 0) acc += t_J0_d_h1[s*32 + k];
              }
              if (cur >= 0) t_J0_d_bo1[s*8 + cur] += acc; }
            }
            }
            /* J0:d[z1#26] = matmul(J0:d[h1], Wo1)  [4x8]·[8x8] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 4; ++mi) {
                for (int mj = 0; mj < 8; ++mj) t_J0_d_z1_26[s*32 + mi*8 + mj] = 0;
                for (int mk = 0; mk < 8; ++mk) {
                    const sg_real av = t_J0_d_h1[s*32 + mi*8 + mk];
                    for (int mj = 0; mj < 8; ++mj) t_J0_d_z1_26[s*32 + mi*8 + mj] += av * p_Wo1[mk*8 + mj];
                }
            }
            }

            /* J0:d[Wo1] = matmul(J0:d[h1], z1#26)  [8x4]·[4x8] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 8; ++mi) {
                for (int mj = 0; mj < 8; ++mj) t_J0_d_Wo1[s*64 + mi*8 + mj] = 0;
                for (int mk = 0; mk < 4; ++mk) {
                    const sg_real av = t_J0_d_h1[s*32 + mi + mk*8];
                    for (int mj = 0; mj < 8; ++mj) t_J0_d_Wo1[s*64 + mi*8 + mj] += av * t_z1_26[s*32 + mk*8 + mj];
                }
            }
            }

            /* J0:d[z1#24] = gather(J0:d[z1#26]) */
            { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 16; ++k) { const int m = map[k]; t_J0_d_z1_24[s*16 + k] = m >= 0 ? t_J0_d_z1_26[s*32 + m] : 0; }
            }
            }
            /* J0:d[z1#23] = matmul(J0:d[z1#24], z1#20)  [4x4]·[4x4] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 4; ++mi) {
                for (int mj = 0; mj < 4; ++mj) {
                    sg_real acc = 0;
                    SG_SIMD_REDUCE(acc)
                    for (int mk = 0; mk < 4; ++mk) acc += t_J0_d_z1_24[s*16 + mi*4 + mk] * t_z1_20[s*16 + mk + mj*4];
                    t_J0_d_z1_23[s*16 + mi*4 + mj] = acc;
                }
            }
            }

            /* J0:d[z1#20] = matmul(z1#23, J0:d[z1#24])  [4x4]·[4x4] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 4; ++mi) {
                for (int mj = 0; mj < 4; ++mj) t_J0_d_z1_20[s*16 + mi*4 + mj] = 0;
                for (int mk = 0; mk < 4; ++mk) {
                    const sg_real av = t_z1_23[s*16 + mi + mk*4];
                    for (int mj = 0; mj < 4; ++mj) t_J0_d_z1_20[s*16 + mi*4 + mj] += av * t_J0_d_z1_24[s*16 + mk*4 + mj];
                }
            }
            }

            /* J0:d[z1#22]#1 = J0:d[z1#23]*z1#23 */
            for (int k = 0; k < nt*16; ++k) {
                const sg_real a0 = t_J0_d_z1_23[k];
                const sg_real a1 = t_z1_23[k];
            t_J0_d_z1_22_1[k] = a0*a1;
            }

            /* J0:d[z1#22]#2 = gather_t(J0:d[z1#22]#1) */
            { static const int map[16] = { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 4; ++k) t_J0_d_z1_22_2[s*4 + k] = 0;
            { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
              for (int k = 0; k < 16; ++k) {
                  const int m = map[k];
                  if (m != cur) { if (cur >= 0) t_J0_d_z1_22_2[s*4 + cur] += acc; cur = m; acc = 0; }
                  if (m >= 0) acc += t_J0_d_z1_22_1[s*16 + k];
              }
              if (cur >= 0) t_J0_d_z1_22_2[s*4 + cur] += acc; }
            }
            }
            /* J0:d[z1#22]#3 = gather(J0:d[z1#22]#2) */
            { static const int map[16] = { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 16; ++k) { const int m = map[k]; t_J0_d_z1_22_3[s*16 + k] = m >= 0 ? t_J0_d_z1_22_2[s*4 + m] : 0; }
            }
            }
            /* J0:d[z1#22] = z1#23*(-J0:d[z1#22]#3 + J0:d[z1#23]) */
            for (int k = 0; k < nt*16; ++k) {
                const sg_real a0 = t_J0_d_z1_22_3[k];
                const sg_real a1 = t_J0_d_z1_23[k];
                const sg_real a2 = t_z1_23[k];
            t_J0_d_z1_22[k] = a2*(-a0 + a1);
            }

            /* J0:d[z1#21] = J0:d[z1#22]/2 */
            for (int k = 0; k < nt*16; ++k) {
                const sg_real a0 = t_J0_d_z1_22[k];
            t_J0_d_z1_21[k] = ((1.0/2.0))*a0;
            }

            /* J0:d[z1#18] = matmul(J0:d[z1#21], z1#19)  [4x4]·[4x4] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 4; ++mi) {
                for (int mj = 0; mj < 4; ++mj) t_J0_d_z1_18[s*16 + mi*4 + mj] = 0;
                for (int mk = 0; mk < 4; ++mk) {
                    const sg_real av = t_J0_d_z1_21[s*16 + mi*4 + mk];
                    for (int mj = 0; mj < 4; ++mj) t_J0_d_z1_18[s*16 + mi*4 + mj] += av * t_z1_19[s*16 + mk*4 + mj];
                }
            }
            }

            /* J0:d[z1#19] = matmul(J0:d[z1#21], z1#18)  [4x4]·[4x4] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 4; ++mi) {
                for (int mj = 0; mj < 4; ++mj) t_J0_d_z1_19[s*16 + mi*4 + mj] = 0;
                for (int mk = 0; mk < 4; ++mk) {
                    const sg_real av = t_J0_d_z1_21[s*16 + mi + mk*4];
                    for (int mj = 0; mj < 4; ++mj) t_J0_d_z1_19[s*16 + mi*4 + mj] += av * t_z1_18[s*16 + mk*4 + mj];
                }
            }
            }

            /* J0:d[z1#9]#1 = gather_t(J0:d[z1#20]) */
            { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 32; ++k) t_J0_d_z1_9_1[s*32 + k] = 0;
            { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
              for (int k = 0; k < 16; ++k) {
                  const int m = map[k];
                  if (m != cur) { if (cur >= 0) t_J0_d_z1_9_1[s*32 + cur] += acc; cur = m; acc = 0; }
                  if (m >= 0) acc += t_J0_d_z1_20[s*16 + k];
              }
              if (cur >= 0) t_J0_d_z1_9_1[s*32 + cur] += acc; }
            }
            }
            /* J0:d[z1#6]#1 = gather_t(J0:d[z1#19]) */
            { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 32; ++k) t_J0_d_z1_6_1[s*32 + k] = 0;
            { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
              for (int k = 0; k < 16; ++k) {
                  const int m = map[k];
                  if (m != cur) { if (cur >= 0) t_J0_d_z1_6_1[s*32 + cur] += acc; cur = m; acc = 0; }
                  if (m >= 0) acc += t_J0_d_z1_19[s*16 + k];
              }
              if (cur >= 0) t_J0_d_z1_6_1[s*32 + cur] += acc; }
            }
            }
            /* J0:d[z1#3]#1 = gather_t(J0:d[z1#18]) */
            { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 32; ++k) t_J0_d_z1_3_1[s*32 + k] = 0;
            { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
              for (int k = 0; k < 16; ++k) {
                  const int m = map[k];
                  if (m != cur) { if (cur >= 0) t_J0_d_z1_3_1[s*32 + cur] += acc; cur = m; acc = 0; }
                  if (m >= 0) acc += t_J0_d_z1_18[s*16 + k];
              }
              if (cur >= 0) t_J0_d_z1_3_1[s*32 + cur] += acc; }
            }
            }
            /* J0:d[z1#16] = gather(J0:d[z1#26]) */
            { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 16; ++k) { const int m = map[k]; t_J0_d_z1_16[s*16 + k] = m >= 0 ? t_J0_d_z1_26[s*32 + m] : 0; }
            }
            }
            /* J0:d[z1#15] = matmul(J0:d[z1#16], z1#12)  [4x4]·[4x4] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 4; ++mi) {
                for (int mj = 0; mj < 4; ++mj) {
                    sg_real acc = 0;
                    SG_SIMD_REDUCE(acc)
                    for (int mk = 0; mk < 4; ++mk) acc += t_J0_d_z1_16[s*16 + mi*4 + mk] * t_z1_12[s*16 + mk + mj*4];
                    t_J0_d_z1_15[s*16 + mi*4 + mj] = acc;
                }
            }
            }

            /* J0:d[z1#12] = matmul(z1#15, J0:d[z1#16])  [4x4]·[4x4] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 4; ++mi) {
                for (int mj = 0; mj < 4; ++mj) t_J0_d_z1_12[s*16 + mi*4 + mj] = 0;
                for (int mk = 0; mk < 4; ++mk) {
                    const sg_real av = t_z1_15[s*16 + mi + mk*4];
                    for (int mj = 0; mj < 4; ++mj) t_J0_d_z1_12[s*16 + mi*4 + mj] += av * t_J0_d_z1_16[s*16 + mk*4 + mj];
                }
            }
            }

            /* J0:d[z1#14]#1 = J0:d[z1#15]*z1#15 */
            for (int k = 0; k < nt*16; ++k) {
                const sg_real a0 = t_J0_d_z1_15[k];
                const sg_real a1 = t_z1_15[k];
            t_J0_d_z1_14_1[k] = a0*a1;
            }

            /* J0:d[z1#14]#2 = gather_t(J0:d[z1#14]#1) */
            { static const int map[16] = { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 4; ++k) t_J0_d_z1_14_2[s*4 + k] = 0;
            { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
              for (int k = 0; k < 16; ++k) {
                  const int m = map[k];
                  if (m != cur) { if (cur >= 0) t_J0_d_z1_14_2[s*4 + cur] += acc; cur = m; acc = 0; }
                  if (m >= 0) acc += t_J0_d_z1_14_1[s*16 + k];
              }
              if (cur >= 0) t_J0_d_z1_14_2[s*4 + cur] += acc; }
            }
            }
            /* J0:d[z1#14]#3 = gather(J0:d[z1#14]#2) */
            { static const int map[16] = { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 16; ++k) { const int m = map[k]; t_J0_d_z1_14_3[s*16 + k] = m >= 0 ? t_J0_d_z1_14_2[s*4 + m] : 0; }
            }
            }
            /* J0:d[z1#14] = z1#15*(-J0:d[z1#14]#3 + J0:d[z1#15]) */
            for (int k = 0; k < nt*16; ++k) {
                const sg_real a0 = t_J0_d_z1_14_3[k];
                const sg_real a1 = t_J0_d_z1_15[k];
                const sg_real a2 = t_z1_15[k];
            t_J0_d_z1_14[k] = a2*(-a0 + a1);
            }

            /* J0:d[z1#13] = J0:d[z1#14]/2 */
            for (int k = 0; k < nt*16; ++k) {
                const sg_real a0 = t_J0_d_z1_14[k];
            t_J0_d_z1_13[k] = ((1.0/2.0))*a0;
            }

            /* J0:d[z1#10] = matmul(J0:d[z1#13], z1#11)  [4x4]·[4x4] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 4; ++mi) {
                for (int mj = 0; mj < 4; ++mj) t_J0_d_z1_10[s*16 + mi*4 + mj] = 0;
                for (int mk = 0; mk < 4; ++mk) {
                    const sg_real av = t_J0_d_z1_13[s*16 + mi*4 + mk];
                    for (int mj = 0; mj < 4; ++mj) t_J0_d_z1_10[s*16 + mi*4 + mj] += av * t_z1_11[s*16 + mk*4 + mj];
                }
            }
            }

            /* J0:d[z1#11] = matmul(J0:d[z1#13], z1#10)  [4x4]·[4x4] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 4; ++mi) {
                for (int mj = 0; mj < 4; ++mj) t_J0_d_z1_11[s*16 + mi*4 + mj] = 0;
                for (int mk = 0; mk < 4; ++mk) {
                    const sg_real av = t_J0_d_z1_13[s*16 + mi + mk*4];
                    for (int mj = 0; mj < 4; ++mj) t_J0_d_z1_11[s*16 + mi*4 + mj] += av * t_z1_10[s*16 + mk*4 + mj];
                }
            }
            }

            /* J0:d[z1#9]#2 = gather_t(J0:d[z1#12]) */
            { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 32; ++k) t_J0_d_z1_9_2[s*32 + k] = 0;
            { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
              for (int k = 0; k < 16; ++k) {
                  const int m = map[k];
                  if (m != cur) { if (cur >= 0) t_J0_d_z1_9_2[s*32 + cur] += acc; cur = m; acc = 0; }
                  if (m >= 0) acc += t_J0_d_z1_12[s*16 + k];
              }
              if (cur >= 0) t_J0_d_z1_9_2[s*32 + cur] += acc; }
            }
            }
            /* J0:d[z1#6]#2 = gather_t(J0:d[z1#11]) */
            { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 32; ++k) t_J0_d_z1_6_2[s*32 + k] = 0;
            { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
              for (int k = 0; k < 16; ++k) {
                  const int m = map[k];
                  if (m != cur) { if (cur >= 0) t_J0_d_z1_6_2[s*32 + cur] += acc; cur = m; acc = 0; }
                  if (m >= 0) acc += t_J0_d_z1_11[s*16 + k];
              }
              if (cur >= 0) t_J0_d_z1_6_2[s*32 + cur] += acc; }
            }
            }
            /* J0:d[z1#3]#2 = gather_t(J0:d[z1#10]) */
            { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 32; ++k) t_J0_d_z1_3_2[s*32 + k] = 0;
            { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
              for (int k = 0; k < 16; ++k) {
                  const int m = map[k];
                  if (m != cur) { if (cur >= 0) t_J0_d_z1_3_2[s*32 + cur] += acc; cur = m; acc = 0; }
                  if (m >= 0) acc += t_J0_d_z1_10[s*16 + k];
              }
              if (cur >= 0) t_J0_d_z1_3_2[s*32 + cur] += acc; }
            }
            }
            /* J0:d[z1#9] = J0:d[z1#9]#1 + J0:d[z1#9]#2 */
            for (int k = 0; k < nt*32; ++k) {
                const sg_real a0 = t_J0_d_z1_9_1[k];
                const sg_real a1 = t_J0_d_z1_9_2[k];
            t_J0_d_z1_9[k] = a0 + a1;
            }

            /* J0:d[bv1] = gather_t(J0:d[z1#9]) */
            { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 8; ++k) t_J0_d_bv1[s*8 + k] = 0;
            { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
              for (int k = 0; k < 32; ++k) {
                  const int m = map[k];
                  if (m != cur) { if (cur >= 0) t_J0_d_bv1[s*8 + cur] += acc; cur = m; acc = 0; }
                  if (m >= 0) acc += t_J0_d_z1_9[s*32 + k];
              }
              if (cur >= 0) t_J0_d_bv1[s*8 + cur] += acc; }
            }
            }
            /* J0:d[x]#1 = matmul(J0:d[z1#9], Wv1)  [4x8]·[8x8] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 4; ++mi) {
                for (int mj = 0; mj < 8; ++mj) t_J0_d_x_1[s*32 + mi*8 + mj] = 0;
                for (int mk = 0; mk < 8; ++mk) {
                    const sg_real av = t_J0_d_z1_9[s*32 + mi*8 + mk];
                    for (int mj = 0; mj < 8; ++mj) t_J0_d_x_1[s*32 + mi*8 + mj] += av * p_Wv1[mk*8 + mj];
                }
            }
            }

            /* J0:d[Wv1] = matmul(J0:d[z1#9], x)  [8x4]·[4x8] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 8; ++mi) {
                for (int mj = 0; mj < 8; ++mj) t_J0_d_Wv1[s*64 + mi*8 + mj] = 0;
                for (int mk = 0; mk < 4; ++mk) {
                    const sg_real av = t_J0_d_z1_9[s*32 + mi + mk*8];
                    for (int mj = 0; mj < 8; ++mj) t_J0_d_Wv1[s*64 + mi*8 + mj] += av * d_x[s*35 + mk*8 + mj];
                }
            }
            }

            /* J0:d[z1#6] = J0:d[z1#6]#1 + J0:d[z1#6]#2 */
            for (int k = 0; k < nt*32; ++k) {
                const sg_real a0 = t_J0_d_z1_6_1[k];
                const sg_real a1 = t_J0_d_z1_6_2[k];
            t_J0_d_z1_6[k] = a0 + a1;
            }

            /* J0:d[bk1] = gather_t(J0:d[z1#6]) */
            { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 8; ++k) t_J0_d_bk1[s*8 + k] = 0;
            { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
              for (int k = 0; k < 32; ++k) {
                  const int m = map[k];
                  if (m != cur) { if (cur >= 0) t_J0_d_bk1[s*8 + cur] += acc; cur = m; acc = 0; }
                  if (m >= 0) acc += t_J0_d_z1_6[s*32 + k];
              }
              if (cur >= 0) t_J0_d_bk1[s*8 + cur] += acc; }
            }
            }
            /* J0:d[x]#2 = matmul(J0:d[z1#6], Wk1)  [4x8]·[8x8] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 4; ++mi) {
                for (int mj = 0; mj < 8; ++mj) t_J0_d_x_2[s*32 + mi*8 + mj] = 0;
                for (int mk = 0; mk < 8; ++mk) {
                    const sg_real av = t_J0_d_z1_6[s*32 + mi*8 + mk];
                    for (int mj = 0; mj < 8; ++mj) t_J0_d_x_2[s*32 + mi*8 + mj] += av * p_Wk1[mk*8 + mj];
                }
            }
            }

            /* J0:d[Wk1] = matmul(J0:d[z1#6], x)  [8x4]·[4x8] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 8; ++mi) {
                for (int mj = 0; mj < 8; ++mj) t_J0_d_Wk1[s*64 + mi*8 + mj] = 0;
                for (int mk = 0; mk < 4; ++mk) {
                    const sg_real av = t_J0_d_z1_6[s*32 + mi + mk*8];
                    for (int mj = 0; mj < 8; ++mj) t_J0_d_Wk1[s*64 + mi*8 + mj] += av * d_x[s*35 + mk*8 + mj];
                }
            }
            }

            /* J0:d[z1#3] = J0:d[z1#3]#1 + J0:d[z1#3]#2 */
            for (int k = 0; k < nt*32; ++k) {
                const sg_real a0 = t_J0_d_z1_3_1[k];
                const sg_real a1 = t_J0_d_z1_3_2[k];
            t_J0_d_z1_3[k] = a0 + a1;
            }

            /* J0:d[bq1] = gather_t(J0:d[z1#3]) */
            { static const int map[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 8; ++k) t_J0_d_bq1[s*8 + k] = 0;
            { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
              for (int k = 0; k < 32; ++k) {
                  const int m = map[k];
                  if (m != cur) { if (cur >= 0) t_J0_d_bq1[s*8 + cur] += acc; cur = m; acc = 0; }
                  if (m >= 0) acc += t_J0_d_z1_3[s*32 + k];
              }
              if (cur >= 0) t_J0_d_bq1[s*8 + cur] += acc; }
            }
            }
            /* J0:d[x]#3 = matmul(J0:d[z1#3], Wq1)  [4x8]·[8x8] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 4; ++mi) {
                for (int mj = 0; mj < 8; ++mj) t_J0_d_x_3[s*32 + mi*8 + mj] = 0;
                for (int mk = 0; mk < 8; ++mk) {
                    const sg_real av = t_J0_d_z1_3[s*32 + mi*8 + mk];
                    for (int mj = 0; mj < 8; ++mj) t_J0_d_x_3[s*32 + mi*8 + mj] += av * p_Wq1[mk*8 + mj];
                }
            }
            }

            /* J0:d[Wq1] = matmul(J0:d[z1#3], x)  [8x4]·[4x8] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 8; ++mi) {
                for (int mj = 0; mj < 8; ++mj) t_J0_d_Wq1[s*64 + mi*8 + mj] = 0;
                for (int mk = 0; mk < 4; ++mk) {
                    const sg_real av = t_J0_d_z1_3[s*32 + mi + mk*8];
                    for (int mj = 0; mj < 8; ++mj) t_J0_d_Wq1[s*64 + mi*8 + mj] += av * d_x[s*35 + mk*8 + mj];
                }
            }
            }

            /* J0:d[x] = J0:d[h1] + J0:d[x]#1 + J0:d[x]#2 + J0:d[x]#3 */
            for (int k = 0; k < nt*32; ++k) {
                const sg_real a0 = t_J0_d_h1[k];
                const sg_real a1 = t_J0_d_x_1[k];
                const sg_real a2 = t_J0_d_x_2[k];
                const sg_real a3 = t_J0_d_x_3[k];
            t_J0_d_x[k] = a0 + a1 + a2 + a3;
            }

            for (s = 0; s < nt; ++s) {
                sg_real *restrict jr = jac + ((t0 + s) * 3 + 0 + kk) * 510;
                for (int k = 0; k < 32; ++k) jr[0 + k] = t_J0_d_x[s*32 + k];  /* x */
                for (int k = 0; k < 64; ++k) jr[35 + k] = t_J0_d_Wq1[s*64 + k];  /* Wq1 */
                for (int k = 0; k < 64; ++k) jr[99 + k] = t_J0_d_Wk1[s*64 + k];  /* Wk1 */
                for (int k = 0; k < 64; ++k) jr[163 + k] = t_J0_d_Wv1[s*64 + k];  /* Wv1 */
                for (int k = 0; k < 64; ++k) jr[227 + k] = t_J0_d_Wo1[s*64 + k];  /* Wo1 */
                for (int k = 0; k < 8; ++k) jr[291 + k] = t_J0_d_bq1[s*8 + k];  /* bq1 */
                for (int k = 0; k < 8; ++k) jr[299 + k] = t_J0_d_bk1[s*8 + k];  /* bk1 */
                for (int k = 0; k < 8; ++k) jr[307 + k] = t_J0_d_bv1[s*8 + k];  /* bv1 */
                for (int k = 0; k < 8; ++k) jr[315 + k] = t_J0_d_bo1[s*8 + k];  /* bo1 */
                for (int k = 0; k < 8; ++k) jr[323 + k] = t_J0_d_gamma2[s*8 + k];  /* gamma2 */
                for (int k = 0; k < 8; ++k) jr[331 + k] = t_J0_d_beta2[s*8 + k];  /* beta2 */
                for (int k = 0; k < 64; ++k) jr[339 + k] = t_J0_d_W3[s*64 + k];  /* W3 */
                for (int k = 0; k < 8; ++k) jr[403 + k] = t_J0_d_b3[s*8 + k];  /* b3 */
                for (int k = 0; k < 96; ++k) jr[411 + k] = t_J0_d_W5[s*96 + k];  /* W5 */
                for (int k = 0; k < 3; ++k) jr[507 + k] = v_yhat[s*3 + k];  /* b5 */
            }
        }
    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== hessian: 475 HVP sweeps u = e_j, then symmetrised (H + Hᵀ)/2 ==== */
int tiny_transformer_hessian(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict loss, sg_real *restrict grad, sg_real *restrict H, sg_real *restrict work)
{
    sg_real *restrict u = work + 92760;
    int rc = SG_OK;
    for (long j = 0; j < 475; ++j) {
        memset(u, 0, sizeof(sg_real) * 475);
        u[j] = 1;
        rc = tiny_transformer_hvp(theta, data, n, u, loss, grad, H + j * 475, work);
        if (rc != SG_OK) return rc;
    }
    for (long i = 0; i < 475; ++i)
        for (long j = 0; j < i; ++j) {
            const sg_real v = (sg_real)0.5 * (H[i * 475 + j] + H[j * 475 + i]);
            H[i * 475 + j] = v;
            H[j * 475 + i] = v;
        }
    return rc;
}

#ifdef __cplusplus
}  /* extern "C" */
#endif
