// Number formats shared by the views: one place decides how a share or money reads.
// Intl formatters are costly to create (milliseconds each, the first more while the locale's data
// loads), and tables format thousands of cells: each format is built on first use and reused. Not
// at import: that would lengthen the page's start, whose first screen formats nothing.
let countFormat: Intl.NumberFormat | undefined;
let dateFormat: Intl.DateTimeFormat | undefined;
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatPercent(share: number | null | undefined, digits = 0): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '—';
  return `${(share * 100).toFixed(digits)}%`;
}

export function formatMoney(amount: number, currency = 'EUR'): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', { style: 'currency', currency, maximumFractionDigits: 0 });
    moneyFormats.set(currency, format);
  }
  return format.format(amount);
}

export function formatCount(count: number): string {
  countFormat ??= new Intl.NumberFormat('en-GB');
  return countFormat.format(count);
}

export function formatDate(iso: string | undefined): string {
  if (!iso) return '—';
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || !month || !day) return iso;
  dateFormat ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return dateFormat.format(Date.UTC(year, month - 1, day));
}

/** "1 team", "12 teams". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

// Words the data stores as codes ("soft", "in-progress"), as people say them.
const CATEGORY_LABELS: Record<string, string> = {
  soft: 'People skills',
  technical: 'Technical',
  data: 'Data',
  cloud: 'Cloud',
  security: 'Security',
  compliance: 'Compliance',
  leadership: 'Leadership',
};

/** A skill category as a heading reads it; an unknown category (from an import) is shown capitalised. */
export function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category] ?? capitalise(category.replace(/[-_]+/g, ' '));
}

const GOAL_STATUS_LABELS: Record<string, string> = { assigned: 'Assigned', 'in-progress': 'In progress', completed: 'Completed', cancelled: 'Cancelled' };

export function goalStatusLabel(status: string): string {
  return GOAL_STATUS_LABELS[status] ?? capitalise(status.replace(/-/g, ' '));
}

/** "nice-to-have" → "Nice to have", "organisational" → "Organisational". */
export function wordLabel(code: string): string {
  return capitalise(code.replace(/-/g, ' '));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
