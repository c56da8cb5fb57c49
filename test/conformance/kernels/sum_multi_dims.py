# Sums and means over dims that do not coalesce into one run (sum((0, 2, 3)) of (N, C, H, W), as
# BatchNorm and its tangent take them): each row of the innermost reduced dim summed, rows added in order
import torch
torch.manual_seed(1)
shapes = [((2,3,6,6),[0,2,3]), ((8,3,5,7),[0,2]), ((4,5,6),[0,2]), ((3,4,5,6),[1,3]), ((3,4,5,6),[0,1,3]), ((16,4,9,9),[0,2,3]), ((5,7,3,2,4),[0,2,4]), ((33,2,40),[0,2]), ((2,9,3,10),[0,3])]
for dt in [torch.float32, torch.float64]:
    for s, d in shapes:
        x = torch.randn(*s).to(dt)
        print(s, d, x.sum(d).flatten()[:6].tolist(), x.mean(d, keepdim=True).flatten()[:6].tolist())
        xt = x.transpose(0, 1)
        print(xt.sum(d).flatten()[:6].tolist())
    i = torch.randint(-5, 5, (3,4,5))
    print(i.sum([0,2]).tolist())
