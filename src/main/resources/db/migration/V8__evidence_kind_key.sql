-- The search filters by kind without regard to diacritics or case ("quyet dinh" for "Quyết định"). Kept as a column,
-- the folded kind has statistics of its own, so the planner knows how many files a kind has and chooses its plan
-- accordingly, which it cannot for the same expression written in the query.
alter table evidence_file
    add column doc_kind_key text generated always as (dti_unaccent(lower(doc_kind))) stored;
