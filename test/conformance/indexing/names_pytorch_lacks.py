# a name PyTorch itself lacks gets PyTorch's AttributeError (names PyTorch has but Gradlens does not
# run yet raise NotImplementedError instead: test/engine/python/not_in_gradlens.test.ts)
import torch
import torch.nn.functional as F
x = torch.ones(2)
for f in [lambda: torch.foo, lambda: x.foo, lambda: F.nope, lambda: torch.nn.Nope, lambda: torch.optim.Nope,
          lambda: torch.autograd.nope, lambda: torch.cuda.nope, lambda: x.grad_fun]:
    try:
        print(f())
    except AttributeError as e:
        print("AttributeError:", e)
print(torch.cuda.is_available(), torch.cuda.device_count(), torch.cuda.manual_seed(0))
