import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { EXAMPLE_TARIFF_SCHEDULE } from '#shared/tariff/tariff-schedule';
import { assessmentBalances } from '#shared/retribution/assessment-balances';
import type { Payment } from '#shared/retribution/payment';
import { PROGRAMME, assessFixture, createAsset, createObligor, createResult } from '#shared/retribution/test-fixtures';
import type { StoredFeature } from '#shared/model/layer';
import { RumijaDatabase } from './database';
import { redoNext, undoLast, UndoRefusedError } from './change-log';
import { saveTariffSchedule } from './tariff-repository';
import {
  RetributionError,
  commitRecords,
  draftRevision,
  issueDrafts,
  loadRetribution,
  saveDrafts,
} from './retribution-repository';

const opened: Dexie[] = [];
let counter = 0;
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});
function openDatabase(name = `rumija-retribution-${++counter}-${Date.now()}`) {
  const db = new RumijaDatabase(name);
  opened.push(db);
  return db;
}

const obligors = [
  createObligor('o-pln', 'PT PLN (Persero)', ['PLN']),
  createObligor('o-telkom', 'PT Telkom Indonesia', ['Telkom']),
];
const assets = [
  createAsset('pole-1', 'tiang_listrik', 'PLN'),
  createAsset('pole-2', 'tiang_listrik', 'PLN'),
  createAsset('cable', 'kabel', 'Telkom'),
];
const results = [
  createResult('pole-1', 1, 'unit', 100),
  createResult('pole-2', 1, 'unit', 200),
  createResult('cable', 102.5, 'm', 300),
];

const assess = (inputAssets: StoredFeature[] = assets, schedule = EXAMPLE_TARIFF_SCHEDULE) =>
  assessFixture({ results, assets: inputAssets, obligors }, schedule);

async function setUp(db: RumijaDatabase) {
  await commitRecords(db, 'save-obligor', { obligors });
  await commitRecords(db, 'save-programme', { programmes: [PROGRAMME] });
  await saveDrafts(db, PROGRAMME.id, '2026-h1', assess().drafts);
}

const problemOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return (error as RetributionError).problem;
  }
  return null;
};

describe('retribution register in the database', () => {
  it('issues drafts with gap-free numbers; one undo step per action; all of it survives a restart', async () => {
    const name = `rumija-retribution-restart-${Date.now()}`;
    const db = openDatabase(name);
    await setUp(db);
    const issued = await issueDrafts(
      db,
      ['prog-kupang/2026-h1/o-pln/r0', 'prog-kupang/2026-h1/o-telkom/r0'],
      '2026-08-03T09:00:00.000Z',
    );
    expect(issued.map((a) => a.number)).toEqual(['SKRD/PUPR-NTT/2026/0001', 'SKRD/PUPR-NTT/2026/0002']);
    db.close();

    const reopened = openDatabase(name);
    const register = await loadRetribution(reopened);
    expect(register.obligors.map((o) => o.id).sort()).toEqual(['o-pln', 'o-telkom']);
    expect(register.assessments.map((a) => [a.number, a.status, a.totalIdr]).sort()).toEqual([
      ['SKRD/PUPR-NTT/2026/0001', 'issued', 150_000],
      ['SKRD/PUPR-NTT/2026/0002', 'issued', 683_316],
    ]);
    expect(register.settings.lastSequence).toEqual({ '2026': 2 });
    // An issue is final: the numbers may be printed, and an undo would hand 0001 to the next notice. Undo is refused
    // and changes nothing; the next issue continues at 0003.
    await expect(undoLast(reopened)).rejects.toBeInstanceOf(UndoRefusedError);
    expect((await loadRetribution(reopened)).assessments.map((a) => a.status)).toEqual(['issued', 'issued']);
    expect((await loadRetribution(reopened)).settings.lastSequence).toEqual({ '2026': 2 });
    expect(await redoNext(reopened)).toBeNull();
  });

  it('keeps an issued assessment as issued after a tariff edit and an asset edit; a revision keeps both', async () => {
    const db = openDatabase();
    await setUp(db);
    const [pln] = await issueDrafts(db, ['prog-kupang/2026-h1/o-pln/r0'], '2026-08-03T09:00:00.000Z');
    const frozen = await db.assessments.get(pln!.id);
    // A new tariff version and an asset changing owner, then the corridor assessed again.
    const raised = await saveTariffSchedule(db, {
      ...EXAMPLE_TARIFF_SCHEDULE,
      items: EXAMPLE_TARIFF_SCHEDULE.items.map((item) => ({ ...item, ratePerYearIdr: item.ratePerYearIdr * 2 })),
    });
    const moved = assets.map((a) =>
      a.id === 'pole-2' ? { ...a, properties: { ...a.properties, owner: 'Telkom' } } : a,
    );
    const again = assess(moved, { ...raised, version: 1 });
    expect(await problemOf(saveDrafts(db, PROGRAMME.id, '2026-h1', again.drafts))).toEqual({
      code: 'assessment-frozen',
      assessmentId: pln!.id,
      number: 'SKRD/PUPR-NTT/2026/0001',
    });
    // Neither rewritten nor deleted directly.
    expect(
      await problemOf(
        commitRecords(db, 'draft-assessments', {
          assessments: [{ ...frozen!, totalIdr: 1, lines: [{ ...frozen!.lines[0]!, amountIdr: 1 }] }],
        }),
      ),
    ).toMatchObject({ code: 'assessment-frozen' });
    expect(
      await problemOf(commitRecords(db, 'remove-records', { remove: [{ table: 'assessments', id: pln!.id }] })),
    ).toMatchObject({ code: 'assessment-frozen' });
    expect(await db.assessments.get(pln!.id)).toEqual(frozen);

    // The correction: a revision with a reason, issued with the next number; the original is marked replaced.
    const plnLines = again.drafts.find((d) => d.obligorId === 'o-pln')!.lines;
    expect(await problemOf(draftRevision(db, pln!.id, plnLines, ''))).toEqual({
      code: 'revise-without-reason',
      assessmentId: pln!.id,
    });
    const revision = await draftRevision(db, pln!.id, plnLines, 'Tiang pole-2 milik Telkom (survei 10/08/2026)');
    const [reissued] = await issueDrafts(db, [revision.id], '2026-08-12T09:00:00.000Z');
    expect(reissued).toMatchObject({
      number: 'SKRD/PUPR-NTT/2026/0002',
      replacesId: pln!.id,
      totalIdr: 150_000,
      revision: 1,
    });
    expect(await db.assessments.get(pln!.id)).toEqual({ ...frozen, status: 'replaced', replacedById: revision.id });
    // A replaced assessment takes no further change.
    expect(
      await problemOf(
        commitRecords(db, 'draft-assessments', {
          assessments: [{ ...frozen!, status: 'replaced', replacedById: 'x' }],
        }),
      ),
    ).toMatchObject({ code: 'assessment-frozen' });
  });

  it('records a payment over several assessments, refuses one allocated to a draft, and balances follow', async () => {
    const db = openDatabase();
    await setUp(db);
    const [pln] = await issueDrafts(db, ['prog-kupang/2026-h1/o-pln/r0'], '2026-08-03T09:00:00.000Z');
    const payment: Payment = {
      id: 'p1',
      date: '2026-08-20',
      amountIdr: 100_000,
      bankReference: 'FT2608200001',
      obligorId: 'o-pln',
      allocations: [{ assessmentId: pln!.id, amountIdr: 100_000 }],
      source: 'manual',
      note: '',
      recordedAt: '2026-08-21T00:00:00.000Z',
      demo: false,
    };
    await commitRecords(db, 'record-payments', { payments: [payment] });
    expect(
      await problemOf(
        commitRecords(db, 'record-payments', {
          payments: [
            { ...payment, id: 'p2', allocations: [{ assessmentId: 'prog-kupang/2026-h1/o-telkom/r0', amountIdr: 1 }] },
          ],
        }),
      ),
    ).toEqual({ code: 'payment-unknown-assessment', paymentId: 'p2', assessmentId: 'prog-kupang/2026-h1/o-telkom/r0' });
    const register = await loadRetribution(db);
    expect(assessmentBalances(register.assessments, register.payments).get(pln!.id)).toMatchObject({
      paidIdr: 100_000,
      outstandingIdr: 50_000,
      standing: 'partial',
    });
    await undoLast(db);
    expect(await db.payments.count()).toBe(0);
  });
});
