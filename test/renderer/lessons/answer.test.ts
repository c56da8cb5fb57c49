import { describe, expect, it } from "vitest";
import { answerMatchesLine, choiceMarkdown, isTypedAnswerCorrect, outputLine, sameMeaning } from "../../../renderer/lessons/answer.ts";

describe("outputLine", () => {
  it.each([
    { stdout: "a\nb\n", error: null, ref: 1, expected: "a" },
    { stdout: "a\nb\n", error: null, ref: 2, expected: "b" },
    { stdout: "a\nb\n", error: null, ref: "last" as const, expected: "b" },
    { stdout: "a\n\nc\n", error: null, ref: 2, expected: "" },
    { stdout: "a\nb\n", error: null, ref: 3, expected: null },
    { stdout: "", error: null, ref: 1, expected: null },
    { stdout: "a\n", error: "RuntimeError: x", ref: "error" as const, expected: "RuntimeError: x" },
    { stdout: "a\n", error: null, ref: "error" as const, expected: null },
  ])("line $ref of $stdout", ({ stdout, error, ref, expected }) => {
    expect(outputLine(stdout, error, ref)).toBe(expected);
  });
});

describe("answerMatchesLine", () => {
  it.each([
    { answer: "tensor(45., grad_fn=<CopyBackwards>)", line: "tensor(45., grad_fn=<CopyBackwards>)", expected: true },
    { answer: "tensor(45.)", line: "tensor(45., grad_fn=<CopyBackwards>)", expected: false },
    { answer: "RuntimeError: Trying to backward ...", line: "RuntimeError: Trying to backward through the graph", expected: true },
    { answer: "RuntimeError: Trying to backward ...", line: "RuntimeError: grad can be implicitly created", expected: false },
    { answer: "None", line: "None   ", expected: true },
  ])("$answer vs $line", ({ answer, line, expected }) => {
    expect(answerMatchesLine(answer, line)).toBe(expected);
  });
});

describe("isTypedAnswerCorrect", () => {
  const T45 = "tensor(45., grad_fn=<CopyBackwards>)";
  it.each([
    { typed: "tensor(45., grad_fn=<CopyBackwards>)", answer: T45, expected: true },
    { typed: " tensor( 45.,grad_fn=<copybackwards>) ", answer: T45, expected: true },
    { typed: "45", answer: T45, expected: true },
    { typed: "45.0", answer: T45, expected: true },
    { typed: "18", answer: T45, expected: false },
    { typed: "", answer: T45, expected: false },
    { typed: "[0.5, -1, 1.5, 0.25]", answer: "tensor([ 0.5000, -1.0000,  1.5000,  0.2500])", expected: true },
    { typed: "[0.5, 1, 1.5, 0.25]", answer: "tensor([ 0.5000, -1.0000,  1.5000,  0.2500])", expected: false },
    { typed: "none", answer: "None", expected: true },
    { typed: "0", answer: "None", expected: false },
    { typed: "2 0", answer: "2 0", expected: true },
    // digits inside names are not numbers: "0" must not pass for SubBackward0 at 0x0
    { typed: "0", answer: "False <SubBackward0 object at 0x0>", expected: false },
    { typed: "RuntimeError: Trying to backward through the graph a second time", answer: "RuntimeError: Trying to backward through the graph a second time ...", expected: true },
    { typed: "RuntimeError: Trying", answer: "RuntimeError: Trying to backward through the graph a second time ...", expected: true },
    { typed: "Error", answer: "RuntimeError: Trying to backward through the graph a second time ...", expected: false },
  ])("'$typed' for $answer", ({ typed, answer, expected }) => {
    expect(isTypedAnswerCorrect(typed, answer)).toBe(expected);
  });
});

describe("sameMeaning (a picked choice against the answer)", () => {
  it.each([
    { a: "tensor([ 0.0000,  2.5000, -1.7500])", b: "tensor([0.0000, 2.5000, -1.7500])", expected: true },
    { a: "tensor([ 0.0000,  2.5000, -1.7500])", b: "tensor([ 0.0000,  2.5000, -1.7500])", expected: true },
    { a: "tensor([5., 7., 9.])", b: "tensor([ 0.0000,  2.5000, -1.7500])", expected: false },
    { a: "None", b: "none", expected: true },
  ])("$a ~ $b", ({ a, b, expected }) => {
    expect(sameMeaning(a, b)).toBe(expected);
  });
});

describe("choiceMarkdown", () => {
  it.each([
    { choice: "tensor(18.)", md: "`tensor(18.)`" },
    { choice: "None", md: "`None`" },
    { choice: "2 0", md: "`2 0`" },
    { choice: "(tensor([1.]),)", md: "`(tensor([1.]),)`" },
    { choice: "RuntimeError: a leaf Variable ...", md: "`RuntimeError: a leaf Variable ...`" },
    { choice: "It prints `tensor(18.)`", md: "It prints `tensor(18.)`" },
    { choice: "Nothing: it fills the grads", md: "Nothing: it fills the grads" },
  ])("$choice", ({ choice, md }) => {
    expect(choiceMarkdown(choice)).toBe(md);
  });
});
