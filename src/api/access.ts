/**
 * Access control by API tokens with scopes. Tokens are compared through
 * their SHA-256 digests in constant time, every configured token checked,
 * so neither timing nor order tells a caller how close a guess came.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyRequest, onRequestHookHandler } from "fastify";
import { HttpProblem } from "./problem.js";

export const scopes = [
  "events:write",
  "events:read",
  "badges:read",
  "admin",
] as const;
export type Scope = (typeof scopes)[number];

export interface ApiToken {
  name: string;
  token: string;
  scopes: readonly Scope[];
}

interface KnownToken {
  name: string;
  digest: Buffer;
  scopes: ReadonlySet<Scope>;
}

export interface Caller {
  name: string;
  scopes: ReadonlySet<Scope>;
}

export class AccessControl {
  private readonly known: readonly KnownToken[];

  constructor(tokens: readonly ApiToken[]) {
    this.known = tokens.map((t) => ({
      name: t.name,
      digest: digest(t.token),
      scopes: new Set(t.scopes),
    }));
  }

  /** With no tokens configured the API is open, for local development. */
  get open(): boolean {
    return this.known.length === 0;
  }

  identify(authorization: string | undefined): Caller | undefined {
    const presented = bearerToken(authorization);
    if (presented === undefined) {
      return undefined;
    }
    const presentedDigest = digest(presented);
    let match: KnownToken | undefined;
    for (const candidate of this.known) {
      if (timingSafeEqual(candidate.digest, presentedDigest)) {
        match = candidate;
      }
    }
    return match;
  }

  /** A hook that lets a request through only with the scope, before its body is read. */
  require(scope: Scope): onRequestHookHandler {
    return async (request: FastifyRequest) => {
      if (this.open) {
        return;
      }
      const caller = this.identify(request.headers.authorization);
      if (!caller) {
        throw new HttpProblem(
          401,
          "UNAUTHENTICATED",
          "a valid bearer token is required",
        );
      }
      if (!caller.scopes.has(scope) && !caller.scopes.has("admin")) {
        throw new HttpProblem(
          403,
          "FORBIDDEN",
          `the token lacks the scope ${scope}`,
        );
      }
    };
  }
}

function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match?.[1];
}

function digest(token: string): Buffer {
  return createHash("sha256").update(token).digest();
}
