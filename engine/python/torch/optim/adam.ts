// torch.optim.Adam and torch.optim.AdamW in Python, with PyTorch 2.6's single-tensor update:
// step += 1; weight decay (Adam: added to the gradient; AdamW: param *= 1 - lr*wd first);
// exp_avg.lerp_(grad, 1 - beta1); exp_avg_sq = exp_avg_sq*beta2 + (1 - beta2)*grad*grad
// (addcmul_); bias corrections as Python floats; denom = sqrt(v) / sqrt(bc2) + eps (the running
// max of v with amsgrad); param.addcdiv_(exp_avg, denom, value=-lr/bc1).
const adamCommon = String.raw`
import torch
from torch.optim.optimizer import Optimizer, _check_lr, _check_not_negative, _get_value, _get_scalar_dtype
from torch.optim._gradlens import before as _before, after as _after


def _check_adam_args(lr, betas, eps, weight_decay):
    _check_lr(lr)
    _check_not_negative(("learning rate", lr), ("epsilon value", eps))
    if not 0.0 <= betas[0] < 1.0:
        raise ValueError(f"Invalid beta parameter at index 0: {betas[0]}")
    if not 0.0 <= betas[1] < 1.0:
        raise ValueError(f"Invalid beta parameter at index 1: {betas[1]}")
    _check_not_negative(("weight_decay value", weight_decay))
    if not (
        (isinstance(betas[0], float) and isinstance(betas[1], float))
        or (isinstance(betas[0], torch.Tensor) and isinstance(betas[1], torch.Tensor))
    ):
        raise ValueError("betas must be either both floats or both Tensors")


def _adam_defaults(lr, betas, eps, weight_decay, amsgrad, foreach, maximize, capturable, differentiable, fused, adamw):
    _check_adam_args(lr, betas, eps, weight_decay)
    defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, amsgrad=amsgrad)
    # the two classes list these two in opposite orders (param_groups and state_dict show it)
    if adamw:
        defaults.update(foreach=foreach, maximize=maximize)
    else:
        defaults.update(maximize=maximize, foreach=foreach)
    defaults.update(capturable=capturable, differentiable=differentiable, fused=fused)
    return defaults


def _adam_update(self, group, name, decoupled):
    params = []
    amsgrad = group["amsgrad"]
    for p in group["params"]:
        if p.grad is None:
            continue
        params.append(p)
        state = self.state[p]
        if len(state) == 0:
            state["step"] = torch.tensor(0.0, dtype=_get_scalar_dtype())
            state["exp_avg"] = torch.zeros_like(p)
            state["exp_avg_sq"] = torch.zeros_like(p)
            if amsgrad:
                state["max_exp_avg_sq"] = torch.zeros_like(p)
    beta1, beta2 = group["betas"]
    lr = group["lr"]
    weight_decay = group["weight_decay"]
    eps = group["eps"]
    for param in params:
        state = self.state[param]
        _before(param)
        grad = param.grad if not group["maximize"] else -param.grad
        exp_avg = state["exp_avg"]
        exp_avg_sq = state["exp_avg_sq"]
        step_t = state["step"]
        step_t += 1
        if weight_decay != 0:
            if decoupled:
                param.mul_(1 - lr * weight_decay)
            else:
                grad = grad.add(param, alpha=weight_decay)
        exp_avg.lerp_(grad, 1 - beta1)
        exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
        step = _get_value(step_t)
        bias_correction1 = 1 - beta1**step
        bias_correction2 = 1 - beta2**step
        step_size = lr / bias_correction1
        bias_correction2_sqrt = bias_correction2**0.5
        if amsgrad:
            max_exp_avg_sq = state["max_exp_avg_sq"]
            max_exp_avg_sq.copy_(torch.maximum(max_exp_avg_sq, exp_avg_sq))
            denom = (max_exp_avg_sq.sqrt() / bias_correction2_sqrt).add_(eps)
        else:
            denom = (exp_avg_sq.sqrt() / bias_correction2_sqrt).add_(eps)
        param.addcdiv_(exp_avg, denom, value=-step_size)
        _after(name, param, state, lr)
`;

export const adamSource = {
  name: "torch.optim.adam",
  filename: "/usr/lib/python3/dist-packages/torch/optim/adam.py",
  source:
    adamCommon +
    String.raw`

__all__ = ["Adam"]


class Adam(Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=False, *, foreach=None, maximize=False, capturable=False, differentiable=False, fused=None):
        defaults = _adam_defaults(lr, betas, eps, weight_decay, amsgrad, foreach, maximize, capturable, differentiable, fused, False)
        super().__init__(params, defaults)

    def step(self, closure=None):
        return self._step_groups(closure, lambda group: _adam_update(self, group, "Adam", False))
`,
};

export const adamwSource = {
  name: "torch.optim.adamw",
  filename: "/usr/lib/python3/dist-packages/torch/optim/adamw.py",
  source:
    adamCommon +
    String.raw`

__all__ = ["AdamW"]


class AdamW(Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False, *, maximize=False, foreach=None, capturable=False, differentiable=False, fused=None):
        defaults = _adam_defaults(lr, betas, eps, weight_decay, amsgrad, foreach, maximize, capturable, differentiable, fused, True)
        super().__init__(params, defaults)

    def step(self, closure=None):
        return self._step_groups(closure, lambda group: _adam_update(self, group, "AdamW", True))
`,
};
