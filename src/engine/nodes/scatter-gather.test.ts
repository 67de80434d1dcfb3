import { describe, expect, it } from 'vitest';
import { scatterGatherConfigSchema, withoutStaleReferences, type Topology } from '../../model/index.ts';
import { Simulation } from '../simulation.ts';
import { fixed, lost, nodeStats, recordSends, replier, requester, rrTopology } from './request-reply-test-kit.ts';

const RESPONDENTS = ['r1', 'r2', 'r3', 'r4', 'r5'];

/** One request from a producer to a surveyor of five respondents, each answering after its own time; the result to a consumer. */
function survey(workMs: number[], gatherer: object = {}, respondent: (i: number) => object = () => ({})): Topology {
  return rrTopology(
    [
      { id: 'p', kind: 'producer', config: { limit: 1 } },
      { id: 'sg', kind: 'scatter-gather', config: { resultTo: 'c', ...gatherer } },
      ...RESPONDENTS.map((id, i) => replier(id, { processingMs: fixed(workMs[i]!), ...respondent(i) })),
      { id: 'c', kind: 'consumer', config: { processingMs: fixed(0) } },
    ],
    [['p', 'sg'], ...RESPONDENTS.flatMap((id): [string, string][] => [['sg', id], [id, 'sg']]), ['sg', 'c']],
  );
}

function run(t: Topology): { sim: Simulation; results: ReturnType<typeof recordSends> } {
  const sim = new Simulation(t);
  const sends = recordSends(sim);
  sim.runUntil(10_000);
  return { sim, results: sends.filter((s) => s.from === 'sg' && s.to === 'c') };
}

describe('NN-1 survey (SEMANTICS §5 scatter-gather)', () => {
  it('5 respondents, 2 slow, deadline 200 ms: 3 answers at the deadline, the aggregate partial, 2 late replies discarded and counted', () => {
    const { sim, results } = run(survey([50, 50, 50, 300, 300], { deadlineMs: 200 }));
    expect(nodeStats(sim, 'sg', 'scatter-gather')).toMatchObject({ surveys: 1, asked: 5, answers: 3, late: 2, missing: 2, completedAtDeadline: 1, results: 1, open: 0 });
    // The producer's request leaves at 0 and reaches the surveyor at 1 ms: the deadline is 201 ms.
    expect(results).toEqual([{ from: 'sg', to: 'c', at: 201, correlationId: 0, partial: true, carried: 3 }]);
    expect(nodeStats(sim, 'c', 'consumer').processed).toBe(1);
    expect(lost(sim, 'late-reply')).toBe(2);
    // The request, its 5 copies, 5 replies and the aggregate; the 3 carried replies are delivered with it.
    expect(sim.ledger.totals()).toMatchObject({ produced: 1, created: 12, delivered: 10, lost: 2, inFlight: 0 });
  });

  it('completes as soon as every respondent answered, not at the deadline', () => {
    const { sim, results } = run(survey([10, 20, 30, 40, 50], { deadlineMs: 1_000 }));
    expect(nodeStats(sim, 'sg', 'scatter-gather')).toMatchObject({ answers: 5, late: 0, missing: 0, completedAtDeadline: 0 });
    expect(results).toEqual([{ from: 'sg', to: 'c', at: 53, correlationId: 0, partial: false, carried: 5 }]);
  });

  it('a respondent may not answer: it is missing at the deadline (default 1000 ms), nothing late', () => {
    expect(scatterGatherConfigSchema.parse({}).deadlineMs).toBe(1_000);
    const { sim, results } = run(survey([10, 10, 10, 10, 10], {}, (i) => (i === 0 ? { failureProbability: 1 } : {})));
    expect(nodeStats(sim, 'sg', 'scatter-gather')).toMatchObject({ answers: 4, late: 0, missing: 1, completedAtDeadline: 1 });
    expect(results).toEqual([{ from: 'sg', to: 'c', at: 1_001, correlationId: 0, partial: true, carried: 4 }]);
  });

  it('answers a requester: the aggregate goes back to the reply-to with the request’s correlation id', () => {
    const t = rrTopology(
      [
        requester('client', { limit: 3 }),
        { id: 'sg', kind: 'scatter-gather', config: { deadlineMs: 100 } },
        replier('fast', { processingMs: fixed(10) }),
        replier('slow', { processingMs: fixed(500) }),
      ],
      [['client', 'sg'], ['sg', 'fast'], ['sg', 'slow'], ['fast', 'sg'], ['slow', 'sg'], ['sg', 'client']],
    );
    const sim = new Simulation(t);
    sim.runUntil(10_000);
    // The requester is the reply-to, not a respondent: each survey asks the two services.
    expect(nodeStats(sim, 'sg', 'scatter-gather')).toMatchObject({ surveys: 3, asked: 6, answers: 3, late: 3, completedAtDeadline: 3 });
    expect(nodeStats(sim, 'client', 'requester')).toMatchObject({ sent: 3, replies: 3, lateReplies: 0 });
  });

  it('an aggregate with nowhere to go is lost as unroutable, with the replies it carries', () => {
    const t = rrTopology(
      [{ id: 'p', kind: 'producer', config: { limit: 1 } }, { id: 'sg', kind: 'scatter-gather', config: { deadlineMs: 100 } }, replier('r', { processingMs: fixed(10) })],
      [['p', 'sg'], ['sg', 'r'], ['r', 'sg']],
    );
    const sim = new Simulation(t);
    sim.runUntil(1_000);
    expect(nodeStats(sim, 'sg', 'scatter-gather')).toMatchObject({ answers: 1, results: 0, unroutable: 1 });
    expect(lost(sim, 'unroutable')).toBe(2);
    expect(sim.ledger.inFlight).toBe(0);
  });

  it('refuses a result output that is not linked, naming the field', () => {
    expect(() => survey([1, 1, 1, 1, 1], { resultTo: 'nowhere' })).toThrow(/resultTo.*not linked/);
  });
});

describe('scatter-gather references', () => {
  it('a result output whose link was deleted is cleared: aggregates go back to the requester', () => {
    const node = { id: 'sg', kind: 'scatter-gather' as const, position: { x: 0, y: 0 }, config: { deadlineMs: 200, resultTo: 'c' } };
    const { node: next, cleared } = withoutStaleReferences(node, { kindOf: () => 'consumer', linked: () => false });
    expect(next.kind === 'scatter-gather' && next.config.resultTo).toBeUndefined();
    expect(cleared).toEqual(['"sg" lost its result output, so its aggregates now go back to the requester.']);
    expect(withoutStaleReferences(node, { kindOf: () => 'consumer', linked: () => true }).node).toBe(node);
  });
});
