import assert from "node:assert/strict";
import { nextPacificMidnight } from "../../src/keys/pacific_midnight.ts";

const at = (iso: string) => new Date(nextPacificMidnight(Date.parse(iso))).toISOString();

Deno.test("midnight in winter is 08:00 UTC, in summer 07:00 UTC", () => {
  assert.equal(at("2026-01-15T12:00:00Z"), "2026-01-16T08:00:00.000Z");
  assert.equal(at("2026-07-15T12:00:00Z"), "2026-07-16T07:00:00.000Z");
});

Deno.test("late evening in Pacific time is the next UTC day already", () => {
  // 23:30 PDT on July 15 is 06:30 UTC on July 16.
  assert.equal(at("2026-07-16T06:30:00Z"), "2026-07-16T07:00:00.000Z");
  // Exactly midnight: the next one.
  assert.equal(at("2026-07-16T07:00:00Z"), "2026-07-17T07:00:00.000Z");
});

Deno.test("the days the clocks change", () => {
  // 2026-03-08: clocks spring forward at 2 am; the midnight that starts that day is PST.
  assert.equal(at("2026-03-07T20:00:00Z"), "2026-03-08T08:00:00.000Z");
  // The midnight after it is PDT.
  assert.equal(at("2026-03-08T12:00:00Z"), "2026-03-09T07:00:00.000Z");
  // 2026-11-01: clocks fall back at 2 am; that day's first midnight is PDT, the next PST.
  assert.equal(at("2026-10-31T20:00:00Z"), "2026-11-01T07:00:00.000Z");
  assert.equal(at("2026-11-01T12:00:00Z"), "2026-11-02T08:00:00.000Z");
});
