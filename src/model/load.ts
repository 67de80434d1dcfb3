import { FORMAT_VERSION, topologySchema, type Topology } from './schema.ts';
import { MIGRATIONS } from './migrations.ts';

export type LoadErrorKind = 'not-a-topology' | 'too-new' | 'migration-failed' | 'invalid';

export interface LoadIssue {
  /** A JSON path into the file, e.g. `nodes[2].config.rate.perSecond`; `(root)` for the whole file. */
  path: string;
  message: string;
}

export interface LoadError {
  kind: LoadErrorKind;
  issues: LoadIssue[];
}

export type LoadResult = { ok: true; topology: Topology; migratedFrom?: number } | { ok: false; error: LoadError };

const FORMAT_TAG = /^msgflow\/(\d+)$/;

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

/** Names the node or edge a path points into, so "nodes[3]" also says which node. */
function describeOwner(doc: unknown, path: readonly PropertyKey[]): string {
  const [list, index] = path;
  if ((list !== 'nodes' && list !== 'edges') || typeof index !== 'number') return '';
  const items = (doc as Record<string, unknown>)[list];
  if (!Array.isArray(items)) return '';
  const item: unknown = items[index];
  if (item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string') {
    return ` (${list === 'nodes' ? 'node' : 'edge'} "${(item as { id: string }).id}")`;
  }
  return '';
}

function fail(kind: LoadErrorKind, path: string, message: string): LoadResult {
  return { ok: false, error: { kind, issues: [{ path, message }] } };
}

/**
 * The one load pipeline for files, autosave, share URLs, scenarios and the CLI:
 * outer shape, version gate, numbered migrations, then schema validation.
 */
export function loadTopology(input: unknown): LoadResult {
  let doc: unknown = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch (e) {
      return fail('not-a-topology', '(root)', `not valid JSON: ${(e as Error).message}`);
    }
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return fail('not-a-topology', '(root)', 'expected a JSON object with "format": "msgflow/1"');
  }
  const format = (doc as Record<string, unknown>).format;
  const match = typeof format === 'string' ? FORMAT_TAG.exec(format) : null;
  if (!match) {
    return fail(
      'not-a-topology',
      'format',
      `expected a format tag like "msgflow/${FORMAT_VERSION}", got ${format === undefined ? 'none' : JSON.stringify(format)}`,
    );
  }
  const version = Number(match[1]);
  if (version > FORMAT_VERSION) {
    return fail('too-new', 'format', `this file is msgflow/${version}; this version of msgflow reads up to msgflow/${FORMAT_VERSION}`);
  }
  let migrated: unknown = doc;
  for (let v = version; v < FORMAT_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return fail('migration-failed', 'format', `no migration from msgflow/${v} to msgflow/${v + 1}`);
    try {
      migrated = step(migrated);
    } catch (e) {
      return fail('migration-failed', 'format', `migrating msgflow/${v} to msgflow/${v + 1} failed: ${(e as Error).message}`);
    }
  }
  const parsed = topologySchema.safeParse(migrated);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        kind: 'invalid',
        issues: parsed.error.issues.map((issue) => ({
          path: formatPath(issue.path) + describeOwner(migrated, issue.path),
          message: issue.message,
        })),
      },
    };
  }
  return version < FORMAT_VERSION
    ? { ok: true, topology: parsed.data, migratedFrom: version }
    : { ok: true, topology: parsed.data };
}

/** One line per issue, for the CLI and error banners. */
export function describeLoadError(error: LoadError): string {
  const head: Record<LoadErrorKind, string> = {
    'not-a-topology': 'Not a msgflow topology',
    'too-new': 'File is from a newer msgflow',
    'migration-failed': 'Could not upgrade the file',
    invalid: 'Invalid topology',
  };
  return [head[error.kind] + ':', ...error.issues.map((i) => `  ${i.path}: ${i.message}`)].join('\n');
}
