import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { InputRefused, readInput } from './read-input';

const MiB = 2 ** 20;
const dir = mkdtempSync(join(tmpdir(), 'clearml-read-input-'));

async function refusal(path: string, stdin?: Readable): Promise<string> {
  const err = await readInput(path, MiB, stdin).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputRefused);
  return (err as Error).message;
}

describe('readInput', () => {
  it('reads a regular file as bytes', async () => {
    writeFileSync(join(dir, 'ok.yaml'), 'name: ok\n');
    expect(Buffer.from(await readInput(join(dir, 'ok.yaml'), MiB)).toString()).toBe('name: ok\n');
  });

  it('refuses a file over the limit from its size, before reading it', async () => {
    writeFileSync(join(dir, 'big.yaml'), Buffer.alloc(MiB + 1, 0x61));
    expect(await refusal(join(dir, 'big.yaml'))).toBe('it is larger than 1 MiB');
    writeFileSync(join(dir, 'edge.yaml'), Buffer.alloc(MiB, 0x61));
    expect((await readInput(join(dir, 'edge.yaml'), MiB)).length).toBe(MiB);
  });

  it('refuses directories, devices and named pipes without blocking', async () => {
    expect(await refusal(dir)).toBe('it is a directory');
    expect(await refusal('/dev/zero')).toBe('it is a device');
    expect(await refusal('/dev/null')).toBe('it is a device');
    const fifo = join(dir, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(await refusal(fifo)).toBe('it is a named pipe; use -f - to read standard input');
  });

  it('names missing files and bad paths in words', async () => {
    expect(await refusal(join(dir, 'missing.yaml'))).toBe('no such file');
    expect(await refusal(join(dir, 'ok.yaml', 'below'))).toBe(
      'a part of the path is not a directory',
    );
  });

  it('reads standard input for -, capped at the limit', async () => {
    const ok = await readInput('-', MiB, Readable.from([Buffer.from('name: '), 'piped\n']));
    expect(Buffer.from(ok).toString()).toBe('name: piped\n');
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 64 * 1024;
        this.push(Buffer.alloc(64 * 1024, 0x61));
      },
    });
    expect(await refusal('-', endless)).toBe('it is larger than 1 MiB');
    expect(produced).toBeLessThan(2 * MiB);
    expect(endless.destroyed).toBe(true);
  });
});
