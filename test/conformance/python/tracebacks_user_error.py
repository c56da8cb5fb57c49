class ConfigError(Exception):
    pass


def load(cfg):
    if "lr" not in cfg:
        raise ConfigError(f"missing key 'lr' in {sorted(cfg)}")
    return cfg["lr"]


def train(cfg):
    lr = load(cfg)
    return lr * 2


print(train({"lr": 0.5}))
try:
    train({"epochs": 3})
except ConfigError as e:
    print("handled:", e)
train({"batch": 8, "epochs": 3})
