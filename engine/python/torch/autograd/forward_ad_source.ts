// torch.autograd.forward_ad written in Python over torch._C's dual-level switches
// (forward_ad_host.ts): dual_level, enter/exit_dual_level, make_dual, unpack_dual and the
// UnpackedDualTensor namedtuple, with PyTorch 2.6's checks and messages. One level at a time, as
// in PyTorch. Library code: its statements are not narrated, the ops it calls are.
export const forwardAdSource = {
  name: "torch.autograd.forward_ad",
  filename: "/usr/lib/python3/dist-packages/torch/autograd/forward_ad.py",
  source: String.raw`
from collections import namedtuple
import torch
from torch._C import _enter_dual_level, _exit_dual_level, _make_dual, _unpack_dual
from torch._C import _is_fwd_grad_enabled as _c_is_fwd_grad_enabled, _set_fwd_grad_enabled as _c_set_fwd_grad_enabled
from torch.autograd.grad_mode import _DecoratorContextManager

__all__ = ["UnpackedDualTensor", "enter_dual_level", "exit_dual_level", "make_dual", "unpack_dual", "dual_level"]

# the level the functions below use when none is given (-1: no level entered)
_current_level = -1


def enter_dual_level():
    global _current_level
    level = _enter_dual_level()
    if level != _current_level + 1:
        raise RuntimeError("Entering a new forward AD level but the current level is not valid. Make sure you did not modified it directly.")
    _current_level = level
    return level


def exit_dual_level(*, level=None):
    global _current_level
    if level is None:
        level = _current_level
    if level != _current_level:
        raise RuntimeError("Trying to exit a forward AD level that was not the last one that was created. This is not supported.")
    _exit_dual_level(level=level)
    _current_level = level - 1


def make_dual(tensor, tangent, *, level=None):
    if level is None:
        level = _current_level
    if level < 0:
        raise RuntimeError("Trying to create a dual Tensor for forward AD but no level exists, make sure to enter_dual_level() first.")
    if not tensor.is_floating_point():
        raise ValueError(f"Expected primal to be floating point or complex, but got: {tensor.dtype}")
    if not tangent.is_floating_point():
        raise ValueError(f"Expected tangent to be floating point or complex, but got: {tangent.dtype}")
    return _make_dual(tensor, tangent, level=level)


_UnpackedDualTensor = namedtuple("_UnpackedDualTensor", ["primal", "tangent"])


class UnpackedDualTensor(_UnpackedDualTensor):
    pass


def unpack_dual(tensor, *, level=None):
    if level is None:
        level = _current_level
    if level < 0:
        return UnpackedDualTensor(tensor, None)
    primal, tangent = _unpack_dual(tensor, level=level)
    return UnpackedDualTensor(primal, tangent)


class dual_level(_DecoratorContextManager):
    def __enter__(self):
        return enter_dual_level()

    def __exit__(self, exc_type, exc_value, traceback):
        exit_dual_level()


_is_fwd_grad_enabled = _c_is_fwd_grad_enabled


class _set_fwd_grad_enabled(_DecoratorContextManager):
    def __init__(self, mode):
        self.prev = _is_fwd_grad_enabled()
        _c_set_fwd_grad_enabled(mode)

    def __enter__(self):
        pass

    def __exit__(self, exc_type, exc_value, traceback):
        _c_set_fwd_grad_enabled(self.prev)
`,
};
