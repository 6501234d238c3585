-- The append function, revised again for throughput (each statement a plpgsql function runs costs an executor start):
-- * the canonical text of an event is declared STABLE, as its body is (text conversions depend on settings): an
--   IMMUTABLE SQL function calling STABLE ones is never inlined, and each call went through the SQL function executor;
-- * the fields of the canonical text are taken into variables first, so that the field function inlines too;
-- * a new stream's row and the events are inserted by one statement;
-- * the numbers drawn are returned as arrays in one row, instead of a set built by one more query.
-- What the hash covers, and the order of the checks, are unchanged.

CREATE OR REPLACE FUNCTION mt_event_canonical(
    seq_id bigint, id uuid, stream_id uuid, version bigint, type text, ts timestamptz, tenant_id text,
    data text, dotnet_type text, correlation_id text, causation_id text, headers text) RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE
RETURN convert_to(concat_ws('|', seq_id::text, id::text, stream_id::text, version::text, mt_canonical_field(type),
    (extract(epoch FROM ts) * 1000000)::bigint::text, mt_canonical_field(tenant_id), mt_canonical_field(data),
    mt_canonical_field(dotnet_type), mt_canonical_field(correlation_id), mt_canonical_field(causation_id),
    mt_canonical_field(headers)), 'UTF8');

DROP FUNCTION mt_quick_append_events(uuid, text, text, boolean, bigint, uuid[], text[], text[], jsonb[], interval[], text[], text[], jsonb[]);

-- Appends events to one stream. The stream row is locked and the expected version checked before any sequence
-- number is drawn, so that a writer who loses a race leaves no gap in the global sequence.
-- start_stream: the stream must not exist yet. expected_version: the version before this append, or NULL for any.
-- precisions: per event, the unit its timestamp is truncated to (zero keeps the full precision).
-- Returns, per event in order, its global sequence number, its version and its stored timestamp.
CREATE FUNCTION mt_quick_append_events(
    stream uuid, stream_type text, tenant text, start_stream boolean, expected_version bigint,
    event_ids uuid[], event_types text[], dotnet_types text[], bodies jsonb[], precisions interval[],
    correlation_ids text[], causation_ids text[], headers jsonb[],
    OUT seq_ids bigint[], OUT versions bigint[], OUT stamps timestamptz[])
LANGUAGE plpgsql AS $$
DECLARE
    current_version bigint;
    head bytea := '\x';
    archived boolean := false;
    is_new boolean := false;
    n int := cardinality(event_ids);
    hashes bytea[] := '{}';
    stamp timestamptz;
    seq bigint;
    event_id uuid;
    event_type text;
    dotnet_type text;
    body text;
    correlation_id text;
    causation_id text;
    header text;
BEGIN
    -- The transaction id must exist before a sequence number is drawn: the daemon's gap logic relies on it.
    PERFORM pg_current_xact_id();

    IF NOT start_stream THEN
        SELECT s.version, s.head_hash, s.is_archived INTO current_version, head, archived
        FROM mt_streams s WHERE s.id = stream FOR UPDATE;
    END IF;
    IF start_stream OR NOT FOUND THEN
        -- Writers creating the same stream queue here, so that the loser learns of the winner before drawing numbers.
        PERFORM pg_advisory_xact_lock(hashtextextended('reporting.stream.' || stream::text, 0));
        SELECT s.version, s.head_hash, s.is_archived INTO current_version, head, archived
        FROM mt_streams s WHERE s.id = stream FOR UPDATE;
        IF FOUND AND start_stream THEN
            RAISE EXCEPTION USING ERRCODE = 'MT002', MESSAGE = format('Stream %s already exists', stream);
        END IF;
        IF NOT FOUND THEN
            current_version := 0; head := '\x'; archived := false; is_new := true;
        END IF;
    END IF;

    IF archived THEN
        RAISE EXCEPTION USING ERRCODE = 'MT003', MESSAGE = format('Stream %s is archived', stream);
    END IF;
    IF expected_version IS NOT NULL AND current_version <> expected_version THEN
        RAISE EXCEPTION USING ERRCODE = 'MT001',
            MESSAGE = format('Stream %s: expected version %s, actual %s', stream, expected_version, current_version);
    END IF;

    seq_ids := '{}'; versions := '{}'; stamps := '{}';
    FOR i IN 1 .. n LOOP
        seq := nextval('mt_events_sequence');
        stamp := CASE WHEN precisions[i] > interval '0' THEN date_bin(precisions[i], now(), timestamptz '1970-01-01 00:00:00+00') ELSE now() END;
        event_id := event_ids[i]; event_type := event_types[i]; dotnet_type := dotnet_types[i]; body := bodies[i]::text;
        correlation_id := correlation_ids[i]; causation_id := causation_ids[i]; header := headers[i]::text;
        head := sha256(head || mt_event_canonical(seq, event_id, stream, current_version + i, event_type, stamp, tenant,
            body, dotnet_type, correlation_id, causation_id, header));
        seq_ids := seq_ids || seq;
        versions := versions || (current_version + i);
        stamps := stamps || stamp;
        hashes := hashes || head;
    END LOOP;

    -- The stream's own times are those of its events, so that they carry no more precision than the events allow.
    IF is_new THEN
        WITH created AS (
            INSERT INTO mt_streams (id, type, version, timestamp, created, tenant_id, head_hash)
            VALUES (stream, stream_type, n, stamps[n], stamps[1], tenant, head))
        INSERT INTO mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type,
                               correlation_id, causation_id, headers, hash)
        SELECT u.seq, u.event_id, stream, u.version, u.body, u.event_type, u.stamp, tenant, u.dotnet_type,
               u.correlation_id, u.causation_id, u.header, u.hash
        FROM unnest(seq_ids, event_ids, versions, bodies, event_types, stamps, dotnet_types, correlation_ids, causation_ids, headers, hashes)
            AS u (seq, event_id, version, body, event_type, stamp, dotnet_type, correlation_id, causation_id, header, hash);
    ELSE
        WITH moved AS (
            UPDATE mt_streams s SET version = current_version + n, timestamp = stamps[n], head_hash = head WHERE s.id = stream)
        INSERT INTO mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type,
                               correlation_id, causation_id, headers, hash)
        SELECT u.seq, u.event_id, stream, u.version, u.body, u.event_type, u.stamp, tenant, u.dotnet_type,
               u.correlation_id, u.causation_id, u.header, u.hash
        FROM unnest(seq_ids, event_ids, versions, bodies, event_types, stamps, dotnet_types, correlation_ids, causation_ids, headers, hashes)
            AS u (seq, event_id, version, body, event_type, stamp, dotnet_type, correlation_id, causation_id, header, hash);
    END IF;
END;
$$;
