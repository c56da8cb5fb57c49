# PyTorch 2.6's device-agnostic idiom on a machine without an accelerator, as tutorials now write it
import torch

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
print(f"Using {device} device")
torch.set_default_device(device)
print(torch.accelerator.is_available(), torch.accelerator.device_count(), torch.get_default_device())
x = torch.ones(2, device=device)
print(x.device, torch.zeros(1).device)
torch.set_default_device(None)
for f in [torch.accelerator.current_accelerator, torch.accelerator.current_device_index,
          torch.accelerator.synchronize]:
    try:
        f()
    except RuntimeError as e:
        print("RuntimeError:", e)
torch.accelerator.current_accelerator()
