// Where the next call's deck takes over what continues from the previous call's deck: the
// sections marked "continued" there (core/sections/carry-over.ts), and only here.
import { carryOverSections } from "../../core/sections/carry-over";

/** The markdown of the next call's deck, from its filled-in template and the previous call's deck (null: none). */
export function nextCallMarkdown(previousMarkdown: string | null, newMarkdown: string): string {
  return previousMarkdown === null ? newMarkdown : carryOverSections(previousMarkdown, newMarkdown);
}
