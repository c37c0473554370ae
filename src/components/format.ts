// Number formats shared by the views: one place decides how a share or money reads.
// Intl formatters are costly to create: the first one a page makes loads the locale's data, 10–40 ms
// of main thread on this project's machines, ten times that on a phone. Counts and dates, which
// every page's first figures show, are therefore written here by hand exactly as en-GB Intl writes
// them (format.test.ts compares the two), so a page's start uses no Intl at all; money and the rare
// fractional count use an Intl formatter, built on first use and reused.
let countFormat: Intl.NumberFormat | undefined;
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** The months as en-GB's short date form writes them ("4 Sept 2026"). */
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'] as const;

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
  if (Number.isSafeInteger(count)) return groupThousands(count);
  countFormat ??= new Intl.NumberFormat('en-GB');
  return countFormat.format(count);
}

/** An integer with its thousands separated by commas, as en-GB writes it: "12,345", "-1,234". */
function groupThousands(integer: number): string {
  const digits = String(Math.abs(integer));
  let grouped = digits.slice(0, digits.length % 3 || 3);
  for (let at = grouped.length; at < digits.length; at += 3) grouped += `,${digits.slice(at, at + 3)}`;
  return integer < 0 ? `-${grouped}` : grouped;
}

export function formatDate(iso: string | undefined): string {
  if (!iso) return '—';
  const [year, month, day] = iso.split('-').map(Number);
  const monthName = month === undefined ? undefined : SHORT_MONTHS[month - 1];
  if (!year || !monthName || !day) return iso;
  return `${day} ${monthName} ${year}`;
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
