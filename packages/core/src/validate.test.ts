import { describe, expect, it } from "vitest";
import { seedInput } from "../test/seed-config.ts";
import { validateConfig } from "./validate.ts";

type Input = ReturnType<typeof seedInput>;

function errorsOf(change: (config: Input) => void) {
  const input = seedInput();
  change(input);
  const result = validateConfig(input);
  return result.ok ? [] : result.errors;
}

describe("validateConfig on the seed policy", () => {
  it("accepts the seed configuration, with defaults applied", () => {
    const result = validateConfig(seedInput());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.consentValidity).toBe("6 months");
    expect(result.config.categories.map((category) => category.id)).toEqual([
      "necessary",
      "analytics",
      "advertising",
      "social",
    ]);
    expect(result.config.banner.buttons).toEqual(["reject", "accept", "customize"]);
  });

  it("warns, without refusing, about vendor cookies that outlive 13 months", () => {
    const result = validateConfig(seedInput());
    expect(result.warnings.map((warning) => warning.path)).toContain("services[2].cookies[0].retention");
    expect(
      result.warnings.find((warning) => warning.path === "services[2].cookies[0].retention")?.message,
    ).toMatch(/"_ga" lives 2 years, longer than the 13 months/);
  });

  it("defaults the consent validity to 6 months", () => {
    const input = seedInput();
    delete input.consentValidity;
    const result = validateConfig(input);
    expect(result.ok && result.config.consentValidity).toBe("6 months");
  });

  it("warns when Consent Mode is advanced", () => {
    const input = seedInput();
    input.consentMode.mode = "advanced";
    const result = validateConfig(input);
    expect(result.ok).toBe(true);
    expect(result.warnings.some((warning) => warning.path === "consentMode.mode")).toBe(true);
  });
});

/** Each invalid set-up, the path it must be reported at, and words the message must contain. */
const INVALID: [string, (config: Input) => void, string, RegExp][] = [
  ["a missing controller", (c) => delete c.site.controller, "site.controller", /required field is missing/],
  [
    "a controller without address",
    (c) => delete c.site.controller.address,
    "site.controller.address",
    /missing/,
  ],
  [
    "an unknown category on a service",
    (c) => {
      c.services[2].category = "stats";
    },
    "services[2].category",
    /unknown category "stats"; expected one of: necessary, analytics, advertising, social/,
  ],
  [
    "duplicate category ids",
    (c) => {
      c.categories[3].id = "analytics";
    },
    "categories[3].id",
    /duplicate category id "analytics" \(also at categories\[1\]\.id\)/,
  ],
  [
    "duplicate service ids",
    (c) => {
      c.services[3].id = "google-analytics";
    },
    "services[3].id",
    /duplicate service id/,
  ],
  [
    "a 14-month validity",
    (c) => {
      c.consentValidity = "14 months";
    },
    "consentValidity",
    /at most 13 months/,
  ],
  [
    "a session-long validity",
    (c) => {
      c.consentValidity = "session";
    },
    "consentValidity",
    /fixed time/,
  ],
  [
    "a bad duration",
    (c) => {
      c.services[2].cookies[0].retention = "two years";
    },
    "services[2].cookies[0].retention",
    /expected a duration such as "6 months"/,
  ],
  [
    "a necessary category with consent basis holding an exemption",
    (c) => {
      c.categories[0].basis = "consent";
    },
    "categories[0].exemption",
    /only a category with basis "exempt"/,
  ],
  [
    "no exempt category left to hold the consent cookie",
    (c) => {
      c.categories[0].basis = "consent";
      delete c.categories[0].exemption;
    },
    "categories",
    /declare a category with basis "exempt"/,
  ],
  [
    "an exempt category without a reason",
    (c) => delete c.categories[0].exemption,
    "categories[0].exemption",
    /must say why/,
  ],
  [
    "a text missing for a declared language",
    (c) => delete c.categories[1].name.en,
    "categories[1].name.en",
    /missing the "en" text/,
  ],
  [
    "a cookie description missing for a declared language",
    (c) => delete c.services[0].cookies[0].description.fr,
    "services[0].cookies[0].description.fr",
    /missing the "fr" text/,
  ],
  [
    "a collected-data item missing a declared language",
    (c) => delete c.collectedData[2].en,
    "collectedData[2].en",
    /missing the "en" text/,
  ],
  [
    "collected data given as one text instead of a list",
    (c) => {
      c.collectedData = "IP address";
    },
    "collectedData",
    /expected a list/,
  ],
  [
    "a pre-selected consent category",
    (c) => {
      c.categories[1].preselected = true;
    },
    "categories[1].preselected",
    /must start switched off/,
  ],
  [
    "a first layer without reject",
    (c) => {
      c.banner = { buttons: ["accept", "customize"] };
    },
    "banner.buttons",
    /refusing must be as easy as accepting/,
  ],
  [
    "analytics declared exempt",
    (c) => {
      c.categories[1].basis = "exempt";
      c.categories[1].exemption = "strictly-necessary";
    },
    "categories[1].basis",
    /tracking purpose: it needs consent/,
  ],
  [
    "a Google Analytics cookie in the necessary category",
    (c) => {
      c.services[2].category = "necessary";
    },
    "services[2].category",
    /"_ga" belongs to Google Analytics 4 \(analytics\)/,
  ],
  [
    "a tracker host in the necessary category",
    (c) => {
      c.services.push({
        id: "pixel",
        name: "Pixel",
        provider: "Meta",
        category: "necessary",
        purposes: { fr: "Mesure", en: "Measurement" },
        hosts: ["connect.facebook.net"],
      });
    },
    "services[6].category",
    /host "connect.facebook.net" belongs to Meta Pixel/,
  ],
  [
    "audience measurement exemption with a 2-year cookie",
    (c) => {
      c.categories[1].basis = "exempt";
      c.categories[1].exemption = "audience-measurement";
      c.services[2] = {
        id: "matomo",
        name: "Matomo",
        provider: "Shop",
        category: "analytics",
        purposes: { fr: "Mesure", en: "Measurement" },
        cookies: [
          { pattern: "_pk_id*", retention: "2 years", description: { fr: "Visiteur", en: "Visitor" } },
        ],
      };
    },
    "services[2].cookies[0].retention",
    /exempt audience measurement requires cookies of at most 13 months/,
  ],
  [
    "an unknown field (a typo)",
    (c) => {
      c.consentValidty = "6 months";
    },
    "consentValidty",
    /unknown field "consentValidty"/,
  ],
  ["a revision of zero", (c) => (c.revision = 0), "revision", /expected a number more than 0/],
  [
    "a revision that is not an integer",
    (c) => {
      c.revision = "2";
    },
    "revision",
    /expected a number/,
  ],
  [
    "a cookie with both name and pattern",
    (c) => {
      c.services[2].cookies[0].pattern = "_ga*";
    },
    "services[2].cookies[0]",
    /exactly one of "name"/,
  ],
  [
    "a pattern without a wildcard",
    (c) => {
      c.services[2].cookies[1].pattern = "_ga_";
    },
    "services[2].cookies[1].pattern",
    /at least one '\*'/,
  ],
  [
    "a cookie declared twice",
    (c) => {
      c.services[3].cookies[0].name = "_ga";
    },
    "services[3].cookies[0]",
    /cookie "_ga" is declared twice \(first at services\[2\]\.cookies\[0\]\)/,
  ],
  [
    "a default language that is not declared",
    (c) => {
      c.defaultLanguage = "de";
    },
    "defaultLanguage",
    /not one of the declared languages \(fr, en\)/,
  ],
  [
    "a language without built-in texts and no overrides",
    (c) => {
      c.languages = ["fr", "en", "de"];
    },
    "texts.de",
    /no built-in "de" texts/,
  ],
  [
    "GPC refusing an exempt category",
    (c) => {
      c.gpc.refuse = ["necessary"];
    },
    "gpc.refuse[0]",
    /cannot switch it off/,
  ],
  [
    "an invalid category id",
    (c) => {
      c.categories[2].id = "Advertising!";
    },
    "categories[2].id",
    /lowercase letters/,
  ],
  [
    "a wrong basis value",
    (c) => {
      c.categories[2].basis = "legitimate-interest";
    },
    "categories[2].basis",
    /expected one of "exempt", "consent"/,
  ],
  [
    "a storage key with a domain",
    (c) => {
      c.services[0].cookies[0].type = "localStorage";
      c.services[0].cookies[0].domain = "shop.example";
    },
    "services[0].cookies[0].domain",
    /only cookies have a domain/,
  ],
];

describe("validateConfig refuses invalid configurations", () => {
  it.each(INVALID)("refuses %s, at its path", (_name, change, path, message) => {
    const errors = errorsOf(change);
    const atPath = errors.filter((error) => error.path === path);
    expect(atPath, `errors were: ${JSON.stringify(errors, null, 1)}`).not.toHaveLength(0);
    expect(atPath.map((error) => error.message).join("\n")).toMatch(message);
  });

  it("covers at least 15 distinct invalid configurations", () => {
    expect(new Set(INVALID.map(([name]) => name)).size).toBeGreaterThanOrEqual(15);
  });

  it("says what was expected", () => {
    const [error] = errorsOf((c) => {
      c.consentValidity = "14 months";
    });
    expect(error?.expected).toBe('a duration of at most 13 months, such as "6 months"');
  });

  it("names the expected shape of a localized text", () => {
    const [error] = errorsOf((c) => {
      c.categories[0].name = "Necessary";
    });
    expect(error).toMatchObject({ path: "categories[0].name", code: "invalid_type" });
    expect(error?.message).toMatch(/one per language/);
  });

  it("refuses something that is not an object at all", () => {
    const result = validateConfig("revision: 1");
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((error) => error.path)).toEqual([""]);
  });
});
