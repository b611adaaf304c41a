/**
 * The JSON-LD document loader of signing and verification. It answers from
 * bundled contexts, did:key identifiers (resolved from the key itself) and
 * documents the service knows; it never reaches the network, so a credential
 * verifies the same offline, and an unknown URL is refused with its name.
 */
import { securityLoader } from "@digitalcredentials/security-document-loader";
import { pinnedContexts } from "./contexts.js";
import { UnknownDocumentError } from "./errors.js";

export interface LoadedDocument {
  contextUrl: null;
  documentUrl: string;
  document: unknown;
}

export type DocumentLoader = (url: string) => Promise<LoadedDocument>;

/** Looks a URL up among documents held in memory. */
export type DocumentSource = (url: string) => object | undefined;

export function offlineDocumentLoader(
  ...sources: DocumentSource[]
): DocumentLoader {
  const bundled = bundledDocuments();
  return async (url) => {
    for (const source of sources) {
      const document = source(url);
      if (document) {
        return loaded(url, document);
      }
    }
    if (url.startsWith("did:") && !url.startsWith("did:key:")) {
      throw new UnknownDocumentError(
        url,
        "only did:key identifiers are resolved; other DID methods need the network",
      );
    }
    try {
      return loaded(url, (await bundled(url)).document);
    } catch {
      throw new UnknownDocumentError(url, refusal(url));
    }
  };
}

/** A source serving each document at its id, and each key it lists at the key's id. */
export function documentsById(documents: readonly object[]): DocumentSource {
  const byId = new Map<string, object>();
  for (const document of documents) {
    for (const entry of [document, ...listedKeys(document)]) {
      const id = (entry as { id?: unknown }).id;
      if (typeof id === "string") {
        byId.set(id, entry);
      }
    }
  }
  return (url) => byId.get(url);
}

function listedKeys(document: object): object[] {
  const methods = (document as { verificationMethod?: unknown })
    .verificationMethod;
  return Array.isArray(methods)
    ? methods.filter((m): m is object => typeof m === "object" && m !== null)
    : [];
}

function bundledDocuments() {
  // Without fetchRemoteContexts the loader has no http(s) handler at all.
  const loader = securityLoader({ fetchRemoteContexts: false });
  for (const [url, context] of pinnedContexts()) {
    loader.addStatic(url, context);
  }
  return loader.build();
}

function refusal(url: string): string {
  return url.startsWith("did:key:")
    ? "it is not a valid Ed25519 did:key"
    : "it is neither a bundled JSON-LD context nor a document this service knows, and verification never fetches from the network";
}

function loaded(url: string, document: unknown): LoadedDocument {
  return { contextUrl: null, documentUrl: url, document };
}
