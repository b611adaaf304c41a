/** Timestamps as credentials write them: UTC, milliseconds only when there are any. */
export function xsdDateTime(date: Date): string {
  return date.toISOString().replace(/\.000Z$/, "Z");
}
