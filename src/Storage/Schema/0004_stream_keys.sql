-- Each stream's data key, wrapped under the key-encryption key, kept apart from Marten's event tables so that
-- destroying it erases the stream's shreddable fields without touching an event (and so without breaking a chain).
-- A shredded stream keeps its row, with the key gone and the time it was destroyed. No creation time is kept: it
-- would date the stream's first event more precisely than that event's own timestamp may.
CREATE TABLE @schema@.stream_keys (
    stream uuid PRIMARY KEY,
    data_key bytea NULL,
    shredded_at timestamptz NULL,
    CHECK ((data_key IS NULL) = (shredded_at IS NOT NULL))
);
