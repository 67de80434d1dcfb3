/** Exporters (topology -> text) and, later, importers (text -> topology): pure functions. */
export { exportTopologyJson } from './json.ts';
