// One seed per test for everything random in it (kill moments, fast-check runs): chosen fresh each
// run, or taken from ZMGR_TEST_SEED to replay a failure. A failing test prints its seed.
import { onTestFailed } from "vitest";

export interface TestSeed {
  seed: number;
  /** Uniform in [0, 1), the same sequence for the same seed (mulberry32). */
  random: () => number;
}

/**
 * The seed for the CALLING test (must be called inside a test): `ZMGR_TEST_SEED` (or the older
 * `RELIABILITY_SEED`) when set, else a fresh one. On failure the test prints how to replay it.
 */
export function testSeed(): TestSeed {
  const given = process.env.ZMGR_TEST_SEED ?? process.env.RELIABILITY_SEED;
  const seed = given === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(given);
  if (!Number.isInteger(seed)) throw new Error(`ZMGR_TEST_SEED must be an integer, got ${given}`);
  onTestFailed(({ task }) => {
    console.error(`${task.name}: failed with seed ${seed}; replay with ZMGR_TEST_SEED=${seed}`);
  });
  return { seed, random: mulberry32(seed) };
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
