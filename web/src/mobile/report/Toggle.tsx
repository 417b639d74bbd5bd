import { useId } from 'react';

interface Props {
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** An on/off choice: a native checkbox announced as a switch, its label and its consequence. */
export function Toggle({ label, hint, checked, onChange }: Props) {
  const id = useId();
  return (
    <div className="fq-field fq-toggle">
      <label htmlFor={id} className="fq-toggle-text">
        <span className="fq-legend">{label}</span>
        <span id={`${id}-hint`} className="fq-field-hint">
          {hint}
        </span>
      </label>
      <input
        id={id}
        type="checkbox"
        role="switch"
        aria-checked={checked}
        className="fq-switch"
        checked={checked}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.checked)}
      />
    </div>
  );
}
