-- The three login roles of a split deployment, each granted only what its module does; run by the schema's owner
-- after every `reporting db migrate` (it starts each role from nothing, so it can be run again at any time).
-- @schema@, @intake@, @cases@ and @disclosure@ are replaced by the command.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '@intake@') THEN CREATE ROLE @intake@ LOGIN NOINHERIT; END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '@cases@') THEN CREATE ROLE @cases@ LOGIN NOINHERIT; END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '@disclosure@') THEN CREATE ROLE @disclosure@ LOGIN NOINHERIT; END IF;
    -- Only a superuser may take these away, and the owner that runs this need not be one (CREATEROLE is enough):
    -- a role that holds one is refused, never used.
    IF EXISTS (SELECT FROM pg_roles WHERE rolname IN ('@intake@', '@cases@', '@disclosure@') AND (rolsuper OR rolreplication OR rolbypassrls)) THEN
        RAISE EXCEPTION 'A host role holds SUPERUSER, REPLICATION or BYPASSRLS: a superuser must take it away (ALTER ROLE ... NOSUPERUSER NOREPLICATION NOBYPASSRLS) first.';
    END IF;
END
$$;
ALTER ROLE @intake@ NOCREATEDB NOCREATEROLE NOINHERIT;
ALTER ROLE @cases@ NOCREATEDB NOCREATEROLE NOINHERIT;
ALTER ROLE @disclosure@ NOCREATEDB NOCREATEROLE NOINHERIT;

REVOKE ALL ON ALL TABLES IN SCHEMA @schema@ FROM @intake@, @cases@, @disclosure@;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA @schema@ FROM @intake@, @cases@, @disclosure@;
REVOKE CREATE ON SCHEMA @schema@ FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM @intake@, @cases@, @disclosure@;
GRANT USAGE ON SCHEMA @schema@ TO @intake@, @cases@, @disclosure@;
-- Every host checks at start-up that the schema is the one its build expects (Marten's objects through
-- information_schema, our scripts through schema_migrations). information_schema shows a role only the tables it
-- holds a privilege on, and their constraints only with a privilege other than SELECT: each role holds REFERENCES
-- (which lets it do nothing here, as it can create no table) on every table of the event store and of its module's
-- documents, and reads no row of those it has no business with (row-level security, no policy for it).
GRANT SELECT ON @schema@.schema_migrations TO @intake@, @cases@, @disclosure@;
GRANT SELECT, REFERENCES ON @schema@.mt_event_progression, @schema@.mt_event_projection_floors, @schema@.mt_high_water_skips,
    @schema@.mt_doc_deadletterevent, @schema@.mt_hilo TO @intake@, @disclosure@;
-- (A sequence shows with any privilege: SELECT lets the public record's role read how many events exist, no more.)
GRANT SELECT ON SEQUENCE @schema@.mt_events_sequence TO @disclosure@;

-- Intake starts case streams and appends the informant's own events, and only to streams it names in the
-- transaction (reporting.streams, from a receipt): the policies below hide every other row, so it can neither read
-- nor list another case, a stream it did not name looks absent, and a row for one fails the policy's check.
GRANT SELECT, INSERT, UPDATE ON @schema@.mt_streams TO @intake@;
GRANT SELECT, INSERT ON @schema@.mt_events, @schema@.stream_keys TO @intake@;
GRANT USAGE ON SEQUENCE @schema@.mt_events_sequence TO @intake@;
GRANT SELECT, INSERT, UPDATE, DELETE ON @schema@.mt_doc_spentfloodtoken TO @intake@;

-- The case workflow reads and writes everything of the cases and the notices, except Intake's spent tokens; events
-- are only ever added, checkpoints too, and a stream key is only ever destroyed in place (shredding).
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA @schema@ TO @cases@;
REVOKE ALL ON @schema@.mt_doc_spentfloodtoken FROM @cases@;
REVOKE INSERT, UPDATE, DELETE ON @schema@.schema_migrations FROM @cases@;
REVOKE UPDATE, DELETE ON @schema@.mt_events, @schema@.integrity_checkpoints FROM @cases@;
REVOKE DELETE ON @schema@.stream_keys FROM @cases@;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA @schema@ TO @cases@;

-- The public record reads published notices, the signed log and its checkpoints, and the statistics: of the event
-- store only the published versions and the log's entries; of the notice rows only published ones.
GRANT SELECT, REFERENCES ON @schema@.mt_events, @schema@.mt_streams, @schema@.mt_doc_noticesummary, @schema@.mt_doc_noticeloghead,
    @schema@.mt_doc_signedcheckpoint, @schema@.mt_doc_casestatistics TO @disclosure@;

-- Row-level security on every table the roles share, the cases role seeing all of each; a role with no policy on
-- a table reads none of its rows.
DO $$
DECLARE
    shared text;
BEGIN
    FOREACH shared IN ARRAY ARRAY['mt_events', 'mt_streams', 'stream_keys', 'mt_doc_noticesummary', 'mt_hilo',
        'mt_event_projection_floors', 'mt_high_water_skips', 'mt_doc_deadletterevent']
    LOOP
        EXECUTE format('ALTER TABLE @schema@.%I ENABLE ROW LEVEL SECURITY', shared);
        EXECUTE format('DROP POLICY IF EXISTS @cases@_all ON @schema@.%I', shared);
        EXECUTE format('CREATE POLICY @cases@_all ON @schema@.%I TO @cases@ USING (true) WITH CHECK (true)', shared);
    END LOOP;
END
$$;

DROP POLICY IF EXISTS @intake@_named ON @schema@.mt_events;
CREATE POLICY @intake@_named ON @schema@.mt_events TO @intake@
    USING (stream_id = ANY (string_to_array(current_setting('reporting.streams', true), ',')::uuid[]));
DROP POLICY IF EXISTS @intake@_named ON @schema@.mt_streams;
CREATE POLICY @intake@_named ON @schema@.mt_streams TO @intake@
    USING (id = ANY (string_to_array(current_setting('reporting.streams', true), ',')::uuid[]));
DROP POLICY IF EXISTS @intake@_named ON @schema@.stream_keys;
CREATE POLICY @intake@_named ON @schema@.stream_keys TO @intake@
    USING (stream = ANY (string_to_array(current_setting('reporting.streams', true), ',')::uuid[]));

DROP POLICY IF EXISTS @disclosure@_published ON @schema@.mt_events;
CREATE POLICY @disclosure@_published ON @schema@.mt_events FOR SELECT TO @disclosure@
    USING (type IN ('notice_version_published', 'notice_log_entry_appended'));
DROP POLICY IF EXISTS @disclosure@_published ON @schema@.mt_doc_noticesummary;
CREATE POLICY @disclosure@_published ON @schema@.mt_doc_noticesummary FOR SELECT TO @disclosure@
    USING ((data ->> 'published')::boolean);
