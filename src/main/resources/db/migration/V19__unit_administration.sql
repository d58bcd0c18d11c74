-- Units an administrator adds, renames and retires without a rebuild (issue 11). A retired unit stays, with the last
-- day it was evaluated, so that past years keep pointing at it; it is left out of new cycles. The unit's period
-- (valid_from beside valid_until), its kind and its successors extend these columns for a reorganisation.
alter table unit add column valid_until date;
-- FILE: as units/*.yaml (or the units directory) says, updated at each start; ADMIN: added or changed by the
-- province's administrator, which a file no longer overwrites.
alter table unit add column managed_by varchar(8) not null default 'FILE' check (managed_by in ('FILE', 'ADMIN'));
create index unit_province_active on unit (province_code, level) where valid_until is null;
