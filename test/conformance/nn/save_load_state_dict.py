# a model's and an optimizer's state_dict saved as a checkpoint and loaded into fresh ones: training
# resumes exactly where it stopped
import torch
import torch.nn as nn

PATH = "/tmp/gradlens_save_load_checkpoint.tar"
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1))
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
x = torch.randn(5, 3)
t = torch.randn(5, 1)
for _ in range(2):
    opt.zero_grad()
    loss = ((model(x) - t) ** 2).mean()
    loss.backward()
    opt.step()
torch.save({"epoch": 2, "model": model.state_dict(), "opt": opt.state_dict(), "loss": loss.item()}, PATH)

model2 = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1))
opt2 = torch.optim.SGD(model2.parameters(), lr=0.1, momentum=0.9)
ck = torch.load(PATH, weights_only=True)
print(ck["epoch"], ck["loss"])
print(model2.load_state_dict(ck["model"]))
opt2.load_state_dict(ck["opt"])
print(opt2.state_dict()["state"][0]["momentum_buffer"])
print(ck["model"]["2.bias"], ck["model"]._metadata)
for m, o in ((model, opt), (model2, opt2)):
    o.zero_grad()
    loss = ((m(x) - t) ** 2).mean()
    loss.backward()
    o.step()
    print(loss, m[2].bias)
print(torch.equal(model[0].weight, model2[0].weight))
sd = model.state_dict()
torch.save(sd, PATH)
sd2 = torch.load(PATH)
print(type(sd2), list(sd2), sd2["0.bias"].requires_grad)
model2[0].weight.data.zero_()
print(model2.load_state_dict(torch.load(PATH)), model2[0].weight)
