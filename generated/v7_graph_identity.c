/* v7_graph_identity.c: symgrad kernels for model 'v7_graph_identity' (float64), emitter v1.
   Generated from the assignment graph of v7_graph_identity.toml; do not edit.
   Self-contained C99 (math.h only): cc -O3 -std=c99 -c v7_graph_identity.c   (link with -lm)
   Layout: theta = x1[], x2[] (row-major, packed)
           data row = t[]
           forward row = L[]
   Batch objective: mean over samples of 'L'. */
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


#define V7_GRAPH_IDENTITY_N_PARAMS 2
#define V7_GRAPH_IDENTITY_DATA_WIDTH 1
#define V7_GRAPH_IDENTITY_OUT_WIDTH 1
#define V7_GRAPH_IDENTITY_INFO_N_PARAMS 0
#define V7_GRAPH_IDENTITY_INFO_DATA_WIDTH 1
#define V7_GRAPH_IDENTITY_INFO_OUT_WIDTH 2
#define V7_GRAPH_IDENTITY_INFO_JAC_ROWS 3
#define V7_GRAPH_IDENTITY_INFO_JAC_COLS 4
#define V7_GRAPH_IDENTITY_INFO_TILE 5
#define V7_GRAPH_IDENTITY_INFO_DTYPE_BYTES 6
#define V7_GRAPH_IDENTITY_INFO_WORK_FORWARD 7
#define V7_GRAPH_IDENTITY_INFO_WORK_LOSS_GRAD 8
#define V7_GRAPH_IDENTITY_INFO_WORK_HVP 9
#define V7_GRAPH_IDENTITY_INFO_WORK_HESSIAN 10
#define V7_GRAPH_IDENTITY_INFO_WORK_JACOBIAN 11

long v7_graph_identity_info(int what)
{
    switch (what) {
    case 0: return 2L;
    case 1: return 1L;
    case 2: return 1L;
    case 3: return 1L;
    case 4: return 3L;
    case 5: return 32L;
    case 6: return 8L;
    case 7: return 64L;
    case 8: return 112L;
    case 9: return 192L;
    case 10: return 204L;
    case 11: return 320L;
    default: return -1L;
    }
}

/* ==== forward: tile of 32 samples, workspace 64 reals ==== */
int v7_graph_identity_forward(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict out, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 2)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 1)) return SG_EDATA;
    const sg_real *restrict p_x1 = theta + 0;  /* [] */
    const sg_real *restrict p_x2 = theta + 1;  /* [] */
    sg_real *restrict c_v1 = work + 0;  /* work [] */
    sg_real *restrict c_v2 = work + 8;  /* work [] */
    sg_real *restrict c_v3 = work + 16;  /* work [] */
    sg_real *restrict c_v4 = work + 24;  /* work [] */
    sg_real *restrict c_v5 = work + 32;  /* work [] */
    sg_real *restrict c_v6 = work + 40;  /* work [] */
    sg_real *restrict c_v7 = work + 48;  /* work [] */
    sg_real *restrict c_L = work + 56;  /* work [] */
    (void)p_x1;
    (void)p_x2;
    /* ---- sample-invariant part (once per call) ---- */
    /* v1 = x1 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_x1[k];
    c_v1[k] = a0;
    }

    /* v2 = x2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_x2[k];
    c_v2[k] = a0;
    }

    /* v3 = exp(v2) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v2[k];
    c_v3[k] = exp(a0);
    }

    /* v4 = v1*v3 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v1[k];
        const sg_real a1 = c_v3[k];
    c_v4[k] = a0*a1;
    }

    /* v5 = v1*v2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v1[k];
        const sg_real a1 = c_v2[k];
    c_v5[k] = a0*a1;
    }

    /* v6 = cos(v5) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v5[k];
    c_v6[k] = cos(a0);
    }

    /* v7 = v4 + v6 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v4[k];
        const sg_real a1 = c_v6[k];
    c_v7[k] = a0 + a1;
    }

    /* L = v7 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v7[k];
    c_L[k] = a0;
    }

    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        const sg_real *restrict d_t = data + t0 * 1 + 0;
        (void)d_t;
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) out[(t0 + s)*1 + 0 + k] = c_L[k];

    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== loss_grad: tile of 32 samples, workspace 112 reals ==== */
int v7_graph_identity_loss_grad(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict loss, sg_real *restrict grad, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 2)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 1)) return SG_EDATA;
    const sg_real *restrict p_x1 = theta + 0;  /* [] */
    const sg_real *restrict p_x2 = theta + 1;  /* [] */
    sg_real *restrict c_v1 = work + 0;  /* work [] */
    sg_real *restrict c_v2 = work + 8;  /* work [] */
    sg_real *restrict c_v3 = work + 16;  /* work [] */
    sg_real *restrict c_v4 = work + 24;  /* work [] */
    sg_real *restrict c_v5 = work + 32;  /* work [] */
    sg_real *restrict c_v6 = work + 40;  /* work [] */
    sg_real *restrict c_v7 = work + 48;  /* work [] */
    sg_real *restrict c_L = work + 56;  /* work [] */
    sg_real *restrict c_d_v5 = work + 64;  /* work [] */
    sg_real *restrict c_d_v1_1 = work + 72;  /* work [] */
    sg_real *restrict c_d_v2_1 = work + 80;  /* work [] */
    sg_real *restrict c_d_v2_2 = work + 88;  /* work [] */
    sg_real *restrict c_d_v2 = work + 96;  /* work [] */
    sg_real *restrict c_d_v1 = work + 104;  /* work [] */
    (void)p_x1;
    (void)p_x2;
    /* ---- sample-invariant part (once per call) ---- */
    /* v1 = x1 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_x1[k];
    c_v1[k] = a0;
    }

    /* v2 = x2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_x2[k];
    c_v2[k] = a0;
    }

    /* v3 = exp(v2) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v2[k];
    c_v3[k] = exp(a0);
    }

    /* v4 = v1*v3 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v1[k];
        const sg_real a1 = c_v3[k];
    c_v4[k] = a0*a1;
    }

    /* v5 = v1*v2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v1[k];
        const sg_real a1 = c_v2[k];
    c_v5[k] = a0*a1;
    }

    /* v6 = cos(v5) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v5[k];
    c_v6[k] = cos(a0);
    }

    /* v7 = v4 + v6 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v4[k];
        const sg_real a1 = c_v6[k];
    c_v7[k] = a0 + a1;
    }

    /* L = v7 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v7[k];
    c_L[k] = a0;
    }

    /* d[v5] = -sin(v5) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v5[k];
    c_d_v5[k] = -sin(a0);
    }

    /* d[v1]#1 = d[v5]*v2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_d_v5[k];
        const sg_real a1 = c_v2[k];
    c_d_v1_1[k] = a0*a1;
    }

    /* d[v2]#1 = d[v5]*v1 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_d_v5[k];
        const sg_real a1 = c_v1[k];
    c_d_v2_1[k] = a0*a1;
    }

    /* d[v2]#2 = v1*v3 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v1[k];
        const sg_real a1 = c_v3[k];
    c_d_v2_2[k] = a0*a1;
    }

    /* d[v2] = d[v2]#1 + d[v2]#2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_d_v2_1[k];
        const sg_real a1 = c_d_v2_2[k];
    c_d_v2[k] = a0 + a1;
    }

    /* d[v1] = d[v1]#1 + v3 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_d_v1_1[k];
        const sg_real a1 = c_v3[k];
    c_d_v1[k] = a0 + a1;
    }

    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        const sg_real *restrict d_t = data + t0 * 1 + 0;
        (void)d_t;
    }
    /* ---- after the tiles ---- */
    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (nf[0]*c_L[0]);
    for (int k = 0; k < 1; ++k) grad[0 + k] = scale * (nf[0]*c_d_v1[k]);  /* x1 */
    for (int k = 0; k < 1; ++k) grad[1 + k] = scale * (nf[0]*c_d_v2[k]);  /* x2 */
    return SG_OK;
}

/* ==== hvp: tile of 32 samples, workspace 192 reals ==== */
int v7_graph_identity_hvp(const sg_real *restrict theta, const sg_real *restrict data, long n,
    const sg_real *restrict dir, sg_real *restrict loss, sg_real *restrict grad,
    sg_real *restrict hv, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 2)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 1)) return SG_EDATA;
    if (!sg_all_finite(dir, 2)) return SG_EDIR;
    const sg_real *restrict p_x1 = theta + 0;  /* [] */
    const sg_real *restrict p_x2 = theta + 1;  /* [] */
    const sg_real *restrict u_x1 = dir + 0;
    const sg_real *restrict u_x2 = dir + 1;
    sg_real *restrict c_v1 = work + 0;  /* work [] */
    sg_real *restrict c_v2 = work + 8;  /* work [] */
    sg_real *restrict c_v3 = work + 16;  /* work [] */
    sg_real *restrict c_v4 = work + 24;  /* work [] */
    sg_real *restrict c_v5 = work + 32;  /* work [] */
    sg_real *restrict c_v6 = work + 40;  /* work [] */
    sg_real *restrict c_v7 = work + 48;  /* work [] */
    sg_real *restrict c_L = work + 56;  /* work [] */
    sg_real *restrict c_d_v5 = work + 64;  /* work [] */
    sg_real *restrict c_d_v1_1 = work + 72;  /* work [] */
    sg_real *restrict c_d_v2_1 = work + 80;  /* work [] */
    sg_real *restrict c_d_v2_2 = work + 88;  /* work [] */
    sg_real *restrict c_d_v2 = work + 96;  /* work [] */
    sg_real *restrict c_d_v1 = work + 104;  /* work [] */
    sg_real *restrict c_t_v1 = work + 112;  /* work [] */
    sg_real *restrict c_t_v2 = work + 120;  /* work [] */
    sg_real *restrict c_t_v3 = work + 128;  /* work [] */
    sg_real *restrict c_t_v5 = work + 136;  /* work [] */
    sg_real *restrict c_t_d_v5 = work + 144;  /* work [] */
    sg_real *restrict c_t_d_v1_1 = work + 152;  /* work [] */
    sg_real *restrict c_t_d_v2_1 = work + 160;  /* work [] */
    sg_real *restrict c_t_d_v2_2 = work + 168;  /* work [] */
    sg_real *restrict c_t_d_v2 = work + 176;  /* work [] */
    sg_real *restrict c_t_d_v1 = work + 184;  /* work [] */
    (void)p_x1;
    (void)p_x2;
    (void)u_x1;
    (void)u_x2;
    /* ---- sample-invariant part (once per call) ---- */
    /* v1 = x1 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_x1[k];
    c_v1[k] = a0;
    }

    /* v2 = x2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_x2[k];
    c_v2[k] = a0;
    }

    /* v3 = exp(v2) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v2[k];
    c_v3[k] = exp(a0);
    }

    /* v4 = v1*v3 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v1[k];
        const sg_real a1 = c_v3[k];
    c_v4[k] = a0*a1;
    }

    /* v5 = v1*v2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v1[k];
        const sg_real a1 = c_v2[k];
    c_v5[k] = a0*a1;
    }

    /* v6 = cos(v5) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v5[k];
    c_v6[k] = cos(a0);
    }

    /* v7 = v4 + v6 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v4[k];
        const sg_real a1 = c_v6[k];
    c_v7[k] = a0 + a1;
    }

    /* L = v7 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v7[k];
    c_L[k] = a0;
    }

    /* d[v5] = -sin(v5) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v5[k];
    c_d_v5[k] = -sin(a0);
    }

    /* d[v1]#1 = d[v5]*v2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_d_v5[k];
        const sg_real a1 = c_v2[k];
    c_d_v1_1[k] = a0*a1;
    }

    /* d[v2]#1 = d[v5]*v1 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_d_v5[k];
        const sg_real a1 = c_v1[k];
    c_d_v2_1[k] = a0*a1;
    }

    /* d[v2]#2 = v1*v3 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v1[k];
        const sg_real a1 = c_v3[k];
    c_d_v2_2[k] = a0*a1;
    }

    /* d[v2] = d[v2]#1 + d[v2]#2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_d_v2_1[k];
        const sg_real a1 = c_d_v2_2[k];
    c_d_v2[k] = a0 + a1;
    }

    /* d[v1] = d[v1]#1 + v3 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_d_v1_1[k];
        const sg_real a1 = c_v3[k];
    c_d_v1[k] = a0 + a1;
    }

    /* t[v1] = u[x1] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = u_x1[k];
    c_t_v1[k] = a0;
    }

    /* t[v2] = u[x2] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = u_x2[k];
    c_t_v2[k] = a0;
    }

    /* t[v3] = t[v2]*v3 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_t_v2[k];
        const sg_real a1 = c_v3[k];
    c_t_v3[k] = a0*a1;
    }

    /* t[v5] = t[v1]*v2 + t[v2]*v1 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_t_v1[k];
        const sg_real a1 = c_t_v2[k];
        const sg_real a2 = c_v1[k];
        const sg_real a3 = c_v2[k];
    c_t_v5[k] = a0*a3 + a1*a2;
    }

    /* t[d[v5]] = -t[v5]*cos(v5) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_t_v5[k];
        const sg_real a1 = c_v5[k];
    c_t_d_v5[k] = -a0*cos(a1);
    }

    /* t[d[v1]#1] = d[v5]*t[v2] + t[d[v5]]*v2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_d_v5[k];
        const sg_real a1 = c_t_d_v5[k];
        const sg_real a2 = c_t_v2[k];
        const sg_real a3 = c_v2[k];
    c_t_d_v1_1[k] = a0*a2 + a1*a3;
    }

    /* t[d[v2]#1] = d[v5]*t[v1] + t[d[v5]]*v1 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_d_v5[k];
        const sg_real a1 = c_t_d_v5[k];
        const sg_real a2 = c_t_v1[k];
        const sg_real a3 = c_v1[k];
    c_t_d_v2_1[k] = a0*a2 + a1*a3;
    }

    /* t[d[v2]#2] = t[v1]*v3 + t[v3]*v1 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_t_v1[k];
        const sg_real a1 = c_t_v3[k];
        const sg_real a2 = c_v1[k];
        const sg_real a3 = c_v3[k];
    c_t_d_v2_2[k] = a0*a3 + a1*a2;
    }

    /* t[d[v2]] = t[d[v2]#1] + t[d[v2]#2] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_t_d_v2_1[k];
        const sg_real a1 = c_t_d_v2_2[k];
    c_t_d_v2[k] = a0 + a1;
    }

    /* t[d[v1]] = t[d[v1]#1] + t[v3] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_t_d_v1_1[k];
        const sg_real a1 = c_t_v3[k];
    c_t_d_v1[k] = a0 + a1;
    }

    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        const sg_real *restrict d_t = data + t0 * 1 + 0;
        (void)d_t;
    }
    /* ---- after the tiles ---- */
    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (nf[0]*c_L[0]);
    for (int k = 0; k < 1; ++k) grad[0 + k] = scale * (nf[0]*c_d_v1[k]);  /* x1 */
    for (int k = 0; k < 1; ++k) grad[1 + k] = scale * (nf[0]*c_d_v2[k]);  /* x2 */
    for (int k = 0; k < 1; ++k) hv[0 + k] = scale * (nf[0]*c_t_d_v1[k]);  /* x1 */
    for (int k = 0; k < 1; ++k) hv[1 + k] = scale * (nf[0]*c_t_d_v2[k]);  /* x2 */
    return SG_OK;
}

/* ==== jacobian: tile of 32 samples, workspace 320 reals ==== */
int v7_graph_identity_jacobian(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict jac, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 2)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 1)) return SG_EDATA;
    const sg_real *restrict p_x1 = theta + 0;  /* [] */
    const sg_real *restrict p_x2 = theta + 1;  /* [] */
    sg_real *restrict v_L = work + 0;  /* tile [] */
    sg_real *restrict c_v1 = work + 32;  /* work [] */
    sg_real *restrict c_v2 = work + 40;  /* work [] */
    sg_real *restrict c_v3 = work + 48;  /* work [] */
    sg_real *restrict c_v5 = work + 56;  /* work [] */
    sg_real *restrict t_J0_d_v5 = work + 64;  /* tile [] */
    sg_real *restrict t_J0_d_v1_1 = work + 96;  /* tile [] */
    sg_real *restrict t_J0_d_v2_1 = work + 128;  /* tile [] */
    sg_real *restrict t_J0_d_v1_2 = work + 160;  /* tile [] */
    sg_real *restrict t_J0_d_v3 = work + 192;  /* tile [] */
    sg_real *restrict t_J0_d_v2_2 = work + 224;  /* tile [] */
    sg_real *restrict t_J0_d_v2 = work + 256;  /* tile [] */
    sg_real *restrict t_J0_d_v1 = work + 288;  /* tile [] */
    (void)p_x1;
    (void)p_x2;
    memset(jac, 0, sizeof(sg_real) * (size_t)n * 3);
    /* ---- sample-invariant part (once per call) ---- */
    /* v1 = x1 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_x1[k];
    c_v1[k] = a0;
    }

    /* v2 = x2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_x2[k];
    c_v2[k] = a0;
    }

    /* v3 = exp(v2) */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v2[k];
    c_v3[k] = exp(a0);
    }

    /* v5 = v1*v2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = c_v1[k];
        const sg_real a1 = c_v2[k];
    c_v5[k] = a0*a1;
    }

    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        const sg_real *restrict d_t = data + t0 * 1 + 0;
        (void)d_t;
        /* Jacobian rows of L: one reverse sweep per output element */
        for (int kk = 0; kk < 1; ++kk) {
            for (s = 0; s < nt; ++s)
                for (int k = 0; k < 1; ++k) v_L[s*1 + k] = (k == kk);
            /* J0:d[v5] = -v[L]*sin(v5) */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = c_v5[0];
                const sg_real a1 = v_L[k];
            t_J0_d_v5[k] = -a1*sin(a0);
            }

            /* J0:d[v1]#1 = J0:d[v5]*v2 */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = t_J0_d_v5[k];
                const sg_real a1 = c_v2[0];
            t_J0_d_v1_1[k] = a0*a1;
            }

            /* J0:d[v2]#1 = J0:d[v5]*v1 */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = t_J0_d_v5[k];
                const sg_real a1 = c_v1[0];
            t_J0_d_v2_1[k] = a0*a1;
            }

            /* J0:d[v1]#2 = v3*v[L] */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = c_v3[0];
                const sg_real a1 = v_L[k];
            t_J0_d_v1_2[k] = a0*a1;
            }

            /* J0:d[v3] = v1*v[L] */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = c_v1[0];
                const sg_real a1 = v_L[k];
            t_J0_d_v3[k] = a0*a1;
            }

            /* J0:d[v2]#2 = J0:d[v3]*v3 */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = t_J0_d_v3[k];
                const sg_real a1 = c_v3[0];
            t_J0_d_v2_2[k] = a0*a1;
            }

            /* J0:d[v2] = J0:d[v2]#1 + J0:d[v2]#2 */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = t_J0_d_v2_1[k];
                const sg_real a1 = t_J0_d_v2_2[k];
            t_J0_d_v2[k] = a0 + a1;
            }

            /* J0:d[v1] = J0:d[v1]#1 + J0:d[v1]#2 */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = t_J0_d_v1_1[k];
                const sg_real a1 = t_J0_d_v1_2[k];
            t_J0_d_v1[k] = a0 + a1;
            }

            for (s = 0; s < nt; ++s) {
                sg_real *restrict jr = jac + ((t0 + s) * 1 + 0 + kk) * 3;
                for (int k = 0; k < 1; ++k) jr[1 + k] = t_J0_d_v1[s*1 + k];  /* x1 */
                for (int k = 0; k < 1; ++k) jr[2 + k] = t_J0_d_v2[s*1 + k];  /* x2 */
            }
        }
    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== hessian: 2 HVP sweeps u = e_j, then symmetrised (H + Hᵀ)/2 ==== */
int v7_graph_identity_hessian(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict loss, sg_real *restrict grad, sg_real *restrict H, sg_real *restrict work)
{
    sg_real *restrict u = work + 192;
    int rc = SG_OK;
    for (long j = 0; j < 2; ++j) {
        memset(u, 0, sizeof(sg_real) * 2);
        u[j] = 1;
        rc = v7_graph_identity_hvp(theta, data, n, u, loss, grad, H + j * 2, work);
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
