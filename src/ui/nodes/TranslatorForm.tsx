import { translatorConfigSchema } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { FieldGroup, FieldMessage, NumberField, TextField } from '../inspector/fields.tsx';
import { NameValueList } from '../inspector/row-list.tsx';
import { applyIfValid, withOptional } from '../inspector/validation.ts';
import type { KindFormProps } from './form-props.ts';
import { HeaderNameList } from './HeaderNameList.tsx';

export function TranslatorForm({ id, data }: KindFormProps<'translator'>) {
  const config = data.config;
  const commit = (candidate: unknown) =>
    applyIfValid(translatorConfigSchema, candidate, (next) => useTopologyStore.getState().updateNodeData(id, { ...data, config: next }));
  return (
    <>
      <FieldGroup
        legend="Headers"
        note="Applied in this order: renamed, then removed, then set. Each message gets its own new headers: the other copies of a fan-out keep theirs."
        testId="group-headers"
      >
        <NameValueList
          value={config.renameHeaders}
          label="Rename (old = new)"
          noun="Rename"
          namePlaceholder="old name"
          testId="field-rename"
          rowTestId={(i) => `field-rename-${i}`}
          addTestId="field-rename-add"
          addLabel="+ Rename"
          removeTitle="Remove this rename"
          onCommit={(renameHeaders) => commit({ ...config, renameHeaders })}
          message={(error, rows) => <FieldMessage error={error} hint={rows === 0 ? undefined : 'A header the message lacks is left alone.'} />}
        />
        <HeaderNameList
          label="Remove"
          names={config.removeHeaders}
          hint={config.removeHeaders.length === 0 ? undefined : 'Taken off every message that has them.'}
          testId="field-remove"
          onCommit={(removeHeaders) => commit({ ...config, removeHeaders })}
        />
        <NameValueList
          value={config.setHeaders}
          label="Set"
          noun="Header"
          namePlaceholder="name"
          testId="field-set"
          rowTestId={(i) => `field-set-${i}`}
          addTestId="field-set-add"
          addLabel="+ Set header"
          removeTitle="Remove this header"
          onCommit={(setHeaders) => commit({ ...config, setHeaders })}
          message={(error) => <FieldMessage error={error} hint="Set or overwritten; {seq} and {key} are filled from the message as it came." />}
        />
      </FieldGroup>
      <FieldGroup legend="Size" note="New size = size × factor + bytes, rounded, at least 0." testId="group-size">
        <NumberField label="Factor" unit="×" value={config.sizeFactor} testId="field-size-factor" onCommit={(sizeFactor) => commit({ ...config, sizeFactor })} />
        <NumberField
          label="Add"
          unit="bytes"
          value={config.sizeAddBytes}
          hint="Negative takes bytes off."
          testId="field-size-add"
          onCommit={(sizeAddBytes) => commit({ ...config, sizeAddBytes })}
        />
      </FieldGroup>
      <FieldGroup legend="Key" testId="group-key">
        <TextField
          label="New key"
          value={config.key ?? ''}
          placeholder="keep the key"
          hint="{key} is the old key, {seq} the producer's sequence number (eu.{key}). The new key counts its own order from here."
          normalise={(text) => text.trim()}
          testId="field-key"
          onCommit={(text) => commit(withOptional(config, 'key', text.trim() === '' ? undefined : text.trim()))}
        />
      </FieldGroup>
    </>
  );
}
