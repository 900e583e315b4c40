/** A rulebook named for people: id, version and the start of its hash, e.g. `tianjin-2022 v1.0.0 · 3f2a…`. */
export function rulebookLabel(ref: { id: string; version: string; hash: string }): string {
  return `${ref.id} v${ref.version} · ${ref.hash.slice(0, 12)}`;
}
