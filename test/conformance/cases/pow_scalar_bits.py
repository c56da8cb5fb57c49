# x ** e with a number e: 2, 3, -2 as products, 0.5/-0.5/-1 as sqrt/rsqrt/reciprocal, other
# exponents through SLEEF's powf on 16-float blocks and std::pow(float, double) on the tail
import torch
x = torch.linspace(0.1, 9.7, 101)
for e in [2, 3, -2, 0.5, -0.5, -1, 2.5, 3.7, -1.3, 1/3]:
    print(e, (x ** e).tolist())
for e in [2, 3, -2, 0.5, -0.5, -1]:
    print(e, (x.double() ** e).tolist())
y = torch.linspace(-3, 3, 37)
print((y ** 3).tolist(), (y ** 2).tolist(), (y ** -1).tolist())
w = torch.tensor([1.7, 2.3], requires_grad=True)
z = (w ** 3).sum() + (w ** 2.5).sum()
z.backward()
print(z.item(), w.grad.tolist())
