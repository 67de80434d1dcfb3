import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { FlowNodeOf } from '../../store/topology-types.ts';
import { NodeShell } from './NodeShell.tsx';
import { RouterCounters } from './RouterCounters.tsx';
import { messageFilterSummary } from './router-text.ts';

export const MessageFilterNode = memo(function MessageFilterNode({ id, data, selected }: NodeProps<FlowNodeOf<'message-filter'>>) {
  return (
    <NodeShell
      id={id}
      kind="message-filter"
      label={data.label}
      selected={selected}
      input
      output
      summary={messageFilterSummary(data.config.accept)}
    >
      <RouterCounters id={id} kind="message-filter" />
    </NodeShell>
  );
});
