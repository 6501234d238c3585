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
-- The statements take arrays; left to choose, PostgreSQL planned several of them again on every call, each plan the same.
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
DECLARE
    stream_count int := cardinality(stream_ids);
    found_ids uuid[] := '{}';
    found_versions bigint[] := '{}';
    found_heads bytea[] := '{}';
    found_archived boolean[] := '{}';
    at int;
    transaction_id xid8;
    start bigint;
    head bytea;
    stamp timestamptz;
    seq bigint;
    event_type text;
    body text;
    dotnet_type text;
    correlation_id text;
    causation_id text;
    header text;
    e int := 0;
    stream_of_event uuid[] := '{}';
    hashes bytea[] := '{}';
    new_ids uuid[];
    new_types text[];
    new_versions bigint[];
    new_created timestamptz[];
    new_stamps timestamptz[];
    new_heads bytea[];
    moved_ids uuid[];
    moved_versions bigint[];
    moved_stamps timestamptz[];
    moved_heads bytea[];
BEGIN
    -- The transaction id must exist before a sequence number is drawn: the daemon's gap logic relies on it. (An
    -- assignment is a simple expression, which plpgsql evaluates without starting an executor.)
    transaction_id := pg_current_xact_id();

    IF false = ANY (start_streams) THEN
        SELECT array_agg(s.id), array_agg(s.version), array_agg(s.head_hash), array_agg(s.is_archived)
        INTO found_ids, found_versions, found_heads, found_archived
        FROM (SELECT id, version, head_hash, is_archived FROM mt_streams
              WHERE id = ANY (stream_ids) AND NOT id = ANY (ARRAY(SELECT u.id FROM unnest(stream_ids, start_streams) AS u (id, start) WHERE u.start))
              ORDER BY id FOR UPDATE) s;
        found_ids := coalesce(found_ids, '{}'); found_versions := coalesce(found_versions, '{}');
        found_heads := coalesce(found_heads, '{}'); found_archived := coalesce(found_archived, '{}');
    END IF;

    -- Streams to be created, and appends to streams not found: writers creating the same stream queue on its advisory
    -- lock, so that the loser learns of the winner before drawing numbers.
    IF cardinality(found_ids) < stream_count THEN
        PERFORM pg_advisory_xact_lock(hashtextextended('reporting.stream.' || m::text, 0))
        FROM unnest(stream_ids) AS m WHERE NOT m = ANY (found_ids) ORDER BY m;
        SELECT found_ids || coalesce(array_agg(s.id), '{}'), found_versions || coalesce(array_agg(s.version), '{}'),
               found_heads || coalesce(array_agg(s.head_hash), '{}'), found_archived || coalesce(array_agg(s.is_archived), '{}')
        INTO found_ids, found_versions, found_heads, found_archived
        FROM (SELECT id, version, head_hash, is_archived FROM mt_streams
              WHERE id = ANY (stream_ids) AND NOT id = ANY (found_ids) ORDER BY id FOR UPDATE) s;
    END IF;

    -- Every check passes before the first number is drawn.
    FOR i IN 1 .. stream_count LOOP
        at := array_position(found_ids, stream_ids[i]);
        IF at IS NOT NULL AND start_streams[i] THEN
            RAISE EXCEPTION USING ERRCODE = 'MT002', MESSAGE = format('Stream %s already exists', stream_ids[i]);
        END IF;
        IF at IS NOT NULL AND found_archived[at] THEN
            RAISE EXCEPTION USING ERRCODE = 'MT003', MESSAGE = format('Stream %s is archived', stream_ids[i]);
        END IF;
        start := CASE WHEN at IS NULL THEN 0 ELSE found_versions[at] END;
        IF expected_versions[i] IS NOT NULL AND start <> expected_versions[i] THEN
            RAISE EXCEPTION USING ERRCODE = 'MT001',
                MESSAGE = format('Stream %s: expected version %s, actual %s', stream_ids[i], expected_versions[i], start);
        END IF;
    END LOOP;

    seq_ids := '{}'; versions := '{}'; stamps := '{}';
    FOR i IN 1 .. stream_count LOOP
        at := array_position(found_ids, stream_ids[i]);
        start := CASE WHEN at IS NULL THEN 0 ELSE found_versions[at] END;
        head := CASE WHEN at IS NULL THEN '\x'::bytea ELSE found_heads[at] END;
        FOR j IN 1 .. event_counts[i] LOOP
            e := e + 1;
            seq := nextval('mt_events_sequence');
            stamp := CASE WHEN precisions[e] > interval '0' THEN date_bin(precisions[e], now(), timestamptz '1970-01-01 00:00:00+00') ELSE now() END;
            -- Each field in a variable first: the canonical text's field function is inlined, and would otherwise
            -- evaluate an argument such as the body's text rendering once for every place it names it.
            event_type := event_types[e]; body := bodies[e]::text; dotnet_type := dotnet_types[e];
            correlation_id := correlation_ids[e]; causation_id := causation_ids[e]; header := headers[e]::text;
            head := sha256(head || mt_event_canonical(seq, event_ids[e], stream_ids[i], start + j, event_type, stamp, tenant,
                body, dotnet_type, correlation_id, causation_id, header));
            seq_ids := seq_ids || seq;
            versions := versions || (start + j);
            stamps := stamps || stamp;
            hashes := hashes || head;
            stream_of_event := stream_of_event || stream_ids[i];
        END LOOP;
        -- A stream's own times are those of its events, so that they carry no more precision than the events allow.
        IF event_counts[i] = 0 THEN
            CONTINUE;
        ELSIF at IS NULL THEN
            new_ids := new_ids || stream_ids[i]; new_types := new_types || stream_types[i]; new_versions := new_versions || (start + event_counts[i]);
            new_created := new_created || stamps[e - event_counts[i] + 1]; new_stamps := new_stamps || stamp; new_heads := new_heads || head;
        ELSE
            moved_ids := moved_ids || stream_ids[i]; moved_versions := moved_versions || (start + event_counts[i]);
            moved_stamps := moved_stamps || stamp; moved_heads := moved_heads || head;
        END IF;
    END LOOP;

    -- Streams that existed move on in a statement of their own, run only when there are any: a modify step with
    -- nothing to do still costs an executor start, and most units of work start streams or extend one.
    IF moved_ids IS NOT NULL THEN
        UPDATE mt_streams m SET version = u.version, timestamp = u.stamp, head_hash = u.head
        FROM unnest(moved_ids, moved_versions, moved_stamps, moved_heads) AS u (id, version, stamp, head) WHERE m.id = u.id;
    END IF;
    WITH created AS (
        INSERT INTO mt_streams (id, type, version, timestamp, created, tenant_id, head_hash)
        SELECT u.id, u.type, u.version, u.stamp, u.created, tenant, u.head
        FROM unnest(new_ids, new_types, new_versions, new_stamps, new_created, new_heads) AS u (id, type, version, stamp, created, head))
    INSERT INTO mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type,
                           correlation_id, causation_id, headers, hash)
    SELECT u.seq, u.event_id, u.stream, u.version, u.body, u.event_type, u.stamp, tenant, u.dotnet_type,
           u.correlation_id, u.causation_id, u.header, u.hash
    FROM unnest(seq_ids, event_ids, stream_of_event, versions, bodies, event_types, stamps, dotnet_types, correlation_ids, causation_ids, headers, hashes)
        AS u (seq, event_id, stream, version, body, event_type, stamp, dotnet_type, correlation_id, causation_id, header, hash);
END;
$$;
