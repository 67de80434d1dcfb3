import { nodeSchema, type QueueConfig } from '../../model/index.ts';
import { toTopologyNode } from '../../store/convert.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { CheckboxField, FieldGroup, NumberField, PercentField, SelectField, TextField, type Choice } from '../inspector/fields.tsx';
import { applyIfValid, withOptional } from '../inspector/validation.ts';
import { AclFields } from '../inspector/AclFields.tsx';
import type { KindFormProps } from './form-props.ts';
import { useNodeChoices } from './linked-targets.ts';

type Overflow = QueueConfig['overflow'];

const ORDERING_OPTIONS: readonly Choice<QueueConfig['ordering']>[] = [
  {
    value: 'fifo',
    label: 'FIFO (strict)',
    hint: 'Strict arrival order: each message is dispatched only after every message that arrived before it.',
  },
  {
    value: 'best-effort',
    label: 'Best effort',
    hint: 'SQS Standard-like: now and then out of order, rarely twice.',
  },
  {
    value: 'per-group',
    label: 'Per group (by key)',
    hint: 'SQS FIFO MessageGroupId / Kafka key: order per key; while a key has a message unacknowledged, no other message of that key is dispatched.',
  },
];

/** SQS-2, said where a setting makes a queue SQS FIFO. */
const SQS_FIFO_NAME = 'Ordered per group, this makes it an SQS FIFO queue, whose name (its label) must end in .fifo (SQS-2).';

const DEDUPLICATION_OPTIONS: readonly Choice<QueueConfig['deduplication']>[] = [
  { value: 'none', label: 'None', hint: 'Every accepted message is delivered, repeats included.' },
  {
    value: 'message-id',
    label: 'By message id',
    hint: `SQS FIFO: a message whose id was accepted within the window is accepted again but not delivered. ${SQS_FIFO_NAME}`,
  },
  {
    value: 'content',
    label: 'By content',
    hint: `SQS FIFO content-based: a message whose content (key, headers, size) was accepted within the window is accepted again but not delivered — different messages with the same content are dropped too. ${SQS_FIFO_NAME}`,
  },
];

const OVERFLOW_OPTIONS: readonly Choice<Overflow>[] = [
  {
    value: 'drop-head',
    label: 'Drop head (oldest)',
    hint: 'Full: the oldest ready message is dropped to make room (dead-lettered if a target is set).',
  },
  {
    value: 'reject-publish',
    label: 'Reject publish',
    hint: 'Full: the new message is refused and its producer is told (counted as refused).',
  },
  {
    value: 'reject-publish-dlx',
    label: 'Reject publish + dead-letter',
    hint: 'Full: the new message is refused and also dead-lettered, so it is not silently gone.',
  },
  {
    value: 'block',
    label: 'Block publishers',
    hint: 'Full: publishes wait until there is room again (flow control): nothing is lost, senders slow down.',
  },
];

const NO_TARGET = '';

const DEAD_LETTER_KINDS = ['queue', 'topic', 'exchange'] as const;

export function QueueForm({ id, data }: KindFormProps<'queue'>) {
  const config = data.config;
  // Checked as the whole node: SQS-2 ties a queue's name (its label) to its ordering and deduplication.
  const commit = (candidate: unknown) => {
    const node = useTopologyStore.getState().nodes.find((n) => n.id === id);
    if (!node) return 'this node no longer exists';
    return applyIfValid(nodeSchema, { ...toTopologyNode(node), config: candidate }, (next) => {
      if (next.kind === 'queue') useTopologyStore.getState().updateNodeData(id, { ...data, config: next.config });
    });
  };
  // The queues, topics and exchanges this queue may dead-letter into.
  const targets = useNodeChoices(id, DEAD_LETTER_KINDS, true);
  const target = config.deadLetterTarget ?? NO_TARGET;
  const targetOptions: Choice<string>[] = [{ value: NO_TARGET, label: 'none — dead letters are lost' }, ...targets];
  // A target that is no longer a queue, topic or exchange on the canvas still shows, so the select never lies.
  if (target !== NO_TARGET && !targets.some((t) => t.value === target)) targetOptions.push({ value: target, label: `${target} (missing)` });
  const bounded = config.maxLength !== undefined || config.maxBytes !== undefined;
  const overflowHint = OVERFLOW_OPTIONS.find((o) => o.value === config.overflow)?.hint;

  return (
    <>
      <p className="mf-inspector__note">
        Connect several consumers to make them compete: each message goes to one of them, so per-consumer order is not
        end-to-end order.
      </p>
      <FieldGroup legend="Ordering" testId="group-ordering">
        <SelectField
          label="Dispatch order"
          value={config.ordering}
          options={ORDERING_OPTIONS}
          testId="field-ordering"
          onCommit={(ordering) => commit({ ...config, ordering })}
        />
        {config.ordering === 'best-effort' && (
          <div className="mf-field-row">
            <PercentField
              label="Out of order"
              fraction={config.outOfOrderProbability}
              hint="Chance a dispatch skips the head."
              testId="field-out-of-order"
              onCommit={(outOfOrderProbability) => commit({ ...config, outOfOrderProbability })}
            />
            <PercentField
              label="Twice"
              fraction={config.duplicateProbability}
              hint="Chance a dispatch is delivered again."
              testId="field-duplicate"
              onCommit={(duplicateProbability) => commit({ ...config, duplicateProbability })}
            />
          </div>
        )}
      </FieldGroup>
      <FieldGroup legend="Priority" testId="group-priority">
        <NumberField
          label="Max priority"
          value={config.maxPriority}
          optional
          placeholder="no priorities"
          hint="RMQ-P2 x-max-priority (1-255): higher-priority messages are dispatched first, in arrival order within a priority; a priority above this counts as this, none is 0. Producers set priorities in their RabbitMQ group."
          testId="field-max-priority"
          onCommit={(maxPriority) => commit(withOptional(config, 'maxPriority', maxPriority))}
        />
      </FieldGroup>
      <FieldGroup legend="Capacity" testId="group-capacity">
        <NumberField
          label="Max length"
          unit="msgs"
          value={config.maxLength}
          optional
          placeholder="unbounded"
          hint="RabbitMQ counts only ready messages toward max length: unacknowledged ones take no room."
          testId="field-max-length"
          onCommit={(maxLength) => commit(withOptional(config, 'maxLength', maxLength))}
        />
        <NumberField
          label="Max bytes"
          unit="bytes"
          value={config.maxBytes}
          optional
          placeholder="unbounded"
          hint="The sizes of the ready messages added up (each producer sets its message size)."
          testId="field-max-bytes"
          onCommit={(maxBytes) => commit(withOptional(config, 'maxBytes', maxBytes))}
        />
        <NumberField
          label="Max message size"
          unit="bytes"
          value={config.maxMessageBytes}
          optional
          placeholder="no limit"
          hint="SQS-6: a larger message is refused and its producer told (counted as too large). SQS allows 1 MiB (1048576 bytes) today; older material says 256 KiB (262144 bytes)."
          testId="field-max-message-bytes"
          onCommit={(maxMessageBytes) => commit(withOptional(config, 'maxMessageBytes', maxMessageBytes))}
        />
        <SelectField
          label="When full"
          value={config.overflow}
          options={OVERFLOW_OPTIONS}
          hint={bounded ? overflowHint : `${overflowHint ?? ''} Applies once a max length or max bytes is set.`}
          testId="field-overflow"
          onCommit={(overflow) => commit({ ...config, overflow })}
        />
      </FieldGroup>
      <FieldGroup legend="Acknowledgement" testId="group-ack">
        <NumberField
          label="Ack timeout"
          unit="ms"
          value={config.ackTimeoutMs}
          optional
          placeholder="for ever"
          hint="SQS: a received, undeleted message becomes visible again after the visibility timeout — the classic duplicate."
          testId="field-ack-timeout"
          onCommit={(ackTimeoutMs) => commit(withOptional(config, 'ackTimeoutMs', ackTimeoutMs))}
        />
        <NumberField
          label="Max deliveries"
          unit="times"
          value={config.maxDeliveries}
          optional
          placeholder="unlimited"
          hint="A message delivered this many times is dead-lettered (delivery-limit) instead of redelivered again."
          testId="field-max-deliveries"
          onCommit={(maxDeliveries) => commit(withOptional(config, 'maxDeliveries', maxDeliveries))}
        />
      </FieldGroup>
      <FieldGroup legend="Expiry" testId="group-expiry">
        <NumberField
          label="Message TTL"
          unit="ms"
          value={config.messageTtlMs}
          optional
          placeholder="none"
          hint="A message older than this expires (dead-lettered if a target is set); a producer's lower TTL wins."
          testId="field-message-ttl"
          onCommit={(messageTtlMs) => commit(withOptional(config, 'messageTtlMs', messageTtlMs))}
        />
        <NumberField
          label="Retention"
          unit="ms"
          value={config.retentionMs}
          optional
          placeholder="for ever"
          hint="SQS deletes a message older than this — it is not dead-lettered (SQS: 4 days by default, 1 min to 14 days)."
          testId="field-retention"
          onCommit={(retentionMs) => commit(withOptional(config, 'retentionMs', retentionMs))}
        />
        <NumberField
          label="Delivery delay"
          unit="ms"
          value={config.delayMs}
          hint="SQS DelaySeconds: a message is invisible for this long after it arrives (0-900 s in SQS)."
          testId="field-delay"
          onCommit={(delayMs) => commit({ ...config, delayMs })}
        />
      </FieldGroup>
      <FieldGroup legend="Durability" testId="group-durability">
        <CheckboxField
          label="Durable"
          checked={config.durable}
          hint="RMQ-Q2: a durable queue keeps persistent messages across a crash; everything else is lost, and a transient queue is deleted at its restart, with its bindings."
          testId="field-durable"
          onCommit={(durable) => commit({ ...config, durable })}
        />
      </FieldGroup>
      <FieldGroup legend="Deduplication" testId="group-deduplication">
        <SelectField
          label="Deduplicate"
          value={config.deduplication}
          options={DEDUPLICATION_OPTIONS}
          testId="field-deduplication"
          onCommit={(deduplication) => commit({ ...config, deduplication })}
        />
        {config.deduplication !== 'none' && (
          <NumberField
            label="Window"
            unit="ms"
            value={config.dedupWindowMs}
            hint="SQS FIFO: a message whose id or content was accepted within the window is accepted again but not delivered (SQS: 300000 ms = 5 min)."
            testId="field-queue-dedup-window"
            onCommit={(dedupWindowMs) => commit({ ...config, dedupWindowMs })}
          />
        )}
      </FieldGroup>
      <FieldGroup legend="Dead letters" testId="group-dead-letters">
        <SelectField
          label="Target"
          value={target}
          options={targetOptions}
          hint="Rejected, expired, over-delivered and overflowed messages are re-published to this queue, topic or exchange (a dead-letter exchange routes them by their key)."
          testId="field-dead-letter-target"
          onCommit={(next) =>
            // No target: the routing key goes too, so nothing hidden stays behind.
            commit(next === NO_TARGET ? withOptional(withOptional(config, 'deadLetterTarget', undefined), 'deadLetterRoutingKey', undefined) : { ...config, deadLetterTarget: next })
          }
        />
        {target !== NO_TARGET && (
          <TextField
            label="Dead-letter routing key"
            value={config.deadLetterRoutingKey ?? ''}
            placeholder="the message's own key"
            hint="RMQ-D1: dead letters are republished with this routing key if it is set, else with their original key."
            testId="field-dead-letter-routing-key"
            onCommit={(key) => commit(withOptional(config, 'deadLetterRoutingKey', key === '' ? undefined : key))}
          />
        )}
      </FieldGroup>
      <AclFields id={id} acl={config.acl} receivers onCommit={(acl) => commit(withOptional(config, 'acl', acl))} />
    </>
  );
}
