// PyTorch's CPU random numbers, reproduced (float64 normals to within 2 ulps): the public face of engine/random.
// Origins and licences of what engine/random reproduces: ./THIRD_PARTY_NOTICES.md.

export { TorchGenerator, type FloatDType } from "./generator.ts";
