// Follow the presenter (components/slideshow/presenter-state.ts): only someone who may edit a deck
// may broadcast their slide to its followers. A connection without write access keeps its
// presence, but the `presenter` field is removed from the awareness states it sends.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

export const PRESENTER_FIELD = "presenter";

/** The awareness update without any `presenter` field; the update itself when it has none. */
export function withoutPresenter(update: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(update);
  const encoder = encoding.createEncoder();
  const count = decoding.readVarUint(decoder);
  encoding.writeVarUint(encoder, count);
  let changed = false;
  for (let index = 0; index < count; index++) {
    encoding.writeVarUint(encoder, decoding.readVarUint(decoder));
    encoding.writeVarUint(encoder, decoding.readVarUint(decoder));
    let json = decoding.readVarString(decoder);
    const state: unknown = JSON.parse(json);
    if (typeof state === "object" && state !== null && PRESENTER_FIELD in state) {
      delete (state as Record<string, unknown>)[PRESENTER_FIELD];
      json = JSON.stringify(state);
      changed = true;
    }
    encoding.writeVarString(encoder, json);
  }
  return changed ? encoding.toUint8Array(encoder) : update;
}
