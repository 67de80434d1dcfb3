import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { create } from 'zustand';
import { loadTopology, type Topology } from '../model/index.ts';
import { hasUnsavedChanges, openTopologyText, topologyFileText } from './document-actions.ts';
import { useTopologyStore } from './topology-store.ts';
import { useUiStore } from './ui-store.ts';

/** The hash parameter that carries a shared topology: `#t=<lz-string, URI-safe>`. */
export const SHARE_PARAM = 't';
/**
 * The longest link made or read, in characters of compressed topology. Browsers accept far
 * longer URLs, but chat tools, mail clients and link shorteners cut them well before this;
 * past it a file is the better way to share.
 */
export const MAX_SHARE_CHARS = 32_000;
const SOURCE = 'Shared link';

export type ShareResult = { ok: true; url: string } | { ok: false; reason: string };

/** A link to this page that opens `fileText`, or why there cannot be one. */
export function shareUrlFor(fileText: string, base: string): ShareResult {
  const packed = compressToEncodedURIComponent(fileText);
  if (packed.length > MAX_SHARE_CHARS) {
    const kb = (n: number): string => `${Math.ceil(n / 1000)} KB`;
    return {
      ok: false,
      reason: `This topology is too large to share as a link (${kb(packed.length)} compressed; links stop at ${kb(MAX_SHARE_CHARS)}). Save it and share the file instead.`,
    };
  }
  return { ok: true, url: `${base.split('#')[0]}#${SHARE_PARAM}=${packed}` };
}

export type SharedText = { kind: 'none' } | { kind: 'text'; text: string } | { kind: 'damaged'; reason: string };

/** The topology file text a URL hash carries, if any. */
export function sharedTextFrom(hash: string): SharedText {
  // Read by hand: URLSearchParams would turn the '+' of lz-string's URI alphabet into a space.
  const raw = new RegExp(`^#?(?:.*&)?${SHARE_PARAM}=([^&]*)`).exec(hash)?.[1];
  if (raw === undefined) return { kind: 'none' };
  if (raw.length > MAX_SHARE_CHARS) return { kind: 'damaged', reason: `The link carries ${raw.length} characters; shared links stop at ${MAX_SHARE_CHARS}.` };
  let text: string | null;
  try {
    text = decompressFromEncodedURIComponent(raw);
  } catch {
    text = null;
  }
  // lz-string returns null or an empty string for input it cannot unpack.
  if (!text) return { kind: 'damaged', reason: 'The link is cut short or changed: its topology cannot be unpacked.' };
  return { kind: 'text', text };
}

interface ShareState {
  /** The link last made by Share, shown in the share dialog. */
  made: (ShareResult & { copied: boolean }) | null;
  /** A shared topology waiting for the user to confirm it may replace unsaved work. */
  pending: Topology | null;
}

export const useShareStore = create<ShareState>()(() => ({ made: null, pending: null }));

function dropHashFromAddressBar(): void {
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
}

/**
 * Makes a link for the canvas, shows it in the address bar (until the next edit, when it
 * would no longer describe the canvas) and tries to copy it; the share dialog shows the result.
 */
export async function shareCanvas(): Promise<void> {
  const result = shareUrlFor(topologyFileText(), location.href);
  if (!result.ok) {
    useShareStore.setState({ made: { ...result, copied: false } });
    return;
  }
  history.replaceState(history.state, '', result.url);
  const revision = useTopologyStore.getState().docRevision;
  const stop = useTopologyStore.subscribe((state) => {
    if (state.docRevision === revision) return;
    stop();
    if (location.hash.length > 0) dropHashFromAddressBar();
  });
  let copied = false;
  try {
    await navigator.clipboard.writeText(result.url);
    copied = true;
  } catch {
    // No clipboard permission (or no secure context): the dialog offers the link to copy by hand.
  }
  useShareStore.setState({ made: { ...result, copied } });
}

/**
 * Opens the topology in the address bar's hash, if there is one, through the one load
 * pipeline: a damaged or invalid one shows the problem panel and leaves the canvas alone;
 * over unsaved work it waits for the user's answer. The hash is then cleared, so a reload
 * shows the autosaved canvas rather than asking again.
 */
export function openSharedFromLocation(): void {
  const shared = sharedTextFrom(location.hash);
  if (shared.kind === 'none') return;
  dropHashFromAddressBar();
  const ui = useUiStore.getState();
  if (shared.kind === 'damaged') {
    ui.showProblem({ title: `${SOURCE}: damaged`, issues: [{ path: '#t', message: shared.reason }] });
    return;
  }
  const result = loadTopology(shared.text);
  if (result.ok && hasUnsavedChanges()) {
    useShareStore.setState({ pending: result.topology });
    return;
  }
  openTopologyText(shared.text, SOURCE);
}

/** The user's answer about a pending shared topology: replace the canvas with it, or keep the canvas. */
export function settlePendingShare(replace: boolean): void {
  const { pending } = useShareStore.getState();
  useShareStore.setState({ pending: null });
  if (replace && pending) openTopologyText(JSON.stringify(pending), SOURCE);
}

/** Opens shared links pasted into the address bar of a tab already open; returns a stop function. */
export function listenForSharedLinks(): () => void {
  const onHash = (): void => openSharedFromLocation();
  window.addEventListener('hashchange', onHash);
  return () => window.removeEventListener('hashchange', onHash);
}
