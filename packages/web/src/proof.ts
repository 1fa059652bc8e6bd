/**
 * The proof of a decision: a core `ConsentRecord` sent to the ledger with `sendBeacon` as a
 * text/plain Blob (a CORS-simple request: no preflight), else `fetch` with keepalive. It never
 * waits and never throws: a ledger that is down changes nothing for the visitor.
 */
import {
  type ConsentCookieState,
  type ConsentModeState,
  type ConsentRecord,
  type DecisionMethod,
  timeOrderedUuid,
  type UiLayer,
} from "@macaron/core";
import { config, gpcSignal, notice } from "./context.ts";

declare const MACARON_VERSION: string;

export function sendProof(
  state: ConsentCookieState,
  method: DecisionMethod,
  uiLayer: UiLayer,
  consentMode: ConsentModeState | undefined,
): void {
  const url = config.ledgerEndpoint;
  if (!url) return;
  const record: ConsentRecord = {
    id: timeOrderedUuid(),
    subjectId: state.subjectId,
    decidedAt: state.decidedAt.toISOString(),
    expiresAt: state.expiresAt.toISOString(),
    revision: state.revision,
    noticeHash: notice.hash,
    sdkVersion: MACARON_VERSION,
    language: notice.language,
    uiLayer,
    method,
    categories: { ...state.categories },
    ...(Object.keys(state.services).length ? { services: { ...state.services } } : {}),
    signals: { gpc: gpcSignal, ...(consentMode ? { consentMode } : {}) },
    origin: location.origin,
  };
  const body = JSON.stringify(record);
  try {
    if (navigator.sendBeacon(url, new Blob([body], { type: "text/plain" }))) return;
  } catch {
    // An invalid URL or a blocked beacon: try fetch below.
  }
  fetch(url, { method: "POST", body, keepalive: true, mode: "no-cors" }).catch(() => {});
}
