import { expect, test } from '@playwright/test';
import { freshStart, readNumber, selectNode, setSpeed, stat } from './helpers.ts';

test('polling consumers asking once every 2 s for one message fall behind: the queue grows', async ({ page }) => {
  await freshStart(page);
  for (const worker of ['worker-1', 'worker-2']) {
    await selectNode(page, worker);
    await page.getByTestId('field-receive-poll').check();
    await page.getByTestId('field-poll-interval').fill('2000');
    await expect(page.getByTestId(`node-${worker}`)).toContainText('polls 2 s ×1');
  }
  // A batch above SQS's 10 is refused with the rule's message.
  await page.getByTestId('field-batch-size').fill('11');
  await expect(page.getByTestId('group-receiving').getByRole('alert')).toContainText('must be ≤ 10');
  await page.getByTestId('field-batch-size').fill('1');

  await setSpeed(page, 10);
  await page.getByTestId('btn-play').click();
  // About 6 messages a second in, one per worker every 2 s out.
  await expect.poll(() => readNumber(stat(page, 'work', 'depth')), { timeout: 20_000 }).toBeGreaterThan(30);
  expect(await readNumber(stat(page, 'worker-1', 'processed'))).toBeLessThan(20);
});
