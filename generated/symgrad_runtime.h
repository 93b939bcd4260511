/* symgrad_runtime.h: the runtime shared by every symgrad-generated kernel file (GEMM micro-kernels,
   stable helpers, status codes); generated, do not edit. Plain C99 + libm; also compiles as C++.

   A kernel file defines SG_REAL_BITS (64: sg_real = double, 32: float; default 64) and then
   includes this header; one sg_real per translation unit. Everything here is static (inline),
   so kernel files compiled separately link together without clashes.
   Options (-D...): SG_NO_VECTOR_EXT (plain loops), SG_NO_DISPATCH (no run-time AVX2/AVX-512
   choice), SG_ISA_MAX=n, SG_NO_LIBMVEC, SG_MR, SG_KC, SG_USE_BLAS [SG_CBLAS_PREFIX, SG_BLAS_INT,
   SG_BLAS_MIN_BATCH]. */
#ifndef SYMGRAD_RUNTIME_H
#define SYMGRAD_RUNTIME_H
#define SYMGRAD_RUNTIME_ID 0x8eb30123UL  /* kernel files check that they get this header */

#ifndef SG_REAL_BITS
#  define SG_REAL_BITS 64
#endif
#if SG_REAL_BITS == 64
#  define SYMGRAD_RUNTIME_BITS 64
#  define SG_RB 8                      /* sizeof(sg_real), for the preprocessor */
#  define SG_FN(name) name             /* libm function of sg_real: SG_FN(exp) = exp */
#  define SG_LIT(x) x                  /* sg_real literal: SG_LIT(0.5) = 0.5 */
#elif SG_REAL_BITS == 32
#  define SYMGRAD_RUNTIME_BITS 32
#  define SG_RB 4
#  define SG_FN(name) name##f          /* expf, log1pf, ... */
#  define SG_LIT(x) x##F               /* 0.5F */
#else
#  error "symgrad_runtime.h: SG_REAL_BITS must be 64 (double) or 32 (float)"
#endif

#include <math.h>
#include <string.h>
#include <stdint.h>

#ifdef __cplusplus
/* C++ has no `restrict`; the compilers' spelling keeps the same aliasing promises */
#  ifndef restrict
#    if defined(__GNUC__) || defined(__clang__)
#      define restrict __restrict__
#    elif defined(_MSC_VER)
#      define restrict __restrict
#    else
#      define restrict
#    endif
#  endif
extern "C" {
#endif

#if SYMGRAD_RUNTIME_BITS == 64
typedef double sg_real;
#else
typedef float sg_real;
#endif


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
#if SYMGRAD_RUNTIME_BITS == 64
    typedef uint64_t sg_bits;
    const sg_bits E = 0x7ff0000000000000u, O = 0x0010000000000000u;
#else
    typedef uint32_t sg_bits;
    const sg_bits E = 0x7f800000u, O = 0x00800000u;
#endif
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
    const sg_real e = SG_FN(exp)(-SG_FN(fabs)(x));   /* never overflows */
    const sg_real r = SG_LIT(1.0) / (SG_LIT(1.0) + e);
    return x >= 0 ? r : e * r;
}
SG_INLINE sg_real sg_softplus(sg_real x)
{
    return (x > 0 ? x : SG_LIT(0.0)) + SG_FN(log1p)(SG_FN(exp)(-SG_FN(fabs)(x)));
}
SG_INLINE sg_real sg_relu(sg_real x) { return x > 0 ? x : SG_LIT(0.0); }
SG_INLINE sg_real sg_leaky_relu(sg_real x, sg_real a) { return x > 0 ? x : a * x; }
SG_INLINE sg_real sg_elu(sg_real x, sg_real a)
{
    return x > 0 ? x : a * SG_FN(expm1)(x < 0 ? x : SG_LIT(0.0));
}
SG_INLINE sg_real sg_silu(sg_real x) { return x * sg_sigmoid(x); }
SG_INLINE sg_real sg_gelu(sg_real x)
{
    return SG_LIT(0.5) * x * SG_FN(erfc)(-x * SG_LIT(0.70710678118654752440));
}
SG_INLINE sg_real sg_max(sg_real a, sg_real b) { return a > b ? a : b; }
SG_INLINE sg_real sg_sign(sg_real x) { return x > 0 ? SG_LIT(1.0) : (x < 0 ? -SG_LIT(1.0) : SG_LIT(0.0)); }
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
    SG_PANEL(sg_vec_a2, (32 / SG_RB), 4, 1)
    SG_PANEL(sg_vec_a2, (32 / SG_RB), 2, 1)
    SG_PANEL(sg_vec_a2, (32 / SG_RB), 1, 1)
    SG_PANEL(sg_vech_a2, (16 / SG_RB), 1, 1)
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
    SG_PANEL(sg_vec_a2, (32 / SG_RB), 2, 2)
    SG_PANEL(sg_vec_a2, (32 / SG_RB), 1, 2)
    SG_PANEL(sg_vech_a2, (16 / SG_RB), 1, 2)
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
    SG_PANEL(sg_vec_a2, (32 / SG_RB), 2, 4)
    SG_PANEL(sg_vec_a2, (32 / SG_RB), 1, 4)
    SG_PANEL(sg_vech_a2, (16 / SG_RB), 1, 4)
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
    const int nc_max = 8 * (32 / SG_RB);
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
    if ((long)(k1 > k2 ? k1 : k2) * n <= (long)SG_KC * 8 * (32 / SG_RB) || m <= 4) {
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
    sg_real t[(32 / SG_RB)];
    int w, l;
    memcpy(t, &a, sizeof t);
    for (w = (32 / SG_RB) / 2; w >= 1; w /= 2)
        for (l = 0; l < w; ++l) t[l] += t[l + w];
    return t[0];
}

SG_UNUSED SG_NOCLONE __attribute__((target("avx2,fma"))) static void sg_gemm_dot_a2(SG_DOT_ARGS)
{
    enum { DR = 4, VL = (32 / SG_RB) };  /* rows of W per block, lanes */
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
    SG_PANEL(sg_vec_a5, (64 / SG_RB), 8, 1)
    SG_PANEL(sg_vec_a5, (64 / SG_RB), 2, 1)
    SG_PANEL(sg_vec_a5, (64 / SG_RB), 1, 1)
    SG_PANEL(sg_vech_a5, (32 / SG_RB), 1, 1)
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
    SG_PANEL(sg_vec_a5, (64 / SG_RB), 4, 2)
    SG_PANEL(sg_vec_a5, (64 / SG_RB), 2, 2)
    SG_PANEL(sg_vec_a5, (64 / SG_RB), 1, 2)
    SG_PANEL(sg_vech_a5, (32 / SG_RB), 1, 2)
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
    SG_PANEL(sg_vec_a5, (64 / SG_RB), 4, 4)
    SG_PANEL(sg_vec_a5, (64 / SG_RB), 2, 4)
    SG_PANEL(sg_vec_a5, (64 / SG_RB), 1, 4)
    SG_PANEL(sg_vech_a5, (32 / SG_RB), 1, 4)
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
    SG_PANEL(sg_vec_a5, (64 / SG_RB), 2, 8)
    SG_PANEL(sg_vec_a5, (64 / SG_RB), 1, 8)
    SG_PANEL(sg_vech_a5, (32 / SG_RB), 1, 8)
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
    const int nc_max = 8 * (64 / SG_RB);
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
    if ((long)(k1 > k2 ? k1 : k2) * n <= (long)SG_KC * 8 * (64 / SG_RB) || m <= 8) {
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
    sg_real t[(64 / SG_RB)];
    int w, l;
    memcpy(t, &a, sizeof t);
    for (w = (64 / SG_RB) / 2; w >= 1; w /= 2)
        for (l = 0; l < w; ++l) t[l] += t[l + w];
    return t[0];
}

SG_UNUSED SG_NOCLONE __attribute__((target("avx512f"))) static void sg_gemm_dot_a5(SG_DOT_ARGS)
{
    enum { DR = 8, VL = (64 / SG_RB) };  /* rows of W per block, lanes */
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
#  if SYMGRAD_RUNTIME_BITS == 64
#    define SG_GEMM SG_CBLAS(cblas_dgemm)
#  else
#    define SG_GEMM SG_CBLAS(cblas_sgemm)
#  endif
void SG_GEMM(int order, int transa, int transb,
    SG_BLAS_INT m, SG_BLAS_INT n, SG_BLAS_INT k, sg_real alpha, const sg_real *a, SG_BLAS_INT lda,
    const sg_real *b, SG_BLAS_INT ldb, sg_real beta, sg_real *c, SG_BLAS_INT ldc);
#endif

#ifdef __cplusplus
}  /* extern "C" */
#endif

#elif defined(SG_REAL_BITS) && SG_REAL_BITS != SYMGRAD_RUNTIME_BITS
#  error "symgrad_runtime.h: float64 and float32 kernels need separate translation units"
#endif /* SYMGRAD_RUNTIME_H */
