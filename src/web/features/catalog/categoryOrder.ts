// Moving a category up or down: the new order is written as sortOrder 10, 20, 30… and only the
// categories whose number changes are saved.

export interface Ordered {
  id: string;
  sortOrder: number;
}

/** The changes that move `list[index]` one place up (-1) or down (+1); none at the ends. */
export function moveCategory<T extends Ordered>(
  list: readonly T[],
  index: number,
  direction: -1 | 1,
): Array<{ item: T; sortOrder: number }> {
  const target = index + direction;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [];
  const next = [...list];
  const [moved] = next.splice(index, 1);
  if (!moved) return [];
  next.splice(target, 0, moved);
  return next.map((item, i) => ({ item, sortOrder: (i + 1) * 10 })).filter(({ item, sortOrder }) => item.sortOrder !== sortOrder);
}
