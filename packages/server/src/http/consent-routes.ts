/**
 * The visitor's side of the ledger: `POST /v1/consents` (one proof, from the SDK's beacon) and
 * `GET /v1/consents/:subjectId` (that subject's own decisions). Mounted under `/v1`, with CORS
 * for the site's origins only.
 */
import { type ConsentRecord, canonicalJson, consentRecordIssues, type MacaronConfig } from "@macaron/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { categoryIssuesAgainst, type PolicyRevisions } from "../policy-revisions.ts";
import type { ProofSink } from "../proof-writer.ts";
import type { IpPseudonymiser } from "../pseudonymise-ip.ts";
import type { AppendResult, LedgerStore, ProofInput, StoredProof } from "../store/ledger-store.ts";
import { parseConsentBody } from "./consent-body.ts";
import { httpError } from "./errors.ts";

/** The issue's limit on a proof's body. */
export const MAX_RECORD_BYTES = 8 * 1024;
const MAX_USER_AGENT_LENGTH = 512;
const UUID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

export interface ConsentRoutesOptions {
  readonly config: MacaronConfig;
  readonly store: LedgerStore;
  readonly revisions: PolicyRevisions;
  readonly writer: ProofSink;
  readonly pseudonymiser: IpPseudonymiser;
  readonly origins: readonly string[];
  /** Proofs per client and window on `POST /v1/consents`; false: no limit (benchmarks). */
  readonly rateLimit: false | { readonly max: number; readonly timeWindow: number | string };
  readonly now?: () => Date;
}

function checkOrigin(request: FastifyRequest, record: ConsentRecord, origins: readonly string[]): void {
  const header = request.headers.origin;
  if (header !== undefined && !origins.includes(header)) {
    throw httpError("ORIGIN_NOT_ALLOWED", `the origin ${header} may not send consent proofs`);
  }
  if (!origins.includes(record.origin)) {
    throw httpError("ORIGIN_NOT_ALLOWED", `the record's origin ${record.origin} is not one of the site's`, {
      path: "origin",
    });
  }
}

/** The record as the policy revision it names must agree with; throws the first disagreement. */
async function checkAgainstPolicy(
  record: ConsentRecord,
  options: ConsentRoutesOptions,
  now: Date,
): Promise<string> {
  const match = await options.revisions.match(record);
  if (!match.ok) {
    throw httpError(match.code, match.message, {
      path: match.code === "UNKNOWN_REVISION" ? "revision" : "noticeHash",
    });
  }
  const issues = match.current
    ? consentRecordIssues(record, options.config, now)
    : categoryIssuesAgainst(record, match.revision);
  const problem = issues.find((issue) => issue.severity === "error");
  if (problem)
    throw httpError("RECORD_INCONSISTENT", `${problem.path}: ${problem.message}`, { path: problem.path });
  return match.revision.contentHash;
}

async function durably(writer: ProofSink, proof: ProofInput, request: FastifyRequest): Promise<AppendResult> {
  try {
    return await writer.write(proof);
  } catch (error) {
    request.log.error({ err: error }, "the ledger could not append a proof");
    throw httpError("STORE_UNAVAILABLE");
  }
}

function visitorView(proof: StoredProof) {
  return {
    recordId: proof.record.id,
    record: proof.record,
    receivedAt: proof.receivedAt,
    policyHash: proof.policyHash,
    hash: proof.hash,
  };
}

export async function consentRoutes(app: FastifyInstance, options: ConsentRoutesOptions): Promise<void> {
  const now = options.now ?? (() => new Date());
  // The SDK's beacon sends text/plain (no CORS preflight); both types are read as raw bytes, so
  // that encoding, JSON and the record are checked here, each with its own error.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    ["application/json", "text/plain"],
    { parseAs: "buffer", bodyLimit: MAX_RECORD_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.post(
    "/consents",
    {
      bodyLimit: MAX_RECORD_BYTES,
      config: options.rateLimit === false ? {} : { rateLimit: options.rateLimit },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw httpError("INVALID_JSON", "the body is empty");
      const record = parseConsentBody(request.body);
      const receivedAt = now();
      checkOrigin(request, record, options.origins);
      const policyHash = await checkAgainstPolicy(record, options, receivedAt);
      const userAgent = request.headers["user-agent"]?.slice(0, MAX_USER_AGENT_LENGTH) ?? null;
      const proof: ProofInput = {
        record,
        receivedAt: receivedAt.toISOString(),
        policyHash,
        ipHash: await options.pseudonymiser.pseudonymise(request.ip, receivedAt),
        userAgent,
      };
      const result = await durably(options.writer, proof, request);
      if (result.duplicate) {
        const stored = await options.store.proof(record.id);
        if (stored && canonicalJson(stored.record) !== canonicalJson(record)) {
          throw httpError("RECORD_CONFLICT", `another record with id ${record.id} is already stored`, {
            path: "id",
          });
        }
      }
      return reply.code(result.duplicate ? 200 : 201).send({ recordId: result.recordId, hash: result.hash });
    },
  );

  app.get<{ Params: { subjectId: string } }>(
    "/consents/:subjectId",
    {
      schema: {
        params: {
          type: "object",
          properties: { subjectId: { type: "string", pattern: UUID } },
          required: ["subjectId"],
        },
      },
    },
    async (request, reply) => {
      const history = await options.store.subjectHistory(request.params.subjectId);
      reply.header("cache-control", "no-store");
      return { subjectId: request.params.subjectId, decisions: history.map(visitorView) };
    },
  );
}
