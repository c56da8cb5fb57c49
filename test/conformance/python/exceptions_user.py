# User exceptions: subclasses of Exception with custom __init__/__str__, raise/except by class.
class AppError(Exception):
    pass


class ConfigError(AppError):
    def __init__(self, key, reason="missing"):
        super().__init__(f"{key}: {reason}")
        self.key = key
        self.reason = reason


class Retry(AppError):
    def __init__(self, attempts):
        self.attempts = attempts

    def __str__(self):
        return f"gave up after {self.attempts} attempts"


try:
    raise ConfigError("lr")
except AppError as e:
    print(type(e).__name__, e, e.key, e.reason, e.args, repr(e))
try:
    raise Retry(3)
except (ValueError, Retry) as e:
    print(e, e.args, repr(e), e.attempts)
try:
    raise AppError
except Exception as e:
    print(repr(e), isinstance(e, AppError), isinstance(e, ConfigError))
print(issubclass(ConfigError, Exception), ConfigError.__mro__[1:3])
for exc in (ConfigError("x"), Retry(1), KeyError("k")):
    try:
        raise exc
    except ConfigError:
        print("config")
    except AppError:
        print("app")
    except LookupError as e:
        print("lookup", e)
raise ConfigError("batch_size", "not an int")
