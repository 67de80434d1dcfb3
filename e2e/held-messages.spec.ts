import { expect, test, type Locator, type Page } from '@playwright/test';
import { freshStart, readNumber } from './helpers.ts';

const SCREENSHOT = 'test-results/held-messages.png';
const QUEUE_SCREENSHOT = 'test-results/held-messages-queue.png';

async function select(page: Page, nodeId: string): Promise<Locator> {
  await page.getByTestId(`node-${nodeId}`).click();
  await expect(page.locator('.mf-inspector__id')).toHaveText(`id: ${nodeId}`);
  return page.getByTestId('held-messages');
}

/**
 * Steps the paused run one event at a time until the selected node holds something: at
 * any one instant a worker may be idle, and stepping is how a person would catch it busy.
 */
async function stepUntilHeld(page: Page, held: Locator): Promise<Locator> {
  const rows = held.getByTestId('held-row');
  await expect(async () => {
    if ((await rows.count()) === 0) await page.getByTestId('btn-step').click();
    await expect(rows.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  return rows.first();
}

/** The row in `held` for message `label` (e.g. "orders#12"), matched exactly. */
function rowFor(held: Locator, label: string): Locator {
  return held.getByTestId('held-row').filter({ has: held.page().locator('.mf-held__id', { hasText: new RegExp(`^${label}$`) }) });
}

test('a paused worker lists the message it is processing, and its queue lists it as unacked to that worker', async ({ page }) => {
  await freshStart(page);

  // Before any run there is nothing to list; producers have no such section.
  let held = await select(page, 'worker-1');
  await expect(held).toContainText('Press Play or Step to see the messages this node holds.');
  await select(page, 'orders');
  await expect(page.getByTestId('held-messages')).toHaveCount(0);

  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Running');
  await expect.poll(() => readNumber(page.getByTestId('status-delivered')), { timeout: 15_000 }).toBeGreaterThan(3);
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Paused');

  held = await select(page, 'worker-1');
  const row = await stepUntilHeld(page, held);
  // Prefetch 1, concurrency 1, no failures: one message, being processed, first attempt.
  await expect(held.getByTestId('held-row')).toHaveCount(1);
  await expect(held.getByTestId('held-counts')).toHaveText('processing 1');
  await expect(row).toContainText('processing');
  await expect(row.getByTestId('held-attempt')).toHaveText('1');
  await expect(row.getByTestId('held-redelivered')).toHaveCount(0);
  const label = (await row.locator('.mf-held__id').textContent()) ?? '';
  expect(label).toMatch(/^orders#\d+$/);

  // The queue still holds the same message, unacked, waiting for worker-1's ack.
  held = await select(page, 'work');
  await expect(held.getByTestId('held-counts')).toContainText('unacked');
  const atQueue = rowFor(held, label);
  await expect(atQueue).toHaveCount(1);
  await expect(atQueue).toContainText('unacked → worker-1');
  await expect(atQueue.getByTestId('held-attempt')).toHaveText('1');

  // Back to t = 0: the run is loaded, and nothing has reached the queue yet.
  await page.getByTestId('btn-reset').click();
  await expect(held).toContainText('Holds no messages now.');
  await expect(held.getByTestId('held-row')).toHaveCount(0);
});

test('a message nacked and requeued shows its attempt count and the redelivered badge', async ({ page }) => {
  await freshStart(page);
  // Long enough never to fire in this run; set so each row shows its deadline and expiry.
  await select(page, 'work');
  await page.getByTestId('field-ack-timeout').fill('60000');
  await page.getByTestId('field-message-ttl').fill('600000');
  for (const worker of ['worker-1', 'worker-2']) {
    await select(page, worker);
    await page.getByTestId('field-failure').fill('100');
    await page.getByTestId('field-on-failure-requeue').check();
    await expect(page.getByTestId('field-on-failure-requeue')).toBeChecked();
  }

  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Running');
  const redelivered = page.getByTestId('node-work').getByTestId('stat-redelivered');
  await expect.poll(() => readNumber(redelivered), { timeout: 20_000 }).toBeGreaterThan(5);
  expect(await readNumber(page.getByTestId('status-delivered'))).toBe(0);
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Paused');

  // Every processing fails and the nack puts the message back at the front, so after the
  // first few the workers only ever get redeliveries.
  let held = await select(page, 'worker-1');
  const row = await stepUntilHeld(page, held);
  await expect(row.getByTestId('held-redelivered')).toHaveText('↻ redelivered');
  const attempt = Number(await row.getByTestId('held-attempt').textContent());
  expect(attempt).toBeGreaterThanOrEqual(2);
  const label = (await row.locator('.mf-held__id').textContent()) ?? '';

  // Details on click: this producer sets no headers and sends 512-byte messages.
  await row.click();
  const details = held.getByTestId('held-details');
  await expect(details).toContainText('no headers');
  await expect(details).toContainText('512 bytes');
  await held.scrollIntoViewIfNeeded();
  await held.screenshot({ path: SCREENSHOT });

  // The queue agrees: the same delivery, unacked to worker-1, same attempt, flagged.
  held = await select(page, 'work');
  const atQueue = rowFor(held, label);
  await expect(atQueue).toContainText('unacked → worker-1');
  await expect(atQueue.getByTestId('held-attempt')).toHaveText(String(attempt));
  await expect(atQueue.getByTestId('held-redelivered')).toBeVisible();
  await expect(atQueue).toContainText(/ack by [\d,]+\u00a0ms/);
  await expect(atQueue).toContainText(/expires [\d,]+\u00a0ms/);
  await held.scrollIntoViewIfNeeded();
  await held.screenshot({ path: QUEUE_SCREENSHOT });
});
