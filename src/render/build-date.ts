// The one date written into every output's metadata: SOURCE_DATE_EPOCH when set (for
// reproducible-build tooling), else the document's own date at 00:00 UTC — never the clock.

export function buildDate(isoDate: string): Date {
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const d = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? new Date(0) : d;
}
