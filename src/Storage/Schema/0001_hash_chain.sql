-- The per-stream hash chain over Marten's mt_events. Every row inserted, by whatever path (Marten's quick append
-- function, bulk COPY, the daemon), is chained in the same statement to its predecessor in the stream:
--   x-chain = hex(SHA-256(previous x-chain bytes ‖ canonical text of the row)), stored as a reserved header.
-- The verifier rebuilds the canonical text from the stored columns on its own (HashChain/CanonicalEvent.cs), so that
-- a function redefined in the database cannot make verification agree with altered rows.

-- A text field of the canonical form, length-prefixed so that no separator inside a value can shift the fields.
CREATE FUNCTION @schema@.reporting_canonical_field(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN value IS NULL THEN '~' ELSE octet_length(value)::text || ':' || value END;

-- The link of the row inserted last in this transaction is kept in two transaction-local settings, so that the next
-- event of the same stream in the same unit of work (a batch) needs no index lookup for its predecessor; only
-- assignments are used, which PL/pgSQL evaluates without starting the executor.
CREATE FUNCTION @schema@.reporting_chain_event() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    previous bytea;
    -- Marten writes JSON null when an event has no headers.
    own_headers jsonb := CASE WHEN jsonb_typeof(NEW.headers) = 'object' THEN NEW.headers - 'x-chain' END;
    link text;
    done text;
BEGIN
    IF NEW.version = 1 THEN
        previous := '\x';
    ELSIF current_setting('reporting.chain_key', true) = NEW.stream_id::text || ':' || (NEW.version - 1)::text THEN
        previous := decode(current_setting('reporting.chain_link'), 'hex');
    ELSE
        SELECT decode(e.headers ->> 'x-chain', 'hex') INTO previous
        FROM @schema@.mt_events e WHERE e.stream_id = NEW.stream_id AND e.version = NEW.version - 1;
        IF previous IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'RP001',
                MESSAGE = format('event %s of stream %s has no chained predecessor', NEW.version, NEW.stream_id);
        END IF;
    END IF;
    link := encode(sha256(previous || convert_to(concat_ws('|',
        NEW.seq_id::text, NEW.id::text, NEW.stream_id::text, NEW.version::text,
        @schema@.reporting_canonical_field(NEW.type),
        (extract(epoch FROM NEW.timestamp) * 1000000)::bigint::text,
        @schema@.reporting_canonical_field(NEW.tenant_id),
        @schema@.reporting_canonical_field(NEW.data::text),
        @schema@.reporting_canonical_field(encode(NEW.bdata, 'base64')),
        @schema@.reporting_canonical_field(NEW.mt_dotnet_type),
        @schema@.reporting_canonical_field(nullif(own_headers, '{}'::jsonb)::text)), 'UTF8')), 'hex');
    NEW.headers := coalesce(own_headers, '{}'::jsonb) || jsonb_build_object('x-chain', link);
    done := set_config('reporting.chain_key', NEW.stream_id::text || ':' || NEW.version::text, true);
    done := set_config('reporting.chain_link', link, true);
    RETURN NEW;
END;
$$;

CREATE TRIGGER reporting_chain BEFORE INSERT ON @schema@.mt_events
    FOR EACH ROW EXECUTE FUNCTION @schema@.reporting_chain_event();

-- Stored events are never changed or deleted through the application's connections: Marten's masking and compaction,
-- which rewrite rows, are refused here rather than left to break the chain. Only is_archived may change.
CREATE FUNCTION @schema@.reporting_refuse_event_rewrite() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'RP002',
        MESSAGE = 'stored events are chained and are never changed or deleted (reporting verify would show it)';
END;
$$;

CREATE TRIGGER reporting_events_never_change
    BEFORE UPDATE OF seq_id, id, stream_id, version, data, bdata, type, tenant_id, timestamp, mt_dotnet_type, headers
    ON @schema@.mt_events FOR EACH ROW EXECUTE FUNCTION @schema@.reporting_refuse_event_rewrite();

CREATE TRIGGER reporting_events_never_deleted BEFORE DELETE ON @schema@.mt_events
    FOR EACH ROW EXECUTE FUNCTION @schema@.reporting_refuse_event_rewrite();
