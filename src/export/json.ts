import { describeLoadError, FORMAT, loadTopology, type Topology } from '../model/index.ts';

/**
 * The msgflow JSON file: validated by the load pipeline, format tag first, two-space
 * indent, one trailing newline — stable output, so saved files diff cleanly.
 */
export function exportTopologyJson(topology: Topology): string {
  const checked = loadTopology(topology);
  if (!checked.ok) throw new Error(describeLoadError(checked.error));
  const { name, description, seed, nodes, edges, faults, scenario } = checked.topology;
  const ordered = {
    format: FORMAT,
    name,
    ...(description !== undefined ? { description } : {}),
    seed,
    nodes,
    edges,
    ...(faults.length > 0 ? { faults } : {}),
    ...(scenario !== undefined ? { scenario } : {}),
  };
  return JSON.stringify(ordered, null, 2) + '\n';
}
