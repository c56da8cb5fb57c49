// torch.nn.Dropout and Dropout2d: F.dropout / F.dropout2d with the module's p, and its training flag
// (train()/eval()).
export const dropoutSource = {
  name: "torch.nn.modules.dropout",
  filename: "/usr/lib/python3/dist-packages/torch/nn/modules/dropout.py",
  source: String.raw`
import torch.nn.functional as F
from torch.nn.modules.module import Module


class _DropoutNd(Module):
    __constants__ = ["p", "inplace"]

    def __init__(self, p=0.5, inplace=False):
        super().__init__()
        if p < 0 or p > 1:
            raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
        self.p = p
        self.inplace = inplace

    def extra_repr(self):
        return f"p={self.p}, inplace={self.inplace}"


class Dropout(_DropoutNd):
    def forward(self, input):
        return F.dropout(input, self.p, self.training, self.inplace)


class Dropout2d(_DropoutNd):
    def forward(self, input):
        return F.dropout2d(input, self.p, self.training, self.inplace)
`,
};
