import { expect, test } from '@playwright/test';
import { connectNodes, dropFromPalette, freshStart, readNumber, selectEdge, selectNode, setSpeed, stat } from './helpers.ts';

// Set to a path to save a picture of the canvas with a link's inspector open (e.g. /tmp/channel-extras.png).
const SCREENSHOT = process.env.CHANNEL_EXTRAS_SCREENSHOT;

test('a priority queue dispatches higher priorities first; a durable subscriber gets what it missed while down; an SQS FIFO queue is named .fifo', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-new').click();
  // Priority: producer-1 -> queue-1 -> consumer-1.
  await dropFromPalette(page, 'producer', 120, 140);
  await dropFromPalette(page, 'queue', 420, 140);
  await dropFromPalette(page, 'consumer', 720, 140);
  // Durable subscriber: producer-2 -> topic-1 -> consumer-2 (durable) and consumer-3 (not).
  await dropFromPalette(page, 'producer', 120, 440);
  await dropFromPalette(page, 'topic', 420, 440);
  await dropFromPalette(page, 'consumer', 720, 360);
  await dropFromPalette(page, 'consumer', 720, 560);
  await connectNodes(page, 'producer-1', 'queue-1');
  await connectNodes(page, 'queue-1', 'consumer-1');
  await connectNodes(page, 'producer-2', 'topic-1');
  await connectNodes(page, 'topic-1', 'consumer-2');
  await connectNodes(page, 'topic-1', 'consumer-3');
  await expect(page.locator('.react-flow__edge')).toHaveCount(5);

  // 10 messages with priorities 1, 9 in turn, all in the queue before its consumer joins at 1 s.
  await selectNode(page, 'producer-1');
  await page.getByTestId('field-rate').fill('50');
  await page.getByTestId('field-limit').fill('10');
  await page.getByTestId('group-rabbitmq-summary').click();
  await page.getByTestId('field-priorities').fill('1, 9');
  await expect(page.getByTestId('group-rabbitmq-summary')).toContainText('priority 1, 9');
  await selectNode(page, 'queue-1');
  await page.getByTestId('field-max-priority').fill('10');
  await expect(page.getByTestId('node-queue-1')).toContainText('priority ≤10');
  await selectEdge(page, 'e-2', 'queue-1 → consumer-1');
  await page.getByTestId('field-active-from').fill('1000');

  // 60 messages to the topic over 6 s; consumer-2's subscription is durable. Subscribers take no
  // time over a message and their links none either, so a crash never catches one on its way.
  await selectNode(page, 'producer-2');
  await page.getByTestId('field-rate').fill('10');
  await page.getByTestId('field-limit').fill('60');
  for (const consumer of ['consumer-2', 'consumer-3']) {
    await selectNode(page, consumer);
    await page.getByTestId('field-processing-value').fill('0');
  }
  await selectEdge(page, 'e-5', 'topic-1 → consumer-3');
  await page.getByTestId('field-latency-value').fill('0');
  await selectEdge(page, 'e-4', 'topic-1 → consumer-2');
  await page.getByTestId('field-latency-value').fill('0');
  await page.getByTestId('field-durable-subscription').check();
  await expect(page.getByTestId('field-durable-max-queued')).toHaveValue('1000');
  await expect(page.getByTestId('edge-label-e-4')).toContainText('durable');
  if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT });

  await setSpeed(page, 1);
  await page.getByTestId('btn-play').click();
  await expect.poll(() => readNumber(stat(page, 'consumer-2', 'processed')), { timeout: 15_000 }).toBeGreaterThan(3);
  // Both subscribers go down for 1.5 s of sim time while the producer goes on.
  for (const consumer of ['consumer-2', 'consumer-3']) {
    await selectNode(page, consumer);
    await page.getByTestId('fault-restart-after').fill('1500');
    await page.getByTestId('fault-crash').click();
    await expect(page.getByTestId(`node-${consumer}`)).toHaveAttribute('data-down', 'true');
  }
  await expect(page.getByTestId('status-state')).toHaveText('Finished', { timeout: 30_000 });

  // Priority 9 first (seq 1, 3, 5, 7, 9), then priority 1 (seq 0, 2, ...): each of those 5 is a reorder.
  expect(await readNumber(stat(page, 'consumer-1', 'processed'))).toBe(10);
  expect(await readNumber(stat(page, 'consumer-1', 'reorders'))).toBe(5);

  // The durable subscriber got all 60; the other missed exactly what the topic counts as missed.
  expect(await readNumber(stat(page, 'consumer-2', 'processed'))).toBe(60);
  const missed = await readNumber(stat(page, 'topic-1', 'missed'));
  expect(missed).toBeGreaterThan(0);
  expect(await readNumber(stat(page, 'consumer-3', 'processed'))).toBe(60 - missed);
  await expect(stat(page, 'topic-1', 'kept')).toHaveCount(0);

  // SQS-2 in the inspector: per-group order with deduplication is SQS FIFO, whose name must end in .fifo.
  await selectNode(page, 'queue-1');
  await page.getByTestId('field-ordering').selectOption('per-group');
  await page.getByTestId('field-deduplication').selectOption('message-id');
  await expect(page.getByTestId('group-deduplication').getByRole('alert')).toContainText('must end in .fifo');
  await expect(page.getByTestId('field-deduplication')).toHaveValue('none');
  await page.getByTestId('field-label').fill('tasks.fifo');
  await page.getByTestId('field-deduplication').selectOption('message-id');
  await expect(page.getByTestId('group-deduplication').getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('field-deduplication')).toHaveValue('message-id');
  // And back to best effort (SQS Standard) the name may not end in .fifo.
  await page.getByTestId('field-ordering').selectOption('best-effort');
  await expect(page.getByTestId('group-ordering').getByRole('alert')).toContainText('must not end in .fifo');
  if (SCREENSHOT) {
    await selectNode(page, 'queue-1');
    await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, '-after.png') });
  }
});
