import { exportTopologyJson } from '../export/index.ts';
import { loadTopology, type LoadErrorKind, type Topology } from '../model/index.ts';
import { rememberScenario } from './scenario-store.ts';
import { currentTopology, useTopologyStore } from './topology-store.ts';
import { useUiStore } from './ui-store.ts';

export const AUTOSAVE_KEY = 'msgflow:autosave';
/** The file text of the canvas as last opened or saved, so a reload still knows what is unsaved. */
export const BASELINE_KEY = 'msgflow:baseline';
export const SCENARIOS_URL = `${import.meta.env.BASE_URL}scenarios/`;
export const DEFAULT_SCENARIO_URL = `${SCENARIOS_URL}work-queue.json`;

/** The canvas as last opened, saved or started empty; null: not known (an autosave from an older build). */
let baseline: string | null = null;

/** What is on the canvas now is what was opened or saved: nothing unsaved. */
export function markClean(text: string = topologyFileText()): void {
  baseline = text;
  try {
    localStorage.setItem(BASELINE_KEY, text);
  } catch {
    // Storage disabled: the baseline lasts until the page is reloaded.
  }
}

/**
 * True when the canvas differs from what was last opened or saved (a moved node counts).
 * Without a baseline, any non-empty canvas counts as unsaved work.
 */
export function hasUnsavedChanges(): boolean {
  if (baseline !== null) return topologyFileText() !== baseline;
  const { nodes, edges } = useTopologyStore.getState();
  return nodes.length > 0 || edges.length > 0;
}

/** Replaces the canvas with a whole topology that was opened (not edited): it is the baseline and, if a scenario, its original. */
function putOpened(topology: Topology): void {
  useTopologyStore.getState().replace(topology);
  rememberScenario(topology);
  markClean();
}

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
  putOpened(result.topology);
  ui.dismissProblem();
  ui.requestFit();
  if (result.migratedFrom !== undefined) ui.notify(`${source} was upgraded from msgflow/${result.migratedFrom}.`);
  return true;
}

/**
 * Fetches a topology file from the app's own scenarios and opens it; a fetch failure or a
 * bad file shows the problem panel and leaves the canvas as it was.
 */
export async function openTopologyUrl(url: string, source: string): Promise<boolean> {
  let text: string;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    text = await response.text();
  } catch (error) {
    useUiStore.getState().showProblem({
      title: `${source} could not be fetched`,
      issues: [{ path: url, message: error instanceof Error ? error.message : String(error) }],
    });
    return false;
  }
  return openTopologyText(text, source);
}

export function loadDefaultScenario(): Promise<boolean> {
  return openTopologyUrl(DEFAULT_SCENARIO_URL, 'Default scenario');
}

export function newTopology(): void {
  useTopologyStore.getState().clear();
  rememberScenario(currentTopology());
  markClean();
  useUiStore.getState().dismissProblem();
}

/** The file to download for Save; from now on the canvas counts as saved. */
export function saveTopologyText(): string {
  const text = topologyFileText();
  markClean(text);
  return text;
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
    rememberScenario(restored.topology);
    try {
      baseline = localStorage.getItem(BASELINE_KEY);
    } catch {
      baseline = null;
    }
    ui.requestFit();
  } else {
    if (restored) ui.notify('The autosaved topology could not be read; the default scenario was loaded instead.', 'warning');
    await loadDefaultScenario();
  }
  ui.markReady();
}
