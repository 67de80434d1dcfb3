import { create } from 'zustand';

/**
 * Which message's trace is open (from a row of the event log or a dot on the canvas).
 * Only the id: the trace itself is asked of the engine while the panel shows it.
 */
interface TraceState {
  messageId: number | null;
  show(messageId: number): void;
  close(): void;
}

export const useTraceStore = create<TraceState>()((set) => ({
  messageId: null,
  show: (messageId) => set({ messageId }),
  close: () => set({ messageId: null }),
}));
