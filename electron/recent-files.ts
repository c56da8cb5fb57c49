// The File > Recent list: most recent first, no duplicates, a fixed length, and only
// absolute paths (the list is read back from a user-editable file).

export const MAX_RECENT = 10;

/** Windows and macOS file systems are case-insensitive by default; Linux is not. */
function samePath(a: string, b: string, platform: string): boolean {
  return platform === "linux" ? a === b : a.toLowerCase() === b.toLowerCase();
}

export function isAbsolutePath(path: string): boolean {
  return path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith("\\\\");
}

export function addRecent(
  list: readonly string[],
  path: string,
  platform: string,
  max = MAX_RECENT,
): string[] {
  return [path, ...list.filter((p) => !samePath(p, path, platform))].slice(0, max);
}

export function removeRecent(list: readonly string[], path: string, platform: string): string[] {
  return list.filter((p) => !samePath(p, path, platform));
}

export function parseRecent(raw: unknown, platform: string, max = MAX_RECENT): string[] {
  if (!Array.isArray(raw)) return [];
  let list: string[] = [];
  for (const entry of [...raw].reverse()) {
    if (typeof entry === "string" && entry.length < 4096 && isAbsolutePath(entry))
      list = addRecent(list, entry, platform, max);
  }
  return list;
}

/**
 * Menu labels for the list: the file name, plus its folder when two entries share a name,
 * so `lesson.md` from two courses can be told apart.
 */
export function recentLabels(list: readonly string[]): string[] {
  const split = list.map((p) => {
    const parts = p.split(/[\\/]/).filter(Boolean);
    return { name: parts[parts.length - 1] ?? p, folder: parts[parts.length - 2] ?? "" };
  });
  return split.map(({ name, folder }) => {
    const clash = split.filter((s) => s.name === name).length > 1;
    return clash && folder ? `${name} — ${folder}` : name;
  });
}
