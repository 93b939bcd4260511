/* small_cnn.h: symgrad kernels for model 'small_cnn' (float64); generated, do not edit. */
#ifndef SYMGRAD_SMALL_CNN_H
#define SYMGRAD_SMALL_CNN_H

/* theta = W1[2, 1, 3, 3]@0, b1[2]@18, W4[2, 32]@20, b4[2]@84
   data row = x[1, 8, 8]@0, y[2]@64
   forward row = yhat[2]@0
   jacobian: (n, 2, 152) = d(forward row)/d(data row, theta)
   Every function returns 0 (SG_OK) or 1 bad n, 2 non-finite theta, 3 non-finite data, 4 non-finite dir. */
#define SMALL_CNN_N_PARAMS 86
#define SMALL_CNN_DATA_WIDTH 66
#define SMALL_CNN_OUT_WIDTH 2
#define SMALL_CNN_WORK_FORWARD 78296  /* scratch reals for small_cnn_forward */
#define SMALL_CNN_WORK_LOSS_GRAD 110016  /* scratch reals for small_cnn_loss_grad */
#define SMALL_CNN_WORK_HVP 91736  /* scratch reals for small_cnn_hvp */
#define SMALL_CNN_WORK_HESSIAN 91916  /* scratch reals for small_cnn_hessian */
#define SMALL_CNN_WORK_JACOBIAN 77208  /* scratch reals for small_cnn_jacobian */

#ifdef __cplusplus
extern "C" {
#endif

long small_cnn_info(int what);
int small_cnn_forward(const double *theta, const double *data, long n,
    double *out, double *work);
int small_cnn_loss_grad(const double *theta, const double *data, long n,
    double *loss, double *grad, double *work);
int small_cnn_hvp(const double *theta, const double *data, long n,
    const double *dir, double *loss, double *grad,
    double *hv, double *work);
int small_cnn_hessian(const double *theta, const double *data, long n,
    double *loss, double *grad, double *H, double *work);
int small_cnn_jacobian(const double *theta, const double *data, long n,
    double *jac, double *work);

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif
