/* dag_softmax_sigmoid.c: symgrad kernels for model 'dag_softmax_sigmoid' (float64), emitter v1.
   Generated from the assignment graph of dag_softmax_sigmoid.toml; do not edit.
   Self-contained C99 (math.h only): cc -O3 -std=c99 -c dag_softmax_sigmoid.c   (link with -lm)
   Layout: theta = th1[], th2[], th3[] (row-major, packed)
           data row = r1[], r2[]
           forward row = J[]
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


#define DAG_SOFTMAX_SIGMOID_N_PARAMS 3
#define DAG_SOFTMAX_SIGMOID_DATA_WIDTH 2
#define DAG_SOFTMAX_SIGMOID_OUT_WIDTH 1
#define DAG_SOFTMAX_SIGMOID_INFO_N_PARAMS 0
#define DAG_SOFTMAX_SIGMOID_INFO_DATA_WIDTH 1
#define DAG_SOFTMAX_SIGMOID_INFO_OUT_WIDTH 2
#define DAG_SOFTMAX_SIGMOID_INFO_JAC_ROWS 3
#define DAG_SOFTMAX_SIGMOID_INFO_JAC_COLS 4
#define DAG_SOFTMAX_SIGMOID_INFO_TILE 5
#define DAG_SOFTMAX_SIGMOID_INFO_DTYPE_BYTES 6
#define DAG_SOFTMAX_SIGMOID_INFO_WORK_FORWARD 7
#define DAG_SOFTMAX_SIGMOID_INFO_WORK_LOSS_GRAD 8
#define DAG_SOFTMAX_SIGMOID_INFO_WORK_HVP 9
#define DAG_SOFTMAX_SIGMOID_INFO_WORK_HESSIAN 10
#define DAG_SOFTMAX_SIGMOID_INFO_WORK_JACOBIAN 11

long dag_softmax_sigmoid_info(int what)
{
    switch (what) {
    case 0: return 3L;
    case 1: return 2L;
    case 2: return 1L;
    case 3: return 1L;
    case 4: return 5L;
    case 5: return 32L;
    case 6: return 8L;
    case 7: return 384L;
    case 8: return 1104L;
    case 9: return 2264L;
    case 10: return 2278L;
    case 11: return 1344L;
    default: return -1L;
    }
}

/* ==== forward: tile of 32 samples, workspace 384 reals ==== */
int dag_softmax_sigmoid_forward(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict out, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 3)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 2)) return SG_EDATA;
    const sg_real *restrict p_th1 = theta + 0;  /* [] */
    const sg_real *restrict p_th2 = theta + 1;  /* [] */
    const sg_real *restrict p_th3 = theta + 2;  /* [] */
    sg_real *restrict t_z_1 = work + 0;  /* tile [] */
    sg_real *restrict t_z_2 = work + 32;  /* tile [] */
    sg_real *restrict t_z = work + 64;  /* tile [2] */
    sg_real *restrict t_s = work + 128;  /* tile [2] */
    sg_real *restrict t_u = work + 192;  /* tile [] */
    sg_real *restrict t_y4 = work + 224;  /* tile [] */
    sg_real *restrict t_s_0 = work + 256;  /* tile [] */
    sg_real *restrict t_y5 = work + 288;  /* tile [] */
    sg_real *restrict t_s_1 = work + 320;  /* tile [] */
    sg_real *restrict t_J = work + 352;  /* tile [] */
    (void)p_th1;
    (void)p_th2;
    (void)p_th3;
    /* ---- sample-invariant part (once per call) ---- */
    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        const sg_real *restrict d_r1 = data + t0 * 2 + 0;
        (void)d_r1;
        const sg_real *restrict d_r2 = data + t0 * 2 + 1;
        (void)d_r2;
        /* z#1 = r1*th1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_r1[s*2 + k];
            const sg_real a1 = p_th1[k];
        t_z_1[s*1 + k] = a0*a1;
        }
        }

        /* z#2 = r2*th2 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_r2[s*2 + k];
            const sg_real a1 = p_th2[k];
        t_z_2[s*1 + k] = a0*a1;
        }
        }

        /* z = stack(z#1, z#2) */
        for (s = 0; s < nt; ++s) {
        t_z[s*2] = t_z_1[s*1];
        t_z[s*2 + 1] = t_z_2[s*1];
        }

        /* s = softmax(z) (max subtracted) */
        for (s = 0; s < nt; ++s) {
        { sg_real mx = t_z[s*2], se = 0;
        for (int k = 1; k < 2; ++k) mx = t_z[s*2 + k] > mx ? t_z[s*2 + k] : mx;
        for (int k = 0; k < 2; ++k) se += exp(t_z[s*2 + k] - mx);
          const sg_real inv = 1 / se;
          for (int k = 0; k < 2; ++k) t_s[s*2 + k] = exp(t_z[s*2 + k] - mx) * inv; }
        }

        /* u = r1*th1 + r2*th3 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_r1[s*2 + k];
            const sg_real a1 = d_r2[s*2 + k];
            const sg_real a2 = p_th1[k];
            const sg_real a3 = p_th3[k];
        t_u[s*1 + k] = a0*a2 + a1*a3;
        }
        }

        /* y4 = σ(u) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_u[k];
        t_y4[k] = sg_sigmoid(a0);
        }

        /* s[0] = index(s) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_s_0[s*1 + k] = t_s[s*2 + k + 0];
        }

        /* y5 = r1*th2 + s[0]*th2 + th3*y4 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_r1[s*2 + k];
            const sg_real a1 = t_s_0[s*1 + k];
            const sg_real a2 = p_th2[k];
            const sg_real a3 = p_th3[k];
            const sg_real a4 = t_y4[s*1 + k];
        t_y5[s*1 + k] = a0*a2 + a1*a2 + a3*a4;
        }
        }

        /* s[1] = index(s) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_s_1[s*1 + k] = t_s[s*2 + k + 1];
        }

        /* J = y5**2 - log(s[1]) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_s_1[k];
            const sg_real a1 = t_y5[k];
        t_J[k] = (a1*a1) - log(a0);
        }

        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) out[(t0 + s)*1 + 0 + k] = t_J[s*1 + k];

    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== loss_grad: tile of 32 samples, workspace 1104 reals ==== */
int dag_softmax_sigmoid_loss_grad(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict loss, sg_real *restrict grad, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 3)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 2)) return SG_EDATA;
    const sg_real *restrict p_th1 = theta + 0;  /* [] */
    const sg_real *restrict p_th2 = theta + 1;  /* [] */
    const sg_real *restrict p_th3 = theta + 2;  /* [] */
    sg_real *restrict t_z_1 = work + 0;  /* tile [] */
    sg_real *restrict t_z_2 = work + 32;  /* tile [] */
    sg_real *restrict t_z = work + 64;  /* tile [2] */
    sg_real *restrict t_s = work + 128;  /* tile [2] */
    sg_real *restrict t_u = work + 192;  /* tile [] */
    sg_real *restrict t_y4 = work + 224;  /* tile [] */
    sg_real *restrict t_s_0 = work + 256;  /* tile [] */
    sg_real *restrict t_y5 = work + 288;  /* tile [] */
    sg_real *restrict t_s_1 = work + 320;  /* tile [] */
    sg_real *restrict t_J = work + 352;  /* tile [] */
    sg_real *restrict t_d_s_1 = work + 384;  /* tile [] */
    sg_real *restrict t_d_y5 = work + 416;  /* tile [] */
    sg_real *restrict t_d_s_0 = work + 448;  /* tile [] */
    sg_real *restrict t_d_th2_1 = work + 480;  /* tile [] */
    sg_real *restrict t_d_th3_1 = work + 512;  /* tile [] */
    sg_real *restrict t_d_y4 = work + 544;  /* tile [] */
    sg_real *restrict t_d_u = work + 576;  /* tile [] */
    sg_real *restrict t_d_th1_1 = work + 608;  /* tile [] */
    sg_real *restrict t_d_th3_2 = work + 640;  /* tile [] */
    sg_real *restrict t_d_s = work + 672;  /* tile [2] */
    sg_real *restrict t_d_z_1 = work + 736;  /* tile [2] */
    sg_real *restrict t_d_z_2 = work + 800;  /* tile [] */
    sg_real *restrict t_d_z = work + 832;  /* tile [2] */
    sg_real *restrict t_d_z_1_2 = work + 896;  /* tile [] */
    sg_real *restrict t_d_z_2_2 = work + 928;  /* tile [] */
    sg_real *restrict t_d_th2_2 = work + 960;  /* tile [] */
    sg_real *restrict t_d_th1_2 = work + 992;  /* tile [] */
    sg_real *restrict r_J = work + 1024;  /* acc [] */
    sg_real *restrict r_d_th2_1 = work + 1032;  /* acc [] */
    sg_real *restrict r_d_th3_1 = work + 1040;  /* acc [] */
    sg_real *restrict r_d_th1_1 = work + 1048;  /* acc [] */
    sg_real *restrict r_d_th3_2 = work + 1056;  /* acc [] */
    sg_real *restrict r_d_th2_2 = work + 1064;  /* acc [] */
    sg_real *restrict r_d_th1_2 = work + 1072;  /* acc [] */
    sg_real *restrict r_d_th1 = work + 1080;  /* acc [] */
    sg_real *restrict r_d_th2 = work + 1088;  /* acc [] */
    sg_real *restrict r_d_th3 = work + 1096;  /* acc [] */
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
    memset(r_d_th1, 0, sizeof(sg_real) * 1);
    memset(r_d_th2, 0, sizeof(sg_real) * 1);
    memset(r_d_th3, 0, sizeof(sg_real) * 1);
    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        const sg_real *restrict d_r1 = data + t0 * 2 + 0;
        (void)d_r1;
        const sg_real *restrict d_r2 = data + t0 * 2 + 1;
        (void)d_r2;
        /* z#1 = r1*th1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_r1[s*2 + k];
            const sg_real a1 = p_th1[k];
        t_z_1[s*1 + k] = a0*a1;
        }
        }

        /* z#2 = r2*th2 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_r2[s*2 + k];
            const sg_real a1 = p_th2[k];
        t_z_2[s*1 + k] = a0*a1;
        }
        }

        /* z = stack(z#1, z#2) */
        for (s = 0; s < nt; ++s) {
        t_z[s*2] = t_z_1[s*1];
        t_z[s*2 + 1] = t_z_2[s*1];
        }

        /* s = softmax(z) (max subtracted) */
        for (s = 0; s < nt; ++s) {
        { sg_real mx = t_z[s*2], se = 0;
        for (int k = 1; k < 2; ++k) mx = t_z[s*2 + k] > mx ? t_z[s*2 + k] : mx;
        for (int k = 0; k < 2; ++k) se += exp(t_z[s*2 + k] - mx);
          const sg_real inv = 1 / se;
          for (int k = 0; k < 2; ++k) t_s[s*2 + k] = exp(t_z[s*2 + k] - mx) * inv; }
        }

        /* u = r1*th1 + r2*th3 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_r1[s*2 + k];
            const sg_real a1 = d_r2[s*2 + k];
            const sg_real a2 = p_th1[k];
            const sg_real a3 = p_th3[k];
        t_u[s*1 + k] = a0*a2 + a1*a3;
        }
        }

        /* y4 = σ(u) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_u[k];
        t_y4[k] = sg_sigmoid(a0);
        }

        /* s[0] = index(s) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_s_0[s*1 + k] = t_s[s*2 + k + 0];
        }

        /* y5 = r1*th2 + s[0]*th2 + th3*y4 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_r1[s*2 + k];
            const sg_real a1 = t_s_0[s*1 + k];
            const sg_real a2 = p_th2[k];
            const sg_real a3 = p_th3[k];
            const sg_real a4 = t_y4[s*1 + k];
        t_y5[s*1 + k] = a0*a2 + a1*a2 + a3*a4;
        }
        }

        /* s[1] = index(s) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_s_1[s*1 + k] = t_s[s*2 + k + 1];
        }

        /* J = y5**2 - log(s[1]) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_s_1[k];
            const sg_real a1 = t_y5[k];
        t_J[k] = (a1*a1) - log(a0);
        }

        /* d[s[1]] = -1/s[1] */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_s_1[k];
        t_d_s_1[k] = -1.0/a0;
        }

        /* d[y5] = 2*y5 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_y5[k];
        t_d_y5[k] = 2.0*a0;
        }

        /* d[s[0]] = d[y5]*th2 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_d_y5[k];
            const sg_real a1 = p_th2[0];
        t_d_s_0[k] = a0*a1;
        }

        /* d[th2]#1 = d[y5]*(r1 + s[0]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = t_d_y5[s*1 + k];
            const sg_real a1 = d_r1[s*2 + k];
            const sg_real a2 = t_s_0[s*1 + k];
        t_d_th2_1[s*1 + k] = a0*(a1 + a2);
        }
        }

        /* d[th3]#1 = d[y5]*y4 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_d_y5[k];
            const sg_real a1 = t_y4[k];
        t_d_th3_1[k] = a0*a1;
        }

        /* d[y4] = d[y5]*th3 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_d_y5[k];
            const sg_real a1 = p_th3[0];
        t_d_y4[k] = a0*a1;
        }

        /* d[u] = d[y4]*y4*(1 - y4) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_d_y4[k];
            const sg_real a1 = t_y4[k];
        t_d_u[k] = a0*a1*(1.0 - a1);
        }

        /* d[th1]#1 = d[u]*r1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = t_d_u[s*1 + k];
            const sg_real a1 = d_r1[s*2 + k];
        t_d_th1_1[s*1 + k] = a0*a1;
        }
        }

        /* d[th3]#2 = d[u]*r2 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = t_d_u[s*1 + k];
            const sg_real a1 = d_r2[s*2 + k];
        t_d_th3_2[s*1 + k] = a0*a1;
        }
        }

        /* d[s] = scatter(d[s[1]], d[s[0]]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) t_d_s[s*2 + k] = 0;
        for (int k = 0; k < 1; ++k) t_d_s[s*2 + k + 1] += t_d_s_1[s*1 + k];
        for (int k = 0; k < 1; ++k) t_d_s[s*2 + k + 0] += t_d_s_0[s*1 + k];
        }

        /* d[z]#1 = d[s]*s */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_d_s[k];
            const sg_real a1 = t_s[k];
        t_d_z_1[k] = a0*a1;
        }

        /* d[z]#2 = sum(d[z]#1) */
        for (s = 0; s < nt; ++s) {
        { sg_real acc = 0;
          for (int k = 0; k < 2; ++k) acc += t_d_z_1[s*2 + k];
          t_d_z_2[s*1] = acc; }
        }

        /* d[z] = s*(d[s] - d[z]#2) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = t_d_s[s*2 + k];
            const sg_real a1 = t_d_z_2[s*1];
            const sg_real a2 = t_s[s*2 + k];
        t_d_z[s*2 + k] = a2*(a0 - a1);
        }
        }

        /* d[z#1] = index(d[z]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_d_z_1_2[s*1 + k] = t_d_z[s*2 + k + 0];
        }

        /* d[z#2] = index(d[z]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_d_z_2_2[s*1 + k] = t_d_z[s*2 + k + 1];
        }

        /* d[th2]#2 = d[z#2]*r2 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = t_d_z_2_2[s*1 + k];
            const sg_real a1 = d_r2[s*2 + k];
        t_d_th2_2[s*1 + k] = a0*a1;
        }
        }

        /* d[th1]#2 = d[z#1]*r1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = t_d_z_1_2[s*1 + k];
            const sg_real a1 = d_r1[s*2 + k];
        t_d_th1_2[s*1 + k] = a0*a1;
        }
        }

        /* Σ J over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_J[k] += t_J[s*1 + k];

        /* Σ d[th2]#1 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_th2_1[k] += t_d_th2_1[s*1 + k];

        /* Σ d[th3]#1 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_th3_1[k] += t_d_th3_1[s*1 + k];

        /* Σ d[th1]#1 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_th1_1[k] += t_d_th1_1[s*1 + k];

        /* Σ d[th3]#2 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_th3_2[k] += t_d_th3_2[s*1 + k];

        /* Σ d[th2]#2 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_th2_2[k] += t_d_th2_2[s*1 + k];

        /* Σ d[th1]#2 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_th1_2[k] += t_d_th1_2[s*1 + k];

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
    for (int k = 0; k < 1; ++k) grad[0 + k] = scale * (r_d_th1[k]);  /* th1 */
    for (int k = 0; k < 1; ++k) grad[1 + k] = scale * (r_d_th2[k]);  /* th2 */
    for (int k = 0; k < 1; ++k) grad[2 + k] = scale * (r_d_th3[k]);  /* th3 */
    return SG_OK;
}

/* ==== hvp: tile of 32 samples, workspace 2264 reals ==== */
int dag_softmax_sigmoid_hvp(const sg_real *restrict theta, const sg_real *restrict data, long n,
    const sg_real *restrict dir, sg_real *restrict loss, sg_real *restrict grad,
    sg_real *restrict hv, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
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
    sg_real *restrict t_z_1 = work + 0;  /* tile [] */
    sg_real *restrict t_z_2 = work + 32;  /* tile [] */
    sg_real *restrict t_z = work + 64;  /* tile [2] */
    sg_real *restrict t_s = work + 128;  /* tile [2] */
    sg_real *restrict t_u = work + 192;  /* tile [] */
    sg_real *restrict t_y4 = work + 224;  /* tile [] */
    sg_real *restrict t_s_0 = work + 256;  /* tile [] */
    sg_real *restrict t_y5 = work + 288;  /* tile [] */
    sg_real *restrict t_s_1 = work + 320;  /* tile [] */
    sg_real *restrict t_J = work + 352;  /* tile [] */
    sg_real *restrict t_d_s_1 = work + 384;  /* tile [] */
    sg_real *restrict t_d_y5 = work + 416;  /* tile [] */
    sg_real *restrict t_d_s_0 = work + 448;  /* tile [] */
    sg_real *restrict t_d_th2_1 = work + 480;  /* tile [] */
    sg_real *restrict t_d_th3_1 = work + 512;  /* tile [] */
    sg_real *restrict t_d_y4 = work + 544;  /* tile [] */
    sg_real *restrict t_d_u = work + 576;  /* tile [] */
    sg_real *restrict t_d_th1_1 = work + 608;  /* tile [] */
    sg_real *restrict t_d_th3_2 = work + 640;  /* tile [] */
    sg_real *restrict t_d_s = work + 672;  /* tile [2] */
    sg_real *restrict t_d_z_1 = work + 736;  /* tile [2] */
    sg_real *restrict t_d_z_2 = work + 800;  /* tile [] */
    sg_real *restrict t_d_z = work + 832;  /* tile [2] */
    sg_real *restrict t_d_z_1_2 = work + 896;  /* tile [] */
    sg_real *restrict t_d_z_2_2 = work + 928;  /* tile [] */
    sg_real *restrict t_d_th2_2 = work + 960;  /* tile [] */
    sg_real *restrict t_d_th1_2 = work + 992;  /* tile [] */
    sg_real *restrict t_t_z_1 = work + 1024;  /* tile [] */
    sg_real *restrict t_t_z_2 = work + 1056;  /* tile [] */
    sg_real *restrict t_t_z = work + 1088;  /* tile [2] */
    sg_real *restrict t_t_s_1 = work + 1152;  /* tile [2] */
    sg_real *restrict t_t_s_2 = work + 1216;  /* tile [] */
    sg_real *restrict t_t_s = work + 1248;  /* tile [2] */
    sg_real *restrict t_t_u = work + 1312;  /* tile [] */
    sg_real *restrict t_t_y4 = work + 1344;  /* tile [] */
    sg_real *restrict t_t_s_0 = work + 1376;  /* tile [] */
    sg_real *restrict t_t_y5 = work + 1408;  /* tile [] */
    sg_real *restrict t_t_s_1_2 = work + 1440;  /* tile [] */
    sg_real *restrict t_t_d_s_1 = work + 1472;  /* tile [] */
    sg_real *restrict t_t_d_y5 = work + 1504;  /* tile [] */
    sg_real *restrict t_t_d_s_0 = work + 1536;  /* tile [] */
    sg_real *restrict t_t_d_th2_1 = work + 1568;  /* tile [] */
    sg_real *restrict t_t_d_th3_1 = work + 1600;  /* tile [] */
    sg_real *restrict t_t_d_y4 = work + 1632;  /* tile [] */
    sg_real *restrict t_t_d_u = work + 1664;  /* tile [] */
    sg_real *restrict t_t_d_th1_1 = work + 1696;  /* tile [] */
    sg_real *restrict t_t_d_th3_2 = work + 1728;  /* tile [] */
    sg_real *restrict t_t_d_s = work + 1760;  /* tile [2] */
    sg_real *restrict t_t_d_z_1 = work + 1824;  /* tile [2] */
    sg_real *restrict t_t_d_z_2 = work + 1888;  /* tile [] */
    sg_real *restrict t_t_d_z = work + 1920;  /* tile [2] */
    sg_real *restrict t_t_d_z_1_2 = work + 1984;  /* tile [] */
    sg_real *restrict t_t_d_z_2_2 = work + 2016;  /* tile [] */
    sg_real *restrict t_t_d_th2_2 = work + 2048;  /* tile [] */
    sg_real *restrict t_t_d_th1_2 = work + 2080;  /* tile [] */
    sg_real *restrict r_J = work + 2112;  /* acc [] */
    sg_real *restrict r_d_th2_1 = work + 2120;  /* acc [] */
    sg_real *restrict r_d_th3_1 = work + 2128;  /* acc [] */
    sg_real *restrict r_d_th1_1 = work + 2136;  /* acc [] */
    sg_real *restrict r_d_th3_2 = work + 2144;  /* acc [] */
    sg_real *restrict r_d_th2_2 = work + 2152;  /* acc [] */
    sg_real *restrict r_d_th1_2 = work + 2160;  /* acc [] */
    sg_real *restrict r_d_th1 = work + 2168;  /* acc [] */
    sg_real *restrict r_d_th2 = work + 2176;  /* acc [] */
    sg_real *restrict r_d_th3 = work + 2184;  /* acc [] */
    sg_real *restrict r_t_d_th2_1 = work + 2192;  /* acc [] */
    sg_real *restrict r_t_d_th3_1 = work + 2200;  /* acc [] */
    sg_real *restrict r_t_d_th1_1 = work + 2208;  /* acc [] */
    sg_real *restrict r_t_d_th3_2 = work + 2216;  /* acc [] */
    sg_real *restrict r_t_d_th2_2 = work + 2224;  /* acc [] */
    sg_real *restrict r_t_d_th1_2 = work + 2232;  /* acc [] */
    sg_real *restrict r_t_d_th1 = work + 2240;  /* acc [] */
    sg_real *restrict r_t_d_th2 = work + 2248;  /* acc [] */
    sg_real *restrict r_t_d_th3 = work + 2256;  /* acc [] */
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
    memset(r_d_th1, 0, sizeof(sg_real) * 1);
    memset(r_d_th2, 0, sizeof(sg_real) * 1);
    memset(r_d_th3, 0, sizeof(sg_real) * 1);
    memset(r_t_d_th2_1, 0, sizeof(sg_real) * 1);
    memset(r_t_d_th3_1, 0, sizeof(sg_real) * 1);
    memset(r_t_d_th1_1, 0, sizeof(sg_real) * 1);
    memset(r_t_d_th3_2, 0, sizeof(sg_real) * 1);
    memset(r_t_d_th2_2, 0, sizeof(sg_real) * 1);
    memset(r_t_d_th1_2, 0, sizeof(sg_real) * 1);
    memset(r_t_d_th1, 0, sizeof(sg_real) * 1);
    memset(r_t_d_th2, 0, sizeof(sg_real) * 1);
    memset(r_t_d_th3, 0, sizeof(sg_real) * 1);
    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        const sg_real *restrict d_r1 = data + t0 * 2 + 0;
        (void)d_r1;
        const sg_real *restrict d_r2 = data + t0 * 2 + 1;
        (void)d_r2;
        /* z#1 = r1*th1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_r1[s*2 + k];
            const sg_real a1 = p_th1[k];
        t_z_1[s*1 + k] = a0*a1;
        }
        }

        /* z#2 = r2*th2 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_r2[s*2 + k];
            const sg_real a1 = p_th2[k];
        t_z_2[s*1 + k] = a0*a1;
        }
        }

        /* z = stack(z#1, z#2) */
        for (s = 0; s < nt; ++s) {
        t_z[s*2] = t_z_1[s*1];
        t_z[s*2 + 1] = t_z_2[s*1];
        }

        /* s = softmax(z) (max subtracted) */
        for (s = 0; s < nt; ++s) {
        { sg_real mx = t_z[s*2], se = 0;
        for (int k = 1; k < 2; ++k) mx = t_z[s*2 + k] > mx ? t_z[s*2 + k] : mx;
        for (int k = 0; k < 2; ++k) se += exp(t_z[s*2 + k] - mx);
          const sg_real inv = 1 / se;
          for (int k = 0; k < 2; ++k) t_s[s*2 + k] = exp(t_z[s*2 + k] - mx) * inv; }
        }

        /* u = r1*th1 + r2*th3 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_r1[s*2 + k];
            const sg_real a1 = d_r2[s*2 + k];
            const sg_real a2 = p_th1[k];
            const sg_real a3 = p_th3[k];
        t_u[s*1 + k] = a0*a2 + a1*a3;
        }
        }

        /* y4 = σ(u) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_u[k];
        t_y4[k] = sg_sigmoid(a0);
        }

        /* s[0] = index(s) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_s_0[s*1 + k] = t_s[s*2 + k + 0];
        }

        /* y5 = r1*th2 + s[0]*th2 + th3*y4 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_r1[s*2 + k];
            const sg_real a1 = t_s_0[s*1 + k];
            const sg_real a2 = p_th2[k];
            const sg_real a3 = p_th3[k];
            const sg_real a4 = t_y4[s*1 + k];
        t_y5[s*1 + k] = a0*a2 + a1*a2 + a3*a4;
        }
        }

        /* s[1] = index(s) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_s_1[s*1 + k] = t_s[s*2 + k + 1];
        }

        /* J = y5**2 - log(s[1]) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_s_1[k];
            const sg_real a1 = t_y5[k];
        t_J[k] = (a1*a1) - log(a0);
        }

        /* d[s[1]] = -1/s[1] */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_s_1[k];
        t_d_s_1[k] = -1.0/a0;
        }

        /* d[y5] = 2*y5 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_y5[k];
        t_d_y5[k] = 2.0*a0;
        }

        /* d[s[0]] = d[y5]*th2 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_d_y5[k];
            const sg_real a1 = p_th2[0];
        t_d_s_0[k] = a0*a1;
        }

        /* d[th2]#1 = d[y5]*(r1 + s[0]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = t_d_y5[s*1 + k];
            const sg_real a1 = d_r1[s*2 + k];
            const sg_real a2 = t_s_0[s*1 + k];
        t_d_th2_1[s*1 + k] = a0*(a1 + a2);
        }
        }

        /* d[th3]#1 = d[y5]*y4 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_d_y5[k];
            const sg_real a1 = t_y4[k];
        t_d_th3_1[k] = a0*a1;
        }

        /* d[y4] = d[y5]*th3 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_d_y5[k];
            const sg_real a1 = p_th3[0];
        t_d_y4[k] = a0*a1;
        }

        /* d[u] = d[y4]*y4*(1 - y4) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_d_y4[k];
            const sg_real a1 = t_y4[k];
        t_d_u[k] = a0*a1*(1.0 - a1);
        }

        /* d[th1]#1 = d[u]*r1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = t_d_u[s*1 + k];
            const sg_real a1 = d_r1[s*2 + k];
        t_d_th1_1[s*1 + k] = a0*a1;
        }
        }

        /* d[th3]#2 = d[u]*r2 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = t_d_u[s*1 + k];
            const sg_real a1 = d_r2[s*2 + k];
        t_d_th3_2[s*1 + k] = a0*a1;
        }
        }

        /* d[s] = scatter(d[s[1]], d[s[0]]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) t_d_s[s*2 + k] = 0;
        for (int k = 0; k < 1; ++k) t_d_s[s*2 + k + 1] += t_d_s_1[s*1 + k];
        for (int k = 0; k < 1; ++k) t_d_s[s*2 + k + 0] += t_d_s_0[s*1 + k];
        }

        /* d[z]#1 = d[s]*s */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_d_s[k];
            const sg_real a1 = t_s[k];
        t_d_z_1[k] = a0*a1;
        }

        /* d[z]#2 = sum(d[z]#1) */
        for (s = 0; s < nt; ++s) {
        { sg_real acc = 0;
          for (int k = 0; k < 2; ++k) acc += t_d_z_1[s*2 + k];
          t_d_z_2[s*1] = acc; }
        }

        /* d[z] = s*(d[s] - d[z]#2) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = t_d_s[s*2 + k];
            const sg_real a1 = t_d_z_2[s*1];
            const sg_real a2 = t_s[s*2 + k];
        t_d_z[s*2 + k] = a2*(a0 - a1);
        }
        }

        /* d[z#1] = index(d[z]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_d_z_1_2[s*1 + k] = t_d_z[s*2 + k + 0];
        }

        /* d[z#2] = index(d[z]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_d_z_2_2[s*1 + k] = t_d_z[s*2 + k + 1];
        }

        /* d[th2]#2 = d[z#2]*r2 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = t_d_z_2_2[s*1 + k];
            const sg_real a1 = d_r2[s*2 + k];
        t_d_th2_2[s*1 + k] = a0*a1;
        }
        }

        /* d[th1]#2 = d[z#1]*r1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = t_d_z_1_2[s*1 + k];
            const sg_real a1 = d_r1[s*2 + k];
        t_d_th1_2[s*1 + k] = a0*a1;
        }
        }

        /* t[z#1] = r1*u[th1] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_r1[s*2 + k];
            const sg_real a1 = u_th1[k];
        t_t_z_1[s*1 + k] = a0*a1;
        }
        }

        /* t[z#2] = r2*u[th2] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_r2[s*2 + k];
            const sg_real a1 = u_th2[k];
        t_t_z_2[s*1 + k] = a0*a1;
        }
        }

        /* t[z] = stack(t[z#1], t[z#2]) */
        for (s = 0; s < nt; ++s) {
        t_t_z[s*2] = t_t_z_1[s*1];
        t_t_z[s*2 + 1] = t_t_z_2[s*1];
        }

        /* t[s]#1 = s*t[z] */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_s[k];
            const sg_real a1 = t_t_z[k];
        t_t_s_1[k] = a0*a1;
        }

        /* t[s]#2 = sum(t[s]#1) */
        for (s = 0; s < nt; ++s) {
        { sg_real acc = 0;
          for (int k = 0; k < 2; ++k) acc += t_t_s_1[s*2 + k];
          t_t_s_2[s*1] = acc; }
        }

        /* t[s] = s*(-t[s]#2 + t[z]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = t_s[s*2 + k];
            const sg_real a1 = t_t_s_2[s*1];
            const sg_real a2 = t_t_z[s*2 + k];
        t_t_s[s*2 + k] = a0*(-a1 + a2);
        }
        }

        /* t[u] = r1*u[th1] + r2*u[th3] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_r1[s*2 + k];
            const sg_real a1 = d_r2[s*2 + k];
            const sg_real a2 = u_th1[k];
            const sg_real a3 = u_th3[k];
        t_t_u[s*1 + k] = a0*a2 + a1*a3;
        }
        }

        /* t[y4] = t[u]*y4*(1 - y4) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_t_u[k];
            const sg_real a1 = t_y4[k];
        t_t_y4[k] = a0*a1*(1.0 - a1);
        }

        /* t[s[0]] = index(t[s]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_t_s_0[s*1 + k] = t_t_s[s*2 + k + 0];
        }

        /* t[y5] = t[s[0]]*th2 + t[y4]*th3 + u[th2]*(r1 + s[0]) + u[th3]*y4 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_r1[s*2 + k];
            const sg_real a1 = t_s_0[s*1 + k];
            const sg_real a2 = t_t_s_0[s*1 + k];
            const sg_real a3 = t_t_y4[s*1 + k];
            const sg_real a4 = p_th2[k];
            const sg_real a5 = p_th3[k];
            const sg_real a6 = u_th2[k];
            const sg_real a7 = u_th3[k];
            const sg_real a8 = t_y4[s*1 + k];
        t_t_y5[s*1 + k] = a2*a4 + a3*a5 + a6*(a0 + a1) + a7*a8;
        }
        }

        /* t[s[1]] = index(t[s]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_t_s_1_2[s*1 + k] = t_t_s[s*2 + k + 1];
        }

        /* t[d[s[1]]] = t[s[1]]/s[1]**2 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_s_1[k];
            const sg_real a1 = t_t_s_1_2[k];
        t_t_d_s_1[k] = a1/(a0*a0);
        }

        /* t[d[y5]] = 2*t[y5] */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_t_y5[k];
        t_t_d_y5[k] = 2.0*a0;
        }

        /* t[d[s[0]]] = d[y5]*u[th2] + t[d[y5]]*th2 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_d_y5[k];
            const sg_real a1 = t_t_d_y5[k];
            const sg_real a2 = p_th2[0];
            const sg_real a3 = u_th2[0];
        t_t_d_s_0[k] = a0*a3 + a1*a2;
        }

        /* t[d[th2]#1] = d[y5]*t[s[0]] + t[d[y5]]*(r1 + s[0]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = t_d_y5[s*1 + k];
            const sg_real a1 = d_r1[s*2 + k];
            const sg_real a2 = t_s_0[s*1 + k];
            const sg_real a3 = t_t_d_y5[s*1 + k];
            const sg_real a4 = t_t_s_0[s*1 + k];
        t_t_d_th2_1[s*1 + k] = a0*a4 + a3*(a1 + a2);
        }
        }

        /* t[d[th3]#1] = d[y5]*t[y4] + t[d[y5]]*y4 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_d_y5[k];
            const sg_real a1 = t_t_d_y5[k];
            const sg_real a2 = t_t_y4[k];
            const sg_real a3 = t_y4[k];
        t_t_d_th3_1[k] = a0*a2 + a1*a3;
        }

        /* t[d[y4]] = d[y5]*u[th3] + t[d[y5]]*th3 */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_d_y5[k];
            const sg_real a1 = t_t_d_y5[k];
            const sg_real a2 = p_th3[0];
            const sg_real a3 = u_th3[0];
        t_t_d_y4[k] = a0*a3 + a1*a2;
        }

        /* t[d[u]] = t[d[y4]]*y4*(1 - y4) + t[y4]*(-d[y4]*y4 + d[y4]*(1 - y4)) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_d_y4[k];
            const sg_real a1 = t_t_d_y4[k];
            const sg_real a2 = t_t_y4[k];
            const sg_real a3 = t_y4[k];
            const sg_real q0 = 1.0 - a3;
        t_t_d_u[k] = a1*a3*q0 + a2*(-a0*a3 + a0*q0);
        }

        /* t[d[th1]#1] = r1*t[d[u]] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_r1[s*2 + k];
            const sg_real a1 = t_t_d_u[s*1 + k];
        t_t_d_th1_1[s*1 + k] = a0*a1;
        }
        }

        /* t[d[th3]#2] = r2*t[d[u]] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_r2[s*2 + k];
            const sg_real a1 = t_t_d_u[s*1 + k];
        t_t_d_th3_2[s*1 + k] = a0*a1;
        }
        }

        /* t[d[s]] = scatter(t[d[s[1]]], t[d[s[0]]]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) t_t_d_s[s*2 + k] = 0;
        for (int k = 0; k < 1; ++k) t_t_d_s[s*2 + k + 1] += t_t_d_s_1[s*1 + k];
        for (int k = 0; k < 1; ++k) t_t_d_s[s*2 + k + 0] += t_t_d_s_0[s*1 + k];
        }

        /* t[d[z]#1] = d[s]*t[s] + s*t[d[s]] */
        for (int k = 0; k < nt*2; ++k) {
            const sg_real a0 = t_d_s[k];
            const sg_real a1 = t_s[k];
            const sg_real a2 = t_t_d_s[k];
            const sg_real a3 = t_t_s[k];
        t_t_d_z_1[k] = a0*a3 + a1*a2;
        }

        /* t[d[z]#2] = sum(t[d[z]#1]) */
        for (s = 0; s < nt; ++s) {
        { sg_real acc = 0;
          for (int k = 0; k < 2; ++k) acc += t_t_d_z_1[s*2 + k];
          t_t_d_z_2[s*1] = acc; }
        }

        /* t[d[z]] = s*t[d[s]] - s*t[d[z]#2] + t[s]*(d[s] - d[z]#2) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 2; ++k) {
            const sg_real a0 = t_d_s[s*2 + k];
            const sg_real a1 = t_d_z_2[s*1];
            const sg_real a2 = t_s[s*2 + k];
            const sg_real a3 = t_t_d_s[s*2 + k];
            const sg_real a4 = t_t_d_z_2[s*1];
            const sg_real a5 = t_t_s[s*2 + k];
        t_t_d_z[s*2 + k] = a2*a3 - a2*a4 + a5*(a0 - a1);
        }
        }

        /* t[d[z#1]] = index(t[d[z]]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_t_d_z_1_2[s*1 + k] = t_t_d_z[s*2 + k + 0];
        }

        /* t[d[z#2]] = index(t[d[z]]) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_t_d_z_2_2[s*1 + k] = t_t_d_z[s*2 + k + 1];
        }

        /* t[d[th2]#2] = r2*t[d[z#2]] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_r2[s*2 + k];
            const sg_real a1 = t_t_d_z_2_2[s*1 + k];
        t_t_d_th2_2[s*1 + k] = a0*a1;
        }
        }

        /* t[d[th1]#2] = r1*t[d[z#1]] */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_r1[s*2 + k];
            const sg_real a1 = t_t_d_z_1_2[s*1 + k];
        t_t_d_th1_2[s*1 + k] = a0*a1;
        }
        }

        /* Σ J over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_J[k] += t_J[s*1 + k];

        /* Σ d[th2]#1 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_th2_1[k] += t_d_th2_1[s*1 + k];

        /* Σ d[th3]#1 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_th3_1[k] += t_d_th3_1[s*1 + k];

        /* Σ d[th1]#1 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_th1_1[k] += t_d_th1_1[s*1 + k];

        /* Σ d[th3]#2 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_th3_2[k] += t_d_th3_2[s*1 + k];

        /* Σ d[th2]#2 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_th2_2[k] += t_d_th2_2[s*1 + k];

        /* Σ d[th1]#2 over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_th1_2[k] += t_d_th1_2[s*1 + k];

        /* Σ t[d[th2]#1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_t_d_th2_1[k] += t_t_d_th2_1[s*1 + k];

        /* Σ t[d[th3]#1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_t_d_th3_1[k] += t_t_d_th3_1[s*1 + k];

        /* Σ t[d[th1]#1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_t_d_th1_1[k] += t_t_d_th1_1[s*1 + k];

        /* Σ t[d[th3]#2] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_t_d_th3_2[k] += t_t_d_th3_2[s*1 + k];

        /* Σ t[d[th2]#2] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_t_d_th2_2[k] += t_t_d_th2_2[s*1 + k];

        /* Σ t[d[th1]#2] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_t_d_th1_2[k] += t_t_d_th1_2[s*1 + k];

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
    for (int k = 0; k < 1; ++k) grad[0 + k] = scale * (r_d_th1[k]);  /* th1 */
    for (int k = 0; k < 1; ++k) grad[1 + k] = scale * (r_d_th2[k]);  /* th2 */
    for (int k = 0; k < 1; ++k) grad[2 + k] = scale * (r_d_th3[k]);  /* th3 */
    for (int k = 0; k < 1; ++k) hv[0 + k] = scale * (r_t_d_th1[k]);  /* th1 */
    for (int k = 0; k < 1; ++k) hv[1 + k] = scale * (r_t_d_th2[k]);  /* th2 */
    for (int k = 0; k < 1; ++k) hv[2 + k] = scale * (r_t_d_th3[k]);  /* th3 */
    return SG_OK;
}

/* ==== jacobian: tile of 32 samples, workspace 1344 reals ==== */
int dag_softmax_sigmoid_jacobian(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict jac, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 3)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 2)) return SG_EDATA;
    const sg_real *restrict p_th1 = theta + 0;  /* [] */
    const sg_real *restrict p_th2 = theta + 1;  /* [] */
    const sg_real *restrict p_th3 = theta + 2;  /* [] */
    sg_real *restrict v_J = work + 0;  /* tile [] */
    sg_real *restrict t_z_1 = work + 32;  /* tile [] */
    sg_real *restrict t_z_2 = work + 64;  /* tile [] */
    sg_real *restrict t_z = work + 96;  /* tile [2] */
    sg_real *restrict t_s = work + 160;  /* tile [2] */
    sg_real *restrict t_u = work + 224;  /* tile [] */
    sg_real *restrict t_y4 = work + 256;  /* tile [] */
    sg_real *restrict t_s_0 = work + 288;  /* tile [] */
    sg_real *restrict t_y5 = work + 320;  /* tile [] */
    sg_real *restrict t_s_1 = work + 352;  /* tile [] */
    sg_real *restrict t_J0_d_s_1 = work + 384;  /* tile [] */
    sg_real *restrict t_J0_d_y5 = work + 416;  /* tile [] */
    sg_real *restrict t_J0_d_r1_1 = work + 448;  /* tile [] */
    sg_real *restrict t_J0_d_s_0 = work + 480;  /* tile [] */
    sg_real *restrict t_J0_d_th2_1 = work + 512;  /* tile [] */
    sg_real *restrict t_J0_d_th3_1 = work + 544;  /* tile [] */
    sg_real *restrict t_J0_d_y4 = work + 576;  /* tile [] */
    sg_real *restrict t_J0_d_u = work + 608;  /* tile [] */
    sg_real *restrict t_J0_d_r1_2 = work + 640;  /* tile [] */
    sg_real *restrict t_J0_d_r2_1 = work + 672;  /* tile [] */
    sg_real *restrict t_J0_d_th1_1 = work + 704;  /* tile [] */
    sg_real *restrict t_J0_d_th3_2 = work + 736;  /* tile [] */
    sg_real *restrict t_J0_d_s = work + 768;  /* tile [2] */
    sg_real *restrict t_J0_d_z_1 = work + 832;  /* tile [2] */
    sg_real *restrict t_J0_d_z_2 = work + 896;  /* tile [] */
    sg_real *restrict t_J0_d_z = work + 928;  /* tile [2] */
    sg_real *restrict t_J0_d_z_1_2 = work + 992;  /* tile [] */
    sg_real *restrict t_J0_d_z_2_2 = work + 1024;  /* tile [] */
    sg_real *restrict t_J0_d_r2_2 = work + 1056;  /* tile [] */
    sg_real *restrict t_J0_d_th2_2 = work + 1088;  /* tile [] */
    sg_real *restrict t_J0_d_r1_3 = work + 1120;  /* tile [] */
    sg_real *restrict t_J0_d_th1_2 = work + 1152;  /* tile [] */
    sg_real *restrict t_J0_d_r1 = work + 1184;  /* tile [] */
    sg_real *restrict t_J0_d_r2 = work + 1216;  /* tile [] */
    sg_real *restrict t_J0_d_th1 = work + 1248;  /* tile [] */
    sg_real *restrict t_J0_d_th2 = work + 1280;  /* tile [] */
    sg_real *restrict t_J0_d_th3 = work + 1312;  /* tile [] */
    (void)p_th1;
    (void)p_th2;
    (void)p_th3;
    memset(jac, 0, sizeof(sg_real) * (size_t)n * 5);
    /* ---- sample-invariant part (once per call) ---- */
    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        const sg_real *restrict d_r1 = data + t0 * 2 + 0;
        (void)d_r1;
        const sg_real *restrict d_r2 = data + t0 * 2 + 1;
        (void)d_r2;
        /* z#1 = r1*th1 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_r1[s*2 + k];
            const sg_real a1 = p_th1[k];
        t_z_1[s*1 + k] = a0*a1;
        }
        }

        /* z#2 = r2*th2 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_r2[s*2 + k];
            const sg_real a1 = p_th2[k];
        t_z_2[s*1 + k] = a0*a1;
        }
        }

        /* z = stack(z#1, z#2) */
        for (s = 0; s < nt; ++s) {
        t_z[s*2] = t_z_1[s*1];
        t_z[s*2 + 1] = t_z_2[s*1];
        }

        /* s = softmax(z) (max subtracted) */
        for (s = 0; s < nt; ++s) {
        { sg_real mx = t_z[s*2], se = 0;
        for (int k = 1; k < 2; ++k) mx = t_z[s*2 + k] > mx ? t_z[s*2 + k] : mx;
        for (int k = 0; k < 2; ++k) se += exp(t_z[s*2 + k] - mx);
          const sg_real inv = 1 / se;
          for (int k = 0; k < 2; ++k) t_s[s*2 + k] = exp(t_z[s*2 + k] - mx) * inv; }
        }

        /* u = r1*th1 + r2*th3 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_r1[s*2 + k];
            const sg_real a1 = d_r2[s*2 + k];
            const sg_real a2 = p_th1[k];
            const sg_real a3 = p_th3[k];
        t_u[s*1 + k] = a0*a2 + a1*a3;
        }
        }

        /* y4 = σ(u) */
        for (int k = 0; k < nt*1; ++k) {
            const sg_real a0 = t_u[k];
        t_y4[k] = sg_sigmoid(a0);
        }

        /* s[0] = index(s) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_s_0[s*1 + k] = t_s[s*2 + k + 0];
        }

        /* y5 = r1*th2 + s[0]*th2 + th3*y4 */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) {
            const sg_real a0 = d_r1[s*2 + k];
            const sg_real a1 = t_s_0[s*1 + k];
            const sg_real a2 = p_th2[k];
            const sg_real a3 = p_th3[k];
            const sg_real a4 = t_y4[s*1 + k];
        t_y5[s*1 + k] = a0*a2 + a1*a2 + a3*a4;
        }
        }

        /* s[1] = index(s) */
        for (s = 0; s < nt; ++s) {
        for (int k = 0; k < 1; ++k) t_s_1[s*1 + k] = t_s[s*2 + k + 1];
        }

        /* Jacobian rows of J: one reverse sweep per output element */
        for (int kk = 0; kk < 1; ++kk) {
            for (s = 0; s < nt; ++s)
                for (int k = 0; k < 1; ++k) v_J[s*1 + k] = (k == kk);
            /* J0:d[s[1]] = -v[J]/s[1] */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = t_s_1[k];
                const sg_real a1 = v_J[k];
            t_J0_d_s_1[k] = -a1/a0;
            }

            /* J0:d[y5] = 2*v[J]*y5 */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = v_J[k];
                const sg_real a1 = t_y5[k];
            t_J0_d_y5[k] = 2.0*a0*a1;
            }

            /* J0:d[r1]#1 = J0:d[y5]*th2 */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = t_J0_d_y5[k];
                const sg_real a1 = p_th2[0];
            t_J0_d_r1_1[k] = a0*a1;
            }

            /* J0:d[s[0]] = J0:d[y5]*th2 */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = t_J0_d_y5[k];
                const sg_real a1 = p_th2[0];
            t_J0_d_s_0[k] = a0*a1;
            }

            /* J0:d[th2]#1 = J0:d[y5]*(r1 + s[0]) */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 1; ++k) {
                const sg_real a0 = t_J0_d_y5[s*1 + k];
                const sg_real a1 = d_r1[s*2 + k];
                const sg_real a2 = t_s_0[s*1 + k];
            t_J0_d_th2_1[s*1 + k] = a0*(a1 + a2);
            }
            }

            /* J0:d[th3]#1 = J0:d[y5]*y4 */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = t_J0_d_y5[k];
                const sg_real a1 = t_y4[k];
            t_J0_d_th3_1[k] = a0*a1;
            }

            /* J0:d[y4] = J0:d[y5]*th3 */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = t_J0_d_y5[k];
                const sg_real a1 = p_th3[0];
            t_J0_d_y4[k] = a0*a1;
            }

            /* J0:d[u] = J0:d[y4]*y4*(1 - y4) */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = t_J0_d_y4[k];
                const sg_real a1 = t_y4[k];
            t_J0_d_u[k] = a0*a1*(1.0 - a1);
            }

            /* J0:d[r1]#2 = J0:d[u]*th1 */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = t_J0_d_u[k];
                const sg_real a1 = p_th1[0];
            t_J0_d_r1_2[k] = a0*a1;
            }

            /* J0:d[r2]#1 = J0:d[u]*th3 */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = t_J0_d_u[k];
                const sg_real a1 = p_th3[0];
            t_J0_d_r2_1[k] = a0*a1;
            }

            /* J0:d[th1]#1 = J0:d[u]*r1 */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 1; ++k) {
                const sg_real a0 = t_J0_d_u[s*1 + k];
                const sg_real a1 = d_r1[s*2 + k];
            t_J0_d_th1_1[s*1 + k] = a0*a1;
            }
            }

            /* J0:d[th3]#2 = J0:d[u]*r2 */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 1; ++k) {
                const sg_real a0 = t_J0_d_u[s*1 + k];
                const sg_real a1 = d_r2[s*2 + k];
            t_J0_d_th3_2[s*1 + k] = a0*a1;
            }
            }

            /* J0:d[s] = scatter(J0:d[s[1]], J0:d[s[0]]) */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 2; ++k) t_J0_d_s[s*2 + k] = 0;
            for (int k = 0; k < 1; ++k) t_J0_d_s[s*2 + k + 1] += t_J0_d_s_1[s*1 + k];
            for (int k = 0; k < 1; ++k) t_J0_d_s[s*2 + k + 0] += t_J0_d_s_0[s*1 + k];
            }

            /* J0:d[z]#1 = J0:d[s]*s */
            for (int k = 0; k < nt*2; ++k) {
                const sg_real a0 = t_J0_d_s[k];
                const sg_real a1 = t_s[k];
            t_J0_d_z_1[k] = a0*a1;
            }

            /* J0:d[z]#2 = sum(J0:d[z]#1) */
            for (s = 0; s < nt; ++s) {
            { sg_real acc = 0;
              for (int k = 0; k < 2; ++k) acc += t_J0_d_z_1[s*2 + k];
              t_J0_d_z_2[s*1] = acc; }
            }

            /* J0:d[z] = s*(J0:d[s] - J0:d[z]#2) */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 2; ++k) {
                const sg_real a0 = t_J0_d_s[s*2 + k];
                const sg_real a1 = t_J0_d_z_2[s*1];
                const sg_real a2 = t_s[s*2 + k];
            t_J0_d_z[s*2 + k] = a2*(a0 - a1);
            }
            }

            /* J0:d[z#1] = index(J0:d[z]) */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 1; ++k) t_J0_d_z_1_2[s*1 + k] = t_J0_d_z[s*2 + k + 0];
            }

            /* J0:d[z#2] = index(J0:d[z]) */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 1; ++k) t_J0_d_z_2_2[s*1 + k] = t_J0_d_z[s*2 + k + 1];
            }

            /* J0:d[r2]#2 = J0:d[z#2]*th2 */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = t_J0_d_z_2_2[k];
                const sg_real a1 = p_th2[0];
            t_J0_d_r2_2[k] = a0*a1;
            }

            /* J0:d[th2]#2 = J0:d[z#2]*r2 */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 1; ++k) {
                const sg_real a0 = t_J0_d_z_2_2[s*1 + k];
                const sg_real a1 = d_r2[s*2 + k];
            t_J0_d_th2_2[s*1 + k] = a0*a1;
            }
            }

            /* J0:d[r1]#3 = J0:d[z#1]*th1 */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = t_J0_d_z_1_2[k];
                const sg_real a1 = p_th1[0];
            t_J0_d_r1_3[k] = a0*a1;
            }

            /* J0:d[th1]#2 = J0:d[z#1]*r1 */
            for (s = 0; s < nt; ++s) {
            for (int k = 0; k < 1; ++k) {
                const sg_real a0 = t_J0_d_z_1_2[s*1 + k];
                const sg_real a1 = d_r1[s*2 + k];
            t_J0_d_th1_2[s*1 + k] = a0*a1;
            }
            }

            /* J0:d[r1] = J0:d[r1]#1 + J0:d[r1]#2 + J0:d[r1]#3 */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = t_J0_d_r1_1[k];
                const sg_real a1 = t_J0_d_r1_2[k];
                const sg_real a2 = t_J0_d_r1_3[k];
            t_J0_d_r1[k] = a0 + a1 + a2;
            }

            /* J0:d[r2] = J0:d[r2]#1 + J0:d[r2]#2 */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = t_J0_d_r2_1[k];
                const sg_real a1 = t_J0_d_r2_2[k];
            t_J0_d_r2[k] = a0 + a1;
            }

            /* J0:d[th1] = J0:d[th1]#1 + J0:d[th1]#2 */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = t_J0_d_th1_1[k];
                const sg_real a1 = t_J0_d_th1_2[k];
            t_J0_d_th1[k] = a0 + a1;
            }

            /* J0:d[th2] = J0:d[th2]#1 + J0:d[th2]#2 */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = t_J0_d_th2_1[k];
                const sg_real a1 = t_J0_d_th2_2[k];
            t_J0_d_th2[k] = a0 + a1;
            }

            /* J0:d[th3] = J0:d[th3]#1 + J0:d[th3]#2 */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = t_J0_d_th3_1[k];
                const sg_real a1 = t_J0_d_th3_2[k];
            t_J0_d_th3[k] = a0 + a1;
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
int dag_softmax_sigmoid_hessian(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict loss, sg_real *restrict grad, sg_real *restrict H, sg_real *restrict work)
{
    sg_real *restrict u = work + 2264;
    int rc = SG_OK;
    for (long j = 0; j < 3; ++j) {
        memset(u, 0, sizeof(sg_real) * 3);
        u[j] = 1;
        rc = dag_softmax_sigmoid_hvp(theta, data, n, u, loss, grad, H + j * 3, work);
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
