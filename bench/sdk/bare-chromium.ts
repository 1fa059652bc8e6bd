/**
 * Chromium driven over bare CDP, for page-load measurements that a visitor's browser would give.
 * Playwright enables the `Runtime` domain on every page it drives, and while any DevTools session has
 * `Runtime` enabled, V8 captures the full JavaScript stack (up to 200 frames, source positions
 * included) wherever Blink records a source location: on a `document.cookie` read, for one, which
 * then re-parses every function on the stack, the whole script included. A visitor's browser
 * captures one frame. Here no session enables `Runtime`; pages are opened, watched and read through
 * `Page`, `Network`, `Performance` and `Runtime.evaluate` only.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM_FLAGS, chromiumPath } from "@macaron/testing";
import CDP from "chrome-remote-interface";
import type ProtocolMapping from "devtools-protocol/types/protocol-mapping";

type Commands = ProtocolMapping.Commands;
type Events = ProtocolMapping.Events;

/** One tab in a browser context of its own (fresh cookies, storage and cache). */
export interface BarePage {
  send<M extends keyof Commands>(
    method: M,
    params?: Commands[M]["paramsType"][0],
  ): Promise<Commands[M]["returnType"]>;
  on<E extends keyof Events>(event: E, listener: (params: Events[E][0]) => void): void;
  /** Navigates and resolves on the page's `load` event. */
  load(url: string): Promise<void>;
  close(): Promise<void>;
}

export interface BareChromium {
  readonly version: string;
  newPage(): Promise<BarePage>;
  close(): Promise<void>;
}

function devToolsEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let log = "";
    const timer = setTimeout(() => reject(new Error(`Chromium did not start within 30 s\n${log}`)), 30_000);
    child.once("exit", (code) => reject(new Error(`Chromium exited with code ${code}\n${log}`)));
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      log += chunk;
      const endpoint = /DevTools listening on (ws:\/\/\S+)/.exec(log)?.[1];
      if (endpoint) {
        clearTimeout(timer);
        child.removeAllListeners("exit");
        child.stderr?.removeAllListeners("data");
        child.stderr?.resume();
        resolve(endpoint);
      }
    });
  });
}

export async function launchBareChromium(args: readonly string[] = []): Promise<BareChromium> {
  const profile = mkdtempSync(join(tmpdir(), "macaron-bench-"));
  const child = spawn(
    chromiumPath(),
    [
      ...CHROMIUM_FLAGS,
      `--user-data-dir=${profile}`,
      "--remote-debugging-port=0",
      "--window-size=1280,720",
      ...args,
      "about:blank",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  const client = await CDP({ target: await devToolsEndpoint(child), local: true });
  const { product } = await client.send("Browser.getVersion");
  // Every page's listeners by event, dispatched by session from the one connection.
  const listeners = new Map<string, Map<string, ((params: object) => void)[]>>();
  client.on("event", ({ method, params, sessionId }) => {
    for (const listener of listeners.get(sessionId ?? "")?.get(method) ?? []) listener(params);
  });

  async function newPage(): Promise<BarePage> {
    const { browserContextId } = await client.send("Target.createBrowserContext", { disposeOnDetach: true });
    const { targetId } = await client.send("Target.createTarget", { url: "about:blank", browserContextId });
    const { sessionId } = await client.send("Target.attachToTarget", { targetId, flatten: true });
    const send: BarePage["send"] = (method, params) => client.send(method, params, sessionId);
    const pageListeners = new Map<string, ((params: object) => void)[]>();
    listeners.set(sessionId, pageListeners);
    const on: BarePage["on"] = (event, listener) =>
      pageListeners.set(event, [...(pageListeners.get(event) ?? []), listener as (params: object) => void]);
    await send("Page.enable");
    return {
      send,
      on,
      async load(url) {
        const loaded = new Promise<void>((resolve) => on("Page.loadEventFired", () => resolve()));
        const { errorText } = await send("Page.navigate", { url });
        if (errorText) throw new Error(`${url}: ${errorText}`);
        await loaded;
      },
      async close() {
        listeners.delete(sessionId);
        await client.send("Target.disposeBrowserContext", { browserContextId });
      },
    };
  }

  return {
    version: product,
    newPage,
    async close() {
      await client.send("Browser.close").catch(() => undefined);
      await client.close().catch(() => undefined);
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}
