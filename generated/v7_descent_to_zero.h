/* v7_descent_to_zero.h: symgrad kernels for model 'v7_descent_to_zero' (float64); generated, do not edit. */
#ifndef SYMGRAD_V7_DESCENT_TO_ZERO_H
#define SYMGRAD_V7_DESCENT_TO_ZERO_H

/* theta = x1[]@0, x2[]@1
   data row = 
   forward row = L[]@0
   jacobian: (n, 1, 2) = d(forward row)/d(data row, theta)
   Every function returns 0 (SG_OK) or 1 bad n, 2 non-finite theta, 3 non-finite data, 4 non-finite dir. */
#define V7_DESCENT_TO_ZERO_N_PARAMS 2
#define V7_DESCENT_TO_ZERO_DATA_WIDTH 0
#define V7_DESCENT_TO_ZERO_OUT_WIDTH 1
#define V7_DESCENT_TO_ZERO_WORK_FORWARD 64  /* scratch reals for v7_descent_to_zero_forward */
#define V7_DESCENT_TO_ZERO_WORK_LOSS_GRAD 128  /* scratch reals for v7_descent_to_zero_loss_grad */
#define V7_DESCENT_TO_ZERO_WORK_HVP 248  /* scratch reals for v7_descent_to_zero_hvp */
#define V7_DESCENT_TO_ZERO_WORK_HESSIAN 260  /* scratch reals for v7_descent_to_zero_hessian */
#define V7_DESCENT_TO_ZERO_WORK_JACOBIAN 824  /* scratch reals for v7_descent_to_zero_jacobian */

#ifdef __cplusplus
extern "C" {
#endif

long v7_descent_to_zero_info(int what);
int v7_descent_to_zero_forward(const double *theta, const double *data, long n,
    double *out, double *work);
int v7_descent_to_zero_loss_grad(const double *theta, const double *data, long n,
    double *loss, double *grad, double *work);
int v7_descent_to_zero_hvp(const double *theta, const double *data, long n,
    const double *dir, double *loss, double *grad,
    double *hv, double *work);
int v7_descent_to_zero_hessian(const double *theta, const double *data, long n,
    double *loss, double *grad, double *H, double *work);
int v7_descent_to_zero_jacobian(const double *theta, const double *data, long n,
    double *jac, double *work);

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif
