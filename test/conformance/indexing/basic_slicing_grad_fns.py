# basic indexing makes views: every slice is a SliceBackward0 in PyTorch 2.6, except one that
# starts at 0 and stops at exactly the size inside a tuple; x[...] and x[()] are AliasBackward0
import torch
x = torch.arange(12.0).reshape(3, 4).requires_grad_()
for name, y in [("x[0, :]", x[0, :]), ("x[0:3]", x[0:3]), ("x[:, 0:4]", x[:, 0:4]), ("x[:, :]", x[:, :]),
                ("x[0:3, 0:4]", x[0:3, 0:4]), ("x[...]", x[...]), ("x[()]", x[()]), ("x[:, None]", x[:, None]),
                ("x[-3:]", x[-3:]), ("x[0][0]", x[0][0]), ("x[0, 0, None]", x[0, 0, None])]:
    print(name, tuple(y.shape), y.grad_fn, y.grad_fn.next_functions)
