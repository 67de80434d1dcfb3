import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/app.css';
import './ui/scenarios.css';
import './ui/theme.css';
import { restoreStartupTopology, startAutosave } from './store/document-actions.ts';
import { applyTheme } from './store/editor-prefs.ts';
import { listenForSharedLinks, openSharedFromLocation } from './store/share-link.ts';
import { startMetricsRecording } from './store/metrics-history.ts';
import { startSimBridge } from './store/sim-actions.ts';
import { App } from './ui/App.tsx';

applyTheme();
startSimBridge();
startMetricsRecording();
startAutosave();
// The user's own work first; a shared link then opens over it (asking if it is unsaved).
void restoreStartupTopology().then(openSharedFromLocation);
listenForSharedLinks();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
