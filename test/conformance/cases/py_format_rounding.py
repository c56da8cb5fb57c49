# f-strings, str.format, % and round() round exact binary ties to even, like CPython
import torch
for v in [2.5, 3.5, 0.125, 0.375, 2.675, 1.005, -2.5, 9.5, 99.5, 0.05, 1234.5]:
    print(f"{v:.0f}|{v:.1f}|{v:.2f}|{v:.0e}|{v:.2e}|{v:.3g}|{v:.1%}", "%.2f" % v, "{:.1f}".format(v))
    print(round(v, 1), round(v, 2), round(v, -1), round(v))
print(f"{1e300 * 1e10:.1%}", f"{1e22:.2f}", f"{5e-324:.3e}", round(1234.5678, -2), round(-0.5))
loss = torch.tensor(0.3125)
print(f"loss={loss.item():.3f}", "%.1f" % torch.tensor(0.25).item(), f"{torch.tensor(0.125).item():.2f}")
print(hex(255)[2:], hex(-4096).upper(), oct(8), bin(-5))
