import type { ComponentType } from 'react';
import { EventLog } from './EventLog.tsx';
import { MetricsTab } from './MetricsTab.tsx';
import { ReviewPanel } from './ReviewPanel.tsx';

/** One panel of the dock under the canvas. */
export interface DockTab {
  id: string;
  title: string;
  Panel: ComponentType;
}

/** The dock's panels, in tab order. Adding a panel adds one entry here. */
export const DOCK_TABS: readonly DockTab[] = [
  { id: 'events', title: 'Events', Panel: EventLog },
  { id: 'metrics', title: 'Metrics', Panel: MetricsTab },
  { id: 'review', title: 'Review', Panel: ReviewPanel },
];
