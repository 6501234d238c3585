-- Marten stamps mt_streams.created and .timestamp with the database clock at every append. For a case stream that is
-- the exact minute an informant acted, which the events themselves keep only to the hour. Nothing reads these two
-- columns but Marten's own stream state; they are kept to the hour for every stream.
CREATE FUNCTION @schema@.reporting_coarsen_stream_times() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.timestamp := date_trunc('hour', NEW.timestamp);
    NEW.created := date_trunc('hour', NEW.created);
    RETURN NEW;
END;
$$;

CREATE TRIGGER reporting_coarse_stream_times BEFORE INSERT OR UPDATE ON @schema@.mt_streams
    FOR EACH ROW EXECUTE FUNCTION @schema@.reporting_coarsen_stream_times();
