// WebSocket close codes the sync server uses, so the editor can tell the user why it was
// disconnected. 1008/1009 are standard; 4000-4999 are application codes.

export const WsCloseCode = {
  /** The server is shutting down; clients reconnect. */
  goingAway: 1001,
  /** A message the server cannot decode. */
  unsupportedData: 1003,
  /** A message breaking a rule (e.g. the deck size limit). */
  policyViolation: 1008,
  /** A message over the size limit. */
  messageTooBig: 1009,
  /** The connection's access went up (read to write): reconnect to be allowed to write. */
  accessChanged: 4001,
  /** The connection's access to the deck was removed (or its account disabled); do not reconnect. */
  accessRevoked: 4403,
  /**
   * An update that puts anything but string content into the deck's "markdown" text (another root,
   * a map, an embed, a format, binary, a sub-document): refused whole, nothing of it kept.
   */
  documentShape: 4422,
  /** The deck was deleted while the connection was open. */
  deckDeleted: 4404,
  /** The deck could not be loaded from storage. */
  loadFailed: 4500,
} as const;
