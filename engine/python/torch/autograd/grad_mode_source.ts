// torch.autograd.grad_mode written in Python, as PyTorch writes it: no_grad, enable_grad,
// set_grad_enabled and inference_mode are context managers that also decorate functions
// (`@torch.no_grad()`, and `@torch.no_grad` without the call). The switches themselves are
// host functions of torch._C (grad_mode.ts).
export const gradModeSource = {
  name: "torch.autograd.grad_mode",
  filename: "/usr/lib/python3/dist-packages/torch/autograd/grad_mode.py",
  source: String.raw`
from functools import wraps
from torch._C import _set_grad_enabled, is_grad_enabled, _enter_inference_mode, _exit_inference_mode, _is_generator_function


def _wrap_generator(ctx_factory, func):
    # the mode holds while the generator runs, not while its caller runs between yields
    @wraps(func)
    def generator_context(*args, **kwargs):
        gen = func(*args, **kwargs)
        try:
            with ctx_factory():
                response = gen.send(None)
            while True:
                try:
                    request = yield response
                except GeneratorExit:
                    with ctx_factory():
                        gen.close()
                    raise
                except BaseException as e:
                    with ctx_factory():
                        response = gen.throw(e)
                else:
                    with ctx_factory():
                        response = gen.send(request)
        except StopIteration as e:
            return e.value
    return generator_context


class _DecoratorContextManager:
    def __call__(self, orig_func):
        if _is_generator_function(orig_func):
            return _wrap_generator(self.clone, orig_func)
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
