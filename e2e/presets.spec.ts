import { expect, test } from '@playwright/test';
import { freshStart } from './helpers.ts';

test('a flavour preset drops a node with that system’s rules set: an SQS FIFO queue, a RabbitMQ quorum queue', async ({ page }) => {
  await freshStart(page);
  await page.getByText('AWS SQS', { exact: true }).click();
  await page.getByTestId('preset-sqs-fifo-queue').dragTo(page.locator('.react-flow__pane'), { targetPosition: { x: 300, y: 420 } });
  // The new node is selected: the inspector shows the preset's settings.
  await expect(page.getByTestId('field-ordering')).toHaveValue('per-group');
  await expect(page.getByTestId('field-deduplication')).toHaveValue('message-id');
  await expect(page.getByTestId('field-ack-timeout')).toHaveValue('30000');
  await expect(page.getByTestId('field-max-message-bytes')).toHaveValue('1048576');
  await expect(page.locator('.react-flow__node').filter({ hasText: 'queue.fifo' })).toHaveCount(1);

  await page.getByText('RabbitMQ', { exact: true }).click();
  await page.getByTestId('preset-rabbitmq-quorum-queue').click();
  await expect(page.getByTestId('field-max-deliveries')).toHaveValue('21');
  await expect(page.getByTestId('field-durable')).toBeChecked();
  // Still an ordinary queue: every field stays editable.
  await page.getByTestId('field-max-deliveries').fill('5');
  await page.getByTestId('field-max-deliveries').blur();
  await expect(page.getByTestId('field-max-deliveries')).toHaveValue('5');
});
