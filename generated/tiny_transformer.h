/* tiny_transformer.h: symgrad kernels for model 'tiny_transformer' (float64); generated, do not edit. */
#ifndef SYMGRAD_TINY_TRANSFORMER_H
#define SYMGRAD_TINY_TRANSFORMER_H

/* theta = Wq1[8, 8]@0, Wk1[8, 8]@64, Wv1[8, 8]@128, Wo1[8, 8]@192, bq1[8]@256, bk1[8]@264, bv1[8]@272, bo1[8]@280, gamma2[8]@288, beta2[8]@296, W3[8, 8]@304, b3[8]@368, W5[3, 32]@376, b5[3]@472
   data row = x[4, 8]@0, y[3]@32
   forward row = yhat[3]@0
   jacobian: (n, 3, 510) = d(forward row)/d(data row, theta)
   Every function returns 0 (SG_OK) or 1 bad n, 2 non-finite theta, 3 non-finite data, 4 non-finite dir. */
#define TINY_TRANSFORMER_N_PARAMS 475
#define TINY_TRANSFORMER_DATA_WIDTH 35
#define TINY_TRANSFORMER_OUT_WIDTH 3
#define TINY_TRANSFORMER_WORK_FORWARD 126016  /* scratch reals for tiny_transformer_forward */
#define TINY_TRANSFORMER_WORK_LOSS_GRAD 78792  /* scratch reals for tiny_transformer_loss_grad */
#define TINY_TRANSFORMER_WORK_HVP 92760  /* scratch reals for tiny_transformer_hvp */
#define TINY_TRANSFORMER_WORK_HESSIAN 93718  /* scratch reals for tiny_transformer_hessian */
#define TINY_TRANSFORMER_WORK_JACOBIAN 85312  /* scratch reals for tiny_transformer_jacobian */

#ifdef __cplusplus
extern "C" {
#endif

long tiny_transformer_info(int what);
int tiny_transformer_forward(const double *theta, const double *data, long n,
    double *out, double *work);
int tiny_transformer_loss_grad(const double *theta, const double *data, long n,
    double *loss, double *grad, double *work);
int tiny_transformer_hvp(const double *theta, const double *data, long n,
    const double *dir, double *loss, double *grad,
    double *hv, double *work);
int tiny_transformer_hessian(const double *theta, const double *data, long n,
    double *loss, double *grad, double *H, double *work);
int tiny_transformer_jacobian(const double *theta, const double *data, long n,
    double *jac, double *work);

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif
