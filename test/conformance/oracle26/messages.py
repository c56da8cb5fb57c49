import torch
import torch.nn.functional as F

# error messages PyTorch 2.6 reworded (item() of many elements, products' dtype checks, mv's
# sizes, one_hot, gather/scatter "no larger", tril/diag, clamp, .grad assignment, masked_fill and
# where with a non-bool mask, std of ints)


def show(name, f):
    try:
        r = f()
        print(name, "OK", r)
    except Exception as e:
        print(name, type(e).__name__ + ":", e)


a = torch.ones(2, 3)
b = torch.ones(3, 2, dtype=torch.float64)
v = torch.ones(2)
show("item", lambda: torch.ones(3).item())
show("float", lambda: float(torch.ones(3)))
show("mv", lambda: a.mv(v))
show("mv_dtype", lambda: a.mv(torch.ones(3, dtype=torch.float64)))
show("mm_dtype", lambda: a.mm(b))
show("matmul_dtype", lambda: a @ b)
show("addmm_dtype", lambda: torch.addmm(torch.ones(2, 2), a, b))
show("addmm_dtype2", lambda: torch.addmm(torch.ones(2, 2, dtype=torch.float64), a, b))
show("dot_dtype", lambda: v.dot(v.double()))
show("bmm_dtype", lambda: a.unsqueeze(0).bmm(b.unsqueeze(0)))
show("one_hot_float", lambda: F.one_hot(torch.tensor([1.0])))
show("gather", lambda: torch.ones(2, 3).gather(1, torch.zeros(3, 1, dtype=torch.int64)))
show("tril_1d", lambda: torch.ones(2).tril())
show("triu_1d", lambda: torch.ones(2).triu())
show("diag_3d", lambda: torch.ones(2, 2, 2).diag())
show("clamp_none", lambda: torch.ones(2).clamp())
show("std_int", lambda: torch.ones(2, dtype=torch.int64).std())
show("var_int", lambda: torch.ones(2, dtype=torch.int64).var())
show("set_grad_shape", lambda: setattr(torch.ones(2, requires_grad=True), "grad", torch.ones(3)))
show("set_grad_dtype", lambda: setattr(torch.ones(2, requires_grad=True), "grad", torch.ones(2, dtype=torch.float64)))
show("masked_fill_float", lambda: torch.ones(2).masked_fill(torch.ones(2), 0.0))
show("masked_fill_long", lambda: torch.ones(2).masked_fill(torch.ones(2, dtype=torch.int64), 0.0))
show("where_float", lambda: torch.where(torch.ones(2), torch.ones(2), torch.zeros(2)))
show("std_one", lambda: torch.ones(1).std())
show("var_empty", lambda: torch.ones(0).var())
show("sum_floats", lambda: (sum([0.1, 0.2, 0.3]), sum([0.1] * 10), sum([1e100, 1.0, -1e100]), sum([1, 0.5, True])))
show("max_empty", lambda: max([]))
show("setattr_int", lambda: setattr(1, "y", 2))
torch.ones(3).item()
