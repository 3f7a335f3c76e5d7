-- Rumija team database: run once per database by its owner or a superuser, e.g.
--   createdb rumija && psql -d rumija -v ON_ERROR_STOP=1 -f resources/postgis/rumija-setup.sql
-- Safe to run again (after an upgrade of Rumija): it only adds what is missing.
-- Then give people logins in one of the three roles:
--   CREATE ROLE budi LOGIN PASSWORD '…' IN ROLE rumija_editor;
--   rumija_viewer: reads layers and tariffs; rumija_editor: also edits features; rumija_admin: also publishes
--   layers and saves tariffs. The rights are enforced here, by PostgreSQL (grants and row-level security).

CREATE EXTENSION IF NOT EXISTS postgis;
CREATE SCHEMA IF NOT EXISTS rumija;

DO $$
BEGIN
  CREATE ROLE rumija_viewer NOLOGIN;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
DO $$
BEGIN
  CREATE ROLE rumija_editor NOLOGIN IN ROLE rumija_viewer;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
DO $$
BEGIN
  CREATE ROLE rumija_admin NOLOGIN IN ROLE rumija_editor;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

-- Bounded waits on the server's side, for every client of this database (Rumija, QGIS, psql): a transaction left
-- open by a client whose network went silent is rolled back after 2 minutes and its rows freed (without this the
-- server keeps them locked until TCP gives up, about 2 hours); a write waits at most 15 s for a row another holds.
-- Set on the database because settings given to a group role do not reach its members' logins. A client may ask for
-- other values in its session (Rumija sends the same ones). Change them here, or per login with ALTER ROLE … SET.
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET idle_in_transaction_session_timeout = %L', current_database(), '2min');
  EXECUTE format('ALTER DATABASE %I SET lock_timeout = %L', current_database(), '15s');
END $$;

GRANT USAGE ON SCHEMA rumija TO rumija_viewer;
GRANT CREATE ON SCHEMA rumija TO rumija_admin;

-- The published layers: one table each in this schema.
CREATE TABLE IF NOT EXISTS rumija.layers (
  table_name text PRIMARY KEY CHECK (table_name ~ '^[a-z][a-z0-9_]{0,62}$'),
  name text NOT NULL,
  kind text NOT NULL,
  demo boolean NOT NULL DEFAULT false,
  published_by text NOT NULL DEFAULT session_user,
  published_at timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT ON rumija.layers TO rumija_viewer;
GRANT INSERT, UPDATE, DELETE ON rumija.layers TO rumija_admin;

-- Features deleted from a layer table, so every desktop learns of the deletion at its next sync.
CREATE TABLE IF NOT EXISTS rumija.deleted_features (
  table_name text NOT NULL,
  fid text NOT NULL,
  version integer NOT NULL,
  change_xid xid8 NOT NULL,
  deleted_by text NOT NULL,
  deleted_at timestamptz NOT NULL,
  PRIMARY KEY (table_name, fid)
);
GRANT SELECT ON rumija.deleted_features TO rumija_viewer;

-- Tariff schedules (Perda NTT 1/2024 and its successors), each saved version kept.
CREATE TABLE IF NOT EXISTS rumija.tariffs (
  id text NOT NULL,
  version integer NOT NULL,
  schedule jsonb NOT NULL,
  saved_by text NOT NULL DEFAULT session_user,
  saved_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, version)
);
GRANT SELECT ON rumija.tariffs TO rumija_viewer;
GRANT INSERT ON rumija.tariffs TO rumija_admin;

-- Refuses unless a trigger fires on a layer table Rumija registered (rumija.layers, in this schema): the stamp and
-- deletion functions run with the owner's rights, so attached to anyone else's table they would forge or erase the
-- bookkeeping of every layer.
CREATE OR REPLACE FUNCTION rumija.assert_layer_trigger(relid oid, schema_name name, table_name name) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, rumija AS $$
BEGIN
  IF schema_name <> 'rumija'
     OR NOT EXISTS (SELECT 1 FROM rumija.layers l WHERE l.table_name = assert_layer_trigger.table_name)
     OR to_regclass(format('rumija.%I', table_name)) IS DISTINCT FROM relid THEN
    RAISE EXCEPTION 'bukan tabel lapisan Rumija / not a registered Rumija layer table: %.%', schema_name, table_name
      USING ERRCODE = '42501';
  END IF;
END $$;
REVOKE ALL ON FUNCTION rumija.assert_layer_trigger(oid, name, name) FROM PUBLIC;

-- Every write to a feature gets the next version, who and when, and the transaction that made it (sync reads what
-- changed since a transaction horizon, so a slow transaction that commits late is never skipped). A version never
-- goes back for an id: a feature written again after a deletion continues from the deletion's version, so a
-- desktop still holding an older version is refused (a conflict), not silently taken over.
CREATE OR REPLACE FUNCTION rumija.stamp_feature() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rumija AS $$
DECLARE
  last_version integer;
BEGIN
  PERFORM rumija.assert_layer_trigger(TG_RELID, TG_TABLE_SCHEMA, TG_TABLE_NAME);
  IF TG_WHEN <> 'BEFORE' OR TG_LEVEL <> 'ROW' THEN
    RAISE EXCEPTION 'rumija.stamp_feature: BEFORE ... FOR EACH ROW only' USING ERRCODE = '42501';
  END IF;
  IF TG_OP = 'INSERT' THEN
    DELETE FROM rumija.deleted_features d WHERE d.table_name = TG_TABLE_NAME AND d.fid = NEW.fid
      RETURNING d.version INTO last_version;
    NEW.version := coalesce(last_version, 0) + 1;
  ELSE
    -- A client that writes the version it read (a script, ogr2ogr, QGIS with the column in its form) over a newer
    -- one is refused, as Rumija's own stale pushes are: the newer change is not overwritten unseen.
    IF NEW.version < OLD.version THEN
      RAISE EXCEPTION 'fitur % sudah diubah sejak versi % (kini versi %) / feature % was changed since version % (now %)',
        OLD.fid, NEW.version, OLD.version, OLD.fid, NEW.version, OLD.version
        USING ERRCODE = '40001';
    END IF;
    NEW.fid := OLD.fid;
    NEW.version := OLD.version + 1;
  END IF;
  NEW.updated_by := session_user;
  NEW.updated_at := now();
  NEW.change_xid := pg_current_xact_id();
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION rumija.note_deletion() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rumija AS $$
BEGIN
  PERFORM rumija.assert_layer_trigger(TG_RELID, TG_TABLE_SCHEMA, TG_TABLE_NAME);
  IF TG_WHEN <> 'AFTER' OR TG_LEVEL <> 'ROW' OR TG_OP <> 'DELETE' THEN
    RAISE EXCEPTION 'rumija.note_deletion: AFTER DELETE ... FOR EACH ROW only' USING ERRCODE = '42501';
  END IF;
  INSERT INTO rumija.deleted_features (table_name, fid, version, change_xid, deleted_by, deleted_at)
  VALUES (TG_TABLE_NAME, OLD.fid, OLD.version + 1, pg_current_xact_id(), session_user, now())
  ON CONFLICT (table_name, fid) DO UPDATE
    SET version = greatest(EXCLUDED.version, deleted_features.version + 1), change_xid = EXCLUDED.change_xid,
        deleted_by = EXCLUDED.deleted_by, deleted_at = EXCLUDED.deleted_at;
  RETURN OLD;
END $$;

-- Every change to a feature, kept: who (the login; the role it had taken with SET ROLE, if any), when, in which
-- transaction, from which client (application_name, as the client gives it), and the row before and after (its
-- columns as JSON, the geometry as GeoJSON in full precision). Written only by the layer tables' own triggers (below);
-- nobody is granted INSERT, UPDATE, DELETE or TRUNCATE on it. Everyone in rumija_viewer reads the history of the
-- layers they may read.
CREATE TABLE IF NOT EXISTS rumija.feature_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  table_name text NOT NULL,
  fid text NOT NULL,
  version integer NOT NULL,
  operation text NOT NULL CHECK (operation IN ('insert', 'update', 'delete')),
  changed_by text NOT NULL,
  changed_as text,
  changed_at timestamptz NOT NULL,
  change_xid xid8 NOT NULL,
  client text,
  before jsonb,
  after jsonb
);
CREATE INDEX IF NOT EXISTS feature_history_feature ON rumija.feature_history (table_name, fid, version);
REVOKE ALL ON rumija.feature_history FROM PUBLIC, rumija_viewer, rumija_editor, rumija_admin;
GRANT SELECT ON rumija.feature_history TO rumija_viewer;

-- The history of a layer is readable by whoever may read its table (so a layer an admin keeps from some viewers keeps
-- its history from them too). Not SECURITY DEFINER: the privilege asked about is the reader's own.
CREATE OR REPLACE FUNCTION rumija.may_read_layer(table_name text) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, rumija AS $$
  SELECT coalesce(has_table_privilege(to_regclass(format('rumija.%I', table_name)), 'SELECT'), false)
$$;
ALTER TABLE rumija.feature_history ENABLE ROW LEVEL SECURITY;
DO $$
BEGIN
  CREATE POLICY history_read ON rumija.feature_history FOR SELECT TO rumija_viewer
    USING (rumija.may_read_layer(table_name));
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

-- One AFTER ... FOR EACH STATEMENT trigger per operation with the statement's rows (transition tables): a publish or
-- a push of thousands of features writes its history in one INSERT, not one per row. Runs after the row triggers,
-- so the versions are the stamped ones and a deletion's is the one its note got.
CREATE OR REPLACE FUNCTION rumija.record_history() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rumija AS $$
DECLARE
  who_as text := nullif(current_setting('role'), 'none');
  client text := nullif(current_setting('application_name'), '');
  new_columns text;
  old_columns text;
  -- A row as JSON: its columns but the geometry (to_jsonb of a geometry goes through PostGIS's json cast, three
  -- times slower than the rest of the row), then the geometry as GeoJSON in full precision.
  image constant text := '(SELECT to_jsonb(x) FROM (SELECT %1$s) x) || jsonb_build_object(''geom'', ST_AsGeoJSON(%2$s.geom, 15)::jsonb)';
  insert_into constant text := 'INSERT INTO rumija.feature_history (table_name, fid, version, operation, changed_by, changed_as, changed_at, change_xid, client, before, after) ';
BEGIN
  PERFORM rumija.assert_layer_trigger(TG_RELID, TG_TABLE_SCHEMA, TG_TABLE_NAME);
  IF TG_WHEN <> 'AFTER' OR TG_LEVEL <> 'STATEMENT' THEN
    RAISE EXCEPTION 'rumija.record_history: AFTER ... FOR EACH STATEMENT only' USING ERRCODE = '42501';
  END IF;
  SELECT string_agg(format('n.%I', attname), ', ' ORDER BY attnum), string_agg(format('o.%I', attname), ', ' ORDER BY attnum)
    INTO new_columns, old_columns
    FROM pg_attribute WHERE attrelid = TG_RELID AND attnum > 0 AND NOT attisdropped AND attname <> 'geom';
  IF TG_OP = 'INSERT' THEN
    EXECUTE insert_into || format(
      'SELECT $1, n.fid, n.version, ''insert'', session_user, $2, now(), pg_current_xact_id(), $3, NULL, %s FROM history_new n',
      format(image, new_columns, 'n'))
    USING TG_TABLE_NAME, who_as, client;
  ELSIF TG_OP = 'UPDATE' THEN
    EXECUTE insert_into || format(
      'SELECT $1, n.fid, n.version, ''update'', session_user, $2, now(), pg_current_xact_id(), $3, %s, %s
         FROM history_new n JOIN history_old o ON o.fid = n.fid',
      format(image, old_columns, 'o'), format(image, new_columns, 'n'))
    USING TG_TABLE_NAME, who_as, client;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE insert_into || format(
      'SELECT $1, o.fid, coalesce(d.version, o.version + 1), ''delete'', session_user, $2, now(), pg_current_xact_id(),
              $3, %s, NULL
         FROM history_old o LEFT JOIN rumija.deleted_features d ON d.table_name = $1 AND d.fid = o.fid',
      format(image, old_columns, 'o'))
    USING TG_TABLE_NAME, who_as, client;
  ELSE
    RAISE EXCEPTION 'rumija.record_history: INSERT, UPDATE or DELETE only' USING ERRCODE = '42501';
  END IF;
  RETURN NULL;
END $$;

-- PostGIS's functions from the schema it was installed in (not a search path a login could put objects in ahead).
DO $$
BEGIN
  EXECUTE format('ALTER FUNCTION rumija.record_history() SET search_path = pg_catalog, rumija, %I',
                 (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                   WHERE e.extname = 'postgis'));
END $$;

-- The three history triggers of a layer table (one per operation: a trigger with transition tables has one event).
CREATE OR REPLACE FUNCTION rumija.attach_history(qualified text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, rumija AS $$
DECLARE
  operation text;
BEGIN
  -- Dropped and made again (not CREATE OR REPLACE TRIGGER: PostgreSQL 13 has no such thing), so a re-run repairs.
  FOREACH operation IN ARRAY ARRAY['insert', 'update', 'delete'] LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', 'history_' || operation, qualified);
  END LOOP;
  EXECUTE format('CREATE TRIGGER history_insert AFTER INSERT ON %s REFERENCING NEW TABLE AS history_new FOR EACH STATEMENT EXECUTE FUNCTION rumija.record_history()', qualified);
  EXECUTE format('CREATE TRIGGER history_update AFTER UPDATE ON %s REFERENCING OLD TABLE AS history_old NEW TABLE AS history_new FOR EACH STATEMENT EXECUTE FUNCTION rumija.record_history()', qualified);
  EXECUTE format('CREATE TRIGGER history_delete AFTER DELETE ON %s REFERENCING OLD TABLE AS history_old FOR EACH STATEMENT EXECUTE FUNCTION rumija.record_history()', qualified);
END $$;
REVOKE ALL ON FUNCTION rumija.attach_history(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rumija.attach_history(text) TO rumija_admin;

-- Only the admins, who make layer tables, may attach them (prepare_layer_table does); editors write rows and the
-- triggers fire for them without any right on the functions. (Revoked again for databases set up by older scripts.)
REVOKE ALL ON FUNCTION rumija.stamp_feature() FROM PUBLIC, rumija_viewer, rumija_editor;
REVOKE ALL ON FUNCTION rumija.note_deletion() FROM PUBLIC, rumija_viewer, rumija_editor;
REVOKE ALL ON FUNCTION rumija.record_history() FROM PUBLIC, rumija_viewer, rumija_editor;
GRANT EXECUTE ON FUNCTION rumija.stamp_feature() TO rumija_admin;
GRANT EXECUTE ON FUNCTION rumija.note_deletion() TO rumija_admin;
GRANT EXECUTE ON FUNCTION rumija.record_history() TO rumija_admin;

-- Called by Rumija right after it creates a layer table (as an admin): stamps, deletion notes, the GiST index,
-- ownership by the admin role, and the rights: viewers read, editors write, enforced by row-level security too.
CREATE OR REPLACE FUNCTION rumija.prepare_layer_table(target text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, rumija AS $$
DECLARE
  qualified text := format('rumija.%I', target);
BEGIN
  IF target !~ '^[a-z][a-z0-9_]{0,62}$' THEN
    RAISE EXCEPTION 'bad layer table name: %', target;
  END IF;
  EXECUTE format('CREATE TRIGGER stamp_feature BEFORE INSERT OR UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION rumija.stamp_feature()', qualified);
  EXECUTE format('CREATE TRIGGER note_deletion AFTER DELETE ON %s FOR EACH ROW EXECUTE FUNCTION rumija.note_deletion()', qualified);
  PERFORM rumija.attach_history(qualified);
  EXECUTE format('CREATE INDEX %I ON %s USING gist (geom)', target || '_geom_gist', qualified);
  EXECUTE format('CREATE INDEX %I ON %s (change_xid)', target || '_change_xid', qualified);
  EXECUTE format('ALTER TABLE %s OWNER TO rumija_admin', qualified);
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', qualified);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', qualified);
  EXECUTE format('CREATE POLICY viewers_read ON %s FOR SELECT TO rumija_viewer USING (true)', qualified);
  EXECUTE format('CREATE POLICY editors_insert ON %s FOR INSERT TO rumija_editor WITH CHECK (true)', qualified);
  EXECUTE format('CREATE POLICY editors_update ON %s FOR UPDATE TO rumija_editor USING (true) WITH CHECK (true)', qualified);
  EXECUTE format('CREATE POLICY editors_delete ON %s FOR DELETE TO rumija_editor USING (true)', qualified);
  EXECUTE format('GRANT SELECT ON %s TO rumija_viewer', qualified);
  EXECUTE format('GRANT INSERT, UPDATE, DELETE ON %s TO rumija_editor', qualified);
END $$;
REVOKE ALL ON FUNCTION rumija.prepare_layer_table(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rumija.prepare_layer_table(text) TO rumija_admin;

-- A database set up before the history existed: its layer tables get the history triggers now (from here on; what
-- changed before is not known). Needs the right to add triggers to them (a superuser, or a member of rumija_admin).
DO $$
DECLARE
  layer record;
BEGIN
  FOR layer IN SELECT l.table_name FROM rumija.layers l
                WHERE to_regclass(format('rumija.%I', l.table_name)) IS NOT NULL LOOP
    BEGIN
      PERFORM rumija.attach_history(format('rumija.%I', layer.table_name));
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE WARNING 'riwayat belum dipasang / history not attached: rumija.% (run this script as a superuser or a member of rumija_admin)',
        layer.table_name;
    END;
  END LOOP;
END $$;

COMMENT ON SCHEMA rumija IS 'Rumija team data: published road, bridge and asset layers (Dinas PUPR NTT)';
