import { contentRouterConfigSchema, type Condition, type NodeOfKind } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { ConditionEditor } from '../inspector/ConditionEditor.tsx';
import { FieldGroup, SelectField, type Choice, type Commit } from '../inspector/fields.tsx';
import { applyIfValid, withOptional } from '../inspector/validation.ts';
import type { KindFormProps } from './form-props.ts';
import { isMissing, useLinkedTargets, withMissing } from './linked-targets.ts';

type ContentRouterConfig = NodeOfKind<'content-router'>['config'];
type Rule = ContentRouterConfig['rules'][number];

const NO_DEFAULT = '';

/** `rules` with the one at `from` moved to `to` (both in range). */
function moved(rules: readonly Rule[], from: number, to: number): Rule[] {
  const out = [...rules];
  const [rule] = out.splice(from, 1);
  if (rule) out.splice(to, 0, rule);
  return out;
}

export function ContentRouterForm({ id, data }: KindFormProps<'content-router'>) {
  const config = data.config;
  const commit = (candidate: unknown) =>
    applyIfValid(contentRouterConfigSchema, candidate, (next) => useTopologyStore.getState().updateNodeData(id, { ...data, config: next }));
  const commitRules = (rules: Rule[]) => commit({ ...config, rules });
  const linked = useLinkedTargets(id);
  const { rules } = config;
  const defaultTo = config.defaultTo ?? NO_DEFAULT;
  const defaultOptions: Choice<string>[] = [{ value: NO_DEFAULT, label: 'none — unroutable' }, ...withMissing(linked, config.defaultTo)];
  const missing = [...new Set([...rules.map((r) => r.to), config.defaultTo].filter((to) => isMissing(linked, to)))];
  const first = linked[0];

  return (
    <>
      {linked.length === 0 && (
        <p className="mf-inspector__note mf-inspector__note--warn" data-testid="router-no-outputs">
          Link this router to its outputs first: rules and the default route choose among the nodes it links to.
        </p>
      )}
      {missing.length > 0 && (
        <p className="mf-inspector__note mf-inspector__note--warn" role="alert" data-testid="router-missing">
          {missing.map((to) => `"${to}"`).join(', ')} {missing.length === 1 ? 'is' : 'are'} no longer linked
          from this router: link {missing.length === 1 ? 'it' : 'them'} again or choose another output. Until then the
          topology cannot run.
        </p>
      )}
      <FieldGroup
        legend={`Rules (${rules.length})`}
        note={
          <>
            <strong>First matching rule wins, else the default route, else lost:unroutable.</strong> A rule matches when the
            key fits its pattern and every header listed is present with that value; an empty rule matches everything.
          </>
        }
        testId="group-rules"
      >
        {rules.length === 0 && <p className="mf-router__empty">No rules yet: every message takes the default route.</p>}
        {rules.map((rule, i) => (
          <RuleEditor
            // Index keys: a rule has no id; each field re-reads its value when a move changes it.
            key={i}
            index={i}
            count={rules.length}
            rule={rule}
            targets={linked}
            onCommit={(next) => commitRules(rules.map((r, k) => (k === i ? next : r)))}
            onMove={(to) => commitRules(moved(rules, i, to))}
            onDelete={() => commitRules(rules.filter((_, k) => k !== i))}
          />
        ))}
        <div>
          <button
            type="button"
            className="mf-add-button"
            disabled={first === undefined}
            title={first === undefined ? 'Link this router to an output first' : 'Add a rule at the end'}
            data-testid="rule-add"
            onClick={() => first && commitRules([...rules, { when: { headers: {} }, to: first.value }])}
          >
            + Add rule
          </button>
        </div>
      </FieldGroup>
      <FieldGroup legend="Default route" testId="group-default-route">
        <SelectField
          label="Otherwise send to"
          value={defaultTo}
          options={defaultOptions}
          hint={
            config.defaultTo === undefined
              ? 'A message no rule matches is lost:unroutable.'
              : 'A message no rule matches goes here.'
          }
          testId="field-default-to"
          onCommit={(next) => commit(withOptional(config, 'defaultTo', next === NO_DEFAULT ? undefined : next))}
        />
      </FieldGroup>
    </>
  );
}

function RuleEditor({ index, count, rule, targets, onCommit, onMove, onDelete }: {
  index: number;
  count: number;
  rule: Rule;
  targets: readonly Choice<string>[];
  onCommit: Commit<Rule>;
  onMove: (to: number) => void;
  onDelete: () => void;
}) {
  const n = index + 1;
  const testId = `field-rule-${index}`;
  return (
    <div className="mf-rule" data-testid={`rule-${index}`}>
      <div className="mf-rule__head">
        <span className="mf-rule__title">Rule {n}</span>
        <span className="mf-rule__actions">
          <button
            type="button"
            className="mf-icon-button"
            disabled={index === 0}
            aria-label={`Move rule ${n} up`}
            title="Move up: checked earlier"
            data-testid={`rule-${index}-up`}
            onClick={() => onMove(index - 1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="mf-icon-button"
            disabled={index === count - 1}
            aria-label={`Move rule ${n} down`}
            title="Move down: checked later"
            data-testid={`rule-${index}-down`}
            onClick={() => onMove(index + 1)}
          >
            ↓
          </button>
          <button
            type="button"
            className="mf-icon-button is-danger"
            aria-label={`Delete rule ${n}`}
            title="Delete this rule"
            data-testid={`rule-${index}-delete`}
            onClick={onDelete}
          >
            ×
          </button>
        </span>
      </div>
      <ConditionEditor value={rule.when} testId={testId} hints={index === 0} onCommit={(when: Condition) => onCommit({ ...rule, when })} />
      <SelectField
        label="Send to"
        value={rule.to}
        options={withMissing(targets, rule.to)}
        testId={`${testId}-to`}
        onCommit={(to) => onCommit({ ...rule, to })}
      />
    </div>
  );
}
