-- One call appends every stream of a unit of work. Each statement a plpgsql function runs pays an executor start, and
-- the single-stream function ran five or six of them per stream: a unit of work that starts sixty case streams at once
-- (Intake's group commit) paid for them sixty times. This function runs the same few statements once, on all streams.
-- What the hash covers, the order of the checks and the rule that no sequence number is drawn before every check has
-- passed are unchanged.

DROP FUNCTION mt_quick_append_events(uuid, text, text, boolean, bigint, uuid[], text[], text[], jsonb[], interval[], text[], text[], jsonb[]);

-- Per stream, in the unit of work's order: its id, aggregate type, whether it must be new, the version expected before
-- the append (NULL for any) and how many of the events that follow are its own.
-- Per event, grouped by stream in the same order: id, type alias, .NET type, body, timestamp precision (zero keeps the
-- full precision), correlation and causation ids, headers.
-- Streams are locked in id order, so that two units of work touching the same streams cannot deadlock on their rows.
-- A refused stream raises MT001 (version), MT002 (already exists) or MT003 (archived) with its id in the message; the
-- first refused stream in the unit of work's order is the one reported.
-- Returns, per event in order, its global sequence number, its version and its stored timestamp.
CREATE FUNCTION mt_append_streams(
    tenant text, stream_ids uuid[], stream_types text[], start_streams boolean[], expected_versions bigint[], event_counts int[],
    event_ids uuid[], event_types text[], dotnet_types text[], bodies jsonb[], precisions interval[],
    correlation_ids text[], causation_ids text[], headers jsonb[],
    OUT seq_ids bigint[], OUT versions bigint[], OUT stamps timestamptz[])
LANGUAGE plpgsql AS $$
DECLARE
    stream_count int := cardinality(stream_ids);
    found_ids uuid[];
    found_versions bigint[];
    found_heads bytea[];
    found_archived boolean[];
    missing uuid[];
    at int;
    starts bigint[] := array_fill(0::bigint, ARRAY[stream_count]);
    heads bytea[] := array_fill('\x'::bytea, ARRAY[stream_count]);
    is_new boolean[] := array_fill(false, ARRAY[stream_count]);
    stream_of_event uuid[] := '{}';
    hashes bytea[] := '{}';
    e int := 0;
    head bytea;
    stamp timestamptz;
    seq bigint;
    body text;
BEGIN
    -- The transaction id must exist before a sequence number is drawn: the daemon's gap logic relies on it.
    PERFORM pg_current_xact_id();

    SELECT array_agg(s.id), array_agg(s.version), array_agg(s.head_hash), array_agg(s.is_archived)
    INTO found_ids, found_versions, found_heads, found_archived
    FROM (SELECT id, version, head_hash, is_archived FROM mt_streams
          WHERE id = ANY (ARRAY(SELECT u.id FROM unnest(stream_ids, start_streams) AS u (id, start) WHERE NOT u.start))
          ORDER BY id FOR UPDATE) s;

    -- Streams to be created, and appends to streams not found: writers creating the same stream queue on its advisory
    -- lock, so that the loser learns of the winner before drawing numbers.
    SELECT array_agg(u.id ORDER BY u.id) INTO missing
    FROM unnest(stream_ids, start_streams) AS u (id, start)
    WHERE u.start OR NOT (u.id = ANY (coalesce(found_ids, '{}')));
    IF missing IS NOT NULL THEN
        PERFORM pg_advisory_xact_lock(hashtextextended('reporting.stream.' || m::text, 0)) FROM unnest(missing) AS m;
        SELECT found_ids || coalesce(array_agg(s.id), '{}'), found_versions || coalesce(array_agg(s.version), '{}'),
               found_heads || coalesce(array_agg(s.head_hash), '{}'), found_archived || coalesce(array_agg(s.is_archived), '{}')
        INTO found_ids, found_versions, found_heads, found_archived
        FROM (SELECT id, version, head_hash, is_archived FROM mt_streams WHERE id = ANY (missing) ORDER BY id FOR UPDATE) s;
    END IF;

    FOR i IN 1 .. stream_count LOOP
        at := array_position(found_ids, stream_ids[i]);
        IF at IS NOT NULL AND start_streams[i] THEN
            RAISE EXCEPTION USING ERRCODE = 'MT002', MESSAGE = format('Stream %s already exists', stream_ids[i]);
        END IF;
        IF at IS NULL THEN
            is_new[i] := true;
        ELSE
            IF found_archived[at] THEN
                RAISE EXCEPTION USING ERRCODE = 'MT003', MESSAGE = format('Stream %s is archived', stream_ids[i]);
            END IF;
            starts[i] := found_versions[at];
            heads[i] := found_heads[at];
        END IF;
        IF expected_versions[i] IS NOT NULL AND starts[i] <> expected_versions[i] THEN
            RAISE EXCEPTION USING ERRCODE = 'MT001',
                MESSAGE = format('Stream %s: expected version %s, actual %s', stream_ids[i], expected_versions[i], starts[i]);
        END IF;
    END LOOP;

    seq_ids := '{}'; versions := '{}'; stamps := '{}';
    FOR i IN 1 .. stream_count LOOP
        head := heads[i];
        FOR j IN 1 .. event_counts[i] LOOP
            e := e + 1;
            seq := nextval('mt_events_sequence');
            stamp := CASE WHEN precisions[e] > interval '0' THEN date_bin(precisions[e], now(), timestamptz '1970-01-01 00:00:00+00') ELSE now() END;
            body := bodies[e]::text;
            head := sha256(head || mt_event_canonical(seq, event_ids[e], stream_ids[i], starts[i] + j, event_types[e], stamp, tenant,
                body, dotnet_types[e], correlation_ids[e], causation_ids[e], headers[e]::text));
            seq_ids := seq_ids || seq;
            versions := versions || (starts[i] + j);
            stamps := stamps || stamp;
            hashes := hashes || head;
            stream_of_event := stream_of_event || stream_ids[i];
        END LOOP;
        heads[i] := head;
    END LOOP;

    -- A stream's own times are those of its events, so that they carry no more precision than the events allow.
    WITH streams AS (
        SELECT u.ordinal, u.id, u.type, u.count, u.head, u.is_new, starts[u.ordinal::int] AS start,
               (sum(u.count) OVER (ORDER BY u.ordinal))::int AS last_event
        FROM unnest(stream_ids, stream_types, event_counts, heads, is_new) WITH ORDINALITY AS u (id, type, count, head, is_new, ordinal)
        WHERE u.count > 0),
    created AS (
        INSERT INTO mt_streams (id, type, version, timestamp, created, tenant_id, head_hash)
        SELECT s.id, s.type, s.count, stamps[s.last_event], stamps[s.last_event - s.count + 1], tenant, s.head
        FROM streams s WHERE s.is_new),
    moved AS (
        UPDATE mt_streams m SET version = s.start + s.count, timestamp = stamps[s.last_event], head_hash = s.head
        FROM streams s WHERE NOT s.is_new AND m.id = s.id)
    INSERT INTO mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type,
                           correlation_id, causation_id, headers, hash)
    SELECT u.seq, u.event_id, u.stream, u.version, u.body, u.event_type, u.stamp, tenant, u.dotnet_type,
           u.correlation_id, u.causation_id, u.header, u.hash
    FROM unnest(seq_ids, event_ids, stream_of_event, versions, bodies, event_types, stamps, dotnet_types, correlation_ids, causation_ids, headers, hashes)
        AS u (seq, event_id, stream, version, body, event_type, stamp, dotnet_type, correlation_id, causation_id, header, hash);
END;
$$;
