import { wireTapConfigSchema } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { FieldGroup, SelectField, type Choice } from '../inspector/fields.tsx';
import { applyIfValid, withOptional } from '../inspector/validation.ts';
import type { KindFormProps } from './form-props.ts';
import { isMissing, useLinkedTargets, wireTapMain, withMissing } from './linked-targets.ts';

const NO_TAP = '';

/** Where the main flow goes, in words, for the hint under the select. */
function mainFlowText(linked: readonly Choice<string>[], tapTo: string | undefined): string {
  const main = wireTapMain(linked, tapTo);
  if (main === undefined) {
    return linked.length === 0
      ? 'No outputs linked yet.'
      : 'No main output: only the tap is linked, so every message is lost:unroutable after its copy.';
  }
  const unused = linked.length - (tapTo === undefined || isMissing(linked, tapTo) ? 1 : 2);
  const extra = unused > 0 ? ` Its other ${unused === 1 ? 'output gets' : `${unused} outputs get`} nothing.` : '';
  return `Main flow → ${main.label}.${extra}`;
}

export function WireTapForm({ id, data }: KindFormProps<'wire-tap'>) {
  const config = data.config;
  const commit = (candidate: unknown) =>
    applyIfValid(wireTapConfigSchema, candidate, (next) => useTopologyStore.getState().updateNodeData(id, { ...data, config: next }));
  const linked = useLinkedTargets(id);
  const tap = config.tapTo ?? NO_TAP;
  const options: Choice<string>[] = [{ value: NO_TAP, label: 'none — no copies' }, ...withMissing(linked, config.tapTo)];

  return (
    <>
      {isMissing(linked, config.tapTo) && (
        <p className="mf-inspector__note mf-inspector__note--warn" role="alert" data-testid="router-missing">
          &quot;{config.tapTo}&quot; is no longer linked: link it again or choose another tap. Until then the topology cannot
          run.
        </p>
      )}
      <FieldGroup legend="Tap" note="Link it to two outputs: the main flow takes the first link that is not the tap." testId="group-tap">
        <SelectField
          label="Copies go to"
          value={tap}
          options={options}
          hint={mainFlowText(linked, config.tapTo)}
          testId="field-tap-to"
          onCommit={(next) => commit(withOptional(config, 'tapTo', next === NO_TAP ? undefined : next))}
        />
      </FieldGroup>
    </>
  );
}
