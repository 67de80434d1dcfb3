import type { SimContext } from './node.ts';

/** A body parked by a claim check. */
export interface Parking {
  /** The message id it was parked under (shared by the message's copies). */
  id: number;
  sizeBytes: number;
  /** Node index of the check-in that parked it. */
  owner: number;
}

/**
 * A named store of a claim check (SEMANTICS.md §5): the bodies parked by check-in nodes,
 * by message id, for check-out nodes of the same store name to take back. A message
 * checked in twice (two copies, or two check-ins) has two bodies, taken oldest first.
 */
export class ClaimStore {
  private readonly byId = new Map<number, Parking[]>();
  /** Bodies in the store now. */
  parked = 0;

  park(parking: Parking): void {
    const list = this.byId.get(parking.id);
    if (list) list.push(parking);
    else this.byId.set(parking.id, [parking]);
    this.parked++;
  }

  /** The oldest body parked under `id`, taken out of the store unless `keep`; undefined: none. */
  claim(id: number, keep: boolean): Parking | undefined {
    const parking = this.byId.get(id)?.[0];
    if (parking && !keep) this.remove(parking);
    return parking;
  }

  /** Deletes a body; false when it was no longer there (taken already). */
  remove(parking: Parking): boolean {
    const list = this.byId.get(parking.id);
    const at = list ? list.indexOf(parking) : -1;
    if (at < 0) return false;
    list!.splice(at, 1);
    if (list!.length === 0) this.byId.delete(parking.id);
    this.parked--;
    return true;
  }

  /** Deletes every body one check-in node parked (its crash); returns how many. */
  removeOwnedBy(owner: number): number {
    let removed = 0;
    for (const [id, list] of this.byId) {
      const kept = list.filter((p) => p.owner !== owner);
      removed += list.length - kept.length;
      if (kept.length === 0) this.byId.delete(id);
      else if (kept.length !== list.length) this.byId.set(id, kept);
    }
    this.parked -= removed;
    return removed;
  }
}

/**
 * The stores of each run, by name. Keyed by the run itself (its SimContext), so the
 * claim-check nodes of one run share a store by naming it, a new run starts with empty
 * stores, and a finished run's stores go with it.
 */
const storesByRun = new WeakMap<SimContext, Map<string, ClaimStore>>();

/** The run's store named `name`, made empty on first use. */
export function claimStore(sim: SimContext, name: string): ClaimStore {
  let stores = storesByRun.get(sim);
  if (!stores) storesByRun.set(sim, (stores = new Map()));
  let store = stores.get(name);
  if (!store) stores.set(name, (store = new ClaimStore()));
  return store;
}
