import type { Obligor } from '#shared/retribution/obligor';
import type { Programme } from '#shared/retribution/programme';
import type { Payment } from '#shared/retribution/payment';
import type { ObligorSuggestion } from '#shared/retribution/reconcile-owner-names';
import { assessCorridor, type AssessProblem, type CorridorAssessment } from '#shared/retribution/assess-corridor';
import type { AssessmentLine } from '#shared/retribution/assessment';
import type { RetributionSettings } from '#shared/retribution/retribution-settings';
import {
  commitRecords,
  draftRevision,
  issueDrafts,
  loadRetribution,
  saveDrafts,
} from '../persistence/retribution-repository';
import type { SnapshotHandle, StandingMap } from './app-snapshot';
import type { AnalysisRunner } from './analysis-runner';
import { ProblemError } from '#shared/messages/problem';

const now = () => new Date().toISOString();

/** The retribution register: each user action one stored, undoable step, then the snapshot read again. */
export class Retribution {
  constructor(
    private readonly state: SnapshotHandle,
    private readonly analysis: AnalysisRunner,
  ) {}

  private async refresh() {
    this.state.set({ retribution: await loadRetribution(this.state.db) });
  }

  private register() {
    return this.state.get().retribution;
  }

  async saveObligor(obligor: Obligor) {
    await commitRecords(this.state.db, 'save-obligor', { obligors: [obligor] });
    await this.refresh();
  }

  /**
   * Confirms a suggestion: its names (all, or those the user kept) become owner names of the existing obligor it
   * points at, or of a new one made from the proposal.
   */
  async confirmSuggestion(suggestion: ObligorSuggestion, names: readonly string[], target: Obligor | null) {
    const existing = target ?? this.register()?.obligors.find((o) => o.id === suggestion.obligorId) ?? null;
    const obligor: Obligor = existing
      ? { ...existing, ownerNames: [...new Set([...existing.ownerNames, ...names])] }
      : {
          id: `obligor-${suggestion.key.replace(/[^a-z0-9]+/g, '-')}-${Date.now().toString(36)}`,
          name: suggestion.proposedName,
          type: suggestion.proposedType,
          npwp: null,
          nib: null,
          address: '',
          contact: '',
          ownerNames: [...names],
          demo: false,
        };
    await commitRecords(this.state.db, 'link-owner-names', { obligors: [obligor] });
    await this.refresh();
    return obligor;
  }

  async saveProgramme(programme: Programme) {
    await commitRecords(this.state.db, 'save-programme', { programmes: [programme] });
    await this.refresh();
  }

  /**
   * Drafts the assessments of a corridor and period: runs the analysis of the programme's corridor with the
   * period's tariff schedule, then assesses with the tariff version in force for the period (read from storage,
   * as it may be older than the newest).
   */
  async assess(
    programmeId: string,
    periodId: string,
  ): Promise<(CorridorAssessment & { alreadyIssued: number }) | AssessProblem> {
    const register = this.register();
    const programme = register?.programmes.find((candidate) => candidate.id === programmeId);
    const period = programme?.periods.find((candidate) => candidate.id === periodId);
    if (!register || !programme || !period) return { code: 'period-not-found', programmeId, periodId };
    const schedule = await this.state.db.tariffs.get([period.tariffScheduleId, period.tariffVersion]);
    if (!schedule)
      return {
        code: 'tariff-version-mismatch',
        expected: `${period.tariffScheduleId}@${period.tariffVersion}`,
        given: '—',
      };
    const latest = this.state.get().tariffs.find((candidate) => candidate.id === schedule.id) ?? schedule;
    await this.analysis.run({
      scheduleId: latest.id,
      corridorId: programme.corridorId,
      periodYears: 1,
      payingShare: 0,
    });
    const { analysis } = this.state.get();
    if (analysis.status !== 'done')
      throw analysis.error ? new ProblemError(analysis.error) : new Error('analysis failed');
    const { savedAt: _savedAt, ...tariff } = schedule;
    const result = assessCorridor({
      results: analysis.results,
      assets: analysis.assets,
      schedule: tariff,
      programme,
      periodId,
      obligors: register.obligors,
      createdAt: now(),
    });
    if ('code' in result) return result;
    // An obligor already issued an SKRD for the period keeps it: a correction is a revision, not a new draft.
    const issued = new Set(
      register.assessments.filter((a) => a.status !== 'draft' && a.revision === 0).map((a) => a.id),
    );
    const drafts = result.drafts.filter((draft) => !issued.has(draft.id));
    await saveDrafts(this.state.db, programmeId, periodId, drafts);
    await this.refresh();
    return { ...result, drafts, alreadyIssued: result.drafts.length - drafts.length };
  }

  async issue(ids: readonly string[]) {
    const issued = await issueDrafts(this.state.db, ids);
    await this.refresh();
    return issued;
  }

  async revise(id: string, lines: AssessmentLine[], reason: string) {
    const revision = await draftRevision(this.state.db, id, lines, reason);
    await this.refresh();
    return revision;
  }

  async recordPayments(payments: Payment[]) {
    await commitRecords(this.state.db, 'record-payments', { payments });
    await this.refresh();
  }

  /** Colours assets by standing (or by zone again) and hides the classes the user unticked; not an undo step. */
  setStandingMap(view: StandingMap) {
    this.state.set({ standingMap: view });
  }

  async saveSettings(settings: RetributionSettings) {
    await commitRecords(this.state.db, 'retribution-settings', { settings });
    await this.refresh();
  }
}
