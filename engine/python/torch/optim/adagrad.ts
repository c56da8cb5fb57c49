// torch.optim.Adagrad in Python, with PyTorch 2.6's single-tensor update: its state (step and a
// sum filled with initial_accumulator_value) is made in __init__; each step the learning rate
// decays to lr / (1 + (step - 1)*lr_decay), sum += grad*grad (addcmul_), and
// param -= clr*grad/(sqrt(sum) + eps) (addcdiv_).
export const adagradSource = {
  name: "torch.optim.adagrad",
  filename: "/usr/lib/python3/dist-packages/torch/optim/adagrad.py",
  source: String.raw`
import torch
from torch.optim.optimizer import Optimizer, _check_lr, _check_not_negative, _get_value, _get_scalar_dtype
from torch.optim._gradlens import before as _before, after as _after

__all__ = ["Adagrad"]


class Adagrad(Optimizer):
    def __init__(self, params, lr=1e-2, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10, foreach=None, *, maximize=False, differentiable=False, fused=None):
        _check_lr(lr)
        _check_not_negative(
            ("learning rate", lr),
            ("lr_decay value", lr_decay),
            ("weight_decay value", weight_decay),
            ("initial_accumulator_value value", initial_accumulator_value),
            ("epsilon value", eps),
        )
        defaults = dict(
            lr=lr,
            lr_decay=lr_decay,
            eps=eps,
            weight_decay=weight_decay,
            initial_accumulator_value=initial_accumulator_value,
            foreach=foreach,
            maximize=maximize,
            differentiable=differentiable,
            fused=fused,
        )
        super().__init__(params, defaults)
        for group in self.param_groups:
            for p in group["params"]:
                state = self.state[p]
                state["step"] = torch.tensor(0.0, dtype=_get_scalar_dtype())
                state["sum"] = torch.full_like(p, initial_accumulator_value)

    def step(self, closure=None):
        return self._step_groups(closure, self._update_group)

    def _update_group(self, group):
        lr = group["lr"]
        for param in group["params"]:
            if param.grad is None:
                continue
            state = self.state[param]
            _before(param)
            state_sum = state["sum"]
            step_t = state["step"]
            step_t += 1
            step = _get_value(step_t)
            grad = param.grad if not group["maximize"] else -param.grad
            if group["weight_decay"] != 0:
                grad = grad.add(param, alpha=group["weight_decay"])
            clr = lr / (1 + (step - 1) * group["lr_decay"])
            state_sum.addcmul_(grad, grad, value=1)
            if group["differentiable"]:
                std = state_sum.sqrt() + group["eps"]
            else:
                std = state_sum.sqrt().add_(group["eps"])
            param.addcdiv_(grad, std, value=-clr)
            _after("Adagrad", param, state, lr)
`,
};
