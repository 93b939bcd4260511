/* mlp_tanh.h: symgrad kernels for model 'mlp_tanh' (float64); generated, do not edit. */
#ifndef SYMGRAD_MLP_TANH_H
#define SYMGRAD_MLP_TANH_H

/* theta = W1[16, 4]@0, b1[16]@64, W2[16, 16]@80, b2[16]@336, W3[2, 16]@352, b3[2]@384
   data row = x[4]@0, y[2]@4
   forward row = yhat[2]@0
   jacobian: (n, 2, 392) = d(forward row)/d(data row, theta)
   Every function returns 0 (SG_OK) or 1 bad n, 2 non-finite theta, 3 non-finite data, 4 non-finite dir. */
#define MLP_TANH_N_PARAMS 386
#define MLP_TANH_DATA_WIDTH 6
#define MLP_TANH_OUT_WIDTH 2
#define MLP_TANH_WORK_FORWARD 17760  /* scratch reals for mlp_tanh_forward */
#define MLP_TANH_WORK_LOSS_GRAD 36672  /* scratch reals for mlp_tanh_loss_grad */
#define MLP_TANH_WORK_HVP 72032  /* scratch reals for mlp_tanh_hvp */
#define MLP_TANH_WORK_HESSIAN 72812  /* scratch reals for mlp_tanh_hessian */
#define MLP_TANH_WORK_JACOBIAN 124736  /* scratch reals for mlp_tanh_jacobian */

#ifdef __cplusplus
extern "C" {
#endif

long mlp_tanh_info(int what);
int mlp_tanh_forward(const double *theta, const double *data, long n,
    double *out, double *work);
int mlp_tanh_loss_grad(const double *theta, const double *data, long n,
    double *loss, double *grad, double *work);
int mlp_tanh_hvp(const double *theta, const double *data, long n,
    const double *dir, double *loss, double *grad,
    double *hv, double *work);
int mlp_tanh_hessian(const double *theta, const double *data, long n,
    double *loss, double *grad, double *H, double *work);
int mlp_tanh_jacobian(const double *theta, const double *data, long n,
    double *jac, double *work);

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif
