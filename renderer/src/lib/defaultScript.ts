// The script a first-time learner sees: the notebook's Problem 3, with the f_prime alias pitfall.

export const DEFAULT_SCRIPT = `import torch

x = torch.tensor(3.0, requires_grad=True)
f = x**3
print(f)

f.backward(create_graph=True)
f_prime = x.grad          # a second name for the same tensor, not a copy
print(f_prime)

x.grad.zero_()            # zeroes the tensor both names point to
print(f_prime)
`;
