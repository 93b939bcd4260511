/* classifier_ce.h: symgrad kernels for model 'classifier_ce' (float64); generated, do not edit. */
#ifndef SYMGRAD_CLASSIFIER_CE_H
#define SYMGRAD_CLASSIFIER_CE_H

/* theta = W1[8, 3]@0, b1[8]@24, W2[4, 8]@32, b2[4]@64
   data row = x[3]@0, y[4]@3
   forward row = yhat[4]@0
   jacobian: (n, 4, 75) = d(forward row)/d(data row, theta)
   Every function returns 0 (SG_OK) or 1 bad n, 2 non-finite theta, 3 non-finite data, 4 non-finite dir. */
#define CLASSIFIER_CE_N_PARAMS 68
#define CLASSIFIER_CE_DATA_WIDTH 7
#define CLASSIFIER_CE_OUT_WIDTH 4
#define CLASSIFIER_CE_WORK_FORWARD 6200  /* scratch reals for classifier_ce_forward */
#define CLASSIFIER_CE_WORK_LOSS_GRAD 14688  /* scratch reals for classifier_ce_loss_grad */
#define CLASSIFIER_CE_WORK_HVP 28312  /* scratch reals for classifier_ce_hvp */
#define CLASSIFIER_CE_WORK_HESSIAN 28456  /* scratch reals for classifier_ce_hessian */
#define CLASSIFIER_CE_WORK_JACOBIAN 24344  /* scratch reals for classifier_ce_jacobian */

#ifdef __cplusplus
extern "C" {
#endif

long classifier_ce_info(int what);
int classifier_ce_forward(const double *theta, const double *data, long n,
    double *out, double *work);
int classifier_ce_loss_grad(const double *theta, const double *data, long n,
    double *loss, double *grad, double *work);
int classifier_ce_hvp(const double *theta, const double *data, long n,
    const double *dir, double *loss, double *grad,
    double *hv, double *work);
int classifier_ce_hessian(const double *theta, const double *data, long n,
    double *loss, double *grad, double *H, double *work);
int classifier_ce_jacobian(const double *theta, const double *data, long n,
    double *jac, double *work);

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif
