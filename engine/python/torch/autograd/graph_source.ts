// torch.autograd.graph written in Python after PyTorch's graph.py: saved_tensors_hooks,
// save_on_cpu, disable_saved_tensors_hooks (over torch._C._autograd's switches, saved_hooks.ts);
// GradientEdge / get_gradient_edge; increment_version; register_multi_grad_hook, which counts the
// gradients the running backward will compute with _will_engine_execute_node
// (graph_task.ts). allow_mutation_on_saved_tensors is not in Gradlens yet.
import { registerLibrary } from "../../library.ts";

export const graphSource = {
  name: "torch.autograd.graph",
  filename: "/usr/lib/python3/dist-packages/torch/autograd/graph.py",
  notYet: ["allow_mutation_on_saved_tensors"],
  source: String.raw`
import contextlib
import functools
from collections import defaultdict, namedtuple
import torch
from torch.nn.modules.module import RemovableHandle
from torch._C import _grad_accumulator, _current_graph_task_id, _will_engine_execute_node, _increment_version
from torch._C._autograd import (
    Node,
    _push_saved_tensors_default_hooks,
    _pop_saved_tensors_default_hooks,
    _saved_tensors_hooks_disable,
    _saved_tensors_hooks_enable,
    _saved_tensors_hooks_get_disabled_error_message,
)


class saved_tensors_hooks:
    def __init__(self, pack_hook, unpack_hook):
        self.pack_hook = pack_hook
        self.unpack_hook = unpack_hook

    def __enter__(self):
        _push_saved_tensors_default_hooks(self.pack_hook, self.unpack_hook)

    def __exit__(self, *args):
        _pop_saved_tensors_default_hooks()


class save_on_cpu(saved_tensors_hooks):
    def __init__(self, pin_memory=False, device_type="cuda"):
        def pack_to_cpu(tensor):
            if not pin_memory:
                return (tensor.device, tensor.cpu())
            # no CUDA here: the "pinned" copy is an ordinary one
            packed = torch.empty(tensor.size(), dtype=tensor.dtype, layout=tensor.layout, pin_memory=False)
            packed.copy_(tensor)
            return (tensor.device, packed)

        def unpack_from_cpu(packed):
            device, tensor = packed
            return tensor.to(device, non_blocking=pin_memory)

        super().__init__(pack_to_cpu, unpack_from_cpu)


@contextlib.contextmanager
def disable_saved_tensors_hooks(error_message):
    maybe_prev_message = _saved_tensors_hooks_get_disabled_error_message()
    _saved_tensors_hooks_disable(error_message)
    try:
        yield
    finally:
        if maybe_prev_message is None:
            _saved_tensors_hooks_enable()
        else:
            _saved_tensors_hooks_disable(maybe_prev_message)


def _get_grad_fn_or_grad_acc(t):
    if isinstance(t, GradientEdge):
        return t.node
    if t.requires_grad and t.grad_fn is None:
        node = _grad_accumulator(t)
    else:
        node = t.grad_fn
    assert node is not None
    return node


GradientEdge = namedtuple("GradientEdge", ["node", "output_nr"], module="torch.autograd.graph")


def get_gradient_edge(tensor):
    if not tensor.requires_grad:
        raise RuntimeError("It is not possible to get the gradient edge for a Tensor that does not require gradients")
    grad_fn = _get_grad_fn_or_grad_acc(tensor)
    return GradientEdge(grad_fn, tensor.output_nr)


def increment_version(tensor):
    if isinstance(tensor, torch.Tensor):
        tensor = (tensor,)
    _increment_version(tensor)


class _MultiHandle(RemovableHandle):
    def __init__(self, handles):
        self.handles = handles

    def remove(self):
        for handle in self.handles:
            handle.remove()


def register_multi_grad_hook(tensors, fn, *, mode="all"):
    supported_modes = ("all", "any")
    if mode not in supported_modes:
        raise ValueError(f"Expects mode to be one of {supported_modes} but got {mode}")

    if mode == "all":
        count = {}
        nb_calls = None
        buffer = {}
        grad_fns = list(map(_get_grad_fn_or_grad_acc, tensors))
        len_tensors = len(tensors)

        def get_inner_hook(idx):
            def inner_hook(grad):
                nonlocal count, nb_calls, buffer, fn
                id = _current_graph_task_id()
                assert id != -1, "expected this hook to be called inside a backward call"
                count[id] = count.get(id, 0)
                buffer[id] = buffer.get(id, [None] * len_tensors)
                curr_count, count[id] = count[id], count[id] + 1
                if curr_count == 0:
                    # on the first call: how many of the tensors' gradients this backward computes
                    nb_calls = sum(map(_will_engine_execute_node, grad_fns))
                buffer[id][idx] = grad
                assert nb_calls is not None
                if curr_count == nb_calls - 1:
                    fn(buffer[id])
                    del count[id]
                    del buffer[id]

            return inner_hook

        handles = tuple(t.register_hook(get_inner_hook(i)) for i, t in enumerate(tensors))
    elif mode == "any":
        ran_hook = defaultdict(bool)

        @functools.wraps(fn)
        def wrapped_fn(grad):
            nonlocal ran_hook
            id = _current_graph_task_id()
            assert id != -1, "expected this hook to be called inside a backward call"
            prev, ran_hook[id] = ran_hook[id], True
            if prev:
                return
            fn(grad)

        handles = tuple(tensor.register_hook(wrapped_fn) for tensor in tensors if tensor.requires_grad)

    return _MultiHandle(handles)
`,
};

registerLibrary(graphSource);
