// torch.optim.Adadelta in Python, with PyTorch 2.6's single-tensor update: square_avg =
// rho*square_avg + (1 - rho)*grad*grad (addcmul_), delta = sqrt(acc_delta + eps) / sqrt(square_avg +
// eps) * grad, acc_delta = rho*acc_delta + (1 - rho)*delta*delta, then param -= lr*delta.
export const adadeltaSource = {
  name: "torch.optim.adadelta",
  filename: "/usr/lib/python3/dist-packages/torch/optim/adadelta.py",
  source: String.raw`
import torch
from torch.optim.optimizer import Optimizer, _check_lr, _get_scalar_dtype
from torch.optim._gradlens import before as _before, after as _after

__all__ = ["Adadelta"]


class Adadelta(Optimizer):
    def __init__(self, params, lr=1.0, rho=0.9, eps=1e-6, weight_decay=0, foreach=None, *, capturable=False, maximize=False, differentiable=False):
        _check_lr(lr)
        if not 0.0 <= lr:
            raise ValueError(f"Invalid learning rate: {lr}")
        if not 0.0 <= rho <= 1.0:
            raise ValueError(f"Invalid rho value: {rho}")
        if not 0.0 <= eps:
            raise ValueError(f"Invalid epsilon value: {eps}")
        if not 0.0 <= weight_decay:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        defaults = dict(
            lr=lr,
            rho=rho,
            eps=eps,
            weight_decay=weight_decay,
            maximize=maximize,
            capturable=capturable,
            foreach=foreach,
            differentiable=differentiable,
        )
        super().__init__(params, defaults)

    def step(self, closure=None):
        return self._step_groups(closure, self._update_group)

    def _update_group(self, group):
        params = []
        for p in group["params"]:
            if p.grad is None:
                continue
            params.append(p)
            state = self.state[p]
            if len(state) == 0:
                state["step"] = torch.zeros((), dtype=_get_scalar_dtype())
                state["square_avg"] = torch.zeros_like(p)
                state["acc_delta"] = torch.zeros_like(p)
        lr = group["lr"]
        rho = group["rho"]
        eps = group["eps"]
        weight_decay = group["weight_decay"]
        for param in params:
            state = self.state[param]
            _before(param)
            grad = param.grad if not group["maximize"] else -param.grad
            square_avg = state["square_avg"]
            acc_delta = state["acc_delta"]
            step = state["step"]
            step += 1
            if weight_decay != 0:
                grad = grad.add(param, alpha=weight_decay)
            square_avg.mul_(rho).addcmul_(grad, grad, value=1 - rho)
            std = square_avg.add(eps).sqrt_()
            delta = acc_delta.add(eps).sqrt_()
            if group["differentiable"]:
                delta = delta.clone()
            delta.div_(std).mul_(grad)
            acc_delta.mul_(rho).addcmul_(delta, delta, value=1 - rho)
            param.add_(delta, alpha=-lr)
            _after("Adadelta", param, state, lr)
`,
};
