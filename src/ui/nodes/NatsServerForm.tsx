import { natsServerConfigSchema } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { AclFields } from '../inspector/AclFields.tsx';
import { applyIfValid, withOptional } from '../inspector/validation.ts';
import type { KindFormProps } from './form-props.ts';

export function NatsServerForm({ id, data }: KindFormProps<'nats-server'>) {
  const config = data.config;
  const commit = (candidate: unknown) =>
    applyIfValid(natsServerConfigSchema, candidate, (next) => useTopologyStore.getState().updateNodeData(id, { ...data, config: next }));
  return (
    <>
      <p className="mf-inspector__note">
        Link it to consumers and select each link to set that subscriber&apos;s subject and queue group. A producer publishes
        on the subject given by its key. Core NATS keeps nothing: no acks, no redelivery, nothing held for a subscriber that
        is away.
      </p>
      <AclFields id={id} acl={config.acl} receivers onCommit={(acl) => commit(withOptional(config, 'acl', acl))} />
    </>
  );
}
