/** The export formats, from proofs stored in a real SQLite ledger. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConfig } from "@macaron/core";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { csvCell } from "../../src/export/csv.ts";
import { chunked, exportLines, ledgerCategories } from "../../src/export/export-lines.ts";
import { receiptContext } from "../../src/export/receipt-context.ts";
import type { LedgerStore, StoredProof } from "../../src/store/ledger-store.ts";
import { openLedgerStore } from "../../src/store/open-ledger-store.ts";
import { proofInput } from "../store/fixtures/proofs.ts";

const config = parseConfig(
  JSON.parse(readFileSync(new URL("../../../../examples/shop/macaron.config.json", import.meta.url), "utf8")),
);
const context = receiptContext(config);

/** RFC 4180 reader, strict enough to notice a wrong quote or line end. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === "") quoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\r" && text[index + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      index++;
    } else if (char === '"' || char === "\n" || char === "\r")
      throw new Error(`bare ${JSON.stringify(char)} at ${index}`);
    else cell += char;
  }
  if (cell !== "" || row.length > 0) throw new Error("the last line has no CRLF");
  return rows;
}

async function text(lines: AsyncIterable<string>): Promise<string> {
  let all = "";
  for await (const line of lines) all += line;
  return all;
}

describe("ledger exports", () => {
  let directory: string;
  let store: LedgerStore;
  let proofs: StoredProof[];

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), "macaron-export-"));
    store = await openLedgerStore(`sqlite:${join(directory, "ledger.db")}`);
    await store.publishRevision({
      revision: 1,
      contentHash: "1".repeat(64),
      content: JSON.stringify({
        categories: [{ id: "necessary" }, { id: "analytics" }, { id: "advertising" }],
      }),
      noticeHashes: {},
    });
    await store.publishRevision({
      revision: 2,
      contentHash: "2".repeat(64),
      content: JSON.stringify({ categories: [{ id: "necessary" }, { id: "analytics" }, { id: "social" }] }),
      noticeHashes: {},
    });
    const inputs = [
      {
        ...proofInput({ categories: { necessary: true, analytics: true, advertising: false } }),
        userAgent: 'Bot "x", v1\r\nnext',
      },
      {
        ...proofInput({
          method: "withdraw",
          categories: { necessary: true, analytics: false, social: false },
        }),
        userAgent: "=HYPERLINK(1)",
      },
    ];
    await store.append(inputs);
    proofs = [...(await store.proofs({})).proofs].reverse();
  });
  afterEach(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it("takes the CSV's category columns from every published revision", async () => {
    expect(await ledgerCategories(store)).toEqual(["necessary", "analytics", "advertising", "social"]);
  });

  it("writes RFC 4180 CSV with one column per category and defused formulas", async () => {
    const categories = await ledgerCategories(store);
    const rows = parseCsv(await text(exportLines("csv", store.streamProofs({}), { categories })));
    const [header, first, second] = rows;
    expect(rows).toHaveLength(3);
    const column = (name: string) => header?.indexOf(name) ?? -1;
    expect(header?.slice(-4)).toEqual([
      "category:necessary",
      "category:analytics",
      "category:advertising",
      "category:social",
    ]);
    expect(first?.[column("recordId")]).toBe(proofs[0]?.record.id);
    expect(first?.[column("userAgent")]).toBe('Bot "x", v1\r\nnext');
    expect(first?.slice(-4)).toEqual(["granted", "granted", "refused", ""]);
    expect(second?.slice(-4)).toEqual(["granted", "refused", "", "refused"]);
    expect(second?.[column("method")]).toBe("withdraw");
    expect(second?.[column("userAgent")]).toBe("'=HYPERLINK(1)");
    expect(second?.[column("hash")]).toBe(proofs[1]?.hash);
  });

  it("quotes any text so that it reads back the same", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (value) => {
        const cells = parseCsv(`${csvCell(value)},x\r\n`)[0];
        const expected = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
        expect(cells).toEqual([expected, "x"]);
      }),
    );
  });

  it("writes NDJSON lines that are the stored proofs", async () => {
    const lines = (await text(exportLines("ndjson", store.streamProofs({})))).split("\n");
    expect(lines.pop()).toBe("");
    expect(lines.map((line) => JSON.parse(line))).toEqual(proofs);
  });

  it("writes each proof as an ISO/IEC TS 27560-shaped record, refusals included", async () => {
    const lines = (await text(exportLines("iso27560", store.streamProofs({}), { context })))
      .trim()
      .split("\n");
    const [given, withdrawn] = lines.map((line) => JSON.parse(line));
    expect(given).toMatchObject({
      schema_version: "ISO/IEC TS 27560:2023",
      record_id: proofs[0]?.record.id,
      pii_principal_id: proofs[0]?.record.subjectId,
      pii_controllers: [{ controller_name: "CAMILLE & CLEMENTINE SAS" }],
      notice: {
        notice_id: proofs[0]?.policyHash,
        version: "1",
        notice_url: "https://lespetitsprodiges.com/cookie-policy",
      },
      record_integrity: { hash: proofs[0]?.hash, previous_hash: proofs[0]?.prevHash, sequence: 1 },
    });
    // Categories come back in the stored (canonical, sorted) order.
    expect(
      given.purposes.map(
        (p: { purpose_id: string; lawful_basis: string; event: { event_state: string }[] }) => [
          p.purpose_id,
          p.lawful_basis,
          p.event[0]?.event_state,
        ],
      ),
    ).toEqual([
      ["advertising", "consent", "consent refused"],
      ["analytics", "consent", "consent given"],
      ["necessary", "exempt (strictly necessary)", "consent given"],
    ]);
    // 2026-11-20T10:00Z to 2027-05-20T10:00Z: 181 days.
    expect(given.purposes[1].event[0]).toMatchObject({
      event_type: "explicit",
      validity_duration: `PT${181 * 86_400}S`,
    });
    expect(given.purposes[1].third_parties).toEqual(["Google Ireland Limited"]);
    const analytics = withdrawn.purposes.find((p: { purpose_id: string }) => p.purpose_id === "analytics");
    expect(analytics.event[0].event_state).toBe("consent withdrawn");
  });

  it("writes each proof as a Kantara v1.1 consent receipt listing what was consented to", async () => {
    const lines = (await text(exportLines("kantara", store.streamProofs({}), { context })))
      .trim()
      .split("\n");
    const [receipt, withdrawal] = lines.map((line) => JSON.parse(line));
    expect(receipt).toMatchObject({
      version: "KI-CR-v1.1.0",
      jurisdiction: "EU",
      consentTimestamp: Date.parse("2026-11-20T10:00:00Z") / 1000,
      consentReceiptID: proofs[0]?.record.id,
      piiPrincipalId: proofs[0]?.record.subjectId,
      language: "fr",
      policyUrl: "https://lespetitsprodiges.com/privacy-policy",
      piiControllers: [
        { piiController: "CAMILLE & CLEMENTINE SAS", piiControllerUrl: "https://lespetitsprodiges.com" },
      ],
      sensitive: false,
      spiCat: [],
    });
    expect(receipt.services).toEqual([
      {
        service: "Les Petits Prödiges",
        purposes: [
          {
            purpose: config.categories.find((c) => c.id === "analytics")?.name.fr,
            purposeCategory: ["analytics"],
            consentType: "EXPLICIT",
            piiCategory: ["online identifiers (cookies and similar storage)"],
            primaryPurpose: false,
            termination: proofs[0]?.record.expiresAt,
            thirdPartyDisclosure: true,
            thirdPartyName: "Google Ireland Limited",
          },
        ],
      },
    ]);
    expect(withdrawal.services[0].purposes).toEqual([]);
  });

  it("pulls proofs only as fast as lines are read", async () => {
    let produced = 0;
    async function* endless(): AsyncGenerator<StoredProof> {
      for (;;) {
        produced++;
        yield proofs[0] as StoredProof;
      }
    }
    const lines = exportLines("ndjson", endless());
    for (let index = 0; index < 10; index++) await lines.next();
    expect(produced).toBe(10);
    const chunks = chunked(exportLines("ndjson", endless()), 4096);
    const first = await chunks.next();
    expect((first.value as string).length).toBeGreaterThanOrEqual(4096);
    expect(produced).toBeLessThan(10 + 20);
  });
});
