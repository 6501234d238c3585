-- The highest event sequence stored before a moment: how a host tells that a projection has counted everything up to
-- then. A function of the schema's owner, so that a role whose row-level security hides the events (the public
-- record's) learns that one number and nothing of the events themselves.
CREATE FUNCTION @schema@.reporting_last_sequence_before(cutoff timestamptz) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT coalesce((SELECT e.seq_id FROM @schema@.mt_events e WHERE e.timestamp < cutoff ORDER BY e.seq_id DESC LIMIT 1), 0)
$$;
