/** A locale file: sections of texts, nested as deep as they need. */
export type LocaleTree = { [key: string]: string | LocaleTree };

/** Every text of a locale file by its dotted key, e.g. `live.lobbyTitle`. */
export function flattenTexts(tree: LocaleTree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [nested, text] of flattenTexts(value, path)) entries.set(nested, text);
  }
  return entries;
}
