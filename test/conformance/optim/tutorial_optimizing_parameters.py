# The "Optimizing Model Parameters" tutorial's train/test loops, with a small synthetic data set
# in place of FashionMNIST: Flatten + Linear/ReLU stack, CrossEntropyLoss, SGD, batches by hand
import torch
from torch import nn
torch.manual_seed(0)
X = torch.rand(48, 4, 4)
labels = (X.mean((1, 2)) * 6).long().clamp(max=2)
class NeuralNetwork(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(16, 12), nn.ReLU(), nn.Linear(12, 12), nn.ReLU(), nn.Linear(12, 3)
        )

    def forward(self, x):
        x = self.flatten(x)
        return self.linear_relu_stack(x)

model = NeuralNetwork()
learning_rate = 1e-1
batch_size = 8
epochs = 3
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)

def train_loop(model, loss_fn, optimizer):
    model.train()
    for batch in range(len(X) // batch_size):
        xb = X[batch * batch_size:(batch + 1) * batch_size]
        yb = labels[batch * batch_size:(batch + 1) * batch_size]
        pred = model(xb)
        loss = loss_fn(pred, yb)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        if batch % 2 == 0:
            print(f"loss: {loss.item():>7f}  [{(batch + 1) * batch_size:>5d}/{len(X):>5d}]")

def test_loop(model, loss_fn):
    model.eval()
    with torch.no_grad():
        pred = model(X)
        test_loss = loss_fn(pred, labels).item()
        correct = (pred.argmax(1) == labels).type(torch.float).sum().item()
    print(f"Test Error: \n Accuracy: {(100 * correct / len(X)):>0.1f}%, Avg loss: {test_loss:>8f} \n")

for t in range(epochs):
    print(f"Epoch {t+1}\n-------------------------------")
    train_loop(model, loss_fn, optimizer)
    test_loop(model, loss_fn)
print("Done!")
