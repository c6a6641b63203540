/**
 * What the service worker tells open pages when a push arrived, and a page tells the bell after reading: the bell
 * reads the inbox again. A module of its own, so the bell (on every page) ships without the push payload's schema.
 */
export const INBOX_CHANGED = "INBOX_CHANGED";
