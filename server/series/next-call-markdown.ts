// Where the next call's deck takes over what continues from the previous call's deck. Today the
// new deck is the filled-in template as it is; core/sections' carryOverSections(previousMarkdown,
// newMarkdown) (sections marked "continued") plugs in here, and only here.

/** The markdown of the next call's deck, from its filled-in template and the previous call's deck (null: none). */
export function nextCallMarkdown(previousMarkdown: string | null, newMarkdown: string): string {
  void previousMarkdown;
  return newMarkdown;
}
