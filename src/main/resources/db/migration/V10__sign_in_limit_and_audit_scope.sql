-- Failed sign-ins per user name: kept in the database so that a restart does not lift a lock.
create table sign_in_attempt (
    -- the name as typed, in lower case: a lock holds however the name is written
    username     text primary key,
    failures     integer     not null default 0,
    window_start timestamptz,
    locked_until timestamptz
);

-- Who may read an audit entry follows the unit and the province it concerns. The writers name only their subject
-- (an assessment, possibly with its item; a cycle; a task with the assessment or cycle it belonged to; a results
-- import), so both are derived here, at read time, for old entries and new alike.
create view audit_entry as
select l.id, l.at, l.actor, l.action, l.subject_type, l.subject_id, l.before, l.after,
       coalesce(a.unit_code, l.after ->> 'unitCode')       as unit_code,
       coalesce(c.province_code, ri.province_code, l.after ->> 'province') as province_code,
       -- 'SO', 'HUYEN', or for xã the huyện whose council appraises them
       c.group_code
from audit_log l
cross join lateral (
    select case
               when l.subject_type = 'assessment' and l.subject_id ~ '^[0-9]{1,18}(/|$)'
                   then split_part(l.subject_id, '/', 1)::bigint
               when l.subject_type = 'task' and l.before ->> 'assessmentId' ~ '^[0-9]{1,18}$'
                   then (l.before ->> 'assessmentId')::bigint
           end as assessment_id,
           case
               when l.subject_type = 'cycle' and l.subject_id ~ '^[0-9]{1,18}$' then l.subject_id::bigint
               when l.subject_type = 'task' and l.before ->> 'cycleId' ~ '^[0-9]{1,18}$'
                   then (l.before ->> 'cycleId')::bigint
           end as cycle_id,
           case
               when l.subject_type = 'results-import' and l.subject_id ~ '^[0-9]{1,18}$' then l.subject_id::bigint
           end as results_import_id
) s
left join assessment a on a.id = s.assessment_id
left join cycle c on c.id = coalesce(a.cycle_id, s.cycle_id)
left join results_import ri on ri.id = s.results_import_id;

-- The audit page lists newest first, within a date range.
create index audit_log_at on audit_log (at);
