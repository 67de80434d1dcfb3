import type { KindFormProps } from './form-props.ts';

export function QueueForm({ data }: KindFormProps<'queue'>) {
  return (
    <p className="mf-inspector__note">
      Ordering: <strong>{data.config.ordering.toUpperCase()}</strong>. Connect several consumers to make them compete: each
      message goes to one of them, so per-consumer order is not end-to-end order.
    </p>
  );
}
