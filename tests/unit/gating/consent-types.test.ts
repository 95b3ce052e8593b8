import { describe, expect, it } from 'vitest';
import { consentTypes } from '../../../src/gating/google-consent';

describe('consentTypes', () => {
  it('denies all seven Consent Mode v2 types by default', () => {
    const types = consentTypes();
    expect(Object.keys(types).sort()).toEqual([
      'ad_personalization',
      'ad_storage',
      'ad_user_data',
      'analytics_storage',
      'functionality_storage',
      'personalization_storage',
      'security_storage',
    ]);
    expect(new Set(Object.values(types))).toEqual(new Set(['denied']));
  });

  it('maps analytics and marketing to their types', () => {
    expect(consentTypes({ necessary: true, analytics: true, marketing: false })).toEqual({
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
      analytics_storage: 'granted',
      functionality_storage: 'granted',
      personalization_storage: 'denied',
      security_storage: 'granted',
    });
    expect(consentTypes({ marketing: true })).toMatchObject({
      ad_storage: 'granted',
      ad_user_data: 'granted',
      ad_personalization: 'granted',
      analytics_storage: 'denied',
    });
  });
});
