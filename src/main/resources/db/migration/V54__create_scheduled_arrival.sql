-- One row per scheduled story whose time came: the instance that inserts it records the story's change (its pages,
-- lists, search entry and purges follow from the change log, as for any save); the key refuses every other instance,
-- so a story goes live exactly once however many instances run. A new time after a reschedule is a new arrival.
create table scheduled_arrival (
    story_id     bigint                   not null references story (id) on delete cascade,
    published_at timestamp with time zone not null,
    recorded_at  timestamp with time zone not null,
    primary key (story_id, published_at)
);
