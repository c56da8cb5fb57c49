import torch
x = torch.tensor(2.0, requires_grad=True)
(x ** 3).backward()
f_prime = x.grad
(x ** 2).backward()
print(x.grad, f_prime, x.grad is f_prime)
