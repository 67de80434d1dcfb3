import { create } from 'zustand';
import type { DocumentSettings } from './convert.ts';
import type { FlowEdge, FlowNode } from './topology-types.ts';

/** What one undo step puts back: the document as it was after an edit (selection is not part of it). */
export interface EditSnapshot {
  doc: DocumentSettings;
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/** Undo steps kept; older ones are dropped so history stays bounded. */
export const HISTORY_LIMIT = 100;
/** Edits to the same thing this close together (typing in one field) are one undo step. */
const COALESCE_MS = 1000;

interface HistoryFlags {
  canUndo: boolean;
  canRedo: boolean;
}

/** Whether undo and redo can do anything, for the toolbar buttons. */
export const useHistoryStore = create<HistoryFlags>()(() => ({ canUndo: false, canRedo: false }));

/**
 * The undo history of the topology store: snapshots of the document after each edit worth
 * saving. The store calls `record` from its one `commit`, so a drag (saved once, on release),
 * a deletion (nodes and their links, committed in one task) and typing in one field each
 * become one step; selection and measuring never do, since they are not saved.
 */
export class EditHistory {
  private past: EditSnapshot[] = [];
  private future: EditSnapshot[] = [];
  /** The document after the last recorded edit: what undo returns to. */
  private settled: EditSnapshot;
  private batchOpen = false;
  private lastKey: string | undefined;
  private lastAt = -Infinity;

  constructor(
    private readonly read: () => EditSnapshot,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.settled = read();
  }

  /**
   * Called after an edit was committed. Commits made in the same task (React Flow removes
   * links, then nodes) join one step; `key` names what a small edit touched, so repeated
   * edits to it within a second join one step too.
   */
  record(key?: string): void {
    const at = this.now();
    const sameTarget = key !== undefined && key === this.lastKey && at - this.lastAt < COALESCE_MS;
    this.lastKey = key;
    this.lastAt = at;
    this.future = [];
    if (!this.batchOpen && !sameTarget) {
      this.past.push(this.settled);
      if (this.past.length > HISTORY_LIMIT) this.past.shift();
    }
    // The step's end state is read once the task's commits are all in.
    this.batchOpen = true;
    queueMicrotask(() => {
      this.batchOpen = false;
      this.settled = this.read();
    });
    this.publish();
  }

  /** Forgets every step (a whole new document was opened). */
  reset(): void {
    this.past = [];
    this.future = [];
    this.lastKey = undefined;
    this.batchOpen = false;
    this.settled = this.read();
    this.publish();
  }

  /** The snapshot to restore for undo, or undefined when there is nothing to undo. */
  undo(): EditSnapshot | undefined {
    return this.move(this.past, this.future);
  }

  redo(): EditSnapshot | undefined {
    return this.move(this.future, this.past);
  }

  private move(from: EditSnapshot[], to: EditSnapshot[]): EditSnapshot | undefined {
    const target = from.pop();
    if (!target) return undefined;
    to.push(this.read());
    this.settled = target;
    // The next edit starts a new step, even one to the field edited just before.
    this.lastKey = undefined;
    this.publish();
    return target;
  }

  private publish(): void {
    const flags = { canUndo: this.past.length > 0, canRedo: this.future.length > 0 };
    const shown = useHistoryStore.getState();
    if (shown.canUndo !== flags.canUndo || shown.canRedo !== flags.canRedo) useHistoryStore.setState(flags);
  }
}

/** Whether two snapshots would run the same (only positions, labels or the name differ). */
export function sameForRun(a: EditSnapshot, b: EditSnapshot): boolean {
  if (a.doc.seed !== b.doc.seed || a.doc.faults !== b.doc.faults) return false;
  if (a.nodes.length !== b.nodes.length || a.edges.length !== b.edges.length) return false;
  const sameNodes = a.nodes.every((n, i) => {
    const m = b.nodes[i];
    return m !== undefined && m.id === n.id && m.data.kind === n.data.kind && m.data.config === n.data.config;
  });
  const sameEdges = a.edges.every((e, i) => {
    const f = b.edges[i];
    return f !== undefined && f.id === e.id && f.source === e.source && f.target === e.target && f.data === e.data;
  });
  return sameNodes && sameEdges;
}
