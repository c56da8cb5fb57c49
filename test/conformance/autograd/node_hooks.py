# grad_fn.register_prehook sees (and may replace) the gradients flowing into a node;
# grad_fn.register_hook sees what it computed and what it was given, and may replace its results
import torch

a = torch.tensor([1.0, 2.0], requires_grad=True)
n = (a * 5).sum()

def post(grad_inputs, grad_outputs):
    print("post hook", grad_inputs, grad_outputs)

def pre(grad_outputs):
    print("pre hook", grad_outputs)
    return (grad_outputs[0] * 2,)

print(n.grad_fn.register_hook(post))
n.grad_fn.register_prehook(pre)
n.backward()
print(a.grad)

m = a * 6
m.grad_fn.register_hook(lambda gi, go: (gi[0] * 0, None))
a.grad = None
m.sum().backward()
print(a.grad)

acc = (a * 1).grad_fn.next_functions[0][0]
print(acc)
h1 = acc.register_prehook(lambda go: print("AccumulateGrad pre", go))
h2 = acc.register_hook(lambda gi, go: print("AccumulateGrad post", gi, go))
a.grad = None
(a * 7).sum().backward()
h1.remove()
h2.remove()
(a * 7).sum().backward()
print(a.grad)

k = (a * 2).sum()
k.grad_fn.register_prehook(lambda go: (go[0], go[0]))
try:
    k.backward()
except RuntimeError as e:
    print(e)
