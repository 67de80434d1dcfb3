import { describe, expect, it } from 'vitest';
import { nodeSchema } from './schema.ts';
import { FLAVOUR_PRESETS, presetById } from './presets.ts';

describe('flavour presets', () => {
  it.each(FLAVOUR_PRESETS.map((p) => [p.id, p] as const))('%s is a valid node of its kind', (_id, preset) => {
    const parsed = nodeSchema.safeParse({ id: 'n', kind: preset.kind, config: preset.config, ...(preset.nodeLabel === undefined ? {} : { label: preset.nodeLabel }) });
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('have unique ids', () => {
    expect(new Set(FLAVOUR_PRESETS.map((p) => p.id)).size).toBe(FLAVOUR_PRESETS.length);
  });

  it('RMQ-D2: a quorum queue dead-letters past 20 redeliveries (21 deliveries); a classic queue redelivers forever', () => {
    expect(presetById('rabbitmq-quorum-queue')!.config.maxDeliveries).toBe(21);
    expect(presetById('rabbitmq-classic-queue')!.config.maxDeliveries).toBeUndefined();
  });

  it('SQS-2, SQS-3, SQS-4, SQS-6: FIFO orders per group, dedups for 5 minutes; both SQS queues have a 30 s visibility timeout and 1 MiB messages', () => {
    const fifo = presetById('sqs-fifo-queue')!.config;
    expect(fifo).toMatchObject({ ordering: 'per-group', deduplication: 'message-id', dedupWindowMs: 300_000 });
    for (const id of ['sqs-fifo-queue', 'sqs-standard-queue']) {
      expect(presetById(id)!.config).toMatchObject({ ackTimeoutMs: 30_000, maxMessageBytes: 1_048_576, retentionMs: 345_600_000 });
    }
    expect(presetById('sqs-standard-queue')!.config.ordering).toBe('best-effort');
  });
});
