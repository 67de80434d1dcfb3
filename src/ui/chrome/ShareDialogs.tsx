import { useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { settlePendingShare, useShareStore } from '../../store/share-link.ts';
import { useModalDialog } from './use-modal-dialog.ts';

/** A modal `<dialog>` shown while `open`; Escape or the backdrop calls `onClose`. */
function Modal({ open, onClose, labelledBy, testId, children }: { open: boolean; onClose: () => void; labelledBy: string; testId: string; children: ReactNode }) {
  const dialog = useModalDialog(open);
  // In the body, not the toolbar: the toolbar's button styles must not reach the dialog.
  return createPortal(
    <dialog
      ref={dialog}
      className="mf-share"
      aria-labelledby={labelledBy}
      data-testid={testId}
      onClose={onClose}
      // A click on the backdrop lands on the dialog element itself.
      onClick={(e) => e.target === e.currentTarget && onClose()}
    >
      <div className="mf-share__body">{children}</div>
    </dialog>,
    document.body,
  );
}

function closeShare(): void {
  useShareStore.setState({ made: null });
}

/** The link Share made (or why it could not), with a copy button for when the clipboard refused. */
function ShareLinkDialog() {
  const made = useShareStore((s) => s.made);
  const field = useRef<HTMLInputElement>(null);

  const copy = async (): Promise<void> => {
    if (!made?.ok) return;
    try {
      await navigator.clipboard.writeText(made.url);
      useShareStore.setState({ made: { ...made, copied: true } });
    } catch {
      // Still no clipboard: select the link so Ctrl+C copies it.
      field.current?.select();
    }
  };

  return (
    <Modal open={made !== null} onClose={closeShare} labelledBy="mf-share-title" testId="share-dialog">
      <h2 id="mf-share-title">Share this topology</h2>
      {made?.ok === false && (
        <p className="mf-share__error" role="alert" data-testid="share-error">
          {made.reason}
        </p>
      )}
      {made?.ok === true && (
        <>
          <p>Anyone who opens this link sees this topology, checked like an opened file. The link holds the topology itself; nothing is uploaded.</p>
          <div className="mf-share__row">
            <input ref={field} readOnly value={made.url} aria-label="Link to this topology" data-testid="share-url" onFocus={(e) => e.target.select()} />
            <button type="button" onClick={() => void copy()} data-testid="share-copy">
              Copy
            </button>
          </div>
          <p className="mf-share__status" role="status" data-testid="share-status">
            {made.copied ? 'Copied to the clipboard.' : 'The browser did not allow copying: press Copy, or select the link and copy it.'}
          </p>
        </>
      )}
      <div className="mf-share__actions">
        <button type="button" onClick={closeShare} data-testid="share-close">
          Close
        </button>
      </div>
    </Modal>
  );
}

/** Asks before a shared link replaces unsaved work on the canvas. */
function PendingShareDialog() {
  const pending = useShareStore((s) => s.pending);
  return (
    <Modal open={pending !== null} onClose={() => settlePendingShare(false)} labelledBy="mf-share-confirm-title" testId="share-confirm">
      <h2 id="mf-share-confirm-title">Open the shared topology?</h2>
      <p>
        The link opens <strong>{pending?.name}</strong>, but the canvas has changes that are not saved. Open the link in its place?
      </p>
      <p className="mf-share__hint">Save first to keep them as a file; the current canvas is not kept otherwise.</p>
      <div className="mf-share__actions">
        <button type="button" onClick={() => settlePendingShare(false)} data-testid="share-confirm-keep">
          Keep my canvas
        </button>
        <button type="button" className="is-danger" onClick={() => settlePendingShare(true)} data-testid="share-confirm-replace">
          Open the link
        </button>
      </div>
    </Modal>
  );
}

export function ShareDialogs() {
  return (
    <>
      <ShareLinkDialog />
      <PendingShareDialog />
    </>
  );
}
