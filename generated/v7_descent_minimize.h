/* v7_descent_minimize.h: symgrad kernels for model 'v7_descent_minimize' (float64); generated, do not edit. */
#ifndef SYMGRAD_V7_DESCENT_MINIMIZE_H
#define SYMGRAD_V7_DESCENT_MINIMIZE_H

/* theta = x1[]@0, x2[]@1
   data row = 
   forward row = L[]@0
   jacobian: (n, 1, 2) = d(forward row)/d(data row, theta)
   Every function returns 0 (SG_OK) or 1 bad n, 2 non-finite theta, 3 non-finite data, 4 non-finite dir. */
#define V7_DESCENT_MINIMIZE_N_PARAMS 2
#define V7_DESCENT_MINIMIZE_DATA_WIDTH 0
#define V7_DESCENT_MINIMIZE_OUT_WIDTH 1
#define V7_DESCENT_MINIMIZE_WORK_FORWARD 64  /* scratch reals for v7_descent_minimize_forward */
#define V7_DESCENT_MINIMIZE_WORK_LOSS_GRAD 112  /* scratch reals for v7_descent_minimize_loss_grad */
#define V7_DESCENT_MINIMIZE_WORK_HVP 192  /* scratch reals for v7_descent_minimize_hvp */
#define V7_DESCENT_MINIMIZE_WORK_HESSIAN 204  /* scratch reals for v7_descent_minimize_hessian */
#define V7_DESCENT_MINIMIZE_WORK_JACOBIAN 800  /* scratch reals for v7_descent_minimize_jacobian */

#ifdef __cplusplus
extern "C" {
#endif

long v7_descent_minimize_info(int what);
int v7_descent_minimize_forward(const double *theta, const double *data, long n,
    double *out, double *work);
int v7_descent_minimize_loss_grad(const double *theta, const double *data, long n,
    double *loss, double *grad, double *work);
int v7_descent_minimize_hvp(const double *theta, const double *data, long n,
    const double *dir, double *loss, double *grad,
    double *hv, double *work);
int v7_descent_minimize_hessian(const double *theta, const double *data, long n,
    double *loss, double *grad, double *H, double *work);
int v7_descent_minimize_jacobian(const double *theta, const double *data, long n,
    double *jac, double *work);

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif
