/**
 * The discrete-event simulator: pure TypeScript, no DOM, no React, no Worker API.
 * It runs unchanged in the worker (through `createSession`), in Vitest and in the CLI.
 */
export { Simulation, SimulationError, MAX_EVENTS_PER_INSTANT } from './simulation.ts';
export type { SimulationObserver } from './nodes/node.ts';
export { createSession, type Session, type SessionHost } from './session.ts';
export { runReport, type RunReport } from './report.ts';
export * from './session-types.ts';
