import { escapeControlsKeepLines } from '../engine/values/escape';
import { MAX_VALUES_BYTES } from '../engine/values/read-source';
import type { CliIo } from './command';
import { readInput } from './read-input';

/** The CLI's real input and output: the process's streams and the bounded values reader. */
export const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(escapeControlsKeepLines(text)),
  readFile: (path) => readInput(path, MAX_VALUES_BYTES),
};
