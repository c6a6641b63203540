/** A check-in's note: the player's own words, plain text (rendered escaped), at most this many characters. */
export const NOTE_MAX_LENGTH = 500;
