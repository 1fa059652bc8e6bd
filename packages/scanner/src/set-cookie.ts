/**
 * What a site asked for when it set a cookie, read from the raw `Set-Cookie` header line or the
 * `document.cookie` string (RFC 6265 §5.2): name, domain, and the lifetime asked. Chromium keeps at
 * most 400 days, so the stored cookie alone hides a longer request.
 */

export interface AskedCookie {
  readonly name: string;
  /** The Domain attribute, lowercased without its leading dot; absent for a host-only cookie. */
  readonly domain?: string;
  /** Seconds asked, `null` for a session cookie, 0 or less for a deletion. */
  readonly lifetimeSeconds: number | null;
  readonly partitioned: boolean;
}

/** Parses one cookie line; `at` is when it was set, for an `Expires` date. */
export function parseCookieLine(line: string, at: number): AskedCookie | undefined {
  const [pair = "", ...attributes] = line.split(";");
  const equals = pair.indexOf("=");
  const name = (equals < 0 ? "" : pair.slice(0, equals)).trim();
  if (name === "" && equals < 0) return undefined;
  let maxAge: number | undefined;
  let expires: number | undefined;
  let domain: string | undefined;
  let partitioned = false;
  for (const attribute of attributes) {
    const separator = attribute.indexOf("=");
    const key = (separator < 0 ? attribute : attribute.slice(0, separator)).trim().toLowerCase();
    const value = separator < 0 ? "" : attribute.slice(separator + 1).trim();
    if (key === "max-age" && /^-?\d+$/.test(value)) maxAge = Number(value);
    else if (key === "expires") {
      const time = Date.parse(value);
      if (!Number.isNaN(time)) expires = Math.round((time - at) / 1000);
    } else if (key === "domain" && value !== "") domain = value.replace(/^\./, "").toLowerCase();
    else if (key === "partitioned") partitioned = true;
  }
  // Max-Age wins over Expires (RFC 6265 §5.3 step 3).
  const lifetimeSeconds = maxAge ?? expires ?? null;
  return { name, ...(domain === undefined ? {} : { domain }), lifetimeSeconds, partitioned };
}

/** The options of a `cookieStore.set` call, as the recorder reported them. */
export function parseCookieStoreOptions(json: string, at: number): AskedCookie | undefined {
  let options: { name?: unknown; expires?: unknown; domain?: unknown; partitioned?: unknown };
  try {
    options = JSON.parse(json) as typeof options;
  } catch {
    return undefined;
  }
  if (typeof options.name !== "string") return undefined;
  const expires = typeof options.expires === "number" ? Math.round((options.expires - at) / 1000) : null;
  return {
    name: options.name,
    ...(typeof options.domain === "string"
      ? { domain: options.domain.replace(/^\./, "").toLowerCase() }
      : {}),
    lifetimeSeconds: expires,
    partitioned: options.partitioned === true,
  };
}

/** Rounds to whole minutes, so that repeated scans report the same lifetimes. */
export function roundedLifetime(seconds: number | null): number | null {
  return seconds === null ? null : Math.round(seconds / 60) * 60;
}
