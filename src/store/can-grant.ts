/**
 * Whether a decision can grant a category: it is one of the optional categories, and it is not
 * `marketing` while the browser sends Global Privacy Control (then it is saved as refused whatever is
 * asked). One rule for the decision itself, the preferences' switches and the iframe placeholders.
 *
 * @example
 * canGrant(consent.config.optional, 'marketing', consent.get().gpc); // false under GPC
 */
export const canGrant = (optional: string[], id: string, gpc: boolean): boolean =>
  optional.includes(id) && !(gpc && id === 'marketing');
