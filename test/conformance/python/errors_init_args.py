# Calling a class with the wrong arguments: CPython names the method by its qualified name.
class Neuron:
    def __init__(self, nin, nonlin=True):
        self.nin = nin
        self.nonlin = nonlin


n = Neuron(3)
print(n.nin, n.nonlin)
try:
    Neuron()
except TypeError as e:
    print(e)
try:
    Neuron(1, 2, 3)
except TypeError as e:
    print(e)
try:
    Neuron(1, nolin=False)
except TypeError as e:
    print(e)


class Empty:
    pass


try:
    Empty(1)
except TypeError as e:
    print(e)
n.forward(1)
