import { expect, test } from '@playwright/test';
import { connectNodes, dropFromPalette, freshStart, readNumber, selectEdge, selectNode, setSpeed, stat } from './helpers.ts';

test('a NATS server: subjects with wildcards on the links, a queue group sharing, what no one subscribes to discarded', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-new').click();
  await dropFromPalette(page, 'producer', 160, 300);
  await page.getByText('NATS', { exact: true }).click();
  await page.getByTestId('preset-nats-server').dragTo(page.locator('.react-flow__pane'), { targetPosition: { x: 470, y: 300 } });
  await expect(page.getByTestId('node-nats-server-1')).toContainText('core NATS · at most once');
  await dropFromPalette(page, 'consumer', 800, 120);
  await dropFromPalette(page, 'consumer', 800, 300);
  await dropFromPalette(page, 'consumer', 800, 480);
  await connectNodes(page, 'producer-1', 'nats-server-1');
  await connectNodes(page, 'nats-server-1', 'consumer-1');
  await connectNodes(page, 'nats-server-1', 'consumer-2');
  await connectNodes(page, 'nats-server-1', 'consumer-3');
  await expect(page.locator('.react-flow__edge')).toHaveCount(4);

  // 30 messages round-robin on three subjects: 10 each.
  await selectNode(page, 'producer-1');
  await page.getByTestId('field-rate').fill('100');
  await page.getByTestId('field-limit').fill('30');
  await page.getByTestId('field-keys').fill('jobs.resize, jobs.crop.large, billing.eu');

  // A link without a subject subscribes to nothing, and says so.
  await selectEdge(page, 'e-2', 'nats-server-1 → consumer-1');
  await expect(page.getByTestId('nats-sub-warning')).toContainText('receives nothing');
  // N-2: > only last; the message says why and nothing is applied.
  await page.getByTestId('field-nats-subject').fill('jobs.>.large');
  await expect(page.getByRole('alert')).toContainText('> matches the rest of the subject: it comes last only');
  await page.getByTestId('field-nats-subject').fill('jobs.>');
  await page.getByTestId('field-nats-queue-group').fill('workers');
  await expect(page.getByTestId('edge-label-e-2')).toContainText('jobs.> · group workers');

  await selectEdge(page, 'e-3', 'nats-server-1 → consumer-2');
  await page.getByTestId('field-nats-subject').fill('jobs.>');
  await page.getByTestId('field-nats-queue-group').fill('workers');
  // A plain subscriber on * (exactly one token): jobs.resize, not jobs.crop.large.
  await selectEdge(page, 'e-4', 'nats-server-1 → consumer-3');
  await page.getByTestId('field-nats-subject').fill('jobs.*');
  await expect(page.getByTestId('nats-sub-warning')).toHaveCount(0);

  await setSpeed(page, 10);
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Finished', { timeout: 30_000 });
  // N-3: the group shares the 20 jobs messages, each member getting some; N-2: the plain
  // subscriber gets the 10 on jobs.resize; N-1: the 10 on billing.eu had no subscriber.
  const first = await readNumber(stat(page, 'consumer-1', 'processed'));
  const second = await readNumber(stat(page, 'consumer-2', 'processed'));
  expect(first + second).toBe(20);
  expect(first).toBeGreaterThan(0);
  expect(second).toBeGreaterThan(0);
  expect(await readNumber(stat(page, 'consumer-3', 'processed'))).toBe(10);
  expect(await readNumber(stat(page, 'nats-server-1', 'unroutable'))).toBe(10);
  expect(await readNumber(stat(page, 'nats-server-1', 'to-groups'))).toBe(20);
  expect(await readNumber(page.getByTestId('status-lost'))).toBe(10);

  await selectNode(page, 'nats-server-1');
  await page.screenshot({ path: '/tmp/shot-nats.png' });
});
