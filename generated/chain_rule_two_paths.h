/* chain_rule_two_paths.h: symgrad kernels for model 'chain_rule_two_paths' (float64); generated, do not edit. */
#ifndef SYMGRAD_CHAIN_RULE_TWO_PATHS_H
#define SYMGRAD_CHAIN_RULE_TWO_PATHS_H

/* theta = x[]@0
   data row = 
   forward row = f[]@0
   jacobian: (n, 1, 1) = d(forward row)/d(data row, theta)
   Every function returns 0 (SG_OK) or 1 bad n, 2 non-finite theta, 3 non-finite data, 4 non-finite dir. */
#define CHAIN_RULE_TWO_PATHS_N_PARAMS 1
#define CHAIN_RULE_TWO_PATHS_DATA_WIDTH 0
#define CHAIN_RULE_TWO_PATHS_OUT_WIDTH 1
#define CHAIN_RULE_TWO_PATHS_WORK_FORWARD 32  /* scratch reals for chain_rule_two_paths_forward */
#define CHAIN_RULE_TWO_PATHS_WORK_LOSS_GRAD 56  /* scratch reals for chain_rule_two_paths_loss_grad */
#define CHAIN_RULE_TWO_PATHS_WORK_HVP 104  /* scratch reals for chain_rule_two_paths_hvp */
#define CHAIN_RULE_TWO_PATHS_WORK_HESSIAN 114  /* scratch reals for chain_rule_two_paths_hessian */
#define CHAIN_RULE_TWO_PATHS_WORK_JACOBIAN 536  /* scratch reals for chain_rule_two_paths_jacobian */

#ifdef __cplusplus
extern "C" {
#endif

long chain_rule_two_paths_info(int what);
int chain_rule_two_paths_forward(const double *theta, const double *data, long n,
    double *out, double *work);
int chain_rule_two_paths_loss_grad(const double *theta, const double *data, long n,
    double *loss, double *grad, double *work);
int chain_rule_two_paths_hvp(const double *theta, const double *data, long n,
    const double *dir, double *loss, double *grad,
    double *hv, double *work);
int chain_rule_two_paths_hessian(const double *theta, const double *data, long n,
    double *loss, double *grad, double *H, double *work);
int chain_rule_two_paths_jacobian(const double *theta, const double *data, long n,
    double *jac, double *work);

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif
