// _log_softmax_backward_data / _softmax_backward_data against the float32 values PyTorch 2.6
// printed for the same inputs (torch.ops.aten._*_backward_data(g, out, 1, torch.float32)).
import { describe, expect, it } from "vitest";
import * as T from "../../../engine/index.ts";

const G = [[0.5, -0.25, 1.5, 2.0], [0.1, 0.9, -1.3, 0.4]];
// torch.softmax / torch.log_softmax of [[0.3, -1.2, 2.5, 0.7], [1.1, 0.2, -0.4, 3.3]] along dim 1
const SOFTMAX = [[0.08517910540103912, 0.019006026908755302, 0.768742561340332, 0.1270722895860672], [0.09385520219802856, 0.03815867379307747, 0.020941922441124916, 0.8470442891120911]];

describe("softmax / log_softmax backward data", () => {
  it("log_softmax's gradient matches PyTorch bit for bit", () => {
    const rt = new T.Runtime();
    const out = T.logSoftmax(T.tensor(rt, [[0.3, -1.2, 2.5, 0.7], [1.1, 0.2, -0.4, 3.3]]), 1);
    const got = T.logSoftmaxBackwardData(T.tensor(rt, G), out, 1);
    expect(got.values()).toEqual([
      0.180578351020813, -0.321272611618042, -1.3827846050262451, 1.5234788656234741, 0.09061447530984879, 0.8961840867996216,
      -1.3020941019058228, 0.315295547246933,
    ]);
    expect(got.gradFn).toBeNull();
  });
  it("softmax's gradient matches PyTorch bit for bit, and records SoftmaxBackwardDataBackward0", () => {
    const rt = new T.Runtime();
    const g = T.requiresGrad_(T.tensor(rt, G));
    const got = T.softmaxBackwardData(g, T.tensor(rt, SOFTMAX), 1);
    expect(got.values()).toEqual([
      -0.0805024728178978, -0.03221704810857773, 0.04220666363835335, 0.07051286101341248, -0.023963257670402527, 0.020784206688404083,
      -0.03466561436653137, 0.03784462437033653,
    ]);
    expect(got.gradFn?.name).toBe("SoftmaxBackwardDataBackward0");
  });
});
