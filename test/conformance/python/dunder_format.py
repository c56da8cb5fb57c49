# __format__ for f-strings and format(); object's default refuses a non-empty spec.
class Money:
    def __init__(self, v):
        self.v = v

    def __format__(self, spec):
        if spec == "":
            return f"${self.v}"
        return f"${self.v:{spec}}"


m = Money(3.14159)
print(f"{m}", f"{m:.2f}", format(m, ">10.1f"), "{:.3f}".format(m))


class Plain:
    def __str__(self):
        return "plain"


print(f"{Plain()}", format(Plain()))
try:
    f"{Plain():>5}"
except TypeError as e:
    print(e)
