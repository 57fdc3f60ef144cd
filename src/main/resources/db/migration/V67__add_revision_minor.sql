-- An editor marks an edit of a published story as minor (a typo, formatting): the story's public history lists it,
-- but it does not move the "Updated" time or dateModified. Every other edit of what readers read does.
alter table story_revision add column minor boolean default false not null;
