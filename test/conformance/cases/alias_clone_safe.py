import torch
x = torch.tensor(3.0, requires_grad=True)
f = x ** 3
f.backward(create_graph=True)
f_prime = x.grad.clone()
x.grad.zero_()
print(f_prime)
f_prime.backward()
print(x.grad)
