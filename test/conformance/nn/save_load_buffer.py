# torch.save into an io.BytesIO and torch.load back after seek(0); at the buffer's end load raises EOFError
import io, torch
import torch.nn as nn
buf = io.BytesIO()
print(type(buf), buf.seek(0))
torch.manual_seed(0)
lin = nn.Linear(2, 2)
torch.save(lin.state_dict(), buf)
try:
    torch.load(buf)
except EOFError as e:
    print("EOFError", repr(e))
buf.seek(0)
sd = torch.load(buf)
print(sd)
print(lin.load_state_dict(sd))
buf2 = io.BytesIO()
torch.save({"a": 1}, buf2)
buf2.seek(0)
print(torch.load(buf2))
with io.BytesIO() as b:
    torch.save(torch.ones(2), b)
    b.seek(0)
    print(torch.load(b, weights_only=True))
try:
    torch.load(io.BytesIO())
except EOFError as e:
    print("EOFError", repr(e))
print(repr(buf)[:22])
