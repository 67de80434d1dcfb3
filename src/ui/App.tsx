import { ReactFlowProvider } from '@xyflow/react';
import { useUiStore } from '../store/ui-store.ts';
import { FlowCanvas } from './canvas/FlowCanvas.tsx';
import { Notices, ProblemPanel } from './chrome/Notices.tsx';
import { Palette } from './chrome/Palette.tsx';
import { StatusBar } from './chrome/StatusBar.tsx';
import { Toolbar } from './chrome/Toolbar.tsx';
import { Dock } from './dock/Dock.tsx';
import { Inspector } from './inspector/Inspector.tsx';
import { MessageTracePanel } from './trace/MessageTrace.tsx';

export function App() {
  const ready = useUiStore((s) => s.ready);
  return (
    // The provider wraps everything so the palette can map screen points into the flow.
    <ReactFlowProvider>
      <div className="mf-app" data-ready={ready}>
        <Toolbar />
        <Palette />
        <main className="mf-main">
          <div className="mf-main__canvas">
            <FlowCanvas />
            <ProblemPanel />
            <Notices />
            <MessageTracePanel />
          </div>
          <Dock />
        </main>
        <Inspector />
        <StatusBar />
      </div>
    </ReactFlowProvider>
  );
}
