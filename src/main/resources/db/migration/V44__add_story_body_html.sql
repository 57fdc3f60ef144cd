-- A story's body as readers see it, rendered from body_markdown and sanitised once when the story is saved, so that no
-- page view, feed rebuild or search parses Markdown. Null until rendered: rows written before this column, or without
-- the newsroom (an import, a generated archive), are rendered at start-up (news.gazette.admin.StoryBackfill).
-- Portable SQL: H2 2.x and PostgreSQL both accept it.
alter table story add column body_html varchar;
