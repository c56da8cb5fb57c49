// Writing every step of a run, one file at a time: each file is made only when the previous one
// is written (never every file in memory at once), progress is reported after each, and the
// export stops between two files when it is cancelled. Both hosts write their files through it.

import type { ExportData, WriteManyResult } from "./host.ts";

export interface StepsControl {
  /** aborting it stops the export after the file being written */
  signal?: AbortSignal;
  /** after each file: how many are written, of how many */
  onProgress?: (done: number, total: number) => void;
}

/** Makes file i with `make(i)` and writes it with `write(i, data)` (which returns its name, or
 *  throws a reason), for i = 0..count-1. */
export async function writeStepsOneByOne(
  count: number,
  make: (index: number) => Promise<ExportData>,
  write: (index: number, data: ExportData) => Promise<string>,
  control: StepsControl = {},
): Promise<WriteManyResult> {
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (control.signal?.aborted) return { status: "cancelled", names };
    let data: ExportData;
    try {
      data = await make(i);
    } catch (error) {
      return { status: "failed", reason: `step ${i + 1} could not be drawn: ${error instanceof Error ? error.message : String(error)}`, names };
    }
    if (control.signal?.aborted) return { status: "cancelled", names };
    try {
      names.push(await write(i, data));
    } catch (error) {
      return { status: "failed", reason: error instanceof Error ? error.message : String(error), names };
    }
    control.onProgress?.(i + 1, count);
  }
  return { status: "saved", names };
}
