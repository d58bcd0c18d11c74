-- The rules (quy chế) of each indicator set version, read from the same file as its items. Kept apart from the
-- set's checksum: a profile may be corrected until a cycle uses the version, never after.
alter table indicator_set add column profile text;
alter table indicator_set add column profile_checksum varchar(64);
