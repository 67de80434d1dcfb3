import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { FlowNodeOf } from '../../store/topology-types.ts';
import { useNodeNames } from './linked-targets.ts';
import { NodeShell } from './NodeShell.tsx';
import { RouterCounters } from './RouterCounters.tsx';
import { wireTapSummary } from './router-text.ts';

export const WireTapNode = memo(function WireTapNode({ id, data, selected }: NodeProps<FlowNodeOf<'wire-tap'>>) {
  const { tapTo } = data.config;
  const [tapName] = useNodeNames(tapTo === undefined ? [] : [tapTo]);
  return (
    <NodeShell
      id={id}
      kind="wire-tap"
      label={data.label}
      selected={selected}
      input
      output
      summary={wireTapSummary(tapName)}
    >
      <RouterCounters id={id} kind="wire-tap" />
    </NodeShell>
  );
});
