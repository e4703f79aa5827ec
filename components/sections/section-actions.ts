// Claim, assign, release and set the status of a section: the edit from core/sections applied
// to the shared Y.Text as one transaction, so it merges with what others type meanwhile.
import type * as Y from "yjs";
import { sectionAttributeEdit, type SectionChange, type TextChange } from "@/core/sections/section-edit";

/** Applies the change to section `index` as it is in the text now; false when nothing changed. */
export function changeSection(text: Y.Text, index: number, change: SectionChange): boolean {
  const edit = sectionAttributeEdit(text.toString(), index, change);
  if (!edit) return false;
  applyTextChange(text, edit);
  return true;
}

export function applyTextChange(text: Y.Text, edit: TextChange): void {
  const apply = () => {
    if (edit.to > edit.from) text.delete(edit.from, edit.to - edit.from);
    if (edit.insert) text.insert(edit.from, edit.insert);
  };
  if (text.doc) text.doc.transact(apply);
  else apply();
}
