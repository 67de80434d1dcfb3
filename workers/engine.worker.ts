import { expose, transfer } from 'comlink';
import { createSession } from '../src/engine/session.ts';
import type { Frame } from '../src/engine/session-types.ts';

// Glue only: the session owns the simulation; the worker gives it wall time and timers
// and moves each frame's dot buffer to the UI without copying.
const session = createSession({
  now: () => performance.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
});

const api = {
  load: session.load,
  play: session.play,
  pause: session.pause,
  step: session.step,
  stepToDelivery: session.stepToDelivery,
  runTo: session.runTo,
  replay: session.replay,
  reset: session.reset,
  setSpeed: session.setSpeed,
  injectFault: session.injectFault,
  reconfigure: session.reconfigure,
  relink: session.relink,
  faultSchedule: session.faultSchedule,
  heldMessages: session.heldMessages,
  events: session.events,
  messageTrace: session.messageTrace,
  subscribe(onFrame: (frame: Frame) => void): void {
    session.subscribe((frame) => onFrame(transfer(frame, frame.dotMessages ? [frame.dots.buffer, frame.dotMessages.buffer] : [frame.dots.buffer])));
  },
};

export type EngineApi = typeof api;

expose(api);
