import type { NatsSubscription } from '../../model/index.ts';
import { FieldGroup, TextField, type Commit } from './fields.tsx';
import { ListMessage } from './row-list.tsx';

/**
 * The subscription to keep on the edge from what the two boxes say, trimmed: none without a
 * subject (the consumer then receives nothing), and no queue group for an empty group box.
 */
export function natsSubscriptionOf(subject: string, queueGroup: string): NatsSubscription | undefined {
  const s = subject.trim();
  const group = queueGroup.trim();
  if (s === '') return undefined;
  return group === '' ? { subject: s } : { subject: s, queueGroup: group };
}

/** The subscription in a few words for the link's label on the canvas: "jobs.* · group workers". */
export function natsSubscriptionSummary(subscription: NatsSubscription | undefined): string {
  if (!subscription) return '';
  return subscription.queueGroup === undefined ? subscription.subject : `${subscription.subject} · group ${subscription.queueGroup}`;
}

/**
 * A consumer's subscription at the NATS server its link comes from: a subject with
 * wildcards (N-2), and optionally a queue group it shares messages in (N-3). Each box is
 * checked with the whole edge by the file format's schema.
 */
export function NatsSubscriptionFields({ subscription, onCommit }: {
  subscription: NatsSubscription | undefined;
  /** Gets the whole edited subscription (undefined: none); returns the problem to show, or undefined once applied. */
  onCommit: Commit<NatsSubscription | undefined>;
}) {
  const subject = subscription?.subject ?? '';
  const queueGroup = subscription?.queueGroup ?? '';
  return (
    <FieldGroup
      legend="Subscription"
      testId="group-nats-subscription"
      note="The subject this consumer subscribes to at the NATS server. Core NATS keeps nothing: what it misses while absent is gone (N-1)."
    >
      <TextField
        label="Subject"
        value={subject}
        placeholder="e.g. orders.*.created"
        hint="Tokens separated by dots: * is exactly one token, > (last only) one or more (N-2)."
        testId="field-nats-subject"
        onCommit={(text) => onCommit(natsSubscriptionOf(text, queueGroup))}
      />
      <TextField
        label="Queue group"
        value={queueGroup}
        placeholder="none: every message"
        hint="Subscribers in the same queue group share its messages: each goes to one member, drawn at random; plain subscribers still get every one (N-3)."
        testId="field-nats-queue-group"
        onCommit={(text) => (subject === '' && text.trim() !== '' ? 'set a subject first' : onCommit(natsSubscriptionOf(subject, text)))}
      />
      <ListMessage warning={subscription ? undefined : 'No subject: this consumer receives nothing from the server.'} testId="nats-sub" />
    </FieldGroup>
  );
}
