// torch.nn.Module's hooks, written in Python after PyTorch's module.py and torch/utils/hooks.py:
// forward pre-hooks and hooks (with_kwargs, always_call, prepend, the global ones of
// torch.nn.modules.module first); register_full_backward_hook / register_full_backward_pre_hook,
// and the call that runs forward between the forward hooks and, when full backward hooks are
// registered, wraps the module's tensor arguments and results in BackwardHookFunction (an identity
// custom Function: its BackwardHookFunctionBackward nodes are where the hooks sit). The output's
// node calls the pre-hooks on the gradients of the outputs; the inputs' node calls the hooks with
// the gradients of the inputs too. The deprecated register_backward_hook puts its hook on the
// grad_fn of the first tensor forward returned, so it sees that one node's gradients (with the
// FutureWarnings PyTorch gives when that is not the whole module). module.ts puts these methods on
// the real Module. Hooks on nodes are registered through module_node_hook, which tells the view
// which module they belong to.
export const hooksSource = {
  name: "torch.nn.modules._hooks",
  filename: "/usr/lib/python3/dist-packages/torch/nn/modules/module.py",
  source: String.raw`
import functools
import torch
from torch._gradlens import module_enter, module_exit, module_node_hook
from torch._C import _gradlens_warn

_MODULE_PY = "/usr/lib/python3/dist-packages/torch/nn/modules/module.py"

_TICKS = "\x60\x60"


class BackwardHookFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, *args):
        ctx.mark_non_differentiable(*[arg for arg in args if not arg.requires_grad])
        return args

    @staticmethod
    def backward(ctx, *args):
        return args


def _spread(indices, values, size):
    # the tensors' entries back at their places among the module's arguments (None elsewhere)
    out = [None] * size
    for i, v in zip(indices, values):
        out[i] = v
    return tuple(out)


class BackwardHook:
    def __init__(self, module, user_hooks, user_pre_hooks):
        self.module = module
        self.user_hooks = user_hooks
        self.user_pre_hooks = user_pre_hooks
        self.grad_outputs = None
        self.n_outputs = -1
        self.output_tensors_index = None
        self.n_inputs = -1
        self.input_tensors_index = None

    def _wrap(self, on_node, args):
        # the tensors among args go through BackwardHookFunction; on_node gets its node
        where = [i for i, a in enumerate(args) if isinstance(a, torch.Tensor)]
        tensors = [args[i] for i in where]
        if not (any(t.requires_grad for t in tensors) and torch.is_grad_enabled()):
            return args, None
        wrapped = BackwardHookFunction.apply(*tensors)
        if len(wrapped) == 0:
            raise RuntimeError("Cannot set Module backward hook for a Module with no input Tensors.")
        nodes = [t.grad_fn for t in wrapped if t.grad_fn is not None and t.grad_fn.name() == "BackwardHookFunctionBackward"]
        if not nodes:
            raise RuntimeError("Error while setting up backward hooks. Please open an issue with a code sample to reproduce this.")
        on_node(nodes[0])
        out = list(args)
        for i, t in zip(where, wrapped):
            out[i] = t
        return (tuple(out) if type(args) is tuple else type(args)(*out)), where

    def setup_input_hook(self, args):
        def on_node(node):
            def hook(grad_input, _):
                if self.grad_outputs is None:
                    # the gradient reached the inputs without passing through the outputs
                    return None
                res = _spread(self.input_tensors_index, grad_input, self.n_inputs)
                for user_hook in self.user_hooks:
                    out = user_hook(self.module, res, self.grad_outputs)
                    if out is None:
                        continue
                    if len(out) != len(res):
                        raise RuntimeError(f"Backward hook returned an invalid number of grad_input, got {len(out)}, but expected {len(res)}")
                    res = out
                self.grad_outputs = None
                return tuple(res[i] for i in self.input_tensors_index)

            if self.user_hooks:
                module_node_hook(node, hook, self.module, "register_full_backward_hook", self.user_hooks)
            else:
                module_node_hook(node, hook, self.module, "register_full_backward_pre_hook", self.user_pre_hooks)

        res, where = self._wrap(on_node, args)
        self.n_inputs = len(args)
        self.input_tensors_index = where
        return res

    def setup_output_hook(self, result):
        def on_node(node):
            def hook(_, grad_output):
                self.grad_outputs = _spread(self.output_tensors_index, grad_output, self.n_outputs)
                expected = len(self.grad_outputs)
                for user_pre_hook in self.user_pre_hooks:
                    new = user_pre_hook(self.module, self.grad_outputs)
                    if new is None:
                        continue
                    if len(new) != expected:
                        raise RuntimeError(f"Backward pre hook returned an invalid number of grad_output, got {len(new)}, but expected {expected}")
                    self.grad_outputs = new
                grad_outputs = self.grad_outputs
                if self.input_tensors_index is None:
                    # no input needs a gradient: the hooks are called from here, with Nones
                    grad_inputs = _spread([], [], self.n_inputs)
                    for user_hook in self.user_hooks:
                        res = user_hook(self.module, grad_inputs, self.grad_outputs)
                        if res is not None and not (isinstance(res, tuple) and all(el is None for el in res)):
                            raise RuntimeError("Backward hook for Modules where no input requires gradient should always return None or None for all gradients.")
                    self.grad_outputs = None
                if grad_outputs is not None:
                    return tuple(grad_outputs[i] for i in self.output_tensors_index)

            if self.user_pre_hooks:
                module_node_hook(node, hook, self.module, "register_full_backward_pre_hook", self.user_pre_hooks)
            else:
                module_node_hook(node, hook, self.module, "register_full_backward_hook", self.user_hooks)

        is_tuple = isinstance(result, tuple)
        args = result if is_tuple else (result,)
        res, where = self._wrap(on_node, args)
        self.n_outputs = len(args)
        self.output_tensors_index = where
        return res if is_tuple else res[0]


class _WrappedHook:
    # a non-full backward hook on a grad_fn: called with the module first
    def __init__(self, hook, module):
        self.hook = hook
        functools.update_wrapper(self, hook)
        self.module = module

    def __call__(self, *args, **kwargs):
        return self.hook(self.module, *args, **kwargs)


def _warn_future(message):
    _gradlens_warn("FutureWarning", message, _MODULE_PY, 1830, "self._maybe_warn_non_full_backward_hook(args, result, grad_fn)")


class Module:
    def register_forward_pre_hook(self, hook, *, prepend=False, with_kwargs=False):
        from torch.nn.modules.module import RemovableHandle
        handle = RemovableHandle(self._forward_pre_hooks, extra_dict=self._forward_pre_hooks_with_kwargs)
        self._forward_pre_hooks[handle.id] = hook
        if with_kwargs:
            self._forward_pre_hooks_with_kwargs[handle.id] = True
        if prepend:
            self._forward_pre_hooks.move_to_end(handle.id, last=False)
        return handle

    def register_forward_hook(self, hook, *, prepend=False, with_kwargs=False, always_call=False):
        from torch.nn.modules.module import RemovableHandle
        handle = RemovableHandle(self._forward_hooks, extra_dict=[self._forward_hooks_with_kwargs, self._forward_hooks_always_called])
        self._forward_hooks[handle.id] = hook
        if with_kwargs:
            self._forward_hooks_with_kwargs[handle.id] = True
        if always_call:
            self._forward_hooks_always_called[handle.id] = True
        if prepend:
            self._forward_hooks.move_to_end(handle.id, last=False)
        return handle

    def _run_forward_pre_hooks(self, args, kwargs):
        from torch.nn.modules.module import _global_forward_pre_hooks
        for hook_id, hook in (*_global_forward_pre_hooks.items(), *self._forward_pre_hooks.items()):
            if hook_id in self._forward_pre_hooks_with_kwargs:
                args_kwargs_result = hook(self, args, kwargs)
                if args_kwargs_result is not None:
                    if isinstance(args_kwargs_result, tuple) and len(args_kwargs_result) == 2:
                        args, kwargs = args_kwargs_result
                    else:
                        raise RuntimeError(
                            "forward pre-hook must return None or a tuple of (new_args, new_kwargs), "
                            f"but got {args_kwargs_result}."
                        )
            else:
                args_result = hook(self, args)
                if args_result is not None:
                    if not isinstance(args_result, tuple):
                        args_result = (args_result,)
                    args = args_result
        return args, kwargs

    def _run_forward_hooks(self, args, kwargs, result, called):
        from torch.nn.modules.module import _global_forward_hooks, _global_forward_hooks_always_called, _global_forward_hooks_with_kwargs
        for hook_id, hook in (*_global_forward_hooks.items(), *self._forward_hooks.items()):
            if hook_id in self._forward_hooks_always_called or hook_id in _global_forward_hooks_always_called:
                called.add(hook_id)
            if hook_id in self._forward_hooks_with_kwargs or hook_id in _global_forward_hooks_with_kwargs:
                hook_result = hook(self, args, kwargs, result)
            else:
                hook_result = hook(self, args, result)
            if hook_result is not None:
                result = hook_result
        return result

    def register_full_backward_pre_hook(self, hook, prepend=False):
        from torch.nn.modules.module import RemovableHandle
        handle = RemovableHandle(self._backward_pre_hooks)
        self._backward_pre_hooks[handle.id] = hook
        if prepend:
            self._backward_pre_hooks.move_to_end(handle.id, last=False)
        return handle

    def register_full_backward_hook(self, hook, prepend=False):
        from torch.nn.modules.module import RemovableHandle
        if self._is_full_backward_hook is False:
            raise RuntimeError("Cannot use both regular backward hooks and full backward hooks on a single Module. Please use only one of them.")
        self._is_full_backward_hook = True
        handle = RemovableHandle(self._backward_hooks)
        self._backward_hooks[handle.id] = hook
        if prepend:
            self._backward_hooks.move_to_end(handle.id, last=False)
        return handle

    def register_backward_hook(self, hook):
        from torch.nn.modules.module import RemovableHandle
        if self._is_full_backward_hook is True:
            raise RuntimeError("Cannot use both regular backward hooks and full backward hooks on a single Module. Please use only one of them.")
        self._is_full_backward_hook = False
        handle = RemovableHandle(self._backward_hooks)
        self._backward_hooks[handle.id] = hook
        return handle

    def _get_backward_hooks(self):
        from torch.nn.modules import module as _m
        full_backward_hooks = []
        if _m._global_is_full_backward_hook is True:
            full_backward_hooks += _m._global_backward_hooks.values()
        if self._is_full_backward_hook is True:
            full_backward_hooks += self._backward_hooks.values()
        non_full_backward_hooks = []
        if _m._global_is_full_backward_hook is False:
            non_full_backward_hooks += _m._global_backward_hooks.values()
        if self._is_full_backward_hook is False:
            non_full_backward_hooks += self._backward_hooks.values()
        return full_backward_hooks, non_full_backward_hooks

    def _get_backward_pre_hooks(self):
        from torch.nn.modules.module import _global_backward_pre_hooks
        return [*_global_backward_pre_hooks.values(), *self._backward_pre_hooks.values()]

    def _maybe_warn_non_full_backward_hook(self, inputs, result, grad_fn):
        if not isinstance(result, torch.Tensor):
            if not (isinstance(result, tuple) and all(isinstance(r, torch.Tensor) for r in result)):
                _warn_future(
                    "Using non-full backward hooks on a Module that does not return a single Tensor or a tuple of Tensors is deprecated "
                    "and will be removed in future versions. This hook will be missing some of the grad_output. "
                    "Please use register_full_backward_hook to get the documented behavior."
                )
                return
        else:
            result = (result,)
        if not isinstance(inputs, torch.Tensor):
            if not (isinstance(inputs, tuple) and all(isinstance(i, torch.Tensor) for i in inputs)):
                _warn_future(
                    "Using non-full backward hooks on a Module that does not take as input a single Tensor or a tuple of Tensors is "
                    "deprecated and will be removed in future versions. This hook will be missing some of the grad_input. "
                    "Please use register_full_backward_hook to get the documented behavior."
                )
                return
        else:
            inputs = (inputs,)
        out_grad_fn = {r.grad_fn for r in result if r.grad_fn is not None}
        if len(out_grad_fn) == 0 or (len(out_grad_fn) == 1 and grad_fn not in out_grad_fn):
            _warn_future(
                "Using a non-full backward hook when outputs are nested in python data structure is deprecated and will be removed "
                "in future versions. This hook will be missing some grad_output."
            )
        elif len(out_grad_fn) > 1:
            _warn_future(
                "Using a non-full backward hook when outputs are generated by different autograd Nodes is deprecated and will be "
                "removed in future versions. This hook will be missing some grad_output. Please use register_full_backward_hook "
                "to get the documented behavior."
            )
        else:
            inputs_grad_fn = {i.grad_fn for i in inputs if i.grad_fn is not None}
            next_functions = {n[0] for n in grad_fn.next_functions}
            if inputs_grad_fn != next_functions:
                _warn_future(
                    "Using a non-full backward hook when the forward contains multiple autograd Nodes is deprecated and will be "
                    "removed in future versions. This hook will be missing some grad_input. Please use register_full_backward_hook "
                    "to get the documented behavior."
                )

    def _call_impl(self, *args, **kwargs):
        from torch.nn.modules.module import _global_forward_pre_hooks, _global_forward_hooks, _global_forward_hooks_always_called
        call = module_enter(self)
        result = None
        called = set()
        try:
            full_hooks, non_full_hooks = self._get_backward_hooks()
            pre_hooks = self._get_backward_pre_hooks()
            if self._forward_pre_hooks or _global_forward_pre_hooks:
                args, kwargs = self._run_forward_pre_hooks(args, kwargs)
            bw_hook = None
            if full_hooks or pre_hooks:
                bw_hook = BackwardHook(self, full_hooks, pre_hooks)
                args = bw_hook.setup_input_hook(args)
            result = self.forward(*args, **kwargs)
            if self._forward_hooks or _global_forward_hooks:
                result = self._run_forward_hooks(args, kwargs, result, called)
            if bw_hook:
                if not isinstance(result, (torch.Tensor, tuple)):
                    _gradlens_warn(
                        "UserWarning",
                        f"For backward hooks to be called, module output should be a Tensor or a tuple of Tensors but received {type(result)}",
                        _MODULE_PY, 1813, 'warnings.warn("For backward hooks to be called,"',
                    )
                result = bw_hook.setup_output_hook(result)
            if non_full_hooks:
                var = result
                while not isinstance(var, torch.Tensor):
                    if isinstance(var, dict):
                        var = next(v for v in var.values() if isinstance(v, torch.Tensor))
                    else:
                        var = var[0]
                grad_fn = var.grad_fn
                if grad_fn is not None:
                    for hook in non_full_hooks:
                        module_node_hook(grad_fn, _WrappedHook(hook, self), self, "register_backward_hook", [hook])
                    self._maybe_warn_non_full_backward_hook(args, result, grad_fn)
        except Exception:
            # forward hooks registered with always_call=True run even when forward raised
            for hook_id, hook in _global_forward_hooks.items():
                if hook_id in _global_forward_hooks_always_called and hook_id not in called:
                    try:
                        hook_result = hook(self, args, result)
                        if hook_result is not None:
                            result = hook_result
                    except Exception as e:
                        _gradlens_warn(
                            "UserWarning",
                            f"global module forward hook with {_TICKS}always_call=True{_TICKS} raised an exception that was silenced as another error was raised in forward: {str(e)}",
                            _MODULE_PY, 1857, 'warnings.warn("global module forward hook with \x60\x60always_call=True\x60\x60 raised an exception "',
                        )
            for hook_id, hook in self._forward_hooks.items():
                if hook_id in self._forward_hooks_always_called and hook_id not in called:
                    try:
                        if hook_id in self._forward_hooks_with_kwargs:
                            hook_result = hook(self, args, kwargs, result)
                        else:
                            hook_result = hook(self, args, result)
                        if hook_result is not None:
                            result = hook_result
                    except Exception as e:
                        _gradlens_warn(
                            "UserWarning",
                            f"module forward hook with {_TICKS}always_call=True{_TICKS} raised an exception that was silenced as another error was raised in forward: {str(e)}",
                            _MODULE_PY, 1871, 'warnings.warn("module forward hook with \x60\x60always_call=True\x60\x60 raised an exception "',
                        )
            module_exit(call, None)
            raise
        except BaseException:
            module_exit(call, None)
            raise
        module_exit(call, result)
        return result
`,
};
