import { zmqSocketConfigSchema, type ZmqSocketConfig } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { FieldGroup, NumberField, SelectField, type Choice } from '../inspector/fields.tsx';
import { applyIfValid, withOptional } from '../inspector/validation.ts';
import type { KindFormProps } from './form-props.ts';
import { useLinkedTargets } from './linked-targets.ts';

const PATTERN_OPTIONS: readonly Choice<ZmqSocketConfig['pattern']>[] = [
  {
    value: 'pub',
    label: 'PUB (publish-subscribe)',
    hint: 'A copy to every connected subscriber whose prefixes match the key (set them on each link). At a full pipe that subscriber’s copy is dropped: PUB never waits (ZMQ-3).',
  },
  {
    value: 'push',
    label: 'PUSH (pipeline)',
    hint: 'Each message to the next connected peer with room, round-robin. When every pipe is full the send waits: PUSH never drops (ZMQ-5).',
  },
  {
    value: 'dealer',
    label: 'DEALER',
    hint: 'Round-robin like PUSH, and the send waits when every pipe is full (ZMQ-6).',
  },
  {
    value: 'router',
    label: 'ROUTER',
    hint: 'Each message to the peer whose node id is its key (the identity frame). An unknown identity, a peer not connected, or a full pipe: dropped silently (ZMQ-6).',
  },
];

export function ZmqSocketForm({ id, data }: KindFormProps<'zmq-socket'>) {
  const config = data.config;
  const commit = (candidate: unknown) =>
    applyIfValid(zmqSocketConfigSchema, candidate, (next) => useTopologyStore.getState().updateNodeData(id, { ...data, config: next }));
  const peers = useLinkedTargets(id);
  const patternHint = PATTERN_OPTIONS.find((o) => o.value === config.pattern)?.hint;
  return (
    <>
      <FieldGroup legend="Socket" testId="group-socket">
        <SelectField
          label="Pattern"
          value={config.pattern}
          options={PATTERN_OPTIONS}
          hint={patternHint}
          testId="field-pattern"
          onCommit={(pattern) => commit({ ...config, pattern })}
        />
        {config.pattern === 'router' && (
          <p className="mf-inspector__note" data-testid="router-identities">
            {peers.length === 0
              ? 'Link the peers first: a message’s key names the peer it goes to.'
              : `Keys that reach a peer: ${peers.map((p) => p.value).join(', ')}.`}
          </p>
        )}
      </FieldGroup>
      <FieldGroup legend="Pipes" note="One pipe per peer (per link): what was sent to the peer and not yet processed by it." testId="group-pipes">
        <NumberField
          label="Send HWM"
          unit="msgs"
          value={config.sendHwm}
          hint="ZMQ_SNDHWM (ZMQ-1, libzmq: 1000): how much one pipe holds before PUB and ROUTER drop and PUSH and DEALER wait. 0: no limit."
          testId="field-send-hwm"
          onCommit={(sendHwm) => commit({ ...config, sendHwm })}
        />
        <NumberField
          label="Receive HWM"
          unit="msgs"
          value={config.receiveHwm}
          optional
          placeholder="not counted apart"
          hint="ZMQ_RCVHWM of the peers (libzmq: 1000): their receive queues add this much room to each pipe. 0: no limit. Empty: the send HWM alone bounds a pipe."
          testId="field-receive-hwm"
          onCommit={(receiveHwm) => commit(withOptional(config, 'receiveHwm', receiveHwm))}
        />
        <NumberField
          label="Connection handshake"
          unit="ms"
          value={config.connectDelayMs}
          hint="ZMQ-4: a peer gets nothing for this long after its link opens (Opens at, on the link) or it restarts: a subscriber still connecting misses what is published meanwhile."
          testId="field-connect-delay"
          onCommit={(connectDelayMs) => commit({ ...config, connectDelayMs })}
        />
      </FieldGroup>
    </>
  );
}
