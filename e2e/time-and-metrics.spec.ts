import { expect, test, type Page } from '@playwright/test';
import { freshStart, readNumber, setSpeed } from './helpers.ts';

async function runTo(page: Page, seconds: number): Promise<void> {
  await page.getByTestId('btn-run-to').click();
  await page.getByTestId('runto-input').fill(String(seconds));
  await page.getByTestId('runto-go').click();
}

/** The status numbers a run is compared by. */
async function statusNumbers(page: Page) {
  const n = (id: string) => readNumber(page.getByTestId(id));
  return {
    time: await page.getByTestId('status-time').textContent(),
    produced: await n('status-produced'),
    delivered: await n('status-delivered'),
    lost: await n('status-lost'),
    inFlight: await n('status-inflight'),
    events: await readNumber(page.locator('.mf-status__events')),
    worker1: await readNumber(page.getByTestId('node-worker-1').getByTestId('stat-processed')),
    worker2: await readNumber(page.getByTestId('node-worker-2').getByTestId('stat-processed')),
  };
}

test('run to a time: as fast as possible with a progress bar, stops there, and Cancel stops early', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-run-to').click();
  await expect(page.getByTestId('runto-form')).toBeVisible();
  await page.screenshot({ path: '/tmp/shot-time-runto-form.png' });
  await page.getByTestId('runto-input').press('Escape');
  await expect(page.getByTestId('runto-form')).toHaveCount(0);
  await runTo(page, 30);
  await expect(page.getByTestId('status-state')).toHaveText('Paused');
  await expect(page.getByTestId('status-time')).toHaveText('30.00 s');
  expect(await readNumber(page.getByTestId('status-produced'))).toBeGreaterThan(100);

  // Eleven days of sim time take a while even flat out: the bar shows, moves, and Cancel stops it.
  await runTo(page, 1_000_000);
  const bar = page.getByTestId('goal-bar');
  await expect(page.getByTestId('goal-progress')).toContainText('Running to');
  await expect.poll(async () => Number(await bar.getAttribute('value'))).toBeGreaterThan(0);
  await page.screenshot({ path: '/tmp/shot-time-progress.png' });
  await page.getByTestId('goal-cancel').click();
  await expect(page.getByTestId('status-state')).toHaveText('Paused');
  await expect(page.getByTestId('goal-progress')).toHaveCount(0);
  const stoppedAt = await page.getByTestId('status-time').textContent();
  await page.waitForTimeout(500);
  await expect(page.getByTestId('status-time')).toHaveText(stoppedAt ?? '');
});

test('step to the next delivery advances delivered by exactly one; keys play, pause and step', async ({ page }) => {
  await freshStart(page);
  const delivered = () => readNumber(page.getByTestId('status-delivered'));
  expect(await delivered()).toBe(0);
  await page.getByTestId('btn-next-delivery').click();
  await expect.poll(delivered).toBe(1);
  await page.getByTestId('btn-next-delivery').click();
  await expect.poll(delivered).toBe(2);

  // From the keyboard, with focus on the canvas (not in a field).
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(delivered).toBe(3);
  const events = await readNumber(page.locator('.mf-status__events'));
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => readNumber(page.locator('.mf-status__events'))).toBe(events + 1);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('status-state')).toHaveText('Running');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('status-state')).toHaveText('Paused');

  // Typing in a field is typing: Space there does not start the run.
  await page.getByTestId('btn-run-to').click();
  await page.getByTestId('runto-input').press('Space');
  await expect(page.getByTestId('status-state')).toHaveText('Paused');
});

test('replay reruns the same seed, with the crash injected live, and gives the same numbers', async ({ page }) => {
  await freshStart(page);
  await expect(page.getByTestId('btn-replay')).toBeDisabled();
  await runTo(page, 10);
  await expect(page.getByTestId('status-time')).toHaveText('10.00 s');
  // A live fault: crash worker-1 at 10 s from the inspector.
  await page.getByTestId('node-worker-1').click();
  await page.getByTestId('fault-crash').click();
  await expect(page.getByTestId('node-worker-1')).toHaveAttribute('data-down', 'true');
  await runTo(page, 20);
  await expect(page.getByTestId('status-time')).toHaveText('20.00 s');
  await expect(page.getByTestId('status-state')).toHaveText('Paused');
  const original = await statusNumbers(page);

  await setSpeed(page, 100);
  await page.getByTestId('btn-replay').click();
  await expect(page.getByTestId('goal-progress')).toContainText('Replaying to');
  await expect(page.getByTestId('status-state')).toHaveText('Paused', { timeout: 15_000 });
  await expect(page.getByTestId('status-time')).toHaveText('20.00 s');
  await expect(page.getByTestId('node-worker-1')).toHaveAttribute('data-down', 'true');
  expect(await statusNumbers(page)).toEqual(original);
});

test('the Metrics tab charts the run while it plays, and the selected node’s own series', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('dock-tab-metrics').click();
  const panel = page.getByTestId('metrics-panel');
  await expect(panel).toBeVisible();
  await setSpeed(page, 20);
  await page.getByTestId('btn-play').click();
  const points = (chart: string) => panel.getByTestId(chart).locator('.mf-chart__plot').getAttribute('data-points').then(Number);
  for (const chart of ['chart-throughput', 'chart-latency', 'chart-depths', 'chart-fates']) {
    await expect(panel.getByTestId(chart).locator('canvas')).toBeVisible();
    await expect.poll(() => points(chart), { timeout: 15_000 }).toBeGreaterThan(5);
  }
  // Points keep coming while it runs.
  const before = await points('chart-throughput');
  await expect.poll(() => points('chart-throughput')).toBeGreaterThan(before);
  await expect(panel.getByTestId('chart-depths')).toContainText('work');
  await expect(panel.getByTestId('chart-fates')).toContainText('lost: link-loss');

  await expect(panel.getByTestId('chart-node')).toContainText('Select one node');
  await page.getByTestId('node-work').click();
  await expect(panel.getByTestId('chart-node')).toContainText('(queue)');
  await expect(panel.getByTestId('chart-node')).toContainText('dispatched/s');
  await expect.poll(() => points('chart-node')).toBeGreaterThan(5);
  await page.screenshot({ path: '/tmp/shot-time-metrics.png' });

  // Reset starts the charts over.
  await page.getByTestId('btn-reset').click();
  await expect.poll(() => points('chart-throughput')).toBe(0);
});
