# torch.autograd.graph.Node as a program sees it: name(), next_functions, metadata (a dict the
# node keeps), isinstance/issubclass against Node; a leaf's edge from get_gradient_edge
import torch
from torch.autograd.graph import Node, get_gradient_edge

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 3
z = (y ** 2).sum()
print(z.grad_fn.name(), z.grad_fn.next_functions)
print(y.grad_fn.name(), y.grad_fn.next_functions)
print(isinstance(y.grad_fn, Node), isinstance(x, Node), issubclass(type(z.grad_fn), Node), issubclass(int, Node))
print(type(y.grad_fn).__mro__)
y.grad_fn.metadata["step"] = 1
print(y.grad_fn.metadata, z.grad_fn.metadata)
edge = get_gradient_edge(x)
print(edge.node.name(), edge.node is y.grad_fn.next_functions[0][0], edge.node.metadata)
