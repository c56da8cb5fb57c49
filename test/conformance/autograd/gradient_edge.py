# torch.autograd.graph.GradientEdge: where a tensor's gradient is computed (its grad_fn and which
# output, or a leaf's AccumulateGrad); autograd.grad and backward(inputs=) take edges for tensors
import torch
from torch.autograd.graph import GradientEdge, get_gradient_edge, Node

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 3
z = (y ** 2).sum()
ex = get_gradient_edge(x)
ey = get_gradient_edge(y)
print(ex)
print(ey, ey.node.name(), ey.output_nr)
print(type(ey).__name__, isinstance(ey, tuple), GradientEdge._fields)
print(ex.node is y.grad_fn.next_functions[0][0])
print(torch.autograd.grad(z, ey, retain_graph=True))
print(torch.autograd.grad(z, [ey, ex], retain_graph=True))
print(torch.autograd.grad(z, [x, y], retain_graph=True))
print(torch.autograd.grad(z, (ex,), retain_graph=True))

# the second output of unbind
a, b = y.unbind()
eb = get_gradient_edge(b)
print(eb.node.name(), eb.output_nr)
print(torch.autograd.grad(b * a, eb, retain_graph=True))

# backward(inputs=edge): a leaf's edge accumulates into .grad; a non-leaf's edge stops there
z.backward(inputs=[ex], retain_graph=True)
print(x.grad)
x.grad = None
z.backward(inputs=[ey], retain_graph=True)
print(x.grad)

# grad_fn objects are Nodes; metadata is a dict the node keeps
print(isinstance(y.grad_fn, Node), isinstance(x, Node), issubclass(type(z.grad_fn), Node))
print(y.grad_fn.metadata, type(y.grad_fn.metadata).__name__)
y.grad_fn.metadata["note"] = "times three"
print(y.grad_fn.metadata, ey.node.metadata)

try:
    get_gradient_edge(torch.ones(2))
except RuntimeError as e:
    print("RuntimeError:", e)
