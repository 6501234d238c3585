-- The append function, revised for throughput under concurrent writers:
-- * no NOTIFY: a notification inside the appending transaction holds PostgreSQL's global notification lock until the
--   commit is flushed, which serialized all appends; the store now notifies after commit;
-- * a new stream's row is inserted once, with its final version and head, instead of inserted and then updated;
--   writers racing to create one stream queue on an advisory lock instead of on the row.

-- Appends events to one stream. The stream row is locked and the expected version checked before any sequence
-- number is drawn, so that a writer who loses a race leaves no gap in the global sequence.
-- start_stream: the stream must not exist yet. expected_version: the version before this append, or NULL for any.
-- precisions: per event, the unit its timestamp is truncated to (zero keeps the full precision).
CREATE OR REPLACE FUNCTION mt_quick_append_events(
    stream uuid, stream_type text, tenant text, start_stream boolean, expected_version bigint,
    event_ids uuid[], event_types text[], dotnet_types text[], bodies jsonb[], precisions interval[],
    correlation_ids text[], causation_ids text[], headers jsonb[])
RETURNS TABLE (seq_id bigint, version bigint, ts timestamptz)
LANGUAGE plpgsql AS $$
DECLARE
    current_version bigint;
    head bytea := '\x';
    archived boolean := false;
    is_new boolean := false;
    n int := cardinality(event_ids);
    seqs bigint[] := '{}';
    versions bigint[] := '{}';
    stamps timestamptz[] := '{}';
    hashes bytea[] := '{}';
    stamp timestamptz;
    seq bigint;
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

    FOR i IN 1 .. n LOOP
        seq := nextval('mt_events_sequence');
        stamp := CASE WHEN precisions[i] > interval '0' THEN date_bin(precisions[i], now(), timestamptz '1970-01-01 00:00:00+00') ELSE now() END;
        head := sha256(head || mt_event_canonical(seq, event_ids[i], stream, current_version + i, event_types[i], stamp, tenant,
            bodies[i]::text, dotnet_types[i], correlation_ids[i], causation_ids[i], headers[i]::text));
        seqs := seqs || seq;
        versions := versions || (current_version + i);
        stamps := stamps || stamp;
        hashes := hashes || head;
    END LOOP;

    -- The stream's own times are those of its events, so that they carry no more precision than the events allow.
    IF is_new THEN
        INSERT INTO mt_streams (id, type, version, timestamp, created, tenant_id, head_hash)
        VALUES (stream, stream_type, n, stamps[n], stamps[1], tenant, head);
    ELSE
        UPDATE mt_streams s SET version = current_version + n, timestamp = stamps[n], head_hash = head WHERE s.id = stream;
    END IF;

    INSERT INTO mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type,
                           correlation_id, causation_id, headers, hash)
    SELECT u.seq, u.event_id, stream, u.version, u.body, u.event_type, u.stamp, tenant, u.dotnet_type,
           u.correlation_id, u.causation_id, u.header, u.hash
    FROM unnest(seqs, event_ids, versions, bodies, event_types, stamps, dotnet_types, correlation_ids, causation_ids, headers, hashes)
        AS u (seq, event_id, version, body, event_type, stamp, dotnet_type, correlation_id, causation_id, header, hash);

    RETURN QUERY SELECT * FROM unnest(seqs, versions, stamps);
END;
$$;
