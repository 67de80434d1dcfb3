import { expect, test } from '@playwright/test';
import { connectNodes, dropFromPalette, freshStart, readNumber, selectNode, stat } from './helpers.ts';

test('a full queue with reject-publish holds at max length and the producer sees refusals', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-new').click();
  await dropFromPalette(page, 'producer', 180, 260);
  await dropFromPalette(page, 'queue', 500, 260);
  await connectNodes(page, 'producer-1', 'queue-1');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  await selectNode(page, 'queue-1');
  await page.getByTestId('field-max-length').fill('3');
  await page.getByTestId('field-overflow').selectOption('reject-publish');
  await expect(page.getByTestId('node-queue-1')).toContainText('max 3 · reject-publish');

  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Running');
  await expect.poll(() => readNumber(stat(page, 'producer-1', 'refused')), { timeout: 15_000 }).toBeGreaterThan(0);
  expect(await readNumber(stat(page, 'queue-1', 'depth'))).toBe(3);
  expect(await readNumber(stat(page, 'queue-1', 'refused'))).toBeGreaterThan(0);
  // Refusals keep coming while the depth stays at the limit.
  const refused = await readNumber(stat(page, 'producer-1', 'refused'));
  await expect.poll(() => readNumber(stat(page, 'producer-1', 'refused')), { timeout: 15_000 }).toBeGreaterThan(refused);
  expect(await readNumber(stat(page, 'queue-1', 'depth'))).toBe(3);
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Paused');
});

test('expired messages are dead-lettered into the chosen queue; deleting it clears the setting', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-new').click();
  await dropFromPalette(page, 'producer', 180, 200);
  await dropFromPalette(page, 'queue', 500, 200);
  await dropFromPalette(page, 'queue', 500, 470);
  await page.getByTestId('field-label').fill('DLQ');
  await connectNodes(page, 'producer-1', 'queue-1');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  await selectNode(page, 'queue-1');
  const target = page.getByTestId('field-dead-letter-target');
  await expect(target.locator('option')).toHaveText(['none — dead letters are lost', 'DLQ · queue']);
  await target.selectOption('queue-2');
  await page.getByTestId('field-message-ttl').fill('100');
  await expect(page.getByTestId('node-queue-1')).toContainText('TTL 100 ms · DLQ → DLQ');
  // The relation is drawn, but it is not an edge: nothing to select, save or send as one.
  await expect(page.getByTestId('dlq-queue-1')).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Running');
  await expect.poll(() => readNumber(stat(page, 'queue-2', 'depth')), { timeout: 15_000 }).toBeGreaterThan(0);
  await expect.poll(() => readNumber(stat(page, 'queue-1', 'expired')), { timeout: 15_000 }).toBeGreaterThan(0);
  await expect.poll(() => readNumber(page.getByTestId('status-dead')), { timeout: 15_000 }).toBeGreaterThan(0);
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Paused');

  // Deleting the target leaves a valid topology: the queue's setting is cleared with it.
  await selectNode(page, 'queue-2');
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('node-queue-2')).toHaveCount(0);
  await expect(page.getByTestId('dlq-queue-1')).toHaveCount(0);
  await selectNode(page, 'queue-1');
  await expect(page.getByTestId('field-dead-letter-target')).toHaveValue('');
  const saved = JSON.parse(String(await page.evaluate('localStorage.getItem("msgflow:autosave")')));
  const queue = saved.nodes.find((n: { id: string }) => n.id === 'queue-1');
  expect(queue.config).not.toHaveProperty('deadLetterTarget');
  expect(saved.edges).toHaveLength(1);
});

test('consumer settings: invalid values are refused inline, valid ones show on the node', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-new').click();
  await page.getByTestId('palette-consumer').click();
  const node = page.getByTestId('node-consumer-1');
  await expect(node).toContainText('manual ack');

  const failure = page.getByTestId('field-failure');
  await failure.fill('150');
  await expect(page.getByRole('alert')).toContainText('between 0 and 100');
  await expect(node).not.toContainText('fail');
  await failure.fill('5');
  await page.getByTestId('field-on-failure-reject').check();
  await expect(node).toContainText('5% fail → reject');

  await page.getByTestId('field-ack-auto').check();
  await expect(node).toContainText('auto ack');
  await page.getByTestId('field-idempotent').check();
  await page.getByTestId('field-dedup-window').fill('-1');
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByTestId('field-dedup-window').fill('5000');
  await expect(node).toContainText('dedup 5 s');
});

test('an empirical link latency is edited as percentile lines and summarised as p50/p99', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-new').click();
  await dropFromPalette(page, 'producer', 180, 260);
  // Off level: a perfectly flat edge has no height, and Playwright will not click it.
  await dropFromPalette(page, 'queue', 500, 360);
  await connectNodes(page, 'producer-1', 'queue-1');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await page.locator('.react-flow__edge').first().click();
  await expect(page.locator('.mf-inspector__id')).toHaveText('producer-1 → queue-1');

  await page.getByTestId('field-latency-dist').selectOption('empirical');
  const lines = page.getByTestId('field-latency-percentiles');
  // Prefilled around the old 5 ms.
  await expect(lines).toHaveValue('0: 1.25\n50: 5\n99: 20\n100: 40');
  await lines.fill('0: 2\n50: 8\n99: 4\n100: 120');
  await expect(page.getByRole('alert')).toHaveText('line 3: values must not decrease as p increases');
  await lines.fill('0: 2\n50: 8\n99: 40\n100: 120');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('.mf-edge-label')).toHaveText('p50 8 · p99 40 ms');
});

test('publisher confirms with a retry time resend what a lossy link dropped', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-new').click();
  await dropFromPalette(page, 'producer', 180, 260);
  await dropFromPalette(page, 'queue', 500, 260);
  await dropFromPalette(page, 'consumer', 820, 260);
  await connectNodes(page, 'producer-1', 'queue-1');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await connectNodes(page, 'queue-1', 'consumer-1');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  await selectNode(page, 'producer-1');
  await page.getByTestId('field-confirms').check();
  await page.getByTestId('field-retry-after').fill('300');
  await expect(page.getByTestId('node-producer-1')).toContainText('confirms, retry 300 ms ×3');

  // The first edge drawn is producer → queue.
  await page.locator('.react-flow__edge').first().click();
  await expect(page.locator('.mf-inspector__id')).toHaveText('producer-1 → queue-1');
  await page.getByTestId('field-loss').fill('30');
  await expect(page.getByTestId('field-loss')).toHaveValue('30');

  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Running');
  await expect.poll(() => readNumber(stat(page, 'producer-1', 'confirmed')), { timeout: 15_000 }).toBeGreaterThan(0);
  await expect.poll(() => readNumber(stat(page, 'producer-1', 'retries')), { timeout: 20_000 }).toBeGreaterThan(0);
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Paused');
});
