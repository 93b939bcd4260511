/* dag_scalar.h: symgrad kernels for model 'dag_scalar' (float64); generated, do not edit. */
#ifndef SYMGRAD_DAG_SCALAR_H
#define SYMGRAD_DAG_SCALAR_H

/* theta = th1[]@0, th2[]@1, th3[]@2
   data row = r1[]@0, r2[]@1
   forward row = J[]@0
   jacobian: (n, 1, 5) = d(forward row)/d(data row, theta)
   Every function returns 0 (SG_OK) or 1 bad n, 2 non-finite theta, 3 non-finite data, 4 non-finite dir. */
#define DAG_SCALAR_N_PARAMS 3
#define DAG_SCALAR_DATA_WIDTH 2
#define DAG_SCALAR_OUT_WIDTH 1
#define DAG_SCALAR_WORK_FORWARD 2304  /* scratch reals for dag_scalar_forward */
#define DAG_SCALAR_WORK_LOSS_GRAD 4920  /* scratch reals for dag_scalar_loss_grad */
#define DAG_SCALAR_WORK_HVP 11368  /* scratch reals for dag_scalar_hvp */
#define DAG_SCALAR_WORK_HESSIAN 11382  /* scratch reals for dag_scalar_hessian */
#define DAG_SCALAR_WORK_JACOBIAN 8704  /* scratch reals for dag_scalar_jacobian */

#ifdef __cplusplus
extern "C" {
#endif

long dag_scalar_info(int what);
int dag_scalar_forward(const double *theta, const double *data, long n,
    double *out, double *work);
int dag_scalar_loss_grad(const double *theta, const double *data, long n,
    double *loss, double *grad, double *work);
int dag_scalar_hvp(const double *theta, const double *data, long n,
    const double *dir, double *loss, double *grad,
    double *hv, double *work);
int dag_scalar_hessian(const double *theta, const double *data, long n,
    double *loss, double *grad, double *H, double *work);
int dag_scalar_jacobian(const double *theta, const double *data, long n,
    double *jac, double *work);

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif
