import type { Condition } from '../../model/index.ts';
import { conditionSummary } from '../inspector/condition-text.ts';

// The one-line summaries under a router's counters (names are node labels, else ids).

/** "3 rules · default → other", or "no rules · else unroutable". */
export function contentRouterSummary(ruleCount: number, defaultName: string | undefined): string {
  const rules = ruleCount === 0 ? 'no rules' : ruleCount === 1 ? '1 rule' : `${ruleCount} rules`;
  return `${rules} · ${defaultName === undefined ? 'else unroutable' : `default → ${defaultName}`}`;
}

/** "accept key order.* · region=eu", or "accept everything". */
export function messageFilterSummary(accept: Condition): string {
  const empty = accept.key === undefined && Object.keys(accept.headers).length === 0;
  return empty ? 'accept everything' : `accept ${conditionSummary(accept)}`;
}

/** "→ billing, audit", or "→ every output" when none is listed. */
export function recipientListSummary(names: readonly string[]): string {
  return names.length === 0 ? '→ every output' : `→ ${names.join(', ')}`;
}

/** "tap → log", or what happens without a tap. */
export function wireTapSummary(tapName: string | undefined): string {
  return tapName === undefined ? 'no tap yet: all goes on' : `tap → ${tapName}`;
}
