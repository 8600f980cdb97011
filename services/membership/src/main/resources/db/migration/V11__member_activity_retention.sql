-- Days that have aged out of member_activity_day are purged by a scheduled job (service/ActivityRetention, through the
-- platform's RetentionJob) instead of by every write: this index finds them without reading every community.
create index member_activity_day_by_age on member_activity_day (day);
