import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/collector/canonical-json';
import { createCollector, type Collector } from '../../src/collector/create-collector';
import { toIso27560Record } from '../../src/collector/iso27560-record';
import schema from '../../src/collector/iso27560.schema.json';
import { toKantaraReceipt } from '../../src/collector/kantara-receipt';
import type { StoredReceipt } from '../../src/collector/receipt-store';
import type { RecordSettings } from '../../src/collector/record-settings';
import { compileJsonSchema, type JsonSchema } from '../../src/collector/validate-json-schema';
import { getJson, postJson } from './support/http';
import { makeReceipt } from './support/make-receipt';
import { serve } from './support/serve';
import { storeTargets, type StoreFixture } from './support/store-targets';

const TOKEN = 'records-token';
const validate = compileJsonSchema(schema as JsonSchema);
const settings: RecordSettings = {
  categories: {
    analytics: {
      purpose: 'анализ посещаемости сайта',
      piiCategories: ['cookie', 'IP-адрес'],
      processors: ['ООО «Яндекс»'],
    },
    marketing: { purpose: 'реклама', processors: [] },
  },
  retention: 'P3Y',
  storageLocations: ['RU'],
};

function stored(receipt = makeReceipt(), id = 7): StoredReceipt {
  return {
    id,
    receiptId: receipt.receiptId,
    subjectId: receipt.subjectId,
    receivedAt: Date.UTC(2025, 0, 1, 12),
    ip: '127.0.0.0',
    userAgent: 'test',
    receiptJson: canonicalJson(receipt),
    prevHash: 'b'.repeat(64),
    hash: 'c'.repeat(64),
  };
}

describe('ISO/IEC TS 27560 records', () => {
  it('maps a receipt and the settings to a record the JSON Schema accepts', () => {
    const receipt = makeReceipt({ previousReceiptId: randomUUID() });
    const record = toIso27560Record(stored(receipt), settings);
    expect(validate(record)).toEqual({ ok: true });
    expect(record).toMatchObject({
      recordId: receipt.receiptId,
      piiPrincipal: { id: receipt.subjectId, idType: 'pseudonym' },
      retentionPeriod: 'P3Y',
      jurisdictions: ['RU'],
      storageLocations: ['RU'],
      recipients: [{ name: 'ООО «Яндекс»', role: 'processor', purposeIds: ['analytics'] }],
      piiControllers: [
        {
          name: 'ООО «Ромашка»',
          email: 'dpo@shop.example',
          registrationIds: [{ scheme: 'RU-INN', value: '7700000000' }],
          url: 'https://shop.example',
        },
      ],
      integrity: { chainPosition: 7, hash: 'c'.repeat(64) },
    });
    expect(record.notices[0]).toEqual({
      noticeId: 'https://shop.example/privacy#2025-01',
      kind: 'privacy-policy',
      url: 'https://shop.example/privacy',
      version: '2025-01',
      language: 'ru',
      hashAlgorithm: 'SHA-256',
      hash: 'a'.repeat(64),
    });
    expect(record.events).toEqual([
      {
        eventId: receipt.receiptId,
        eventType: 'accept',
        eventTime: '2025-01-01T00:00:00.000Z',
        recordedTime: '2025-01-01T12:00:00.000Z',
        validityDuration: 'P6M',
        eventState: 'given',
        previousEventId: receipt.previousReceiptId,
      },
    ]);
    const purposes = Object.fromEntries(record.purposes.map((purpose) => [purpose.purposeId, purpose]));
    expect(purposes.necessary).toMatchObject({ lawfulBasis: 'strictly-necessary', state: 'not-required' });
    expect(purposes.analytics).toMatchObject({
      purpose: 'анализ посещаемости сайта',
      piiCategories: ['cookie', 'IP-адрес'],
      thirdPartyDisclosure: true,
      state: 'given',
    });
    expect(purposes.marketing).toMatchObject({ thirdPartyDisclosure: false, state: 'refused' });
  });

  it('records a decline as refused and a withdrawal as withdrawn, without validity', () => {
    const decline = makeReceipt({ event: 'decline', categories: { necessary: true, analytics: false } });
    expect(toIso27560Record(stored(decline)).events[0]!.eventState).toBe('refused');
    const withdraw = makeReceipt({ event: 'withdraw', categories: { necessary: true, analytics: false } });
    const record = toIso27560Record(stored(withdraw));
    expect(record.events[0]).toMatchObject({ eventState: 'withdrawn', validityDuration: null });
    expect(record.purposes.find((purpose) => purpose.purposeId === 'analytics')!.state).toBe('withdrawn');
    expect(validate(record)).toEqual({ ok: true });
  });

  it('has a schema with teeth: a record missing its principal or with a bad digest is refused', () => {
    const record = toIso27560Record(stored()) as unknown as Record<string, unknown>;
    const { piiPrincipal: _dropped, ...withoutPrincipal } = record;
    expect(validate(withoutPrincipal)).toEqual({ ok: false, reason: 'piiPrincipal: is required' });
    const notices = [{ ...(record.notices as object[])[0], hash: 'not-hex' }];
    expect(validate({ ...record, notices })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^notices\[0\]\.hash/),
    });
  });

  it('refuses unusable settings at start, naming the field', async () => {
    await expect(createCollector({ store: {} as never, records: { retention: '3 years' } })).rejects.toThrow(
      'records.retention: expected an ISO 8601 duration such as P3Y or P6M',
    );
    await expect(
      createCollector({
        store: {} as never,
        records: { categories: { analytics: { processors: 'Яндекс' as never } } },
      }),
    ).rejects.toThrow('records.categories.analytics.processors: expected an array of strings');
  });
});

describe('Kantara view with the settings', () => {
  it('discloses to third parties where a category names processors; necessary is not EXPLICIT consent', () => {
    const view = toKantaraReceipt(
      makeReceipt({ categories: { necessary: true, analytics: true, marketing: true } }),
      settings,
    );
    const purposes = Object.fromEntries(view.services.map((service) => [service.service, service.purposes[0]!]));
    expect(purposes.analytics).toMatchObject({
      consentType: 'EXPLICIT',
      thirdPartyDisclosure: true,
      thirdPartyName: 'ООО «Яндекс»',
      piiCategory: ['cookie', 'IP-адрес'],
      purpose: 'анализ посещаемости сайта',
    });
    expect(purposes.marketing).toMatchObject({ thirdPartyDisclosure: false });
    expect(purposes.marketing!.thirdPartyName).toBeUndefined();
    expect(purposes.necessary).toMatchObject({ consentType: 'NOT-REQUIRED', primaryPurpose: true });
  });
});

for (const target of storeTargets) {
  describe.skipIf(!!target.skip)(`27560 over HTTP (${target.name})`, () => {
    let fixture: StoreFixture;
    let collector: Collector;
    let server: { url: string; close(): Promise<void> };
    const subjectId = randomUUID();
    const first = makeReceipt({ subjectId });
    const second = makeReceipt({
      subjectId,
      event: 'withdraw',
      previousReceiptId: first.receiptId,
      timestamp: 1735689700,
    });

    beforeAll(async () => {
      fixture = await target.open();
      collector = await createCollector({
        ...fixture.choice,
        token: TOKEN,
        records: settings,
        onError: () => undefined,
      });
      server = await serve(collector.handler);
      for (const receipt of [first, makeReceipt(), second])
        expect((await postJson(server.url, receipt)).status).toBe(201);
    });
    afterAll(async () => {
      await server?.close();
      await collector?.close();
      await fixture?.cleanup();
    });

    it('GET /receipts/:id?format=iso27560 answers a valid record', async () => {
      const { status, body } = await getJson(`${server.url}/receipts/${second.receiptId}?format=iso27560`, TOKEN);
      expect(status).toBe(200);
      expect(validate(body)).toEqual({ ok: true });
      expect(body.events[0]).toMatchObject({ eventState: 'withdrawn', previousEventId: first.receiptId });
      expect(body.integrity.chainPosition).toBeGreaterThan(1);
      expect((await getJson(`${server.url}/receipts/${second.receiptId}?format=iso27560`)).status).toBe(401);
    });

    it('exports the filter as 27560 records, one per line, each valid', async () => {
      const res = await fetch(`${server.url}/receipts/export?format=iso27560&subjectId=${subjectId}`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="receipts.iso27560.ndjson"');
      const lines = (await res.text())
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines.map((record) => record.recordId)).toEqual([first.receiptId, second.receiptId]);
      for (const record of lines) expect(validate(record)).toEqual({ ok: true });
      const bad = await getJson(`${server.url}/receipts/export?format=xml`, TOKEN);
      expect(bad).toMatchObject({ status: 400, body: { error: 'format: expected ndjson, csv or iso27560' } });
    });
  });
}
