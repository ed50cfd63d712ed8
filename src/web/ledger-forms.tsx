/** A ledger form drawn from its declared fields (ledger-fields.ts), each rule's message beside its field. */
import type { Child } from 'hono/jsx';
import type { Choice, Field, FieldErrors } from './ledger-fields.ts';
import { CsrfField, type Viewer } from './layout.tsx';

export interface FormState {
  values: Record<string, string>;
  errors: FieldErrors;
  warnings?: string[];
}

function Options(props: { choices: Choice[]; value?: string }) {
  const groups = [...new Set(props.choices.map((c) => c.group))];
  const option = (c: Choice) => (
    <option value={c.value} selected={props.value === c.value}>
      {c.label}
    </option>
  );
  return (
    <>
      <option value="">请选择</option>
      {groups.map((g) => (g ? <optgroup label={g}>{props.choices.filter((c) => c.group === g).map(option)}</optgroup> : props.choices.filter((c) => !c.group).map(option)))}
    </>
  );
}

function Input(props: { field: Field; id: string; value: string; choices?: Choice[]; invalid: boolean }) {
  const { field, id, value } = props;
  const common = {
    id,
    name: field.name,
    required: field.required,
    'aria-invalid': props.invalid ? 'true' : undefined,
    'aria-describedby': props.invalid ? `${id}-error` : undefined,
  };
  const choices = props.choices ?? field.choices;
  if (choices) {
    return (
      <select {...common}>
        <Options choices={choices} value={value} />
      </select>
    );
  }
  if (field.kind === 'textarea') return <textarea {...common} rows={2} maxlength={2000}>{value}</textarea>;
  if (field.kind === 'decimal') return <input {...common} type="text" inputmode="decimal" value={value} maxlength={20} />;
  if (field.kind === 'number') return <input {...common} type="number" inputmode="numeric" min="0" step="any" value={value} />;
  return <input {...common} type={field.kind} value={value} maxlength={field.kind === 'text' ? (field.maxLength ?? 200) : undefined} />;
}

export function FieldRow(props: { field: Field; form: string; state?: FormState; choices?: Choice[] }) {
  const { field, form } = props;
  const id = `${form}-${field.name}`;
  const errors = props.state?.errors[field.name] ?? [];
  return (
    <div class={`field${errors.length ? ' invalid' : ''}`}>
      <label for={id}>
        {field.label}
        {field.required && <span class="required" aria-hidden="true">*</span>}
      </label>
      <Input field={field} id={id} value={props.state?.values[field.name] ?? ''} choices={props.choices} invalid={errors.length > 0} />
      {errors.length > 0 && (
        <p class="field-error" id={`${id}-error`} role="alert">
          {errors.join('；')}
        </p>
      )}
    </div>
  );
}

/** A POST form with the session's CSRF token, its fields, the whole-form messages and one submit button. */
export function LedgerForm(props: {
  id: string;
  action: string;
  viewer: Viewer;
  fields: Field[];
  submit: string;
  state?: FormState;
  choices?: Record<string, Choice[]>;
  hidden?: Record<string, string>;
  children?: Child;
}) {
  const general = props.state?.errors[''] ?? [];
  return (
    <form class="ledger-form" id={props.id} method="post" action={props.action} novalidate>
      <CsrfField viewer={props.viewer} />
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      {general.length > 0 && (
        <p class="field-error" role="alert">
          {general.join('；')}
        </p>
      )}
      {props.children}
      <div class="fields">
        {props.fields.map((f) => (
          <FieldRow field={f} form={props.id} state={props.state} choices={props.choices?.[f.name]} />
        ))}
      </div>
      <button type="submit">{props.submit}</button>
    </form>
  );
}
