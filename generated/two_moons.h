/* two_moons.h: symgrad kernels for model 'two_moons' (float64); generated, do not edit. */
#ifndef SYMGRAD_TWO_MOONS_H
#define SYMGRAD_TWO_MOONS_H

/* theta = W1[16, 2]@0, b1[16]@32, W2[2, 16]@48, b2[2]@80
   data row = x[2]@0, y[2]@2
   forward row = yhat[2]@0
   jacobian: (n, 2, 86) = d(forward row)/d(data row, theta)
   Every function returns 0 (SG_OK) or 1 bad n, 2 non-finite theta, 3 non-finite data, 4 non-finite dir. */
#define TWO_MOONS_N_PARAMS 82
#define TWO_MOONS_DATA_WIDTH 4
#define TWO_MOONS_OUT_WIDTH 2
#define TWO_MOONS_WORK_FORWARD 9280  /* scratch reals for two_moons_forward */
#define TWO_MOONS_WORK_LOSS_GRAD 19816  /* scratch reals for two_moons_loss_grad */
#define TWO_MOONS_WORK_HVP 39080  /* scratch reals for two_moons_hvp */
#define TWO_MOONS_WORK_HESSIAN 39252  /* scratch reals for two_moons_hessian */
#define TWO_MOONS_WORK_JACOBIAN 33824  /* scratch reals for two_moons_jacobian */

#ifdef __cplusplus
extern "C" {
#endif

long two_moons_info(int what);
int two_moons_forward(const double *theta, const double *data, long n,
    double *out, double *work);
int two_moons_loss_grad(const double *theta, const double *data, long n,
    double *loss, double *grad, double *work);
int two_moons_hvp(const double *theta, const double *data, long n,
    const double *dir, double *loss, double *grad,
    double *hv, double *work);
int two_moons_hessian(const double *theta, const double *data, long n,
    double *loss, double *grad, double *H, double *work);
int two_moons_jacobian(const double *theta, const double *data, long n,
    double *jac, double *work);

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif
