/**
 * The conformance suite every LedgerStore passes, run against a real SQLite file and a real
 * PostgreSQL schema. `fresh()` gives each test an empty database, a way to reopen it, and raw SQL
 * on it (to tamper with a row as an attacker with database access would).
 */
import type { ConsentRecord } from "@macaron/core";
import { afterEach, describe, expect, it } from "vitest";
import { GENESIS_HASH, proofContentJson, proofHash } from "../../src/chain/proof-hash.ts";
import type { LedgerStore, StoredProof } from "../../src/store/ledger-store.ts";
import { POLICY_HASH, proofInput, proofSeries } from "./fixtures/proofs.ts";

export interface SuiteDatabase {
  open(): Promise<LedgerStore>;
  sql(statement: string): Promise<void>;
  dispose(): Promise<void>;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const found: T[] = [];
  for await (const item of items) found.push(item);
  return found;
}

const ids = (proofs: readonly StoredProof[]) => proofs.map((proof) => proof.record.id);

export function ledgerStoreSuite(name: string, fresh: () => Promise<SuiteDatabase>): void {
  describe(`LedgerStore on ${name}`, () => {
    const opened: { database: SuiteDatabase; stores: LedgerStore[] }[] = [];
    async function setup() {
      const database = await fresh();
      const entry = { database, stores: [] as LedgerStore[] };
      opened.push(entry);
      const open = async () => {
        const store = await database.open();
        entry.stores.push(store);
        return store;
      };
      return { database, open, store: await open() };
    }
    afterEach(async () => {
      for (const { database, stores } of opened.splice(0)) {
        for (const store of stores) await store.close().catch(() => {});
        await database.dispose();
      }
    });

    describe("append", () => {
      it("chains each proof to the previous one from the genesis hash, in order", async () => {
        const { store } = await setup();
        const inputs = proofSeries(3);
        const results = await store.append(inputs);
        expect(results.map((result) => result.duplicate)).toEqual([false, false, false]);
        let prev = GENESIS_HASH;
        for (const [index, input] of inputs.entries()) {
          const stored = await store.proof(input.record.id);
          expect(stored?.seq).toBe(index + 1);
          expect(stored?.prevHash).toBe(prev);
          expect(stored?.hash).toBe(proofHash(prev, proofContentJson(input)));
          expect(results[index]?.hash).toBe(stored?.hash);
          prev = stored?.hash ?? "";
        }
      });

      it("gives back exactly what was stored", async () => {
        const { store } = await setup();
        const input = proofInput({
          decidedAt: "2026-11-20T11:00:00+01:00",
          categories: { necessary: true, analytics: false },
        });
        await store.append([input]);
        const stored = await store.proof(input.record.id);
        expect(stored).toMatchObject({
          record: input.record,
          receivedAt: input.receivedAt,
          policyHash: POLICY_HASH,
        });
        expect(stored?.ipHash).toBe(input.ipHash);
        expect(stored?.userAgent).toBe(input.userAgent);
        expect(await store.proof("00000000-0000-4000-8000-000000000000")).toBeUndefined();
      });

      it("stores a record sent twice once and answers the stored hash", async () => {
        const { store } = await setup();
        const input = proofInput();
        const [first] = await store.append([input]);
        const again = await store.append([{ ...input, receivedAt: "2026-11-21T00:00:00.000Z" }]);
        expect(again).toEqual([{ recordId: input.record.id, hash: first?.hash, duplicate: true }]);
        const inOneBatch = proofInput();
        const results = await store.append([inOneBatch, inOneBatch]);
        expect(results[1]).toEqual({
          recordId: inOneBatch.record.id,
          hash: results[0]?.hash,
          duplicate: true,
        });
        expect((await store.proofs({})).proofs).toHaveLength(2);
        expect((await store.verify()).checked).toBe(2);
      });

      it("keeps the chain gapless under concurrent batches", async () => {
        const { store } = await setup();
        const batches = Array.from({ length: 20 }, () => proofSeries(5));
        await Promise.all(batches.map((batch) => store.append(batch)));
        const verified = await store.verify();
        expect(verified).toEqual({ checked: 100 });
      });

      it("writes nothing from a batch with a malformed date", async () => {
        const { store } = await setup();
        const bad = proofInput({ receivedAt: "yesterday" });
        await expect(store.append([proofInput(), bad])).rejects.toThrow();
        expect((await store.proofs({})).proofs).toHaveLength(0);
      });

      it("keeps proofs across a reopen, migrating only once", async () => {
        const { store, open } = await setup();
        const input = proofInput();
        await store.append([input]);
        await store.close();
        const reopened = await open();
        expect((await reopened.proof(input.record.id))?.record).toEqual(input.record);
        await reopened.append(proofSeries(2));
        expect(await reopened.verify()).toEqual({ checked: 3 });
      });
    });

    describe("queries", () => {
      async function seeded() {
        const context = await setup();
        const subject = "11111111-1111-4111-8111-111111111111";
        const inputs = [
          proofInput({ decidedAt: "2026-11-01T09:00:00Z", method: "accept-all", subjectId: subject }),
          proofInput({
            decidedAt: "2026-11-02T09:00:00Z",
            method: "reject-all",
            language: "en",
            categories: { necessary: true, analytics: false, marketing: false },
          }),
          proofInput({
            decidedAt: "2026-11-03T09:00:00Z",
            method: "custom",
            revision: 2,
            categories: { necessary: true, analytics: true, marketing: false },
          }),
          proofInput({
            decidedAt: "2026-11-04T09:00:00Z",
            method: "withdraw",
            subjectId: subject,
            revision: 2,
            categories: { necessary: true, analytics: false, marketing: false },
          }),
          proofInput({
            decidedAt: "2026-11-05T00:30:00+02:00",
            method: "accept-all",
            language: "en",
            revision: 2,
          }),
        ];
        await context.store.append(inputs);
        return { ...context, inputs, subject, id: (index: number) => inputs[index]?.record.id };
      }

      it("filters by method, revision, language, category choice and date range", async () => {
        const { store, id } = await seeded();
        const found = async (query: Parameters<LedgerStore["proofs"]>[0]) =>
          ids((await store.proofs(query)).proofs);
        expect(await found({ method: "accept-all" })).toEqual([id(4), id(0)]);
        expect(await found({ revision: 2 })).toEqual([id(4), id(3), id(2)]);
        expect(await found({ language: "en" })).toEqual([id(4), id(1)]);
        expect(await found({ category: "analytics", granted: true })).toEqual([id(4), id(2), id(0)]);
        expect(await found({ category: "marketing", granted: false })).toEqual([id(3), id(2), id(1)]);
        expect(await found({ category: "analytics" })).toHaveLength(5);
        expect(await found({ category: "unknown" })).toEqual([]);
        // 00:30 at UTC+2 is the 4th in UTC: date bounds compare instants, not texts.
        expect(await found({ from: "2026-11-02", to: "2026-11-05" })).toEqual([id(4), id(3), id(2), id(1)]);
        expect(await found({ from: "2026-11-04T22:30:00Z" })).toEqual([id(4)]);
        expect(await found({ method: "custom", revision: 1 })).toEqual([]);
      });

      it("finds one consent by record id or by subject id", async () => {
        const { store, id, subject } = await seeded();
        expect(ids((await store.proofs({ consentId: id(2) as string })).proofs)).toEqual([id(2)]);
        expect(ids((await store.proofs({ consentId: subject })).proofs)).toEqual([id(3), id(0)]);
        expect(ids((await store.proofs({ consentId: subject, method: "withdraw" })).proofs)).toEqual([id(3)]);
        expect((await store.proofs({ consentId: "not an id" })).proofs).toEqual([]);
      });

      it("answers a subject's own history, oldest first, and nothing else", async () => {
        const { store, id, subject } = await seeded();
        expect(ids(await store.subjectHistory(subject))).toEqual([id(0), id(3)]);
        expect(await store.subjectHistory("22222222-2222-4222-8222-222222222222")).toEqual([]);
        const lettered = proofInput({ subjectId: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee" });
        await store.append([lettered]);
        expect(ids(await store.subjectHistory(lettered.record.subjectId))).toEqual([lettered.record.id]);
        // Ids compare exactly: another case is another id.
        expect(await store.subjectHistory(lettered.record.subjectId.toUpperCase())).toEqual([]);
        expect((await store.proofs({ consentId: lettered.record.subjectId.toUpperCase() })).proofs).toEqual(
          [],
        );
        expect(await store.subjectHistory(subject.slice(0, 8))).toEqual([]);
        expect(await store.subjectHistory(`${subject}" OR "x`)).toEqual([]);
        expect(await store.subjectHistory("")).toEqual([]);
      });

      it("pages newest first with a cursor, without overlap or gap", async () => {
        const { store } = await setup();
        const inputs = proofSeries(23);
        await store.append(inputs);
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await store.proofs({}, { limit: 10, ...(cursor === undefined ? {} : { cursor }) });
          seen.push(...ids(page.proofs));
          cursor = page.nextCursor ?? undefined;
          pages++;
        } while (cursor !== undefined);
        expect(pages).toBe(3);
        expect(seen).toEqual(inputs.map((input) => input.record.id).reverse());
        expect((await store.proofs({}, { limit: 10_000 })).proofs).toHaveLength(23);
        expect((await store.proofs({})).proofs).toHaveLength(23);
      });

      it("refuses a cursor or a date it did not make", async () => {
        const { store } = await setup();
        await expect(store.proofs({}, { cursor: "not-a-cursor" })).rejects.toMatchObject({
          code: "LEDGER_INVALID_QUERY",
        });
        await expect(store.proofs({ from: "last tuesday" })).rejects.toMatchObject({
          code: "LEDGER_INVALID_QUERY",
          details: { path: "from" },
        });
      });

      it("streams every matching proof in chain order, past one batch", async () => {
        const { store } = await setup();
        const inputs = [
          ...proofSeries(1500, "2026-11-01T00:00:00Z"),
          ...proofSeries(1100, "2026-11-10T00:00:00Z", { method: "reject-all" }),
        ];
        for (let start = 0; start < inputs.length; start += 500)
          await store.append(inputs.slice(start, start + 500));
        const all = await collect(store.streamProofs({}));
        expect(all.map((proof) => proof.seq)).toEqual(inputs.map((_, index) => index + 1));
        const refusals = await collect(store.streamProofs({ method: "reject-all" }));
        expect(ids(refusals)).toEqual(inputs.slice(1500).map((input) => input.record.id));
        expect(await collect(store.streamProofs({ from: "2026-12-01" }))).toEqual([]);
      });
    });

    describe("stats", () => {
      it("counts decisions, methods and grants per UTC day, and totals by language and revision", async () => {
        const { store } = await setup();
        await store.append([
          proofInput({ decidedAt: "2026-11-01T09:00:00Z", method: "accept-all" }),
          proofInput({
            decidedAt: "2026-11-01T23:30:00-02:00",
            method: "reject-all",
            language: "en",
            categories: { necessary: true, analytics: false, marketing: false },
          }),
          proofInput({
            decidedAt: "2026-11-02T12:00:00Z",
            method: "custom",
            revision: 2,
            categories: { necessary: true, analytics: true, marketing: false },
          }),
          proofInput({ decidedAt: "2026-11-03T12:00:00Z", method: "accept-all", revision: 2 }),
        ]);
        const stats = await store.stats({});
        expect(stats.days).toEqual([
          {
            day: "2026-11-01",
            decisions: 1,
            methods: { "accept-all": 1 },
            granted: { necessary: 1, analytics: 1, marketing: 1 },
          },
          {
            day: "2026-11-02",
            decisions: 2,
            methods: { "reject-all": 1, custom: 1 },
            granted: { necessary: 2, analytics: 1, marketing: 0 },
          },
          {
            day: "2026-11-03",
            decisions: 1,
            methods: { "accept-all": 1 },
            granted: { necessary: 1, analytics: 1, marketing: 1 },
          },
        ]);
        expect(stats.decisions).toBe(4);
        expect(stats.methods).toEqual({ "accept-all": 2, "reject-all": 1, custom: 1 });
        expect(stats.granted).toEqual({ necessary: 4, analytics: 3, marketing: 2 });
        expect(stats.byLanguage).toEqual({ fr: 3, en: 1 });
        expect(stats.byRevision).toEqual({ "1": 2, "2": 2 });
        const secondDay = await store.stats({ from: "2026-11-02", to: "2026-11-03" });
        expect(secondDay.days.map((day) => day.day)).toEqual(["2026-11-02"]);
        expect(secondDay.decisions).toBe(2);
      });

      it("is empty on an empty ledger", async () => {
        const { store } = await setup();
        expect(await store.stats({})).toEqual({
          days: [],
          decisions: 0,
          methods: {},
          granted: {},
          byLanguage: {},
          byRevision: {},
        });
      });
    });

    describe("verify and tampering", () => {
      async function chained(count = 10) {
        const context = await setup();
        const inputs = proofSeries(count);
        await context.store.append(inputs);
        return { ...context, inputs };
      }

      it("passes on an intact chain, and on an empty one", async () => {
        const { store } = await setup();
        expect(await store.verify()).toEqual({ checked: 0 });
        await store.append(proofSeries(10));
        expect(await store.verify()).toEqual({ checked: 10 });
      });

      it("names the proof whose stored content was edited", async () => {
        const { store, database, inputs } = await chained();
        await database.sql(
          `UPDATE proofs SET content = replace(content, '"accept-all"', '"reject-all"') WHERE seq = 4`,
        );
        expect((await store.verify()).firstBreak).toEqual({
          seq: 4,
          recordId: inputs[3]?.record.id,
          reason: "its hash does not match its stored content",
        });
      });

      it("names the proof whose indexed column was edited", async () => {
        const { store, database, inputs } = await chained();
        await database.sql(`UPDATE proofs SET method = 'reject-all' WHERE seq = 6`);
        const { firstBreak } = await store.verify();
        expect(firstBreak).toMatchObject({ seq: 6, recordId: inputs[5]?.record.id });
        expect(firstBreak?.reason).toMatch(/method/);
      });

      it("names the proof after one whose hash was rewritten", async () => {
        const { store, database, inputs } = await chained();
        // An attacker who rehashes a proof they edited still breaks the next link.
        const edited = { ...inputs[2], userAgent: "forged" } as (typeof inputs)[number];
        const prev = (await store.proof(inputs[1]?.record.id as string))?.hash as string;
        const content = proofContentJson(edited).replaceAll("'", "''");
        await database.sql(
          `UPDATE proofs SET content = '${content}', hash = '${proofHash(prev, proofContentJson(edited))}' WHERE seq = 3`,
        );
        expect((await store.verify()).firstBreak).toMatchObject({
          seq: 4,
          recordId: inputs[3]?.record.id,
          reason: "its prevHash is not the previous proof's hash",
        });
      });

      it("names the gap where a proof was deleted, and the removal of the newest", async () => {
        const { store, database, inputs } = await chained();
        await database.sql("DELETE FROM proofs WHERE seq = 10");
        expect((await store.verify()).firstBreak).toMatchObject({
          seq: 10,
          reason: expect.stringMatching(/newest were removed/),
        });
        await database.sql("DELETE FROM proofs WHERE seq = 5");
        expect((await store.verify()).firstBreak).toMatchObject({
          seq: 6,
          recordId: inputs[5]?.record.id,
          reason: expect.stringMatching(/missing/),
        });
      });
    });

    describe("purge", () => {
      it("counts without deleting on a dry run, then deletes the proofs received before the date", async () => {
        const { store } = await setup();
        const old = proofSeries(4, "2020-01-01T00:00:00Z", { method: "reject-all" });
        const recent = proofSeries(3, "2026-11-01T00:00:00Z");
        await store.append([...old, ...recent]);
        expect(await store.purge("2021-11-25", { dryRun: true })).toEqual({ count: 4 });
        expect(await store.verify()).toEqual({ checked: 7 });
        expect(await store.purge("2021-11-25")).toEqual({ count: 4 });
        expect(await store.proof(old[0]?.record.id as string)).toBeUndefined();
        expect(ids((await store.proofs({})).proofs)).toEqual(
          recent.map((input) => input.record.id).reverse(),
        );
        expect(await store.purge("2021-11-25")).toEqual({ count: 0 });
      });

      it("leaves a subject's history with only its kept proofs", async () => {
        const { store, open } = await setup();
        const subjectId = "33333333-3333-4333-8333-333333333333";
        const old = proofSeries(2, "2020-01-01T00:00:00Z", { subjectId });
        const recent = proofSeries(1, "2026-11-01T00:00:00Z", { subjectId });
        await store.append([...old, ...recent, ...proofSeries(2, "2026-11-02T00:00:00Z")]);
        await store.purge("2021-11-25");
        expect(ids(await store.subjectHistory(subjectId))).toEqual([recent[0]?.record.id]);
        const later = proofInput({ decidedAt: "2026-11-03T00:00:00Z", subjectId });
        await store.append([later]);
        expect(ids(await (await open()).subjectHistory(subjectId))).toEqual([
          recent[0]?.record.id,
          later.record.id,
        ]);
      });

      it("keeps the chain verifiable from the anchor, before and after new proofs", async () => {
        const { store, open } = await setup();
        await store.append(proofSeries(5, "2020-01-01T00:00:00Z"));
        await store.append(proofSeries(5, "2026-11-01T00:00:00Z"));
        await store.purge("2025-01-01");
        expect(await store.verify()).toEqual({ checked: 5 });
        await store.append(proofSeries(2, "2026-11-20T00:00:00Z"));
        const reopened = await open();
        expect(await reopened.verify()).toEqual({ checked: 7 });
        expect(await reopened.purge("2030-01-01")).toEqual({ count: 7 });
        expect(await reopened.verify()).toEqual({ checked: 0 });
        await reopened.append(proofSeries(1));
        expect(await reopened.verify()).toEqual({ checked: 1 });
        expect((await reopened.proofs({})).proofs[0]?.seq).toBe(13);
      });
    });

    describe("chainAround", () => {
      it("reads a proof's neighbours' hashes with the anchor and head, in the middle, at both ends and after a purge", async () => {
        const { store } = await setup();
        await store.append(proofSeries(3, "2020-01-01T00:00:00Z"));
        await store.append(proofSeries(3, "2026-11-01T00:00:00Z"));
        const bySeq = new Map((await store.proofs({})).proofs.map((proof) => [proof.seq, proof]));
        const hash = (seq: number) => bySeq.get(seq)?.hash;
        const head = { seq: 6, hash: hash(6) };
        const genesis = { seq: 0, hash: "0".repeat(64) };
        expect(await store.chainAround(3)).toEqual({
          anchor: genesis,
          head,
          previousHash: hash(2),
          nextPrevHash: hash(3),
        });
        expect(await store.chainAround(1)).toEqual({
          anchor: genesis,
          head,
          previousHash: undefined,
          nextPrevHash: hash(1),
        });
        expect(await store.chainAround(6)).toMatchObject({ previousHash: hash(5), nextPrevHash: undefined });
        await store.purge("2025-01-01");
        expect(await store.chainAround(4)).toEqual({
          anchor: { seq: 3, hash: hash(3) },
          head,
          previousHash: undefined,
          nextPrevHash: hash(4),
        });
      });
    });

    describe("policy revisions", () => {
      it("stores each content once and finds it by hash and by number", async () => {
        const { store } = await setup();
        const first = {
          revision: 1,
          contentHash: "1".repeat(64),
          content: '{"a":1}',
          noticeHashes: { fr: "f".repeat(64) },
        };
        const stored = await store.publishRevision(first);
        expect(stored).toMatchObject(first);
        expect(Date.parse(stored.publishedAt)).not.toBeNaN();
        expect(await store.publishRevision(first)).toEqual(stored);
        const amended = { ...first, contentHash: "2".repeat(64), content: '{"a":2}' };
        await store.publishRevision(amended);
        await store.publishRevision({
          ...first,
          revision: 2,
          contentHash: "3".repeat(64),
          content: '{"b":1}',
        });
        expect((await store.revisionByNumber(1))?.contentHash).toBe(amended.contentHash);
        expect(await store.revisionByHash(first.contentHash)).toEqual(stored);
        expect(await store.revisionByHash("9".repeat(64))).toBeUndefined();
        expect(await store.revisionByNumber(7)).toBeUndefined();
        expect((await store.revisions()).map((revision) => revision.contentHash)).toEqual(
          ["1", "2", "3"].map((c) => c.repeat(64)),
        );
      });
    });

    describe("admin tokens", () => {
      it("accepts the created token, refuses others, and stores only its hash", async () => {
        const { store, database } = await setup();
        const created = await store.createToken("ci");
        expect(created.token).toMatch(/^mcn_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
        expect(await store.checkToken(created.token)).toEqual({
          id: created.id,
          name: "ci",
          createdAt: created.createdAt,
        });
        const forged = `${created.token.slice(0, -1)}${created.token.endsWith("A") ? "B" : "A"}`;
        expect(await store.checkToken(forged)).toBeUndefined();
        expect(await store.checkToken("")).toBeUndefined();
        expect(await store.checkToken(`mcn_0000000000000000_${"A".repeat(43)}`)).toBeUndefined();
        // The secret part must not be anywhere in the table.
        const secret = created.token.slice(-43).replaceAll("'", "''");
        await database.sql(
          `DELETE FROM admin_tokens WHERE secret_hash LIKE '%${secret}%' OR name LIKE '%${secret}%'`,
        );
        expect(await store.checkToken(created.token)).toBeDefined();
      });
    });

    describe("pseudonym keys", () => {
      it("creates one random 32-byte key per period and keeps it", async () => {
        const { store, open } = await setup();
        const november = await store.pseudonymKey("2026-11");
        expect(november).toBeInstanceOf(Uint8Array);
        expect(november.length).toBe(32);
        expect(await store.pseudonymKey("2026-11")).toEqual(november);
        expect(Buffer.from(await store.pseudonymKey("2026-12")).equals(Buffer.from(november))).toBe(false);
        const reopened = await open();
        expect(await reopened.pseudonymKey("2026-11")).toEqual(november);
      });
    });
  });
}

export type { ConsentRecord };
