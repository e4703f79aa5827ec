// The deck's viewer count from the server (MessageType.viewerCount): read-only viewers' presence
// is counted there, not shared. Asked for on every (re)connect.
import * as decoding from "lib0/decoding";
import type { WebsocketProvider } from "y-websocket";
import { MessageType } from "@/core/sync-protocol";

/** Calls `onCount` with each count the server sends; returns a function that stops asking. */
export function subscribeViewerCount(provider: WebsocketProvider, onCount: (viewers: number) => void): () => void {
  provider.messageHandlers[MessageType.viewerCount] = (_encoder, decoder) => onCount(decoding.readVarUint(decoder));
  const ask = () => {
    if (provider.ws?.readyState === WebSocket.OPEN) provider.ws.send(Uint8Array.from([MessageType.viewerCount]));
  };
  const onStatus = ({ status }: { status: string }) => {
    if (status === "connected") ask();
  };
  ask();
  provider.on("status", onStatus);
  return () => provider.off("status", onStatus);
}
