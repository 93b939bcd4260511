/* v7_graph_log_squared.h: symgrad kernels for model 'v7_graph_log_squared' (float64); generated, do not edit. */
#ifndef SYMGRAD_V7_GRAPH_LOG_SQUARED_H
#define SYMGRAD_V7_GRAPH_LOG_SQUARED_H

/* theta = x1[]@0, x2[]@1
   data row = t[]@0
   forward row = L[]@0
   jacobian: (n, 1, 3) = d(forward row)/d(data row, theta)
   Every function returns 0 (SG_OK) or 1 bad n, 2 non-finite theta, 3 non-finite data, 4 non-finite dir. */
#define V7_GRAPH_LOG_SQUARED_N_PARAMS 2
#define V7_GRAPH_LOG_SQUARED_DATA_WIDTH 1
#define V7_GRAPH_LOG_SQUARED_OUT_WIDTH 1
#define V7_GRAPH_LOG_SQUARED_WORK_FORWARD 312  /* scratch reals for v7_graph_log_squared_forward */
#define V7_GRAPH_LOG_SQUARED_WORK_LOSS_GRAD 120  /* scratch reals for v7_graph_log_squared_loss_grad */
#define V7_GRAPH_LOG_SQUARED_WORK_HVP 232  /* scratch reals for v7_graph_log_squared_hvp */
#define V7_GRAPH_LOG_SQUARED_WORK_HESSIAN 244  /* scratch reals for v7_graph_log_squared_hessian */
#define V7_GRAPH_LOG_SQUARED_WORK_JACOBIAN 1080  /* scratch reals for v7_graph_log_squared_jacobian */

#ifdef __cplusplus
extern "C" {
#endif

long v7_graph_log_squared_info(int what);
int v7_graph_log_squared_forward(const double *theta, const double *data, long n,
    double *out, double *work);
int v7_graph_log_squared_loss_grad(const double *theta, const double *data, long n,
    double *loss, double *grad, double *work);
int v7_graph_log_squared_hvp(const double *theta, const double *data, long n,
    const double *dir, double *loss, double *grad,
    double *hv, double *work);
int v7_graph_log_squared_hessian(const double *theta, const double *data, long n,
    double *loss, double *grad, double *H, double *work);
int v7_graph_log_squared_jacobian(const double *theta, const double *data, long n,
    double *jac, double *work);

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif
