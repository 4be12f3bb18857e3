#!/usr/bin/env node
import { EXIT } from './command';
import { main } from './dispatch';
import { nodeIo } from './node-io';

main(process.argv.slice(2), nodeIo).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    nodeIo.stderr(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = EXIT.failure;
  },
);
