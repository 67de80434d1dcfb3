import type { NodeKind } from '../../model/index.ts';
import type { KindData } from '../../store/topology-types.ts';

/** What the inspector gives a kind's form: the node's id and current data. */
export interface KindFormProps<K extends NodeKind> {
  id: string;
  data: KindData<K>;
}
