import torch

x = torch.tensor(3.0, requires_grad=True)
f = x**3
print(x)
print(f)

f.backward(create_graph=True, retain_graph=True)
f_prime = x.grad
x.grad.zero_()
f_prime.backward(retain_graph=True)
print(x.grad)
print(f_prime)
