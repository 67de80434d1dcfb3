import { topicConfigSchema } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { AclFields } from '../inspector/AclFields.tsx';
import { applyIfValid, withOptional } from '../inspector/validation.ts';
import type { KindFormProps } from './form-props.ts';

export function TopicForm({ id, data }: KindFormProps<'topic'>) {
  const config = data.config;
  const commit = (candidate: unknown) =>
    applyIfValid(topicConfigSchema, candidate, (next) => useTopologyStore.getState().updateNodeData(id, { ...data, config: next }));
  return (
    <>
      <p className="mf-inspector__note">
        Connect it to queues or consumers. Each subscriber gets its own copy, so one slow subscriber does not hold up the
        others. A subscriber that is down misses what is published meanwhile, unless its link holds a durable
        subscription (select the link).
      </p>
      <AclFields id={id} acl={config.acl} receivers onCommit={(acl) => commit(withOptional(config, 'acl', acl))} />
    </>
  );
}
