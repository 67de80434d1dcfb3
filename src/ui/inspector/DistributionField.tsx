import type { ReactNode } from 'react';
import type { Distribution } from '../../model/index.ts';
import { FieldGroup, NumberField, SelectField, type Commit } from './fields.tsx';

type DistKind = Distribution['dist'];

const OPTIONS: readonly { value: DistKind; label: string }[] = [
  { value: 'fixed', label: 'Fixed' },
  { value: 'uniform', label: 'Uniform' },
  { value: 'exponential', label: 'Exponential' },
  { value: 'normal', label: 'Normal' },
];

/** Hints for a distribution of durations (ms). */
const HINTS: Record<DistKind, string> = {
  fixed: 'Always exactly this long.',
  uniform: 'Any time between min and max, equally likely.',
  exponential: 'Mostly short, sometimes long (memoryless), around the mean.',
  normal: 'A bell curve around the mean; draws below the floor are raised to it.',
};

/** Hints for a distribution of anything else (bytes, ...). */
const AMOUNT_HINTS: Record<DistKind, string> = {
  fixed: 'Always exactly this much.',
  uniform: 'Any amount between min and max, equally likely.',
  exponential: 'Mostly small, sometimes large, around the mean.',
  normal: 'A bell curve around the mean; draws below the floor are raised to it.',
};

/** A typical value of a distribution, carried over when the user switches kind. */
function centre(d: Distribution): number {
  switch (d.dist) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'exponential':
    case 'normal':
      return d.mean;
  }
}

function switchTo(dist: DistKind, from: Distribution): Distribution {
  const m = centre(from);
  switch (dist) {
    case 'fixed':
      return { dist, value: m };
    case 'uniform':
      return { dist, min: m / 2, max: m * 1.5 };
    case 'exponential':
      return { dist, mean: m };
    case 'normal':
      return { dist, mean: m, stddev: m / 4, min: 0 };
  }
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
      {children}
    </FieldGroup>
  );
}
