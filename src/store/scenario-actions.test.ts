import { describe, expect, it } from 'vitest';
import { loadTopology, type QueueConfig, type Topology } from '../model/index.ts';
import { hasUnsavedChanges, newTopology, openTopologyText, saveTopologyText, topologyFileText } from './document-actions.ts';
import { switchVariant } from './scenario-actions.ts';
import { useScenarioStore } from './scenario-store.ts';
import { currentTopology, useTopologyStore } from './topology-store.ts';

// Vite's ?raw: the files' text as the app fetches it (this folder compiles without Node's types).
import hello from '../../public/scenarios/02-hello-queue.json?raw';
import visibility from '../../public/scenarios/07-visibility-timeout-too-short.json?raw';
import ttl from '../../public/scenarios/12-ttl-and-dead-letters.json?raw';
import overflow from '../../public/scenarios/20-overflow-exactly.json?raw';
import poison from '../../public/scenarios/21-poison-message.json?raw';

const FILES: Record<string, string> = {
  '02-hello-queue': hello,
  '07-visibility-timeout-too-short': visibility,
  '12-ttl-and-dead-letters': ttl,
  '20-overflow-exactly': overflow,
  '21-poison-message': poison,
};
const fileText = (name: string): string => FILES[name]!;

function queueConfig(t: Topology, id: string): QueueConfig {
  const node = t.nodes.find((n) => n.id === id);
  if (node?.kind !== 'queue') throw new Error(`${id} is not a queue`);
  return node.config;
}

describe('a scenario on the canvas', () => {
  it('keeps its scenario block through the document, Save and autosave', () => {
    expect(openTopologyText(fileText('20-overflow-exactly'), 'test')).toBe(true);
    const scenario = currentTopology().scenario;
    expect(scenario?.variants.map((v) => v.id)).toEqual(['reject-publish', 'reject-publish-dlx']);
    const saved = loadTopology(topologyFileText());
    expect(saved.ok && saved.topology.scenario).toEqual(scenario);
  });

  it('switches variants on the original, keeping positions, and goes back to the original', () => {
    openTopologyText(fileText('07-visibility-timeout-too-short'), 'test');
    const positions = currentTopology().nodes.map((n) => n.position);
    const revision = useTopologyStore.getState().simRevision;

    expect(switchVariant('max-receive-2')).toBe(true);
    let t = currentTopology();
    expect(queueConfig(t, 'jobs-queue')).toMatchObject({ maxDeliveries: 2, ackTimeoutMs: 30_000 });
    expect(t.nodes.map((n) => n.position)).toEqual(positions);
    expect(useScenarioStore.getState().active).toBe('max-receive-2');
    // The run is stale: a new run starts from the variant.
    expect(useTopologyStore.getState().simRevision).toBeGreaterThan(revision);

    // "Switch to" another variant is the original plus that one, not both.
    expect(switchVariant('timeout-60s')).toBe(true);
    t = currentTopology();
    expect(queueConfig(t, 'jobs-queue').ackTimeoutMs).toBe(60_000);
    expect('maxDeliveries' in queueConfig(t, 'jobs-queue')).toBe(false);

    expect(switchVariant(null)).toBe(true);
    t = currentTopology();
    expect(queueConfig(t, 'jobs-queue').ackTimeoutMs).toBe(30_000);
    expect('maxDeliveries' in queueConfig(t, 'jobs-queue')).toBe(false);
    expect(useScenarioStore.getState().active).toBeNull();
    // Switching variants is not the user's own work: nothing to confirm before replacing it.
    expect(hasUnsavedChanges()).toBe(false);
  });

  it('keeps edits no variant touches, and they stay unsaved', () => {
    openTopologyText(fileText('02-hello-queue'), 'test');
    const store = useTopologyStore.getState();
    const publisher = store.nodes.find((n) => n.id === 'publisher')!;
    store.updateNodeData('publisher', { ...publisher.data, label: 'Mine' });
    expect(hasUnsavedChanges()).toBe(true);
    switchVariant('manual-ack');
    const t = currentTopology();
    expect(t.nodes.find((n) => n.id === 'publisher')!.label).toBe('Mine');
    const consumer = t.nodes.find((n) => n.id === 'consumer')!;
    expect(consumer.kind === 'consumer' && consumer.config.ack).toBe('after-processing');
    expect(hasUnsavedChanges()).toBe(true);
  });

  it('counts a moved node as unsaved until Save; New starts clean', () => {
    openTopologyText(fileText('12-ttl-and-dead-letters'), 'test');
    expect(hasUnsavedChanges()).toBe(false);
    useTopologyStore.getState().onNodesChange([{ type: 'position', id: 'dlq', position: { x: 10, y: 20 }, dragging: false }]);
    expect(hasUnsavedChanges()).toBe(true);
    saveTopologyText();
    expect(hasUnsavedChanges()).toBe(false);
    newTopology();
    expect(hasUnsavedChanges()).toBe(false);
    expect(switchVariant(null)).toBe(false);
  });

  it('refuses a variant that does not exist, leaving the canvas as it was', () => {
    openTopologyText(fileText('21-poison-message'), 'test');
    const before = topologyFileText();
    expect(switchVariant('nope')).toBe(false);
    expect(topologyFileText()).toBe(before);
  });
});
