import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { connectNodes, dropFromPalette, freshStart, readNumber, selectNode } from './helpers.ts';

const SCREENSHOT = 'test-results/producer-mqtt-form.png';

/** Saves the document as a person would (the Save button) and reads the downloaded file. */
async function saveDocument(page: Page): Promise<{ nodes: { id: string; config: Record<string, unknown> }[] }> {
  const download = page.waitForEvent('download');
  await page.getByTestId('btn-save').click();
  const path = await (await download).path();
  return JSON.parse(await readFile(path, 'utf8'));
}

test('a producer gets MQTT QoS, retain and a Last Will, and is refused confirms with QoS 1', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-new').click();
  await dropFromPalette(page, 'producer', 260, 260);
  await selectNode(page, 'producer-1');

  // The broker-specific groups start folded: nothing in them differs from the default.
  const mqtt = page.getByTestId('group-mqtt');
  await expect(mqtt).not.toHaveAttribute('open');
  await expect(page.getByTestId('group-rabbitmq')).not.toHaveAttribute('open');
  await expect(page.getByTestId('field-keys').locator('xpath=../..')).toContainText('the topic at an MQTT broker');
  await page.getByTestId('group-mqtt-summary').click();
  await expect(mqtt).toHaveAttribute('open');

  // QoS 0 by default, with no resend time to set; QoS 1 brings it.
  await expect(page.getByTestId('field-qos-0')).toBeChecked();
  await expect(mqtt).toContainText('a message the link loses is lost');
  await expect(page.getByTestId('field-producer-resend-after')).toHaveCount(0);
  await page.getByTestId('field-qos-1').check();
  await expect(page.getByTestId('field-qos-1')).toBeChecked();
  await expect(mqtt).toContainText('a lost PUBACK makes a duplicate');
  const resend = page.getByTestId('field-producer-resend-after');
  await expect(resend).toBeVisible();
  await expect(resend).toHaveValue('1000');
  await resend.fill('-5');
  await expect(mqtt.getByRole('alert')).toContainText('must be > 0');
  await resend.fill('250');
  await expect(mqtt.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('node-producer-1')).toContainText('QoS 1');

  // Confirms and QoS 1 at once: the schema refuses it, and confirms stay off.
  await page.getByTestId('field-confirms').click();
  await expect(page.getByTestId('group-delivery').getByRole('alert')).toContainText(
    'publisher confirms and MQTT QoS are two ways to the same end',
  );
  await expect(page.getByTestId('field-confirms')).not.toBeChecked();
  await expect(page.getByTestId('field-retry-after')).toHaveCount(0);

  await page.getByTestId('field-retain').check();
  const keepAlive = page.getByTestId('field-keep-alive');
  await expect(keepAlive).toHaveValue('60000');
  await keepAlive.fill('0');
  await expect(mqtt.getByRole('alert')).toContainText('must be > 0');
  await keepAlive.fill('2000');
  await expect(mqtt.getByRole('alert')).toHaveCount(0);

  // The Last Will is off until switched on; then its topic, QoS and retain flag.
  await expect(page.getByTestId('field-will-topic')).toHaveCount(0);
  await page.getByTestId('field-will').check();
  const willTopic = page.getByTestId('field-will-topic');
  await expect(willTopic).toHaveValue('clients/producer-1/status');
  await willTopic.fill('');
  await expect(page.getByTestId('group-will').getByRole('alert')).toContainText('must not be empty');
  await willTopic.fill('devices/sensor-1/status');
  await expect(page.getByTestId('group-will').getByRole('alert')).toHaveCount(0);
  await page.getByTestId('field-will-qos').selectOption('1');
  await page.getByTestId('field-will-retain').check();
  await expect(page.getByTestId('node-producer-1')).toContainText('QoS 1 · retain · will');
  await expect(page.getByTestId('group-mqtt-summary')).toContainText('QoS 1 · retain · will');

  // RabbitMQ: mandatory, so an unroutable message comes back.
  await page.getByTestId('group-rabbitmq-summary').click();
  await expect(page.getByTestId('group-rabbitmq')).toContainText('RMQ-R6');
  await page.getByTestId('field-mandatory').check();
  await expect(page.getByTestId('node-producer-1')).toContainText('mandatory');

  // Tall enough for the whole group to show without the inspector's scrollbar.
  await page.setViewportSize({ width: 1440, height: 2600 });
  await mqtt.screenshot({ path: SCREENSHOT });
  await page.setViewportSize({ width: 1440, height: 900 });

  const saved = await saveDocument(page);
  const producer = saved.nodes.find((n) => n.id === 'producer-1');
  expect(producer?.config).toMatchObject({
    confirms: false,
    mandatory: true,
    qos: 1,
    resendAfterMs: 250,
    retain: true,
    keepAliveMs: 2000,
    will: { topic: 'devices/sensor-1/status', qos: 1, retain: true },
  });

  // Reselected, the groups holding settings open by themselves.
  await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
  await selectNode(page, 'producer-1');
  await expect(page.getByTestId('group-mqtt')).toHaveAttribute('open');
  await expect(page.getByTestId('group-rabbitmq')).toHaveAttribute('open');
  await expect(page.getByTestId('field-will-topic')).toHaveValue('devices/sensor-1/status');
});

test('a queue dead-letters into an exchange with its own routing key', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-new').click();
  await dropFromPalette(page, 'queue', 260, 200);
  await dropFromPalette(page, 'exchange', 560, 380);
  await page.getByTestId('field-label').fill('retry-dlx');
  await selectNode(page, 'queue-1');

  const target = page.getByTestId('field-dead-letter-target');
  await expect(target.locator('option')).toHaveText(['none — dead letters are lost', 'retry-dlx · exchange']);
  await expect(page.getByTestId('field-dead-letter-routing-key')).toHaveCount(0);
  await target.selectOption('exchange-1');
  await expect(page.getByTestId('node-queue-1')).toContainText('DLX → retry-dlx');

  const routingKey = page.getByTestId('field-dead-letter-routing-key');
  await expect(routingKey).toHaveValue('');
  await expect(routingKey).toHaveAttribute('placeholder', "the message's own key");
  await expect(page.getByTestId('group-dead-letters')).toContainText('RMQ-D1');
  await routingKey.fill('orders.retry');
  await expect(page.getByTestId('node-queue-1')).toContainText('DLX → retry-dlx, key orders.retry');

  let saved = await saveDocument(page);
  expect(saved.nodes.find((n) => n.id === 'queue-1')?.config).toMatchObject({
    deadLetterTarget: 'exchange-1',
    deadLetterRoutingKey: 'orders.retry',
  });

  // Emptied, the key is the message's own again: absent from the file.
  await routingKey.fill('');
  saved = await saveDocument(page);
  expect(saved.nodes.find((n) => n.id === 'queue-1')?.config).not.toHaveProperty('deadLetterRoutingKey');
  expect(saved.nodes.find((n) => n.id === 'queue-1')?.config).toHaveProperty('deadLetterTarget', 'exchange-1');
});

test('a mandatory message no binding takes comes back: the producer shows it as returned', async ({ page }) => {
  await freshStart(page);
  await page.getByTestId('btn-new').click();
  await dropFromPalette(page, 'producer', 200, 260);
  await dropFromPalette(page, 'exchange', 560, 260);
  await connectNodes(page, 'producer-1', 'exchange-1');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  await selectNode(page, 'producer-1');
  await page.getByTestId('group-rabbitmq-summary').click();
  await page.getByTestId('field-mandatory').check();
  await expect(page.getByTestId('node-producer-1')).toContainText('mandatory');

  // The exchange has no queue bound: every message is unroutable, so each one is returned.
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Running');
  const returned = page.getByTestId('node-producer-1').getByTestId('stat-returned');
  await expect.poll(() => readNumber(returned), { timeout: 15_000 }).toBeGreaterThan(0);
  await page.getByTestId('btn-play').click();
  await expect(page.getByTestId('status-state')).toHaveText('Paused');
});
