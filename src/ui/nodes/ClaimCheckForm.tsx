import { claimCheckConfigSchema, type ClaimCheckConfig } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { CheckboxField, FieldGroup, NumberField, RadioField, TextField, type Choice } from '../inspector/fields.tsx';
import { applyIfValid, withOptional } from '../inspector/validation.ts';
import type { KindFormProps } from './form-props.ts';

type Mode = ClaimCheckConfig['mode'];

const MODE_OPTIONS: readonly Choice<Mode>[] = [
  { value: 'check-in', label: 'Check in', hint: 'Parks each body in the store and sends on a small token: the size on the wire shrinks.' },
  { value: 'check-out', label: 'Check out', hint: 'Takes the body back by message id; a token whose body is not in the store is lost:claim-missing.' },
];

/** True when some other claim-check node uses `store` in the other mode (a check-in has its check-out, and back). */
function useHasCounterpart(id: string, store: string, mode: Mode): boolean {
  return useTopologyStore((s) =>
    s.nodes.some((n) => n.id !== id && n.data.kind === 'claim-check' && n.data.config.store === store && n.data.config.mode !== mode),
  );
}

export function ClaimCheckForm({ id, data }: KindFormProps<'claim-check'>) {
  const config = data.config;
  const commit = (candidate: unknown) =>
    applyIfValid(claimCheckConfigSchema, candidate, (next) => useTopologyStore.getState().updateNodeData(id, { ...data, config: next }));
  const paired = useHasCounterpart(id, config.store, config.mode);
  const checkIn = config.mode === 'check-in';
  return (
    <>
      <FieldGroup legend="Claim check" testId="group-claim-check">
        <RadioField label="Mode" value={config.mode} options={MODE_OPTIONS} testId="field-mode" onCommit={(mode) => commit({ ...config, mode })} />
        <TextField
          label="Store"
          value={config.store}
          hint="Check-in and check-out nodes with the same store name share it."
          normalise={(text) => text.trim()}
          testId="field-store"
          onCommit={(store) => commit({ ...config, store: store.trim() })}
        />
        {!paired && (
          <p className="mf-inspector__note mf-inspector__note--warn" data-testid="claim-unpaired">
            {checkIn
              ? `No check-out uses store "${config.store}": its bodies are never taken back.`
              : `No check-in uses store "${config.store}": every token will find nothing (lost:claim-missing).`}
          </p>
        )}
      </FieldGroup>
      {checkIn ? (
        <FieldGroup legend="Token and store" testId="group-store">
          <NumberField label="Token" unit="bytes" value={config.tokenBytes} hint="The size of what travels instead of the body." testId="field-token-bytes" onCommit={(tokenBytes) => commit({ ...config, tokenBytes })} />
          <NumberField
            label="Retention"
            unit="ms"
            optional
            placeholder="until checked out"
            value={config.storeRetentionMs}
            hint="A body is deleted this long after check-in, taken or not; a later token finds nothing."
            testId="field-retention"
            onCommit={(ms) => commit(withOptional(config, 'storeRetentionMs', ms))}
          />
          <CheckboxField
            label="Durable store"
            checked={config.durableStore}
            hint="The parked bodies survive a crash of this node; otherwise the crash deletes them."
            testId="field-durable-store"
            onCommit={(durableStore) => commit({ ...config, durableStore })}
          />
        </FieldGroup>
      ) : (
        <FieldGroup legend="After check-out" testId="group-store">
          <CheckboxField
            label="Delete the body once taken"
            checked={config.removeOnCheckOut}
            hint="Off: it stays until the store's retention, so every copy of a fan-out can check out."
            testId="field-remove-on-check-out"
            onCommit={(removeOnCheckOut) => commit({ ...config, removeOnCheckOut })}
          />
        </FieldGroup>
      )}
    </>
  );
}
