// torch.nn.Module's backward hooks, written in Python after PyTorch's module.py and
// torch/utils/hooks.py: register_full_backward_hook / register_full_backward_pre_hook, and the
// call that runs forward between the forward hooks and, when backward hooks are registered,
// wraps the module's tensor arguments and results in BackwardHookFunction (an identity custom
// Function: its BackwardHookFunctionBackward nodes are where the hooks sit). The output's node
// calls the pre-hooks on the gradients of the outputs; the inputs' node calls the hooks with
// the gradients of the inputs too. module.ts puts these methods on the real Module.
export const hooksSource = {
  name: "torch.nn.modules._hooks",
  filename: "/usr/lib/python3/dist-packages/torch/nn/modules/module.py",
  source: String.raw`
import torch
from torch._gradlens import module_enter, module_exit, warn as _warn

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

            node.register_hook(hook)

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

            node.register_hook(hook)

        is_tuple = isinstance(result, tuple)
        args = result if is_tuple else (result,)
        res, where = self._wrap(on_node, args)
        self.n_outputs = len(args)
        self.output_tensors_index = where
        return res if is_tuple else res[0]


class Module:
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
        if self._is_full_backward_hook is True:
            raise RuntimeError("Cannot use both regular backward hooks and full backward hooks on a single Module. Please use only one of them.")
        raise NotImplementedError("torch.nn.Module.register_backward_hook (the deprecated non-full hook; register_full_backward_hook is) is not in Gradlens yet")

    def _call_impl(self, *args, **kwargs):
        from torch.nn.modules.module import _global_forward_pre_hooks, _global_forward_hooks
        call = module_enter(self)
        result = None
        called = set()
        try:
            full_hooks = list(self._backward_hooks.values()) if self._is_full_backward_hook else []
            pre_hooks = list(self._backward_pre_hooks.values())
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
                    _warn("UserWarning", f"For backward hooks to be called, module output should be a Tensor or a tuple of Tensors but received {type(result)}")
                result = bw_hook.setup_output_hook(result)
        except Exception:
            # forward hooks registered with always_call=True run even when forward raised
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
                        _warn("UserWarning", f"module forward hook with {_TICKS}always_call=True{_TICKS} raised an exception that was silenced as another error was raised in forward: {str(e)}")
            module_exit(call, None)
            raise
        except BaseException:
            module_exit(call, None)
            raise
        module_exit(call, result)
        return result
`,
};
