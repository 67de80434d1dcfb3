import { expect, test, type Page } from '@playwright/test';
import { connectNodes, dropFromPalette, freshStart, readNumber, selectEdge, selectNode, setSpeed } from './helpers.ts';

/** Sim time from the status bar, in seconds ("850 ms", "12.30 s", "1:05.2 min"). */
async function simSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId('status-time').textContent()) ?? '';
  const minutes = /^(\d+):([\d.]+) min$/.exec(text);
  if (minutes) return Number(minutes[1]) * 60 + Number(minutes[2]);
  const n = Number(text.replace(/[^0-9.]/g, ''));
  return text.endsWith(' ms') ? n / 1000 : n;
}

/** Sim time and produced count of a paused run (both from the same frame). */
async function pausedReading(page: Page): Promise<{ t: number; produced: number }> {
  await expect(page.getByTestId('status-state')).toHaveText('Paused');
  return { t: await simSeconds(page), produced: await readNumber(page.getByTestId('status-produced')) };
}

test('a setting edited while running applies live; deleting a link resets the run', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-new').click();
  await dropFromPalette(page, 'producer', 180, 260);
  await dropFromPalette(page, 'queue', 480, 260);
  await dropFromPalette(page, 'consumer', 780, 260);
  await connectNodes(page, 'producer-1', 'queue-1');
  await connectNodes(page, 'queue-1', 'consumer-1');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await selectNode(page, 'producer-1');
  await page.getByTestId('field-rate').fill('5');

  await setSpeed(page, 10);
  await page.getByTestId('btn-play').click();
  await expect.poll(() => simSeconds(page), { timeout: 15_000 }).toBeGreaterThan(4);
  await page.getByTestId('btn-play').click();
  const before = await pausedReading(page);
  // 5 a second from t = 0.
  expect(before.produced).toBeGreaterThanOrEqual(Math.floor(before.t * 5));
  expect(before.produced).toBeLessThanOrEqual(Math.ceil(before.t * 5) + 1);

  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Running');
  await page.getByTestId('field-rate').fill('50');
  await expect(page.getByTestId('notice').last()).toContainText('Applied live at');
  await expect(page.getByTestId('notice')).not.toContainText(['was reset']);
  // Not reset: still running, the clock and the count went on from where they were.
  await expect(page.getByTestId('status-state')).toHaveText('Running');
  const atEdit = { t: await simSeconds(page), produced: await readNumber(page.getByTestId('status-produced')) };
  expect(atEdit.t).toBeGreaterThanOrEqual(before.t);
  expect(atEdit.produced).toBeGreaterThanOrEqual(before.produced);
  await expect.poll(() => simSeconds(page), { timeout: 15_000 }).toBeGreaterThan(atEdit.t + 4);
  await page.getByTestId('btn-play').click();
  const after = await pausedReading(page);
  const rateAfter = (after.produced - atEdit.produced) / (after.t - atEdit.t);
  // About 50 a second now (the status bar is read twice while running, hence the margin).
  expect(rateAfter).toBeGreaterThan(35);
  expect(rateAfter).toBeLessThan(60);
  await page.screenshot({ path: '/tmp/shot-live-applied.png' });

  // A structural edit cannot apply to a running run: it resets, and says so.
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Running');
  await selectEdge(page, 'e-2', 'queue-1 → consumer-1');
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(page.getByTestId('notice').last()).toContainText('Topology changed, so the run was reset');
  await expect(page.getByTestId('status-time')).toHaveText('0 ms');
  expect(await readNumber(page.getByTestId('status-produced'))).toBe(0);
  await page.screenshot({ path: '/tmp/shot-live-reset.png' });
});

test('a setting the engine cannot change mid-run resets the run and names it', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-new').click();
  await dropFromPalette(page, 'producer', 180, 260);
  await dropFromPalette(page, 'consumer', 620, 260);
  await connectNodes(page, 'producer-1', 'consumer-1');
  await setSpeed(page, 10);
  await page.getByTestId('btn-play').click();
  await expect.poll(() => readNumber(page.getByTestId('status-produced')), { timeout: 15_000 }).toBeGreaterThan(5);
  await selectEdge(page, 'e-1', 'producer-1 → consumer-1');
  await page.getByTestId('field-ordered').uncheck();
  await expect(page.getByTestId('notice').last()).toContainText('Changing "ordered" of the link producer-1 → consumer-1 needs a fresh run');
  await expect(page.getByTestId('status-time')).toHaveText('0 ms');
});
