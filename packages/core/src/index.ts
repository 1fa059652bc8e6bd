/** @macaron/core: the policy model and consent rules, shared by the SDK, server, scanner and CLI. */

export { canonicalJson } from "./canonical-json.ts";
export {
  CLIENT_CONFIG_VERSION,
  type ClientConfig,
  type ClientNotice,
  type ClientStorageItem,
  clientConfig,
} from "./client-config.ts";
export { complianceIssues } from "./compliance.ts";
export { referenceIssues } from "./config-references.ts";
export {
  BANNER_BUTTONS,
  type CategoryConfig,
  configJsonSchema,
  configSchema,
  DURATION_EXAMPLES,
  EXEMPTION_REASONS,
  type ExemptionReason,
  GRANTABLE_CONSENT_TYPES,
  type GrantableConsentType,
  type LocalizedText,
  type MacaronConfig,
  type MacaronConfigInput,
  type ServiceConfig,
  STORAGE_TYPES,
  type StorageItemConfig,
  type StorageType,
} from "./config-schema.ts";
export {
  CONSENT_COOKIE_NAME,
  CONSENT_COOKIE_VERSION,
  type ConsentCookieState,
  decodeConsentCookie,
  encodeConsentCookie,
  fnv1a,
} from "./consent-cookie.ts";
export {
  CONSENT_TYPES,
  type ConsentModeMap,
  type ConsentModeState,
  type ConsentModeValue,
  type ConsentType,
  consentModeMap,
  consentModeState,
  DEFAULT_CONSENT_MODE_MAP,
} from "./consent-mode.ts";
export {
  type ConsentRecord,
  consentRecordSchema,
  DECISION_METHODS,
  type DecisionMethod,
  UI_LAYERS,
  type UiLayer,
} from "./consent-record.ts";
export { consentRecordIssues } from "./consent-record-rules.ts";
export { CONSENT_SERVICE_ID, declaredServices } from "./declared-services.ts";
export {
  addDuration,
  approximateSeconds,
  type DisplayLanguage,
  type Duration,
  type DurationUnit,
  type FixedDuration,
  formatDuration,
  isLongerThan,
  parseDuration,
  THIRTEEN_MONTHS,
} from "./duration.ts";
export { CORE_ERRORS, type ErrorDefinition, errorFactory, MacaronError } from "./errors.ts";
export { applyGpc, DEFAULT_GPC_REFUSALS, type GpcPolicy, gpcPolicy, gpcSettlesDecision } from "./gpc.ts";
export { formatPath, type Issue, type IssueSeverity, type PathSegment } from "./issues.ts";
export {
  KNOWN_VENDORS,
  type KnownCategory,
  type KnownItem,
  type KnownVendor,
  knownItemFor,
  knownVendorForHost,
} from "./knowledge-base.ts";
export { defaultLanguage, localize, resolveTexts } from "./localize.ts";
export {
  displayDuration,
  type Notice,
  type NoticeCategory,
  type NoticeService,
  type NoticeStorageItem,
  noticeFor,
  noticeHash,
  sha256Hex,
} from "./notice.ts";
export {
  cookieDomainCandidates,
  domainMatches,
  matchesName,
  matchesPattern,
  matchesStorageItem,
  type ObservedStorageItem,
  type StorageItemRule,
} from "./storage-match.ts";
export { BUILT_IN_TEXTS, TEXT_KEYS, type TextKey, type UiTexts } from "./texts.ts";
export { randomUuid, timeOrderedUuid } from "./uuid.ts";
export { type ConfigValidation, parseConfig, validateConfig } from "./validate.ts";
export {
  DEFAULT_CONSENT_VALIDITY,
  type DecisionContext,
  type DecisionStatus,
  decisionExpiry,
  decisionStatus,
  isCategoryAllowed,
  MAX_CLOCK_SKEW_MS,
} from "./validity.ts";
