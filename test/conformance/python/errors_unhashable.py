# An instance of a class defining __eq__ but not __hash__ cannot be a dict key.
class Node:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v


print(Node(1) == Node(1))
seen = set()
seen.add(Node(1))
