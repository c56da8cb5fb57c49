class Network:
    def __init__(self):
        self.weights = [1.0, 2.0]
        self.learning_rate = 0.1

    def forward(self, x):
        return [w * x for w in self.weights]


net = Network()
for attempt in ["net.weight", "net.learning_rat", "net.forwrd(2)", "net.bias"]:
    try:
        if attempt == "net.weight":
            net.weight
        elif attempt == "net.learning_rat":
            net.learning_rat
        elif attempt == "net.forwrd(2)":
            net.forwrd(2)
        else:
            net.bias
    except AttributeError as e:
        print(type(e).__name__, e)
try:
    Network.forward(2)
except TypeError as e:
    print(e)
try:
    net.forward()
except TypeError as e:
    print(e)
try:
    net.forward(1, 2)
except TypeError as e:
    print(e)
try:
    Network(5)
except TypeError as e:
    print(e)
learning = 3
try:
    print(lerning)
except NameError as e:
    print(e)
net.weights.apend(3)
