/* worked_example_ii.c: symgrad kernels for model 'worked_example_ii' (float64), emitter v1.
   Generated from the assignment graph of worked_example_ii.toml; do not edit.
   Self-contained C99 (math.h only): cc -O3 -std=c99 -c worked_example_ii.c   (link with -lm)
   Layout: theta = w1[], b1[], w2[], b2[], w3[], b3[] (row-major, packed)
           data row = x[], y[]
           forward row = yhat[]
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


#define WORKED_EXAMPLE_II_N_PARAMS 6
#define WORKED_EXAMPLE_II_DATA_WIDTH 2
#define WORKED_EXAMPLE_II_OUT_WIDTH 1
#define WORKED_EXAMPLE_II_INFO_N_PARAMS 0
#define WORKED_EXAMPLE_II_INFO_DATA_WIDTH 1
#define WORKED_EXAMPLE_II_INFO_OUT_WIDTH 2
#define WORKED_EXAMPLE_II_INFO_JAC_ROWS 3
#define WORKED_EXAMPLE_II_INFO_JAC_COLS 4
#define WORKED_EXAMPLE_II_INFO_TILE 5
#define WORKED_EXAMPLE_II_INFO_DTYPE_BYTES 6
#define WORKED_EXAMPLE_II_INFO_WORK_FORWARD 7
#define WORKED_EXAMPLE_II_INFO_WORK_LOSS_GRAD 8
#define WORKED_EXAMPLE_II_INFO_WORK_HVP 9
#define WORKED_EXAMPLE_II_INFO_WORK_HESSIAN 10
#define WORKED_EXAMPLE_II_INFO_WORK_JACOBIAN 11

long worked_example_ii_info(int what)
{
    switch (what) {
    case 0: return 6L;
    case 1: return 2L;
    case 2: return 1L;
    case 3: return 1L;
    case 4: return 8L;
    case 5: return 32L;
    case 6: return 8L;
    case 7: return 192L;
    case 8: return 568L;
    case 9: return 1096L;
    case 10: return 1116L;
    case 11: return 512L;
    default: return -1L;
    }
}

/* ==== forward: tile of 32 samples, workspace 192 reals ==== */
int worked_example_ii_forward(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict out, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 6)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 2)) return SG_EDATA;
    const sg_real *restrict p_w1 = theta + 0;  /* [] */
    const sg_real *restrict p_b1 = theta + 1;  /* [] */
    const sg_real *restrict p_w2 = theta + 2;  /* [] */
    const sg_real *restrict p_b2 = theta + 3;  /* [] */
    const sg_real *restrict p_w3 = theta + 4;  /* [] */
    const sg_real *restrict p_b3 = theta + 5;  /* [] */
    sg_real *restrict t_z1 = work + 0;  /* tile [] */
    sg_real *restrict t_a1 = work + 32;  /* tile [] */
    sg_real *restrict t_z2 = work + 64;  /* tile [] */
    sg_real *restrict t_a2 = work + 96;  /* tile [] */
    sg_real *restrict t_z3 = work + 128;  /* tile [] */
    sg_real *restrict t_yhat = work + 160;  /* tile [] */
    (void)p_w1;
    (void)p_b1;
    (void)p_w2;
    (void)p_b2;
    (void)p_w3;
    (void)p_b3;
    /* ---- sample-invariant part (once per call) ---- */
    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 2 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 2 + 1;
        (void)d_y;
        /* z1 = b1 + w1*x */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = p_b1[k];
            const sg_real a1 = p_w1[k];
            const sg_real a2 = d_x[s*2 + k];
        t_z1[s*1 + k] = a0 + a1*a2;
        }
        }

        /* a1 = ReLU(z1) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_z1[k];
        t_a1[k] = sg_relu(a0);
        }

        /* z2 = a1*w2 + b2 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_a1[k];
            const sg_real a1 = p_b2[0];
            const sg_real a2 = p_w2[0];
        t_z2[k] = a0*a2 + a1;
        }

        /* a2 = tanh(z2) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_z2[k];
        t_a2[k] = tanh(a0);
        }

        /* z3 = a2*w3 + b3 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_a2[k];
            const sg_real a1 = p_b3[0];
            const sg_real a2 = p_w3[0];
        t_z3[k] = a0*a2 + a1;
        }

        /* yhat = σ(z3) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_z3[k];
        t_yhat[k] = sg_sigmoid(a0);
        }

        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) out[(t0 + s)*1 + 0 + k] = t_yhat[s*1 + k];

    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== loss_grad: tile of 32 samples, workspace 568 reals ==== */
int worked_example_ii_loss_grad(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict loss, sg_real *restrict grad, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 6)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 2)) return SG_EDATA;
    const sg_real *restrict p_w1 = theta + 0;  /* [] */
    const sg_real *restrict p_b1 = theta + 1;  /* [] */
    const sg_real *restrict p_w2 = theta + 2;  /* [] */
    const sg_real *restrict p_b2 = theta + 3;  /* [] */
    const sg_real *restrict p_w3 = theta + 4;  /* [] */
    const sg_real *restrict p_b3 = theta + 5;  /* [] */
    sg_real *restrict t_z1 = work + 0;  /* tile [] */
    sg_real *restrict t_a1 = work + 32;  /* tile [] */
    sg_real *restrict t_z2 = work + 64;  /* tile [] */
    sg_real *restrict t_a2 = work + 96;  /* tile [] */
    sg_real *restrict t_z3 = work + 128;  /* tile [] */
    sg_real *restrict t_yhat = work + 160;  /* tile [] */
    sg_real *restrict t_L = work + 192;  /* tile [] */
    sg_real *restrict t_d_yhat = work + 224;  /* tile [] */
    sg_real *restrict t_d_z3 = work + 256;  /* tile [] */
    sg_real *restrict t_d_a2 = work + 288;  /* tile [] */
    sg_real *restrict t_d_w3 = work + 320;  /* tile [] */
    sg_real *restrict t_d_z2 = work + 352;  /* tile [] */
    sg_real *restrict t_d_a1 = work + 384;  /* tile [] */
    sg_real *restrict t_d_w2 = work + 416;  /* tile [] */
    sg_real *restrict t_d_z1 = work + 448;  /* tile [] */
    sg_real *restrict t_d_w1 = work + 480;  /* tile [] */
    sg_real *restrict r_L = work + 512;  /* acc [] */
    sg_real *restrict r_d_z3 = work + 520;  /* acc [] */
    sg_real *restrict r_d_w3 = work + 528;  /* acc [] */
    sg_real *restrict r_d_z2 = work + 536;  /* acc [] */
    sg_real *restrict r_d_w2 = work + 544;  /* acc [] */
    sg_real *restrict r_d_z1 = work + 552;  /* acc [] */
    sg_real *restrict r_d_w1 = work + 560;  /* acc [] */
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
    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 2 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 2 + 1;
        (void)d_y;
        /* z1 = b1 + w1*x */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = p_b1[k];
            const sg_real a1 = p_w1[k];
            const sg_real a2 = d_x[s*2 + k];
        t_z1[s*1 + k] = a0 + a1*a2;
        }
        }

        /* a1 = ReLU(z1) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_z1[k];
        t_a1[k] = sg_relu(a0);
        }

        /* z2 = a1*w2 + b2 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_a1[k];
            const sg_real a1 = p_b2[0];
            const sg_real a2 = p_w2[0];
        t_z2[k] = a0*a2 + a1;
        }

        /* a2 = tanh(z2) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_z2[k];
        t_a2[k] = tanh(a0);
        }

        /* z3 = a2*w3 + b3 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_a2[k];
            const sg_real a1 = p_b3[0];
            const sg_real a2 = p_w3[0];
        t_z3[k] = a0*a2 + a1;
        }

        /* yhat = σ(z3) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_z3[k];
        t_yhat[k] = sg_sigmoid(a0);
        }

        /* L = (y - yhat)**2/2 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_y[s*2 + k];
            const sg_real a1 = t_yhat[s*1 + k];
        t_L[s*1 + k] = ((1.0/2.0))*((a0 - a1)*(a0 - a1));
        }
        }

        /* d[yhat] = -y + yhat */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_y[s*2 + k];
            const sg_real a1 = t_yhat[s*1 + k];
        t_d_yhat[s*1 + k] = -a0 + a1;
        }
        }

        /* d[z3] = d[yhat]*yhat*(1 - yhat) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_d_yhat[k];
            const sg_real a1 = t_yhat[k];
        t_d_z3[k] = a0*a1*(1.0 - a1);
        }

        /* d[a2] = d[z3]*w3 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_d_z3[k];
            const sg_real a1 = p_w3[0];
        t_d_a2[k] = a0*a1;
        }

        /* d[w3] = a2*d[z3] */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_a2[k];
            const sg_real a1 = t_d_z3[k];
        t_d_w3[k] = a0*a1;
        }

        /* d[z2] = d[a2]*(1 - a2**2) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_a2[k];
            const sg_real a1 = t_d_a2[k];
        t_d_z2[k] = a1*(1.0 - (a0*a0));
        }

        /* d[a1] = d[z2]*w2 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_d_z2[k];
            const sg_real a1 = p_w2[0];
        t_d_a1[k] = a0*a1;
        }

        /* d[w2] = a1*d[z2] */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_a1[k];
            const sg_real a1 = t_d_z2[k];
        t_d_w2[k] = a0*a1;
        }

        /* d[z1] = d[a1]*𝟙[z1 > 0] */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_d_a1[k];
            const sg_real a1 = t_z1[k];
        t_d_z1[k] = a0*((a1) > 0 ? (1.0) : (0.0));
        }

        /* d[w1] = d[z1]*x */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = t_d_z1[s*1 + k];
            const sg_real a1 = d_x[s*2 + k];
        t_d_w1[s*1 + k] = a0*a1;
        }
        }

        /* Σ L over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_L[k] += t_L[s*1 + k];

        /* Σ d[z3] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_z3[k] += t_d_z3[s*1 + k];

        /* Σ d[w3] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_w3[k] += t_d_w3[s*1 + k];

        /* Σ d[z2] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_z2[k] += t_d_z2[s*1 + k];

        /* Σ d[w2] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_w2[k] += t_d_w2[s*1 + k];

        /* Σ d[z1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_z1[k] += t_d_z1[s*1 + k];

        /* Σ d[w1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_w1[k] += t_d_w1[s*1 + k];

    }
    /* ---- after the tiles ---- */
    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (r_L[0]);
    for (int k = 0; k < 1; ++k) grad[0 + k] = scale * (r_d_w1[k]);  /* w1 */
    for (int k = 0; k < 1; ++k) grad[1 + k] = scale * (r_d_z1[k]);  /* b1 */
    for (int k = 0; k < 1; ++k) grad[2 + k] = scale * (r_d_w2[k]);  /* w2 */
    for (int k = 0; k < 1; ++k) grad[3 + k] = scale * (r_d_z2[k]);  /* b2 */
    for (int k = 0; k < 1; ++k) grad[4 + k] = scale * (r_d_w3[k]);  /* w3 */
    for (int k = 0; k < 1; ++k) grad[5 + k] = scale * (r_d_z3[k]);  /* b3 */
    return SG_OK;
}

/* ==== hvp: tile of 32 samples, workspace 1096 reals ==== */
int worked_example_ii_hvp(const sg_real *restrict theta, const sg_real *restrict data, long n,
    const sg_real *restrict dir, sg_real *restrict loss, sg_real *restrict grad,
    sg_real *restrict hv, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
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
    sg_real *restrict t_z1 = work + 0;  /* tile [] */
    sg_real *restrict t_a1 = work + 32;  /* tile [] */
    sg_real *restrict t_z2 = work + 64;  /* tile [] */
    sg_real *restrict t_a2 = work + 96;  /* tile [] */
    sg_real *restrict t_z3 = work + 128;  /* tile [] */
    sg_real *restrict t_yhat = work + 160;  /* tile [] */
    sg_real *restrict t_L = work + 192;  /* tile [] */
    sg_real *restrict t_d_yhat = work + 224;  /* tile [] */
    sg_real *restrict t_d_z3 = work + 256;  /* tile [] */
    sg_real *restrict t_d_a2 = work + 288;  /* tile [] */
    sg_real *restrict t_d_w3 = work + 320;  /* tile [] */
    sg_real *restrict t_d_z2 = work + 352;  /* tile [] */
    sg_real *restrict t_d_a1 = work + 384;  /* tile [] */
    sg_real *restrict t_d_w2 = work + 416;  /* tile [] */
    sg_real *restrict t_d_z1 = work + 448;  /* tile [] */
    sg_real *restrict t_d_w1 = work + 480;  /* tile [] */
    sg_real *restrict t_t_z1 = work + 512;  /* tile [] */
    sg_real *restrict t_t_a1 = work + 544;  /* tile [] */
    sg_real *restrict t_t_z2 = work + 576;  /* tile [] */
    sg_real *restrict t_t_a2 = work + 608;  /* tile [] */
    sg_real *restrict t_t_z3 = work + 640;  /* tile [] */
    sg_real *restrict t_t_yhat = work + 672;  /* tile [] */
    sg_real *restrict t_t_d_yhat = work + 704;  /* tile [] */
    sg_real *restrict t_t_d_z3 = work + 736;  /* tile [] */
    sg_real *restrict t_t_d_a2 = work + 768;  /* tile [] */
    sg_real *restrict t_t_d_w3 = work + 800;  /* tile [] */
    sg_real *restrict t_t_d_z2 = work + 832;  /* tile [] */
    sg_real *restrict t_t_d_a1 = work + 864;  /* tile [] */
    sg_real *restrict t_t_d_w2 = work + 896;  /* tile [] */
    sg_real *restrict t_t_d_z1 = work + 928;  /* tile [] */
    sg_real *restrict t_t_d_w1 = work + 960;  /* tile [] */
    sg_real *restrict r_L = work + 992;  /* acc [] */
    sg_real *restrict r_d_z3 = work + 1000;  /* acc [] */
    sg_real *restrict r_d_w3 = work + 1008;  /* acc [] */
    sg_real *restrict r_d_z2 = work + 1016;  /* acc [] */
    sg_real *restrict r_d_w2 = work + 1024;  /* acc [] */
    sg_real *restrict r_d_z1 = work + 1032;  /* acc [] */
    sg_real *restrict r_d_w1 = work + 1040;  /* acc [] */
    sg_real *restrict r_t_d_z3 = work + 1048;  /* acc [] */
    sg_real *restrict r_t_d_w3 = work + 1056;  /* acc [] */
    sg_real *restrict r_t_d_z2 = work + 1064;  /* acc [] */
    sg_real *restrict r_t_d_w2 = work + 1072;  /* acc [] */
    sg_real *restrict r_t_d_z1 = work + 1080;  /* acc [] */
    sg_real *restrict r_t_d_w1 = work + 1088;  /* acc [] */
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
    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 2 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 2 + 1;
        (void)d_y;
        /* z1 = b1 + w1*x */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = p_b1[k];
            const sg_real a1 = p_w1[k];
            const sg_real a2 = d_x[s*2 + k];
        t_z1[s*1 + k] = a0 + a1*a2;
        }
        }

        /* a1 = ReLU(z1) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_z1[k];
        t_a1[k] = sg_relu(a0);
        }

        /* z2 = a1*w2 + b2 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_a1[k];
            const sg_real a1 = p_b2[0];
            const sg_real a2 = p_w2[0];
        t_z2[k] = a0*a2 + a1;
        }

        /* a2 = tanh(z2) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_z2[k];
        t_a2[k] = tanh(a0);
        }

        /* z3 = a2*w3 + b3 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_a2[k];
            const sg_real a1 = p_b3[0];
            const sg_real a2 = p_w3[0];
        t_z3[k] = a0*a2 + a1;
        }

        /* yhat = σ(z3) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_z3[k];
        t_yhat[k] = sg_sigmoid(a0);
        }

        /* L = (y - yhat)**2/2 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_y[s*2 + k];
            const sg_real a1 = t_yhat[s*1 + k];
        t_L[s*1 + k] = ((1.0/2.0))*((a0 - a1)*(a0 - a1));
        }
        }

        /* d[yhat] = -y + yhat */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_y[s*2 + k];
            const sg_real a1 = t_yhat[s*1 + k];
        t_d_yhat[s*1 + k] = -a0 + a1;
        }
        }

        /* d[z3] = d[yhat]*yhat*(1 - yhat) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_d_yhat[k];
            const sg_real a1 = t_yhat[k];
        t_d_z3[k] = a0*a1*(1.0 - a1);
        }

        /* d[a2] = d[z3]*w3 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_d_z3[k];
            const sg_real a1 = p_w3[0];
        t_d_a2[k] = a0*a1;
        }

        /* d[w3] = a2*d[z3] */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_a2[k];
            const sg_real a1 = t_d_z3[k];
        t_d_w3[k] = a0*a1;
        }

        /* d[z2] = d[a2]*(1 - a2**2) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_a2[k];
            const sg_real a1 = t_d_a2[k];
        t_d_z2[k] = a1*(1.0 - (a0*a0));
        }

        /* d[a1] = d[z2]*w2 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_d_z2[k];
            const sg_real a1 = p_w2[0];
        t_d_a1[k] = a0*a1;
        }

        /* d[w2] = a1*d[z2] */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_a1[k];
            const sg_real a1 = t_d_z2[k];
        t_d_w2[k] = a0*a1;
        }

        /* d[z1] = d[a1]*𝟙[z1 > 0] */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_d_a1[k];
            const sg_real a1 = t_z1[k];
        t_d_z1[k] = a0*((a1) > 0 ? (1.0) : (0.0));
        }

        /* d[w1] = d[z1]*x */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = t_d_z1[s*1 + k];
            const sg_real a1 = d_x[s*2 + k];
        t_d_w1[s*1 + k] = a0*a1;
        }
        }

        /* t[z1] = u[b1] + u[w1]*x */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = u_b1[k];
            const sg_real a1 = u_w1[k];
            const sg_real a2 = d_x[s*2 + k];
        t_t_z1[s*1 + k] = a0 + a1*a2;
        }
        }

        /* t[a1] = t[z1]*𝟙[z1 > 0] */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_t_z1[k];
            const sg_real a1 = t_z1[k];
        t_t_a1[k] = a0*((a1) > 0 ? (1.0) : (0.0));
        }

        /* t[z2] = a1*u[w2] + t[a1]*w2 + u[b2] */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_a1[k];
            const sg_real a1 = t_t_a1[k];
            const sg_real a2 = u_b2[0];
            const sg_real a3 = u_w2[0];
            const sg_real a4 = p_w2[0];
        t_t_z2[k] = a0*a3 + a1*a4 + a2;
        }

        /* t[a2] = t[z2]*(1 - a2**2) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_a2[k];
            const sg_real a1 = t_t_z2[k];
        t_t_a2[k] = a1*(1.0 - (a0*a0));
        }

        /* t[z3] = a2*u[w3] + t[a2]*w3 + u[b3] */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_a2[k];
            const sg_real a1 = t_t_a2[k];
            const sg_real a2 = u_b3[0];
            const sg_real a3 = u_w3[0];
            const sg_real a4 = p_w3[0];
        t_t_z3[k] = a0*a3 + a1*a4 + a2;
        }

        /* t[yhat] = t[z3]*yhat*(1 - yhat) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_t_z3[k];
            const sg_real a1 = t_yhat[k];
        t_t_yhat[k] = a0*a1*(1.0 - a1);
        }

        /* t[d[yhat]] = t[yhat] */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_t_yhat[k];
        t_t_d_yhat[k] = a0;
        }

        /* t[d[z3]] = t[d[yhat]]*yhat*(1 - yhat) + t[yhat]*(-d[yhat]*yhat + d[yhat]*(1 - yhat)) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_d_yhat[k];
            const sg_real a1 = t_t_d_yhat[k];
            const sg_real a2 = t_t_yhat[k];
            const sg_real a3 = t_yhat[k];
            const sg_real q0 = 1.0 - a3;
        t_t_d_z3[k] = a1*a3*q0 + a2*(-a0*a3 + a0*q0);
        }

        /* t[d[a2]] = d[z3]*u[w3] + t[d[z3]]*w3 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_d_z3[k];
            const sg_real a1 = t_t_d_z3[k];
            const sg_real a2 = u_w3[0];
            const sg_real a3 = p_w3[0];
        t_t_d_a2[k] = a0*a2 + a1*a3;
        }

        /* t[d[w3]] = a2*t[d[z3]] + d[z3]*t[a2] */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_a2[k];
            const sg_real a1 = t_d_z3[k];
            const sg_real a2 = t_t_a2[k];
            const sg_real a3 = t_t_d_z3[k];
        t_t_d_w3[k] = a0*a3 + a1*a2;
        }

        /* t[d[z2]] = -2*a2*d[a2]*t[a2] + t[d[a2]]*(1 - a2**2) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_a2[k];
            const sg_real a1 = t_d_a2[k];
            const sg_real a2 = t_t_a2[k];
            const sg_real a3 = t_t_d_a2[k];
        t_t_d_z2[k] = -2.0*a0*a1*a2 + a3*(1.0 - (a0*a0));
        }

        /* t[d[a1]] = d[z2]*u[w2] + t[d[z2]]*w2 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_d_z2[k];
            const sg_real a1 = t_t_d_z2[k];
            const sg_real a2 = u_w2[0];
            const sg_real a3 = p_w2[0];
        t_t_d_a1[k] = a0*a2 + a1*a3;
        }

        /* t[d[w2]] = a1*t[d[z2]] + d[z2]*t[a1] */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_a1[k];
            const sg_real a1 = t_d_z2[k];
            const sg_real a2 = t_t_a1[k];
            const sg_real a3 = t_t_d_z2[k];
        t_t_d_w2[k] = a0*a3 + a1*a2;
        }

        /* t[d[z1]] = t[d[a1]]*𝟙[z1 > 0] */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_t_d_a1[k];
            const sg_real a1 = t_z1[k];
        t_t_d_z1[k] = a0*((a1) > 0 ? (1.0) : (0.0));
        }

        /* t[d[w1]] = t[d[z1]]*x */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = t_t_d_z1[s*1 + k];
            const sg_real a1 = d_x[s*2 + k];
        t_t_d_w1[s*1 + k] = a0*a1;
        }
        }

        /* Σ L over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_L[k] += t_L[s*1 + k];

        /* Σ d[z3] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_z3[k] += t_d_z3[s*1 + k];

        /* Σ d[w3] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_w3[k] += t_d_w3[s*1 + k];

        /* Σ d[z2] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_z2[k] += t_d_z2[s*1 + k];

        /* Σ d[w2] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_w2[k] += t_d_w2[s*1 + k];

        /* Σ d[z1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_z1[k] += t_d_z1[s*1 + k];

        /* Σ d[w1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_w1[k] += t_d_w1[s*1 + k];

        /* Σ t[d[z3]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_t_d_z3[k] += t_t_d_z3[s*1 + k];

        /* Σ t[d[w3]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_t_d_w3[k] += t_t_d_w3[s*1 + k];

        /* Σ t[d[z2]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_t_d_z2[k] += t_t_d_z2[s*1 + k];

        /* Σ t[d[w2]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_t_d_w2[k] += t_t_d_w2[s*1 + k];

        /* Σ t[d[z1]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_t_d_z1[k] += t_t_d_z1[s*1 + k];

        /* Σ t[d[w1]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_t_d_w1[k] += t_t_d_w1[s*1 + k];

    }
    /* ---- after the tiles ---- */
    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (r_L[0]);
    for (int k = 0; k < 1; ++k) grad[0 + k] = scale * (r_d_w1[k]);  /* w1 */
    for (int k = 0; k < 1; ++k) grad[1 + k] = scale * (r_d_z1[k]);  /* b1 */
    for (int k = 0; k < 1; ++k) grad[2 + k] = scale * (r_d_w2[k]);  /* w2 */
    for (int k = 0; k < 1; ++k) grad[3 + k] = scale * (r_d_z2[k]);  /* b2 */
    for (int k = 0; k < 1; ++k) grad[4 + k] = scale * (r_d_w3[k]);  /* w3 */
    for (int k = 0; k < 1; ++k) grad[5 + k] = scale * (r_d_z3[k]);  /* b3 */
    for (int k = 0; k < 1; ++k) hv[0 + k] = scale * (r_t_d_w1[k]);  /* w1 */
    for (int k = 0; k < 1; ++k) hv[1 + k] = scale * (r_t_d_z1[k]);  /* b1 */
    for (int k = 0; k < 1; ++k) hv[2 + k] = scale * (r_t_d_w2[k]);  /* w2 */
    for (int k = 0; k < 1; ++k) hv[3 + k] = scale * (r_t_d_z2[k]);  /* b2 */
    for (int k = 0; k < 1; ++k) hv[4 + k] = scale * (r_t_d_w3[k]);  /* w3 */
    for (int k = 0; k < 1; ++k) hv[5 + k] = scale * (r_t_d_z3[k]);  /* b3 */
    return SG_OK;
}

/* ==== jacobian: tile of 32 samples, workspace 512 reals ==== */
int worked_example_ii_jacobian(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict jac, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
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
    sg_real *restrict t_z1 = work + 32;  /* tile [] */
    sg_real *restrict t_a1 = work + 64;  /* tile [] */
    sg_real *restrict t_z2 = work + 96;  /* tile [] */
    sg_real *restrict t_a2 = work + 128;  /* tile [] */
    sg_real *restrict t_z3 = work + 160;  /* tile [] */
    sg_real *restrict t_yhat = work + 192;  /* tile [] */
    sg_real *restrict t_J0_d_z3 = work + 224;  /* tile [] */
    sg_real *restrict t_J0_d_a2 = work + 256;  /* tile [] */
    sg_real *restrict t_J0_d_w3 = work + 288;  /* tile [] */
    sg_real *restrict t_J0_d_z2 = work + 320;  /* tile [] */
    sg_real *restrict t_J0_d_a1 = work + 352;  /* tile [] */
    sg_real *restrict t_J0_d_w2 = work + 384;  /* tile [] */
    sg_real *restrict t_J0_d_z1 = work + 416;  /* tile [] */
    sg_real *restrict t_J0_d_w1 = work + 448;  /* tile [] */
    sg_real *restrict t_J0_d_x = work + 480;  /* tile [] */
    (void)p_w1;
    (void)p_b1;
    (void)p_w2;
    (void)p_b2;
    (void)p_w3;
    (void)p_b3;
    memset(jac, 0, sizeof(sg_real) * (size_t)n * 8);
    /* ---- sample-invariant part (once per call) ---- */
    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        const sg_real *restrict d_x = data + t0 * 2 + 0;
        (void)d_x;
        const sg_real *restrict d_y = data + t0 * 2 + 1;
        (void)d_y;
        /* z1 = b1 + w1*x */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = p_b1[k];
            const sg_real a1 = p_w1[k];
            const sg_real a2 = d_x[s*2 + k];
        t_z1[s*1 + k] = a0 + a1*a2;
        }
        }

        /* a1 = ReLU(z1) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_z1[k];
        t_a1[k] = sg_relu(a0);
        }

        /* z2 = a1*w2 + b2 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_a1[k];
            const sg_real a1 = p_b2[0];
            const sg_real a2 = p_w2[0];
        t_z2[k] = a0*a2 + a1;
        }

        /* a2 = tanh(z2) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_z2[k];
        t_a2[k] = tanh(a0);
        }

        /* z3 = a2*w3 + b3 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_a2[k];
            const sg_real a1 = p_b3[0];
            const sg_real a2 = p_w3[0];
        t_z3[k] = a0*a2 + a1;
        }

        /* yhat = σ(z3) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_z3[k];
        t_yhat[k] = sg_sigmoid(a0);
        }

        /* Jacobian rows of yhat: one reverse sweep per output element */
        for (int kk = 0; kk < 1; ++kk) {
            for (s = 0; s < nt; ++s)
                for (int k = 0; k < 1; ++k) v_yhat[s*1 + k] = (k == kk);
            /* J0:d[z3] = v[yhat]*yhat*(1 - yhat) */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = v_yhat[k];
                const sg_real a1 = t_yhat[k];
            t_J0_d_z3[k] = a0*a1*(1.0 - a1);
            }

            /* J0:d[a2] = J0:d[z3]*w3 */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = t_J0_d_z3[k];
                const sg_real a1 = p_w3[0];
            t_J0_d_a2[k] = a0*a1;
            }

            /* J0:d[w3] = J0:d[z3]*a2 */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = t_a2[k];
                const sg_real a1 = t_J0_d_z3[k];
            t_J0_d_w3[k] = a0*a1;
            }

            /* J0:d[z2] = J0:d[a2]*(1 - a2**2) */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = t_a2[k];
                const sg_real a1 = t_J0_d_a2[k];
            t_J0_d_z2[k] = a1*(1.0 - (a0*a0));
            }

            /* J0:d[a1] = J0:d[z2]*w2 */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = t_J0_d_z2[k];
                const sg_real a1 = p_w2[0];
            t_J0_d_a1[k] = a0*a1;
            }

            /* J0:d[w2] = J0:d[z2]*a1 */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = t_a1[k];
                const sg_real a1 = t_J0_d_z2[k];
            t_J0_d_w2[k] = a0*a1;
            }

            /* J0:d[z1] = J0:d[a1]*𝟙[z1 > 0] */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = t_J0_d_a1[k];
                const sg_real a1 = t_z1[k];
            t_J0_d_z1[k] = a0*((a1) > 0 ? (1.0) : (0.0));
            }

            /* J0:d[w1] = J0:d[z1]*x */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 1; ++k) {
                const sg_real a0 = t_J0_d_z1[s*1 + k];
                const sg_real a1 = d_x[s*2 + k];
            t_J0_d_w1[s*1 + k] = a0*a1;
            }
            }

            /* J0:d[x] = J0:d[z1]*w1 */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = t_J0_d_z1[k];
                const sg_real a1 = p_w1[0];
            t_J0_d_x[k] = a0*a1;
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
int worked_example_ii_hessian(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict loss, sg_real *restrict grad, sg_real *restrict H, sg_real *restrict work)
{
    sg_real *restrict u = work + 1096;
    int rc = SG_OK;
    for (long j = 0; j < 6; ++j) {
        memset(u, 0, sizeof(sg_real) * 6);
        u[j] = 1;
        rc = worked_example_ii_hvp(theta, data, n, u, loss, grad, H + j * 6, work);
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
