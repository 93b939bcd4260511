/* dag_softmax_sigmoid.h: symgrad kernels for model 'dag_softmax_sigmoid' (float64); generated, do not edit. */
#ifndef SYMGRAD_DAG_SOFTMAX_SIGMOID_H
#define SYMGRAD_DAG_SOFTMAX_SIGMOID_H

/* theta = th1[]@0, th2[]@1, th3[]@2
   data row = r1[]@0, r2[]@1
   forward row = J[]@0
   jacobian: (n, 1, 5) = d(forward row)/d(data row, theta)
   Every function returns 0 (SG_OK) or 1 bad n, 2 non-finite theta, 3 non-finite data, 4 non-finite dir. */
#define DAG_SOFTMAX_SIGMOID_N_PARAMS 3
#define DAG_SOFTMAX_SIGMOID_DATA_WIDTH 2
#define DAG_SOFTMAX_SIGMOID_OUT_WIDTH 1
#define DAG_SOFTMAX_SIGMOID_WORK_FORWARD 2816  /* scratch reals for dag_softmax_sigmoid_forward */
#define DAG_SOFTMAX_SIGMOID_WORK_LOSS_GRAD 5432  /* scratch reals for dag_softmax_sigmoid_loss_grad */
#define DAG_SOFTMAX_SIGMOID_WORK_HVP 12136  /* scratch reals for dag_softmax_sigmoid_hvp */
#define DAG_SOFTMAX_SIGMOID_WORK_HESSIAN 12150  /* scratch reals for dag_softmax_sigmoid_hessian */
#define DAG_SOFTMAX_SIGMOID_WORK_JACOBIAN 8704  /* scratch reals for dag_softmax_sigmoid_jacobian */

#ifdef __cplusplus
extern "C" {
#endif

long dag_softmax_sigmoid_info(int what);
int dag_softmax_sigmoid_forward(const double *theta, const double *data, long n,
    double *out, double *work);
int dag_softmax_sigmoid_loss_grad(const double *theta, const double *data, long n,
    double *loss, double *grad, double *work);
int dag_softmax_sigmoid_hvp(const double *theta, const double *data, long n,
    const double *dir, double *loss, double *grad,
    double *hv, double *work);
int dag_softmax_sigmoid_hessian(const double *theta, const double *data, long n,
    double *loss, double *grad, double *H, double *work);
int dag_softmax_sigmoid_jacobian(const double *theta, const double *data, long n,
    double *jac, double *work);

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif
