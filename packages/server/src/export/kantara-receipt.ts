/**
 * One proof as a Kantara Initiative Consent Receipt v1.1 (Consent Receipt Specification, 2018):
 * the receipt a visitor can be handed. Its `purposes` list what was consented to, one per granted
 * category (consentType EXPLICIT, termination = the decision's expiry); refusals are not consents
 * and appear only in the 27560 record. Kantara's `consentTimestamp` is in seconds since the epoch.
 */
import type { StoredProof } from "../store/ledger-store.ts";
import type { ReceiptContext } from "./receipt-context.ts";

export const KANTARA_VERSION = "KI-CR-v1.1.0";

const COLLECTION_METHODS: Record<StoredProof["record"]["uiLayer"], string> = {
  banner: "cookie banner on the website",
  preferences: "cookie preferences dialog on the website",
  api: "website consent API",
  signal: "Global Privacy Control browser signal",
};

function thirdParties(context: ReceiptContext, category: string) {
  const names = context.thirdParties[category] ?? [];
  return names.length === 0
    ? { thirdPartyDisclosure: false }
    : { thirdPartyDisclosure: true, thirdPartyName: names.join(", ") };
}

export function kantaraReceipt(proof: StoredProof, context: ReceiptContext) {
  const { record } = proof;
  const granted = Object.entries(record.categories).filter(
    ([category, choice]) => choice && context.consentCategories.includes(category),
  );
  return {
    version: KANTARA_VERSION,
    jurisdiction: context.jurisdiction,
    consentTimestamp: Math.floor(Date.parse(record.decidedAt) / 1000),
    collectionMethod: COLLECTION_METHODS[record.uiLayer],
    consentReceiptID: record.id,
    language: record.language,
    piiPrincipalId: record.subjectId,
    piiControllers: [
      {
        piiController: context.controller.name,
        contact: context.controller.email ?? context.controller.name,
        address: { streetAddress: context.controller.address },
        email: context.controller.email ?? "",
        phone: "",
        piiControllerUrl: context.siteUrl,
      },
    ],
    policyUrl: context.privacyPolicyUrl,
    services: [
      {
        service: context.siteName,
        purposes: granted.map(([category]) => ({
          purpose: context.categoryNames[category] ?? category,
          purposeCategory: [category],
          consentType: "EXPLICIT",
          piiCategory: ["online identifiers (cookies and similar storage)"],
          primaryPurpose: false,
          termination: record.expiresAt,
          ...thirdParties(context, category),
        })),
      },
    ],
    sensitive: false,
    spiCat: [],
  };
}
