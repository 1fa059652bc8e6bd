/**
 * The consent record: the proof of one decision, built by the SDK and checked by the ledger.
 * Who (`subjectId`), when (`decidedAt`), what they were told (`revision`, `noticeHash`, `language`),
 * how (`uiLayer`, `method`, `signals`) and what they chose (`categories`, refusals explicit).
 */
import { z } from "zod";
import { GRANTABLE_CONSENT_TYPES, languageTag } from "./config-schema.ts";

export const DECISION_METHODS = ["accept-all", "reject-all", "custom", "withdraw", "gpc", "expired"] as const;
export const UI_LAYERS = ["banner", "preferences", "api", "signal"] as const;

export type DecisionMethod = (typeof DECISION_METHODS)[number];
export type UiLayer = (typeof UI_LAYERS)[number];

const uuid = z.uuid("expected a UUID");
const instant = z.iso.datetime({
  offset: true,
  error: "expected an ISO 8601 date-time such as 2026-11-25T10:00:00Z",
});
const choiceId = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, "expected a category or service id");
const choices = z.record(choiceId, z.boolean("expected true (granted) or false (refused)"));
const consentModeValue = z.enum(["granted", "denied"]);

export const consentRecordSchema = z.strictObject({
  id: uuid.meta({ description: "A fresh UUID per decision: the idempotency key." }),
  subjectId: uuid.meta({
    description: "The random id kept in the visitor's consent cookie across decisions.",
  }),
  decidedAt: instant,
  expiresAt: instant,
  revision: z.number().int().positive(),
  noticeHash: z.string().regex(/^[0-9a-f]{64}$/, "expected a SHA-256 hex digest"),
  sdkVersion: z.string().regex(/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]{1,40})?$/, "expected a semantic version"),
  language: languageTag,
  uiLayer: z.enum(UI_LAYERS),
  method: z.enum(DECISION_METHODS),
  categories: choices.refine((value) => Object.keys(value).length > 0, "expected at least one category"),
  services: choices.optional(),
  signals: z.strictObject({
    gpc: z.boolean(),
    consentMode: z
      .partialRecord(z.enum([...GRANTABLE_CONSENT_TYPES, "security_storage"]), consentModeValue)
      .optional(),
  }),
  origin: z
    .string()
    .max(2048)
    .regex(/^https?:\/\/[^\s/]+$/, 'expected a page origin such as "https://shop.example"'),
});

export type ConsentRecord = z.infer<typeof consentRecordSchema>;
