import { describe, expect, it } from "vitest";
import { consentRecordSchema } from "./consent-record.ts";
import { randomUuid, timeOrderedUuid } from "./uuid.ts";

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-([0-9a-f])[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("randomUuid", () => {
  it("is a version 4 UUID, different every time", () => {
    const ids = new Set(Array.from({ length: 1000 }, randomUuid));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(UUID_SHAPE.exec(id)?.[1]).toBe("4");
  });
});

describe("timeOrderedUuid", () => {
  it("is a version 7 UUID whose first 48 bits are the Unix time in milliseconds", () => {
    const at = Date.UTC(2026, 11, 7, 1, 2, 3, 456);
    const id = timeOrderedUuid(at);
    expect(UUID_SHAPE.exec(id)?.[1]).toBe("7");
    expect(Number.parseInt(id.replaceAll("-", "").slice(0, 12), 16)).toBe(at);
  });

  it("sorts ids made in later milliseconds after earlier ones, as text", () => {
    const start = Date.UTC(2026, 0, 1);
    const ids = Array.from({ length: 200 }, (_, index) => timeOrderedUuid(start + index * 7));
    expect([...ids].sort()).toEqual(ids);
  });

  it("keeps 74 random bits: ids of the same millisecond differ", () => {
    const at = Date.now();
    expect(new Set(Array.from({ length: 1000 }, () => timeOrderedUuid(at))).size).toBe(1000);
  });

  it("is accepted as a proof id by the consent record schema", () => {
    expect(consentRecordSchema.shape.id.safeParse(timeOrderedUuid()).success).toBe(true);
    expect(consentRecordSchema.shape.subjectId.safeParse(randomUuid()).success).toBe(true);
  });
});
