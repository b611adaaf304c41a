/**
 * The configuration variables of credentials: who the issuer is, where its
 * keys live, and the public address the documents of a credential point to.
 */
import { z } from "zod";

const httpUrl = z.url({
  protocol: /^https?$/,
  error: "must be an http:// or https:// URL",
});

export const credentialVariables = {
  CREDENTIALS_DIR: z.string().min(1).default(".data/credentials"),
  ISSUER_ID: z
    .string()
    .regex(/^(https:\/\/\S+|did:key:z\S+)$/, {
      error: "must be an https:// URL or a did:key",
    })
    .optional(),
  ISSUER_NAME: z.string().min(1).default("EduPulse Live"),
  ISSUER_URL: httpUrl.optional(),
  ISSUER_EMAIL: z.email({ error: "must be an email address" }).optional(),
  ISSUER_SECRET_KEY: z
    .string()
    .regex(/^z[1-9A-HJ-NP-Za-km-z]+$/, {
      error: "must be an Ed25519 Multikey secretKeyMultibase (z…)",
    })
    .optional(),
  PUBLIC_BASE_URL: httpUrl
    .transform((url) => url.replace(/\/+$/, ""))
    .default("http://127.0.0.1:8080"),
};

const credentialSettings = z.object(credentialVariables);

export type CredentialSettings = z.output<typeof credentialSettings>;
