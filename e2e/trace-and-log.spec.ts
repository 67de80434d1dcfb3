import { expect, test, type Page } from '@playwright/test';
import { freshStart, readNumber, setSpeed } from './helpers.ts';

/**
 * The centre of one dot on the overlay, in page coordinates, away from every node (a
 * click there reaches the dot, not a node), or null when none is drawn. Found from the
 * overlay's pixels: a dot is a filled disc with a white rim. A string, because e2e/
 * compiles without DOM types; it runs in the page.
 */
async function dotOnScreen(page: Page): Promise<{ x: number; y: number } | null> {
  return page.evaluate(`(() => {
    const canvas = document.querySelector('[data-testid="dots-overlay"]');
    const box = canvas.getBoundingClientRect();
    const sx = canvas.width / box.width;
    const sy = canvas.height / box.height;
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const nodes = [...document.querySelectorAll('.react-flow__node')].map((n) => n.getBoundingClientRect());
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4) {
      const p = i / 4;
      // An opaque, coloured (not white) pixel: inside a dot.
      if (data[i + 3] < 250 || (data[i] > 230 && data[i + 1] > 230 && data[i + 2] > 230)) continue;
      const px = p % canvas.width;
      const py = Math.floor(p / canvas.width);
      const key = Math.floor(px / 20) + ',' + Math.floor(py / 20);
      if (seen.has(key)) continue;
      seen.add(key);
      // The centre of the coloured pixels around it.
      let cx = 0, cy = 0, n = 0;
      for (let y = py; y < Math.min(canvas.height, py + 14); y++) {
        for (let x = Math.max(0, px - 8); x < Math.min(canvas.width, px + 8); x++) {
          const j = (y * canvas.width + x) * 4;
          if (data[j + 3] >= 250 && !(data[j] > 230 && data[j + 1] > 230 && data[j + 2] > 230)) { cx += x; cy += y; n++; }
        }
      }
      const x = box.left + cx / n / sx;
      const y = box.top + cy / n / sy;
      const onNode = nodes.some((r) => x > r.left - 10 && x < r.right + 10 && y > r.top - 10 && y < r.bottom + 10);
      if (!onNode) return { x, y };
    }
    return null;
  })()`);
}

test('the event log follows the run, filters by node and fate, and a row or a dot opens the message trace', async ({ page }) => {
  await freshStart(page);
  await setSpeed(page, 4);
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Running');

  await page.getByTestId('dock-tab-events').click();
  const log = page.getByTestId('event-log');
  const rows = log.getByTestId('event-row');
  await expect(rows.first()).toBeVisible();
  // It follows the run: the count grows while the newest rows stay in view.
  const countOf = async () => readNumber(log.getByTestId('event-count'));
  const before = await countOf();
  await expect.poll(countOf, { timeout: 15_000 }).toBeGreaterThan(before);
  await expect(log.getByTestId('event-follow')).toBeChecked();
  await page.screenshot({ path: '/tmp/shot-trace-log-running.png' });

  // Enough delivered messages to choose from, then filter to one worker while it runs.
  await expect.poll(() => readNumber(page.getByTestId('status-delivered')), { timeout: 20_000 }).toBeGreaterThan(5);
  await log.getByTestId('event-filter-node').selectOption('worker-1');
  await expect(rows.first()).toBeVisible();
  await expect.poll(async () => new Set(await log.locator('.mf-event-row__node').allTextContents())).toEqual(new Set(['worker-1']));

  // Pause, so the rows and the dots stay put, and keep only deliveries.
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Paused');
  await log.getByTestId('event-filter-fate').selectOption('delivered');
  await expect(rows.first()).toBeVisible();
  await expect.poll(async () => new Set(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind'))))).toEqual(new Set(['delivered']));

  const row = rows.last();
  const id = Number(await row.getAttribute('data-message'));
  await row.click();
  const trace = page.getByTestId('message-trace');
  await expect(trace.getByRole('heading')).toHaveText(`Message #${id}`);
  // Every hop from the producer to the worker, in order, and its fate.
  const hops = trace.getByTestId('trace-hop');
  await expect(hops.first()).toHaveAttribute('data-kind', 'created');
  const kinds = await hops.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
  expect(kinds).toEqual(expect.arrayContaining(['created', 'sent', 'arrived', 'dispatched', 'delivered', 'acked']));
  expect(kinds.indexOf('created')).toBeLessThan(kinds.indexOf('dispatched'));
  expect(kinds.indexOf('dispatched')).toBeLessThan(kinds.indexOf('delivered'));
  await expect(hops.filter({ hasText: 'dispatched (attempt 1)' })).toContainText('at work');
  await expect(trace.getByTestId('trace-fate')).toContainText('delivered at worker-1');
  await expect(trace).toContainText('From');
  await expect(trace).toContainText('orders #');
  await page.screenshot({ path: '/tmp/shot-trace-row.png' });

  await trace.getByRole('button', { name: 'Close the trace' }).click();
  await expect(trace).toHaveCount(0);

  // A dot on the canvas (the run is paused, so it stays where it is drawn) opens its trace.
  let dot: { x: number; y: number } | null = null;
  await expect(async () => {
    dot = await dotOnScreen(page);
    if (!dot) await page.getByTestId('btn-step').click();
    expect(dot).not.toBeNull();
  }).toPass({ timeout: 20_000 });
  const at = dot as unknown as { x: number; y: number };
  await page.mouse.click(at.x, at.y);
  await expect(trace).toBeVisible();
  const dotHops = trace.getByTestId('trace-hop');
  await expect(dotHops.first()).toBeVisible();
  // A message on a link: its latest hop put it there, and it has no fate yet.
  await expect(dotHops.last()).toHaveAttribute('data-kind', /^(sent|dispatched|redelivered)$/);
  await expect(trace.getByTestId('trace-fate')).toHaveText('in flight or held');
  await page.screenshot({ path: '/tmp/shot-trace-dot.png' });
});
