import { envelopeWrapperConfigSchema, type EnvelopeWrapperConfig } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { FieldGroup, FieldMessage, NumberField, RadioField, type Choice } from '../inspector/fields.tsx';
import { NameValueList } from '../inspector/row-list.tsx';
import { applyIfValid } from '../inspector/validation.ts';
import type { KindFormProps } from './form-props.ts';

const MODE_OPTIONS: readonly Choice<EnvelopeWrapperConfig['mode']>[] = [
  { value: 'wrap', label: 'Wrap', hint: 'Puts each message in an envelope: its headers over the message’s own, its bytes on top.' },
  {
    value: 'unwrap',
    label: 'Unwrap',
    hint: 'Takes the outermost envelope off exactly: its bytes and headers go, and the values they covered come back. A message with no envelope passes unchanged (counted).',
  },
];

export function EnvelopeWrapperForm({ id, data }: KindFormProps<'envelope-wrapper'>) {
  const config = data.config;
  const commit = (candidate: unknown) =>
    applyIfValid(envelopeWrapperConfigSchema, candidate, (next) => useTopologyStore.getState().updateNodeData(id, { ...data, config: next }));
  return (
    <FieldGroup legend="Envelope" testId="group-envelope">
      <RadioField label="Mode" value={config.mode} options={MODE_OPTIONS} testId="field-mode" onCommit={(mode) => commit({ ...config, mode })} />
      {config.mode === 'wrap' && (
        <>
          <NameValueList
            value={config.headers}
            label="Headers"
            noun="Header"
            namePlaceholder="name"
            testId="field-envelope-headers"
            rowTestId={(i) => `field-envelope-header-${i}`}
            addTestId="field-envelope-add-header"
            addLabel="+ Header"
            removeTitle="Remove this header"
            onCommit={(headers) => commit({ ...config, headers })}
            message={(error) => <FieldMessage error={error} hint="{seq} and {key} are filled from the message." />}
          />
          <NumberField label="Size" unit="bytes" value={config.envelopeBytes} hint="Added to each message." testId="field-envelope-bytes" onCommit={(envelopeBytes) => commit({ ...config, envelopeBytes })} />
        </>
      )}
    </FieldGroup>
  );
}
