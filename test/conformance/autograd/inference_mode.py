# torch.inference_mode: tensors made inside are inference tensors; nothing is recorded;
# grad mode is off inside; inference_mode(False) turns it on again
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
print(torch.is_inference_mode_enabled(), x.is_inference())
with torch.inference_mode():
    w = x * 2
    print(w, w.requires_grad, w.is_inference())
    print(torch.is_grad_enabled(), torch.is_inference_mode_enabled())
    with torch.inference_mode(False):
        print(torch.is_grad_enabled(), torch.is_inference_mode_enabled())
        n = torch.ones(2)
    print(n.is_inference())
print(torch.is_grad_enabled(), torch.is_inference_mode_enabled())

@torch.inference_mode()
def predict(t):
    return t.sigmoid()

p = predict(x)
print(p, p.is_inference())

@torch.inference_mode
def predict2(t):
    return t.tanh()

print(predict2(x).is_inference())
c = w.clone()
print(c.is_inference(), w + x)
print(torch.inference_mode, torch.inference_mode())
