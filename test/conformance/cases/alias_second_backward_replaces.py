import torch
x = torch.tensor(2.0, requires_grad=True)
f = x ** 3
f.backward(create_graph=True)
f_prime = x.grad
print(f_prime)
g = x ** 2
g.backward(create_graph=True)
print(x.grad, f_prime)
print(x.grad is f_prime)
