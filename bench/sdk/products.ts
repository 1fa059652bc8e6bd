/**
 * The same banner in each product: four categories (necessary, analytics, advertising, social),
 * English, Accept all / Reject all / preferences, each configured as its documentation shows and
 * loaded from the page head. `visible` finds the product's first layer in the page.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { clientConfig, parseConfig } from "@macaron/core";

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const REPO = fileURLToPath(new URL("../../", import.meta.url));

export interface Product {
  readonly name: string;
  readonly version: string;
  /** Tags for the page head. */
  readonly head: string;
  /** Files served under `/<product in lower case>/` (path → file). */
  readonly files: Readonly<Record<string, string>>;
  /** Served as JavaScript under `/<product in lower case>/config.js`. */
  readonly configScript?: string;
  /** A JavaScript expression (in the page) for the first layer's element, or null. */
  readonly banner: string;
}

const CATEGORIES = {
  necessary: ["Strictly necessary", "Session, sign-in and cart. Always on."],
  analytics: ["Audience measurement", "Google Analytics statistics."],
  advertising: ["Targeted advertising", "Google Ads targeting and conversion tracking."],
  social: ["Social networks", "Instagram and Facebook content."],
} as const;
const TITLE = "Your choice about cookies";
const TEXT =
  "With your consent, we and our partners use cookies for the purposes described in our cookie policy.";

function versionOf(name: string): string {
  return (JSON.parse(readFileSync(join(packageDir(name), "package.json"), "utf8")) as { version: string })
    .version;
}

async function macaron(): Promise<Product> {
  const sdk = join(REPO, "packages/web/dist/macaron.js");
  if (!existsSync(sdk))
    execFileSync("npm", ["run", "build", "-w", "@macaron/web"], { cwd: REPO, stdio: "ignore" });
  const seed = JSON.parse(readFileSync(join(REPO, "examples/shop/macaron.config.json"), "utf8"));
  seed.languages = ["en"]; // as the peers: English only
  const client = await clientConfig(parseConfig(seed));
  const inline = JSON.stringify(client).replace(/</g, "\\u003c");
  return {
    name: "Macaron",
    version: (
      JSON.parse(readFileSync(join(REPO, "packages/web/package.json"), "utf8")) as { version: string }
    ).version,
    head: `<script type="application/json" id="macaron-config">${inline}</script><script src="/macaron/macaron.js"></script>`,
    files: { "macaron.js": sdk },
    banner: `document.getElementById("macaron")?.shadowRoot?.querySelector(".b")`,
  };
}

function vanillaCookieConsent(): Product {
  const dir = join(packageDir("vanilla-cookieconsent"), "dist");
  const sections = Object.entries(CATEGORIES).map(([id, [title, description]]) => ({
    title,
    description,
    linkedCategory: id,
  }));
  const config = {
    hideFromBots: false,
    categories: {
      necessary: { enabled: true, readOnly: true },
      analytics: { autoClear: { cookies: [{ name: /^_ga/ }] } },
      advertising: {},
      social: {},
    },
    language: {
      default: "en",
      translations: {
        en: {
          consentModal: {
            title: TITLE,
            description: TEXT,
            acceptAllBtn: "Accept all",
            acceptNecessaryBtn: "Reject all",
            showPreferencesBtn: "Customize",
          },
          preferencesModal: {
            title: "Cookie preferences",
            acceptAllBtn: "Accept all",
            acceptNecessaryBtn: "Reject all",
            savePreferencesBtn: "Save my choices",
            closeIconLabel: "Close",
            sections,
          },
        },
      },
    },
  };
  return {
    name: "vanilla-cookieconsent",
    version: versionOf("vanilla-cookieconsent"),
    head: `<link rel="stylesheet" href="/vanilla-cookieconsent/cookieconsent.css"><script defer src="/vanilla-cookieconsent/cookieconsent.umd.js"></script><script defer src="/vanilla-cookieconsent/config.js"></script>`,
    files: {
      "cookieconsent.css": join(dir, "cookieconsent.css"),
      "cookieconsent.umd.js": join(dir, "cookieconsent.umd.js"),
    },
    // The regular expression does not survive JSON: written out in the script.
    configScript: `CookieConsent.run(${JSON.stringify(config).replace('{"name":{}}', '{"name":/^_ga/}')});`,
    banner: `document.querySelector("#cc-main .cm")`,
  };
}

function klaro(): Product {
  const dir = join(packageDir("klaro"), "dist");
  const purposes: Record<string, { title: string; description: string }> = {};
  for (const [id, [title, description]] of Object.entries(CATEGORIES)) purposes[id] = { title, description };
  const config = {
    version: 1,
    elementID: "klaro",
    storageMethod: "cookie",
    cookieName: "klaro",
    default: false,
    mustConsent: false,
    acceptAll: true,
    hideDeclineAll: false,
    lang: "en",
    translations: { en: { consentNotice: { title: TITLE, description: TEXT }, purposes } },
    services: [
      { name: "session", title: "Session", purposes: ["necessary"], required: true },
      { name: "google-analytics", title: "Google Analytics", purposes: ["analytics"], cookies: ["_ga"] },
      { name: "google-ads", title: "Google Ads", purposes: ["advertising"] },
      { name: "instagram", title: "Instagram", purposes: ["social"] },
    ],
  };
  return {
    name: "klaro",
    version: versionOf("klaro"),
    head: `<script src="/klaro/config.js"></script><script defer src="/klaro/klaro.js"></script>`,
    files: { "klaro.js": join(dir, "klaro.js") },
    configScript: `var klaroConfig = ${JSON.stringify(config)};`,
    banner: `document.querySelector(".klaro .cookie-notice")`,
  };
}

function tarteaucitron(): Product {
  const dir = packageDir("tarteaucitronjs");
  const init = {
    privacyUrl: "/cookie-policy",
    hashtag: "#tarteaucitron",
    cookieName: "tarteaucitron",
    orientation: "bottom",
    showAlertSmall: false,
    cookieslist: true,
    highPrivacy: true,
    AcceptAllCta: true,
    DenyAllCta: true,
    mandatory: true,
    useExternalCss: false,
  };
  const files: Record<string, string> = {
    "tarteaucitron.min.js": join(dir, "tarteaucitron.min.js"),
    "tarteaucitron.services.min.js": join(dir, "tarteaucitron.services.min.js"),
    "lang/tarteaucitron.en.min.js": join(dir, "lang/tarteaucitron.en.min.js"),
    "css/tarteaucitron.min.css": join(dir, "css/tarteaucitron.min.css"),
    "advertising.min.js": join(dir, "advertising.min.js"),
  };
  return {
    name: "tarteaucitronjs",
    version: versionOf("tarteaucitronjs"),
    head: `<script src="/tarteaucitronjs/tarteaucitron.min.js"></script><script src="/tarteaucitronjs/config.js"></script>`,
    files,
    configScript: `tarteaucitron.init(${JSON.stringify(init)});
tarteaucitron.user.gtagUa = "G-XXXXXXXXXX";
(tarteaucitron.job = tarteaucitron.job || []).push("gtag");
tarteaucitron.user.googleadsId = "AW-000000000";
(tarteaucitron.job = tarteaucitron.job || []).push("googleads");
(tarteaucitron.job = tarteaucitron.job || []).push("instagram");`,
    banner: `document.getElementById("tarteaucitronAlertBig")`,
  };
}

export async function products(): Promise<Product[]> {
  return [await macaron(), vanillaCookieConsent(), klaro(), tarteaucitron()];
}
