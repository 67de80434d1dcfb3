import type { KindFormProps } from './form-props.ts';

export function TopicForm(_props: KindFormProps<'topic'>) {
  return (
    <p className="mf-inspector__note">
      No settings: connect it to queues or consumers. Each subscriber gets its own copy, so one slow subscriber does not
      hold up the others.
    </p>
  );
}
