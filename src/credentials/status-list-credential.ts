/**
 * The documents of revocation: the status entry each credential carries,
 * and the status list credential the service publishes for each list.
 */
import { credentialsV2Context } from "./contexts.js";
import { statusPlaceOf } from "./status-list.js";
import { xsdDateTime } from "./xsd-date-time.js";

export interface StatusEntry {
  id: string;
  type: "BitstringStatusListEntry";
  statusPurpose: "revocation";
  statusListIndex: string;
  statusListCredential: string;
}

const statusPath = "/v1/credentials/status/";

export function statusListUrl(baseUrl: string, list: number): string {
  return `${baseUrl}${statusPath}${list}`;
}

/** The list number of a status list URL of this service, if it is one. */
export function listOfStatusUrl(
  baseUrl: string,
  url: string,
): number | undefined {
  const prefix = `${baseUrl}${statusPath}`;
  const rest = url.startsWith(prefix) ? url.slice(prefix.length) : "";
  return /^\d+$/.test(rest) ? Number(rest) : undefined;
}

export function statusEntryOf(baseUrl: string, position: number): StatusEntry {
  const { list, index } = statusPlaceOf(position);
  const listUrl = statusListUrl(baseUrl, list);
  return {
    id: `${listUrl}#${index}`,
    type: "BitstringStatusListEntry",
    statusPurpose: "revocation",
    statusListIndex: String(index),
    statusListCredential: listUrl,
  };
}

export function statusListCredential(options: {
  url: string;
  issuerId: string;
  encodedList: string;
  validFrom: Date;
}): object {
  return {
    "@context": [credentialsV2Context],
    id: options.url,
    type: ["VerifiableCredential", "BitstringStatusListCredential"],
    issuer: options.issuerId,
    validFrom: xsdDateTime(options.validFrom),
    credentialSubject: {
      id: `${options.url}#list`,
      type: "BitstringStatusList",
      statusPurpose: "revocation",
      encodedList: options.encodedList,
    },
  };
}
