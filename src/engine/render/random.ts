/** Credential generation with Web Crypto (`crypto.getRandomValues`), in browsers and Node 20. */

export type RandomBytes = (length: number) => Uint8Array;

export const cryptoRandomBytes: RandomBytes = (length) => {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  return bytes;
};

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A uniformly random string over `alphabet` (rejection sampling, no modulo bias). */
export function randomString(alphabet: string, length: number, random: RandomBytes): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of random(length * 2)) {
      if (byte < limit && out.length < length) {
        out += alphabet[byte % alphabet.length];
      }
    }
  }
  return out;
}

/** An access key in ClearML's format: 30 upper-case letters and digits. */
export const generateAccessKey = (random: RandomBytes): string =>
  randomString(KEY_ALPHABET, 30, random);

/** A URL-safe secret of 64 characters (384 bits). */
export const generateSecret = (random: RandomBytes): string =>
  randomString(SECRET_ALPHABET, 64, random);

/** A login password of 24 URL-safe characters. */
export const generatePassword = (random: RandomBytes): string =>
  randomString(SECRET_ALPHABET, 24, random);
