import { consumerConfigSchema, type ConsumerConfig } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { DistributionField } from '../inspector/DistributionField.tsx';
import { CheckboxField, FieldGroup, NumberField, PercentField, RadioField, type Choice } from '../inspector/fields.tsx';
import { applyIfValid, withOptional } from '../inspector/validation.ts';
import type { KindFormProps } from './form-props.ts';
import { InvalidMessageFields } from './InvalidMessageFields.tsx';

const ACK_OPTIONS: readonly Choice<ConsumerConfig['ack']>[] = [
  {
    value: 'auto',
    label: 'Auto (on delivery)',
    hint: 'At-most-once: the queue forgets a message as soon as it dispatches it, so a failure loses it.',
  },
  {
    value: 'after-processing',
    label: 'After processing',
    hint: 'At-least-once: the consumer acks when it finishes; a failure or ack timeout brings the message back.',
  },
];

const ON_FAILURE_OPTIONS: readonly Choice<ConsumerConfig['onFailure']>[] = [
  {
    value: 'requeue',
    label: 'Requeue (nack)',
    hint: 'The queue makes it ready again and redelivers it, flagged redelivered — maybe to another consumer, out of order.',
  },
  {
    value: 'reject',
    label: 'Reject',
    hint: "Not requeued: it goes to the queue's dead-letter target, or is lost if there is none.",
  },
  {
    value: 'crash',
    label: 'Crash',
    hint: 'The consumer dies holding everything unacked — its queue takes those back, redelivered — and restarts after the given time.',
  },
];

const RECEIVE_OPTIONS: readonly Choice<ConsumerConfig['receive']>[] = [
  { value: 'push', label: 'Pushed', hint: 'Event-driven (NOTIFY): the queue hands messages over as they come, as its prefetch allows.' },
  {
    value: 'poll',
    label: 'Polls',
    hint: 'GET/POLL (SQS ReceiveMessage): asks every interval for up to a batch; with a wait it holds the request open until a first message exists (long polling), else an empty queue answers nothing.',
  },
];

export function ConsumerForm({ id, data }: KindFormProps<'consumer'>) {
  const config = data.config;
  const commit = (candidate: unknown) =>
    applyIfValid(consumerConfigSchema, candidate, (next) => useTopologyStore.getState().updateNodeData(id, { ...data, config: next }));
  return (
    <>
      <DistributionField
        legend="Processing time"
        value={config.processingMs}
        testId="field-processing"
        onCommit={(processingMs) => commit({ ...config, processingMs })}
      />
      <NumberField
        label="Concurrency"
        unit="at once"
        value={config.concurrency}
        hint="Messages processed in parallel."
        testId="field-concurrency"
        onCommit={(concurrency) => commit({ ...config, concurrency })}
      />
      <NumberField
        label="Prefetch"
        unit="msgs"
        value={config.prefetch}
        hint="Unacknowledged messages a queue may hand over; 0 = unlimited."
        testId="field-prefetch"
        onCommit={(prefetch) => commit({ ...config, prefetch })}
      />
      <FieldGroup legend="Receiving" testId="group-receiving">
        <RadioField
          label="From a queue"
          value={config.receive}
          options={RECEIVE_OPTIONS}
          testId="field-receive"
          onCommit={(receive) => commit({ ...config, receive })}
        />
        {config.receive === 'poll' && (
          <>
            <NumberField
              label="Poll every"
              unit="ms"
              value={config.pollIntervalMs}
              hint="How often it asks each queue it is linked from."
              testId="field-poll-interval"
              onCommit={(pollIntervalMs) => commit({ ...config, pollIntervalMs })}
            />
            <div className="mf-field-row">
              <NumberField
                label="Batch"
                unit="msgs"
                value={config.batchSize}
                hint="SQS-5: 1 to 10 per receive."
                testId="field-batch-size"
                onCommit={(batchSize) => commit({ ...config, batchSize })}
              />
              <NumberField
                label="Wait"
                unit="ms"
                value={config.waitTimeMs}
                hint="Long polling: 0 to 20000."
                testId="field-wait-time"
                onCommit={(waitTimeMs) => commit({ ...config, waitTimeMs })}
              />
            </div>
          </>
        )}
      </FieldGroup>
      <FieldGroup legend="Acknowledgement" testId="group-consumer-ack">
        <RadioField
          label="Acknowledge"
          value={config.ack}
          options={ACK_OPTIONS}
          testId="field-ack"
          onCommit={(ack) => commit({ ...config, ack })}
        />
      </FieldGroup>
      <FieldGroup legend="Failures" testId="group-failures">
        <PercentField
          label="Failure chance"
          fraction={config.failureProbability}
          hint="Chance that processing one message fails."
          testId="field-failure"
          onCommit={(failureProbability) => commit({ ...config, failureProbability })}
        />
        <RadioField
          label="On failure"
          value={config.onFailure}
          options={ON_FAILURE_OPTIONS}
          testId="field-on-failure"
          onCommit={(onFailure) => commit({ ...config, onFailure })}
        />
        {config.onFailure === 'crash' && (
          <NumberField
            label="Restart after"
            unit="ms"
            value={config.crashRestartMs}
            hint="How long the crashed consumer is down before it restarts."
            testId="field-crash-restart"
            onCommit={(crashRestartMs) => commit({ ...config, crashRestartMs })}
          />
        )}
        {config.ack === 'auto' && (
          <p className="mf-fieldset__note">With auto ack the queue has already let go of the message, so a failed one is lost.</p>
        )}
      </FieldGroup>
      <FieldGroup legend="Idempotent receiver" testId="group-idempotent">
        <CheckboxField
          label="Skip messages already processed"
          checked={config.idempotent}
          hint="Remembers processed message ids and acks a repeat without processing it again (counted as suppressed)."
          testId="field-idempotent"
          onCommit={(idempotent) => commit({ ...config, idempotent })}
        />
        {config.idempotent && (
          <NumberField
            label="Remember for"
            unit="ms"
            value={config.dedupWindowMs}
            optional
            placeholder="for ever"
            hint="A repeat that arrives after this window is processed again (a duplicate)."
            testId="field-dedup-window"
            onCommit={(dedupWindowMs) => commit(withOptional(config, 'dedupWindowMs', dedupWindowMs))}
          />
        )}
      </FieldGroup>
      <InvalidMessageFields id={id} value={config.invalidMessage} onCommit={(next) => commit(withOptional(config, 'invalidMessage', next))} />
    </>
  );
}
