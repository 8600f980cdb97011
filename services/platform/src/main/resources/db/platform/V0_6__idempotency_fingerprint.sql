-- A reused Idempotency-Key must carry the same request: keep a SHA-256 of it to compare. Keys remembered before this
-- column existed have none and replay as before.
alter table idempotency_key add column request_hash text;
