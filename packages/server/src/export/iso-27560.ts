/**
 * One proof as an ISO/IEC TS 27560:2023-shaped consent record: the elements of §6 (record, PII
 * principal, notice, purposes with their lawful basis, the consent event with its time, type, state
 * and validity) in the snake_case names the DPVCG's implementation guide uses
 * (https://w3id.org/dpv/guides/consent-27560). One purpose per category; refused categories are
 * recorded too, since a refusal is proven as much as a consent (CNIL). Macaron's own evidence
 * (chain hashes, pseudonymised IP) sits in `record_integrity` and `collection_context`.
 */
import type { StoredProof } from "../store/ledger-store.ts";
import type { ReceiptContext } from "./receipt-context.ts";

export const ISO_27560_SCHEMA_VERSION = "ISO/IEC TS 27560:2023";

/** The 27560 event states of one category's outcome. */
function eventState(proof: StoredProof, granted: boolean): string {
  if (granted) return "consent given";
  if (proof.record.method === "withdraw") return "consent withdrawn";
  if (proof.record.method === "expired") return "consent expired";
  return "consent refused";
}

/** ISO 8601 duration between two instants, in whole seconds. */
export function validityDuration(from: string, to: string): string {
  return `PT${Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000))}S`;
}

const COLLECTION_METHODS: Record<StoredProof["record"]["uiLayer"], string> = {
  banner: "web cookie banner (first layer)",
  preferences: "web cookie preferences dialog",
  api: "site script calling the consent API",
  signal: "browser signal (Global Privacy Control)",
};

export function iso27560Record(proof: StoredProof, context: ReceiptContext) {
  const { record } = proof;
  // A browser signal is an expression of will sent by the user agent, not a click on the notice.
  const eventType = record.uiLayer === "signal" ? "implicit" : "explicit";
  return {
    schema_version: ISO_27560_SCHEMA_VERSION,
    record_id: record.id,
    pii_principal_id: record.subjectId,
    pii_controllers: [
      {
        controller_name: context.controller.name,
        controller_address: context.controller.address,
        ...(context.controller.email === undefined ? {} : { controller_contact: context.controller.email }),
        controller_url: context.siteUrl,
      },
    ],
    notice: {
      notice_id: proof.policyHash,
      version: String(record.revision),
      notice_hash: record.noticeHash,
      language: record.language,
      notice_url: context.cookiePolicyUrl,
      presented_at: record.origin,
    },
    privacy_policy_url: context.privacyPolicyUrl,
    purposes: Object.entries(record.categories).map(([category, granted]) => ({
      purpose_id: category,
      purpose: context.categoryNames[category] ?? category,
      lawful_basis: context.consentCategories.includes(category) ? "consent" : "exempt (strictly necessary)",
      third_parties: context.thirdParties[category] ?? [],
      event: [
        {
          event_time: record.decidedAt,
          event_type: eventType,
          event_state: eventState(proof, granted),
          event_by: "pii principal",
          validity_duration: validityDuration(record.decidedAt, record.expiresAt),
        },
      ],
    })),
    collection_context: {
      collection_method: COLLECTION_METHODS[record.uiLayer],
      decision: record.method,
      global_privacy_control: record.signals.gpc,
      user_agent: proof.userAgent,
      ip_pseudonym: proof.ipHash,
      sdk_version: record.sdkVersion,
    },
    record_integrity: {
      hash_algorithm: "SHA-256",
      sequence: proof.seq,
      previous_hash: proof.prevHash,
      hash: proof.hash,
      stored_at: proof.receivedAt,
    },
  };
}
