import type { ReactNode } from 'react';
import { distributionMean, distributionSchema, type Distribution } from '../../model/index.ts';
import { formatNumber } from '../format.ts';
import { FieldGroup, NumberField, SelectField, TextAreaField, type Commit } from './fields.tsx';
import { issueText } from './validation.ts';

type DistKind = Distribution['dist'];

const OPTIONS: readonly { value: DistKind; label: string }[] = [
  { value: 'fixed', label: 'Fixed' },
  { value: 'uniform', label: 'Uniform' },
  { value: 'exponential', label: 'Exponential' },
  { value: 'normal', label: 'Normal' },
  { value: 'empirical', label: 'Empirical (percentiles)' },
];

/** Hints for a distribution of durations (ms). */
const HINTS: Record<DistKind, string> = {
  fixed: 'Always exactly this long.',
  uniform: 'Any time between min and max, equally likely.',
  exponential: 'Mostly short, sometimes long (memoryless), around the mean.',
  normal: 'A bell curve around the mean; draws below the floor are raised to it.',
  empirical: 'Shaped like measured latencies: as often below each value as its percentile says.',
};

/** Hints for a distribution of anything else (bytes, ...). */
const AMOUNT_HINTS: Record<DistKind, string> = {
  fixed: 'Always exactly this much.',
  uniform: 'Any amount between min and max, equally likely.',
  exponential: 'Mostly small, sometimes large, around the mean.',
  normal: 'A bell curve around the mean; draws below the floor are raised to it.',
  empirical: 'Shaped like measured amounts: as often below each value as its percentile says.',
};

/** Three significant digits, so a prefill reads 2.5 rather than 2.4999999. */
const round = (n: number): number => Number(n.toPrecision(3));

function switchTo(dist: DistKind, from: Distribution): Distribution {
  // A typical value of the old kind, carried over to the new one.
  const m = distributionMean(from);
  switch (dist) {
    case 'fixed':
      return { dist, value: m };
    case 'uniform':
      return { dist, min: m / 2, max: m * 1.5 };
    case 'exponential':
      return { dist, mean: m };
    case 'normal':
      return { dist, mean: m, stddev: m / 4, min: 0 };
    case 'empirical':
      // A typical latency shape around the old centre: a floor, a median, and a long tail.
      return {
        dist,
        percentiles: [
          { p: 0, value: round(m / 4) },
          { p: 50, value: round(m) },
          { p: 99, value: round(m * 4) },
          { p: 100, value: round(m * 8) },
        ],
      };
  }
}

type Percentiles = Extract<Distribution, { dist: 'empirical' }>['percentiles'];

/** Percentiles as the textarea shows them: one `p: value` per line. */
function percentilesText(points: Percentiles): string {
  return points.map((pt) => `${formatNumber(pt.p)}: ${formatNumber(pt.value)}`).join('\n');
}

const LINE = /^\s*p?\s*([^:=\s]+)\s*[:=]\s*(\S+)\s*$/i;

/**
 * Reads `p: value` lines (blank lines skipped) and checks them with the model's schema.
 * Returns the distribution, or a problem naming the line it is on where there is one.
 */
function parsePercentiles(text: string): { ok: true; value: Distribution } | { ok: false; error: string } {
  const points: { p: number; value: number }[] = [];
  const lineOf: number[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const match = LINE.exec(line);
    const p = Number(match?.[1]);
    const value = Number(match?.[2]);
    if (!match || !Number.isFinite(p) || !Number.isFinite(value)) {
      return { ok: false, error: `line ${i + 1}: expected "p: value", e.g. "50: 8"` };
    }
    points.push({ p, value });
    lineOf.push(i + 1);
  }
  if (points.length < 2) return { ok: false, error: 'enter at least two lines: p 0 (the minimum) and p 100 (the maximum)' };
  const result = distributionSchema.safeParse({ dist: 'empirical', percentiles: points });
  if (result.success) return { ok: true, value: result.data };
  const problems = result.error.issues.map((issue) => {
    const [key, index, part] = issue.path;
    if (key !== 'percentiles' || typeof index !== 'number') return issueText(issue);
    const where = `line ${lineOf[index] ?? index + 1}`;
    // The model's own messages say what they are about; a bare bound ("must be ≤ 100") needs the field.
    const field = issue.code !== 'custom' && (part === 'p' || part === 'value') ? `${part} ` : '';
    return `${where}: ${field}${issueText(issue)}`;
  });
  return { ok: false, error: [...new Set(problems)].join('; ') };
}

/** How a valid text reads back from the model, so the draft is not reset under the cursor. */
function normalisePercentiles(text: string): string {
  const parsed = parsePercentiles(text);
  return parsed.ok && parsed.value.dist === 'empirical' ? percentilesText(parsed.value.percentiles) : text;
}

type Param = { key: string; label: string; value: number };

function params(d: Distribution, fixedLabel: string): Param[] {
  switch (d.dist) {
    case 'fixed':
      return [{ key: 'value', label: fixedLabel, value: d.value }];
    case 'uniform':
      return [
        { key: 'min', label: 'Min', value: d.min },
        { key: 'max', label: 'Max', value: d.max },
      ];
    case 'exponential':
      return [{ key: 'mean', label: 'Mean', value: d.mean }];
    case 'normal':
      return [
        { key: 'mean', label: 'Mean', value: d.mean },
        { key: 'stddev', label: 'Std dev', value: d.stddev },
        { key: 'min', label: 'Floor', value: d.min },
      ];
    case 'empirical':
      // Edited as text (see below), not as number fields.
      return [];
  }
}

/**
 * A distribution: of durations in ms by default, or of another `unit` (e.g. "bytes").
 * Candidates go to `onCommit` unvalidated; the caller checks them with the model schema
 * as part of the whole config. `children` are further fields of the same group (e.g. jitter).
 */
export function DistributionField({ legend, value, onCommit, testId, unit = 'ms', children }: {
  legend: string;
  value: Distribution;
  onCommit: Commit<unknown>;
  testId: string;
  unit?: string;
  children?: ReactNode;
}) {
  const isDuration = unit === 'ms';
  return (
    <FieldGroup legend={legend}>
      <SelectField
        label="Distribution"
        value={value.dist}
        options={OPTIONS}
        hint={(isDuration ? HINTS : AMOUNT_HINTS)[value.dist]}
        testId={`${testId}-dist`}
        onCommit={(dist) => onCommit(switchTo(dist, value))}
      />
      {value.dist === 'empirical' && (
        <TextAreaField
          label={`Percentiles (p: ${unit})`}
          value={percentilesText(value.percentiles)}
          rows={Math.max(4, value.percentiles.length)}
          placeholder={'0: 2\n50: 8\n99: 40\n100: 120'}
          hint="Measured percentiles, e.g. from production; draws interpolate linearly between them."
          normalise={normalisePercentiles}
          testId={`${testId}-percentiles`}
          onCommit={(text) => {
            const parsed = parsePercentiles(text);
            return parsed.ok ? onCommit(parsed.value) : parsed.error;
          }}
        />
      )}
      {value.dist !== 'empirical' && (
        <div className="mf-field-row">
          {params(value, isDuration ? 'Time' : 'Value').map((p) => (
            <NumberField
              key={`${value.dist}.${p.key}`}
              label={p.label}
              unit={unit}
              value={p.value}
              testId={`${testId}-${p.key}`}
              onCommit={(n) => onCommit({ ...value, [p.key]: n })}
            />
          ))}
        </div>
      )}
      {children}
    </FieldGroup>
  );
}
