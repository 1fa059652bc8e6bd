/** POST /v1/consents through a real socket: what is stored, what is refused, and with which error. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  postRecord,
  SITE_ORIGIN,
  startLedger,
  type TestLedger,
  validRecord,
} from "./fixtures/ledger-server.ts";

let ledger: TestLedger;
beforeAll(async () => {
  ledger = await startLedger();
});
afterAll(() => ledger.close());

async function storedCount(): Promise<number> {
  let count = 0;
  for await (const _ of ledger.store.streamProofs({})) count++;
  return count;
}

async function expectRefused(response: Response, status: number, code: string, path?: string) {
  const body = (await response.json()) as { error: { code: string; message: string; path?: string } };
  expect(response.status, JSON.stringify(body)).toBe(status);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toEqual(expect.any(String));
  if (path !== undefined) expect(body.error.path).toBe(path);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
}

describe("POST /v1/consents refuses bad input and stores nothing", () => {
  it("refuses a field of the wrong type, naming it", async () => {
    const record = { ...validRecord(ledger.client), revision: "1" };
    await expectRefused(await postRecord(ledger.url, record), 400, "INVALID_RECORD", "revision");
  });

  it("refuses a choice that is not true or false", async () => {
    const record = validRecord(ledger.client);
    const body = { ...record, categories: { ...record.categories, analytics: "yes" } };
    await expectRefused(await postRecord(ledger.url, body), 400, "INVALID_RECORD", "categories.analytics");
  });

  it("refuses a missing field", async () => {
    const { subjectId: _, ...record } = validRecord(ledger.client);
    await expectRefused(await postRecord(ledger.url, record), 400, "INVALID_RECORD", "subjectId");
  });

  it("refuses an unknown field", async () => {
    const record = { ...validRecord(ledger.client), ip: "192.0.2.1" };
    await expectRefused(await postRecord(ledger.url, record), 400, "INVALID_RECORD");
  });

  it("refuses a category the policy does not have", async () => {
    const record = validRecord(ledger.client);
    const body = { ...record, categories: { ...record.categories, marketing: true } };
    await expectRefused(
      await postRecord(ledger.url, body),
      422,
      "RECORD_INCONSISTENT",
      "categories.marketing",
    );
  });

  it("refuses a consent category left undecided (refusals are explicit)", async () => {
    const record = validRecord(ledger.client, { method: "custom" });
    const { social: _, ...categories } = record.categories;
    await expectRefused(
      await postRecord(ledger.url, { ...record, categories }),
      422,
      "RECORD_INCONSISTENT",
      "categories.social",
    );
  });

  it("refuses a body over 8 KB with 413", async () => {
    const record = { ...validRecord(ledger.client), padding: "x".repeat(9000) };
    await expectRefused(await postRecord(ledger.url, record), 413, "BODY_TOO_LARGE");
  });

  it("refuses invalid JSON, as application/json and as text/plain", async () => {
    await expectRefused(await postRecord(ledger.url, '{"id": "'), 400, "INVALID_JSON");
    await expectRefused(
      await postRecord(ledger.url, "{not json}", { "content-type": "text/plain;charset=UTF-8" }),
      400,
      "INVALID_JSON",
    );
    await expectRefused(await postRecord(ledger.url, ""), 400, "INVALID_JSON");
  });

  it("refuses a JSON value that is not a record", async () => {
    await expectRefused(await postRecord(ledger.url, "[1,2]"), 400, "INVALID_RECORD");
    await expectRefused(await postRecord(ledger.url, "null"), 400, "INVALID_RECORD");
  });

  it("refuses other content types with 415", async () => {
    const response = await postRecord(ledger.url, JSON.stringify(validRecord(ledger.client)), {
      "content-type": "application/x-www-form-urlencoded",
    });
    await expectRefused(response, 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  it("refuses SQL-looking strings where ids, origins or versions belong", async () => {
    const record = validRecord(ledger.client);
    const injection = "x'); DROP TABLE proofs; --";
    await expectRefused(
      await postRecord(ledger.url, { ...record, subjectId: injection }),
      400,
      "INVALID_RECORD",
      "subjectId",
    );
    await expectRefused(
      await postRecord(ledger.url, { ...record, sdkVersion: injection }),
      400,
      "INVALID_RECORD",
      "sdkVersion",
    );
    await expectRefused(
      await postRecord(ledger.url, { ...record, categories: { ...record.categories, [injection]: true } }),
      400,
      "INVALID_RECORD",
    );
    await expectRefused(
      await postRecord(ledger.url, { ...record, origin: "https://shop.example';DROP TABLE proofs;--" }),
      400,
      "INVALID_RECORD",
      "origin",
    );
    await expectRefused(
      await postRecord(ledger.url, { ...record, origin: "https://x'OR'1'='1" }),
      403,
      "ORIGIN_NOT_ALLOWED",
      "origin",
    );
  });

  it("refuses bytes that are not UTF-8 and unpaired surrogates", async () => {
    const text = JSON.stringify(validRecord(ledger.client, { sdkVersion: "0.1.0-PLACEHOLDER" }));
    const [before, after] = text.split("PLACEHOLDER") as [string, string];
    const bytes = Buffer.concat([Buffer.from(before), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(after)]);
    await expectRefused(await postRecord(ledger.url, new Uint8Array(bytes)), 400, "INVALID_ENCODING");
    const surrogate = text.replace("PLACEHOLDER", "\\ud800");
    await expectRefused(await postRecord(ledger.url, surrogate), 400, "INVALID_ENCODING", "sdkVersion");
    const inKey = text.replace('"sdkVersion"', '"sdk\\udc00Version"');
    await expectRefused(await postRecord(ledger.url, inKey), 400, "INVALID_ENCODING", "");
    // An escaped pair is one code point (🍪): well-formed, so the schema decides.
    const pair = text.replace("PLACEHOLDER", "\\ud83c\\udf6a");
    const answer = await postRecord(ledger.url, pair);
    expect((await answer.json()).error?.code).not.toBe("INVALID_ENCODING");
  });

  it("refuses a revision that was never published", async () => {
    const record = validRecord(ledger.client, { revision: ledger.client.revision + 1 });
    await expectRefused(await postRecord(ledger.url, record), 422, "UNKNOWN_REVISION", "revision");
  });

  it("refuses a forged notice hash, or another language's", async () => {
    const forged = validRecord(ledger.client, { noticeHash: "a".repeat(64) });
    await expectRefused(await postRecord(ledger.url, forged), 422, "NOTICE_MISMATCH", "noticeHash");
    const english = ledger.client.notices.en?.hash ?? "";
    const swapped = validRecord(ledger.client, { language: "fr", noticeHash: english });
    await expectRefused(await postRecord(ledger.url, swapped), 422, "NOTICE_MISMATCH", "noticeHash");
  });

  it("refuses a decision the method contradicts", async () => {
    const record = validRecord(ledger.client, { method: "reject-all" });
    await expectRefused(await postRecord(ledger.url, record), 422, "RECORD_INCONSISTENT", "method");
  });

  it("refuses a proof from an origin that is not the site's", async () => {
    const record = validRecord(ledger.client);
    const response = await postRecord(ledger.url, record, { origin: "https://evil.example" });
    await expectRefused(response, 403, "ORIGIN_NOT_ALLOWED");
  });

  it("stored none of them", async () => {
    expect(await storedCount()).toBe(0);
  });
});

describe("POST /v1/consents stores a valid proof", () => {
  it("answers 201 with the record id and its chain hash, once stored", async () => {
    const record = validRecord(ledger.client);
    const response = await postRecord(ledger.url, record, {
      origin: SITE_ORIGIN,
      "user-agent": "TestAgent/1.0",
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { recordId: string; hash: string };
    expect(body.recordId).toBe(record.id);
    expect(body.hash).toMatch(/^[0-9a-f]{64}$/);
    const stored = await ledger.store.proof(record.id);
    expect(stored?.hash).toBe(body.hash);
    expect(stored?.record).toEqual(record);
    expect(stored?.userAgent).toBe("TestAgent/1.0");
    expect(stored?.policyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Date.parse(stored?.receivedAt ?? "")).toBeGreaterThan(Date.now() - 60_000);
  });

  it("keeps a pseudonym of the IP, never the IP", async () => {
    const record = validRecord(ledger.client);
    await postRecord(ledger.url, record);
    const stored = await ledger.store.proof(record.id);
    expect(stored?.ipHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain("127.0.0.1");
  });

  it("accepts the SDK's beacon body (text/plain)", async () => {
    const record = validRecord(ledger.client, {
      method: "reject-all",
      categories: { analytics: false, advertising: false, social: false },
    });
    const response = await postRecord(ledger.url, JSON.stringify(record), {
      "content-type": "text/plain;charset=UTF-8",
    });
    expect(response.status).toBe(201);
  });

  it("stores a replayed record once and answers with the same hash", async () => {
    const record = validRecord(ledger.client, { language: "en" });
    const first = await postRecord(ledger.url, record);
    const again = await postRecord(ledger.url, record);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await first.json());
    const history = await ledger.store.subjectHistory(record.subjectId);
    expect(history).toHaveLength(1);
  });

  it("refuses a different record under an id already used", async () => {
    const record = validRecord(ledger.client);
    expect((await postRecord(ledger.url, record)).status).toBe(201);
    const other = { ...record, method: "custom", categories: { ...record.categories, social: false } };
    await expectRefused(await postRecord(ledger.url, other), 409, "RECORD_CONFLICT", "id");
  });

  it("stores many concurrent proofs, each acknowledged with its own hash", async () => {
    const records = Array.from({ length: 200 }, () => validRecord(ledger.client));
    const answers = await Promise.all(records.map((record) => postRecord(ledger.url, record)));
    expect(answers.map((answer) => answer.status)).toEqual(records.map(() => 201));
    const hashes = await Promise.all(
      answers.map(async (answer) => ((await answer.json()) as { hash: string }).hash),
    );
    expect(new Set(hashes).size).toBe(records.length);
    expect((await ledger.store.verify()).firstBreak).toBeUndefined();
  });
});
