// The standard-library modules (or parts of them) written in Python that ship with the engine.
// Each source is real Python run by Gradlens's own interpreter (see ../library.ts); the file
// name is what tracebacks show, as CPython shows its own library files.
import { underscoreCollectionsSource } from "./_collections.ts";
import { argparseSource } from "./argparse.ts";
import { collectionsSource } from "./collections.ts";
import { contextlibSource } from "./contextlib.ts";
import { copySource } from "./copy.ts";
import { dataclassesSource } from "./dataclasses.ts";
import { functoolsSource } from "./functools.ts";
import { typingSource } from "./typing.ts";
import { warningsSource } from "./warnings.ts";
import { ioSource } from "./io.ts";

export interface LibrarySource {
  /** the dotted module name `import` finds it by */
  name: string;
  /** the path shown in tracebacks */
  filename: string;
  source: string;
  /** names the real module has that this one does not yet: NotImplementedError, not AttributeError */
  notYet?: string[];
}

export const LIBRARY: LibrarySource[] = [functoolsSource, contextlibSource, collectionsSource, underscoreCollectionsSource, copySource, dataclassesSource, typingSource, warningsSource, argparseSource, ioSource];
