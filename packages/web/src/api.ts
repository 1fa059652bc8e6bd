/**
 * `window.Macaron`: the page's JavaScript API. `on("consent" | "change", fn)` listens to the
 * `macaron:consent` / `macaron:change` DOM events and returns a function that stops listening.
 */
import type { ConsentCookieState } from "@macaron/core";
import { allowed, consentIds, decision } from "./context.ts";
import { acceptAll, type Choices, decide, rejectAll } from "./decide.ts";
import { showBanner } from "./ui/banner.ts";
import { showPreferences } from "./ui/preferences.ts";

export interface MacaronApi {
  get(): ConsentCookieState | null;
  allowed(category: string): boolean;
  acceptAll(): void;
  rejectAll(): void;
  set(choice: { categories: Choices; services?: Choices }): void;
  show(): void;
  showPreferences(): void;
  on(event: "consent" | "change", listener: (decision: ConsentCookieState) => void): () => void;
}

export function installApi(): MacaronApi {
  const api: MacaronApi = {
    get: () => (decision ? { ...decision } : null),
    allowed: (category) => allowed(category),
    acceptAll: () => acceptAll("api"),
    rejectAll: () => rejectAll("api"),
    set: ({ categories, services }) => {
      const choices: Choices = {};
      for (const id of consentIds) choices[id] = categories[id] ?? decision?.categories[id] === true;
      decide(choices, "custom", "api", { ...decision?.services, ...services });
    },
    show: showBanner,
    showPreferences,
    on: (event, listener) => {
      const handler = (domEvent: Event) => listener((domEvent as CustomEvent<ConsentCookieState>).detail);
      document.addEventListener(`macaron:${event}`, handler);
      return () => document.removeEventListener(`macaron:${event}`, handler);
    },
  };
  (window as unknown as { Macaron: MacaronApi }).Macaron = api;
  return api;
}
