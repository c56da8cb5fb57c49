import torch
a = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(3.0, requires_grad=True)
y = (a * b + a * 2).tanh()
fn = y.grad_fn
while fn is not None:
    print(fn.name(), len(fn.next_functions))
    names = []
    for f, i in fn.next_functions:
        if f is None:
            names.append(None)
        else:
            names.append(f.name())
    print("  ", names)
    if len(fn.next_functions) == 0:
        break
    fn = fn.next_functions[0][0]
print((a * 2).grad_fn.next_functions[1][0])
