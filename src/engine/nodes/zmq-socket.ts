import { Fifo } from '../core/fifo.ts';
import type { Message } from '../message.ts';
import { defineNode, heldList } from './node.ts';

/** Timer tag: a peer's connection handshake is done (payload: its output position). */
const CONNECTED = 0;

/** One message in a pipe: sent to the peer at the end of `output`, not yet processed by it. */
interface PipeEntry {
  msg: Message;
  output: number;
}

interface BlockedSend {
  msg: Message;
  since: number;
}

/** What one pipe holds at most: SNDHWM + RCVHWM, where 0 on either side means no limit (libzmq). */
export function pipeCapacity(sendHwm: number, receiveHwm: number | undefined): number {
  if (sendHwm === 0 || receiveHwm === 0) return Infinity;
  return sendHwm + (receiveHwm ?? 0);
}

/** ZMQ-3: a subscriber gets a message when one of its prefixes starts its key (no key: the empty topic). */
export function zmqSubscribed(prefixes: readonly string[], key: string | undefined): boolean {
  const topic = key ?? '';
  return prefixes.some((prefix) => topic.startsWith(prefix));
}

/**
 * A ZeroMQ socket (SEMANTICS.md §10): the sending side of a pattern, with one pipe per
 * peer (each output link). A pipe holds what was sent to its peer and not yet processed by
 * it — on the link, waiting at the peer, or being processed — and is full at the
 * high-water mark (ZMQ-1). A peer is connected a handshake (`connectDelayMs`) after its
 * link opens or it restarts, and gets nothing before (ZMQ-4).
 *
 * - PUB (ZMQ-3): a copy to every connected subscriber whose prefixes match the key; a copy
 *   for a full pipe is dropped (`lost:hwm-drop`); with no subscriber, the message is
 *   `lost:unroutable`. It never blocks.
 * - PUSH, DEALER (ZMQ-5, ZMQ-6): each message to the next connected peer with room,
 *   round-robin; with none, the send waits (a blocked publish, as a blocking queue's) and
 *   later sends wait behind it. Nothing is dropped.
 * - ROUTER (ZMQ-6): each message to the peer whose node id is its key (the identity
 *   frame); an unknown or unconnected identity is `lost:unroutable`, a full pipe `lost:hwm-drop`.
 *
 * A peer that crashes takes its pipe with it (`lost:crash`); ZeroMQ redelivers nothing,
 * so a peer's failed processing is `lost:processing-failure`.
 */
export const zmqSocket = defineNode({
  kind: 'zmq-socket',
  create(node, index, sim) {
    const { pattern, sendHwm, receiveHwm, connectDelayMs } = node.config;
    const capacity = pipeCapacity(sendHwm, receiveHwm);
    let outputs: readonly number[] = [];
    /** Output position by edge index (-1: not an output of this socket). */
    let outputOfEdge = new Int32Array(0);
    /** PUB: each output's subscription prefixes. */
    let prefixes: (readonly string[])[] = [];
    /** ROUTER: output position by the peer's node id. */
    const outputOfPeer = new Map<string, number>();
    let depth = new Int32Array(0);
    let maxDepth = new Int32Array(0);
    let connected = new Uint8Array(0);
    /** Per output: when its handshake in progress ends (Infinity: none in progress). */
    let connectAt = new Float64Array(0);
    /** Per output: delivery tags below this went to a peer that has since crashed. */
    let closedBelow = new Float64Array(0);
    /** Pipe contents by delivery tag; tags grow without reuse, so a late ack never hits a newer message. */
    const pipe = new Map<number, PipeEntry>();
    let nextTag = 0;
    let nextOutput = 0;
    const blocked = new Fifo<BlockedSend>();
    let draining = false;
    let longestWait = 0;
    const s = { received: 0, sent: 0, unsubscribed: 0, hwmDropped: 0, unroutable: 0, blockedTotal: 0, lostToCrash: 0 };

    const hasRoom = (o: number): boolean => depth[o]! < capacity;

    /** Puts a message the caller holds into output `o`'s pipe and on its link; the pipe keeps a hold until the peer is done. */
    function put(o: number, msg: Message): void {
      const tag = nextTag++;
      pipe.set(tag, { msg, output: o });
      if (++depth[o]! > maxDepth[o]!) maxDepth[o] = depth[o]!;
      s.sent++;
      msg.attempts++;
      sim.hold(msg);
      sim.send(outputs[o]!, msg, { deliveryTag: tag, attempt: msg.attempts });
    }

    /** Takes a message out of its pipe (its peer is done with it, or it is gone); room may free for a waiting send. */
    function takeOut(tag: number): PipeEntry | undefined {
      const entry = pipe.get(tag);
      if (!entry) return undefined;
      pipe.delete(tag);
      depth[entry.output]!--;
      return entry;
    }

    /** The next connected peer with room, round-robin from the one after the last used; -1: none. */
    function nextPeerWithRoom(): number {
      const n = outputs.length;
      for (let k = 0; k < n; k++) {
        const o = (nextOutput + k) % n;
        if (connected[o] && hasRoom(o)) return o;
      }
      return -1;
    }

    function sendRoundRobin(o: number, msg: Message): void {
      nextOutput = (o + 1) % outputs.length;
      put(o, msg);
    }

    /** PUSH, DEALER: waiting sends go out, oldest first, while some peer has room. */
    function drain(): void {
      // A pipe emptied by a loss inside `put` (a cut link) comes back here: the loop below sees it.
      if (draining || sim.isDown(index)) return;
      draining = true;
      try {
        while (blocked.size > 0) {
          const o = nextPeerWithRoom();
          if (o < 0) break;
          const waited = blocked.shift()!;
          const wait = sim.now - waited.since;
          if (wait > longestWait) longestWait = wait;
          sim.ledger.publishWait.record(wait);
          // Accepted only now: a publisher confirm, if one is wanted, goes back now.
          sim.publishSettled(waited.msg, true);
          sendRoundRobin(o, waited.msg);
        }
      } finally {
        draining = false;
      }
    }

    function block(msg: Message): void {
      s.blockedTotal++;
      blocked.push({ msg, since: sim.now });
      sim.confirmLater(msg);
    }

    function publish(msg: Message): void {
      const targets: number[] = [];
      for (let o = 0; o < outputs.length; o++) {
        if (!connected[o]) continue;
        if (zmqSubscribed(prefixes[o]!, msg.key)) targets.push(o);
        else s.unsubscribed++;
      }
      if (targets.length === 0) {
        s.unroutable++;
        sim.release(msg, 'lost:unroutable');
        return;
      }
      // Copies first, so each is made from the message as it came in.
      const copies = targets.map((_, i) => (i === 0 ? msg : sim.copyMessage(msg)));
      targets.forEach((o, i) => {
        const copy = copies[i]!;
        if (hasRoom(o)) {
          put(o, copy);
        } else {
          s.hwmDropped++;
          sim.release(copy, 'lost:hwm-drop');
        }
      });
    }

    function route(msg: Message): void {
      const o = outputOfPeer.get(msg.key ?? '');
      if (o === undefined || !connected[o]) {
        s.unroutable++;
        sim.release(msg, 'lost:unroutable');
      } else if (!hasRoom(o)) {
        s.hwmDropped++;
        sim.release(msg, 'lost:hwm-drop');
      } else {
        put(o, msg);
      }
    }

    /** The peer at output `o` starts its handshake now, if its link is open and it is up. */
    function connect(o: number): void {
      const edge = outputs[o]!;
      if (connected[o] || !sim.isOpen(edge) || sim.isDown(sim.targetOf(edge)) || sim.isDown(index)) return;
      if (connectDelayMs === 0) {
        connected[o] = 1;
        drain();
        return;
      }
      connectAt[o] = sim.now + connectDelayMs;
      sim.schedule(connectDelayMs, index, o, CONNECTED);
    }

    function disconnect(o: number): void {
      connected[o] = 0;
      connectAt[o] = Infinity;
    }

    return {
      kind: 'zmq-socket',
      start() {
        outputs = sim.outputs(index);
        outputOfEdge = new Int32Array(sim.topology.edges.length).fill(-1);
        outputs.forEach((edge, o) => {
          outputOfEdge[edge] = o;
          outputOfPeer.set(sim.topology.nodes[sim.targetOf(edge)]!.id, o);
        });
        prefixes = outputs.map((edge) => sim.topology.edges[edge]!.zmqSubscribe ?? ['']);
        depth = new Int32Array(outputs.length);
        maxDepth = new Int32Array(outputs.length);
        connected = new Uint8Array(outputs.length);
        connectAt = new Float64Array(outputs.length).fill(Infinity);
        closedBelow = new Float64Array(outputs.length);
        outputs.forEach((_, o) => connect(o));
      },
      receive(msg) {
        s.received++;
        switch (pattern) {
          case 'pub':
            publish(msg);
            return;
          case 'router':
            route(msg);
            return;
          case 'push':
          case 'dealer': {
            // Behind sends already waiting, a new one waits too (in order).
            const o = blocked.size > 0 ? -1 : nextPeerWithRoom();
            if (o < 0) block(msg);
            else sendRoundRobin(o, msg);
            return;
          }
        }
      },
      timer(o, tag) {
        if (tag !== CONNECTED || connectAt[o] !== sim.now) return;
        connectAt[o] = Infinity;
        connected[o] = 1;
        drain();
      },
      acked(tag) {
        const entry = takeOut(tag);
        if (!entry) return;
        sim.release(entry.msg);
        drain();
      },
      nacked(tag) {
        // No redelivery in ZeroMQ: what the peer failed to process is gone.
        const entry = takeOut(tag);
        if (!entry) return;
        sim.release(entry.msg, 'lost:processing-failure');
        drain();
      },
      lostOnLink(_edge, tag) {
        const entry = takeOut(tag);
        if (!entry) return;
        // The link gave the fate; the pipe only lets go.
        sim.release(entry.msg);
        drain();
      },
      deliveryClosed: (edge, tag) => tag < closedBelow[outputOfEdge[edge]!]!,
      outputDown(edge) {
        // The peer crashed: what its pipe held is lost with it, and later sends go elsewhere.
        const o = outputOfEdge[edge]!;
        disconnect(o);
        closedBelow[o] = nextTag;
        for (const [tag, entry] of pipe) {
          if (entry.output !== o) continue;
          takeOut(tag);
          s.lostToCrash++;
          sim.release(entry.msg, 'lost:crash');
        }
      },
      outputUp(edge) {
        connect(outputOfEdge[edge]!);
      },
      undeliverable(_edge, msg) {
        // On its way to a peer that crashed: part of the pipe lost with it.
        sim.release(msg, 'lost:crash');
        return true;
      },
      crash() {
        // The application's sends waiting for room were never accepted; its connections close.
        for (let waiting = blocked.shift(); waiting; waiting = blocked.shift()) {
          sim.publishSettled(waiting.msg, false);
          sim.release(waiting.msg, 'lost:crash');
        }
        outputs.forEach((_, o) => disconnect(o));
      },
      restart() {
        outputs.forEach((_, o) => connect(o));
      },
      load: () => blocked.size,
      held(limit) {
        const list = heldList(limit);
        list.add('blocked', blocked.size, (n) => blocked.first(n), (w) => ({ msg: w.msg, state: 'blocked' }));
        list.add('unacked', pipe.size, () => pipe.values(), (entry) => ({ msg: entry.msg, state: 'unacked', edge: outputs[entry.output]! }));
        return list.result;
      },
      stats() {
        const pipeDepth: Record<string, number> = {};
        const pipeMax: Record<string, number> = {};
        let peers = 0;
        outputs.forEach((edge, o) => {
          const peer = sim.topology.nodes[sim.targetOf(edge)]!.id;
          pipeDepth[peer] = depth[o]!;
          pipeMax[peer] = maxDepth[o]!;
          peers += connected[o]!;
        });
        const oldest = blocked.peek();
        return {
          kind: 'zmq-socket',
          ...s,
          peers,
          blocked: blocked.size,
          waitMaxMs: Math.max(longestWait, oldest ? sim.now - oldest.since : 0),
          inPipes: pipe.size,
          pipeDepth,
          pipeMax,
        };
      },
    };
  },
});
