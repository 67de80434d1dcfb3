import { useState, type CSSProperties, type ReactNode } from 'react';
import { headersSchema, producerConfigSchema, type Distribution, type ProducerConfig, type Qos, type Rate } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { DistributionField } from '../inspector/DistributionField.tsx';
import { CheckboxField, FieldGroup, NumberField, RadioField, SelectField, TextAreaField, TextField, type Choice } from '../inspector/fields.tsx';
import { applyIfValid, withOptional } from '../inspector/validation.ts';
import type { KindFormProps } from './form-props.ts';

const RATE_OPTIONS = [
  { value: 'constant', label: 'Constant (evenly spaced)' },
  { value: 'poisson', label: 'Poisson (random arrivals)' },
  { value: 'bursts', label: 'Bursts (on/off)' },
] as const;

/** The rate with another send pattern, keeping the rate and any on/off durations. */
function switchRate(dist: Rate['dist'], from: Rate): Rate {
  if (dist !== 'bursts') return { dist, perSecond: from.perSecond };
  return from.dist === 'bursts' ? from : { dist, perSecond: from.perSecond, onMs: 200, offMs: 800 };
}

type QosText = `${Qos}`;

const QOS_OPTIONS: readonly Choice<QosText>[] = [
  { value: '0', label: '0 — at most once', hint: 'MQ-1: PUBLISH only, sent once: a message the link loses is lost.' },
  {
    value: '1',
    label: '1 — at least once',
    hint: 'MQ-1: PUBLISH/PUBACK, resent until acknowledged: nothing is lost, but a lost PUBACK makes a duplicate.',
  },
  {
    value: '2',
    label: '2 — exactly once',
    hint: 'MQ-1: PUBLISH/PUBREC/PUBREL/PUBCOMP, resent too, and the receiver keeps one: no loss, no duplicate.',
  },
];

const WILL_QOS_OPTIONS: readonly Choice<QosText>[] = [
  { value: '0', label: 'QoS 0 — at most once' },
  { value: '1', label: 'QoS 1 — at least once' },
  { value: '2', label: 'QoS 2 — exactly once' },
];

/** The model's defaults for the MQTT settings: a group holding anything else opens by itself. */
const MQTT_DEFAULTS = producerConfigSchema.parse({});

/** What the folded MQTT group says about itself, e.g. "QoS 1 · retain · will". */
function mqttState(config: ProducerConfig): string {
  const parts = [`QoS ${config.qos}`];
  if (config.retain) parts.push('retain');
  if (config.will) parts.push('will');
  return parts.join(' · ');
}

const mqttChanged = (config: ProducerConfig): boolean =>
  config.qos !== MQTT_DEFAULTS.qos ||
  config.resendAfterMs !== MQTT_DEFAULTS.resendAfterMs ||
  config.retain !== MQTT_DEFAULTS.retain ||
  config.will !== undefined ||
  config.keepAliveMs !== MQTT_DEFAULTS.keepAliveMs;

/** Keeps "1.5 × keep-alive" on one line in a narrow inspector. */
const NBSP = '\u00a0';

/** A will topic to start from when the will is switched on: the client's own status topic. */
const defaultWillTopic = (id: string): string => `clients/${id}/status`;

const splitKeys = (text: string): string[] =>
  text
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');

/** Weights text ("3, 1") to numbers; empty: undefined (round-robin); a word: a message. */
function parseWeights(text: string, per = 'key'): number[] | undefined | string {
  const parts = splitKeys(text);
  if (parts.length === 0) return undefined;
  const weights = parts.map(Number);
  return weights.every(Number.isFinite) ? weights : `enter numbers, one per ${per}, e.g. 3, 1`;
}

/** Priorities text ("1, 5, 9") to numbers; a word: a message (the schema checks the range). */
function parsePriorities(text: string): number[] | string {
  const priorities = splitKeys(text).map(Number);
  return priorities.every(Number.isInteger) ? priorities : 'enter whole numbers from 0 to 255, e.g. 1, 5, 9';
}

/** What the folded RabbitMQ group says about itself, e.g. "mandatory · priority 1, 9". */
function rabbitState(config: ProducerConfig): string {
  const parts = [config.mandatory ? 'mandatory' : 'not mandatory'];
  if (config.priorities.length > 0) parts.push(`priority ${config.priorities.join(', ')}`);
  return parts.join(' · ');
}

/**
 * The weights to keep when the keys change: each key keeps its weight by name, a new key
 * gets 1; no keys, no weights.
 */
function weightsForKeys(config: ProducerConfig, keys: string[]): number[] | undefined {
  const { keyWeights } = config;
  if (keyWeights === undefined || keys.length === 0) return undefined;
  const byName = new Map(config.keys.map((k, i) => [k, keyWeights[i] ?? 1]));
  return keys.map((k) => byName.get(k) ?? 1);
}

const formatHeaders = (headers: Readonly<Record<string, string>>): string =>
  Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');

/** "name: value" lines to headers; blank lines are skipped. A problem comes back as a message naming the line or header. */
function parseHeaders(text: string): Record<string, string> | string {
  const headers: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon < 0) return `line ${i + 1}: write "name: value"`;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (Object.hasOwn(headers, name)) return `line ${i + 1}: header "${name}" is given twice`;
    const one = headersSchema.safeParse({ [name]: value });
    if (!one.success) return `line ${i + 1}: ${one.error.issues[0]!.message}`;
    Object.defineProperty(headers, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return headers;
}

const sizeAsDistribution = (size: ProducerConfig['sizeBytes']): Distribution =>
  typeof size === 'number' ? { dist: 'fixed', value: size } : size;

export function ProducerForm({ id, data }: KindFormProps<'producer'>) {
  const config = data.config;
  const commit = (candidate: unknown) =>
    applyIfValid(producerConfigSchema, candidate, (next) => useTopologyStore.getState().updateNodeData(id, { ...data, config: next }));
  return (
    <>
      <SelectField
        label="Send pattern"
        value={config.rate.dist}
        options={RATE_OPTIONS}
        testId="field-rate-dist"
        onCommit={(dist) => commit({ ...config, rate: switchRate(dist, config.rate) })}
      />
      <NumberField
        label={config.rate.dist === 'bursts' ? 'Rate while on' : 'Rate'}
        unit="/s"
        value={config.rate.perSecond}
        testId="field-rate"
        onCommit={(perSecond) => commit({ ...config, rate: { ...config.rate, perSecond } })}
      />
      {config.rate.dist === 'bursts' && (
        <BurstFields rate={config.rate} onCommit={(rate) => commit({ ...config, rate })} />
      )}
      <TextField
        label="Keys"
        value={config.keys.join(', ')}
        placeholder="none"
        hint={`Comma-separated; ${config.keyWeights ? 'drawn at random by weight' : 'assigned round-robin'}. A key is the routing key at an exchange, the topic at an MQTT broker and the subject at a NATS server.`}
        normalise={(text) => splitKeys(text).join(', ')}
        testId="field-keys"
        onCommit={(text) => {
          const keys = splitKeys(text);
          return commit(withOptional({ ...config, keys }, 'keyWeights', weightsForKeys(config, keys)));
        }}
      />
      {config.keys.length > 0 && (
        <TextField
          label="Key weights"
          value={config.keyWeights?.join(', ') ?? ''}
          placeholder="round-robin"
          hint="One per key, e.g. 3, 1: keys drawn at random in these proportions. Empty: round-robin."
          normalise={(text) => splitKeys(text).map(Number).join(', ')}
          testId="field-key-weights"
          onCommit={(text) => {
            const weights = parseWeights(text);
            return typeof weights === 'string' ? weights : commit(withOptional(config, 'keyWeights', weights));
          }}
        />
      )}
      <TextAreaField
        label="Headers"
        value={formatHeaders(config.headers)}
        placeholder={'one per line, e.g.\norder-id: ord-{seq}\ntenant: {key}'}
        hint="name: value, one per line; {seq} and {key} are filled in per message."
        normalise={(text) => {
          const headers = parseHeaders(text);
          return typeof headers === 'string' ? text : formatHeaders(headers);
        }}
        testId="field-headers"
        onCommit={(text) => {
          const headers = parseHeaders(text);
          return typeof headers === 'string' ? headers : commit({ ...config, headers });
        }}
      />
      <NumberField
        label="Limit"
        unit="msgs"
        value={config.limit}
        optional
        placeholder="no limit"
        hint="Stop after this many messages."
        testId="field-limit"
        onCommit={(limit) => commit(withOptional(config, 'limit', limit))}
      />
      <DistributionField
        legend="Message size"
        unit="bytes"
        value={sizeAsDistribution(config.sizeBytes)}
        testId="field-size"
        onCommit={(size) => {
          // A fixed size is kept as a plain number, as files have always had it.
          const d = size as Distribution;
          return commit({ ...config, sizeBytes: d.dist === 'fixed' ? d.value : d });
        }}
      />
      <NumberField
        label="Start at"
        unit="ms"
        value={config.startMs}
        hint="Sim time of the first send."
        testId="field-start"
        onCommit={(startMs) => commit({ ...config, startMs })}
      />
      <NumberField
        label="Message TTL"
        unit="ms"
        value={config.ttlMs}
        optional
        placeholder="none"
        hint="Each message expires this long after it is sent; a queue's own TTL may cut it shorter. At an MQTT broker it is the MQTT 5 message expiry interval (MQ-9)."
        testId="field-ttl"
        onCommit={(ttlMs) => commit(withOptional(config, 'ttlMs', ttlMs))}
      />
      <FieldGroup legend="Delivery" testId="group-delivery">
        <CheckboxField
          label="Persistent (delivery mode 2)"
          checked={config.persistent}
          hint="AMQP delivery mode 2: a durable queue keeps the message across a crash; a transient one is lost."
          testId="field-persistent"
          onCommit={(persistent) => commit({ ...config, persistent })}
        />
        <CheckboxField
          label="Publisher confirms"
          checked={config.confirms}
          hint="RMQ-P1: the channel acks each message back over the link (counted as confirmed). Not with MQTT QoS 1 or 2: use one or the other."
          testId="field-confirms"
          onCommit={(confirms) => commit({ ...config, confirms })}
        />
        {config.confirms && (
          <div className="mf-field-row">
            <NumberField
              label="Retry after"
              unit="ms"
              value={config.retryAfterMs}
              optional
              placeholder="never"
              hint="No confirm within this long: send the same message again — a lost confirm makes a duplicate."
              testId="field-retry-after"
              onCommit={(retryAfterMs) => commit(withOptional(config, 'retryAfterMs', retryAfterMs))}
            />
            <NumberField
              label="Max retries"
              unit="times"
              value={config.maxRetries}
              hint="Resends before the message is given up (counted as unconfirmed)."
              testId="field-max-retries"
              onCommit={(maxRetries) => commit({ ...config, maxRetries })}
            />
          </div>
        )}
      </FieldGroup>
      <CollapsibleGroup legend="RabbitMQ" state={rabbitState(config)} changed={config.mandatory || config.priorities.length > 0} testId="group-rabbitmq">
        <p className="mf-fieldset__note">At an exchange, the message&apos;s key is its routing key.</p>
        <CheckboxField
          label="Mandatory"
          checked={config.mandatory}
          hint="RMQ-R6: a message no binding takes (and no alternate exchange) comes back to this producer — counted as returned, fate rejected — instead of being dropped."
          testId="field-mandatory"
          onCommit={(mandatory) => commit({ ...config, mandatory })}
        />
        <TextField
          label="Priorities"
          value={config.priorities.join(', ')}
          placeholder="none (0)"
          hint={`RMQ-P2: 0 to 255, comma-separated; ${config.priorityWeights ? 'drawn at random by weight' : 'assigned round-robin'} (one value: every message has it). A priority queue dispatches higher first; above its max priority counts as the max.`}
          normalise={(text) => splitKeys(text).join(', ')}
          testId="field-priorities"
          onCommit={(text) => {
            const priorities = parsePriorities(text);
            if (typeof priorities === 'string') return priorities;
            // Weights belong to the list they were set for: a new list starts round-robin.
            return commit(withOptional({ ...config, priorities }, 'priorityWeights', undefined));
          }}
        />
        {config.priorities.length > 1 && (
          <TextField
            label="Priority weights"
            value={config.priorityWeights?.join(', ') ?? ''}
            placeholder="round-robin"
            hint="One per priority, e.g. 3, 1: priorities drawn at random in these proportions. Empty: round-robin."
            normalise={(text) => splitKeys(text).map(Number).join(', ')}
            testId="field-priority-weights"
            onCommit={(text) => {
              const weights = parseWeights(text, 'priority');
              return typeof weights === 'string' ? weights : commit(withOptional(config, 'priorityWeights', weights));
            }}
          />
        )}
      </CollapsibleGroup>
      <CollapsibleGroup legend="MQTT" state={mqttState(config)} changed={mqttChanged(config)} testId="group-mqtt">
        <p className="mf-fieldset__note">At an MQTT broker, the message&apos;s key is its topic.</p>
        <RadioField
          label="QoS"
          value={`${config.qos}` as QosText}
          options={QOS_OPTIONS}
          testId="field-qos"
          onCommit={(qos) => commit({ ...config, qos: Number(qos) })}
        />
        {config.qos > 0 && (
          <NumberField
            label="Resend after"
            unit="ms"
            value={config.resendAfterMs}
            hint="MQ-1: a QoS 1 or 2 publish not acknowledged within this long is sent again, flagged DUP (msgflow default 1000 ms)."
            testId="field-producer-resend-after"
            onCommit={(resendAfterMs) => commit({ ...config, resendAfterMs })}
          />
        )}
        <CheckboxField
          label="Retain"
          checked={config.retain}
          hint="MQ-3: the broker keeps the last retained message per topic and gives it to every new matching subscriber."
          testId="field-retain"
          onCommit={(retain) => commit({ ...config, retain })}
        />
        <NumberField
          label="Keep-alive"
          unit="ms"
          value={config.keepAliveMs}
          hint={`MQ-5: the broker gives this client up 1.5${NBSP}×${NBSP}this after it fell silent (crashed, or its link cut), then publishes its Last Will (default 60000 ms).`}
          testId="field-keep-alive"
          onCommit={(keepAliveMs) => commit({ ...config, keepAliveMs })}
        />
        <WillFields id={id} will={config.will} onCommit={(will) => commit(withOptional(config, 'will', will))} />
      </CollapsibleGroup>
    </>
  );
}

/** The Last Will sub-section: off (no will) by default; on, its topic, QoS and retain flag. */
function WillFields({ id, will, onCommit }: {
  id: string;
  will: ProducerConfig['will'];
  /** The will to set, or undefined for none; returns the schema's problem, if any. */
  onCommit: (will: unknown) => string | undefined;
}) {
  return (
    <FieldGroup legend="Last Will" testId="group-will">
      <CheckboxField
        label="Publish a Last Will"
        checked={will !== undefined}
        hint={`MQ-5: the broker publishes it 1.5${NBSP}×${NBSP}keep-alive after this client vanished without a DISCONNECT (crashed, or its link cut); a clean DISCONNECT discards it.`}
        testId="field-will"
        onCommit={(on) => onCommit(on ? { topic: defaultWillTopic(id), qos: 0, retain: false } : undefined)}
      />
      {will && (
        <>
          <TextField
            label="Will topic"
            value={will.topic}
            placeholder={defaultWillTopic(id)}
            hint="The topic the broker publishes the will on; subscribers with a matching filter get it."
            testId="field-will-topic"
            onCommit={(topic) => onCommit({ ...will, topic })}
          />
          <SelectField
            label="Will QoS"
            value={`${will.qos}` as QosText}
            options={WILL_QOS_OPTIONS}
            hint="MQ-1 for the will as the broker sends it on; MQ-2: each subscriber gets it at no more than its subscription's QoS."
            testId="field-will-qos"
            onCommit={(qos) => onCommit({ ...will, qos: Number(qos) })}
          />
          <CheckboxField
            label="Retain the will"
            checked={will.retain}
            hint="MQ-3: the will stays as the topic's retained message, so later subscribers learn the client is gone."
            testId="field-will-retain"
            onCommit={(retain) => onCommit({ ...will, retain })}
          />
        </>
      )}
    </FieldGroup>
  );
}

// Inline, as fields.tsx and app.css have no folding group yet: the box matches .mf-fieldset
// (its class), the summary reads like a legend.
const SUMMARY_STYLE: CSSProperties = { cursor: 'pointer', fontSize: 13, fontWeight: 700, color: 'var(--text)' };
const SUMMARY_STATE_STYLE: CSSProperties = { marginLeft: 8, fontWeight: 500, color: 'var(--text-3)' };
const FOLDED_BODY_STYLE: CSSProperties = { display: 'grid', gap: 10, marginTop: 4 };

/**
 * A group of settings that only matter with one kind of broker, folded away until wanted:
 * it starts open when it holds a value other than the default, and opens by itself when
 * one is set from elsewhere (a file, undo) — but never folds under the user's hands.
 */
function CollapsibleGroup({ legend, state, changed, testId, children }: {
  legend: string;
  /** A few words on the current settings, shown next to the legend. */
  state: string;
  /** Whether any setting in it differs from the default. */
  changed: boolean;
  testId: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(changed);
  const [wasChanged, setWasChanged] = useState(changed);
  if (changed !== wasChanged) {
    setWasChanged(changed);
    if (changed) setOpen(true);
  }
  return (
    <details className="mf-fieldset" open={open} data-testid={testId} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary style={SUMMARY_STYLE} data-testid={`${testId}-summary`}>
        {legend}
        <span style={SUMMARY_STATE_STYLE}>{state}</span>
      </summary>
      <div style={FOLDED_BODY_STYLE}>{children}</div>
    </details>
  );
}

/** The on/off durations of a bursts rate; candidates go to `onCommit` for the schema to check. */
function BurstFields({ rate, onCommit }: { rate: Extract<Rate, { dist: 'bursts' }>; onCommit: (candidate: unknown) => string | undefined }) {
  return (
    <div className="mf-field-row">
      <NumberField
        label="On for"
        unit="ms"
        value={rate.onMs}
        hint="Sending, evenly spaced."
        testId="field-burst-on"
        onCommit={(onMs) => onCommit({ ...rate, onMs })}
      />
      <NumberField
        label="Off for"
        unit="ms"
        value={rate.offMs}
        hint="Silent, then again."
        testId="field-burst-off"
        onCommit={(offMs) => onCommit({ ...rate, offMs })}
      />
    </div>
  );
}
