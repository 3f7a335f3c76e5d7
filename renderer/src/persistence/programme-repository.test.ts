import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { RumijaDatabase } from './database';
import { EXAMPLE_TARIFF_SCHEDULE } from '#shared/tariff/tariff-schedule';
import { EXAMPLE_HANDLING_CATALOGUE } from '#shared/programme/example-handling-catalogue';
import { DEFAULT_WORK_PROGRAMME } from '#shared/programme/work-programme';
import { redoNext, undoLast } from './change-log';
import { latestTariffSchedules } from './tariff-repository';
import {
  latestHandlingCatalogues,
  loadWorkProgramme,
  saveHandlingCatalogue,
  saveWorkProgramme,
} from './programme-repository';
import { ValidationError } from './feature-validation';
import { STORES_V7 } from './past-schemas';

let counter = 0;
const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});
/**
 * The database as it will be once the evidence issue (#33) lands its v8 beside this v9: a table of its own. Dexie
 * merges versions in number order, so declaring v8 after v9 gives the same schema as the merged class.
 */
class WithVersion8 extends RumijaDatabase {
  constructor(name: string) {
    super(name);
    this.version(8).stores({ evidence: 'id' });
  }
}

function open(name = `rumija-programme-${++counter}-${Date.now()}`, withV8 = false) {
  const db = withV8 ? new WithVersion8(name) : new RumijaDatabase(name);
  opened.push(db);
  return db;
}

/** Writes a database as an older schema left it: a saved tariff, an enforcement programme, a v8 table if asked. */
async function writeOld(name: string, version: 7 | 8) {
  const old = new Dexie(name);
  old.version(version).stores(version === 8 ? { ...STORES_V7, evidence: 'id' } : STORES_V7);
  await old.table('tariffs').put({ ...EXAMPLE_TARIFF_SCHEDULE, savedAt: '2026-05-01T00:00:00.000Z' });
  await old.table('programmes').put({ id: 'penertiban-1', corridorId: 'kupang' });
  if (version === 8) await old.table('evidence').put({ id: 'foto-1' });
  old.close();
}

describe('road programme storage (schema v9)', () => {
  for (const version of [7, 8] as const) {
    it(`opens a version ${version} database, keeps its records and adds the example catalogue`, async () => {
      const name = `rumija-programme-v${version}-${Date.now()}`;
      await writeOld(name, version);
      const db = open(name, version === 8);
      await db.open();
      expect(db.verno).toBe(9);
      expect((await latestTariffSchedules(db)).map((t) => t.id)).toEqual([EXAMPLE_TARIFF_SCHEDULE.id]);
      expect(await db.programmes.get('penertiban-1')).toEqual({ id: 'penertiban-1', corridorId: 'kupang' });
      if (version === 8) expect(await db.table('evidence').get('foto-1')).toEqual({ id: 'foto-1' });
      const catalogues = await latestHandlingCatalogues(db);
      expect(catalogues.map((c) => [c.key, c.example])).toEqual([['contoh-penanganan-2026@1', true]]);
      // No programme is saved yet: the default one is read.
      expect(await db.workProgrammes.count()).toBe(0);
      expect(await loadWorkProgramme(db)).toMatchObject(DEFAULT_WORK_PROGRAMME);
    });
  }

  it('gives a new database the example catalogue', async () => {
    const db = open();
    await db.open();
    expect((await latestHandlingCatalogues(db)).map((c) => c.name)).toEqual([EXAMPLE_HANDLING_CATALOGUE.name]);
  });

  it('saves a catalogue as a new version and a programme, each undone and redone as one step', async () => {
    const db = open();
    await db.open();
    const edited = {
      ...EXAMPLE_HANDLING_CATALOGUE,
      bridgeCosts: [{ handling: 'penggantian' as const, costPerMetreIdr: 90_000_000 }],
    };
    const saved = await saveHandlingCatalogue(db, edited);
    expect(saved.version).toBe(2);
    expect((await latestHandlingCatalogues(db))[0]?.bridgeCosts).toEqual(edited.bridgeCosts);
    await saveWorkProgramme(db, { ...DEFAULT_WORK_PROGRAMME, budgetIdr: 200_000_000_000, year: 2027 });
    expect(await loadWorkProgramme(db)).toMatchObject({ budgetIdr: 200_000_000_000, year: 2027 });

    expect((await undoLast(db))?.action).toBe('save-work-programme');
    expect((await loadWorkProgramme(db)).budgetIdr).toBe(150_000_000_000);
    expect((await undoLast(db))?.action).toBe('save-handling-catalogue');
    expect((await latestHandlingCatalogues(db))[0]?.version).toBe(1);
    expect(await db.handlingCatalogues.count()).toBe(1);
    expect((await redoNext(db))?.action).toBe('save-handling-catalogue');
    expect((await redoNext(db))?.action).toBe('save-work-programme');
    expect((await latestHandlingCatalogues(db))[0]?.version).toBe(2);
    expect((await loadWorkProgramme(db)).year).toBe(2027);
  });

  it('refuses an invalid catalogue or programme, naming the field, and writes nothing', async () => {
    const db = open();
    await db.open();
    const bad = { ...EXAMPLE_HANDLING_CATALOGUE, assumedWidthM: -1 };
    await expect(saveHandlingCatalogue(db, bad)).rejects.toThrow(ValidationError);
    await expect(saveHandlingCatalogue(db, bad)).rejects.toThrow(/assumedWidthM/);
    await expect(saveWorkProgramme(db, { ...DEFAULT_WORK_PROGRAMME, budgetIdr: -5 })).rejects.toThrow(/budgetIdr/);
    expect(await db.handlingCatalogues.count()).toBe(1);
    expect(await db.workProgrammes.count()).toBe(0);
    expect(await db.editLog.count()).toBe(0);
  });
});
