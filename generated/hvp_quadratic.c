/* hvp_quadratic.c: symgrad kernels for model 'hvp_quadratic' (float64), emitter v1.
   Generated from the assignment graph of hvp_quadratic.toml; do not edit.
   Self-contained C99 (math.h only): cc -O3 -std=c99 -c hvp_quadratic.c   (link with -lm)
   Layout: theta = w1[], w2[] (row-major, packed)
           data row = 
           forward row = f[]
   Batch objective: mean over samples of 'f'. */
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


#define HVP_QUADRATIC_N_PARAMS 2
#define HVP_QUADRATIC_DATA_WIDTH 0
#define HVP_QUADRATIC_OUT_WIDTH 1
#define HVP_QUADRATIC_INFO_N_PARAMS 0
#define HVP_QUADRATIC_INFO_DATA_WIDTH 1
#define HVP_QUADRATIC_INFO_OUT_WIDTH 2
#define HVP_QUADRATIC_INFO_JAC_ROWS 3
#define HVP_QUADRATIC_INFO_JAC_COLS 4
#define HVP_QUADRATIC_INFO_TILE 5
#define HVP_QUADRATIC_INFO_DTYPE_BYTES 6
#define HVP_QUADRATIC_INFO_WORK_FORWARD 7
#define HVP_QUADRATIC_INFO_WORK_LOSS_GRAD 8
#define HVP_QUADRATIC_INFO_WORK_HVP 9
#define HVP_QUADRATIC_INFO_WORK_HESSIAN 10
#define HVP_QUADRATIC_INFO_WORK_JACOBIAN 11

long hvp_quadratic_info(int what)
{
    switch (what) {
    case 0: return 2L;
    case 1: return 0L;
    case 2: return 1L;
    case 3: return 1L;
    case 4: return 2L;
    case 5: return 32L;
    case 6: return 8L;
    case 7: return 8L;
    case 8: return 24L;
    case 9: return 40L;
    case 10: return 52L;
    case 11: return 96L;
    default: return -1L;
    }
}

/* ==== forward: tile of 32 samples, workspace 8 reals ==== */
int hvp_quadratic_forward(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict out, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 2)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 0)) return SG_EDATA;
    const sg_real *restrict p_w1 = theta + 0;  /* [] */
    const sg_real *restrict p_w2 = theta + 1;  /* [] */
    sg_real *restrict c_f = work + 0;  /* work [] */
    (void)p_w1;
    (void)p_w2;
    /* ---- sample-invariant part (once per call) ---- */
    /* f = w1**2 + 3*w1*w2 + 2*w2**2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_w1[k];
        const sg_real a1 = p_w2[k];
    c_f[k] = (a0 + a1)*(a0 + 2.0*a1);
    }

    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) out[(t0 + s)*1 + 0 + k] = c_f[k];

    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== loss_grad: tile of 32 samples, workspace 24 reals ==== */
int hvp_quadratic_loss_grad(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict loss, sg_real *restrict grad, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 2)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 0)) return SG_EDATA;
    const sg_real *restrict p_w1 = theta + 0;  /* [] */
    const sg_real *restrict p_w2 = theta + 1;  /* [] */
    sg_real *restrict c_f = work + 0;  /* work [] */
    sg_real *restrict c_d_w1 = work + 8;  /* work [] */
    sg_real *restrict c_d_w2 = work + 16;  /* work [] */
    (void)p_w1;
    (void)p_w2;
    /* ---- sample-invariant part (once per call) ---- */
    /* f = w1**2 + 3*w1*w2 + 2*w2**2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_w1[k];
        const sg_real a1 = p_w2[k];
    c_f[k] = (a0 + a1)*(a0 + 2.0*a1);
    }

    /* d[w1] = 2*w1 + 3*w2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_w1[k];
        const sg_real a1 = p_w2[k];
    c_d_w1[k] = 2.0*a0 + 3.0*a1;
    }

    /* d[w2] = 3*w1 + 4*w2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_w1[k];
        const sg_real a1 = p_w2[k];
    c_d_w2[k] = 3.0*a0 + 4.0*a1;
    }

    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
    }
    /* ---- after the tiles ---- */
    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (nf[0]*c_f[0]);
    for (int k = 0; k < 1; ++k) grad[0 + k] = scale * (nf[0]*c_d_w1[k]);  /* w1 */
    for (int k = 0; k < 1; ++k) grad[1 + k] = scale * (nf[0]*c_d_w2[k]);  /* w2 */
    return SG_OK;
}

/* ==== hvp: tile of 32 samples, workspace 40 reals ==== */
int hvp_quadratic_hvp(const sg_real *restrict theta, const sg_real *restrict data, long n,
    const sg_real *restrict dir, sg_real *restrict loss, sg_real *restrict grad,
    sg_real *restrict hv, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 2)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 0)) return SG_EDATA;
    if (!sg_all_finite(dir, 2)) return SG_EDIR;
    const sg_real *restrict p_w1 = theta + 0;  /* [] */
    const sg_real *restrict p_w2 = theta + 1;  /* [] */
    const sg_real *restrict u_w1 = dir + 0;
    const sg_real *restrict u_w2 = dir + 1;
    sg_real *restrict c_f = work + 0;  /* work [] */
    sg_real *restrict c_d_w1 = work + 8;  /* work [] */
    sg_real *restrict c_d_w2 = work + 16;  /* work [] */
    sg_real *restrict c_t_d_w1 = work + 24;  /* work [] */
    sg_real *restrict c_t_d_w2 = work + 32;  /* work [] */
    (void)p_w1;
    (void)p_w2;
    (void)u_w1;
    (void)u_w2;
    /* ---- sample-invariant part (once per call) ---- */
    /* f = w1**2 + 3*w1*w2 + 2*w2**2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_w1[k];
        const sg_real a1 = p_w2[k];
    c_f[k] = (a0 + a1)*(a0 + 2.0*a1);
    }

    /* d[w1] = 2*w1 + 3*w2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_w1[k];
        const sg_real a1 = p_w2[k];
    c_d_w1[k] = 2.0*a0 + 3.0*a1;
    }

    /* d[w2] = 3*w1 + 4*w2 */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = p_w1[k];
        const sg_real a1 = p_w2[k];
    c_d_w2[k] = 3.0*a0 + 4.0*a1;
    }

    /* t[d[w1]] = 2*u[w1] + 3*u[w2] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = u_w1[k];
        const sg_real a1 = u_w2[k];
    c_t_d_w1[k] = 2.0*a0 + 3.0*a1;
    }

    /* t[d[w2]] = 3*u[w1] + 4*u[w2] */
    for (int k = 0; k < 1; ++k) {
        const sg_real a0 = u_w1[k];
        const sg_real a1 = u_w2[k];
    c_t_d_w2[k] = 3.0*a0 + 4.0*a1;
    }

    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
    }
    /* ---- after the tiles ---- */
    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (nf[0]*c_f[0]);
    for (int k = 0; k < 1; ++k) grad[0 + k] = scale * (nf[0]*c_d_w1[k]);  /* w1 */
    for (int k = 0; k < 1; ++k) grad[1 + k] = scale * (nf[0]*c_d_w2[k]);  /* w2 */
    for (int k = 0; k < 1; ++k) hv[0 + k] = scale * (nf[0]*c_t_d_w1[k]);  /* w1 */
    for (int k = 0; k < 1; ++k) hv[1 + k] = scale * (nf[0]*c_t_d_w2[k]);  /* w2 */
    return SG_OK;
}

/* ==== jacobian: tile of 32 samples, workspace 96 reals ==== */
int hvp_quadratic_jacobian(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict jac, sg_real *restrict work)
{
    long t0;
    int nt, s;
    const sg_real nf[1] = {(sg_real)n};
    (void)nf; (void)s;
    if (n < 1) return SG_EBATCH;
    if (!sg_all_finite(theta, 2)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 0)) return SG_EDATA;
    const sg_real *restrict p_w1 = theta + 0;  /* [] */
    const sg_real *restrict p_w2 = theta + 1;  /* [] */
    sg_real *restrict v_f = work + 0;  /* tile [] */
    sg_real *restrict t_J0_d_w1 = work + 32;  /* tile [] */
    sg_real *restrict t_J0_d_w2 = work + 64;  /* tile [] */
    (void)p_w1;
    (void)p_w2;
    memset(jac, 0, sizeof(sg_real) * (size_t)n * 2);
    /* ---- sample-invariant part (once per call) ---- */
    /* ---- tiles of 32 samples ---- */
    for (t0 = 0; t0 < n; t0 += 32) {
        nt = (int)(n - t0 < 32 ? n - t0 : 32);
        (void)nt;
        /* Jacobian rows of f: one reverse sweep per output element */
        for (int kk = 0; kk < 1; ++kk) {
            for (s = 0; s < nt; ++s)
                for (int k = 0; k < 1; ++k) v_f[s*1 + k] = (k == kk);
            /* J0:d[w1] = v[f]*(2*w1 + 3*w2) */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = v_f[k];
                const sg_real a1 = p_w1[0];
                const sg_real a2 = p_w2[0];
            t_J0_d_w1[k] = a0*(2.0*a1 + 3.0*a2);
            }

            /* J0:d[w2] = v[f]*(3*w1 + 4*w2) */
            for (int k = 0; k < nt*1; ++k) {
                const sg_real a0 = v_f[k];
                const sg_real a1 = p_w1[0];
                const sg_real a2 = p_w2[0];
            t_J0_d_w2[k] = a0*(3.0*a1 + 4.0*a2);
            }

            for (s = 0; s < nt; ++s) {
                sg_real *restrict jr = jac + ((t0 + s) * 1 + 0 + kk) * 2;
                for (int k = 0; k < 1; ++k) jr[0 + k] = t_J0_d_w1[s*1 + k];  /* w1 */
                for (int k = 0; k < 1; ++k) jr[1 + k] = t_J0_d_w2[s*1 + k];  /* w2 */
            }
        }
    }
    /* ---- after the tiles ---- */
    return SG_OK;
}

/* ==== hessian: 2 HVP sweeps u = e_j, then symmetrised (H + Hᵀ)/2 ==== */
int hvp_quadratic_hessian(const sg_real *restrict theta, const sg_real *restrict data, long n,
    sg_real *restrict loss, sg_real *restrict grad, sg_real *restrict H, sg_real *restrict work)
{
    sg_real *restrict u = work + 40;
    int rc = SG_OK;
    for (long j = 0; j < 2; ++j) {
        memset(u, 0, sizeof(sg_real) * 2);
        u[j] = 1;
        rc = hvp_quadratic_hvp(theta, data, n, u, loss, grad, H + j * 2, work);
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
