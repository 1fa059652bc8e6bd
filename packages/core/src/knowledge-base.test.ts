import { describe, expect, it } from "vitest";
import { KNOWN_VENDORS, knownItemFor, knownVendorForHost } from "./knowledge-base.ts";
import type { ObservedStorageItem } from "./storage-match.ts";

// One cookie or key as a browser reports it, and one host each vendor loads from.
const SAMPLES: Record<string, { observed: ObservedStorageItem; host: string }> = {
  "google-analytics": {
    observed: { type: "cookie", name: "_ga_X1Y2Z3", domain: ".shop.test" },
    host: "region1.google-analytics.com",
  },
  "google-tag-manager": {
    observed: { type: "cookie", name: "_dc_gtm_UA-1", domain: ".shop.test" },
    host: "www.googletagmanager.com",
  },
  "google-ads": {
    observed: { type: "cookie", name: "IDE", domain: ".doubleclick.net" },
    host: "googleads.g.doubleclick.net",
  },
  "meta-pixel": {
    observed: { type: "cookie", name: "_fbp", domain: ".shop.test" },
    host: "connect.facebook.net",
  },
  instagram: {
    observed: { type: "cookie", name: "ig_did", domain: ".instagram.com" },
    host: "www.instagram.com",
  },
  "tiktok-pixel": {
    observed: { type: "cookie", name: "_ttp", domain: ".shop.test" },
    host: "analytics.tiktok.com",
  },
  "linkedin-insight": {
    observed: { type: "cookie", name: "li_fat_id", domain: ".shop.test" },
    host: "snap.licdn.com",
  },
  "pinterest-tag": {
    observed: { type: "cookie", name: "_pin_unauth", domain: ".shop.test" },
    host: "ct.pinterest.com",
  },
  "microsoft-clarity": {
    observed: { type: "cookie", name: "_clck", domain: ".shop.test" },
    host: "www.clarity.ms",
  },
  "microsoft-advertising": {
    observed: { type: "cookie", name: "_uetvid", domain: ".shop.test" },
    host: "bat.bing.com",
  },
  hotjar: {
    observed: { type: "cookie", name: "_hjSessionUser_123456", domain: ".shop.test" },
    host: "static.hotjar.com",
  },
  matomo: {
    observed: { type: "cookie", name: "_pk_id.1.a1b2", domain: "shop.test" },
    host: "shop.matomo.cloud",
  },
  youtube: {
    observed: { type: "cookie", name: "VISITOR_INFO1_LIVE", domain: ".youtube.com" },
    host: "www.youtube.com",
  },
  vimeo: { observed: { type: "cookie", name: "vuid", domain: ".vimeo.com" }, host: "player.vimeo.com" },
  criteo: {
    observed: { type: "cookie", name: "cto_bundle", domain: ".shop.test" },
    host: "static.criteo.net",
  },
  hubspot: {
    observed: { type: "cookie", name: "hubspotutk", domain: ".shop.test" },
    host: "js.hs-scripts.com",
  },
  shopify: { observed: { type: "cookie", name: "cart_sig", domain: "shop.test" }, host: "cdn.shopify.com" },
  "shopify-analytics": {
    observed: { type: "cookie", name: "_shopify_y", domain: ".shop.test" },
    host: "monorail-edge.shopifysvc.com",
  },
  stripe: { observed: { type: "cookie", name: "__stripe_mid", domain: ".shop.test" }, host: "js.stripe.com" },
  cloudflare: {
    observed: { type: "cookie", name: "cf_clearance", domain: ".shop.test" },
    host: "challenges.cloudflare.com",
  },
};

describe("the knowledge base", () => {
  it("has a sample here for every vendor, and every vendor notes its documented source", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(KNOWN_VENDORS.map((vendor) => vendor.id).sort());
    for (const vendor of KNOWN_VENDORS) expect(vendor.source).toMatch(/^https:\/\/\S+$/);
  });

  for (const vendor of KNOWN_VENDORS) {
    it(`classifies ${vendor.name}'s items and hosts`, () => {
      const sample = SAMPLES[vendor.id];
      if (!sample) throw new Error(`no sample for ${vendor.id}`);
      expect(knownItemFor(sample.observed)?.vendor.id).toBe(vendor.id);
      if (sample.host !== "") expect(knownVendorForHost(sample.host)?.id).toBe(vendor.id);
    });
  }

  it("recognises Google Analytics cookies renamed with gtag's cookie_prefix", () => {
    expect(knownItemFor({ type: "cookie", name: "shop_ga", domain: ".shop.test" })?.vendor.id).toBe(
      "google-analytics",
    );
    expect(knownItemFor({ type: "cookie", name: "shop_ga_ABC123" })?.vendor.id).toBe("google-analytics");
  });

  it("does not take a look-alike host for a vendor's", () => {
    expect(knownVendorForHost("notdoubleclick.net")).toBeUndefined();
    expect(knownVendorForHost("www.shop.test")).toBeUndefined();
  });
});
