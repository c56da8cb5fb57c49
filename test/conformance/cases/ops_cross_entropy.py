import torch
import torch.nn.functional as F

def show_error(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)

logits = torch.tensor([[1.0, 2.0, 0.5], [0.1, -1.0, 3.0], [0.3, 0.3, -0.2]], requires_grad=True)
target = torch.tensor([2, 0, 1])
loss = F.cross_entropy(logits, target)
print(loss)
print(loss.grad_fn.name(), loss.grad_fn.next_functions[0][0].name())
loss.backward()
print(logits.grad)
print(F.cross_entropy(logits, target, reduction='sum'))
print(F.cross_entropy(logits, target, reduction='none'))
print(F.cross_entropy(logits, torch.tensor([2, -100, 1])))
print(F.cross_entropy(logits, target, weight=torch.tensor([1.0, 2.0, 0.5])))
print(F.cross_entropy(torch.tensor([1.0, 2.0, 3.0]), torch.tensor(1)))

logp = torch.log_softmax(logits, dim=1)
print(F.nll_loss(logp, target))
print(F.nll_loss(logits, target, reduction='none'))
g = torch.autograd.grad(F.nll_loss(logits, target, reduction='sum'), logits)[0]
print(g)

# second order: the gradient has its own graph
x = torch.tensor([[0.2, -0.4, 1.1], [0.7, 0.0, -0.3]], requires_grad=True)
l = F.cross_entropy(x, torch.tensor([1, 2]))
(gx,) = torch.autograd.grad(l, x, create_graph=True)
(hx,) = torch.autograd.grad((gx * gx).sum(), x)
print(hx)

lp = torch.log_softmax(x, dim=1).detach().requires_grad_()
seed = torch.tensor(1.0, requires_grad=True)
(glp,) = torch.autograd.grad(F.nll_loss(lp, torch.tensor([1, 2])), lp, grad_outputs=seed, create_graph=True)
print(glp, glp.grad_fn.name())
(gseed,) = torch.autograd.grad(glp.sum(), seed)
print(gseed)

# probabilities as targets
p = torch.tensor([[0.2, 0.3, 0.5], [0.6, 0.1, 0.3]])
soft = F.cross_entropy(x, p)
print(soft, soft.grad_fn.next_functions[0][0].name())
print(F.cross_entropy(x, p, reduction='none'))

# a batch of 40 where the summation order shows in float32
torch.manual_seed(0)
big = torch.randn(40, 5) * 1000
labels = torch.randint(0, 5, (40,))
print(F.nll_loss(big, labels).item(), F.nll_loss(big, labels, reduction='sum').item())

show_error(lambda: F.cross_entropy(logits, torch.tensor([3, 0, 1])))
show_error(lambda: F.cross_entropy(logits, torch.tensor([-1, 0, 1])))
show_error(lambda: F.cross_entropy(logits, torch.tensor([2.0, 0.0, 1.0])))
show_error(lambda: F.cross_entropy(logits, torch.tensor([2, 0])))
show_error(lambda: F.nll_loss(logits, torch.tensor([2, 0, 1]).int()))
show_error(lambda: F.cross_entropy(logits, target, reduction='avg'))
