import { describe, expect, it } from "vitest";
import { applyGpc, gpcPolicy, gpcSettlesDecision } from "./gpc.ts";

const consent = ["analytics", "advertising", "social"];

describe("Global Privacy Control", () => {
  it("refuses advertising by default", () => {
    expect(gpcPolicy({ honour: true }, consent).refuse).toEqual(["advertising"]);
  });

  it("refuses nothing when the site does not honour it", () => {
    expect(gpcPolicy({ honour: false, refuse: ["social"] }, consent).refuse).toEqual([]);
  });

  it("keeps the refused categories off on Accept all", () => {
    const policy = gpcPolicy({ honour: true, refuse: ["advertising", "social"] }, consent);
    const all = { analytics: true, advertising: true, social: true };
    expect(applyGpc(all, true, policy)).toEqual({ analytics: true, advertising: false, social: false });
    expect(applyGpc(all, false, policy)).toEqual(all);
  });

  it("lets a category switched on explicitly win over the signal", () => {
    const policy = gpcPolicy({ honour: true }, consent);
    expect(
      applyGpc({ analytics: false, advertising: true, social: false }, true, policy, ["advertising"]),
    ).toEqual({
      analytics: false,
      advertising: true,
      social: false,
    });
  });

  it("is never read as consent", () => {
    const policy = gpcPolicy({ honour: true }, consent);
    const none = { analytics: false, advertising: false, social: false };
    expect(applyGpc(none, true, policy)).toEqual(none);
  });

  it("settles the decision alone only when it refuses every consent category", () => {
    expect(gpcSettlesDecision(true, gpcPolicy({ honour: true }, consent), consent)).toBe(false);
    expect(gpcSettlesDecision(true, gpcPolicy({ honour: true }, ["advertising"]), ["advertising"])).toBe(
      true,
    );
    expect(gpcSettlesDecision(false, gpcPolicy({ honour: true }, ["advertising"]), ["advertising"])).toBe(
      false,
    );
  });
});
