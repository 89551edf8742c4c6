/**
 * Stable ids for drafted items. Contract: `makeIds()` returns `id(prefix, name)`, which gives
 * `prefix:slug` (lowercase ASCII letters, digits and dashes, at most 60 characters, accents
 * dropped), adding -2, -3 … when the slug is taken, in this draft or by the ids in `used` (those
 * of the other seeds), so the same article drafts to the same ids. A `fixed` id (an entity of the
 * gazetteer) is used as it is.
 */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s || 'item';
}

export function makeIds(used: Iterable<string> = []) {
  const taken = new Set<string>(used);
  return (prefix: string, name: string, fixed?: string): string => {
    if (fixed) {
      taken.add(fixed);
      return fixed;
    }
    const base = `${prefix}:${slug(name)}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  };
}
