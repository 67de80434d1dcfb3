import { headersSchema, producerConfigSchema, type Distribution, type ProducerConfig, type Rate } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { DistributionField } from '../inspector/DistributionField.tsx';
import { CheckboxField, FieldGroup, NumberField, SelectField, TextAreaField, TextField } from '../inspector/fields.tsx';
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

const splitKeys = (text: string): string[] =>
  text
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');

/** Weights text ("3, 1") to numbers; empty: undefined (round-robin); a word: a message. */
function parseWeights(text: string): number[] | undefined | string {
  const parts = splitKeys(text);
  if (parts.length === 0) return undefined;
  const weights = parts.map(Number);
  return weights.every(Number.isFinite) ? weights : 'enter numbers, one per key, e.g. 3, 1';
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
        hint={config.keyWeights ? 'Comma-separated; drawn at random by weight.' : 'Comma-separated; assigned round-robin.'}
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
        hint="Each message expires this long after it is sent; a queue's own TTL may cut it shorter."
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
          hint="The channel acks each message back over the link (counted as confirmed)."
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
    </>
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
