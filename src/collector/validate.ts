// Validation against the shared JSON Schema (built from the same Limits the browser checks).
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import { envelopeSchema } from '../core/schema.js';

const addFormats = ((formatsModule as unknown as { default?: unknown }).default ?? formatsModule) as (
  ajv: Ajv2020,
) => void;

/** Validates one event against the shared schema; `null` when valid, else the first problem. */
export function createValidator(): (event: unknown) => { field: string; message: string } | null {
  const ajv = new Ajv2020({ allErrors: false, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(envelopeSchema);
  return (event) => {
    if (validate(event)) return null;
    const error = validate.errors?.[0];
    const params = error?.params as { missingProperty?: string } | undefined;
    // A bad extension name: ajv reports the name on the propertyNames error that follows.
    const named = validate.errors?.find((e) => (e.params as { propertyName?: string }).propertyName);
    const field =
      params?.missingProperty ??
      (named?.params as { propertyName?: string } | undefined)?.propertyName ??
      (error?.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(event)');
    return { field, message: error?.message ?? 'invalid' };
  };
}
