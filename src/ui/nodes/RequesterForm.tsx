import { requesterConfigSchema, type RequesterConfig } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { FieldGroup, NumberField, SelectField, TextField, type Choice } from '../inspector/fields.tsx';
import { applyIfValid, withOptional } from '../inspector/validation.ts';
import type { KindFormProps } from './form-props.ts';

type Pace = 'on-reply' | NonNullable<RequesterConfig['rate']>['dist'];

const PACE_OPTIONS: readonly Choice<Pace>[] = [
  { value: 'on-reply', label: 'Next when there is room', hint: 'A closed loop: the next request goes as soon as a reply (or giving up) frees a place.' },
  { value: 'constant', label: 'Constant rate', hint: 'Requests fall due evenly spaced; one that falls due with no room waits for one.' },
  { value: 'poisson', label: 'Poisson rate', hint: 'Requests fall due at random; one that falls due with no room waits for one.' },
];

export function RequesterForm({ id, data }: KindFormProps<'requester'>) {
  const config = data.config;
  const commit = (candidate: unknown) =>
    applyIfValid(requesterConfigSchema, candidate, (next) => useTopologyStore.getState().updateNodeData(id, { ...data, config: next }));
  const pace: Pace = config.rate?.dist ?? 'on-reply';
  const waitsForEver = !config.timeoutMs;
  return (
    <>
      <FieldGroup legend="Requests" testId="group-requests">
        <NumberField
          label="Limit"
          unit="requests"
          value={config.limit}
          optional
          placeholder="no limit"
          hint="How many requests it sends; empty: for the whole run."
          testId="field-limit"
          onCommit={(limit) => commit(withOptional(config, 'limit', limit))}
        />
        <SelectField
          label="Pace"
          value={pace}
          options={PACE_OPTIONS}
          testId="field-pace"
          onCommit={(next) => commit(withOptional(config, 'rate', next === 'on-reply' ? undefined : { dist: next, perSecond: config.rate?.perSecond ?? 1 }))}
        />
        {config.rate && (
          <NumberField
            label="Rate"
            unit="/s"
            value={config.rate.perSecond}
            testId="field-rate"
            onCommit={(perSecond) => commit({ ...config, rate: { ...config.rate, perSecond } })}
          />
        )}
        <div className="mf-field-row">
          <NumberField label="Size" unit="bytes" value={config.sizeBytes} testId="field-size" onCommit={(sizeBytes) => commit({ ...config, sizeBytes })} />
          <NumberField label="Start at" unit="ms" value={config.startMs} testId="field-start" onCommit={(startMs) => commit({ ...config, startMs })} />
        </div>
        <TextField
          label="Key"
          value={config.key ?? ''}
          placeholder="none"
          hint="The key every request carries (routing key at an exchange)."
          testId="field-key"
          onCommit={(key) => commit(withOptional(config, 'key', key === '' ? undefined : key))}
        />
      </FieldGroup>
      <FieldGroup
        legend="Waiting for replies"
        note="ZeroMQ REQ is outstanding 1 with no timeout (ZMQ-2). The zguide's Lazy Pirate adds a timeout and retries."
        testId="group-waiting"
      >
        <NumberField
          label="Outstanding"
          unit="at most"
          value={config.maxOutstanding}
          hint="Requests waiting for a reply at once; 1 is lockstep: send, receive, send, receive."
          testId="field-max-outstanding"
          onCommit={(maxOutstanding) => commit({ ...config, maxOutstanding })}
        />
        <NumberField
          label="Timeout"
          unit="ms"
          value={config.timeoutMs}
          optional
          placeholder="none: waits for ever"
          hint={
            waitsForEver
              ? 'No timeout: a lost request or reply leaves it waiting for ever.'
              : 'After this long without a reply the same request goes again; the service may then process it twice.'
          }
          testId="field-timeout"
          onCommit={(timeoutMs) => commit(withOptional(config, 'timeoutMs', timeoutMs))}
        />
        {!waitsForEver && (
          <NumberField
            label="Retries"
            unit="resends"
            value={config.maxRetries}
            hint="Resends of one request before it gives up; a reply after that is discarded as late."
            testId="field-max-retries"
            onCommit={(maxRetries) => commit({ ...config, maxRetries })}
          />
        )}
      </FieldGroup>
    </>
  );
}
