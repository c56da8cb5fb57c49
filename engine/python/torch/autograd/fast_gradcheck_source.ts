// gradcheck(fast_mode=True), written in Python after PyTorch's gradcheck.py: instead of whole
// Jacobians it compares one number per (input, output) pair, v^T J u, with u and v random unit
// vectors drawn from a fresh torch.Generator() (PyTorch's default seed, so the same vectors as
// PyTorch): numerically by central differences along eps * u, analytically by one autograd.grad
// with grad_output v. On a mismatch the error recomputes both Jacobians the slow way to print
// them. The slow-mode pieces it shares live in torch.autograd.gradcheck (gradcheck_source.ts).
export const fastGradcheckSource = {
  name: "torch.autograd._gradlens_fast_gradcheck",
  filename: "/usr/lib/python3/dist-packages/torch/autograd/gradcheck.py",
  source: String.raw`
import torch
from torch.autograd.gradcheck import (
    GradcheckError,
    _as_tuple,
    _is_float_or_complex_tensor,
    _compute_numerical_gradient,
    _with_prepare_inputs,
    _get_numerical_jacobian,
    _check_analytical_jacobian_attributes,
    _allclose_with_type_promotion,
)


def _vec_from_tensor(x, generator):
    vec = torch.rand(x.numel(), generator=generator).to(dtype=x.dtype, device=x.device)
    vec /= vec.norm()
    return vec


def _make_vectors(inp_tensors, outputs):
    # a generator of its own, so the user's random stream is left alone
    g_cpu = torch.Generator()
    all_u = [_vec_from_tensor(inp, g_cpu) for inp in inp_tensors]
    all_v = [_vec_from_tensor(out, g_cpu) for out in outputs]
    return all_v, all_u


def _get_numerical_jvp_wrt_specific_input(fn, input_idx, inputs, u, eps):
    input = inputs[input_idx]
    input_to_perturb = input.data
    wrapped_fn = _with_prepare_inputs(fn, inputs)
    u = u.reshape(input_to_perturb.shape) * eps
    return list(_compute_numerical_gradient(wrapped_fn, input_to_perturb, u, eps, eps, None))


def _get_numerical_vJu(fn, inputs, inp_indices, func_out, all_u, all_v, eps):
    reduced_jacobians = []
    for inp_idx, u in zip(inp_indices, all_u):
        all_Ju = _get_numerical_jvp_wrt_specific_input(fn, inp_idx, inputs, u, eps)
        func_out = _as_tuple(func_out)
        filtered_Ju = [Ju for Ju, output in zip(all_Ju, func_out) if _is_float_or_complex_tensor(output)]
        reduced_jacobians.append([(v * Ju).sum() for v, Ju in zip(all_v, filtered_Ju)])
    return reduced_jacobians


def _get_analytical_vJu_backward_mode(inputs, outputs, nondet_tol, check_grad_dtypes, all_v, all_u):
    reduced_jacobians = []
    for output, v in zip(outputs, all_v):
        all_vJ = _check_analytical_jacobian_attributes(inputs, output, nondet_tol, check_grad_dtypes, fast_mode=True, v=v)
        reduced_jacobians.append([vJ.T.squeeze(0).dot(u) for vJ, u in zip(all_vJ, all_u)])
    return reduced_jacobians


def _check_no_differentiable_outputs_fast(func, func_out, all_inputs, inputs_indices, all_u, eps, nondet_tol):
    for inp_idx, u in zip(inputs_indices, all_u):
        for jvp in _get_numerical_jvp_wrt_specific_input(func, inp_idx, all_inputs, u, eps):
            if jvp.numel() == 0:
                continue
            if (jvp - torch.zeros_like(jvp)).abs().max() > nondet_tol:
                raise GradcheckError("Numerical gradient for function expected to be zero")
    return True


def _adjusted_atol(atol, u, v):
    # |v^T A u - v^T B u| may be as large as atol times v^T (all ones) u
    sum_u = u.sum()
    sum_v = 1.0 if v is None else v.sum()
    return atol * float(sum_u) * float(sum_v)


FAST_FAIL_SLOW_OK_MSG = """
Fast gradcheck failed but element-wise differences are small. This means that the
test might've passed in slow_mode!

If you are adding a new operator, please file an issue and then use one of the
workarounds. The workaround depends on how your test invokes gradcheck/gradgradcheck:

If the test
- manually invokes gradcheck/gradgradcheck, then call gradcheck/gradgradcheck
  with \x60fast_mode=False\x60 as a keyword argument.
- is OpInfo-based (e.g., in test_ops_gradients.py), then modify the OpInfo for the test
  to have \x60gradcheck_fast_mode=False\x60
- is a Module test (e.g., in common_nn.py), then modify the corresponding
  module_test entry to have \x60gradcheck_fast_mode=False\x60
""".strip()


def _run_slow_mode_and_get_error(func, tupled_inputs, outputs, input_idx, output_idx, rtol, atol, eps):
    slow_numerical = _get_numerical_jacobian(func, tupled_inputs, outputs, eps)[input_idx][output_idx]
    slow_analytical = _check_analytical_jacobian_attributes(tupled_inputs, outputs[output_idx], float("inf"), False)[input_idx]
    slow_max_diff = (slow_numerical - slow_analytical).abs().max()
    slow_allclose = torch.allclose(slow_analytical, slow_numerical, rtol, atol)
    msg = (
        "\nThe above quantities relating the numerical and analytical jacobians are computed \n"
        "in fast mode. See: https://github.com/pytorch/pytorch/issues/53876 for more background \n"
        "about fast mode. Below, we recompute numerical and analytical jacobians in slow mode:\n\n"
        f"Numerical:\n {slow_numerical}\n"
        f"Analytical:\n{slow_analytical}\n\n"
        f"The max per-element difference (slow mode) is: {slow_max_diff}.\n"
    )
    if slow_allclose:
        msg += FAST_FAIL_SLOW_OK_MSG
    return msg


def _fast_gradcheck(func, func_out, inputs, outputs, eps, rtol, atol, check_grad_dtypes, nondet_tol):
    inp_tensors_idx = [i for i, t in enumerate(inputs) if isinstance(t, torch.Tensor) and t.requires_grad]
    inp_tensors = [inputs[i] for i in inp_tensors_idx]
    all_v, all_u = _make_vectors(inp_tensors, outputs)
    numerical_vJu = _get_numerical_vJu(func, inputs, inp_tensors_idx, func_out, all_u, all_v, eps)
    if not outputs:
        _check_no_differentiable_outputs_fast(func, func_out, inputs, inp_tensors_idx, all_u, eps, nondet_tol)
    analytical_vJu = _get_analytical_vJu_backward_mode(inputs, outputs, nondet_tol, check_grad_dtypes, all_v, all_u)
    for i, all_numerical_for_input_i in enumerate(numerical_vJu):
        for j, n in enumerate(all_numerical_for_input_i):
            a = analytical_vJu[j][i]
            updated_atol = _adjusted_atol(atol, all_u[i], all_v[j] if all_v else None)
            if not _allclose_with_type_promotion(a, n, rtol, updated_atol):
                jacobians_str = _run_slow_mode_and_get_error(func, inputs, outputs, i, j, rtol, atol, eps)
                # %s, not an f-string: a 0-dim tensor formats as its number
                raise GradcheckError(
                    "Jacobian mismatch for output %d with respect to input %d,\nnumerical:%s\nanalytical:%s\n" % (j, i, n, a)
                    + jacobians_str
                )
    return True
`,
};
