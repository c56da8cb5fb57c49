# A small image classifier built the way the "build the neural network" walkthrough builds one:
# a Module subclass around Flatten + Sequential(Linear, ReLU, ...), logits -> Softmax -> argmax,
# each layer applied by hand, named_parameters with sizes and first rows, a CrossEntropyLoss step
import torch
from torch import nn

class NeuralNetwork(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(4 * 4, 8),
            nn.ReLU(),
            nn.Linear(8, 8),
            nn.ReLU(),
            nn.Linear(8, 3),
        )

    def forward(self, x):
        x = self.flatten(x)
        logits = self.linear_relu_stack(x)
        return logits

torch.manual_seed(42)
model = NeuralNetwork()
print(model)
X = torch.rand(1, 4, 4)
logits = model(X)
pred_probab = nn.Softmax(dim=1)(logits)
y_pred = pred_probab.argmax(1)
print(logits, pred_probab, f"Predicted class: {y_pred}")
input_image = torch.rand(3, 4, 4)
print(input_image.size())
flat_image = nn.Flatten()(input_image)
print(flat_image.size())
layer1 = nn.Linear(in_features=16, out_features=5)
hidden1 = layer1(flat_image)
print(hidden1.size())
print(f"Before ReLU: {hidden1}\n\n")
hidden1 = nn.ReLU()(hidden1)
print(f"After ReLU: {hidden1}")
seq_modules = nn.Sequential(nn.Flatten(), layer1, nn.ReLU(), nn.Linear(5, 3))
logits = seq_modules(input_image)
print(nn.Softmax(dim=1)(logits))
print(f"Model structure: {model}\n\n")
for name, param in model.named_parameters():
    print(f"Layer: {name} | Size: {param.size()} | Values : {param[:2]} \n")
loss_fn = nn.CrossEntropyLoss()
batch = torch.rand(5, 4, 4)
labels = torch.tensor([0, 2, 1, 1, 0])
loss = loss_fn(model(batch), labels)
print(loss)
loss.backward()
print(model.linear_relu_stack[4].bias.grad, model.linear_relu_stack[0].weight.grad.sum())
with torch.no_grad():
    correct = (model(batch).argmax(1) == labels).type(torch.float).sum().item()
print(correct)
