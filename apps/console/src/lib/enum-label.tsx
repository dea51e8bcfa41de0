import { Tag, type TagProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n';

/**
 * Every status, role, category, channel, liability, outcome and work type is shown by its label in
 * `enums:<EnumName>.<VALUE>`, never as the raw code. A value the catalogue does not know yet shows as "—"
 * (and the catalogue test fails for the graph's enums), not as the code.
 */
export function enumLabel(enumName: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const key = `${enumName}.${value}`;
  return i18n.exists(key, { ns: 'enums' }) ? i18n.t(key, { ns: 'enums' }) : '—';
}

/** Options for a Select of an enum's values, labelled in the console's language. */
export function enumOptions<T extends string>(enumName: string, values: readonly T[]): { value: T; label: string }[] {
  return values.map((value) => ({ value, label: enumLabel(enumName, value) }));
}

export function EnumLabel({ enum: enumName, value, tag, color }: { enum: string; value: string | null | undefined; tag?: boolean; color?: TagProps['color'] }) {
  // Subscribes to language changes (the label re-renders when the switch is flipped).
  useTranslation('enums');
  const label = enumLabel(enumName, value);
  return tag ? <Tag color={color}>{label}</Tag> : <>{label}</>;
}
