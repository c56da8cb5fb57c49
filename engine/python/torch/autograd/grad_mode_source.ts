// torch.autograd.grad_mode written in Python, as PyTorch writes it: no_grad, enable_grad,
// set_grad_enabled and inference_mode are context managers that also decorate functions
// (`@torch.no_grad()`, and `@torch.no_grad` without the call). The switches themselves are
// host functions of torch._C (grad_mode.ts).
export const gradModeSource = {
  name: "torch.autograd.grad_mode",
  filename: "/usr/lib/python3/dist-packages/torch/autograd/grad_mode.py",
  source: String.raw`
from functools import wraps
from torch._C import _set_grad_enabled, is_grad_enabled, _enter_inference_mode, _exit_inference_mode


class _DecoratorContextManager:
    def __call__(self, orig_func):
        @wraps(orig_func)
        def decorate_context(*args, **kwargs):
            with self.clone():
                return orig_func(*args, **kwargs)
        return decorate_context

    def clone(self):
        return self.__class__()


class _NoParamDecoratorContextManager(_DecoratorContextManager):
    # @torch.no_grad without the call decorates the function it is given
    def __new__(cls, orig_func=None):
        if orig_func is None:
            return super().__new__(cls)
        return cls()(orig_func)


class no_grad(_NoParamDecoratorContextManager):
    def __init__(self):
        self.prev = False

    def __enter__(self):
        self.prev = is_grad_enabled()
        _set_grad_enabled(False)

    def __exit__(self, exc_type, exc_value, traceback):
        _set_grad_enabled(self.prev)


class enable_grad(_NoParamDecoratorContextManager):
    def __enter__(self):
        self.prev = is_grad_enabled()
        _set_grad_enabled(True)

    def __exit__(self, exc_type, exc_value, traceback):
        _set_grad_enabled(self.prev)


class set_grad_enabled(_DecoratorContextManager):
    # the switch happens at the call, so a plain torch.set_grad_enabled(False) works too
    def __init__(self, mode):
        self.prev = is_grad_enabled()
        self.mode = mode
        _set_grad_enabled(mode)

    def __call__(self, orig_func):
        _set_grad_enabled(self.prev)
        return super().__call__(orig_func)

    def __enter__(self):
        _set_grad_enabled(self.mode)

    def __exit__(self, exc_type, exc_value, traceback):
        _set_grad_enabled(self.prev)

    def clone(self):
        return self.__class__(self.mode)


class inference_mode(_DecoratorContextManager):
    def __new__(cls, mode=True):
        if isinstance(mode, bool):
            return super().__new__(cls)
        return cls()(mode)

    def __init__(self, mode=True):
        self.mode = mode

    def __enter__(self):
        self._prev = _enter_inference_mode(self.mode)

    def __exit__(self, exc_type, exc_value, traceback):
        _exit_inference_mode(self._prev)

    def clone(self):
        return self.__class__(self.mode)
`,
};
