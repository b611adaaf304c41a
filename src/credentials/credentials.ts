/**
 * Open Badges 3.0 credentials of the service's awards: issued on request
 * from the store, signed with the issuer's key, revocable through the
 * published status lists, and verifiable here without any network access.
 */
import type pg from "pg";
import type { Badge, Catalog } from "../domain/catalog.js";
import {
  type Achievement,
  achievementDocument,
  achievementOf,
  unlistedAchievement,
} from "./achievement.js";
import {
  type AwardRecord,
  awardById,
  awardOfLearnerBadge,
  awardsOfLearner,
  revokedPositions,
} from "./award-records.js";
import type { CredentialSettings } from "./credential-settings.js";
import { documentsById, offlineDocumentLoader } from "./document-loader.js";
import { Issuer } from "./issuer.js";
import { openKeyRing } from "./key-ring.js";
import { openBadgeCredential } from "./open-badge-credential.js";
import { CredentialSigner, type SignedCredential } from "./signer.js";
import { encodeStatusList, positionsOfList } from "./status-list.js";
import {
  listOfStatusUrl,
  statusEntryOf,
  statusListCredential,
  statusListUrl,
} from "./status-list-credential.js";
import { CredentialVerifier, type Verdict } from "./verifier.js";

export type { SignedCredential } from "./signer.js";
export type { Verdict } from "./verifier.js";

export interface CredentialsOptions {
  /** Controller documents of other issuers whose keys verification may use. */
  knownDocuments?: readonly object[];
}

interface Parts {
  pool: pg.Pool | undefined;
  badges: ReadonlyMap<string, Badge>;
  baseUrl: string;
  issuer: Issuer;
  signer: CredentialSigner;
}

export class Credentials {
  private readonly verifier: CredentialVerifier;

  private constructor(
    private readonly parts: Parts,
    documentLoader: ReturnType<typeof offlineDocumentLoader>,
  ) {
    this.verifier = new CredentialVerifier({
      documentLoader,
      statusLists: (url) => this.ownStatusList(url),
      ownKey: (method) => parts.issuer.keyOf(method),
    });
  }

  /** Without a pool, only what needs no award data works: documents and verification of others' credentials. */
  static async open(
    settings: CredentialSettings,
    catalog: Catalog,
    pool: pg.Pool | undefined,
    options: CredentialsOptions = {},
  ): Promise<Credentials> {
    const ring = await openKeyRing(
      settings.CREDENTIALS_DIR,
      settings.ISSUER_SECRET_KEY,
    );
    const issuer = new Issuer(ring, settings);
    const documentLoader = offlineDocumentLoader(
      issuer.documents,
      documentsById(options.knownDocuments ?? []),
    );
    const signer = await CredentialSigner.create(
      ring.signing,
      issuer.signingMethodId,
      documentLoader,
    );
    const badges = new Map(catalog.map((badge) => [badge.id, badge]));
    return new Credentials(
      { pool, badges, baseUrl: settings.PUBLIC_BASE_URL, issuer, signer },
      documentLoader,
    );
  }

  private readonly nameOf = (badgeId: string) =>
    this.parts.badges.get(badgeId)?.name ?? badgeId;

  get issuerId(): string {
    return this.parts.issuer.id;
  }

  async credential(awardId: string): Promise<SignedCredential | undefined> {
    const award = await awardById(this.db, awardId);
    return award && this.issue(award);
  }

  async credentialsOfLearner(learnerId: string): Promise<SignedCredential[]> {
    const awards = await awardsOfLearner(this.db, learnerId);
    return Promise.all(awards.map((award) => this.issue(award)));
  }

  async credentialOfBadge(
    learnerId: string,
    badgeId: string,
  ): Promise<SignedCredential | undefined> {
    const award = await awardOfLearnerBadge(this.db, learnerId, badgeId);
    return award && this.issue(award);
  }

  achievement(badgeId: string): Record<string, unknown> | undefined {
    const badge = this.parts.badges.get(badgeId);
    return (
      badge &&
      achievementDocument(achievementOf(badge, this.parts.baseUrl, this.nameOf))
    );
  }

  /** The signed status list credential of list `list`, as of now. */
  async statusList(list: number): Promise<SignedCredential> {
    const { from, to } = positionsOfList(list);
    const revoked = await revokedPositions(this.db, from, to);
    return this.parts.signer.sign(
      statusListCredential({
        url: statusListUrl(this.parts.baseUrl, list),
        issuerId: this.issuerId,
        encodedList: encodeStatusList(
          revoked.map((position) => position - from),
        ),
        validFrom: new Date(),
      }),
    );
  }

  issuerDocument(): Record<string, unknown> {
    return this.parts.issuer.controllerDocument();
  }

  /** Where the issuer document is served: always /v1/issuer, and at the issuer id when that is a URL of this service. */
  issuerPaths(): string[] {
    const { issuer, baseUrl } = this.parts;
    const paths = ["/v1/issuer"];
    if (!issuer.usesDidKey && issuer.id.startsWith(`${baseUrl}/`)) {
      const path = new URL(issuer.id).pathname;
      if (!paths.includes(path)) {
        paths.push(path);
      }
    }
    return paths;
  }

  verify(credential: unknown): Promise<Verdict> {
    return this.verifier.verify(credential);
  }

  private issue(award: AwardRecord): Promise<SignedCredential> {
    return this.parts.signer.sign(
      openBadgeCredential({
        award,
        achievement: this.achievementOfAward(award),
        issuer: this.parts.issuer.profile(),
        status: statusEntryOf(this.parts.baseUrl, award.position),
      }),
    );
  }

  private achievementOfAward(award: AwardRecord): Achievement {
    const badge = this.parts.badges.get(award.badgeId);
    return badge
      ? achievementOf(badge, this.parts.baseUrl, this.nameOf)
      : unlistedAchievement(award.badgeId, award.reason, this.parts.baseUrl);
  }

  private async ownStatusList(url: string): Promise<object | undefined> {
    const list = listOfStatusUrl(this.parts.baseUrl, url);
    return list === undefined ? undefined : this.statusList(list);
  }

  private get db(): pg.Pool {
    if (!this.parts.pool) {
      throw new Error("credentials were opened without a database");
    }
    return this.parts.pool;
  }
}
