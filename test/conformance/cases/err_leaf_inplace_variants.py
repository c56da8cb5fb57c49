import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
for i in range(3):
    try:
        if i == 0:
            w.zero_()
        elif i == 1:
            w.mul_(2)
        else:
            w[0] = 5.0
    except RuntimeError as e:
        print(i, e)
w += 1
