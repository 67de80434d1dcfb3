import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { FlowNodeOf } from '../../store/topology-types.ts';
import { useNodeNames } from './linked-targets.ts';
import { NodeShell } from './NodeShell.tsx';
import { RouterCounters } from './RouterCounters.tsx';
import { recipientListSummary } from './router-text.ts';

export const RecipientListNode = memo(function RecipientListNode({ id, data, selected }: NodeProps<FlowNodeOf<'recipient-list'>>) {
  const names = useNodeNames(data.config.recipients);
  return (
    <NodeShell
      id={id}
      kind="recipient-list"
      label={data.label}
      selected={selected}
      input
      output
      summary={recipientListSummary(names)}
    >
      <RouterCounters id={id} kind="recipient-list" />
    </NodeShell>
  );
});
