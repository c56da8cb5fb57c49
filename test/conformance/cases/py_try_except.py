import torch
try:
    torch.ones(2) + torch.ones(3)
except RuntimeError as e:
    print("error:", e)
try:
    raise ValueError("bad value")
except ValueError as e:
    print(type(e).__name__, e)
try:
    [1, 2][5]
except IndexError as e:
    print("lookup failed:", e)
try:
    1 / 0
except Exception as e:
    print(type(e).__name__, e)
try:
    print("fine")
except:
    print("never")
