// Friendly names for the keys the business uses: tax classes and resource types. Unknown keys
// (the business's own, like ny_spa) are shown as typed.
import { useTranslation } from 'react-i18next';

export const TAX_CLASSES = ['service', 'product', 'exempt'] as const;
export const RESOURCE_TYPES = ['room', 'bed', 'pedicure_chair', 'manicure_table', 'massage_table', 'facial_bed', 'sink'] as const;

type TaxClass = (typeof TAX_CLASSES)[number];
type ResourceType = (typeof RESOURCE_TYPES)[number];

const isTaxClass = (k: string): k is TaxClass => (TAX_CLASSES as readonly string[]).includes(k);
const isResourceType = (k: string): k is ResourceType => (RESOURCE_TYPES as readonly string[]).includes(k);

export function useKeyLabels() {
  const { t } = useTranslation();
  return {
    taxClass: (key: string) => (isTaxClass(key) ? t(`catalog.taxClasses.${key}`) : key),
    resourceType: (key: string) => (isResourceType(key) ? t(`catalog.resourceTypes.${key}`) : key),
    /** Plural heading for a group of resources ("Pedicure chairs"). */
    resourceTypePlural: (key: string) => (isResourceType(key) ? t(`catalog.resourceTypesPlural.${key}`) : key),
  };
}

/** Known keys first, then the ones the business already uses, without repeats. */
export function keyChoices(known: readonly string[], used: Iterable<string | null | undefined>): string[] {
  const out = [...known];
  for (const k of used) if (k && !out.includes(k)) out.push(k);
  return out;
}
