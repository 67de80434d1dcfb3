import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { freshStart, readNumber, setSpeed, stat } from './helpers.ts';

/** The picker lists what public/scenarios/index.json lists. */
const SCENARIO_COUNT = (JSON.parse(readFileSync(new URL('../public/scenarios/index.json', import.meta.url), 'utf8')) as unknown[]).length;

// Set to a directory to save pictures of the picker and the scenario panel (e.g. test-results).
const SCREENSHOTS = process.env.SCENARIO_SCREENSHOTS;

/** Opens a scenario from the toolbar's picker (nothing unsaved on the canvas). */
async function pickScenario(page: Page, file: string, title: string): Promise<void> {
  await page.getByTestId('btn-scenarios').click();
  await expect(page.getByTestId('scenario-picker')).toBeVisible();
  await page.getByTestId(`scenario-item-${file}`).click();
  await expect(page.getByTestId('scenario-picker')).toBeHidden();
  await expect(page.getByTestId('scenario-name')).toHaveText(title);
}

async function play(page: Page): Promise<void> {
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText(/Running|Finished/);
}

async function waitForSimTime(page: Page, seconds: number): Promise<void> {
  // "12.34 s" under a minute, "1:02.3 min" above: only the first matters here.
  await expect
    .poll(async () => {
      const text = (await page.getByTestId('status-time').textContent()) ?? '';
      return text.endsWith(' min') ? Infinity : text.endsWith(' ms') ? 0 : Number.parseFloat(text);
    }, { timeout: 20_000 })
    .toBeGreaterThan(seconds);
}

test('the picker lists every scenario; 20 overflow exactly: drop-head keeps 3, then reject-publish refuses 2', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-scenarios').click();
  const picker = page.getByTestId('scenario-picker');
  await expect(picker).toBeVisible();
  await expect(picker.getByRole('listitem')).toHaveCount(SCENARIO_COUNT);
  await expect(page.getByTestId('scenario-item-work-queue')).toContainText('on the canvas');
  await expect(page.getByTestId('scenario-item-20-overflow-exactly')).toContainText('Max-length 3, publish 1..5');
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/scenario-picker.png`, animations: 'disabled' });
  await page.getByTestId('scenario-item-20-overflow-exactly').click();
  await expect(picker).toBeHidden();
  await expect(page.getByTestId('scenario-name')).toHaveText('Overflow exactly');

  // Nothing selected: the document panel shows the scenario.
  const panel = page.getByTestId('scenario-panel');
  await expect(panel.getByTestId('scenario-watch')).toContainText('depth stops at 3');
  await expect(panel.getByTestId('scenario-expect').getByRole('listitem')).toHaveCount(3);
  await expect(panel.getByTestId('variant-original')).toBeDisabled();
  if (SCREENSHOTS) {
    await panel.getByTestId('variant-original').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/scenario-panel.png`, animations: 'disabled' });
  }

  await setSpeed(page, 10);
  await play(page);
  await expect(page.getByTestId('status-state')).toHaveText('Finished', { timeout: 20_000 });
  expect(await readNumber(stat(page, 'publisher', 'sent'))).toBe(5);
  expect(await readNumber(stat(page, 'limited', 'depth'))).toBe(3);
  expect(await readNumber(stat(page, 'dlq', 'depth'))).toBe(2);
  expect(await readNumber(stat(page, 'limited', 'dead-lettered'))).toBe(2);
  expect(await readNumber(page.getByTestId('status-dead'))).toBe(2);
  await expect(page.getByTestId('status-rejected')).toHaveCount(0);

  // The toggle: reject-publish keeps 1, 2, 3 and refuses 4 and 5; the DLQ stays empty.
  await panel.getByTestId('variant-reject-publish').click();
  await expect(panel.getByTestId('scenario-active')).toContainText('reject-publish');
  await expect(page.getByTestId('node-limited')).toContainText('max 3 · reject-publish');
  await expect(page.getByTestId('status-state')).toHaveText('Ready');
  await play(page);
  await expect(page.getByTestId('status-state')).toHaveText('Finished', { timeout: 20_000 });
  expect(await readNumber(stat(page, 'limited', 'depth'))).toBe(3);
  expect(await readNumber(stat(page, 'publisher', 'refused'))).toBe(2);
  expect(await readNumber(page.getByTestId('status-rejected'))).toBe(2);
  expect(await readNumber(stat(page, 'dlq', 'depth'))).toBe(0);
  await expect(page.getByTestId('status-dead')).toHaveCount(0);

  // And back: drop-head again.
  await panel.getByTestId('variant-original').click();
  await expect(page.getByTestId('node-limited')).toContainText('max 3 · drop-head');
});

test('02 hello queue: the crash loses 13 with auto-ack, none with manual ack (redelivered instead)', async ({ page }) => {
  await freshStart(page);
  await pickScenario(page, '02-hello-queue', 'Hello queue (auto-ack)');
  await setSpeed(page, 20);
  await play(page);
  await waitForSimTime(page, 8);
  await expect.poll(() => readNumber(page.getByTestId('status-lost')), { timeout: 20_000 }).toBe(13);
  await expect.poll(() => readNumber(page.getByTestId('status-delivered')), { timeout: 20_000 }).toBe(27);
  expect(await readNumber(page.getByTestId('status-lost'))).toBe(13);
  expect(await readNumber(stat(page, 'hello', 'depth'))).toBe(0);

  await page.getByTestId('scenario-panel').getByTestId('variant-manual-ack').click();
  await expect(page.getByTestId('node-consumer')).toContainText('manual ack');
  await play(page);
  await expect.poll(() => readNumber(page.getByTestId('status-delivered')), { timeout: 20_000 }).toBe(40);
  expect(await readNumber(page.getByTestId('status-lost'))).toBe(0);
  expect(await readNumber(stat(page, 'hello', 'redelivered'))).toBe(13);
  await expect(page.getByTestId('status-duplicates')).toHaveCount(0);
});

test('12 TTL and dead letters: the DLQ depth equals the expired count', async ({ page }) => {
  await freshStart(page);
  await pickScenario(page, '12-ttl-and-dead-letters', 'TTL and dead letters');
  await setSpeed(page, 20);
  await play(page);
  await waitForSimTime(page, 20);
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Paused');
  const expired = await readNumber(stat(page, 'work', 'expired'));
  expect(expired).toBeGreaterThan(40);
  expect(await readNumber(stat(page, 'dlq', 'depth'))).toBe(expired);
  expect(await readNumber(page.getByTestId('status-dead'))).toBe(expired);
  // Levelled off at 5 s of arrivals: 50, or 49 between an expiry and the next arrival.
  const depth = await readNumber(stat(page, 'work', 'depth'));
  expect(depth).toBeGreaterThanOrEqual(49);
  expect(depth).toBeLessThanOrEqual(50);
  expect(await readNumber(page.getByTestId('status-lost'))).toBe(0);
});

test('with unsaved changes the picker asks first; a bad scenario file leaves the canvas as it was', async ({ page }) => {
  await freshStart(page);
  await pickScenario(page, '21-poison-message', 'Poison message');
  await page.getByTestId('field-name').fill('My poison message');
  await expect(page.getByTestId('scenario-name')).toHaveText('My poison message');

  await page.getByTestId('btn-scenarios').click();
  await page.getByTestId('scenario-item-12-ttl-and-dead-letters').click();
  await expect(page.getByTestId('scenario-confirm')).toContainText('TTL and dead letters');
  await page.getByTestId('scenario-confirm-cancel').click();
  await expect(page.getByTestId('scenario-confirm')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('scenario-picker')).toBeHidden();
  await expect(page.getByTestId('scenario-name')).toHaveText('My poison message');

  // A file that does not load: the problem panel names it, the canvas stays.
  await page.route('**/scenarios/12-ttl-and-dead-letters.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: '{"format": "msgflow/1", "nodes": [{"id": "x", "kind": "gateway"}], "edges": []}' }),
  );
  await page.getByTestId('btn-scenarios').click();
  await page.getByTestId('scenario-item-12-ttl-and-dead-letters').click();
  await page.getByTestId('scenario-confirm-replace').click();
  await expect(page.getByTestId('load-error')).toContainText('TTL and dead letters: invalid topology');
  await expect(page.getByTestId('scenario-name')).toHaveText('My poison message');
  await expect(page.getByTestId('node-orders')).toBeVisible();

  // Once saved, nothing is unsaved: the next pick goes straight through.
  await page.unroute('**/scenarios/12-ttl-and-dead-letters.json');
  const download = page.waitForEvent('download');
  await page.getByTestId('btn-save').click();
  await download;
  await pickScenario(page, '12-ttl-and-dead-letters', 'TTL and dead letters');
});
