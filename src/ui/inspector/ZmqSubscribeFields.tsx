import type { ZmqSocketConfig } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { CheckboxField, FieldGroup, type Commit } from './fields.tsx';
import { TextList } from './row-list.tsx';

/** The empty prefix: it starts every key, so it subscribes to everything (ZMQ-3). */
const EVERYTHING = '';

/** Whether the subscription takes every message: the default (none set) or the empty prefix among them. */
export function subscribesToEverything(subscribe: readonly string[] | undefined): boolean {
  return subscribe === undefined || subscribe.includes(EVERYTHING);
}

/** The prefixes other than the empty one, as the rows show them. */
export function prefixRows(subscribe: readonly string[] | undefined): string[] {
  return (subscribe ?? []).filter((prefix) => prefix !== EVERYTHING);
}

/** Prefixes from the rows: trimmed (as a producer's keys are), empty boxes skipped (a just-added row subscribes to nothing yet). */
export function prefixesFromRows(rows: readonly string[]): string[] {
  return rows.map((row) => row.trim()).filter((prefix) => prefix !== EVERYTHING);
}

/** The subscription to keep on the edge: none for "everything and nothing else" (the default), so files stay minimal. */
export function subscribeValue(everything: boolean, prefixes: readonly string[]): string[] | undefined {
  if (everything && prefixes.length === 0) return undefined;
  return everything ? [EVERYTHING, ...prefixes] : [...prefixes];
}

/** The subscription in a few words for the link's label: "weather.… · news…", "everything", "subscribes to nothing". */
export function zmqSubscribeSummary(subscribe: readonly string[] | undefined): string {
  if (subscribe === undefined) return '';
  if (subscribe.length === 0) return 'subscribes to nothing';
  return subscribe.map((prefix) => (prefix === EVERYTHING ? 'everything' : `${prefix}…`)).join(' · ');
}

/**
 * A subscriber's prefixes at the ZeroMQ socket its link comes from (ZMQ-3): a message comes
 * when one of them starts its key. Only a PUB socket reads them.
 */
export function ZmqSubscribeFields({ socketId, subscribe, onCommit }: {
  /** The ZeroMQ socket at the near end of the link. */
  socketId: string;
  subscribe: string[] | undefined;
  /** Gets the whole edited subscription (undefined: the default, everything); returns the problem to show, or undefined once applied. */
  onCommit: Commit<string[] | undefined>;
}) {
  const pattern = useTopologyStore((s): ZmqSocketConfig['pattern'] | undefined => {
    const node = s.nodes.find((n) => n.id === socketId);
    return node?.data.kind === 'zmq-socket' ? node.data.config.pattern : undefined;
  });
  const everything = subscribesToEverything(subscribe);
  const prefixes = prefixRows(subscribe);
  if (pattern !== 'pub') {
    return (
      <FieldGroup legend="Subscription" testId="group-zmq-subscribe">
        <p className="mf-fieldset__note" data-testid="zmq-subscribe-ignored">
          Only a PUB socket reads subscriptions; this one is {pattern?.toUpperCase() ?? 'not a socket'}: every message it sends this peer
          comes whatever its key.
        </p>
      </FieldGroup>
    );
  }
  return (
    <FieldGroup
      legend="Subscription"
      testId="group-zmq-subscribe"
      note="What this subscriber subscribes to at the PUB socket: a message comes when one of its prefixes starts the message key (ZMQ-3)."
    >
      <CheckboxField
        label="Everything (the empty prefix)"
        checked={everything}
        hint="A subscriber with no subscription at all receives nothing."
        testId="zmq-subscribe-all"
        onCommit={(all) => onCommit(subscribeValue(all, prefixes))}
      />
      <TextList
        label="Prefixes"
        values={prefixes}
        fromRows={prefixesFromRows}
        placeholder="e.g. weather."
        rowLabel={(i) => `Prefix ${i + 1}`}
        removeLabel={(i) => `Remove prefix ${i + 1}`}
        removeTitle="Remove this prefix"
        addLabel="+ Prefix"
        testIds={{ list: 'zmq-prefixes', row: 'zmq-prefix', add: 'zmq-add-prefix' }}
        warning={subscribe !== undefined && subscribe.length === 0 ? 'No subscription: this subscriber receives nothing (ZMQ-3).' : undefined}
        hint={
          everything ? (
            'Prefixes add nothing while it takes everything.'
          ) : (
            <>
              Compared byte by byte with the start of the key: <code>weather.</code> takes <code>weather.eu</code> and{' '}
              <code>weather.us</code>; a message without a key matches only the empty prefix.
            </>
          )
        }
        messageTestId="zmq-subscribe"
        onCommit={(next) => onCommit(subscribeValue(everything, next))}
      />
    </FieldGroup>
  );
}
