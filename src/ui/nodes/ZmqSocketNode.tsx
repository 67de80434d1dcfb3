import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { ZmqSocketConfig } from '../../model/index.ts';
import type { FlowNodeOf } from '../../store/topology-types.ts';
import { formatDuration } from '../format.ts';
import { MinorStats, NodeShell, Stat } from './NodeShell.tsx';
import { useNodeStats } from './use-node-stats.ts';

const whole = new Intl.NumberFormat('en-US');

/** The pipe limit as the summary says it: "HWM 1,000", "HWM 1,000+500" with a receive HWM, "no HWM" when either side is 0. */
export function hwmSummary(config: ZmqSocketConfig): string {
  if (config.sendHwm === 0 || config.receiveHwm === 0) return 'no HWM';
  return config.receiveHwm === undefined ? `HWM ${whole.format(config.sendHwm)}` : `HWM ${whole.format(config.sendHwm)}+${whole.format(config.receiveHwm)}`;
}

/** PUSH and DEALER make a send wait at a full pipe; PUB and ROUTER drop. */
const blocks = (pattern: ZmqSocketConfig['pattern']): boolean => pattern === 'push' || pattern === 'dealer';

function ZmqSocketCounters({ id, pattern }: { id: string; pattern: ZmqSocketConfig['pattern'] }) {
  const stats = useNodeStats(id, 'zmq-socket');
  const dropped = stats?.hwmDropped ?? 0;
  const blocked = stats?.blocked ?? 0;
  return (
    <>
      <Stat label="in" value={stats?.received ?? 0} testId="stat-in" />
      <Stat label="out" value={stats?.sent ?? 0} testId="stat-out" />
      {blocks(pattern) ? (
        <Stat label="blocked" value={blocked} testId="stat-blocked" tone={blocked > 0 ? 'warn' : undefined} />
      ) : (
        <Stat label="dropped" value={dropped} testId="stat-dropped" tone={dropped > 0 ? 'bad' : undefined} />
      )}
      <MinorStats
        items={[
          { label: 'in pipes', value: stats?.inPipes ?? 0, testId: 'stat-in-pipes' },
          { label: 'ms longest wait', value: Math.round(stats?.waitMaxMs ?? 0), testId: 'stat-wait-max', tone: 'warn' },
          { label: 'unroutable', value: stats?.unroutable ?? 0, testId: 'stat-unroutable', tone: 'bad' },
          { label: 'lost in crash', value: stats?.lostToCrash ?? 0, testId: 'stat-lost-crash', tone: 'bad' },
        ]}
      />
    </>
  );
}

export const ZmqSocketNode = memo(function ZmqSocketNode({ id, data, selected }: NodeProps<FlowNodeOf<'zmq-socket'>>) {
  const config = data.config;
  const summary = `${config.pattern.toUpperCase()} · ${hwmSummary(config)} · handshake ${formatDuration(config.connectDelayMs)}`;
  return (
    <NodeShell id={id} kind="zmq-socket" label={data.label} selected={selected} input output summary={summary}>
      <ZmqSocketCounters id={id} pattern={config.pattern} />
    </NodeShell>
  );
});
