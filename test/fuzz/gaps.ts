// Documented gaps: disagreements with PyTorch the fuzzer knows about, each with the reason and
// who owns it. A gap is counted apart from disagreements; everything else must agree.
import type { Ours, Recorded } from "./compare.ts";

export interface Gap {
  id: string;
  why: string;
  matches: (rec: Recorded, ours: Ours) => boolean;
}

export const GAPS: Gap[] = [];
