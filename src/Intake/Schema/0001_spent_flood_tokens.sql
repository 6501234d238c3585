-- Spent proof-of-work challenges and portal form tokens (documents of type SpentFloodToken), shared by every Intake
-- host on this database, so that a token is good once across all of them. The table has the document store's layout
-- and is created here, before the store creates document tables, so that it can carry the trigger below; the
-- store's own CREATE TABLE IF NOT EXISTS then finds it in place.
CREATE TABLE IF NOT EXISTS mt_doc_spentfloodtoken (
    id text PRIMARY KEY,
    data jsonb NOT NULL,
    mt_version uuid NOT NULL,
    mt_last_modified timestamptz NOT NULL DEFAULT date_trunc('hour', now()),
    mt_dotnet_type text NULL);

-- The document store writes with an upsert, which would let a second spend overwrite the first. Here the update
-- path fails instead, as an insert of an existing key does: of two hosts spending one token at once, the second waits
-- for the first to commit and then fails; if the first rolls back, the second spends it.
CREATE FUNCTION intake_refuse_second_spend() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'unique_violation', MESSAGE = 'flood token already spent';
END;
$$;

CREATE TRIGGER refuse_second_spend BEFORE UPDATE ON mt_doc_spentfloodtoken
    FOR EACH ROW EXECUTE FUNCTION intake_refuse_second_spend();
