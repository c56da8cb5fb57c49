// torch.func's grad, grad_and_value, vjp and jacrev where they run without vmap, written in
// Python over torch.autograd.grad: the inputs become fresh leaves (views of themselves when they
// already require grad, so an outer backward or an enclosing transform sees through them), the
// gradients are detached at the outermost transform and keep their graph inside another one or
// when the inputs require grad, as functorch's levels leave them. jacrev takes one
// autograd.grad per output element. jvp runs the function on dual tensors in a
// torch.autograd.forward_ad dual level, as functorch's does; jacfwd takes one jvp per input
// element (a column of the Jacobian each), and hessian is jacfwd(jacrev(f)): forward over reverse,
// the tangents riding through the backward formulas. The rest of torch.func (vmap,
// functional_call...) is not in Gradlens yet, nor jvp inside another jvp.
export const funcSource = {
  name: "torch.func",
  filename: "/usr/lib/python3/dist-packages/torch/_functorch/eager_transforms.py",
  notYet: [
    "vmap",
    "linearize",
    "functionalize",
    "functional_call",
    "stack_module_state",
    "replace_all_batch_norm_modules_",
    "debug_unwrap",
  ],
  source: String.raw`
import torch
import torch.autograd.forward_ad as _fwAD

__all__ = ["grad", "grad_and_value", "vjp", "jacrev", "jvp", "jacfwd", "hessian", "functional_call"]

_level = [0]


def _as_tuple(x):
    return x if isinstance(x, tuple) else (x,)


def _wrapped(x, keep_graph):
    # a fresh leaf for this transform, or a view when an outer graph must see through it; a dual
    # tensor of an enclosing jvp keeps its tangent (forward over reverse)
    if not isinstance(x, torch.Tensor):
        return x
    if keep_graph and x.requires_grad:
        return x.view_as(x)
    tangent = _fwAD.unpack_dual(x).tangent
    leaf = x.detach().requires_grad_(True)
    return leaf if tangent is None else _fwAD.make_dual(leaf, tangent)


def _outer_graph(args):
    return _level[0] > 0 or any(isinstance(a, torch.Tensor) and a.requires_grad for a in args)


def _unwrapped(x, keep_graph):
    if isinstance(x, torch.Tensor):
        if keep_graph:
            return x
        tangent = _fwAD.unpack_dual(x).tangent
        return x.detach() if tangent is None else _fwAD.make_dual(x.detach(), tangent)
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


_jvp_str = "jvp(f, primals, tangents)"
_jvp_depth = [0]


def _flatten(tree):
    # (leaves, spec) for tuples and lists of leaves, as torch.utils._pytree spells specs
    if isinstance(tree, (tuple, list)):
        leaves = []
        specs = []
        for item in tree:
            sub, spec = _flatten(item)
            leaves.extend(sub)
            specs.append(spec)
        return leaves, (type(tree).__name__, tuple(specs))
    if isinstance(tree, dict):
        leaves = []
        specs = []
        for item in tree.values():
            sub, spec = _flatten(item)
            leaves.extend(sub)
            specs.append(spec)
        return leaves, ("dict", tuple(specs), tuple(tree.keys()))
    return [tree], "*"


def _spec_text(spec, indent=0):
    if spec == "*":
        return "*"
    kind, children = spec[0], spec[1]
    context = repr(list(spec[2])) if kind == "dict" else "None"
    text = ""
    if children:
        indent += 2
        text = _spec_text(children[0], indent) + ("," if len(children) > 1 else "")
        text += ",".join("\n" + " " * indent + _spec_text(c, indent) for c in children[1:])
    return f"TreeSpec({kind}, {context}, [{text}])"


def _unflatten(leaves, spec):
    at = [0]

    def build(s):
        if s == "*":
            at[0] += 1
            return leaves[at[0] - 1]
        kind, children = s[0], s[1]
        items = [build(c) for c in children]
        if kind == "dict":
            return dict(zip(s[2], items))
        return items if kind == "list" else tuple(items)

    return build(spec)


def _only_tensors(items, argname):
    if len(items) == 0:
        raise RuntimeError(f"{_jvp_str}: Expected {argname} to contain at least one Tensor.")
    for item in items:
        if not isinstance(item, torch.Tensor):
            raise RuntimeError(f"{_jvp_str}: Expected {argname} to only contain Tensors, got {type(item)}")


def _unpacked_output(out, strict):
    if not isinstance(out, torch.Tensor):
        raise RuntimeError(f"{_jvp_str}: expected f(*args) to return only tensors, got unsupported type {type(out)}")
    primal, tangent = _fwAD.unpack_dual(out)
    if tangent is None:
        if strict:
            raise RuntimeError("jvp(f, primals, tangents, strict=True): The output of f is independent of the inputs. This is not allowed with strict=True.")
        tangent = torch.zeros_like(primal)
    # functorch hands the primal back through an alias of it
    return (primal[...] if primal.requires_grad else primal), tangent


def _jvp_with_argnums(func, primals, tangents, argnums, strict=False, has_aux=False):
    if not isinstance(primals, tuple):
        raise RuntimeError(f"{_jvp_str}: Expected primals to be a tuple. E.g. it should be valid to call f(*primals).")
    diff_args = primals if argnums is None else tuple(primals[i] for i in argnums)
    flat_primals, primals_spec = _flatten(diff_args)
    flat_tangents, tangents_spec = _flatten(tangents)
    if primals_spec != tangents_spec:
        raise RuntimeError(
            f"{_jvp_str}: Expected primals and tangents to have the same python structure. For example, if primals is a tuple of 3 tensors, tangents also must be. "
            f"Got primals with structure {_spec_text(primals_spec)} and tangents with structure {_spec_text(tangents_spec)}"
        )
    _only_tensors(flat_primals, "primals")
    _only_tensors(flat_tangents, "tangents")
    if _jvp_depth[0] > 0:
        raise NotImplementedError("torch.func.jvp (or jacfwd) inside another jvp is not in Gradlens yet")
    _jvp_depth[0] += 1
    try:
        with _fwAD._set_fwd_grad_enabled(True):
            with _fwAD.dual_level():
                flat_duals = [_fwAD.make_dual(p, t) for p, t in zip(flat_primals, flat_tangents)]
                duals = _unflatten(flat_duals, primals_spec)
                if argnums is not None:
                    args = list(primals)
                    for k, i in enumerate(argnums):
                        args[i] = duals[k]
                    duals = tuple(args)
                result = func(*duals)
                aux = None
                if has_aux:
                    if not (isinstance(result, tuple) and len(result) == 2):
                        raise RuntimeError(f"{_jvp_str}: output of function f should be a tuple: (output, aux) if has_aux is True")
                    result, aux = result
                flat_out, out_spec = _flatten(result)
                if (len(flat_out) == 1 and flat_out[0] is None) or len(flat_out) < 1:
                    raise RuntimeError(f"{_jvp_str}: Expected f to be a function that has non-empty output (got output = {flat_out})")
                for o in flat_out:
                    if not isinstance(o, torch.Tensor):
                        raise RuntimeError(f"{_jvp_str}: expected f(*primals) to return only tensors, got unsupported type {type(o)}")
                pairs = [_unpacked_output(o, strict) for o in flat_out]
                primals_out = _unflatten([p for p, _ in pairs], out_spec)
                tangents_out = _unflatten([t for _, t in pairs], out_spec)
    finally:
        _jvp_depth[0] -= 1
    if has_aux:
        return primals_out, tangents_out, aux
    return primals_out, tangents_out


def jvp(func, primals, tangents, *, strict=False, has_aux=False):
    return _jvp_with_argnums(func, primals, tangents, None, strict=strict, has_aux=has_aux)


def jacfwd(func, argnums=0, has_aux=False, *, randomness="error"):
    def wrapper_fn(*args):
        nums = _argnums_tuple(argnums, len(args), "jacfwd")[0]
        primals = tuple(args[i] for i in nums)
        flat_primals, primals_spec = _flatten(primals)
        for p in flat_primals:
            if not isinstance(p, torch.Tensor):
                raise RuntimeError(f"{_jvp_str}: Expected primals to only contain Tensors, got {type(p)}")
        # one jvp per input element: the standard basis, zeros in every other input
        columns = []
        aux = None
        for j, p in enumerate(flat_primals):
            for k in range(p.numel()):
                basis = [torch.zeros_like(q) for q in flat_primals]
                basis[j].view(-1)[k] = 1
                output = _jvp_with_argnums(func, args, _unflatten(basis, primals_spec), nums, has_aux=has_aux)
                if has_aux and aux is None:
                    aux = output[2]
                columns.append(output[1])
        sample = _jvp_with_argnums(func, args, _unflatten([torch.zeros_like(q) for q in flat_primals], primals_spec), nums, has_aux=has_aux) if not columns else None
        first = columns[0] if columns else sample[1]
        flat_first, out_spec = _flatten(first)
        flat_columns = [_flatten(c)[0] for c in columns]
        jacobians = []
        for i, o in enumerate(flat_first):
            per_input = []
            at = 0
            for p in flat_primals:
                cols = [c[i] for c in flat_columns[at:at + p.numel()]]
                at += p.numel()
                stacked = torch.stack(cols, dim=-1) if cols else torch.zeros(tuple(o.shape) + (0,), dtype=o.dtype)
                per_input.append(stacked.reshape(tuple(o.shape) + tuple(p.shape)))
            per_input = _unflatten(per_input, primals_spec)
            jacobians.append(per_input[0] if isinstance(argnums, int) else per_input)
        result = _unflatten(jacobians, out_spec)
        if has_aux:
            return result, aux
        return result

    return wrapper_fn


def hessian(func, argnums=0):
    return jacfwd(jacrev(func, argnums), argnums)


def functional_call(module, parameter_and_buffer_dicts, args=None, kwargs=None, *, tie_weights=True, strict=False):
    # the module runs with the given tensors in place of its parameters and buffers (by their
    # dotted names), which come back afterwards, as torch.nn.utils.stateless does
    if isinstance(parameter_and_buffer_dicts, dict):
        values = parameter_and_buffer_dicts
    elif isinstance(parameter_and_buffer_dicts, (list, tuple)):
        if not all(isinstance(d, dict) for d in parameter_and_buffer_dicts):
            raise ValueError("Expected all elements of parameter_and_buffer_dicts to be dictionaries")
        counts = {}
        for d in parameter_and_buffer_dicts:
            for k in d.keys():
                counts[k] = counts.get(k, 0) + 1
        repeated = [k for k, n in counts.items() if n > 1]
        if len(repeated) > 0:
            raise ValueError(f"{repeated} appeared in multiple dictionaries; behavior of functional call is ambiguous")
        values = {k: v for d in parameter_and_buffer_dicts for k, v in d.items()}
    else:
        raise ValueError(f"Expected parameter_and_buffer_dicts to be a dict, or a list/tuple of dicts, but got {type(parameter_and_buffer_dicts)}")
    if strict:
        raise NotImplementedError("torch.func.functional_call(..., strict=True) is not in Gradlens yet")
    if kwargs is None:
        kwargs = {}
    if args is None:
        args = ()
    elif not isinstance(args, tuple):
        args = (args,)
    restore = []
    try:
        for name, value in values.items():
            prefix, _, attr = name.rpartition(".")
            owner = module.get_submodule(prefix) if prefix else module
            for table in (owner._parameters, owner._buffers):
                if attr in table:
                    restore.append((table, attr, table[attr]))
                    table[attr] = value
                    break
            else:
                restore.append((owner, attr, None))
                setattr(owner, attr, value)
        return module(*args, **kwargs)
    finally:
        for table, attr, old in reversed(restore):
            if isinstance(table, dict):
                table[attr] = old
            else:
                delattr(table, attr)
`,
};