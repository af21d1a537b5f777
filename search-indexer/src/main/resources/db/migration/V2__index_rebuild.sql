-- Where the last rebuild of the index stands: one row, written by the instance that runs the rebuild and
-- read by every instance, so that GET /search/reindex answers the same whichever instance it reaches. A
-- rebuild runs while its instance holds the job's advisory lock (IndexRebuild); a RUNNING row whose lock
-- nobody holds belongs to an instance that stopped before it was done.
create table index_rebuild (
    only_row    boolean     primary key default true check (only_row),
    state       varchar(8)  not null,
    started_at  timestamptz,
    finished_at timestamptz,
    events_read bigint      not null default 0,
    error       text
);
