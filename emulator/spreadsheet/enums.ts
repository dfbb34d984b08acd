/**
 * Apps Script enums that arguments are told apart by (`addDeveloperMetadata(key, visibility)` against
 * `(key, value)`): each member is its own object whose `toString()` and `name()` give its name, as in Apps Script.
 */

type GAS = typeof GoogleAppsScript.Spreadsheet;

interface EnumMember {
  toString(): string;
  name(): string;
  ordinal(): number;
  toJSON(): string;
}

function enumOf<T>(names: readonly string[]): T {
  const members = names.map((name, i): [string, EnumMember] => [
    name,
    Object.freeze({ toString: () => name, name: () => name, ordinal: () => i, toJSON: () => name }),
  ]);
  return Object.freeze(Object.fromEntries(members)) as T;
}

export const DEVELOPER_METADATA_VISIBILITY = enumOf<GAS['DeveloperMetadataVisibility']>(['DOCUMENT', 'PROJECT']);
export const DEVELOPER_METADATA_LOCATION_TYPE = enumOf<GAS['DeveloperMetadataLocationType']>([
  'SPREADSHEET',
  'SHEET',
  'ROW',
  'COLUMN',
]);
export const PROTECTION_TYPE = enumOf<GAS['ProtectionType']>(['RANGE', 'SHEET']);

/** The member's name when `value` is a member of `enumeration` (the object itself), else null. */
export function memberName<N extends string>(enumeration: object, value: unknown): N | null {
  for (const [name, member] of Object.entries(enumeration)) if (member === value) return name as N;
  return null;
}

/** The member of `enumeration` with this name. */
export function member<T>(enumeration: object, name: string): T {
  return (enumeration as Record<string, T>)[name]!;
}

/** An enum member named by its text, for getters whose callers only compare or print it (`getCriteriaType()`). */
export const enumValue = <T>(name: string): T => name as unknown as T;
