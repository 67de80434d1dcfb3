/**
 * The UI's side of the simulation worker: the Comlink client that owns the worker's life,
 * the latest frame for the dot overlay, and the engine types the UI may use.
 */
export { engineClient, createEngineClient, WorkerCrashedError, type EngineClient } from './engine-client.ts';
export { currentFrameView, type FrameView } from './frame-view.ts';
export {
  DOT_COPY,
  DOT_NORMAL,
  DOT_REDELIVERED,
  DOT_STRIDE,
  MAX_EVENTS_TO_DELIVERY,
  MAX_SPEED,
  MIN_SPEED,
  type ConsumerStats,
  type EventPage,
  type EventQuery,
  type MessageTrace,
  type TraceEvent,
  type TraceEventKind,
  type TraceFate,
  type TraceHop,
  TRACE_FATES,
  MAX_EVENT_PAGE,
  EVENT_LOG_CAPACITY,
  type Frame,
  type HeldState,
  type MessageView,
  type NodeMessages,
  type LedgerTotals,
  type MetricSample,
  type NodeSample,
  type RunGoal,
  type NodeStats,
  type ProducerStats,
  type QueueStats,
  type RunState,
  type TopicStats,
} from '../engine/session-types.ts';
