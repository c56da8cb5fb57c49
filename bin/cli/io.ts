// Where the CLI writes: the real process streams, or buffers in tests.
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** current directory for relative paths */
  cwd: string;
}

export const processIO: CliIO = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  cwd: process.cwd(),
};

/** Exit codes: 0 ok, 1 the program raised, 2 the command line or the file was wrong. */
export const EXIT_OK = 0;
export const EXIT_PROGRAM_ERROR = 1;
export const EXIT_USAGE = 2;
