// Public face of the tensor printer: PyTorch 2.6's repr(tensor), torch.Size and dtype reprs.

export { formatTensor, sizeRepr, dtypeRepr } from "./repr.ts";
export type { PrintableTensor, ReprSuffix } from "./repr.ts";
export { formatFixed, formatExponent } from "./decimal.ts";
