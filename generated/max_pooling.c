/* max_pooling.c: symgrad kernels for model 'max_pooling' (float64), emitter v1.
   Generated from the assignment graph of max_pooling.toml; do not edit.
   Self-contained C99 (math.h only): cc -O3 -std=c99 -c max_pooling.c   (link with -lm)
   Layout: theta = A[4, 4] (row-major, packed)
           data row = 
           forward row = pool[4]
   Batch objective: mean over samples of 'J'. */
#include <math.h>
#include <string.h>
#include <stdint.h>

#ifndef SG_INLINE
#  if defined(__GNUC__) || defined(__clang__)
#    define SG_INLINE static __inline__ __attribute__((always_inline))
#  else
#    define SG_INLINE static
#  endif
#endif
/* simd reductions: on when compiled with -fopenmp or -fopenmp-simd -DSG_OMP_SIMD (symgrad's
   build); otherwise plain loops (no unknown-pragma warnings). */
#if defined(_OPENMP) || defined(SG_OMP_SIMD)
#  define SG_PRAGMA(x) _Pragma(#x)
#  define SG_SIMD_REDUCE(v) SG_PRAGMA(omp simd reduction(+:v))
#else
#  define SG_SIMD_REDUCE(v)
#endif

/* Vectorised libm (glibc libmvec, x86-64): lets gcc vectorise loops calling exp/tanh/...
   Active only when compiled with -fno-math-errno (symgrad's build does); define
   SG_NO_LIBMVEC to switch it off. Linking: libm.so pulls libmvec in as needed. */
#if !defined(SG_NO_LIBMVEC) && defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) \
    && defined(__GLIBC__) && defined(__GLIBC_PREREQ) && defined(__NO_MATH_ERRNO__)
#  if __GLIBC_PREREQ(2, 35)
#    define SG_VDECL __attribute__((simd("notinbranch")))
SG_VDECL double exp(double); SG_VDECL double log(double); SG_VDECL double tanh(double);
SG_VDECL double expm1(double); SG_VDECL double log1p(double); SG_VDECL double erfc(double);
SG_VDECL double erf(double); SG_VDECL double sin(double); SG_VDECL double cos(double);
SG_VDECL float expf(float); SG_VDECL float logf(float); SG_VDECL float tanhf(float);
SG_VDECL float expm1f(float); SG_VDECL float log1pf(float); SG_VDECL float erfcf(float);
SG_VDECL float erff(float); SG_VDECL float sinf(float); SG_VDECL float cosf(float);
#  endif
#endif

typedef double sg_real;

/* status codes returned by every kernel function */
#define SG_OK 0
#define SG_EBATCH 1   /* n < 1 */
#define SG_ETHETA 2   /* non-finite parameter */
#define SG_EDATA 3    /* non-finite data */
#define SG_EDIR 4     /* non-finite direction */

/* 1 if every entry is finite (exponent bits not all ones); vectorisable, no libm call */
SG_INLINE int sg_all_finite(const sg_real *restrict v, long n)
{
    uint64_t bad = 0;
    long i;
    for (i = 0; i < n; ++i) {
        uint64_t b;
        memcpy(&b, &v[i], sizeof b);
        bad |= ((b >> 52) & 0x7ffu) == 0x7ffu;
    }
    return bad == 0;
}

/* stable elementwise forms (catalogue kink policy: derivative branches use x > 0) */
SG_INLINE sg_real sg_sigmoid(sg_real x)
{
    const sg_real e = exp(-fabs(x));   /* never overflows */
    const sg_real r = 1.0 / (1.0 + e);
    return x >= 0 ? r : e * r;
}
SG_INLINE sg_real sg_softplus(sg_real x)
{
    return (x > 0 ? x : 0.0) + log1p(exp(-fabs(x)));
}
SG_INLINE sg_real sg_relu(sg_real x) { return x > 0 ? x : 0.0; }
SG_INLINE sg_real sg_leaky_relu(sg_real x, sg_real a) { return x > 0 ? x : a * x; }
SG_INLINE sg_real sg_elu(sg_real x, sg_real a)
{
    return x > 0 ? x : a * expm1(x < 0 ? x : 0.0);
}
SG_INLINE sg_real sg_silu(sg_real x) { return x * sg_sigmoid(x); }
SG_INLINE sg_real sg_gelu(sg_real x)
{
    return 0.5 * x * erfc(-x * 0.70710678118654752440);
}
SG_INLINE sg_real sg_max(sg_real a, sg_real b) { return a > b ? a : b; }
SG_INLINE sg_real sg_sign(sg_real x) { return x > 0 ? 1.0 : (x < 0 ? -1.0 : 0.0); }


#define MAX_POOLING_N_PARAMS 16
#define MAX_POOLING_DATA_WIDTH 0
#define MAX_POOLING_OUT_WIDTH 4
#define MAX_POOLING_INFO_N_PARAMS 0
#define MAX_POOLING_INFO_DATA_WIDTH 1
#define MAX_POOLING_INFO_OUT_WIDTH 2
#define MAX_POOLING_INFO_JAC_ROWS 3
#define MAX_POOLING_INFO_JAC_COLS 4
#define MAX_POOLING_INFO_TILE 5
#define MAX_POOLING_INFO_DTYPE_BYTES 6
#define MAX_POOLING_INFO_WORK_FORWARD 7
#define MAX_POOLING_INFO_WORK_LOSS_GRAD 8
#define MAX_POOLING_INFO_WORK_HVP 9
#define MAX_POOLING_INFO_WORK_HESSIAN 10
#define MAX_POOLING_INFO_WORK_JACOBIAN 11

long max_pooling_info(int what)
{
    switch (what) {
    case 0: return 16L;
    case 1: return 0L;
    case 2: return 4L;
    case 3: return 4L;
    case 4: return 16L;
    case 5: return 32L;
    case 6: return 8L;
    case 7: return 168L;
    case 8: return 312L;
    case 9: return 312L;
    case 10: return 352L;
    case 11: return 1408L;
    default: return -1L;
    }
}

/* ==== forward: tile of 32 samples, workspace 168 reals ==== */
int max_pooling_forward(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict out, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 16)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 0)) return SG_EDATA;
    const sg_real *restrict p_A = theta + 0;  /* [4, 4] */
    sg_real *restrict c_A_0_0 = work + 0;  /* work [] */
    sg_real *restrict c_A_0_1 = work + 8;  /* work [] */
    sg_real *restrict c_A_1_0 = work + 16;  /* work [] */
    sg_real *restrict c_A_1_1 = work + 24;  /* work [] */
    sg_real *restrict c_p00 = work + 32;  /* work [] */
    sg_real *restrict c_A_0_2 = work + 40;  /* work [] */
    sg_real *restrict c_A_0_3 = work + 48;  /* work [] */
    sg_real *restrict c_A_1_2 = work + 56;  /* work [] */
    sg_real *restrict c_A_1_3 = work + 64;  /* work [] */
    sg_real *restrict c_p01 = work + 72;  /* work [] */
    sg_real *restrict c_A_2_0 = work + 80;  /* work [] */
    sg_real *restrict c_A_2_1 = work + 88;  /* work [] */
    sg_real *restrict c_A_3_0 = work + 96;  /* work [] */
    sg_real *restrict c_A_3_1 = work + 104;  /* work [] */
    sg_real *restrict c_p10 = work + 112;  /* work [] */
    sg_real *restrict c_A_2_2 = work + 120;  /* work [] */
    sg_real *restrict c_A_2_3 = work + 128;  /* work [] */
    sg_real *restrict c_A_3_2 = work + 136;  /* work [] */
    sg_real *restrict c_A_3_3 = work + 144;  /* work [] */
    sg_real *restrict c_p11 = work + 152;  /* work [] */
    sg_real *restrict c_pool = work + 160;  /* work [4] */
    (void)p_A;
    /* ---- sample-invariant part (once per call) ---- */
    /* A[0,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_0[k] = p_A[k + 0];

    /* A[0,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_1[k] = p_A[k + 1];

    /* A[1,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_0[k] = p_A[k + 4];

    /* A[1,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_1[k] = p_A[k + 5];

    /* p00 = maximum(maximum(maximum(A[0,0], A[0,1]), A[1,0]), A[1,1]) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_0[k];
        const sg_real a1 = c_A_0_1[k];
        const sg_real a2 = c_A_1_0[k];
        const sg_real a3 = c_A_1_1[k];
    c_p00[k] = sg_max(sg_max(sg_max(a0, a1), a2), a3);
    }

    /* A[0,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_2[k] = p_A[k + 2];

    /* A[0,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_3[k] = p_A[k + 3];

    /* A[1,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_2[k] = p_A[k + 6];

    /* A[1,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_3[k] = p_A[k + 7];

    /* p01 = maximum(maximum(maximum(A[0,2], A[0,3]), A[1,2]), A[1,3]) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_2[k];
        const sg_real a1 = c_A_0_3[k];
        const sg_real a2 = c_A_1_2[k];
        const sg_real a3 = c_A_1_3[k];
    c_p01[k] = sg_max(sg_max(sg_max(a0, a1), a2), a3);
    }

    /* A[2,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_0[k] = p_A[k + 8];

    /* A[2,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_1[k] = p_A[k + 9];

    /* A[3,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_0[k] = p_A[k + 12];

    /* A[3,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_1[k] = p_A[k + 13];

    /* p10 = maximum(maximum(maximum(A[2,0], A[2,1]), A[3,0]), A[3,1]) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_0[k];
        const sg_real a1 = c_A_2_1[k];
        const sg_real a2 = c_A_3_0[k];
        const sg_real a3 = c_A_3_1[k];
    c_p10[k] = sg_max(sg_max(sg_max(a0, a1), a2), a3);
    }

    /* A[2,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_2[k] = p_A[k + 10];

    /* A[2,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_3[k] = p_A[k + 11];

    /* A[3,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_2[k] = p_A[k + 14];

    /* A[3,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_3[k] = p_A[k + 15];

    /* p11 = maximum(maximum(maximum(A[2,2], A[2,3]), A[3,2]), A[3,3]) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_2[k];
        const sg_real a1 = c_A_2_3[k];
        const sg_real a2 = c_A_3_2[k];
        const sg_real a3 = c_A_3_3[k];
    c_p11[k] = sg_max(sg_max(sg_max(a0, a1), a2), a3);
    }

    /* pool = stack(p00, p01, p10, p11) */
    c_pool[0] = c_p00[0];
    c_pool[1] = c_p01[0];
    c_pool[2] = c_p10[0];
    c_pool[3] = c_p11[0];

    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 4; ++k) out[(t0 + s)*4 + 0 + k] = c_pool[k];

    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== loss_grad: tile of 32 samples, workspace 312 reals ==== */
int max_pooling_loss_grad(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict loss, sg_real *restrict grad, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 16)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 0)) return SG_EDATA;
    const sg_real *restrict p_A = theta + 0;  /* [4, 4] */
    sg_real *restrict c_A_0_0 = work + 0;  /* work [] */
    sg_real *restrict c_A_0_1 = work + 8;  /* work [] */
    sg_real *restrict c_A_1_0 = work + 16;  /* work [] */
    sg_real *restrict c_A_1_1 = work + 24;  /* work [] */
    sg_real *restrict c_p00 = work + 32;  /* work [] */
    sg_real *restrict c_A_0_2 = work + 40;  /* work [] */
    sg_real *restrict c_A_0_3 = work + 48;  /* work [] */
    sg_real *restrict c_A_1_2 = work + 56;  /* work [] */
    sg_real *restrict c_A_1_3 = work + 64;  /* work [] */
    sg_real *restrict c_p01 = work + 72;  /* work [] */
    sg_real *restrict c_A_2_0 = work + 80;  /* work [] */
    sg_real *restrict c_A_2_1 = work + 88;  /* work [] */
    sg_real *restrict c_A_3_0 = work + 96;  /* work [] */
    sg_real *restrict c_A_3_1 = work + 104;  /* work [] */
    sg_real *restrict c_p10 = work + 112;  /* work [] */
    sg_real *restrict c_A_2_2 = work + 120;  /* work [] */
    sg_real *restrict c_A_2_3 = work + 128;  /* work [] */
    sg_real *restrict c_A_3_2 = work + 136;  /* work [] */
    sg_real *restrict c_A_3_3 = work + 144;  /* work [] */
    sg_real *restrict c_p11 = work + 152;  /* work [] */
    sg_real *restrict c_J = work + 160;  /* work [] */
    sg_real *restrict c_d_A_2_2 = work + 168;  /* work [] */
    sg_real *restrict c_d_A_2_3 = work + 176;  /* work [] */
    sg_real *restrict c_d_A_3_2 = work + 184;  /* work [] */
    sg_real *restrict c_d_A_3_3 = work + 192;  /* work [] */
    sg_real *restrict c_d_A_2_0 = work + 200;  /* work [] */
    sg_real *restrict c_d_A_2_1 = work + 208;  /* work [] */
    sg_real *restrict c_d_A_3_0 = work + 216;  /* work [] */
    sg_real *restrict c_d_A_3_1 = work + 224;  /* work [] */
    sg_real *restrict c_d_A_0_2 = work + 232;  /* work [] */
    sg_real *restrict c_d_A_0_3 = work + 240;  /* work [] */
    sg_real *restrict c_d_A_1_2 = work + 248;  /* work [] */
    sg_real *restrict c_d_A_1_3 = work + 256;  /* work [] */
    sg_real *restrict c_d_A_0_0 = work + 264;  /* work [] */
    sg_real *restrict c_d_A_0_1 = work + 272;  /* work [] */
    sg_real *restrict c_d_A_1_0 = work + 280;  /* work [] */
    sg_real *restrict c_d_A_1_1 = work + 288;  /* work [] */
    sg_real *restrict c_d_A = work + 296;  /* work [4, 4] */
    (void)p_A;
    /* ---- sample-invariant part (once per call) ---- */
    /* A[0,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_0[k] = p_A[k + 0];

    /* A[0,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_1[k] = p_A[k + 1];

    /* A[1,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_0[k] = p_A[k + 4];

    /* A[1,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_1[k] = p_A[k + 5];

    /* p00 = maximum(maximum(maximum(A[0,0], A[0,1]), A[1,0]), A[1,1]) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_0[k];
        const sg_real a1 = c_A_0_1[k];
        const sg_real a2 = c_A_1_0[k];
        const sg_real a3 = c_A_1_1[k];
    c_p00[k] = sg_max(sg_max(sg_max(a0, a1), a2), a3);
    }

    /* A[0,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_2[k] = p_A[k + 2];

    /* A[0,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_3[k] = p_A[k + 3];

    /* A[1,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_2[k] = p_A[k + 6];

    /* A[1,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_3[k] = p_A[k + 7];

    /* p01 = maximum(maximum(maximum(A[0,2], A[0,3]), A[1,2]), A[1,3]) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_2[k];
        const sg_real a1 = c_A_0_3[k];
        const sg_real a2 = c_A_1_2[k];
        const sg_real a3 = c_A_1_3[k];
    c_p01[k] = sg_max(sg_max(sg_max(a0, a1), a2), a3);
    }

    /* A[2,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_0[k] = p_A[k + 8];

    /* A[2,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_1[k] = p_A[k + 9];

    /* A[3,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_0[k] = p_A[k + 12];

    /* A[3,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_1[k] = p_A[k + 13];

    /* p10 = maximum(maximum(maximum(A[2,0], A[2,1]), A[3,0]), A[3,1]) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_0[k];
        const sg_real a1 = c_A_2_1[k];
        const sg_real a2 = c_A_3_0[k];
        const sg_real a3 = c_A_3_1[k];
    c_p10[k] = sg_max(sg_max(sg_max(a0, a1), a2), a3);
    }

    /* A[2,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_2[k] = p_A[k + 10];

    /* A[2,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_3[k] = p_A[k + 11];

    /* A[3,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_2[k] = p_A[k + 14];

    /* A[3,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_3[k] = p_A[k + 15];

    /* p11 = maximum(maximum(maximum(A[2,2], A[2,3]), A[3,2]), A[3,3]) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_2[k];
        const sg_real a1 = c_A_2_3[k];
        const sg_real a2 = c_A_3_2[k];
        const sg_real a3 = c_A_3_3[k];
    c_p11[k] = sg_max(sg_max(sg_max(a0, a1), a2), a3);
    }

    /* J = p00 + p01 + p10 + p11 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_p00[k];
        const sg_real a1 = c_p01[k];
        const sg_real a2 = c_p10[k];
        const sg_real a3 = c_p11[k];
    c_J[k] = a0 + a1 + a2 + a3;
    }

    /* d[A[2,2]] = 𝟙[A[2,2] - A[2,3] > 0]*𝟙[-A[3,2] + maximum(A[2,2], A[2,3]) > 0]*𝟙[-A[3,3] + maximum(maximum(A[2,2], A[2,3]), A[3,2]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_2[k];
        const sg_real a1 = c_A_2_3[k];
        const sg_real a2 = c_A_3_2[k];
        const sg_real a3 = c_A_3_3[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_2_2[k] = ((a0 - a1) > 0 ? (1.0) : (0.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[2,3]] = (0 if A[2,2] - A[2,3] > 0 else 1)*𝟙[-A[3,2] + maximum(A[2,2], A[2,3]) > 0]*𝟙[-A[3,3] + maximum(maximum(A[2,2], A[2,3]), A[3,2]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_2[k];
        const sg_real a1 = c_A_2_3[k];
        const sg_real a2 = c_A_3_2[k];
        const sg_real a3 = c_A_3_3[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_2_3[k] = ((a0 - a1) > 0 ? (0.0) : (1.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[3,2]] = (0 if -A[3,2] + maximum(A[2,2], A[2,3]) > 0 else 1)*𝟙[-A[3,3] + maximum(maximum(A[2,2], A[2,3]), A[3,2]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_2[k];
        const sg_real a1 = c_A_2_3[k];
        const sg_real a2 = c_A_3_2[k];
        const sg_real a3 = c_A_3_3[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_3_2[k] = ((-a2 + q0) > 0 ? (0.0) : (1.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[3,3]] = (0 if -A[3,3] + maximum(maximum(A[2,2], A[2,3]), A[3,2]) > 0 else 1) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_2[k];
        const sg_real a1 = c_A_2_3[k];
        const sg_real a2 = c_A_3_2[k];
        const sg_real a3 = c_A_3_3[k];
    c_d_A_3_3[k] = ((-a3 + sg_max(sg_max(a0, a1), a2)) > 0 ? (0.0) : (1.0));
    }

    /* d[A[2,0]] = 𝟙[A[2,0] - A[2,1] > 0]*𝟙[-A[3,0] + maximum(A[2,0], A[2,1]) > 0]*𝟙[-A[3,1] + maximum(maximum(A[2,0], A[2,1]), A[3,0]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_0[k];
        const sg_real a1 = c_A_2_1[k];
        const sg_real a2 = c_A_3_0[k];
        const sg_real a3 = c_A_3_1[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_2_0[k] = ((a0 - a1) > 0 ? (1.0) : (0.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[2,1]] = (0 if A[2,0] - A[2,1] > 0 else 1)*𝟙[-A[3,0] + maximum(A[2,0], A[2,1]) > 0]*𝟙[-A[3,1] + maximum(maximum(A[2,0], A[2,1]), A[3,0]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_0[k];
        const sg_real a1 = c_A_2_1[k];
        const sg_real a2 = c_A_3_0[k];
        const sg_real a3 = c_A_3_1[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_2_1[k] = ((a0 - a1) > 0 ? (0.0) : (1.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[3,0]] = (0 if -A[3,0] + maximum(A[2,0], A[2,1]) > 0 else 1)*𝟙[-A[3,1] + maximum(maximum(A[2,0], A[2,1]), A[3,0]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_0[k];
        const sg_real a1 = c_A_2_1[k];
        const sg_real a2 = c_A_3_0[k];
        const sg_real a3 = c_A_3_1[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_3_0[k] = ((-a2 + q0) > 0 ? (0.0) : (1.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[3,1]] = (0 if -A[3,1] + maximum(maximum(A[2,0], A[2,1]), A[3,0]) > 0 else 1) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_0[k];
        const sg_real a1 = c_A_2_1[k];
        const sg_real a2 = c_A_3_0[k];
        const sg_real a3 = c_A_3_1[k];
    c_d_A_3_1[k] = ((-a3 + sg_max(sg_max(a0, a1), a2)) > 0 ? (0.0) : (1.0));
    }

    /* d[A[0,2]] = 𝟙[A[0,2] - A[0,3] > 0]*𝟙[-A[1,2] + maximum(A[0,2], A[0,3]) > 0]*𝟙[-A[1,3] + maximum(maximum(A[0,2], A[0,3]), A[1,2]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_2[k];
        const sg_real a1 = c_A_0_3[k];
        const sg_real a2 = c_A_1_2[k];
        const sg_real a3 = c_A_1_3[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_0_2[k] = ((a0 - a1) > 0 ? (1.0) : (0.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[0,3]] = (0 if A[0,2] - A[0,3] > 0 else 1)*𝟙[-A[1,2] + maximum(A[0,2], A[0,3]) > 0]*𝟙[-A[1,3] + maximum(maximum(A[0,2], A[0,3]), A[1,2]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_2[k];
        const sg_real a1 = c_A_0_3[k];
        const sg_real a2 = c_A_1_2[k];
        const sg_real a3 = c_A_1_3[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_0_3[k] = ((a0 - a1) > 0 ? (0.0) : (1.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[1,2]] = (0 if -A[1,2] + maximum(A[0,2], A[0,3]) > 0 else 1)*𝟙[-A[1,3] + maximum(maximum(A[0,2], A[0,3]), A[1,2]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_2[k];
        const sg_real a1 = c_A_0_3[k];
        const sg_real a2 = c_A_1_2[k];
        const sg_real a3 = c_A_1_3[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_1_2[k] = ((-a2 + q0) > 0 ? (0.0) : (1.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[1,3]] = (0 if -A[1,3] + maximum(maximum(A[0,2], A[0,3]), A[1,2]) > 0 else 1) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_2[k];
        const sg_real a1 = c_A_0_3[k];
        const sg_real a2 = c_A_1_2[k];
        const sg_real a3 = c_A_1_3[k];
    c_d_A_1_3[k] = ((-a3 + sg_max(sg_max(a0, a1), a2)) > 0 ? (0.0) : (1.0));
    }

    /* d[A[0,0]] = 𝟙[A[0,0] - A[0,1] > 0]*𝟙[-A[1,0] + maximum(A[0,0], A[0,1]) > 0]*𝟙[-A[1,1] + maximum(maximum(A[0,0], A[0,1]), A[1,0]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_0[k];
        const sg_real a1 = c_A_0_1[k];
        const sg_real a2 = c_A_1_0[k];
        const sg_real a3 = c_A_1_1[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_0_0[k] = ((a0 - a1) > 0 ? (1.0) : (0.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[0,1]] = (0 if A[0,0] - A[0,1] > 0 else 1)*𝟙[-A[1,0] + maximum(A[0,0], A[0,1]) > 0]*𝟙[-A[1,1] + maximum(maximum(A[0,0], A[0,1]), A[1,0]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_0[k];
        const sg_real a1 = c_A_0_1[k];
        const sg_real a2 = c_A_1_0[k];
        const sg_real a3 = c_A_1_1[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_0_1[k] = ((a0 - a1) > 0 ? (0.0) : (1.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[1,0]] = (0 if -A[1,0] + maximum(A[0,0], A[0,1]) > 0 else 1)*𝟙[-A[1,1] + maximum(maximum(A[0,0], A[0,1]), A[1,0]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_0[k];
        const sg_real a1 = c_A_0_1[k];
        const sg_real a2 = c_A_1_0[k];
        const sg_real a3 = c_A_1_1[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_1_0[k] = ((-a2 + q0) > 0 ? (0.0) : (1.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[1,1]] = (0 if -A[1,1] + maximum(maximum(A[0,0], A[0,1]), A[1,0]) > 0 else 1) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_0[k];
        const sg_real a1 = c_A_0_1[k];
        const sg_real a2 = c_A_1_0[k];
        const sg_real a3 = c_A_1_1[k];
    c_d_A_1_1[k] = ((-a3 + sg_max(sg_max(a0, a1), a2)) > 0 ? (0.0) : (1.0));
    }

    /* d[A] = scatter(d[A[3,3]], d[A[3,2]], d[A[2,3]], d[A[2,2]], d[A[3,1]], d[A[3,0]], d[A[2,1]], d[A[2,0]], d[A[1,3]], d[A[1,2]], d[A[0,3]], d[A[0,2]], d[A[1,1]], d[ */
    for (int k = 0; k < 16; ++k) c_d_A[k] = 0;
    for (int k = 0; k < 1; ++k) c_d_A[k + 15] += c_d_A_3_3[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 14] += c_d_A_3_2[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 11] += c_d_A_2_3[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 10] += c_d_A_2_2[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 13] += c_d_A_3_1[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 12] += c_d_A_3_0[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 9] += c_d_A_2_1[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 8] += c_d_A_2_0[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 7] += c_d_A_1_3[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 6] += c_d_A_1_2[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 3] += c_d_A_0_3[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 2] += c_d_A_0_2[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 5] += c_d_A_1_1[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 4] += c_d_A_1_0[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 1] += c_d_A_0_1[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 0] += c_d_A_0_0[k];

    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
    }
    /* ---- after the tiles ---- */
    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (nf[0]*c_J[0]);
    for (int k = 0; k < 16; ++k) grad[0 + k] = scale * (nf[0]*c_d_A[k]);  /* A */
    return SG_OK;
}

/* ==== hvp: tile of 32 samples, workspace 312 reals ==== */
int max_pooling_hvp(const sg_real *restrict theta, const sg_real *restrict data, long n,
    const sg_real *restrict dir, sg_real *restrict loss, sg_real *restrict grad,
    sg_real *restrict hv, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 16)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 0)) return SG_EDATA;
    if (!sg_all_finite(dir, 16)) return SG_EDIR;
    const sg_real *restrict p_A = theta + 0;  /* [4, 4] */
    const sg_real *restrict u_A = dir + 0;
    sg_real *restrict c_A_0_0 = work + 0;  /* work [] */
    sg_real *restrict c_A_0_1 = work + 8;  /* work [] */
    sg_real *restrict c_A_1_0 = work + 16;  /* work [] */
    sg_real *restrict c_A_1_1 = work + 24;  /* work [] */
    sg_real *restrict c_p00 = work + 32;  /* work [] */
    sg_real *restrict c_A_0_2 = work + 40;  /* work [] */
    sg_real *restrict c_A_0_3 = work + 48;  /* work [] */
    sg_real *restrict c_A_1_2 = work + 56;  /* work [] */
    sg_real *restrict c_A_1_3 = work + 64;  /* work [] */
    sg_real *restrict c_p01 = work + 72;  /* work [] */
    sg_real *restrict c_A_2_0 = work + 80;  /* work [] */
    sg_real *restrict c_A_2_1 = work + 88;  /* work [] */
    sg_real *restrict c_A_3_0 = work + 96;  /* work [] */
    sg_real *restrict c_A_3_1 = work + 104;  /* work [] */
    sg_real *restrict c_p10 = work + 112;  /* work [] */
    sg_real *restrict c_A_2_2 = work + 120;  /* work [] */
    sg_real *restrict c_A_2_3 = work + 128;  /* work [] */
    sg_real *restrict c_A_3_2 = work + 136;  /* work [] */
    sg_real *restrict c_A_3_3 = work + 144;  /* work [] */
    sg_real *restrict c_p11 = work + 152;  /* work [] */
    sg_real *restrict c_J = work + 160;  /* work [] */
    sg_real *restrict c_d_A_2_2 = work + 168;  /* work [] */
    sg_real *restrict c_d_A_2_3 = work + 176;  /* work [] */
    sg_real *restrict c_d_A_3_2 = work + 184;  /* work [] */
    sg_real *restrict c_d_A_3_3 = work + 192;  /* work [] */
    sg_real *restrict c_d_A_2_0 = work + 200;  /* work [] */
    sg_real *restrict c_d_A_2_1 = work + 208;  /* work [] */
    sg_real *restrict c_d_A_3_0 = work + 216;  /* work [] */
    sg_real *restrict c_d_A_3_1 = work + 224;  /* work [] */
    sg_real *restrict c_d_A_0_2 = work + 232;  /* work [] */
    sg_real *restrict c_d_A_0_3 = work + 240;  /* work [] */
    sg_real *restrict c_d_A_1_2 = work + 248;  /* work [] */
    sg_real *restrict c_d_A_1_3 = work + 256;  /* work [] */
    sg_real *restrict c_d_A_0_0 = work + 264;  /* work [] */
    sg_real *restrict c_d_A_0_1 = work + 272;  /* work [] */
    sg_real *restrict c_d_A_1_0 = work + 280;  /* work [] */
    sg_real *restrict c_d_A_1_1 = work + 288;  /* work [] */
    sg_real *restrict c_d_A = work + 296;  /* work [4, 4] */
    (void)p_A;
    (void)u_A;
    /* ---- sample-invariant part (once per call) ---- */
    /* A[0,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_0[k] = p_A[k + 0];

    /* A[0,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_1[k] = p_A[k + 1];

    /* A[1,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_0[k] = p_A[k + 4];

    /* A[1,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_1[k] = p_A[k + 5];

    /* p00 = maximum(maximum(maximum(A[0,0], A[0,1]), A[1,0]), A[1,1]) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_0[k];
        const sg_real a1 = c_A_0_1[k];
        const sg_real a2 = c_A_1_0[k];
        const sg_real a3 = c_A_1_1[k];
    c_p00[k] = sg_max(sg_max(sg_max(a0, a1), a2), a3);
    }

    /* A[0,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_2[k] = p_A[k + 2];

    /* A[0,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_3[k] = p_A[k + 3];

    /* A[1,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_2[k] = p_A[k + 6];

    /* A[1,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_3[k] = p_A[k + 7];

    /* p01 = maximum(maximum(maximum(A[0,2], A[0,3]), A[1,2]), A[1,3]) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_2[k];
        const sg_real a1 = c_A_0_3[k];
        const sg_real a2 = c_A_1_2[k];
        const sg_real a3 = c_A_1_3[k];
    c_p01[k] = sg_max(sg_max(sg_max(a0, a1), a2), a3);
    }

    /* A[2,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_0[k] = p_A[k + 8];

    /* A[2,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_1[k] = p_A[k + 9];

    /* A[3,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_0[k] = p_A[k + 12];

    /* A[3,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_1[k] = p_A[k + 13];

    /* p10 = maximum(maximum(maximum(A[2,0], A[2,1]), A[3,0]), A[3,1]) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_0[k];
        const sg_real a1 = c_A_2_1[k];
        const sg_real a2 = c_A_3_0[k];
        const sg_real a3 = c_A_3_1[k];
    c_p10[k] = sg_max(sg_max(sg_max(a0, a1), a2), a3);
    }

    /* A[2,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_2[k] = p_A[k + 10];

    /* A[2,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_3[k] = p_A[k + 11];

    /* A[3,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_2[k] = p_A[k + 14];

    /* A[3,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_3[k] = p_A[k + 15];

    /* p11 = maximum(maximum(maximum(A[2,2], A[2,3]), A[3,2]), A[3,3]) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_2[k];
        const sg_real a1 = c_A_2_3[k];
        const sg_real a2 = c_A_3_2[k];
        const sg_real a3 = c_A_3_3[k];
    c_p11[k] = sg_max(sg_max(sg_max(a0, a1), a2), a3);
    }

    /* J = p00 + p01 + p10 + p11 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_p00[k];
        const sg_real a1 = c_p01[k];
        const sg_real a2 = c_p10[k];
        const sg_real a3 = c_p11[k];
    c_J[k] = a0 + a1 + a2 + a3;
    }

    /* d[A[2,2]] = 𝟙[A[2,2] - A[2,3] > 0]*𝟙[-A[3,2] + maximum(A[2,2], A[2,3]) > 0]*𝟙[-A[3,3] + maximum(maximum(A[2,2], A[2,3]), A[3,2]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_2[k];
        const sg_real a1 = c_A_2_3[k];
        const sg_real a2 = c_A_3_2[k];
        const sg_real a3 = c_A_3_3[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_2_2[k] = ((a0 - a1) > 0 ? (1.0) : (0.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[2,3]] = (0 if A[2,2] - A[2,3] > 0 else 1)*𝟙[-A[3,2] + maximum(A[2,2], A[2,3]) > 0]*𝟙[-A[3,3] + maximum(maximum(A[2,2], A[2,3]), A[3,2]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_2[k];
        const sg_real a1 = c_A_2_3[k];
        const sg_real a2 = c_A_3_2[k];
        const sg_real a3 = c_A_3_3[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_2_3[k] = ((a0 - a1) > 0 ? (0.0) : (1.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[3,2]] = (0 if -A[3,2] + maximum(A[2,2], A[2,3]) > 0 else 1)*𝟙[-A[3,3] + maximum(maximum(A[2,2], A[2,3]), A[3,2]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_2[k];
        const sg_real a1 = c_A_2_3[k];
        const sg_real a2 = c_A_3_2[k];
        const sg_real a3 = c_A_3_3[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_3_2[k] = ((-a2 + q0) > 0 ? (0.0) : (1.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[3,3]] = (0 if -A[3,3] + maximum(maximum(A[2,2], A[2,3]), A[3,2]) > 0 else 1) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_2[k];
        const sg_real a1 = c_A_2_3[k];
        const sg_real a2 = c_A_3_2[k];
        const sg_real a3 = c_A_3_3[k];
    c_d_A_3_3[k] = ((-a3 + sg_max(sg_max(a0, a1), a2)) > 0 ? (0.0) : (1.0));
    }

    /* d[A[2,0]] = 𝟙[A[2,0] - A[2,1] > 0]*𝟙[-A[3,0] + maximum(A[2,0], A[2,1]) > 0]*𝟙[-A[3,1] + maximum(maximum(A[2,0], A[2,1]), A[3,0]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_0[k];
        const sg_real a1 = c_A_2_1[k];
        const sg_real a2 = c_A_3_0[k];
        const sg_real a3 = c_A_3_1[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_2_0[k] = ((a0 - a1) > 0 ? (1.0) : (0.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[2,1]] = (0 if A[2,0] - A[2,1] > 0 else 1)*𝟙[-A[3,0] + maximum(A[2,0], A[2,1]) > 0]*𝟙[-A[3,1] + maximum(maximum(A[2,0], A[2,1]), A[3,0]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_0[k];
        const sg_real a1 = c_A_2_1[k];
        const sg_real a2 = c_A_3_0[k];
        const sg_real a3 = c_A_3_1[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_2_1[k] = ((a0 - a1) > 0 ? (0.0) : (1.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[3,0]] = (0 if -A[3,0] + maximum(A[2,0], A[2,1]) > 0 else 1)*𝟙[-A[3,1] + maximum(maximum(A[2,0], A[2,1]), A[3,0]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_0[k];
        const sg_real a1 = c_A_2_1[k];
        const sg_real a2 = c_A_3_0[k];
        const sg_real a3 = c_A_3_1[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_3_0[k] = ((-a2 + q0) > 0 ? (0.0) : (1.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[3,1]] = (0 if -A[3,1] + maximum(maximum(A[2,0], A[2,1]), A[3,0]) > 0 else 1) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_2_0[k];
        const sg_real a1 = c_A_2_1[k];
        const sg_real a2 = c_A_3_0[k];
        const sg_real a3 = c_A_3_1[k];
    c_d_A_3_1[k] = ((-a3 + sg_max(sg_max(a0, a1), a2)) > 0 ? (0.0) : (1.0));
    }

    /* d[A[0,2]] = 𝟙[A[0,2] - A[0,3] > 0]*𝟙[-A[1,2] + maximum(A[0,2], A[0,3]) > 0]*𝟙[-A[1,3] + maximum(maximum(A[0,2], A[0,3]), A[1,2]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_2[k];
        const sg_real a1 = c_A_0_3[k];
        const sg_real a2 = c_A_1_2[k];
        const sg_real a3 = c_A_1_3[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_0_2[k] = ((a0 - a1) > 0 ? (1.0) : (0.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[0,3]] = (0 if A[0,2] - A[0,3] > 0 else 1)*𝟙[-A[1,2] + maximum(A[0,2], A[0,3]) > 0]*𝟙[-A[1,3] + maximum(maximum(A[0,2], A[0,3]), A[1,2]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_2[k];
        const sg_real a1 = c_A_0_3[k];
        const sg_real a2 = c_A_1_2[k];
        const sg_real a3 = c_A_1_3[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_0_3[k] = ((a0 - a1) > 0 ? (0.0) : (1.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[1,2]] = (0 if -A[1,2] + maximum(A[0,2], A[0,3]) > 0 else 1)*𝟙[-A[1,3] + maximum(maximum(A[0,2], A[0,3]), A[1,2]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_2[k];
        const sg_real a1 = c_A_0_3[k];
        const sg_real a2 = c_A_1_2[k];
        const sg_real a3 = c_A_1_3[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_1_2[k] = ((-a2 + q0) > 0 ? (0.0) : (1.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[1,3]] = (0 if -A[1,3] + maximum(maximum(A[0,2], A[0,3]), A[1,2]) > 0 else 1) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_2[k];
        const sg_real a1 = c_A_0_3[k];
        const sg_real a2 = c_A_1_2[k];
        const sg_real a3 = c_A_1_3[k];
    c_d_A_1_3[k] = ((-a3 + sg_max(sg_max(a0, a1), a2)) > 0 ? (0.0) : (1.0));
    }

    /* d[A[0,0]] = 𝟙[A[0,0] - A[0,1] > 0]*𝟙[-A[1,0] + maximum(A[0,0], A[0,1]) > 0]*𝟙[-A[1,1] + maximum(maximum(A[0,0], A[0,1]), A[1,0]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_0[k];
        const sg_real a1 = c_A_0_1[k];
        const sg_real a2 = c_A_1_0[k];
        const sg_real a3 = c_A_1_1[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_0_0[k] = ((a0 - a1) > 0 ? (1.0) : (0.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[0,1]] = (0 if A[0,0] - A[0,1] > 0 else 1)*𝟙[-A[1,0] + maximum(A[0,0], A[0,1]) > 0]*𝟙[-A[1,1] + maximum(maximum(A[0,0], A[0,1]), A[1,0]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_0[k];
        const sg_real a1 = c_A_0_1[k];
        const sg_real a2 = c_A_1_0[k];
        const sg_real a3 = c_A_1_1[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_0_1[k] = ((a0 - a1) > 0 ? (0.0) : (1.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[1,0]] = (0 if -A[1,0] + maximum(A[0,0], A[0,1]) > 0 else 1)*𝟙[-A[1,1] + maximum(maximum(A[0,0], A[0,1]), A[1,0]) > 0] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_0[k];
        const sg_real a1 = c_A_0_1[k];
        const sg_real a2 = c_A_1_0[k];
        const sg_real a3 = c_A_1_1[k];
        const sg_real q0 = sg_max(a0, a1);
    c_d_A_1_0[k] = ((-a2 + q0) > 0 ? (0.0) : (1.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
    }

    /* d[A[1,1]] = (0 if -A[1,1] + maximum(maximum(A[0,0], A[0,1]), A[1,0]) > 0 else 1) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_A_0_0[k];
        const sg_real a1 = c_A_0_1[k];
        const sg_real a2 = c_A_1_0[k];
        const sg_real a3 = c_A_1_1[k];
    c_d_A_1_1[k] = ((-a3 + sg_max(sg_max(a0, a1), a2)) > 0 ? (0.0) : (1.0));
    }

    /* d[A] = scatter(d[A[3,3]], d[A[3,2]], d[A[2,3]], d[A[2,2]], d[A[3,1]], d[A[3,0]], d[A[2,1]], d[A[2,0]], d[A[1,3]], d[A[1,2]], d[A[0,3]], d[A[0,2]], d[A[1,1]], d[ */
    for (int k = 0; k < 16; ++k) c_d_A[k] = 0;
    for (int k = 0; k < 1; ++k) c_d_A[k + 15] += c_d_A_3_3[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 14] += c_d_A_3_2[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 11] += c_d_A_2_3[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 10] += c_d_A_2_2[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 13] += c_d_A_3_1[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 12] += c_d_A_3_0[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 9] += c_d_A_2_1[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 8] += c_d_A_2_0[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 7] += c_d_A_1_3[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 6] += c_d_A_1_2[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 3] += c_d_A_0_3[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 2] += c_d_A_0_2[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 5] += c_d_A_1_1[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 4] += c_d_A_1_0[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 1] += c_d_A_0_1[k];
    for (int k = 0; k < 1; ++k) c_d_A[k + 0] += c_d_A_0_0[k];

    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
    }
    /* ---- after the tiles ---- */
    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (nf[0]*c_J[0]);
    for (int k = 0; k < 16; ++k) grad[0 + k] = scale * (nf[0]*c_d_A[k]);  /* A */
    for (int k = 0; k < 16; ++k) hv[0 + k] = 0;  /* A */
    return SG_OK;
}

/* ==== jacobian: tile of 32 samples, workspace 1408 reals ==== */
int max_pooling_jacobian(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict jac, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 16)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 0)) return SG_EDATA;
    const sg_real *restrict p_A = theta + 0;  /* [4, 4] */
    sg_real *restrict v_pool = work + 0;  /* tile [4] */
    sg_real *restrict c_A_0_0 = work + 128;  /* work [] */
    sg_real *restrict c_A_0_1 = work + 136;  /* work [] */
    sg_real *restrict c_A_1_0 = work + 144;  /* work [] */
    sg_real *restrict c_A_1_1 = work + 152;  /* work [] */
    sg_real *restrict c_A_0_2 = work + 160;  /* work [] */
    sg_real *restrict c_A_0_3 = work + 168;  /* work [] */
    sg_real *restrict c_A_1_2 = work + 176;  /* work [] */
    sg_real *restrict c_A_1_3 = work + 184;  /* work [] */
    sg_real *restrict c_A_2_0 = work + 192;  /* work [] */
    sg_real *restrict c_A_2_1 = work + 200;  /* work [] */
    sg_real *restrict c_A_3_0 = work + 208;  /* work [] */
    sg_real *restrict c_A_3_1 = work + 216;  /* work [] */
    sg_real *restrict c_A_2_2 = work + 224;  /* work [] */
    sg_real *restrict c_A_2_3 = work + 232;  /* work [] */
    sg_real *restrict c_A_3_2 = work + 240;  /* work [] */
    sg_real *restrict c_A_3_3 = work + 248;  /* work [] */
    sg_real *restrict t_J0_d_p00 = work + 256;  /* tile [] */
    sg_real *restrict t_J0_d_p01 = work + 288;  /* tile [] */
    sg_real *restrict t_J0_d_p10 = work + 320;  /* tile [] */
    sg_real *restrict t_J0_d_p11 = work + 352;  /* tile [] */
    sg_real *restrict t_J0_d_A_2_2 = work + 384;  /* tile [] */
    sg_real *restrict t_J0_d_A_2_3 = work + 416;  /* tile [] */
    sg_real *restrict t_J0_d_A_3_2 = work + 448;  /* tile [] */
    sg_real *restrict t_J0_d_A_3_3 = work + 480;  /* tile [] */
    sg_real *restrict t_J0_d_A_2_0 = work + 512;  /* tile [] */
    sg_real *restrict t_J0_d_A_2_1 = work + 544;  /* tile [] */
    sg_real *restrict t_J0_d_A_3_0 = work + 576;  /* tile [] */
    sg_real *restrict t_J0_d_A_3_1 = work + 608;  /* tile [] */
    sg_real *restrict t_J0_d_A_0_2 = work + 640;  /* tile [] */
    sg_real *restrict t_J0_d_A_0_3 = work + 672;  /* tile [] */
    sg_real *restrict t_J0_d_A_1_2 = work + 704;  /* tile [] */
    sg_real *restrict t_J0_d_A_1_3 = work + 736;  /* tile [] */
    sg_real *restrict t_J0_d_A_0_0 = work + 768;  /* tile [] */
    sg_real *restrict t_J0_d_A_0_1 = work + 800;  /* tile [] */
    sg_real *restrict t_J0_d_A_1_0 = work + 832;  /* tile [] */
    sg_real *restrict t_J0_d_A_1_1 = work + 864;  /* tile [] */
    sg_real *restrict t_J0_d_A = work + 896;  /* tile [4, 4] */
    (void)p_A;
    memset(jac, 0, sizeof(sg_real) * (size_t)n * 64);
    /* ---- sample-invariant part (once per call) ---- */
    /* A[0,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_0[k] = p_A[k + 0];

    /* A[0,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_1[k] = p_A[k + 1];

    /* A[1,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_0[k] = p_A[k + 4];

    /* A[1,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_1[k] = p_A[k + 5];

    /* A[0,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_2[k] = p_A[k + 2];

    /* A[0,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_0_3[k] = p_A[k + 3];

    /* A[1,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_2[k] = p_A[k + 6];

    /* A[1,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_1_3[k] = p_A[k + 7];

    /* A[2,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_0[k] = p_A[k + 8];

    /* A[2,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_1[k] = p_A[k + 9];

    /* A[3,0] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_0[k] = p_A[k + 12];

    /* A[3,1] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_1[k] = p_A[k + 13];

    /* A[2,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_2[k] = p_A[k + 10];

    /* A[2,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_2_3[k] = p_A[k + 11];

    /* A[3,2] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_2[k] = p_A[k + 14];

    /* A[3,3] = index(A) */
    for (int k = 0; k < 1; ++k) c_A_3_3[k] = p_A[k + 15];

    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        /* Jacobian rows of pool: one reverse sweep per output element */
        for (int kk = 0; kk < 4; ++kk) {
            for (s = 0; s < nt; ++s)
                for (int k = 0; k < 4; ++k) v_pool[s*4 + k] = (k == kk);
            /* J0:d[p00] = index(v[pool]) */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 1; ++k) t_J0_d_p00[s*1 + k] = v_pool[s*4 + k + 0];
            }

            /* J0:d[p01] = index(v[pool]) */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 1; ++k) t_J0_d_p01[s*1 + k] = v_pool[s*4 + k + 1];
            }

            /* J0:d[p10] = index(v[pool]) */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 1; ++k) t_J0_d_p10[s*1 + k] = v_pool[s*4 + k + 2];
            }

            /* J0:d[p11] = index(v[pool]) */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 1; ++k) t_J0_d_p11[s*1 + k] = v_pool[s*4 + k + 3];
            }

            /* J0:d[A[2,2]] = J0:d[p11]*𝟙[A[2,2] - A[2,3] > 0]*𝟙[-A[3,2] + maximum(A[2,2], A[2,3]) > 0]*𝟙[-A[3,3] + maximum(maximum(A[2,2], A[2,3]), A[3,2]) > 0] */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = c_A_2_2[0];
                const sg_real a1 = c_A_2_3[0];
                const sg_real a2 = c_A_3_2[0];
                const sg_real a3 = c_A_3_3[0];
                const sg_real a4 = t_J0_d_p11[k];
                const sg_real q0 = sg_max(a0, a1);
            t_J0_d_A_2_2[k] = a4*((a0 - a1) > 0 ? (1.0) : (0.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
            }

            /* J0:d[A[2,3]] = J0:d[p11]*(0 if A[2,2] - A[2,3] > 0 else 1)*𝟙[-A[3,2] + maximum(A[2,2], A[2,3]) > 0]*𝟙[-A[3,3] + maximum(maximum(A[2,2], A[2,3]), A[3,2]) > 0] */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = c_A_2_2[0];
                const sg_real a1 = c_A_2_3[0];
                const sg_real a2 = c_A_3_2[0];
                const sg_real a3 = c_A_3_3[0];
                const sg_real a4 = t_J0_d_p11[k];
                const sg_real q0 = sg_max(a0, a1);
            t_J0_d_A_2_3[k] = a4*((a0 - a1) > 0 ? (0.0) : (1.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
            }

            /* J0:d[A[3,2]] = J0:d[p11]*(0 if -A[3,2] + maximum(A[2,2], A[2,3]) > 0 else 1)*𝟙[-A[3,3] + maximum(maximum(A[2,2], A[2,3]), A[3,2]) > 0] */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = c_A_2_2[0];
                const sg_real a1 = c_A_2_3[0];
                const sg_real a2 = c_A_3_2[0];
                const sg_real a3 = c_A_3_3[0];
                const sg_real a4 = t_J0_d_p11[k];
                const sg_real q0 = sg_max(a0, a1);
            t_J0_d_A_3_2[k] = a4*((-a2 + q0) > 0 ? (0.0) : (1.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
            }

            /* J0:d[A[3,3]] = J0:d[p11]*(0 if -A[3,3] + maximum(maximum(A[2,2], A[2,3]), A[3,2]) > 0 else 1) */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = c_A_2_2[0];
                const sg_real a1 = c_A_2_3[0];
                const sg_real a2 = c_A_3_2[0];
                const sg_real a3 = c_A_3_3[0];
                const sg_real a4 = t_J0_d_p11[k];
            t_J0_d_A_3_3[k] = a4*((-a3 + sg_max(sg_max(a0, a1), a2)) > 0 ? (0.0) : (1.0));
            }

            /* J0:d[A[2,0]] = J0:d[p10]*𝟙[A[2,0] - A[2,1] > 0]*𝟙[-A[3,0] + maximum(A[2,0], A[2,1]) > 0]*𝟙[-A[3,1] + maximum(maximum(A[2,0], A[2,1]), A[3,0]) > 0] */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = c_A_2_0[0];
                const sg_real a1 = c_A_2_1[0];
                const sg_real a2 = c_A_3_0[0];
                const sg_real a3 = c_A_3_1[0];
                const sg_real a4 = t_J0_d_p10[k];
                const sg_real q0 = sg_max(a0, a1);
            t_J0_d_A_2_0[k] = a4*((a0 - a1) > 0 ? (1.0) : (0.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
            }

            /* J0:d[A[2,1]] = J0:d[p10]*(0 if A[2,0] - A[2,1] > 0 else 1)*𝟙[-A[3,0] + maximum(A[2,0], A[2,1]) > 0]*𝟙[-A[3,1] + maximum(maximum(A[2,0], A[2,1]), A[3,0]) > 0] */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = c_A_2_0[0];
                const sg_real a1 = c_A_2_1[0];
                const sg_real a2 = c_A_3_0[0];
                const sg_real a3 = c_A_3_1[0];
                const sg_real a4 = t_J0_d_p10[k];
                const sg_real q0 = sg_max(a0, a1);
            t_J0_d_A_2_1[k] = a4*((a0 - a1) > 0 ? (0.0) : (1.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
            }

            /* J0:d[A[3,0]] = J0:d[p10]*(0 if -A[3,0] + maximum(A[2,0], A[2,1]) > 0 else 1)*𝟙[-A[3,1] + maximum(maximum(A[2,0], A[2,1]), A[3,0]) > 0] */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = c_A_2_0[0];
                const sg_real a1 = c_A_2_1[0];
                const sg_real a2 = c_A_3_0[0];
                const sg_real a3 = c_A_3_1[0];
                const sg_real a4 = t_J0_d_p10[k];
                const sg_real q0 = sg_max(a0, a1);
            t_J0_d_A_3_0[k] = a4*((-a2 + q0) > 0 ? (0.0) : (1.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
            }

            /* J0:d[A[3,1]] = J0:d[p10]*(0 if -A[3,1] + maximum(maximum(A[2,0], A[2,1]), A[3,0]) > 0 else 1) */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = c_A_2_0[0];
                const sg_real a1 = c_A_2_1[0];
                const sg_real a2 = c_A_3_0[0];
                const sg_real a3 = c_A_3_1[0];
                const sg_real a4 = t_J0_d_p10[k];
            t_J0_d_A_3_1[k] = a4*((-a3 + sg_max(sg_max(a0, a1), a2)) > 0 ? (0.0) : (1.0));
            }

            /* J0:d[A[0,2]] = J0:d[p01]*𝟙[A[0,2] - A[0,3] > 0]*𝟙[-A[1,2] + maximum(A[0,2], A[0,3]) > 0]*𝟙[-A[1,3] + maximum(maximum(A[0,2], A[0,3]), A[1,2]) > 0] */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = c_A_0_2[0];
                const sg_real a1 = c_A_0_3[0];
                const sg_real a2 = c_A_1_2[0];
                const sg_real a3 = c_A_1_3[0];
                const sg_real a4 = t_J0_d_p01[k];
                const sg_real q0 = sg_max(a0, a1);
            t_J0_d_A_0_2[k] = a4*((a0 - a1) > 0 ? (1.0) : (0.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
            }

            /* J0:d[A[0,3]] = J0:d[p01]*(0 if A[0,2] - A[0,3] > 0 else 1)*𝟙[-A[1,2] + maximum(A[0,2], A[0,3]) > 0]*𝟙[-A[1,3] + maximum(maximum(A[0,2], A[0,3]), A[1,2]) > 0] */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = c_A_0_2[0];
                const sg_real a1 = c_A_0_3[0];
                const sg_real a2 = c_A_1_2[0];
                const sg_real a3 = c_A_1_3[0];
                const sg_real a4 = t_J0_d_p01[k];
                const sg_real q0 = sg_max(a0, a1);
            t_J0_d_A_0_3[k] = a4*((a0 - a1) > 0 ? (0.0) : (1.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
            }

            /* J0:d[A[1,2]] = J0:d[p01]*(0 if -A[1,2] + maximum(A[0,2], A[0,3]) > 0 else 1)*𝟙[-A[1,3] + maximum(maximum(A[0,2], A[0,3]), A[1,2]) > 0] */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = c_A_0_2[0];
                const sg_real a1 = c_A_0_3[0];
                const sg_real a2 = c_A_1_2[0];
                const sg_real a3 = c_A_1_3[0];
                const sg_real a4 = t_J0_d_p01[k];
                const sg_real q0 = sg_max(a0, a1);
            t_J0_d_A_1_2[k] = a4*((-a2 + q0) > 0 ? (0.0) : (1.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
            }

            /* J0:d[A[1,3]] = J0:d[p01]*(0 if -A[1,3] + maximum(maximum(A[0,2], A[0,3]), A[1,2]) > 0 else 1) */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = c_A_0_2[0];
                const sg_real a1 = c_A_0_3[0];
                const sg_real a2 = c_A_1_2[0];
                const sg_real a3 = c_A_1_3[0];
                const sg_real a4 = t_J0_d_p01[k];
            t_J0_d_A_1_3[k] = a4*((-a3 + sg_max(sg_max(a0, a1), a2)) > 0 ? (0.0) : (1.0));
            }

            /* J0:d[A[0,0]] = J0:d[p00]*𝟙[A[0,0] - A[0,1] > 0]*𝟙[-A[1,0] + maximum(A[0,0], A[0,1]) > 0]*𝟙[-A[1,1] + maximum(maximum(A[0,0], A[0,1]), A[1,0]) > 0] */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = c_A_0_0[0];
                const sg_real a1 = c_A_0_1[0];
                const sg_real a2 = c_A_1_0[0];
                const sg_real a3 = c_A_1_1[0];
                const sg_real a4 = t_J0_d_p00[k];
                const sg_real q0 = sg_max(a0, a1);
            t_J0_d_A_0_0[k] = a4*((a0 - a1) > 0 ? (1.0) : (0.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
            }

            /* J0:d[A[0,1]] = J0:d[p00]*(0 if A[0,0] - A[0,1] > 0 else 1)*𝟙[-A[1,0] + maximum(A[0,0], A[0,1]) > 0]*𝟙[-A[1,1] + maximum(maximum(A[0,0], A[0,1]), A[1,0]) > 0] */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = c_A_0_0[0];
                const sg_real a1 = c_A_0_1[0];
                const sg_real a2 = c_A_1_0[0];
                const sg_real a3 = c_A_1_1[0];
                const sg_real a4 = t_J0_d_p00[k];
                const sg_real q0 = sg_max(a0, a1);
            t_J0_d_A_0_1[k] = a4*((a0 - a1) > 0 ? (0.0) : (1.0))*((-a2 + q0) > 0 ? (1.0) : (0.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
            }

            /* J0:d[A[1,0]] = J0:d[p00]*(0 if -A[1,0] + maximum(A[0,0], A[0,1]) > 0 else 1)*𝟙[-A[1,1] + maximum(maximum(A[0,0], A[0,1]), A[1,0]) > 0] */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = c_A_0_0[0];
                const sg_real a1 = c_A_0_1[0];
                const sg_real a2 = c_A_1_0[0];
                const sg_real a3 = c_A_1_1[0];
                const sg_real a4 = t_J0_d_p00[k];
                const sg_real q0 = sg_max(a0, a1);
            t_J0_d_A_1_0[k] = a4*((-a2 + q0) > 0 ? (0.0) : (1.0))*((-a3 + sg_max(q0, a2)) > 0 ? (1.0) : (0.0));
            }

            /* J0:d[A[1,1]] = J0:d[p00]*(0 if -A[1,1] + maximum(maximum(A[0,0], A[0,1]), A[1,0]) > 0 else 1) */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = c_A_0_0[0];
                const sg_real a1 = c_A_0_1[0];
                const sg_real a2 = c_A_1_0[0];
                const sg_real a3 = c_A_1_1[0];
                const sg_real a4 = t_J0_d_p00[k];
            t_J0_d_A_1_1[k] = a4*((-a3 + sg_max(sg_max(a0, a1), a2)) > 0 ? (0.0) : (1.0));
            }

            /* J0:d[A] = scatter(J0:d[A[3,3]], J0:d[A[3,2]], J0:d[A[2,3]], J0:d[A[2,2]], J0:d[A[3,1]], J0:d[A[3,0]], J0:d[A[2,1]], J0:d[A[2,0]], J0:d[A[1,3]], J0:d[A[1,2]], J0 */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 16; ++k) t_J0_d_A[s*16 + k] = 0;
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 15] += t_J0_d_A_3_3[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 14] += t_J0_d_A_3_2[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 11] += t_J0_d_A_2_3[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 10] += t_J0_d_A_2_2[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 13] += t_J0_d_A_3_1[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 12] += t_J0_d_A_3_0[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 9] += t_J0_d_A_2_1[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 8] += t_J0_d_A_2_0[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 7] += t_J0_d_A_1_3[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 6] += t_J0_d_A_1_2[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 3] += t_J0_d_A_0_3[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 2] += t_J0_d_A_0_2[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 5] += t_J0_d_A_1_1[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 4] += t_J0_d_A_1_0[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 1] += t_J0_d_A_0_1[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_A[s*16 + k + 0] += t_J0_d_A_0_0[s*1 + k];
            }

            for (s = 0; s < nt; ++s) {
                sg_real *restrict jr = jac + ((t0 + s) * 4 + 0 + kk) * 16;
                for (int k = 0; k < 16; ++k) jr[0 + k] = t_J0_d_A[s*16 + k];  /* A */
            }
        }
    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== hessian: 16 HVP sweeps u = e_j, then symmetrised (H + Hᵀ)/2 ==== */
int max_pooling_hessian(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict loss, sg_real *restrict grad, sg_real *restrict H, sg_real *restrict work)
{
    sg_real *restrict u = work + 312;
    int rc = SG_OK;
    for (long j = 0; j < 16; ++j) {
        memset(u, 0, sizeof(sg_real) * 16);
        u[j] = 1;
        rc = max_pooling_hvp(theta, data, n, u, loss, grad, H + j * 16, work);
        if (rc != SG_OK) return rc;
    }
    for (long i = 0; i < 16; ++i)
        for (long j = 0; j < i; ++j) {
            const sg_real v = (sg_real)0.5 * (H[i * 16 + j] + H[j * 16 + i]);
            H[i * 16 + j] = v;
            H[j * 16 + i] = v;
        }
    return rc;
}
