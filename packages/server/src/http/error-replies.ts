/**
 * One mapper from every failure to the JSON error shape `{ error: { code, message, path? } }`:
 * Macaron's own errors, Fastify's body and schema errors, the rate limiter, unknown routes. A 5xx
 * never carries the cause's message or stack to the client; the log keeps it.
 */
import { MacaronError } from "@macaron/core";
import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import { HTTP_ERRORS, type HttpErrorCode } from "./errors.ts";

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly path?: string };
}

export function errorBody(code: string, message: string, path?: string): ErrorBody {
  return { error: path === undefined ? { code, message } : { code, message, path } };
}

export function sendError(reply: FastifyReply, code: HttpErrorCode, message?: string, path?: string) {
  const definition = HTTP_ERRORS[code];
  return reply.code(definition.status).send(errorBody(code, message ?? definition.message, path));
}

const FASTIFY_CODES: Readonly<Record<string, HttpErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: "BODY_TOO_LARGE",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "BAD_REQUEST",
  FST_ERR_CTP_EMPTY_JSON_BODY: "INVALID_JSON",
  FST_ERR_CTP_INVALID_JSON_BODY: "INVALID_JSON",
};

/** `/from` → `from`, `/items/0` → `items[0]`: the same path notation as the record issues. */
function schemaPath(error: FastifyError): string | undefined {
  const first = error.validation?.[0];
  if (!first) return undefined;
  const segments = first.instancePath.split("/").filter(Boolean);
  const missing = (first.params as { missingProperty?: string }).missingProperty;
  if (missing) segments.push(missing);
  return segments
    .map((segment, index) => (/^\d+$/.test(segment) ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
    .join("");
}

export function registerErrorReplies(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, "NOT_FOUND", `no route for ${request.method} ${request.url.split("?")[0]}`),
  );
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof MacaronError && error.code in HTTP_ERRORS) {
      const path = error.details.path;
      if (error.status >= 500) request.log.error({ err: error }, error.message);
      return reply
        .code(error.status)
        .send(errorBody(error.code, error.message, typeof path === "string" ? path : undefined));
    }
    if (error.validation) {
      const where = error.validationContext === "querystring" ? "query" : error.validationContext;
      return sendError(reply, "INVALID_QUERY", `${where}: ${error.message}`, schemaPath(error));
    }
    const mapped = error.code === undefined ? undefined : FASTIFY_CODES[error.code];
    if (mapped) return sendError(reply, mapped);
    if (error.statusCode === 429) {
      reply.header("retry-after", reply.getHeader("retry-after") ?? "60");
      return sendError(reply, "RATE_LIMITED", error.message);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.code(status).send(errorBody("BAD_REQUEST", error.message));
    }
    request.log.error({ err: error }, "request failed");
    return sendError(reply, "INTERNAL");
  });
}
