// torch.optim.lr_scheduler in Python: LRScheduler (initial_lr in each group, base_lrs, the step
// counter, PyTorch's warning when scheduler.step() comes before optimizer.step(), which it sees by
// wrapping optimizer.step as 2.6 does), StepLR and ExponentialLR with their chainable and
// closed forms.
export const lrSchedulerSource = {
  name: "torch.optim.lr_scheduler",
  filename: "/usr/lib/python3/dist-packages/torch/optim/lr_scheduler.py",
  source: String.raw`
from functools import wraps
import torch
from torch.optim.optimizer import Optimizer
from torch.optim._gradlens import warn as _warn

__all__ = ["LRScheduler", "StepLR", "ExponentialLR"]

EPOCH_DEPRECATION_WARNING = (
    "The epoch parameter in ${"`"}scheduler.step()${"`"} was not necessary and is being "
    "deprecated where possible. Please use ${"`"}scheduler.step()${"`"} to step the "
    "scheduler. During the deprecation, if epoch is different from None, the "
    "closed form is used instead of the new chainable form, where available. "
    "Please open an issue if you are unable to replicate your use case: "
    "https://github.com/pytorch/pytorch/issues/new/choose."
)


class LRScheduler:
    _get_lr_called_within_step = False

    def __init__(self, optimizer, last_epoch=-1, verbose="deprecated"):
        if not isinstance(optimizer, Optimizer):
            raise TypeError(f"{type(optimizer).__name__} is not an Optimizer")
        self.optimizer = optimizer
        if last_epoch == -1:
            for group in optimizer.param_groups:
                initial_lr = group["lr"]
                if isinstance(initial_lr, torch.Tensor):
                    initial_lr = initial_lr.clone()
                group.setdefault("initial_lr", initial_lr)
        else:
            for i, group in enumerate(optimizer.param_groups):
                if "initial_lr" not in group:
                    raise KeyError(
                        "param 'initial_lr' is not specified "
                        f"in param_groups[{i}] when resuming an optimizer"
                    )
        self.base_lrs = [group["initial_lr"] for group in optimizer.param_groups]
        self.last_epoch = last_epoch

        def patch_track_step_called(opt):
            if hasattr(opt.step, "_wrapped_by_lr_sched"):
                return opt.step

            def wrap_step(step_fn):
                func = step_fn.__func__

                @wraps(func)
                def wrapper(*args, **kwargs):
                    opt._opt_called = True
                    return func(opt, *args, **kwargs)

                wrapper._wrapped_by_lr_sched = True
                return wrapper

            opt.step = wrap_step(opt.step)

        patch_track_step_called(self.optimizer)
        if verbose != "deprecated":
            _warn(
                "UserWarning",
                "The verbose parameter is deprecated. Please use get_last_lr() to access the learning rate.",
            )
        self.verbose = verbose if verbose != "deprecated" else False
        self._initial_step()

    def _initial_step(self):
        self._step_count = 0
        self.step()

    def state_dict(self):
        return {key: value for key, value in self.__dict__.items() if key != "optimizer"}

    def load_state_dict(self, state_dict):
        self.__dict__.update(state_dict)

    def get_last_lr(self):
        return self._last_lr

    def get_lr(self):
        raise NotImplementedError

    def step(self, epoch=None):
        if self._step_count == 1:
            if not hasattr(self.optimizer.step, "_wrapped_by_lr_sched"):
                _warn(
                    "UserWarning",
                    "Seems like ${"`"}optimizer.step()${"`"} has been overridden after learning rate scheduler "
                    "initialization. Please, make sure to call ${"`"}optimizer.step()${"`"} before "
                    "${"`"}lr_scheduler.step()${"`"}. See more details at "
                    "https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate",
                )
            elif not getattr(self.optimizer, "_opt_called", False):
                _warn(
                    "UserWarning",
                    "Detected call of ${"`"}lr_scheduler.step()${"`"} before ${"`"}optimizer.step()${"`"}. "
                    "In PyTorch 1.1.0 and later, you should call them in the opposite order: "
                    "${"`"}optimizer.step()${"`"} before ${"`"}lr_scheduler.step()${"`"}.  Failure to do this "
                    "will result in PyTorch skipping the first value of the learning rate schedule. "
                    "See more details at "
                    "https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate",
                )
        self._step_count += 1
        self._get_lr_called_within_step = True
        try:
            if epoch is None:
                self.last_epoch += 1
                values = self.get_lr()
            else:
                _warn("UserWarning", EPOCH_DEPRECATION_WARNING)
                self.last_epoch = epoch
                if hasattr(self, "_get_closed_form_lr"):
                    values = self._get_closed_form_lr()
                else:
                    values = self.get_lr()
        finally:
            self._get_lr_called_within_step = False
        for param_group, lr in zip(self.optimizer.param_groups, values):
            if isinstance(param_group["lr"], torch.Tensor):
                param_group["lr"].fill_(lr)
            else:
                param_group["lr"] = lr
        self._last_lr = [group["lr"] for group in self.optimizer.param_groups]


def _warn_get_lr_called_within_step(lr_scheduler):
    if not lr_scheduler._get_lr_called_within_step:
        _warn("UserWarning", "To get the last learning rate computed by the scheduler, please use ${"`"}get_last_lr()${"`"}.")


class StepLR(LRScheduler):
    def __init__(self, optimizer, step_size, gamma=0.1, last_epoch=-1, verbose="deprecated"):
        self.step_size = step_size
        self.gamma = gamma
        super().__init__(optimizer, last_epoch, verbose)

    def get_lr(self):
        _warn_get_lr_called_within_step(self)
        if (self.last_epoch == 0) or (self.last_epoch % self.step_size != 0):
            return [group["lr"] for group in self.optimizer.param_groups]
        return [group["lr"] * self.gamma for group in self.optimizer.param_groups]

    def _get_closed_form_lr(self):
        return [base_lr * self.gamma ** (self.last_epoch // self.step_size) for base_lr in self.base_lrs]


class ExponentialLR(LRScheduler):
    def __init__(self, optimizer, gamma, last_epoch=-1, verbose="deprecated"):
        self.gamma = gamma
        super().__init__(optimizer, last_epoch, verbose)

    def get_lr(self):
        _warn_get_lr_called_within_step(self)
        if self.last_epoch == 0:
            return [group["lr"] for group in self.optimizer.param_groups]
        return [group["lr"] * self.gamma for group in self.optimizer.param_groups]

    def _get_closed_form_lr(self):
        return [base_lr * self.gamma**self.last_epoch for base_lr in self.base_lrs]
`,
};
