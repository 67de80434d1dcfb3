import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { freshStart, readNumber, setSpeed } from './helpers.ts';

// The README's picture is refreshed on request (UPDATE_SCREENSHOT=1 npm run test:e2e), so
// an ordinary test run leaves the work tree clean.
const SCREENSHOT = process.env.UPDATE_SCREENSHOT
  ? fileURLToPath(new URL('../docs/screenshot.png', import.meta.url))
  : 'test-results/screenshot.png';

test('the default scenario animates messages, and takes the README screenshot', async ({ page }) => {
  await freshStart(page);
  await setSpeed(page, 2);
  await expect(page.getByTestId('speed-value')).toHaveText('2×');
  await page.getByTestId('btn-play').click();
  await page.waitForTimeout(2_000);

  // The overlay records how many dots it drew last; wait for a moment with some in flight.
  const overlay = page.getByTestId('dots-overlay');
  await expect.poll(async () => Number(await overlay.getAttribute('data-dots')), { timeout: 10_000 }).toBeGreaterThan(0);
  expect(await readNumber(page.getByTestId('status-delivered'))).toBeGreaterThan(0);

  await page.screenshot({ path: SCREENSHOT });
});
