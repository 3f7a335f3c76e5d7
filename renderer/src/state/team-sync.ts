import type { Layer, StoredFeature } from '#shared/model/layer';
import type { HostApi } from '#shared/host/host-api';
import type { PostgisConnection, TeamTariff } from '#shared/postgis/postgis-api';
import { PostgisError } from '#shared/postgis/postgis-errors';
import type { TeamReply, TeamRequest, TeamSessionInfo, TeamValues } from '#shared/postgis/team-requests';
import { MAX_FEATURES_PER_CALL } from '#shared/postgis/team-requests';
import {
  featureFingerprint,
  outgoingChanges,
  resolveConflict,
  type ConflictChoice,
  type LocalUpdate,
  type ServerFeature,
} from '#shared/postgis/sync-plan';
import { syncLayer, type SyncReport, type SyncServer } from '#shared/postgis/sync-layer';
import type { FeatureHistory, FeatureSnapshot } from '#shared/postgis/feature-history';
import { ObservableState } from './observable-state';
import type { SnapshotHandle } from './app-snapshot';
import type { Document } from './document';
import type { Tariffs } from './tariffs';
import { validateFeature } from '../persistence/feature-validation';
import {
  baseMapOf,
  readTeamConnection,
  readTeamLinks,
  saveTeamConnection,
  removeTeamLink,
  saveTeamLink,
  type TeamLinkRow,
} from '../persistence/team-links';

type TeamBusy = { what: 'connect' | 'publish' | 'open' | 'sync'; done: number; total: number | null } | null;

export interface TeamState {
  connection: PostgisConnection | null;
  session: TeamSessionInfo | null;
  /** The team's tariff schedules (newest version of each), read at connect and after a publish. */
  tariffs: readonly TeamTariff[];
  links: ReadonlyMap<string, TeamLinkRow>;
  busy: TeamBusy;
  /** The feature whose server history is shown (Riwayat), or null. */
  historyOf: { layerId: string; featureId: string } | null;
}

/** Features sent per publish call. */
const PUBLISH_BATCH = 2000;

const loginOf = (connection: PostgisConnection) =>
  `${connection.user}@${connection.host}:${connection.port}/${connection.database}`;

/** A linked layer that is no longer on the map: syncing it would delete its features for everyone. */
export class OrphanLayerError extends Error {
  constructor(readonly table: string) {
    super(`orphan layer: ${table}`);
    this.name = 'OrphanLayerError';
  }
}

/** Answers a reply's value, or throws its failure as a PostgisError. */
async function ask<A extends TeamRequest['action']>(
  host: HostApi,
  request: Extract<TeamRequest, { action: A }>,
  onLost: () => void = () => undefined,
): Promise<TeamValues[A]> {
  const reply = (await host.team(request)) as TeamReply<A>;
  if (!reply.ok) {
    // The host has closed a lost connection: the panel shows the connect form again.
    if (['connection-lost', 'timeout', 'commit-unknown', 'no-connection'].includes(reply.failure)) onLost();
    throw Object.assign(new PostgisError(reply.failure, reply.detail ?? null), { message: reply.message });
  }
  return reply.value;
}

/**
 * The team database as this desktop works with it: connect, publish a layer, open a published one, and sync each
 * linked layer (push what changed here, take in what changed there, keep conflicts for the user). Features change
 * through the document like any edit (one undo step per sync); each link's base, horizon and conflicts are kept in
 * IndexedDB, so an interrupted sync, a restart or a lost connection loses nothing.
 */
export class TeamSync extends ObservableState<TeamState> {
  constructor(
    private readonly state: SnapshotHandle,
    private readonly document: Document,
    private readonly host: HostApi,
    private readonly localTariffs: Tariffs,
  ) {
    super({ connection: null, session: null, tariffs: [], links: new Map(), busy: null, historyOf: null });
  }

  async load() {
    const [connection, links] = await Promise.all([readTeamConnection(this.state.db), readTeamLinks(this.state.db)]);
    this.set({ connection, links: new Map(links.map((link) => [link.layerId, link])) });
  }

  async connect(connection: PostgisConnection, password: string | null, remember: boolean) {
    await saveTeamConnection(this.state.db, connection);
    this.set({ connection, busy: { what: 'connect', done: 0, total: null } });
    try {
      const session = await this.call({ action: 'connect', connection, password, remember });
      this.set({ session, tariffs: await this.call({ action: 'tariffs' }) });
      return session;
    } catch (error) {
      this.set({ session: null, tariffs: [] });
      throw error;
    } finally {
      this.set({ busy: null });
    }
  }

  async disconnect() {
    await this.call({ action: 'disconnect' }).catch(() => null);
    this.set({ session: null, tariffs: [] });
  }

  /** Removes the kept password of a login from the OS keychain. */
  async forgetPassword(connection: PostgisConnection) {
    await this.call({ action: 'forget-password', connection });
  }

  /** Publishes a local tariff schedule (its newest version) as the team's next version of it (admins only). */
  async publishTariff(scheduleId: string) {
    const schedule = this.state.get().tariffs.find((candidate) => candidate.id === scheduleId);
    if (!schedule) throw new Error(`Jadwal tarif tidak ditemukan / tariff schedule not found: ${scheduleId}`);
    const { savedAt: _savedAt, ...plain } = schedule;
    const { version } = await this.call({ action: 'publish-tariff', schedule: plain });
    this.set({ tariffs: await this.call({ action: 'tariffs' }) });
    return version;
  }

  /** Takes a team schedule into this desktop's schedules (a new local version, undoable). */
  async takeTariff(tariff: TeamTariff) {
    const { version: _version, ...schedule } = tariff.schedule;
    return this.localTariffs.save(schedule);
  }

  /** Forgets a link (its layer stays as a local layer; the server is not touched). */
  async unlink(layerId: string) {
    await removeTeamLink(this.state.db, layerId);
    const links = new Map(this.snapshot.links);
    links.delete(layerId);
    this.set({ links });
  }

  /** Reads the server's layers and tariff schedules again. */
  async refreshLayers() {
    const session = this.snapshot.session;
    if (!session) return;
    const layers = await this.call({ action: 'layers' });
    this.set({ session: { ...session, layers }, tariffs: await this.call({ action: 'tariffs' }) });
  }

  /** Changes made here since the last sync of a linked layer (features added, changed, deleted). */
  pendingCount(layerId: string, features?: readonly StoredFeature[]): number {
    const link = this.snapshot.links.get(layerId);
    if (!link) return 0;
    const waiting = new Set(link.conflicts.map((conflict) => conflict.id));
    const out = outgoingChanges(this.localFeatures(link, features), baseMapOf(link), waiting);
    return out.puts.length + out.deletes.length;
  }

  /** Shows (or, with null, closes) the server history of a feature of a linked layer. */
  showHistory(of: TeamState['historyOf']) {
    this.set({ historyOf: of });
  }

  /** The server's history of a feature of a linked layer (its newest changes, oldest first). */
  async history(layerId: string, featureId: string): Promise<FeatureHistory> {
    const link = this.requireLink(layerId);
    return this.call({ action: 'history', table: link.table, id: this.serverId(link, featureId) });
  }

  /**
   * Puts an old version's values back as a new change here (one undo step). The next sync sends it as the next
   * version on the server: the history gains a version, none is rewritten.
   */
  async restoreVersion(layerId: string, featureId: string, snapshot: FeatureSnapshot) {
    this.requireLink(layerId);
    const feature = validateFeature({
      id: featureId,
      layerId,
      geometry: snapshot.geometry,
      properties: { ...snapshot.properties },
    });
    await this.document.commit('restore-version', { ok: true, change: { put: [feature] }, ids: [featureId] });
  }

  /** Publishes a layer as a new table (one transaction on the server) and links it. */
  async publish(layerId: string, table: string) {
    const layer = this.state.get().layers.find((candidate) => candidate.id === layerId);
    const connection = this.requireSession();
    if (!layer) throw new Error(`Lapisan tidak ditemukan / layer not found: ${layerId}`);
    const features = this.state.get().featuresByLayer.get(layerId) ?? [];
    this.set({ busy: { what: 'publish', done: 0, total: features.length } });
    try {
      const { job } = await this.call({
        action: 'publish-begin',
        table,
        name: layer.name,
        kind: layer.kind,
        demo: layer.demo,
      });
      try {
        for (let start = 0; start < features.length; start += PUBLISH_BATCH) {
          const batch = features.slice(start, start + PUBLISH_BATCH);
          const { done } = await this.call({ action: 'publish-rows', job, features: batch.map(plainFeature) });
          this.set({ busy: { what: 'publish', done, total: features.length } });
        }
      } catch (error) {
        await this.call({ action: 'publish-cancel', job }).catch(() => null);
        throw error;
      }
      const { horizon } = await this.call({ action: 'publish-commit', job });
      const base: TeamLinkRow['base'] = {};
      for (const feature of features) base[feature.id] = [1, featureFingerprint(feature)];
      await this.keepLink({
        layerId,
        table,
        kind: layer.kind,
        idPrefix: '',
        login: loginOf(connection),
        horizon,
        base,
        conflicts: [],
        syncedAt: new Date().toISOString(),
      });
      await this.refreshLayers();
    } finally {
      this.set({ busy: null });
    }
  }

  /**
   * Opens a published layer as a new local layer, linked to its table. All or nothing: a feature the model does
   * not accept stops it with the table, the feature and the problem named.
   */
  async open(table: string): Promise<Layer> {
    const connection = this.requireSession();
    this.set({ busy: { what: 'open', done: 0, total: null } });
    try {
      const features: ServerFeature[] = [];
      let first: TeamValues['read'] | null = null;
      for (let after: string | null = null; ;) {
        const page: TeamValues['read'] = await this.call({
          action: 'read',
          table,
          after,
          limit: MAX_FEATURES_PER_CALL,
        });
        first ??= page;
        features.push(...page.features);
        this.set({ busy: { what: 'open', done: features.length, total: null } });
        if (page.next === null) break;
        after = page.next;
      }
      const layers = this.state.get().layers;
      const layerId = `team-${table}-${Date.now().toString(36)}`;
      const idPrefix = `${layerId}/`;
      const local = features.map((theirs) => checkedFeature(table, toLocal(theirs, layerId, idPrefix)));
      const layer: Layer = {
        id: layerId,
        name: first!.name,
        kind: first!.kind,
        order: Math.max(0, ...layers.map((candidate) => candidate.order)) + 1,
        visible: true,
        styleBy: 'status',
        demo: first!.demo,
        createdAt: new Date().toISOString(),
      };
      await this.document.addLayer(layer, local);
      const base: TeamLinkRow['base'] = {};
      features.forEach((theirs, index) => (base[theirs.id] = [theirs.version, featureFingerprint(local[index]!)]));
      await this.keepLink({
        layerId,
        table,
        kind: first!.kind,
        idPrefix,
        login: loginOf(connection),
        horizon: first!.horizon!,
        base,
        conflicts: [],
        syncedAt: new Date().toISOString(),
      });
      return layer;
    } finally {
      this.set({ busy: null });
    }
  }

  /** Pushes this layer's changes and takes in the team's; conflicts wait for the user. */
  async sync(layerId: string): Promise<SyncReport> {
    const link = this.requireLink(layerId);
    this.requireSession();
    // A layer taken off the map here (or by a demo reset) is not a wish to delete its features for everyone.
    if (!this.state.get().layers.some((layer) => layer.id === layerId)) throw new OrphanLayerError(link.table);
    this.set({ busy: { what: 'sync', done: 0, total: null } });
    const server: SyncServer = {
      push: (table, kind, changes) =>
        this.call({
          action: 'push',
          table,
          kind,
          puts: changes.puts.map((put) => ({ feature: plainFeature(put.feature), baseVersion: put.baseVersion })),
          deletes: changes.deletes,
        }),
      changesSince: (table, kind, since) => this.call({ action: 'changes', table, kind, since }),
    };
    try {
      return await syncLayer(
        server,
        {
          layerId,
          table: link.table,
          kind: link.kind,
          local: this.localFeatures(link),
          base: baseMapOf(link),
          waiting: link.conflicts,
          horizon: link.horizon,
        },
        (update, horizon) => this.applyUpdate(layerId, update, horizon),
      );
    } finally {
      this.set({ busy: null });
    }
  }

  /** The user's answer to one conflict. */
  async resolve(layerId: string, featureId: string, choice: ConflictChoice) {
    const link = this.requireLink(layerId);
    const conflict = link.conflicts.find((candidate) => candidate.id === featureId);
    if (!conflict) return;
    await this.applyUpdate(layerId, resolveConflict(layerId, conflict, choice), null, featureId);
  }

  private call<A extends TeamRequest['action']>(request: Extract<TeamRequest, { action: A }>) {
    return ask(this.host, request, () => this.set({ session: null }));
  }

  private requireSession(): PostgisConnection {
    if (!this.snapshot.session || !this.snapshot.connection) throw new PostgisError('no-connection');
    return this.snapshot.connection;
  }

  private requireLink(layerId: string) {
    const link = this.snapshot.links.get(layerId);
    if (!link) throw new Error(`Lapisan ini tidak terhubung ke basis data tim / layer not linked: ${layerId}`);
    return link;
  }

  private serverId(link: TeamLinkRow, featureId: string) {
    return link.idPrefix && featureId.startsWith(link.idPrefix) ? featureId.slice(link.idPrefix.length) : featureId;
  }

  /** The layer's features with the server's ids. */
  private localFeatures(
    link: TeamLinkRow,
    features: readonly StoredFeature[] = this.state.get().featuresByLayer.get(link.layerId) ?? [],
  ): StoredFeature[] {
    if (!link.idPrefix) return [...features];
    return features.map((feature) => ({
      ...feature,
      id: feature.id.startsWith(link.idPrefix) ? feature.id.slice(link.idPrefix.length) : feature.id,
    }));
  }

  /** Puts a sync's or a resolution's update into the layer (one undo step) and the link. */
  private async applyUpdate(layerId: string, update: LocalUpdate, horizon: string | null, resolved?: string) {
    const link = this.requireLink(layerId);
    const present = this.state.get().featureById;
    // A feature opened from the server carries the prefix here; one made here (drawn, split) kept its own id.
    const localId = (id: string) => {
      const prefixed = link.idPrefix + id;
      if (!link.idPrefix || present.has(prefixed)) return prefixed;
      return present.get(id)?.layerId === layerId ? id : prefixed;
    };
    const put = update.put.map((feature) => validateFeature({ ...feature, id: localId(feature.id), layerId }));
    const remove = update.remove.map(localId).filter((id) => present.has(id));
    if (put.length || remove.length)
      await this.document.commit('team-sync', { ok: true, change: { put, remove }, ids: put.map((item) => item.id) });
    const base = { ...link.base };
    for (const [id, entry] of update.setBase) base[id] = [entry.version, entry.fingerprint];
    for (const id of update.dropBase) delete base[id];
    const conflicts = new Map(link.conflicts.map((conflict) => [conflict.id, conflict]));
    if (resolved) conflicts.delete(resolved);
    for (const conflict of update.conflicts) conflicts.set(conflict.id, conflict);
    await this.keepLink({
      ...link,
      base,
      conflicts: [...conflicts.values()],
      horizon: horizon ?? link.horizon,
      syncedAt: horizon ? new Date().toISOString() : link.syncedAt,
    });
  }

  private async keepLink(link: TeamLinkRow) {
    await saveTeamLink(this.state.db, link);
    this.set({ links: new Map(this.snapshot.links).set(link.layerId, link) });
  }
}

/** A feature as sent to the host (no fields beyond the four the request schema knows). */
const plainFeature = (feature: StoredFeature): StoredFeature => ({
  id: feature.id,
  layerId: feature.layerId,
  geometry: feature.geometry,
  properties: feature.properties,
});

const toLocal = (theirs: ServerFeature, layerId: string, idPrefix: string): StoredFeature => ({
  id: idPrefix + theirs.id,
  layerId,
  geometry: theirs.geometry,
  properties: theirs.properties,
});

function checkedFeature(table: string, feature: StoredFeature): StoredFeature {
  try {
    return validateFeature(feature);
  } catch (error) {
    throw new Error(`${table}: ${feature.id}: ${(error as Error).message}`);
  }
}
