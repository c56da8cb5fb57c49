# Views of a dual tensor carry views of its tangent
import torch
import torch.autograd.forward_ad as fwAD

x = torch.arange(6.0).reshape(2, 3)
t = torch.arange(6.0).reshape(2, 3) / 10
with fwAD.dual_level():
    d = fwAD.make_dual(x, t)
    views = {
        "view": d.view(3, 2), "reshape": d.reshape(-1), "transpose": d.transpose(0, 1), "t": d.t(), "T": d.T,
        "permute": d.permute(1, 0), "unsqueeze": d.unsqueeze(1), "squeeze": d.unsqueeze(0).squeeze(0),
        "squeeze_dim": d[:1].squeeze(0), "expand": d[0].expand(4, 3), "select": d[1], "element": d[1, 2],
        "slice": d[:, 1:], "step": d[:, ::2], "neg_index": d[-1], "ellipsis": d[..., 0], "none": d[None],
    }
    for name, v in views.items():
        p, tg = fwAD.unpack_dual(v)
        print(name, tuple(v.shape), tg.tolist(), tg._base is t, p._base is x)
    print(views["t"])
    print(views["element"])
    c = d.clone()
    print(c, fwAD.unpack_dual(c).tangent._base is None)
    print(d.contiguous() is d, fwAD.unpack_dual(d.t().contiguous()).tangent.is_contiguous())
    print(d.detach(), d.data)
    print(fwAD.unpack_dual(d.detach()).tangent, fwAD.unpack_dual(d.data).tangent)
    tt = fwAD.make_dual(x, t.t().contiguous().t())
    print(fwAD.unpack_dual(tt).tangent.stride(), fwAD.unpack_dual(tt).tangent is t)
    print(torch.cat([d, x]), torch.stack([x, d], 1))
    rows = [fwAD.unpack_dual(r).tangent for r in d]
    print(rows)
