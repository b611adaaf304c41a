/** The one error type of the embedded server, with a stable code to branch on. */

export type EmbeddedServerErrorCode =
  | "EMBEDDED_SERVER_BUSY"
  | "EMBEDDED_SERVER_START_FAILED"
  | "EMBEDDED_SERVER_UNSUPPORTED";

export class EmbeddedServerError extends Error {
  readonly code: EmbeddedServerErrorCode;

  constructor(
    code: EmbeddedServerErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
