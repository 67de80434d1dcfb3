import { expect, test } from '@playwright/test';
import { connectNodes, dropFromPalette, freshStart, readNumber, selectNode, setSpeed, stat } from './helpers.ts';

// Set to a directory to save pictures of the nodes with the inspector open.
const SCREENSHOTS = process.env.REQUEST_REPLY_SCREENSHOTS;

test('a requester and a replier wired both ways: 5 requests in lockstep, 5 replies', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-new').click();
  await dropFromPalette(page, 'requester', 200, 260);
  await dropFromPalette(page, 'replier', 620, 260);
  await connectNodes(page, 'requester-1', 'replier-1');
  await connectNodes(page, 'replier-1', 'requester-1');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  await selectNode(page, 'requester-1');
  await page.getByTestId('field-limit').fill('5');
  await expect(page.getByTestId('node-requester-1')).toContainText('lockstep (REQ) · no timeout · limit 5');
  await expect(page.getByTestId('group-waiting')).toContainText('No timeout: a lost request or reply leaves it waiting for ever.');

  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Finished', { timeout: 20_000 });
  expect(await readNumber(stat(page, 'requester-1', 'sent'))).toBe(5);
  expect(await readNumber(stat(page, 'requester-1', 'replies'))).toBe(5);
  expect(await readNumber(stat(page, 'requester-1', 'outstanding'))).toBe(0);
  expect(await readNumber(stat(page, 'replier-1', 'requests'))).toBe(5);
  expect(await readNumber(stat(page, 'replier-1', 'replies'))).toBe(5);
  // Each round trip: 5 ms there, 100 ms of work, 5 ms back.
  expect(await readNumber(stat(page, 'requester-1', 'rtt'))).toBe(110);
  await expect(page.getByTestId('requester-wait')).toHaveCount(0);
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/shot-reqrep.png`, animations: 'disabled' });
});

test('scenario 01 with loss and no timeout: the client stalls; with a timeout it finishes and the server sees a duplicate', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-scenarios').click();
  await page.getByTestId('scenario-item-01-hello-request-reply').click();
  await expect(page.getByTestId('scenario-name')).toHaveText('Hello, request-reply (ZeroMQ REQ/REP)');
  const panel = page.getByTestId('scenario-panel');
  await panel.getByTestId('variant-lossy').click();
  await expect(panel.getByTestId('scenario-active')).toContainText('5% loss, no timeout');

  await setSpeed(page, 10);
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Finished', { timeout: 20_000 });
  expect(await readNumber(stat(page, 'client', 'sent'))).toBe(4);
  expect(await readNumber(stat(page, 'client', 'replies'))).toBe(3);
  expect(await readNumber(stat(page, 'client', 'outstanding'))).toBe(1);
  const wait = page.getByTestId('node-client').getByTestId('requester-wait');
  await expect(wait).toHaveText('stalled since 3.01 s');
  await expect(wait).toHaveAttribute('data-stalled', 'true');
  await selectNode(page, 'client');
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/shot-reqrep-stall.png`, animations: 'disabled' });
  // Nothing selected: the document panel shows the scenario again.
  await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });

  await panel.getByTestId('variant-lossy-with-retry').click();
  await expect(page.getByTestId('status-state')).toHaveText('Ready');
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Finished', { timeout: 20_000 });
  expect(await readNumber(stat(page, 'client', 'replies'))).toBe(10);
  expect(await readNumber(stat(page, 'client', 'retries'))).toBe(1);
  expect(await readNumber(stat(page, 'server', 'duplicates'))).toBe(1);
  await expect(page.getByTestId('node-client').getByTestId('requester-wait')).toHaveCount(0);
});

test('scenario 15: five respondents, a 200 ms deadline: three answers per survey, the slow ones late', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-scenarios').click();
  await page.getByTestId('scenario-item-15-scatter-gather-survey').click();
  await expect(page.getByTestId('scenario-name')).toHaveText('Scatter-gather survey');
  await setSpeed(page, 10);
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Finished', { timeout: 20_000 });
  expect(await readNumber(stat(page, 'surveyor', 'surveys'))).toBe(5);
  expect(await readNumber(stat(page, 'surveyor', 'answers'))).toBe(15);
  expect(await readNumber(stat(page, 'surveyor', 'late'))).toBe(10);
  expect(await readNumber(stat(page, 'surveyor', 'missing'))).toBe(10);
  expect(await readNumber(stat(page, 'results', 'processed'))).toBe(5);
  await selectNode(page, 'surveyor');
  await expect(page.getByTestId('field-result-to')).toHaveValue('results');
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/shot-reqrep-survey.png`, animations: 'disabled' });
});
