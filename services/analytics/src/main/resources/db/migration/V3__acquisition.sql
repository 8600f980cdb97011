-- Acquisition: openings of entries and live codes (hearth.entry.opened) and the joins they lead to are tied together
-- by the visitor id, and attributed to the entry's source label. Both are pulled out of the data like the channel
-- and the referrer, so the acquisition funnel and the referrer ranking can filter and join on them.
alter table event_log add column visitor_id text;
alter table event_log add column entry_source text;

-- Rows logged before this version keep everything in data: fill the columns in from it. Openings were logged
-- without a person; a signed-in opening is about its userId.
update event_log
   set visitor_id = data ->> 'visitorId',
       entry_source = data ->> 'source',
       entry_channel = data ->> 'channel',
       referrer_id = data ->> 'referrerId',
       person_id = coalesce(person_id, data ->> 'userId')
 where type in ('hearth.entry.opened', 'hearth.member.joined');

-- Which person a visitor turned out to be (the join that carries the visitor id), and a visitor's openings.
create index event_log_by_community_type_visitor on event_log (community_id, type, visitor_id)
    where visitor_id is not null;
