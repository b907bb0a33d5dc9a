import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mayReadAttachments, mayWrite, type Reader, viewOf } from "./access.js";
import { REPORT_STATES } from "./schema.js";

const id = fc.uuid();
const reader = fc.record({ staff: fc.boolean(), organisationIds: fc.array(id, { maxLength: 3 }) });

describe("who reads and writes a report", () => {
  it("gives staff and the organisation's partners all of it, others only a published report's public part", () => {
    fc.assert(
      fc.property(reader, id, fc.constantFrom(...REPORT_STATES), (r: Reader, owner, state) => {
        const own = r.organisationIds.includes(owner);
        const view = viewOf(r, owner, state);
        if (r.staff || own) expect(view).toBe("full");
        else expect(view).toBe(state === "akkoord" ? "public" : undefined);
        // Only the organisation's own partners write; staff review but never edit.
        expect(mayWrite(r, owner)).toBe(own);
        expect(mayReadAttachments(r, owner)).toBe(r.staff || own);
      }),
    );
  });
});
