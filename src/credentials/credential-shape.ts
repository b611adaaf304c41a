/**
 * The first check of verification: is this an Open Badges 3.0 credential at
 * all, with the parts the other checks read? Answers with what is missing.
 */

export type Credential = Record<string, unknown>;

const vcContexts = [
  "https://www.w3.org/ns/credentials/v2",
  "https://www.w3.org/2018/credentials/v1",
];
const badgeTypes = ["OpenBadgeCredential", "AchievementCredential"];

export function shapeProblems(input: unknown): string[] {
  if (!isRecord(input)) {
    return ["it is not a JSON object"];
  }
  const context = input["@context"];
  const types = asArray(input.type);
  const problems = [
    Array.isArray(context) && vcContexts.includes(context[0] as string)
      ? undefined
      : "@context does not start with a W3C Verifiable Credentials context",
    types.includes("VerifiableCredential")
      ? undefined
      : "type lacks VerifiableCredential",
    badgeTypes.some((type) => types.includes(type))
      ? undefined
      : "type lacks OpenBadgeCredential (or AchievementCredential)",
    input.issuer ? undefined : "issuer is missing",
    subjectHasAchievement(input.credentialSubject)
      ? undefined
      : "credentialSubject names no achievement",
    input.proof ? undefined : "it carries no proof",
  ];
  return problems.filter((problem) => problem !== undefined);
}

export function issuerIdOf(credential: Credential): string | undefined {
  const issuer = credential.issuer;
  if (typeof issuer === "string") {
    return issuer;
  }
  const id = isRecord(issuer) ? issuer.id : undefined;
  return typeof id === "string" ? id : undefined;
}

export function proofMethods(credential: Credential): string[] {
  return asArray(credential.proof)
    .map((proof) => (isRecord(proof) ? proof.verificationMethod : undefined))
    .filter((method): method is string => typeof method === "string");
}

export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) {
    return [];
  }
  return Array.isArray(value) ? value : [value];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function subjectHasAchievement(subject: unknown): boolean {
  return asArray(subject).some(
    (entry) => isRecord(entry) && entry.achievement !== undefined,
  );
}
