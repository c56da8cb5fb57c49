/** true when WebAssembly relaxed SIMD validates (after setting Node 20's flag if it was needed) */
export function enableRelaxedSimd(): boolean;
