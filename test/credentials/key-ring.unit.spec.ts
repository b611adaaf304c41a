import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  openKeyRing,
  rotateSigningKey,
  withCurrentKey,
} from "../../src/credentials/key-ring.js";
import { specPublicKey, specSecretKey } from "./support/spec-example.js";
import { freshKeyFolder } from "./support/test-credentials.js";

describe("the issuer key ring", () => {
  it("makes a signing key at first start, readable by its owner only", async () => {
    const folder = freshKeyFolder();

    const ring = await openKeyRing(folder);

    const file = join(folder, "signing-key.json");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual(ring.signing);
    expect(ring.signing.publicKeyMultibase).toMatch(/^z6Mk/);
    expect(ring.keys).toEqual([
      {
        publicKeyMultibase: ring.signing.publicKeyMultibase,
        createdAt: expect.any(String),
      },
    ]);
  });

  it("keeps the same key across starts", async () => {
    const folder = freshKeyFolder();
    const first = await openKeyRing(folder);

    const again = await openKeyRing(folder);

    expect(again).toEqual(first);
  });

  it("keeps no secret in the key ring file", async () => {
    const folder = freshKeyFolder();
    const ring = await openKeyRing(folder);

    const text = await readFile(join(folder, "key-ring.json"), "utf8");

    expect(text).not.toContain(ring.signing.secretKeyMultibase);
    expect(text).not.toContain("secret");
  });

  it("rotates: a new signing key, the old one kept and retired", async () => {
    const folder = freshKeyFolder();
    const before = await openKeyRing(folder);

    const rotated = await rotateSigningKey(folder);
    const reopened = await openKeyRing(folder);

    expect(rotated.signing.publicKeyMultibase).not.toBe(
      before.signing.publicKeyMultibase,
    );
    expect(reopened).toEqual(rotated);
    expect(reopened.keys).toEqual([
      {
        publicKeyMultibase: before.signing.publicKeyMultibase,
        createdAt: expect.any(String),
        retiredAt: expect.any(String),
      },
      {
        publicKeyMultibase: rotated.signing.publicKeyMultibase,
        createdAt: expect.any(String),
      },
    ]);
  });

  it("takes a configured key, retiring the one made before", async () => {
    const folder = freshKeyFolder();
    const made = await openKeyRing(folder);

    const configured = await openKeyRing(folder, specSecretKey);

    expect(configured.signing.publicKeyMultibase).toBe(specPublicKey);
    expect(
      configured.keys.map((key) => [
        key.publicKeyMultibase,
        "retiredAt" in key,
      ]),
    ).toEqual([
      [made.signing.publicKeyMultibase, true],
      [specPublicKey, false],
    ]);
  });

  it("refuses to rotate a key that comes from configuration", async () => {
    await expect(
      rotateSigningKey(freshKeyFolder(), specSecretKey),
    ).rejects.toThrow(/ISSUER_SECRET_KEY/);
  });

  it("refuses a configured value that is not an Ed25519 secret key", async () => {
    await expect(
      openKeyRing(freshKeyFolder(), specPublicKey),
    ).rejects.toMatchObject({
      code: "INVALID_ISSUER_KEY",
    });
  });

  it("marks the current key active again when it was retired by an interrupted rotation", () => {
    const now = new Date("2026-03-01T00:00:00Z");
    const known = [
      {
        publicKeyMultibase: "zA",
        createdAt: "2026-01-01T00:00:00Z",
        retiredAt: "2026-02-01T00:00:00Z",
      },
      { publicKeyMultibase: "zB", createdAt: "2026-02-01T00:00:00Z" },
    ];

    expect(withCurrentKey(known, "zA", now)).toEqual([
      { publicKeyMultibase: "zA", createdAt: "2026-01-01T00:00:00Z" },
      {
        publicKeyMultibase: "zB",
        createdAt: "2026-02-01T00:00:00Z",
        retiredAt: now.toISOString(),
      },
    ]);
  });
});
