/* seed003_four_points.h: symgrad kernels for model 'seed003_four_points' (float64); generated, do not edit. */
#ifndef SYMGRAD_SEED003_FOUR_POINTS_H
#define SYMGRAD_SEED003_FOUR_POINTS_H

/* theta = w[2]@0
   data row = x[2]@0, y[]@2
   forward row = e[]@0
   jacobian: (n, 1, 5) = d(forward row)/d(data row, theta)
   Every function returns 0 (SG_OK) or 1 bad n, 2 non-finite theta, 3 non-finite data, 4 non-finite dir. */
#define SEED003_FOUR_POINTS_N_PARAMS 2
#define SEED003_FOUR_POINTS_DATA_WIDTH 3
#define SEED003_FOUR_POINTS_OUT_WIDTH 1
#define SEED003_FOUR_POINTS_WORK_FORWARD 512  /* scratch reals for seed003_four_points_forward */
#define SEED003_FOUR_POINTS_WORK_LOSS_GRAD 1032  /* scratch reals for seed003_four_points_loss_grad */
#define SEED003_FOUR_POINTS_WORK_HVP 2568  /* scratch reals for seed003_four_points_hvp */
#define SEED003_FOUR_POINTS_WORK_HESSIAN 2580  /* scratch reals for seed003_four_points_hessian */
#define SEED003_FOUR_POINTS_WORK_JACOBIAN 2304  /* scratch reals for seed003_four_points_jacobian */

#ifdef __cplusplus
extern "C" {
#endif

long seed003_four_points_info(int what);
int seed003_four_points_forward(const double *theta, const double *data, long n,
    double *out, double *work);
int seed003_four_points_loss_grad(const double *theta, const double *data, long n,
    double *loss, double *grad, double *work);
int seed003_four_points_hvp(const double *theta, const double *data, long n,
    const double *dir, double *loss, double *grad,
    double *hv, double *work);
int seed003_four_points_hessian(const double *theta, const double *data, long n,
    double *loss, double *grad, double *H, double *work);
int seed003_four_points_jacobian(const double *theta, const double *data, long n,
    double *jac, double *work);

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif
