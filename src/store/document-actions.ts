import { exportTopologyJson } from '../export/index.ts';
import { loadTopology, type LoadErrorKind } from '../model/index.ts';
import { currentTopology, useTopologyStore } from './topology-store.ts';
import { useUiStore } from './ui-store.ts';

export const AUTOSAVE_KEY = 'msgflow:autosave';
export const DEFAULT_SCENARIO_URL = `${import.meta.env.BASE_URL}scenarios/work-queue.json`;

const PROBLEM_TITLES: Record<LoadErrorKind, string> = {
  'not-a-topology': 'not a msgflow topology',
  'too-new': 'made by a newer msgflow',
  'migration-failed': 'could not be upgraded',
  invalid: 'invalid topology',
};

/**
 * Puts a topology file's text on the canvas. On any problem the canvas is left as it was
 * and the problem panel lists each JSON path; returns whether it loaded.
 */
export function openTopologyText(text: string, source: string): boolean {
  const ui = useUiStore.getState();
  const result = loadTopology(text);
  if (!result.ok) {
    ui.showProblem({ title: `${source}: ${PROBLEM_TITLES[result.error.kind]}`, issues: result.error.issues });
    return false;
  }
  useTopologyStore.getState().replace(result.topology);
  ui.dismissProblem();
  ui.requestFit();
  if (result.migratedFrom !== undefined) ui.notify(`${source} was upgraded from msgflow/${result.migratedFrom}.`);
  return true;
}

export async function loadDefaultScenario(): Promise<boolean> {
  try {
    const response = await fetch(DEFAULT_SCENARIO_URL);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return openTopologyText(await response.text(), 'Default scenario');
  } catch (error) {
    useUiStore.getState().showProblem({
      title: 'The default scenario could not be fetched',
      issues: [{ path: DEFAULT_SCENARIO_URL, message: error instanceof Error ? error.message : String(error) }],
    });
    return false;
  }
}

export function newTopology(): void {
  useTopologyStore.getState().clear();
  useUiStore.getState().dismissProblem();
}

/** The canvas as a file: validated and in the stable export layout when it is valid. */
export function topologyFileText(): string {
  const topology = currentTopology();
  try {
    return exportTopologyJson(topology);
  } catch {
    // Work in progress is saved as it is rather than refused: nothing the user made is lost.
    return `${JSON.stringify(topology, null, 2)}\n`;
  }
}

/** Saves every edit to localStorage; returns a stop function. */
export function startAutosave(): () => void {
  return useTopologyStore.subscribe((state, prev) => {
    if (state.docRevision === prev.docRevision) return;
    try {
      localStorage.setItem(AUTOSAVE_KEY, topologyFileText());
    } catch {
      useUiStore.getState().notify('Autosave failed: browser storage is full or disabled.', 'warning');
    }
  });
}

/** The start-up canvas: the autosaved topology if it still loads, else the default scenario. */
export async function restoreStartupTopology(): Promise<void> {
  const ui = useUiStore.getState();
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(AUTOSAVE_KEY);
  } catch {
    // Storage disabled: start from the default scenario.
  }
  const restored = saved !== null && loadTopology(saved);
  if (restored && restored.ok) {
    useTopologyStore.getState().replace(restored.topology);
    ui.requestFit();
  } else {
    if (restored) ui.notify('The autosaved topology could not be read; the default scenario was loaded instead.', 'warning');
    await loadDefaultScenario();
  }
  ui.markReady();
}
