-- Token buckets of the rate limits (platform RateLimiter, Bucket4j's PostgreSQL backend): one row per limit and
-- caller, shared by every instance of the service. state is Bucket4j's serialised bucket; expires_at (epoch millis)
-- is when a full bucket no longer needs its row, after which RetentionJob deletes it.
create table rate_limit_bucket (
    id         varchar(300) primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expires_at on rate_limit_bucket (expires_at);
