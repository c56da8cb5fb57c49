import torch
pairs = [(torch.ones(2, 3), torch.ones(2, 3)), (torch.ones(2, 3), torch.ones(2)), (torch.ones(3), torch.ones(4)), (torch.ones(2), torch.ones(3, 2))]
for a, b in pairs:
    try:
        print(a @ b)
    except RuntimeError as e:
        print(e)
torch.mm(torch.ones(3, 1), torch.ones(3, 1))
