import type { Topology } from '../model/index.ts';

/** One file an export writes. */
export interface ExportFile {
  /** Suggested file name, made from the topology's name (see fileStem). */
  filename: string;
  mediaType: string;
  text: string;
}

/**
 * A simulated setting the target format cannot express. Every exporter lists these both
 * here and inside the file it writes (a comment or a notes section), so nothing is
 * silently dropped.
 */
export interface ExportNote {
  /** What carries the setting: `node "orders"`, `link "e3"`, `the run`. */
  where: string;
  /** The setting's name as the inspector and the topology file say it, with its value. */
  setting: string;
  /** Why the target has no equivalent, briefly. */
  why: string;
}

export interface ExportArtifact {
  /** Most formats write one file; Mosquitto writes a config and an ACL file. */
  files: readonly ExportFile[];
  notes: readonly ExportNote[];
}

export function describeNote(note: ExportNote): string {
  return `${note.where}: ${note.setting}: ${note.why}`;
}

/** A file-name stem from a topology name: lower case, dashes, never empty, never a path. */
export function fileStem(name: string): string {
  const stem = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return stem === '' ? 'topology' : stem;
}

/** Where an import went wrong: a path into the imported document and what was expected. */
export interface ImportIssue {
  /** `(root)`, or a path such as `queues[3].arguments.x-max-length`. */
  path: string;
  message: string;
}

export type ImportResult =
  | { ok: true; topology: Topology; notes: readonly ExportNote[] }
  | { ok: false; format: string; issues: readonly ImportIssue[] };

/** Longer imports are refused before parsing: a topology is kilobytes, not megabytes. */
export const MAX_IMPORT_CHARS = 5_000_000;

/** The size gate every importer runs first; undefined when the text may be parsed. */
export function importTooLarge(text: string, format: string): ImportResult | undefined {
  if (text.length <= MAX_IMPORT_CHARS) return undefined;
  return {
    ok: false,
    format,
    issues: [{ path: '(root)', message: `the file is ${(text.length / 1e6).toFixed(1)} million characters long; imports are limited to ${MAX_IMPORT_CHARS / 1e6} million` }],
  };
}
