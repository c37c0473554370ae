// Reading untyped JSON-LD safely: credentials arrive as arbitrary JSON, so every access is checked.
export type JsonObject = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `type` of a JSON-LD node as a list (it may be a string or an array). */
export function typesOf(value: unknown): string[] {
  const type = isRecord(value) ? value.type : undefined;
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : typeof type === 'string' ? [type] : [];
}
