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
    case 7: return 126072L;
    case 8: return 77296L;
    case 9: return 91504L;
    case 10: return 92462L;
    case 11: return 85384L;
    default: return -1L;
    }
}

/* ==== forward: tile of 128 samples, workspace 126072 reals ==== */
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
    sg_real *restrict c_z1_2 = work + 0;  /* work [4] */
    sg_real *restrict c_z1_3 = work + 8;  /* work [4, 8] */
    sg_real *restrict c_z1_6 = work + 40;  /* work [4] */
    sg_real *restrict c_z1_7 = work + 48;  /* work [4, 8] */
    sg_real *restrict c_z1_10 = work + 80;  /* work [4] */
    sg_real *restrict c_z1_11 = work + 88;  /* work [4, 8] */
    sg_real *restrict c_z1_31 = work + 120;  /* work [4] */
    sg_real *restrict c_z1_32 = work + 128;  /* work [4, 8] */
    sg_real *restrict c_z2_1 = work + 160;  /* work [8] */
    sg_real *restrict c_z2_2 = work + 168;  /* work [4] */
    sg_real *restrict c_z2_11 = work + 176;  /* work [4, 8] */
    sg_real *restrict c_z2_12 = work + 208;  /* work [4, 8] */
    sg_real *restrict c_z3_2 = work + 240;  /* work [4] */
    sg_real *restrict c_z3_3 = work + 248;  /* work [4, 8] */
    sg_real *restrict t_z1_1 = work + 280;  /* tile [4, 8] */
    sg_real *restrict t_z1_4 = work + 4376;  /* tile [4, 8] */
    sg_real *restrict t_z1_5 = work + 8472;  /* tile [4, 8] */
    sg_real *restrict t_z1_8 = work + 12568;  /* tile [4, 8] */
    sg_real *restrict t_z1_9 = work + 16664;  /* tile [4, 8] */
    sg_real *restrict t_z1_12 = work + 20760;  /* tile [4, 8] */
    sg_real *restrict t_z1_13 = work + 24856;  /* tile [4, 4] */
    sg_real *restrict t_z1_14 = work + 26904;  /* tile [4, 4] */
    sg_real *restrict t_z1_15 = work + 28952;  /* tile [4, 4] */
    sg_real *restrict t_z1_16 = work + 31000;  /* tile [4, 4] */
    sg_real *restrict t_z1_17 = work + 33048;  /* tile [4, 4] */
    sg_real *restrict t_z1_18 = work + 35096;  /* tile [4, 4] */
    sg_real *restrict t_z1_19 = work + 37144;  /* tile [4, 4] */
    sg_real *restrict t_z1_20 = work + 39192;  /* tile [4, 8] */
    sg_real *restrict t_z1_21 = work + 43288;  /* tile [4, 4] */
    sg_real *restrict t_z1_22 = work + 45336;  /* tile [4, 4] */
    sg_real *restrict t_z1_23 = work + 47384;  /* tile [4, 4] */
    sg_real *restrict t_z1_24 = work + 49432;  /* tile [4, 4] */
    sg_real *restrict t_z1_25 = work + 51480;  /* tile [4, 4] */
    sg_real *restrict t_z1_26 = work + 53528;  /* tile [4, 4] */
    sg_real *restrict t_z1_27 = work + 55576;  /* tile [4, 4] */
    sg_real *restrict t_z1_28 = work + 57624;  /* tile [4, 8] */
    sg_real *restrict t_z1_29 = work + 61720;  /* tile [4, 8] */
    sg_real *restrict t_z1_30 = work + 65816;  /* tile [4, 8] */
    sg_real *restrict t_z1 = work + 69912;  /* tile [4, 8] */
    sg_real *restrict t_h1 = work + 74008;  /* tile [4, 8] */
    sg_real *restrict t_z2_3 = work + 78104;  /* tile [4] */
    sg_real *restrict t_z2_4 = work + 78616;  /* tile [4] */
    sg_real *restrict t_z2_5 = work + 79128;  /* tile [4, 8] */
    sg_real *restrict t_z2_6 = work + 83224;  /* tile [4, 8] */
    sg_real *restrict t_z2_7 = work + 87320;  /* tile [4, 8] */
    sg_real *restrict t_z2_8 = work + 91416;  /* tile [4] */
    sg_real *restrict t_z2_9 = work + 91928;  /* tile [4] */
    sg_real *restrict t_z2_10 = work + 92440;  /* tile [4, 8] */
    sg_real *restrict t_z2 = work + 96536;  /* tile [4, 8] */
    sg_real *restrict t_h2 = work + 100632;  /* tile [4, 8] */
    sg_real *restrict t_z3_1 = work + 104728;  /* tile [4, 8] */
    sg_real *restrict t_z3 = work + 108824;  /* tile [4, 8] */
    sg_real *restrict t_h3 = work + 112920;  /* tile [4, 8] */
    sg_real *restrict t_z4 = work + 117016;  /* tile [32] */
    sg_real *restrict t_h4 = work + 121112;  /* tile [32] */
    sg_real *restrict t_z5 = work + 125208;  /* tile [3] */
    sg_real *restrict t_yhat = work + 125592;  /* tile [3] */
    sg_real *restrict c_p_W5_T = work + 125976;  /* work [32, 3] */
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
    /* z1#2 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_z1_2[k] = 1.0;
    }

    /* z1#3 = outer(z1#2, bq1) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z1_2[mi];
        for (int mj = 0; mj < 8; ++mj) c_z1_3[mi*8 + mj] = av * p_bq1[mj];
    }

    /* z1#6 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_z1_6[k] = 1.0;
    }

    /* z1#7 = outer(z1#6, bk1) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z1_6[mi];
        for (int mj = 0; mj < 8; ++mj) c_z1_7[mi*8 + mj] = av * p_bk1[mj];
    }

    /* z1#10 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_z1_10[k] = 1.0;
    }

    /* z1#11 = outer(z1#10, bv1) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z1_10[mi];
        for (int mj = 0; mj < 8; ++mj) c_z1_11[mi*8 + mj] = av * p_bv1[mj];
    }

    /* z1#31 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_z1_31[k] = 1.0;
    }

    /* z1#32 = outer(z1#31, bo1) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z1_31[mi];
        for (int mj = 0; mj < 8; ++mj) c_z1_32[mi*8 + mj] = av * p_bo1[mj];
    }

    /* z2#1 = 1 */
    for (int k = 0; k < 8; ++k) {
    c_z2_1[k] = 1.0;
    }

    /* z2#2 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_z2_2[k] = 1.0;
    }

    /* z2#11 = outer(z2#2, gamma2) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z2_2[mi];
        for (int mj = 0; mj < 8; ++mj) c_z2_11[mi*8 + mj] = av * p_gamma2[mj];
    }

    /* z2#12 = outer(z2#2, beta2) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z2_2[mi];
        for (int mj = 0; mj < 8; ++mj) c_z2_12[mi*8 + mj] = av * p_beta2[mj];
    }

    /* z3#2 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_z3_2[k] = 1.0;
    }

    /* z3#3 = outer(z3#2, b3) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z3_2[mi];
        for (int mj = 0; mj < 8; ++mj) c_z3_3[mi*8 + mj] = av * p_b3[mj];
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

        /* z1#4 = z1#1 + z1#3 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z1_1[s*32 + k];
            const sg_real a1 = c_z1_3[k];
        t_z1_4[s*32 + k] = a0 + a1;
        }
        }

        /* z1#5 = matmul(x, Wk1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += d_x[s*35 + mi*8 + mk] * p_Wk1[mk + mj*8];
                t_z1_5[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z1#8 = z1#5 + z1#7 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z1_5[s*32 + k];
            const sg_real a1 = c_z1_7[k];
        t_z1_8[s*32 + k] = a0 + a1;
        }
        }

        /* z1#9 = matmul(x, Wv1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += d_x[s*35 + mi*8 + mk] * p_Wv1[mk + mj*8];
                t_z1_9[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z1#12 = z1#11 + z1#9 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = c_z1_11[k];
            const sg_real a1 = t_z1_9[s*32 + k];
        t_z1_12[s*32 + k] = a0 + a1;
        }
        }

        /* z1#13 = gather(z1#4) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_13[s*16 + k] = m >= 0 ? t_z1_4[s*32 + m] : 0; }
        }
        }
        /* z1#14 = gather(z1#8) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_14[s*16 + k] = m >= 0 ? t_z1_8[s*32 + m] : 0; }
        }
        }
        /* z1#15 = gather(z1#12) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_15[s*16 + k] = m >= 0 ? t_z1_12[s*32 + m] : 0; }
        }
        }
        /* z1#16 = matmul(z1#13, z1#14)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_z1_13[s*16 + mi*4 + mk] * t_z1_14[s*16 + mk + mj*4];
                t_z1_16[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* z1#17 = z1#16/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z1_16[k];
        t_z1_17[k] = ((1.0/2.0))*a0;
        }

        /* z1#18 = softmax_rows(z1#17) (each row max subtracted) */
        for (s = 0; s < nt; ++s) {
        for (int r = 0; r < 4; ++r) {
            const int o = r * 4;
            sg_real mx = t_z1_17[s*16 + o], se = 0;
            for (int k = 1; k < 4; ++k) mx = t_z1_17[s*16 + o + k] > mx ? t_z1_17[s*16 + o + k] : mx;
            for (int k = 0; k < 4; ++k) se += exp(t_z1_17[s*16 + o + k] - mx);
            const sg_real inv = 1 / se;
            for (int k = 0; k < 4; ++k) t_z1_18[s*16 + o + k] = exp(t_z1_17[s*16 + o + k] - mx) * inv;
        }
        }

        /* z1#19 = matmul(z1#18, z1#15)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_z1_19[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_18[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_z1_19[s*16 + mi*4 + mj] += av * t_z1_15[s*16 + mk*4 + mj];
            }
        }
        }

        /* z1#20 = gather_t(z1#19) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_z1_20[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_z1_20[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_z1_19[s*16 + k];
          }
          if (cur >= 0) t_z1_20[s*32 + cur] += acc; }
        }
        }
        /* z1#21 = gather(z1#4) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_21[s*16 + k] = m >= 0 ? t_z1_4[s*32 + m] : 0; }
        }
        }
        /* z1#22 = gather(z1#8) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_22[s*16 + k] = m >= 0 ? t_z1_8[s*32 + m] : 0; }
        }
        }
        /* z1#23 = gather(z1#12) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_23[s*16 + k] = m >= 0 ? t_z1_12[s*32 + m] : 0; }
        }
        }
        /* z1#24 = matmul(z1#21, z1#22)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_z1_21[s*16 + mi*4 + mk] * t_z1_22[s*16 + mk + mj*4];
                t_z1_24[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* z1#25 = z1#24/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z1_24[k];
        t_z1_25[k] = ((1.0/2.0))*a0;
        }

        /* z1#26 = softmax_rows(z1#25) (each row max subtracted) */
        for (s = 0; s < nt; ++s) {
        for (int r = 0; r < 4; ++r) {
            const int o = r * 4;
            sg_real mx = t_z1_25[s*16 + o], se = 0;
            for (int k = 1; k < 4; ++k) mx = t_z1_25[s*16 + o + k] > mx ? t_z1_25[s*16 + o + k] : mx;
            for (int k = 0; k < 4; ++k) se += exp(t_z1_25[s*16 + o + k] - mx);
            const sg_real inv = 1 / se;
            for (int k = 0; k < 4; ++k) t_z1_26[s*16 + o + k] = exp(t_z1_25[s*16 + o + k] - mx) * inv;
        }
        }

        /* z1#27 = matmul(z1#26, z1#23)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_z1_27[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_26[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_z1_27[s*16 + mi*4 + mj] += av * t_z1_23[s*16 + mk*4 + mj];
            }
        }
        }

        /* z1#28 = gather_t(z1#27) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_z1_28[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_z1_28[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_z1_27[s*16 + k];
          }
          if (cur >= 0) t_z1_28[s*32 + cur] += acc; }
        }
        }
        /* z1#29 = z1#20 + z1#28 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z1_20[k];
            const sg_real a1 = t_z1_28[k];
        t_z1_29[k] = a0 + a1;
        }

        /* z1#30 = matmul(z1#29, Wo1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_z1_29[s*32 + mi*8 + mk] * p_Wo1[mk + mj*8];
                t_z1_30[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z1 = z1#30 + z1#32 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z1_30[s*32 + k];
            const sg_real a1 = c_z1_32[k];
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

        /* z2#3 = matmul(h1, z2#1)  [4x8]·[8x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_h1[s*32 + mi*8 + mk] * c_z2_1[mk];
                t_z2_3[s*4 + mi + mj] = acc;
            }
        }
        }

        /* z2#4 = z2#3/8 */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_z2_3[k];
        t_z2_4[k] = ((1.0/8.0))*a0;
        }

        /* z2#5 = outer(z2#4, z2#1) */
        for (s = 0; s < nt; ++s) {
        for (int mi = 0; mi < 4; ++mi) {
            const sg_real av = t_z2_4[s*4 + mi];
            for (int mj = 0; mj < 8; ++mj) t_z2_5[s*32 + mi*8 + mj] = av * c_z2_1[mj];
        }
        }

        /* z2#6 = h1 - z2#5 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_h1[k];
            const sg_real a1 = t_z2_5[k];
        t_z2_6[k] = a0 - a1;
        }

        /* z2#7 = z2#6**2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z2_6[k];
        t_z2_7[k] = (a0*a0);
        }

        /* z2#8 = matmul(z2#7, z2#1)  [4x8]·[8x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_z2_7[s*32 + mi*8 + mk] * c_z2_1[mk];
                t_z2_8[s*4 + mi + mj] = acc;
            }
        }
        }

        /* z2#9 = 1/sqrt(z2#8/8 + 1/100000) */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_z2_8[k];
        t_z2_9[k] = (1.0/sqrt(((1.0/8.0))*a0 + (1.0/100000.0)));
        }

        /* z2#10 = outer(z2#9, z2#1) */
        for (s = 0; s < nt; ++s) {
        for (int mi = 0; mi < 4; ++mi) {
            const sg_real av = t_z2_9[s*4 + mi];
            for (int mj = 0; mj < 8; ++mj) t_z2_10[s*32 + mi*8 + mj] = av * c_z2_1[mj];
        }
        }

        /* z2 = z2#10*z2#11*z2#6 + z2#12 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z2_10[s*32 + k];
            const sg_real a1 = c_z2_11[k];
            const sg_real a2 = c_z2_12[k];
            const sg_real a3 = t_z2_6[s*32 + k];
        t_z2[s*32 + k] = a0*a1*a3 + a2;
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

        /* z3 = z3#1 + z3#3 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z3_1[s*32 + k];
            const sg_real a1 = c_z3_3[k];
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

/* ==== loss_grad: tile of 32 samples, workspace 77296 reals ==== */
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
    sg_real *restrict c_z1_2 = work + 0;  /* work [4] */
    sg_real *restrict c_z1_3 = work + 8;  /* work [4, 8] */
    sg_real *restrict c_z1_6 = work + 40;  /* work [4] */
    sg_real *restrict c_z1_7 = work + 48;  /* work [4, 8] */
    sg_real *restrict c_z1_10 = work + 80;  /* work [4] */
    sg_real *restrict c_z1_11 = work + 88;  /* work [4, 8] */
    sg_real *restrict c_z1_31 = work + 120;  /* work [4] */
    sg_real *restrict c_z1_32 = work + 128;  /* work [4, 8] */
    sg_real *restrict c_z2_1 = work + 160;  /* work [8] */
    sg_real *restrict c_z2_2 = work + 168;  /* work [4] */
    sg_real *restrict c_z2_11 = work + 176;  /* work [4, 8] */
    sg_real *restrict c_z2_12 = work + 208;  /* work [4, 8] */
    sg_real *restrict c_z3_2 = work + 240;  /* work [4] */
    sg_real *restrict c_z3_3 = work + 248;  /* work [4, 8] */
    sg_real *restrict c_d_L_3 = work + 280;  /* work [] */
    sg_real *restrict c_d_L_2 = work + 288;  /* work [3] */
    sg_real *restrict c_d_z1_25_2 = work + 296;  /* work [4] */
    sg_real *restrict c_d_z1_17_2 = work + 304;  /* work [4] */
    sg_real *restrict t_z1_1 = work + 312;  /* tile [4, 8] */
    sg_real *restrict t_z1_4 = work + 1336;  /* tile [4, 8] */
    sg_real *restrict t_z1_5 = work + 2360;  /* tile [4, 8] */
    sg_real *restrict t_z1_8 = work + 3384;  /* tile [4, 8] */
    sg_real *restrict t_z1_9 = work + 4408;  /* tile [4, 8] */
    sg_real *restrict t_z1_12 = work + 5432;  /* tile [4, 8] */
    sg_real *restrict t_z1_13 = work + 6456;  /* tile [4, 4] */
    sg_real *restrict t_z1_14 = work + 6968;  /* tile [4, 4] */
    sg_real *restrict t_z1_15 = work + 7480;  /* tile [4, 4] */
    sg_real *restrict t_z1_16 = work + 7992;  /* tile [4, 4] */
    sg_real *restrict t_z1_17 = work + 8504;  /* tile [4, 4] */
    sg_real *restrict t_z1_18 = work + 9016;  /* tile [4, 4] */
    sg_real *restrict t_z1_19 = work + 9528;  /* tile [4, 4] */
    sg_real *restrict t_z1_20 = work + 10040;  /* tile [4, 8] */
    sg_real *restrict t_z1_21 = work + 11064;  /* tile [4, 4] */
    sg_real *restrict t_z1_22 = work + 11576;  /* tile [4, 4] */
    sg_real *restrict t_z1_23 = work + 12088;  /* tile [4, 4] */
    sg_real *restrict t_z1_24 = work + 12600;  /* tile [4, 4] */
    sg_real *restrict t_z1_25 = work + 13112;  /* tile [4, 4] */
    sg_real *restrict t_z1_26 = work + 13624;  /* tile [4, 4] */
    sg_real *restrict t_z1_27 = work + 14136;  /* tile [4, 4] */
    sg_real *restrict t_z1_28 = work + 14648;  /* tile [4, 8] */
    sg_real *restrict t_z1_29 = work + 15672;  /* tile [4, 8] */
    sg_real *restrict t_z1_30 = work + 16696;  /* tile [4, 8] */
    sg_real *restrict t_z1 = work + 17720;  /* tile [4, 8] */
    sg_real *restrict t_h1 = work + 18744;  /* tile [4, 8] */
    sg_real *restrict t_z2_3 = work + 19768;  /* tile [4] */
    sg_real *restrict t_z2_4 = work + 19896;  /* tile [4] */
    sg_real *restrict t_z2_5 = work + 20024;  /* tile [4, 8] */
    sg_real *restrict t_z2_6 = work + 21048;  /* tile [4, 8] */
    sg_real *restrict t_z2_7 = work + 22072;  /* tile [4, 8] */
    sg_real *restrict t_z2_8 = work + 23096;  /* tile [4] */
    sg_real *restrict t_z2_9 = work + 23224;  /* tile [4] */
    sg_real *restrict t_z2_10 = work + 23352;  /* tile [4, 8] */
    sg_real *restrict t_z2 = work + 24376;  /* tile [4, 8] */
    sg_real *restrict t_h2 = work + 25400;  /* tile [4, 8] */
    sg_real *restrict t_z3_1 = work + 26424;  /* tile [4, 8] */
    sg_real *restrict t_z3 = work + 27448;  /* tile [4, 8] */
    sg_real *restrict t_h3 = work + 28472;  /* tile [4, 8] */
    sg_real *restrict t_z4 = work + 29496;  /* tile [32] */
    sg_real *restrict t_h4 = work + 30520;  /* tile [32] */
    sg_real *restrict t_z5 = work + 31544;  /* tile [3] */
    sg_real *restrict t_yhat = work + 31640;  /* tile [3] */
    sg_real *restrict t_L_1 = work + 31736;  /* tile [3] */
    sg_real *restrict t_L_2 = work + 31832;  /* tile [3] */
    sg_real *restrict t_d_L_1 = work + 31928;  /* tile [3] */
    sg_real *restrict t_d_yhat_1 = work + 32024;  /* tile [] */
    sg_real *restrict t_d_yhat = work + 32056;  /* tile [3] */
    sg_real *restrict t_d_h4 = work + 32152;  /* tile [32] */
    sg_real *restrict t_d_h3 = work + 33176;  /* tile [4, 8] */
    sg_real *restrict t_d_z3 = work + 34200;  /* tile [4, 8] */
    sg_real *restrict t_d_h2_1 = work + 35224;  /* tile [4, 8] */
    sg_real *restrict t_d_W3 = work + 36248;  /* tile [8, 8] */
    sg_real *restrict t_d_h2 = work + 38296;  /* tile [4, 8] */
    sg_real *restrict t_d_z2_10 = work + 39320;  /* tile [4, 8] */
    sg_real *restrict t_d_z2_11 = work + 40344;  /* tile [4, 8] */
    sg_real *restrict t_d_z2_6_1 = work + 41368;  /* tile [4, 8] */
    sg_real *restrict t_d_z2_9 = work + 42392;  /* tile [4] */
    sg_real *restrict t_d_z2_8 = work + 42520;  /* tile [4] */
    sg_real *restrict t_d_z2_7 = work + 42648;  /* tile [4, 8] */
    sg_real *restrict t_d_z2_6_2 = work + 43672;  /* tile [4, 8] */
    sg_real *restrict t_d_z2_6 = work + 44696;  /* tile [4, 8] */
    sg_real *restrict t_d_z2_5 = work + 45720;  /* tile [4, 8] */
    sg_real *restrict t_d_z2_4 = work + 46744;  /* tile [4] */
    sg_real *restrict t_d_z2_3 = work + 46872;  /* tile [4] */
    sg_real *restrict t_d_h1_1 = work + 47000;  /* tile [4, 8] */
    sg_real *restrict t_d_h1 = work + 48024;  /* tile [4, 8] */
    sg_real *restrict t_d_z1_29 = work + 49048;  /* tile [4, 8] */
    sg_real *restrict t_d_Wo1 = work + 50072;  /* tile [8, 8] */
    sg_real *restrict t_d_z1_27 = work + 52120;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_26 = work + 52632;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_23 = work + 53144;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_25_1 = work + 53656;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_25_3 = work + 54168;  /* tile [4] */
    sg_real *restrict t_d_z1_25_4 = work + 54296;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_25 = work + 54808;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_24 = work + 55320;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_21 = work + 55832;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_22 = work + 56344;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_12_1 = work + 56856;  /* tile [4, 8] */
    sg_real *restrict t_d_z1_8_1 = work + 57880;  /* tile [4, 8] */
    sg_real *restrict t_d_z1_4_1 = work + 58904;  /* tile [4, 8] */
    sg_real *restrict t_d_z1_19 = work + 59928;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_18 = work + 60440;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_15 = work + 60952;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_17_1 = work + 61464;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_17_3 = work + 61976;  /* tile [4] */
    sg_real *restrict t_d_z1_17_4 = work + 62104;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_17 = work + 62616;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_16 = work + 63128;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_13 = work + 63640;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_14 = work + 64152;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_12_2 = work + 64664;  /* tile [4, 8] */
    sg_real *restrict t_d_z1_8_2 = work + 65688;  /* tile [4, 8] */
    sg_real *restrict t_d_z1_4_2 = work + 66712;  /* tile [4, 8] */
    sg_real *restrict t_d_z1_12 = work + 67736;  /* tile [4, 8] */
    sg_real *restrict t_d_Wv1 = work + 68760;  /* tile [8, 8] */
    sg_real *restrict t_d_z1_8 = work + 70808;  /* tile [4, 8] */
    sg_real *restrict t_d_Wk1 = work + 71832;  /* tile [8, 8] */
    sg_real *restrict t_d_z1_4 = work + 73880;  /* tile [4, 8] */
    sg_real *restrict t_d_Wq1 = work + 74904;  /* tile [8, 8] */
    sg_real *restrict c_p_W5_T = work + 76952;  /* work [32, 3] */
    sg_real *restrict r_L_2 = work + 77048;  /* acc [3] */
    sg_real *restrict r_L_3 = work + 77056;  /* acc [] */
    sg_real *restrict r_L = work + 77064;  /* acc [] */
    sg_real *restrict r_d_yhat = grad + 472;  /* accumulated in place [3] */
    sg_real *restrict r_d_W5 = grad + 376;  /* accumulated in place [3, 32] */
    sg_real *restrict r_d_z3 = work + 77072;  /* acc [4, 8] */
    sg_real *restrict r_d_b3 = grad + 368;  /* accumulated in place [8] */
    sg_real *restrict r_d_W3 = grad + 304;  /* accumulated in place [8, 8] */
    sg_real *restrict r_d_h2 = work + 77104;  /* acc [4, 8] */
    sg_real *restrict r_d_z2_11 = work + 77136;  /* acc [4, 8] */
    sg_real *restrict r_d_beta2 = grad + 296;  /* accumulated in place [8] */
    sg_real *restrict r_d_gamma2 = grad + 288;  /* accumulated in place [8] */
    sg_real *restrict r_d_h1 = work + 77168;  /* acc [4, 8] */
    sg_real *restrict r_d_bo1 = grad + 280;  /* accumulated in place [8] */
    sg_real *restrict r_d_Wo1 = grad + 192;  /* accumulated in place [8, 8] */
    sg_real *restrict r_d_z1_12 = work + 77200;  /* acc [4, 8] */
    sg_real *restrict r_d_bv1 = grad + 272;  /* accumulated in place [8] */
    sg_real *restrict r_d_Wv1 = grad + 128;  /* accumulated in place [8, 8] */
    sg_real *restrict r_d_z1_8 = work + 77232;  /* acc [4, 8] */
    sg_real *restrict r_d_bk1 = grad + 264;  /* accumulated in place [8] */
    sg_real *restrict r_d_Wk1 = grad + 64;  /* accumulated in place [8, 8] */
    sg_real *restrict r_d_z1_4 = work + 77264;  /* acc [4, 8] */
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
    /* z1#2 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_z1_2[k] = 1.0;
    }

    /* z1#3 = outer(z1#2, bq1) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z1_2[mi];
        for (int mj = 0; mj < 8; ++mj) c_z1_3[mi*8 + mj] = av * p_bq1[mj];
    }

    /* z1#6 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_z1_6[k] = 1.0;
    }

    /* z1#7 = outer(z1#6, bk1) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z1_6[mi];
        for (int mj = 0; mj < 8; ++mj) c_z1_7[mi*8 + mj] = av * p_bk1[mj];
    }

    /* z1#10 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_z1_10[k] = 1.0;
    }

    /* z1#11 = outer(z1#10, bv1) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z1_10[mi];
        for (int mj = 0; mj < 8; ++mj) c_z1_11[mi*8 + mj] = av * p_bv1[mj];
    }

    /* z1#31 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_z1_31[k] = 1.0;
    }

    /* z1#32 = outer(z1#31, bo1) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z1_31[mi];
        for (int mj = 0; mj < 8; ++mj) c_z1_32[mi*8 + mj] = av * p_bo1[mj];
    }

    /* z2#1 = 1 */
    for (int k = 0; k < 8; ++k) {
    c_z2_1[k] = 1.0;
    }

    /* z2#2 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_z2_2[k] = 1.0;
    }

    /* z2#11 = outer(z2#2, gamma2) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z2_2[mi];
        for (int mj = 0; mj < 8; ++mj) c_z2_11[mi*8 + mj] = av * p_gamma2[mj];
    }

    /* z2#12 = outer(z2#2, beta2) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z2_2[mi];
        for (int mj = 0; mj < 8; ++mj) c_z2_12[mi*8 + mj] = av * p_beta2[mj];
    }

    /* z3#2 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_z3_2[k] = 1.0;
    }

    /* z3#3 = outer(z3#2, b3) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z3_2[mi];
        for (int mj = 0; mj < 8; ++mj) c_z3_3[mi*8 + mj] = av * p_b3[mj];
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

    /* d[z1#25]#2 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_d_z1_25_2[k] = 1.0;
    }

    /* d[z1#17]#2 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_d_z1_17_2[k] = 1.0;
    }

    /* p_W5^T (used when n >= 8) */
    if (n >= 8) sg_transpose(3, 32, p_W5, c_p_W5_T);

    memset(r_L_2, 0, sizeof(sg_real) * 3);
    memset(r_d_yhat, 0, sizeof(sg_real) * 3);
    memset(r_d_z3, 0, sizeof(sg_real) * 32);
    memset(r_d_W3, 0, sizeof(sg_real) * 64);
    memset(r_d_h2, 0, sizeof(sg_real) * 32);
    memset(r_d_z2_11, 0, sizeof(sg_real) * 32);
    memset(r_d_h1, 0, sizeof(sg_real) * 32);
    memset(r_d_Wo1, 0, sizeof(sg_real) * 64);
    memset(r_d_z1_12, 0, sizeof(sg_real) * 32);
    memset(r_d_Wv1, 0, sizeof(sg_real) * 64);
    memset(r_d_z1_8, 0, sizeof(sg_real) * 32);
    memset(r_d_Wk1, 0, sizeof(sg_real) * 64);
    memset(r_d_z1_4, 0, sizeof(sg_real) * 32);
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

        /* z1#4 = z1#1 + z1#3 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z1_1[s*32 + k];
            const sg_real a1 = c_z1_3[k];
        t_z1_4[s*32 + k] = a0 + a1;
        }
        }

        /* z1#5 = matmul(x, Wk1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += d_x[s*35 + mi*8 + mk] * p_Wk1[mk + mj*8];
                t_z1_5[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z1#8 = z1#5 + z1#7 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z1_5[s*32 + k];
            const sg_real a1 = c_z1_7[k];
        t_z1_8[s*32 + k] = a0 + a1;
        }
        }

        /* z1#9 = matmul(x, Wv1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += d_x[s*35 + mi*8 + mk] * p_Wv1[mk + mj*8];
                t_z1_9[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z1#12 = z1#11 + z1#9 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = c_z1_11[k];
            const sg_real a1 = t_z1_9[s*32 + k];
        t_z1_12[s*32 + k] = a0 + a1;
        }
        }

        /* z1#13 = gather(z1#4) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_13[s*16 + k] = m >= 0 ? t_z1_4[s*32 + m] : 0; }
        }
        }
        /* z1#14 = gather(z1#8) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_14[s*16 + k] = m >= 0 ? t_z1_8[s*32 + m] : 0; }
        }
        }
        /* z1#15 = gather(z1#12) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_15[s*16 + k] = m >= 0 ? t_z1_12[s*32 + m] : 0; }
        }
        }
        /* z1#16 = matmul(z1#13, z1#14)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_z1_13[s*16 + mi*4 + mk] * t_z1_14[s*16 + mk + mj*4];
                t_z1_16[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* z1#17 = z1#16/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z1_16[k];
        t_z1_17[k] = ((1.0/2.0))*a0;
        }

        /* z1#18 = softmax_rows(z1#17) (each row max subtracted) */
        for (s = 0; s < nt; ++s) {
        for (int r = 0; r < 4; ++r) {
            const int o = r * 4;
            sg_real mx = t_z1_17[s*16 + o], se = 0;
            for (int k = 1; k < 4; ++k) mx = t_z1_17[s*16 + o + k] > mx ? t_z1_17[s*16 + o + k] : mx;
            for (int k = 0; k < 4; ++k) se += exp(t_z1_17[s*16 + o + k] - mx);
            const sg_real inv = 1 / se;
            for (int k = 0; k < 4; ++k) t_z1_18[s*16 + o + k] = exp(t_z1_17[s*16 + o + k] - mx) * inv;
        }
        }

        /* z1#19 = matmul(z1#18, z1#15)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_z1_19[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_18[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_z1_19[s*16 + mi*4 + mj] += av * t_z1_15[s*16 + mk*4 + mj];
            }
        }
        }

        /* z1#20 = gather_t(z1#19) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_z1_20[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_z1_20[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_z1_19[s*16 + k];
          }
          if (cur >= 0) t_z1_20[s*32 + cur] += acc; }
        }
        }
        /* z1#21 = gather(z1#4) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_21[s*16 + k] = m >= 0 ? t_z1_4[s*32 + m] : 0; }
        }
        }
        /* z1#22 = gather(z1#8) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_22[s*16 + k] = m >= 0 ? t_z1_8[s*32 + m] : 0; }
        }
        }
        /* z1#23 = gather(z1#12) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_23[s*16 + k] = m >= 0 ? t_z1_12[s*32 + m] : 0; }
        }
        }
        /* z1#24 = matmul(z1#21, z1#22)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_z1_21[s*16 + mi*4 + mk] * t_z1_22[s*16 + mk + mj*4];
                t_z1_24[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* z1#25 = z1#24/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z1_24[k];
        t_z1_25[k] = ((1.0/2.0))*a0;
        }

        /* z1#26 = softmax_rows(z1#25) (each row max subtracted) */
        for (s = 0; s < nt; ++s) {
        for (int r = 0; r < 4; ++r) {
            const int o = r * 4;
            sg_real mx = t_z1_25[s*16 + o], se = 0;
            for (int k = 1; k < 4; ++k) mx = t_z1_25[s*16 + o + k] > mx ? t_z1_25[s*16 + o + k] : mx;
            for (int k = 0; k < 4; ++k) se += exp(t_z1_25[s*16 + o + k] - mx);
            const sg_real inv = 1 / se;
            for (int k = 0; k < 4; ++k) t_z1_26[s*16 + o + k] = exp(t_z1_25[s*16 + o + k] - mx) * inv;
        }
        }

        /* z1#27 = matmul(z1#26, z1#23)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_z1_27[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_26[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_z1_27[s*16 + mi*4 + mj] += av * t_z1_23[s*16 + mk*4 + mj];
            }
        }
        }

        /* z1#28 = gather_t(z1#27) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_z1_28[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_z1_28[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_z1_27[s*16 + k];
          }
          if (cur >= 0) t_z1_28[s*32 + cur] += acc; }
        }
        }
        /* z1#29 = z1#20 + z1#28 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z1_20[k];
            const sg_real a1 = t_z1_28[k];
        t_z1_29[k] = a0 + a1;
        }

        /* z1#30 = matmul(z1#29, Wo1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_z1_29[s*32 + mi*8 + mk] * p_Wo1[mk + mj*8];
                t_z1_30[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z1 = z1#30 + z1#32 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z1_30[s*32 + k];
            const sg_real a1 = c_z1_32[k];
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

        /* z2#3 = matmul(h1, z2#1)  [4x8]·[8x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_h1[s*32 + mi*8 + mk] * c_z2_1[mk];
                t_z2_3[s*4 + mi + mj] = acc;
            }
        }
        }

        /* z2#4 = z2#3/8 */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_z2_3[k];
        t_z2_4[k] = ((1.0/8.0))*a0;
        }

        /* z2#5 = outer(z2#4, z2#1) */
        for (s = 0; s < nt; ++s) {
        for (int mi = 0; mi < 4; ++mi) {
            const sg_real av = t_z2_4[s*4 + mi];
            for (int mj = 0; mj < 8; ++mj) t_z2_5[s*32 + mi*8 + mj] = av * c_z2_1[mj];
        }
        }

        /* z2#6 = h1 - z2#5 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_h1[k];
            const sg_real a1 = t_z2_5[k];
        t_z2_6[k] = a0 - a1;
        }

        /* z2#7 = z2#6**2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z2_6[k];
        t_z2_7[k] = (a0*a0);
        }

        /* z2#8 = matmul(z2#7, z2#1)  [4x8]·[8x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_z2_7[s*32 + mi*8 + mk] * c_z2_1[mk];
                t_z2_8[s*4 + mi + mj] = acc;
            }
        }
        }

        /* z2#9 = 1/sqrt(z2#8/8 + 1/100000) */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_z2_8[k];
        t_z2_9[k] = (1.0/sqrt(((1.0/8.0))*a0 + (1.0/100000.0)));
        }

        /* z2#10 = outer(z2#9, z2#1) */
        for (s = 0; s < nt; ++s) {
        for (int mi = 0; mi < 4; ++mi) {
            const sg_real av = t_z2_9[s*4 + mi];
            for (int mj = 0; mj < 8; ++mj) t_z2_10[s*32 + mi*8 + mj] = av * c_z2_1[mj];
        }
        }

        /* z2 = z2#10*z2#11*z2#6 + z2#12 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z2_10[s*32 + k];
            const sg_real a1 = c_z2_11[k];
            const sg_real a2 = c_z2_12[k];
            const sg_real a3 = t_z2_6[s*32 + k];
        t_z2[s*32 + k] = a0*a1*a3 + a2;
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

        /* z3 = z3#1 + z3#3 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z3_1[s*32 + k];
            const sg_real a1 = c_z3_3[k];
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

        /* d[z2#10] = d[h2]*z2#11*z2#6 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_d_h2[s*32 + k];
            const sg_real a1 = c_z2_11[k];
            const sg_real a2 = t_z2_6[s*32 + k];
        t_d_z2_10[s*32 + k] = a0*a1*a2;
        }
        }

        /* d[z2#11] = d[h2]*z2#10*z2#6 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_h2[k];
            const sg_real a1 = t_z2_10[k];
            const sg_real a2 = t_z2_6[k];
        t_d_z2_11[k] = a0*a1*a2;
        }

        /* d[z2#6]#1 = d[h2]*z2#10*z2#11 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_d_h2[s*32 + k];
            const sg_real a1 = t_z2_10[s*32 + k];
            const sg_real a2 = c_z2_11[k];
        t_d_z2_6_1[s*32 + k] = a0*a1*a2;
        }
        }

        /* d[z2#9] = matmul(d[z2#10], z2#1)  [4x8]·[8x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_d_z2_10[s*32 + mi*8 + mk] * c_z2_1[mk];
                t_d_z2_9[s*4 + mi + mj] = acc;
            }
        }
        }

        /* d[z2#8] = -d[z2#9]/(16*(z2#8/8 + 1/100000)**(3/2)) */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_d_z2_9[k];
            const sg_real a1 = t_z2_8[k];
        t_d_z2_8[k] = -(1.0/16.0)*a0/pow(((1.0/8.0))*a1 + (1.0/100000.0), (3.0/2.0));
        }

        /* d[z2#7] = outer(d[z2#8], z2#1) */
        for (s = 0; s < nt; ++s) {
        for (int mi = 0; mi < 4; ++mi) {
            const sg_real av = t_d_z2_8[s*4 + mi];
            for (int mj = 0; mj < 8; ++mj) t_d_z2_7[s*32 + mi*8 + mj] = av * c_z2_1[mj];
        }
        }

        /* d[z2#6]#2 = 2*d[z2#7]*z2#6 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_z2_7[k];
            const sg_real a1 = t_z2_6[k];
        t_d_z2_6_2[k] = 2.0*a0*a1;
        }

        /* d[z2#6] = d[z2#6]#1 + d[z2#6]#2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_z2_6_1[k];
            const sg_real a1 = t_d_z2_6_2[k];
        t_d_z2_6[k] = a0 + a1;
        }

        /* d[z2#5] = -d[z2#6] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_z2_6[k];
        t_d_z2_5[k] = -a0;
        }

        /* d[z2#4] = matmul(d[z2#5], z2#1)  [4x8]·[8x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_d_z2_5[s*32 + mi*8 + mk] * c_z2_1[mk];
                t_d_z2_4[s*4 + mi + mj] = acc;
            }
        }
        }

        /* d[z2#3] = d[z2#4]/8 */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_d_z2_4[k];
        t_d_z2_3[k] = ((1.0/8.0))*a0;
        }

        /* d[h1]#1 = outer(d[z2#3], z2#1) */
        for (s = 0; s < nt; ++s) {
        for (int mi = 0; mi < 4; ++mi) {
            const sg_real av = t_d_z2_3[s*4 + mi];
            for (int mj = 0; mj < 8; ++mj) t_d_h1_1[s*32 + mi*8 + mj] = av * c_z2_1[mj];
        }
        }

        /* d[h1] = d[h1]#1 + d[z2#6] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_h1_1[k];
            const sg_real a1 = t_d_z2_6[k];
        t_d_h1[k] = a0 + a1;
        }

        /* d[z1#29] = matmul(d[h1], Wo1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_d_z1_29[s*32 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 8; ++mk) {
                const sg_real av = t_d_h1[s*32 + mi*8 + mk];
                for (int mj = 0; mj < 8; ++mj) t_d_z1_29[s*32 + mi*8 + mj] += av * p_Wo1[mk*8 + mj];
            }
        }
        }

        /* d[Wo1] = matmul(d[h1], z1#29)  [8x4]·[4x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 8; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_d_Wo1[s*64 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_h1[s*32 + mi + mk*8];
                for (int mj = 0; mj < 8; ++mj) t_d_Wo1[s*64 + mi*8 + mj] += av * t_z1_29[s*32 + mk*8 + mj];
            }
        }
        }

        /* d[z1#27] = gather(d[z1#29]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_d_z1_27[s*16 + k] = m >= 0 ? t_d_z1_29[s*32 + m] : 0; }
        }
        }
        /* d[z1#26] = matmul(d[z1#27], z1#23)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_d_z1_27[s*16 + mi*4 + mk] * t_z1_23[s*16 + mk + mj*4];
                t_d_z1_26[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* d[z1#23] = matmul(z1#26, d[z1#27])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_d_z1_23[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_26[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_d_z1_23[s*16 + mi*4 + mj] += av * t_d_z1_27[s*16 + mk*4 + mj];
            }
        }
        }

        /* d[z1#25]#1 = d[z1#26]*z1#26 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_26[k];
            const sg_real a1 = t_z1_26[k];
        t_d_z1_25_1[k] = a0*a1;
        }

        /* d[z1#25]#3 = matmul(d[z1#25]#1, d[z1#25]#2)  [4x4]·[4x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_d_z1_25_1[s*16 + mi*4 + mk] * c_d_z1_25_2[mk];
                t_d_z1_25_3[s*4 + mi + mj] = acc;
            }
        }
        }

        /* d[z1#25]#4 = outer(d[z1#25]#3, d[z1#25]#2) */
        for (s = 0; s < nt; ++s) {
        for (int mi = 0; mi < 4; ++mi) {
            const sg_real av = t_d_z1_25_3[s*4 + mi];
            for (int mj = 0; mj < 4; ++mj) t_d_z1_25_4[s*16 + mi*4 + mj] = av * c_d_z1_25_2[mj];
        }
        }

        /* d[z1#25] = z1#26*(-d[z1#25]#4 + d[z1#26]) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_25_4[k];
            const sg_real a1 = t_d_z1_26[k];
            const sg_real a2 = t_z1_26[k];
        t_d_z1_25[k] = a2*(-a0 + a1);
        }

        /* d[z1#24] = d[z1#25]/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_25[k];
        t_d_z1_24[k] = ((1.0/2.0))*a0;
        }

        /* d[z1#21] = matmul(d[z1#24], z1#22)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_d_z1_21[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_24[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_d_z1_21[s*16 + mi*4 + mj] += av * t_z1_22[s*16 + mk*4 + mj];
            }
        }
        }

        /* d[z1#22] = matmul(d[z1#24], z1#21)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_d_z1_22[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_24[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_d_z1_22[s*16 + mi*4 + mj] += av * t_z1_21[s*16 + mk*4 + mj];
            }
        }
        }

        /* d[z1#12]#1 = gather_t(d[z1#23]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_d_z1_12_1[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z1_12_1[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_23[s*16 + k];
          }
          if (cur >= 0) t_d_z1_12_1[s*32 + cur] += acc; }
        }
        }
        /* d[z1#8]#1 = gather_t(d[z1#22]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_d_z1_8_1[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z1_8_1[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_22[s*16 + k];
          }
          if (cur >= 0) t_d_z1_8_1[s*32 + cur] += acc; }
        }
        }
        /* d[z1#4]#1 = gather_t(d[z1#21]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_d_z1_4_1[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z1_4_1[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_21[s*16 + k];
          }
          if (cur >= 0) t_d_z1_4_1[s*32 + cur] += acc; }
        }
        }
        /* d[z1#19] = gather(d[z1#29]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_d_z1_19[s*16 + k] = m >= 0 ? t_d_z1_29[s*32 + m] : 0; }
        }
        }
        /* d[z1#18] = matmul(d[z1#19], z1#15)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_d_z1_19[s*16 + mi*4 + mk] * t_z1_15[s*16 + mk + mj*4];
                t_d_z1_18[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* d[z1#15] = matmul(z1#18, d[z1#19])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_d_z1_15[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_18[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_d_z1_15[s*16 + mi*4 + mj] += av * t_d_z1_19[s*16 + mk*4 + mj];
            }
        }
        }

        /* d[z1#17]#1 = d[z1#18]*z1#18 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_18[k];
            const sg_real a1 = t_z1_18[k];
        t_d_z1_17_1[k] = a0*a1;
        }

        /* d[z1#17]#3 = matmul(d[z1#17]#1, d[z1#17]#2)  [4x4]·[4x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_d_z1_17_1[s*16 + mi*4 + mk] * c_d_z1_17_2[mk];
                t_d_z1_17_3[s*4 + mi + mj] = acc;
            }
        }
        }

        /* d[z1#17]#4 = outer(d[z1#17]#3, d[z1#17]#2) */
        for (s = 0; s < nt; ++s) {
        for (int mi = 0; mi < 4; ++mi) {
            const sg_real av = t_d_z1_17_3[s*4 + mi];
            for (int mj = 0; mj < 4; ++mj) t_d_z1_17_4[s*16 + mi*4 + mj] = av * c_d_z1_17_2[mj];
        }
        }

        /* d[z1#17] = z1#18*(-d[z1#17]#4 + d[z1#18]) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_17_4[k];
            const sg_real a1 = t_d_z1_18[k];
            const sg_real a2 = t_z1_18[k];
        t_d_z1_17[k] = a2*(-a0 + a1);
        }

        /* d[z1#16] = d[z1#17]/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_17[k];
        t_d_z1_16[k] = ((1.0/2.0))*a0;
        }

        /* d[z1#13] = matmul(d[z1#16], z1#14)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_d_z1_13[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_16[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_d_z1_13[s*16 + mi*4 + mj] += av * t_z1_14[s*16 + mk*4 + mj];
            }
        }
        }

        /* d[z1#14] = matmul(d[z1#16], z1#13)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_d_z1_14[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_16[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_d_z1_14[s*16 + mi*4 + mj] += av * t_z1_13[s*16 + mk*4 + mj];
            }
        }
        }

        /* d[z1#12]#2 = gather_t(d[z1#15]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_d_z1_12_2[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z1_12_2[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_15[s*16 + k];
          }
          if (cur >= 0) t_d_z1_12_2[s*32 + cur] += acc; }
        }
        }
        /* d[z1#8]#2 = gather_t(d[z1#14]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_d_z1_8_2[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z1_8_2[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_14[s*16 + k];
          }
          if (cur >= 0) t_d_z1_8_2[s*32 + cur] += acc; }
        }
        }
        /* d[z1#4]#2 = gather_t(d[z1#13]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_d_z1_4_2[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z1_4_2[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_13[s*16 + k];
          }
          if (cur >= 0) t_d_z1_4_2[s*32 + cur] += acc; }
        }
        }
        /* d[z1#12] = d[z1#12]#1 + d[z1#12]#2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_z1_12_1[k];
            const sg_real a1 = t_d_z1_12_2[k];
        t_d_z1_12[k] = a0 + a1;
        }

        /* d[Wv1] = matmul(d[z1#12], x)  [8x4]·[4x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 8; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_d_Wv1[s*64 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_12[s*32 + mi + mk*8];
                for (int mj = 0; mj < 8; ++mj) t_d_Wv1[s*64 + mi*8 + mj] += av * d_x[s*35 + mk*8 + mj];
            }
        }
        }

        /* d[z1#8] = d[z1#8]#1 + d[z1#8]#2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_z1_8_1[k];
            const sg_real a1 = t_d_z1_8_2[k];
        t_d_z1_8[k] = a0 + a1;
        }

        /* d[Wk1] = matmul(d[z1#8], x)  [8x4]·[4x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 8; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_d_Wk1[s*64 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_8[s*32 + mi + mk*8];
                for (int mj = 0; mj < 8; ++mj) t_d_Wk1[s*64 + mi*8 + mj] += av * d_x[s*35 + mk*8 + mj];
            }
        }
        }

        /* d[z1#4] = d[z1#4]#1 + d[z1#4]#2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_z1_4_1[k];
            const sg_real a1 = t_d_z1_4_2[k];
        t_d_z1_4[k] = a0 + a1;
        }

        /* d[Wq1] = matmul(d[z1#4], x)  [8x4]·[4x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 8; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_d_Wq1[s*64 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_4[s*32 + mi + mk*8];
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

        /* sum d[z3] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 32; ++k) r_d_z3[k] += t_d_z3[s*32 + k];

        /* sum d[W3] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_d_W3[k] += t_d_W3[s*64 + k];

        /* sum d[h2] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 32; ++k) r_d_h2[k] += t_d_h2[s*32 + k];

        /* sum d[z2#11] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 32; ++k) r_d_z2_11[k] += t_d_z2_11[s*32 + k];

        /* sum d[h1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 32; ++k) r_d_h1[k] += t_d_h1[s*32 + k];

        /* sum d[Wo1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_d_Wo1[k] += t_d_Wo1[s*64 + k];

        /* sum d[z1#12] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 32; ++k) r_d_z1_12[k] += t_d_z1_12[s*32 + k];

        /* sum d[Wv1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_d_Wv1[k] += t_d_Wv1[s*64 + k];

        /* sum d[z1#8] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 32; ++k) r_d_z1_8[k] += t_d_z1_8[s*32 + k];

        /* sum d[Wk1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_d_Wk1[k] += t_d_Wk1[s*64 + k];

        /* sum d[z1#4] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 32; ++k) r_d_z1_4[k] += t_d_z1_4[s*32 + k];

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

    /* d[b3] = matmul(d[z3], z3#2)  [8x4]·[4x1] */

    for (int mi = 0; mi < 8; ++mi) r_d_b3[mi + 0] = 0;
    for (int mk = 0; mk < 4; ++mk) {
        const sg_real bv = c_z3_2[mk];
        for (int mi = 0; mi < 8; ++mi) r_d_b3[mi + 0] += r_d_z3[mi + mk*8] * bv;
    }

    /* d[beta2] = matmul(d[h2], z2#2)  [8x4]·[4x1] */

    for (int mi = 0; mi < 8; ++mi) r_d_beta2[mi + 0] = 0;
    for (int mk = 0; mk < 4; ++mk) {
        const sg_real bv = c_z2_2[mk];
        for (int mi = 0; mi < 8; ++mi) r_d_beta2[mi + 0] += r_d_h2[mi + mk*8] * bv;
    }

    /* d[gamma2] = matmul(d[z2#11], z2#2)  [8x4]·[4x1] */

    for (int mi = 0; mi < 8; ++mi) r_d_gamma2[mi + 0] = 0;
    for (int mk = 0; mk < 4; ++mk) {
        const sg_real bv = c_z2_2[mk];
        for (int mi = 0; mi < 8; ++mi) r_d_gamma2[mi + 0] += r_d_z2_11[mi + mk*8] * bv;
    }

    /* d[bo1] = matmul(d[h1], z1#31)  [8x4]·[4x1] */

    for (int mi = 0; mi < 8; ++mi) r_d_bo1[mi + 0] = 0;
    for (int mk = 0; mk < 4; ++mk) {
        const sg_real bv = c_z1_31[mk];
        for (int mi = 0; mi < 8; ++mi) r_d_bo1[mi + 0] += r_d_h1[mi + mk*8] * bv;
    }

    /* d[bv1] = matmul(d[z1#12], z1#10)  [8x4]·[4x1] */

    for (int mi = 0; mi < 8; ++mi) r_d_bv1[mi + 0] = 0;
    for (int mk = 0; mk < 4; ++mk) {
        const sg_real bv = c_z1_10[mk];
        for (int mi = 0; mi < 8; ++mi) r_d_bv1[mi + 0] += r_d_z1_12[mi + mk*8] * bv;
    }

    /* d[bk1] = matmul(d[z1#8], z1#6)  [8x4]·[4x1] */

    for (int mi = 0; mi < 8; ++mi) r_d_bk1[mi + 0] = 0;
    for (int mk = 0; mk < 4; ++mk) {
        const sg_real bv = c_z1_6[mk];
        for (int mi = 0; mi < 8; ++mi) r_d_bk1[mi + 0] += r_d_z1_8[mi + mk*8] * bv;
    }

    /* d[bq1] = matmul(d[z1#4], z1#2)  [8x4]·[4x1] */

    for (int mi = 0; mi < 8; ++mi) r_d_bq1[mi + 0] = 0;
    for (int mk = 0; mk < 4; ++mk) {
        const sg_real bv = c_z1_2[mk];
        for (int mi = 0; mi < 8; ++mi) r_d_bq1[mi + 0] += r_d_z1_4[mi + mk*8] * bv;
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

/* ==== hvp: tile of 16 samples, workspace 91504 reals ==== */
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
    sg_real *restrict c_z1_2 = work + 0;  /* work [4] */
    sg_real *restrict c_z1_3 = work + 8;  /* work [4, 8] */
    sg_real *restrict c_z1_6 = work + 40;  /* work [4] */
    sg_real *restrict c_z1_7 = work + 48;  /* work [4, 8] */
    sg_real *restrict c_z1_10 = work + 80;  /* work [4] */
    sg_real *restrict c_z1_11 = work + 88;  /* work [4, 8] */
    sg_real *restrict c_z1_31 = work + 120;  /* work [4] */
    sg_real *restrict c_z1_32 = work + 128;  /* work [4, 8] */
    sg_real *restrict c_z2_1 = work + 160;  /* work [8] */
    sg_real *restrict c_z2_2 = work + 168;  /* work [4] */
    sg_real *restrict c_z2_11 = work + 176;  /* work [4, 8] */
    sg_real *restrict c_z2_12 = work + 208;  /* work [4, 8] */
    sg_real *restrict c_z3_2 = work + 240;  /* work [4] */
    sg_real *restrict c_z3_3 = work + 248;  /* work [4, 8] */
    sg_real *restrict c_d_L_3 = work + 280;  /* work [] */
    sg_real *restrict c_d_L_2 = work + 288;  /* work [3] */
    sg_real *restrict c_d_z1_25_2 = work + 296;  /* work [4] */
    sg_real *restrict c_d_z1_17_2 = work + 304;  /* work [4] */
    sg_real *restrict c_t_z1_3 = work + 312;  /* work [4, 8] */
    sg_real *restrict c_t_z1_7 = work + 344;  /* work [4, 8] */
    sg_real *restrict c_t_z1_11 = work + 376;  /* work [4, 8] */
    sg_real *restrict c_t_z1_18_2 = work + 408;  /* work [4] */
    sg_real *restrict c_t_z1_26_2 = work + 416;  /* work [4] */
    sg_real *restrict c_t_z1_32 = work + 424;  /* work [4, 8] */
    sg_real *restrict c_t_z2_11 = work + 456;  /* work [4, 8] */
    sg_real *restrict c_t_z2_12 = work + 488;  /* work [4, 8] */
    sg_real *restrict c_t_z3_3 = work + 520;  /* work [4, 8] */
    sg_real *restrict t_z1_1 = work + 552;  /* tile [4, 8] */
    sg_real *restrict t_z1_4 = work + 1064;  /* tile [4, 8] */
    sg_real *restrict t_z1_5 = work + 1576;  /* tile [4, 8] */
    sg_real *restrict t_z1_8 = work + 2088;  /* tile [4, 8] */
    sg_real *restrict t_z1_9 = work + 2600;  /* tile [4, 8] */
    sg_real *restrict t_z1_12 = work + 3112;  /* tile [4, 8] */
    sg_real *restrict t_z1_13 = work + 3624;  /* tile [4, 4] */
    sg_real *restrict t_z1_14 = work + 3880;  /* tile [4, 4] */
    sg_real *restrict t_z1_15 = work + 4136;  /* tile [4, 4] */
    sg_real *restrict t_z1_16 = work + 4392;  /* tile [4, 4] */
    sg_real *restrict t_z1_17 = work + 4648;  /* tile [4, 4] */
    sg_real *restrict t_z1_18 = work + 4904;  /* tile [4, 4] */
    sg_real *restrict t_z1_19 = work + 5160;  /* tile [4, 4] */
    sg_real *restrict t_z1_20 = work + 5416;  /* tile [4, 8] */
    sg_real *restrict t_z1_21 = work + 5928;  /* tile [4, 4] */
    sg_real *restrict t_z1_22 = work + 6184;  /* tile [4, 4] */
    sg_real *restrict t_z1_23 = work + 6440;  /* tile [4, 4] */
    sg_real *restrict t_z1_24 = work + 6696;  /* tile [4, 4] */
    sg_real *restrict t_z1_25 = work + 6952;  /* tile [4, 4] */
    sg_real *restrict t_z1_26 = work + 7208;  /* tile [4, 4] */
    sg_real *restrict t_z1_27 = work + 7464;  /* tile [4, 4] */
    sg_real *restrict t_z1_28 = work + 7720;  /* tile [4, 8] */
    sg_real *restrict t_z1_29 = work + 8232;  /* tile [4, 8] */
    sg_real *restrict t_z1_30 = work + 8744;  /* tile [4, 8] */
    sg_real *restrict t_z1 = work + 9256;  /* tile [4, 8] */
    sg_real *restrict t_h1 = work + 9768;  /* tile [4, 8] */
    sg_real *restrict t_z2_3 = work + 10280;  /* tile [4] */
    sg_real *restrict t_z2_4 = work + 10344;  /* tile [4] */
    sg_real *restrict t_z2_5 = work + 10408;  /* tile [4, 8] */
    sg_real *restrict t_z2_6 = work + 10920;  /* tile [4, 8] */
    sg_real *restrict t_z2_7 = work + 11432;  /* tile [4, 8] */
    sg_real *restrict t_z2_8 = work + 11944;  /* tile [4] */
    sg_real *restrict t_z2_9 = work + 12008;  /* tile [4] */
    sg_real *restrict t_z2_10 = work + 12072;  /* tile [4, 8] */
    sg_real *restrict t_z2 = work + 12584;  /* tile [4, 8] */
    sg_real *restrict t_h2 = work + 13096;  /* tile [4, 8] */
    sg_real *restrict t_z3_1 = work + 13608;  /* tile [4, 8] */
    sg_real *restrict t_z3 = work + 14120;  /* tile [4, 8] */
    sg_real *restrict t_h3 = work + 14632;  /* tile [4, 8] */
    sg_real *restrict t_z4 = work + 15144;  /* tile [32] */
    sg_real *restrict t_h4 = work + 15656;  /* tile [32] */
    sg_real *restrict t_z5 = work + 16168;  /* tile [3] */
    sg_real *restrict t_yhat = work + 16216;  /* tile [3] */
    sg_real *restrict t_L_1 = work + 16264;  /* tile [3] */
    sg_real *restrict t_L_2 = work + 16312;  /* tile [3] */
    sg_real *restrict t_d_L_1 = work + 16360;  /* tile [3] */
    sg_real *restrict t_d_yhat_1 = work + 16408;  /* tile [] */
    sg_real *restrict t_d_yhat = work + 16424;  /* tile [3] */
    sg_real *restrict t_d_h4 = work + 16472;  /* tile [32] */
    sg_real *restrict t_d_h3 = work + 16984;  /* tile [4, 8] */
    sg_real *restrict t_d_z3 = work + 17496;  /* tile [4, 8] */
    sg_real *restrict t_d_h2_1 = work + 18008;  /* tile [4, 8] */
    sg_real *restrict t_d_W3 = work + 18520;  /* tile [8, 8] */
    sg_real *restrict t_d_h2 = work + 19544;  /* tile [4, 8] */
    sg_real *restrict t_d_z2_10 = work + 20056;  /* tile [4, 8] */
    sg_real *restrict t_d_z2_11 = work + 20568;  /* tile [4, 8] */
    sg_real *restrict t_d_z2_6_1 = work + 21080;  /* tile [4, 8] */
    sg_real *restrict t_d_z2_9 = work + 21592;  /* tile [4] */
    sg_real *restrict t_d_z2_8 = work + 21656;  /* tile [4] */
    sg_real *restrict t_d_z2_7 = work + 21720;  /* tile [4, 8] */
    sg_real *restrict t_d_z2_6_2 = work + 22232;  /* tile [4, 8] */
    sg_real *restrict t_d_z2_6 = work + 22744;  /* tile [4, 8] */
    sg_real *restrict t_d_z2_5 = work + 23256;  /* tile [4, 8] */
    sg_real *restrict t_d_z2_4 = work + 23768;  /* tile [4] */
    sg_real *restrict t_d_z2_3 = work + 23832;  /* tile [4] */
    sg_real *restrict t_d_h1_1 = work + 23896;  /* tile [4, 8] */
    sg_real *restrict t_d_h1 = work + 24408;  /* tile [4, 8] */
    sg_real *restrict t_d_z1_29 = work + 24920;  /* tile [4, 8] */
    sg_real *restrict t_d_Wo1 = work + 25432;  /* tile [8, 8] */
    sg_real *restrict t_d_z1_27 = work + 26456;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_26 = work + 26712;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_23 = work + 26968;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_25_1 = work + 27224;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_25_3 = work + 27480;  /* tile [4] */
    sg_real *restrict t_d_z1_25_4 = work + 27544;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_25 = work + 27800;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_24 = work + 28056;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_21 = work + 28312;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_22 = work + 28568;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_12_1 = work + 28824;  /* tile [4, 8] */
    sg_real *restrict t_d_z1_8_1 = work + 29336;  /* tile [4, 8] */
    sg_real *restrict t_d_z1_4_1 = work + 29848;  /* tile [4, 8] */
    sg_real *restrict t_d_z1_19 = work + 30360;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_18 = work + 30616;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_15 = work + 30872;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_17_1 = work + 31128;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_17_3 = work + 31384;  /* tile [4] */
    sg_real *restrict t_d_z1_17_4 = work + 31448;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_17 = work + 31704;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_16 = work + 31960;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_13 = work + 32216;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_14 = work + 32472;  /* tile [4, 4] */
    sg_real *restrict t_d_z1_12_2 = work + 32728;  /* tile [4, 8] */
    sg_real *restrict t_d_z1_8_2 = work + 33240;  /* tile [4, 8] */
    sg_real *restrict t_d_z1_4_2 = work + 33752;  /* tile [4, 8] */
    sg_real *restrict t_d_z1_12 = work + 34264;  /* tile [4, 8] */
    sg_real *restrict t_d_Wv1 = work + 34776;  /* tile [8, 8] */
    sg_real *restrict t_d_z1_8 = work + 35800;  /* tile [4, 8] */
    sg_real *restrict t_d_Wk1 = work + 36312;  /* tile [8, 8] */
    sg_real *restrict t_d_z1_4 = work + 37336;  /* tile [4, 8] */
    sg_real *restrict t_d_Wq1 = work + 37848;  /* tile [8, 8] */
    sg_real *restrict t_t_z1_1 = work + 38872;  /* tile [4, 8] */
    sg_real *restrict t_t_z1_4 = work + 39384;  /* tile [4, 8] */
    sg_real *restrict t_t_z1_5 = work + 39896;  /* tile [4, 8] */
    sg_real *restrict t_t_z1_8 = work + 40408;  /* tile [4, 8] */
    sg_real *restrict t_t_z1_9 = work + 40920;  /* tile [4, 8] */
    sg_real *restrict t_t_z1_12 = work + 41432;  /* tile [4, 8] */
    sg_real *restrict t_t_z1_13 = work + 41944;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_14 = work + 42200;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_15 = work + 42456;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_16_1 = work + 42712;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_16_2 = work + 42968;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_16 = work + 43224;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_17 = work + 43480;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_18_1 = work + 43736;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_18_3 = work + 43992;  /* tile [4] */
    sg_real *restrict t_t_z1_18_4 = work + 44056;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_18 = work + 44312;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_19_1 = work + 44568;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_19_2 = work + 44824;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_19 = work + 45080;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_20 = work + 45336;  /* tile [4, 8] */
    sg_real *restrict t_t_z1_21 = work + 45848;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_22 = work + 46104;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_23 = work + 46360;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_24_1 = work + 46616;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_24_2 = work + 46872;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_24 = work + 47128;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_25 = work + 47384;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_26_1 = work + 47640;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_26_3 = work + 47896;  /* tile [4] */
    sg_real *restrict t_t_z1_26_4 = work + 47960;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_26 = work + 48216;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_27_1 = work + 48472;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_27_2 = work + 48728;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_27 = work + 48984;  /* tile [4, 4] */
    sg_real *restrict t_t_z1_28 = work + 49240;  /* tile [4, 8] */
    sg_real *restrict t_t_z1_29 = work + 49752;  /* tile [4, 8] */
    sg_real *restrict t_t_z1_30_1 = work + 50264;  /* tile [4, 8] */
    sg_real *restrict t_t_z1_30_2 = work + 50776;  /* tile [4, 8] */
    sg_real *restrict t_t_z1_30 = work + 51288;  /* tile [4, 8] */
    sg_real *restrict t_t_z1 = work + 51800;  /* tile [4, 8] */
    sg_real *restrict t_t_h1 = work + 52312;  /* tile [4, 8] */
    sg_real *restrict t_t_z2_3 = work + 52824;  /* tile [4] */
    sg_real *restrict t_t_z2_4 = work + 52888;  /* tile [4] */
    sg_real *restrict t_t_z2_5 = work + 52952;  /* tile [4, 8] */
    sg_real *restrict t_t_z2_6 = work + 53464;  /* tile [4, 8] */
    sg_real *restrict t_t_z2_7 = work + 53976;  /* tile [4, 8] */
    sg_real *restrict t_t_z2_8 = work + 54488;  /* tile [4] */
    sg_real *restrict t_t_z2_9 = work + 54552;  /* tile [4] */
    sg_real *restrict t_t_z2_10 = work + 54616;  /* tile [4, 8] */
    sg_real *restrict t_t_z2 = work + 55128;  /* tile [4, 8] */
    sg_real *restrict t_t_h2 = work + 55640;  /* tile [4, 8] */
    sg_real *restrict t_t_z3_1_1 = work + 56152;  /* tile [4, 8] */
    sg_real *restrict t_t_z3_1_2 = work + 56664;  /* tile [4, 8] */
    sg_real *restrict t_t_z3_1 = work + 57176;  /* tile [4, 8] */
    sg_real *restrict t_t_z3 = work + 57688;  /* tile [4, 8] */
    sg_real *restrict t_t_h3 = work + 58200;  /* tile [4, 8] */
    sg_real *restrict t_t_z4 = work + 58712;  /* tile [32] */
    sg_real *restrict t_t_h4 = work + 59224;  /* tile [32] */
    sg_real *restrict t_t_z5 = work + 59736;  /* tile [3] */
    sg_real *restrict t_t_yhat = work + 59784;  /* tile [3] */
    sg_real *restrict t_t_L_1_1 = work + 59832;  /* tile [3] */
    sg_real *restrict t_t_L_1_2 = work + 59880;  /* tile [] */
    sg_real *restrict t_t_L_1 = work + 59896;  /* tile [3] */
    sg_real *restrict t_t_d_yhat = work + 59944;  /* tile [3] */
    sg_real *restrict t_t_d_h4 = work + 59992;  /* tile [32] */
    sg_real *restrict t_t_d_h3 = work + 60504;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z3 = work + 61016;  /* tile [4, 8] */
    sg_real *restrict t_t_d_h2_1_1 = work + 61528;  /* tile [4, 8] */
    sg_real *restrict t_t_d_h2_1_2 = work + 62040;  /* tile [4, 8] */
    sg_real *restrict t_t_d_h2_1 = work + 62552;  /* tile [4, 8] */
    sg_real *restrict t_t_d_W3_1 = work + 63064;  /* tile [8, 8] */
    sg_real *restrict t_t_d_W3_2 = work + 64088;  /* tile [8, 8] */
    sg_real *restrict t_t_d_h2 = work + 65112;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z2_10 = work + 65624;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z2_11 = work + 66136;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z2_6_1 = work + 66648;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z2_9 = work + 67160;  /* tile [4] */
    sg_real *restrict t_t_d_z2_8 = work + 67224;  /* tile [4] */
    sg_real *restrict t_t_d_z2_7 = work + 67288;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z2_6_2 = work + 67800;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z2_6 = work + 68312;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z2_5 = work + 68824;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z2_4 = work + 69336;  /* tile [4] */
    sg_real *restrict t_t_d_z2_3 = work + 69400;  /* tile [4] */
    sg_real *restrict t_t_d_h1_1 = work + 69464;  /* tile [4, 8] */
    sg_real *restrict t_t_d_h1 = work + 69976;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z1_29_1 = work + 70488;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z1_29_2 = work + 71000;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z1_29 = work + 71512;  /* tile [4, 8] */
    sg_real *restrict t_t_d_Wo1_1 = work + 72024;  /* tile [8, 8] */
    sg_real *restrict t_t_d_Wo1_2 = work + 73048;  /* tile [8, 8] */
    sg_real *restrict t_t_d_z1_27 = work + 74072;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_26_1 = work + 74328;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_26_2 = work + 74584;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_26 = work + 74840;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_23_1 = work + 75096;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_23_2 = work + 75352;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_23 = work + 75608;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_25_1 = work + 75864;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_25_3 = work + 76120;  /* tile [4] */
    sg_real *restrict t_t_d_z1_25_4 = work + 76184;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_25 = work + 76440;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_24 = work + 76696;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_21_1 = work + 76952;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_21_2 = work + 77208;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_21 = work + 77464;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_22_1 = work + 77720;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_22_2 = work + 77976;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_22 = work + 78232;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_12_1 = work + 78488;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z1_8_1 = work + 79000;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z1_4_1 = work + 79512;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z1_19 = work + 80024;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_18_1 = work + 80280;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_18_2 = work + 80536;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_18 = work + 80792;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_15_1 = work + 81048;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_15_2 = work + 81304;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_15 = work + 81560;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_17_1 = work + 81816;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_17_3 = work + 82072;  /* tile [4] */
    sg_real *restrict t_t_d_z1_17_4 = work + 82136;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_17 = work + 82392;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_16 = work + 82648;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_13_1 = work + 82904;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_13_2 = work + 83160;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_13 = work + 83416;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_14_1 = work + 83672;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_14_2 = work + 83928;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_14 = work + 84184;  /* tile [4, 4] */
    sg_real *restrict t_t_d_z1_12_2 = work + 84440;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z1_8_2 = work + 84952;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z1_4_2 = work + 85464;  /* tile [4, 8] */
    sg_real *restrict t_t_d_z1_12 = work + 85976;  /* tile [4, 8] */
    sg_real *restrict t_t_d_Wv1 = work + 86488;  /* tile [8, 8] */
    sg_real *restrict t_t_d_z1_8 = work + 87512;  /* tile [4, 8] */
    sg_real *restrict t_t_d_Wk1 = work + 88024;  /* tile [8, 8] */
    sg_real *restrict t_t_d_z1_4 = work + 89048;  /* tile [4, 8] */
    sg_real *restrict t_t_d_Wq1 = work + 89560;  /* tile [8, 8] */
    sg_real *restrict c_p_W5_T = work + 90584;  /* work [32, 3] */
    sg_real *restrict c_u_W5_T = work + 90680;  /* work [32, 3] */
    sg_real *restrict r_L_2 = work + 90776;  /* acc [3] */
    sg_real *restrict r_L_3 = work + 90784;  /* acc [] */
    sg_real *restrict r_L = work + 90792;  /* acc [] */
    sg_real *restrict r_d_yhat = grad + 472;  /* accumulated in place [3] */
    sg_real *restrict r_d_W5 = grad + 376;  /* accumulated in place [3, 32] */
    sg_real *restrict r_d_z3 = work + 90800;  /* acc [4, 8] */
    sg_real *restrict r_d_b3 = grad + 368;  /* accumulated in place [8] */
    sg_real *restrict r_d_W3 = grad + 304;  /* accumulated in place [8, 8] */
    sg_real *restrict r_d_h2 = work + 90832;  /* acc [4, 8] */
    sg_real *restrict r_d_z2_11 = work + 90864;  /* acc [4, 8] */
    sg_real *restrict r_d_beta2 = grad + 296;  /* accumulated in place [8] */
    sg_real *restrict r_d_gamma2 = grad + 288;  /* accumulated in place [8] */
    sg_real *restrict r_d_h1 = work + 90896;  /* acc [4, 8] */
    sg_real *restrict r_d_bo1 = grad + 280;  /* accumulated in place [8] */
    sg_real *restrict r_d_Wo1 = grad + 192;  /* accumulated in place [8, 8] */
    sg_real *restrict r_d_z1_12 = work + 90928;  /* acc [4, 8] */
    sg_real *restrict r_d_bv1 = grad + 272;  /* accumulated in place [8] */
    sg_real *restrict r_d_Wv1 = grad + 128;  /* accumulated in place [8, 8] */
    sg_real *restrict r_d_z1_8 = work + 90960;  /* acc [4, 8] */
    sg_real *restrict r_d_bk1 = grad + 264;  /* accumulated in place [8] */
    sg_real *restrict r_d_Wk1 = grad + 64;  /* accumulated in place [8, 8] */
    sg_real *restrict r_d_z1_4 = work + 90992;  /* acc [4, 8] */
    sg_real *restrict r_d_bq1 = grad + 256;  /* accumulated in place [8] */
    sg_real *restrict r_d_Wq1 = grad + 0;  /* accumulated in place [8, 8] */
    sg_real *restrict r_t_d_yhat = hv + 472;  /* accumulated in place [3] */
    sg_real *restrict r_t_d_W5 = hv + 376;  /* accumulated in place [3, 32] */
    sg_real *restrict r_t_d_z3 = work + 91024;  /* acc [4, 8] */
    sg_real *restrict r_t_d_b3 = hv + 368;  /* accumulated in place [8] */
    sg_real *restrict r_t_d_W3_1 = work + 91056;  /* acc [8, 8] */
    sg_real *restrict r_t_d_W3_2 = work + 91120;  /* acc [8, 8] */
    sg_real *restrict r_t_d_W3 = hv + 304;  /* accumulated in place [8, 8] */
    sg_real *restrict r_t_d_h2 = work + 91184;  /* acc [4, 8] */
    sg_real *restrict r_t_d_z2_11 = work + 91216;  /* acc [4, 8] */
    sg_real *restrict r_t_d_beta2 = hv + 296;  /* accumulated in place [8] */
    sg_real *restrict r_t_d_gamma2 = hv + 288;  /* accumulated in place [8] */
    sg_real *restrict r_t_d_h1 = work + 91248;  /* acc [4, 8] */
    sg_real *restrict r_t_d_bo1 = hv + 280;  /* accumulated in place [8] */
    sg_real *restrict r_t_d_Wo1_1 = work + 91280;  /* acc [8, 8] */
    sg_real *restrict r_t_d_Wo1_2 = work + 91344;  /* acc [8, 8] */
    sg_real *restrict r_t_d_Wo1 = hv + 192;  /* accumulated in place [8, 8] */
    sg_real *restrict r_t_d_z1_12 = work + 91408;  /* acc [4, 8] */
    sg_real *restrict r_t_d_bv1 = hv + 272;  /* accumulated in place [8] */
    sg_real *restrict r_t_d_Wv1 = hv + 128;  /* accumulated in place [8, 8] */
    sg_real *restrict r_t_d_z1_8 = work + 91440;  /* acc [4, 8] */
    sg_real *restrict r_t_d_bk1 = hv + 264;  /* accumulated in place [8] */
    sg_real *restrict r_t_d_Wk1 = hv + 64;  /* accumulated in place [8, 8] */
    sg_real *restrict r_t_d_z1_4 = work + 91472;  /* acc [4, 8] */
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
    /* z1#2 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_z1_2[k] = 1.0;
    }

    /* z1#3 = outer(z1#2, bq1) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z1_2[mi];
        for (int mj = 0; mj < 8; ++mj) c_z1_3[mi*8 + mj] = av * p_bq1[mj];
    }

    /* z1#6 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_z1_6[k] = 1.0;
    }

    /* z1#7 = outer(z1#6, bk1) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z1_6[mi];
        for (int mj = 0; mj < 8; ++mj) c_z1_7[mi*8 + mj] = av * p_bk1[mj];
    }

    /* z1#10 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_z1_10[k] = 1.0;
    }

    /* z1#11 = outer(z1#10, bv1) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z1_10[mi];
        for (int mj = 0; mj < 8; ++mj) c_z1_11[mi*8 + mj] = av * p_bv1[mj];
    }

    /* z1#31 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_z1_31[k] = 1.0;
    }

    /* z1#32 = outer(z1#31, bo1) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z1_31[mi];
        for (int mj = 0; mj < 8; ++mj) c_z1_32[mi*8 + mj] = av * p_bo1[mj];
    }

    /* z2#1 = 1 */
    for (int k = 0; k < 8; ++k) {
    c_z2_1[k] = 1.0;
    }

    /* z2#2 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_z2_2[k] = 1.0;
    }

    /* z2#11 = outer(z2#2, gamma2) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z2_2[mi];
        for (int mj = 0; mj < 8; ++mj) c_z2_11[mi*8 + mj] = av * p_gamma2[mj];
    }

    /* z2#12 = outer(z2#2, beta2) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z2_2[mi];
        for (int mj = 0; mj < 8; ++mj) c_z2_12[mi*8 + mj] = av * p_beta2[mj];
    }

    /* z3#2 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_z3_2[k] = 1.0;
    }

    /* z3#3 = outer(z3#2, b3) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z3_2[mi];
        for (int mj = 0; mj < 8; ++mj) c_z3_3[mi*8 + mj] = av * p_b3[mj];
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

    /* d[z1#25]#2 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_d_z1_25_2[k] = 1.0;
    }

    /* d[z1#17]#2 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_d_z1_17_2[k] = 1.0;
    }

    /* t[z1#3] = outer(z1#2, u[bq1]) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z1_2[mi];
        for (int mj = 0; mj < 8; ++mj) c_t_z1_3[mi*8 + mj] = av * u_bq1[mj];
    }

    /* t[z1#7] = outer(z1#6, u[bk1]) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z1_6[mi];
        for (int mj = 0; mj < 8; ++mj) c_t_z1_7[mi*8 + mj] = av * u_bk1[mj];
    }

    /* t[z1#11] = outer(z1#10, u[bv1]) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z1_10[mi];
        for (int mj = 0; mj < 8; ++mj) c_t_z1_11[mi*8 + mj] = av * u_bv1[mj];
    }

    /* t[z1#18]#2 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_t_z1_18_2[k] = 1.0;
    }

    /* t[z1#26]#2 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_t_z1_26_2[k] = 1.0;
    }

    /* t[z1#32] = outer(z1#31, u[bo1]) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z1_31[mi];
        for (int mj = 0; mj < 8; ++mj) c_t_z1_32[mi*8 + mj] = av * u_bo1[mj];
    }

    /* t[z2#11] = outer(z2#2, u[gamma2]) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z2_2[mi];
        for (int mj = 0; mj < 8; ++mj) c_t_z2_11[mi*8 + mj] = av * u_gamma2[mj];
    }

    /* t[z2#12] = outer(z2#2, u[beta2]) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z2_2[mi];
        for (int mj = 0; mj < 8; ++mj) c_t_z2_12[mi*8 + mj] = av * u_beta2[mj];
    }

    /* t[z3#3] = outer(z3#2, u[b3]) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z3_2[mi];
        for (int mj = 0; mj < 8; ++mj) c_t_z3_3[mi*8 + mj] = av * u_b3[mj];
    }

    /* p_W5^T (used when n >= 8) */
    if (n >= 8) sg_transpose(3, 32, p_W5, c_p_W5_T);

    /* u_W5^T (used when n >= 8) */
    if (n >= 8) sg_transpose(3, 32, u_W5, c_u_W5_T);

    memset(r_L_2, 0, sizeof(sg_real) * 3);
    memset(r_d_yhat, 0, sizeof(sg_real) * 3);
    memset(r_d_z3, 0, sizeof(sg_real) * 32);
    memset(r_d_W3, 0, sizeof(sg_real) * 64);
    memset(r_d_h2, 0, sizeof(sg_real) * 32);
    memset(r_d_z2_11, 0, sizeof(sg_real) * 32);
    memset(r_d_h1, 0, sizeof(sg_real) * 32);
    memset(r_d_Wo1, 0, sizeof(sg_real) * 64);
    memset(r_d_z1_12, 0, sizeof(sg_real) * 32);
    memset(r_d_Wv1, 0, sizeof(sg_real) * 64);
    memset(r_d_z1_8, 0, sizeof(sg_real) * 32);
    memset(r_d_Wk1, 0, sizeof(sg_real) * 64);
    memset(r_d_z1_4, 0, sizeof(sg_real) * 32);
    memset(r_d_Wq1, 0, sizeof(sg_real) * 64);
    memset(r_t_d_yhat, 0, sizeof(sg_real) * 3);
    memset(r_t_d_z3, 0, sizeof(sg_real) * 32);
    memset(r_t_d_W3_1, 0, sizeof(sg_real) * 64);
    memset(r_t_d_W3_2, 0, sizeof(sg_real) * 64);
    memset(r_t_d_h2, 0, sizeof(sg_real) * 32);
    memset(r_t_d_z2_11, 0, sizeof(sg_real) * 32);
    memset(r_t_d_h1, 0, sizeof(sg_real) * 32);
    memset(r_t_d_Wo1_1, 0, sizeof(sg_real) * 64);
    memset(r_t_d_Wo1_2, 0, sizeof(sg_real) * 64);
    memset(r_t_d_z1_12, 0, sizeof(sg_real) * 32);
    memset(r_t_d_Wv1, 0, sizeof(sg_real) * 64);
    memset(r_t_d_z1_8, 0, sizeof(sg_real) * 32);
    memset(r_t_d_Wk1, 0, sizeof(sg_real) * 64);
    memset(r_t_d_z1_4, 0, sizeof(sg_real) * 32);
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

        /* z1#4 = z1#1 + z1#3 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z1_1[s*32 + k];
            const sg_real a1 = c_z1_3[k];
        t_z1_4[s*32 + k] = a0 + a1;
        }
        }

        /* z1#5 = matmul(x, Wk1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += d_x[s*35 + mi*8 + mk] * p_Wk1[mk + mj*8];
                t_z1_5[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z1#8 = z1#5 + z1#7 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z1_5[s*32 + k];
            const sg_real a1 = c_z1_7[k];
        t_z1_8[s*32 + k] = a0 + a1;
        }
        }

        /* z1#9 = matmul(x, Wv1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += d_x[s*35 + mi*8 + mk] * p_Wv1[mk + mj*8];
                t_z1_9[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z1#12 = z1#11 + z1#9 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = c_z1_11[k];
            const sg_real a1 = t_z1_9[s*32 + k];
        t_z1_12[s*32 + k] = a0 + a1;
        }
        }

        /* z1#13 = gather(z1#4) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_13[s*16 + k] = m >= 0 ? t_z1_4[s*32 + m] : 0; }
        }
        }
        /* z1#14 = gather(z1#8) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_14[s*16 + k] = m >= 0 ? t_z1_8[s*32 + m] : 0; }
        }
        }
        /* z1#15 = gather(z1#12) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_15[s*16 + k] = m >= 0 ? t_z1_12[s*32 + m] : 0; }
        }
        }
        /* z1#16 = matmul(z1#13, z1#14)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_z1_13[s*16 + mi*4 + mk] * t_z1_14[s*16 + mk + mj*4];
                t_z1_16[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* z1#17 = z1#16/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z1_16[k];
        t_z1_17[k] = ((1.0/2.0))*a0;
        }

        /* z1#18 = softmax_rows(z1#17) (each row max subtracted) */
        for (s = 0; s < nt; ++s) {
        for (int r = 0; r < 4; ++r) {
            const int o = r * 4;
            sg_real mx = t_z1_17[s*16 + o], se = 0;
            for (int k = 1; k < 4; ++k) mx = t_z1_17[s*16 + o + k] > mx ? t_z1_17[s*16 + o + k] : mx;
            for (int k = 0; k < 4; ++k) se += exp(t_z1_17[s*16 + o + k] - mx);
            const sg_real inv = 1 / se;
            for (int k = 0; k < 4; ++k) t_z1_18[s*16 + o + k] = exp(t_z1_17[s*16 + o + k] - mx) * inv;
        }
        }

        /* z1#19 = matmul(z1#18, z1#15)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_z1_19[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_18[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_z1_19[s*16 + mi*4 + mj] += av * t_z1_15[s*16 + mk*4 + mj];
            }
        }
        }

        /* z1#20 = gather_t(z1#19) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_z1_20[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_z1_20[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_z1_19[s*16 + k];
          }
          if (cur >= 0) t_z1_20[s*32 + cur] += acc; }
        }
        }
        /* z1#21 = gather(z1#4) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_21[s*16 + k] = m >= 0 ? t_z1_4[s*32 + m] : 0; }
        }
        }
        /* z1#22 = gather(z1#8) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_22[s*16 + k] = m >= 0 ? t_z1_8[s*32 + m] : 0; }
        }
        }
        /* z1#23 = gather(z1#12) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_23[s*16 + k] = m >= 0 ? t_z1_12[s*32 + m] : 0; }
        }
        }
        /* z1#24 = matmul(z1#21, z1#22)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_z1_21[s*16 + mi*4 + mk] * t_z1_22[s*16 + mk + mj*4];
                t_z1_24[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* z1#25 = z1#24/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z1_24[k];
        t_z1_25[k] = ((1.0/2.0))*a0;
        }

        /* z1#26 = softmax_rows(z1#25) (each row max subtracted) */
        for (s = 0; s < nt; ++s) {
        for (int r = 0; r < 4; ++r) {
            const int o = r * 4;
            sg_real mx = t_z1_25[s*16 + o], se = 0;
            for (int k = 1; k < 4; ++k) mx = t_z1_25[s*16 + o + k] > mx ? t_z1_25[s*16 + o + k] : mx;
            for (int k = 0; k < 4; ++k) se += exp(t_z1_25[s*16 + o + k] - mx);
            const sg_real inv = 1 / se;
            for (int k = 0; k < 4; ++k) t_z1_26[s*16 + o + k] = exp(t_z1_25[s*16 + o + k] - mx) * inv;
        }
        }

        /* z1#27 = matmul(z1#26, z1#23)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_z1_27[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_26[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_z1_27[s*16 + mi*4 + mj] += av * t_z1_23[s*16 + mk*4 + mj];
            }
        }
        }

        /* z1#28 = gather_t(z1#27) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_z1_28[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_z1_28[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_z1_27[s*16 + k];
          }
          if (cur >= 0) t_z1_28[s*32 + cur] += acc; }
        }
        }
        /* z1#29 = z1#20 + z1#28 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z1_20[k];
            const sg_real a1 = t_z1_28[k];
        t_z1_29[k] = a0 + a1;
        }

        /* z1#30 = matmul(z1#29, Wo1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_z1_29[s*32 + mi*8 + mk] * p_Wo1[mk + mj*8];
                t_z1_30[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z1 = z1#30 + z1#32 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z1_30[s*32 + k];
            const sg_real a1 = c_z1_32[k];
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

        /* z2#3 = matmul(h1, z2#1)  [4x8]·[8x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_h1[s*32 + mi*8 + mk] * c_z2_1[mk];
                t_z2_3[s*4 + mi + mj] = acc;
            }
        }
        }

        /* z2#4 = z2#3/8 */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_z2_3[k];
        t_z2_4[k] = ((1.0/8.0))*a0;
        }

        /* z2#5 = outer(z2#4, z2#1) */
        for (s = 0; s < nt; ++s) {
        for (int mi = 0; mi < 4; ++mi) {
            const sg_real av = t_z2_4[s*4 + mi];
            for (int mj = 0; mj < 8; ++mj) t_z2_5[s*32 + mi*8 + mj] = av * c_z2_1[mj];
        }
        }

        /* z2#6 = h1 - z2#5 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_h1[k];
            const sg_real a1 = t_z2_5[k];
        t_z2_6[k] = a0 - a1;
        }

        /* z2#7 = z2#6**2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z2_6[k];
        t_z2_7[k] = (a0*a0);
        }

        /* z2#8 = matmul(z2#7, z2#1)  [4x8]·[8x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_z2_7[s*32 + mi*8 + mk] * c_z2_1[mk];
                t_z2_8[s*4 + mi + mj] = acc;
            }
        }
        }

        /* z2#9 = 1/sqrt(z2#8/8 + 1/100000) */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_z2_8[k];
        t_z2_9[k] = (1.0/sqrt(((1.0/8.0))*a0 + (1.0/100000.0)));
        }

        /* z2#10 = outer(z2#9, z2#1) */
        for (s = 0; s < nt; ++s) {
        for (int mi = 0; mi < 4; ++mi) {
            const sg_real av = t_z2_9[s*4 + mi];
            for (int mj = 0; mj < 8; ++mj) t_z2_10[s*32 + mi*8 + mj] = av * c_z2_1[mj];
        }
        }

        /* z2 = z2#10*z2#11*z2#6 + z2#12 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z2_10[s*32 + k];
            const sg_real a1 = c_z2_11[k];
            const sg_real a2 = c_z2_12[k];
            const sg_real a3 = t_z2_6[s*32 + k];
        t_z2[s*32 + k] = a0*a1*a3 + a2;
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

        /* z3 = z3#1 + z3#3 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z3_1[s*32 + k];
            const sg_real a1 = c_z3_3[k];
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

        /* d[z2#10] = d[h2]*z2#11*z2#6 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_d_h2[s*32 + k];
            const sg_real a1 = c_z2_11[k];
            const sg_real a2 = t_z2_6[s*32 + k];
        t_d_z2_10[s*32 + k] = a0*a1*a2;
        }
        }

        /* d[z2#11] = d[h2]*z2#10*z2#6 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_h2[k];
            const sg_real a1 = t_z2_10[k];
            const sg_real a2 = t_z2_6[k];
        t_d_z2_11[k] = a0*a1*a2;
        }

        /* d[z2#6]#1 = d[h2]*z2#10*z2#11 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_d_h2[s*32 + k];
            const sg_real a1 = t_z2_10[s*32 + k];
            const sg_real a2 = c_z2_11[k];
        t_d_z2_6_1[s*32 + k] = a0*a1*a2;
        }
        }

        /* d[z2#9] = matmul(d[z2#10], z2#1)  [4x8]·[8x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_d_z2_10[s*32 + mi*8 + mk] * c_z2_1[mk];
                t_d_z2_9[s*4 + mi + mj] = acc;
            }
        }
        }

        /* d[z2#8] = -d[z2#9]/(16*(z2#8/8 + 1/100000)**(3/2)) */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_d_z2_9[k];
            const sg_real a1 = t_z2_8[k];
        t_d_z2_8[k] = -(1.0/16.0)*a0/pow(((1.0/8.0))*a1 + (1.0/100000.0), (3.0/2.0));
        }

        /* d[z2#7] = outer(d[z2#8], z2#1) */
        for (s = 0; s < nt; ++s) {
        for (int mi = 0; mi < 4; ++mi) {
            const sg_real av = t_d_z2_8[s*4 + mi];
            for (int mj = 0; mj < 8; ++mj) t_d_z2_7[s*32 + mi*8 + mj] = av * c_z2_1[mj];
        }
        }

        /* d[z2#6]#2 = 2*d[z2#7]*z2#6 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_z2_7[k];
            const sg_real a1 = t_z2_6[k];
        t_d_z2_6_2[k] = 2.0*a0*a1;
        }

        /* d[z2#6] = d[z2#6]#1 + d[z2#6]#2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_z2_6_1[k];
            const sg_real a1 = t_d_z2_6_2[k];
        t_d_z2_6[k] = a0 + a1;
        }

        /* d[z2#5] = -d[z2#6] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_z2_6[k];
        t_d_z2_5[k] = -a0;
        }

        /* d[z2#4] = matmul(d[z2#5], z2#1)  [4x8]·[8x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_d_z2_5[s*32 + mi*8 + mk] * c_z2_1[mk];
                t_d_z2_4[s*4 + mi + mj] = acc;
            }
        }
        }

        /* d[z2#3] = d[z2#4]/8 */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_d_z2_4[k];
        t_d_z2_3[k] = ((1.0/8.0))*a0;
        }

        /* d[h1]#1 = outer(d[z2#3], z2#1) */
        for (s = 0; s < nt; ++s) {
        for (int mi = 0; mi < 4; ++mi) {
            const sg_real av = t_d_z2_3[s*4 + mi];
            for (int mj = 0; mj < 8; ++mj) t_d_h1_1[s*32 + mi*8 + mj] = av * c_z2_1[mj];
        }
        }

        /* d[h1] = d[h1]#1 + d[z2#6] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_h1_1[k];
            const sg_real a1 = t_d_z2_6[k];
        t_d_h1[k] = a0 + a1;
        }

        /* d[z1#29] = matmul(d[h1], Wo1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_d_z1_29[s*32 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 8; ++mk) {
                const sg_real av = t_d_h1[s*32 + mi*8 + mk];
                for (int mj = 0; mj < 8; ++mj) t_d_z1_29[s*32 + mi*8 + mj] += av * p_Wo1[mk*8 + mj];
            }
        }
        }

        /* d[Wo1] = matmul(d[h1], z1#29)  [8x4]·[4x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 8; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_d_Wo1[s*64 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_h1[s*32 + mi + mk*8];
                for (int mj = 0; mj < 8; ++mj) t_d_Wo1[s*64 + mi*8 + mj] += av * t_z1_29[s*32 + mk*8 + mj];
            }
        }
        }

        /* d[z1#27] = gather(d[z1#29]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_d_z1_27[s*16 + k] = m >= 0 ? t_d_z1_29[s*32 + m] : 0; }
        }
        }
        /* d[z1#26] = matmul(d[z1#27], z1#23)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_d_z1_27[s*16 + mi*4 + mk] * t_z1_23[s*16 + mk + mj*4];
                t_d_z1_26[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* d[z1#23] = matmul(z1#26, d[z1#27])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_d_z1_23[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_26[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_d_z1_23[s*16 + mi*4 + mj] += av * t_d_z1_27[s*16 + mk*4 + mj];
            }
        }
        }

        /* d[z1#25]#1 = d[z1#26]*z1#26 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_26[k];
            const sg_real a1 = t_z1_26[k];
        t_d_z1_25_1[k] = a0*a1;
        }

        /* d[z1#25]#3 = matmul(d[z1#25]#1, d[z1#25]#2)  [4x4]·[4x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_d_z1_25_1[s*16 + mi*4 + mk] * c_d_z1_25_2[mk];
                t_d_z1_25_3[s*4 + mi + mj] = acc;
            }
        }
        }

        /* d[z1#25]#4 = outer(d[z1#25]#3, d[z1#25]#2) */
        for (s = 0; s < nt; ++s) {
        for (int mi = 0; mi < 4; ++mi) {
            const sg_real av = t_d_z1_25_3[s*4 + mi];
            for (int mj = 0; mj < 4; ++mj) t_d_z1_25_4[s*16 + mi*4 + mj] = av * c_d_z1_25_2[mj];
        }
        }

        /* d[z1#25] = z1#26*(-d[z1#25]#4 + d[z1#26]) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_25_4[k];
            const sg_real a1 = t_d_z1_26[k];
            const sg_real a2 = t_z1_26[k];
        t_d_z1_25[k] = a2*(-a0 + a1);
        }

        /* d[z1#24] = d[z1#25]/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_25[k];
        t_d_z1_24[k] = ((1.0/2.0))*a0;
        }

        /* d[z1#21] = matmul(d[z1#24], z1#22)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_d_z1_21[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_24[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_d_z1_21[s*16 + mi*4 + mj] += av * t_z1_22[s*16 + mk*4 + mj];
            }
        }
        }

        /* d[z1#22] = matmul(d[z1#24], z1#21)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_d_z1_22[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_24[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_d_z1_22[s*16 + mi*4 + mj] += av * t_z1_21[s*16 + mk*4 + mj];
            }
        }
        }

        /* d[z1#12]#1 = gather_t(d[z1#23]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_d_z1_12_1[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z1_12_1[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_23[s*16 + k];
          }
          if (cur >= 0) t_d_z1_12_1[s*32 + cur] += acc; }
        }
        }
        /* d[z1#8]#1 = gather_t(d[z1#22]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_d_z1_8_1[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z1_8_1[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_22[s*16 + k];
          }
          if (cur >= 0) t_d_z1_8_1[s*32 + cur] += acc; }
        }
        }
        /* d[z1#4]#1 = gather_t(d[z1#21]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_d_z1_4_1[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z1_4_1[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_21[s*16 + k];
          }
          if (cur >= 0) t_d_z1_4_1[s*32 + cur] += acc; }
        }
        }
        /* d[z1#19] = gather(d[z1#29]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_d_z1_19[s*16 + k] = m >= 0 ? t_d_z1_29[s*32 + m] : 0; }
        }
        }
        /* d[z1#18] = matmul(d[z1#19], z1#15)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_d_z1_19[s*16 + mi*4 + mk] * t_z1_15[s*16 + mk + mj*4];
                t_d_z1_18[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* d[z1#15] = matmul(z1#18, d[z1#19])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_d_z1_15[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_18[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_d_z1_15[s*16 + mi*4 + mj] += av * t_d_z1_19[s*16 + mk*4 + mj];
            }
        }
        }

        /* d[z1#17]#1 = d[z1#18]*z1#18 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_18[k];
            const sg_real a1 = t_z1_18[k];
        t_d_z1_17_1[k] = a0*a1;
        }

        /* d[z1#17]#3 = matmul(d[z1#17]#1, d[z1#17]#2)  [4x4]·[4x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_d_z1_17_1[s*16 + mi*4 + mk] * c_d_z1_17_2[mk];
                t_d_z1_17_3[s*4 + mi + mj] = acc;
            }
        }
        }

        /* d[z1#17]#4 = outer(d[z1#17]#3, d[z1#17]#2) */
        for (s = 0; s < nt; ++s) {
        for (int mi = 0; mi < 4; ++mi) {
            const sg_real av = t_d_z1_17_3[s*4 + mi];
            for (int mj = 0; mj < 4; ++mj) t_d_z1_17_4[s*16 + mi*4 + mj] = av * c_d_z1_17_2[mj];
        }
        }

        /* d[z1#17] = z1#18*(-d[z1#17]#4 + d[z1#18]) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_17_4[k];
            const sg_real a1 = t_d_z1_18[k];
            const sg_real a2 = t_z1_18[k];
        t_d_z1_17[k] = a2*(-a0 + a1);
        }

        /* d[z1#16] = d[z1#17]/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_17[k];
        t_d_z1_16[k] = ((1.0/2.0))*a0;
        }

        /* d[z1#13] = matmul(d[z1#16], z1#14)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_d_z1_13[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_16[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_d_z1_13[s*16 + mi*4 + mj] += av * t_z1_14[s*16 + mk*4 + mj];
            }
        }
        }

        /* d[z1#14] = matmul(d[z1#16], z1#13)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_d_z1_14[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_16[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_d_z1_14[s*16 + mi*4 + mj] += av * t_z1_13[s*16 + mk*4 + mj];
            }
        }
        }

        /* d[z1#12]#2 = gather_t(d[z1#15]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_d_z1_12_2[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z1_12_2[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_15[s*16 + k];
          }
          if (cur >= 0) t_d_z1_12_2[s*32 + cur] += acc; }
        }
        }
        /* d[z1#8]#2 = gather_t(d[z1#14]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_d_z1_8_2[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z1_8_2[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_14[s*16 + k];
          }
          if (cur >= 0) t_d_z1_8_2[s*32 + cur] += acc; }
        }
        }
        /* d[z1#4]#2 = gather_t(d[z1#13]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_d_z1_4_2[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_d_z1_4_2[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_d_z1_13[s*16 + k];
          }
          if (cur >= 0) t_d_z1_4_2[s*32 + cur] += acc; }
        }
        }
        /* d[z1#12] = d[z1#12]#1 + d[z1#12]#2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_z1_12_1[k];
            const sg_real a1 = t_d_z1_12_2[k];
        t_d_z1_12[k] = a0 + a1;
        }

        /* d[Wv1] = matmul(d[z1#12], x)  [8x4]·[4x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 8; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_d_Wv1[s*64 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_12[s*32 + mi + mk*8];
                for (int mj = 0; mj < 8; ++mj) t_d_Wv1[s*64 + mi*8 + mj] += av * d_x[s*35 + mk*8 + mj];
            }
        }
        }

        /* d[z1#8] = d[z1#8]#1 + d[z1#8]#2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_z1_8_1[k];
            const sg_real a1 = t_d_z1_8_2[k];
        t_d_z1_8[k] = a0 + a1;
        }

        /* d[Wk1] = matmul(d[z1#8], x)  [8x4]·[4x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 8; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_d_Wk1[s*64 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_8[s*32 + mi + mk*8];
                for (int mj = 0; mj < 8; ++mj) t_d_Wk1[s*64 + mi*8 + mj] += av * d_x[s*35 + mk*8 + mj];
            }
        }
        }

        /* d[z1#4] = d[z1#4]#1 + d[z1#4]#2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_z1_4_1[k];
            const sg_real a1 = t_d_z1_4_2[k];
        t_d_z1_4[k] = a0 + a1;
        }

        /* d[Wq1] = matmul(d[z1#4], x)  [8x4]·[4x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 8; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_d_Wq1[s*64 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_4[s*32 + mi + mk*8];
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

        /* t[z1#4] = t[z1#1] + t[z1#3] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_t_z1_1[s*32 + k];
            const sg_real a1 = c_t_z1_3[k];
        t_t_z1_4[s*32 + k] = a0 + a1;
        }
        }

        /* t[z1#5] = matmul(x, u[Wk1])  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += d_x[s*35 + mi*8 + mk] * u_Wk1[mk + mj*8];
                t_t_z1_5[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* t[z1#8] = t[z1#5] + t[z1#7] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_t_z1_5[s*32 + k];
            const sg_real a1 = c_t_z1_7[k];
        t_t_z1_8[s*32 + k] = a0 + a1;
        }
        }

        /* t[z1#9] = matmul(x, u[Wv1])  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += d_x[s*35 + mi*8 + mk] * u_Wv1[mk + mj*8];
                t_t_z1_9[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* t[z1#12] = t[z1#11] + t[z1#9] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = c_t_z1_11[k];
            const sg_real a1 = t_t_z1_9[s*32 + k];
        t_t_z1_12[s*32 + k] = a0 + a1;
        }
        }

        /* t[z1#13] = gather(t[z1#4]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_t_z1_13[s*16 + k] = m >= 0 ? t_t_z1_4[s*32 + m] : 0; }
        }
        }
        /* t[z1#14] = gather(t[z1#8]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_t_z1_14[s*16 + k] = m >= 0 ? t_t_z1_8[s*32 + m] : 0; }
        }
        }
        /* t[z1#15] = gather(t[z1#12]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_t_z1_15[s*16 + k] = m >= 0 ? t_t_z1_12[s*32 + m] : 0; }
        }
        }
        /* t[z1#16]#1 = matmul(t[z1#13], z1#14)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_t_z1_13[s*16 + mi*4 + mk] * t_z1_14[s*16 + mk + mj*4];
                t_t_z1_16_1[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* t[z1#16]#2 = matmul(z1#13, t[z1#14])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_z1_13[s*16 + mi*4 + mk] * t_t_z1_14[s*16 + mk + mj*4];
                t_t_z1_16_2[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* t[z1#16] = t[z1#16]#1 + t[z1#16]#2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_z1_16_1[k];
            const sg_real a1 = t_t_z1_16_2[k];
        t_t_z1_16[k] = a0 + a1;
        }

        /* t[z1#17] = t[z1#16]/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_z1_16[k];
        t_t_z1_17[k] = ((1.0/2.0))*a0;
        }

        /* t[z1#18]#1 = t[z1#17]*z1#18 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_z1_17[k];
            const sg_real a1 = t_z1_18[k];
        t_t_z1_18_1[k] = a0*a1;
        }

        /* t[z1#18]#3 = matmul(t[z1#18]#1, t[z1#18]#2)  [4x4]·[4x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_t_z1_18_1[s*16 + mi*4 + mk] * c_t_z1_18_2[mk];
                t_t_z1_18_3[s*4 + mi + mj] = acc;
            }
        }
        }

        /* t[z1#18]#4 = outer(t[z1#18]#3, t[z1#18]#2) */
        for (s = 0; s < nt; ++s) {
        for (int mi = 0; mi < 4; ++mi) {
            const sg_real av = t_t_z1_18_3[s*4 + mi];
            for (int mj = 0; mj < 4; ++mj) t_t_z1_18_4[s*16 + mi*4 + mj] = av * c_t_z1_18_2[mj];
        }
        }

        /* t[z1#18] = z1#18*(t[z1#17] - t[z1#18]#4) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_z1_17[k];
            const sg_real a1 = t_t_z1_18_4[k];
            const sg_real a2 = t_z1_18[k];
        t_t_z1_18[k] = a2*(a0 - a1);
        }

        /* t[z1#19]#1 = matmul(t[z1#18], z1#15)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_z1_19_1[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_t_z1_18[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_t_z1_19_1[s*16 + mi*4 + mj] += av * t_z1_15[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[z1#19]#2 = matmul(z1#18, t[z1#15])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_z1_19_2[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_18[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_t_z1_19_2[s*16 + mi*4 + mj] += av * t_t_z1_15[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[z1#19] = t[z1#19]#1 + t[z1#19]#2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_z1_19_1[k];
            const sg_real a1 = t_t_z1_19_2[k];
        t_t_z1_19[k] = a0 + a1;
        }

        /* t[z1#20] = gather_t(t[z1#19]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_t_z1_20[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_z1_20[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_z1_19[s*16 + k];
          }
          if (cur >= 0) t_t_z1_20[s*32 + cur] += acc; }
        }
        }
        /* t[z1#21] = gather(t[z1#4]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_t_z1_21[s*16 + k] = m >= 0 ? t_t_z1_4[s*32 + m] : 0; }
        }
        }
        /* t[z1#22] = gather(t[z1#8]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_t_z1_22[s*16 + k] = m >= 0 ? t_t_z1_8[s*32 + m] : 0; }
        }
        }
        /* t[z1#23] = gather(t[z1#12]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_t_z1_23[s*16 + k] = m >= 0 ? t_t_z1_12[s*32 + m] : 0; }
        }
        }
        /* t[z1#24]#1 = matmul(t[z1#21], z1#22)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_t_z1_21[s*16 + mi*4 + mk] * t_z1_22[s*16 + mk + mj*4];
                t_t_z1_24_1[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* t[z1#24]#2 = matmul(z1#21, t[z1#22])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_z1_21[s*16 + mi*4 + mk] * t_t_z1_22[s*16 + mk + mj*4];
                t_t_z1_24_2[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* t[z1#24] = t[z1#24]#1 + t[z1#24]#2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_z1_24_1[k];
            const sg_real a1 = t_t_z1_24_2[k];
        t_t_z1_24[k] = a0 + a1;
        }

        /* t[z1#25] = t[z1#24]/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_z1_24[k];
        t_t_z1_25[k] = ((1.0/2.0))*a0;
        }

        /* t[z1#26]#1 = t[z1#25]*z1#26 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_z1_25[k];
            const sg_real a1 = t_z1_26[k];
        t_t_z1_26_1[k] = a0*a1;
        }

        /* t[z1#26]#3 = matmul(t[z1#26]#1, t[z1#26]#2)  [4x4]·[4x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_t_z1_26_1[s*16 + mi*4 + mk] * c_t_z1_26_2[mk];
                t_t_z1_26_3[s*4 + mi + mj] = acc;
            }
        }
        }

        /* t[z1#26]#4 = outer(t[z1#26]#3, t[z1#26]#2) */
        for (s = 0; s < nt; ++s) {
        for (int mi = 0; mi < 4; ++mi) {
            const sg_real av = t_t_z1_26_3[s*4 + mi];
            for (int mj = 0; mj < 4; ++mj) t_t_z1_26_4[s*16 + mi*4 + mj] = av * c_t_z1_26_2[mj];
        }
        }

        /* t[z1#26] = z1#26*(t[z1#25] - t[z1#26]#4) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_z1_25[k];
            const sg_real a1 = t_t_z1_26_4[k];
            const sg_real a2 = t_z1_26[k];
        t_t_z1_26[k] = a2*(a0 - a1);
        }

        /* t[z1#27]#1 = matmul(t[z1#26], z1#23)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_z1_27_1[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_t_z1_26[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_t_z1_27_1[s*16 + mi*4 + mj] += av * t_z1_23[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[z1#27]#2 = matmul(z1#26, t[z1#23])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_z1_27_2[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_26[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_t_z1_27_2[s*16 + mi*4 + mj] += av * t_t_z1_23[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[z1#27] = t[z1#27]#1 + t[z1#27]#2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_z1_27_1[k];
            const sg_real a1 = t_t_z1_27_2[k];
        t_t_z1_27[k] = a0 + a1;
        }

        /* t[z1#28] = gather_t(t[z1#27]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_t_z1_28[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_z1_28[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_z1_27[s*16 + k];
          }
          if (cur >= 0) t_t_z1_28[s*32 + cur] += acc; }
        }
        }
        /* t[z1#29] = t[z1#20] + t[z1#28] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_z1_20[k];
            const sg_real a1 = t_t_z1_28[k];
        t_t_z1_29[k] = a0 + a1;
        }

        /* t[z1#30]#1 = matmul(t[z1#29], Wo1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_t_z1_29[s*32 + mi*8 + mk] * p_Wo1[mk + mj*8];
                t_t_z1_30_1[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* t[z1#30]#2 = matmul(z1#29, u[Wo1])  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_z1_29[s*32 + mi*8 + mk] * u_Wo1[mk + mj*8];
                t_t_z1_30_2[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* t[z1#30] = t[z1#30]#1 + t[z1#30]#2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_z1_30_1[k];
            const sg_real a1 = t_t_z1_30_2[k];
        t_t_z1_30[k] = a0 + a1;
        }

        /* t[z1] = t[z1#30] + t[z1#32] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_t_z1_30[s*32 + k];
            const sg_real a1 = c_t_z1_32[k];
        t_t_z1[s*32 + k] = a0 + a1;
        }
        }

        /* t[h1] = t[z1] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_z1[k];
        t_t_h1[k] = a0;
        }

        /* t[z2#3] = matmul(t[h1], z2#1)  [4x8]·[8x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_t_h1[s*32 + mi*8 + mk] * c_z2_1[mk];
                t_t_z2_3[s*4 + mi + mj] = acc;
            }
        }
        }

        /* t[z2#4] = t[z2#3]/8 */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_t_z2_3[k];
        t_t_z2_4[k] = ((1.0/8.0))*a0;
        }

        /* t[z2#5] = outer(t[z2#4], z2#1) */
        for (s = 0; s < nt; ++s) {
        for (int mi = 0; mi < 4; ++mi) {
            const sg_real av = t_t_z2_4[s*4 + mi];
            for (int mj = 0; mj < 8; ++mj) t_t_z2_5[s*32 + mi*8 + mj] = av * c_z2_1[mj];
        }
        }

        /* t[z2#6] = t[h1] - t[z2#5] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_h1[k];
            const sg_real a1 = t_t_z2_5[k];
        t_t_z2_6[k] = a0 - a1;
        }

        /* t[z2#7] = 2*t[z2#6]*z2#6 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_z2_6[k];
            const sg_real a1 = t_z2_6[k];
        t_t_z2_7[k] = 2.0*a0*a1;
        }

        /* t[z2#8] = matmul(t[z2#7], z2#1)  [4x8]·[8x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_t_z2_7[s*32 + mi*8 + mk] * c_z2_1[mk];
                t_t_z2_8[s*4 + mi + mj] = acc;
            }
        }
        }

        /* t[z2#9] = -t[z2#8]/(16*(z2#8/8 + 1/100000)**(3/2)) */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_t_z2_8[k];
            const sg_real a1 = t_z2_8[k];
        t_t_z2_9[k] = -(1.0/16.0)*a0/pow(((1.0/8.0))*a1 + (1.0/100000.0), (3.0/2.0));
        }

        /* t[z2#10] = outer(t[z2#9], z2#1) */
        for (s = 0; s < nt; ++s) {
        for (int mi = 0; mi < 4; ++mi) {
            const sg_real av = t_t_z2_9[s*4 + mi];
            for (int mj = 0; mj < 8; ++mj) t_t_z2_10[s*32 + mi*8 + mj] = av * c_z2_1[mj];
        }
        }

        /* t[z2] = t[z2#10]*z2#11*z2#6 + t[z2#11]*z2#10*z2#6 + t[z2#12] + t[z2#6]*z2#10*z2#11 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_t_z2_10[s*32 + k];
            const sg_real a1 = c_t_z2_11[k];
            const sg_real a2 = c_t_z2_12[k];
            const sg_real a3 = t_t_z2_6[s*32 + k];
            const sg_real a4 = t_z2_10[s*32 + k];
            const sg_real a5 = c_z2_11[k];
            const sg_real a6 = t_z2_6[s*32 + k];
        t_t_z2[s*32 + k] = a0*a5*a6 + a1*a4*a6 + a2 + a3*a4*a5;
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

        /* t[z3] = t[z3#1] + t[z3#3] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_t_z3_1[s*32 + k];
            const sg_real a1 = c_t_z3_3[k];
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

        /* t[d[z2#10]] = d[h2]*t[z2#11]*z2#6 + d[h2]*t[z2#6]*z2#11 + t[d[h2]]*z2#11*z2#6 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_d_h2[s*32 + k];
            const sg_real a1 = t_t_d_h2[s*32 + k];
            const sg_real a2 = c_t_z2_11[k];
            const sg_real a3 = t_t_z2_6[s*32 + k];
            const sg_real a4 = c_z2_11[k];
            const sg_real a5 = t_z2_6[s*32 + k];
        t_t_d_z2_10[s*32 + k] = a0*a2*a5 + a0*a3*a4 + a1*a4*a5;
        }
        }

        /* t[d[z2#11]] = d[h2]*t[z2#10]*z2#6 + d[h2]*t[z2#6]*z2#10 + t[d[h2]]*z2#10*z2#6 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_h2[k];
            const sg_real a1 = t_t_d_h2[k];
            const sg_real a2 = t_t_z2_10[k];
            const sg_real a3 = t_t_z2_6[k];
            const sg_real a4 = t_z2_10[k];
            const sg_real a5 = t_z2_6[k];
        t_t_d_z2_11[k] = a0*a2*a5 + a0*a3*a4 + a1*a4*a5;
        }

        /* t[d[z2#6]#1] = d[h2]*t[z2#10]*z2#11 + d[h2]*t[z2#11]*z2#10 + t[d[h2]]*z2#10*z2#11 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_d_h2[s*32 + k];
            const sg_real a1 = t_t_d_h2[s*32 + k];
            const sg_real a2 = t_t_z2_10[s*32 + k];
            const sg_real a3 = c_t_z2_11[k];
            const sg_real a4 = t_z2_10[s*32 + k];
            const sg_real a5 = c_z2_11[k];
        t_t_d_z2_6_1[s*32 + k] = a0*a2*a5 + a0*a3*a4 + a1*a4*a5;
        }
        }

        /* t[d[z2#9]] = matmul(t[d[z2#10]], z2#1)  [4x8]·[8x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_t_d_z2_10[s*32 + mi*8 + mk] * c_z2_1[mk];
                t_t_d_z2_9[s*4 + mi + mj] = acc;
            }
        }
        }

        /* t[d[z2#8]] = 3*d[z2#9]*t[z2#8]/(256*(z2#8/8 + 1/100000)**(5/2)) - t[d[z2#9]]/(16*(z2#8/8 + 1/100000)**(3/2)) */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_d_z2_9[k];
            const sg_real a1 = t_t_d_z2_9[k];
            const sg_real a2 = t_t_z2_8[k];
            const sg_real a3 = t_z2_8[k];
            const sg_real q0 = ((1.0/8.0))*a3 + (1.0/100000.0);
        t_t_d_z2_8[k] = ((3.0/256.0))*a0*a2/pow(q0, (5.0/2.0)) - (1.0/16.0)*a1/pow(q0, (3.0/2.0));
        }

        /* t[d[z2#7]] = outer(t[d[z2#8]], z2#1) */
        for (s = 0; s < nt; ++s) {
        for (int mi = 0; mi < 4; ++mi) {
            const sg_real av = t_t_d_z2_8[s*4 + mi];
            for (int mj = 0; mj < 8; ++mj) t_t_d_z2_7[s*32 + mi*8 + mj] = av * c_z2_1[mj];
        }
        }

        /* t[d[z2#6]#2] = 2*d[z2#7]*t[z2#6] + 2*t[d[z2#7]]*z2#6 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_d_z2_7[k];
            const sg_real a1 = t_t_d_z2_7[k];
            const sg_real a2 = t_t_z2_6[k];
            const sg_real a3 = t_z2_6[k];
        t_t_d_z2_6_2[k] = 2.0*a0*a2 + 2.0*a1*a3;
        }

        /* t[d[z2#6]] = t[d[z2#6]#1] + t[d[z2#6]#2] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_d_z2_6_1[k];
            const sg_real a1 = t_t_d_z2_6_2[k];
        t_t_d_z2_6[k] = a0 + a1;
        }

        /* t[d[z2#5]] = -t[d[z2#6]] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_d_z2_6[k];
        t_t_d_z2_5[k] = -a0;
        }

        /* t[d[z2#4]] = matmul(t[d[z2#5]], z2#1)  [4x8]·[8x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_t_d_z2_5[s*32 + mi*8 + mk] * c_z2_1[mk];
                t_t_d_z2_4[s*4 + mi + mj] = acc;
            }
        }
        }

        /* t[d[z2#3]] = t[d[z2#4]]/8 */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_t_d_z2_4[k];
        t_t_d_z2_3[k] = ((1.0/8.0))*a0;
        }

        /* t[d[h1]#1] = outer(t[d[z2#3]], z2#1) */
        for (s = 0; s < nt; ++s) {
        for (int mi = 0; mi < 4; ++mi) {
            const sg_real av = t_t_d_z2_3[s*4 + mi];
            for (int mj = 0; mj < 8; ++mj) t_t_d_h1_1[s*32 + mi*8 + mj] = av * c_z2_1[mj];
        }
        }

        /* t[d[h1]] = t[d[h1]#1] + t[d[z2#6]] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_d_h1_1[k];
            const sg_real a1 = t_t_d_z2_6[k];
        t_t_d_h1[k] = a0 + a1;
        }

        /* t[d[z1#29]]#1 = matmul(t[d[h1]], Wo1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_t_d_z1_29_1[s*32 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 8; ++mk) {
                const sg_real av = t_t_d_h1[s*32 + mi*8 + mk];
                for (int mj = 0; mj < 8; ++mj) t_t_d_z1_29_1[s*32 + mi*8 + mj] += av * p_Wo1[mk*8 + mj];
            }
        }
        }

        /* t[d[z1#29]]#2 = matmul(d[h1], u[Wo1])  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_t_d_z1_29_2[s*32 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 8; ++mk) {
                const sg_real av = t_d_h1[s*32 + mi*8 + mk];
                for (int mj = 0; mj < 8; ++mj) t_t_d_z1_29_2[s*32 + mi*8 + mj] += av * u_Wo1[mk*8 + mj];
            }
        }
        }

        /* t[d[z1#29]] = t[d[z1#29]]#1 + t[d[z1#29]]#2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_d_z1_29_1[k];
            const sg_real a1 = t_t_d_z1_29_2[k];
        t_t_d_z1_29[k] = a0 + a1;
        }

        /* t[d[Wo1]]#1 = matmul(t[d[h1]], z1#29)  [8x4]·[4x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 8; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_t_d_Wo1_1[s*64 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_t_d_h1[s*32 + mi + mk*8];
                for (int mj = 0; mj < 8; ++mj) t_t_d_Wo1_1[s*64 + mi*8 + mj] += av * t_z1_29[s*32 + mk*8 + mj];
            }
        }
        }

        /* t[d[Wo1]]#2 = matmul(d[h1], t[z1#29])  [8x4]·[4x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 8; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_t_d_Wo1_2[s*64 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_h1[s*32 + mi + mk*8];
                for (int mj = 0; mj < 8; ++mj) t_t_d_Wo1_2[s*64 + mi*8 + mj] += av * t_t_z1_29[s*32 + mk*8 + mj];
            }
        }
        }

        /* t[d[z1#27]] = gather(t[d[z1#29]]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_t_d_z1_27[s*16 + k] = m >= 0 ? t_t_d_z1_29[s*32 + m] : 0; }
        }
        }
        /* t[d[z1#26]]#1 = matmul(t[d[z1#27]], z1#23)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_t_d_z1_27[s*16 + mi*4 + mk] * t_z1_23[s*16 + mk + mj*4];
                t_t_d_z1_26_1[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* t[d[z1#26]]#2 = matmul(d[z1#27], t[z1#23])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_d_z1_27[s*16 + mi*4 + mk] * t_t_z1_23[s*16 + mk + mj*4];
                t_t_d_z1_26_2[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* t[d[z1#26]] = t[d[z1#26]]#1 + t[d[z1#26]]#2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_d_z1_26_1[k];
            const sg_real a1 = t_t_d_z1_26_2[k];
        t_t_d_z1_26[k] = a0 + a1;
        }

        /* t[d[z1#23]]#1 = matmul(t[z1#26], d[z1#27])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_d_z1_23_1[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_t_z1_26[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_t_d_z1_23_1[s*16 + mi*4 + mj] += av * t_d_z1_27[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[d[z1#23]]#2 = matmul(z1#26, t[d[z1#27]])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_d_z1_23_2[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_26[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_t_d_z1_23_2[s*16 + mi*4 + mj] += av * t_t_d_z1_27[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[d[z1#23]] = t[d[z1#23]]#1 + t[d[z1#23]]#2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_d_z1_23_1[k];
            const sg_real a1 = t_t_d_z1_23_2[k];
        t_t_d_z1_23[k] = a0 + a1;
        }

        /* t[d[z1#25]#1] = d[z1#26]*t[z1#26] + t[d[z1#26]]*z1#26 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_26[k];
            const sg_real a1 = t_t_d_z1_26[k];
            const sg_real a2 = t_t_z1_26[k];
            const sg_real a3 = t_z1_26[k];
        t_t_d_z1_25_1[k] = a0*a2 + a1*a3;
        }

        /* t[d[z1#25]#3] = matmul(t[d[z1#25]#1], d[z1#25]#2)  [4x4]·[4x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_t_d_z1_25_1[s*16 + mi*4 + mk] * c_d_z1_25_2[mk];
                t_t_d_z1_25_3[s*4 + mi + mj] = acc;
            }
        }
        }

        /* t[d[z1#25]#4] = outer(t[d[z1#25]#3], d[z1#25]#2) */
        for (s = 0; s < nt; ++s) {
        for (int mi = 0; mi < 4; ++mi) {
            const sg_real av = t_t_d_z1_25_3[s*4 + mi];
            for (int mj = 0; mj < 4; ++mj) t_t_d_z1_25_4[s*16 + mi*4 + mj] = av * c_d_z1_25_2[mj];
        }
        }

        /* t[d[z1#25]] = -t[d[z1#25]#4]*z1#26 + t[d[z1#26]]*z1#26 + t[z1#26]*(-d[z1#25]#4 + d[z1#26]) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_25_4[k];
            const sg_real a1 = t_d_z1_26[k];
            const sg_real a2 = t_t_d_z1_25_4[k];
            const sg_real a3 = t_t_d_z1_26[k];
            const sg_real a4 = t_t_z1_26[k];
            const sg_real a5 = t_z1_26[k];
        t_t_d_z1_25[k] = -a2*a5 + a3*a5 + a4*(-a0 + a1);
        }

        /* t[d[z1#24]] = t[d[z1#25]]/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_d_z1_25[k];
        t_t_d_z1_24[k] = ((1.0/2.0))*a0;
        }

        /* t[d[z1#21]]#1 = matmul(t[d[z1#24]], z1#22)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_d_z1_21_1[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_t_d_z1_24[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_t_d_z1_21_1[s*16 + mi*4 + mj] += av * t_z1_22[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[d[z1#21]]#2 = matmul(d[z1#24], t[z1#22])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_d_z1_21_2[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_24[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_t_d_z1_21_2[s*16 + mi*4 + mj] += av * t_t_z1_22[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[d[z1#21]] = t[d[z1#21]]#1 + t[d[z1#21]]#2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_d_z1_21_1[k];
            const sg_real a1 = t_t_d_z1_21_2[k];
        t_t_d_z1_21[k] = a0 + a1;
        }

        /* t[d[z1#22]]#1 = matmul(t[d[z1#24]], z1#21)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_d_z1_22_1[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_t_d_z1_24[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_t_d_z1_22_1[s*16 + mi*4 + mj] += av * t_z1_21[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[d[z1#22]]#2 = matmul(d[z1#24], t[z1#21])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_d_z1_22_2[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_24[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_t_d_z1_22_2[s*16 + mi*4 + mj] += av * t_t_z1_21[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[d[z1#22]] = t[d[z1#22]]#1 + t[d[z1#22]]#2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_d_z1_22_1[k];
            const sg_real a1 = t_t_d_z1_22_2[k];
        t_t_d_z1_22[k] = a0 + a1;
        }

        /* t[d[z1#12]#1] = gather_t(t[d[z1#23]]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_t_d_z1_12_1[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_d_z1_12_1[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_d_z1_23[s*16 + k];
          }
          if (cur >= 0) t_t_d_z1_12_1[s*32 + cur] += acc; }
        }
        }
        /* t[d[z1#8]#1] = gather_t(t[d[z1#22]]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_t_d_z1_8_1[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_d_z1_8_1[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_d_z1_22[s*16 + k];
          }
          if (cur >= 0) t_t_d_z1_8_1[s*32 + cur] += acc; }
        }
        }
        /* t[d[z1#4]#1] = gather_t(t[d[z1#21]]) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_t_d_z1_4_1[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_d_z1_4_1[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_d_z1_21[s*16 + k];
          }
          if (cur >= 0) t_t_d_z1_4_1[s*32 + cur] += acc; }
        }
        }
        /* t[d[z1#19]] = gather(t[d[z1#29]]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_t_d_z1_19[s*16 + k] = m >= 0 ? t_t_d_z1_29[s*32 + m] : 0; }
        }
        }
        /* t[d[z1#18]]#1 = matmul(t[d[z1#19]], z1#15)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_t_d_z1_19[s*16 + mi*4 + mk] * t_z1_15[s*16 + mk + mj*4];
                t_t_d_z1_18_1[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* t[d[z1#18]]#2 = matmul(d[z1#19], t[z1#15])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_d_z1_19[s*16 + mi*4 + mk] * t_t_z1_15[s*16 + mk + mj*4];
                t_t_d_z1_18_2[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* t[d[z1#18]] = t[d[z1#18]]#1 + t[d[z1#18]]#2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_d_z1_18_1[k];
            const sg_real a1 = t_t_d_z1_18_2[k];
        t_t_d_z1_18[k] = a0 + a1;
        }

        /* t[d[z1#15]]#1 = matmul(t[z1#18], d[z1#19])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_d_z1_15_1[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_t_z1_18[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_t_d_z1_15_1[s*16 + mi*4 + mj] += av * t_d_z1_19[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[d[z1#15]]#2 = matmul(z1#18, t[d[z1#19]])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_d_z1_15_2[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_18[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_t_d_z1_15_2[s*16 + mi*4 + mj] += av * t_t_d_z1_19[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[d[z1#15]] = t[d[z1#15]]#1 + t[d[z1#15]]#2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_d_z1_15_1[k];
            const sg_real a1 = t_t_d_z1_15_2[k];
        t_t_d_z1_15[k] = a0 + a1;
        }

        /* t[d[z1#17]#1] = d[z1#18]*t[z1#18] + t[d[z1#18]]*z1#18 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_18[k];
            const sg_real a1 = t_t_d_z1_18[k];
            const sg_real a2 = t_t_z1_18[k];
            const sg_real a3 = t_z1_18[k];
        t_t_d_z1_17_1[k] = a0*a2 + a1*a3;
        }

        /* t[d[z1#17]#3] = matmul(t[d[z1#17]#1], d[z1#17]#2)  [4x4]·[4x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_t_d_z1_17_1[s*16 + mi*4 + mk] * c_d_z1_17_2[mk];
                t_t_d_z1_17_3[s*4 + mi + mj] = acc;
            }
        }
        }

        /* t[d[z1#17]#4] = outer(t[d[z1#17]#3], d[z1#17]#2) */
        for (s = 0; s < nt; ++s) {
        for (int mi = 0; mi < 4; ++mi) {
            const sg_real av = t_t_d_z1_17_3[s*4 + mi];
            for (int mj = 0; mj < 4; ++mj) t_t_d_z1_17_4[s*16 + mi*4 + mj] = av * c_d_z1_17_2[mj];
        }
        }

        /* t[d[z1#17]] = -t[d[z1#17]#4]*z1#18 + t[d[z1#18]]*z1#18 + t[z1#18]*(-d[z1#17]#4 + d[z1#18]) */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_d_z1_17_4[k];
            const sg_real a1 = t_d_z1_18[k];
            const sg_real a2 = t_t_d_z1_17_4[k];
            const sg_real a3 = t_t_d_z1_18[k];
            const sg_real a4 = t_t_z1_18[k];
            const sg_real a5 = t_z1_18[k];
        t_t_d_z1_17[k] = -a2*a5 + a3*a5 + a4*(-a0 + a1);
        }

        /* t[d[z1#16]] = t[d[z1#17]]/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_d_z1_17[k];
        t_t_d_z1_16[k] = ((1.0/2.0))*a0;
        }

        /* t[d[z1#13]]#1 = matmul(t[d[z1#16]], z1#14)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_d_z1_13_1[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_t_d_z1_16[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_t_d_z1_13_1[s*16 + mi*4 + mj] += av * t_z1_14[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[d[z1#13]]#2 = matmul(d[z1#16], t[z1#14])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_d_z1_13_2[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_16[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_t_d_z1_13_2[s*16 + mi*4 + mj] += av * t_t_z1_14[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[d[z1#13]] = t[d[z1#13]]#1 + t[d[z1#13]]#2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_d_z1_13_1[k];
            const sg_real a1 = t_t_d_z1_13_2[k];
        t_t_d_z1_13[k] = a0 + a1;
        }

        /* t[d[z1#14]]#1 = matmul(t[d[z1#16]], z1#13)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_d_z1_14_1[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_t_d_z1_16[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_t_d_z1_14_1[s*16 + mi*4 + mj] += av * t_z1_13[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[d[z1#14]]#2 = matmul(d[z1#16], t[z1#13])  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_t_d_z1_14_2[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_d_z1_16[s*16 + mi + mk*4];
                for (int mj = 0; mj < 4; ++mj) t_t_d_z1_14_2[s*16 + mi*4 + mj] += av * t_t_z1_13[s*16 + mk*4 + mj];
            }
        }
        }

        /* t[d[z1#14]] = t[d[z1#14]]#1 + t[d[z1#14]]#2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_t_d_z1_14_1[k];
            const sg_real a1 = t_t_d_z1_14_2[k];
        t_t_d_z1_14[k] = a0 + a1;
        }

        /* t[d[z1#12]#2] = gather_t(t[d[z1#15]]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_t_d_z1_12_2[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_d_z1_12_2[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_d_z1_15[s*16 + k];
          }
          if (cur >= 0) t_t_d_z1_12_2[s*32 + cur] += acc; }
        }
        }
        /* t[d[z1#8]#2] = gather_t(t[d[z1#14]]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_t_d_z1_8_2[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_d_z1_8_2[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_d_z1_14[s*16 + k];
          }
          if (cur >= 0) t_t_d_z1_8_2[s*32 + cur] += acc; }
        }
        }
        /* t[d[z1#4]#2] = gather_t(t[d[z1#13]]) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_t_d_z1_4_2[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_t_d_z1_4_2[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_t_d_z1_13[s*16 + k];
          }
          if (cur >= 0) t_t_d_z1_4_2[s*32 + cur] += acc; }
        }
        }
        /* t[d[z1#12]] = t[d[z1#12]#1] + t[d[z1#12]#2] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_d_z1_12_1[k];
            const sg_real a1 = t_t_d_z1_12_2[k];
        t_t_d_z1_12[k] = a0 + a1;
        }

        /* t[d[Wv1]] = matmul(t[d[z1#12]], x)  [8x4]·[4x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 8; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_t_d_Wv1[s*64 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_t_d_z1_12[s*32 + mi + mk*8];
                for (int mj = 0; mj < 8; ++mj) t_t_d_Wv1[s*64 + mi*8 + mj] += av * d_x[s*35 + mk*8 + mj];
            }
        }
        }

        /* t[d[z1#8]] = t[d[z1#8]#1] + t[d[z1#8]#2] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_d_z1_8_1[k];
            const sg_real a1 = t_t_d_z1_8_2[k];
        t_t_d_z1_8[k] = a0 + a1;
        }

        /* t[d[Wk1]] = matmul(t[d[z1#8]], x)  [8x4]·[4x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 8; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_t_d_Wk1[s*64 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_t_d_z1_8[s*32 + mi + mk*8];
                for (int mj = 0; mj < 8; ++mj) t_t_d_Wk1[s*64 + mi*8 + mj] += av * d_x[s*35 + mk*8 + mj];
            }
        }
        }

        /* t[d[z1#4]] = t[d[z1#4]#1] + t[d[z1#4]#2] */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_t_d_z1_4_1[k];
            const sg_real a1 = t_t_d_z1_4_2[k];
        t_t_d_z1_4[k] = a0 + a1;
        }

        /* t[d[Wq1]] = matmul(t[d[z1#4]], x)  [8x4]·[4x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 8; ++mi) {
            for (int mj = 0; mj < 8; ++mj) t_t_d_Wq1[s*64 + mi*8 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_t_d_z1_4[s*32 + mi + mk*8];
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

        /* sum d[z3] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 32; ++k) r_d_z3[k] += t_d_z3[s*32 + k];

        /* sum d[W3] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_d_W3[k] += t_d_W3[s*64 + k];

        /* sum d[h2] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 32; ++k) r_d_h2[k] += t_d_h2[s*32 + k];

        /* sum d[z2#11] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 32; ++k) r_d_z2_11[k] += t_d_z2_11[s*32 + k];

        /* sum d[h1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 32; ++k) r_d_h1[k] += t_d_h1[s*32 + k];

        /* sum d[Wo1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_d_Wo1[k] += t_d_Wo1[s*64 + k];

        /* sum d[z1#12] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 32; ++k) r_d_z1_12[k] += t_d_z1_12[s*32 + k];

        /* sum d[Wv1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_d_Wv1[k] += t_d_Wv1[s*64 + k];

        /* sum d[z1#8] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 32; ++k) r_d_z1_8[k] += t_d_z1_8[s*32 + k];

        /* sum d[Wk1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_d_Wk1[k] += t_d_Wk1[s*64 + k];

        /* sum d[z1#4] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 32; ++k) r_d_z1_4[k] += t_d_z1_4[s*32 + k];

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

        /* sum t[d[z3]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 32; ++k) r_t_d_z3[k] += t_t_d_z3[s*32 + k];

        /* sum t[d[W3]]#1 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_t_d_W3_1[k] += t_t_d_W3_1[s*64 + k];

        /* sum t[d[W3]]#2 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_t_d_W3_2[k] += t_t_d_W3_2[s*64 + k];

        /* sum t[d[h2]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 32; ++k) r_t_d_h2[k] += t_t_d_h2[s*32 + k];

        /* sum t[d[z2#11]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 32; ++k) r_t_d_z2_11[k] += t_t_d_z2_11[s*32 + k];

        /* sum t[d[h1]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 32; ++k) r_t_d_h1[k] += t_t_d_h1[s*32 + k];

        /* sum t[d[Wo1]]#1 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_t_d_Wo1_1[k] += t_t_d_Wo1_1[s*64 + k];

        /* sum t[d[Wo1]]#2 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_t_d_Wo1_2[k] += t_t_d_Wo1_2[s*64 + k];

        /* sum t[d[z1#12]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 32; ++k) r_t_d_z1_12[k] += t_t_d_z1_12[s*32 + k];

        /* sum t[d[Wv1]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_t_d_Wv1[k] += t_t_d_Wv1[s*64 + k];

        /* sum t[d[z1#8]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 32; ++k) r_t_d_z1_8[k] += t_t_d_z1_8[s*32 + k];

        /* sum t[d[Wk1]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 64; ++k) r_t_d_Wk1[k] += t_t_d_Wk1[s*64 + k];

        /* sum t[d[z1#4]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 32; ++k) r_t_d_z1_4[k] += t_t_d_z1_4[s*32 + k];

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

    /* d[b3] = matmul(d[z3], z3#2)  [8x4]·[4x1] */

    for (int mi = 0; mi < 8; ++mi) r_d_b3[mi + 0] = 0;
    for (int mk = 0; mk < 4; ++mk) {
        const sg_real bv = c_z3_2[mk];
        for (int mi = 0; mi < 8; ++mi) r_d_b3[mi + 0] += r_d_z3[mi + mk*8] * bv;
    }

    /* d[beta2] = matmul(d[h2], z2#2)  [8x4]·[4x1] */

    for (int mi = 0; mi < 8; ++mi) r_d_beta2[mi + 0] = 0;
    for (int mk = 0; mk < 4; ++mk) {
        const sg_real bv = c_z2_2[mk];
        for (int mi = 0; mi < 8; ++mi) r_d_beta2[mi + 0] += r_d_h2[mi + mk*8] * bv;
    }

    /* d[gamma2] = matmul(d[z2#11], z2#2)  [8x4]·[4x1] */

    for (int mi = 0; mi < 8; ++mi) r_d_gamma2[mi + 0] = 0;
    for (int mk = 0; mk < 4; ++mk) {
        const sg_real bv = c_z2_2[mk];
        for (int mi = 0; mi < 8; ++mi) r_d_gamma2[mi + 0] += r_d_z2_11[mi + mk*8] * bv;
    }

    /* d[bo1] = matmul(d[h1], z1#31)  [8x4]·[4x1] */

    for (int mi = 0; mi < 8; ++mi) r_d_bo1[mi + 0] = 0;
    for (int mk = 0; mk < 4; ++mk) {
        const sg_real bv = c_z1_31[mk];
        for (int mi = 0; mi < 8; ++mi) r_d_bo1[mi + 0] += r_d_h1[mi + mk*8] * bv;
    }

    /* d[bv1] = matmul(d[z1#12], z1#10)  [8x4]·[4x1] */

    for (int mi = 0; mi < 8; ++mi) r_d_bv1[mi + 0] = 0;
    for (int mk = 0; mk < 4; ++mk) {
        const sg_real bv = c_z1_10[mk];
        for (int mi = 0; mi < 8; ++mi) r_d_bv1[mi + 0] += r_d_z1_12[mi + mk*8] * bv;
    }

    /* d[bk1] = matmul(d[z1#8], z1#6)  [8x4]·[4x1] */

    for (int mi = 0; mi < 8; ++mi) r_d_bk1[mi + 0] = 0;
    for (int mk = 0; mk < 4; ++mk) {
        const sg_real bv = c_z1_6[mk];
        for (int mi = 0; mi < 8; ++mi) r_d_bk1[mi + 0] += r_d_z1_8[mi + mk*8] * bv;
    }

    /* d[bq1] = matmul(d[z1#4], z1#2)  [8x4]·[4x1] */

    for (int mi = 0; mi < 8; ++mi) r_d_bq1[mi + 0] = 0;
    for (int mk = 0; mk < 4; ++mk) {
        const sg_real bv = c_z1_2[mk];
        for (int mi = 0; mi < 8; ++mi) r_d_bq1[mi + 0] += r_d_z1_4[mi + mk*8] * bv;
    }

    /* t[d[b3]] = matmul(t[d[z3]], z3#2)  [8x4]·[4x1] */

    for (int mi = 0; mi < 8; ++mi) r_t_d_b3[mi + 0] = 0;
    for (int mk = 0; mk < 4; ++mk) {
        const sg_real bv = c_z3_2[mk];
        for (int mi = 0; mi < 8; ++mi) r_t_d_b3[mi + 0] += r_t_d_z3[mi + mk*8] * bv;
    }

    /* t[d[W3]] = t[d[W3]]#1 + t[d[W3]]#2 */
    for (int k = 0; k < 64; ++k) {
        const sg_real a0 = r_t_d_W3_1[k];
        const sg_real a1 = r_t_d_W3_2[k];
    r_t_d_W3[k] = a0 + a1;
    }

    /* t[d[beta2]] = matmul(t[d[h2]], z2#2)  [8x4]·[4x1] */

    for (int mi = 0; mi < 8; ++mi) r_t_d_beta2[mi + 0] = 0;
    for (int mk = 0; mk < 4; ++mk) {
        const sg_real bv = c_z2_2[mk];
        for (int mi = 0; mi < 8; ++mi) r_t_d_beta2[mi + 0] += r_t_d_h2[mi + mk*8] * bv;
    }

    /* t[d[gamma2]] = matmul(t[d[z2#11]], z2#2)  [8x4]·[4x1] */

    for (int mi = 0; mi < 8; ++mi) r_t_d_gamma2[mi + 0] = 0;
    for (int mk = 0; mk < 4; ++mk) {
        const sg_real bv = c_z2_2[mk];
        for (int mi = 0; mi < 8; ++mi) r_t_d_gamma2[mi + 0] += r_t_d_z2_11[mi + mk*8] * bv;
    }

    /* t[d[bo1]] = matmul(t[d[h1]], z1#31)  [8x4]·[4x1] */

    for (int mi = 0; mi < 8; ++mi) r_t_d_bo1[mi + 0] = 0;
    for (int mk = 0; mk < 4; ++mk) {
        const sg_real bv = c_z1_31[mk];
        for (int mi = 0; mi < 8; ++mi) r_t_d_bo1[mi + 0] += r_t_d_h1[mi + mk*8] * bv;
    }

    /* t[d[Wo1]] = t[d[Wo1]]#1 + t[d[Wo1]]#2 */
    for (int k = 0; k < 64; ++k) {
        const sg_real a0 = r_t_d_Wo1_1[k];
        const sg_real a1 = r_t_d_Wo1_2[k];
    r_t_d_Wo1[k] = a0 + a1;
    }

    /* t[d[bv1]] = matmul(t[d[z1#12]], z1#10)  [8x4]·[4x1] */

    for (int mi = 0; mi < 8; ++mi) r_t_d_bv1[mi + 0] = 0;
    for (int mk = 0; mk < 4; ++mk) {
        const sg_real bv = c_z1_10[mk];
        for (int mi = 0; mi < 8; ++mi) r_t_d_bv1[mi + 0] += r_t_d_z1_12[mi + mk*8] * bv;
    }

    /* t[d[bk1]] = matmul(t[d[z1#8]], z1#6)  [8x4]·[4x1] */

    for (int mi = 0; mi < 8; ++mi) r_t_d_bk1[mi + 0] = 0;
    for (int mk = 0; mk < 4; ++mk) {
        const sg_real bv = c_z1_6[mk];
        for (int mi = 0; mi < 8; ++mi) r_t_d_bk1[mi + 0] += r_t_d_z1_8[mi + mk*8] * bv;
    }

    /* t[d[bq1]] = matmul(t[d[z1#4]], z1#2)  [8x4]·[4x1] */

    for (int mi = 0; mi < 8; ++mi) r_t_d_bq1[mi + 0] = 0;
    for (int mk = 0; mk < 4; ++mk) {
        const sg_real bv = c_z1_2[mk];
        for (int mi = 0; mi < 8; ++mi) r_t_d_bq1[mi + 0] += r_t_d_z1_4[mi + mk*8] * bv;
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

/* ==== jacobian: tile of 32 samples, workspace 85384 reals ==== */
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
    sg_real *restrict c_z1_2 = work + 96;  /* work [4] */
    sg_real *restrict c_z1_3 = work + 104;  /* work [4, 8] */
    sg_real *restrict c_z1_6 = work + 136;  /* work [4] */
    sg_real *restrict c_z1_7 = work + 144;  /* work [4, 8] */
    sg_real *restrict c_z1_10 = work + 176;  /* work [4] */
    sg_real *restrict c_z1_11 = work + 184;  /* work [4, 8] */
    sg_real *restrict c_z1_31 = work + 216;  /* work [4] */
    sg_real *restrict c_z1_32 = work + 224;  /* work [4, 8] */
    sg_real *restrict c_z2_1 = work + 256;  /* work [8] */
    sg_real *restrict c_z2_2 = work + 264;  /* work [4] */
    sg_real *restrict c_z2_11 = work + 272;  /* work [4, 8] */
    sg_real *restrict c_z2_12 = work + 304;  /* work [4, 8] */
    sg_real *restrict c_z3_2 = work + 336;  /* work [4] */
    sg_real *restrict c_z3_3 = work + 344;  /* work [4, 8] */
    sg_real *restrict c_J0_d_z1_25_2 = work + 376;  /* work [4] */
    sg_real *restrict c_J0_d_z1_17_2 = work + 384;  /* work [4] */
    sg_real *restrict t_z1_1 = work + 392;  /* tile [4, 8] */
    sg_real *restrict t_z1_4 = work + 1416;  /* tile [4, 8] */
    sg_real *restrict t_z1_5 = work + 2440;  /* tile [4, 8] */
    sg_real *restrict t_z1_8 = work + 3464;  /* tile [4, 8] */
    sg_real *restrict t_z1_9 = work + 4488;  /* tile [4, 8] */
    sg_real *restrict t_z1_12 = work + 5512;  /* tile [4, 8] */
    sg_real *restrict t_z1_13 = work + 6536;  /* tile [4, 4] */
    sg_real *restrict t_z1_14 = work + 7048;  /* tile [4, 4] */
    sg_real *restrict t_z1_15 = work + 7560;  /* tile [4, 4] */
    sg_real *restrict t_z1_16 = work + 8072;  /* tile [4, 4] */
    sg_real *restrict t_z1_17 = work + 8584;  /* tile [4, 4] */
    sg_real *restrict t_z1_18 = work + 9096;  /* tile [4, 4] */
    sg_real *restrict t_z1_19 = work + 9608;  /* tile [4, 4] */
    sg_real *restrict t_z1_20 = work + 10120;  /* tile [4, 8] */
    sg_real *restrict t_z1_21 = work + 11144;  /* tile [4, 4] */
    sg_real *restrict t_z1_22 = work + 11656;  /* tile [4, 4] */
    sg_real *restrict t_z1_23 = work + 12168;  /* tile [4, 4] */
    sg_real *restrict t_z1_24 = work + 12680;  /* tile [4, 4] */
    sg_real *restrict t_z1_25 = work + 13192;  /* tile [4, 4] */
    sg_real *restrict t_z1_26 = work + 13704;  /* tile [4, 4] */
    sg_real *restrict t_z1_27 = work + 14216;  /* tile [4, 4] */
    sg_real *restrict t_z1_28 = work + 14728;  /* tile [4, 8] */
    sg_real *restrict t_z1_29 = work + 15752;  /* tile [4, 8] */
    sg_real *restrict t_z1_30 = work + 16776;  /* tile [4, 8] */
    sg_real *restrict t_z1 = work + 17800;  /* tile [4, 8] */
    sg_real *restrict t_h1 = work + 18824;  /* tile [4, 8] */
    sg_real *restrict t_z2_3 = work + 19848;  /* tile [4] */
    sg_real *restrict t_z2_4 = work + 19976;  /* tile [4] */
    sg_real *restrict t_z2_5 = work + 20104;  /* tile [4, 8] */
    sg_real *restrict t_z2_6 = work + 21128;  /* tile [4, 8] */
    sg_real *restrict t_z2_7 = work + 22152;  /* tile [4, 8] */
    sg_real *restrict t_z2_8 = work + 23176;  /* tile [4] */
    sg_real *restrict t_z2_9 = work + 23304;  /* tile [4] */
    sg_real *restrict t_z2_10 = work + 23432;  /* tile [4, 8] */
    sg_real *restrict t_z2 = work + 24456;  /* tile [4, 8] */
    sg_real *restrict t_h2 = work + 25480;  /* tile [4, 8] */
    sg_real *restrict t_z3_1 = work + 26504;  /* tile [4, 8] */
    sg_real *restrict t_z3 = work + 27528;  /* tile [4, 8] */
    sg_real *restrict t_h3 = work + 28552;  /* tile [4, 8] */
    sg_real *restrict t_z4 = work + 29576;  /* tile [32] */
    sg_real *restrict t_h4 = work + 30600;  /* tile [32] */
    sg_real *restrict t_J0_d_W5 = work + 31624;  /* tile [3, 32] */
    sg_real *restrict t_J0_d_h4 = work + 34696;  /* tile [32] */
    sg_real *restrict t_J0_d_h3 = work + 35720;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_z3 = work + 36744;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_b3 = work + 37768;  /* tile [8] */
    sg_real *restrict t_J0_d_h2_1 = work + 38024;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_W3 = work + 39048;  /* tile [8, 8] */
    sg_real *restrict t_J0_d_h2 = work + 41096;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_z2_10 = work + 42120;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_z2_11 = work + 43144;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_z2_6_1 = work + 44168;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_beta2 = work + 45192;  /* tile [8] */
    sg_real *restrict t_J0_d_gamma2 = work + 45448;  /* tile [8] */
    sg_real *restrict t_J0_d_z2_9 = work + 45704;  /* tile [4] */
    sg_real *restrict t_J0_d_z2_8 = work + 45832;  /* tile [4] */
    sg_real *restrict t_J0_d_z2_7 = work + 45960;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_z2_6_2 = work + 46984;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_z2_6 = work + 48008;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_z2_5 = work + 49032;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_z2_4 = work + 50056;  /* tile [4] */
    sg_real *restrict t_J0_d_z2_3 = work + 50184;  /* tile [4] */
    sg_real *restrict t_J0_d_h1_1 = work + 50312;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_h1 = work + 51336;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_bo1 = work + 52360;  /* tile [8] */
    sg_real *restrict t_J0_d_z1_29 = work + 52616;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_Wo1 = work + 53640;  /* tile [8, 8] */
    sg_real *restrict t_J0_d_z1_27 = work + 55688;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_26 = work + 56200;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_23 = work + 56712;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_25_1 = work + 57224;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_25_3 = work + 57736;  /* tile [4] */
    sg_real *restrict t_J0_d_z1_25_4 = work + 57864;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_25 = work + 58376;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_24 = work + 58888;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_21 = work + 59400;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_22 = work + 59912;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_12_1 = work + 60424;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_z1_8_1 = work + 61448;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_z1_4_1 = work + 62472;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_z1_19 = work + 63496;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_18 = work + 64008;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_15 = work + 64520;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_17_1 = work + 65032;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_17_3 = work + 65544;  /* tile [4] */
    sg_real *restrict t_J0_d_z1_17_4 = work + 65672;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_17 = work + 66184;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_16 = work + 66696;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_13 = work + 67208;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_14 = work + 67720;  /* tile [4, 4] */
    sg_real *restrict t_J0_d_z1_12_2 = work + 68232;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_z1_8_2 = work + 69256;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_z1_4_2 = work + 70280;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_z1_12 = work + 71304;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_bv1 = work + 72328;  /* tile [8] */
    sg_real *restrict t_J0_d_x_1 = work + 72584;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_Wv1 = work + 73608;  /* tile [8, 8] */
    sg_real *restrict t_J0_d_z1_8 = work + 75656;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_bk1 = work + 76680;  /* tile [8] */
    sg_real *restrict t_J0_d_x_2 = work + 76936;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_Wk1 = work + 77960;  /* tile [8, 8] */
    sg_real *restrict t_J0_d_z1_4 = work + 80008;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_bq1 = work + 81032;  /* tile [8] */
    sg_real *restrict t_J0_d_x_3 = work + 81288;  /* tile [4, 8] */
    sg_real *restrict t_J0_d_Wq1 = work + 82312;  /* tile [8, 8] */
    sg_real *restrict t_J0_d_x = work + 84360;  /* tile [4, 8] */
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
    /* z1#2 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_z1_2[k] = 1.0;
    }

    /* z1#3 = outer(z1#2, bq1) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z1_2[mi];
        for (int mj = 0; mj < 8; ++mj) c_z1_3[mi*8 + mj] = av * p_bq1[mj];
    }

    /* z1#6 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_z1_6[k] = 1.0;
    }

    /* z1#7 = outer(z1#6, bk1) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z1_6[mi];
        for (int mj = 0; mj < 8; ++mj) c_z1_7[mi*8 + mj] = av * p_bk1[mj];
    }

    /* z1#10 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_z1_10[k] = 1.0;
    }

    /* z1#11 = outer(z1#10, bv1) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z1_10[mi];
        for (int mj = 0; mj < 8; ++mj) c_z1_11[mi*8 + mj] = av * p_bv1[mj];
    }

    /* z1#31 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_z1_31[k] = 1.0;
    }

    /* z1#32 = outer(z1#31, bo1) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z1_31[mi];
        for (int mj = 0; mj < 8; ++mj) c_z1_32[mi*8 + mj] = av * p_bo1[mj];
    }

    /* z2#1 = 1 */
    for (int k = 0; k < 8; ++k) {
    c_z2_1[k] = 1.0;
    }

    /* z2#2 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_z2_2[k] = 1.0;
    }

    /* z2#11 = outer(z2#2, gamma2) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z2_2[mi];
        for (int mj = 0; mj < 8; ++mj) c_z2_11[mi*8 + mj] = av * p_gamma2[mj];
    }

    /* z2#12 = outer(z2#2, beta2) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z2_2[mi];
        for (int mj = 0; mj < 8; ++mj) c_z2_12[mi*8 + mj] = av * p_beta2[mj];
    }

    /* z3#2 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_z3_2[k] = 1.0;
    }

    /* z3#3 = outer(z3#2, b3) */
    for (int mi = 0; mi < 4; ++mi) {
        const sg_real av = c_z3_2[mi];
        for (int mj = 0; mj < 8; ++mj) c_z3_3[mi*8 + mj] = av * p_b3[mj];
    }

    /* J0:d[z1#25]#2 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_J0_d_z1_25_2[k] = 1.0;
    }

    /* J0:d[z1#17]#2 = 1 */
    for (int k = 0; k < 4; ++k) {
    c_J0_d_z1_17_2[k] = 1.0;
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

        /* z1#4 = z1#1 + z1#3 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z1_1[s*32 + k];
            const sg_real a1 = c_z1_3[k];
        t_z1_4[s*32 + k] = a0 + a1;
        }
        }

        /* z1#5 = matmul(x, Wk1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += d_x[s*35 + mi*8 + mk] * p_Wk1[mk + mj*8];
                t_z1_5[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z1#8 = z1#5 + z1#7 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z1_5[s*32 + k];
            const sg_real a1 = c_z1_7[k];
        t_z1_8[s*32 + k] = a0 + a1;
        }
        }

        /* z1#9 = matmul(x, Wv1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += d_x[s*35 + mi*8 + mk] * p_Wv1[mk + mj*8];
                t_z1_9[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z1#12 = z1#11 + z1#9 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = c_z1_11[k];
            const sg_real a1 = t_z1_9[s*32 + k];
        t_z1_12[s*32 + k] = a0 + a1;
        }
        }

        /* z1#13 = gather(z1#4) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_13[s*16 + k] = m >= 0 ? t_z1_4[s*32 + m] : 0; }
        }
        }
        /* z1#14 = gather(z1#8) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_14[s*16 + k] = m >= 0 ? t_z1_8[s*32 + m] : 0; }
        }
        }
        /* z1#15 = gather(z1#12) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_15[s*16 + k] = m >= 0 ? t_z1_12[s*32 + m] : 0; }
        }
        }
        /* z1#16 = matmul(z1#13, z1#14)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_z1_13[s*16 + mi*4 + mk] * t_z1_14[s*16 + mk + mj*4];
                t_z1_16[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* z1#17 = z1#16/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z1_16[k];
        t_z1_17[k] = ((1.0/2.0))*a0;
        }

        /* z1#18 = softmax_rows(z1#17) (each row max subtracted) */
        for (s = 0; s < nt; ++s) {
        for (int r = 0; r < 4; ++r) {
            const int o = r * 4;
            sg_real mx = t_z1_17[s*16 + o], se = 0;
            for (int k = 1; k < 4; ++k) mx = t_z1_17[s*16 + o + k] > mx ? t_z1_17[s*16 + o + k] : mx;
            for (int k = 0; k < 4; ++k) se += exp(t_z1_17[s*16 + o + k] - mx);
            const sg_real inv = 1 / se;
            for (int k = 0; k < 4; ++k) t_z1_18[s*16 + o + k] = exp(t_z1_17[s*16 + o + k] - mx) * inv;
        }
        }

        /* z1#19 = matmul(z1#18, z1#15)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_z1_19[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_18[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_z1_19[s*16 + mi*4 + mj] += av * t_z1_15[s*16 + mk*4 + mj];
            }
        }
        }

        /* z1#20 = gather_t(z1#19) */
        { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_z1_20[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_z1_20[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_z1_19[s*16 + k];
          }
          if (cur >= 0) t_z1_20[s*32 + cur] += acc; }
        }
        }
        /* z1#21 = gather(z1#4) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_21[s*16 + k] = m >= 0 ? t_z1_4[s*32 + m] : 0; }
        }
        }
        /* z1#22 = gather(z1#8) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_22[s*16 + k] = m >= 0 ? t_z1_8[s*32 + m] : 0; }
        }
        }
        /* z1#23 = gather(z1#12) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 16; ++k) { const int m = map[k]; t_z1_23[s*16 + k] = m >= 0 ? t_z1_12[s*32 + m] : 0; }
        }
        }
        /* z1#24 = matmul(z1#21, z1#22)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 4; ++mk) acc += t_z1_21[s*16 + mi*4 + mk] * t_z1_22[s*16 + mk + mj*4];
                t_z1_24[s*16 + mi*4 + mj] = acc;
            }
        }
        }

        /* z1#25 = z1#24/2 */
        for (int k = 0; k < nt*16; ++k) {
            const sg_real a0 = t_z1_24[k];
        t_z1_25[k] = ((1.0/2.0))*a0;
        }

        /* z1#26 = softmax_rows(z1#25) (each row max subtracted) */
        for (s = 0; s < nt; ++s) {
        for (int r = 0; r < 4; ++r) {
            const int o = r * 4;
            sg_real mx = t_z1_25[s*16 + o], se = 0;
            for (int k = 1; k < 4; ++k) mx = t_z1_25[s*16 + o + k] > mx ? t_z1_25[s*16 + o + k] : mx;
            for (int k = 0; k < 4; ++k) se += exp(t_z1_25[s*16 + o + k] - mx);
            const sg_real inv = 1 / se;
            for (int k = 0; k < 4; ++k) t_z1_26[s*16 + o + k] = exp(t_z1_25[s*16 + o + k] - mx) * inv;
        }
        }

        /* z1#27 = matmul(z1#26, z1#23)  [4x4]·[4x4] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 4; ++mj) t_z1_27[s*16 + mi*4 + mj] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real av = t_z1_26[s*16 + mi*4 + mk];
                for (int mj = 0; mj < 4; ++mj) t_z1_27[s*16 + mi*4 + mj] += av * t_z1_23[s*16 + mk*4 + mj];
            }
        }
        }

        /* z1#28 = gather_t(z1#27) */
        { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) t_z1_28[s*32 + k] = 0;
        { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
          for (int k = 0; k < 16; ++k) {
              const int m = map[k];
              if (m != cur) { if (cur >= 0) t_z1_28[s*32 + cur] += acc; cur = m; acc = 0; }
              if (m >= 0) acc += t_z1_27[s*16 + k];
          }
          if (cur >= 0) t_z1_28[s*32 + cur] += acc; }
        }
        }
        /* z1#29 = z1#20 + z1#28 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z1_20[k];
            const sg_real a1 = t_z1_28[k];
        t_z1_29[k] = a0 + a1;
        }

        /* z1#30 = matmul(z1#29, Wo1)  [4x8]·[8x8] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 8; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_z1_29[s*32 + mi*8 + mk] * p_Wo1[mk + mj*8];
                t_z1_30[s*32 + mi*8 + mj] = acc;
            }
        }
        }

        /* z1 = z1#30 + z1#32 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z1_30[s*32 + k];
            const sg_real a1 = c_z1_32[k];
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

        /* z2#3 = matmul(h1, z2#1)  [4x8]·[8x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_h1[s*32 + mi*8 + mk] * c_z2_1[mk];
                t_z2_3[s*4 + mi + mj] = acc;
            }
        }
        }

        /* z2#4 = z2#3/8 */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_z2_3[k];
        t_z2_4[k] = ((1.0/8.0))*a0;
        }

        /* z2#5 = outer(z2#4, z2#1) */
        for (s = 0; s < nt; ++s) {
        for (int mi = 0; mi < 4; ++mi) {
            const sg_real av = t_z2_4[s*4 + mi];
            for (int mj = 0; mj < 8; ++mj) t_z2_5[s*32 + mi*8 + mj] = av * c_z2_1[mj];
        }
        }

        /* z2#6 = h1 - z2#5 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_h1[k];
            const sg_real a1 = t_z2_5[k];
        t_z2_6[k] = a0 - a1;
        }

        /* z2#7 = z2#6**2 */
        for (int k = 0; k < nt*32; ++k) {
            const sg_real a0 = t_z2_6[k];
        t_z2_7[k] = (a0*a0);
        }

        /* z2#8 = matmul(z2#7, z2#1)  [4x8]·[8x1] */
        for (s = 0; s < nt; ++s) {

        for (int mi = 0; mi < 4; ++mi) {
            for (int mj = 0; mj < 1; ++mj) {
                sg_real acc = 0;
                SG_SIMD_REDUCE(acc)
                for (int mk = 0; mk < 8; ++mk) acc += t_z2_7[s*32 + mi*8 + mk] * c_z2_1[mk];
                t_z2_8[s*4 + mi + mj] = acc;
            }
        }
        }

        /* z2#9 = 1/sqrt(z2#8/8 + 1/100000) */
        for (int k = 0; k < nt*4; ++k) {
            const sg_real a0 = t_z2_8[k];
        t_z2_9[k] = (1.0/sqrt(((1.0/8.0))*a0 + (1.0/100000.0)));
        }

        /* z2#10 = outer(z2#9, z2#1) */
        for (s = 0; s < nt; ++s) {
        for (int mi = 0; mi < 4; ++mi) {
            const sg_real av = t_z2_9[s*4 + mi];
            for (int mj = 0; mj < 8; ++mj) t_z2_10[s*32 + mi*8 + mj] = av * c_z2_1[mj];
        }
        }

        /* z2 = z2#10*z2#11*z2#6 + z2#12 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z2_10[s*32 + k];
            const sg_real a1 = c_z2_11[k];
            const sg_real a2 = c_z2_12[k];
            const sg_real a3 = t_z2_6[s*32 + k];
        t_z2[s*32 + k] = a0*a1*a3 + a2;
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

        /* z3 = z3#1 + z3#3 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 32; ++k) {
            const sg_real a0 = t_z3_1[s*32 + k];
            const sg_real a1 = c_z3_3[k];
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

            /* J0:d[b3] = matmul(J0:d[z3], z3#2)  [8x4]·[4x1] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 8; ++mi) t_J0_d_b3[s*8 + mi + 0] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real bv = c_z3_2[mk];
                for (int mi = 0; mi < 8; ++mi) t_J0_d_b3[s*8 + mi + 0] += t_J0_d_z3[s*32 + mi + mk*8] * bv;
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

            /* J0:d[z2#10] = J0:d[h2]*z2#11*z2#6 */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 32; ++k) {
                const sg_real a0 = t_J0_d_h2[s*32 + k];
                const sg_real a1 = c_z2_11[k];
                const sg_real a2 = t_z2_6[s*32 + k];
            t_J0_d_z2_10[s*32 + k] = a0*a1*a2;
            }
            }

            /* J0:d[z2#11] = J0:d[h2]*z2#10*z2#6 */
            for (int k = 0; k < nt*32; ++k) {
                const sg_real a0 = t_J0_d_h2[k];
                const sg_real a1 = t_z2_10[k];
                const sg_real a2 = t_z2_6[k];
            t_J0_d_z2_11[k] = a0*a1*a2;
            }

            /* J0:d[z2#6]#1 = J0:d[h2]*z2#10*z2#11 */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 32; ++k) {
                const sg_real a0 = t_J0_d_h2[s*32 + k];
                const sg_real a1 = t_z2_10[s*32 + k];
                const sg_real a2 = c_z2_11[k];
            t_J0_d_z2_6_1[s*32 + k] = a0*a1*a2;
            }
            }

            /* J0:d[beta2] = matmul(J0:d[h2], z2#2)  [8x4]·[4x1] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 8; ++mi) t_J0_d_beta2[s*8 + mi + 0] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real bv = c_z2_2[mk];
                for (int mi = 0; mi < 8; ++mi) t_J0_d_beta2[s*8 + mi + 0] += t_J0_d_h2[s*32 + mi + mk*8] * bv;
            }
            }

            /* J0:d[gamma2] = matmul(J0:d[z2#11], z2#2)  [8x4]·[4x1] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 8; ++mi) t_J0_d_gamma2[s*8 + mi + 0] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real bv = c_z2_2[mk];
                for (int mi = 0; mi < 8; ++mi) t_J0_d_gamma2[s*8 + mi + 0] += t_J0_d_z2_11[s*32 + mi + mk*8] * bv;
            }
            }

            /* J0:d[z2#9] = matmul(J0:d[z2#10], z2#1)  [4x8]·[8x1] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 4; ++mi) {
                for (int mj = 0; mj < 1; ++mj) {
                    sg_real acc = 0;
                    SG_SIMD_REDUCE(acc)
                    for (int mk = 0; mk < 8; ++mk) acc += t_J0_d_z2_10[s*32 + mi*8 + mk] * c_z2_1[mk];
                    t_J0_d_z2_9[s*4 + mi + mj] = acc;
                }
            }
            }

            /* J0:d[z2#8] = -J0:d[z2#9]/(16*(z2#8/8 + 1/100000)**(3/2)) */
            for (int k = 0; k < nt*4; ++k) {
                const sg_real a0 = t_J0_d_z2_9[k];
                const sg_real a1 = t_z2_8[k];
            t_J0_d_z2_8[k] = -(1.0/16.0)*a0/pow(((1.0/8.0))*a1 + (1.0/100000.0), (3.0/2.0));
            }

            /* J0:d[z2#7] = outer(J0:d[z2#8], z2#1) */
            for (s = 0; s < nt; ++s) {
            for (int mi = 0; mi < 4; ++mi) {
                const sg_real av = t_J0_d_z2_8[s*4 + mi];
                for (int mj = 0; mj < 8; ++mj) t_J0_d_z2_7[s*32 + mi*8 + mj] = av * c_z2_1[mj];
            }
            }

            /* J0:d[z2#6]#2 = 2*J0:d[z2#7]*z2#6 */
            for (int k = 0; k < nt*32; ++k) {
                const sg_real a0 = t_J0_d_z2_7[k];
                const sg_real a1 = t_z2_6[k];
            t_J0_d_z2_6_2[k] = 2.0*a0*a1;
            }

            /* J0:d[z2#6] = J0:d[z2#6]#1 + J0:d[z2#6]#2 */
            for (int k = 0; k < nt*32; ++k) {
                const sg_real a0 = t_J0_d_z2_6_1[k];
                const sg_real a1 = t_J0_d_z2_6_2[k];
            t_J0_d_z2_6[k] = a0 + a1;
            }

            /* J0:d[z2#5] = -J0:d[z2#6] */
            for (int k = 0; k < nt*32; ++k) {
                const sg_real a0 = t_J0_d_z2_6[k];
            t_J0_d_z2_5[k] = -a0;
            }

            /* J0:d[z2#4] = matmul(J0:d[z2#5], z2#1)  [4x8]·[8x1] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 4; ++mi) {
                for (int mj = 0; mj < 1; ++mj) {
                    sg_real acc = 0;
                    SG_SIMD_REDUCE(acc)
                    for (int mk = 0; mk < 8; ++mk) acc += t_J0_d_z2_5[s*32 + mi*8 + mk] * c_z2_1[mk];
                    t_J0_d_z2_4[s*4 + mi + mj] = acc;
                }
            }
            }

            /* J0:d[z2#3] = J0:d[z2#4]/8 */
            for (int k = 0; k < nt*4; ++k) {
                const sg_real a0 = t_J0_d_z2_4[k];
            t_J0_d_z2_3[k] = ((1.0/8.0))*a0;
            }

            /* J0:d[h1]#1 = outer(J0:d[z2#3], z2#1) */
            for (s = 0; s < nt; ++s) {
            for (int mi = 0; mi < 4; ++mi) {
                const sg_real av = t_J0_d_z2_3[s*4 + mi];
                for (int mj = 0; mj < 8; ++mj) t_J0_d_h1_1[s*32 + mi*8 + mj] = av * c_z2_1[mj];
            }
            }

            /* J0:d[h1] = J0:d[h1]#1 + J0:d[z2#6] */
            for (int k = 0; k < nt*32; ++k) {
                const sg_real a0 = t_J0_d_h1_1[k];
                const sg_real a1 = t_J0_d_z2_6[k];
            t_J0_d_h1[k] = a0 + a1;
            }

            /* J0:d[bo1] = matmul(J0:d[h1], z1#31)  [8x4]·[4x1] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 8; ++mi) t_J0_d_bo1[s*8 + mi + 0] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real bv = c_z1_31[mk];
                for (int mi = 0; mi < 8; ++mi) t_J0_d_bo1[s*8 + mi + 0] += t_J0_d_h1[s*32 + mi + mk*8] * bv;
            }
            }

            /* J0:d[z1#29] = matmul(J0:d[h1], Wo1)  [4x8]·[8x8] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 4; ++mi) {
                for (int mj = 0; mj < 8; ++mj) t_J0_d_z1_29[s*32 + mi*8 + mj] = 0;
                for (int mk = 0; mk < 8; ++mk) {
                    const sg_real av = t_J0_d_h1[s*32 + mi*8 + mk];
                    for (int mj = 0; mj < 8; ++mj) t_J0_d_z1_29[s*32 + mi*8 + mj] += av * p_Wo1[mk*8 + mj];
                }
            }
            }

            /* J0:d[Wo1] = matmul(J0:d[h1], z1#29)  [8x4]·[4x8] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 8; ++mi) {
                for (int mj = 0; mj < 8; ++mj) t_J0_d_Wo1[s*64 + mi*8 + mj] = 0;
                for (int mk = 0; mk < 4; ++mk) {
                    const sg_real av = t_J0_d_h1[s*32 + mi + mk*8];
                    for (int mj = 0; mj < 8; ++mj) t_J0_d_Wo1[s*64 + mi*8 + mj] += av * t_z1_29[s*32 + mk*8 + mj];
                }
            }
            }

            /* J0:d[z1#27] = gather(J0:d[z1#29]) */
            { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 16; ++k) { const int m = map[k]; t_J0_d_z1_27[s*16 + k] = m >= 0 ? t_J0_d_z1_29[s*32 + m] : 0; }
            }
            }
            /* J0:d[z1#26] = matmul(J0:d[z1#27], z1#23)  [4x4]·[4x4] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 4; ++mi) {
                for (int mj = 0; mj < 4; ++mj) {
                    sg_real acc = 0;
                    SG_SIMD_REDUCE(acc)
                    for (int mk = 0; mk < 4; ++mk) acc += t_J0_d_z1_27[s*16 + mi*4 + mk] * t_z1_23[s*16 + mk + mj*4];
                    t_J0_d_z1_26[s*16 + mi*4 + mj] = acc;
                }
            }
            }

            /* J0:d[z1#23] = matmul(z1#26, J0:d[z1#27])  [4x4]·[4x4] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 4; ++mi) {
                for (int mj = 0; mj < 4; ++mj) t_J0_d_z1_23[s*16 + mi*4 + mj] = 0;
                for (int mk = 0; mk < 4; ++mk) {
                    const sg_real av = t_z1_26[s*16 + mi + mk*4];
                    for (int mj = 0; mj < 4; ++mj) t_J0_d_z1_23[s*16 + mi*4 + mj] += av * t_J0_d_z1_27[s*16 + mk*4 + mj];
                }
            }
            }

            /* J0:d[z1#25]#1 = J0:d[z1#26]*z1#26 */
            for (int k = 0; k < nt*16; ++k) {
                const sg_real a0 = t_J0_d_z1_26[k];
                const sg_real a1 = t_z1_26[k];
            t_J0_d_z1_25_1[k] = a0*a1;
            }

            /* J0:d[z1#25]#3 = matmul(J0:d[z1#25]#1, J0:d[z1#25]#2)  [4x4]·[4x1] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 4; ++mi) {
                for (int mj = 0; mj < 1; ++mj) {
                    sg_real acc = 0;
                    SG_SIMD_REDUCE(acc)
                    for (int mk = 0; mk < 4; ++mk) acc += t_J0_d_z1_25_1[s*16 + mi*4 + mk] * c_J0_d_z1_25_2[mk];
                    t_J0_d_z1_25_3[s*4 + mi + mj] = acc;
                }
            }
            }

            /* J0:d[z1#25]#4 = outer(J0:d[z1#25]#3, J0:d[z1#25]#2) */
            for (s = 0; s < nt; ++s) {
            for (int mi = 0; mi < 4; ++mi) {
                const sg_real av = t_J0_d_z1_25_3[s*4 + mi];
                for (int mj = 0; mj < 4; ++mj) t_J0_d_z1_25_4[s*16 + mi*4 + mj] = av * c_J0_d_z1_25_2[mj];
            }
            }

            /* J0:d[z1#25] = z1#26*(-J0:d[z1#25]#4 + J0:d[z1#26]) */
            for (int k = 0; k < nt*16; ++k) {
                const sg_real a0 = t_J0_d_z1_25_4[k];
                const sg_real a1 = t_J0_d_z1_26[k];
                const sg_real a2 = t_z1_26[k];
            t_J0_d_z1_25[k] = a2*(-a0 + a1);
            }

            /* J0:d[z1#24] = J0:d[z1#25]/2 */
            for (int k = 0; k < nt*16; ++k) {
                const sg_real a0 = t_J0_d_z1_25[k];
            t_J0_d_z1_24[k] = ((1.0/2.0))*a0;
            }

            /* J0:d[z1#21] = matmul(J0:d[z1#24], z1#22)  [4x4]·[4x4] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 4; ++mi) {
                for (int mj = 0; mj < 4; ++mj) t_J0_d_z1_21[s*16 + mi*4 + mj] = 0;
                for (int mk = 0; mk < 4; ++mk) {
                    const sg_real av = t_J0_d_z1_24[s*16 + mi*4 + mk];
                    for (int mj = 0; mj < 4; ++mj) t_J0_d_z1_21[s*16 + mi*4 + mj] += av * t_z1_22[s*16 + mk*4 + mj];
                }
            }
            }

            /* J0:d[z1#22] = matmul(J0:d[z1#24], z1#21)  [4x4]·[4x4] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 4; ++mi) {
                for (int mj = 0; mj < 4; ++mj) t_J0_d_z1_22[s*16 + mi*4 + mj] = 0;
                for (int mk = 0; mk < 4; ++mk) {
                    const sg_real av = t_J0_d_z1_24[s*16 + mi + mk*4];
                    for (int mj = 0; mj < 4; ++mj) t_J0_d_z1_22[s*16 + mi*4 + mj] += av * t_z1_21[s*16 + mk*4 + mj];
                }
            }
            }

            /* J0:d[z1#12]#1 = gather_t(J0:d[z1#23]) */
            { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 32; ++k) t_J0_d_z1_12_1[s*32 + k] = 0;
            { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
              for (int k = 0; k < 16; ++k) {
                  const int m = map[k];
                  if (m != cur) { if (cur >= 0) t_J0_d_z1_12_1[s*32 + cur] += acc; cur = m; acc = 0; }
                  if (m >= 0) acc += t_J0_d_z1_23[s*16 + k];
              }
              if (cur >= 0) t_J0_d_z1_12_1[s*32 + cur] += acc; }
            }
            }
            /* J0:d[z1#8]#1 = gather_t(J0:d[z1#22]) */
            { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 32; ++k) t_J0_d_z1_8_1[s*32 + k] = 0;
            { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
              for (int k = 0; k < 16; ++k) {
                  const int m = map[k];
                  if (m != cur) { if (cur >= 0) t_J0_d_z1_8_1[s*32 + cur] += acc; cur = m; acc = 0; }
                  if (m >= 0) acc += t_J0_d_z1_22[s*16 + k];
              }
              if (cur >= 0) t_J0_d_z1_8_1[s*32 + cur] += acc; }
            }
            }
            /* J0:d[z1#4]#1 = gather_t(J0:d[z1#21]) */
            { static const int map[16] = { 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 32; ++k) t_J0_d_z1_4_1[s*32 + k] = 0;
            { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
              for (int k = 0; k < 16; ++k) {
                  const int m = map[k];
                  if (m != cur) { if (cur >= 0) t_J0_d_z1_4_1[s*32 + cur] += acc; cur = m; acc = 0; }
                  if (m >= 0) acc += t_J0_d_z1_21[s*16 + k];
              }
              if (cur >= 0) t_J0_d_z1_4_1[s*32 + cur] += acc; }
            }
            }
            /* J0:d[z1#19] = gather(J0:d[z1#29]) */
            { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 16; ++k) { const int m = map[k]; t_J0_d_z1_19[s*16 + k] = m >= 0 ? t_J0_d_z1_29[s*32 + m] : 0; }
            }
            }
            /* J0:d[z1#18] = matmul(J0:d[z1#19], z1#15)  [4x4]·[4x4] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 4; ++mi) {
                for (int mj = 0; mj < 4; ++mj) {
                    sg_real acc = 0;
                    SG_SIMD_REDUCE(acc)
                    for (int mk = 0; mk < 4; ++mk) acc += t_J0_d_z1_19[s*16 + mi*4 + mk] * t_z1_15[s*16 + mk + mj*4];
                    t_J0_d_z1_18[s*16 + mi*4 + mj] = acc;
                }
            }
            }

            /* J0:d[z1#15] = matmul(z1#18, J0:d[z1#19])  [4x4]·[4x4] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 4; ++mi) {
                for (int mj = 0; mj < 4; ++mj) t_J0_d_z1_15[s*16 + mi*4 + mj] = 0;
                for (int mk = 0; mk < 4; ++mk) {
                    const sg_real av = t_z1_18[s*16 + mi + mk*4];
                    for (int mj = 0; mj < 4; ++mj) t_J0_d_z1_15[s*16 + mi*4 + mj] += av * t_J0_d_z1_19[s*16 + mk*4 + mj];
                }
            }
            }

            /* J0:d[z1#17]#1 = J0:d[z1#18]*z1#18 */
            for (int k = 0; k < nt*16; ++k) {
                const sg_real a0 = t_J0_d_z1_18[k];
                const sg_real a1 = t_z1_18[k];
            t_J0_d_z1_17_1[k] = a0*a1;
            }

            /* J0:d[z1#17]#3 = matmul(J0:d[z1#17]#1, J0:d[z1#17]#2)  [4x4]·[4x1] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 4; ++mi) {
                for (int mj = 0; mj < 1; ++mj) {
                    sg_real acc = 0;
                    SG_SIMD_REDUCE(acc)
                    for (int mk = 0; mk < 4; ++mk) acc += t_J0_d_z1_17_1[s*16 + mi*4 + mk] * c_J0_d_z1_17_2[mk];
                    t_J0_d_z1_17_3[s*4 + mi + mj] = acc;
                }
            }
            }

            /* J0:d[z1#17]#4 = outer(J0:d[z1#17]#3, J0:d[z1#17]#2) */
            for (s = 0; s < nt; ++s) {
            for (int mi = 0; mi < 4; ++mi) {
                const sg_real av = t_J0_d_z1_17_3[s*4 + mi];
                for (int mj = 0; mj < 4; ++mj) t_J0_d_z1_17_4[s*16 + mi*4 + mj] = av * c_J0_d_z1_17_2[mj];
            }
            }

            /* J0:d[z1#17] = z1#18*(-J0:d[z1#17]#4 + J0:d[z1#18]) */
            for (int k = 0; k < nt*16; ++k) {
                const sg_real a0 = t_J0_d_z1_17_4[k];
                const sg_real a1 = t_J0_d_z1_18[k];
                const sg_real a2 = t_z1_18[k];
            t_J0_d_z1_17[k] = a2*(-a0 + a1);
            }

            /* J0:d[z1#16] = J0:d[z1#17]/2 */
            for (int k = 0; k < nt*16; ++k) {
                const sg_real a0 = t_J0_d_z1_17[k];
            t_J0_d_z1_16[k] = ((1.0/2.0))*a0;
            }

            /* J0:d[z1#13] = matmul(J0:d[z1#16], z1#14)  [4x4]·[4x4] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 4; ++mi) {
                for (int mj = 0; mj < 4; ++mj) t_J0_d_z1_13[s*16 + mi*4 + mj] = 0;
                for (int mk = 0; mk < 4; ++mk) {
                    const sg_real av = t_J0_d_z1_16[s*16 + mi*4 + mk];
                    for (int mj = 0; mj < 4; ++mj) t_J0_d_z1_13[s*16 + mi*4 + mj] += av * t_z1_14[s*16 + mk*4 + mj];
                }
            }
            }

            /* J0:d[z1#14] = matmul(J0:d[z1#16], z1#13)  [4x4]·[4x4] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 4; ++mi) {
                for (int mj = 0; mj < 4; ++mj) t_J0_d_z1_14[s*16 + mi*4 + mj] = 0;
                for (int mk = 0; mk < 4; ++mk) {
                    const sg_real av = t_J0_d_z1_16[s*16 + mi + mk*4];
                    for (int mj = 0; mj < 4; ++mj) t_J0_d_z1_14[s*16 + mi*4 + mj] += av * t_z1_13[s*16 + mk*4 + mj];
                }
            }
            }

            /* J0:d[z1#12]#2 = gather_t(J0:d[z1#15]) */
            { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 32; ++k) t_J0_d_z1_12_2[s*32 + k] = 0;
            { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
              for (int k = 0; k < 16; ++k) {
                  const int m = map[k];
                  if (m != cur) { if (cur >= 0) t_J0_d_z1_12_2[s*32 + cur] += acc; cur = m; acc = 0; }
                  if (m >= 0) acc += t_J0_d_z1_15[s*16 + k];
              }
              if (cur >= 0) t_J0_d_z1_12_2[s*32 + cur] += acc; }
            }
            }
            /* J0:d[z1#8]#2 = gather_t(J0:d[z1#14]) */
            { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 32; ++k) t_J0_d_z1_8_2[s*32 + k] = 0;
            { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
              for (int k = 0; k < 16; ++k) {
                  const int m = map[k];
                  if (m != cur) { if (cur >= 0) t_J0_d_z1_8_2[s*32 + cur] += acc; cur = m; acc = 0; }
                  if (m >= 0) acc += t_J0_d_z1_14[s*16 + k];
              }
              if (cur >= 0) t_J0_d_z1_8_2[s*32 + cur] += acc; }
            }
            }
            /* J0:d[z1#4]#2 = gather_t(J0:d[z1#13]) */
            { static const int map[16] = { 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27 };
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 32; ++k) t_J0_d_z1_4_2[s*32 + k] = 0;
            { int cur = -1; sg_real acc = 0;  /* runs of one target (a broadcast's rows) add in a register */
              for (int k = 0; k < 16; ++k) {
                  const int m = map[k];
                  if (m != cur) { if (cur >= 0) t_J0_d_z1_4_2[s*32 + cur] += acc; cur = m; acc = 0; }
                  if (m >= 0) acc += t_J0_d_z1_13[s*16 + k];
              }
              if (cur >= 0) t_J0_d_z1_4_2[s*32 + cur] += acc; }
            }
            }
            /* J0:d[z1#12] = J0:d[z1#12]#1 + J0:d[z1#12]#2 */
            for (int k = 0; k < nt*32; ++k) {
                const sg_real a0 = t_J0_d_z1_12_1[k];
                const sg_real a1 = t_J0_d_z1_12_2[k];
            t_J0_d_z1_12[k] = a0 + a1;
            }

            /* J0:d[bv1] = matmul(J0:d[z1#12], z1#10)  [8x4]·[4x1] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 8; ++mi) t_J0_d_bv1[s*8 + mi + 0] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real bv = c_z1_10[mk];
                for (int mi = 0; mi < 8; ++mi) t_J0_d_bv1[s*8 + mi + 0] += t_J0_d_z1_12[s*32 + mi + mk*8] * bv;
            }
            }

            /* J0:d[x]#1 = matmul(J0:d[z1#12], Wv1)  [4x8]·[8x8] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 4; ++mi) {
                for (int mj = 0; mj < 8; ++mj) t_J0_d_x_1[s*32 + mi*8 + mj] = 0;
                for (int mk = 0; mk < 8; ++mk) {
                    const sg_real av = t_J0_d_z1_12[s*32 + mi*8 + mk];
                    for (int mj = 0; mj < 8; ++mj) t_J0_d_x_1[s*32 + mi*8 + mj] += av * p_Wv1[mk*8 + mj];
                }
            }
            }

            /* J0:d[Wv1] = matmul(J0:d[z1#12], x)  [8x4]·[4x8] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 8; ++mi) {
                for (int mj = 0; mj < 8; ++mj) t_J0_d_Wv1[s*64 + mi*8 + mj] = 0;
                for (int mk = 0; mk < 4; ++mk) {
                    const sg_real av = t_J0_d_z1_12[s*32 + mi + mk*8];
                    for (int mj = 0; mj < 8; ++mj) t_J0_d_Wv1[s*64 + mi*8 + mj] += av * d_x[s*35 + mk*8 + mj];
                }
            }
            }

            /* J0:d[z1#8] = J0:d[z1#8]#1 + J0:d[z1#8]#2 */
            for (int k = 0; k < nt*32; ++k) {
                const sg_real a0 = t_J0_d_z1_8_1[k];
                const sg_real a1 = t_J0_d_z1_8_2[k];
            t_J0_d_z1_8[k] = a0 + a1;
            }

            /* J0:d[bk1] = matmul(J0:d[z1#8], z1#6)  [8x4]·[4x1] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 8; ++mi) t_J0_d_bk1[s*8 + mi + 0] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real bv = c_z1_6[mk];
                for (int mi = 0; mi < 8; ++mi) t_J0_d_bk1[s*8 + mi + 0] += t_J0_d_z1_8[s*32 + mi + mk*8] * bv;
            }
            }

            /* J0:d[x]#2 = matmul(J0:d[z1#8], Wk1)  [4x8]·[8x8] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 4; ++mi) {
                for (int mj = 0; mj < 8; ++mj) t_J0_d_x_2[s*32 + mi*8 + mj] = 0;
                for (int mk = 0; mk < 8; ++mk) {
                    const sg_real av = t_J0_d_z1_8[s*32 + mi*8 + mk];
                    for (int mj = 0; mj < 8; ++mj) t_J0_d_x_2[s*32 + mi*8 + mj] += av * p_Wk1[mk*8 + mj];
                }
            }
            }

            /* J0:d[Wk1] = matmul(J0:d[z1#8], x)  [8x4]·[4x8] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 8; ++mi) {
                for (int mj = 0; mj < 8; ++mj) t_J0_d_Wk1[s*64 + mi*8 + mj] = 0;
                for (int mk = 0; mk < 4; ++mk) {
                    const sg_real av = t_J0_d_z1_8[s*32 + mi + mk*8];
                    for (int mj = 0; mj < 8; ++mj) t_J0_d_Wk1[s*64 + mi*8 + mj] += av * d_x[s*35 + mk*8 + mj];
                }
            }
            }

            /* J0:d[z1#4] = J0:d[z1#4]#1 + J0:d[z1#4]#2 */
            for (int k = 0; k < nt*32; ++k) {
                const sg_real a0 = t_J0_d_z1_4_1[k];
                const sg_real a1 = t_J0_d_z1_4_2[k];
            t_J0_d_z1_4[k] = a0 + a1;
            }

            /* J0:d[bq1] = matmul(J0:d[z1#4], z1#2)  [8x4]·[4x1] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 8; ++mi) t_J0_d_bq1[s*8 + mi + 0] = 0;
            for (int mk = 0; mk < 4; ++mk) {
                const sg_real bv = c_z1_2[mk];
                for (int mi = 0; mi < 8; ++mi) t_J0_d_bq1[s*8 + mi + 0] += t_J0_d_z1_4[s*32 + mi + mk*8] * bv;
            }
            }

            /* J0:d[x]#3 = matmul(J0:d[z1#4], Wq1)  [4x8]·[8x8] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 4; ++mi) {
                for (int mj = 0; mj < 8; ++mj) t_J0_d_x_3[s*32 + mi*8 + mj] = 0;
                for (int mk = 0; mk < 8; ++mk) {
                    const sg_real av = t_J0_d_z1_4[s*32 + mi*8 + mk];
                    for (int mj = 0; mj < 8; ++mj) t_J0_d_x_3[s*32 + mi*8 + mj] += av * p_Wq1[mk*8 + mj];
                }
            }
            }

            /* J0:d[Wq1] = matmul(J0:d[z1#4], x)  [8x4]·[4x8] */
            for (s = 0; s < nt; ++s) {

            for (int mi = 0; mi < 8; ++mi) {
                for (int mj = 0; mj < 8; ++mj) t_J0_d_Wq1[s*64 + mi*8 + mj] = 0;
                for (int mk = 0; mk < 4; ++mk) {
                    const sg_real av = t_J0_d_z1_4[s*32 + mi + mk*8];
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
    sg_real *restrict u = work + 91504;
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
