import type { Consent } from '../store/consent-types';
import { deleteTrackerData } from './delete-tracker-data';
import { markSwept } from './swept-decision';
import { trackerNames } from './tracker-names';

/**
 * Deletes what the trackers of these categories stored, for those of them still refused when it runs
 * (the script tag runs it from a file loaded later, and the visitor may have allowed one meanwhile). A
 * name that a granted category also claims (GTM under marketing lists GA's cookies) stays.
 *
 * @example
 * sweepRefused(consent, ['analytics']); // _ym*, _ga*, _gid and the services' cookies go
 */
export function sweepRefused(consent: Consent, ids: string[]): void {
  const { config } = consent;
  const keep = new Set(
    trackerNames(
      config,
      config.optional.filter((id) => consent.has(id)),
    ),
  );
  deleteTrackerData(
    trackerNames(
      config,
      ids.filter((id) => !consent.has(id)),
    ).filter((name) => !keep.has(name)),
  );
  markSwept(config.cookie.name, consent.get().receiptId);
}
