/* worked_example_ii.c: symgrad kernels for model 'worked_example_ii' (float64), emitter v3.
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
#if defined(__GNUC__) || defined(__clang__)
#  define SG_UNUSED __attribute__((unused))
#else
#  define SG_UNUSED
#endif
/* the GEMM helpers are compiled once each (no inlining / constant-propagated clones per call
   site): keeps the compile time of a model independent of its number of GEMM steps */
#if defined(__clang__)
#  define SG_NOCLONE __attribute__((noinline))
#elif defined(__GNUC__)
#  define SG_NOCLONE __attribute__((noinline, noclone))
#else
#  define SG_NOCLONE
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
#define SG_RB 8  /* sizeof(sg_real), for the preprocessor */

/* status codes returned by every kernel function */
#define SG_OK 0
#define SG_EBATCH 1   /* n < 1 */
#define SG_ETHETA 2   /* non-finite parameter */
#define SG_EDATA 3    /* non-finite data */
#define SG_EDIR 4     /* non-finite direction */

/* Vector types (GCC/Clang vector extensions; width from the target ISA: AVX-512, AVX, else
   128-bit) for the GEMM kernels and the finiteness check; -DSG_NO_VECTOR_EXT gives plain loops. */
#if (defined(__GNUC__) || defined(__clang__)) && !defined(SG_NO_VECTOR_EXT)
#  define SG_VEC 1
#  if defined(__AVX512F__)
#    define SG_VB 64
#  elif defined(__AVX__)
#    define SG_VB 32
#  else
#    define SG_VB 16
#  endif
#  define SG_VL (SG_VB / SG_RB)
#  ifndef SG_MR
#    if SG_VB == 64
#      define SG_MR 8
#    else
#      define SG_MR 4
#    endif
#  endif
typedef sg_real sg_vec __attribute__((vector_size(SG_VB), aligned(SG_RB), may_alias));
#  if SG_VB / 2 >= 2 * SG_RB
#    define SG_VLH (SG_VB / 2 / SG_RB)
typedef sg_real sg_vech __attribute__((vector_size(SG_VB / 2), aligned(SG_RB), may_alias));
#  endif
#else
#endif

/* 1 if every entry is finite: (bits & exponent mask) + one exponent ulp sets the sign bit exactly
   when the exponent is all ones (inf / NaN); OR-reduced, vectorised, no libm call */
SG_INLINE int sg_all_finite(const sg_real *restrict v, long n)
{
    typedef uint64_t sg_bits;
    const sg_bits E = 0x7ff0000000000000u, O = 0x0010000000000000u;
    sg_bits bad = 0;
    long i = 0;
#ifdef SG_VEC
    typedef sg_bits sg_bvec __attribute__((vector_size(SG_VB), aligned(SG_RB), may_alias));
    sg_bvec a0 = {0}, a1 = {0}, a2 = {0}, a3 = {0};
    int l;
    for (; i + 4 * SG_VL <= n; i += 4 * SG_VL) {
        const sg_bvec *p = (const sg_bvec *)(v + i);
        a0 |= (p[0] & E) + O;
        a1 |= (p[1] & E) + O;
        a2 |= (p[2] & E) + O;
        a3 |= (p[3] & E) + O;
    }
    a0 |= a1 | a2 | a3;
    for (l = 0; l < SG_VL; ++l) bad |= a0[l];
#endif
    for (; i < n; ++i) {
        sg_bits b;
        memcpy(&b, &v[i], sizeof b);
        bad |= (b & E) + O;
    }
    return (bad >> (8 * sizeof(sg_bits) - 1)) == 0;
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
/* ---- tile GEMM kernels (used by the mm_tile / red_outer steps) ------------------------------
   sg_gemm2: C[r*ldc + c] = init + Σ_k P1[r*prs1 + k*pks1] Q1[k*ldq1 + c]
                                 + Σ_k P2[r*prs2 + k*pks2] Q2[k*ldq2 + c]   (r < m, c < n; k2 may be 0)
   sg_gemm:  the same with one product;
   sg_gemm_dot: Z[s*ldz + i] = init + Σ_k W[i*kk + k] X[s*ldx + k]          (s < ns, i < m)
   init = bias[c] (bias != 0), else C's old value (add != 0), else 0.
   With GCC/Clang vector extensions the kernels are register-blocked: MR rows × NV vectors of
   columns held in registers over the whole k loop (Q rows read contiguously, P entries
   broadcast), enough independent accumulators to hide the FMA latency; large operands are
   blocked for the caches. The vector width follows the compile target (AVX-512 64 B, AVX 32 B,
   else 16 B); on x86 builds without AVX-512 (portable builds) AVX2+FMA and AVX-512 versions are
   compiled too (target attributes) and chosen at run time from the CPU (-DSG_NO_DISPATCH: off).
   Without vector extensions: plain loops. */
#if defined(SG_VEC)
/* MR rows × NV vectors of type VT (W lanes each) per block, columns c0.. while they fit; the
   products (one or two) are accumulated in registers, C is read / written once */
#  define SG_PANEL(VT, W, NV, MR)                                                            \
    for (; c0 + (NV) * (W) <= n; c0 += (NV) * (W)) {                                         \
        VT acc[MR][NV];                                                                      \
        int r, v, k, j;                                                                      \
        for (r = 0; r < (MR); ++r)                                                           \
            for (v = 0; v < (NV); ++v)                                                       \
                acc[r][v] = bias ? *(const VT *)(bias + c0 + v * (W)) : (VT){0};             \
        for (j = 0; j < np; ++j) {                                                           \
            const sg_real *restrict p = Ps[j];                                               \
            const sg_real *restrict q = Qs[j] + c0;                                          \
            const long prs = prss[j], pks = pkss[j], ldq = ldqs[j];                          \
            for (k = 0; k < ks[j]; ++k, p += pks, q += ldq) {                                \
                VT b[NV];                                                                    \
                for (v = 0; v < (NV); ++v) b[v] = *(const VT *)(q + v * (W));                \
                for (r = 0; r < (MR); ++r) {                                                 \
                    const sg_real a = p[r * prs];                                            \
                    for (v = 0; v < (NV); ++v) acc[r][v] += a * b[v];                        \
                }                                                                            \
            }                                                                                \
        }                                                                                    \
        for (r = 0; r < (MR); ++r) {                                                         \
            VT *cr = (VT *)(C + r * ldc + c0);                                               \
            if (add) for (v = 0; v < (NV); ++v) cr[v] += acc[r][v];                          \
            else for (v = 0; v < (NV); ++v) cr[v] = acc[r][v];                               \
        }                                                                                    \
    }
#  define SG_ROWS_ARGS int n, int k1, const sg_real *restrict P1, long prs1, long pks1,          \
    const sg_real *restrict Q1, long ldq1, int k2, const sg_real *restrict P2, long prs2,       \
    long pks2, const sg_real *restrict Q2, long ldq2, sg_real *restrict C, long ldc,            \
    const sg_real *restrict bias, int add
#  define SG_GEMM_ARGS int m, int n, int kk, const sg_real *restrict P, long prs, long pks,       \
    const sg_real *restrict Q, long ldq, sg_real *restrict C, long ldc,                         \
    const sg_real *restrict bias, int add
#  define SG_GEMM2_ARGS int m, int n, int k1, const sg_real *restrict P1, long prs1, long pks1,   \
    const sg_real *restrict Q1, long ldq1, int k2, const sg_real *restrict P2, long prs2,       \
    long pks2, const sg_real *restrict Q2, long ldq2, sg_real *restrict C, long ldc,            \
    const sg_real *restrict bias, int add
#  define SG_DOT_ARGS int ns, int m, int kk, const sg_real *restrict W,                         \
    const sg_real *restrict X, long ldx, sg_real *restrict Z, long ldz,                         \
    const sg_real *restrict bias, int add
#  ifndef SG_KC
#    define SG_KC 256
#  endif

/* the compile target's kernels (wide panels first: 16 accumulators with 32 vector registers) */
#  if SG_VB == 64
SG_UNUSED SG_NOCLONE static void sg_gemm_rows1_b(SG_ROWS_ARGS)
{
    const sg_real *Ps[2], *Qs[2];
    long prss[2], pkss[2], ldqs[2];
    int ks[2], c0 = 0;
    const int np = k2 > 0 ? 2 : 1;
    Ps[0] = P1; Qs[0] = Q1; prss[0] = prs1; pkss[0] = pks1; ldqs[0] = ldq1; ks[0] = k1;
    Ps[1] = P2; Qs[1] = Q2; prss[1] = prs2; pkss[1] = pks2; ldqs[1] = ldq2; ks[1] = k2;
    SG_PANEL(sg_vec, SG_VL, 8, 1)
    SG_PANEL(sg_vec, SG_VL, 2, 1)
    SG_PANEL(sg_vec, SG_VL, 1, 1)
    SG_PANEL(sg_vech, SG_VLH, 1, 1)
    for (; c0 < n; ++c0) {
        sg_real acc[1];
        int r, k, j;
        for (r = 0; r < 1; ++r) acc[r] = bias ? bias[c0] : 0;
        for (j = 0; j < np; ++j)
            for (k = 0; k < ks[j]; ++k)
                for (r = 0; r < 1; ++r)
                    acc[r] += Ps[j][r * prss[j] + k * pkss[j]] * Qs[j][k * ldqs[j] + c0];
        for (r = 0; r < 1; ++r) C[r * ldc + c0] = add ? C[r * ldc + c0] + acc[r] : acc[r];
    }
}
SG_UNUSED SG_NOCLONE static void sg_gemm_rows2_b(SG_ROWS_ARGS)
{
    const sg_real *Ps[2], *Qs[2];
    long prss[2], pkss[2], ldqs[2];
    int ks[2], c0 = 0;
    const int np = k2 > 0 ? 2 : 1;
    Ps[0] = P1; Qs[0] = Q1; prss[0] = prs1; pkss[0] = pks1; ldqs[0] = ldq1; ks[0] = k1;
    Ps[1] = P2; Qs[1] = Q2; prss[1] = prs2; pkss[1] = pks2; ldqs[1] = ldq2; ks[1] = k2;
    SG_PANEL(sg_vec, SG_VL, 4, 2)
    SG_PANEL(sg_vec, SG_VL, 2, 2)
    SG_PANEL(sg_vec, SG_VL, 1, 2)
    SG_PANEL(sg_vech, SG_VLH, 1, 2)
    for (; c0 < n; ++c0) {
        sg_real acc[2];
        int r, k, j;
        for (r = 0; r < 2; ++r) acc[r] = bias ? bias[c0] : 0;
        for (j = 0; j < np; ++j)
            for (k = 0; k < ks[j]; ++k)
                for (r = 0; r < 2; ++r)
                    acc[r] += Ps[j][r * prss[j] + k * pkss[j]] * Qs[j][k * ldqs[j] + c0];
        for (r = 0; r < 2; ++r) C[r * ldc + c0] = add ? C[r * ldc + c0] + acc[r] : acc[r];
    }
}
SG_UNUSED SG_NOCLONE static void sg_gemm_rows4_b(SG_ROWS_ARGS)
{
    const sg_real *Ps[2], *Qs[2];
    long prss[2], pkss[2], ldqs[2];
    int ks[2], c0 = 0;
    const int np = k2 > 0 ? 2 : 1;
    Ps[0] = P1; Qs[0] = Q1; prss[0] = prs1; pkss[0] = pks1; ldqs[0] = ldq1; ks[0] = k1;
    Ps[1] = P2; Qs[1] = Q2; prss[1] = prs2; pkss[1] = pks2; ldqs[1] = ldq2; ks[1] = k2;
    SG_PANEL(sg_vec, SG_VL, 4, 4)
    SG_PANEL(sg_vec, SG_VL, 2, 4)
    SG_PANEL(sg_vec, SG_VL, 1, 4)
    SG_PANEL(sg_vech, SG_VLH, 1, 4)
    for (; c0 < n; ++c0) {
        sg_real acc[4];
        int r, k, j;
        for (r = 0; r < 4; ++r) acc[r] = bias ? bias[c0] : 0;
        for (j = 0; j < np; ++j)
            for (k = 0; k < ks[j]; ++k)
                for (r = 0; r < 4; ++r)
                    acc[r] += Ps[j][r * prss[j] + k * pkss[j]] * Qs[j][k * ldqs[j] + c0];
        for (r = 0; r < 4; ++r) C[r * ldc + c0] = add ? C[r * ldc + c0] + acc[r] : acc[r];
    }
}
SG_UNUSED SG_NOCLONE static void sg_gemm_rows8_b(SG_ROWS_ARGS)
{
    const sg_real *Ps[2], *Qs[2];
    long prss[2], pkss[2], ldqs[2];
    int ks[2], c0 = 0;
    const int np = k2 > 0 ? 2 : 1;
    Ps[0] = P1; Qs[0] = Q1; prss[0] = prs1; pkss[0] = pks1; ldqs[0] = ldq1; ks[0] = k1;
    Ps[1] = P2; Qs[1] = Q2; prss[1] = prs2; pkss[1] = pks2; ldqs[1] = ldq2; ks[1] = k2;
    SG_PANEL(sg_vec, SG_VL, 2, 8)
    SG_PANEL(sg_vec, SG_VL, 1, 8)
    SG_PANEL(sg_vech, SG_VLH, 1, 8)
    for (; c0 < n; ++c0) {
        sg_real acc[8];
        int r, k, j;
        for (r = 0; r < 8; ++r) acc[r] = bias ? bias[c0] : 0;
        for (j = 0; j < np; ++j)
            for (k = 0; k < ks[j]; ++k)
                for (r = 0; r < 8; ++r)
                    acc[r] += Ps[j][r * prss[j] + k * pkss[j]] * Qs[j][k * ldqs[j] + c0];
        for (r = 0; r < 8; ++r) C[r * ldc + c0] = add ? C[r * ldc + c0] + acc[r] : acc[r];
    }
}

SG_UNUSED SG_NOCLONE static void sg_gemm_blk_b(int m, SG_ROWS_ARGS)
{
    int r0 = 0;
    for (; r0 + 8 <= m; r0 += 8) {
        sg_gemm_rows8_b(n, k1, P1 + r0 * prs1, prs1, pks1, Q1, ldq1, k2, P2 ? P2 + r0 * prs2 : P2,
            prs2, pks2, Q2, ldq2, C + r0 * ldc, ldc, bias, add);
    }
    if (r0 + 4 <= m) {
        sg_gemm_rows4_b(n, k1, P1 + r0 * prs1, prs1, pks1, Q1, ldq1, k2, P2 ? P2 + r0 * prs2 : P2,
            prs2, pks2, Q2, ldq2, C + r0 * ldc, ldc, bias, add);
        r0 += 4;
    }
    if (r0 + 2 <= m) {
        sg_gemm_rows2_b(n, k1, P1 + r0 * prs1, prs1, pks1, Q1, ldq1, k2, P2 ? P2 + r0 * prs2 : P2,
            prs2, pks2, Q2, ldq2, C + r0 * ldc, ldc, bias, add);
        r0 += 2;
    }
    if (r0 + 1 <= m) {
        sg_gemm_rows1_b(n, k1, P1 + r0 * prs1, prs1, pks1, Q1, ldq1, k2, P2 ? P2 + r0 * prs2 : P2,
            prs2, pks2, Q2, ldq2, C + r0 * ldc, ldc, bias, add);
        r0 += 1;
    }
}

/* large operands: KC × NC blocks of Q (~128 KiB) stay in L2 while every row block uses them */
SG_UNUSED SG_NOCLONE static void sg_gemm_b(SG_GEMM_ARGS)
{
    const int nc_max = 8 * SG_VL;
    int k0, c0;
    if ((long)kk * n <= (long)SG_KC * nc_max || m <= 8) {
        sg_gemm_blk_b(m, n, kk, P, prs, pks, Q, ldq, 0, 0, 0, 0, 0, 0, C, ldc, bias, add);
        return;
    }
    for (k0 = 0; k0 < kk; k0 += SG_KC) {
        const int kc = kk - k0 < SG_KC ? kk - k0 : SG_KC;
        for (c0 = 0; c0 < n; c0 += nc_max) {
            const int nc = n - c0 < nc_max ? n - c0 : nc_max;
            sg_gemm_blk_b(m, nc, kc, P + k0 * pks, prs, pks, Q + k0 * ldq + c0, ldq, 0, 0, 0, 0,
                            0, 0, C + c0, ldc, k0 == 0 && bias ? bias + c0 : 0, k0 > 0 || add);
        }
    }
}

SG_UNUSED SG_NOCLONE static void sg_gemm2_b(SG_GEMM2_ARGS)
{
    if ((long)(k1 > k2 ? k1 : k2) * n <= (long)SG_KC * 8 * SG_VL || m <= 8) {
        sg_gemm_blk_b(m, n, k1, P1, prs1, pks1, Q1, ldq1, k2, P2, prs2, pks2, Q2, ldq2, C, ldc,
                        bias, add);
    } else {
        sg_gemm_b(m, n, k1, P1, prs1, pks1, Q1, ldq1, C, ldc, bias, add);
        sg_gemm_b(m, n, k2, P2, prs2, pks2, Q2, ldq2, C, ldc, 0, 1);
    }
}

/* horizontal sum as a tree (short dependency chains) */
SG_INLINE sg_real sg_hsum_b(sg_vec a)
{
    sg_real t[SG_VL];
    int w, l;
    memcpy(t, &a, sizeof t);
    for (w = SG_VL / 2; w >= 1; w /= 2)
        for (l = 0; l < w; ++l) t[l] += t[l + w];
    return t[0];
}

SG_UNUSED SG_NOCLONE static void sg_gemm_dot_b(SG_DOT_ARGS)
{
    enum { DR = 8, VL = SG_VL };  /* rows of W per block, lanes */
    const int kv = kk / VL * VL;
    int s, i, k, r;
    for (s = 0; s < ns; ++s) {
        const sg_real *restrict x = X + s * ldx;
        sg_real *restrict z = Z + s * ldz;
        for (i = 0; i + DR <= m; i += DR) {  /* DR rows of W at a time, x loaded once */
            const sg_real *restrict w = W + (long)i * kk;
            sg_vec a[DR];
            sg_real t[DR];
            for (r = 0; r < DR; ++r) a[r] = (sg_vec){0};
            for (k = 0; k < kv; k += VL) {
                const sg_vec xv = *(const sg_vec *)(x + k);
                for (r = 0; r < DR; ++r) a[r] += xv * *(const sg_vec *)(w + (long)r * kk + k);
            }
            for (r = 0; r < DR; ++r) {
                sg_real u = sg_hsum_b(a[r]);
                for (k = kv; k < kk; ++k) u += x[k] * w[(long)r * kk + k];
                t[r] = u;
            }
            for (r = 0; r < DR; ++r) z[i + r] = (bias ? bias[i + r] : (add ? z[i + r] : 0)) + t[r];
        }
        for (; i < m; ++i) {
            const sg_real *restrict w0 = W + (long)i * kk;
            sg_vec a0 = {0};
            sg_real t0;
            for (k = 0; k < kv; k += VL) a0 += *(const sg_vec *)(x + k) * *(const sg_vec *)(w0 + k);
            t0 = sg_hsum_b(a0);
            for (k = kv; k < kk; ++k) t0 += x[k] * w0[k];
            z[i] = (bias ? bias[i] : (add ? z[i] : 0)) + t0;
        }
    }
}
#  else
#    ifdef SG_VLH
SG_UNUSED SG_NOCLONE static void sg_gemm_rows1_b(SG_ROWS_ARGS)
{
    const sg_real *Ps[2], *Qs[2];
    long prss[2], pkss[2], ldqs[2];
    int ks[2], c0 = 0;
    const int np = k2 > 0 ? 2 : 1;
    Ps[0] = P1; Qs[0] = Q1; prss[0] = prs1; pkss[0] = pks1; ldqs[0] = ldq1; ks[0] = k1;
    Ps[1] = P2; Qs[1] = Q2; prss[1] = prs2; pkss[1] = pks2; ldqs[1] = ldq2; ks[1] = k2;
    SG_PANEL(sg_vec, SG_VL, 4, 1)
    SG_PANEL(sg_vec, SG_VL, 2, 1)
    SG_PANEL(sg_vec, SG_VL, 1, 1)
    SG_PANEL(sg_vech, SG_VLH, 1, 1)
    for (; c0 < n; ++c0) {
        sg_real acc[1];
        int r, k, j;
        for (r = 0; r < 1; ++r) acc[r] = bias ? bias[c0] : 0;
        for (j = 0; j < np; ++j)
            for (k = 0; k < ks[j]; ++k)
                for (r = 0; r < 1; ++r)
                    acc[r] += Ps[j][r * prss[j] + k * pkss[j]] * Qs[j][k * ldqs[j] + c0];
        for (r = 0; r < 1; ++r) C[r * ldc + c0] = add ? C[r * ldc + c0] + acc[r] : acc[r];
    }
}
SG_UNUSED SG_NOCLONE static void sg_gemm_rows2_b(SG_ROWS_ARGS)
{
    const sg_real *Ps[2], *Qs[2];
    long prss[2], pkss[2], ldqs[2];
    int ks[2], c0 = 0;
    const int np = k2 > 0 ? 2 : 1;
    Ps[0] = P1; Qs[0] = Q1; prss[0] = prs1; pkss[0] = pks1; ldqs[0] = ldq1; ks[0] = k1;
    Ps[1] = P2; Qs[1] = Q2; prss[1] = prs2; pkss[1] = pks2; ldqs[1] = ldq2; ks[1] = k2;
    SG_PANEL(sg_vec, SG_VL, 2, 2)
    SG_PANEL(sg_vec, SG_VL, 1, 2)
    SG_PANEL(sg_vech, SG_VLH, 1, 2)
    for (; c0 < n; ++c0) {
        sg_real acc[2];
        int r, k, j;
        for (r = 0; r < 2; ++r) acc[r] = bias ? bias[c0] : 0;
        for (j = 0; j < np; ++j)
            for (k = 0; k < ks[j]; ++k)
                for (r = 0; r < 2; ++r)
                    acc[r] += Ps[j][r * prss[j] + k * pkss[j]] * Qs[j][k * ldqs[j] + c0];
        for (r = 0; r < 2; ++r) C[r * ldc + c0] = add ? C[r * ldc + c0] + acc[r] : acc[r];
    }
}
SG_UNUSED SG_NOCLONE static void sg_gemm_rows4_b(SG_ROWS_ARGS)
{
    const sg_real *Ps[2], *Qs[2];
    long prss[2], pkss[2], ldqs[2];
    int ks[2], c0 = 0;
    const int np = k2 > 0 ? 2 : 1;
    Ps[0] = P1; Qs[0] = Q1; prss[0] = prs1; pkss[0] = pks1; ldqs[0] = ldq1; ks[0] = k1;
    Ps[1] = P2; Qs[1] = Q2; prss[1] = prs2; pkss[1] = pks2; ldqs[1] = ldq2; ks[1] = k2;
    SG_PANEL(sg_vec, SG_VL, 2, 4)
    SG_PANEL(sg_vec, SG_VL, 1, 4)
    SG_PANEL(sg_vech, SG_VLH, 1, 4)
    for (; c0 < n; ++c0) {
        sg_real acc[4];
        int r, k, j;
        for (r = 0; r < 4; ++r) acc[r] = bias ? bias[c0] : 0;
        for (j = 0; j < np; ++j)
            for (k = 0; k < ks[j]; ++k)
                for (r = 0; r < 4; ++r)
                    acc[r] += Ps[j][r * prss[j] + k * pkss[j]] * Qs[j][k * ldqs[j] + c0];
        for (r = 0; r < 4; ++r) C[r * ldc + c0] = add ? C[r * ldc + c0] + acc[r] : acc[r];
    }
}

SG_UNUSED SG_NOCLONE static void sg_gemm_blk_b(int m, SG_ROWS_ARGS)
{
    int r0 = 0;
    for (; r0 + 4 <= m; r0 += 4) {
        sg_gemm_rows4_b(n, k1, P1 + r0 * prs1, prs1, pks1, Q1, ldq1, k2, P2 ? P2 + r0 * prs2 : P2,
            prs2, pks2, Q2, ldq2, C + r0 * ldc, ldc, bias, add);
    }
    if (r0 + 2 <= m) {
        sg_gemm_rows2_b(n, k1, P1 + r0 * prs1, prs1, pks1, Q1, ldq1, k2, P2 ? P2 + r0 * prs2 : P2,
            prs2, pks2, Q2, ldq2, C + r0 * ldc, ldc, bias, add);
        r0 += 2;
    }
    if (r0 + 1 <= m) {
        sg_gemm_rows1_b(n, k1, P1 + r0 * prs1, prs1, pks1, Q1, ldq1, k2, P2 ? P2 + r0 * prs2 : P2,
            prs2, pks2, Q2, ldq2, C + r0 * ldc, ldc, bias, add);
        r0 += 1;
    }
}

/* large operands: KC × NC blocks of Q (~128 KiB) stay in L2 while every row block uses them */
SG_UNUSED SG_NOCLONE static void sg_gemm_b(SG_GEMM_ARGS)
{
    const int nc_max = 8 * SG_VL;
    int k0, c0;
    if ((long)kk * n <= (long)SG_KC * nc_max || m <= 4) {
        sg_gemm_blk_b(m, n, kk, P, prs, pks, Q, ldq, 0, 0, 0, 0, 0, 0, C, ldc, bias, add);
        return;
    }
    for (k0 = 0; k0 < kk; k0 += SG_KC) {
        const int kc = kk - k0 < SG_KC ? kk - k0 : SG_KC;
        for (c0 = 0; c0 < n; c0 += nc_max) {
            const int nc = n - c0 < nc_max ? n - c0 : nc_max;
            sg_gemm_blk_b(m, nc, kc, P + k0 * pks, prs, pks, Q + k0 * ldq + c0, ldq, 0, 0, 0, 0,
                            0, 0, C + c0, ldc, k0 == 0 && bias ? bias + c0 : 0, k0 > 0 || add);
        }
    }
}

SG_UNUSED SG_NOCLONE static void sg_gemm2_b(SG_GEMM2_ARGS)
{
    if ((long)(k1 > k2 ? k1 : k2) * n <= (long)SG_KC * 8 * SG_VL || m <= 4) {
        sg_gemm_blk_b(m, n, k1, P1, prs1, pks1, Q1, ldq1, k2, P2, prs2, pks2, Q2, ldq2, C, ldc,
                        bias, add);
    } else {
        sg_gemm_b(m, n, k1, P1, prs1, pks1, Q1, ldq1, C, ldc, bias, add);
        sg_gemm_b(m, n, k2, P2, prs2, pks2, Q2, ldq2, C, ldc, 0, 1);
    }
}

/* horizontal sum as a tree (short dependency chains) */
SG_INLINE sg_real sg_hsum_b(sg_vec a)
{
    sg_real t[SG_VL];
    int w, l;
    memcpy(t, &a, sizeof t);
    for (w = SG_VL / 2; w >= 1; w /= 2)
        for (l = 0; l < w; ++l) t[l] += t[l + w];
    return t[0];
}

SG_UNUSED SG_NOCLONE static void sg_gemm_dot_b(SG_DOT_ARGS)
{
    enum { DR = 4, VL = SG_VL };  /* rows of W per block, lanes */
    const int kv = kk / VL * VL;
    int s, i, k, r;
    for (s = 0; s < ns; ++s) {
        const sg_real *restrict x = X + s * ldx;
        sg_real *restrict z = Z + s * ldz;
        for (i = 0; i + DR <= m; i += DR) {  /* DR rows of W at a time, x loaded once */
            const sg_real *restrict w = W + (long)i * kk;
            sg_vec a[DR];
            sg_real t[DR];
            for (r = 0; r < DR; ++r) a[r] = (sg_vec){0};
            for (k = 0; k < kv; k += VL) {
                const sg_vec xv = *(const sg_vec *)(x + k);
                for (r = 0; r < DR; ++r) a[r] += xv * *(const sg_vec *)(w + (long)r * kk + k);
            }
            for (r = 0; r < DR; ++r) {
                sg_real u = sg_hsum_b(a[r]);
                for (k = kv; k < kk; ++k) u += x[k] * w[(long)r * kk + k];
                t[r] = u;
            }
            for (r = 0; r < DR; ++r) z[i + r] = (bias ? bias[i + r] : (add ? z[i + r] : 0)) + t[r];
        }
        for (; i < m; ++i) {
            const sg_real *restrict w0 = W + (long)i * kk;
            sg_vec a0 = {0};
            sg_real t0;
            for (k = 0; k < kv; k += VL) a0 += *(const sg_vec *)(x + k) * *(const sg_vec *)(w0 + k);
            t0 = sg_hsum_b(a0);
            for (k = kv; k < kk; ++k) t0 += x[k] * w0[k];
            z[i] = (bias ? bias[i] : (add ? z[i] : 0)) + t0;
        }
    }
}
#    else
SG_UNUSED SG_NOCLONE static void sg_gemm_rows1_b(SG_ROWS_ARGS)
{
    const sg_real *Ps[2], *Qs[2];
    long prss[2], pkss[2], ldqs[2];
    int ks[2], c0 = 0;
    const int np = k2 > 0 ? 2 : 1;
    Ps[0] = P1; Qs[0] = Q1; prss[0] = prs1; pkss[0] = pks1; ldqs[0] = ldq1; ks[0] = k1;
    Ps[1] = P2; Qs[1] = Q2; prss[1] = prs2; pkss[1] = pks2; ldqs[1] = ldq2; ks[1] = k2;
    SG_PANEL(sg_vec, SG_VL, 4, 1)
    SG_PANEL(sg_vec, SG_VL, 2, 1)
    SG_PANEL(sg_vec, SG_VL, 1, 1)
    for (; c0 < n; ++c0) {
        sg_real acc[1];
        int r, k, j;
        for (r = 0; r < 1; ++r) acc[r] = bias ? bias[c0] : 0;
        for (j = 0; j < np; ++j)
            for (k = 0; k < ks[j]; ++k)
                for (r = 0; r < 1; ++r)
                    acc[r] += Ps[j][r * prss[j] + k * pkss[j]] * Qs[j][k * ldqs[j] + c0];
        for (r = 0; r < 1; ++r) C[r * ldc + c0] = add ? C[r * ldc + c0] + acc[r] : acc[r];
    }
}
SG_UNUSED SG_NOCLONE static void sg_gemm_rows2_b(SG_ROWS_ARGS)
{
    const sg_real *Ps[2], *Qs[2];
    long prss[2], pkss[2], ldqs[2];
    int ks[2], c0 = 0;
    const int np = k2 > 0 ? 2 : 1;
    Ps[0] = P1; Qs[0] = Q1; prss[0] = prs1; pkss[0] = pks1; ldqs[0] = ldq1; ks[0] = k1;
    Ps[1] = P2; Qs[1] = Q2; prss[1] = prs2; pkss[1] = pks2; ldqs[1] = ldq2; ks[1] = k2;
    SG_PANEL(sg_vec, SG_VL, 2, 2)
    SG_PANEL(sg_vec, SG_VL, 1, 2)
    for (; c0 < n; ++c0) {
        sg_real acc[2];
        int r, k, j;
        for (r = 0; r < 2; ++r) acc[r] = bias ? bias[c0] : 0;
        for (j = 0; j < np; ++j)
            for (k = 0; k < ks[j]; ++k)
                for (r = 0; r < 2; ++r)
                    acc[r] += Ps[j][r * prss[j] + k * pkss[j]] * Qs[j][k * ldqs[j] + c0];
        for (r = 0; r < 2; ++r) C[r * ldc + c0] = add ? C[r * ldc + c0] + acc[r] : acc[r];
    }
}
SG_UNUSED SG_NOCLONE static void sg_gemm_rows4_b(SG_ROWS_ARGS)
{
    const sg_real *Ps[2], *Qs[2];
    long prss[2], pkss[2], ldqs[2];
    int ks[2], c0 = 0;
    const int np = k2 > 0 ? 2 : 1;
    Ps[0] = P1; Qs[0] = Q1; prss[0] = prs1; pkss[0] = pks1; ldqs[0] = ldq1; ks[0] = k1;
    Ps[1] = P2; Qs[1] = Q2; prss[1] = prs2; pkss[1] = pks2; ldqs[1] = ldq2; ks[1] = k2;
    SG_PANEL(sg_vec, SG_VL, 2, 4)
    SG_PANEL(sg_vec, SG_VL, 1, 4)
    for (; c0 < n; ++c0) {
        sg_real acc[4];
        int r, k, j;
        for (r = 0; r < 4; ++r) acc[r] = bias ? bias[c0] : 0;
        for (j = 0; j < np; ++j)
            for (k = 0; k < ks[j]; ++k)
                for (r = 0; r < 4; ++r)
                    acc[r] += Ps[j][r * prss[j] + k * pkss[j]] * Qs[j][k * ldqs[j] + c0];
        for (r = 0; r < 4; ++r) C[r * ldc + c0] = add ? C[r * ldc + c0] + acc[r] : acc[r];
    }
}

SG_UNUSED SG_NOCLONE static void sg_gemm_blk_b(int m, SG_ROWS_ARGS)
{
    int r0 = 0;
    for (; r0 + 4 <= m; r0 += 4) {
        sg_gemm_rows4_b(n, k1, P1 + r0 * prs1, prs1, pks1, Q1, ldq1, k2, P2 ? P2 + r0 * prs2 : P2,
            prs2, pks2, Q2, ldq2, C + r0 * ldc, ldc, bias, add);
    }
    if (r0 + 2 <= m) {
        sg_gemm_rows2_b(n, k1, P1 + r0 * prs1, prs1, pks1, Q1, ldq1, k2, P2 ? P2 + r0 * prs2 : P2,
            prs2, pks2, Q2, ldq2, C + r0 * ldc, ldc, bias, add);
        r0 += 2;
    }
    if (r0 + 1 <= m) {
        sg_gemm_rows1_b(n, k1, P1 + r0 * prs1, prs1, pks1, Q1, ldq1, k2, P2 ? P2 + r0 * prs2 : P2,
            prs2, pks2, Q2, ldq2, C + r0 * ldc, ldc, bias, add);
        r0 += 1;
    }
}

/* large operands: KC × NC blocks of Q (~128 KiB) stay in L2 while every row block uses them */
SG_UNUSED SG_NOCLONE static void sg_gemm_b(SG_GEMM_ARGS)
{
    const int nc_max = 8 * SG_VL;
    int k0, c0;
    if ((long)kk * n <= (long)SG_KC * nc_max || m <= 4) {
        sg_gemm_blk_b(m, n, kk, P, prs, pks, Q, ldq, 0, 0, 0, 0, 0, 0, C, ldc, bias, add);
        return;
    }
    for (k0 = 0; k0 < kk; k0 += SG_KC) {
        const int kc = kk - k0 < SG_KC ? kk - k0 : SG_KC;
        for (c0 = 0; c0 < n; c0 += nc_max) {
            const int nc = n - c0 < nc_max ? n - c0 : nc_max;
            sg_gemm_blk_b(m, nc, kc, P + k0 * pks, prs, pks, Q + k0 * ldq + c0, ldq, 0, 0, 0, 0,
                            0, 0, C + c0, ldc, k0 == 0 && bias ? bias + c0 : 0, k0 > 0 || add);
        }
    }
}

SG_UNUSED SG_NOCLONE static void sg_gemm2_b(SG_GEMM2_ARGS)
{
    if ((long)(k1 > k2 ? k1 : k2) * n <= (long)SG_KC * 8 * SG_VL || m <= 4) {
        sg_gemm_blk_b(m, n, k1, P1, prs1, pks1, Q1, ldq1, k2, P2, prs2, pks2, Q2, ldq2, C, ldc,
                        bias, add);
    } else {
        sg_gemm_b(m, n, k1, P1, prs1, pks1, Q1, ldq1, C, ldc, bias, add);
        sg_gemm_b(m, n, k2, P2, prs2, pks2, Q2, ldq2, C, ldc, 0, 1);
    }
}

/* horizontal sum as a tree (short dependency chains) */
SG_INLINE sg_real sg_hsum_b(sg_vec a)
{
    sg_real t[SG_VL];
    int w, l;
    memcpy(t, &a, sizeof t);
    for (w = SG_VL / 2; w >= 1; w /= 2)
        for (l = 0; l < w; ++l) t[l] += t[l + w];
    return t[0];
}

SG_UNUSED SG_NOCLONE static void sg_gemm_dot_b(SG_DOT_ARGS)
{
    enum { DR = 4, VL = SG_VL };  /* rows of W per block, lanes */
    const int kv = kk / VL * VL;
    int s, i, k, r;
    for (s = 0; s < ns; ++s) {
        const sg_real *restrict x = X + s * ldx;
        sg_real *restrict z = Z + s * ldz;
        for (i = 0; i + DR <= m; i += DR) {  /* DR rows of W at a time, x loaded once */
            const sg_real *restrict w = W + (long)i * kk;
            sg_vec a[DR];
            sg_real t[DR];
            for (r = 0; r < DR; ++r) a[r] = (sg_vec){0};
            for (k = 0; k < kv; k += VL) {
                const sg_vec xv = *(const sg_vec *)(x + k);
                for (r = 0; r < DR; ++r) a[r] += xv * *(const sg_vec *)(w + (long)r * kk + k);
            }
            for (r = 0; r < DR; ++r) {
                sg_real u = sg_hsum_b(a[r]);
                for (k = kv; k < kk; ++k) u += x[k] * w[(long)r * kk + k];
                t[r] = u;
            }
            for (r = 0; r < DR; ++r) z[i + r] = (bias ? bias[i + r] : (add ? z[i + r] : 0)) + t[r];
        }
        for (; i < m; ++i) {
            const sg_real *restrict w0 = W + (long)i * kk;
            sg_vec a0 = {0};
            sg_real t0;
            for (k = 0; k < kv; k += VL) a0 += *(const sg_vec *)(x + k) * *(const sg_vec *)(w0 + k);
            t0 = sg_hsum_b(a0);
            for (k = kv; k < kk; ++k) t0 += x[k] * w0[k];
            z[i] = (bias ? bias[i] : (add ? z[i] : 0)) + t0;
        }
    }
}
#    endif
#  endif

#  if !defined(SG_NO_DISPATCH) && (defined(__x86_64__) || defined(__i386__)) \
      && (defined(__clang__) || __GNUC__ >= 6) && !defined(__AVX512F__)
#    define SG_DISPATCH 1
#    ifndef __AVX2__
/* AVX2 + FMA versions, used when the CPU has them */
typedef sg_real sg_vec_a2 __attribute__((vector_size(32), aligned(SG_RB), may_alias));
typedef sg_real sg_vech_a2 __attribute__((vector_size(16), aligned(SG_RB), may_alias));
SG_UNUSED SG_NOCLONE __attribute__((target("avx2,fma"))) static void sg_gemm_rows1_a2(SG_ROWS_ARGS)
{
    const sg_real *Ps[2], *Qs[2];
    long prss[2], pkss[2], ldqs[2];
    int ks[2], c0 = 0;
    const int np = k2 > 0 ? 2 : 1;
    Ps[0] = P1; Qs[0] = Q1; prss[0] = prs1; pkss[0] = pks1; ldqs[0] = ldq1; ks[0] = k1;
    Ps[1] = P2; Qs[1] = Q2; prss[1] = prs2; pkss[1] = pks2; ldqs[1] = ldq2; ks[1] = k2;
    SG_PANEL(sg_vec_a2, 4, 4, 1)
    SG_PANEL(sg_vec_a2, 4, 2, 1)
    SG_PANEL(sg_vec_a2, 4, 1, 1)
    SG_PANEL(sg_vech_a2, 2, 1, 1)
    for (; c0 < n; ++c0) {
        sg_real acc[1];
        int r, k, j;
        for (r = 0; r < 1; ++r) acc[r] = bias ? bias[c0] : 0;
        for (j = 0; j < np; ++j)
            for (k = 0; k < ks[j]; ++k)
                for (r = 0; r < 1; ++r)
                    acc[r] += Ps[j][r * prss[j] + k * pkss[j]] * Qs[j][k * ldqs[j] + c0];
        for (r = 0; r < 1; ++r) C[r * ldc + c0] = add ? C[r * ldc + c0] + acc[r] : acc[r];
    }
}
SG_UNUSED SG_NOCLONE __attribute__((target("avx2,fma"))) static void sg_gemm_rows2_a2(SG_ROWS_ARGS)
{
    const sg_real *Ps[2], *Qs[2];
    long prss[2], pkss[2], ldqs[2];
    int ks[2], c0 = 0;
    const int np = k2 > 0 ? 2 : 1;
    Ps[0] = P1; Qs[0] = Q1; prss[0] = prs1; pkss[0] = pks1; ldqs[0] = ldq1; ks[0] = k1;
    Ps[1] = P2; Qs[1] = Q2; prss[1] = prs2; pkss[1] = pks2; ldqs[1] = ldq2; ks[1] = k2;
    SG_PANEL(sg_vec_a2, 4, 2, 2)
    SG_PANEL(sg_vec_a2, 4, 1, 2)
    SG_PANEL(sg_vech_a2, 2, 1, 2)
    for (; c0 < n; ++c0) {
        sg_real acc[2];
        int r, k, j;
        for (r = 0; r < 2; ++r) acc[r] = bias ? bias[c0] : 0;
        for (j = 0; j < np; ++j)
            for (k = 0; k < ks[j]; ++k)
                for (r = 0; r < 2; ++r)
                    acc[r] += Ps[j][r * prss[j] + k * pkss[j]] * Qs[j][k * ldqs[j] + c0];
        for (r = 0; r < 2; ++r) C[r * ldc + c0] = add ? C[r * ldc + c0] + acc[r] : acc[r];
    }
}
SG_UNUSED SG_NOCLONE __attribute__((target("avx2,fma"))) static void sg_gemm_rows4_a2(SG_ROWS_ARGS)
{
    const sg_real *Ps[2], *Qs[2];
    long prss[2], pkss[2], ldqs[2];
    int ks[2], c0 = 0;
    const int np = k2 > 0 ? 2 : 1;
    Ps[0] = P1; Qs[0] = Q1; prss[0] = prs1; pkss[0] = pks1; ldqs[0] = ldq1; ks[0] = k1;
    Ps[1] = P2; Qs[1] = Q2; prss[1] = prs2; pkss[1] = pks2; ldqs[1] = ldq2; ks[1] = k2;
    SG_PANEL(sg_vec_a2, 4, 2, 4)
    SG_PANEL(sg_vec_a2, 4, 1, 4)
    SG_PANEL(sg_vech_a2, 2, 1, 4)
    for (; c0 < n; ++c0) {
        sg_real acc[4];
        int r, k, j;
        for (r = 0; r < 4; ++r) acc[r] = bias ? bias[c0] : 0;
        for (j = 0; j < np; ++j)
            for (k = 0; k < ks[j]; ++k)
                for (r = 0; r < 4; ++r)
                    acc[r] += Ps[j][r * prss[j] + k * pkss[j]] * Qs[j][k * ldqs[j] + c0];
        for (r = 0; r < 4; ++r) C[r * ldc + c0] = add ? C[r * ldc + c0] + acc[r] : acc[r];
    }
}

SG_UNUSED SG_NOCLONE __attribute__((target("avx2,fma"))) static void sg_gemm_blk_a2(int m, SG_ROWS_ARGS)
{
    int r0 = 0;
    for (; r0 + 4 <= m; r0 += 4) {
        sg_gemm_rows4_a2(n, k1, P1 + r0 * prs1, prs1, pks1, Q1, ldq1, k2, P2 ? P2 + r0 * prs2 : P2,
            prs2, pks2, Q2, ldq2, C + r0 * ldc, ldc, bias, add);
    }
    if (r0 + 2 <= m) {
        sg_gemm_rows2_a2(n, k1, P1 + r0 * prs1, prs1, pks1, Q1, ldq1, k2, P2 ? P2 + r0 * prs2 : P2,
            prs2, pks2, Q2, ldq2, C + r0 * ldc, ldc, bias, add);
        r0 += 2;
    }
    if (r0 + 1 <= m) {
        sg_gemm_rows1_a2(n, k1, P1 + r0 * prs1, prs1, pks1, Q1, ldq1, k2, P2 ? P2 + r0 * prs2 : P2,
            prs2, pks2, Q2, ldq2, C + r0 * ldc, ldc, bias, add);
        r0 += 1;
    }
}

/* large operands: KC × NC blocks of Q (~128 KiB) stay in L2 while every row block uses them */
SG_UNUSED SG_NOCLONE __attribute__((target("avx2,fma"))) static void sg_gemm_a2(SG_GEMM_ARGS)
{
    const int nc_max = 8 * 4;
    int k0, c0;
    if ((long)kk * n <= (long)SG_KC * nc_max || m <= 4) {
        sg_gemm_blk_a2(m, n, kk, P, prs, pks, Q, ldq, 0, 0, 0, 0, 0, 0, C, ldc, bias, add);
        return;
    }
    for (k0 = 0; k0 < kk; k0 += SG_KC) {
        const int kc = kk - k0 < SG_KC ? kk - k0 : SG_KC;
        for (c0 = 0; c0 < n; c0 += nc_max) {
            const int nc = n - c0 < nc_max ? n - c0 : nc_max;
            sg_gemm_blk_a2(m, nc, kc, P + k0 * pks, prs, pks, Q + k0 * ldq + c0, ldq, 0, 0, 0, 0,
                            0, 0, C + c0, ldc, k0 == 0 && bias ? bias + c0 : 0, k0 > 0 || add);
        }
    }
}

SG_UNUSED SG_NOCLONE __attribute__((target("avx2,fma"))) static void sg_gemm2_a2(SG_GEMM2_ARGS)
{
    if ((long)(k1 > k2 ? k1 : k2) * n <= (long)SG_KC * 8 * 4 || m <= 4) {
        sg_gemm_blk_a2(m, n, k1, P1, prs1, pks1, Q1, ldq1, k2, P2, prs2, pks2, Q2, ldq2, C, ldc,
                        bias, add);
    } else {
        sg_gemm_a2(m, n, k1, P1, prs1, pks1, Q1, ldq1, C, ldc, bias, add);
        sg_gemm_a2(m, n, k2, P2, prs2, pks2, Q2, ldq2, C, ldc, 0, 1);
    }
}

/* horizontal sum as a tree (short dependency chains) */
SG_INLINE __attribute__((target("avx2,fma"))) sg_real sg_hsum_a2(sg_vec_a2 a)
{
    sg_real t[4];
    int w, l;
    memcpy(t, &a, sizeof t);
    for (w = 4 / 2; w >= 1; w /= 2)
        for (l = 0; l < w; ++l) t[l] += t[l + w];
    return t[0];
}

SG_UNUSED SG_NOCLONE __attribute__((target("avx2,fma"))) static void sg_gemm_dot_a2(SG_DOT_ARGS)
{
    enum { DR = 4, VL = 4 };  /* rows of W per block, lanes */
    const int kv = kk / VL * VL;
    int s, i, k, r;
    for (s = 0; s < ns; ++s) {
        const sg_real *restrict x = X + s * ldx;
        sg_real *restrict z = Z + s * ldz;
        for (i = 0; i + DR <= m; i += DR) {  /* DR rows of W at a time, x loaded once */
            const sg_real *restrict w = W + (long)i * kk;
            sg_vec_a2 a[DR];
            sg_real t[DR];
            for (r = 0; r < DR; ++r) a[r] = (sg_vec_a2){0};
            for (k = 0; k < kv; k += VL) {
                const sg_vec_a2 xv = *(const sg_vec_a2 *)(x + k);
                for (r = 0; r < DR; ++r) a[r] += xv * *(const sg_vec_a2 *)(w + (long)r * kk + k);
            }
            for (r = 0; r < DR; ++r) {
                sg_real u = sg_hsum_a2(a[r]);
                for (k = kv; k < kk; ++k) u += x[k] * w[(long)r * kk + k];
                t[r] = u;
            }
            for (r = 0; r < DR; ++r) z[i + r] = (bias ? bias[i + r] : (add ? z[i + r] : 0)) + t[r];
        }
        for (; i < m; ++i) {
            const sg_real *restrict w0 = W + (long)i * kk;
            sg_vec_a2 a0 = {0};
            sg_real t0;
            for (k = 0; k < kv; k += VL) a0 += *(const sg_vec_a2 *)(x + k) * *(const sg_vec_a2 *)(w0 + k);
            t0 = sg_hsum_a2(a0);
            for (k = kv; k < kk; ++k) t0 += x[k] * w0[k];
            z[i] = (bias ? bias[i] : (add ? z[i] : 0)) + t0;
        }
    }
}
#    endif
/* AVX-512 versions, used when the CPU has AVX-512F */
typedef sg_real sg_vec_a5 __attribute__((vector_size(64), aligned(SG_RB), may_alias));
typedef sg_real sg_vech_a5 __attribute__((vector_size(32), aligned(SG_RB), may_alias));
SG_UNUSED SG_NOCLONE __attribute__((target("avx512f"))) static void sg_gemm_rows1_a5(SG_ROWS_ARGS)
{
    const sg_real *Ps[2], *Qs[2];
    long prss[2], pkss[2], ldqs[2];
    int ks[2], c0 = 0;
    const int np = k2 > 0 ? 2 : 1;
    Ps[0] = P1; Qs[0] = Q1; prss[0] = prs1; pkss[0] = pks1; ldqs[0] = ldq1; ks[0] = k1;
    Ps[1] = P2; Qs[1] = Q2; prss[1] = prs2; pkss[1] = pks2; ldqs[1] = ldq2; ks[1] = k2;
    SG_PANEL(sg_vec_a5, 8, 8, 1)
    SG_PANEL(sg_vec_a5, 8, 2, 1)
    SG_PANEL(sg_vec_a5, 8, 1, 1)
    SG_PANEL(sg_vech_a5, 4, 1, 1)
    for (; c0 < n; ++c0) {
        sg_real acc[1];
        int r, k, j;
        for (r = 0; r < 1; ++r) acc[r] = bias ? bias[c0] : 0;
        for (j = 0; j < np; ++j)
            for (k = 0; k < ks[j]; ++k)
                for (r = 0; r < 1; ++r)
                    acc[r] += Ps[j][r * prss[j] + k * pkss[j]] * Qs[j][k * ldqs[j] + c0];
        for (r = 0; r < 1; ++r) C[r * ldc + c0] = add ? C[r * ldc + c0] + acc[r] : acc[r];
    }
}
SG_UNUSED SG_NOCLONE __attribute__((target("avx512f"))) static void sg_gemm_rows2_a5(SG_ROWS_ARGS)
{
    const sg_real *Ps[2], *Qs[2];
    long prss[2], pkss[2], ldqs[2];
    int ks[2], c0 = 0;
    const int np = k2 > 0 ? 2 : 1;
    Ps[0] = P1; Qs[0] = Q1; prss[0] = prs1; pkss[0] = pks1; ldqs[0] = ldq1; ks[0] = k1;
    Ps[1] = P2; Qs[1] = Q2; prss[1] = prs2; pkss[1] = pks2; ldqs[1] = ldq2; ks[1] = k2;
    SG_PANEL(sg_vec_a5, 8, 4, 2)
    SG_PANEL(sg_vec_a5, 8, 2, 2)
    SG_PANEL(sg_vec_a5, 8, 1, 2)
    SG_PANEL(sg_vech_a5, 4, 1, 2)
    for (; c0 < n; ++c0) {
        sg_real acc[2];
        int r, k, j;
        for (r = 0; r < 2; ++r) acc[r] = bias ? bias[c0] : 0;
        for (j = 0; j < np; ++j)
            for (k = 0; k < ks[j]; ++k)
                for (r = 0; r < 2; ++r)
                    acc[r] += Ps[j][r * prss[j] + k * pkss[j]] * Qs[j][k * ldqs[j] + c0];
        for (r = 0; r < 2; ++r) C[r * ldc + c0] = add ? C[r * ldc + c0] + acc[r] : acc[r];
    }
}
SG_UNUSED SG_NOCLONE __attribute__((target("avx512f"))) static void sg_gemm_rows4_a5(SG_ROWS_ARGS)
{
    const sg_real *Ps[2], *Qs[2];
    long prss[2], pkss[2], ldqs[2];
    int ks[2], c0 = 0;
    const int np = k2 > 0 ? 2 : 1;
    Ps[0] = P1; Qs[0] = Q1; prss[0] = prs1; pkss[0] = pks1; ldqs[0] = ldq1; ks[0] = k1;
    Ps[1] = P2; Qs[1] = Q2; prss[1] = prs2; pkss[1] = pks2; ldqs[1] = ldq2; ks[1] = k2;
    SG_PANEL(sg_vec_a5, 8, 4, 4)
    SG_PANEL(sg_vec_a5, 8, 2, 4)
    SG_PANEL(sg_vec_a5, 8, 1, 4)
    SG_PANEL(sg_vech_a5, 4, 1, 4)
    for (; c0 < n; ++c0) {
        sg_real acc[4];
        int r, k, j;
        for (r = 0; r < 4; ++r) acc[r] = bias ? bias[c0] : 0;
        for (j = 0; j < np; ++j)
            for (k = 0; k < ks[j]; ++k)
                for (r = 0; r < 4; ++r)
                    acc[r] += Ps[j][r * prss[j] + k * pkss[j]] * Qs[j][k * ldqs[j] + c0];
        for (r = 0; r < 4; ++r) C[r * ldc + c0] = add ? C[r * ldc + c0] + acc[r] : acc[r];
    }
}
SG_UNUSED SG_NOCLONE __attribute__((target("avx512f"))) static void sg_gemm_rows8_a5(SG_ROWS_ARGS)
{
    const sg_real *Ps[2], *Qs[2];
    long prss[2], pkss[2], ldqs[2];
    int ks[2], c0 = 0;
    const int np = k2 > 0 ? 2 : 1;
    Ps[0] = P1; Qs[0] = Q1; prss[0] = prs1; pkss[0] = pks1; ldqs[0] = ldq1; ks[0] = k1;
    Ps[1] = P2; Qs[1] = Q2; prss[1] = prs2; pkss[1] = pks2; ldqs[1] = ldq2; ks[1] = k2;
    SG_PANEL(sg_vec_a5, 8, 2, 8)
    SG_PANEL(sg_vec_a5, 8, 1, 8)
    SG_PANEL(sg_vech_a5, 4, 1, 8)
    for (; c0 < n; ++c0) {
        sg_real acc[8];
        int r, k, j;
        for (r = 0; r < 8; ++r) acc[r] = bias ? bias[c0] : 0;
        for (j = 0; j < np; ++j)
            for (k = 0; k < ks[j]; ++k)
                for (r = 0; r < 8; ++r)
                    acc[r] += Ps[j][r * prss[j] + k * pkss[j]] * Qs[j][k * ldqs[j] + c0];
        for (r = 0; r < 8; ++r) C[r * ldc + c0] = add ? C[r * ldc + c0] + acc[r] : acc[r];
    }
}

SG_UNUSED SG_NOCLONE __attribute__((target("avx512f"))) static void sg_gemm_blk_a5(int m, SG_ROWS_ARGS)
{
    int r0 = 0;
    for (; r0 + 8 <= m; r0 += 8) {
        sg_gemm_rows8_a5(n, k1, P1 + r0 * prs1, prs1, pks1, Q1, ldq1, k2, P2 ? P2 + r0 * prs2 : P2,
            prs2, pks2, Q2, ldq2, C + r0 * ldc, ldc, bias, add);
    }
    if (r0 + 4 <= m) {
        sg_gemm_rows4_a5(n, k1, P1 + r0 * prs1, prs1, pks1, Q1, ldq1, k2, P2 ? P2 + r0 * prs2 : P2,
            prs2, pks2, Q2, ldq2, C + r0 * ldc, ldc, bias, add);
        r0 += 4;
    }
    if (r0 + 2 <= m) {
        sg_gemm_rows2_a5(n, k1, P1 + r0 * prs1, prs1, pks1, Q1, ldq1, k2, P2 ? P2 + r0 * prs2 : P2,
            prs2, pks2, Q2, ldq2, C + r0 * ldc, ldc, bias, add);
        r0 += 2;
    }
    if (r0 + 1 <= m) {
        sg_gemm_rows1_a5(n, k1, P1 + r0 * prs1, prs1, pks1, Q1, ldq1, k2, P2 ? P2 + r0 * prs2 : P2,
            prs2, pks2, Q2, ldq2, C + r0 * ldc, ldc, bias, add);
        r0 += 1;
    }
}

/* large operands: KC × NC blocks of Q (~128 KiB) stay in L2 while every row block uses them */
SG_UNUSED SG_NOCLONE __attribute__((target("avx512f"))) static void sg_gemm_a5(SG_GEMM_ARGS)
{
    const int nc_max = 8 * 8;
    int k0, c0;
    if ((long)kk * n <= (long)SG_KC * nc_max || m <= 8) {
        sg_gemm_blk_a5(m, n, kk, P, prs, pks, Q, ldq, 0, 0, 0, 0, 0, 0, C, ldc, bias, add);
        return;
    }
    for (k0 = 0; k0 < kk; k0 += SG_KC) {
        const int kc = kk - k0 < SG_KC ? kk - k0 : SG_KC;
        for (c0 = 0; c0 < n; c0 += nc_max) {
            const int nc = n - c0 < nc_max ? n - c0 : nc_max;
            sg_gemm_blk_a5(m, nc, kc, P + k0 * pks, prs, pks, Q + k0 * ldq + c0, ldq, 0, 0, 0, 0,
                            0, 0, C + c0, ldc, k0 == 0 && bias ? bias + c0 : 0, k0 > 0 || add);
        }
    }
}

SG_UNUSED SG_NOCLONE __attribute__((target("avx512f"))) static void sg_gemm2_a5(SG_GEMM2_ARGS)
{
    if ((long)(k1 > k2 ? k1 : k2) * n <= (long)SG_KC * 8 * 8 || m <= 8) {
        sg_gemm_blk_a5(m, n, k1, P1, prs1, pks1, Q1, ldq1, k2, P2, prs2, pks2, Q2, ldq2, C, ldc,
                        bias, add);
    } else {
        sg_gemm_a5(m, n, k1, P1, prs1, pks1, Q1, ldq1, C, ldc, bias, add);
        sg_gemm_a5(m, n, k2, P2, prs2, pks2, Q2, ldq2, C, ldc, 0, 1);
    }
}

/* horizontal sum as a tree (short dependency chains) */
SG_INLINE __attribute__((target("avx512f"))) sg_real sg_hsum_a5(sg_vec_a5 a)
{
    sg_real t[8];
    int w, l;
    memcpy(t, &a, sizeof t);
    for (w = 8 / 2; w >= 1; w /= 2)
        for (l = 0; l < w; ++l) t[l] += t[l + w];
    return t[0];
}

SG_UNUSED SG_NOCLONE __attribute__((target("avx512f"))) static void sg_gemm_dot_a5(SG_DOT_ARGS)
{
    enum { DR = 8, VL = 8 };  /* rows of W per block, lanes */
    const int kv = kk / VL * VL;
    int s, i, k, r;
    for (s = 0; s < ns; ++s) {
        const sg_real *restrict x = X + s * ldx;
        sg_real *restrict z = Z + s * ldz;
        for (i = 0; i + DR <= m; i += DR) {  /* DR rows of W at a time, x loaded once */
            const sg_real *restrict w = W + (long)i * kk;
            sg_vec_a5 a[DR];
            sg_real t[DR];
            for (r = 0; r < DR; ++r) a[r] = (sg_vec_a5){0};
            for (k = 0; k < kv; k += VL) {
                const sg_vec_a5 xv = *(const sg_vec_a5 *)(x + k);
                for (r = 0; r < DR; ++r) a[r] += xv * *(const sg_vec_a5 *)(w + (long)r * kk + k);
            }
            for (r = 0; r < DR; ++r) {
                sg_real u = sg_hsum_a5(a[r]);
                for (k = kv; k < kk; ++k) u += x[k] * w[(long)r * kk + k];
                t[r] = u;
            }
            for (r = 0; r < DR; ++r) z[i + r] = (bias ? bias[i + r] : (add ? z[i + r] : 0)) + t[r];
        }
        for (; i < m; ++i) {
            const sg_real *restrict w0 = W + (long)i * kk;
            sg_vec_a5 a0 = {0};
            sg_real t0;
            for (k = 0; k < kv; k += VL) a0 += *(const sg_vec_a5 *)(x + k) * *(const sg_vec_a5 *)(w0 + k);
            t0 = sg_hsum_a5(a0);
            for (k = kv; k < kk; ++k) t0 += x[k] * w0[k];
            z[i] = (bias ? bias[i] : (add ? z[i] : 0)) + t0;
        }
    }
}

static int sg_isa_level = -1;   /* 0: compile target, 1: AVX2 + FMA, 2: AVX-512F */
SG_INLINE int sg_isa(void)
{
    int l = sg_isa_level;
    if (l < 0) {   /* first call: ask the CPU (idempotent, so a race is harmless) */
        __builtin_cpu_init();
        l = 0;
#    ifndef __AVX2__
        if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) l = 1;
#    endif
        if (__builtin_cpu_supports("avx512f")) l = 2;
#    ifdef SG_ISA_MAX
        if (l > SG_ISA_MAX) l = SG_ISA_MAX;   /* e.g. -DSG_ISA_MAX=1: no AVX-512 */
#    endif
        sg_isa_level = l;
    }
    return l;
}
#    ifndef __AVX2__
#      define SG_CALL_ISA(f, args)                                                           \
    do { const int l_ = sg_isa(); if (l_ == 2) f##_a5 args; else if (l_ == 1) f##_a2 args;   \
         else f##_b args; } while (0)
#    else
#      define SG_CALL_ISA(f, args) do { if (sg_isa() == 2) f##_a5 args; else f##_b args; } while (0)
#    endif
#  else
#    define SG_CALL_ISA(f, args) f##_b args
#  endif

SG_INLINE void sg_gemm(SG_GEMM_ARGS)
{
    SG_CALL_ISA(sg_gemm, (m, n, kk, P, prs, pks, Q, ldq, C, ldc, bias, add));
}
SG_INLINE void sg_gemm2(SG_GEMM2_ARGS)
{
    SG_CALL_ISA(sg_gemm2, (m, n, k1, P1, prs1, pks1, Q1, ldq1, k2, P2, prs2, pks2, Q2, ldq2, C, ldc,
                           bias, add));
}
SG_INLINE void sg_gemm_dot(SG_DOT_ARGS)
{
    SG_CALL_ISA(sg_gemm_dot, (ns, m, kk, W, X, ldx, Z, ldz, bias, add));
}
#else
SG_UNUSED SG_NOCLONE static void sg_gemm(int m, int n, int kk, const sg_real *restrict P, long prs, long pks,
                              const sg_real *restrict Q, long ldq, sg_real *restrict C, long ldc,
                              const sg_real *restrict bias, int add)
{
    int r, c, k;
    for (r = 0; r < m; ++r) {
        sg_real *restrict cr = C + r * ldc;
        for (c = 0; c < n; ++c) cr[c] = bias ? bias[c] : (add ? cr[c] : 0);
        for (k = 0; k < kk; ++k) {
            const sg_real a = P[r * prs + k * pks];
            const sg_real *restrict q = Q + k * ldq;
            for (c = 0; c < n; ++c) cr[c] += a * q[c];
        }
    }
}
SG_UNUSED SG_NOCLONE static void sg_gemm2(int m, int n, int k1, const sg_real *restrict P1, long prs1,
                               long pks1, const sg_real *restrict Q1, long ldq1, int k2,
                               const sg_real *restrict P2, long prs2, long pks2,
                               const sg_real *restrict Q2, long ldq2, sg_real *restrict C,
                               long ldc, const sg_real *restrict bias, int add)
{
    sg_gemm(m, n, k1, P1, prs1, pks1, Q1, ldq1, C, ldc, bias, add);
    sg_gemm(m, n, k2, P2, prs2, pks2, Q2, ldq2, C, ldc, 0, 1);
}
SG_UNUSED SG_NOCLONE static void sg_gemm_dot(int ns, int m, int kk, const sg_real *restrict W,
                                  const sg_real *restrict X, long ldx, sg_real *restrict Z,
                                  long ldz, const sg_real *restrict bias, int add)
{
    int s, i, k;
    for (s = 0; s < ns; ++s)
        for (i = 0; i < m; ++i) {
            sg_real acc = 0;
            SG_SIMD_REDUCE(acc)
            for (k = 0; k < kk; ++k) acc += W[i * (long)kk + k] * X[s * ldx + k];
            Z[s * ldz + i] = (bias ? bias[i] : (add ? Z[s * ldz + i] : 0)) + acc;
        }
}
#endif

/* dst (C x R) = transpose of src (R x C), in 8 x 8 blocks */
SG_UNUSED SG_NOCLONE static void sg_transpose(int R, int C, const sg_real *restrict src, sg_real *restrict dst)
{
    int i0, j0, i, j;
    for (i0 = 0; i0 < R; i0 += 8)
        for (j0 = 0; j0 < C; j0 += 8) {
            const int ie = i0 + 8 < R ? i0 + 8 : R, je = j0 + 8 < C ? j0 + 8 : C;
            for (j = j0; j < je; ++j)
                for (i = i0; i < ie; ++i) dst[j * (long)R + i] = src[i * (long)C + j];
        }
}

/* ---- optional BLAS ---------------------------------------------------------------------------
   Compiled with -DSG_USE_BLAS, tile GEMMs above a size threshold call cblas_?gemm once per tile
   (when the batch has at least SG_BLAS_MIN_BATCH samples); link any CBLAS, e.g. OpenBLAS:
   -DSG_USE_BLAS -lopenblas, or scipy-openblas32: -DSG_USE_BLAS -DSG_CBLAS_PREFIX=scipy_
   -I<include> -L<lib> -lscipy_openblas. SG_BLAS_INT is the CBLAS integer (int; long for ILP64). */
#ifdef SG_USE_BLAS
#  ifndef SG_CBLAS_PREFIX
#    define SG_CBLAS_PREFIX
#  endif
#  ifndef SG_BLAS_INT
#    define SG_BLAS_INT int
#  endif
#  ifndef SG_BLAS_MIN_BATCH
#    define SG_BLAS_MIN_BATCH 64
#  endif
#  define SG_CAT_(a, b) a##b
#  define SG_CAT(a, b) SG_CAT_(a, b)
#  define SG_CBLAS(name) SG_CAT(SG_CBLAS_PREFIX, name)
#  define SG_ROW_MAJOR 101
#  define SG_NO_TRANS 111
#  define SG_TRANS 112
void SG_CBLAS(cblas_dgemm)(int order, int transa, int transb,
    SG_BLAS_INT m, SG_BLAS_INT n, SG_BLAS_INT k, sg_real alpha, const sg_real *a, SG_BLAS_INT lda,
    const sg_real *b, SG_BLAS_INT ldb, sg_real beta, sg_real *c, SG_BLAS_INT ldc);
#  define SG_GEMM SG_CBLAS(cblas_dgemm)
#endif


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
    case 5: return 256L;
    case 6: return 8L;
    case 7: return 1536L;
    case 8: return 4104L;
    case 9: return 7944L;
    case 10: return 7964L;
    case 11: return 4096L;
    default: return -1L;
    }
}

/* ==== forward: tile of 256 samples, workspace 1536 reals ==== */
int worked_example_ii_forward(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 6)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 2)) return SG_EDATA;
    const sg_real *restrict p_w1 = theta + 0;  /* [] */
    const sg_real *restrict p_b1 = theta + 1;  /* [] */
    const sg_real *restrict p_w2 = theta + 2;  /* [] */
    const sg_real *restrict p_b2 = theta + 3;  /* [] */
    const sg_real *restrict p_w3 = theta + 4;  /* [] */
    const sg_real *restrict p_b3 = theta + 5;  /* [] */
    sg_real *restrict t_z1 = work + 0;  /* tile [] */
    sg_real *restrict t_a1 = work + 256;  /* tile [] */
    sg_real *restrict t_z2 = work + 512;  /* tile [] */
    sg_real *restrict t_a2 = work + 768;  /* tile [] */
    sg_real *restrict t_z3 = work + 1024;  /* tile [] */
    sg_real *restrict t_yhat = work + 1280;  /* tile [] */
    (void)p_w1;
    (void)p_b1;
    (void)p_w2;
    (void)p_b2;
    (void)p_w3;
    (void)p_b3;
    /* ---- sample-invariant part (once per call) ---- */
    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
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

        /* yhat = sigmoid(z3) */
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

/* ==== loss_grad: tile of 256 samples, workspace 4104 reals ==== */
int worked_example_ii_loss_grad(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 6)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 2)) return SG_EDATA;
    const sg_real *restrict p_w1 = theta + 0;  /* [] */
    const sg_real *restrict p_b1 = theta + 1;  /* [] */
    const sg_real *restrict p_w2 = theta + 2;  /* [] */
    const sg_real *restrict p_b2 = theta + 3;  /* [] */
    const sg_real *restrict p_w3 = theta + 4;  /* [] */
    const sg_real *restrict p_b3 = theta + 5;  /* [] */
    sg_real *restrict t_z1 = work + 0;  /* tile [] */
    sg_real *restrict t_a1 = work + 256;  /* tile [] */
    sg_real *restrict t_z2 = work + 512;  /* tile [] */
    sg_real *restrict t_a2 = work + 768;  /* tile [] */
    sg_real *restrict t_z3 = work + 1024;  /* tile [] */
    sg_real *restrict t_yhat = work + 1280;  /* tile [] */
    sg_real *restrict t_L = work + 1536;  /* tile [] */
    sg_real *restrict t_d_yhat = work + 1792;  /* tile [] */
    sg_real *restrict t_d_z3 = work + 2048;  /* tile [] */
    sg_real *restrict t_d_a2 = work + 2304;  /* tile [] */
    sg_real *restrict t_d_w3 = work + 2560;  /* tile [] */
    sg_real *restrict t_d_z2 = work + 2816;  /* tile [] */
    sg_real *restrict t_d_a1 = work + 3072;  /* tile [] */
    sg_real *restrict t_d_w2 = work + 3328;  /* tile [] */
    sg_real *restrict t_d_z1 = work + 3584;  /* tile [] */
    sg_real *restrict t_d_w1 = work + 3840;  /* tile [] */
    sg_real *restrict r_L = work + 4096;  /* acc [] */
    sg_real *restrict r_d_z3 = grad + 5;  /* accumulated in place [] */
    sg_real *restrict r_d_w3 = grad + 4;  /* accumulated in place [] */
    sg_real *restrict r_d_z2 = grad + 3;  /* accumulated in place [] */
    sg_real *restrict r_d_w2 = grad + 2;  /* accumulated in place [] */
    sg_real *restrict r_d_z1 = grad + 1;  /* accumulated in place [] */
    sg_real *restrict r_d_w1 = grad + 0;  /* accumulated in place [] */
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
    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
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

        /* yhat = sigmoid(z3) */
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

        /* d[z1] = d[a1]*1[z1 > 0] */
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

        /* sum L over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_L[k] += t_L[s*1 + k];

        /* sum d[z3] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_z3[k] += t_d_z3[s*1 + k];

        /* sum d[w3] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_w3[k] += t_d_w3[s*1 + k];

        /* sum d[z2] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_z2[k] += t_d_z2[s*1 + k];

        /* sum d[w2] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_w2[k] += t_d_w2[s*1 + k];

        /* sum d[z1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_z1[k] += t_d_z1[s*1 + k];

        /* sum d[w1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_w1[k] += t_d_w1[s*1 + k];

    }
    /* ---- after the tiles ---- */
    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (r_L[0]);
    if (scale != 1) {
        for (int k = 0; k < 1; ++k) r_d_w1[k] *= scale;  /* grad: w1 */
        for (int k = 0; k < 1; ++k) r_d_z1[k] *= scale;  /* grad: b1 */
        for (int k = 0; k < 1; ++k) r_d_w2[k] *= scale;  /* grad: w2 */
        for (int k = 0; k < 1; ++k) r_d_z2[k] *= scale;  /* grad: b2 */
        for (int k = 0; k < 1; ++k) r_d_w3[k] *= scale;  /* grad: w3 */
        for (int k = 0; k < 1; ++k) r_d_z3[k] *= scale;  /* grad: b3 */
    }
    return SG_OK;
}

/* ==== hvp: tile of 256 samples, workspace 7944 reals ==== */
int worked_example_ii_hvp(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    sg_real *restrict t_a1 = work + 256;  /* tile [] */
    sg_real *restrict t_z2 = work + 512;  /* tile [] */
    sg_real *restrict t_a2 = work + 768;  /* tile [] */
    sg_real *restrict t_z3 = work + 1024;  /* tile [] */
    sg_real *restrict t_yhat = work + 1280;  /* tile [] */
    sg_real *restrict t_L = work + 1536;  /* tile [] */
    sg_real *restrict t_d_yhat = work + 1792;  /* tile [] */
    sg_real *restrict t_d_z3 = work + 2048;  /* tile [] */
    sg_real *restrict t_d_a2 = work + 2304;  /* tile [] */
    sg_real *restrict t_d_w3 = work + 2560;  /* tile [] */
    sg_real *restrict t_d_z2 = work + 2816;  /* tile [] */
    sg_real *restrict t_d_a1 = work + 3072;  /* tile [] */
    sg_real *restrict t_d_w2 = work + 3328;  /* tile [] */
    sg_real *restrict t_d_z1 = work + 3584;  /* tile [] */
    sg_real *restrict t_d_w1 = work + 3840;  /* tile [] */
    sg_real *restrict t_t_z1 = work + 4096;  /* tile [] */
    sg_real *restrict t_t_a1 = work + 4352;  /* tile [] */
    sg_real *restrict t_t_z2 = work + 4608;  /* tile [] */
    sg_real *restrict t_t_a2 = work + 4864;  /* tile [] */
    sg_real *restrict t_t_z3 = work + 5120;  /* tile [] */
    sg_real *restrict t_t_yhat = work + 5376;  /* tile [] */
    sg_real *restrict t_t_d_yhat = work + 5632;  /* tile [] */
    sg_real *restrict t_t_d_z3 = work + 5888;  /* tile [] */
    sg_real *restrict t_t_d_a2 = work + 6144;  /* tile [] */
    sg_real *restrict t_t_d_w3 = work + 6400;  /* tile [] */
    sg_real *restrict t_t_d_z2 = work + 6656;  /* tile [] */
    sg_real *restrict t_t_d_a1 = work + 6912;  /* tile [] */
    sg_real *restrict t_t_d_w2 = work + 7168;  /* tile [] */
    sg_real *restrict t_t_d_z1 = work + 7424;  /* tile [] */
    sg_real *restrict t_t_d_w1 = work + 7680;  /* tile [] */
    sg_real *restrict r_L = work + 7936;  /* acc [] */
    sg_real *restrict r_d_z3 = grad + 5;  /* accumulated in place [] */
    sg_real *restrict r_d_w3 = grad + 4;  /* accumulated in place [] */
    sg_real *restrict r_d_z2 = grad + 3;  /* accumulated in place [] */
    sg_real *restrict r_d_w2 = grad + 2;  /* accumulated in place [] */
    sg_real *restrict r_d_z1 = grad + 1;  /* accumulated in place [] */
    sg_real *restrict r_d_w1 = grad + 0;  /* accumulated in place [] */
    sg_real *restrict r_t_d_z3 = hv + 5;  /* accumulated in place [] */
    sg_real *restrict r_t_d_w3 = hv + 4;  /* accumulated in place [] */
    sg_real *restrict r_t_d_z2 = hv + 3;  /* accumulated in place [] */
    sg_real *restrict r_t_d_w2 = hv + 2;  /* accumulated in place [] */
    sg_real *restrict r_t_d_z1 = hv + 1;  /* accumulated in place [] */
    sg_real *restrict r_t_d_w1 = hv + 0;  /* accumulated in place [] */
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
    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
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

        /* yhat = sigmoid(z3) */
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

        /* d[z1] = d[a1]*1[z1 > 0] */
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

        /* t[a1] = t[z1]*1[z1 > 0] */
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

        /* t[d[z1]] = t[d[a1]]*1[z1 > 0] */
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

        /* sum L over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_L[k] += t_L[s*1 + k];

        /* sum d[z3] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_z3[k] += t_d_z3[s*1 + k];

        /* sum d[w3] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_w3[k] += t_d_w3[s*1 + k];

        /* sum d[z2] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_z2[k] += t_d_z2[s*1 + k];

        /* sum d[w2] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_w2[k] += t_d_w2[s*1 + k];

        /* sum d[z1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_z1[k] += t_d_z1[s*1 + k];

        /* sum d[w1] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_d_w1[k] += t_d_w1[s*1 + k];

        /* sum t[d[z3]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_t_d_z3[k] += t_t_d_z3[s*1 + k];

        /* sum t[d[w3]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_t_d_w3[k] += t_t_d_w3[s*1 + k];

        /* sum t[d[z2]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_t_d_z2[k] += t_t_d_z2[s*1 + k];

        /* sum t[d[w2]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_t_d_w2[k] += t_t_d_w2[s*1 + k];

        /* sum t[d[z1]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_t_d_z1[k] += t_t_d_z1[s*1 + k];

        /* sum t[d[w1]] over the tile */
        for (s = 0; s < nt; ++s)
            for (int k = 0; k < 1; ++k) r_t_d_w1[k] += t_t_d_w1[s*1 + k];

    }
    /* ---- after the tiles ---- */
    const sg_real scale = 1 / (sg_real)n;
    *loss = scale * (r_L[0]);
    if (scale != 1) {
        for (int k = 0; k < 1; ++k) r_d_w1[k] *= scale;  /* grad: w1 */
        for (int k = 0; k < 1; ++k) r_d_z1[k] *= scale;  /* grad: b1 */
        for (int k = 0; k < 1; ++k) r_d_w2[k] *= scale;  /* grad: w2 */
        for (int k = 0; k < 1; ++k) r_d_z2[k] *= scale;  /* grad: b2 */
        for (int k = 0; k < 1; ++k) r_d_w3[k] *= scale;  /* grad: w3 */
        for (int k = 0; k < 1; ++k) r_d_z3[k] *= scale;  /* grad: b3 */
        for (int k = 0; k < 1; ++k) r_t_d_w1[k] *= scale;  /* hv: w1 */
        for (int k = 0; k < 1; ++k) r_t_d_z1[k] *= scale;  /* hv: b1 */
        for (int k = 0; k < 1; ++k) r_t_d_w2[k] *= scale;  /* hv: w2 */
        for (int k = 0; k < 1; ++k) r_t_d_z2[k] *= scale;  /* hv: b2 */
        for (int k = 0; k < 1; ++k) r_t_d_w3[k] *= scale;  /* hv: w3 */
        for (int k = 0; k < 1; ++k) r_t_d_z3[k] *= scale;  /* hv: b3 */
    }
    return SG_OK;
}

/* ==== jacobian: tile of 256 samples, workspace 4096 reals ==== */
int worked_example_ii_jacobian(const sg_real *restrict theta, const sg_real *restrict data, long n,
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
    if (!sg_all_finite(theta, 6)) return SG_ETHETA;
    if (!sg_all_finite(data, n * 2)) return SG_EDATA;
    const sg_real *restrict p_w1 = theta + 0;  /* [] */
    const sg_real *restrict p_b1 = theta + 1;  /* [] */
    const sg_real *restrict p_w2 = theta + 2;  /* [] */
    const sg_real *restrict p_b2 = theta + 3;  /* [] */
    const sg_real *restrict p_w3 = theta + 4;  /* [] */
    const sg_real *restrict p_b3 = theta + 5;  /* [] */
    sg_real *restrict v_yhat = work + 0;  /* tile [] */
    sg_real *restrict t_z1 = work + 256;  /* tile [] */
    sg_real *restrict t_a1 = work + 512;  /* tile [] */
    sg_real *restrict t_z2 = work + 768;  /* tile [] */
    sg_real *restrict t_a2 = work + 1024;  /* tile [] */
    sg_real *restrict t_z3 = work + 1280;  /* tile [] */
    sg_real *restrict t_yhat = work + 1536;  /* tile [] */
    sg_real *restrict t_J0_d_z3 = work + 1792;  /* tile [] */
    sg_real *restrict t_J0_d_a2 = work + 2048;  /* tile [] */
    sg_real *restrict t_J0_d_w3 = work + 2304;  /* tile [] */
    sg_real *restrict t_J0_d_z2 = work + 2560;  /* tile [] */
    sg_real *restrict t_J0_d_a1 = work + 2816;  /* tile [] */
    sg_real *restrict t_J0_d_w2 = work + 3072;  /* tile [] */
    sg_real *restrict t_J0_d_z1 = work + 3328;  /* tile [] */
    sg_real *restrict t_J0_d_w1 = work + 3584;  /* tile [] */
    sg_real *restrict t_J0_d_x = work + 3840;  /* tile [] */
    (void)p_w1;
    (void)p_b1;
    (void)p_w2;
    (void)p_b2;
    (void)p_w3;
    (void)p_b3;
    memset(jac, 0, sizeof(sg_real) * (size_t)n * 8);
    /* ---- sample-invariant part (once per call) ---- */
    /* ---- tiles of 256 samples ---- */
    for (t0 = 0; t0 < n; t0 += 256) {
        nt = (int)(n - t0 < 256 ? n - t0 : 256);
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

        /* yhat = sigmoid(z3) */
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

            /* J0:d[z1] = J0:d[a1]*1[z1 > 0] */
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
    sg_real *restrict u = work + 7944;
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
