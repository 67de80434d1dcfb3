import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { FlowNodeOf } from '../../store/topology-types.ts';
import { useNodeNames } from './linked-targets.ts';
import { NodeShell } from './NodeShell.tsx';
import { RouterCounters } from './RouterCounters.tsx';
import { contentRouterSummary } from './router-text.ts';

export const ContentRouterNode = memo(function ContentRouterNode({ id, data, selected }: NodeProps<FlowNodeOf<'content-router'>>) {
  const { rules, defaultTo } = data.config;
  const [defaultName] = useNodeNames(defaultTo === undefined ? [] : [defaultTo]);
  return (
    <NodeShell
      id={id}
      kind="content-router"
      label={data.label}
      selected={selected}
      input
      output
      summary={contentRouterSummary(rules.length, defaultName)}
    >
      <RouterCounters id={id} kind="content-router" />
    </NodeShell>
  );
});
