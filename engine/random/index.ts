// PyTorch's CPU random numbers, reproduced exactly: the public face of engine/random.

export { TorchGenerator, type FloatDType } from "./generator.ts";
