// Timeline keyboard shortcuts: which action a key press means, when focus is not in a text field.

export type KeyAction = "back" | "forward" | "prevStatement" | "nextStatement" | "togglePlay" | "home" | "end";

export function keyAction(e: Pick<KeyboardEvent, "key" | "shiftKey" | "ctrlKey" | "metaKey" | "altKey">): KeyAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case "ArrowLeft":
      return e.shiftKey ? "prevStatement" : "back";
    case "ArrowRight":
      return e.shiftKey ? "nextStatement" : "forward";
    case " ":
      return "togglePlay";
    case "Home":
      return "home";
    case "End":
      return "end";
    default:
      return null;
  }
}

/** Keys typed into the editor, a field or a slider belong to it, not to the timeline. */
export function isTextTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== "function") return false;
  return !!el.closest(".cm-editor, input, textarea, select, [contenteditable='true']");
}

/** Ctrl+Enter (Cmd+Enter on macOS) runs the script from anywhere in the window, as the menu says. */
export function isRunKey(e: Pick<KeyboardEvent, "key" | "shiftKey" | "ctrlKey" | "metaKey" | "altKey">): boolean {
  return e.key === "Enter" && (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey;
}
