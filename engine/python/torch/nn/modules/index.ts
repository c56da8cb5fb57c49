// torch.nn.modules: the package that gathers the layers (torch.nn takes its names from here).
import { activationSource } from "./activation.ts";
import { batchnormSource } from "./batchnorm.ts";
import { containerSource } from "./container.ts";
import { dropoutSource } from "./dropout.ts";
import { flattenSource } from "./flatten.ts";
import { lazySource } from "./lazy.ts";
import { linearSource } from "./linear.ts";
import { lossSource } from "./loss.ts";
import { membersSource } from "./members.ts";
import { hooksSource } from "./hooks.ts";
import { sparseSource } from "./sparse.ts";
import { moduleSource } from "./module.ts";
import { stateSource } from "./state.ts";
import { normalizationSource } from "./normalization.ts";
import { convSource, convUtilsSource } from "./conv.ts";
import { poolingSource } from "./pooling.ts";

const packageSource = {
  name: "torch.nn.modules",
  filename: "/usr/lib/python3/dist-packages/torch/nn/modules/__init__.py",
  source: String.raw`
from torch.nn.modules import module, lazy, linear, container, activation, loss, flatten, dropout, sparse, batchnorm, normalization, conv, pooling, utils
from torch.nn.modules.module import Module
from torch.nn.modules.linear import Identity, Linear, Bilinear, LazyLinear
from torch.nn.modules.container import Sequential, ModuleList, ModuleDict, ParameterList
from torch.nn.modules.activation import ReLU, LeakyReLU, Tanh, Sigmoid, GELU, Softplus, ELU, CELU, SELU, SiLU, Softmax, LogSoftmax
from torch.nn.modules.loss import L1Loss, NLLLoss, MSELoss, BCELoss, BCEWithLogitsLoss, HuberLoss, SmoothL1Loss, CrossEntropyLoss
from torch.nn.modules.flatten import Flatten, Unflatten
from torch.nn.modules.dropout import Dropout, Dropout2d
from torch.nn.modules.sparse import Embedding
from torch.nn.modules.batchnorm import BatchNorm1d, BatchNorm2d, LazyBatchNorm1d, LazyBatchNorm2d
from torch.nn.modules.normalization import LayerNorm
from torch.nn.modules.conv import Conv2d, LazyConv2d
from torch.nn.modules.pooling import MaxPool2d, AvgPool2d, AdaptiveAvgPool2d
`,
};

export const MODULES_SOURCES = [
  packageSource,
  moduleSource,
  membersSource,
  hooksSource,
  stateSource,
  lazySource,
  linearSource,
  containerSource,
  activationSource,
  lossSource,
  flattenSource,
  dropoutSource,
  sparseSource,
  batchnormSource,
  normalizationSource,
  convUtilsSource,
  convSource,
  poolingSource,
];
