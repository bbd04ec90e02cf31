// A catalog form's state: the values, the errors found (checked again on each change once submitted),
// and a submit handler that focuses the first error or goes on when there is none.
import { type FormEvent, useRef, useState } from 'react';
import { focusFirstError } from '../../lib/validation.js';
import { type CatalogErrors, hasErrors } from './errors.js';

export function useCatalogForm<F>(initial: () => F, validate: (form: F) => CatalogErrors) {
  const formRef = useRef<HTMLFormElement>(null);
  const [form, setForm] = useState<F>(initial);
  const [errors, setErrors] = useState<CatalogErrors>({});
  const [submitted, setSubmitted] = useState(false);

  const set = <K extends keyof F>(key: K, value: F[K]) => {
    const next = { ...form, [key]: value };
    setForm(next);
    if (submitted) setErrors(validate(next));
  };
  const handleSubmit = (onValid: () => void) => (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const found = validate(form);
    setErrors(found);
    if (hasErrors(found)) focusFirstError(formRef.current);
    else onValid();
  };
  return { formRef, form, setForm, errors, setErrors, set, handleSubmit };
}
