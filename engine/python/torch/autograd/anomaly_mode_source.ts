// torch.autograd.anomaly_mode written in Python, as PyTorch writes it: detect_anomaly (a context
// manager that warns it is on) and set_detect_anomaly (a switch at the call, also a context
// manager restoring the previous mode). The engine's side is engine/autograd/anomaly.ts.
export const anomalyModeSource = {
  name: "torch.autograd.anomaly_mode",
  filename: "/usr/lib/python3/dist-packages/torch/autograd/anomaly_mode.py",
  source: String.raw`
import torch
from torch._C import _gradlens_warn

__all__ = ["detect_anomaly", "set_detect_anomaly"]


class detect_anomaly:
    def __init__(self, check_nan=True):
        self.prev = torch.is_anomaly_enabled()
        self.check_nan = check_nan
        self.prev_check_nan = torch.is_anomaly_check_nan_enabled()
        _gradlens_warn("UserWarning", "Anomaly Detection has been enabled. This mode will increase the runtime and should only be enabled for debugging.")

    def __enter__(self):
        torch.set_anomaly_enabled(True, self.check_nan)

    def __exit__(self, *args):
        torch.set_anomaly_enabled(self.prev, self.prev_check_nan)


class set_detect_anomaly:
    def __init__(self, mode, check_nan=True):
        self.prev = torch.is_anomaly_enabled()
        self.prev_check_nan = torch.is_anomaly_check_nan_enabled()
        torch.set_anomaly_enabled(mode, check_nan)

    def __enter__(self):
        pass

    def __exit__(self, *args):
        torch.set_anomaly_enabled(self.prev, self.prev_check_nan)
`,
};
