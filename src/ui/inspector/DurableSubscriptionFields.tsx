import type { TopologyEdge } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { CheckboxField, FieldGroup, NumberField } from './fields.tsx';

type DurableSubscription = TopologyEdge['durableSubscription'];

/** What a new durable subscription keeps at most (the model's default). */
const DEFAULT_MAX_QUEUED = 1_000;

/**
 * EIP Durable Subscriber, on a link from a topic: whether the topic keeps what is published
 * while the subscriber is down. A queue keeps its messages by itself, so a link to a queue
 * shows nothing.
 */
export function DurableSubscriptionFields({ targetId, value, onCommit }: {
  targetId: string;
  value: DurableSubscription;
  /** The setting to apply, or undefined for none (a candidate for the schema); returns its problem, if any. */
  onCommit: (next: unknown) => string | undefined;
}) {
  const toQueue = useTopologyStore((s) => s.nodes.find((n) => n.id === targetId)?.data.kind === 'queue');
  if (toQueue) return null;
  return (
    <FieldGroup legend="Subscription" testId="group-durable-subscription">
      <CheckboxField
        label="Durable subscription"
        checked={value !== undefined}
        hint="Once subscribed (the link open), what is published while the subscriber is down is kept and sent, in order, when it is back. Not durable: it misses that (lost:subscriber-offline)."
        testId="field-durable-subscription"
        onCommit={(on) => onCommit(on ? { maxQueued: DEFAULT_MAX_QUEUED } : undefined)}
      />
      {value && (
        <NumberField
          label="Keep at most"
          unit="msgs"
          value={value.maxQueued}
          hint="Past this, the oldest kept message is dropped (lost:overflow)."
          testId="field-durable-max-queued"
          onCommit={(maxQueued) => onCommit({ maxQueued })}
        />
      )}
    </FieldGroup>
  );
}
