#!/usr/bin/env node
// `npm test`: typecheck, lint, Vitest, then Playwright against the built app. Every stage
// runs even if an earlier one failed, so one run shows everything that is wrong. The last
// line is the total across all suites: "N passed, N failed[, N skipped]" (typecheck and
// lint count as one check each).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const RESULTS = 'test-results';
rmSync(`${RESULTS}/vitest.json`, { force: true });
rmSync(`${RESULTS}/playwright.json`, { force: true });
mkdirSync(RESULTS, { recursive: true });

// No stage may hang the run: one that takes longer than this is stopped and counts as failed.
const STAGE_LIMIT_MS = 15 * 60 * 1000;

function run(title, command, args) {
  process.stdout.write(`\n=== ${title}: ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', timeout: STAGE_LIMIT_MS, killSignal: 'SIGKILL' });
  if (result.error?.code === 'ETIMEDOUT') process.stdout.write(`\n${title}: stopped after ${STAGE_LIMIT_MS / 60000} minutes\n`);
  return result.status === 0;
}

function readJson(file) {
  try {
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
  } catch {
    return undefined;
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

function check(name, ok) {
  if (ok) totals.passed++;
  else {
    totals.failed++;
    problems.push(name);
  }
}

check('typecheck', run('typecheck', 'npm', ['run', '--silent', 'typecheck']));
check('lint', run('lint', 'npm', ['run', '--silent', 'lint']));

const vitestOk = run('unit and property tests', 'npx', [
  'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}/vitest.json`,
]);
const vitest = readJson(`${RESULTS}/vitest.json`);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
  if (!vitestOk && vitest.numFailedTests === 0) check('vitest (suite error)', false);
  if (vitest.numFailedTests > 0) problems.push(`vitest (${vitest.numFailedTests})`);
} else check('vitest (no report)', false);

const playwrightOk = run('end-to-end tests', 'npx', ['playwright', 'test']);
const playwright = readJson(`${RESULTS}/playwright.json`);
if (playwright?.stats) {
  const s = playwright.stats;
  totals.passed += s.expected + s.flaky;
  totals.failed += s.unexpected;
  totals.skipped += s.skipped;
  if (!playwrightOk && s.unexpected === 0) check('playwright (run error)', false);
  if (s.unexpected > 0) problems.push(`playwright (${s.unexpected})`);
} else check('playwright (no report)', false);

const line = `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`;
writeFileSync(`${RESULTS}/summary.txt`, line + '\n');
if (problems.length) process.stdout.write(`\nFailed: ${problems.join(', ')}\n`);
process.stdout.write(`\n${line}\n`);
process.exitCode = totals.failed > 0 ? 1 : 0;
