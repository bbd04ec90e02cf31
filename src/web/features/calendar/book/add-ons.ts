// Add-ons picked in the booking drawer go on the lines: each on the first chosen service it is attached to
// (the rule the availability query follows on the server), so the line is longer and checkout charges it.
// Add-ons of a service no longer chosen are left out.
export function addOnsByLine(
  serviceIds: readonly string[],
  addOnIds: readonly string[],
  catalog: readonly { id: string; serviceIds: readonly string[] }[],
): string[][] {
  const out = serviceIds.map((): string[] => []);
  for (const id of addOnIds) {
    const attached = catalog.find((a) => a.id === id)?.serviceIds ?? [];
    const i = serviceIds.findIndex((s, n) => attached.includes(s) && !out[n]!.includes(id));
    if (i >= 0) out[i]!.push(id);
  }
  return out;
}
