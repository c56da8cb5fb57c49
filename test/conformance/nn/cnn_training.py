# A small CNN trained for a few SGD steps on random 8x8 "images": Conv2d -> ReLU -> MaxPool2d ->
# Flatten -> Linear, CrossEntropyLoss; every loss, the graph's names and the parameters to the last bit
import torch
import torch.nn as nn

torch.manual_seed(0)


class SmallCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, kernel_size=3, padding=1)
        self.relu = nn.ReLU()
        self.pool = nn.MaxPool2d(2)
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(4 * 4 * 4, 3)

    def forward(self, x):
        return self.fc(self.flatten(self.pool(self.relu(self.conv(x)))))


model = SmallCNN()
print(model)
print([(name, tuple(p.shape)) for name, p in model.named_parameters()])
images = torch.randn(6, 1, 8, 8)
labels = torch.tensor([0, 2, 1, 1, 0, 2])
loss_fn = nn.CrossEntropyLoss()
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
for step in range(4):
    opt.zero_grad()
    logits = model(images)
    loss = loss_fn(logits, labels)
    loss.backward()
    opt.step()
    print(step, loss.item(), loss.grad_fn.name(), logits.grad_fn.name())
fn = loss.grad_fn
names = []
while fn is not None:
    names.append(fn.name())
    fn = fn.next_functions[0][0] if fn.next_functions else None
print(names)
print(model.conv.weight.flatten().tolist())
print(model.conv.bias.tolist(), model.conv.weight.grad.flatten().tolist()[:9])
print(model.fc.weight.flatten().tolist()[:16], model.fc.bias.tolist())
with torch.no_grad():
    print(model(images).argmax(dim=1), model(images[:1]).tolist())
single = torch.randn(1, 8, 8)
print(model.conv(single).shape, model.pool(model.conv(single)).shape)
