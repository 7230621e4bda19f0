/**
 * The time a heavy unit test may take: a PDF read through pdf.js, or a property run of hundreds of random
 * cases. Idle, each takes well under 2 s; on a busy 2-core CI machine ten times that, past vitest's 5 s default.
 * A real hang still fails: one minute is far beyond any honest run.
 */
export const HEAVY = { timeout: 60_000 };
