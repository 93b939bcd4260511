/* max_pooling.h: symgrad kernels for model 'max_pooling' (float64); generated, do not edit. */
#ifndef SYMGRAD_MAX_POOLING_H
#define SYMGRAD_MAX_POOLING_H

/* theta = A[4, 4]@0
   data row = 
   forward row = pool[4]@0
   jacobian: (n, 4, 16) = d(forward row)/d(data row, theta)
   Every function returns 0 (SG_OK) or 1 bad n, 2 non-finite theta, 3 non-finite data, 4 non-finite dir. */
#define MAX_POOLING_N_PARAMS 16
#define MAX_POOLING_DATA_WIDTH 0
#define MAX_POOLING_OUT_WIDTH 4
#define MAX_POOLING_WORK_FORWARD 168  /* scratch reals for max_pooling_forward */
#define MAX_POOLING_WORK_LOSS_GRAD 312  /* scratch reals for max_pooling_loss_grad */
#define MAX_POOLING_WORK_HVP 312  /* scratch reals for max_pooling_hvp */
#define MAX_POOLING_WORK_HESSIAN 352  /* scratch reals for max_pooling_hessian */
#define MAX_POOLING_WORK_JACOBIAN 10368  /* scratch reals for max_pooling_jacobian */

#ifdef __cplusplus
extern "C" {
#endif

long max_pooling_info(int what);
int max_pooling_forward(const double *theta, const double *data, long n,
    double *out, double *work);
int max_pooling_loss_grad(const double *theta, const double *data, long n,
    double *loss, double *grad, double *work);
int max_pooling_hvp(const double *theta, const double *data, long n,
    const double *dir, double *loss, double *grad,
    double *hv, double *work);
int max_pooling_hessian(const double *theta, const double *data, long n,
    double *loss, double *grad, double *H, double *work);
int max_pooling_jacobian(const double *theta, const double *data, long n,
    double *jac, double *work);

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif
