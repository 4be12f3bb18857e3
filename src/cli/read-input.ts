import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';

/** A values source the CLI refuses to read; the message completes "cannot read <path>: …". */
export class InputRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputRefused';
  }
}

const ERRNO_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the path is too long',
};

function kindOf(info: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}): string {
  if (info.isDirectory()) return 'it is a directory';
  if (info.isFIFO()) return 'it is a named pipe; use -f - to read standard input';
  if (info.isSocket()) return 'it is a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'it is a device';
  return 'it is not a regular file';
}

const tooLarge = (max: number) => new InputRefused(`it is larger than ${max / 2 ** 20} MiB`);

/** Turns a file system error into a refusal that names the reason, not a stack trace. */
function refusal(err: unknown): InputRefused {
  if (err instanceof InputRefused) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return new InputRefused(code ? (ERRNO_REASONS[code] ?? code) : 'unreadable');
}

async function readRegularFile(path: string, max: number): Promise<Uint8Array> {
  // Stat first: FIFOs, devices and directories are refused without being opened (opening a FIFO
  // blocks until a writer appears; /dev/zero never ends).
  const info = await stat(path);
  if (!info.isFile()) throw new InputRefused(kindOf(info));
  if (info.size > max) throw tooLarge(max);
  // O_NONBLOCK: should the path be swapped for a FIFO after the stat, opening it does not hang.
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) throw new InputRefused(kindOf(opened));
    // Read at most one byte more than allowed: a file that grew after the stat (or a /proc file
    // that reports size 0) is still bounded.
    let buffer = Buffer.alloc(Math.min(max + 1, opened.size + 4096));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > max) throw tooLarge(max);
        const grown = Buffer.alloc(max + 1);
        buffer.copy(grown);
        buffer = grown;
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) return buffer.subarray(0, length);
      length += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

/** Reads a stream to its end, refusing it as soon as it passes `max` bytes. */
export async function readStreamBounded(
  stream: AsyncIterable<Buffer | string> & { destroy?: () => void },
  max: number,
): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += bytes.length;
    if (total > max) {
      stream.destroy?.();
      throw tooLarge(max);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a values source: `-` is standard input, anything else must be a regular file. Both are
 * capped at `max` bytes; every failure is an `InputRefused` with a one-line reason.
 */
export async function readInput(
  path: string,
  max: number,
  stdin: AsyncIterable<Buffer | string> & { destroy?: () => void } = process.stdin,
): Promise<Uint8Array> {
  try {
    return path === '-' ? await readStreamBounded(stdin, max) : await readRegularFile(path, max);
  } catch (err) {
    throw refusal(err);
  }
}
