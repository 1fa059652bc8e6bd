import { existsSync, readFileSync } from "node:fs";
import { configSchema } from "@macaron/core";
import { describe, expect, it } from "vitest";
import { createClassifier, importOpenCookieDatabase, parseCsv } from "../src/index.ts";

const SAMPLE = readFileSync(new URL("./fixtures/ocd-sample.csv", import.meta.url), "utf8");
// The full database stays where it was put (Apache-2.0); it is read, never copied into the project.
const FULL = "/work/shared/data/open-cookie-database/open-cookie-database.csv";

describe("the Open Cookie Database importer (--kb)", () => {
  it("reads RFC 4180 fields: commas, doubled quotes and line breaks inside quotes", () => {
    const rows = parseCsv(SAMPLE);
    expect(rows).toHaveLength(6);
    expect(rows[1]?.[5]).toBe('Stores a visitor id, used to count "unique" visitors.');
    expect(rows[2]?.[5]).toBe("Keeps the chat open\nacross pages, until the tab closes");
  });

  it("classifies by prefix wildcard, placeholder, and maps the categories (Marketing → advertising, Security → necessary)", () => {
    const classifier = createClassifier(undefined, importOpenCookieDatabase(SAMPLE));
    expect(classifier.classify({ type: "cookie", name: "_exa_1234", hosts: [] })).toMatchObject({
      category: "analytics",
      source: "open-cookie-database",
      exempt: false,
      documentedRetention: "1 year",
    });
    expect(classifier.classify({ type: "cookie", name: "_exa", hosts: [] }).source).toBe("unknown");
    expect(classifier.classify({ type: "cookie", name: "exads_42", hosts: [] })).toMatchObject({
      category: "advertising",
      source: "open-cookie-database",
    });
    expect(classifier.classify({ type: "cookie", name: "bot_check", hosts: [] })).toMatchObject({
      category: "necessary",
      exempt: true,
    });
    expect(classifier.classify({ type: "cookie", name: "chat_session", hosts: [] }).category).toBe(
      "functional",
    );
  });

  it("comes after the configuration and Macaron's own knowledge base", () => {
    const vendors = importOpenCookieDatabase(SAMPLE);
    expect(
      createClassifier(undefined, vendors).classify({ type: "cookie", name: "_ga", hosts: [] }),
    ).toMatchObject({
      category: "analytics",
      source: "knowledge-base",
    });
    const config = configSchema.parse({
      site: {
        name: "s",
        url: "https://shop.test",
        controller: { name: "c", address: "a" },
        privacyPolicyUrl: "/p",
      },
      revision: 1,
      languages: ["en"],
      categories: [
        {
          id: "necessary",
          basis: "exempt",
          exemption: "security",
          name: { en: "n" },
          description: { en: "d" },
        },
        { id: "chat", basis: "consent", name: { en: "c" }, description: { en: "d" } },
      ],
      services: [
        {
          id: "chat",
          name: "Chat",
          provider: "p",
          category: "chat",
          purposes: { en: "p" },
          cookies: [{ name: "bot_check", retention: "30 minutes", description: { en: "d" } }],
        },
      ],
    });
    expect(
      createClassifier(config, vendors).classify({ type: "cookie", name: "bot_check", hosts: [] }),
    ).toMatchObject({
      category: "chat",
      source: "config",
      exempt: false,
    });
  });

  it("refuses a file that is not the database, naming it", () => {
    expect(() => importOpenCookieDatabase("name,value\na,b\n", "cookies.csv")).toThrow(/cookies\.csv/);
  });

  it.runIf(existsSync(FULL))("imports the full database read in place", () => {
    const vendors = importOpenCookieDatabase(readFileSync(FULL, "utf8"));
    const items = vendors.reduce((count, vendor) => count + vendor.items.length, 0);
    expect(items).toBeGreaterThan(2_000);
    const classifier = createClassifier(undefined, vendors);
    // Universal Analytics' __utma is not in Macaron's knowledge base; the database knows it.
    expect(classifier.classify({ type: "cookie", name: "__utma", hosts: [] })).toMatchObject({
      category: "analytics",
      source: "open-cookie-database",
    });
  });
});
