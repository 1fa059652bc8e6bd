/**
 * The client configuration (core's `clientConfig`): inline in
 * `<script type="application/json" id="macaron-config">` (no extra request), or fetched from the
 * URL in the SDK script's `data-config` attribute.
 */
import { CLIENT_CONFIG_VERSION, type ClientConfig } from "@macaron/core";

function checked(value: unknown): ClientConfig {
  const client = value as ClientConfig | null;
  if (client?.v !== CLIENT_CONFIG_VERSION || !client.notices) {
    throw new Error(`Macaron: the configuration is not a client configuration v${CLIENT_CONFIG_VERSION}`);
  }
  return client;
}

/** Calls `use` with the configuration, synchronously when it is inline. */
export function readConfig(script: HTMLScriptElement | null, use: (client: ClientConfig) => void): void {
  const inline = document.getElementById("macaron-config");
  const url = script?.dataset.config;
  if (inline) use(checked(JSON.parse(inline.textContent ?? "")));
  else if (url)
    fetch(url)
      .then((response) => response.json())
      .then((value) => use(checked(value)));
  else if (document.readyState === "loading")
    document.addEventListener("DOMContentLoaded", () => readConfig(script, use), { once: true });
  else throw new Error("Macaron: no #macaron-config element and no data-config attribute");
}
