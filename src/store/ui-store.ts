import { create } from 'zustand';
import type { LoadIssue } from '../model/index.ts';

export type NoticeTone = 'info' | 'warning' | 'error';

export interface Notice {
  id: number;
  text: string;
  tone: NoticeTone;
}

/** A problem with a file or topology the user asked to load or run; shown until dismissed. */
export interface ProblemReport {
  title: string;
  issues: LoadIssue[];
}

interface UiState {
  /** True once the start-up topology (autosave or default scenario) is on the canvas. */
  ready: boolean;
  notices: Notice[];
  problem: ProblemReport | null;
  /** Bumped to ask the canvas to fit the view (after the whole topology was replaced). */
  fitRequest: number;
}

interface UiActions {
  notify(text: string, tone?: NoticeTone): void;
  dismissNotice(id: number): void;
  showProblem(problem: ProblemReport): void;
  dismissProblem(): void;
  requestFit(): void;
  markReady(): void;
}

const NOTICE_MS = 3500;
let noticeSeq = 0;

export const useUiStore = create<UiState & UiActions>()((set, get) => ({
  ready: false,
  notices: [],
  problem: null,
  fitRequest: 0,

  notify(text, tone = 'info') {
    // The same message twice in a row (e.g. repeated refused drags) shows once.
    if (get().notices.some((n) => n.text === text)) return;
    const id = ++noticeSeq;
    set({ notices: [...get().notices, { id, text, tone }].slice(-4) });
    setTimeout(() => get().dismissNotice(id), tone === 'error' ? NOTICE_MS * 2 : NOTICE_MS);
  },
  dismissNotice(id) {
    set({ notices: get().notices.filter((n) => n.id !== id) });
  },
  showProblem(problem) {
    set({ problem });
  },
  dismissProblem() {
    set({ problem: null });
  },
  requestFit() {
    set({ fitRequest: get().fitRequest + 1 });
  },
  markReady() {
    set({ ready: true });
  },
}));
