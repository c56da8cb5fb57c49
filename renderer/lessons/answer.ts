// Matching answers: a prediction's answer against a printed line, and a student's typed answer against the answer.

import type { OutputRef } from "./lesson.ts";

const PREFIX_MARK = " ...";

/** The line a prediction points at in a cell's recorded output, or null if there is no such line. */
export function outputLine(stdout: string, error: string | null, ref: OutputRef): string | null {
  if (ref === "error") return error;
  const lines = stdout.endsWith("\n") ? stdout.slice(0, -1).split("\n") : stdout.split("\n");
  if (stdout === "") return null;
  const index = ref === "last" ? lines.length - 1 : ref - 1;
  return index >= 0 && index < lines.length ? lines[index] : null;
}

/** An answer ending in " ..." stands for every line that starts with the text before it. */
export function answerMatchesLine(answer: string, line: string): boolean {
  // an object's address (<MulBackward0 object at 0x7f...>) changes from run to run: lessons write 0x0
  line = withoutAddresses(line);
  if (answer.endsWith(PREFIX_MARK)) return line.startsWith(answer.slice(0, -PREFIX_MARK.length));
  return line.trimEnd() === answer;
}

/** the text with every " at 0x..." object address written as 0x0, as the recordings write it */
export const withoutAddresses = (text: string): string => text.replace(/ at 0x[0-9a-f]+>/g, " at 0x0>");

/** The answer as shown after the reveal: a prefix answer keeps its "..." so nobody mistakes it for the full line. */
export function isPrefixAnswer(answer: string): boolean {
  return answer.endsWith(PREFIX_MARK);
}

// Numbers as Python prints them, not digits inside names such as MulBackward0 or addresses such as 0x0.
const NUMBER = /(?<![\w.])[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?(?![\w])/gi;

function numbersIn(text: string): number[] {
  return (text.match(NUMBER) ?? []).map(Number);
}

function squash(text: string): string {
  return text.replace(/\s+/g, "").toLowerCase();
}

/**
 * Is a typed answer right? Spacing and case never matter; when the answer holds numbers, the
 * same numbers in the same order are enough ("45" for "tensor(45., grad_fn=<CopyBackwards>)");
 * for a prefix answer, typing the start of the line is enough.
 */
export function isTypedAnswerCorrect(typed: string, answer: string): boolean {
  const given = squash(typed);
  if (given === "") return false;
  if (isPrefixAnswer(answer)) {
    const prefix = squash(answer.slice(0, -PREFIX_MARK.length));
    return given.startsWith(prefix) || (given.length >= 12 && prefix.startsWith(given));
  }
  if (given === squash(answer)) return true;
  const expected = numbersIn(answer);
  const typedNumbers = numbersIn(typed);
  return expected.length > 0 && expected.length === typedNumbers.length && expected.every((n, i) => n === typedNumbers[i]);
}

/** Two answers that say the same thing: they differ at most in spacing (a picked choice is graded by meaning). */
export function sameMeaning(a: string, b: string): boolean {
  return squash(a) === squash(b);
}

/** A choice is Markdown; one that is plain printed output (no backticks of its own) is shown as code. */
export function choiceMarkdown(choice: string): string {
  if (choice.includes("`")) return choice;
  const looksPrinted = /^(tensor\(|None\b|True\b|False\b|[-\d([]|[A-Z]\w*(Error|Exception|Warning):)/.test(choice);
  return looksPrinted ? "`" + choice + "`" : choice;
}
