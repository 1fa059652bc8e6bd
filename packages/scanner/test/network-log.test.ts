import { EventEmitter } from "node:events";
import type { CDPSession } from "playwright-core";
import { describe, expect, it } from "vitest";
import { NetworkLog } from "../src/network-log.ts";

/** A DevTools session whose events the test sends itself, in the order it chooses. */
function fakeSession(): EventEmitter & { send(): Promise<object> } {
  return Object.assign(new EventEmitter(), { send: async () => ({}) });
}

describe("NetworkLog", () => {
  it("keeps a Set-Cookie whose responseReceivedExtraInfo arrives after loadingFinished", async () => {
    const session = fakeSession();
    const log = new NetworkLog();
    await log.attach(session as unknown as CDPSession);
    session.emit("Network.requestWillBeSent", {
      requestId: "7",
      type: "Script",
      request: { url: "https://tracker.example/tag.js?v=1" },
      documentURL: "https://shop.example/",
    });
    session.emit("Network.responseReceived", { requestId: "7" });
    session.emit("Network.loadingFinished", { requestId: "7" });
    session.emit("Network.responseReceivedExtraInfo", {
      requestId: "7",
      statusCode: 200,
      headers: { "Set-Cookie": "uid=abc; Max-Age=34186680; Domain=tracker.example; Path=/" },
      blockedCookies: [],
    });
    expect(log.writes).toEqual([
      expect.objectContaining({
        name: "uid",
        lifetimeSeconds: 34186680,
        host: "tracker.example",
        setter: "https://tracker.example/tag.js",
      }),
    ]);
    expect(log.takeRequests()).toEqual([
      expect.objectContaining({ url: "https://tracker.example/tag.js?v=1" }),
    ]);
  });
});
