# Calling an attribute that holds a value, not a function.
class Model:
    def __init__(self):
        self.layers = [1, 2]


m = Model()
print(len(m.layers))
m.layers()
