import { expect, test } from '@playwright/test';
import { partitionForKey } from '../src/engine/core/murmur2.ts';
import { connectNodes, dropFromPalette, freshStart, readNumber, selectEdge, selectNode, setSpeed, stat } from './helpers.ts';

const KEYS = Array.from({ length: 9 }, (_, i) => `user-${i + 1}`);

test('a Kafka topic with a group of two consumers: keys fill partitions, each member reads its own', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-new').click();
  await dropFromPalette(page, 'producer', 150, 300);
  await dropFromPalette(page, 'kafka-topic', 470, 300);
  await dropFromPalette(page, 'consumer', 860, 170);
  await dropFromPalette(page, 'consumer', 860, 450);
  await connectNodes(page, 'producer-1', 'kafka-topic-1');
  await connectNodes(page, 'kafka-topic-1', 'consumer-1');
  await connectNodes(page, 'kafka-topic-1', 'consumer-2');
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);

  // 180 clicks, keyed by user, 20 per user.
  await selectNode(page, 'producer-1');
  await page.getByTestId('field-rate').fill('60');
  await page.getByTestId('field-keys').fill(KEYS.join(', '));
  await page.getByTestId('field-limit').fill('180');

  // Both links in one consumer group; without one, each consumer would be a group of its own.
  for (const [edge, consumer] of [['e-2', 'consumer-1'], ['e-3', 'consumer-2']] as const) {
    await selectEdge(page, edge, `kafka-topic-1 → ${consumer}`);
    const group = page.getByTestId('field-kafka-group');
    await expect(group).toHaveAttribute('placeholder', `${consumer} (a group of its own)`);
    await group.fill('analytics');
    await page.getByTestId('field-kafka-commit-interval').fill('0');
    await expect(page.getByTestId(`edge-label-${edge}`)).toContainText('group analytics · commit each');
  }

  await selectNode(page, 'kafka-topic-1');
  await expect(page.getByTestId('field-partitions')).toHaveValue('3');
  await expect(page.getByTestId('node-kafka-topic-1')).toContainText('3 partitions · acks all · keep 7 d');
  // A partition count out of range is refused with the rule's bound.
  await page.getByTestId('field-partitions').fill('0');
  await expect(page.getByTestId('group-partitions').getByRole('alert')).toContainText('must be ≥ 1');
  await page.getByTestId('field-partitions').fill('3');
  await expect(page.getByTestId('group-partitions').getByRole('alert')).toHaveCount(0);

  await setSpeed(page, 10);
  await page.getByTestId('btn-play').click();
  const kafka = page.getByTestId('node-kafka-topic-1');
  await expect.poll(() => readNumber(stat(page, 'kafka-topic-1', 'records')), { timeout: 30_000 }).toBe(180);
  await expect(kafka.getByTestId('kafka-group-analytics')).toHaveAttribute('data-lag', '0', { timeout: 30_000 });

  // K-1: each key's records are in partition murmur2(key) mod 3; reading deleted none.
  const expected = [0, 1, 2].map((p) => KEYS.filter((k) => partitionForKey(k, 3) === p).length * 20);
  for (const p of [0, 1, 2]) expect(await readNumber(kafka.getByTestId(`kafka-partition-${p}`))).toBe(expected[p]);
  // K-2: range assignment: consumer-1 reads partitions 0 and 1, consumer-2 partition 2.
  await expect(kafka.getByTestId('kafka-owner-0')).toHaveText('consumer-1');
  await expect(kafka.getByTestId('kafka-owner-1')).toHaveText('consumer-1');
  await expect(kafka.getByTestId('kafka-owner-2')).toHaveText('consumer-2');
  await expect(kafka.getByTestId('kafka-group-analytics')).toContainText('analytics 2/2 live · lag 0');
  expect(await readNumber(stat(page, 'consumer-1', 'processed'))).toBe(expected[0]! + expected[1]!);
  expect(await readNumber(stat(page, 'consumer-2', 'processed'))).toBe(expected[2]!);
  await expect(stat(page, 'kafka-topic-1', 'lag')).toHaveAttribute('data-value', '0');

  await page.screenshot({ path: '/tmp/shot-kafka.png' });
  await selectEdge(page, 'e-3', 'kafka-topic-1 → consumer-2');
  await page.screenshot({ path: '/tmp/shot-kafka-edge.png' });
});

test('13 Kafka partitions and keys: the crashed worker’s partition moves; commit after repeats, commit before loses', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-scenarios').click();
  await page.getByTestId('scenario-item-13-kafka-partitions-and-keys').click();
  await expect(page.getByTestId('scenario-name')).toHaveText('Kafka partitions and keys');
  const kafka = page.getByTestId('node-topic');
  await expect(kafka.getByTestId('kafka-owner-2')).toHaveText('–');

  await setSpeed(page, 5);
  await page.getByTestId('btn-play').click();
  // Before the crash at 10 s worker-b reads partition 2; after it worker-a reads all three.
  await expect(kafka.getByTestId('kafka-owner-2')).toHaveText('worker-b', { timeout: 20_000 });
  await setSpeed(page, 100);
  await expect(kafka.getByTestId('kafka-owner-2')).toHaveText('worker-a', { timeout: 20_000 });
  await expect(kafka.getByTestId('kafka-owner-0')).toHaveText('worker-a');
  await expect.poll(() => readNumber(page.getByTestId('status-delivered')), { timeout: 30_000 }).toBe(1_200);
  expect(await readNumber(page.getByTestId('status-duplicates'))).toBe(166);
  expect(await readNumber(page.getByTestId('status-lost'))).toBe(0);
  for (const [p, records] of [[0, 133], [1, 266], [2, 801]] as const) expect(await readNumber(kafka.getByTestId(`kafka-partition-${p}`))).toBe(records);
  await page.screenshot({ path: '/tmp/shot-kafka-scenario.png' });

  await page.getByTestId('scenario-panel').getByTestId('variant-commit-before').click();
  await expect(page.getByTestId('edge-label-topic-worker-b')).toContainText('commit before');
  await page.getByTestId('btn-play').click();
  await expect.poll(() => readNumber(page.getByTestId('status-delivered')), { timeout: 30_000 }).toBe(1_190);
  expect(await readNumber(page.getByTestId('status-lost'))).toBe(10);
  await expect(page.getByTestId('status-duplicates')).toHaveCount(0);
});
