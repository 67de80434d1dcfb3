import type { NodeKind } from '../../model/index.ts';
import type { Message } from '../message.ts';
import { defineNode } from './node.ts';

/** Timer tag: a survey's deadline (payload: the survey's id). */
const DEADLINE = 0;

/** Kinds whose messages are replies wherever they arrive: what they send answers a request. */
const REPLY_MAKERS: ReadonlySet<NodeKind> = new Set<NodeKind>(['replier', 'scatter-gather']);

interface Survey {
  /** The aggregate it will send; its id is the correlation id the respondents' copies carry. */
  aggregate: Message;
  /** The output the aggregate goes to, or undefined: nowhere. */
  resultEdge: number | undefined;
  asked: number;
  replies: Message[];
  deadline: number;
}

/**
 * Scatter-gather (SEMANTICS.md §5; NN-1 survey): a request in becomes a survey. A copy goes
 * to every respondent — each output except the result's and the request's reply-to — with
 * the survey's id as correlation id and this node as reply-to. Replies are collected until
 * every respondent answered or `deadlineMs` passed; then one aggregate (a new message with
 * the request's correlation id) carries them, flagged partial if some did not answer, to
 * `resultTo`, else back over the link to the request's reply-to. A reply after that, or to
 * no survey, is discarded as `lost:late-reply` and counted.
 *
 * What arrives is a reply when it answers an open survey, or when a replier or a
 * scatter-gather made it; anything else is a request. The request itself is processed here
 * (a resend of it is a duplicate, and starts a survey of its own).
 */
export const scatterGather = defineNode({
  kind: 'scatter-gather',
  create(node, index, sim) {
    const { deadlineMs, resultTo } = node.config;
    const open = new Map<number, Survey>();
    const s = { surveys: 0, asked: 0, answers: 0, late: 0, missing: 0, completedAtDeadline: 0, results: 0, unroutable: 0 };

    const edgeTo = (target: number): number | undefined => sim.outputs(index).find((edge) => sim.targetOf(edge) === target);
    const resultNode = resultTo === undefined ? -1 : sim.topology.nodes.findIndex((n) => n.id === resultTo);

    function isReply(msg: Message): boolean {
      if (msg.correlationId === undefined) return false;
      return open.has(msg.correlationId) || (msg.replyTo < 0 && REPLY_MAKERS.has(sim.topology.nodes[msg.producer]!.kind));
    }

    function survey(request: Message): void {
      s.surveys++;
      const replyEdge = request.replyTo >= 0 ? edgeTo(request.replyTo) : undefined;
      const resultEdge = resultNode >= 0 ? edgeTo(resultNode) : replyEdge;
      const respondents = sim.outputs(index).filter((edge) => edge !== resultEdge && edge !== replyEdge && sim.isOpen(edge));
      const aggregate = sim.deriveMessage(index, s.surveys - 1, request);
      aggregate.correlationId = request.correlationId ?? request.id;
      aggregate.replyTo = -1;
      aggregate.sizeBytes = 0;
      const entry: Survey = { aggregate, resultEdge, asked: respondents.length, replies: [], deadline: sim.now + deadlineMs };
      sim.processed(request);
      for (const edge of respondents) {
        const copy = sim.copyMessage(request);
        copy.correlationId = aggregate.id;
        copy.replyTo = index;
        s.asked++;
        sim.send(edge, copy);
      }
      sim.release(request);
      if (entry.asked === 0) {
        complete(entry);
        return;
      }
      open.set(aggregate.id, entry);
      sim.schedule(deadlineMs, index, aggregate.id, DEADLINE);
    }

    function complete(entry: Survey): void {
      const { aggregate, replies } = entry;
      open.delete(aggregate.id);
      aggregate.partial = replies.length < entry.asked;
      for (const reply of replies) aggregate.sizeBytes += reply.sizeBytes;
      sim.carry(aggregate, replies);
      if (entry.resultEdge === undefined || !sim.isOpen(entry.resultEdge)) {
        s.unroutable++;
        sim.release(aggregate, 'lost:unroutable');
        return;
      }
      s.results++;
      sim.send(entry.resultEdge, aggregate);
    }

    return {
      kind: 'scatter-gather',
      receive(msg) {
        if (!isReply(msg)) {
          survey(msg);
          return;
        }
        const entry = open.get(msg.correlationId!);
        const again = entry?.replies.find((r) => r.uid === msg.uid || r.producer === msg.producer);
        if (again?.uid === msg.uid) {
          // A link's second copy of a reply it has: the one it holds stands for both.
          sim.release(msg);
          return;
        }
        // No open survey, or a respondent that answered already (it got its copy twice).
        if (!entry || again) {
          s.late++;
          sim.release(msg, 'lost:late-reply');
          return;
        }
        s.answers++;
        entry.replies.push(msg);
        if (entry.replies.length === entry.asked) complete(entry);
      },
      timer(id, tag) {
        const entry = open.get(id);
        if (tag !== DEADLINE || !entry || entry.deadline !== sim.now) return;
        s.completedAtDeadline++;
        s.missing += entry.asked - entry.replies.length;
        complete(entry);
      },
      crash() {
        for (const entry of open.values()) {
          for (const reply of entry.replies) sim.release(reply, 'lost:crash');
          sim.release(entry.aggregate, 'lost:crash');
        }
        open.clear();
      },
      load: () => open.size,
      stats: () => ({ kind: 'scatter-gather', ...s, open: open.size }),
    };
  },
});
