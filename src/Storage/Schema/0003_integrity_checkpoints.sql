-- Signed checkpoints over the event history: at Marten's high-water mark (every sequence number at or below it is
-- committed or will never be), the number of streams and a hash over every stream's chain head as of that number,
-- signed with Ed25519. A chain rewritten consistently by someone who can write the tables still disagrees with the
-- last checkpoint before the rewrite.
CREATE TABLE @schema@.integrity_checkpoints (
    id bigserial PRIMARY KEY,
    seq_id bigint NOT NULL,
    stream_count bigint NOT NULL,
    heads_hash bytea NOT NULL,
    public_key bytea NOT NULL,
    signature bytea NOT NULL,
    created timestamptz NOT NULL DEFAULT now()
);
