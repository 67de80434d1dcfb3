import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/app.css';
import './ui/scenarios.css';
import { restoreStartupTopology, startAutosave } from './store/document-actions.ts';
import { startSimBridge } from './store/sim-actions.ts';
import { App } from './ui/App.tsx';

startSimBridge();
startAutosave();
void restoreStartupTopology();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
