import { producerConfigSchema } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { NumberField, SelectField, TextField } from '../inspector/fields.tsx';
import { applyIfValid, withOptional } from '../inspector/validation.ts';
import type { KindFormProps } from './form-props.ts';

const RATE_OPTIONS = [
  { value: 'constant', label: 'Constant (evenly spaced)' },
  { value: 'poisson', label: 'Poisson (random arrivals)' },
] as const;

const splitKeys = (text: string): string[] =>
  text
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');

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
        onCommit={(dist) => commit({ ...config, rate: { ...config.rate, dist } })}
      />
      <NumberField
        label="Rate"
        unit="/s"
        value={config.rate.perSecond}
        testId="field-rate"
        onCommit={(perSecond) => commit({ ...config, rate: { ...config.rate, perSecond } })}
      />
      <TextField
        label="Keys"
        value={config.keys.join(', ')}
        placeholder="none"
        hint="Comma-separated; assigned round-robin."
        normalise={(text) => splitKeys(text).join(', ')}
        testId="field-keys"
        onCommit={(text) => commit({ ...config, keys: splitKeys(text) })}
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
      <NumberField
        label="Message size"
        unit="bytes"
        value={config.sizeBytes}
        testId="field-size"
        onCommit={(sizeBytes) => commit({ ...config, sizeBytes })}
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
    </>
  );
}
