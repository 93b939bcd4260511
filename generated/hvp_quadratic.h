/* hvp_quadratic.h: symgrad kernels for model 'hvp_quadratic' (float64); generated, do not edit. */
#ifndef SYMGRAD_HVP_QUADRATIC_H
#define SYMGRAD_HVP_QUADRATIC_H

/* theta = w1[]@0, w2[]@1
   data row = 
   forward row = f[]@0
   jacobian: (n, 1, 2) = d(forward row)/d(data row, theta)
   Every function returns 0 (SG_OK) or 1 bad n, 2 non-finite theta, 3 non-finite data, 4 non-finite dir. */
#define HVP_QUADRATIC_N_PARAMS 2
#define HVP_QUADRATIC_DATA_WIDTH 0
#define HVP_QUADRATIC_OUT_WIDTH 1
#define HVP_QUADRATIC_WORK_FORWARD 8  /* scratch reals for hvp_quadratic_forward */
#define HVP_QUADRATIC_WORK_LOSS_GRAD 24  /* scratch reals for hvp_quadratic_loss_grad */
#define HVP_QUADRATIC_WORK_HVP 40  /* scratch reals for hvp_quadratic_hvp */
#define HVP_QUADRATIC_WORK_HESSIAN 52  /* scratch reals for hvp_quadratic_hessian */
#define HVP_QUADRATIC_WORK_JACOBIAN 768  /* scratch reals for hvp_quadratic_jacobian */

#ifdef __cplusplus
extern "C" {
#endif

long hvp_quadratic_info(int what);
int hvp_quadratic_forward(const double *theta, const double *data, long n,
    double *out, double *work);
int hvp_quadratic_loss_grad(const double *theta, const double *data, long n,
    double *loss, double *grad, double *work);
int hvp_quadratic_hvp(const double *theta, const double *data, long n,
    const double *dir, double *loss, double *grad,
    double *hv, double *work);
int hvp_quadratic_hessian(const double *theta, const double *data, long n,
    double *loss, double *grad, double *H, double *work);
int hvp_quadratic_jacobian(const double *theta, const double *data, long n,
    double *jac, double *work);

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif
