// torch.nn.utils: clip_grad_norm_ and clip_grad_value_ as PyTorch 2.6 computes them on the CPU
// under no_grad: each gradient's vector norm, the norm of those norms, then every gradient
// multiplied in place by min(max_norm / (total + 1e-6), 1).
export const utilsSource = {
  name: "torch.nn.utils",
  filename: "/usr/lib/python3/dist-packages/torch/nn/utils/clip_grad.py",
  source: String.raw`
import torch


def _tensors(parameters):
    if isinstance(parameters, torch.Tensor):
        return [parameters]
    return list(parameters)


def clip_grad_norm_(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False, foreach=None):
    with torch.no_grad():
        parameters = _tensors(parameters)
        grads = [p.grad for p in parameters if p.grad is not None]
        max_norm = float(max_norm)
        norm_type = float(norm_type)
        if len(grads) == 0:
            return torch.tensor(0.0)
        norms = [g.norm(norm_type) for g in grads]
        total_norm = torch.stack(norms).norm(norm_type)
        if error_if_nonfinite and (total_norm.isnan() or total_norm.isinf()):
            raise RuntimeError(
                f"The total norm of order {norm_type} for gradients from \x60parameters\x60 is non-finite, so it cannot be clipped. "
                "To disable this error and scale the gradients by the non-finite norm anyway, set \x60error_if_nonfinite=False\x60"
            )
        clip_coef = max_norm / (total_norm + 1e-6)
        clip_coef_clamped = torch.clamp(clip_coef, max=1.0)
        for g in grads:
            g.mul_(clip_coef_clamped)
        return total_norm


def clip_grad_value_(parameters, clip_value, foreach=None):
    with torch.no_grad():
        clip_value = float(clip_value)
        for p in _tensors(parameters):
            if p.grad is not None:
                p.grad.clamp_(min=-clip_value, max=clip_value)
`,
};
