/** Where a CLI command writes: the process's streams, or a test's buffers. */
export type CliOutput = {
  stdout: { write: (text: string) => unknown };
  stderr: { write: (text: string) => unknown };
};

export const consoleOutput: CliOutput = { stdout: process.stdout, stderr: process.stderr };
