import { loadBalancerConfigSchema, type NodeOfKind } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { SelectField, type Choice } from '../inspector/fields.tsx';
import { applyIfValid } from '../inspector/validation.ts';
import type { KindFormProps } from './form-props.ts';

type Strategy = NodeOfKind<'load-balancer'>['config']['strategy'];

const STRATEGY_OPTIONS: readonly Choice<Strategy>[] = [
  { value: 'round-robin', label: 'Round-robin', hint: 'Each output in turn, whatever it is doing.' },
  { value: 'random', label: 'Random', hint: 'An output drawn at random (from its own seeded stream: the same seed, the same picks).' },
  {
    value: 'least-loaded',
    label: 'Least-loaded',
    hint: 'The output whose node holds the fewest messages (a queue: waiting and unacked; a consumer: in progress and backlog); ties in turn. Other kinds count as empty.',
  },
];

export function LoadBalancerForm({ id, data }: KindFormProps<'load-balancer'>) {
  const config = data.config;
  const commit = (candidate: unknown) =>
    applyIfValid(loadBalancerConfigSchema, candidate, (next) => useTopologyStore.getState().updateNodeData(id, { ...data, config: next }));
  return (
    <SelectField
      label="Strategy"
      value={config.strategy}
      options={STRATEGY_OPTIONS}
      testId="field-strategy"
      onCommit={(strategy) => commit({ ...config, strategy })}
    />
  );
}
