/* two_two_one.h: symgrad kernels for model 'two_two_one' (float64); generated, do not edit. */
#ifndef SYMGRAD_TWO_TWO_ONE_H
#define SYMGRAD_TWO_TWO_ONE_H

/* theta = W1[2, 2]@0, b1[2]@4, W2[2, 2]@6, b2[2]@10, W3[2]@12, b3[]@14
   data row = x[2]@0, y[]@2
   forward row = yhat[]@0
   jacobian: (n, 1, 18) = d(forward row)/d(data row, theta)
   Every function returns 0 (SG_OK) or 1 bad n, 2 non-finite theta, 3 non-finite data, 4 non-finite dir. */
#define TWO_TWO_ONE_N_PARAMS 15
#define TWO_TWO_ONE_DATA_WIDTH 3
#define TWO_TWO_ONE_OUT_WIDTH 1
#define TWO_TWO_ONE_WORK_FORWARD 2576  /* scratch reals for two_two_one_forward */
#define TWO_TWO_ONE_WORK_LOSS_GRAD 5144  /* scratch reals for two_two_one_loss_grad */
#define TWO_TWO_ONE_WORK_HVP 11048  /* scratch reals for two_two_one_hvp */
#define TWO_TWO_ONE_WORK_HESSIAN 11086  /* scratch reals for two_two_one_hessian */
#define TWO_TWO_ONE_WORK_JACOBIAN 8208  /* scratch reals for two_two_one_jacobian */

#ifdef __cplusplus
extern "C" {
#endif

long two_two_one_info(int what);
int two_two_one_forward(const double *theta, const double *data, long n,
    double *out, double *work);
int two_two_one_loss_grad(const double *theta, const double *data, long n,
    double *loss, double *grad, double *work);
int two_two_one_hvp(const double *theta, const double *data, long n,
    const double *dir, double *loss, double *grad,
    double *hv, double *work);
int two_two_one_hessian(const double *theta, const double *data, long n,
    double *loss, double *grad, double *H, double *work);
int two_two_one_jacobian(const double *theta, const double *data, long n,
    double *jac, double *work);

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif
