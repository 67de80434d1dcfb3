import { create } from 'zustand';

export type Theme = 'light' | 'dark';

/** How the editor looks and behaves for this person; kept per browser, never in the topology file. */
interface EditorPrefs {
  theme: Theme;
  snapToGrid: boolean;
}

interface EditorPrefActions {
  toggleTheme(): void;
  toggleSnap(): void;
}

export const PREFS_KEY = 'msgflow:editor';
/** The canvas grid, in flow units: the background dots and snapping share it. */
export const GRID = 20;

function systemTheme(): Theme {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function readPrefs(): EditorPrefs {
  const fallback: EditorPrefs = { theme: systemTheme(), snapToGrid: false };
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(PREFS_KEY) ?? 'null');
    if (saved === null || typeof saved !== 'object') return fallback;
    const { theme, snapToGrid } = saved as Record<string, unknown>;
    return {
      theme: theme === 'dark' || theme === 'light' ? theme : fallback.theme,
      snapToGrid: typeof snapToGrid === 'boolean' ? snapToGrid : fallback.snapToGrid,
    };
  } catch {
    // Storage disabled or a damaged entry: the defaults.
    return fallback;
  }
}

export const useEditorPrefs = create<EditorPrefs & EditorPrefActions>()((set, get) => {
  const save = (patch: Partial<EditorPrefs>): void => {
    set(patch);
    const { theme, snapToGrid } = get();
    try {
      localStorage.setItem(PREFS_KEY, JSON.stringify({ theme, snapToGrid }));
    } catch {
      // Storage disabled: the choice lasts until the page is reloaded.
    }
  };
  return {
    ...readPrefs(),
    toggleTheme: () => save({ theme: get().theme === 'dark' ? 'light' : 'dark' }),
    toggleSnap: () => save({ snapToGrid: !get().snapToGrid }),
  };
});

/** Keeps `<html data-theme>` in step with the chosen theme (the CSS reads it); returns a stop function. */
export function applyTheme(): () => void {
  const apply = (theme: Theme): void => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  };
  apply(useEditorPrefs.getState().theme);
  return useEditorPrefs.subscribe((state, prev) => {
    if (state.theme !== prev.theme) apply(state.theme);
  });
}
