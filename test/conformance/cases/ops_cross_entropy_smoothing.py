# cross_entropy with label_smoothing and with class-probability targets (and class weights), as ATen composes them
import torch
import torch.nn.functional as F
def show_error(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
x = torch.tensor([[1.0, 2.0, 0.5], [0.1, -1.0, 3.0], [0.3, 0.3, -0.2]], requires_grad=True)
t = torch.tensor([2, 0, -100])
w = torch.tensor([1.0, 2.0, 0.5])
for red in ['mean', 'sum', 'none']:
    l = F.cross_entropy(x, t, label_smoothing=0.1, reduction=red)
    print(l, l.grad_fn.name(), [n[0].name() if n[0] else None for n in l.grad_fn.next_functions])
    lw = F.cross_entropy(x, t, weight=w, label_smoothing=0.2, reduction=red)
    print(lw)
l = F.cross_entropy(x, t, label_smoothing=0.1)
l.backward()
print(x.grad)
x.grad = None
F.cross_entropy(x, t, weight=w, label_smoothing=0.2).backward()
print(x.grad)
p = torch.tensor([[0.2, 0.3, 0.5], [0.6, 0.1, 0.3], [0.0, 1.0, 0.0]])
print(F.cross_entropy(x, p, label_smoothing=0.3), F.cross_entropy(x, p, weight=w), F.cross_entropy(x, p, weight=w, reduction='none'))
print(F.cross_entropy(torch.tensor([1.0, 2.0, 3.0]), torch.tensor([0.2, 0.3, 0.5]), weight=w))
show_error(lambda: F.cross_entropy(x, torch.tensor([[0, 1, 2], [1, 1, 1], [0, 0, 0]])))
show_error(lambda: F.cross_entropy(x, p, ignore_index=1))
show_error(lambda: F.cross_entropy(x, t, label_smoothing=1.5))
show_error(lambda: F.cross_entropy(x, p, label_smoothing=2.0))
show_error(lambda: F.cross_entropy(x, p, weight=torch.ones(2)))
