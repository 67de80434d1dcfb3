import { mqttBrokerConfigSchema } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { CheckboxField, FieldGroup, NumberField } from '../inspector/fields.tsx';
import { AclFields } from '../inspector/AclFields.tsx';
import { applyIfValid, withOptional } from '../inspector/validation.ts';
import type { KindFormProps } from './form-props.ts';

export function MqttBrokerForm({ id, data }: KindFormProps<'mqtt-broker'>) {
  const config = data.config;
  const commit = (candidate: unknown) =>
    applyIfValid(mqttBrokerConfigSchema, candidate, (next) => useTopologyStore.getState().updateNodeData(id, { ...data, config: next }));
  return (
    <>
      <p className="mf-inspector__note">
        Link it to consumers and select each link to set that subscriber&apos;s filters, their QoS and its session. A
        producer publishes on the topic given by its key, with its own QoS, retain flag and Last Will.
      </p>
      <FieldGroup legend="Sessions" testId="group-sessions">
        <NumberField
          label="Max queued messages"
          unit="msgs"
          value={config.maxQueuedMessages}
          hint="Mosquitto max_queued_messages (1000): per offline persistent-session subscriber; beyond it QoS 1/2 messages are dropped."
          testId="field-max-queued"
          onCommit={(maxQueuedMessages) => commit({ ...config, maxQueuedMessages })}
        />
        <CheckboxField
          label="Queue QoS 0 messages too"
          checked={config.queueQos0}
          hint="Mosquitto queue_qos0_messages (off by default): MQ-4 queues only QoS 1 and 2 for offline sessions."
          testId="field-queue-qos0"
          onCommit={(queueQos0) => commit({ ...config, queueQos0 })}
        />
      </FieldGroup>
      <FieldGroup legend="Delivery" testId="group-delivery">
        <NumberField
          label="Resend after"
          unit="ms"
          value={config.resendAfterMs}
          hint="MQ-1: a QoS 1 or 2 delivery not acknowledged within this long is sent again (a lost PUBACK makes a QoS 1 duplicate)."
          testId="field-resend-after"
          onCommit={(resendAfterMs) => commit({ ...config, resendAfterMs })}
        />
      </FieldGroup>
      <AclFields id={id} acl={config.acl} receivers onCommit={(acl) => commit(withOptional(config, 'acl', acl))} />
    </>
  );
}
