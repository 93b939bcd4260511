/* worked_example_iii.h: symgrad kernels for model 'worked_example_iii' (float64); generated, do not edit. */
#ifndef SYMGRAD_WORKED_EXAMPLE_III_H
#define SYMGRAD_WORKED_EXAMPLE_III_H

/* theta = w1[]@0, b1[]@1, w2[]@2, b2[]@3, w3[]@4, b3[]@5
   data row = x[]@0, y[]@1
   forward row = yhat[]@0
   jacobian: (n, 1, 8) = d(forward row)/d(data row, theta)
   Every function returns 0 (SG_OK) or 1 bad n, 2 non-finite theta, 3 non-finite data, 4 non-finite dir. */
#define WORKED_EXAMPLE_III_N_PARAMS 6
#define WORKED_EXAMPLE_III_DATA_WIDTH 2
#define WORKED_EXAMPLE_III_OUT_WIDTH 1
#define WORKED_EXAMPLE_III_WORK_FORWARD 256  /* scratch reals for worked_example_iii_forward */
#define WORKED_EXAMPLE_III_WORK_LOSS_GRAD 8  /* scratch reals for worked_example_iii_loss_grad */
#define WORKED_EXAMPLE_III_WORK_HVP 8  /* scratch reals for worked_example_iii_hvp */
#define WORKED_EXAMPLE_III_WORK_HESSIAN 28  /* scratch reals for worked_example_iii_hessian */
#define WORKED_EXAMPLE_III_WORK_JACOBIAN 3072  /* scratch reals for worked_example_iii_jacobian */

#ifdef __cplusplus
extern "C" {
#endif

long worked_example_iii_info(int what);
int worked_example_iii_forward(const double *theta, const double *data, long n,
    double *out, double *work);
int worked_example_iii_loss_grad(const double *theta, const double *data, long n,
    double *loss, double *grad, double *work);
int worked_example_iii_hvp(const double *theta, const double *data, long n,
    const double *dir, double *loss, double *grad,
    double *hv, double *work);
int worked_example_iii_hessian(const double *theta, const double *data, long n,
    double *loss, double *grad, double *H, double *work);
int worked_example_iii_jacobian(const double *theta, const double *data, long n,
    double *jac, double *work);

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif
