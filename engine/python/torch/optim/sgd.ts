// torch.optim.SGD in Python, with PyTorch 2.6's single-tensor update (what it runs on CPU):
// weight decay added to the gradient, the momentum buffer cloned from the first gradient then
// buf*momentum + (1 - dampening)*grad, Nesterov's grad + momentum*buf, then param -= lr*grad
// (add_ with alpha: one fused multiply-add per element, as ATen's kernel).
export const sgdSource = {
  name: "torch.optim.sgd",
  filename: "/usr/lib/python3/dist-packages/torch/optim/sgd.py",
  source: String.raw`
import torch
from torch.optim.optimizer import Optimizer, _check_lr
from torch.optim._gradlens import before as _before, after as _after

__all__ = ["SGD"]


class SGD(Optimizer):
    def __init__(self, params, lr=1e-3, momentum=0, dampening=0, weight_decay=0, nesterov=False, *, maximize=False, foreach=None, differentiable=False, fused=None):
        _check_lr(lr)
        if lr < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if momentum < 0.0:
            raise ValueError(f"Invalid momentum value: {momentum}")
        if weight_decay < 0.0:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        defaults = dict(
            lr=lr,
            momentum=momentum,
            dampening=dampening,
            weight_decay=weight_decay,
            nesterov=nesterov,
            maximize=maximize,
            foreach=foreach,
            differentiable=differentiable,
            fused=fused,
        )
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")
        super().__init__(params, defaults)

    def step(self, closure=None):
        return self._step_groups(closure, self._update_group)

    def _update_group(self, group):
        weight_decay = group["weight_decay"]
        momentum = group["momentum"]
        dampening = group["dampening"]
        nesterov = group["nesterov"]
        lr = group["lr"]
        for param in group["params"]:
            if param.grad is None:
                continue
            state = self.state[param] if momentum != 0 else None
            _before(param)
            grad = param.grad if not group["maximize"] else -param.grad
            if weight_decay != 0:
                grad = grad.add(param, alpha=weight_decay)
            if momentum != 0:
                buf = state.get("momentum_buffer")
                if buf is None:
                    buf = torch.clone(grad).detach()
                else:
                    buf.mul_(momentum).add_(grad, alpha=1 - dampening)
                if nesterov:
                    grad = grad.add(buf, alpha=momentum)
                else:
                    grad = buf
            param.add_(grad, alpha=-lr)
            if momentum != 0:
                state["momentum_buffer"] = buf
            _after("SGD", param, state, lr)
`,
};
