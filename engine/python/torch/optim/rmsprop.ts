// torch.optim.RMSprop in Python, with PyTorch 2.6's single-tensor update: square_avg =
// alpha*square_avg + (1 - alpha)*grad*grad (addcmul_), centered: minus the square of grad_avg
// (lerp_ towards grad), avg = sqrt + eps, then param -= lr*grad/avg (addcdiv_) or through the
// momentum buffer (buf = momentum*buf + grad/avg; param -= lr*buf).
export const rmspropSource = {
  name: "torch.optim.rmsprop",
  filename: "/usr/lib/python3/dist-packages/torch/optim/rmsprop.py",
  source: String.raw`
import torch
from torch.optim.optimizer import Optimizer, _check_lr, _check_not_negative, _get_scalar_dtype
from torch.optim._gradlens import before as _before, after as _after

__all__ = ["RMSprop"]


class RMSprop(Optimizer):
    def __init__(self, params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=False, capturable=False, foreach=None, maximize=False, differentiable=False):
        _check_lr(lr)
        _check_not_negative(
            ("learning rate", lr),
            ("epsilon value", eps),
            ("momentum value", momentum),
            ("weight_decay value", weight_decay),
            ("alpha value", alpha),
        )
        defaults = dict(
            lr=lr,
            momentum=momentum,
            alpha=alpha,
            eps=eps,
            centered=centered,
            weight_decay=weight_decay,
            capturable=capturable,
            foreach=foreach,
            maximize=maximize,
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
                if group["momentum"] > 0:
                    state["momentum_buffer"] = torch.zeros_like(p)
                if group["centered"]:
                    state["grad_avg"] = torch.zeros_like(p)
        lr = group["lr"]
        alpha = group["alpha"]
        eps = group["eps"]
        weight_decay = group["weight_decay"]
        momentum = group["momentum"]
        for param in params:
            state = self.state[param]
            _before(param)
            grad = param.grad if not group["maximize"] else -param.grad
            square_avg = state["square_avg"]
            step = state["step"]
            step += 1
            if weight_decay != 0:
                grad = grad.add(param, alpha=weight_decay)
            square_avg.mul_(alpha).addcmul_(grad, grad, value=1 - alpha)
            if group["centered"]:
                grad_avg = state["grad_avg"]
                grad_avg.lerp_(grad, 1 - alpha)
                avg = square_avg.addcmul(grad_avg, grad_avg, value=-1).sqrt_()
            else:
                avg = square_avg.sqrt()
            if group["differentiable"]:
                avg = avg.add(eps)
            else:
                avg = avg.add_(eps)
            if momentum > 0:
                buf = state["momentum_buffer"]
                buf.mul_(momentum).addcdiv_(grad, avg)
                param.add_(buf, alpha=-lr)
            else:
                param.addcdiv_(grad, avg, value=-lr)
            _after("RMSprop", param, state, lr)
`,
};
