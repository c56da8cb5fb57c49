# @torch.no_grad() on a generator function: grad stays off inside the generator across every
# yield, while the caller between yields runs with its own mode; send, throw, close and the
# generator's return value pass through the decorator
import torch


@torch.no_grad()
def scaled(x):
    for i in range(3):
        print("inside:", torch.is_grad_enabled())
        got = yield x * i
        if got is not None:
            print("sent", got, torch.is_grad_enabled())
    return "done"


x = torch.ones(2, requires_grad=True)
for y in scaled(x):
    print("outside:", torch.is_grad_enabled(), y.requires_grad, y)

g = scaled(x)
print(g)
print(next(g).grad_fn, torch.is_grad_enabled())
print(g.send(torch.tensor(5.0)))
try:
    next(g)
    next(g)
except StopIteration as e:
    print("returned", e.value)


@torch.enable_grad()
def tracked(x):
    try:
        yield x * 2
        yield x * 3
    except ValueError as e:
        print("caught", e, torch.is_grad_enabled())
        yield x * 4
    finally:
        print("finally", torch.is_grad_enabled())


with torch.no_grad():
    for y in tracked(x):
        print(y, torch.is_grad_enabled())
    t = tracked(x)
    print(next(t))
    print(t.throw(ValueError("stop")))
    t.close()
    print("closed", torch.is_grad_enabled())


@torch.no_grad
def bare():
    yield torch.is_grad_enabled()
    yield (x * x).requires_grad


print(list(bare()), torch.is_grad_enabled())


@torch.inference_mode()
def infer(x):
    yield torch.is_inference_mode_enabled()
    yield (x * 2).is_inference()


print(list(infer(x)), torch.is_inference_mode_enabled())
