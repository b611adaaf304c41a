/**
 * Decoding of base58btc multibase text (the leading `z`), the encoding of
 * Multikey values. Only decoding is needed: keys are read, never written, here.
 */
const alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

export function decodeMultibase(text: string): Uint8Array | undefined {
  if (!text.startsWith("z")) {
    return undefined;
  }
  return decodeBase58(text.slice(1));
}

function decodeBase58(text: string): Uint8Array | undefined {
  let value = 0n;
  for (const character of text) {
    const digit = alphabet.indexOf(character);
    if (digit < 0) {
      return undefined;
    }
    value = value * 58n + BigInt(digit);
  }
  const bytes: number[] = [];
  for (; value > 0n; value >>= 8n) {
    bytes.unshift(Number(value & 0xffn));
  }
  const leadingZeros = text.length - text.replace(/^1+/, "").length;
  return Uint8Array.from([
    ...new Array<number>(leadingZeros).fill(0),
    ...bytes,
  ]);
}
