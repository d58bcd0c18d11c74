-- The decision's draft in its parts (heading, articles, ranking table, recipients, signer), frozen at publication like
-- its text, so that its DOCX and PDF are laid out from what was published. Null for cycles published before.
alter table publication add column decision jsonb;
