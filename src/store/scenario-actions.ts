import { applyVariant, loadTopology } from '../model/index.ts';
import { hasUnsavedChanges, markClean, openTopologyUrl, SCENARIOS_URL } from './document-actions.ts';
import { revertToOrigin, useScenarioStore } from './scenario-store.ts';
import { currentTopology, useTopologyStore } from './topology-store.ts';
import { useUiStore } from './ui-store.ts';

/** One entry of public/scenarios/index.json. */
export interface ScenarioEntry {
  /** A file name in the scenarios folder. */
  file: string;
  title: string;
  summary: string;
}

export const SCENARIO_INDEX_URL = `${SCENARIOS_URL}index.json`;

// A plain file name: the index can only point into the scenarios folder.
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.json$/;

function isEntry(value: unknown): value is ScenarioEntry {
  if (value === null || typeof value !== 'object') return false;
  const { file, title, summary } = value as Record<string, unknown>;
  return typeof file === 'string' && FILE_NAME.test(file) && typeof title === 'string' && typeof summary === 'string';
}

/** The scenario list, in its order; throws with a readable reason when it cannot be read. */
export async function fetchScenarioIndex(): Promise<ScenarioEntry[]> {
  const response = await fetch(SCENARIO_INDEX_URL);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const list: unknown = await response.json();
  if (!Array.isArray(list)) throw new Error('the scenario index is not a list');
  const entries = list.filter(isEntry);
  if (entries.length !== list.length) throw new Error('the scenario index has entries without a file, title and summary');
  return entries;
}

/** Opens a scenario on the canvas (the same path as Open); a bad file leaves the canvas as it was. */
export function openScenario(entry: ScenarioEntry): Promise<boolean> {
  return openTopologyUrl(`${SCENARIOS_URL}${entry.file}`, entry.title);
}

/**
 * Switches the scenario on the canvas to one of its variants, or back to the original
 * (`null`): the fields any variant changes go back to how the scenario was opened, then
 * the variant's are merged in (applyVariant, so the result is validated). Positions and
 * everything else stay; the run resets, as after any edit. A canvas with nothing unsaved
 * stays so: a variant is part of the scenario, not the user's own work.
 */
export function switchVariant(variantId: string | null): boolean {
  const { origin } = useScenarioStore.getState();
  const current = currentTopology();
  if (!origin || !current.scenario) return false;
  const base = revertToOrigin(current, origin);
  const result = variantId === null ? loadTopology(base) : applyVariant(base, variantId);
  if (!result.ok) {
    const label = current.scenario.variants.find((v) => v.id === variantId)?.label ?? variantId;
    useUiStore.getState().showProblem({
      title: variantId === null ? 'The original settings could not be restored' : `The variant "${label}" could not be applied`,
      issues: result.error.issues,
    });
    return false;
  }
  const wasClean = !hasUnsavedChanges();
  useTopologyStore.getState().replace(result.topology);
  useScenarioStore.setState({ active: variantId });
  useUiStore.getState().dismissProblem();
  if (wasClean) markClean();
  return true;
}
