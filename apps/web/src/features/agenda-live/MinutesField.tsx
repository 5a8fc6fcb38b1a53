import { MAX_AGENDA_CONTROL_MINUTES } from '@kohtaamo/protocol';
import { useId } from 'react';

interface MinutesFieldProps {
  label: string;
  value: number;
  onChange: (minutes: number) => void;
}

/** Whole minutes from 1 to the protocol's maximum, with a visible label. */
export function MinutesField({ label, value, onChange }: MinutesFieldProps) {
  const id = useId();
  return (
    <span className="minutes-field">
      <label htmlFor={id}>{label}</label>{' '}
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_AGENDA_CONTROL_MINUTES}
        step={1}
        value={value}
        onChange={(event) => {
          const minutes = Math.round(Number(event.target.value));
          if (minutes >= 1 && minutes <= MAX_AGENDA_CONTROL_MINUTES) onChange(minutes);
        }}
      />
    </span>
  );
}
