/** The shop's prices and limits (docs/rules.md "The shop"). */
export const SHIELD_PRICE = 200;
export const REWARD_MAX_PRICE = 100_000;
export const REWARDS_MAX = 50;
export const REWARD_TITLE_MAX = 60;
