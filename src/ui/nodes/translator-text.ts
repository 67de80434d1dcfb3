import type { ClaimCheckConfig, ContentEnricherConfig, ContentFilterConfig, EnvelopeWrapperConfig, TranslatorConfig } from '../../model/index.ts';
import { distributionSummary, formatBytes, formatDuration, formatNumber } from '../format.ts';

// The one-line summaries under a translator's counters, and its average size out.

/** The average size of what a translator sent on, in whole bytes (0 before anything went). */
export function averageSize(stats: { out: number; bytesOut: number } | undefined): number {
  return stats && stats.out > 0 ? Math.round(stats.bytesOut / stats.out) : 0;
}

/** A size change in a few characters: "×0.5 +10 B", "−100 B", "" (unchanged). */
export function sizeChangeSummary(factor: number, addBytes: number): string {
  const parts: string[] = [];
  if (factor !== 1) parts.push(`×${formatNumber(factor)}`);
  if (addBytes > 0) parts.push(`+${formatBytes(addBytes)}`);
  if (addBytes < 0) parts.push(`−${formatBytes(-addBytes)}`);
  return parts.join(' ');
}

/** "old→new · −secret · set id, type · size ×0.5 · key eu.{key}", or "passes unchanged". */
export function translatorSummary(c: TranslatorConfig): string {
  const parts: string[] = [];
  const renames = Object.entries(c.renameHeaders).map(([from, to]) => `${from}→${to}`);
  if (renames.length > 0) parts.push(renames.join(', '));
  if (c.removeHeaders.length > 0) parts.push(`−${c.removeHeaders.join(', ')}`);
  const set = Object.keys(c.setHeaders);
  if (set.length > 0) parts.push(`set ${set.join(', ')}`);
  const size = sizeChangeSummary(c.sizeFactor, c.sizeAddBytes);
  if (size !== '') parts.push(`size ${size}`);
  if (c.key !== undefined) parts.push(`key ${c.key}`);
  return parts.length === 0 ? 'passes unchanged' : parts.join(' · ');
}

/** "lookup 20 ms · 4 at once · fails 5% · +customer · +200 B". */
export function contentEnricherSummary(c: ContentEnricherConfig): string {
  const parts = [`lookup ${distributionSummary(c.lookupMs)}`, `${c.concurrency} at once`];
  if (c.failureProbability > 0) parts.push(`fails ${formatNumber(c.failureProbability * 100)}%`);
  const added = Object.keys(c.addHeaders);
  if (added.length > 0) parts.push(`+${added.join(', ')}`);
  if (c.addBytes > 0) parts.push(`+${formatBytes(c.addBytes)}`);
  return parts.join(' · ');
}

/** "keep id, type · body ×0.25 · ≤64 B", "remove secret", "removes nothing". */
export function contentFilterSummary(c: ContentFilterConfig): string {
  const parts: string[] = [];
  if (c.headerMode === 'keep') parts.push(c.headers.length === 0 ? 'keep no headers' : `keep ${c.headers.join(', ')}`);
  else if (c.headers.length > 0) parts.push(`remove ${c.headers.join(', ')}`);
  if (c.sizeFactor !== 1) parts.push(`body ×${formatNumber(c.sizeFactor)}`);
  if (c.maxBodyBytes !== undefined) parts.push(`≤${formatBytes(c.maxBodyBytes)}`);
  return parts.length === 0 ? 'removes nothing' : parts.join(' · ');
}

/** "wrap +64 B · type, route", or "unwrap". */
export function envelopeWrapperSummary(c: EnvelopeWrapperConfig): string {
  if (c.mode === 'unwrap') return 'unwrap: takes the outer envelope off';
  const names = Object.keys(c.headers);
  return [`wrap +${formatBytes(c.envelopeBytes)}`, ...(names.length > 0 ? [names.join(', ')] : [])].join(' · ');
}

/** "check in → blobs · token 64 B · keep 5 s · durable", "check out ← blobs · keeps the body". */
export function claimCheckSummary(c: ClaimCheckConfig): string {
  if (c.mode === 'check-out') return [`check out ← ${c.store}`, ...(c.removeOnCheckOut ? [] : ['keeps the body'])].join(' · ');
  const parts = [`check in → ${c.store}`, `token ${formatBytes(c.tokenBytes)}`];
  if (c.storeRetentionMs !== undefined) parts.push(`keep ${formatDuration(c.storeRetentionMs)}`);
  if (c.durableStore) parts.push('durable');
  return parts.join(' · ');
}
