# Objects that are not context managers.
class OnlyEnter:
    def __enter__(self):
        return 1


try:
    with object():
        pass
except TypeError as e:
    print(e)
with OnlyEnter():
    pass
