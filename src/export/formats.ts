import type { Topology } from '../model/index.ts';
import { fileStem, type ExportArtifact, type ImportResult } from './artifact.ts';
import { exportTopologyJson } from './json.ts';

export interface ExportFormat {
  /** The CLI's `--format` value. */
  id: string;
  /** The Export menu's label. */
  label: string;
  /** One line on what the file is for and what accepts it. */
  description: string;
  export(topology: Topology): ExportArtifact;
}

export interface ImportFormat {
  /** The CLI's `--from` value. */
  id: string;
  label: string;
  description: string;
  /** File name endings the Import dialog offers, with the dot. */
  extensions: readonly string[];
  /** Never throws: bad input comes back as `ok: false` with the path and the problem. */
  import(text: string): ImportResult;
}

/** Every export, in the order the Export menu lists them. Exporters throw only on an invalid topology. */
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  {
    id: 'json',
    label: 'msgflow JSON',
    description: 'The topology file itself, validated and versioned: open it again in msgflow or the CLI.',
    export: (topology) => ({
      files: [{ filename: `${fileStem(topology.name)}.msgflow.json`, mediaType: 'application/json', text: exportTopologyJson(topology) }],
      notes: [],
    }),
  },
];

/** Every import, in the order the Import dialog lists them. */
export const IMPORT_FORMATS: readonly ImportFormat[] = [];

export function exportFormat(id: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((f) => f.id === id);
}

export function importFormat(id: string): ImportFormat | undefined {
  return IMPORT_FORMATS.find((f) => f.id === id);
}
