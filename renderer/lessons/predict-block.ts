// Parses the body of a ```predict fence (key: value fields) into a prediction with its cell unresolved.

import type { LessonError, OutputRef } from "./lesson.ts";

export type CellRef = { kind: "next" } | { kind: "previous" } | { kind: "id"; id: string };

export interface RawPrediction {
  question: string;
  cell: CellRef;
  output: OutputRef;
  choices: string[] | null;
  answer: string;
  explain: string;
}

const FIELDS = ["question", "cell", "output", "choices", "answer", "explain"] as const;
type Field = (typeof FIELDS)[number];
const MULTILINE: ReadonlySet<Field> = new Set(["question", "explain"]);

interface FieldValue {
  line: number;
  lines: string[];
}

/** `lines` are the fence's body; `firstLine` is the file line of lines[0]. */
export function parsePredictBlock(
  lines: string[],
  firstLine: number,
  file: string,
): { prediction: RawPrediction | null; errors: LessonError[] } {
  const errors: LessonError[] = [];
  const fail = (line: number, message: string) => errors.push({ file, line, message });
  const fields = new Map<Field, FieldValue>();
  let current: Field | null = null;

  lines.forEach((text, i) => {
    const line = firstLine + i;
    const key = /^([A-Za-z_]+):(.*)$/.exec(text);
    if (key) {
      const name = key[1] as Field;
      if (!FIELDS.includes(name)) {
        fail(line, `unknown field '${key[1]}' in predict block (fields: ${FIELDS.join(", ")}; indent a continuation line that starts with a word and a colon)`);
        current = null;
        return;
      }
      if (fields.has(name)) fail(line, `field '${name}' appears twice in this predict block`);
      fields.set(name, { line, lines: [key[2].trim()] });
      current = name;
      return;
    }
    if (text.trim() === "") {
      if (current && MULTILINE.has(current)) fields.get(current)!.lines.push("");
      return;
    }
    if (current === null) {
      fail(line, "predict block lines must start with a field such as 'question:'");
      return;
    }
    if (current === "choices") {
      const item = /^\s*[-*]\s+(.*)$/.exec(text);
      if (item) fields.get("choices")!.lines.push(item[1].trimEnd());
      else fail(line, "each choice goes on its own line starting with '- '");
      return;
    }
    if (!MULTILINE.has(current)) {
      fail(line, `'${current}' takes a single line`);
      return;
    }
    fields.get(current)!.lines.push(text.trim());
  });

  const text = (name: Field) => (fields.get(name)?.lines.join("\n") ?? "").trim();
  const blockLine = firstLine - 1;
  for (const required of ["question", "answer", "explain"] as const) {
    if (!fields.has(required) || text(required) === "") fail(fields.get(required)?.line ?? blockLine, `predict block needs '${required}:'`);
  }

  const cell = parseCellRef(text("cell"));
  if (cell === null) fail(fields.get("cell")!.line, `cell: expected 'next', 'previous' or a cell id (letters, digits, '-', '_'), got '${text("cell")}'`);
  const output = parseOutputRef(text("output"));
  if (output === null) fail(fields.get("output")!.line, `output: expected a line number (1, 2, ...), 'last' or 'error', got '${text("output")}'`);

  let choices: string[] | null = null;
  const choiceField = fields.get("choices");
  if (choiceField) {
    if (choiceField.lines[0].trim() !== "") fail(choiceField.line, "put each choice on its own line below 'choices:', starting with '- '");
    choices = choiceField.lines.slice(1);
    if (choices.length < 2) fail(choiceField.line, "choices: give at least two");
    if (new Set(choices).size !== choices.length) fail(choiceField.line, "choices: the same choice is listed twice");
    // a question must not turn on padding: choices are graded by meaning
    else if (new Set(choices.map((c) => c.replace(/\s+/g, ""))).size !== choices.length)
      fail(choiceField.line, "choices: two choices differ only in spacing (answers are graded by meaning, not whitespace)");
    const answer = text("answer");
    if (answer !== "" && !choices.includes(answer)) fail(fields.get("answer")!.line, `answer '${answer}' is not one of the choices`);
  }

  if (errors.length > 0) return { prediction: null, errors };
  return {
    prediction: { question: text("question"), cell: cell!, output: output!, choices, answer: text("answer"), explain: text("explain") },
    errors,
  };
}

function parseCellRef(value: string): CellRef | null {
  if (value === "" || value === "next") return { kind: "next" };
  if (value === "previous") return { kind: "previous" };
  return /^[\w-]+$/.test(value) ? { kind: "id", id: value } : null;
}

function parseOutputRef(value: string): OutputRef | null {
  if (value === "") return 1;
  if (value === "last" || value === "error") return value;
  return /^[1-9]\d*$/.test(value) ? Number(value) : null;
}
