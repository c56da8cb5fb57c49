import torch

def show_error(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)

x = torch.tensor([[1.0, 2.0, 0.5], [0.1, -1.0, 3.0], [4.0, 0.2, -0.7]], requires_grad=True)
low = x.tril()
print(low, x.triu(1), torch.tril(x, -1), torch.triu(x, diagonal=-1))
(low * x).sum().backward()
print(x.grad)
print(torch.tril(torch.tensor([[1, 2], [3, 4]])))
print(torch.tril(torch.ones(2, 3, 3)))

x.grad = None
d = torch.diag(x)
print(d)
(d * d).sum().backward()
print(x.grad)
v = torch.tensor([1.0, 2.0], requires_grad=True)
m = torch.diag(v, 1)
print(m)
(m * torch.arange(9.0).reshape(3, 3)).sum().backward()
print(v.grad)
rect = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
print(rect.diag(), rect.diag(1), rect.diag(-1), rect.diagonal(), rect.diagonal(1))
print(rect.diagonal().grad_fn.name(), rect.diagonal()._base is rect)

t = torch.trace(rect)
print(t)
t.backward()
print(rect.grad)
print(torch.trace(torch.tensor([[1, 2], [3, 4]])))
print(torch.trace(torch.tensor([[0.1, 0.0], [0.0, 0.2]])).item())

# create_graph: PyTorch's names for the gradients' graphs
w = torch.ones(3, requires_grad=True)
(gd,) = torch.autograd.grad(torch.diag(x), x, grad_outputs=w, create_graph=True)
print(gd.grad_fn.name())
w2 = torch.ones(2, requires_grad=True)
(gr,) = torch.autograd.grad(torch.diag(rect), rect, grad_outputs=w2, create_graph=True)
print(gr.grad_fn.name())
s = torch.tensor(1.0, requires_grad=True)
(gt,) = torch.autograd.grad(torch.trace(rect), rect, grad_outputs=s, create_graph=True)
print(gt, gt.grad_fn.name(), gt.grad_fn.next_functions[0][0].name())
(gl,) = torch.autograd.grad(x.tril(), x, grad_outputs=torch.ones(3, 3, requires_grad=True), create_graph=True)
print(gl.grad_fn.name())

show_error(lambda: torch.tril(torch.tensor([1.0, 2.0])))
show_error(lambda: torch.diag(torch.zeros(2, 2, 2)))
show_error(lambda: torch.trace(torch.zeros(2)))
