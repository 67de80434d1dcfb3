#!/usr/bin/env node
// .ci/run: adds the fidelity suite's Vitest JSON report to `npm test`'s totals line and
// prints the combined "N passed, N failed[, N skipped]". A missing report counts as one
// failure, so a suite that did not run cannot pass. Exits 1 when anything failed.
import { existsSync, readFileSync } from 'node:fs';

const [summaryFile, fidelityFile] = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };

const summary = existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8').trim().split('\n').at(-1) : undefined;
const match = summary && /^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/.exec(summary);
if (match) {
  totals.passed += Number(match[1]);
  totals.failed += Number(match[2]);
  totals.skipped += Number(match[3] ?? 0);
} else totals.failed++;

let fidelity;
try {
  fidelity = JSON.parse(readFileSync(fidelityFile, 'utf8'));
} catch {
  fidelity = undefined;
}
if (fidelity) {
  totals.passed += fidelity.numPassedTests;
  totals.failed += fidelity.numFailedTests;
  totals.skipped += fidelity.numPendingTests + fidelity.numTodoTests;
  // A file that failed to load has no tests to count: count the suite as one failure.
  if (fidelity.numFailedTests === 0 && fidelity.numFailedTestSuites > 0) totals.failed++;
} else totals.failed++;

console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exitCode = totals.failed > 0 ? 1 : 0;
