// torch.autograd.functional written in Python over torch.autograd.grad: jacobian, hessian, vjp,
// jvp (the double-backward trick), hvp, vhp, with create_graph and strict, as PyTorch defines them
// (vectorize=True needs vmap: not in Gradlens yet). Library code: its statements are not narrated,
// the autograd.grad calls it makes are.
export const functionalSource = {
  name: "torch.autograd.functional",
  filename: "/usr/lib/python3/dist-packages/torch/autograd/functional.py",
  source: String.raw`
import torch


def _tupled(value, what, fname):
    # (was it a tuple?, the tensors as a tuple)
    if isinstance(value, torch.Tensor):
        return False, (value,)
    if isinstance(value, (tuple, list)):
        for v in value:
            if not isinstance(v, torch.Tensor):
                break
        else:
            return True, tuple(value)
    raise TypeError(f"The {what} given to {fname} must be either a Tensor or a tuple of Tensors but the given {what} has type {type(value)}.")


def _untupled(res, was_tuple):
    if isinstance(was_tuple, tuple):
        outer, inner = was_tuple
        if not inner:
            res = tuple(r[0] for r in res)
        if not outer:
            res = res[0]
        return res
    return res if was_tuple else res[0]


def _prepared(inputs, create_graph):
    # fresh leaves to differentiate with respect to; under create_graph an input that requires
    # grad stays connected to its own graph (a view of it)
    out = []
    for t in inputs:
        if create_graph and t.requires_grad:
            out.append(t.view_as(t))
        else:
            out.append(t.detach().requires_grad_(True))
    return tuple(out)


def _finished(res, create_graph):
    if isinstance(res, torch.Tensor):
        return res if create_graph else res.detach()
    if res is None:
        return None
    return tuple(_finished(r, create_graph) for r in res)


def _check_outputs(outputs, what, strict):
    if not strict:
        return
    for i, out in enumerate(outputs):
        if out is not None and not out.requires_grad:
            if what == "hessian":
                raise RuntimeError(f"While computing the hessian, found that the jacobian of the user-provided function with respect to input {i} is independent of the input. This is not allowed in strict mode. You should ensure that your function is twice differentiable and that the jacobian depends on the inputs (this would be violated by a linear function for example).")
            raise RuntimeError(f"Output {i} of the user-provided function does not require gradients. The outputs must be computed in a differentiable manner from the input when running in strict mode.")


def _grads(outputs, inputs, grad_outputs=None, create_graph=False, retain_graph=None):
    # autograd.grad over the outputs that require grad; None for inputs nothing reached
    if grad_outputs is None:
        grad_outputs = (None,) * len(outputs)
    outs, gos = [], []
    for out, go in zip(outputs, grad_outputs):
        if out is not None and out.requires_grad:
            outs.append(out)
            gos.append(go)
    if not outs:
        return (None,) * len(inputs)
    return torch.autograd.grad(outs, inputs, gos, retain_graph=retain_graph, create_graph=create_graph, allow_unused=True)


def _zeros_for_none(grads, refs, strict, message):
    res = []
    for i, (g, ref) in enumerate(zip(grads, refs)):
        if g is None:
            if strict:
                raise RuntimeError(message.format(i))
            g = torch.zeros_like(ref)
        res.append(g)
    return tuple(res)


def _vector(v, others, others_tuple, fname):
    _, v = _tupled(v, "v", fname)
    if len(v) != len(others):
        if others_tuple:
            raise RuntimeError(f"v is a tuple of invalid length: should be {len(others)} but got {len(v)}.")
        raise RuntimeError("The given v should contain a single Tensor.")
    for i, (vi, o) in enumerate(zip(v, others)):
        if vi.size() != o.size():
            entry = f"Entry {i} in " if others_tuple else ""
            raise RuntimeError(f"{entry}v has invalid size: should be {o.size()} but got {vi.size()}.")
    return v


def jacobian(func, inputs, create_graph=False, strict=False, vectorize=False, strategy="reverse-mode"):
    if vectorize or strategy != "reverse-mode":
        raise NotImplementedError("torch.autograd.functional.jacobian(vectorize=True) is not in Gradlens yet")
    return _jacobian(func, inputs, create_graph, strict, "outputs")


def _jacobian(func, inputs, create_graph, strict, what):
    with torch.enable_grad():
        inputs_tuple, inputs = _tupled(inputs, "inputs", "jacobian")
        inputs = _prepared(inputs, create_graph)
        outputs_tuple, outputs = _tupled(func(*inputs), "outputs of the user-provided function", "jacobian")
        _check_outputs(outputs, what, strict)
        rows = []
        for i, out in enumerate(outputs):
            per_input = [[] for _ in inputs]
            flat = out.reshape(-1)
            for k in range(out.nelement()):
                grads = _grads((flat[k],), inputs, retain_graph=True, create_graph=create_graph)
                for j, g in enumerate(grads):
                    if g is None:
                        if strict:
                            raise RuntimeError(f"Output {i} of the user-provided function is independent of input {j}. This is not allowed in strict mode.")
                        g = torch.zeros_like(inputs[j])
                    per_input[j].append(g)
            rows.append(tuple(torch.stack(per_input[j], dim=0).view(out.size() + inputs[j].size()) for j in range(len(inputs))))
        return _untupled(_finished(tuple(rows), create_graph), (outputs_tuple, inputs_tuple))


def hessian(func, inputs, create_graph=False, strict=False, vectorize=False, outer_jacobian_strategy="reverse-mode"):
    inputs_tuple, inputs = _tupled(inputs, "inputs", "hessian")

    def gradient(*inp):
        out = func(*inp)
        was_tuple, t_out = _tupled(out, "outputs of the user-provided function", "hessian")
        if was_tuple or not isinstance(out, torch.Tensor):
            raise RuntimeError("The function given in hessian should return a single Tensor")
        if out.nelement() != 1:
            raise RuntimeError("The Tensor returned by the function given to hessian should contain a single element")
        return jacobian(func, inp, create_graph=True)

    if vectorize or outer_jacobian_strategy != "reverse-mode":
        raise NotImplementedError("torch.autograd.functional.hessian(vectorize=True) is not in Gradlens yet")
    res = _jacobian(gradient, inputs, create_graph, strict, "hessian")
    return _untupled(res, (inputs_tuple, inputs_tuple))


def vjp(func, inputs, v=None, create_graph=False, strict=False):
    with torch.enable_grad():
        inputs_tuple, inputs = _tupled(inputs, "inputs", "vjp")
        inputs = _prepared(inputs, create_graph)
        outputs = func(*inputs)
        outputs_tuple, outputs = _tupled(outputs, "outputs of the user-provided function", "vjp")
        _check_outputs(outputs, "outputs", strict)
        if v is not None:
            v = _vector(v, outputs, outputs_tuple, "vjp")
        elif len(outputs) != 1 or outputs[0].nelement() != 1:
            raise RuntimeError("The vector v can only be None if the user-provided function returns a single Tensor with a single element.")
        grads = _grads(outputs, inputs, v, create_graph=create_graph)
        vjp_ = _zeros_for_none(grads, inputs, strict, "The output of the user-provided function is independent of input {}. This is not allowed in strict mode.")
    outputs = _finished(outputs, create_graph)
    return _untupled(outputs, outputs_tuple), _untupled(_finished(vjp_, create_graph), inputs_tuple)


def jvp(func, inputs, v=None, create_graph=False, strict=False):
    with torch.enable_grad():
        inputs_tuple, inputs = _tupled(inputs, "inputs", "jvp")
        inputs = _prepared(inputs, create_graph)
        if v is not None:
            v = _vector(v, inputs, inputs_tuple, "jvp")
        elif len(inputs) != 1 or inputs[0].nelement() != 1:
            raise RuntimeError("The vector v can only be None if the input to the user-provided function is a single Tensor with a single element.")
        outputs = func(*inputs)
        outputs_tuple, outputs = _tupled(outputs, "outputs of the user-provided function", "jvp")
        _check_outputs(outputs, "outputs", strict)
        # the double-backward trick: a vjp with a dummy vector that requires grad, differentiated again
        dummies = tuple(torch.zeros_like(out, requires_grad=True) for out in outputs)
        grads = _grads(outputs, inputs, dummies, create_graph=True)
        firsts = _zeros_for_none(grads, inputs, strict, "The output of the user-provided function is independent of input {}. This is not allowed in strict mode.")
        seconds = _grads(firsts, dummies, v, create_graph=create_graph)
        jvp_ = _zeros_for_none(seconds, outputs, False, "")
    outputs = _finished(outputs, create_graph)
    return _untupled(outputs, outputs_tuple), _untupled(_finished(jvp_, create_graph), outputs_tuple)


def _scalar_output(func, inputs, fname):
    outputs = func(*inputs)
    was_tuple, t_out = _tupled(outputs, "outputs of the user-provided function", fname)
    if was_tuple or not isinstance(outputs, torch.Tensor):
        raise RuntimeError(f"The function given in {fname} should return a single Tensor")
    if outputs.nelement() != 1:
        raise RuntimeError(f"The Tensor returned by the function given to {fname} should contain a single element")
    return outputs


def vhp(func, inputs, v=None, create_graph=False, strict=False):
    return _second_order(func, inputs, v, create_graph, strict, "vhp")


def hvp(func, inputs, v=None, create_graph=False, strict=False):
    return _second_order(func, inputs, v, create_graph, strict, "hvp")


def _second_order(func, inputs, v, create_graph, strict, fname):
    with torch.enable_grad():
        inputs_tuple, inputs = _tupled(inputs, "inputs", fname)
        inputs = _prepared(inputs, create_graph)
        if v is not None:
            v = _vector(v, inputs, inputs_tuple, fname)
        elif len(inputs) != 1 or inputs[0].nelement() != 1:
            raise RuntimeError("The vector v can only be None if the input to the user-provided function is a single Tensor with a single element.")
        out = _scalar_output(func, inputs, fname)
        _check_outputs((out,), "outputs", strict)
        jac = _grads((out,), inputs, create_graph=True)
        _check_outputs(jac, "hessian", strict)
        jac = _zeros_for_none(jac, inputs, False, "")
        if fname == "vhp":
            res = _grads(jac, inputs, v, create_graph=create_graph)
        else:
            dummies = tuple(torch.zeros_like(t, requires_grad=True) for t in inputs)
            firsts = _grads(jac, inputs, dummies, create_graph=True)
            firsts = _zeros_for_none(firsts, inputs, False, "")
            res = _grads(firsts, dummies, v, create_graph=create_graph)
        res = _zeros_for_none(res, inputs, strict, "The hessian of the user-provided function is independent of entry {} in the grad_jacobian. This is not allowed in strict mode as it prevents from using the double backward trick to replace forward mode AD.")
    return _finished(out, create_graph), _untupled(_finished(res, create_graph), inputs_tuple)
`,
};
