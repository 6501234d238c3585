-- The event store's tables, in the configured schema (the connection's search path).
-- Events are never updated except for is_archived; every row is chained to its predecessor in the stream by
-- hash = SHA-256(previous hash ‖ canonical text of the row), so that an edit made behind the store's back shows.

CREATE SEQUENCE mt_events_sequence;

CREATE TABLE mt_streams (
    id uuid PRIMARY KEY,
    type text NULL,
    version bigint NOT NULL,
    timestamp timestamptz NOT NULL,
    created timestamptz NOT NULL,
    tenant_id text NOT NULL DEFAULT '*DEFAULT*',
    is_archived boolean NOT NULL DEFAULT false,
    head_hash bytea NOT NULL
);

CREATE TABLE mt_events (
    seq_id bigint PRIMARY KEY,
    id uuid NOT NULL,
    stream_id uuid NOT NULL REFERENCES mt_streams (id),
    version bigint NOT NULL,
    data jsonb NOT NULL,
    type text NOT NULL,
    timestamp timestamptz NOT NULL,
    tenant_id text NOT NULL DEFAULT '*DEFAULT*',
    mt_dotnet_type text NULL,
    is_archived boolean NOT NULL DEFAULT false,
    correlation_id text NULL,
    causation_id text NULL,
    headers jsonb NULL,
    -- The writing transaction: the async daemon's high-water mark waits for it while it could still fill a gap.
    tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
    hash bytea NOT NULL,
    CONSTRAINT pk_mt_events_stream_and_version UNIQUE (stream_id, version)
);

CREATE TABLE mt_event_progression (
    name text PRIMARY KEY,
    last_seq_id bigint NOT NULL DEFAULT 0,
    last_updated timestamptz NOT NULL DEFAULT now()
);

-- A text field of the canonical form, length-prefixed so that no separator inside a value can shift the fields.
CREATE FUNCTION mt_canonical_field(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN value IS NULL THEN '~' ELSE octet_length(value)::text || ':' || value END;

-- What the hash of one event covers. The verifier rebuilds the same text from the stored columns on its own.
CREATE FUNCTION mt_event_canonical(
    seq_id bigint, id uuid, stream_id uuid, version bigint, type text, ts timestamptz, tenant_id text,
    data text, dotnet_type text, correlation_id text, causation_id text, headers text) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN convert_to(concat_ws('|', seq_id::text, id::text, stream_id::text, version::text, mt_canonical_field(type),
    (extract(epoch FROM ts) * 1000000)::bigint::text, mt_canonical_field(tenant_id), mt_canonical_field(data),
    mt_canonical_field(dotnet_type), mt_canonical_field(correlation_id), mt_canonical_field(causation_id),
    mt_canonical_field(headers)), 'UTF8');

-- Appends events to one stream. The stream row is locked and the expected version checked before any sequence
-- number is drawn, so that a writer who loses a race leaves no gap in the global sequence.
-- start_stream: the stream must not exist yet. expected_version: the version before this append, or NULL for any.
-- precisions: per event, the unit its timestamp is truncated to (zero keeps the full precision).
CREATE FUNCTION mt_quick_append_events(
    stream uuid, stream_type text, tenant text, start_stream boolean, expected_version bigint,
    event_ids uuid[], event_types text[], dotnet_types text[], bodies jsonb[], precisions interval[],
    correlation_ids text[], causation_ids text[], headers jsonb[])
RETURNS TABLE (seq_id bigint, version bigint, ts timestamptz)
LANGUAGE plpgsql AS $$
DECLARE
    current_version bigint;
    head bytea;
    archived boolean;
    created_now boolean := false;
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

    IF start_stream THEN
        INSERT INTO mt_streams AS s (id, type, version, timestamp, created, tenant_id, head_hash)
        VALUES (stream, stream_type, 0, now(), now(), tenant, '\x') ON CONFLICT (id) DO NOTHING;
        IF NOT FOUND THEN
            RAISE EXCEPTION USING ERRCODE = 'MT002', MESSAGE = format('Stream %s already exists', stream);
        END IF;
        current_version := 0; head := '\x'; archived := false; created_now := true;
    ELSE
        SELECT s.version, s.head_hash, s.is_archived INTO current_version, head, archived
        FROM mt_streams s WHERE s.id = stream FOR UPDATE;
        IF NOT FOUND THEN
            IF expected_version IS NOT NULL AND expected_version <> 0 THEN
                RAISE EXCEPTION USING ERRCODE = 'MT001',
                    MESSAGE = format('Stream %s: expected version %s, actual 0', stream, expected_version);
            END IF;
            INSERT INTO mt_streams AS s (id, type, version, timestamp, created, tenant_id, head_hash)
            VALUES (stream, stream_type, 0, now(), now(), tenant, '\x') ON CONFLICT (id) DO NOTHING;
            IF FOUND THEN
                current_version := 0; head := '\x'; archived := false; created_now := true;
            ELSE
                SELECT s.version, s.head_hash, s.is_archived INTO current_version, head, archived
                FROM mt_streams s WHERE s.id = stream FOR UPDATE;
            END IF;
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

    INSERT INTO mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type,
                           correlation_id, causation_id, headers, hash)
    SELECT u.seq, u.event_id, stream, u.version, u.body, u.event_type, u.stamp, tenant, u.dotnet_type,
           u.correlation_id, u.causation_id, u.header, u.hash
    FROM unnest(seqs, event_ids, versions, bodies, event_types, stamps, dotnet_types, correlation_ids, causation_ids, headers, hashes)
        AS u (seq, event_id, version, body, event_type, stamp, dotnet_type, correlation_id, causation_id, header, hash);

    -- The stream's own times are those of its events, so that they carry no more precision than the events allow.
    UPDATE mt_streams s SET version = current_version + n, timestamp = stamps[n], head_hash = head,
        created = CASE WHEN created_now THEN stamps[1] ELSE s.created END
    WHERE s.id = stream;

    PERFORM pg_notify('mt_events', '');
    RETURN QUERY SELECT * FROM unnest(seqs, versions, stamps);
END;
$$;
