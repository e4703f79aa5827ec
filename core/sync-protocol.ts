// The realtime channel's shared names: the y-websocket protocol on /ws/<deck id>, where the deck's
// text is the Y.Text named `markdown`.

export const DECK_TEXT_NAME = "markdown";
export const SYNC_PATH_PREFIX = "/ws/";

/** y-websocket's top-level message types. */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /**
   * Podium's save acknowledgement, `[100, varUint n]` both ways. Client → server: "tell me when
   * everything I sent before this is stored". Server → client: "everything you sent before your
   * request n is committed to PostgreSQL". y-websocket has no such message; y-websocket clients
   * that never ask never get one.
   */
  savedState: 100,
  /**
   * Podium's viewer count. Read-only connections' presence is not fanned out (1,000 viewers would
   * send each other 1,000² awareness messages); they are counted. Client → server `[102]`: "send
   * me the count"; server → client `[102, varUint viewers]` at once and whenever it changes (at
   * most once a second). Clients that never ask (plain y-websocket) never get one.
   */
  viewerCount: 102,
  /**
   * Podium's presenter channel, `[101, varString json]` both ways: who presents, where, hand-over
   * and remote control (core/presenter-protocol.ts). Sent only to clients that joined it.
   */
  presenter: 101,
} as const;

/** What each client publishes in its awareness state under `user`. */
export interface PresenceUser {
  name: string;
  color: string;
  colorLight?: string;
}
