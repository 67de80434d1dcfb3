/** Exporters (topology -> text) and importers (text -> topology): pure functions. */
export { exportTopologyJson } from './json.ts';
export * from './artifact.ts';
export * from './formats.ts';
