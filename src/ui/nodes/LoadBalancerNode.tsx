import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { FlowNodeOf } from '../../store/topology-types.ts';
import { NodeShell } from './NodeShell.tsx';
import { RouterCounters } from './RouterCounters.tsx';

export const LoadBalancerNode = memo(function LoadBalancerNode({ id, data, selected }: NodeProps<FlowNodeOf<'load-balancer'>>) {
  return (
    <NodeShell id={id} kind="load-balancer" label={data.label} selected={selected} input output summary={data.config.strategy}>
      <RouterCounters id={id} kind="load-balancer" />
    </NodeShell>
  );
});
