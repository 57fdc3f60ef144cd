-- The editors' hand on the front page: a story pinned as the lead until a time, and a breaking-news banner across
-- every page until a time. One row; every instance reads it, and each change goes through the change log.
create table front_page_control (
    id               integer      primary key check (id = 1),
    pinned_story_id  bigint       references story (id) on delete set null,
    pinned_until     timestamp with time zone,
    banner_text      varchar(300),
    banner_url       varchar(500),
    banner_until     timestamp with time zone,
    changed_at       timestamp with time zone,
    changed_by       varchar(60)
);

insert into front_page_control (id) values (1);
