names = ["ArithmeticError", "AssertionError", "AttributeError", "BlockingIOError", "BrokenPipeError", "BufferError",
         "ChildProcessError", "ConnectionError", "ConnectionRefusedError", "EOFError", "EnvironmentError", "FileExistsError",
         "FileNotFoundError", "FloatingPointError", "GeneratorExit", "IOError", "ImportError", "IndentationError", "IndexError",
         "InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError",
         "ModuleNotFoundError", "NameError", "NotADirectoryError", "NotImplementedError", "OSError", "OverflowError",
         "PermissionError", "ProcessLookupError", "RecursionError", "ReferenceError", "RuntimeError", "StopIteration",
         "SyntaxError", "SystemExit", "TabError", "TimeoutError", "TypeError", "UnboundLocalError", "UnicodeError",
         "ValueError", "ZeroDivisionError", "FutureWarning", "UserWarning", "DeprecationWarning", "ResourceWarning"]
classes = [FileNotFoundError, PermissionError, TimeoutError, EOFError, ConnectionRefusedError, UnicodeError, TabError, FutureWarning]
for c in classes:
    print(c.__name__, [b.__name__ for b in c.__mro__])
print(IOError is OSError, EnvironmentError is OSError, issubclass(FileNotFoundError, OSError), issubclass(KeyError, LookupError))
try:
    raise FileNotFoundError("no such file: data.csv")
except OSError as e:
    print(type(e).__name__, e)
try:
    raise EOFError
except Exception as e:
    print(repr(e))
