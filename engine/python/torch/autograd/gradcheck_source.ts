// torch.autograd.gradcheck written in Python after PyTorch's own (slow mode): the numerical
// Jacobian by central differences, perturbing each input element in place through .data by
// ±eps (in the input's dtype), the analytical one row by row with autograd.grad (twice, for the
// reentrancy check), compared with allclose (fast_mode: fast_gradcheck_source.ts); then
// backward with zero grad_outputs must give zeros. PyTorch's undefined-gradient check passes undefined grad_outputs; here they are zeros,
// which every function the check accepts treats alike. gradgradcheck differentiates
// autograd.grad(create_graph=True) the same way, with random grad_outputs drawn as
// torch.testing.make_tensor draws them (uniform_(-1, 1), from the global generator).
export const gradcheckSource = {
  name: "torch.autograd.gradcheck",
  filename: "/usr/lib/python3/dist-packages/torch/autograd/gradcheck.py",
  source: String.raw`
from itertools import product
import torch
from torch._C import _gradlens_warn, _gradlens_first_gradcheck

__all__ = ["gradcheck", "gradgradcheck", "GradcheckError", "get_numerical_jacobian", "get_analytical_jacobian"]


class GradcheckError(RuntimeError):
    """Error raised by gradcheck and gradgradcheck."""


def _as_tuple(x):
    if isinstance(x, tuple):
        return x
    elif isinstance(x, list):
        return tuple(x)
    else:
        return (x,)


def _iter_tensors(x, only_requiring_grad=False):
    if isinstance(x, torch.Tensor):
        if x.requires_grad or not only_requiring_grad:
            yield x
    elif isinstance(x, (list, tuple)):
        for elem in x:
            yield from _iter_tensors(elem, only_requiring_grad)


def _is_float_or_complex_tensor(obj):
    return isinstance(obj, torch.Tensor) and obj.is_floating_point()


def _differentiable_outputs(x):
    return tuple(o for o in _as_tuple(x) if o.requires_grad)


def _check_inputs(tupled_inputs):
    any_input_requiring_grad = False
    for idx, inp in enumerate(tupled_inputs):
        if isinstance(inp, torch.Tensor) and inp.requires_grad:
            if not (inp.dtype == torch.float64):
                _gradlens_warn(
                    "UserWarning",
                    f"Input #{idx} requires gradient and "
                    "is not a double precision floating point or complex. "
                    "This check will likely fail if all the inputs are "
                    "not of double precision floating point or complex. ",
                    "/usr/lib/python3/dist-packages/torch/autograd/gradcheck.py",
                    922,
                    "warnings.warn(",
                )
            if not all(st > 0 or sz <= 1 for st, sz in zip(inp.stride(), inp.size())):
                raise RuntimeError(
                    f"The {idx}th input has a dimension with stride 0. gradcheck only "
                    "supports inputs that are non-overlapping to be able to "
                    "compute the numerical gradients correctly. You should call "
                    ".contiguous on the input before passing it to gradcheck."
                )
            any_input_requiring_grad = True
    if not any_input_requiring_grad:
        raise ValueError(
            "gradcheck expects at least one input tensor to require gradient, "
            "but none of the them have requires_grad=True."
        )
    return True


def _check_outputs_same_dtype_and_shape(output1, output2, eps, idx=None):
    on_index = "on index {idx} " if idx is not None else ""
    assert output1.shape == output2.shape, (
        f"Expected \x60func\x60 to return outputs with the same shape"
        f" when inputs are perturbed {on_index}by {eps}, but got:"
        f" shapes {output1.shape} and {output2.shape}."
    )
    assert output1.dtype == output2.dtype, (
        f"Expected \x60func\x60 to return outputs with the same dtype"
        f" when inputs are perturbed {on_index}by {eps}, but got:"
        f" dtypes {output1.dtype} and {output2.dtype}."
    )


def _compute_numerical_gradient(fn, entry, v, norm_v, eps, idx):
    orig = entry.clone()
    entry.copy_(orig - v)
    outa = fn()
    entry.copy_(orig + v)
    outb = fn()
    entry.copy_(orig)

    def compute(a, b):
        _check_outputs_same_dtype_and_shape(a, b, eps, idx)
        ret = (b - a) / (2 * norm_v)
        return ret.detach().reshape(-1)

    return tuple(compute(a, b) for (a, b) in zip(outa, outb))


def _with_prepare_inputs(fn, inputs):
    def wrapped_fn():
        return tuple(a.clone() for a in _as_tuple(fn(*_as_tuple(inputs))))

    return wrapped_fn


def _get_numerical_jacobian_wrt_specific_input(fn, inputs, outputs, eps, input):
    jacobian_cols = {}
    x = input.data
    for d_idx, idx in enumerate(product(*[range(m) for m in x.size()])):
        wrapped_fn = _with_prepare_inputs(fn, inputs)
        jacobian_cols[d_idx] = _compute_numerical_gradient(wrapped_fn, x[idx], eps, eps, eps, idx)
    jacobians = tuple(torch.zeros((input.numel(), t.numel()), dtype=t.dtype) for t in outputs if _is_float_or_complex_tensor(t))
    for i, jacobian in enumerate(jacobians):
        for k, v in jacobian_cols.items():
            jacobian[k] = v[i]
    return jacobians


def _get_numerical_jacobian(fn, inputs, outputs, eps):
    jacobians = []
    for inp in _iter_tensors(inputs, True):
        jacobians += [_get_numerical_jacobian_wrt_specific_input(fn, inputs, outputs, eps, inp)]
    return jacobians


def _compute_analytical_jacobian_rows(vjp_fn, sample_output):
    grad_out_base = torch.zeros_like(sample_output)
    flat_grad_out = grad_out_base.view(-1)
    jacobians_rows = []
    for j in range(flat_grad_out.numel()):
        flat_grad_out.zero_()
        flat_grad_out[j] = 1.0
        grad_inputs = vjp_fn(grad_out_base)
        for i, d_x in enumerate(grad_inputs):
            if j == 0:
                jacobians_rows.append([])
            jacobians_rows[i] += [d_x.clone() if isinstance(d_x, torch.Tensor) else None]
    return jacobians_rows


def _stack_and_check_tensors(list_of_list_of_tensors, inputs, numel_outputs):
    diff_input_list = list(_iter_tensors(inputs, True))
    out_jacobians = tuple(torch.zeros((t.numel(), numel_outputs), dtype=t.dtype) for t in diff_input_list)
    correct_grad_sizes = True
    correct_grad_types = True
    for i, tensor_list in enumerate(list_of_list_of_tensors):
        inp = diff_input_list[i]
        out_jacobian = out_jacobians[i]
        for j, tensor in enumerate(tensor_list):
            if tensor is not None and tensor.size() != inp.size():
                correct_grad_sizes = False
            elif tensor is not None and tensor.dtype != inp.dtype:
                correct_grad_types = False
            if tensor is None:
                out_jacobian[:, j].zero_()
            else:
                out_jacobian[:, j] = tensor.reshape(-1)
    return out_jacobians, correct_grad_types, correct_grad_sizes


def _check_jacobians_equal(j1, j2, atol):
    for j1_x, j2_x in zip(j1, j2):
        if j1_x.numel() != 0 and (j1_x - j2_x).abs().max() > atol:
            return False
    return True


def _check_analytical_jacobian_attributes(inputs, output, nondet_tol, check_grad_dtypes, fast_mode=False, v=None):
    diff_input_list = list(_iter_tensors(inputs, True))

    def vjp_fn(grad_output):
        return torch.autograd.grad(output, diff_input_list, grad_output, retain_graph=True, allow_unused=True)

    if fast_mode:
        # one row: v^T J
        vjps1 = [[t.clone() if isinstance(t, torch.Tensor) else None] for t in vjp_fn(v.reshape(output.shape))]
        vjps2 = [[t.clone() if isinstance(t, torch.Tensor) else None] for t in vjp_fn(v.reshape(output.shape))]
    else:
        vjps1 = _compute_analytical_jacobian_rows(vjp_fn, output.clone())
        vjps2 = _compute_analytical_jacobian_rows(vjp_fn, output.clone())
    output_numel = output.numel() if not fast_mode else 1
    jacobians1, types_ok, sizes_ok = _stack_and_check_tensors(vjps1, inputs, output_numel)
    jacobians2, _, _ = _stack_and_check_tensors(vjps2, inputs, output_numel)
    reentrant = _check_jacobians_equal(jacobians1, jacobians2, nondet_tol)
    if not types_ok and check_grad_dtypes:
        raise GradcheckError("Gradient has dtype mismatch")
    if not sizes_ok:
        raise GradcheckError("Analytical gradient has incorrect size")
    if not reentrant:
        raise GradcheckError(
            "Backward is not reentrant, i.e., running backward with "
            "same input and grad_output multiple times gives different values, "
            "although analytical gradient matches numerical gradient."
            f"The tolerance for nondeterminism was {nondet_tol}."
            + FAILED_NONDET_MSG
        )
    return jacobians1


FAILED_NONDET_MSG = """\n
NOTE: If your op relies on non-deterministic operations i.e., it is listed here:
https://pytorch.org/docs/stable/generated/torch.use_deterministic_algorithms.html
this failure might be expected.

If you are adding a new operator, please file an issue and then use one of the
workarounds. The workaround depends on how your test invokes gradcheck/gradgradcheck.
If the test
- manually invokes gradcheck/gradgradcheck, then call gradcheck/gradgradcheck
  with \x60nondet_tol=<tol>\x60 as a keyword argument.
- is OpInfo-based (e.g., in test_ops_gradients.py), then modify the OpInfo for the test
  to have \x60gradcheck_nondet_tol=<tol>\x60.
- is a Module test (e.g., in common_nn.py), then modify the corresponding
  module_test entry to have \x60gradcheck_nondet_tol=<tol>\x60
"""


def _allclose_with_type_promotion(a, b, rtol, atol):
    if a.dtype != b.dtype:
        a = a.double()
        b = b.double()
    return torch.allclose(a, b, rtol, atol)


def _get_notallclose_msg(analytical, numerical, output_idx, input_idx, is_forward_ad=False):
    mode = "computed with forward mode " if is_forward_ad else ""
    return (
        f"Jacobian {mode}mismatch for output {output_idx:d} with respect to input {input_idx:d},\n"
        f"numerical:{numerical}\nanalytical:{analytical}\n"
    )


def _check_no_differentiable_outputs(func, inputs, func_out, eps):
    jacobians_all_inputs_outputs = _get_numerical_jacobian(func, inputs, func_out, eps)
    for jacobians_all_outputs_and_fixed_input in jacobians_all_inputs_outputs:
        for jacobian in jacobians_all_outputs_and_fixed_input:
            if torch.ne(jacobian, 0).sum() > 0:
                raise GradcheckError("Numerical gradient for function expected to be zero")
    return True


def _slow_gradcheck(func, func_out, tupled_inputs, outputs, eps, rtol, atol, check_grad_dtypes, nondet_tol):
    func_out = _as_tuple(func_out)
    if not outputs:
        return _check_no_differentiable_outputs(func, tupled_inputs, func_out, eps)
    numerical = list(zip(*_get_numerical_jacobian(func, tupled_inputs, func_out, eps)))
    numerical = [nj for o, nj in zip(func_out, numerical) if o.requires_grad]
    for i, o in enumerate(outputs):
        analytical = _check_analytical_jacobian_attributes(tupled_inputs, o, nondet_tol, check_grad_dtypes)
        for j, (a, n) in enumerate(zip(analytical, numerical[i])):
            if not _allclose_with_type_promotion(a, n, rtol, atol):
                raise GradcheckError(_get_notallclose_msg(a, n, i, j))
    return True


def _test_backward_mul_by_grad_output(outputs, inputs):
    diff_input_list = list(_iter_tensors(inputs, True))
    if not diff_input_list:
        raise GradcheckError("no Tensors requiring grad found in input")
    grads_input = torch.autograd.grad(outputs, diff_input_list, [torch.zeros_like(o) for o in outputs], allow_unused=True)
    for gi, di in zip(grads_input, diff_input_list):
        if gi is None:
            continue
        if not gi.eq(0).all():
            raise GradcheckError("backward not multiplied by grad_output")
        if gi.dtype != di.dtype:
            raise GradcheckError("grad is incorrect type")
        if gi.size() != di.size():
            raise GradcheckError("grad is incorrect size")
    return True


def _test_undefined_backward_mode(func, outputs, inputs):
    diff_input_list = list(_iter_tensors(inputs, True))
    if not diff_input_list:
        raise GradcheckError("no Tensors requiring grad found in input")

    def warn_bc_breaking():
        _gradlens_warn(
            "UserWarning",
            "Backwards compatibility: New undefined gradient support checking "
            "feature is enabled by default, but it may break existing callers "
            "of this function. If this is true for you, you can call this "
            'function with "check_undefined_grad=False" to disable the feature',
        )

    def check_undefined_grad_support(output_to_check):
        grads_output = [torch.zeros_like(o) for o in output_to_check]
        try:
            grads_input = torch.autograd.grad(output_to_check, diff_input_list, grads_output, allow_unused=True)
        except RuntimeError as e:
            warn_bc_breaking()
            raise GradcheckError(
                "Expected backward function to handle undefined output grads. "
                'Please look at "Notes about undefined output gradients" in '
                '"tools/autograd/derivatives.yaml"'
            ) from e
        for gi, i in zip(grads_input, diff_input_list):
            if (gi is not None) and (not gi.eq(0).all()):
                warn_bc_breaking()
                raise GradcheckError(
                    "Expected all input grads to be undefined or zero when all output grads are undefined "
                    'or zero. Please look at "Notes about undefined output gradients" in '
                    '"tools/autograd/derivatives.yaml"'
                )
        return True

    outputs_to_check = [[o for o in _differentiable_outputs(func(*inputs)) if isinstance(o, torch.Tensor)]]
    if len(outputs_to_check[0]) > 1:
        for undef_grad_idx in range(len(outputs)):
            outputs_to_check.append(list(_differentiable_outputs(func(*inputs))))
    return all(check_undefined_grad_support(output) for output in outputs_to_check)


def _forward_ad_jacobians(fn, inputs, outputs, check_grad_dtypes):
    # one forward-AD pass per element of each input that requires grad: the tangent is the
    # standard basis vector, the outputs' tangents a row of each Jacobian (input numel x output numel)
    fwAD = torch.autograd.forward_ad
    tensor_inputs = tuple(i for i in inputs if isinstance(i, torch.Tensor) and i.requires_grad)
    float_outputs = [o for o in outputs if _is_float_or_complex_tensor(o)]
    jacobians = tuple(tuple(torch.zeros((i.numel(), o.numel()), dtype=o.dtype) for o in float_outputs) for i in tensor_inputs)
    with fwAD.dual_level():
        fw_grads = []
        dual_inputs = []
        for inp in inputs:
            if isinstance(inp, torch.Tensor) and inp.requires_grad:
                inp = fwAD.make_dual(inp.detach(), torch.zeros_like(inp))
                fw_grads.append(fwAD.unpack_dual(inp)[1])
            dual_inputs.append(inp)
        for i, fw_grad in enumerate(fw_grads):
            for lin_idx, grad_idx in enumerate(product(*[range(m) for m in fw_grad.size()])):
                fw_grad[grad_idx] = 1.0
                raw_outputs = _as_tuple(fn(*dual_inputs))
                dual_outputs = [o for o in raw_outputs if _is_float_or_complex_tensor(o)]
                for index_o, d_o in enumerate(dual_outputs):
                    val, res = fwAD.unpack_dual(d_o)
                    if res is None:
                        jacobians[i][index_o][lin_idx].zero_()
                    else:
                        jacobians[i][index_o][lin_idx].copy_(res.reshape(-1))
                fw_grad[grad_idx] = 0.0
    return jacobians


def _slow_gradcheck_forward_ad(func, func_out, tupled_inputs, outputs, eps, rtol, atol, check_grad_dtypes):
    func_out = _as_tuple(func_out)
    if not outputs:
        return _check_no_differentiable_outputs(func, tupled_inputs, func_out, eps)
    numerical = list(zip(*_get_numerical_jacobian(func, tupled_inputs, func_out, eps)))
    numerical = [nj for o, nj in zip(func_out, numerical) if o.requires_grad]
    analytical = _forward_ad_jacobians(func, tupled_inputs, func_out, check_grad_dtypes)
    for i, n_per_out in enumerate(numerical):
        for j, n in enumerate(n_per_out):
            a = analytical[j][i]
            if not _allclose_with_type_promotion(a, n, rtol, atol):
                raise GradcheckError(_get_notallclose_msg(a, n, i, j, is_forward_ad=True))
    return True


def _gradcheck_helper(func, inputs, eps, atol, rtol, nondet_tol, check_undefined_grad, check_grad_dtypes, check_backward_ad, fast_mode, check_forward_ad=False):
    tupled_inputs = _as_tuple(inputs)
    _check_inputs(tupled_inputs)
    _gradlens_first_gradcheck()
    func_out = func(*tupled_inputs)
    outputs = _differentiable_outputs(func_out)
    if fast_mode:
        from torch.autograd._gradlens_fast_gradcheck import _fast_gradcheck as gradcheck_fn
    else:
        gradcheck_fn = _slow_gradcheck
    if check_backward_ad:
        gradcheck_fn(func, func_out, tupled_inputs, outputs, eps, rtol, atol, check_grad_dtypes, nondet_tol)
    if check_forward_ad:
        _slow_gradcheck_forward_ad(func, func_out, tupled_inputs, outputs, eps, rtol, atol, check_grad_dtypes)
        if check_undefined_grad:
            raise NotImplementedError("torch.autograd.gradcheck(check_forward_ad=True, check_undefined_grad=True) is not in Gradlens yet")
    if not check_backward_ad:
        return True
    _test_backward_mul_by_grad_output(outputs, tupled_inputs)
    if check_undefined_grad and check_backward_ad:
        _test_undefined_backward_mode(func, outputs, tupled_inputs)
    return True


def _not_yet(name, value, default):
    if value != default:
        raise NotImplementedError(f"torch.autograd.gradcheck({name}={value!r}) is not in Gradlens yet")


def gradcheck(
    func,
    inputs,
    *,
    eps=1e-6,
    atol=1e-5,
    rtol=1e-3,
    raise_exception=True,
    nondet_tol=0.0,
    check_undefined_grad=True,
    check_grad_dtypes=False,
    check_batched_grad=False,
    check_batched_forward_grad=False,
    check_forward_ad=False,
    check_backward_ad=True,
    fast_mode=False,
    masked=None,
):
    assert check_forward_ad or check_backward_ad, "Expected at least one of check_forward_ad or check_backward_ad to be True"
    assert not (check_batched_grad and not check_backward_ad), "Setting check_batched_grad=True requires check_backward_ad to be True"
    assert not (check_batched_forward_grad and not check_forward_ad), "Setting check_batched_forward_grad=True requires check_forward_ad to be True"
    _not_yet("check_batched_grad", check_batched_grad, False)
    _not_yet("check_batched_forward_grad", check_batched_forward_grad, False)
    _not_yet("masked", bool(masked), False)
    args = (func, inputs, eps, atol, rtol, nondet_tol, check_undefined_grad, check_grad_dtypes, check_backward_ad, fast_mode, check_forward_ad)
    if not raise_exception:
        try:
            return _gradcheck_helper(*args)
        except GradcheckError as e:
            return False
    else:
        return _gradcheck_helper(*args)


def gradgradcheck(
    func,
    inputs,
    grad_outputs=None,
    *,
    eps=1e-6,
    atol=1e-5,
    rtol=1e-3,
    gen_non_contig_grad_outputs=False,
    raise_exception=True,
    nondet_tol=0.0,
    check_undefined_grad=True,
    check_grad_dtypes=False,
    check_batched_grad=False,
    check_fwd_over_rev=False,
    check_rev_over_rev=True,
    fast_mode=False,
    masked=False,
):
    assert check_fwd_over_rev or check_rev_over_rev, "Expected at least one of check_fwd_over_rev or check_rev_over_rev to be True"
    assert not (check_undefined_grad and not check_rev_over_rev), "Setting check_undefined_grad=True requires check_rev_over_rev to be True"
    assert not (check_batched_grad and not check_rev_over_rev), "Setting check_batched_grad=True requires check_rev_over_rev to be True"
    _not_yet("gen_non_contig_grad_outputs", gen_non_contig_grad_outputs, False)
    tupled_inputs = _as_tuple(inputs)
    if grad_outputs is None:
        outputs = _differentiable_outputs(func(*tupled_inputs))
        tupled_grad_outputs = tuple(
            torch.empty(x.shape, dtype=x.dtype if x.is_floating_point() else torch.double).uniform_(-1, 1).requires_grad_(True)
            for x in outputs
        )
    else:
        tupled_grad_outputs = _as_tuple(grad_outputs)
    num_outputs = len(tupled_grad_outputs)
    diff_input_args_indices = {i for i, x in enumerate(tupled_inputs) if isinstance(x, torch.Tensor) and x.requires_grad}
    diff_grad_output_indices = {i for i, x in enumerate(tupled_grad_outputs) if x.requires_grad}

    def new_func(*args):
        input_args = tuple(x.requires_grad_() if i in diff_input_args_indices else x for i, x in enumerate(args[:-num_outputs]))
        outputs = _differentiable_outputs(func(*input_args))
        grad_outputs = tuple(x.requires_grad_() if i in diff_grad_output_indices else x for i, x in enumerate(args[-num_outputs:]))
        diff_input_args = tuple(x for i, x in enumerate(input_args) if i in diff_input_args_indices)
        grad_inputs = torch.autograd.grad(outputs, diff_input_args, grad_outputs, create_graph=True, allow_unused=True)
        grad_inputs = tuple(g for g in grad_inputs if g is not None)
        return grad_inputs

    return gradcheck(
        new_func,
        tupled_inputs + tupled_grad_outputs,
        eps=eps,
        atol=atol,
        rtol=rtol,
        raise_exception=raise_exception,
        nondet_tol=nondet_tol,
        check_undefined_grad=check_undefined_grad,
        check_grad_dtypes=check_grad_dtypes,
        check_batched_grad=check_batched_grad,
        fast_mode=fast_mode,
        check_forward_ad=check_fwd_over_rev,
        check_backward_ad=check_rev_over_rev,
        masked=masked,
    )
`,
};
