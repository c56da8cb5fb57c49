# AttributeError on a misspelled attribute: the traceback suggests the closest name.
class Value:
    def __init__(self, data):
        self.data = data
        self.grad = 0.0


v = Value(3.0)
print(v.data, v.grad)
print(v.gard)
