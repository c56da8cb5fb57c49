// torch.func's grad, grad_and_value, vjp and jacrev where they run without vmap, written in
// Python over torch.autograd.grad: the inputs become fresh leaves (views of themselves when they
// already require grad, so an outer backward or an enclosing transform sees through them), the
// gradients are detached at the outermost transform and keep their graph inside another one or
// when the inputs require grad, as functorch's levels leave them. jacrev takes one
// autograd.grad per output element. The rest of torch.func (vmap, jacfwd, jvp, hessian,
// functional_call...) is not in Gradlens yet.
export const funcSource = {
  name: "torch.func",
  filename: "/usr/lib/python3/dist-packages/torch/_functorch/eager_transforms.py",
  notYet: [
    "vmap",
    "jacfwd",
    "jvp",
    "hessian",
    "linearize",
    "functionalize",
    "functional_call",
    "stack_module_state",
    "replace_all_batch_norm_modules_",
    "debug_unwrap",
  ],
  source: String.raw`
import torch

__all__ = ["grad", "grad_and_value", "vjp", "jacrev"]

_level = [0]


def _as_tuple(x):
    return x if isinstance(x, tuple) else (x,)


def _wrapped(x, keep_graph):
    # a fresh leaf for this transform, or a view when an outer graph must see through it
    if not isinstance(x, torch.Tensor):
        return x
    if keep_graph and x.requires_grad:
        return x.view_as(x)
    return x.detach().requires_grad_(True)


def _outer_graph(args):
    return _level[0] > 0 or any(isinstance(a, torch.Tensor) and a.requires_grad for a in args)


def _unwrapped(x, keep_graph):
    if isinstance(x, torch.Tensor):
        return x if keep_graph else x.detach()
    if isinstance(x, tuple):
        return tuple(_unwrapped(v, keep_graph) for v in x)
    if isinstance(x, list):
        return [_unwrapped(v, keep_graph) for v in x]
    return x


def _argnums_tuple(argnums, nargs, fname):
    if isinstance(argnums, int):
        if argnums >= nargs or argnums < -nargs:
            raise RuntimeError(f"Got argnum={argnums}, but only {nargs} positional inputs")
        return (argnums % nargs,), False
    if isinstance(argnums, tuple):
        if len(argnums) == 0:
            raise RuntimeError(f"{fname}: argnums must be non-empty")
        for a in argnums:
            if not isinstance(a, int):
                raise RuntimeError(f"{fname}: argnums must be int or Tuple[int, ...], got: {type(argnums)}")
            if a >= nargs or a < -nargs:
                raise RuntimeError(f"Got argnum={a}, but only {nargs} positional inputs")
        return tuple(a % nargs for a in argnums), True
    raise RuntimeError(f"{fname}: argnums must be int or Tuple[int, ...], got: {type(argnums)}")


def _grads(outputs, inputs, grad_outputs, keep_graph):
    results = torch.autograd.grad(outputs, inputs, grad_outputs, retain_graph=True, create_graph=keep_graph, allow_unused=True)
    return tuple(torch.zeros_like(i) if r is None else r for r, i in zip(results, inputs))


def grad_and_value(func, argnums=0, has_aux=False):
    def wrapper(*args, **kwargs):
        keep_graph = _outer_graph(args)
        nums, as_tuple = _argnums_tuple(argnums, len(args), "grad_and_value")
        _level[0] += 1
        try:
            with torch.enable_grad():
                args = list(args)
                for i in nums:
                    args[i] = _wrapped(args[i], True)
                diff_args = tuple(args[i] for i in nums)
                output = func(*args, **kwargs)
                aux = None
                if has_aux:
                    if not (isinstance(output, tuple) and len(output) == 2):
                        raise RuntimeError("grad_and_value(f)(*args): output of function f should be a tuple: (output, aux) if has_aux is True")
                    output, aux = output
                if not isinstance(output, torch.Tensor):
                    raise RuntimeError(f"grad_and_value(f)(*args): Expected f(*args) to return a Tensor, got {type(output)}")
                if output.dim() != 0:
                    raise RuntimeError(f"grad_and_value(f)(*args): Expected f(*args) to return a scalar Tensor, got tensor with {output.dim()} dims. Maybe you wanted to use the vjp or jacrev APIs instead?")
                grads = _grads((output,), diff_args, None, keep_graph)
        finally:
            _level[0] -= 1
        grad_result = grads if as_tuple else grads[0]
        value = _unwrapped(output, keep_graph)
        if has_aux:
            return _unwrapped(grad_result, keep_graph), (value, _unwrapped(aux, keep_graph))
        return _unwrapped(grad_result, keep_graph), value

    return wrapper


def grad(func, argnums=0, has_aux=False):
    inner = grad_and_value(func, argnums, has_aux)

    def wrapper(*args, **kwargs):
        results = inner(*args, **kwargs)
        if has_aux:
            g, (_, aux) = results
            return g, aux
        g, _ = results
        return g

    return wrapper


def _vjp_with_argnums(func, *primals, has_aux=False):
    keep_graph = _outer_graph(primals)
    _level[0] += 1
    try:
        with torch.enable_grad():
            diff_primals = tuple(_wrapped(p, True) for p in primals)
            primals_out = func(*diff_primals)
            aux = None
            if has_aux:
                if not (isinstance(primals_out, tuple) and len(primals_out) == 2):
                    raise RuntimeError("vjp(f, *primals): output of function f should be a tuple: (output, aux) if has_aux is True")
                primals_out, aux = primals_out
    finally:
        _level[0] -= 1
    outs = _as_tuple(primals_out)
    for o in outs:
        if not isinstance(o, torch.Tensor):
            raise RuntimeError(f"vjp(f, *primals): Expected f(*primals) to return only tensors, got unsupported type {type(o)}")

    def wrapper(cotangents, retain_graph=True, create_graph=None):
        if create_graph is None:
            create_graph = keep_graph or _level[0] > 0
        cts = _as_tuple(cotangents)
        if len(cts) != len(outs):
            raise RuntimeError(f"Expected pytree structure of cotangents to be the same as pytree structure of outputs to the function. cotangents: {cts}, primal output: {outs}")
        with torch.enable_grad():
            results = _grads(outs, diff_primals, cts, create_graph)
        return _unwrapped(results, create_graph)

    out = _unwrapped(primals_out, keep_graph)
    if has_aux:
        return out, wrapper, _unwrapped(aux, keep_graph)
    return out, wrapper


def vjp(func, *primals, has_aux=False):
    return _vjp_with_argnums(func, *primals, has_aux=has_aux)


def jacrev(func, argnums=0, *, has_aux=False, chunk_size=None, _preallocate_and_copy=False):
    def wrapper_fn(*args):
        keep_graph = _outer_graph(args)
        nums, as_tuple = _argnums_tuple(argnums, len(args), "jacrev")
        _level[0] += 1
        try:
            with torch.enable_grad():
                args = list(args)
                for i in nums:
                    args[i] = _wrapped(args[i], True)
                diff_args = tuple(args[i] for i in nums)
                output = func(*args)
                aux = None
                if has_aux:
                    output, aux = output
                outs = _as_tuple(output)
                jacobians = []
                for out in outs:
                    rows = []
                    for k in range(out.numel()):
                        basis = torch.zeros(out.numel(), dtype=out.dtype)
                        basis[k] = 1.0
                        rows.append(_grads((out,), diff_args, (basis.view(out.shape),), keep_graph))
                    per_input = []
                    for j, a in enumerate(diff_args):
                        if rows:
                            stacked = torch.stack([r[j] for r in rows])
                        else:
                            stacked = torch.zeros((0,) + tuple(a.shape), dtype=a.dtype)
                        per_input.append(stacked.view(tuple(out.shape) + tuple(a.shape)))
                    jacobians.append(tuple(per_input) if as_tuple else per_input[0])
        finally:
            _level[0] -= 1
        result = tuple(jacobians) if isinstance(output, tuple) else jacobians[0]
        result = _unwrapped(result, keep_graph)
        if has_aux:
            return result, _unwrapped(aux, keep_graph)
        return result

    return wrapper_fn
`,
};
