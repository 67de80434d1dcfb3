import { contentFilterConfigSchema, type ContentFilterConfig } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { FieldGroup, NumberField, PercentField, RadioField, type Choice } from '../inspector/fields.tsx';
import { applyIfValid, withOptional } from '../inspector/validation.ts';
import type { KindFormProps } from './form-props.ts';
import { HeaderNameList } from './HeaderNameList.tsx';

const MODE_OPTIONS: readonly Choice<ContentFilterConfig['headerMode']>[] = [
  { value: 'remove', label: 'Remove the listed', hint: 'The listed headers are taken off; the rest stay.' },
  { value: 'keep', label: 'Keep only the listed', hint: 'Every header not listed is taken off.' },
];

export function ContentFilterForm({ id, data }: KindFormProps<'content-filter'>) {
  const config = data.config;
  const commit = (candidate: unknown) =>
    applyIfValid(contentFilterConfigSchema, candidate, (next) => useTopologyStore.getState().updateNodeData(id, { ...data, config: next }));
  return (
    <>
      <FieldGroup legend="Headers" note="Every message passes; only parts of it are taken out (a message filter drops whole messages)." testId="group-headers">
        <RadioField label="Headers" value={config.headerMode} options={MODE_OPTIONS} testId="field-header-mode" onCommit={(headerMode) => commit({ ...config, headerMode })} />
        <HeaderNameList
          label="Listed headers"
          names={config.headers}
          hint={config.headers.length === 0 ? (config.headerMode === 'keep' ? 'None listed: every header is taken off.' : 'None listed: headers stay as they are.') : undefined}
          testId="field-headers"
          onCommit={(headers) => commit({ ...config, headers })}
        />
      </FieldGroup>
      <FieldGroup legend="Body" note="New size = size × the share kept, rounded, and at most the cap." testId="group-body">
        <PercentField label="Keep" fraction={config.sizeFactor} hint="The share of the body that stays." testId="field-keep-share" onCommit={(sizeFactor) => commit({ ...config, sizeFactor })} />
        <NumberField
          label="Cap"
          unit="bytes"
          optional
          placeholder="no cap"
          value={config.maxBodyBytes}
          hint="A body larger than this is cut to it."
          testId="field-max-body"
          onCommit={(maxBodyBytes) => commit(withOptional(config, 'maxBodyBytes', maxBodyBytes))}
        />
      </FieldGroup>
    </>
  );
}
