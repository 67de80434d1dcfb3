import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';
import { loadTopology, type Topology } from '../../model/index.ts';

/**
 * Test support for the exporters' golden files: each expected output lives in this
 * folder, named by format and scenario. `UPDATE_GOLDEN=1 npx vitest run src/export`
 * rewrites them after an intended change (review the diff before committing).
 */
export function expectGolden(relativePath: string, actual: string): void {
  const file = new URL(relativePath, import.meta.url);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.CI && process.env.UPDATE_GOLDEN !== '1') throw new Error(`golden file ${relativePath} is missing`);
    mkdirSync(dirname(file.pathname), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(actual, `differs from golden file src/export/golden/${relativePath} (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(file, 'utf8'));
}

/** A shipped scenario by file stem, e.g. `05-topic-routing`, through the load pipeline. */
export function shippedScenario(stem: string): Topology {
  const result = loadTopology(readFileSync(new URL(`../../../public/scenarios/${stem}.json`, import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(`scenario ${stem} does not load`);
  return result.topology;
}
