/** WebCrypto, in the browser, its workers and Node alike (shared/ has no DOM types, so its one call is named here). */
const subtle = (
  globalThis as unknown as {
    crypto: { subtle: { digest(algorithm: string, data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer> } };
  }
).crypto.subtle;

export const CHECKSUM_LENGTH = 64;
const ZERO = 0x30;

const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** SHA-256 of bytes, lower-case hex. */
export const sha256Hex = async (bytes: Uint8Array<ArrayBuffer>) => hex(await subtle.digest('SHA-256', bytes));

/** Where an ASCII text occurs in the bytes: every offset (the checksum slot must be found exactly once). */
export function offsetsOf(bytes: Uint8Array, text: string): number[] {
  const needle = [...text].map((c) => c.charCodeAt(0));
  const found: number[] = [];
  let at = bytes.indexOf(needle[0]!);
  while (at >= 0 && at + needle.length <= bytes.length) {
    let match = true;
    for (let i = 1; i < needle.length; i++)
      if (bytes[at + i] !== needle[i]) {
        match = false;
        break;
      }
    if (match) found.push(at);
    at = bytes.indexOf(needle[0]!, at + 1);
  }
  return found;
}

/**
 * The SHA-256 of the file with its own checksum's 64 characters read as "0": the file carries the checksum of
 * itself, so a truncated, damaged or outside-edited file is told apart from the one Rumija wrote.
 */
export async function checksumWithSlot(bytes: Uint8Array<ArrayBuffer>, slot: number): Promise<string> {
  const kept = bytes.slice(slot, slot + CHECKSUM_LENGTH);
  bytes.fill(ZERO, slot, slot + CHECKSUM_LENGTH);
  try {
    return hex(await subtle.digest('SHA-256', bytes));
  } finally {
    bytes.set(kept, slot);
  }
}

/** Writes the checksum into the file where `marker` (64 characters, written once) stands. */
export async function sealChecksum(bytes: Uint8Array<ArrayBuffer>, marker: string): Promise<string> {
  const slots = offsetsOf(bytes, marker);
  if (slots.length !== 1) throw new Error(`checksum slot found ${slots.length} times`);
  const checksum = await checksumWithSlot(bytes, slots[0]!);
  bytes.set(
    [...checksum].map((c) => c.charCodeAt(0)),
    slots[0]!,
  );
  return checksum;
}

/** True when the file's bytes are the ones sealed with `checksum`. */
export async function checksumHolds(bytes: Uint8Array<ArrayBuffer>, checksum: string): Promise<boolean> {
  if (!/^[0-9a-f]{64}$/.test(checksum)) return false;
  const slots = offsetsOf(bytes, checksum);
  if (slots.length !== 1) return false;
  return (await checksumWithSlot(bytes, slots[0]!)) === checksum;
}
