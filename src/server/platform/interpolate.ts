// Fills `{name}` placeholders in message templates (error messages, notifications).
// Unknown or missing params stay visible as `{name}` so a gap shows up in review instead of vanishing.

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export function interpolate(template: string, params: Readonly<Record<string, unknown>> = {}): string {
  // One pass: a value that itself contains `{x}` is inserted literally, never expanded again.
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    // hasOwn: `{constructor}` must not pick up Object.prototype members.
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name];
    return value === undefined || value === null ? whole : String(value);
  });
}
