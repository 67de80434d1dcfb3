import { expect, test } from '@playwright/test';
import { connectNodes, dropFromPalette, freshStart, readNumber, selectEdge, selectNode, setSpeed, stat } from './helpers.ts';

test('a ZeroMQ PUB socket drops a slow subscriber’s copies at its HWM; as PUSH it waits instead and drops nothing', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-new').click();
  await dropFromPalette(page, 'producer', 160, 300);
  await dropFromPalette(page, 'zmq-socket', 470, 300);
  await dropFromPalette(page, 'consumer', 800, 160);
  await dropFromPalette(page, 'consumer', 800, 460);
  await connectNodes(page, 'producer-1', 'zmq-socket-1');
  await connectNodes(page, 'zmq-socket-1', 'consumer-1');
  await connectNodes(page, 'zmq-socket-1', 'consumer-2');
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);

  // 50 messages, 10 ms apart; consumer-1 takes 1 ms each, consumer-2 a whole second.
  await selectNode(page, 'producer-1');
  await page.getByTestId('field-rate').fill('100');
  await page.getByTestId('field-limit').fill('50');
  await selectNode(page, 'consumer-1');
  await page.getByTestId('field-processing-value').fill('1');
  await selectNode(page, 'consumer-2');
  await page.getByTestId('field-processing-value').fill('1000');

  await selectNode(page, 'zmq-socket-1');
  await expect(page.getByTestId('field-pattern')).toHaveValue('pub');
  await page.getByTestId('field-send-hwm').fill('5');
  await expect(page.getByTestId('node-zmq-socket-1')).toContainText('PUB · HWM 5 · handshake 5 ms');

  // The link to a subscriber carries its subscription: everything, by default.
  await selectEdge(page, 'e-3', 'zmq-socket-1 → consumer-2');
  await expect(page.getByTestId('zmq-subscribe-all')).toBeChecked();

  await setSpeed(page, 10);
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Finished', { timeout: 30_000 });
  // consumer-2's pipe holds 5 (one in processing, four waiting) until long after the last
  // send: the other 45 copies for it are dropped; consumer-1 gets all 50.
  expect(await readNumber(stat(page, 'zmq-socket-1', 'dropped'))).toBe(45);
  expect(await readNumber(stat(page, 'consumer-1', 'processed'))).toBe(50);
  expect(await readNumber(stat(page, 'consumer-2', 'processed'))).toBe(5);
  await expect(stat(page, 'zmq-socket-1', 'blocked')).toHaveCount(0);

  await selectNode(page, 'zmq-socket-1');
  await page.screenshot({ path: '/tmp/shot-zmq.png' });

  // PUSH with both workers slow: 5 in each pipe, the rest wait for room; nothing is dropped.
  await page.getByTestId('field-pattern').selectOption('push');
  await expect(page.getByTestId('node-zmq-socket-1')).toContainText('PUSH · HWM 5');
  await selectNode(page, 'consumer-1');
  await page.getByTestId('field-processing-value').fill('1000');
  await page.getByTestId('btn-play').click();
  await expect.poll(() => readNumber(stat(page, 'zmq-socket-1', 'blocked')), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect(page.getByTestId('status-state')).toHaveText('Finished', { timeout: 30_000 });
  expect(await readNumber(stat(page, 'consumer-1', 'processed'))).toBe(25);
  expect(await readNumber(stat(page, 'consumer-2', 'processed'))).toBe(25);
  expect(await readNumber(stat(page, 'zmq-socket-1', 'blocked'))).toBe(0);
  expect(await readNumber(stat(page, 'zmq-socket-1', 'wait-max'))).toBeGreaterThan(1_000);
  await expect(stat(page, 'zmq-socket-1', 'dropped')).toHaveCount(0);
  expect(await readNumber(page.getByTestId('status-lost'))).toBe(0);
});

test('scenario 16: the slow subscriber loses copies at its HWM, the fast one none; PUSH, overloaded, waits and drops nothing', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-scenarios').click();
  await page.getByTestId('scenario-item-16-zeromq-slow-subscriber').click();
  await expect(page.getByTestId('scenario-name')).toHaveText('ZeroMQ slow subscriber');
  await expect(page.getByTestId('node-feed')).toContainText('PUB · HWM 1,000 · handshake 5 ms');

  await page.getByTestId('btn-play').click();
  await expect.poll(() => readNumber(stat(page, 'feed', 'dropped')), { timeout: 20_000 }).toBeGreaterThan(1_000);
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Paused');
  // Every copy lost is the slow subscriber's: the status bar's lost equals the socket's drops.
  const dropped = await readNumber(stat(page, 'feed', 'dropped'));
  await expect.poll(() => readNumber(page.getByTestId('status-lost'))).toBe(dropped);
  await page.screenshot({ path: '/tmp/shot-zmq-scenario.png' });

  const panel = page.getByTestId('scenario-panel');
  await panel.getByTestId('variant-push-overloaded').click();
  await expect(page.getByTestId('node-feed')).toContainText('PUSH · HWM 1,000');
  await page.getByTestId('btn-play').click();
  await expect.poll(() => readNumber(stat(page, 'feed', 'blocked')), { timeout: 20_000 }).toBeGreaterThan(1_000);
  await expect(stat(page, 'feed', 'dropped')).toHaveCount(0);
  expect(await readNumber(page.getByTestId('status-lost'))).toBe(0);
});

test('a subscriber’s prefixes on its link from a PUB socket: only the keys they start reach it', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-new').click();
  await dropFromPalette(page, 'producer', 160, 300);
  await dropFromPalette(page, 'zmq-socket', 470, 300);
  await dropFromPalette(page, 'consumer', 800, 420);
  await connectNodes(page, 'producer-1', 'zmq-socket-1');
  await connectNodes(page, 'zmq-socket-1', 'consumer-1');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await selectNode(page, 'producer-1');
  await page.getByTestId('field-rate').fill('100');
  await page.getByTestId('field-limit').fill('10');
  await page.getByTestId('field-keys').fill('weather.eu, news.eu');

  await selectEdge(page, 'e-2', 'zmq-socket-1 → consumer-1');
  await page.getByTestId('zmq-subscribe-all').uncheck();
  await expect(page.getByTestId('zmq-subscribe-warning')).toContainText('receives nothing');
  await page.getByTestId('zmq-add-prefix').click();
  await page.getByTestId('zmq-prefix-0').fill('weather.');
  await expect(page.getByTestId('zmq-subscribe-warning')).toHaveCount(0);
  await expect(page.getByTestId('edge-label-e-2')).toContainText('weather.…');
  await page.screenshot({ path: '/tmp/shot-zmq-edge.png' });

  await setSpeed(page, 10);
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Finished', { timeout: 30_000 });
  expect(await readNumber(stat(page, 'consumer-1', 'processed'))).toBe(5);
  // The other five had no subscriber taking them.
  expect(await readNumber(stat(page, 'zmq-socket-1', 'unroutable'))).toBe(5);
});
