// The shape of a parsed lesson: Markdown blocks, Python code cells and predict-then-reveal questions.

/** Which printed line of a cell a prediction is about: a 1-based line of stdout, or the error line. */
export type OutputRef = number | "last" | "error";

export interface CodeCell {
  /** position among the lesson's code cells, from 0 */
  index: number;
  /** optional name from the fence (```python id=alias), for `cell: alias` in predictions */
  id: string | null;
  code: string;
  /** file line of the cell's first code line (1-based) */
  line: number;
  /** the teacher marked this cell as ending in an error on purpose (```python raises) */
  raises: boolean;
}

export interface Prediction {
  /** position among the lesson's predictions, from 0 */
  index: number;
  /** Markdown (inline and display math allowed) */
  question: string;
  /** the code cell whose output holds the answer */
  cellIndex: number;
  output: OutputRef;
  /** null for a free answer the student types */
  choices: string[] | null;
  /** exactly as Python prints it; a trailing " ..." makes it a prefix of the printed line */
  answer: string;
  /** Markdown shown after the reveal */
  explain: string;
  /** file line of the ```predict fence */
  line: number;
}

export type LessonBlock =
  | { kind: "markdown"; text: string; line: number }
  | { kind: "code"; cell: number }
  | { kind: "predict"; prediction: number };

export interface Lesson {
  /** the file name without ".md", e.g. "03-second-derivatives"; progress is keyed by it */
  id: string;
  file: string;
  title: string;
  /** the first paragraph after the title, as Markdown */
  summary: string;
  blocks: LessonBlock[];
  cells: CodeCell[];
  predictions: Prediction[];
}

export interface LessonError {
  file: string;
  line: number;
  message: string;
}

export type ParseResult = { ok: true; lesson: Lesson } | { ok: false; errors: LessonError[] };

/** "lessons/03.md:12: message", the form editors and terminals turn into links */
export function formatLessonError(error: LessonError): string {
  return `${error.file}:${error.line}: ${error.message}`;
}
