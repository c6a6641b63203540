import "server-only";
import { remove as foldConfusables } from "confusables";

/**
 * What makes two hunter names the same name: Unicode NFKC (full-width and other compatibility forms), then
 * look-alike letters folded to the Latin ones they imitate ("Dеmo" with a Cyrillic е is "Demo"), then case.
 * Stored as Player.hunterNameKey, which is unique. Server-side: the confusables table stays out of the browser.
 */
export function hunterNameKey(name: string): string {
  return foldConfusables(name.normalize("NFKC")).normalize("NFKC").toLowerCase();
}
