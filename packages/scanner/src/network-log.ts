/**
 * What one state's page tells through the DevTools protocol: every request (type, initiator, cookies
 * carried, beacon or pixel), every `Set-Cookie` line of every response, redirects included, with the
 * cookies Chromium refused and why; and when the network has gone quiet.
 */
import type { CDPSession } from "playwright-core";
import { type AskedCookie, parseCookieLine } from "./set-cookie.ts";

export interface CookieWrite extends AskedCookie {
  /** Host a host-only cookie belongs to (the response's or frame's host). */
  readonly host: string;
  /** Response URL or script URL (origin and path), "" when unknown. */
  readonly setter: string;
  readonly at: number;
}

export interface RefusedCookie {
  readonly name: string;
  readonly domain: string;
  readonly reasons: readonly string[];
  readonly setter: string;
  readonly page: string;
}

export interface LoggedRequest {
  readonly url: string;
  readonly type: string;
  readonly initiator: string;
  readonly carriedCookies: boolean;
  readonly beacon: boolean;
  readonly pixel: boolean;
  readonly page: string;
}

interface PendingRequest {
  url: string;
  /** The URL whose response redirected here: a redirect's Set-Cookie belongs to it. */
  redirectedFrom?: string;
  type: string;
  initiator: string;
  carriedCookies: boolean;
  bytes: number;
  responded: boolean;
  page: string;
}

// A 1×1 GIF is 43 bytes; a tracking pixel's body is tiny whatever its format.
const PIXEL_MAX_BYTES = 200;
// Streams never finish; they must not keep the page from being "idle".
const STREAMING_TYPES = new Set(["EventSource", "WebSocket"]);

/** Origin and path of a URL: query strings carry random ids that would make reports differ. */
export function withoutQuery(url: string): string {
  return url.split(/[?#]/)[0] ?? url;
}

interface Initiator {
  type?: string;
  url?: string;
  stack?: { callFrames?: { url?: string }[]; parent?: Initiator["stack"] };
}

function initiatorUrl(initiator: Initiator | undefined, documentUrl: string): string {
  const fromStack = initiator?.stack?.callFrames?.find((frame) => frame.url)?.url;
  return withoutQuery(initiator?.url || fromStack || documentUrl || "");
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

export class NetworkLog {
  readonly writes: CookieWrite[] = [];
  readonly refused: RefusedCookie[] = [];
  private requests: LoggedRequest[] = [];
  private readonly pending = new Map<string, PendingRequest>();
  /** Finished requests, for the `…ExtraInfo` events that Chromium may send after `loadingFinished`. */
  private readonly finished = new Map<string, PendingRequest>();
  private readonly inflight = new Set<string>();
  private readonly deferred = new Map<string, (() => void)[]>();
  private lastActivity = Date.now();
  private currentPage = "";

  /** Listens to a page's DevTools session; called again for the page that replaces a crashed one. */
  async attach(session: CDPSession): Promise<void> {
    session.on("Network.requestWillBeSent", (event) => {
      const known = this.pending.get(event.requestId);
      if (known && event.redirectResponse) this.finish(event.requestId, known);
      const request: PendingRequest = {
        url: event.request.url,
        type: event.type ?? "Other",
        initiator: initiatorUrl(event.initiator as Initiator, event.documentURL),
        carriedCookies: known?.carriedCookies ?? false,
        bytes: 0,
        responded: false,
        page: this.page,
      };
      if (known && event.redirectResponse) {
        request.carriedCookies = false;
        request.redirectedFrom = known.url;
      }
      this.pending.set(event.requestId, request);
      if (!STREAMING_TYPES.has(request.type) && !request.url.startsWith("data:"))
        this.inflight.add(event.requestId);
      this.touch();
      for (const run of this.deferred.get(event.requestId) ?? []) run();
      this.deferred.delete(event.requestId);
    });
    session.on("Network.requestWillBeSentExtraInfo", (event) => {
      const carried = (event.associatedCookies ?? []).some((cookie) => cookie.blockedReasons.length === 0);
      this.whenKnown(event.requestId, (request) => {
        if (carried) request.carriedCookies = true;
      });
    });
    session.on("Network.responseReceivedExtraInfo", (event) => {
      const at = Date.now();
      this.whenKnown(event.requestId, (request) => this.recordSetCookies(request, event, at));
    });
    session.on("Network.responseReceived", (event) => {
      const request = this.pending.get(event.requestId);
      if (request) request.responded = true;
    });
    session.on("Network.dataReceived", (event) => {
      const request = this.pending.get(event.requestId);
      if (request) request.bytes += event.dataLength;
    });
    const done = (event: { requestId: string }) => {
      this.inflight.delete(event.requestId);
      const request = this.pending.get(event.requestId);
      if (request) this.finish(event.requestId, request);
      this.touch();
    };
    session.on("Network.loadingFinished", done);
    session.on("Network.loadingFailed", done);
    await session.send("Network.enable");
  }

  get page(): string {
    return this.currentPage;
  }

  /** A new page is loading: requests of the previous document no longer count as in flight. */
  set page(url: string) {
    this.currentPage = url;
    this.inflight.clear();
  }

  /** Marks activity that postpones quiet (a cookie or storage write by a script). */
  touch(): void {
    this.lastActivity = Date.now();
  }

  private whenKnown(requestId: string, run: (request: PendingRequest) => void): void {
    const request = this.pending.get(requestId) ?? this.finished.get(requestId);
    if (request) run(request);
    else {
      const list = this.deferred.get(requestId) ?? [];
      list.push(() => {
        const known = this.pending.get(requestId);
        if (known) run(known);
      });
      this.deferred.set(requestId, list);
    }
  }

  private recordSetCookies(
    request: PendingRequest,
    event: {
      headers: Record<string, string>;
      statusCode?: number;
      blockedCookies: { blockedReasons: string[]; cookieLine: string; cookie?: { domain: string } }[];
    },
    at: number,
  ): void {
    const redirect = event.statusCode !== undefined && event.statusCode >= 300 && event.statusCode < 400;
    const url = redirect && request.redirectedFrom ? request.redirectedFrom : request.url;
    const host = hostOf(url);
    const setter = withoutQuery(url);
    const blockedLines = new Set<string>();
    for (const blocked of event.blockedCookies) {
      blockedLines.add(blocked.cookieLine);
      const asked = parseCookieLine(blocked.cookieLine, at);
      if (!asked) continue;
      this.refused.push({
        name: asked.name,
        domain: blocked.cookie?.domain ?? asked.domain ?? host,
        reasons: [...blocked.blockedReasons].sort(),
        setter,
        page: this.page,
      });
    }
    const header = headerValue(event.headers, "set-cookie");
    if (header === undefined) return;
    for (const line of header.split("\n")) {
      if (blockedLines.has(line)) continue;
      const asked = parseCookieLine(line, at);
      if (asked) this.writes.push({ ...asked, host, setter, at });
    }
  }

  private finish(requestId: string, request: PendingRequest): void {
    this.pending.delete(requestId);
    this.finished.set(requestId, request);
    this.requests.push({
      url: request.url,
      type: request.type,
      initiator: request.initiator,
      carriedCookies: request.carriedCookies,
      beacon: request.type === "Ping",
      pixel: request.type === "Image" && request.responded && request.bytes <= PIXEL_MAX_BYTES,
      page: request.page,
    });
  }

  /** Requests seen since the last call; with `flush`, those still pending (streams, hung requests) too. */
  takeRequests(flush = false): LoggedRequest[] {
    if (flush) {
      for (const [requestId, request] of [...this.pending]) this.finish(requestId, request);
      this.inflight.clear();
    }
    const taken = this.requests;
    this.requests = [];
    return taken;
  }

  /** Resolves once no request has been in flight and nothing written for `quietMs`, or after `maxMs`. */
  async waitForQuiet(quietMs: number, maxMs: number): Promise<void> {
    const deadline = Date.now() + maxMs;
    while (Date.now() < deadline) {
      if (this.inflight.size === 0 && Date.now() - this.lastActivity >= quietMs) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return "";
  }
}
