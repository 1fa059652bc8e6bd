/**
 * Errors the HTTP edge answers with, one catalogue (documented in docs/errors.md). Every error
 * reaches the client as `{ "error": { "code", "message", "path"? } }`, never with a stack trace.
 */
import { type ErrorDefinition, errorFactory } from "@macaron/core";

export const HTTP_ERRORS = {
  INVALID_JSON: {
    status: 400,
    message: "The request body is not valid JSON.",
    hint: "Send one consent record as a JSON object (Content-Type application/json or text/plain).",
  },
  INVALID_ENCODING: {
    status: 400,
    message: "The request body is not valid UTF-8.",
    hint: "Encode the body as UTF-8; texts must not contain unpaired surrogates.",
  },
  INVALID_RECORD: {
    status: 400,
    message: "The consent record is malformed.",
    hint: "Fix the field named by `path`; the record's shape is core's consentRecordSchema.",
  },
  BAD_REQUEST: {
    status: 400,
    message: "The request is malformed.",
    hint: "Check the method, headers and body against the documented routes.",
  },
  INVALID_QUERY: {
    status: 400,
    message: "A query parameter is invalid.",
    hint: "Fix the parameter named by `path`.",
  },
  UNAUTHORIZED: {
    status: 401,
    message: "A valid admin token is required.",
    hint: "Send `Authorization: Bearer <token>`; `npx macaron token create` prints a new one.",
  },
  ORIGIN_NOT_ALLOWED: {
    status: 403,
    message: "This origin may not send consent proofs.",
    hint: "Add the page's origin to `site.origins` in macaron.config.json.",
  },
  NOT_FOUND: {
    status: 404,
    message: "Nothing here.",
    hint: "Check the method and the path.",
  },
  SDK_NOT_BUILT: {
    status: 404,
    message: "The SDK build is missing.",
    hint: "Run `npm run build -w @macaron/web` (it writes packages/web/dist/macaron.js).",
  },
  RECORD_CONFLICT: {
    status: 409,
    message: "A different record with this id is already stored.",
    hint: "Use a fresh UUID as `id` for every decision; replaying the same record is harmless.",
  },
  BODY_TOO_LARGE: {
    status: 413,
    message: "The request body is too large.",
    hint: "A consent record is at most 8 KB.",
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: "Unsupported Content-Type.",
    hint: "Send the record as application/json or text/plain (what navigator.sendBeacon sends).",
  },
  UNKNOWN_REVISION: {
    status: 422,
    message: "The record names a policy revision that was never published.",
    hint: "Send the `revision` and `noticeHash` of the configuration served at GET /v1/policy.",
  },
  NOTICE_MISMATCH: {
    status: 422,
    message: "The record's noticeHash is not the hash of what this revision shows in that language.",
    hint: "Send the `noticeHash` of `notices[language]` from GET /v1/policy.",
  },
  RECORD_INCONSISTENT: {
    status: 422,
    message: "The record does not agree with the policy revision it names.",
    hint: "Fix the field named by `path` (unknown category or service, implicit refusal, wrong method…).",
  },
  RATE_LIMITED: {
    status: 429,
    message: "Too many requests.",
    hint: "Wait before sending again (see the Retry-After header).",
  },
  INTERNAL: {
    status: 500,
    message: "Internal server error.",
    hint: "The server logged the cause; retry later.",
  },
  STORE_UNAVAILABLE: {
    status: 503,
    message: "The ledger could not store the record.",
    hint: "Retry later: nothing was acknowledged, so nothing was lost.",
  },
} as const satisfies Record<string, ErrorDefinition>;

export type HttpErrorCode = keyof typeof HTTP_ERRORS;

export const httpError = errorFactory(HTTP_ERRORS);
